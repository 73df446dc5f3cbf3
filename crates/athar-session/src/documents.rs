//! Documents as both front ends see them: add bills and invoices to the company file, read
//! them through the worker process (OCR and the model) with progress and cancel, list the
//! review queue, and turn reviewed values into an activity entry linked to the document.
//!
//! Why this module exists: the Documents screen and `athar documents add` must store and read
//! documents the same way. Reading is split in three steps so the desktop shell can run the
//! slow middle one without holding the session: [`Session::pending_extractions`] (what to
//! read, and the engines), [`extract_one`] (no session needed), and
//! [`Session::finish_extraction`] (store the result, auto-accept when the user asked for it).
//! Accepting goes through [`Session::save_entry`], so an entry from a document gets the same
//! checks and audit as one typed by hand.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use athar_domain::FieldError;
use athar_extract::{DocType, Engines, ExtractError, Extraction, FieldName, Options};
use athar_inventory::{
    ActivityEntry, ActivityKind, Amount, Combustion, DataQuality, Evidence, Origin, Period,
};
use athar_prefs::DocumentPrefs;
use athar_protocol::activity::SaveEntryArgs;
use athar_protocol::documents::{
    AcceptDocumentArgs, AcceptOutcome, AddDocumentsArgs, AddDocumentsReport, DocumentRow,
    DocumentSettings, DocumentsView, ExtractReport, ExtractionProgress, RefusedFile, ReviewField,
    ReviewPage, ReviewView,
};
use athar_protocol::UiError;
use athar_quantity::{Quantity, Unit};
use athar_store::{CompanyFile, DocumentStatus, FieldReview, StoredDocument};
use athar_worker::{CancelToken, ModelSpec, Stage, Worker, WorkerConfig, WorkerEngines};
use base64::Engine as _;

use crate::{store_error, Session};

/// Call first thing in `main` of an executable that may be started as the worker process
/// (when no `athar-worker` is installed beside it).
pub use athar_worker::serve_if_asked as serve_worker_if_asked;

/// Files larger than this are refused before they are read (a bill is a few megabytes).
pub const MAX_DOCUMENT_BYTES: u64 = 64 * 1024 * 1024;

/// How progress reaches the front end (a Tauri event, a line on stderr).
pub type ProgressSink = Arc<dyn Fn(&ExtractionProgress) + Send + Sync>;

/// The worker that reads documents, with the settings it was started for.
pub(crate) struct Reader {
    prefs: DocumentPrefs,
    engines: WorkerEngines,
    /// Each document of the current run, as the progress bar shows it.
    board: Arc<Mutex<Vec<ExtractionProgress>>>,
}

/// The engines that read documents: OCR (Arabic and English) and, when a model file is
/// chosen, the model; both run in the worker process.
#[derive(Clone, Debug)]
pub struct DocumentEngines {
    engines: WorkerEngines,
    model: bool,
}

impl DocumentEngines {
    /// The worker beside the running executable, with `model` (a GGUF file) and `threads`.
    /// `languages` are Tesseract's (`ara+eng`).
    pub fn start(
        model: Option<&Path>,
        threads: u32,
        languages: &str,
    ) -> Result<DocumentEngines, UiError> {
        let config = WorkerConfig::beside_current_exe().map_err(worker_error)?;
        let engines = WorkerEngines::new(Worker::new(config))
            .with_languages(languages)
            .with_model(model.map(|m| ModelSpec::new(m, threads.max(1))));
        Ok(DocumentEngines {
            engines,
            model: model.is_some(),
        })
    }

    pub fn has_model(&self) -> bool {
        self.model
    }

    pub fn cancel_token(&self) -> CancelToken {
        self.engines.cancel_token()
    }

    /// The worker engines, for the benchmark.
    pub fn worker_engines(&self) -> WorkerEngines {
        self.engines.clone()
    }
}

fn worker_error(e: athar_worker::WorkerError) -> UiError {
    let mut err = UiError::new(e.key());
    for (k, v) in e.args() {
        err = err.arg(&k, v);
    }
    err
}

/// An extraction error as a message for the user.
pub fn extract_error(e: &ExtractError) -> UiError {
    let mut err = UiError::new(e.key());
    for (k, v) in e.args() {
        err = err.arg(&k, v);
    }
    err
}

