//! One factor row: the unit of citation.

use std::fmt;
use std::str::FromStr;

use athar_quantity::{Rate, RatioUnit};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use time::Date;

/// The columns of every pack file, in this order (see `factors/README.md`).
pub const COLUMNS: [&str; 17] = [
    "id",
    "pack",
    "version",
    "activity",
    "parameter",
    "route",
    "region",
    "valid_from",
    "valid_to",
    "value",
    "unit",
    "gas",
    "gwp_basis",
    "source",
    "source_ref",
    "licence",
    "notes",
];

/// Region codes that are not ISO 3166-1 countries.
pub const PSEUDO_REGIONS: [&str; 4] = [
    // The European Union as a whole.
    "EU", // Valid everywhere (GWPs, IPCC defaults, values for an unknown origin).
    "WORLD",
    // A pack's "any other country" row (IR 2025/2621 "Other countries and territories").
    "OTHER",
    // Kosovo: listed in IR 2025/2621 Annex II/III; user-assigned code, not in ISO 3166-1.
    "XK",
];

/// Whether `code` may appear in the `region` column.
pub fn is_region(code: &str) -> bool {
    PSEUDO_REGIONS.contains(&code) || athar_domain::codes::is_country(code)
}

/// Which IPCC assessment report's GWP-100 values a CO2e figure rests on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum GwpBasis {
    #[serde(rename = "AR5")]
    Ar5,
    #[serde(rename = "AR6")]
    Ar6,
    /// The row is not a CO2e figure (a CO2 factor, an NCV).
    #[serde(rename = "n.a.")]
    NotApplicable,
    /// A CO2e figure whose source does not say which GWPs it used.
    #[serde(rename = "unstated")]
    Unstated,
}

impl GwpBasis {
    pub fn as_str(self) -> &'static str {
        match self {
            GwpBasis::Ar5 => "AR5",
            GwpBasis::Ar6 => "AR6",
            GwpBasis::NotApplicable => "n.a.",
            GwpBasis::Unstated => "unstated",
        }
    }
}

impl fmt::Display for GwpBasis {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for GwpBasis {
    type Err = ();

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "AR5" => Ok(GwpBasis::Ar5),
            "AR6" => Ok(GwpBasis::Ar6),
            "n.a." => Ok(GwpBasis::NotApplicable),
            "unstated" => Ok(GwpBasis::Unstated),
            _ => Err(()),
        }
    }
}

/// How a calculation cites the factor it used: the row's id and the pack version it came from.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct FactorKey {
    pub id: String,
    pub version: String,
}

impl fmt::Display for FactorKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}@{}", self.id, self.version)
    }
}

/// One row of a pack file, validated. Field names and order are the CSV columns; serialising
/// a row with the `csv` crate writes the same text back.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FactorRow {
    /// Unique across all packs; together with `version` it is the citation.
    pub id: String,
    pub pack: String,
    pub version: String,
    /// What the factor applies to: `fuel:natural-gas`, `cn:25231000`, `gas:CH4`,
    /// `electricity:grid`.
    pub activity: String,
    /// Which quantity it is: `ef`, `ncv`, `see_direct`, `gwp100`, ...
    pub parameter: String,
    /// CBAM production route indicator(s) (`A`, `C/F`), if the source gives one.
    pub route: Option<String>,
    /// ISO 3166-1 alpha-2, or one of [`PSEUDO_REGIONS`].
    pub region: String,
    /// First day the factor applies (inclusive); `None`: no lower bound.
    #[serde(with = "opt_date")]
    pub valid_from: Option<Date>,
    /// Last day the factor applies (inclusive); `None`: open-ended.
    #[serde(with = "opt_date")]
    pub valid_to: Option<Date>,
    pub value: Decimal,
    pub unit: RatioUnit,
    /// The gas the value counts (`CO2`, `CO2e`, `CH4`, ...), or `n.a.`.
    pub gas: String,
    pub gwp_basis: GwpBasis,
    /// The document the value comes from.
    pub source: String,
    /// Where in that document: table and row, or sheet and cell.
    pub source_ref: String,
    pub licence: String,
    pub notes: String,
}

impl FactorRow {
    pub fn key(&self) -> FactorKey {
        FactorKey {
            id: self.id.clone(),
            version: self.version.clone(),
        }
    }

    /// The value with its unit, ready to apply to an activity quantity.
    pub fn rate(&self) -> Rate {
        Rate::new(self.value, self.unit.clone())
    }

    /// Whether the row applies on `date` (bounds inclusive; a missing bound is open).
    pub fn is_valid_on(&self, date: Date) -> bool {
        self.valid_from.is_none_or(|from| from <= date) && self.valid_to.is_none_or(|to| date <= to)
    }
}

pub(crate) const DATE_FORMAT: &[time::format_description::BorrowedFormatItem<'static>] =
    time::macros::format_description!("[year]-[month]-[day]");

pub(crate) fn parse_date(s: &str) -> Option<Date> {
    // `time` accepts only the fixed-width form here, so "2026-1-1" is rejected.
    Date::parse(s, DATE_FORMAT).ok()
}

pub(crate) fn format_date(d: Date) -> String {
    d.format(DATE_FORMAT)
        .expect("a valid Date always formats as [year]-[month]-[day]")
}

mod opt_date {
    use serde::{Deserialize, Deserializer, Serializer};
    use time::Date;

    pub fn serialize<S: Serializer>(d: &Option<Date>, s: S) -> Result<S::Ok, S::Error> {
        match d {
            Some(d) => s.serialize_str(&super::format_date(*d)),
            None => s.serialize_str(""),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Date>, D::Error> {
        let s = String::deserialize(d)?;
        if s.is_empty() {
            return Ok(None);
        }
        super::parse_date(&s)
            .map(Some)
            .ok_or_else(|| serde::de::Error::custom(format!("invalid date {s:?}")))
    }
}
