//! Activity data: what the company consumed, emitted or bought, one record per bill, meter
//! reading or invoice line.
//!
//! Why this module exists: storage, the import screens, the CLI and document extraction all
//! produce the same records, and the engine must be able to trace every result back to them.
//! So an entry carries, besides its amount, where it came from (origin, evidence page) and how
//! good it is (data-quality flag). Everything is serde data with decimals as strings.

use athar_quantity::{Quantity, Rate, VolumeNormalisation};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use time::Date;

/// An inclusive date range (`from` ≤ `to`), serialised as `"YYYY-MM-DD"` strings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Period {
    #[serde(with = "iso_date")]
    pub from: Date,
    #[serde(with = "iso_date")]
    pub to: Date,
}

impl Period {
    pub fn new(from: Date, to: Date) -> Self {
        Period { from, to }
    }

    /// The calendar year `year`.
    pub fn year(year: i32) -> Option<Self> {
        Some(Period {
            from: Date::from_calendar_date(year, time::Month::January, 1).ok()?,
            to: Date::from_calendar_date(year, time::Month::December, 31).ok()?,
        })
    }

    pub fn contains(&self, other: &Period) -> bool {
        self.from <= other.from && other.to <= self.to
    }

    /// `2026` for a calendar year, `2026-03` for a calendar month, else `2026-01-15..2026-02-14`.
    /// Used in result ids.
    pub fn label(&self) -> String {
        let (fy, fm, fd) = (self.from.year(), self.from.month(), self.from.day());
        let (ty, tm, td) = (self.to.year(), self.to.month(), self.to.day());
        let month_end = time::util::days_in_month(tm, ty);
        if fy == ty
            && fm == time::Month::January
            && fd == 1
            && tm == time::Month::December
            && td == 31
        {
            format!("{fy:04}")
        } else if fy == ty && fm == tm && fd == 1 && td == month_end {
            format!("{fy:04}-{:02}", fm as u8)
        } else {
            format!(
                "{}..{}",
                iso_date::format(self.from),
                iso_date::format(self.to)
            )
        }
    }
}

/// A sum of money: decimal amount (string in JSON) and ISO 4217 currency code.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Money {
    pub amount: Decimal,
    pub currency: String,
}

impl Money {
    pub fn new(amount: Decimal, currency: impl Into<String>) -> Self {
        Money {
            amount,
            currency: currency.into(),
        }
    }
}

/// How much: a physical quantity, or (spend-based Scope 3 only) money spent.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Amount {
    Quantity(Quantity),
    Spend(Money),
}

/// Where an entry came from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Origin {
    /// Typed in by a person.
    Manual,
    /// Imported from a spreadsheet or CSV file (file name and row, as the importer knows them).
    Import { file: String, row: Option<u64> },
    /// Read from a document (bill, invoice) and confirmed by a person.
    Document,
}

/// The page of a stored document that shows the figure.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Evidence {
    pub document_id: String,
    pub page: Option<u32>,
}

/// How the activity figure was obtained (GHG Protocol data-quality language).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DataQuality {
    /// Metered or invoiced: primary data.
    Measured,
    /// Derived from other measured data (e.g. mass balance, allocation).
    Calculated,
    /// An estimate or extrapolation.
    Estimated,
}

/// Fuel combustion in fixed plant or in vehicles (both Scope 1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Combustion {
    Stationary,
    Mobile,
}

/// Kind of contractual instrument for market-based Scope 2 (GHG Protocol Scope 2 Guidance,
/// table 6.3 hierarchy).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum InstrumentKind {
    /// Energy attribute certificate (GO, I-REC, REGO, ...), cancelled for this consumption.
    Certificate { scheme: String },
    /// Power purchase agreement with attributes conveyed.
    Ppa,
    /// The supplier's specific emission rate for the delivered product.
    SupplierRate,
}

/// A contractual instrument claimed against one electricity entry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Instrument {
    /// Stable id (certificate serial, contract number); cited in provenance.
    pub id: String,
    pub kind: InstrumentKind,
    /// Energy covered; `None` = all consumption not covered by instruments listed before it.
    pub covers: Option<Quantity>,
    /// Emission rate of the instrument (often `0 kgCO2e/kWh`); numerator CO2 or CO2e mass,
    /// denominator energy.
    pub factor: Rate,
    pub evidence: Option<Evidence>,
}

/// What the entry is, and what it refers to. Determines the scope/category and which factors
/// the engine looks up (factor activity in brackets).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum ActivityKind {
    /// Scope 1. `fuel` is the factor-pack name (`natural-gas`, `gas-diesel-oil`) [`fuel:<fuel>`].
    /// A metered volume (m3, L of gas) needs `normalisation` when only Nm3 factors exist.
    Fuel {
        fuel: String,
        combustion: Combustion,
        #[serde(default)]
        normalisation: Option<VolumeNormalisation>,
    },
    /// Scope 1 process emissions; `activity` is the factor activity (`carbonate:CaCO3`).
    Process { activity: String },
    /// Scope 1 fugitive emissions: mass of `gas` leaked (refrigerant top-ups) [`gas:<gas>`].
    Refrigerant { gas: String },
    /// Scope 2, location- and market-based. `instruments` in claim order.
    Electricity {
        #[serde(default)]
        instruments: Vec<Instrument>,
    },
    /// Scope 2 purchased heat, steam or cooling [`heat:<medium>`].
    Heat { medium: String },
    /// Scope 3 category 1, by mass (`ef` per t) or by spend [`material:<material>`].
    PurchasedGoods { material: String },
    /// Scope 3 category 4, in t.km or by spend [`transport:<mode>`].
    UpstreamTransport { mode: String },
    /// Scope 3 category 5, by mass [`waste:<waste_type>:<treatment>`].
    Waste {
        waste_type: String,
        treatment: String,
    },
    /// Scope 3 category 6, by spend or by fuel bought [`travel:<mode>`].
    BusinessTravel { mode: String },
}

/// One activity record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActivityEntry {
    pub id: String,
    pub site: String,
    pub period: Period,
    pub amount: Amount,
    pub origin: Origin,
    pub evidence: Option<Evidence>,
    pub quality: DataQuality,
    pub activity: ActivityKind,
    /// Pin a specific factor row (`id`, `version`) from the user/supplier packs, overriding the
    /// lookup (e.g. a supplier's product carbon footprint).
    #[serde(default)]
    pub factor: Option<athar_factors::FactorKey>,
}

pub(crate) mod iso_date {
    use serde::{Deserialize, Deserializer, Serializer};
    use time::Date;

    const FORMAT: &[time::format_description::BorrowedFormatItem<'static>] =
        time::macros::format_description!("[year]-[month]-[day]");

    pub fn format(d: Date) -> String {
        d.format(FORMAT)
            .expect("a valid Date always formats as [year]-[month]-[day]")
    }

    pub fn serialize<S: Serializer>(d: &Date, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&format(*d))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Date, D::Error> {
        let s = String::deserialize(d)?;
        Date::parse(&s, FORMAT).map_err(serde::de::Error::custom)
    }
}
