//! Activity data from spreadsheets: CSV and xlsx files read into a [`Table`], columns mapped
//! to fields by a [`Mapping`] (given as JSON, or inferred from English and common Arabic
//! header names), and rows converted to [`athar_inventory::ActivityEntry`]s.
//!
//! Why this crate exists: most SMEs keep their bills and meter readings in spreadsheets, and
//! an import must never fail silently or all at once. Reading problems (empty file, a `.xlsx`
//! that is really a CSV or a photo, a damaged workbook) are a typed [`ReadError`]; problems in
//! a row are [`RowError`]s (row number, column, Fluent key and arguments) while the valid rows
//! are kept. Nothing here panics on bad input, and nothing touches the company file: the
//! store's `import_entries` does that.

pub mod convert;
pub mod read;

pub use convert::{
    convert, mapping_fields, preview, Converted, ConvertedRow, Mapping, RowError, REQUIRED,
};
pub use read::{read_csv, read_file, read_xlsx, ReadError, Table};