fn warning(w: &athar_extract::Warning) -> UiError {
    let mut err = UiError::new(&w.key);
    for (k, v) in &w.args {
        err = err.arg(k, v);
    }
    err
}

/// A document waiting to be read.
#[derive(Debug, Clone)]
pub struct Pending {
    pub id: String,
    pub file_name: String,
    pub bytes: Vec<u8>,
}

/// Reads `bytes` (named `file_name`) with `engines`.
pub fn extract_bytes(
    engines: &DocumentEngines,
    file_name: &str,
    bytes: &[u8],
) -> Result<Extraction, UiError> {
    let options = Options {
        file_name: Some(file_name.to_string()),
        ..Options::default()
    };
    let mut ocr = engines.engines.clone();
    let mut assist = engines.engines.clone();
    let run = Engines {
        ocr: Some(&mut ocr),
        assist: if engines.model {
            Some(&mut assist)
        } else {
            None
        },
    };
    athar_extract::extract(bytes, &options, run).map_err(|e| extract_error(&e))
}

fn stage_id(s: Stage) -> &'static str {
    match s {
        Stage::LoadingModel => "loading_model",
        Stage::Reading => "reading",
        Stage::Writing => "writing",
        Stage::Recognising => "recognising",
        Stage::Testing => "testing",
    }
}

fn progress(p: &Pending, index: usize, count: usize, status: &str) -> ExtractionProgress {
    ExtractionProgress {
        document: p.id.clone(),
        file_name: p.file_name.clone(),
        index: index as u32 + 1,
        count: count as u32,
        status: status.to_string(),
        stage: None,
        done: 0,
        total: 0,
    }
}

/// Reads one pending document (`index` of `count`), reporting `running`, the worker's stages,
/// then `done`, `failed` or `cancelled`. Needs no session: the desktop shell runs it without
/// holding the session lock.
pub fn extract_one(
    engines: &DocumentEngines,
    p: &Pending,
    index: usize,
    count: usize,
    sink: &ProgressSink,
) -> Result<Extraction, UiError> {
    let cancel = engines.cancel_token();
    if cancel.is_cancelled() {
        sink(&progress(p, index, count, "cancelled"));
        return Err(UiError::new("doc-cancelled"));
    }
    sink(&progress(p, index, count, "running"));
    let base = progress(p, index, count, "running");
    let forward = Arc::clone(sink);
    let with_progress = DocumentEngines {
        engines: engines.engines.clone().with_progress(move |wp| {
            let mut e = base.clone();
            e.stage = Some(stage_id(wp.stage).to_string());
            e.done = wp.done;
            e.total = wp.total;
            forward(&e);
        }),
        model: engines.model,
    };
    let result = extract_bytes(&with_progress, &p.file_name, &p.bytes);
    let status = match &result {
        Ok(_) => "done",
        Err(_) if cancel.is_cancelled() => "cancelled",
        Err(_) => "failed",
    };
    sink(&progress(p, index, count, status));
    if cancel.is_cancelled() && result.is_err() {
        return Err(UiError::new("doc-cancelled"));
    }
    result
}

/// The activity an extracted document type gives: `electricity`, `natural_gas` or `fuel`.
pub fn entry_kind(t: DocType) -> Option<&'static str> {
    match t {
        DocType::ElectricityBill => Some("electricity"),
        DocType::GasBill => Some("natural_gas"),
        DocType::FuelInvoice => Some("fuel"),
        _ => None,
    }
}

/// The fields an entry of `kind` is made of.
pub fn required_fields(kind: &str) -> &'static [FieldName] {
    use FieldName::*;
    match kind {
        "fuel" => &[IssueDate, FuelType, Quantity, QuantityUnit],
        _ => &[PeriodStart, PeriodEnd, Consumption, ConsumptionUnit],
    }
}

fn value_of(values: &BTreeMap<String, String>, f: FieldName) -> &str {
    values.get(f.id()).map(|v| v.trim()).unwrap_or("")
}

fn path(f: FieldName) -> String {
    format!("values.{}", f.id())
}

fn date_of(
    values: &BTreeMap<String, String>,
    f: FieldName,
    errors: &mut Vec<FieldError>,
) -> Option<time::Date> {
    let v = value_of(values, f);
    if v.is_empty() {
        errors.push(FieldError::new(path(f), "v-required"));
        return None;
    }
    let format = time::macros::format_description!("[year]-[month]-[day]");
    match time::Date::parse(v, format) {
        Ok(d) => Some(d),
        Err(_) => {
            errors.push(FieldError::new(path(f), "doc-review-bad-date").arg("value", v));
            None
        }
    }
}

