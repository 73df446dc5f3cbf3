//! Hand-checked cases of IR 2025/2547 Annex III: each expected number is worked out in the
//! comment above its assertion, not taken from the engine.

use athar_cbam::defaults::DefaultTable;
use athar_cbam::model::*;
use athar_cbam::result::{DefaultSource, Flag};
use athar_cbam::{compute, CalcError, DefaultValue, FunctionalUnit, GoodsCategory};
use rust_decimal::Decimal;

fn d(s: &str) -> Decimal {
    s.parse().unwrap()
}

fn installation(year: i32) -> Installation {
    Installation {
        about: InstallationInfo {
            name_en: "Test works".into(),
            country: "EG".into(),
            ..InstallationInfo::default()
        },
        reporting_period: ReportingPeriod::year(year).unwrap(),
        verifier: None,
        goods: vec![],
        source_streams: vec![],
        pfc_emissions: vec![],
        measured_sources: vec![],
        fuel_balance: FuelBalance::default(),
        ghg_balance: GhgBalance::default(),
        data_quality: DataQualityInfo::default(),
        processes: vec![],
        precursors: vec![],
        products: vec![],
        carbon_price_description: String::new(),
        additional_information: String::new(),
    }
}

fn process(id: &str, category: GoodsCategory, al: &str, dir_em: &str) -> Process {
    let mut p = Process::new(id, format!("Process {id}"), category);
    let route = category.routes().first().copied();
    p.production = vec![RouteAmount {
        route,
        amount: d(al),
    }];
    p.direct.entered = Some(d(dir_em));
    p
}

fn electricity(p: &mut Process, mwh: &str, ef: &str) {
    p.electricity.consumed_mwh = Some(d(mwh));
    p.electricity.ef = Some(d(ef));
    p.electricity.ef_source = Some(ElectricityEfSource::D4b);
}

fn product(id: &str, process: &str, cn: &str) -> Product {
    Product {
        id: id.into(),
        process: process.into(),
        cn_code: cn.into(),
        name: format!("Product {id}"),
        parameters: QualifyingParameters::default(),
        carbon_price: None,
        default_variant: None,
    }
}

fn given(
    id: &str,
    country: &str,
    consumer: &str,
    amount: &str,
    see_dir: &str,
) -> PurchasedPrecursor {
    PurchasedPrecursor {
        id: id.into(),
        name: format!("Precursor {id}"),
        category: GoodsCategory::CrudeSteel,
        country: Some(country.into()),
        routes: vec![],
        cn_code: Some("72071111".into()),
        purchased: vec![],
        consumption: vec![Consumption {
            process: consumer.into(),
            amount: d(amount),
        }],
        other_use: None,
        values: PrecursorValues::Given {
            see_direct: d(see_dir),
            direct_basis: ValueBasis::Measured,
            indirect: PrecursorIndirect {
                electricity_mwh_per_t: d("0.5"),
                electricity_basis: ValueBasis::Measured,
                ef: d("0.4"),
                ef_source: Some(ElectricityEfSource::Mix),
            },
        },
        default_justification: None,
        evidence: vec![],
    }
}

#[test]
fn heat_export_and_import_correct_direct_emissions() {
    let mut inst = installation(2026);
    let mut p1 = process("P1", GoodsCategory::UnwroughtAluminium, "100", "1000");
    p1.heat.exported_tj = Some(d("2"));
    p1.heat.exported_ef = Some(d("62.5"));
    let mut p2 = process("P2", GoodsCategory::AluminiumProducts, "200", "500");
    p2.heat.imported_tj = Some(d("4"));
    p2.heat.imported_ef = Some(d("70"));
    inst.processes = vec![p1, p2];
    let r = compute(&inst, None).unwrap();
    // P1: 1000 − 2 TJ × 62.5 = 875 t; / 100 t = 8.75
    assert_eq!(r.process("P1").unwrap().heat_export, d("125"));
    assert_eq!(r.process("P1").unwrap().attributed_direct, d("875"));
    assert_eq!(r.process("P1").unwrap().see_direct, d("8.75"));
    // P2: 500 + 4 TJ × 70 = 780 t; / 200 t = 3.9
    assert_eq!(r.process("P2").unwrap().attributed_direct, d("780"));
    assert_eq!(r.process("P2").unwrap().see_direct, d("3.9"));
    let n = r.get("process/P1/attr-direct").unwrap();
    assert_eq!(n.formula.substituted, "max(0, 1000 + 0 − 125 + 0 − 0 − 0)");
    assert!(n.children.contains(&"process/P1/heat-export".to_string()));
}

