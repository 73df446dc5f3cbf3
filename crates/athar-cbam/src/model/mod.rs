//! The CBAM data of one installation for one reporting period, mirroring sheets A to E (and
//! the product list) of the Commission's communication template V2.1.1.
//!
//! Why this module exists: the same data is typed in the guided UI (wasm), stored as JSON in
//! the company file, read from and written to the Commission's workbook, and computed on. So it
//! is plain serde data — decimals as strings, dates as `YYYY-MM-DD`, ids as strings — with no
//! behaviour beyond small helpers; validation is in [`crate::validate`], the arithmetic in
//! [`crate::engine`].
//!
//! Where a field comes from in the template is said on the field (sheet and section). A few
//! fields have no place in the template and exist for explainability: links from a process to
//! the source streams its emissions come from, evidence documents, factor citations, the CN
//! code of a purchased precursor (to look up its default value) and the functional unit.

mod precursor;
mod process;
mod product;
mod sources;

pub use precursor::{
    Consumption, DefaultJustification, ElectricityEfSource, PrecursorIndirect, PrecursorValues,
    PurchasedPrecursor, ValueBasis,
};
pub use process::{
    DirectEmissions, ElectricityUse, HeatFlows, Process, RouteAmount, SourceShare, Transfer,
    WasteGasFlows,
};
pub use product::{
    CarbonPriceInstrument, CarbonPricePaid, Product, QualifyingParameters, RebateType,
    ReducingAgent,
};
pub use sources::{
    ActivityUnit, DataQualityInfo, DataQualityLevel, EfUnit, FuelBalance, GhgBalance, MeasuredGas,
    MeasuredSource, MonitoringMethod, PfcEmission, PfcMethod, QualityAssurance, SourceStream,
};

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use time::Date;

use crate::goods::{GoodsCategory, ProductionRoute};

/// Everything the calculation needs about one installation and reporting period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Installation {
    /// Sheet A, section 2.
    pub about: InstallationInfo,
    /// Sheet A, section 1.
    pub reporting_period: ReportingPeriod,
    /// Sheet A, section 3 (only if available).
    #[serde(default)]
    pub verifier: Option<Verifier>,
    /// Sheet A, section 4(a): aggregated goods categories produced, with routes.
    #[serde(default)]
    pub goods: Vec<GoodsEntry>,
    /// Sheet B (a): calculation-based source streams (excluding PFC).
    #[serde(default)]
    pub source_streams: Vec<SourceStream>,
    /// Sheet B (b): PFC emissions of primary aluminium.
    #[serde(default)]
    pub pfc_emissions: Vec<PfcEmission>,
    /// Sheet B (c): measurement-based emission sources.
    #[serde(default)]
    pub measured_sources: Vec<MeasuredSource>,
    /// Sheet C section 1: manual entries of the fuel balance.
    #[serde(default)]
    pub fuel_balance: FuelBalance,
    /// Sheet C section 2(a): manual entries of the GHG balance (the installation's indirect
    /// emissions are only ever entered here).
    #[serde(default)]
    pub ghg_balance: GhgBalance,
    /// Sheet C section 2(c).
    #[serde(default)]
    pub data_quality: DataQualityInfo,
    /// Sheet A section 4(b) and sheet D.
    #[serde(default)]
    pub processes: Vec<Process>,
    /// Sheet A section 5 and sheet E.
    #[serde(default)]
    pub precursors: Vec<PurchasedPrecursor>,
    /// Sheet Summary_Products (the products communicated to importers).
    #[serde(default)]
    pub products: Vec<Product>,
    /// Summary_Processes "Carbon price instrument: description and legal act".
    #[serde(default)]
    pub carbon_price_description: String,
    /// Summary_Processes "Any additional information".
    #[serde(default)]
    pub additional_information: String,
}

/// Sheet A section 2: the installation.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct InstallationInfo {
    /// "Name of the installation (optional)", e.g. in the local language.
    #[serde(default)]
    pub name: String,
    /// "Name of the installation (English name)".
    pub name_en: String,
    #[serde(default)]
    pub street: String,
    #[serde(default)]
    pub economic_activity: String,
    #[serde(default)]
    pub post_code: String,
    #[serde(default)]
    pub po_box: String,
    #[serde(default)]
    pub city: String,
    /// ISO 3166-1 alpha-2.
    pub country: String,
    #[serde(default)]
    pub unlocode: String,
    /// Coordinates of the main emission source, decimal degrees.
    #[serde(default)]
    pub latitude: Option<Decimal>,
    #[serde(default)]
    pub longitude: Option<Decimal>,
    #[serde(default)]
    pub representative: Contact,
}

/// A person and how to reach them.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Contact {
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub email: String,
    #[serde(default)]
    pub telephone: String,
}

/// Sheet A section 3: the verifier of the report.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Verifier {
    #[serde(default)]
    pub company_name: String,
    #[serde(default)]
    pub street: String,
    #[serde(default)]
    pub city: String,
    #[serde(default)]
    pub post_code: String,
    #[serde(default)]
    pub country: String,
    #[serde(default)]
    pub representative: Contact,
    #[serde(default)]
    pub fax: String,
    #[serde(default)]
    pub accreditation_member_state: String,
    #[serde(default)]
    pub accreditation_body: String,
    #[serde(default)]
    pub accreditation_number: String,
}

impl Verifier {
    pub fn is_empty(&self) -> bool {
        *self == Verifier::default()
    }
}

/// Sheet A section 1: the period all data refers to (both days inclusive).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportingPeriod {
    #[serde(with = "iso_date")]
    pub start: Date,
    #[serde(with = "iso_date")]
    pub end: Date,
}

impl ReportingPeriod {
    /// The calendar year `year`.
    pub fn year(year: i32) -> Option<Self> {
        Some(ReportingPeriod {
            start: Date::from_calendar_date(year, time::Month::January, 1).ok()?,
            end: Date::from_calendar_date(year, time::Month::December, 31).ok()?,
        })
    }
}

/// Sheet A section 4(a): an aggregated goods category produced in the installation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GoodsEntry {
    /// `G1`…
    pub id: String,
    pub category: GoodsCategory,
    /// The routes used (template Route 1–6); empty for "All production routes".
    #[serde(default)]
    pub routes: Vec<ProductionRoute>,
}

/// Where a figure is shown: a stored document and page (as in `athar-inventory`).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Evidence {
    pub document_id: String,
    #[serde(default)]
    pub page: Option<u32>,
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

    pub fn parse(s: &str) -> Option<Date> {
        Date::parse(s, FORMAT).ok()
    }

    pub fn serialize<S: Serializer>(d: &Date, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&format(*d))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Date, D::Error> {
        let s = String::deserialize(d)?;
        parse(&s).ok_or_else(|| serde::de::Error::custom(format!("invalid date {s:?}")))
    }
}

pub use iso_date::format as format_date;
pub use iso_date::parse as parse_date;