/// The activity entry reviewed `values` make, for a document of `kind` at `site`, citing
/// `document` and `page`. Problems name the field (`values.consumption`).
pub fn build_entry(
    kind: &str,
    values: &BTreeMap<String, String>,
    site: &str,
    document: &str,
    page: Option<u32>,
) -> Result<ActivityEntry, UiError> {
    let mut errors = Vec::new();
    let fuel = kind == "fuel";
    let (from, to) = if fuel {
        let d = date_of(values, FieldName::IssueDate, &mut errors);
        (d, d)
    } else {
        (
            date_of(values, FieldName::PeriodStart, &mut errors),
            date_of(values, FieldName::PeriodEnd, &mut errors),
        )
    };
    let (qf, uf) = if fuel {
        (FieldName::Quantity, FieldName::QuantityUnit)
    } else {
        (FieldName::Consumption, FieldName::ConsumptionUnit)
    };
    let value = match athar_domain::validation::parse_decimal(&path(qf), value_of(values, qf)) {
        Ok(Some(v)) => Some(v),
        Ok(None) => {
            errors.push(FieldError::new(path(qf), "v-required"));
            None
        }
        Err(e) => {
            errors.push(e);
            None
        }
    };
    let unit_text = value_of(values, uf);
    let unit = if unit_text.is_empty() {
        errors.push(FieldError::new(path(uf), "v-required"));
        None
    } else {
        match unit_text.parse::<Unit>() {
            Ok(u) => Some(u),
            Err(_) => {
                errors
                    .push(FieldError::new(path(uf), "doc-review-bad-unit").arg("value", unit_text));
                None
            }
        }
    };
    let activity = match kind {
        "electricity" => ActivityKind::Electricity {
            instruments: Vec::new(),
        },
        "natural_gas" => ActivityKind::Fuel {
            fuel: "natural-gas".into(),
            combustion: Combustion::Stationary,
            normalisation: None,
        },
        _ => {
            let t = value_of(values, FieldName::FuelType);
            let fuel = t.strip_prefix("fuel:").unwrap_or(t);
            if fuel.is_empty() {
                errors.push(FieldError::new(path(FieldName::FuelType), "v-required"));
            }
            ActivityKind::Fuel {
                fuel: fuel.to_string(),
                combustion: Combustion::Stationary,
                normalisation: None,
            }
        }
    };
    if site.trim().is_empty() {
        errors.push(FieldError::new("site", "v-required"));
    }
    if let (Some(f), Some(t)) = (from, to) {
        if t < f {
            errors.push(
                FieldError::new(path(FieldName::PeriodEnd), "doc-review-period-order")
                    .arg("from", f)
                    .arg("to", t),
            );
        }
    }
    match (from, to, value, unit) {
        (Some(from), Some(to), Some(value), Some(unit)) if errors.is_empty() => Ok(ActivityEntry {
            id: entry_id(document),
            site: site.trim().to_string(),
            period: Period::new(from, to),
            amount: Amount::Quantity(Quantity::new(value, unit)),
            origin: Origin::Document,
            evidence: Some(Evidence {
                document_id: document.to_string(),
                page,
            }),
            quality: DataQuality::Measured,
            activity,
            factor: None,
        }),
        _ => Err(UiError::invalid(errors)),
    }
}

/// The id of the entry a document becomes: `D-` and the document's hash digits.
pub fn entry_id(document: &str) -> String {
    format!("D-{}", document.trim_start_matches("DOC-"))
}

fn parse_extraction(d: &StoredDocument) -> Option<Extraction> {
    d.extraction
        .as_deref()
        .and_then(|x| serde_json::from_str(x).ok())
}

fn is_low(confidence: f64, threshold: u8) -> bool {
    confidence * 100.0 < f64::from(threshold) - 1e-9
}

