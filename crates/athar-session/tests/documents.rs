//! Documents through the session, as the desktop app uses it: add (sniffed, deduplicated),
//! read, review, accept into an activity entry linked to the document and page, and the
//! auto-accept rule (off by default). Digital bills have a text layer, so no OCR job is sent
//! and the worker process is never started here (`athar-cli`'s tests run it).

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use athar_prefs::PrefsFile;
use athar_protocol::activity::ActivityFilter;
use athar_protocol::documents::{
    AcceptDocumentArgs, AddDocumentsArgs, DocumentSettings, ExtractionProgress,
};
use athar_protocol::CreateCompanyArgs;
use athar_session::documents::ProgressSink;
use athar_session::Session;

fn corpus(rel: &str) -> PathBuf {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/corpus")).join(rel)
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
            name: "Nile Dates".into(),
            country: "EG".into(),
            reporting_year: 2026,
        },
    })
    .unwrap();
    let mut data = s.company_file().unwrap().load().unwrap();
    data.sites = vec![athar_domain::Site {
        id: None,
        name: "Plant".into(),
        address: String::new(),
        unlocode: String::new(),
        latitude: None,
        longitude: None,
    }];
    s.save_profile(&data).unwrap();
    s
}

fn recorder() -> (ProgressSink, Arc<Mutex<Vec<ExtractionProgress>>>) {
    let seen = Arc::new(Mutex::new(Vec::new()));
    let s = Arc::clone(&seen);
    (
        Arc::new(move |p: &ExtractionProgress| s.lock().unwrap().push(p.clone())),
        seen,
    )
}

fn add(s: &mut Session, files: &[PathBuf]) -> athar_protocol::documents::AddDocumentsReport {
    s.add_documents(&AddDocumentsArgs {
        paths: files.iter().map(|p| p.display().to_string()).collect(),
    })
    .unwrap()
}

