//! The VSME report as the desktop app drives it: B1 pre-filled from the profile, typed facts
//! checked and stored, B3 computed from imported bills and overridden with an audited reason,
//! an "If applicable" answer, the report settings, EFRAG's sample imported (its computed
//! datapoints set aside, its B1 values taking the profile's place), the chosen template
//! remembered, and a PDF exported.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use athar_domain::NewCompany;
use athar_prefs::PrefsFile;
use athar_protocol::activity::ImportArgs;
use athar_protocol::templates::TemplateArgs;
use athar_protocol::vsme::{
    SaveVsmeFactsArgs, SaveVsmeSettingsArgs, VsmeAnswerArgs, VsmeExportArgs, VsmeExportItem,
    VsmeFactInput, VsmeImportArgs, VsmeInput, VsmeKeyArgs, VsmeOverrideArgs, VsmeSource, VsmeState,
    VsmeStored, VsmeValue,
};
use athar_protocol::{CreateCompanyArgs, Lang};
use athar_session::Session;
use rust_decimal::Decimal;

const TEMPLATES: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../../shared/reference/vsme/templates"
);

fn template(name: &str) -> PathBuf {
    Path::new(TEMPLATES).join(name)
}

fn open(dir: &Path) -> Session {
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

fn text(concept: &str, v: &str) -> VsmeFactInput {
    VsmeFactInput {
        concept: concept.into(),
        dimensions: BTreeMap::new(),
        value: Some(VsmeInput::Text(v.into())),
        unit: None,
    }
}

fn fact<'a>(s: &'a VsmeState, key: &str) -> Option<&'a athar_protocol::vsme::VsmeFact> {
    s.facts.iter().find(|f| f.key == key)
}

fn missing(s: &VsmeState) -> usize {
    s.completeness.missing_always.len()
}

const S2: &str = "vsme:GrossLocationBasedScope2GreenhouseGasEmissions";

