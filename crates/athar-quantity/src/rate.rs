use std::fmt;
use std::str::FromStr;

use rust_decimal::Decimal;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::unit::SPELLINGS;
use crate::{mul_div, Quantity, QuantityError, Unit};

/// One side of a ratio unit: a physical unit, optionally tagged with the substance it counts
/// (`tCO2`, `kgCO2e`, `tC`, `tN2O`). Untagged: `GJ`, `t`, `Nm3`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Term {
    pub unit: Unit,
    pub substance: Option<String>,
}

impl Term {
    pub fn new(unit: Unit) -> Self {
        Term {
            unit,
            substance: None,
        }
    }

    pub fn of(unit: Unit, substance: &str) -> Self {
        Term {
            unit,
            substance: Some(substance.to_string()),
        }
    }

    /// Conversion factor to `to`: same dimension and same substance, or an error.
    fn factor_to(&self, to: &Term) -> Result<(Decimal, Decimal), QuantityError> {
        if self.substance != to.substance {
            return Err(QuantityError::SubstanceMismatch {
                from: self.substance.clone(),
                to: to.substance.clone(),
            });
        }
        self.unit.ensure_same_dimension(to.unit)?;
        Ok((self.unit.in_base(), to.unit.in_base()))
    }

    fn parse(text: &str, whole: &str) -> Result<Term, QuantityError> {
        let invalid = |reason: &str| QuantityError::InvalidRatioUnit {
            text: whole.to_string(),
            reason: reason.to_string(),
        };
        let t = text.trim();
        if t.is_empty() {
            return Err(invalid("empty side"));
        }
        if let Ok(unit) = t.parse::<Unit>() {
            return Ok(Term::new(unit));
        }
        // `<unit><substance>` or `<unit> <substance>`; the substance starts with an upper-case
        // letter so that `tkm` is never read as t + "km".
        for (spelling, unit) in SPELLINGS {
            if let Some(rest) = t.strip_prefix(spelling) {
                let rest = rest.trim_start();
                if is_substance(rest) {
                    return Ok(Term::of(*unit, canonical_substance(rest)));
                }
            }
        }
        Err(invalid(&format!("unknown unit {t:?}")))
    }
}

fn is_substance(s: &str) -> bool {
    let mut chars = s.chars();
    matches!(chars.next(), Some(c) if c.is_ascii_uppercase())
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '-')
}

/// `CO2eq` and `CO2-eq` are written `CO2e`.
fn canonical_substance(s: &str) -> &str {
    match s {
        "CO2eq" | "CO2-eq" => "CO2e",
        other => other,
    }
}

impl fmt::Display for Term {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.unit.symbol())?;
        if let Some(s) = &self.substance {
            f.write_str(s)?;
        }
        Ok(())
    }
}

/// The unit of an emission factor or conversion parameter: `numerator/denominator`, e.g.
/// `tCO2/TJ`, `kgCO2e/kWh`, `tCO2e/t`, `GJ/t`, `GJ/Nm3`, `t/Nm3`. Displays in canonical form
/// (`tCO2/TJ`); parses with or without spaces (`t CO2 / TJ`) and accepts `CO2eq` for `CO2e`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct RatioUnit {
    pub numerator: Term,
    pub denominator: Term,
}

impl RatioUnit {
    pub fn new(numerator: Term, denominator: Term) -> Self {
        RatioUnit {
            numerator,
            denominator,
        }
    }
}

impl fmt::Display for RatioUnit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.numerator, self.denominator)
    }
}

impl FromStr for RatioUnit {
    type Err = QuantityError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let mut parts = s.split('/');
        let (Some(num), Some(den), None) = (parts.next(), parts.next(), parts.next()) else {
            return Err(QuantityError::InvalidRatioUnit {
                text: s.to_string(),
                reason: "expected exactly one '/'".to_string(),
            });
        };
        Ok(RatioUnit {
            numerator: Term::parse(num, s)?,
            denominator: Term::parse(den, s)?,
        })
    }
}

