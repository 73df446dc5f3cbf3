//! Why a template could not be read or written, as Fluent keys with arguments.
//!
//! Why this module exists: a workbook from a supplier can be anything — a renamed PDF, a
//! truncated download, another Commission template, an older version, or a real template with
//! half-filled rows. Each is a typed error the CLI and UI can put into words; problems with
//! the contents come as a list of [`CellProblem`]s, one per cell, all at once.

use athar_cbam::CalcError;
use serde::{Deserialize, Serialize};

/// One problem with one cell: where (`D_Processes!L16`), what (a Fluent key) and the details.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CellProblem {
    /// `Sheet!A1`, or the sheet name alone when no single cell is at fault.
    pub cell: String,
    pub key: String,
    pub args: Vec<(String, String)>,
    /// The model field the cell fills (`processes.0.production`), if any.
    #[serde(default)]
    pub field: Option<String>,
}

#[derive(Debug, thiserror::Error)]
pub enum TemplateError {
    #[error("cannot read {path}: {detail}")]
    Io { path: String, detail: String },
    #[error("the file is empty")]
    Empty,
    /// Not a zip archive: a renamed CSV, image, PDF or old `.xls`.
    #[error("not an xlsx workbook (the content looks like {looks_like})")]
    NotXlsx { looks_like: &'static str },
    /// A zip that cannot be read as a workbook.
    #[error("the workbook is damaged: {detail}")]
    Corrupt { detail: String },
    /// A workbook, but not the CBAM communication template for installations.
    #[error("not a CBAM communication template: {missing} is missing")]
    NotCbamTemplate { missing: String },
    /// A communication template of a version whose layout this reader does not know.
    #[error("template version {found} is not supported (V2.1 and V2.1.1 are)")]
    UnsupportedVersion { found: String },
    /// The workbook's inputs cannot be imported; every problem found.
    #[error("{} problem(s) in the template", .0.len())]
    Invalid(Vec<CellProblem>),
    /// The inputs are complete but cannot be computed (e.g. a precursor cycle).
    #[error("the template cannot be computed: {0}")]
    Calculation(CalcError),
}

impl TemplateError {
    pub fn key(&self) -> &'static str {
        match self {
            TemplateError::Io { .. } => "cbam-tpl-io",
            TemplateError::Empty => "cbam-tpl-empty",
            TemplateError::NotXlsx { .. } => "cbam-tpl-not-xlsx",
            TemplateError::Corrupt { .. } => "cbam-tpl-corrupt",
            TemplateError::NotCbamTemplate { .. } => "cbam-tpl-not-template",
            TemplateError::UnsupportedVersion { .. } => "cbam-tpl-unsupported-version",
            TemplateError::Invalid(_) => "cbam-tpl-invalid",
            TemplateError::Calculation(e) => e.key(),
        }
    }

    pub fn args(&self) -> Vec<(String, String)> {
        let a = |k: &str, v: &str| (k.to_string(), v.to_string());
        match self {
            TemplateError::Io { path, detail } => vec![a("path", path), a("detail", detail)],
            TemplateError::Empty => Vec::new(),
            TemplateError::NotXlsx { looks_like } => vec![a("looks_like", looks_like)],
            TemplateError::Corrupt { detail } => vec![a("detail", detail)],
            TemplateError::NotCbamTemplate { missing } => vec![a("missing", missing)],
            TemplateError::UnsupportedVersion { found } => vec![a("found", found)],
            TemplateError::Invalid(problems) => vec![
                a("count", &problems.len().to_string()),
                a(
                    "cell",
                    problems
                        .first()
                        .map(|p| p.cell.as_str())
                        .unwrap_or_default(),
                ),
            ],
            TemplateError::Calculation(e) => e.args(),
        }
    }
}

/// Why a model could not be written into the Commission's workbook.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// The blank workbook given is not a usable template.
    #[error("the blank template cannot be used: {0}")]
    Template(TemplateError),
    /// The data does not pass validation.
    #[error("{} problem(s) in the CBAM data", .0.len())]
    Invalid(Vec<athar_domain::FieldError>),
    /// More items than the template has rows for.
    #[error("the template holds at most {max} {what}; the data has {count}")]
    TooMany {
        what: &'static str,
        max: u32,
        count: usize,
    },
    /// A value the template has no place for (a country missing from its list, a process
    /// transfer beyond its table).
    #[error("{field}: {value:?} cannot be written into the template")]
    NotRepresentable { field: String, value: String },
    /// The results do not belong to the data (recompute before exporting).
    #[error("the results do not match the data: {detail}")]
    StaleResults { detail: String },
    /// The data in template form cannot be computed (it could before; a defect).
    #[error("the data in template form cannot be computed: {0}")]
    Calculation(CalcError),
    #[error("writing the workbook failed: {0}")]
    Fill(#[from] athar_xlsx_fill::FillError),
}

impl ExportError {
    pub fn key(&self) -> &'static str {
        match self {
            ExportError::Template(e) => e.key(),
            ExportError::Invalid(_) => "cbam-error-invalid",
            ExportError::TooMany { .. } => "cbam-export-too-many",
            ExportError::NotRepresentable { .. } => "cbam-export-not-representable",
            ExportError::StaleResults { .. } => "cbam-export-stale-results",
            ExportError::Calculation(e) => e.key(),
            ExportError::Fill(e) => e.key(),
        }
    }

    pub fn args(&self) -> Vec<(String, String)> {
        let a = |k: &str, v: &str| (k.to_string(), v.to_string());
        match self {
            ExportError::Template(e) => e.args(),
            ExportError::Invalid(errors) => vec![
                a("count", &errors.len().to_string()),
                a(
                    "field",
                    errors.first().map(|e| e.field.as_str()).unwrap_or_default(),
                ),
            ],
            ExportError::TooMany { what, max, count } => vec![
                a("what", what),
                a("max", &max.to_string()),
                a("count", &count.to_string()),
            ],
            ExportError::NotRepresentable { field, value } => {
                vec![a("field", field), a("value", value)]
            }
            ExportError::StaleResults { detail } => vec![a("detail", detail)],
            ExportError::Calculation(e) => e.args(),
            ExportError::Fill(e) => e.args(),
        }
    }
}