fn row(f: &CompanyFile, d: &StoredDocument, threshold: u8) -> Result<DocumentRow, UiError> {
    let x = parse_extraction(d);
    let entry_id = f
        .document_review(&d.id)
        .map_err(store_error)?
        .first()
        .map(|(_, _, e)| e.clone());
    Ok(DocumentRow {
        id: d.id.clone(),
        file_name: d.file_name.clone(),
        file_kind: d.file_kind.clone(),
        size: d.size,
        added_at: d.added_at.clone(),
        status: d.status.id().to_string(),
        doc_type: x.as_ref().map(|x| x.doc_type.id().to_string()),
        fields: x.as_ref().map_or(0, |x| x.fields.len() as u32),
        low_confidence: x.as_ref().map_or(0, |x| {
            x.fields
                .values()
                .filter(|f| is_low(f.confidence, threshold))
                .count() as u32
        }),
        error: d.error.as_ref().map(|(key, args)| {
            let mut e = UiError::new(key);
            for (k, v) in args {
                e = e.arg(k, v);
            }
            e
        }),
        warnings: x
            .as_ref()
            .map(|x| x.warnings.iter().map(warning).collect())
            .unwrap_or_default(),
        model_ms: x.as_ref().and_then(|x| x.timings_ms.get("model").copied()),
        entry_id,
    })
}

/// Stores the file at `path` as a document: refused when empty, too large or of a kind
/// Athar cannot read (nothing is written then); found again when its bytes are stored.
/// Returns the document and whether it is new.
pub fn add_file(
    f: &mut CompanyFile,
    path: &Path,
    actor: &str,
) -> Result<(StoredDocument, bool), UiError> {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string());
    let size = std::fs::metadata(path)
        .map_err(|e| extract_error(&ExtractError::Io(e)))?
        .len();
    if size > MAX_DOCUMENT_BYTES {
        return Err(UiError::new("doc-add-too-large")
            .arg("size", size / (1024 * 1024))
            .arg("max", MAX_DOCUMENT_BYTES / (1024 * 1024)));
    }
    let bytes = std::fs::read(path).map_err(|e| extract_error(&ExtractError::Io(e)))?;
    let kind = athar_extract::sniff::sniff(&bytes).map_err(|e| extract_error(&e))?;
    f.add_document(&name, kind.id(), &bytes, actor)
        .map_err(store_error)
}

fn settings_view(p: &DocumentPrefs) -> DocumentSettings {
    DocumentSettings {
        model_path: p.model.as_ref().map(|m| m.display().to_string()),
        threads: p.threads,
        highlight_below: p.highlight_below,
        auto_accept_above: p.auto_accept_above,
    }
}

fn data_url(mime: &str, bytes: &[u8]) -> String {
    format!(
        "data:{mime};base64,{}",
        base64::engine::general_purpose::STANDARD.encode(bytes)
    )
}

/// The images of a document's pages, by page number: the file itself for JPEG and PNG, the
/// decoded image for TIFF, the scan a PDF page embeds. Pages with a text layer have none
/// (the review shows their text); nothing is rendered.
fn page_images(kind: &str, bytes: &[u8]) -> BTreeMap<u32, String> {
    let mut out = BTreeMap::new();
    let limits = athar_extract::Limits::default();
    match kind {
        "jpeg" => {
            out.insert(1, data_url("image/jpeg", bytes));
        }
        "png" => {
            out.insert(1, data_url("image/png", bytes));
        }
        "tiff" => {
            if let Ok(img) =
                athar_extract::raster::decode(bytes, athar_extract::FileKind::Tiff, &limits)
            {
                out.insert(1, data_url("image/png", &img.to_png()));
            }
        }
        "pdf" => {
            if let Ok(doc) = athar_extract::pdf::open(bytes, Options::default().max_pages) {
                if let Ok(pages) = athar_extract::pdf::read_pages(&doc, &limits) {
                    for p in pages {
                        if let athar_extract::pdf::PdfPage::Scan { number, image, .. } = p {
                            out.insert(number, data_url("image/png", &image.to_png()));
                        }
                    }
                }
            }
        }
        _ => {}
    }
    out
}

impl Session {
    fn documents_file(&self) -> Result<&CompanyFile, UiError> {
        self.company_file()
            .ok_or_else(|| UiError::new("error-no-company-open"))
    }

    fn documents_file_mut(&mut self) -> Result<&mut CompanyFile, UiError> {
        self.open
            .as_mut()
            .map(|o| &mut o.file)
            .ok_or_else(|| UiError::new("error-no-company-open"))
    }

    /// The document-reading settings.
    pub fn document_prefs(&self) -> &DocumentPrefs {
        &self.prefs.documents
    }

