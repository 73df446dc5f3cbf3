//! Workflow tests of the encrypted company file: the guarantees issue #3 lists for the store.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use athar_domain::{CompanyData, Customer, Money, NewCompany, Site};
use athar_store::{AuditFault, CompanyFile, StoreError, Unlock, LATEST_SCHEMA_VERSION};

const PASS: &str = "correct horse battery staple";
const ACTOR: &str = "test";

fn new_company(name: &str) -> NewCompany {
    NewCompany {
        name: name.into(),
        country: "EG".into(),
        reporting_year: 2026,
    }
}

fn create(dir: &Path, name: &str) -> (PathBuf, CompanyFile) {
    let path = dir.join(format!("{name}.athar"));
    let file = CompanyFile::create(&path, PASS, new_company(name), ACTOR).unwrap();
    (path, file)
}

/// Every file in `dir` with its bytes.
fn snapshot(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| {
            let e = e.unwrap();
            (
                e.file_name().to_string_lossy().into_owned(),
                std::fs::read(e.path()).unwrap(),
            )
        })
        .collect()
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

#[test]
fn create_then_reopen_keeps_the_data() {
    let dir = tempfile::tempdir().unwrap();
    let (path, mut file) = create(dir.path(), "Nile Steel");
    let mut data = file.load().unwrap();
    data.profile.legal_name_ar = "النيل للصلب".into();
    data.profile.turnover = Some(Money {
        amount: "1250000.75".parse().unwrap(),
        currency: "EGP".into(),
    });
    data.sites.push(Site {
        name: "Plant 1".into(),
        unlocode: "EGALY".into(),
        ..Site::default()
    });
    data.customers.push(Customer {
        name: "Stahl GmbH".into(),
        country: "DE".into(),
        email: "a@b.de".into(),
        id: None,
    });
    let saved = file.save(&data, ACTOR).unwrap();
    drop(file);

    let file = CompanyFile::open(&path, Unlock::Passphrase(PASS.into())).unwrap();
    let loaded = file.load().unwrap();
    assert_eq!(loaded, saved);
    assert_eq!(loaded.profile.legal_name_en, "Nile Steel");
    assert_eq!(
        loaded.profile.turnover.unwrap().amount.to_string(),
        "1250000.75"
    );
    assert_eq!(loaded.sites[0].id, Some(1));
    assert_eq!(file.schema_version().unwrap(), LATEST_SCHEMA_VERSION);
    assert!(file.migration_backup().is_none());
}

#[test]
fn the_raw_key_opens_the_file_too() {
    let dir = tempfile::tempdir().unwrap();
    let (path, file) = create(dir.path(), "Key");
    let key = file.key().clone();
    drop(file);
    let file = CompanyFile::open(&path, Unlock::Key(key)).unwrap();
    assert_eq!(file.load().unwrap().profile.legal_name_en, "Key");
}

#[test]
fn plain_sqlcipher_opens_it_with_the_passphrase() {
    // Proves the file is standard SQLCipher 4: the passphrase alone, through SQLCipher's own
    // KDF, opens it. No side file is involved.
    let dir = tempfile::tempdir().unwrap();
    let (path, file) = create(dir.path(), "Portable");
    drop(file);
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.pragma_update(None, "key", PASS).unwrap();
    let name: String = conn
        .query_row("SELECT legal_name_en FROM company", [], |r| r.get(0))
        .unwrap();
    assert_eq!(name, "Portable");
}

#[test]
fn a_wrong_passphrase_is_a_typed_error_and_changes_nothing_on_disk() {
    let dir = tempfile::tempdir().unwrap();
    let (path, file) = create(dir.path(), "Locked");
    drop(file);
    let before = snapshot(dir.path());
    match CompanyFile::open(&path, Unlock::Passphrase("not the passphrase".into())) {
        Err(StoreError::WrongPassphrase(p)) => assert_eq!(p, path),
        other => panic!("expected WrongPassphrase, got {:?}", other.map(|_| ())),
    }
    assert_eq!(snapshot(dir.path()), before, "bytes or side files changed");
}

