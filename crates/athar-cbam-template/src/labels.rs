//! The texts the English template writes into its drop-down cells, and the model values they
//! stand for, in both directions.
//!
//! Why this module exists: the template's formulas match these exact strings (one of them,
//! "Calcined clays ", with its trailing space), so the writer must produce them byte for byte
//! and the reader must recognise them. Reading compares trimmed, case-insensitively.

use athar_cbam::goods::{GoodsCategory as G, ProductionRoute as R};
use athar_cbam::model::{
    ActivityUnit, CarbonPriceInstrument, DataQualityLevel, DefaultJustification, EfUnit,
    MeasuredGas, MonitoringMethod, PfcMethod, QualityAssurance, RebateType, ReducingAgent,
    ValueBasis,
};

/// A two-way table.
pub struct Labels<T: 'static>(pub &'static [(T, &'static str)]);

impl<T: Copy + PartialEq> Labels<T> {
    pub fn label(&self, value: T) -> &'static str {
        self.0
            .iter()
            .find(|(v, _)| *v == value)
            .map(|(_, l)| *l)
            .unwrap_or_default()
    }

    pub fn parse(&self, text: &str) -> Option<T> {
        let t = text.trim();
        self.0
            .iter()
            .find(|(_, l)| l.trim().eq_ignore_ascii_case(t))
            .map(|(v, _)| *v)
    }
}

pub const GOODS: Labels<G> = Labels(&[
    (G::Cement, "Cement"),
    (G::CementClinker, "Cement clinker"),
    (G::CalcinedClays, "Calcined clays "),
    (G::AluminousCement, "Aluminous cement"),
    (G::IronOrSteelProducts, "Iron or steel products"),
    (G::CrudeSteel, "Crude steel"),
    (G::DirectReducedIron, "Direct reduced iron"),
    (G::PigIron, "Pig iron"),
    (G::Alloys, "Alloys (FeMn, FeCr, FeNi)"),
    (G::SinteredOre, "Sintered Ore"),
    (G::Hydrogen, "Hydrogen"),
    (G::Ammonia, "Ammonia"),
    (G::NitricAcid, "Nitric acid"),
    (G::Urea, "Urea"),
    (G::MixedFertilisers, "Mixed fertilisers"),
    (G::AluminiumProducts, "Aluminium products"),
    (G::UnwroughtAluminium, "Unwrought aluminium"),
    (G::Electricity, "Electricity (export to EU)"),
]);

pub const ROUTES: Labels<R> = Labels(&[
    (R::BasicOxygenSteelmaking, "Basic oxygen steelmaking"),
    (R::ElectricArcFurnace, "Electric arc furnace"),
    (R::BlastFurnace, "Blast furnace route"),
    (R::SmeltingReduction, "Smelting reduction"),
    (
        R::SteamReformingPartialOxidation,
        "Steam reforming and partial oxidation",
    ),
    (R::ElectrolysisOfWater, "Electrolysis of water"),
    (
        R::ChlorAlkaliElectrolysis,
        "Chlor-Alkali electrolysis and production of chlorates",
    ),
    (
        R::HaberBoschSteamReforming,
        "Haber-Bosch process with steam reforming of natural gas or biogas",
    ),
    (
        R::HaberBoschGasification,
        "Haber-Bosch process with gasification of coal or other fuels",
    ),
    (R::PrimarySmelting, "Primary (electrolytic) smelting"),
    (R::SecondaryMelting, "Secondary melting (recycling)"),
    (R::Other, "Other production routes"),
    (R::Unknown, "Unknown production routes"),
]);

/// A process's "included goods categories" when it makes only its own category.
pub const ONLY_DIRECT_PRODUCTION: &str = "Only direct production";

pub const METHODS: Labels<MonitoringMethod> = Labels(&[
    (MonitoringMethod::Combustion, "Combustion"),
    (MonitoringMethod::ProcessEmissions, "Process emissions"),
    (MonitoringMethod::MassBalance, "Mass Balance"),
]);

pub const ACTIVITY_UNITS: Labels<ActivityUnit> = Labels(&[
    (ActivityUnit::Tonne, "t"),
    (ActivityUnit::ThousandNm3, "1000Nm3"),
]);

pub const EF_UNITS: Labels<EfUnit> = Labels(&[
    (EfUnit::TCo2PerTj, "tCO2/TJ"),
    (EfUnit::TCo2PerTonne, "tCO2/t"),
    (EfUnit::TCo2PerThousandNm3, "tCO2/1000Nm3"),
]);

pub const PFC_METHODS: Labels<PfcMethod> = Labels(&[
    (PfcMethod::Slope, "Slope method"),
    (PfcMethod::Overvoltage, "Overvoltage method"),
]);

pub const GASES: Labels<MeasuredGas> =
    Labels(&[(MeasuredGas::Co2, "CO2"), (MeasuredGas::N2o, "N2O")]);

pub const DATA_QUALITY: Labels<DataQualityLevel> = Labels(&[
    (
        DataQualityLevel::MeasurementsAndAnalyses,
        "Mostly measurements & analyses",
    ),
    (
        DataQualityLevel::MeasurementsAndNationalFactors,
        "Mostly measurements & national standard factors for e.g. the emission factor",
    ),
    (
        DataQualityLevel::MeasurementsAndSectorFactors,
        "Mostly measurements & sector-specific standard factors for e.g. the emission factor",
    ),
    (
        DataQualityLevel::MeasurementsAndInternationalFactors,
        "Mostly measurements & international standard factors for e.g. the emission factor",
    ),
    (
        DataQualityLevel::MostlyDefaultValues,
        "Mostly default values provided by the European Commission",
    ),
]);

pub const QUALITY_ASSURANCE: Labels<QualityAssurance> = Labels(&[
    (
        QualityAssurance::ThirdPartyVerification,
        "Third-party verification",
    ),
    (QualityAssurance::InternalAudits, "Internal audits"),
    (QualityAssurance::FourEyesPrinciple, "Four eyes principle"),
    (QualityAssurance::None, "None"),
]);

pub const JUSTIFICATIONS: Labels<DefaultJustification> = Labels(&[
    (
        DefaultJustification::UnreasonableCosts,
        "Unreasonable costs for more accurate monitoring",
    ),
    (DefaultJustification::DataGaps, "Data gaps"),
    (DefaultJustification::Other, "Other"),
]);

pub const BASES: Labels<ValueBasis> = Labels(&[
    (ValueBasis::Measured, "Measured"),
    (ValueBasis::Default, "Default"),
    (ValueBasis::Unknown, "Unknown"),
]);

pub const REDUCING_AGENTS: Labels<ReducingAgent> = Labels(&[
    (ReducingAgent::CoalOrCoke, "Coal or coke"),
    (ReducingAgent::NaturalGas, "Natural gas"),
    (ReducingAgent::Biogas, "Biogas"),
    (ReducingAgent::Hydrogen, "Hydrogen"),
]);

pub const INSTRUMENTS: Labels<CarbonPriceInstrument> = Labels(&[
    (CarbonPriceInstrument::None, "None"),
    (CarbonPriceInstrument::CarbonTax, "Carbon Tax"),
    (CarbonPriceInstrument::CarbonLevy, "Carbon Levy"),
    (CarbonPriceInstrument::CarbonFee, "Carbon Fee"),
    (
        CarbonPriceInstrument::NationalEts,
        "National Emissions Trading System",
    ),
    (
        CarbonPriceInstrument::RegionalEts,
        "Regional Emissions Trading System",
    ),
    (CarbonPriceInstrument::Combination, "Combination"),
    (CarbonPriceInstrument::Other, "Other"),
]);

pub const REBATES: Labels<RebateType> = Labels(&[
    (RebateType::None, "None"),
    (RebateType::FreeAllocation, "Free allocation"),
    (RebateType::FinancialCompensation, "Financial compensation"),
    (RebateType::TaxDeduction, "Tax deduction"),
    (RebateType::Combination, "Combination"),
    (RebateType::Other, "Other"),
]);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_category_and_route_has_a_label() {
        for g in G::ALL {
            assert!(!GOODS.label(g).is_empty());
            assert_eq!(GOODS.parse(GOODS.label(g)), Some(g));
            for r in g.routes() {
                assert_eq!(ROUTES.parse(ROUTES.label(*r)), Some(*r));
            }
        }
        assert_eq!(GOODS.parse("calcined clays"), Some(G::CalcinedClays));
        assert_eq!(GOODS.label(G::CalcinedClays), "Calcined clays ");
    }
}