#[test]
fn typed_computed_overridden_and_imported_facts() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = open(dir.path());
    let empty = s.vsme_state().unwrap();
    // B1 from the profile; no activity data, so nothing computed.
    let country = fact(
        &empty,
        "vsme:CountryOfPrimaryOperationsAndLocationOfSignificantAssets",
    )
    .unwrap();
    assert_eq!(country.value, VsmeValue::Members(vec!["country:EG".into()]));
    assert!(matches!(country.source, Some(VsmeSource::Profile { .. })));
    assert_eq!(empty.inventory_year, None);
    assert!(fact(&empty, S2).is_none());

    // Typed facts: checked, stored, closing gaps.
    let st = s
        .save_vsme_facts(&SaveVsmeFactsArgs {
            facts: vec![text("vsme:Assets", "١٢٥٠٠٠٠")],
        })
        .unwrap();
    let assets = fact(&st, "vsme:Assets").unwrap();
    assert_eq!(assets.value, VsmeValue::Number(Decimal::from(1_250_000)));
    assert_eq!(assets.stored, Some(VsmeStored::Typed));
    // No turnover in the profile: the report is in euros.
    assert_eq!(
        (empty.currency.as_str(), assets.unit.as_str()),
        ("EUR", "EUR")
    );
    assert_eq!(missing(&st), missing(&empty) - 1);
    let e = s
        .save_vsme_facts(&SaveVsmeFactsArgs {
            facts: vec![text("vsme:Assets", "lots")],
        })
        .unwrap_err();
    assert_eq!(e.fields[0].field, "vsme:Assets");
    let e = s
        .save_vsme_facts(&SaveVsmeFactsArgs {
            facts: vec![text(S2, "5")],
        })
        .unwrap_err();
    assert_eq!(e.fields[0].key, "vsme-error-computed");

    // A year of electricity: B3 is computed, explainable by its result ids.
    let csv = dir.path().join("bills.csv");
    std::fs::write(
        &csv,
        "id,site,period_from,period_to,kind,quantity,unit\nE-1,site-1,2026-01-01,2026-12-31,electricity,100,MWh\n",
    )
    .unwrap();
    s.commit_import(&ImportArgs {
        path: csv.display().to_string(),
        mapping: BTreeMap::new(),
    })
    .unwrap();
    let st = s.vsme_state().unwrap();
    assert_eq!(st.inventory_year, Some(2026));
    let s2 = fact(&st, S2).unwrap();
    let computed = match &s2.value {
        VsmeValue::Number(n) => *n,
        other => panic!("{other:?}"),
    };
    assert!(
        matches!(&s2.source, Some(VsmeSource::Inventory { results, .. })
        if results == &["scope2-location/all/2026".to_string()])
    );
    assert!(st.e1.lines.iter().any(|l| l.value == Some(computed)));

    // Override with a reason; the reason is audited; then back to the computed figure.
    let e = s
        .set_vsme_override(&VsmeOverrideArgs {
            key: S2.into(),
            value: "12".into(),
            reason: " ".into(),
        })
        .unwrap_err();
    assert_eq!(e.fields[0].field, "override.reason");
    let st = s
        .set_vsme_override(&VsmeOverrideArgs {
            key: S2.into(),
            value: "12.5".into(),
            reason: "Landlord's sub-meter".into(),
        })
        .unwrap();
    assert!(matches!(&fact(&st, S2).unwrap().source,
        Some(VsmeSource::Override { reason, computed: c, .. }) if reason == "Landlord's sub-meter" && *c == computed.to_string()));
    let log = s.company_file().unwrap().audit_entries().unwrap();
    assert!(log.iter().any(|e| e.entity == "vsme_override"
        && e.after
            .as_deref()
            .is_some_and(|a| a.contains("Landlord's sub-meter"))));
    let st = s
        .clear_vsme_override(&VsmeKeyArgs { key: S2.into() })
        .unwrap();
    assert_eq!(fact(&st, S2).unwrap().value, VsmeValue::Number(computed));

    // Answers and settings.
    let q = st.completeness.needs_answer[0].group.clone();
    let st = s
        .answer_vsme_group(&VsmeAnswerArgs {
            group: q.clone(),
            applies: Some(false),
        })
        .unwrap();
    assert!(st.completeness.needs_answer.iter().all(|x| x.group != q));
    let mut settings = st.settings.clone();
    settings.entity_scheme = "isin".into();
    settings.entity_identifier = "X".into();
    let e = s
        .save_vsme_settings(&SaveVsmeSettingsArgs {
            settings: settings.clone(),
        })
        .unwrap_err();
    assert_eq!(e.fields[0].field, "settings.entity_scheme");

    // EFRAG's sample: its Scope 2 figure is set aside (Athar computes it), its country takes
    // the profile's place, its identifier and currency become the report's.
    let report = s
        .import_vsme_template(&VsmeImportArgs {
            path: template("VSME-Digital-Template-Sample-1.3.0.xlsx")
                .display()
                .to_string(),
        })
        .unwrap();
    assert_eq!(report.facts, 142);
    let st = report.state;
    assert!(st.set_aside.iter().any(|a| a.key == S2));
    let country = fact(
        &st,
        "vsme:CountryOfPrimaryOperationsAndLocationOfSignificantAssets",
    )
    .unwrap();
    assert_eq!(country.value, VsmeValue::Members(vec!["country:IT".into()]));
    assert!(country.replaces_profile);
    assert_eq!(st.settings.currency, "EUR");
    assert_eq!(st.settings.entity_scheme, "lei");
    // The typed EGP assets were replaced by the template's.
    assert_eq!(
        fact(&st, "vsme:Assets").unwrap().stored,
        Some(VsmeStored::Import)
    );
    // The bills are for 2026 but in EGP: the turnover note does not stop the report.
    assert!(s.company_file().unwrap().verify_audit().unwrap().intact());

    // A PDF in Arabic, written without overwriting.
    let out = dir.path().join("out");
    std::fs::create_dir(&out).unwrap();
    for _ in 0..2 {
        let done = s
            .export_vsme(&VsmeExportArgs {
                dir: out.display().to_string(),
                item: VsmeExportItem::Pdf { lang: Lang::Ar },
            })
            .unwrap();
        assert!(std::fs::read(&done.files[0]).unwrap().starts_with(b"%PDF-"));
    }
    assert_eq!(std::fs::read_dir(&out).unwrap().count(), 2);
}

#[test]
fn a_newer_template_is_checked_and_remembered() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = open(dir.path());
    let t = s.vsme_templates();
    assert_eq!(
        t.embedded.as_ref().and_then(|e| e.version.as_deref()),
        Some("1.3.0")
    );
    assert_eq!(t.in_use, t.embedded);
    // Template 1.0.0 is for the older taxonomy: refused, nothing remembered.
    let e = s
        .set_vsme_template(&TemplateArgs {
            path: Some(
                template("VSME-Digital-Template-1.0.0.xlsx")
                    .display()
                    .to_string(),
            ),
        })
        .unwrap_err();
    assert_eq!(e.key, "vsme-error-wrong-template");
    let blank = template("VSME-Digital-Template-1.3.0.xlsx");
    let t = s
        .set_vsme_template(&TemplateArgs {
            path: Some(blank.display().to_string()),
        })
        .unwrap();
    let chosen = t.chosen.unwrap();
    assert_eq!(chosen.version.as_deref(), Some("1.3.0"));
    assert_eq!(t.in_use.unwrap().path, chosen.path);
    let prefs = PrefsFile::at(dir.path().join("prefs.json")).load();
    assert_eq!(
        prefs.vsme_template.unwrap(),
        std::fs::canonicalize(&blank).unwrap()
    );
    // The export fills the chosen file.
    let out = dir.path().join("out");
    std::fs::create_dir(&out).unwrap();
    let done = s
        .export_vsme(&VsmeExportArgs {
            dir: out.display().to_string(),
            item: VsmeExportItem::Template,
        })
        .unwrap();
    assert!(done.files[0].ends_with("EFRAG template.xlsx"));
    let t = s.set_vsme_template(&TemplateArgs { path: None }).unwrap();
    assert!(t.chosen.is_none());
}
