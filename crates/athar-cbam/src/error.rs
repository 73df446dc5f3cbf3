//! What can stop a calculation.
//!
//! Why this module exists: an SEE that silently skipped a precursor or guessed a default is
//! worse than none. Invalid data comes back as every [`FieldError`] at once; structural
//! problems (a precursor cycle, a default value that cannot be found) as one typed error
//! naming what to fix. Each has a Fluent key for the user's language.

use athar_domain::FieldError;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CalcError {
    /// The data does not pass validation; all problems, in field order.
    #[error("{} problem(s) in the CBAM data", .0.len())]
    Invalid(Vec<FieldError>),
    /// Processes consume each other's products in a loop (IR 2025/2547 Annex III B needs a
    /// precursor chain to end).
    #[error("precursor cycle between processes: {}", .processes.join(" → "))]
    PrecursorCycle { processes: Vec<String> },
    /// A precursor is to use default values, but no default-value table was given.
    #[error("precursor {precursor} uses default values but no default-value table is available")]
    DefaultsUnavailable { precursor: String },
    /// The default-value table has no usable value.
    #[error("no default value for precursor {precursor} (CN {cn_code}, {region}): {reason}")]
    DefaultNotFound {
        precursor: String,
        cn_code: String,
        region: String,
        reason: String,
    },
    #[error("arithmetic overflow computing {at}")]
    Overflow { at: String },
}

impl CalcError {
    pub fn key(&self) -> &'static str {
        match self {
            CalcError::Invalid(_) => "cbam-error-invalid",
            CalcError::PrecursorCycle { .. } => "cbam-error-cycle",
            CalcError::DefaultsUnavailable { .. } => "cbam-error-defaults-unavailable",
            CalcError::DefaultNotFound { .. } => "cbam-error-default-not-found",
            CalcError::Overflow { .. } => "cbam-error-overflow",
        }
    }

    pub fn args(&self) -> Vec<(String, String)> {
        let a = |k: &str, v: &str| (k.to_string(), v.to_string());
        match self {
            CalcError::Invalid(errors) => vec![
                a("count", &errors.len().to_string()),
                a(
                    "field",
                    errors.first().map(|e| e.field.as_str()).unwrap_or_default(),
                ),
            ],
            CalcError::PrecursorCycle { processes } => vec![a("processes", &processes.join(" → "))],
            CalcError::DefaultsUnavailable { precursor } => vec![a("precursor", precursor)],
            CalcError::DefaultNotFound {
                precursor,
                cn_code,
                region,
                reason,
            } => vec![
                a("precursor", precursor),
                a("cn", cn_code),
                a("region", region),
                a("reason", reason),
            ],
            CalcError::Overflow { at } => vec![a("at", at)],
        }
    }
}

pub(crate) fn overflow(at: impl Into<String>) -> CalcError {
    CalcError::Overflow { at: at.into() }
}