#[test]
fn waste_gases_use_the_natural_gas_factor_and_the_efficiency_correction() {
    let mut inst = installation(2026);
    let mut p1 = process("P1", GoodsCategory::PigIron, "1000", "10000");
    p1.waste_gas.exported_tj = Some(d("100"));
    let mut p2 = process("P2", GoodsCategory::CrudeSteel, "500", "2000");
    p2.waste_gas.imported_tj = Some(d("100"));
    inst.processes = vec![p1, p2];
    let r = compute(&inst, None).unwrap();
    // Equation 54: 100 TJ × 56.1 × 0.667 = 3741.87; 10000 − 3741.87 = 6258.13; / 1000
    assert_eq!(r.process("P1").unwrap().waste_gas_export, d("3741.87"));
    assert_eq!(r.process("P1").unwrap().see_direct, d("6.25813"));
    // Equation 53: 100 TJ × 56.1 = 5610; 2000 + 5610 = 7610; / 500 = 15.22
    assert_eq!(r.process("P2").unwrap().waste_gas_import, d("5610"));
    assert_eq!(r.process("P2").unwrap().see_direct, d("15.22"));
}

#[test]
fn internal_precursors_flow_down_a_chain_of_processes() {
    let mut inst = installation(2026);
    // Listed consumer first, to show the order of the list does not matter.
    let mut p3 = process("P3", GoodsCategory::IronOrSteelProducts, "400", "40");
    electricity(&mut p3, "40", "0.5");
    let mut p1 = process("P1", GoodsCategory::PigIron, "1000", "1800");
    electricity(&mut p1, "500", "0.5");
    p1.transfers = vec![Transfer {
        to: "P2".into(),
        amount: d("600"),
    }];
    p1.produced_for_market = Some(d("400"));
    let mut p2 = process("P2", GoodsCategory::CrudeSteel, "500", "100");
    electricity(&mut p2, "100", "0.5");
    p2.transfers = vec![Transfer {
        to: "P3".into(),
        amount: d("300"),
    }];
    inst.processes = vec![p3, p1, p2];
    inst.products = vec![product("1", "P3", "73181542")];
    let r = compute(&inst, None).unwrap();
    // P1: SEE_dir = 1800 / 1000 = 1.8; SEE_indir = 500 × 0.5 / 1000 = 0.25
    assert_eq!(r.process("P1").unwrap().see_direct, d("1.8"));
    assert_eq!(r.process("P1").unwrap().see_indirect, d("0.25"));
    // P2: (100 + 600 × 1.8) / 500 = 2.36; (50 + 600 × 0.25) / 500 = 0.4
    assert_eq!(r.process("P2").unwrap().see_direct, d("2.36"));
    assert_eq!(r.process("P2").unwrap().see_indirect, d("0.4"));
    // P3: (40 + 300 × 2.36) / 400 = 1.87; (20 + 300 × 0.4) / 400 = 0.35
    assert_eq!(r.process("P3").unwrap().see_direct, d("1.87"));
    assert_eq!(r.process("P3").unwrap().see_indirect, d("0.35"));
    assert_eq!(r.process("P3").unwrap().inputs[0].mass_share, d("0.75"));
    let p = r.product("1").unwrap();
    assert_eq!(
        (p.see_direct, p.see_indirect, p.see_total),
        (d("1.87"), d("0.35"), d("2.22"))
    );
    // Embedded electricity: P2 (100 + 600 × 0.5) / 500 = 0.8; P3 (40 + 300 × 0.8) / 400 = 0.7
    assert_eq!(p.embedded_electricity, Some(d("0.7")));
    assert_eq!(
        r.get("process/P3/see-direct").unwrap().formula.substituted,
        "(40 + 300 × 2.36) / 400"
    );
    // The explanation reaches P1's own attribution through P2.
    let ids = r.explain("product/1/see-direct").unwrap().ids();
    assert!(ids.contains("process/P1/attr-direct"), "{ids:?}");
}

