//! The Commission's CBAM communication template for installations (V2.1 and V2.1.1), read
//! into and written from the `athar-cbam` model.
//!
//! Why this crate exists: the workbook is how producers and importers exchange embedded
//! emissions. Athar imports a filled one into a company file ([`read_template`]), checks one
//! received from a supplier against its own recomputation ([`check_template`]), and exports
//! the company's data into the official blank workbook ([`export_template`]) — never a
//! look-alike. Reading uses calamine; writing uses `athar-xlsx-fill`, which edits the
//! Commission's file in place. Where every field lives is in [`cells`], one map per sheet.
//!
//! * [`read_template`] → [`Imported`]: the model, recomputed results, and where each item sat;
//!   or every problem as `sheet!cell` + Fluent key ([`CellProblem`]) — never half a workbook.
//! * [`check_template`] → [`Checked`]: the same plus the summary cells that disagree.
//! * [`export_template`]: the blank template's bytes + model + results → the filled workbook;
//!   [`embedded_template`] is the Commission's blank V2.1.1 when the build found it.
//!
//! No I/O beyond the `_file` helpers reading the path they are given.

pub mod cells;
mod check;
mod embedded;
mod error;
mod export;
pub mod labels;
mod read;
mod workbook;

pub use check::{agrees, check_template, Checked, ABSOLUTE_TOLERANCE, RELATIVE_TOLERANCE};
pub use embedded::embedded_template;
pub use error::{CellProblem, ExportError, TemplateError};
pub use export::{as_written, export_template, template_version};
pub use read::{read_template, read_template_file, Imported, Layout};
pub use workbook::TemplateVersion;
