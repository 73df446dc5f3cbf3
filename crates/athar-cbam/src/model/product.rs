//! Sheet Summary_Products: the goods communicated to importers, by CN code.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// "The main reducing agent of the precursor, if known" (template `CONST_ReducingAgent`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ReducingAgent {
    CoalOrCoke,
    NaturalGas,
    Biogas,
    Hydrogen,
}

/// Type of carbon pricing instrument (template `CONST_CarbonPriceType`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum CarbonPriceInstrument {
    None,
    CarbonTax,
    CarbonLevy,
    CarbonFee,
    NationalEts,
    RegionalEts,
    Combination,
    Other,
}

/// Type of rebate (template `CONST_RebateType`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum RebateType {
    None,
    FreeAllocation,
    FinancialCompensation,
    TaxDeduction,
    Combination,
    Other,
}

/// A carbon price paid in the country of production for the good (Summary_Products AL..AX).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CarbonPricePaid {
    #[serde(default)]
    pub instrument: Option<CarbonPriceInstrument>,
    /// Share of the total embedded emissions covered (fraction).
    #[serde(default)]
    pub share_covered: Option<Decimal>,
    /// ISO 4217.
    #[serde(default)]
    pub currency: String,
    /// Carbon price due per tonne (or MWh) produced, in `currency`.
    #[serde(default)]
    pub amount_per_unit: Option<Decimal>,
    #[serde(default)]
    pub rebate: Option<RebateType>,
    /// Share of embedded emissions covered by the rebate (fraction).
    #[serde(default)]
    pub rebate_share: Option<Decimal>,
    /// Rebate per tonne (or MWh) produced, in `currency`.
    #[serde(default)]
    pub rebate_per_unit: Option<Decimal>,
}

impl CarbonPricePaid {
    pub fn is_empty(&self) -> bool {
        *self == CarbonPricePaid::default()
    }

    /// Price due minus rebate, per unit (the template's "Effective CP due").
    pub fn effective_per_unit(&self) -> Option<Decimal> {
        let due = self.amount_per_unit?;
        due.checked_sub(self.rebate_per_unit.unwrap_or_default())
    }
}

/// Qualifying parameters of a product (Summary_Products P..AK). Percentages are fractions
/// (0.014 = 1.4 %), as the template stores them.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct QualifyingParameters {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reducing_agent: Option<ReducingAgent>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub steel_mill_id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mn: Option<Decimal>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cr: Option<Decimal>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ni: Option<Decimal>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub other_alloys: Option<Decimal>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub carbon: Option<Decimal>,
    /// t scrap per t steel.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scrap_per_t_steel: Option<Decimal>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub other_materials: Option<Decimal>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pre_consumer_scrap: Option<Decimal>,
    /// t scrap per t aluminium.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scrap_per_t_aluminium: Option<Decimal>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub non_aluminium_elements: Option<Decimal>,
    /// Clinker factor: t clinker per t cement (CK_i of Equation 64).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub clinker_factor: Option<Decimal>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub calcined: Option<bool>,
    /// Concentration, if hydrous solution.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub concentration: Option<Decimal>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nitric_acid: Option<Decimal>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub urea: Option<Decimal>,
    /// N contained (fraction of mass): N_i of Equation 65 is this × 1000 kg N/t.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub n_contained: Option<Decimal>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub n_ammonium: Option<Decimal>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub n_nitrate: Option<Decimal>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub n_urea: Option<Decimal>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub n_other: Option<Decimal>,
}

/// One good communicated to importers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Product {
    /// Stable id (`1`…, the template row).
    pub id: String,
    /// Id of the process the product comes from.
    pub process: String,
    /// Eight-digit CN code of the CBAM list.
    pub cn_code: String,
    /// Product name used with the importer (e.g. on invoices).
    pub name: String,
    #[serde(default)]
    pub parameters: QualifyingParameters,
    #[serde(default)]
    pub carbon_price: Option<CarbonPricePaid>,
    /// Annex I variant for the default-value comparison where a CN code has several rows
    /// (`grey-clinker`).
    #[serde(default)]
    pub default_variant: Option<String>,
}