fn clinker_table() -> DefaultTable {
    let mut t = DefaultTable::default();
    t.insert(DefaultValue {
        source: DefaultSource::AnnexI,
        activity: "cn:25231000-grey-clinker".into(),
        region: "EG".into(),
        via_fallback: false,
        direct: Some(d("1.24")),
        indirect: Some(d("0.03")),
        total: Some(d("1.27")),
        total_with_markup: None,
        citations: vec![
            "cbam-2621-annex-i/2621-I:EG:25231000-grey-clinker:direct@2026-02-04".into(),
        ],
    });
    t.insert(DefaultValue {
        source: DefaultSource::AnnexIv,
        activity: "cn:25231000-grey-clinker".into(),
        region: "WORLD".into(),
        via_fallback: false,
        direct: None,
        indirect: None,
        total: Some(d("1.44")),
        total_with_markup: None,
        citations: vec!["cbam-2621-annex-iv/2621-IV:25231000-grey-clinker:total@2025-12-31".into()],
    });
    t.insert_markup("cn:25231000-grey-clinker", "WORLD", 2027, d("1.728"));
    t
}

fn clinker_precursor(
    id: &str,
    country: Option<&str>,
    values: PrecursorValues,
    amount: &str,
) -> PurchasedPrecursor {
    PurchasedPrecursor {
        id: id.into(),
        name: format!("Clinker {id}"),
        category: GoodsCategory::CementClinker,
        country: country.map(str::to_string),
        routes: vec![],
        cn_code: Some("25231000".into()),
        purchased: vec![],
        consumption: vec![Consumption {
            process: "P1".into(),
            amount: d(amount),
        }],
        other_use: None,
        values,
        default_justification: Some(DefaultJustification::DataGaps),
        evidence: vec![],
    }
}

#[test]
fn precursors_at_default_values_carry_the_years_markup() {
    let mut inst = installation(2027);
    inst.processes = vec![process("P1", GoodsCategory::Cement, "1000", "200")];
    let variant = Some("grey-clinker".to_string());
    inst.precursors = vec![clinker_precursor(
        "PP1",
        Some("EG"),
        PrecursorValues::CountryDefault {
            variant: variant.clone(),
        },
        "700",
    )];
    inst.products = vec![product("1", "P1", "25232900")];
    assert!(matches!(
        compute(&inst, None),
        Err(CalcError::DefaultsUnavailable { .. })
    ));
    let table = clinker_table();
    let r = compute(&inst, Some(&table)).unwrap();
    // 2027 mark-up for cement is 20 %: 1.24 × 1.2 = 1.488 and 0.03 × 1.2 = 0.036 per t.
    let pp = r.precursor("PP1").unwrap();
    assert_eq!((pp.see_direct, pp.see_indirect), (d("1.488"), d("0.036")));
    // SEE_dir = (200 + 700 × 1.488) / 1000 = 1.2416; SEE_indir = 700 × 0.036 / 1000 = 0.0252
    let p = r.product("1").unwrap();
    assert_eq!((p.see_direct, p.see_indirect), (d("1.2416"), d("0.0252")));
    // Share from defaults: (1041.6 + 25.2) / (1241.6 + 25.2) = 1066.8 / 1266.8
    assert_eq!(p.default_share, d("1066.8") / d("1266.8"));
    assert_eq!(p.default_share_direct, d("1041.6") / d("1241.6"));
    let n = r.get("precursor/PP1/see-direct").unwrap();
    assert_eq!(n.formula.substituted, "1.24 × 1.2");
    assert!(n.factors[0].starts_with("cbam-2621-annex-i/"));
    assert!(n.flags.contains(&Flag::DefaultValue {
        source: DefaultSource::AnnexI,
        region: Some("EG".into()),
        markup: Some(d("0.2")),
    }));

    // Origin unknown: the Annex IV total with the 2027 mark-up (1.728), counted as direct.
    inst.precursors = vec![clinker_precursor(
        "PP1",
        None,
        PrecursorValues::UnknownOriginDefault { variant },
        "700",
    )];
    let r = compute(&inst, Some(&table)).unwrap();
    // (200 + 700 × 1.728) / 1000 = 1.4096
    assert_eq!(r.product("1").unwrap().see_direct, d("1.4096"));
    assert_eq!(r.product("1").unwrap().see_indirect, d("0"));
    assert!(r
        .get("precursor/PP1/see-direct")
        .unwrap()
        .flags
        .contains(&Flag::TotalOnlyCountedAsDirect));
}

