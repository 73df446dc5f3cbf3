//! The two engines extraction can use but does not contain: OCR of a page image
//! ([`PageOcr`]) and a language model that fills in fields ([`FieldAssist`]).
//!
//! Why traits: both run native code (Tesseract, llama.cpp) that may crash, so the application
//! runs them in a worker child process (crate `athar-worker`); this crate stays pure Rust and
//! calls them through these traits, whether they are in-process (tests, the benchmark, the
//! CLI) or behind a pipe. Every type here is serde-serialisable so that it can cross that
//! pipe unchanged. Keep these signatures stable: other crates implement them.

use serde::{Deserialize, Serialize};

use crate::model::{BBox, DocType, FieldKind, FieldName};

/// A page image as OCR wants it: 8-bit grey, row-major, `width * height` bytes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PageImage {
    pub width: u32,
    pub height: u32,
    /// Resolution when the file says it (a scanned PDF's page size gives it too).
    pub dpi: Option<u32>,
    /// `width * height` grey levels, 0 = black.
    pub gray: Vec<u8>,
}

impl PageImage {
    /// Checks that `gray` has `width * height` bytes.
    pub fn new(width: u32, height: u32, dpi: Option<u32>, gray: Vec<u8>) -> Option<PageImage> {
        (width > 0 && height > 0 && gray.len() as u64 == u64::from(width) * u64::from(height))
            .then_some(PageImage {
                width,
                height,
                dpi,
                gray,
            })
    }

    /// The image as a PNG file (lossless; smaller than raw grey to send to a child process).
    pub fn to_png(&self) -> Vec<u8> {
        let mut out = Vec::new();
        let encoder = image::codecs::png::PngEncoder::new(&mut out);
        // Cannot fail: the buffer length was checked in `new` and writes go to memory.
        let _ = image::ImageEncoder::write_image(
            encoder,
            &self.gray,
            self.width,
            self.height,
            image::ExtendedColorType::L8,
        );
        out
    }
}

/// A word recognised by OCR. Boxes are in pixels of the upright image (after
/// [`OcrPage::rotation`]), origin top left.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OcrWord {
    pub text: String,
    pub bbox: BBox,
    /// 0 to 1.
    pub confidence: f64,
}

/// A line recognised by OCR, its words in logical (reading) order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OcrLine {
    pub text: String,
    pub bbox: BBox,
    /// 0 to 1.
    pub confidence: f64,
    pub words: Vec<OcrWord>,
}

/// What OCR read on one page image.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OcrPage {
    /// Size of the upright image the boxes refer to.
    pub width: u32,
    pub height: u32,
    /// Clockwise rotation, in degrees (0, 90, 180 or 270), applied to the input to make it
    /// upright before recognition.
    pub rotation: u16,
    /// Skew angle found and corrected, in degrees.
    pub skew_degrees: f64,
    /// Mean word confidence, 0 to 1.
    pub mean_confidence: f64,
    pub lines: Vec<OcrLine>,
}

/// Why an engine gave no answer. Not fatal to extraction: a page without OCR has no text, a
/// document without the model keeps its deterministic fields; both add a warning. Only
/// [`EngineError::Cancelled`] stops extraction.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, Serialize, Deserialize)]
pub enum EngineError {
    /// Not installed or not configured (no Tesseract language data, no model file chosen).
    #[error("the engine is not available: {detail}")]
    Unavailable { detail: String },
    /// The engine ran and reported an error.
    #[error("the engine failed: {detail}")]
    Failed { detail: String },
    /// The worker process died (native crash, abort, out of memory).
    #[error("the engine process stopped: {detail}")]
    Crashed { detail: String },
    #[error("the engine took longer than {seconds} s")]
    Timeout { seconds: u64 },
    /// The user cancelled.
    #[error("cancelled")]
    Cancelled,
}

impl EngineError {
    pub fn key(&self) -> &'static str {
        match self {
            EngineError::Unavailable { .. } => "doc-engine-unavailable",
            EngineError::Failed { .. } => "doc-engine-failed",
            EngineError::Crashed { .. } => "doc-engine-crashed",
            EngineError::Timeout { .. } => "doc-engine-timeout",
            EngineError::Cancelled => "doc-cancelled",
        }
    }

    pub fn args(&self) -> Vec<(String, String)> {
        match self {
            EngineError::Unavailable { detail }
            | EngineError::Failed { detail }
            | EngineError::Crashed { detail } => vec![("detail".into(), detail.clone())],
            EngineError::Timeout { seconds } => vec![("seconds".into(), seconds.to_string())],
            EngineError::Cancelled => Vec::new(),
        }
    }
}

/// OCR of one page image. Implemented by `athar-ocr` (Tesseract, in-process) and by the
/// worker's client (the same, in a child process).
pub trait PageOcr {
    fn recognise(&mut self, image: &PageImage) -> Result<OcrPage, EngineError>;
}

/// The text of one page as the model sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AssistPage {
    /// 1-based.
    pub number: u32,
    pub text: String,
}

/// Why a field is asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum WantReason {
    /// The parsers found nothing.
    Missing,
    /// The parsers found different values with similar confidence (see `candidates`).
    Conflict,
    /// The parsers found one value with low confidence.
    LowConfidence,
}

/// A field the model is asked to fill in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WantedField {
    pub name: FieldName,
    pub kind: FieldKind,
    /// When the set of values is closed (units, currencies, fuel types), the only values
    /// allowed; use them as an enum in the JSON-schema grammar.
    pub allowed: Vec<String>,
    pub reason: WantReason,
    /// Values the parsers found, best first (normal form).
    pub candidates: Vec<String>,
}

/// What the model is asked. Build the prompt from `pages` and constrain the answer to
/// `wanted` (one optional property per field).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AssistRequest {
    pub doc_type: DocType,
    pub pages: Vec<AssistPage>,
    pub wanted: Vec<WantedField>,
    /// Values already settled with high confidence, as context (normal form).
    pub known: Vec<(FieldName, String)>,
}

/// One value the model proposes. `value` may be as printed (`١٢٬٥٠٠`, `05/03/2026`): the merge
/// normalises it by the field's kind and drops it if it does not parse.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Proposal {
    pub name: FieldName,
    pub value: String,
    /// 0 to 1.
    pub confidence: f64,
    /// 1-based page the value was read from, if the model says.
    pub page: Option<u32>,
    /// The passage of the text the value was read from, if the model says; used to locate it.
    pub quote: Option<String>,
}

/// A language model that proposes values for fields the parsers left missing, uncertain or in
/// conflict. Implemented by `athar-llm` (llama.cpp under a JSON-schema grammar) and by the
/// worker's client. How its answers are merged is [`crate::merge`]'s rule: deterministic
/// first, the model fills gaps or settles conflicts, and never silently replaces a confident
/// parser value.
pub trait FieldAssist {
    fn propose(&mut self, request: &AssistRequest) -> Result<Vec<Proposal>, EngineError>;
}