#[test]
fn no_plaintext_reaches_the_disk() {
    let dir = tempfile::tempdir().unwrap();
    let marker = "PLAINTEXT-MARKER-7f3a9c";
    let (_path, mut file) = create(dir.path(), marker);
    let mut data = file.load().unwrap();
    data.profile.address = format!("{marker} street");
    data.sites.push(Site {
        name: format!("{marker} site"),
        ..Site::default()
    });
    file.save(&data, ACTOR).unwrap();
    // Check while the file is open (journal and temp files would exist now) and after.
    for (name, bytes) in snapshot(dir.path()) {
        assert!(
            !contains(&bytes, marker.as_bytes()),
            "marker found in {name} while open"
        );
    }
    drop(file);
    let files = snapshot(dir.path());
    assert_eq!(
        files.len(),
        1,
        "no side files: {:?}",
        files.keys().collect::<Vec<_>>()
    );
    for (name, bytes) in files {
        assert!(
            !contains(&bytes, marker.as_bytes()),
            "marker found in {name}"
        );
        assert!(
            !contains(&bytes, b"SQLite format 3"),
            "{name} has a plaintext header"
        );
    }
}

#[test]
fn a_passphrase_change_rekeys_without_losing_data() {
    let dir = tempfile::tempdir().unwrap();
    let (path, mut file) = create(dir.path(), "Rekey");
    let mut data = file.load().unwrap();
    data.customers.push(Customer {
        name: "Importer BV".into(),
        country: "NL".into(),
        email: String::new(),
        id: None,
    });
    let saved = file.save(&data, ACTOR).unwrap();
    assert!(matches!(
        file.change_passphrase("wrong current", "new passphrase 2026", ACTOR),
        Err(StoreError::CurrentPassphraseWrong)
    ));
    file.change_passphrase(PASS, "new passphrase 2026", ACTOR)
        .unwrap();
    drop(file);

    assert!(matches!(
        CompanyFile::open(&path, Unlock::Passphrase(PASS.into())),
        Err(StoreError::WrongPassphrase(_))
    ));
    let file = CompanyFile::open(&path, Unlock::Passphrase("new passphrase 2026".into())).unwrap();
    assert_eq!(file.load().unwrap(), saved);
    assert!(file.verify_audit().unwrap().intact());
    let last = file.audit_entries().unwrap().pop().unwrap();
    assert_eq!(
        (last.entity.as_str(), last.action.as_str()),
        ("file", "rekey")
    );
}

#[test]
fn opening_an_old_schema_makes_an_encrypted_backup_first() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.athar");
    let file = CompanyFile::create_at_schema(&path, PASS, Some(1)).unwrap();
    assert_eq!(file.schema_version().unwrap(), 1);
    file.connection()
        .execute("INSERT INTO company (id, legal_name_en, country, reporting_year) VALUES (1, 'Old Co', 'EG', 2025)", [])
        .unwrap();
    drop(file);
    let original = std::fs::read(&path).unwrap();

    let file = CompanyFile::open(&path, Unlock::Passphrase(PASS.into())).unwrap();
    assert_eq!(file.schema_version().unwrap(), LATEST_SCHEMA_VERSION);
    let backup = file
        .migration_backup()
        .expect("a backup was made")
        .to_path_buf();
    assert_eq!(
        std::fs::read(&backup).unwrap(),
        original,
        "the backup is the file as it was"
    );
    assert!(!contains(&original, b"Old Co"));
    drop(file);
    // The backup is a working, encrypted company file at the old schema.
    let conn = rusqlite::Connection::open(&backup).unwrap();
    conn.pragma_update(None, "key", PASS).unwrap();
    let name: String = conn
        .query_row("SELECT legal_name_en FROM company", [], |r| r.get(0))
        .unwrap();
    assert_eq!(name, "Old Co");
}