impl Serialize for RatioUnit {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for RatioUnit {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let s = String::deserialize(deserializer)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

/// A value in a [`RatioUnit`]: an emission factor, an NCV, a density. Serialises as
/// `{"value": "56.1", "unit": "tCO2/TJ"}`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Rate {
    pub value: Decimal,
    pub unit: RatioUnit,
}

impl Rate {
    pub fn new(value: Decimal, unit: RatioUnit) -> Self {
        Rate { value, unit }
    }

    /// The same rate in another ratio unit (kgCO2e/kWh → tCO2e/MWh). Both sides must keep
    /// their dimension and substance.
    pub fn to(&self, unit: &RatioUnit) -> Result<Rate, QuantityError> {
        let (num_from, num_to) = self.unit.numerator.factor_to(&unit.numerator)?;
        let (den_from, den_to) = self.unit.denominator.factor_to(&unit.denominator)?;
        // value × (num_from / num_to) / (den_from / den_to), one division at the end.
        let top = self
            .value
            .checked_mul(num_from)
            .and_then(|v| v.checked_mul(den_to))
            .ok_or(QuantityError::Overflow)?;
        let bottom = num_to
            .checked_mul(den_from)
            .ok_or(QuantityError::Overflow)?;
        Ok(Rate::new(mul_div(top, Decimal::ONE, bottom)?, unit.clone()))
    }

