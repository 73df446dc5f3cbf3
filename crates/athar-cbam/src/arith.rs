//! Checked decimal arithmetic that names the result it was computing when it overflows, and
//! the number format used in substituted formulas.
//!
//! Why this module exists: `rust_decimal` panics on overflow with the operators; the engine
//! must return a typed error instead, and every formula in the result graph should print its
//! numbers the same way.

use rust_decimal::Decimal;

use crate::error::{overflow, CalcError};

pub(crate) fn add(a: Decimal, b: Decimal, at: &str) -> Result<Decimal, CalcError> {
    a.checked_add(b).ok_or_else(|| overflow(at))
}

pub(crate) fn sub(a: Decimal, b: Decimal, at: &str) -> Result<Decimal, CalcError> {
    a.checked_sub(b).ok_or_else(|| overflow(at))
}

pub(crate) fn mul(a: Decimal, b: Decimal, at: &str) -> Result<Decimal, CalcError> {
    a.checked_mul(b).ok_or_else(|| overflow(at))
}

/// Division; a zero divisor is reported as an overflow of `at` (validation rules out the
/// zero activity levels and efficiencies that could cause it).
pub(crate) fn div(a: Decimal, b: Decimal, at: &str) -> Result<Decimal, CalcError> {
    a.checked_div(b).ok_or_else(|| overflow(at))
}

pub(crate) fn product(values: &[Decimal], at: &str) -> Result<Decimal, CalcError> {
    values
        .iter()
        .try_fold(Decimal::ONE, |acc, v| mul(acc, *v, at))
}

pub(crate) fn sum(
    values: impl IntoIterator<Item = Decimal>,
    at: &str,
) -> Result<Decimal, CalcError> {
    values
        .into_iter()
        .try_fold(Decimal::ZERO, |acc, v| add(acc, v, at))
}

/// `part / whole`, or zero when `whole` is zero (a share of nothing is nothing).
pub(crate) fn share(part: Decimal, whole: Decimal, at: &str) -> Result<Decimal, CalcError> {
    if whole.is_zero() {
        Ok(Decimal::ZERO)
    } else {
        div(part, whole, at)
    }
}

/// A number as printed in formulas: no trailing zeros, no exponent.
pub(crate) fn num(d: Decimal) -> String {
    d.normalize().to_string()
}

/// A percentage field as a fraction (`Some(95)` → 0.95), `default` when empty.
pub(crate) fn pct(value: Option<Decimal>, default: Decimal) -> Decimal {
    value.map_or(default, |v| v / Decimal::ONE_HUNDRED)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn overflow_is_an_error_naming_the_result() {
        let err = mul(Decimal::MAX, Decimal::TWO, "process/P1/see-direct").unwrap_err();
        assert_eq!(
            err,
            CalcError::Overflow {
                at: "process/P1/see-direct".into()
            }
        );
        assert!(div(Decimal::ONE, Decimal::ZERO, "x").is_err());
        assert_eq!(
            share(Decimal::ONE, Decimal::ZERO, "x").unwrap(),
            Decimal::ZERO
        );
    }

    #[test]
    fn numbers_print_without_trailing_zeros() {
        assert_eq!(num("1.5000".parse().unwrap()), "1.5");
        assert_eq!(num("120000".parse().unwrap()), "120000");
        assert_eq!(
            pct(Some(Decimal::from(95)), Decimal::ONE).to_string(),
            "0.95"
        );
    }
}
