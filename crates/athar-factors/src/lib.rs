//! Athar's emission-factor packs: versioned, cited, embedded in the binary.
//!
//! Why this crate exists: every emission Athar reports is an activity times a factor, and the
//! factor has to be traceable to a line of a published table. The factors therefore live as
//! plain CSV files under `factors/<pack>/<version>.csv` in the repository — one row per value,
//! each with its source document, table/row or sheet/cell, licence and validity period — so a
//! reviewer can read and diff them. This crate embeds those files (`include_str!`), validates
//! them (typed [`LoadError`]s naming file and line), and answers lookups: by id, or by
//! activity + parameter + region + date with the fallback rule a pack's source prescribes.
//! A calculation cites the row it used by [`FactorKey`] (id and version).
//!
//! [`Pack`] is plain data: later stages copy the packs a company uses into its company file,
//! so old results stay explainable after a pack is updated.
//!
//! No I/O beyond reading the embedded packs; values are `rust_decimal`, never `f64`.
//! `factors/README.md` describes the columns and how each pack was made.

mod embedded;
mod load;
mod pack;
mod row;

pub use embedded::{all_packs, find_row, load_embedded, pack, PackSpec, EMBEDDED};
pub use load::{parse_rows, write_rows, LoadError, LoadErrorKind};
pub use pack::{FactorMatch, FactorQuery, LookupError, Pack};
pub use row::{is_region, FactorKey, FactorRow, GwpBasis, COLUMNS, PSEUDO_REGIONS};

pub use athar_quantity::{Rate, RatioUnit};
pub use time::Date;