    /// Applies the rate to an activity: `quantity × rate`, with the quantity first expressed in
    /// the rate's denominator unit. The result is in the numerator's unit (its substance, if
    /// any, is [`RatioUnit::numerator`]'s). A quantity of another dimension is an error.
    pub fn apply(&self, quantity: &Quantity) -> Result<Quantity, QuantityError> {
        let den = self.unit.denominator.unit;
        quantity.unit.ensure_same_dimension(den)?;
        let top = quantity
            .value
            .checked_mul(self.value)
            .and_then(|v| v.checked_mul(quantity.unit.in_base()))
            .ok_or(QuantityError::Overflow)?;
        let value = mul_div(top, Decimal::ONE, den.in_base())?;
        Ok(Quantity::new(value, self.unit.numerator.unit))
    }
}

impl fmt::Display for Rate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.value, self.unit)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    fn ru(s: &str) -> RatioUnit {
        s.parse().unwrap()
    }

    fn q(s: &str) -> Quantity {
        s.parse().unwrap()
    }

    #[test]
    fn parses_factor_units() {
        assert_eq!(
            ru("tCO2/TJ"),
            RatioUnit::new(Term::of(Unit::Tonne, "CO2"), Term::new(Unit::Terajoule))
        );
        assert_eq!(
            ru("kgCO2e/kWh"),
            RatioUnit::new(
                Term::of(Unit::Kilogram, "CO2e"),
                Term::new(Unit::KilowattHour)
            )
        );
        assert_eq!(
            ru("gCO2e/kWh"),
            RatioUnit::new(Term::of(Unit::Gram, "CO2e"), Term::new(Unit::KilowattHour))
        );
        assert_eq!(
            ru("GJ/t"),
            RatioUnit::new(Term::new(Unit::Gigajoule), Term::new(Unit::Tonne))
        );
        assert_eq!(
            ru("t/Nm3"),
            RatioUnit::new(Term::new(Unit::Tonne), Term::new(Unit::NormalCubicMetre))
        );
        assert_eq!(ru("t CO2e / t"), ru("tCO2e/t"));
        assert_eq!(ru("tCO2eq/MWh"), ru("tCO2e/MWh"));
        assert_eq!(ru("tC/t").numerator, Term::of(Unit::Tonne, "C"));
        assert_eq!(ru("tCO2e/tkm").denominator, Term::new(Unit::TonneKilometre));
        assert_eq!(ru("GJ/Nm³").to_string(), "GJ/Nm3");
        assert_eq!(ru("kg CO2e/t·km").to_string(), "kgCO2e/t.km");
    }

    #[test]
    fn rejects_malformed_factor_units() {
        for bad in [
            "tCO2",
            "t/CO2",
            "tCO2/TJ/x",
            "/TJ",
            "tco2/TJ",
            "xCO2/TJ",
            "tCO2/mwh",
            "",
        ] {
            assert!(bad.parse::<RatioUnit>().is_err(), "{bad}");
        }
    }

    #[test]
    fn converts_rates_exactly() {
        let r = Rate::new(d("0.5"), ru("kgCO2e/kWh"));
        assert_eq!(r.to(&ru("tCO2e/MWh")).unwrap().value, d("0.5"));
        assert_eq!(r.to(&ru("gCO2e/kWh")).unwrap().value, d("500"));
        let ef = Rate::new(d("56.1"), ru("tCO2/TJ"));
        assert_eq!(ef.to(&ru("kgCO2/GJ")).unwrap().value, d("56.1"));
        assert_eq!(ef.to(&ru("tCO2/MWh")).unwrap().value, d("0.20196"));
        let ncv = Rate::new(d("48.0"), ru("GJ/t"));
        assert_eq!(ncv.to(&ru("TJ/kg")).unwrap().value, d("0.000048"));
    }

    #[test]
    fn rate_conversion_refuses_other_dimension_or_substance() {
        let ef = Rate::new(d("56.1"), ru("tCO2/TJ"));
        assert!(matches!(
            ef.to(&ru("tCO2e/TJ")),
            Err(QuantityError::SubstanceMismatch { .. })
        ));
        assert!(matches!(
            ef.to(&ru("tCO2/t")),
            Err(QuantityError::DimensionMismatch { .. })
        ));
        assert!(matches!(
            Rate::new(d("0.8"), ru("t/Nm3")).to(&ru("t/m3")),
            Err(QuantityError::DimensionMismatch { .. })
        ));
    }

    #[test]
    fn applies_rates_to_activity() {
        // 1000 t of natural gas × 48 GJ/t = 48 TJ; × 56.1 tCO2/TJ = 2692.8 tCO2.
        let energy = Rate::new(d("48.0"), ru("GJ/t"))
            .apply(&q("1000 t"))
            .unwrap();
        assert_eq!(energy, q("48000 GJ"));
        let co2 = Rate::new(d("56.1"), ru("tCO2/TJ")).apply(&energy).unwrap();
        assert_eq!(co2, q("2692.8 t"));
        // 1 GJ at 0.5 tCO2e/MWh: one rounding at the end, not 1/3.6 first.
        let e = Rate::new(d("0.36"), ru("tCO2e/MWh"))
            .apply(&q("1 GJ"))
            .unwrap();
        assert_eq!(e, q("0.1 t"));
        let e = Rate::new(d("450"), ru("gCO2/kWh"))
            .apply(&q("2 MWh"))
            .unwrap();
        assert_eq!(e.to(Unit::Tonne).unwrap(), q("0.9 t"));
        assert!(Rate::new(d("56.1"), ru("tCO2/TJ"))
            .apply(&q("1 t"))
            .is_err());
        assert!(Rate::new(d("0.04"), ru("GJ/Nm3"))
            .apply(&q("1 m3"))
            .is_err());
    }

    #[test]
    fn serialises_rates() {
        let r = Rate::new(d("56.1"), ru("t CO2 / TJ"));
        let json = serde_json::to_string(&r).unwrap();
        assert_eq!(json, r#"{"value":"56.1","unit":"tCO2/TJ"}"#);
        assert_eq!(serde_json::from_str::<Rate>(&json).unwrap(), r);
        assert!(serde_json::from_str::<Rate>(r#"{"value":"1","unit":"t"}"#).is_err());
    }
}