    /// The stored documents and the settings.
    pub fn documents_view(&self) -> Result<DocumentsView, UiError> {
        let f = self.documents_file()?;
        let threshold = self.prefs.documents.highlight_below;
        let documents = f
            .documents()
            .map_err(store_error)?
            .iter()
            .map(|d| row(f, d, threshold))
            .collect::<Result<_, _>>()?;
        Ok(DocumentsView {
            documents,
            settings: settings_view(&self.prefs.documents),
            model_ready: self
                .prefs
                .documents
                .model
                .as_ref()
                .is_some_and(|m| m.is_file()),
        })
    }

    /// Stores files as documents; a file that cannot be stored is listed with its reason and
    /// does not stop the others.
    pub fn add_documents(
        &mut self,
        args: &AddDocumentsArgs,
    ) -> Result<AddDocumentsReport, UiError> {
        let actor = self.actor.clone();
        let f = self.documents_file_mut()?;
        let mut added = Vec::new();
        let mut duplicates = Vec::new();
        let mut refused = Vec::new();
        for p in &args.paths {
            let path = PathBuf::from(p);
            let name = path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_else(|| p.clone());
            match add_file(f, &path, &actor) {
                Ok((d, true)) => added.push(d.id),
                Ok((d, false)) => duplicates.push((name, d.id)),
                Err(error) => refused.push(RefusedFile {
                    file_name: name,
                    error,
                }),
            }
        }
        Ok(AddDocumentsReport {
            added,
            duplicates,
            refused,
            view: self.documents_view()?,
        })
    }

    /// The engines for the current settings, started once and kept (the model stays loaded).
    pub fn document_engines(&mut self) -> Result<DocumentEngines, UiError> {
        let prefs = self.prefs.documents.clone();
        if let Some(r) = &self.documents {
            if r.prefs == prefs {
                return Ok(DocumentEngines {
                    engines: r.engines.clone(),
                    model: prefs.model.is_some(),
                });
            }
        }
        let model = prefs.model.clone().filter(|m| m.is_file());
        let e = DocumentEngines::start(model.as_deref(), prefs.threads, "ara+eng")?;
        self.documents = Some(Reader {
            prefs,
            engines: e.engines.clone(),
            board: Arc::new(Mutex::new(Vec::new())),
        });
        Ok(e)
    }

    /// What to read (the documents `ids`, or every document not read yet) and the engines to
    /// read it with. Clears an earlier cancel.
    pub fn pending_extractions(
        &mut self,
        ids: &[String],
    ) -> Result<(DocumentEngines, Vec<Pending>), UiError> {
        let engines = self.document_engines()?;
        engines.cancel_token().reset();
        let f = self.documents_file()?;
        let docs = f.documents().map_err(store_error)?;
        let chosen: Vec<&StoredDocument> = if ids.is_empty() {
            docs.iter()
                .filter(|d| d.status == DocumentStatus::Added)
                .collect()
        } else {
            let mut v = Vec::new();
            for id in ids {
                let d = docs
                    .iter()
                    .find(|d| &d.id == id)
                    .ok_or_else(|| UiError::new("doc-not-found").arg("id", id))?;
                v.push(d);
            }
            v
        };
        let mut pending = Vec::new();
        for d in chosen {
            let bytes = f
                .document_bytes(&d.id)
                .map_err(store_error)?
                .ok_or_else(|| UiError::new("doc-not-found").arg("id", &d.id))?;
            pending.push(Pending {
                id: d.id.clone(),
                file_name: d.file_name.clone(),
                bytes,
            });
        }
        if let Some(r) = &self.documents {
            if let Ok(mut board) = r.board.lock() {
                *board = pending
                    .iter()
                    .enumerate()
                    .map(|(i, p)| progress(p, i, pending.len(), "queued"))
                    .collect();
            }
        }
        Ok((engines, pending))
    }

    /// A sink that keeps the progress of the current run for [`Session::extraction_progress`]
    /// and passes it on to `then`.
    pub fn progress_board_sink(&self, then: ProgressSink) -> ProgressSink {
        let board = self.documents.as_ref().map(|r| Arc::clone(&r.board));
        Arc::new(move |p: &ExtractionProgress| {
            if let Some(board) = &board {
                if let Ok(mut b) = board.lock() {
                    match b.iter_mut().find(|x| x.document == p.document) {
                        Some(slot) => *slot = p.clone(),
                        None => b.push(p.clone()),
                    }
                }
            }
            then(p);
        })
    }

