//! Documents in, proposed field values out. A bill or invoice (PDF with or without a text
//! layer, JPEG/PNG/TIFF photo or scan, xlsx or CSV) becomes an [`Extraction`]: its type, the
//! text of each page, and for each field of that type a normalised value with a confidence
//! and where on which page it was read.
//!
//! Why this crate exists, and why it is pure Rust: extraction must never take the app down,
//! so everything that runs native code (Tesseract OCR, the llama.cpp model) sits behind the
//! [`PageOcr`] and [`FieldAssist`] traits and runs in a worker process; what stays here
//! (sniffing, PDF text layers with lopdf, image decoding with `image` under a pixel limit,
//! classification and the deterministic parsers) is safe Rust that returns a typed
//! [`ExtractError`] on bad input. The parsers run first; the model only fills gaps or settles
//! conflicts ([`merge`]).
//!
//! Crates beyond the fixed stack: `image` (the maintained pure-Rust decoder of the
//! image-rs project; only its jpeg, png and tiff decoders are enabled), `unicode-bidi`
//! (servo's implementation of the Unicode Bidirectional Algorithm, to put Arabic text of PDF
//! text layers back in logical order), `regex` (linear-time matching of dates and numbers)
//! and `unicode-normalization` (NFKC, which turns the Arabic presentation forms some PDF
//! producers emit into letters).

pub mod bench;
pub mod bidi;
pub mod classify;
pub mod engine;
pub mod error;
mod fields;
mod index;
pub mod merge;
pub mod model;
pub mod normalise;
pub mod pdf;
pub mod pipeline;
pub mod raster;
pub mod sheet;
pub mod sniff;
pub mod text;

pub use classify::Classification;
pub use engine::{
    AssistPage, AssistRequest, EngineError, FieldAssist, OcrLine, OcrPage, OcrWord, PageImage,
    PageOcr, Proposal, WantReason, WantedField,
};
pub use error::ExtractError;
pub use fields::label_table;
pub use model::{
    BBox, Candidate, CoordUnit, DocType, Extraction, Field, FieldKind, FieldName, FileKind,
    MergeNote, Origin, PageSummary, Provenance, TextLine, TextMethod, TextPage, Warning,
};
pub use normalise::{normalise_value, values_match};
pub use pipeline::{analyse, extract, extract_file, read_text, Document, Engines, Options};
pub use raster::Limits;
