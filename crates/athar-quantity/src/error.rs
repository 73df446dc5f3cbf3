use crate::{Dimension, Unit};

/// Everything that can go wrong with units and quantities. None of these is ever resolved by
/// assuming a unit: the caller has to say what it meant.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum QuantityError {
    /// The text is not a unit this crate knows.
    #[error("unknown unit {0:?}")]
    UnknownUnit(String),
    /// The text is not `numerator/denominator` with a known unit on each side.
    #[error("invalid ratio unit {text:?}: {reason}")]
    InvalidRatioUnit { text: String, reason: String },
    /// The text is not a decimal number followed by a unit.
    #[error("invalid quantity {0:?}")]
    InvalidQuantity(String),
    /// Two units of different dimensions were combined or converted (kWh into t, m3 into Nm3).
    #[error(
        "unit mismatch: {from} ({from_dimension}) cannot be expressed in {to} ({to_dimension})"
    )]
    DimensionMismatch {
        from: Unit,
        from_dimension: Dimension,
        to: Unit,
        to_dimension: Dimension,
    },
    /// Two ratio units name different substances on the same side (tCO2 vs tCO2e).
    #[error("substance mismatch: {from:?} vs {to:?}")]
    SubstanceMismatch {
        from: Option<String>,
        to: Option<String>,
    },
    /// A conversion was asked to be exact and its result does not terminate within
    /// rust_decimal's 28 significant digits (e.g. 1 GJ in MWh).
    #[error("{value} {from} is not exactly representable in {to}")]
    Inexact { value: String, from: Unit, to: Unit },
    /// The arithmetic left rust_decimal's range.
    #[error("arithmetic overflow")]
    Overflow,
    /// A volume normalisation factor must be strictly positive.
    #[error("volume normalisation factor must be > 0, got {0}")]
    InvalidNormalisation(String),
}
