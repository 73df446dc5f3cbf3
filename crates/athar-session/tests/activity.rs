//! The activity, import, inventory, explain and own-factor workflow as the desktop app drives
//! it: typed entries checked before saving, an import previewed then committed twice, the
//! dashboard summary and one explanation, and a company factor that makes Scope 3 computable.

use std::str::FromStr;

use athar_domain::NewCompany;
use athar_factors::{FactorRow, GwpBasis};
use athar_inventory::{
    ActivityEntry, ActivityKind, Amount, Combustion, DataQuality, Instrument, InstrumentKind,
    Origin, Period,
};
use athar_prefs::PrefsFile;
use athar_protocol::activity::{
    ActivityFilter, ExplainArgs, ImportArgs, InventoryArgs, SaveEntryArgs, SaveFactorArgs,
    ScopeFilter,
};
use athar_protocol::CreateCompanyArgs;
use athar_quantity::{Quantity, Rate, Unit};
use athar_session::Session;
use rust_decimal::Decimal;
use time::macros::date;

fn d(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

fn open(dir: &std::path::Path) -> Session {
    let mut s = Session::new(
        PrefsFile::at(dir.join("prefs.json")),
        "test:user".into(),
        false,
    );
    s.create_company(CreateCompanyArgs {
        path: dir.join("co.athar").display().to_string(),
        passphrase: "a long enough passphrase".into(),
        passphrase_confirm: "a long enough passphrase".into(),
        remember: false,
        company: NewCompany {
            name: "Delta Foundry".into(),
            country: "EG".into(),
            reporting_year: 2026,
        },
    })
    .unwrap();
    s
}

fn diesel(id: &str, litres: &str) -> ActivityEntry {
    ActivityEntry {
        id: id.into(),
        site: "Main plant".into(),
        period: Period::new(date!(2026 - 03 - 01), date!(2026 - 03 - 31)),
        amount: Amount::Quantity(Quantity::new(d(litres), Unit::Litre)),
        origin: Origin::Manual,
        evidence: None,
        quality: DataQuality::Measured,
        activity: ActivityKind::Fuel {
            fuel: "gas-diesel-oil".into(),
            combustion: Combustion::Mobile,
            normalisation: None,
        },
        factor: None,
    }
}

fn fields(e: &athar_protocol::UiError) -> Vec<&str> {
    e.fields.iter().map(|f| f.field.as_str()).collect()
}

#[test]
fn entries_are_checked_saved_filtered_and_deleted() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = open(dir.path());

    // A negative amount, a period that ends before it starts, and kWh for refrigerant leakage
    // are the entry's own faults: nothing is saved.
    let mut bad = diesel("D-1", "-5");
    bad.period = Period::new(date!(2026 - 03 - 31), date!(2026 - 03 - 01));
    let e = s
        .save_entry(SaveEntryArgs {
            original_id: None,
            entry: bad,
        })
        .unwrap_err();
    assert!(fields(&e).contains(&"entry.amount"), "{e:?}");
    assert!(fields(&e).contains(&"entry.period_to"), "{e:?}");
    let mut leak = diesel("R-1", "3");
    leak.amount = Amount::Quantity(Quantity::new(d("3"), Unit::KilowattHour));
    leak.activity = ActivityKind::Refrigerant {
        gas: "HFC-134a".into(),
    };
    let e = s
        .save_entry(SaveEntryArgs {
            original_id: None,
            entry: leak,
        })
        .unwrap_err();
    assert_eq!(e.fields[0].key, "entry-err-unit-not-accepted");

    // Instruments covering more than the consumption are refused too.
    let mut el = diesel("E-1", "0");
    el.amount = Amount::Quantity(Quantity::new(d("10"), Unit::MegawattHour));
    el.activity = ActivityKind::Electricity {
        instruments: vec![Instrument {
            id: "IREC-1".into(),
            kind: InstrumentKind::Certificate {
                scheme: "I-REC".into(),
            },
            covers: Some(Quantity::new(d("12"), Unit::MegawattHour)),
            factor: Rate::new(Decimal::ZERO, "kgCO2e/kWh".parse().unwrap()),
            evidence: None,
        }],
    };
    let e = s
        .save_entry(SaveEntryArgs {
            original_id: None,
            entry: el.clone(),
        })
        .unwrap_err();
    assert_eq!(fields(&e), ["entry.instruments"]);
    assert_eq!(
        s.list_activity(&ActivityFilter::default()).unwrap().total,
        0
    );

    // A purchase with no factor yet is saved: the factor can come later.
    let mut steel = diesel("P-1", "0");
    steel.amount = Amount::Quantity(Quantity::new(d("12"), Unit::Tonne));
    steel.activity = ActivityKind::PurchasedGoods {
        material: "steel-coil".into(),
    };
    for e in [diesel("D-1", "1000"), steel] {
        s.save_entry(SaveEntryArgs {
            original_id: None,
            entry: e,
        })
        .unwrap();
    }
    // Ids are unique.
    let e = s
        .save_entry(SaveEntryArgs {
            original_id: None,
            entry: diesel("D-1", "1"),
        })
        .unwrap_err();
    assert_eq!(e.fields[0].key, "error-entry-id-taken");

    let page = s
        .list_activity(&ActivityFilter {
            scope: Some(ScopeFilter::Scope3),
            ..ActivityFilter::default()
        })
        .unwrap();
    assert_eq!((page.matching, page.total), (1, 2));
    assert_eq!(page.rows[0].category, Some(1));
    assert_eq!(page.years, [2026]);
    let none = s
        .list_activity(&ActivityFilter {
            year: Some(2026),
            month: Some(4),
            ..ActivityFilter::default()
        })
        .unwrap();
    assert_eq!(none.matching, 0);
    let found = s
        .list_activity(&ActivityFilter {
            text: Some("steel".into()),
            ..ActivityFilter::default()
        })
        .unwrap();
    assert_eq!(found.rows[0].entry.id, "P-1");

    // Edit under a new id, then delete.
    s.save_entry(SaveEntryArgs {
        original_id: Some("D-1".into()),
        entry: diesel("D-1b", "1200"),
    })
    .unwrap();
    s.delete_entry("D-1b").unwrap();
    assert_eq!(
        s.list_activity(&ActivityFilter::default()).unwrap().total,
        1
    );
}

