//! CBAM through the session, as the desktop app drives it: import the Commission's cement
//! example, compute and explain it, edit it step by step with validation, price the
//! default-value comparison, and export the package for EU customers (workbook, PDF
//! summaries, email drafts and zips), which reads back as the same model.

use std::path::{Path, PathBuf};

use athar_cbam::Installation;
use athar_domain::Customer;
use athar_prefs::PrefsFile;
use athar_protocol::cbam::{
    CbamCheckOutcome, CbamExplainArgs, CbamExportArgs, CbamFileKind, CbamImportOutcome,
    CbamSaveArgs, CbamStep,
};
use athar_protocol::templates::TemplateArgs;
use athar_protocol::{CreateCompanyArgs, Lang};
use athar_session::Session;
use rust_decimal::Decimal;

const REFERENCE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/reference/");
const CEMENT: &str = "cbam/examples/1 CBAM SEE V2.1_Example Cement_final.xlsx";
const BLANK: &str = "cbam/template/CBAM Communication template for installations_en_20241213.xlsx";

fn reference(path: &str) -> PathBuf {
    PathBuf::from(format!("{REFERENCE}{path}"))
}

fn session(dir: &Path) -> Session {
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
        company: athar_domain::NewCompany {
            name: "Nile Cement".into(),
            country: "EG".into(),
            reporting_year: 2026,
        },
    })
    .unwrap();
    let mut data = s.company_file().unwrap().load().unwrap();
    data.customers = vec![
        Customer {
            id: None,
            name: "Rheinzement GmbH".into(),
            country: "DE".into(),
            email: "cbam@rheinzement.example.de".into(),
        },
        Customer {
            id: None,
            name: "Ciments du Sud".into(),
            country: "FR".into(),
            email: String::new(),
        },
        Customer {
            id: None,
            name: "Anadolu Yapi".into(),
            country: "TR".into(),
            email: "info@anadolu.example.tr".into(),
        },
    ];
    s.save_profile(&data).unwrap();
    s
}

