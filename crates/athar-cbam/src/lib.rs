//! CBAM installations, goods and their specific embedded emissions (SEE) per Commission
//! Implementing Regulation (EU) 2025/2547, Annex III: the model and the calculation.
//!
//! Why this crate exists: an Egyptian producer exporting cement, steel, aluminium or
//! fertilisers must tell each EU importer the SEE of every good, direct and indirect, computed
//! as the regulation prescribes and explainable down to the fuel bill. This crate is that, and
//! nothing else: pure (no I/O, no SQLite, no spreadsheet), deterministic `rust_decimal`
//! arithmetic, building for the wasm UI as well as natively. The store keeps an
//! [`Installation`] as JSON; `athar-cbam-template` reads and writes the Commission's workbook
//! into and from it; the CLI and the UI call [`compute`] and show [`CbamResults`].
//!
//! * [`model`] — the data of sheets A–E and the products, as serde data.
//! * [`validate`] — the rules, as `athar_domain::FieldError`s with Fluent keys.
//! * [`goods`] — categories, routes, functional units, mark-ups, zero-rated origins.
//! * [`cn`] — the CBAM CN code list (transcribed from the template, embedded).
//! * [`compute`] — Equations 55–66 into a result graph ([`result`]) with `explain`.
//! * [`defaults`] — default values through the [`DefaultValues`] trait, and the comparison of
//!   each good with its default and the certificate cost; `EmbeddedDefaults` (feature
//!   `embedded-defaults`) reads the IR 2025/2621 packs of `athar-factors`.
//! * [`report`] — the JSON of `athar cbam report` and `check`.
//! * [`synthetic`] — generated installations for benchmarks and tests.
//!
//! **Rounding.** Full precision (28 significant digits); the only roundings are those of
//! non-terminating divisions (by activity levels). Round for display only.

mod arith;
pub mod cn;
pub mod defaults;
mod emissions;
mod engine;
pub mod error;
pub mod goods;
pub mod model;
pub mod report;
pub mod result;
pub mod synthetic;
pub mod validate;

#[cfg(any(feature = "embedded-defaults", test))]
mod embedded_defaults;

#[cfg(any(feature = "embedded-defaults", test))]
pub use embedded_defaults::EmbeddedDefaults;

pub use defaults::{
    compare_with_defaults, DefaultComparison, DefaultLookupError, DefaultQuery, DefaultTable,
    DefaultValue, DefaultValues,
};
pub use emissions::{CO2_PER_C, GWP_C2F6, GWP_CF4, GWP_N2O};
pub use engine::{compute, EF_NATURAL_GAS, WASTE_GAS_CORRECTION};
pub use error::CalcError;
pub use goods::{FunctionalUnit, GoodsCategory, ProductionRoute, Sector};
pub use model::Installation;
pub use report::{CheckReport, Discrepancy, Report};
pub use result::{CbamResults, Explanation, Flag, NodeKind, ResultNode};