#[test]
fn the_dashboard_lists_what_cannot_be_computed_until_a_factor_is_added() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = open(dir.path());
    let mut steel = diesel("P-1", "0");
    steel.amount = Amount::Quantity(Quantity::new(d("12"), Unit::Tonne));
    steel.activity = ActivityKind::PurchasedGoods {
        material: "steel-coil".into(),
    };
    for e in [diesel("D-1", "1000"), steel] {
        s.save_entry(SaveEntryArgs {
            original_id: None,
            entry: e,
        })
        .unwrap();
    }
    let args = InventoryArgs {
        year: 2026,
        monthly: false,
    };
    let v = s.inventory(args).unwrap();
    assert!(v.totals.is_none());
    assert_eq!(v.problems.len(), 1);
    assert_eq!(v.problems[0].entry, "P-1");
    assert_eq!(v.problems[0].error.key, "entry-err-factor-not-found");

    let factor = FactorRow {
        id: "coil-pcf".into(),
        pack: String::new(),
        version: String::new(),
        activity: "material:steel-coil".into(),
        parameter: "ef".into(),
        route: None,
        region: "EG".into(),
        valid_from: None,
        valid_to: None,
        value: d("2.1"),
        unit: "tCO2e/t".parse().unwrap(),
        gas: "CO2e".into(),
        gwp_basis: GwpBasis::Ar5,
        source: "Supplier PCF declaration".into(),
        source_ref: "Declaration 7, table 1".into(),
        licence: "company data".into(),
        notes: String::new(),
    };
    // A factor without a citation is refused beside the field.
    let mut uncited = factor.clone();
    uncited.source_ref = String::new();
    let e = s
        .save_company_factor(SaveFactorArgs {
            original_id: None,
            factor: uncited,
        })
        .unwrap_err();
    assert_eq!(fields(&e), ["factor.source_ref"]);
    let saved = s
        .save_company_factor(SaveFactorArgs {
            original_id: None,
            factor: factor.clone(),
        })
        .unwrap();
    assert_eq!(saved.factors[0].version, "1");

    // 1000 L diesel = 2.6676 t (RED II NCV × IR 2025/2547 EF); 12 t × 2.1 = 25.2 t.
    let v = s.inventory(args).unwrap();
    let totals = v.totals.expect("computable now");
    assert_eq!(totals.scope1.value, d("2.6676"));
    assert_eq!(totals.scope3.value, d("25.2"));
    assert_eq!(v.scope3_categories[0].0, 1);

    // Explain the Scope 3 line: the company factor, cited with its version.
    let ex = s
        .explain(&ExplainArgs {
            year: 2026,
            monthly: false,
            id: "line/P-1".into(),
        })
        .unwrap();
    assert_eq!(ex.factors[0].key(), "company/coil-pcf@1");
    assert_eq!(ex.sources["P-1"], "manual");
    // A changed factor is a new version; the dashboard recomputes with it.
    let mut v2 = factor;
    v2.value = d("2.0");
    let saved = s
        .save_company_factor(SaveFactorArgs {
            original_id: Some("coil-pcf".into()),
            factor: v2,
        })
        .unwrap();
    assert_eq!(saved.factors.len(), 1);
    assert_eq!(saved.factors[0].version, "2");
    assert_eq!(
        s.inventory(args).unwrap().totals.unwrap().scope3.value,
        d("24.0")
    );
    let top = s
        .explain(&ExplainArgs {
            year: 2026,
            monthly: false,
            id: "total-location/all/2026".into(),
        })
        .unwrap();
    assert!(top.node.children.is_empty(), "children travel as summaries");
    assert_eq!(top.children_total, 3);
}