    /// Each document of the current (or last) run.
    pub fn extraction_progress(&self) -> Vec<ExtractionProgress> {
        self.documents
            .as_ref()
            .and_then(|r| r.board.lock().ok().map(|b| b.clone()))
            .unwrap_or_default()
    }

    /// Stops the running extraction.
    pub fn cancel_extraction(&self) {
        if let Some(r) = &self.documents {
            r.engines.cancel_token().cancel();
        }
    }

    /// Stores what reading document `id` gave. A cancelled read leaves the document as it
    /// was. With auto-accept on, a document whose entry fields all reach the threshold
    /// becomes an entry at the first site; returns whether it did.
    pub fn finish_extraction(
        &mut self,
        id: &str,
        result: &Result<Extraction, UiError>,
    ) -> Result<bool, UiError> {
        let actor = self.actor.clone();
        match result {
            Err(e) if e.key == "doc-cancelled" => return Ok(false),
            Err(e) => {
                self.documents_file_mut()?
                    .save_document_extraction(id, Err((&e.key, &e.args)), &actor)
                    .map_err(store_error)?;
                return Ok(false);
            }
            Ok(x) => {
                let json = serde_json::to_string(x)
                    .map_err(|e| UiError::new("doc-err-internal").arg("detail", e))?;
                self.documents_file_mut()?
                    .save_document_extraction(id, Ok(&json), &actor)
                    .map_err(store_error)?;
            }
        }
        let Some(threshold) = self.prefs.documents.auto_accept_above else {
            return Ok(false);
        };
        let Ok(x) = result else { return Ok(false) };
        let Some(kind) = entry_kind(x.doc_type) else {
            return Ok(false);
        };
        let confident = required_fields(kind).iter().all(|f| {
            x.fields
                .get(f)
                .is_some_and(|field| !is_low(field.confidence, threshold))
        });
        let Some(site) = self.activity_catalog()?.sites.first().cloned() else {
            return Ok(false);
        };
        if !confident {
            return Ok(false);
        }
        let values = x
            .fields
            .iter()
            .map(|(n, f)| (n.id().to_string(), f.value.clone()))
            .collect();
        // A value the entry checks refuse leaves the document for a person to review.
        Ok(self
            .accept_document(&AcceptDocumentArgs {
                id: id.to_string(),
                site,
                values,
            })
            .is_ok())
    }

    /// Reads documents one after another in this thread (the CLI and tests; the desktop
    /// shell uses the three steps to keep the session free while reading).
    pub fn extract_documents(
        &mut self,
        ids: &[String],
        sink: &ProgressSink,
    ) -> Result<ExtractReport, UiError> {
        let (engines, pending) = self.pending_extractions(ids)?;
        let sink = &self.progress_board_sink(Arc::clone(sink));
        let mut report = ExtractReport {
            done: 0,
            failed: 0,
            cancelled: 0,
            auto_accepted: 0,
            view: self.documents_view()?,
        };
        for (i, p) in pending.iter().enumerate() {
            let result = extract_one(&engines, p, i, pending.len(), sink);
            tally(&mut report, &result);
            if self.finish_extraction(&p.id, &result)? {
                report.auto_accepted += 1;
            }
        }
        report.view = self.documents_view()?;
        Ok(report)
    }