#[test]
fn fertiliser_see_per_tonne_follows_the_nitrogen_content() {
    let mut inst = installation(2026);
    // 1000 t of urea at 46 % N: AL = 460 000 kg N.
    let mut p = process("P1", GoodsCategory::Urea, "460000", "700");
    p.functional_unit = FunctionalUnit::KilogramNitrogen;
    electricity(&mut p, "1000", "0.4");
    inst.processes = vec![p];
    let mut urea = product("1", "P1", "31021010");
    urea.parameters.n_contained = Some(d("0.46"));
    let mut weak = product("2", "P1", "31021090");
    weak.parameters.n_contained = Some(d("0.40"));
    inst.products = vec![urea, weak];
    let r = compute(&inst, None).unwrap();
    // Per kg N: 700 / 460 000 direct, 400 / 460 000 indirect.
    let proc_ = r.process("P1").unwrap();
    assert_eq!(proc_.see_direct, d("700") / d("460000"));
    // Equation 65: × 460 kg N/t → 0.7 and 0.4 t CO2e/t; × 400 kg N/t → 0.6087 and 0.3478.
    let round = |v: Decimal| v.round_dp(12);
    let p1 = r.product("1").unwrap();
    assert_eq!(
        (round(p1.see_direct), round(p1.see_indirect)),
        (d("0.7"), d("0.4"))
    );
    assert_eq!(p1.content_factor, Some(d("460")));
    let p2 = r.product("2").unwrap();
    assert_eq!(
        round(p2.see_direct),
        round(d("700") * d("400") / d("460000"))
    );
    assert_eq!(
        round(p2.see_total),
        round(d("1100") * d("400") / d("460000"))
    );
    assert_eq!(r.get("product/1/see-direct").unwrap().unit, "tCO2e/t");
    // The N content is required for such a process.
    inst.products[1].parameters.n_contained = None;
    let Err(CalcError::Invalid(errors)) = compute(&inst, None) else {
        panic!("missing N content must be rejected");
    };
    assert_eq!(errors[0].field, "products.1.parameters.n_contained");
}

#[test]
fn a_precursor_cycle_is_rejected() {
    let mut inst = installation(2026);
    let mut p1 = process("P1", GoodsCategory::PigIron, "100", "10");
    p1.transfers = vec![Transfer {
        to: "P2".into(),
        amount: d("10"),
    }];
    let mut p2 = process("P2", GoodsCategory::CrudeSteel, "100", "10");
    p2.transfers = vec![Transfer {
        to: "P3".into(),
        amount: d("10"),
    }];
    let mut p3 = process("P3", GoodsCategory::IronOrSteelProducts, "100", "10");
    p3.transfers = vec![Transfer {
        to: "P1".into(),
        amount: d("5"),
    }];
    inst.processes = vec![p1, p2, p3];
    let err = compute(&inst, None).unwrap_err();
    assert_eq!(err.key(), "cbam-error-cycle");
    let CalcError::PrecursorCycle { processes } = err else {
        panic!("expected a cycle");
    };
    assert_eq!(processes.first(), processes.last());
    assert_eq!(processes.len(), 4, "{processes:?}");
}

