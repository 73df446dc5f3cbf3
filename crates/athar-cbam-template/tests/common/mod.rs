//! Paths to the official workbooks (read in place, never copied) and a model that uses every
//! part of the template.

#![allow(dead_code)]

use athar_cbam::defaults::DefaultTable;
use athar_cbam::model::*;
use athar_cbam::result::DefaultSource;
use athar_cbam::synthetic::{synthetic_installation, SyntheticSpec};
use athar_cbam::{DefaultValue, GoodsCategory, ProductionRoute};
use rust_decimal::Decimal;

pub const REFERENCE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/reference/");

pub fn reference(path: &str) -> Vec<u8> {
    let full = format!("{REFERENCE}{path}");
    std::fs::read(&full).unwrap_or_else(|e| panic!("{full}: {e}"))
}

pub fn blank() -> Vec<u8> {
    reference("cbam/template/CBAM Communication template for installations_en_20241213.xlsx")
}

pub const EXAMPLES: [&str; 3] = [
    "cbam/examples/1 CBAM SEE V2.1_Example Cement_final.xlsx",
    "cbam/examples/4 CBAM SEE V2.1_Example Steel 3 Screws and nuts_final.xlsx",
    "cbam/examples/6 CBAM SEE V2.1_Example Aluminium_final.xlsx",
];

pub fn d(s: &str) -> Decimal {
    s.parse().unwrap()
}

/// Annex I value for the crude steel of `rich()`'s default-valued precursor.
pub fn defaults() -> DefaultTable {
    let mut t = DefaultTable::default();
    t.insert(DefaultValue {
        source: DefaultSource::AnnexI,
        activity: "cn:72071111".into(),
        region: "OTHER".into(),
        via_fallback: false,
        direct: Some(d("3.996")),
        indirect: Some(d("0.1")),
        total: Some(d("4.096")),
        total_with_markup: None,
        citations: vec!["test/2621-I:OTHER:72071111@x".into()],
    });
    t
}

/// A synthetic installation filled out with every kind of input the template has.
pub fn rich() -> Installation {
    let mut inst = synthetic_installation(&SyntheticSpec::new(3, 3, 4));
    inst.about.name = "مصنع الصلب".into();
    inst.about.street = "Industrial zone 4".into();
    inst.about.post_code = "21500".into();
    inst.about.representative = Contact {
        name: "Mona Adel".into(),
        email: "mona@example.com".into(),
        telephone: "+20 3 1234567".into(),
    };
    inst.verifier = Some(Verifier {
        company_name: "Verify GmbH".into(),
        city: "Berlin".into(),
        country: "Germany".into(),
        accreditation_number: "D-VS-1234".into(),
        ..Verifier::default()
    });
    inst.goods[0].routes = vec![ProductionRoute::BasicOxygenSteelmaking];
    inst.pfc_emissions = vec![PfcEmission {
        id: "F".into(),
        method: PfcMethod::Overvoltage,
        technology: "Point Feed Prebake".into(),
        aluminium_t: Some(d("1000")),
        anode_effect_frequency: None,
        anode_effect_duration: None,
        sef_cf4: None,
        aeo: Some(d("1.5")),
        current_efficiency: Some(d("0.94")),
        ovc: Some(d("1.16")),
        f_c2f6: Some(d("0.121")),
        collection_efficiency: Some(d("0.98")),
        evidence: vec![],
    }];
    inst.measured_sources = vec![MeasuredSource {
        id: "CEMS".into(),
        name: "Kiln stack".into(),
        gas: MeasuredGas::Co2,
        biomass_pct: Some(d("5")),
        concentration_g_per_nm3: Some(d("180")),
        hours: Some(d("8000")),
        flue_gas_flow: Some(d("12.5")),
        energy_fossil_tj: Some(d("40")),
        energy_bio_tj: Some(d("2")),
        evidence: vec![],
    }];
    inst.fuel_balance = FuelBalance {
        total_tj: None,
        cbam_goods_tj: Some(d("200")),
        electricity_tj: Some(d("0")),
        non_cbam_goods_tj: Some(d("10")),
    };
    inst.ghg_balance.indirect = Some(d("81000"));
    inst.data_quality = DataQualityInfo {
        general: Some(DataQualityLevel::MeasurementsAndInternationalFactors),
        default_justification: Some(DefaultJustification::DataGaps),
        quality_assurance: Some(QualityAssurance::InternalAudits),
    };
    inst.processes[1].heat = HeatFlows {
        imported_tj: Some(d("12")),
        imported_ef: Some(d("62.3")),
        exported_tj: Some(d("3")),
        exported_ef: Some(d("70")),
    };
    inst.processes[2].waste_gas = WasteGasFlows {
        imported_tj: Some(d("4")),
        exported_tj: None,
        imported_ef: Some(d("260")),
        exported_ef: None,
    };
    inst.processes[2].electricity.exported_mwh = Some(d("100"));
    inst.processes[2].electricity.exported_ef = Some(d("0.6"));
    inst.processes[0].included = vec![GoodsCategory::PigIron];
    // A default-valued precursor from a country without its own Annex I value.
    inst.precursors.push(PurchasedPrecursor {
        id: "PP-default".into(),
        name: "Billets of unknown mill".into(),
        category: GoodsCategory::CrudeSteel,
        country: Some("TR".into()),
        routes: vec![],
        cn_code: Some("72071111".into()),
        purchased: vec![RouteAmount {
            route: Some(ProductionRoute::Unknown),
            amount: d("500"),
        }],
        consumption: vec![Consumption {
            process: "P2".into(),
            amount: d("500"),
        }],
        other_use: None,
        values: PrecursorValues::CountryDefault { variant: None },
        default_justification: Some(DefaultJustification::UnreasonableCosts),
        evidence: vec![],
    });
    let p = &mut inst.products[1].parameters;
    p.reducing_agent = Some(ReducingAgent::NaturalGas);
    p.steel_mill_id = "EG-123".into();
    p.mn = Some(d("0.014"));
    p.cr = Some(d("0.18"));
    inst.products[1].carbon_price = Some(CarbonPricePaid {
        instrument: Some(CarbonPriceInstrument::CarbonTax),
        share_covered: Some(d("0.5")),
        currency: "EGP".into(),
        amount_per_unit: Some(d("120")),
        rebate: Some(RebateType::TaxDeduction),
        rebate_share: Some(d("0.1")),
        rebate_per_unit: Some(d("20")),
    });
    inst.carbon_price_description = "Egyptian carbon tax".into();
    inst.additional_information = "Synthetic test data".into();
    inst
}
