//! Typed physical quantities and emission-factor units on exact decimals.
//!
//! Why this crate exists: every number Athar reports is a product of an activity (a fuel bill in
//! Nm³, an electricity bill in kWh, a tonnage of clinker) and a factor from a published table
//! (t CO2/TJ, GJ/t, t CO2e/MWh). Getting one unit wrong silently — reading kWh as MWh, or a
//! volume in m³ as normal cubic metres — is the most common way such a calculation goes wrong
//! by a factor of a thousand. So quantities here carry their unit, conversions happen only
//! within a dimension and only with exact decimal factors (1 MWh = 3.6 GJ, 1 t = 1000 kg), and
//! anything else is a typed [`QuantityError`], never a guess. Values are `rust_decimal`, never
//! `f64`, so a calculation gives the same digits on every machine.
//!
//! * [`Unit`] — a physical unit (t, kg, g, TJ, GJ, MJ, MWh, kWh, m3, Nm3, L, t.km) and its
//!   [`Dimension`]. Metered volume (m3) and normal volume (Nm3) are different dimensions; the
//!   only bridge is [`Quantity::normalise`] with an explicit, stated [`VolumeNormalisation`].
//! * [`Quantity`] — a value with a unit; serialises as `{"value": "12.5", "unit": "MWh"}`.
//! * [`RatioUnit`] and [`Rate`] — the unit of an emission factor or a conversion parameter,
//!   `numerator/denominator`, each side a unit optionally tagged with a substance:
//!   `tCO2/TJ`, `kgCO2e/kWh`, `tCO2e/t`, `GJ/t` (NCV), `GJ/Nm3`, `t/Nm3`. Tags are part of the
//!   unit: a rate in `tCO2/TJ` cannot be converted to `tCO2e/TJ`.
//!
//! The crate does no I/O and builds for `wasm32-unknown-unknown`.

mod error;
mod quantity;
mod rate;
mod unit;

pub use error::QuantityError;
pub use quantity::{Quantity, VolumeNormalisation};
pub use rate::{Rate, RatioUnit, Term};
pub use unit::{Dimension, Unit};

pub use rust_decimal::Decimal;

/// `a * b / c` with one rounding at the end (rust_decimal keeps 28 significant digits), and
/// an error instead of a panic on overflow.
pub(crate) fn mul_div(a: Decimal, b: Decimal, c: Decimal) -> Result<Decimal, QuantityError> {
    let product = a.checked_mul(b).ok_or(QuantityError::Overflow)?;
    product.checked_div(c).ok_or(QuantityError::Overflow)
}

/// Whether `a * b / c` is exactly representable (terminating and within rust_decimal's
/// precision), i.e. whether [`mul_div`] rounded.
pub(crate) fn mul_div_is_exact(a: Decimal, b: Decimal, c: Decimal) -> bool {
    let Some(product) = a.checked_mul(b) else {
        return false;
    };
    let Some(quotient) = product.checked_div(c) else {
        return false;
    };
    // The quotient of two decimals terminates iff the reduced denominator has no prime
    // factor other than 2 and 5.
    let n = product.mantissa().unsigned_abs();
    let d = c.mantissa().unsigned_abs();
    if n != 0 {
        let mut den = d / gcd(n, d);
        while den.is_multiple_of(2) {
            den /= 2;
        }
        while den.is_multiple_of(5) {
            den /= 5;
        }
        if den != 1 {
            return false;
        }
    }
    quotient.checked_mul(c) == Some(product)
}

fn gcd(mut a: u128, mut b: u128) -> u128 {
    while b != 0 {
        (a, b) = (b, a % b);
    }
    a
}
