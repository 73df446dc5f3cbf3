use std::fmt;
use std::str::FromStr;

use rust_decimal::Decimal;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::QuantityError;

/// What a unit measures. Conversions exist only within one dimension.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Dimension {
    /// Base unit kg.
    Mass,
    /// Base unit GJ.
    Energy,
    /// Metered (actual) volume; base unit m3.
    Volume,
    /// Volume at stated normal conditions; base unit Nm3. Not convertible to [`Self::Volume`]
    /// without a [`crate::VolumeNormalisation`].
    NormalVolume,
    /// Mass moved times distance; base unit t.km.
    TransportWork,
}

impl fmt::Display for Dimension {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Dimension::Mass => "mass",
            Dimension::Energy => "energy",
            Dimension::Volume => "volume",
            Dimension::NormalVolume => "normal volume",
            Dimension::TransportWork => "transport work",
        })
    }
}

/// A physical unit. The canonical symbol ([`Unit::symbol`]) is ASCII and is what
/// serialisation writes; [`Unit::from_str`] also accepts the usual variants (`m³`, `l`,
/// `t·km`, `tkm`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Unit {
    Gram,
    Kilogram,
    Tonne,
    Megajoule,
    Gigajoule,
    Terajoule,
    KilowattHour,
    MegawattHour,
    Litre,
    CubicMetre,
    NormalCubicMetre,
    TonneKilometre,
}

/// Accepted spellings, longest first so that prefix matching in ratio units picks `kg` before
/// `g` and `Nm3` before `m3`.
pub(crate) const SPELLINGS: &[(&str, Unit)] = &[
    ("t.km", Unit::TonneKilometre),
    ("t·km", Unit::TonneKilometre),
    ("Nm³", Unit::NormalCubicMetre),
    ("Nm3", Unit::NormalCubicMetre),
    ("MWh", Unit::MegawattHour),
    ("kWh", Unit::KilowattHour),
    ("tkm", Unit::TonneKilometre),
    ("kg", Unit::Kilogram),
    ("MJ", Unit::Megajoule),
    ("GJ", Unit::Gigajoule),
    ("TJ", Unit::Terajoule),
    ("m³", Unit::CubicMetre),
    ("m3", Unit::CubicMetre),
    ("t", Unit::Tonne),
    ("g", Unit::Gram),
    ("L", Unit::Litre),
    ("l", Unit::Litre),
];

impl Unit {
    /// Every unit, for listings and tests.
    pub const ALL: [Unit; 12] = [
        Unit::Gram,
        Unit::Kilogram,
        Unit::Tonne,
        Unit::Megajoule,
        Unit::Gigajoule,
        Unit::Terajoule,
        Unit::KilowattHour,
        Unit::MegawattHour,
        Unit::Litre,
        Unit::CubicMetre,
        Unit::NormalCubicMetre,
        Unit::TonneKilometre,
    ];

    /// The canonical (ASCII) symbol.
    pub fn symbol(self) -> &'static str {
        match self {
            Unit::Gram => "g",
            Unit::Kilogram => "kg",
            Unit::Tonne => "t",
            Unit::Megajoule => "MJ",
            Unit::Gigajoule => "GJ",
            Unit::Terajoule => "TJ",
            Unit::KilowattHour => "kWh",
            Unit::MegawattHour => "MWh",
            Unit::Litre => "L",
            Unit::CubicMetre => "m3",
            Unit::NormalCubicMetre => "Nm3",
            Unit::TonneKilometre => "t.km",
        }
    }

    pub fn dimension(self) -> Dimension {
        match self {
            Unit::Gram | Unit::Kilogram | Unit::Tonne => Dimension::Mass,
            Unit::Megajoule
            | Unit::Gigajoule
            | Unit::Terajoule
            | Unit::KilowattHour
            | Unit::MegawattHour => Dimension::Energy,
            Unit::Litre | Unit::CubicMetre => Dimension::Volume,
            Unit::NormalCubicMetre => Dimension::NormalVolume,
            Unit::TonneKilometre => Dimension::TransportWork,
        }
    }

    /// The size of this unit in its dimension's base unit (kg, GJ, m3, Nm3, t.km), as an exact
    /// decimal.
    pub fn in_base(self) -> Decimal {
        match self {
            Unit::Gram => Decimal::new(1, 3),
            Unit::Kilogram => Decimal::ONE,
            Unit::Tonne => Decimal::ONE_THOUSAND,
            Unit::Megajoule => Decimal::new(1, 3),
            Unit::Gigajoule => Decimal::ONE,
            Unit::Terajoule => Decimal::ONE_THOUSAND,
            // 1 kWh = 3.6 MJ = 0.0036 GJ; 1 MWh = 3.6 GJ.
            Unit::KilowattHour => Decimal::new(36, 4),
            Unit::MegawattHour => Decimal::new(36, 1),
            Unit::Litre => Decimal::new(1, 3),
            Unit::CubicMetre => Decimal::ONE,
            Unit::NormalCubicMetre => Decimal::ONE,
            Unit::TonneKilometre => Decimal::ONE,
        }
    }

    /// Checks that `self` and `to` measure the same thing.
    pub fn ensure_same_dimension(self, to: Unit) -> Result<(), QuantityError> {
        if self.dimension() == to.dimension() {
            Ok(())
        } else {
            Err(QuantityError::DimensionMismatch {
                from: self,
                from_dimension: self.dimension(),
                to,
                to_dimension: to.dimension(),
            })
        }
    }

    /// How many `to` make one `self` (e.g. MWh → GJ = 3.6). Errors across dimensions.
    pub fn factor_to(self, to: Unit) -> Result<Decimal, QuantityError> {
        self.ensure_same_dimension(to)?;
        crate::mul_div(Decimal::ONE, self.in_base(), to.in_base())
    }
}