#[test]
fn editing_the_audit_log_with_sql_is_detected() {
    let dir = tempfile::tempdir().unwrap();
    let (path, mut file) = create(dir.path(), "Audited");
    let mut data = file.load().unwrap();
    data.profile.city = "Cairo".into();
    file.save(&data, ACTOR).unwrap();
    data.profile.city = "Giza".into();
    file.save(&data, ACTOR).unwrap();
    let v = file.verify_audit().unwrap();
    assert!(v.intact());
    // create company, created_by, the embedded factor packs, two saves.
    assert_eq!(v.entries, 5);
    file.connection()
        .execute(
            "UPDATE audit_log SET actor = 'someone else' WHERE seq = 4",
            [],
        )
        .unwrap();
    drop(file);
    let file = CompanyFile::open(&path, Unlock::Passphrase(PASS.into())).unwrap();
    assert_eq!(
        file.verify_audit().unwrap().first_bad,
        Some((4, AuditFault::Edited))
    );
}

#[test]
fn removing_audit_entries_is_detected() {
    let dir = tempfile::tempdir().unwrap();
    let (_path, mut file) = create(dir.path(), "Audited");
    let mut data = file.load().unwrap();
    for city in ["A", "B", "C"] {
        data.profile.city = city.into();
        file.save(&data, ACTOR).unwrap();
    }
    file.connection()
        .execute("DELETE FROM audit_log WHERE seq = 2", [])
        .unwrap();
    assert_eq!(
        file.verify_audit().unwrap().first_bad,
        Some((2, AuditFault::Missing))
    );
    file.connection()
        .execute("DELETE FROM audit_log WHERE seq >= 2", [])
        .unwrap();
    assert_eq!(
        file.verify_audit().unwrap().first_bad,
        Some((2, AuditFault::Truncated))
    );
}

#[test]
fn every_change_is_audited_with_before_and_after() {
    let dir = tempfile::tempdir().unwrap();
    let (_path, mut file) = create(dir.path(), "Changes");
    let mut data: CompanyData = file.load().unwrap();
    data.sites.push(Site {
        name: "S1".into(),
        ..Site::default()
    });
    let saved = file.save(&data, ACTOR).unwrap();
    let mut edited = saved.clone();
    edited.sites[0].name = "S1 renamed".into();
    let saved = file.save(&edited, ACTOR).unwrap();
    let mut removed = saved.clone();
    removed.sites.clear();
    file.save(&removed, ACTOR).unwrap();
    // Saving the same state again writes nothing.
    file.save(&removed, ACTOR).unwrap();
    let log: Vec<(String, String)> = file
        .audit_entries()
        .unwrap()
        .into_iter()
        .filter(|e| e.entity == "site")
        .map(|e| (e.action, e.after.unwrap_or_else(|| e.before.unwrap())))
        .collect();
    assert_eq!(log.len(), 3);
    assert_eq!(log[0].0, "create");
    assert!(log[1].1.contains("S1 renamed"));
    assert_eq!(log[2].0, "delete");
}

#[test]
fn files_that_are_not_company_files_are_refused_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let jpeg = dir.path().join("photo.athar");
    std::fs::write(
        &jpeg,
        [0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, b'J', b'F', b'I', b'F'],
    )
    .unwrap();
    assert!(matches!(
        CompanyFile::open(&jpeg, Unlock::Passphrase(PASS.into())),
        Err(StoreError::NotCompanyFile(_))
    ));
    let empty = dir.path().join("empty.athar");
    std::fs::write(&empty, b"").unwrap();
    assert!(matches!(
        CompanyFile::open(&empty, Unlock::Passphrase(PASS.into())),
        Err(StoreError::NotCompanyFile(_))
    ));
    let plain = dir.path().join("plain.athar");
    rusqlite::Connection::open(&plain)
        .unwrap()
        .execute_batch("CREATE TABLE t (x); INSERT INTO t VALUES (1);")
        .unwrap();
    assert!(matches!(
        CompanyFile::open(&plain, Unlock::Passphrase(PASS.into())),
        Err(StoreError::PlainSqlite(_))
    ));
    let missing = dir.path().join("missing.athar");
    assert!(matches!(
        CompanyFile::open(&missing, Unlock::Passphrase(PASS.into())),
        Err(StoreError::NotFound(_))
    ));
    let (path, _file) = create(dir.path(), "Exists");
    assert!(matches!(
        CompanyFile::create(&path, PASS, new_company("Again"), ACTOR),
        Err(StoreError::FileExists(_))
    ));
}
