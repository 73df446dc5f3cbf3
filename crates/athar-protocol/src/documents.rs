//! Documents: adding bills and invoices to the company file, reading them (OCR and the
//! model, in the worker process) with progress and cancel, the review queue, accepting
//! reviewed values as an activity entry, and the settings of the model.
//!
//! Why its own types: the extraction result (`athar_extract::Extraction`) lives in a crate
//! that does not build for wasm; the UI gets what it shows, already shaped for the screen.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::UiError;

/// Name of the Tauri event that carries [`ExtractionProgress`].
pub const DOCUMENTS_PROGRESS_EVENT: &str = "documents-progress";

/// One stored document, as the list shows it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DocumentRow {
    /// `DOC-…`, cited by activity entries as their evidence.
    pub id: String,
    pub file_name: String,
    /// What the bytes are (`pdf`, `jpeg`, `png`, `tiff`, `xlsx`, `csv`).
    pub file_kind: String,
    pub size: u64,
    pub added_at: String,
    /// `added`, `extracted`, `failed` or `accepted`.
    pub status: String,
    /// `electricity_bill`… once read.
    pub doc_type: Option<String>,
    /// Fields proposed, and how many of them are below the highlight threshold.
    pub fields: u32,
    pub low_confidence: u32,
    /// Why reading failed.
    pub error: Option<UiError>,
    /// Things the reader should know (OCR could not read a page, the model was not used).
    pub warnings: Vec<UiError>,
    /// Milliseconds of model time, when the model ran.
    pub model_ms: Option<u64>,
    /// The activity entry the document became.
    pub entry_id: Option<String>,
}

/// Settings of document reading, as stored in the preferences.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocumentSettings {
    /// The GGUF model file; `None`: deterministic extraction only.
    pub model_path: Option<String>,
    pub threads: u32,
    /// Fields below this confidence (percent) are highlighted for review.
    pub highlight_below: u8,
    /// Accept documents whose fields are all at or above this confidence (percent) without
    /// review; `None` (the default): every document waits for a person.
    pub auto_accept_above: Option<u8>,
}

/// The documents screen.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DocumentsView {
    pub documents: Vec<DocumentRow>,
    pub settings: DocumentSettings,
    /// The model path is set and the file exists.
    pub model_ready: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AddDocumentsArgs {
    pub paths: Vec<String>,
}

/// A file that was not stored, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RefusedFile {
    pub file_name: String,
    pub error: UiError,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AddDocumentsReport {
    /// Ids of the documents stored now.
    pub added: Vec<String>,
    /// File names whose bytes were already stored (under the id given).
    pub duplicates: Vec<(String, String)>,
    pub refused: Vec<RefusedFile>,
    pub view: DocumentsView,
}

/// Which documents to read; empty: every document not read yet.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocumentIdsArgs {
    pub ids: Vec<String>,
}

/// Where one document of a run is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExtractionProgress {
    pub document: String,
    pub file_name: String,
    /// 1-based position in the run, and the run's length.
    pub index: u32,
    pub count: u32,
    /// `queued`, `running`, `done`, `failed` or `cancelled`.
    pub status: String,
    /// While running: `recognising` (OCR), `loading_model`, `reading`, `writing`.
    pub stage: Option<String>,
    pub done: u32,
    pub total: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ExtractReport {
    pub done: u32,
    pub failed: u32,
    pub cancelled: u32,
    pub auto_accepted: u32,
    pub view: DocumentsView,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocumentIdArgs {
    pub id: String,
}

/// A page of the review screen: its image when there is one (an image file, the scan a PDF
/// page embeds) and its text with the spans the fields were read from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReviewPage {
    pub number: u32,
    /// `text_layer`, `ocr`, `spreadsheet` or `none`.
    pub method: String,
    /// `data:image/...;base64,...`.
    pub image: Option<String>,
    pub text: String,
    /// `[start, end)` character spans of `text` that fields were read from.
    pub spans: Vec<[usize; 2]>,
}

/// One proposed field.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReviewField {
    /// `consumption`, `period_start`… (label `doc-field-<name>`).
    pub name: String,
    pub value: Option<String>,
    /// 0 to 1.
    pub confidence: Option<f64>,
    pub page: Option<u32>,
    /// The text the value was read from.
    pub source_text: Option<String>,
    /// `parser` or `model`.
    pub origin: Option<String>,
    /// `doc-note-…` key of what the merge did.
    pub note: Option<String>,
    pub alternatives: Vec<String>,
    /// Below the highlight threshold, or missing.
    pub low: bool,
    /// Needed for the activity entry.
    pub required: bool,
}

/// The review of one document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReviewView {
    pub document: DocumentRow,
    pub doc_type_confidence: f64,
    pub pages: Vec<ReviewPage>,
    pub fields: Vec<ReviewField>,
    /// The kind of activity entry the document gives (`electricity`, `natural_gas`,
    /// `fuel`); `None`: this type of document is kept as evidence only.
    pub entry_kind: Option<String>,
    pub sites: Vec<String>,
    pub highlight_below: u8,
    /// The next document waiting for review, for "accept and next".
    pub next: Option<String>,
}

/// Accept a document: the reviewed values (field name → value) become an activity entry at
/// `site`, linked to the document and page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AcceptDocumentArgs {
    pub id: String,
    pub site: String,
    pub values: BTreeMap<String, String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AcceptOutcome {
    pub entry_id: String,
    pub next: Option<String>,
}