    /// One document's pages and proposed fields.
    pub fn document_review(&self, id: &str) -> Result<ReviewView, UiError> {
        let f = self.documents_file()?;
        let threshold = self.prefs.documents.highlight_below;
        let d = f
            .document(id)
            .map_err(store_error)?
            .ok_or_else(|| UiError::new("doc-not-found").arg("id", id))?;
        let x = parse_extraction(&d)
            .ok_or_else(|| UiError::new("doc-review-not-read").arg("id", id))?;
        let bytes = f
            .document_bytes(id)
            .map_err(store_error)?
            .unwrap_or_default();
        let mut images = page_images(&d.file_kind, &bytes);
        let kind = entry_kind(x.doc_type);
        let required: &[FieldName] = kind.map(required_fields).unwrap_or(&[]);
        let mut names: Vec<FieldName> = x.doc_type.fields().to_vec();
        for r in required {
            if !names.contains(r) {
                names.push(*r);
            }
        }
        let fields = names
            .iter()
            .map(|n| {
                let field = x.fields.get(n);
                ReviewField {
                    name: n.id().to_string(),
                    value: field.map(|f| f.value.clone()),
                    confidence: field.map(|f| f.confidence),
                    page: field.and_then(|f| f.page),
                    source_text: field.map(|f| f.source.text.clone()),
                    origin: field.map(|f| {
                        match f.source.origin {
                            athar_extract::Origin::Parser => "parser",
                            athar_extract::Origin::Model => "model",
                        }
                        .to_string()
                    }),
                    note: field.and_then(|f| f.note.map(|n| n.key())),
                    alternatives: field
                        .map(|f| f.alternatives.iter().map(|a| a.value.clone()).collect())
                        .unwrap_or_default(),
                    low: field.is_none_or(|f| is_low(f.confidence, threshold)),
                    required: required.contains(n),
                }
            })
            .collect();
        let pages = x
            .pages
            .iter()
            .map(|p| ReviewPage {
                number: p.number,
                method: p.method.id().to_string(),
                image: images.remove(&p.number),
                text: p.text.clone(),
                spans: x
                    .fields
                    .values()
                    .filter(|f| f.page == Some(p.number))
                    .filter_map(|f| f.source.span)
                    .collect(),
            })
            .collect();
        let next = f
            .documents()
            .map_err(store_error)?
            .into_iter()
            .find(|o| o.id != d.id && o.status == DocumentStatus::Extracted)
            .map(|o| o.id);
        let sites = self.activity_catalog()?.sites;
        Ok(ReviewView {
            document: row(f, &d, threshold)?,
            doc_type_confidence: x.doc_type_confidence,
            pages,
            fields,
            entry_kind: kind.map(str::to_string),
            sites,
            highlight_below: threshold,
            next,
        })
    }

    /// Turns reviewed values into an activity entry (through [`Session::save_entry`]: same
    /// checks and audit as a typed entry), linked to the document and the page of the
    /// figure, and records what the reviewer did with each field.
    pub fn accept_document(&mut self, args: &AcceptDocumentArgs) -> Result<AcceptOutcome, UiError> {
        let (d, x) = {
            let f = self.documents_file()?;
            let d = f
                .document(&args.id)
                .map_err(store_error)?
                .ok_or_else(|| UiError::new("doc-not-found").arg("id", &args.id))?;
            let x = parse_extraction(&d)
                .ok_or_else(|| UiError::new("doc-review-not-read").arg("id", &args.id))?;
            (d, x)
        };
        if d.status == DocumentStatus::Accepted {
            return Err(UiError::new("doc-review-already-accepted").arg("id", &d.id));
        }
        let kind = entry_kind(x.doc_type)
            .ok_or_else(|| UiError::new("doc-review-no-entry").arg("type", x.doc_type.id()))?;
        let figure = if kind == "fuel" {
            FieldName::Quantity
        } else {
            FieldName::Consumption
        };
        let page = x.fields.get(&figure).and_then(|f| f.page).or(Some(1));
        let entry = build_entry(kind, &args.values, &args.site, &d.id, page)?;
        let entry = self.save_entry(SaveEntryArgs {
            original_id: None,
            entry,
        })?;
        let reviews: Vec<FieldReview> = args
            .values
            .iter()
            .filter(|(_, v)| !v.trim().is_empty())
            .filter_map(|(name, value)| {
                let n = FieldName::from_id(name)?;
                let proposed = x.fields.get(&n);
                Some(FieldReview {
                    field: name.clone(),
                    proposed: proposed.map(|f| f.value.clone()),
                    confidence: proposed.map(|f| f.confidence),
                    page: proposed.and_then(|f| f.page),
                    value: value.trim().to_string(),
                })
            })
            .collect();
        let actor = self.actor.clone();
        self.documents_file_mut()?
            .record_document_review(&d.id, &entry.id, &reviews, &actor)
            .map_err(store_error)?;
        let next = self
            .documents_file()?
            .documents()
            .map_err(store_error)?
            .into_iter()
            .find(|o| o.status == DocumentStatus::Extracted)
            .map(|o| o.id);
        Ok(AcceptOutcome {
            entry_id: entry.id,
            next,
        })
    }

