//! Facts: one reported value of a datapoint, with its unit, dimensions, decimals and period.
//!
//! Why this module exists: the template reader, the company-data mapping, the template writer
//! and the Inline XBRL writer exchange facts. A fact is plain serde data (decimals as strings),
//! so the lead can store the facts of an imported template in the company file as they are.
//! Values keep the XBRL meaning: a percentage is stored as its fraction (25 % is `0.25`), as
//! the taxonomy and the template do; a monetary fact's unit is the report currency.

use std::collections::BTreeMap;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use time::Date;

/// The value of a fact.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", content = "value", rename_all = "snake_case")]
pub enum FactValue {
    /// A number in the fact's unit; percentages as fractions.
    Number(Decimal),
    Text(String),
    Bool(bool),
    #[serde(with = "iso_date")]
    Date(Date),
    Year(i32),
    /// Enumeration options as member qnames (`vsme:ConsolidatedMember`), sorted; one for a
    /// single-choice datapoint.
    Members(Vec<String>),
}

/// The unit of a numeric fact.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum FactUnit {
    /// A UTR unit or `xbrli:pure`, as a qname (`utr:tCO2e`).
    Measure { measure: String },
    /// An ISO 4217 currency (`EUR`).
    Currency { code: String },
    /// `numerator` per unit of the currency `code` (GHG intensity per turnover).
    PerCurrency { numerator: String, code: String },
}

impl FactUnit {
    pub fn measure(m: &str) -> Self {
        FactUnit::Measure {
            measure: m.to_string(),
        }
    }
}

/// How precise a number is, as XBRL `decimals`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Decimals {
    /// Accurate to this many decimal places (negative: to tens, hundreds...).
    Places(i32),
    /// Exact.
    Inf,
}

/// The value of a dimension.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(tag = "kind", content = "value", rename_all = "snake_case")]
pub enum DimensionValue {
    /// A member of an explicit axis (`vsme:RenewableEnergyMember`, `country:IT`).
    Member(String),
    /// The value of a typed axis (a site or material identifier).
    Typed(String),
}

/// The period of a fact.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum FactPeriod {
    /// The reporting period (an instant fact is at its end).
    Reporting,
    /// The calendar-year-long period of a reporting scope member (`BaselineYearMember`),
    /// ending on the reporting period's end day and month in `year`.
    Year { name: String, year: i32 },
}

/// Where a fact came from, so that every figure can be explained.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Provenance {
    /// A cell of a digital template (`'Environmental Disclosures'!$D$22`).
    Template { cell: String },
    /// A field of the company profile (`profile.turnover`, `sites.2.address`).
    Profile { field: String },
    /// Nodes of the GHG inventory (`scope1/all/2026`, or the fuel and electricity lines an
    /// energy figure adds up), each explainable with `Inventory::explain`, and how they
    /// combine when there is more than one.
    Inventory {
        results: Vec<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        formula: Option<String>,
    },
    /// Typed in by a person.
    User,
    /// A computed figure replaced by a person; `computed` is what the source gave.
    Override {
        source: Box<Provenance>,
        computed: String,
        reason: String,
    },
}

/// One fact.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Fact {
    /// `vsme:GrossScope1GreenhouseGasEmissions`.
    pub concept: String,
    pub value: FactValue,
    /// The value as the source wrote it, when that differs from its canonical text: the
    /// template's "YES" for true, the option labels of an enumeration ("Italy").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<FactUnit>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decimals: Option<Decimals>,
    /// The value (a fraction) is shown multiplied by 100 with a % sign, as the template's cell
    /// format or the datapoint's percent type says; `decimals` counts places of the fraction.
    #[serde(default, skip_serializing_if = "is_false")]
    pub shown_as_percent: bool,
    /// Axis → value; axes at their default member are left out.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub dimensions: BTreeMap<String, DimensionValue>,
    pub period: FactPeriod,
    /// Explanatory notes attached to the fact (the template's footnotes).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub footnotes: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub provenance: Option<Provenance>,
}

impl Fact {
    /// A fact for the reporting period, without unit, dimensions or decimals.
    pub fn new(concept: &str, value: FactValue) -> Self {
        Fact {
            concept: concept.to_string(),
            value,
            text: None,
            unit: None,
            decimals: None,
            shown_as_percent: false,
            dimensions: BTreeMap::new(),
            period: FactPeriod::Reporting,
            footnotes: Vec::new(),
            provenance: None,
        }
    }

    pub fn with_unit(mut self, unit: FactUnit) -> Self {
        self.unit = Some(unit);
        self
    }

    pub fn with_decimals(mut self, d: Decimals) -> Self {
        self.decimals = Some(d);
        self
    }

