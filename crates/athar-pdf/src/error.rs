//! Why a report could not be rendered. [`PdfError::key`] gives the Fluent key (messages in
//! `locales/*/reports.ftl`), [`PdfError::args`] its arguments.

/// A report that cannot be laid out or written. Column and row numbers are 1-based.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PdfError {
    #[error("the embedded font {font} cannot be read")]
    Font { font: &'static str },
    #[error("the page is too small for its margins")]
    PageTooSmall,
    #[error("a table has no columns")]
    TableWithoutColumns,
    #[error("table row {row} has {found} cells but the table has {expected} columns")]
    TableShape {
        row: usize,
        expected: usize,
        found: usize,
    },
    #[error("table column {column} is too narrow for its text")]
    ColumnTooNarrow { column: usize },
    #[error("the PDF could not be written: {detail}")]
    Write { detail: String },
}

impl PdfError {
    pub fn key(&self) -> &'static str {
        match self {
            PdfError::Font { .. } => "pdf-font-unreadable",
            PdfError::PageTooSmall => "pdf-page-too-small",
            PdfError::TableWithoutColumns => "pdf-table-without-columns",
            PdfError::TableShape { .. } => "pdf-table-shape",
            PdfError::ColumnTooNarrow { .. } => "pdf-column-too-narrow",
            PdfError::Write { .. } => "pdf-write-failed",
        }
    }

    /// Fluent arguments of [`PdfError::key`].
    pub fn args(&self) -> Vec<(String, String)> {
        match self {
            PdfError::Font { font } => vec![("font".into(), font.to_string())],
            PdfError::TableShape {
                row,
                expected,
                found,
            } => vec![
                ("row".into(), row.to_string()),
                ("expected".into(), expected.to_string()),
                ("found".into(), found.to_string()),
            ],
            PdfError::ColumnTooNarrow { column } => vec![("column".into(), column.to_string())],
            PdfError::Write { detail } => vec![("detail".into(), detail.clone())],
            PdfError::PageTooSmall | PdfError::TableWithoutColumns => Vec::new(),
        }
    }
}
