//! Sheets B and C: the installation's emission sources and its fuel and GHG balances.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::Evidence;

/// How a source stream is monitored (template `CONST_MonitoringApproach`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum MonitoringMethod {
    /// Emissions = AD × (NCV) × EF × OxF (IR 2025/2547 Annex II, Equations 5–6).
    Combustion,
    /// Emissions = AD × EF × ConvF (Equation 11).
    ProcessEmissions,
    /// Emissions = f × AD × CC, with AD negative for outputs (Equation 12).
    MassBalance,
}

/// Unit of a source stream's activity data (template `CONST_torkNm3`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ActivityUnit {
    #[default]
    Tonne,
    /// 1000 Nm3 (gaseous fuels).
    ThousandNm3,
}

/// Unit of a source stream's emission factor (template `CONST_tCO2pTJOrtCO2pt`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum EfUnit {
    /// t CO2/TJ: the activity data is converted to energy with the NCV (GJ per unit).
    TCo2PerTj,
    /// t CO2 per tonne of activity data.
    TCo2PerTonne,
    /// t CO2 per 1000 Nm3 of activity data.
    TCo2PerThousandNm3,
}

/// Sheet B (a): one calculation-based source stream.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SourceStream {
    /// Stable id (`S1`…, the template row number).
    pub id: String,
    pub method: MonitoringMethod,
    pub name: String,
    /// AD, in `activity_unit`; may be negative for a mass-balance output.
    pub activity_data: Option<Decimal>,
    #[serde(default)]
    pub activity_unit: ActivityUnit,
    /// NCV in GJ per tonne or per 1000 Nm3.
    #[serde(default)]
    pub ncv: Option<Decimal>,
    /// Emission factor, in `ef_unit` (combustion and process emissions).
    #[serde(default)]
    pub ef: Option<Decimal>,
    #[serde(default)]
    pub ef_unit: Option<EfUnit>,
    /// Carbon content, t C per tonne or per 1000 Nm3 (mass balance).
    #[serde(default)]
    pub carbon_content: Option<Decimal>,
    /// Oxidation factor in % (combustion; empty = 100 %).
    #[serde(default)]
    pub oxidation_factor_pct: Option<Decimal>,
    /// Conversion factor in % (process emissions; empty = 100 %).
    #[serde(default)]
    pub conversion_factor_pct: Option<Decimal>,
    /// Biomass content in % (empty = 0 %).
    #[serde(default)]
    pub biomass_pct: Option<Decimal>,
    /// Factor rows used for NCV/EF, as `pack/id@version` (e.g. IR 2025/2547 standard factors).
    #[serde(default)]
    pub factors: Vec<String>,
    #[serde(default)]
    pub evidence: Vec<Evidence>,
}

/// PFC calculation method for primary aluminium (IR 2025/2547 Annex II, B.7).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum PfcMethod {
    /// CF4 = SEF_CF4 × AEM × Pr_Al / 1000, AEM = frequency × duration (Equations 21, 23).
    Slope,
    /// CF4 = OVC × (AEO / CE) × Pr_Al × 0.001 (Equation 24).
    Overvoltage,
}

/// Sheet B (b): PFC emissions of one cell technology.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PfcEmission {
    pub id: String,
    pub method: PfcMethod,
    /// Technology type (e.g. "Centre Worked Pre-Bake (CWPB)").
    #[serde(default)]
    pub technology: String,
    /// Primary aluminium produced, t (Pr_Al).
    pub aluminium_t: Option<Decimal>,
    /// Slope: anode effects per cell-day.
    #[serde(default)]
    pub anode_effect_frequency: Option<Decimal>,
    /// Slope: average anode effect duration, minutes.
    #[serde(default)]
    pub anode_effect_duration: Option<Decimal>,
    /// Slope: SEF_CF4, (kg CF4/t Al)/(AE-min/cell-day).
    #[serde(default)]
    pub sef_cf4: Option<Decimal>,
    /// Overvoltage: AEO, anode effect overvoltage per cell, mV.
    #[serde(default)]
    pub aeo: Option<Decimal>,
    /// Overvoltage: CE, current efficiency (fraction).
    #[serde(default)]
    pub current_efficiency: Option<Decimal>,
    /// Overvoltage: OVC, (kg CF4/t Al)/mV.
    #[serde(default)]
    pub ovc: Option<Decimal>,
    /// F_C2F6: t C2F6 per t CF4.
    pub f_c2f6: Option<Decimal>,
    /// Collection efficiency of the duct (fraction; empty = 1).
    #[serde(default)]
    pub collection_efficiency: Option<Decimal>,
    #[serde(default)]
    pub evidence: Vec<Evidence>,
}

/// The greenhouse gas a continuous measurement system measures (template `CONST_CEMSType`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum MeasuredGas {
    #[serde(rename = "CO2")]
    Co2,
    #[serde(rename = "N2O")]
    N2o,
}

/// Sheet B (c): one measurement-based emission source (Equation 16).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MeasuredSource {
    pub id: String,
    pub name: String,
    pub gas: MeasuredGas,
    /// Biomass fraction in % (empty = 0).
    #[serde(default)]
    pub biomass_pct: Option<Decimal>,
    /// Hourly GHG concentration, average, g/Nm3.
    pub concentration_g_per_nm3: Option<Decimal>,
    /// Operating hours in the period.
    pub hours: Option<Decimal>,
    /// Flue gas flow, average, 1000 Nm3/h.
    pub flue_gas_flow: Option<Decimal>,
    /// Fuel energy input of this source, fossil and biomass, TJ (for the fuel balance).
    #[serde(default)]
    pub energy_fossil_tj: Option<Decimal>,
    #[serde(default)]
    pub energy_bio_tj: Option<Decimal>,
    #[serde(default)]
    pub evidence: Vec<Evidence>,
}

/// Sheet C section 1, "manual entries" (TJ). Empty fields take the value computed from
/// sheet B (total) or stay empty (the split).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FuelBalance {
    #[serde(default)]
    pub total_tj: Option<Decimal>,
    #[serde(default)]
    pub cbam_goods_tj: Option<Decimal>,
    #[serde(default)]
    pub electricity_tj: Option<Decimal>,
    #[serde(default)]
    pub non_cbam_goods_tj: Option<Decimal>,
}

/// Sheet C section 2(a), "manual entries" (t CO2e). An entered value replaces the one
/// computed from sheet B; the installation's indirect emissions are only ever entered.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct GhgBalance {
    #[serde(default)]
    pub co2: Option<Decimal>,
    #[serde(default)]
    pub biomass: Option<Decimal>,
    #[serde(default)]
    pub n2o: Option<Decimal>,
    #[serde(default)]
    pub pfc: Option<Decimal>,
    #[serde(default)]
    pub indirect: Option<Decimal>,
}

/// "General information on data quality" (template `CONST_DataQuality`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum DataQualityLevel {
    MeasurementsAndAnalyses,
    MeasurementsAndNationalFactors,
    MeasurementsAndSectorFactors,
    MeasurementsAndInternationalFactors,
    MostlyDefaultValues,
}

/// "Information on quality assurance" (template `CONST_DataVerification`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum QualityAssurance {
    ThirdPartyVerification,
    InternalAudits,
    FourEyesPrinciple,
    None,
}

/// Sheet C section 2(c).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DataQualityInfo {
    #[serde(default)]
    pub general: Option<DataQualityLevel>,
    #[serde(default)]
    pub default_justification: Option<super::DefaultJustification>,
    #[serde(default)]
    pub quality_assurance: Option<QualityAssurance>,
}
