//! Sheet A section 5 and sheet E: precursors bought from outside the installation.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::{Evidence, RouteAmount};
use crate::goods::{GoodsCategory, ProductionRoute};

/// Where a value comes from (template `CONST_MeasDefaultUnknown`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ValueBasis {
    /// The supplier's actual (monitored) value.
    Measured,
    /// A default value.
    Default,
    Unknown,
}

/// Source of an electricity emission factor (IR 2025/2547 Annex II D.4; template
/// `CONST_ElecSource`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ElectricityEfSource {
    /// D.4(a): IEA-based EF provided by the Commission.
    #[serde(rename = "D.4(a)")]
    D4a,
    /// D.4(b): other public data (grid average or CO2 factor).
    #[serde(rename = "D.4(b)")]
    D4b,
    /// D.4.1: electricity produced in the installation other than by cogeneration.
    #[serde(rename = "D.4.1")]
    D41,
    /// D.4.2: electricity produced in the installation by cogeneration.
    #[serde(rename = "D.4.2")]
    D42,
    /// D.4.3.1: received by a direct technical connection.
    #[serde(rename = "D.4.3.1")]
    D431,
    /// D.4.3.2: under a power purchase agreement.
    #[serde(rename = "D.4.3.2")]
    D432,
    /// Not predominantly from one source.
    #[serde(rename = "Mix")]
    Mix,
}

impl ElectricityEfSource {
    pub const ALL: [ElectricityEfSource; 7] = [
        ElectricityEfSource::D4a,
        ElectricityEfSource::D4b,
        ElectricityEfSource::D41,
        ElectricityEfSource::D42,
        ElectricityEfSource::D431,
        ElectricityEfSource::D432,
        ElectricityEfSource::Mix,
    ];

    /// The code as printed in the template (`D.4(a)`, `Mix`).
    pub fn code(self) -> &'static str {
        match self {
            ElectricityEfSource::D4a => "D.4(a)",
            ElectricityEfSource::D4b => "D.4(b)",
            ElectricityEfSource::D41 => "D.4.1",
            ElectricityEfSource::D42 => "D.4.2",
            ElectricityEfSource::D431 => "D.4.3.1",
            ElectricityEfSource::D432 => "D.4.3.2",
            ElectricityEfSource::Mix => "Mix",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        ElectricityEfSource::ALL
            .into_iter()
            .find(|s| s.code() == code.trim())
    }
}

/// Why default values were used (template `CONST_DataQualityJustification`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum DefaultJustification {
    UnreasonableCosts,
    DataGaps,
    Other,
}

/// How a precursor's SEE (indirect) is obtained in the template: specific electricity
/// consumption times the electricity EF.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PrecursorIndirect {
    /// MWh per tonne of precursor.
    pub electricity_mwh_per_t: Decimal,
    pub electricity_basis: ValueBasis,
    /// t CO2e/MWh.
    pub ef: Decimal,
    pub ef_source: Option<ElectricityEfSource>,
}

/// Where a purchased precursor's specific embedded emissions come from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "kebab-case")]
pub enum PrecursorValues {
    /// Values communicated by the supplier (or typed as given, with their basis): sheet E (e).
    Given {
        /// SEE (direct), t CO2e per tonne.
        see_direct: Decimal,
        direct_basis: ValueBasis,
        indirect: PrecursorIndirect,
    },
    /// The IR 2025/2621 Annex I default of the country of production for the precursor's
    /// CN code, with the reporting year's mark-up; looked up when computing.
    CountryDefault {
        /// Variant where Annex I splits a CN code (`grey-clinker`, `white-hydraulic-cements`).
        #[serde(default)]
        variant: Option<String>,
    },
    /// The IR 2025/2621 Annex IV value (country of production unknown), with the reporting
    /// year's mark-up. Annex IV gives a total only.
    UnknownOriginDefault {
        #[serde(default)]
        variant: Option<String>,
    },
}

/// Consumption of a purchased precursor in one process (sheet E (b)).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Consumption {
    /// Id of the consuming process.
    pub process: String,
    /// Tonnes (M_i over the reporting period).
    pub amount: Decimal,
}

/// A precursor bought from outside the installation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PurchasedPrecursor {
    /// Stable id (`PP1`…).
    pub id: String,
    /// Unique name (the template identifies precursors by it, as it does processes).
    pub name: String,
    pub category: GoodsCategory,
    /// Country of production, ISO 3166-1 alpha-2; `None` when unknown.
    #[serde(default)]
    pub country: Option<String>,
    /// Routes (template Route 1–5).
    #[serde(default)]
    pub routes: Vec<ProductionRoute>,
    /// CN code, needed to look up a default value (not in the template).
    #[serde(default)]
    pub cn_code: Option<String>,
    /// (a) total purchased, by route.
    #[serde(default)]
    pub purchased: Vec<RouteAmount>,
    /// (b) consumed per process.
    #[serde(default)]
    pub consumption: Vec<Consumption>,
    /// (c) consumed for other purposes (sold, non-CBAM goods).
    #[serde(default)]
    pub other_use: Option<Decimal>,
    pub values: PrecursorValues,
    /// (e) v. justification for using default values.
    #[serde(default)]
    pub default_justification: Option<DefaultJustification>,
    #[serde(default)]
    pub evidence: Vec<Evidence>,
}

impl PurchasedPrecursor {
    /// Whether the values rest (wholly or partly) on default values.
    pub fn uses_defaults(&self) -> bool {
        match &self.values {
            PrecursorValues::Given {
                direct_basis,
                indirect,
                ..
            } => {
                *direct_basis == ValueBasis::Default
                    || indirect.electricity_basis == ValueBasis::Default
            }
            PrecursorValues::CountryDefault { .. }
            | PrecursorValues::UnknownOriginDefault { .. } => true,
        }
    }
}