#[test]
fn a_bill_is_read_reviewed_and_accepted_into_a_linked_entry() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = session(dir.path());
    let bill = corpus("digital/gas-en-1.pdf");
    let added = add(
        &mut s,
        &[bill.clone(), corpus("bad/empty.pdf"), bill.clone()],
    );
    assert_eq!(added.added.len(), 1);
    assert_eq!(added.duplicates.len(), 1);
    assert_eq!(added.refused[0].error.key, "doc-empty-file");
    let id = added.added[0].clone();

    let (sink, seen) = recorder();
    let report = s.extract_documents(&[], &sink).unwrap();
    assert_eq!(
        (report.done, report.failed, report.auto_accepted),
        (1, 0, 0)
    );
    let statuses: Vec<String> = seen
        .lock()
        .unwrap()
        .iter()
        .map(|p| p.status.clone())
        .collect();
    assert_eq!(statuses, ["running", "done"]);
    assert_eq!(s.extraction_progress()[0].status, "done");
    // Nothing becomes activity data without acceptance.
    let page = s.list_activity(&ActivityFilter::default()).unwrap();
    assert!(page.rows.is_empty());

    let review = s.document_review(&id).unwrap();
    assert_eq!(review.document.doc_type.as_deref(), Some("gas_bill"));
    assert_eq!(review.entry_kind.as_deref(), Some("natural_gas"));
    assert_eq!(review.sites, ["Plant"]);
    // A text-layer page has no image; its text is shown with the read values marked.
    assert!(review.pages[0].image.is_none());
    assert!(!review.pages[0].spans.is_empty());
    let mut values: std::collections::BTreeMap<String, String> = review
        .fields
        .iter()
        .filter_map(|f| Some((f.name.clone(), f.value.clone()?)))
        .collect();
    assert_eq!(values["consumption"], "6857");

    // A wrong value is refused beside its field, and nothing is saved.
    values.insert("period_end".into(), "2025-12-01".into());
    let err = s
        .accept_document(&AcceptDocumentArgs {
            id: id.clone(),
            site: "Plant".into(),
            values: values.clone(),
        })
        .unwrap_err();
    assert_eq!(err.fields[0].field, "values.period_end");
    assert!(s
        .list_activity(&ActivityFilter::default())
        .unwrap()
        .rows
        .is_empty());

    // Edited, then accepted: an entry citing the document and page.
    values.insert("period_end".into(), "2026-01-31".into());
    values.insert("consumption".into(), "6900".into());
    let outcome = s
        .accept_document(&AcceptDocumentArgs {
            id: id.clone(),
            site: "Plant".into(),
            values: values.clone(),
        })
        .unwrap();
    let rows = s.list_activity(&ActivityFilter::default()).unwrap().rows;
    assert_eq!(rows.len(), 1);
    let entry = &rows[0].entry;
    assert_eq!(entry.id, outcome.entry_id);
    assert_eq!(entry.origin, athar_inventory::Origin::Document);
    let evidence = entry.evidence.clone().unwrap();
    assert_eq!(evidence.document_id, id);
    assert_eq!(evidence.page, Some(1));
    assert!(format!("{:?}", entry.amount).contains("6900"));

    // The review is recorded per field, and accepting twice is refused.
    let f = s.company_file().unwrap();
    let fields = f.document_review(&id).unwrap();
    let state = |name: &str| {
        fields
            .iter()
            .find(|(r, _, _)| r.field == name)
            .map(|(_, st, _)| st.clone())
    };
    assert_eq!(state("consumption").as_deref(), Some("edited"));
    assert_eq!(state("period_start").as_deref(), Some("accepted"));
    assert!(f.verify_audit().unwrap().intact());
    let again = s.accept_document(&AcceptDocumentArgs {
        id: id.clone(),
        site: "Plant".into(),
        values,
    });
    assert_eq!(again.unwrap_err().key, "doc-review-already-accepted");
    let view = s.documents_view().unwrap();
    assert_eq!(view.documents[0].status, "accepted");
    assert_eq!(
        view.documents[0].entry_id.as_deref(),
        Some(outcome.entry_id.as_str())
    );
}

#[test]
fn auto_accept_applies_only_when_turned_on_and_bad_files_are_kept_as_failed() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = session(dir.path());
    assert_eq!(s.documents_view().unwrap().settings.auto_accept_above, None);
    // A model path that is not a file is refused beside the field.
    let err = s
        .save_document_settings(&DocumentSettings {
            model_path: Some(dir.path().join("none.gguf").display().to_string()),
            threads: 2,
            highlight_below: 80,
            auto_accept_above: Some(50),
        })
        .unwrap_err();
    assert_eq!(err.fields[0].field, "model_path");
    let view = s
        .save_document_settings(&DocumentSettings {
            model_path: None,
            threads: 2,
            highlight_below: 80,
            auto_accept_above: Some(50),
        })
        .unwrap();
    assert_eq!(view.settings.auto_accept_above, Some(50));
    assert!(!view.model_ready);

    add(
        &mut s,
        &[
            corpus("digital/electricity-en-1.pdf"),
            corpus("bad/encrypted.pdf"),
        ],
    );
    let (sink, _) = recorder();
    let report = s.extract_documents(&[], &sink).unwrap();
    assert_eq!(
        (report.done, report.failed, report.auto_accepted),
        (1, 1, 1)
    );
    let docs = s.documents_view().unwrap().documents;
    let failed = docs.iter().find(|d| d.status == "failed").unwrap();
    assert_eq!(failed.error.as_ref().unwrap().key, "doc-encrypted-pdf");
    assert!(docs.iter().any(|d| d.status == "accepted"));
    let rows = s.list_activity(&ActivityFilter::default()).unwrap().rows;
    assert_eq!(rows.len(), 1);
    assert!(matches!(
        rows[0].entry.activity,
        athar_inventory::ActivityKind::Electricity { .. }
    ));
}
