//! What can stop a calculation.
//!
//! Why this module exists: a result that silently assumed a unit, a density or a factor is
//! worse than no result. Every problem is a typed error naming the entry, so the import screen
//! and the CLI can point at the row to fix; the engine reports all entry problems at once.

use athar_quantity::{Dimension, QuantityError, Unit};

/// A problem with one activity entry.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("entry {entry}: {kind}")]
pub struct EntryError {
    pub entry: String,
    pub kind: EntryErrorKind,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EntryErrorKind {
    #[error("another entry has the same id")]
    DuplicateId,
    #[error("period {from}..{to} ends before it starts")]
    InvalidPeriod { from: String, to: String },
    #[error("period {from}..{to} does not overlap the reporting period")]
    OutsideReportingPeriod { from: String, to: String },
    #[error("amount must not be negative")]
    Negative,
    /// E.g. t.km given to a fuel entry, or kg to an electricity entry.
    #[error("a {activity} entry cannot be given in {unit} ({dimension}); expected {expected}")]
    UnitNotAccepted {
        activity: &'static str,
        unit: Unit,
        dimension: Dimension,
        expected: &'static str,
    },
    #[error("a {activity} entry cannot be given as spend")]
    SpendNotAccepted { activity: &'static str },
    /// No factor (nor NCV/density chain) converts this unit for this activity.
    #[error("no factor converts {unit} of {activity} in {region}: {hint}")]
    NoConversion {
        activity: String,
        unit: Unit,
        region: String,
        hint: String,
    },
    #[error("no {parameter} factor for {activity} in {region}")]
    FactorNotFound {
        activity: String,
        parameter: String,
        region: String,
    },
    #[error("several factors match, refusing to pick one: {ids:?}")]
    AmbiguousFactor { ids: Vec<String> },
    #[error("pinned factor {id}@{version} is not in the factor set")]
    PinnedFactorNotFound { id: String, version: String },
    #[error("factor {factor} has unit {unit}, which cannot give CO2e: {reason}")]
    FactorUnit {
        factor: String,
        unit: String,
        reason: String,
    },
    #[error(
        "spend is in {entry} but factor {factor} is per {factor_currency}; convert the spend first"
    )]
    CurrencyMismatch {
        entry: String,
        factor: String,
        factor_currency: String,
    },
    #[error("instrument {instrument}: {reason}")]
    Instrument { instrument: String, reason: String },
    #[error("contractual instruments cover {covered} but consumption is {consumption}")]
    InstrumentsExceedConsumption {
        covered: String,
        consumption: String,
    },
    #[error("arithmetic overflow")]
    Overflow,
    #[error(transparent)]
    Quantity(#[from] QuantityError),
}

/// Why an inventory could not be computed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum InventoryError {
    #[error("reporting period {from}..{to} ends before it starts")]
    InvalidPeriod { from: String, to: String },
    #[error("net revenue must be positive")]
    InvalidRevenue,
    #[error("{} entr{} cannot be calculated; first: {}", .0.len(), if .0.len() == 1 { "y" } else { "ies" }, .0[0])]
    Entries(Vec<EntryError>),
    #[error("arithmetic overflow while summing {0}")]
    Overflow(String),
}