#[test]
fn precursors_from_the_eu_count_zero() {
    let mut inst = installation(2026);
    inst.processes = vec![process(
        "P1",
        GoodsCategory::IronOrSteelProducts,
        "100",
        "0",
    )];
    inst.precursors = vec![
        given("PP1", "DE", "P1", "100", "2.0"),
        given("PP2", "TR", "P1", "100", "2.0"),
    ];
    let r = compute(&inst, None).unwrap();
    // Only the Turkish steel counts: 100 × 2.0 / 100 = 2; indirect 100 × 0.5 × 0.4 / 100 = 0.2
    let p = r.process("P1").unwrap();
    assert_eq!((p.see_direct, p.see_indirect), (d("2"), d("0.2")));
    assert!(r.precursor("PP1").unwrap().zero_rated);
    assert!(r
        .get("precursor/PP1/see-direct")
        .unwrap()
        .flags
        .contains(&Flag::ZeroRatedOrigin {
            country: "DE".into()
        }));
    // Norway is outside CBAM too (Reg. 2023/956 Annex III).
    inst.precursors[1].country = Some("NO".into());
    assert_eq!(
        compute(&inst, None)
            .unwrap()
            .process("P1")
            .unwrap()
            .see_direct,
        d("0")
    );
}

#[test]
fn negative_attributed_emissions_are_set_to_zero() {
    let mut inst = installation(2026);
    let mut p = process("P1", GoodsCategory::UnwroughtAluminium, "100", "100");
    // Exported electricity: 1000 MWh × 0.5 = 500 t > 100 t DirEm*.
    p.electricity.exported_mwh = Some(d("1000"));
    p.electricity.exported_ef = Some(d("0.5"));
    inst.processes = vec![p];
    let r = compute(&inst, None).unwrap();
    let proc_ = r.process("P1").unwrap();
    assert_eq!(proc_.electricity_export, d("500"));
    assert_eq!(proc_.attributed_direct, d("0"));
    assert_eq!(proc_.see_direct, d("0"));
    assert!(r
        .get("process/P1/attr-direct")
        .unwrap()
        .flags
        .contains(&Flag::ClampedToZero {
            computed: d("-400")
        }));
}

#[test]
fn every_see_explains_down_to_the_source_stream_factor_and_document() {
    let mut inst = installation(2026);
    inst.source_streams = vec![SourceStream {
        id: "S1".into(),
        method: MonitoringMethod::Combustion,
        name: "Natural gas".into(),
        activity_data: Some(d("1000")),
        activity_unit: ActivityUnit::ThousandNm3,
        ncv: Some(d("34.8")),
        ef: Some(d("56.1")),
        ef_unit: Some(EfUnit::TCo2PerTj),
        carbon_content: None,
        oxidation_factor_pct: None,
        conversion_factor_pct: None,
        biomass_pct: None,
        factors: vec!["ir2025-2547-standard-factors/2547-G1:natural-gas:ef@2025-12-22".into()],
        evidence: vec![Evidence {
            document_id: "gas-bill-2026-03".into(),
            page: Some(2),
        }],
    }];
    let mut p = process("P1", GoodsCategory::CrudeSteel, "1000", "0");
    p.direct = DirectEmissions {
        entered: None,
        sources: vec![SourceShare {
            source: "S1".into(),
            share: d("0.5"),
        }],
    };
    inst.processes = vec![p];
    inst.products = vec![product("1", "P1", "72061000")];
    let r = compute(&inst, None).unwrap();
    // S1: 1000 × 34.8 / 1000 × 56.1 = 1952.28 t; half of it / 1000 t = 0.97614
    assert_eq!(r.value("source/S1"), Some(d("1952.28")));
    assert_eq!(r.product("1").unwrap().see_direct, d("0.97614"));
    let e = r.explain("product/1/see-direct").unwrap();
    assert!(e.ids().contains("source/S1"));
    assert!(e
        .factors()
        .contains("ir2025-2547-standard-factors/2547-G1:natural-gas:ef@2025-12-22"));
    assert_eq!(
        e.evidence().into_iter().next().unwrap().document_id,
        "gas-bill-2026-03"
    );
    assert_eq!(
        r.get("source/S1").unwrap().formula.substituted,
        "1000 × 34.8 / 1000 × 56.1 × 1 × (1 − 0)"
    );
    // Installation totals come from the sources.
    assert_eq!(r.installation.total_direct, d("1952.28"));
    assert_eq!(r.installation.attributed_direct, d("976.14"));
}

