//! Why a document could not be read at all. Each variant has a Fluent key in
//! `locales/*/documents.ftl` ([`ExtractError::key`], [`ExtractError::args`]), in the way
//! `athar-import`'s `ReadError` does, so the session can show it in the user's language.

use crate::model::FileKind;

#[derive(Debug, thiserror::Error)]
pub enum ExtractError {
    #[error("cannot read the file: {0}")]
    Io(#[from] std::io::Error),
    /// A 0-byte file.
    #[error("the file is empty")]
    Empty,
    /// Bytes that are none of the supported formats.
    #[error("unsupported file type (the content looks like {looks_like})")]
    Unsupported { looks_like: &'static str },
    /// A PDF protected with a password or encrypted; its text cannot be read.
    #[error("the PDF is encrypted")]
    EncryptedPdf,
    /// A PDF that cannot be parsed (truncated, damaged).
    #[error("the PDF is damaged: {detail}")]
    DamagedPdf { detail: String },
    /// A PDF with more pages than extraction accepts.
    #[error("the document has {pages} pages; at most {max} are read")]
    TooManyPages { pages: usize, max: usize },
    /// An image whose decoded size exceeds the pixel limit (checked before decoding).
    #[error("the image is {width} × {height} pixels; at most {max_pixels} pixels are read")]
    ImageTooLarge {
        width: u64,
        height: u64,
        max_pixels: u64,
    },
    /// An image that cannot be decoded (truncated, damaged).
    #[error("the {format} image is damaged: {detail}")]
    DamagedImage { format: FileKind, detail: String },
    /// A workbook that cannot be read.
    #[error("the workbook is damaged: {detail}")]
    DamagedWorkbook { detail: String },
    /// A CSV that is not UTF-8 text.
    #[error("the CSV file is not UTF-8 text")]
    CsvNotUtf8,
    /// The user cancelled (through an engine).
    #[error("cancelled")]
    Cancelled,
}

impl ExtractError {
    pub fn key(&self) -> &'static str {
        match self {
            ExtractError::Io(_) => "doc-io",
            ExtractError::Empty => "doc-empty-file",
            ExtractError::Unsupported { .. } => "doc-unsupported-file",
            ExtractError::EncryptedPdf => "doc-encrypted-pdf",
            ExtractError::DamagedPdf { .. } => "doc-damaged-pdf",
            ExtractError::TooManyPages { .. } => "doc-too-many-pages",
            ExtractError::ImageTooLarge { .. } => "doc-image-too-large",
            ExtractError::DamagedImage { .. } => "doc-damaged-image",
            ExtractError::DamagedWorkbook { .. } => "doc-damaged-workbook",
            ExtractError::CsvNotUtf8 => "doc-csv-not-utf8",
            ExtractError::Cancelled => "doc-cancelled",
        }
    }

    /// Fluent arguments of [`ExtractError::key`].
    pub fn args(&self) -> Vec<(String, String)> {
        match self {
            ExtractError::Io(e) => vec![("detail".into(), e.to_string())],
            ExtractError::Unsupported { looks_like } => {
                vec![("looks_like".into(), looks_like.to_string())]
            }
            ExtractError::DamagedPdf { detail } | ExtractError::DamagedWorkbook { detail } => {
                vec![("detail".into(), detail.clone())]
            }
            ExtractError::TooManyPages { pages, max } => vec![
                ("pages".into(), pages.to_string()),
                ("max".into(), max.to_string()),
            ],
            ExtractError::ImageTooLarge {
                width,
                height,
                max_pixels,
            } => vec![
                ("width".into(), width.to_string()),
                ("height".into(), height.to_string()),
                ("max_pixels".into(), max_pixels.to_string()),
            ],
            ExtractError::DamagedImage { format, detail } => vec![
                ("format".into(), format.id().to_string()),
                ("detail".into(), detail.clone()),
            ],
            ExtractError::Empty
            | ExtractError::EncryptedPdf
            | ExtractError::CsvNotUtf8
            | ExtractError::Cancelled => Vec::new(),
        }
    }
}
