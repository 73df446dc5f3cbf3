use std::fmt;
use std::str::FromStr;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::{mul_div, mul_div_is_exact, Dimension, QuantityError, Unit};

/// A decimal value with its unit. Serialises as `{"value": "12.5", "unit": "MWh"}` (the
/// value as a string, so no JSON reader turns it into a float).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Quantity {
    pub value: Decimal,
    pub unit: Unit,
}

impl Quantity {
    pub fn new(value: Decimal, unit: Unit) -> Self {
        Quantity { value, unit }
    }

    pub fn dimension(&self) -> Dimension {
        self.unit.dimension()
    }

    /// The same amount in `unit`. Exact whenever the result terminates within 28 significant
    /// digits (always, between units whose factor is a power of ten or a multiple of 3.6 in the
    /// right direction); otherwise rounded once, at the 28th digit. Errors across dimensions.
    pub fn to(&self, unit: Unit) -> Result<Quantity, QuantityError> {
        self.unit.ensure_same_dimension(unit)?;
        let value = mul_div(self.value, self.unit.in_base(), unit.in_base())?;
        Ok(Quantity { value, unit })
    }

    /// Like [`Quantity::to`], but an error if any rounding would happen (e.g. 1 GJ in MWh).
    pub fn to_exact(&self, unit: Unit) -> Result<Quantity, QuantityError> {
        self.unit.ensure_same_dimension(unit)?;
        if !mul_div_is_exact(self.value, self.unit.in_base(), unit.in_base()) {
            return Err(QuantityError::Inexact {
                value: self.value.to_string(),
                from: self.unit,
                to: unit,
            });
        }
        self.to(unit)
    }

    /// Sum, expressed in `self`'s unit. Errors across dimensions.
    pub fn checked_add(&self, other: &Quantity) -> Result<Quantity, QuantityError> {
        let other = other.to(self.unit)?;
        let value = self
            .value
            .checked_add(other.value)
            .ok_or(QuantityError::Overflow)?;
        Ok(Quantity::new(value, self.unit))
    }

    /// Difference, expressed in `self`'s unit. Errors across dimensions.
    pub fn checked_sub(&self, other: &Quantity) -> Result<Quantity, QuantityError> {
        let other = other.to(self.unit)?;
        let value = self
            .value
            .checked_sub(other.value)
            .ok_or(QuantityError::Overflow)?;
        Ok(Quantity::new(value, self.unit))
    }

    /// Multiplies the value by a dimensionless number (a share, a count).
    pub fn scale(&self, factor: Decimal) -> Result<Quantity, QuantityError> {
        let value = self
            .value
            .checked_mul(factor)
            .ok_or(QuantityError::Overflow)?;
        Ok(Quantity::new(value, self.unit))
    }

    /// Compares two quantities of the same dimension by amount.
    pub fn cmp_amount(&self, other: &Quantity) -> Result<std::cmp::Ordering, QuantityError> {
        Ok(self.value.cmp(&other.to(self.unit)?.value))
    }

    /// Metered volume (m3, L) to normal volume (Nm3) with a stated normalisation.
    pub fn normalise(&self, n: &VolumeNormalisation) -> Result<Quantity, QuantityError> {
        let m3 = self.to(Unit::CubicMetre)?;
        let value = m3
            .value
            .checked_mul(n.normal_per_metered)
            .ok_or(QuantityError::Overflow)?;
        Ok(Quantity::new(value, Unit::NormalCubicMetre))
    }

    /// Normal volume (Nm3) back to metered volume (m3) with the same stated normalisation.
    pub fn denormalise(&self, n: &VolumeNormalisation) -> Result<Quantity, QuantityError> {
        let nm3 = self.to(Unit::NormalCubicMetre)?;
        let value = mul_div(nm3.value, Decimal::ONE, n.normal_per_metered)?;
        Ok(Quantity::new(value, Unit::CubicMetre))
    }
}

impl fmt::Display for Quantity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.value, self.unit)
    }
}

/// Parses `"<decimal> <unit>"`, e.g. `"12.5 MWh"` or `"3000 tkm"`. The decimal uses a dot and
/// no grouping; locale-aware input parsing belongs to `athar-domain`.
impl FromStr for Quantity {
    type Err = QuantityError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let t = s.trim();
        let split = t
            .find(|c: char| !(c.is_ascii_digit() || c == '.' || c == '-' || c == '+'))
            .ok_or_else(|| QuantityError::InvalidQuantity(s.to_string()))?;
        let (number, unit) = t.split_at(split);
        let value = Decimal::from_str_exact(number)
            .map_err(|_| QuantityError::InvalidQuantity(s.to_string()))?;
        Ok(Quantity::new(value, unit.parse()?))
    }
}

/// How many normal cubic metres one metered cubic metre is, and why. There is no default:
/// the factor depends on the meter's temperature and pressure and on the reference conditions
/// the factor table uses (0 °C or 15 °C, 101.325 kPa), so the caller must state both.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct VolumeNormalisation {
    /// Nm3 per metered m3, > 0.
    pub normal_per_metered: Decimal,
    /// Human-readable statement of the conditions, e.g. "meter 15 °C, 1.5 bar(g); normal 0 °C,
    /// 101.325 kPa; from the supplier's bill".
    pub basis: String,
}

