//! Activity entries in the company file: imports are idempotent, updates audited.

use athar_domain::NewCompany;
use athar_inventory::{ActivityEntry, ActivityKind, Amount, DataQuality, Origin, Period};
use athar_store::{CompanyFile, ImportOutcome, ImportRow, StoreError, Unlock};
use time::macros::date;

const PASS: &str = "activity passphrase 1";
const ACTOR: &str = "tester@host";

fn entry(id: &str, mwh: &str) -> ActivityEntry {
    ActivityEntry {
        id: id.into(),
        site: "site-1".into(),
        period: Period::new(date!(2026 - 01 - 01), date!(2026 - 01 - 31)),
        amount: Amount::Quantity(format!("{mwh} MWh").parse().unwrap()),
        origin: Origin::Import {
            file: "bills.csv".into(),
            row: Some(2),
        },
        evidence: None,
        quality: DataQuality::Measured,
        activity: ActivityKind::Electricity {
            instruments: vec![],
        },
        factor: None,
    }
}

fn rows(v: &[(&str, &str)]) -> Vec<ImportRow> {
    v.iter()
        .map(|(id, q)| ImportRow {
            external_row_id: id.to_string(),
            entry: entry(id, q),
        })
        .collect()
}

fn company(dir: &std::path::Path) -> (std::path::PathBuf, CompanyFile) {
    let path = dir.join("a.athar");
    let f = CompanyFile::create(
        &path,
        PASS,
        NewCompany {
            name: "Nile".into(),
            country: "EG".into(),
            reporting_year: 2026,
        },
        ACTOR,
    )
    .unwrap();
    (path, f)
}

#[test]
fn import_twice_changes_nothing_and_a_changed_row_is_an_audited_update() {
    let dir = tempfile::tempdir().unwrap();
    let (path, mut f) = company(dir.path());
    let first = f
        .import_entries("bills.csv", &rows(&[("E-1", "100"), ("E-2", "5")]), ACTOR)
        .unwrap();
    assert_eq!(
        first,
        ImportOutcome {
            inserted: 2,
            unchanged: 0,
            updated: 0
        }
    );
    let count = f.audit_count().unwrap();
    let again = f
        .import_entries("bills.csv", &rows(&[("E-1", "100"), ("E-2", "5")]), ACTOR)
        .unwrap();
    assert_eq!(
        again,
        ImportOutcome {
            inserted: 0,
            unchanged: 2,
            updated: 0
        }
    );
    assert_eq!(
        f.audit_count().unwrap(),
        count,
        "no-op imports are not audited"
    );
    assert_eq!(f.list_entries().unwrap().len(), 2);

    let changed = f
        .import_entries("bills.csv", &rows(&[("E-1", "100"), ("E-2", "7.5")]), ACTOR)
        .unwrap();
    assert_eq!(
        changed,
        ImportOutcome {
            inserted: 0,
            unchanged: 1,
            updated: 1
        }
    );
    let last = f.audit_entries().unwrap().pop().unwrap();
    assert_eq!(
        (
            last.entity.as_str(),
            last.entity_id.as_str(),
            last.action.as_str()
        ),
        ("activity_entry", "E-2", "update")
    );
    assert!(last.before.unwrap().contains("\"5\""));
    assert!(last.after.unwrap().contains("\"7.5\""));
    assert!(f.verify_audit().unwrap().intact());
    drop(f);

    let f = CompanyFile::open(&path, Unlock::Passphrase(PASS.into())).unwrap();
    let stored = f.list_entries().unwrap();
    assert_eq!(stored[1].entry, entry("E-2", "7.5"));
    assert_eq!(stored[1].source, "bills.csv");
    assert_eq!(stored[1].external_row_id.as_deref(), Some("E-2"));
    assert!(f.verify_audit().unwrap().intact());
    assert!(!f.factor_packs().unwrap().is_empty());
}

#[test]
fn manual_entries_add_update_delete() {
    let dir = tempfile::tempdir().unwrap();
    let (_path, mut f) = company(dir.path());
    let mut e = entry("M-1", "1");
    e.origin = Origin::Manual;
    f.add_entry(&e, ACTOR).unwrap();
    assert!(matches!(
        f.add_entry(&e, ACTOR),
        Err(StoreError::EntryIdTaken(_))
    ));
    e.quality = DataQuality::Estimated;
    f.update_entry("M-1", &e, ACTOR).unwrap();
    assert_eq!(f.entry("M-1").unwrap(), Some(e.clone()));
    f.delete_entry("M-1", ACTOR).unwrap();
    assert!(matches!(
        f.delete_entry("M-1", ACTOR),
        Err(StoreError::EntryNotFound(_))
    ));
    let actions: Vec<_> = f
        .audit_entries()
        .unwrap()
        .into_iter()
        .filter(|a| a.entity == "activity_entry")
        .map(|a| a.action)
        .collect();
    assert_eq!(actions, ["create", "update", "delete"]);
    assert!(f.verify_audit().unwrap().intact());
    // An import may not take an id another source already uses; nothing is written.
    f.import_entries("a.csv", &rows(&[("X", "1")]), ACTOR)
        .unwrap();
    assert!(matches!(
        f.import_entries("b.csv", &rows(&[("Y", "1"), ("X", "1")]), ACTOR),
        Err(StoreError::EntryIdTaken(_))
    ));
    assert_eq!(f.list_entries().unwrap().len(), 1);
}
