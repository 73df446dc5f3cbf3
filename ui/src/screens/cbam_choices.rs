//! The enumerations of the CBAM model as choices in the guided flow: a stable id for the
//! `<option>` value and the Fluent key of the name shown. The ids are the model's own serde
//! names where it has them, so nothing here has to agree with a second list.

use athar_cbam::model::{
    ActivityUnit, CarbonPriceInstrument, DataQualityLevel, DefaultJustification, EfUnit,
    ElectricityEfSource, MeasuredGas, MonitoringMethod, PfcMethod, QualityAssurance, RebateType,
    ReducingAgent, ValueBasis,
};
use athar_cbam::{FunctionalUnit, GoodsCategory, ProductionRoute};

use crate::i18n::t;
use crate::screens::cbam_form::Pick;

impl Pick for GoodsCategory {
    fn all() -> Vec<Self> {
        GoodsCategory::ALL.to_vec()
    }
    fn id(self) -> &'static str {
        GoodsCategory::id(self)
    }
    fn label(self) -> String {
        t(self.key())
    }
}

impl Pick for ProductionRoute {
    fn all() -> Vec<Self> {
        let mut all: Vec<ProductionRoute> = GoodsCategory::ALL
            .iter()
            .flat_map(|g| g.routes().iter().copied())
            .collect();
        all.sort();
        all.dedup();
        all
    }
    fn id(self) -> &'static str {
        ProductionRoute::id(self)
    }
    fn label(self) -> String {
        t(self.key())
    }
}

/// Pick impls for enums whose ids and keys are listed here, in the template's order.
macro_rules! picks {
    ($($ty:ty { $($v:ident => $id:literal, $key:literal;)+ })+) => {$(
        impl Pick for $ty {
            fn all() -> Vec<Self> {
                vec![$(<$ty>::$v),+]
            }
            fn id(self) -> &'static str {
                match self { $(<$ty>::$v => $id),+ }
            }
            fn label(self) -> String {
                match self { $(<$ty>::$v => t($key)),+ }
            }
        }
    )+};
}

picks! {
    FunctionalUnit {
        Tonne => "tonne", "cbam-w-fu-tonne";
        Megawatthour => "megawatthour", "cbam-w-fu-mwh";
        TonneClinker => "tonne-clinker", "cbam-w-fu-tonne-clinker";
        KilogramNitrogen => "kilogram-nitrogen", "cbam-w-fu-kg-n";
    }
    MonitoringMethod {
        Combustion => "combustion", "cbam-w-method-combustion";
        ProcessEmissions => "process-emissions", "cbam-w-method-process";
        MassBalance => "mass-balance", "cbam-w-method-mass-balance";
    }
    ActivityUnit {
        Tonne => "tonne", "cbam-w-unit-t";
        ThousandNm3 => "thousand-nm3", "cbam-w-unit-1000nm3";
    }
    EfUnit {
        TCo2PerTj => "t-co2-per-tj", "cbam-w-ef-per-tj";
        TCo2PerTonne => "t-co2-per-tonne", "cbam-w-ef-per-t";
        TCo2PerThousandNm3 => "t-co2-per-thousand-nm3", "cbam-w-ef-per-1000nm3";
    }
    PfcMethod {
        Slope => "slope", "cbam-w-pfc-slope";
        Overvoltage => "overvoltage", "cbam-w-pfc-overvoltage";
    }
    MeasuredGas {
        Co2 => "CO2", "cbam-w-gas-co2";
        N2o => "N2O", "cbam-w-gas-n2o";
    }
    ElectricityEfSource {
        D4a => "D.4(a)", "cbam-ef-source-d4a";
        D4b => "D.4(b)", "cbam-ef-source-d4b";
        D41 => "D.4.1", "cbam-ef-source-d41";
        D42 => "D.4.2", "cbam-ef-source-d42";
        D431 => "D.4.3.1", "cbam-ef-source-d431";
        D432 => "D.4.3.2", "cbam-ef-source-d432";
        Mix => "Mix", "cbam-ef-source-mix"; // i18n-ok: the option id, not shown
    }
    ValueBasis {
        Measured => "measured", "cbam-w-basis-measured";
        Default => "default", "cbam-w-basis-default";
        Unknown => "unknown", "cbam-w-basis-unknown";
    }
    DefaultJustification {
        UnreasonableCosts => "unreasonable-costs", "cbam-w-why-costs";
        DataGaps => "data-gaps", "cbam-w-why-gaps";
        Other => "other", "cbam-w-why-other";
    }
    DataQualityLevel {
        MeasurementsAndAnalyses => "measurements-and-analyses", "cbam-w-dq-analyses";
        MeasurementsAndNationalFactors => "measurements-and-national-factors", "cbam-w-dq-national";
        MeasurementsAndSectorFactors => "measurements-and-sector-factors", "cbam-w-dq-sector";
        MeasurementsAndInternationalFactors => "measurements-and-international-factors", "cbam-w-dq-international";
        MostlyDefaultValues => "mostly-default-values", "cbam-w-dq-defaults";
    }
    QualityAssurance {
        ThirdPartyVerification => "third-party-verification", "cbam-w-qa-third-party";
        InternalAudits => "internal-audits", "cbam-w-qa-internal";
        FourEyesPrinciple => "four-eyes-principle", "cbam-w-qa-four-eyes";
        None => "none", "cbam-w-qa-none";
    }
    CarbonPriceInstrument {
        None => "none", "cbam-w-cp-none";
        CarbonTax => "carbon-tax", "cbam-w-cp-tax";
        CarbonLevy => "carbon-levy", "cbam-w-cp-levy";
        CarbonFee => "carbon-fee", "cbam-w-cp-fee";
        NationalEts => "national-ets", "cbam-w-cp-national-ets";
        RegionalEts => "regional-ets", "cbam-w-cp-regional-ets";
        Combination => "combination", "cbam-w-cp-combination";
        Other => "other", "cbam-w-cp-other";
    }
    RebateType {
        None => "none", "cbam-w-rebate-none";
        FreeAllocation => "free-allocation", "cbam-w-rebate-free-allocation";
        FinancialCompensation => "financial-compensation", "cbam-w-rebate-compensation";
        TaxDeduction => "tax-deduction", "cbam-w-rebate-tax-deduction";
        Combination => "combination", "cbam-w-rebate-combination";
        Other => "other", "cbam-w-rebate-other";
    }
    ReducingAgent {
        CoalOrCoke => "coal-or-coke", "cbam-w-agent-coal";
        NaturalGas => "natural-gas", "cbam-w-agent-gas";
        Biogas => "biogas", "cbam-w-agent-biogas";
        Hydrogen => "hydrogen", "cbam-w-agent-hydrogen";
    }
}