impl VolumeNormalisation {
    pub fn new(
        normal_per_metered: Decimal,
        basis: impl Into<String>,
    ) -> Result<Self, QuantityError> {
        if normal_per_metered <= Decimal::ZERO {
            return Err(QuantityError::InvalidNormalisation(
                normal_per_metered.to_string(),
            ));
        }
        Ok(VolumeNormalisation {
            normal_per_metered,
            basis: basis.into(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(s: &str) -> Quantity {
        s.parse().unwrap()
    }

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    #[test]
    fn energy_conversions_are_exact() {
        assert_eq!(q("1 MWh").to(Unit::Gigajoule).unwrap(), q("3.6 GJ"));
        assert_eq!(q("1 TJ").to(Unit::Gigajoule).unwrap(), q("1000 GJ"));
        assert_eq!(q("2500 kWh").to(Unit::MegawattHour).unwrap(), q("2.5 MWh"));
        assert_eq!(q("1000 kWh").to(Unit::Gigajoule).unwrap(), q("3.6 GJ"));
        assert_eq!(
            q("7.2 GJ").to_exact(Unit::MegawattHour).unwrap(),
            q("2 MWh")
        );
        assert_eq!(
            q("12345 MWh").to_exact(Unit::Terajoule).unwrap(),
            q("44.442 TJ")
        );
    }

    #[test]
    fn mass_volume_and_transport_conversions() {
        assert_eq!(q("1 t").to(Unit::Kilogram).unwrap(), q("1000 kg"));
        assert_eq!(q("250 kg").to(Unit::Tonne).unwrap(), q("0.25 t"));
        assert_eq!(q("1 kg").to(Unit::Gram).unwrap(), q("1000 g"));
        assert_eq!(q("1 m3").to(Unit::Litre).unwrap(), q("1000 L"));
        assert_eq!(q("1500 l").to(Unit::CubicMetre).unwrap(), q("1.5 m3"));
        assert_eq!(q("40 t·km").to(Unit::TonneKilometre).unwrap(), q("40 tkm"));
    }

    #[test]
    fn inexact_conversion_is_rounded_by_to_and_refused_by_to_exact() {
        let mwh = q("1 GJ").to(Unit::MegawattHour).unwrap();
        assert_eq!(mwh.value.round_dp(10), d("0.2777777778"));
        assert!(matches!(
            q("1 GJ").to_exact(Unit::MegawattHour),
            Err(QuantityError::Inexact { .. })
        ));
        assert!(matches!(
            q("10 GJ").to_exact(Unit::KilowattHour),
            Err(QuantityError::Inexact { .. })
        ));
        assert_eq!(
            q("36 GJ").to_exact(Unit::KilowattHour).unwrap(),
            q("10000 kWh")
        );
    }

    #[test]
    fn mismatched_dimensions_are_errors() {
        let err = q("1 MWh").to(Unit::Tonne).unwrap_err();
        assert_eq!(
            err,
            QuantityError::DimensionMismatch {
                from: Unit::MegawattHour,
                from_dimension: Dimension::Energy,
                to: Unit::Tonne,
                to_dimension: Dimension::Mass,
            }
        );
        assert!(q("1 m3").to(Unit::NormalCubicMetre).is_err());
        assert!(q("1 Nm3").checked_add(&q("1 m3")).is_err());
        assert!(q("1 t").checked_add(&q("1 t.km")).is_err());
        assert!(q("1 L").cmp_amount(&q("1 kg")).is_err());
    }

    #[test]
    fn arithmetic_keeps_the_left_unit() {
        assert_eq!(q("1 t").checked_add(&q("250 kg")).unwrap(), q("1.25 t"));
        assert_eq!(q("1 MWh").checked_sub(&q("100 kWh")).unwrap(), q("0.9 MWh"));
        assert_eq!(q("2 GJ").scale(d("0.5")).unwrap(), q("1 GJ"));
        assert_eq!(
            q("1 t").cmp_amount(&q("999 kg")).unwrap(),
            std::cmp::Ordering::Greater
        );
        let huge = Quantity::new(Decimal::MAX, Unit::Tonne);
        assert_eq!(huge.to(Unit::Gram), Err(QuantityError::Overflow));
    }

    #[test]
    fn volume_normalisation_must_be_explicit() {
        let n =
            VolumeNormalisation::new(d("0.95"), "meter 15 °C; normal 0 °C, 101.325 kPa").unwrap();
        assert_eq!(q("1000 m3").normalise(&n).unwrap(), q("950 Nm3"));
        assert_eq!(q("2000 L").normalise(&n).unwrap(), q("1.9 Nm3"));
        assert_eq!(q("950 Nm3").denormalise(&n).unwrap(), q("1000 m3"));
        assert!(q("1 Nm3").normalise(&n).is_err());
        assert!(q("1 m3").denormalise(&n).is_err());
        assert!(VolumeNormalisation::new(Decimal::ZERO, "x").is_err());
    }

    #[test]
    fn parses_quantities() {
        assert_eq!(q("12.5 MWh"), Quantity::new(d("12.5"), Unit::MegawattHour));
        assert_eq!(q("3000tkm"), Quantity::new(d("3000"), Unit::TonneKilometre));
        assert_eq!(q(" 4 m³ "), Quantity::new(d("4"), Unit::CubicMetre));
        for bad in ["", "MWh", "12", "1,5 t", "1e3 kg", "12 furlongs"] {
            assert!(bad.parse::<Quantity>().is_err(), "{bad}");
        }
    }

    #[test]
    fn serialises_value_as_string_and_canonical_unit() {
        let json = serde_json::to_string(&q("12.50 m³")).unwrap();
        assert_eq!(json, r#"{"value":"12.50","unit":"m3"}"#);
        let back: Quantity = serde_json::from_str(r#"{"value":"3.6","unit":"t·km"}"#).unwrap();
        assert_eq!(back, q("3.6 t.km"));
        assert!(serde_json::from_str::<Quantity>(r#"{"value":"1","unit":"mwh"}"#).is_err());
        assert!(serde_json::from_str::<Quantity>(r#"{"value":"x","unit":"t"}"#).is_err());
    }
}
