//! Reading an EFRAG VSME digital template (versions 1.0.0 to 1.3.0) filled by someone else.
//!
//! Why this module exists: SMEs receive the template from customers or fill it themselves;
//! Athar imports it as facts so the same figures feed the company file, the PDF and the Inline
//! XBRL. Every input cell of the template is a defined name that is the local name of a
//! taxonomy concept, so the reader works from the names, not from cell positions, and reads
//! every version the same way. It follows EFRAG's own converter
//! (EFRAG-EU/Digital-Template-to-XBRL-Converter, `mireport/xlsx_template_reader`), rule for
//! rule, so that its facts equal the converter's for the same workbook; the tests check this
//! against the converter's snapshot for the 1.3.0 sample.
//!
//! * [`workbook`] — cells, number formats and merged regions behind defined names (calamine).
//! * [`labels`] — drop-down text → enumeration option or axis member.
//! * [`units`] — the unit of a numeric fact.
//! * [`reader`] — named ranges → facts: single cells, tables, named periods, footnotes.

mod labels;
mod reader;
mod units;
mod workbook;

use serde::{Deserialize, Serialize};

use crate::fact::{Fact, ReportInfo};

pub use labels::{ratio as label_similarity, Domain, Resolution};
pub use units::unit_from_text;
pub use workbook::{column_letters, column_number, float_to_decimal};

/// What a template holds: the report's metadata and its facts, with what the reader noticed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TemplateFacts {
    pub info: ReportInfo,
    pub facts: Vec<Fact>,
    pub messages: Vec<Message>,
}

/// Something the reader noticed: a Fluent key with its arguments and the cell concerned.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Message {
    pub severity: Severity,
    pub key: String,
    pub args: Vec<(String, String)>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cell: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

/// Why a file could not be read as a digital template at all. [`TemplateError::key`] gives
/// the Fluent key.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum TemplateError {
    #[error("not an xlsx workbook")]
    NotXlsx,
    #[error("the workbook is damaged: {detail}")]
    Corrupt { detail: String },
    /// No `template_reporting_schemaRef` name: some other workbook.
    #[error("the workbook is not a VSME digital template")]
    NotATemplate,
    #[error("the template is for an unsupported taxonomy: {entry_point}")]
    UnsupportedTaxonomy { entry_point: String },
    #[error("the template has no value in {range}")]
    MissingMetadata { range: String },
    #[error("{range} is not a date: {value}")]
    BadDate { range: String, value: String },
    #[error("the reporting period starts ({start}) after it ends ({end})")]
    PeriodReversed { start: String, end: String },
}

impl TemplateError {
    pub fn key(&self) -> &'static str {
        match self {
            TemplateError::NotXlsx => "vsme-error-not-xlsx",
            TemplateError::Corrupt { .. } => "vsme-error-corrupt",
            TemplateError::NotATemplate => "vsme-error-not-template",
            TemplateError::UnsupportedTaxonomy { .. } => "vsme-error-unsupported-taxonomy",
            TemplateError::MissingMetadata { .. } => "vsme-error-missing-metadata",
            TemplateError::BadDate { .. } => "vsme-error-bad-date",
            TemplateError::PeriodReversed { .. } => "vsme-error-period-reversed",
        }
    }

    /// Fluent arguments of [`TemplateError::key`].
    pub fn args(&self) -> Vec<(String, String)> {
        let a = |k: &str, v: &str| (k.to_string(), v.to_string());
        match self {
            TemplateError::NotXlsx | TemplateError::NotATemplate => vec![],
            TemplateError::Corrupt { detail } => vec![a("detail", detail)],
            TemplateError::UnsupportedTaxonomy { entry_point } => {
                vec![a("entry_point", entry_point)]
            }
            TemplateError::MissingMetadata { range } => vec![a("range", range)],
            TemplateError::BadDate { range, value } => vec![a("range", range), a("value", value)],
            TemplateError::PeriodReversed { start, end } => {
                vec![a("start", start), a("end", end)]
            }
        }
    }
}

/// Whether two labels are the same up to white space, dashes, a `[member]` suffix and case.
pub fn labels_equal(a: &str, b: &str) -> bool {
    let n = |t: &str| labels::strip_suffix(&labels::normalize(t)).to_lowercase();
    n(a) == n(b)
}

/// A template's yes/no text (`YES`, `no`, `TRUE`, `1`).
pub fn parse_bool(t: &str) -> Option<bool> {
    reader::parse_bool(t)
}

/// Reads the facts of a filled digital template (the bytes of the `.xlsx`).
pub fn facts_from_template(bytes: &[u8]) -> Result<TemplateFacts, TemplateError> {
    reader::read(bytes)
}