fn import_cement(s: &mut Session) -> String {
    match s
        .import_cbam(&reference(CEMENT).display().to_string())
        .unwrap()
    {
        CbamImportOutcome::Imported {
            id,
            change,
            version,
            products,
            ..
        } => {
            assert_eq!((change.as_str(), version.as_str()), ("created", "2.1"));
            assert!(products > 0);
            id
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn import_compute_explain_and_check_agree() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = session(dir.path());
    let id = import_cement(&mut s);
    // The same workbook again changes nothing.
    match s
        .import_cbam(&reference(CEMENT).display().to_string())
        .unwrap()
    {
        CbamImportOutcome::Imported {
            id: again, change, ..
        } => {
            assert_eq!(
                (again.as_str(), change.as_str()),
                (id.as_str(), "unchanged")
            )
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(s.cbam_overview().unwrap().installations.len(), 1);

    // The results step shows what "check" recomputes from the same workbook.
    let view = s.cbam_results(&id).unwrap();
    assert!(view.problems.is_empty() && view.error.is_none());
    let figures = view.figures.unwrap();
    let CbamCheckOutcome::Checked { report, .. } = s
        .check_cbam(&reference(CEMENT).display().to_string())
        .unwrap()
    else {
        panic!("the cement example is a template")
    };
    assert!(
        report.discrepancies.is_empty(),
        "{:#?}",
        report.discrepancies
    );
    assert_eq!(figures.products.len(), report.products.len());
    for (ours, theirs) in figures.products.iter().zip(&report.products) {
        assert_eq!(ours.see_direct, theirs.see_direct);
        assert_eq!(ours.see_indirect, theirs.see_indirect);
    }
    // Cement counts indirect emissions; every good has a default to compare with.
    assert_eq!(view.comparison.len(), figures.products.len());
    assert!(view.comparison.iter().all(|c| c.cost_actual.is_none()));
    assert_eq!(
        s.set_cbam_carbon_price(Some(Decimal::from(80))).unwrap(),
        Some(Decimal::from(80))
    );
    let priced = s.cbam_results(&id).unwrap();
    let c = &priced.comparison[0];
    assert_eq!(c.cost_actual, Some(c.chargeable_actual * Decimal::from(80)));
    assert!(s.set_cbam_carbon_price(Some(Decimal::from(-1))).is_err());

    // Explain one good, then walk down one child at a time to a node without children.
    let product = &figures.products[0];
    let mut node = format!("product/{}/see-total", product.id);
    let top = s
        .explain_cbam(&CbamExplainArgs {
            id: id.clone(),
            node: node.clone(),
        })
        .unwrap();
    assert_eq!(top.node.value, product.see_total);
    assert!(top.subject_name.contains(&product.cn_code));
    assert!(!top.children.is_empty());
    let mut depth = 0;
    loop {
        let v = s
            .explain_cbam(&CbamExplainArgs {
                id: id.clone(),
                node: node.clone(),
            })
            .unwrap();
        assert!(v.node.children.is_empty(), "children travel separately");
        assert!(!v.node.formula.substituted.is_empty());
        match v.children.first() {
            Some(c) => node = c.id.clone(),
            None => break,
        }
        depth += 1;
        assert!(depth < 20);
    }
    assert!(depth >= 2, "a good rests on its process and its inputs");
    let missing = s
        .explain_cbam(&CbamExplainArgs {
            id: id.clone(),
            node: "product/none/see-total".into(),
        })
        .unwrap_err();
    assert_eq!(missing.key, "cbam-error-node-not-found");

    // A file that is not a workbook is a clear error and imports nothing.
    let jpeg = dir.path().join("photo.xlsx");
    std::fs::write(&jpeg, [0xFF, 0xD8, 0xFF, 0xE0, 0, 0, 0, 0]).unwrap();
    let err = s.import_cbam(&jpeg.display().to_string()).unwrap_err();
    assert_eq!(err.key, "cbam-tpl-not-xlsx");
    assert_eq!(s.cbam_overview().unwrap().installations.len(), 1);
    assert!(s.verify_audit().unwrap().intact);
}

#[test]
fn the_guided_flow_saves_step_by_step_and_refuses_earlier_problems() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = session(dir.path());
    let new = s.new_cbam_installation().unwrap();
    assert_eq!(new.id, None);
    assert_eq!(new.installation.about.country, "EG");
    assert_eq!(new.installation.about.name_en, "Nile Cement");

    // An empty English name is refused at the first step, next to its field.
    let mut inst = new.installation.clone();
    inst.about.name_en.clear();
    let err = s
        .save_cbam_installation(CbamSaveArgs {
            id: None,
            installation: inst,
            step: CbamStep::Installation,
        })
        .unwrap_err();
    assert!(err.fields.iter().any(|f| f.field == "about.name_en"));

    // A process without production may be saved after the first step, not after its own.
    let mut inst: Installation = new.installation.clone();
    inst.processes.push(athar_cbam::model::Process::new(
        "P1",
        "Kiln",
        athar_cbam::GoodsCategory::CementClinker,
    ));
    let saved = s
        .save_cbam_installation(CbamSaveArgs {
            id: None,
            installation: inst.clone(),
            step: CbamStep::Installation,
        })
        .unwrap();
    let id = saved.id.clone().unwrap();
    assert!(saved
        .problems
        .iter()
        .any(|p| CbamStep::of_field(&p.field) == CbamStep::Processes));
    let err = s
        .save_cbam_installation(CbamSaveArgs {
            id: Some(id.clone()),
            installation: inst,
            step: CbamStep::Processes,
        })
        .unwrap_err();
    assert!(err.fields.iter().all(|f| f.field.starts_with("processes.")));
    assert!(!err.fields.is_empty());
    // The stored draft comes back with its problems; the results step lists them.
    let back = s.cbam_installation(&id).unwrap();
    assert_eq!(back.installation.processes.len(), 1);
    let results = s.cbam_results(&id).unwrap();
    assert!(results.figures.is_none() && !results.problems.is_empty());
    s.delete_cbam_installation(&id).unwrap();
    assert!(s.cbam_installation(&id).is_err());
}

fn files_of(report: &athar_protocol::cbam::CbamExportReport, kind: CbamFileKind) -> Vec<PathBuf> {
    report
        .files
        .iter()
        .filter(|f| f.kind == kind)
        .map(|f| PathBuf::from(&f.path))
        .collect()
}

#[test]
fn export_writes_the_package_for_eu_customers_and_reads_back() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = session(dir.path());
    let id = import_cement(&mut s);
    s.set_cbam_carbon_price(Some(Decimal::from(75))).unwrap();
    let out = dir.path().join("out");
    std::fs::create_dir(&out).unwrap();
    let mut steps = Vec::new();
    let report = s
        .export_cbam(
            &CbamExportArgs {
                id: id.clone(),
                out_dir: out.display().to_string(),
                lang: Lang::En,
                customer: None,
            },
            &mut |p| steps.push(p),
        )
        .unwrap();
    // One workbook; a summary for each EU customer; an email and a zip for the one with an
    // address; the Turkish customer is no importer.
    assert_eq!(files_of(&report, CbamFileKind::Workbook).len(), 1);
    assert_eq!(files_of(&report, CbamFileKind::Summary).len(), 2);
    assert_eq!(files_of(&report, CbamFileKind::Email).len(), 1);
    assert_eq!(files_of(&report, CbamFileKind::Archive).len(), 1);
    let skipped: Vec<(&str, &str)> = report
        .skipped
        .iter()
        .map(|k| (k.customer.as_str(), k.key.as_str()))
        .collect();
    assert!(skipped.contains(&("Ciments du Sud", "cbam-skip-no-email")));
    assert!(skipped.contains(&("Anadolu Yapi", "cbam-skip-not-eu")));
    for f in &report.files {
        assert!(Path::new(&f.path).is_file(), "{}", f.path);
        assert_eq!(std::fs::metadata(&f.path).unwrap().len(), f.bytes);
    }
    let last = steps.last().unwrap();
    assert_eq!(last.done, last.total);
    assert_eq!(steps.len() as u32, last.total);

    // The workbook reads back as the model in template form.
    let stored = s.cbam_installation(&id).unwrap().installation;
    let results = athar_session::cbam::compute(&stored).unwrap();
    let workbook = &files_of(&report, CbamFileKind::Workbook)[0];
    let back = athar_cbam_template::read_template_file(workbook).unwrap();
    assert_eq!(
        back.installation,
        athar_cbam_template::as_written(&stored, &results)
    );
    let pdf = std::fs::read(&files_of(&report, CbamFileKind::Summary)[0]).unwrap();
    assert!(pdf.starts_with(b"%PDF-"));
    let eml = std::fs::read_to_string(&files_of(&report, CbamFileKind::Email)[0]).unwrap();
    assert!(eml.contains("cbam@rheinzement.example.de"));
    assert!(eml.contains("X-Unsent: 1"));
    assert!(eml.contains(".xlsx") && eml.contains(".pdf"));

    // Arabic, for one customer by name: the summary and the package in Arabic.
    let ar = s
        .export_cbam(
            &CbamExportArgs {
                id: id.clone(),
                out_dir: out.display().to_string(),
                lang: Lang::Ar,
                customer: Some("rheinzement gmbh".into()),
            },
            &mut |_| {},
        )
        .unwrap();
    assert_eq!(files_of(&ar, CbamFileKind::Summary).len(), 1);
    assert_eq!(files_of(&ar, CbamFileKind::Email).len(), 1);
    let eml = std::fs::read_to_string(&files_of(&ar, CbamFileKind::Email)[0]).unwrap();
    assert!(eml.contains("Content-Language: ar"));
    // Nothing was overwritten: the second workbook has a name of its own.
    assert_ne!(
        files_of(&ar, CbamFileKind::Workbook)[0],
        files_of(&report, CbamFileKind::Workbook)[0]
    );
    let unknown = s
        .export_cbam(
            &CbamExportArgs {
                id: id.clone(),
                out_dir: out.display().to_string(),
                lang: Lang::En,
                customer: Some("Nobody".into()),
            },
            &mut |_| {},
        )
        .unwrap_err();
    assert_eq!(unknown.key, "cbam-error-customer-unknown");

    // Every export is in the file's log, per customer.
    let log = s.company_file().unwrap().cbam_exports(&id).unwrap();
    assert_eq!(log.len(), 3);
    assert_eq!(log[0].lang, "ar");
    assert!(s.verify_audit().unwrap().intact);
}

#[test]
fn templates_setting_checks_the_chosen_file() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = session(dir.path());
    let t = s.cbam_templates();
    assert_eq!(
        t.embedded.as_ref().and_then(|e| e.version.as_deref()),
        Some("2.1.1")
    );
    let chosen = s
        .set_cbam_template(&TemplateArgs {
            path: Some(reference(BLANK).display().to_string()),
        })
        .unwrap();
    assert_eq!(
        chosen.in_use.and_then(|u| u.path),
        Some(
            std::fs::canonicalize(reference(BLANK))
                .unwrap()
                .display()
                .to_string()
        )
    );
    let not_a_template = reference("cbam/default-values/DVs as adopted_v20260204.xlsx");
    let err = s
        .set_cbam_template(&TemplateArgs {
            path: Some(not_a_template.display().to_string()),
        })
        .unwrap_err();
    assert_eq!(err.key, "cbam-tpl-not-template");
    let back = s.set_cbam_template(&TemplateArgs { path: None }).unwrap();
    assert!(back.chosen.is_none() && back.in_use.is_some());
}