    pub fn with_dimension(mut self, axis: &str, value: DimensionValue) -> Self {
        self.dimensions.insert(axis.to_string(), value);
        self
    }

    pub fn with_provenance(mut self, p: Provenance) -> Self {
        self.provenance = Some(p);
        self
    }

    /// The numeric value, if any.
    pub fn number(&self) -> Option<Decimal> {
        match self.value {
            FactValue::Number(n) => Some(n),
            _ => None,
        }
    }

    /// Same concept, dimensions and period: two facts with the same aspects report the same
    /// thing.
    pub fn same_aspects(&self, other: &Fact) -> bool {
        self.concept == other.concept
            && self.dimensions == other.dimensions
            && self.period == other.period
    }
}

fn is_false(b: &bool) -> bool {
    !*b
}

/// Who reports, for which period, in which currency: what every fact of a report shares.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportInfo {
    pub entity_name: String,
    pub entity_identifier: String,
    /// Scheme URI of the identifier (LEI: `http://standards.iso.org/iso/17442`).
    pub entity_scheme: String,
    /// ISO 4217.
    pub currency: String,
    #[serde(with = "iso_date")]
    pub period_start: Date,
    #[serde(with = "iso_date")]
    pub period_end: Date,
    /// The taxonomy entry point the report is against.
    pub entry_point: String,
    /// The digital template version the facts were read from, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub template_version: Option<String>,
}

impl ReportInfo {
    /// The start and end of a fact's period (equal for instants... see [`ReportInfo::instant`]).
    pub fn duration(&self, period: &FactPeriod) -> (Date, Date) {
        match period {
            FactPeriod::Reporting => (self.period_start, self.period_end),
            FactPeriod::Year { year, .. } => year_ending_like(self.period_end, *year),
        }
    }

    /// The instant of an instant fact: the end of its period.
    pub fn instant(&self, period: &FactPeriod) -> Date {
        self.duration(period).1
    }
}

/// The year-long period ending on `end`'s day and month in `year` (29 February becomes the
/// 28th in a common year), as EFRAG's converter makes named periods.
pub fn year_ending_like(end: Date, year: i32) -> (Date, Date) {
    let day = end.day().min(time::util::days_in_month(end.month(), year));
    let e = Date::from_calendar_date(year, end.month(), day).unwrap_or(end);
    let start_year = e.year() - 1;
    let sd = e
        .day()
        .min(time::util::days_in_month(e.month(), start_year));
    let s = Date::from_calendar_date(start_year, e.month(), sd)
        .ok()
        .and_then(|d| d.next_day())
        .unwrap_or(e);
    (s, e)
}

pub(crate) mod iso_date {
    use serde::{Deserialize, Deserializer, Serializer};
    use time::Date;

    const FORMAT: &[time::format_description::BorrowedFormatItem<'static>] =
        time::macros::format_description!("[year]-[month]-[day]");

    pub fn format(d: Date) -> String {
        d.format(FORMAT)
            .unwrap_or_else(|_| format!("{:04}-{:02}-{:02}", d.year(), d.month() as u8, d.day()))
    }

    pub fn parse(s: &str) -> Option<Date> {
        Date::parse(s, FORMAT).ok()
    }

    pub fn serialize<S: Serializer>(d: &Date, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&format(*d))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Date, D::Error> {
        let s = String::deserialize(d)?;
        parse(&s).ok_or_else(|| serde::de::Error::custom(format!("not a date: {s}")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn named_years_end_like_the_reporting_period() {
        assert_eq!(
            year_ending_like(date!(2026 - 12 - 31), 2020),
            (date!(2020 - 01 - 01), date!(2020 - 12 - 31))
        );
        assert_eq!(
            year_ending_like(date!(2026 - 06 - 30), 2030),
            (date!(2029 - 07 - 01), date!(2030 - 06 - 30))
        );
        assert_eq!(
            year_ending_like(date!(2024 - 02 - 29), 2025),
            (date!(2024 - 02 - 29), date!(2025 - 02 - 28))
        );
    }

    #[test]
    fn facts_round_trip_through_json_with_decimals_as_strings() {
        let f = Fact::new(
            "vsme:GrossScope1GreenhouseGasEmissions",
            FactValue::Number(Decimal::new(12345, 2)),
        )
        .with_unit(FactUnit::measure("utr:tCO2e"))
        .with_decimals(Decimals::Places(2))
        .with_provenance(Provenance::Inventory {
            results: vec!["scope1/all/2026".into()],
            formula: None,
        });
        let j = serde_json::to_string(&f).unwrap();
        assert!(j.contains(r#""value":"123.45""#), "{j}");
        let back: Fact = serde_json::from_str(&j).unwrap();
        assert_eq!(back, f);
    }
}