impl fmt::Display for Unit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.symbol())
    }
}

impl FromStr for Unit {
    type Err = QuantityError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let t = s.trim();
        SPELLINGS
            .iter()
            .find(|(spelling, _)| *spelling == t)
            .map(|(_, unit)| *unit)
            .ok_or_else(|| QuantityError::UnknownUnit(s.to_string()))
    }
}

impl Serialize for Unit {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.symbol())
    }
}

impl<'de> Deserialize<'de> for Unit {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let s = String::deserialize(deserializer)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    #[test]
    fn parses_every_documented_spelling() {
        for (text, unit) in [
            ("t", Unit::Tonne),
            ("kg", Unit::Kilogram),
            ("g", Unit::Gram),
            ("TJ", Unit::Terajoule),
            ("GJ", Unit::Gigajoule),
            ("MJ", Unit::Megajoule),
            ("MWh", Unit::MegawattHour),
            ("kWh", Unit::KilowattHour),
            ("m3", Unit::CubicMetre),
            ("m³", Unit::CubicMetre),
            ("Nm3", Unit::NormalCubicMetre),
            ("Nm³", Unit::NormalCubicMetre),
            ("L", Unit::Litre),
            ("l", Unit::Litre),
            ("t.km", Unit::TonneKilometre),
            ("t·km", Unit::TonneKilometre),
            ("tkm", Unit::TonneKilometre),
            (" MWh ", Unit::MegawattHour),
        ] {
            assert_eq!(Unit::from_str(text), Ok(unit), "{text}");
        }
    }

    #[test]
    fn rejects_unknown_and_wrong_case() {
        for text in ["", "mwh", "KWH", "tonnes", "Mwh", "kJ", "gal", "m^3"] {
            assert_eq!(
                Unit::from_str(text),
                Err(QuantityError::UnknownUnit(text.to_string())),
                "{text}"
            );
        }
    }

    #[test]
    fn symbols_round_trip() {
        for unit in Unit::ALL {
            assert_eq!(Unit::from_str(unit.symbol()), Ok(unit));
        }
    }

    #[test]
    fn factors_are_exact() {
        assert_eq!(Unit::MegawattHour.factor_to(Unit::Gigajoule), Ok(d("3.6")));
        assert_eq!(Unit::Terajoule.factor_to(Unit::Gigajoule), Ok(d("1000")));
        assert_eq!(Unit::KilowattHour.factor_to(Unit::Megajoule), Ok(d("3.6")));
        assert_eq!(Unit::Tonne.factor_to(Unit::Kilogram), Ok(d("1000")));
        assert_eq!(Unit::CubicMetre.factor_to(Unit::Litre), Ok(d("1000")));
        assert_eq!(
            Unit::Terajoule
                .factor_to(Unit::MegawattHour)
                .map(|f| f.round_dp(6)),
            Ok(d("277.777778"))
        );
    }

    #[test]
    fn normal_and_metered_volume_are_different_dimensions() {
        assert!(matches!(
            Unit::CubicMetre.factor_to(Unit::NormalCubicMetre),
            Err(QuantityError::DimensionMismatch { .. })
        ));
        assert!(matches!(
            Unit::Litre.factor_to(Unit::NormalCubicMetre),
            Err(QuantityError::DimensionMismatch { .. })
        ));
    }
}
