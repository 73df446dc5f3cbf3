//! Athar's GHG inventory calculation core: Scope 1, Scope 2 (location- and market-based),
//! Scope 3 (categories 1, 4, 5, 6), totals and intensity per net revenue, each result with its
//! full provenance.
//!
//! Why this crate exists: the inventory is the number the SME's EU customer asks for and the
//! base of the VSME/ESRS E1 disclosures, and the product promises that every figure can be
//! traced to the bill page and the factor row it came from. This crate is that calculation and
//! nothing else — pure (no I/O, no SQLite, no Tauri): storage, import screens and the CLI hand
//! it [`ActivityEntry`]s and a [`FactorSet`] and get an [`Inventory`] back, whose nodes they can
//! show, store and [`Inventory::explain`].
//!
//! * [`entry`] — activity data (what, how much, where from, how good).
//! * [`factors`] — the factors of one calculation and the lookup rules.
//! * [`engine`] — [`compute`]: the GHG Protocol rules as decimal arithmetic.
//! * [`result`] — result nodes, stable ids, provenance, `explain`.
//!
//! **Rounding.** Values keep `rust_decimal`'s full precision (28 significant digits); the only
//! roundings are those of non-terminating divisions (e.g. through 3.6 GJ/MWh, intensities), at
//! the 28th digit. Round for display only, with [`display`] (half away from zero).
//!
//! **Result ids** are stable and readable: `line/<entry>` (electricity: `line/<entry>/location`
//! and `line/<entry>/market`; an entry apportioned over several result periods has one line
//! per period, `line/<entry>@<period>[/location|/market]`), `<category>/<site|all>/<period>` where category is `scope1`,
//! `scope2-location`, `scope2-market`, `scope3-cat<n>`, `scope3`, `total-location`,
//! `total-market`, and `intensity-location|market/all/<period>`; period is `2026`, `2026-03` or
//! `2026-01-15..2026-07-14`.

pub mod engine;
pub mod entry;
pub mod error;
pub mod factors;
pub mod result;

pub use engine::{compute, Granularity, InventoryInput};
pub use entry::{
    ActivityEntry, ActivityKind, Amount, Combustion, DataQuality, Evidence, Instrument,
    InstrumentKind, Money, Origin, Period,
};
pub use error::{EntryError, EntryErrorKind, InventoryError};
pub use factors::{FactorCitation, FactorSet, SourceKind, SpendFactor};
pub use result::{
    display, Category, Explanation, Flag, Formula, Gwp, Inventory, Level, Quality, ResultNode,
    Source,
};