#[test]
fn an_import_is_previewed_then_saved_once() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = open(dir.path());
    let csv = dir.path().join("bills.csv");
    std::fs::write(
        &csv,
        "Ref,Site,From,To,Kind,Fuel,Quantity,Unit\n\
         A,Main plant,2026-01-01,2026-01-31,fuel,gas-diesel-oil,100,L\n\
         B,Main plant,2026-02-01,2026-02-28,electricity,,5000,kWh\n\
         C,Main plant,2026-03-01,2026-03-31,electricity,,-1,kWh\n",
    )
    .unwrap();
    let args = ImportArgs {
        path: csv.display().to_string(),
        mapping: Default::default(),
    };
    let p = s.preview_import(&args).unwrap();
    assert_eq!((p.rows_total, p.rows_valid, p.problems_total), (3, 2, 1));
    assert_eq!(p.mapping["id"], "Ref");
    assert_eq!(p.preview.len(), 2);
    assert_eq!(
        s.list_activity(&ActivityFilter::default()).unwrap().total,
        0
    );
    let r = s.commit_import(&args).unwrap();
    assert_eq!((r.inserted, r.unchanged, r.problems_total), (2, 0, 1));
    let r = s.commit_import(&args).unwrap();
    assert_eq!((r.inserted, r.unchanged), (0, 2));

    // A mapping naming a column the file lacks is a row-0 problem, not a crash.
    let mut wrong = args.clone();
    wrong.mapping.insert("quantity".into(), "Litres".into());
    let p = s.preview_import(&wrong).unwrap();
    assert_eq!(p.rows_valid, 0);
    assert_eq!(p.problems[0].row, 0);

    // A photo named .xlsx is a clear error.
    let photo = dir.path().join("photo.xlsx");
    std::fs::write(&photo, b"\xff\xd8\xff\xe0JFIF").unwrap();
    let e = s
        .preview_import(&ImportArgs {
            path: photo.display().to_string(),
            mapping: Default::default(),
        })
        .unwrap_err();
    assert_eq!(e.key, "import-not-xlsx");
}