#[test]
fn results_serialise_identically_every_time() {
    let inst = athar_cbam::synthetic::synthetic_installation(
        &athar_cbam::synthetic::SyntheticSpec::new(10, 20, 50),
    );
    let a = serde_json::to_string(&compute(&inst, None).unwrap()).unwrap();
    let b = serde_json::to_string(&compute(&inst, None).unwrap()).unwrap();
    assert_eq!(a, b);
    // Model JSON round trip, decimals as strings.
    let json = serde_json::to_string(&inst).unwrap();
    let back: Installation = serde_json::from_str(&json).unwrap();
    assert_eq!(back, inst);
    assert!(json.contains("\"activity_data\":\"2000\""));
}

#[test]
fn each_good_is_compared_with_its_default_and_priced_in_certificates() {
    use athar_cbam::compare_with_defaults;
    let mut inst = installation(2026);
    let mut cement = process("P1", GoodsCategory::Cement, "1000", "800");
    electricity(&mut cement, "100", "0.5");
    let steel = process("P2", GoodsCategory::IronOrSteelProducts, "100", "150");
    inst.processes = vec![cement, steel];
    inst.products = vec![
        product("1", "P1", "25232900"),
        product("2", "P2", "73181542"),
        product("3", "P2", "72085120"),
    ];
    let mut table = DefaultTable::default();
    for (activity, region, dir, ind, tot) in [
        ("cn:25232900", "EG", Some("1.24"), Some("0.05"), "1.29"),
        ("cn:7318", "OTHER", Some("3.962"), None, "3.962"),
    ] {
        table.insert(DefaultValue {
            source: DefaultSource::AnnexI,
            activity: activity.into(),
            region: region.into(),
            via_fallback: false,
            direct: dir.map(d),
            indirect: ind.map(d),
            total: Some(d(tot)),
            total_with_markup: None,
            citations: vec![],
        });
    }
    table.insert_markup("cn:25232900", "EG", 2026, d("1.419"));
    let r = compute(&inst, None).unwrap();
    let cmp = compare_with_defaults(&inst, &r, &table, Some(d("80"))).unwrap();

    // Cement: actual 0.8 + 0.05 = 0.85 t/t; default 1.29, 1.419 with the 2026 mark-up.
    let c = &cmp[0];
    assert_eq!(c.actual_total, d("0.85"));
    assert_eq!(c.difference_total, Some(d("-0.44")));
    assert_eq!(c.difference_total_with_markup, Some(d("-0.569")));
    // Indirect emissions count for cement: certificates for 0.85 t vs 1.419 t, at 80 €/t.
    assert_eq!(
        (c.chargeable_actual, c.chargeable_default),
        (d("0.85"), Some(d("1.419")))
    );
    assert_eq!(
        (c.cost_actual, c.cost_default),
        (Some(d("68")), Some(d("113.52")))
    );
    assert_eq!(c.saving, Some(d("45.52")));

    // Screws (Egypt has no own value, heading 7318 of "other countries"): direct only,
    // 1.5 t/t actual vs 3.962 × 1.1 = 4.3582 t/t default.
    let s = &cmp[1];
    assert!(s.default.as_ref().unwrap().via_fallback);
    assert_eq!(s.markup_rate, d("0.1"));
    assert_eq!(
        (s.chargeable_actual, s.chargeable_default),
        (d("1.5"), Some(d("4.3582")))
    );
    assert_eq!(s.cost_default, Some(d("348.656")));
    assert_eq!(s.difference_indirect, None);

    // No default for this code in the table: the comparison says so, and prices nothing.
    let n = &cmp[2];
    assert!(n.default.is_none());
    assert_eq!(
        n.lookup_error.as_ref().unwrap().key(),
        "cbam-default-not-found"
    );
    assert_eq!((n.cost_actual, n.cost_default), (Some(d("120")), None));
}
