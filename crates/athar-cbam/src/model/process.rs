//! Sheet A 4(b) and sheet D: production processes.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::{ElectricityEfSource, Evidence};
use crate::goods::{FunctionalUnit, GoodsCategory, ProductionRoute};

/// An amount produced (or purchased) by one route; `route: None` is "All production routes".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RouteAmount {
    #[serde(default)]
    pub route: Option<ProductionRoute>,
    pub amount: Decimal,
}

/// Part of this process's production consumed by another process of the installation
/// (sheet D (c)): an internal precursor flow.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Transfer {
    /// Id of the consuming process.
    pub to: String,
    /// In this process's functional unit.
    pub amount: Decimal,
}

/// Part of a source stream's (or PFC or measured source's) emissions that belong to a process.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SourceShare {
    /// Id of a source stream, PFC entry or measured source.
    pub source: String,
    /// Fraction of its emissions (1 = all).
    pub share: Decimal,
}

/// DirEm*: directly attributable emissions (sheet D (g)). Either typed as a number (what the
/// template holds), or attributed from the installation's sources so that each tonne can be
/// traced to a source stream, or both (they add up).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DirectEmissions {
    /// t CO2e typed in.
    #[serde(default)]
    pub entered: Option<Decimal>,
    #[serde(default)]
    pub sources: Vec<SourceShare>,
}

/// Sheet D (h): measurable heat imported to and exported from the process.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct HeatFlows {
    /// Net measurable heat imported, TJ.
    #[serde(default)]
    pub imported_tj: Option<Decimal>,
    /// EF_heat of the imported heat, t CO2/TJ.
    #[serde(default)]
    pub imported_ef: Option<Decimal>,
    #[serde(default)]
    pub exported_tj: Option<Decimal>,
    #[serde(default)]
    pub exported_ef: Option<Decimal>,
}

/// Sheet D (i): waste gases imported to and exported from the process. The corrections use
/// the standard EF of natural gas (Equations 53–54), not the EFs recorded here, which the
/// template asks for as information.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct WasteGasFlows {
    /// V_WG × NCV_WG of the imported waste gas, TJ.
    #[serde(default)]
    pub imported_tj: Option<Decimal>,
    #[serde(default)]
    pub exported_tj: Option<Decimal>,
    #[serde(default)]
    pub imported_ef: Option<Decimal>,
    #[serde(default)]
    pub exported_ef: Option<Decimal>,
}

/// Sheet D (j) and (k): electricity consumed and exported.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ElectricityUse {
    /// E_el,cons, MWh.
    #[serde(default)]
    pub consumed_mwh: Option<Decimal>,
    /// EF_el of the consumed electricity, t CO2/MWh.
    #[serde(default)]
    pub ef: Option<Decimal>,
    #[serde(default)]
    pub ef_source: Option<ElectricityEfSource>,
    /// Electricity exported from the process, MWh.
    #[serde(default)]
    pub exported_mwh: Option<Decimal>,
    /// EF of the exported electricity, t CO2/MWh.
    #[serde(default)]
    pub exported_ef: Option<Decimal>,
}

/// A production process (Art. 4; sheet A 4(b) and one block of sheet D).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Process {
    /// Stable id (`P1`…). Products, transfers and precursor consumption refer to it.
    pub id: String,
    /// Unique name; the template identifies processes by it.
    pub name: String,
    /// The aggregated goods category produced.
    pub category: GoodsCategory,
    /// Other categories (precursors) produced within its system boundary (joint production,
    /// Art. 4(9)); empty is the template's "Only direct production".
    #[serde(default)]
    pub included: Vec<GoodsCategory>,
    #[serde(default)]
    pub functional_unit: FunctionalUnit,
    /// (a) total production by route; the activity level AL is their sum.
    #[serde(default)]
    pub production: Vec<RouteAmount>,
    /// (b) produced for the market.
    #[serde(default)]
    pub produced_for_market: Option<Decimal>,
    /// (c) consumed in other processes of the installation.
    #[serde(default)]
    pub transfers: Vec<Transfer>,
    /// (d) consumed for non-CBAM goods within the installation.
    #[serde(default)]
    pub non_cbam_use: Option<Decimal>,
    /// (f) whether measurable heat and waste gases are relevant (the template asks).
    #[serde(default)]
    pub heat_relevant: Option<bool>,
    #[serde(default)]
    pub waste_gas_relevant: Option<bool>,
    /// (g) DirEm*.
    #[serde(default)]
    pub direct: DirectEmissions,
    #[serde(default)]
    pub heat: HeatFlows,
    #[serde(default)]
    pub waste_gas: WasteGasFlows,
    #[serde(default)]
    pub electricity: ElectricityUse,
    #[serde(default)]
    pub evidence: Vec<Evidence>,
}

impl Process {
    /// A process of `category` with nothing filled in yet.
    pub fn new(id: impl Into<String>, name: impl Into<String>, category: GoodsCategory) -> Self {
        Process {
            id: id.into(),
            name: name.into(),
            category,
            included: Vec::new(),
            functional_unit: category.default_functional_unit(),
            production: Vec::new(),
            produced_for_market: None,
            transfers: Vec::new(),
            non_cbam_use: None,
            heat_relevant: None,
            waste_gas_relevant: None,
            direct: DirectEmissions::default(),
            heat: HeatFlows::default(),
            waste_gas: WasteGasFlows::default(),
            electricity: ElectricityUse::default(),
            evidence: Vec::new(),
        }
    }

    /// AL: total production, or `None` if a sum overflows.
    pub fn activity_level(&self) -> Option<Decimal> {
        self.production
            .iter()
            .try_fold(Decimal::ZERO, |acc, r| acc.checked_add(r.amount))
    }
}