    /// Saves the reading settings (checked) in the preferences; a changed model or thread
    /// count starts a new worker with the next document.
    pub fn save_document_settings(
        &mut self,
        s: &DocumentSettings,
    ) -> Result<DocumentsView, UiError> {
        let mut errors = Vec::new();
        let model = s
            .model_path
            .as_deref()
            .map(str::trim)
            .filter(|m| !m.is_empty())
            .map(PathBuf::from);
        if let Some(m) = &model {
            if !m.is_file() {
                errors.push(
                    FieldError::new("model_path", "doc-settings-model-missing")
                        .arg("path", m.display()),
                );
            }
        }
        if !(1..=64).contains(&s.threads) {
            errors.push(FieldError::new("threads", "doc-settings-threads").arg("max", 64));
        }
        if s.highlight_below > 100 {
            errors.push(FieldError::new("highlight_below", "doc-settings-percent"));
        }
        if s.auto_accept_above.is_some_and(|p| !(1..=100).contains(&p)) {
            errors.push(FieldError::new("auto_accept_above", "doc-settings-percent"));
        }
        if !errors.is_empty() {
            return Err(UiError::invalid(errors));
        }
        self.prefs.documents = DocumentPrefs {
            model,
            threads: s.threads,
            highlight_below: s.highlight_below,
            auto_accept_above: s.auto_accept_above,
        };
        self.save_prefs()?;
        // The worker restarts with the new settings when next needed.
        self.documents = None;
        self.documents_view()
    }
}

/// Counts a document's outcome in a report.
pub fn tally(report: &mut ExtractReport, result: &Result<Extraction, UiError>) {
    match result {
        Ok(_) => report.done += 1,
        Err(e) if e.key == "doc-cancelled" => report.cancelled += 1,
        Err(_) => report.failed += 1,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn a_gas_bill_becomes_a_stationary_natural_gas_entry_citing_its_page() {
        let v = values(&[
            ("period_start", "2026-01-01"),
            ("period_end", "2026-01-31"),
            ("consumption", "6,857"),
            ("consumption_unit", "Nm3"),
        ]);
        let e = build_entry("natural_gas", &v, "Plant", "DOC-0123456789abcdef", Some(2)).unwrap();
        assert_eq!(e.id, "D-0123456789abcdef");
        assert_eq!(e.origin, Origin::Document);
        assert_eq!(
            e.evidence,
            Some(Evidence {
                document_id: "DOC-0123456789abcdef".into(),
                page: Some(2)
            })
        );
        assert_eq!(
            e.amount,
            Amount::Quantity(Quantity::new(
                rust_decimal::Decimal::from(6857),
                Unit::NormalCubicMetre
            ))
        );
        assert!(matches!(e.activity, ActivityKind::Fuel { ref fuel, .. } if fuel == "natural-gas"));
    }

    #[test]
    fn missing_and_malformed_values_name_their_field() {
        let v = values(&[
            ("issue_date", "2026-13-01"),
            ("quantity", "abc"),
            ("quantity_unit", "barrels"),
        ]);
        let err = build_entry("fuel", &v, "", "DOC-1", None).unwrap_err();
        let fields: Vec<(&str, &str)> = err
            .fields
            .iter()
            .map(|f| (f.field.as_str(), f.key.as_str()))
            .collect();
        assert_eq!(
            fields,
            [
                ("values.issue_date", "doc-review-bad-date"),
                ("values.quantity", "v-number"),
                ("values.quantity_unit", "doc-review-bad-unit"),
                ("values.fuel_type", "v-required"),
                ("site", "v-required"),
            ]
        );
    }

    #[test]
    fn a_period_that_ends_before_it_starts_is_refused() {
        let v = values(&[
            ("period_start", "2026-02-01"),
            ("period_end", "2026-01-01"),
            ("consumption", "10"),
            ("consumption_unit", "kWh"),
        ]);
        let err = build_entry("electricity", &v, "Plant", "DOC-1", None).unwrap_err();
        assert_eq!(err.fields[0].key, "doc-review-period-order");
    }

    #[test]
    fn only_bills_and_fuel_invoices_give_entries() {
        assert_eq!(entry_kind(DocType::ElectricityBill), Some("electricity"));
        assert_eq!(entry_kind(DocType::GasBill), Some("natural_gas"));
        assert_eq!(entry_kind(DocType::FuelInvoice), Some("fuel"));
        assert_eq!(entry_kind(DocType::Receipt), None);
        assert!(is_low(0.79, 80));
        assert!(!is_low(0.8, 80));
    }
}
