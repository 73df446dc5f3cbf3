//! Hand-checked inventory calculations: every expected number is worked out in a comment from
//! the factor rows cited, then compared exactly (full precision, no rounding).

use std::collections::BTreeMap;
use std::str::FromStr;

use athar_factors::{FactorKey, GwpBasis, Pack};
use athar_inventory::{
    compute, ActivityEntry, ActivityKind, Amount, Combustion, DataQuality, EntryErrorKind,
    Evidence, FactorSet, Flag, Granularity, Gwp, Instrument, InstrumentKind, Inventory,
    InventoryError, InventoryInput, Money, Origin, Period, SourceKind, SpendFactor,
};
use athar_quantity::{Quantity, Rate, Unit, VolumeNormalisation};
use rust_decimal::Decimal;
use time::macros::date;

fn d(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

fn strs(v: &[std::sync::Arc<str>]) -> Vec<&str> {
    v.iter().map(|s| &**s).collect()
}

fn q(s: &str) -> Quantity {
    s.parse().unwrap()
}

const HEADER: &str = "id,pack,version,activity,parameter,route,region,valid_from,valid_to,value,unit,gas,gwp_basis,source,source_ref,licence,notes";

/// The company's own factors: the NCV printed on its gas bills (company-specific data).
fn company_pack() -> Pack {
    let text = format!(
        "{HEADER}\n\
         bill-ncv-ng,company-factors,1,fuel:natural-gas,ncv,,EG,,,0.0345,GJ/Nm3,n.a.,n.a.,Gas supplier bill,\"Bill 2026-01, line 'Net calorific value 34.5 MJ/Nm3'\",company data,\n"
    );
    Pack::from_csv(
        "company-factors",
        "1",
        "Company factors",
        None,
        "company.csv",
        &text,
    )
    .unwrap()
}

/// An illustrative spend-based factor (NOT a published value), flagged default.
fn spend_factors() -> Vec<SpendFactor> {
    vec![SpendFactor {
        pack: "illustrative-spend".into(),
        id: "steel-products-usd".into(),
        version: "test".into(),
        activity: "material:steel-products".into(),
        region: "WORLD".into(),
        value: d("0.5"),
        mass_unit: Unit::Kilogram,
        currency: "USD".into(),
        gwp_basis: GwpBasis::Ar5,
        source: "illustrative value for tests".into(),
        source_ref: "none".into(),
        licence: "n/a".into(),
        notes: "illustrative; not a published factor".into(),
        kind: SourceKind::Default,
    }]
}

fn entry(id: &str, amount: Amount, activity: ActivityKind) -> ActivityEntry {
    ActivityEntry {
        id: id.into(),
        site: "site-1".into(),
        period: Period::new(date!(2026 - 01 - 01), date!(2026 - 01 - 31)),
        amount,
        origin: Origin::Document,
        evidence: Some(Evidence {
            document_id: format!("doc-{id}"),
            page: Some(1),
        }),
        quality: DataQuality::Measured,
        activity,
        factor: None,
    }
}

fn fuel(id: &str, amount: &str, name: &str, combustion: Combustion) -> ActivityEntry {
    entry(
        id,
        Amount::Quantity(q(amount)),
        ActivityKind::Fuel {
            fuel: name.into(),
            combustion,
            normalisation: None,
        },
    )
}

fn electricity(id: &str, amount: &str, instruments: Vec<Instrument>) -> ActivityEntry {
    entry(
        id,
        Amount::Quantity(q(amount)),
        ActivityKind::Electricity { instruments },
    )
}

fn input(entries: Vec<ActivityEntry>, gwp: Gwp) -> InventoryInput {
    InventoryInput {
        company_country: "EG".into(),
        site_countries: BTreeMap::new(),
        reporting_period: Period::year(2026).unwrap(),
        granularity: Granularity::Whole,
        gwp,
        net_revenue: None,
        entries,
    }
}

fn run(entries: Vec<ActivityEntry>, gwp: Gwp) -> Result<Inventory, InventoryError> {
    let company = company_pack();
    let factors = FactorSet::embedded(&[&company], spend_factors());
    compute(input(entries, gwp), &factors)
}

fn one_error(entries: Vec<ActivityEntry>) -> EntryErrorKind {
    match run(entries, Gwp::Ar5) {
        Err(InventoryError::Entries(mut errs)) if errs.len() == 1 => errs.remove(0).kind,
        other => panic!("expected one entry error, got {other:?}"),
    }
}

#[test]
fn natural_gas_in_nm3_uses_the_bill_ncv_and_the_ipcc_ef() {
    // 10 000 Nm3 × 0.0345 GJ/Nm3 (bill) = 345 GJ = 0.345 TJ;
    // × 56.1 tCO2/TJ (IR 2025/2547 Table 1, natural gas) = 19.3545 tCO2.
    let inv = run(
        vec![fuel(
            "ng-nm3",
            "10000 Nm3",
            "natural-gas",
            Combustion::Stationary,
        )],
        Gwp::Ar5,
    )
    .unwrap();
    let line = inv.get("line/ng-nm3").unwrap();
    assert_eq!(line.value, d("19.3545"));
    assert_eq!(
        strs(&line.factors),
        [
            "company-factors/bill-ncv-ng@1",
            "ir2025-2547-standard-factors/2547-G1-natural-gas-ef@2025-12-22"
        ]
    );
    assert_eq!(line.formula.symbolic, "E = Q × NCV × EF");
    assert_eq!(
        line.formula.substituted,
        "E = 10000 Nm3 × 0.0345 GJ/Nm3 × 56.1 tCO2/TJ = 19.3545 tCO2e"
    );
    assert!(line.flags.iter().any(|f| matches!(f, Flag::Co2Only { .. })));
    assert_eq!(inv.value("scope1/site-1/2026"), Some(d("19.3545")));
    // Measured activity, default EF: measured but not primary.
    assert_eq!(line.quality.measured_tco2e, d("19.3545"));
    assert_eq!(line.quality.primary_tco2e, d("0"));
}

#[test]
fn natural_gas_in_kwh_converts_energy_directly() {
    // 100 000 kWh × 0.0036 GJ/kWh = 360 GJ = 0.36 TJ; × 56.1 tCO2/TJ = 20.196 tCO2.
    let inv = run(
        vec![fuel(
            "ng-kwh",
            "100000 kWh",
            "natural-gas",
            Combustion::Stationary,
        )],
        Gwp::Ar5,
    )
    .unwrap();
    let line = inv.get("line/ng-kwh").unwrap();
    assert_eq!(line.value, d("20.196"));
    assert_eq!(
        strs(&line.factors),
        ["ir2025-2547-standard-factors/2547-G1-natural-gas-ef@2025-12-22"]
    );
}

#[test]
fn metered_gas_volume_needs_an_explicit_normalisation() {
    // Without normalisation: m3 is not Nm3, and no factor is per metered m3 → typed error.
    let kind = one_error(vec![fuel(
        "ng-m3",
        "1000 m3",
        "natural-gas",
        Combustion::Stationary,
    )]);
    assert!(
        matches!(&kind, EntryErrorKind::NoConversion { unit: Unit::CubicMetre, activity, .. } if activity == "fuel:natural-gas"),
        "{kind:?}"
    );
    // With the meter's normalisation 0.95 Nm3/m3: 1000 m3 → 950 Nm3; × 0.0345 GJ/Nm3
    // = 32.775 GJ = 0.032775 TJ; × 56.1 tCO2/TJ = 1.8386775 tCO2.
    let mut e = fuel("ng-m3", "1000 m3", "natural-gas", Combustion::Stationary);
    e.activity = ActivityKind::Fuel {
        fuel: "natural-gas".into(),
        combustion: Combustion::Stationary,
        normalisation: Some(
            VolumeNormalisation::new(d("0.95"), "meter 15 °C; normal 0 °C").unwrap(),
        ),
    };
    let inv = run(vec![e], Gwp::Ar5).unwrap();
    let line = inv.get("line/ng-m3").unwrap();
    assert_eq!(line.value, d("1.8386775"));
    assert!(line
        .formula
        .substituted
        .starts_with("Q = V × f_N = 1000 m3 × 0.95 Nm3/m3"));
}

#[test]
fn natural_gas_in_nm3_without_any_ncv_is_an_error_naming_the_entry() {
    let factors = FactorSet::embedded(&[], Vec::new());
    let err = compute(
        input(
            vec![fuel(
                "ng-nm3",
                "10000 Nm3",
                "natural-gas",
                Combustion::Stationary,
            )],
            Gwp::Ar5,
        ),
        &factors,
    )
    .unwrap_err();
    let InventoryError::Entries(errs) = err else {
        panic!()
    };
    assert_eq!(errs[0].entry, "ng-nm3");
    assert!(matches!(
        errs[0].kind,
        EntryErrorKind::NoConversion {
            unit: Unit::NormalCubicMetre,
            ..
        }
    ));
    assert!(errs[0]
        .to_string()
        .starts_with("entry ng-nm3: no factor converts Nm3"));
}

#[test]
fn diesel_in_litres_chains_red2_energy_content_and_ipcc_ef() {
    // 1000 L × 0.036 GJ/L (RED II Annex III, diesel 36 MJ/l) = 36 GJ = 0.036 TJ;
    // × 74.1 tCO2/TJ (IR 2025/2547 Table 1, gas/diesel oil) = 2.6676 tCO2.
    let inv = run(
        vec![fuel(
            "diesel",
            "1000 L",
            "gas-diesel-oil",
            Combustion::Mobile,
        )],
        Gwp::Ar5,
    )
    .unwrap();
    let line = inv.get("line/diesel").unwrap();
    assert_eq!(line.value, d("2.6676"));
    assert_eq!(
        strs(&line.factors),
        [
            "eu-red2-energy-content/red2-III-diesel-ncv-volume@2018-12-21",
            "ir2025-2547-standard-factors/2547-G1-gas-diesel-oil-ef@2025-12-22"
        ]
    );
    assert_eq!(
        line.level,
        athar_inventory::Level::Line {
            source: athar_inventory::Source::MobileCombustion
        }
    );
}

#[test]
fn transport_work_given_to_a_fuel_is_a_unit_error() {
    let kind = one_error(vec![fuel(
        "bad",
        "500 t.km",
        "gas-diesel-oil",
        Combustion::Mobile,
    )]);
    assert_eq!(
        kind,
        EntryErrorKind::UnitNotAccepted {
            activity: "fuel",
            unit: Unit::TonneKilometre,
            dimension: athar_quantity::Dimension::TransportWork,
            expected: "mass, energy, volume or normal volume",
        }
    );
    // kg of electricity is refused the same way.
    assert!(matches!(
        one_error(vec![electricity("el", "5 kg", vec![])]),
        EntryErrorKind::UnitNotAccepted {
            unit: Unit::Kilogram,
            ..
        }
    ));
}

#[test]
fn grid_electricity_in_egypt_location_based() {
    // 100 MWh = 100 000 kWh × 574.5 gCO2/kWh (Ember EG 2024) = 57 450 000 g = 57.45 tCO2.
    // The row is valid for 2024 only; 2026 has none, so the nearest (2024) is used, flagged.
    let inv = run(vec![electricity("el", "100 MWh", vec![])], Gwp::Ar5).unwrap();
    let line = inv.get("line/el/location").unwrap();
    assert_eq!(line.value, d("57.45"));
    assert_eq!(
        strs(&line.factors),
        ["grid-ember/ember-EG-2024@co2js-27cbe8328a"]
    );
    assert!(line
        .flags
        .iter()
        .any(|f| matches!(f, Flag::FactorOutsideValidity { .. })));
    assert_eq!(inv.value("scope2-location/all/2026"), Some(d("57.45")));
}

#[test]
fn market_based_with_a_certificate_and_grid_fallback_for_the_rest() {
    // 60 MWh covered by an I-REC at 0 kgCO2e/kWh → 0 t. The remaining 40 MWh: no supplier
    // rate, no residual mix for EG → grid average, flagged:
    // 40 000 kWh × 574.5 gCO2/kWh = 22 980 000 g = 22.98 t.
    let cert = Instrument {
        id: "IREC-0001".into(),
        kind: InstrumentKind::Certificate {
            scheme: "I-REC".into(),
        },
        covers: Some(q("60 MWh")),
        factor: Rate::new(d("0"), "kgCO2e/kWh".parse().unwrap()),
        evidence: None,
    };
    let inv = run(vec![electricity("el", "100 MWh", vec![cert])], Gwp::Ar5).unwrap();
    let market = inv.get("line/el/market").unwrap();
    assert_eq!(market.value, d("22.98"));
    assert_eq!(market.instruments, ["el/IREC-0001"]);
    assert!(market.flags.iter().any(
        |f| matches!(f, Flag::MarketGridAverageFallback { energy, .. } if &**energy == "40 MWh")
    ));
    assert_eq!(
        market.formula.substituted,
        "E = 60 MWh × 0 kgCO2e/kWh [certificate I-REC IREC-0001] + 40 MWh × 574.5 gCO2/kWh [grid average, no residual mix] = 22.98 tCO2e"
    );
    // Location-based is unaffected by instruments.
    assert_eq!(inv.value("line/el/location"), Some(d("57.45")));
    assert_eq!(inv.value("scope2-market/site-1/2026"), Some(d("22.98")));
}

#[test]
fn market_based_without_instruments_falls_back_to_grid_and_says_so() {
    // 100 MWh × 574.5 gCO2/kWh = 57.45 t, all of it grid fallback.
    let inv = run(vec![electricity("el", "100 MWh", vec![])], Gwp::Ar5).unwrap();
    let market = inv.get("line/el/market").unwrap();
    assert_eq!(market.value, d("57.45"));
    assert!(market.flags.iter().any(
        |f| matches!(f, Flag::MarketGridAverageFallback { energy, .. } if &**energy == "100 MWh")
    ));
    assert_eq!(market.quality.default_factor_lines, 1);
}

#[test]
fn market_based_supplier_rate_covers_the_rest_and_is_primary_data() {
    // Listed first, but the supplier rate is step 2: the PPA (step 1) is applied first.
    // PPA 30 MWh × 0 = 0; supplier 70 MWh = 70 000 kWh × 0.3 kgCO2e/kWh = 21 000 kg = 21 t.
    let supplier = Instrument {
        id: "EEHC-2026".into(),
        kind: InstrumentKind::SupplierRate,
        covers: None,
        factor: Rate::new(d("0.3"), "kgCO2e/kWh".parse().unwrap()),
        evidence: None,
    };
    let ppa = Instrument {
        id: "PPA-1".into(),
        kind: InstrumentKind::Ppa,
        covers: Some(q("30 MWh")),
        factor: Rate::new(d("0"), "tCO2e/MWh".parse().unwrap()),
        evidence: None,
    };
    let inv = run(
        vec![electricity("el", "100 MWh", vec![supplier, ppa])],
        Gwp::Ar5,
    )
    .unwrap();
    let market = inv.get("line/el/market").unwrap();
    assert_eq!(market.value, d("21"));
    assert_eq!(market.instruments, ["el/PPA-1", "el/EEHC-2026"]);
    assert!(market.flags.is_empty(), "{:?}", market.flags);
    assert_eq!(market.quality.primary_tco2e, d("21"));
    // Certificates covering more than was consumed are refused.
    let too_much = Instrument {
        id: "GO-9".into(),
        kind: InstrumentKind::Certificate {
            scheme: "GO".into(),
        },
        covers: Some(q("120 MWh")),
        factor: Rate::new(d("0"), "kgCO2e/kWh".parse().unwrap()),
        evidence: None,
    };
    assert!(matches!(
        one_error(vec![electricity("el", "100 MWh", vec![too_much])]),
        EntryErrorKind::InstrumentsExceedConsumption { .. }
    ));
}

#[test]
fn spend_based_purchased_goods() {
    // 10 000 USD × 0.5 kgCO2e/USD (illustrative) = 5 000 kg = 5 tCO2e, flagged default.
    let goods = entry(
        "steel",
        Amount::Spend(Money::new(d("10000"), "USD")),
        ActivityKind::PurchasedGoods {
            material: "steel-products".into(),
        },
    );
    let inv = run(vec![goods.clone()], Gwp::Ar5).unwrap();
    let line = inv.get("line/steel").unwrap();
    assert_eq!(line.value, d("5"));
    assert_eq!(
        line.formula.substituted,
        "E = 10000 USD × 0.5 kgCO2e/USD = 5 tCO2e"
    );
    assert!(line
        .flags
        .iter()
        .any(|f| matches!(f, Flag::DefaultFactor { .. })));
    assert_eq!(inv.value("scope3-cat1/site-1/2026"), Some(d("5")));
    assert_eq!(inv.value("scope3/all/2026"), Some(d("5")));
    // Spend in another currency is not silently converted.
    let mut egp = goods;
    egp.amount = Amount::Spend(Money::new(d("10000"), "EGP"));
    assert!(matches!(
        one_error(vec![egp]),
        EntryErrorKind::CurrencyMismatch { .. }
    ));
}

#[test]
fn upstream_transport_without_a_factor_is_an_error() {
    let t = entry(
        "truck",
        Amount::Quantity(q("2000 t.km")),
        ActivityKind::UpstreamTransport { mode: "hgv".into() },
    );
    assert!(matches!(
        one_error(vec![t]),
        EntryErrorKind::FactorNotFound { ref activity, .. } if activity == "transport:hgv"
    ));
}

#[test]
fn refrigerant_leakage_ar5_versus_ar6() {
    // 10 kg R-410A = 0.01 t; AR5 1923.5 → 19.235 tCO2e; AR6 2255.5 → 22.555 tCO2e.
    // 5 kg HFC-134a = 0.005 t; AR5 1300 → 6.5; AR6 1530 → 7.65.
    let leaks = || {
        vec![
            entry(
                "r410",
                Amount::Quantity(q("10 kg")),
                ActivityKind::Refrigerant {
                    gas: "R-410A".into(),
                },
            ),
            entry(
                "r134",
                Amount::Quantity(q("5 kg")),
                ActivityKind::Refrigerant {
                    gas: "HFC-134a".into(),
                },
            ),
        ]
    };
    let ar5 = run(leaks(), Gwp::Ar5).unwrap();
    let ar6 = run(leaks(), Gwp::Ar6).unwrap();
    assert_eq!(ar5.value("line/r410"), Some(d("19.235")));
    assert_eq!(ar6.value("line/r410"), Some(d("22.555")));
    assert_eq!(ar5.value("line/r134"), Some(d("6.5")));
    assert_eq!(ar6.value("line/r134"), Some(d("7.65")));
    assert_eq!(
        strs(&ar5.get("line/r410").unwrap().factors),
        ["ipcc-gwp100/gwp100-AR5-R-410A@1"]
    );
    assert_eq!(
        strs(&ar6.get("line/r410").unwrap().factors),
        ["ipcc-gwp100/gwp100-AR6-R-410A@1"]
    );
    // 19.235 + 6.5 = 25.735; 22.555 + 7.65 = 30.205.
    assert_eq!(ar5.value("scope1/all/2026"), Some(d("25.735")));
    assert_eq!(ar6.value("scope1/all/2026"), Some(d("30.205")));
}

fn full_set() -> Vec<ActivityEntry> {
    let mut process = entry(
        "clinker-caco3",
        Amount::Quantity(q("100 t")),
        ActivityKind::Process {
            activity: "carbonate:CaCO3".into(),
        },
    );
    process.site = "site-2".into();
    process.quality = DataQuality::Estimated;
    vec![
        fuel("ng-nm3", "10000 Nm3", "natural-gas", Combustion::Stationary),
        fuel("diesel", "1000 L", "gas-diesel-oil", Combustion::Mobile),
        process,
        entry(
            "r410",
            Amount::Quantity(q("10 kg")),
            ActivityKind::Refrigerant {
                gas: "R-410A".into(),
            },
        ),
        electricity(
            "el",
            "100 MWh",
            vec![Instrument {
                id: "IREC-0001".into(),
                kind: InstrumentKind::Certificate {
                    scheme: "I-REC".into(),
                },
                covers: Some(q("60 MWh")),
                factor: Rate::new(d("0"), "kgCO2e/kWh".parse().unwrap()),
                evidence: None,
            }],
        ),
        entry(
            "steel",
            Amount::Spend(Money::new(d("10000"), "USD")),
            ActivityKind::PurchasedGoods {
                material: "steel-products".into(),
            },
        ),
    ]
}

#[test]
fn totals_and_intensity_add_up() {
    // Scope 1: 19.3545 (gas) + 2.6676 (diesel) + 44 (100 t CaCO3 × 0.440 tCO2/t)
    //          + 19.235 (R-410A, AR5) = 85.2571.
    // Scope 2: location 57.45, market 22.98. Scope 3: 5.
    // Total location = 85.2571 + 57.45 + 5 = 147.7071; market = 85.2571 + 22.98 + 5 = 113.2371.
    // Intensity per 2 000 000 EGP: 147.7071 / 2 000 000 = 0.00007385355 tCO2e/EGP.
    let company = company_pack();
    let factors = FactorSet::embedded(&[&company], spend_factors());
    let mut inp = input(full_set(), Gwp::Ar5);
    inp.net_revenue = Some(Money::new(d("2000000"), "EGP"));
    let inv = compute(inp, &factors).unwrap();
    assert_eq!(inv.value("scope1/all/2026"), Some(d("85.2571")));
    assert_eq!(inv.value("scope1/site-2/2026"), Some(d("44")));
    assert_eq!(inv.value("scope1/site-1/2026"), Some(d("41.2571")));
    assert_eq!(inv.value("scope2-location/all/2026"), Some(d("57.45")));
    assert_eq!(inv.value("scope2-market/all/2026"), Some(d("22.98")));
    assert_eq!(inv.value("scope3/all/2026"), Some(d("5")));
    assert_eq!(inv.value("total-location/all/2026"), Some(d("147.7071")));
    assert_eq!(inv.value("total-market/all/2026"), Some(d("113.2371")));
    let i = inv.get("intensity-location/all/2026").unwrap();
    assert_eq!(i.value, d("0.00007385355"));
    assert_eq!(i.unit, "tCO2e/EGP");
    assert_eq!(
        athar_inventory::display(inv.value("total-location/all/2026").unwrap(), 2),
        d("147.71")
    );
    // Data quality: measured activity everywhere except the estimated process line (44 t):
    // 113.2371 - 44 = 69.2371. No line uses a specific emission factor (the bill NCV is
    // specific, the EF is not), so primary = 0.
    let total = inv.get("total-market/all/2026").unwrap();
    assert_eq!(total.quality.measured_tco2e, d("69.2371"));
    assert_eq!(total.quality.primary_tco2e, d("0"));
    assert_eq!(total.quality.lines, 6);
}

#[test]
fn explain_reaches_every_entry_and_every_factor_row() {
    let inv = run(full_set(), Gwp::Ar5).unwrap();
    let ex = inv.explain("total-location/all/2026").unwrap();
    // Every entry except nothing: all six contribute to the location-based total.
    let all_entries: std::collections::BTreeSet<String> = inv.entries.keys().cloned().collect();
    assert_eq!(ex.entry_ids(), all_entries);
    let expected_factors: std::collections::BTreeSet<String> = [
        "company-factors/bill-ncv-ng@1",
        "ir2025-2547-standard-factors/2547-G1-natural-gas-ef@2025-12-22",
        "eu-red2-energy-content/red2-III-diesel-ncv-volume@2018-12-21",
        "ir2025-2547-standard-factors/2547-G1-gas-diesel-oil-ef@2025-12-22",
        "ir2025-2547-standard-factors/2547-G3-caco3-ef@2025-12-22",
        "ipcc-gwp100/gwp100-AR5-R-410A@1",
        "grid-ember/ember-EG-2024@co2js-27cbe8328a",
        "illustrative-spend/steel-products-usd@test",
    ]
    .into_iter()
    .map(String::from)
    .collect();
    assert_eq!(ex.factor_keys(), expected_factors);
    // Every cited factor is what the inventory stores, with source and licence.
    for key in &expected_factors {
        let c = &inv.factors[key];
        assert!(!c.source.is_empty() && !c.licence.is_empty(), "{key}");
    }
    // The market total reaches the certificate through its line.
    let m = inv.explain("total-market/all/2026").unwrap();
    let mut instruments = Vec::new();
    fn collect(e: &athar_inventory::Explanation<'_>, out: &mut Vec<String>) {
        out.extend(e.node.instruments.iter().cloned());
        for c in &e.children {
            collect(c, out);
        }
    }
    collect(&m, &mut instruments);
    assert_eq!(instruments, ["el/IREC-0001"]);
    // The evidence page travels with the entry.
    let line = inv.explain("line/ng-nm3").unwrap();
    assert_eq!(
        line.entries[0].evidence.as_ref().unwrap().document_id,
        "doc-ng-nm3"
    );
    assert!(inv.explain("no/such/result").is_none());
    // The explanation serialises (for `athar explain RESULT_ID`).
    assert!(serde_json::to_string(&line)
        .unwrap()
        .contains("bill-ncv-ng"));
}

#[test]
fn same_input_gives_byte_identical_json() {
    let company = company_pack();
    let factors = FactorSet::embedded(&[&company], spend_factors());
    let inp = input(full_set(), Gwp::Ar5);
    let a = serde_json::to_string(&compute(inp.clone(), &factors).unwrap()).unwrap();
    // Through JSON and back, and with a freshly built factor set.
    let inp2: InventoryInput = serde_json::from_str(&serde_json::to_string(&inp).unwrap()).unwrap();
    let factors2 = FactorSet::embedded(&[&company], spend_factors());
    let b = serde_json::to_string(&compute(inp2, &factors2).unwrap()).unwrap();
    assert_eq!(a, b);
    // Decimals are strings in JSON.
    assert!(a.contains(r#""value":"19.3545""#));
    let back: Inventory = serde_json::from_str(&a).unwrap();
    assert_eq!(back, compute(inp, &factors).unwrap());
}

#[test]
fn monthly_results_and_entries_spanning_months() {
    // Jan: 1000 L diesel = 2.6676 t; Feb: 2000 L = 5.3352 t; year: 8.0028 t.
    let jan = fuel("d-jan", "1000 L", "gas-diesel-oil", Combustion::Mobile);
    let mut feb = fuel("d-feb", "2000 L", "gas-diesel-oil", Combustion::Mobile);
    feb.period = Period::new(date!(2026 - 02 - 01), date!(2026 - 02 - 28));
    let company = company_pack();
    let factors = FactorSet::embedded(&[&company], spend_factors());
    let mut inp = input(vec![jan.clone(), feb], Gwp::Ar5);
    inp.granularity = Granularity::Month;
    let inv = compute(inp.clone(), &factors).unwrap();
    assert_eq!(inv.value("scope1/site-1/2026-01"), Some(d("2.6676")));
    assert_eq!(inv.value("scope1/site-1/2026-02"), Some(d("5.3352")));
    assert_eq!(inv.value("scope1/all/2026-02"), Some(d("5.3352")));
    assert_eq!(inv.value("scope1/site-1/2026"), Some(d("8.0028")));
    assert_eq!(inv.value("scope1/all/2026"), Some(d("8.0028")));
    assert_eq!(inv.value("scope1/all/2026-03"), Some(d("0")));
}

#[test]
fn a_bill_spanning_months_is_apportioned_by_days() {
    // 1000 L diesel from 15 Jan to 14 Feb (31 days) = 2.6676 t: 17 days in January, 14 in
    // February. Jan: 2.6676 × 17 / 31; Feb: 2.6676 × 14 / 31; together the whole bill.
    let mut span = fuel("span", "1000 L", "gas-diesel-oil", Combustion::Mobile);
    span.period = Period::new(date!(2026 - 01 - 15), date!(2026 - 02 - 14));
    let company = company_pack();
    let factors = FactorSet::embedded(&[&company], spend_factors());
    let mut inp = input(vec![span], Gwp::Ar5);
    inp.granularity = Granularity::Month;
    let inv = compute(inp, &factors).unwrap();
    let jan = inv.get("line/span@2026-01").unwrap();
    let feb = inv.get("line/span@2026-02").unwrap();
    assert_eq!(jan.value, d("2.6676") * d("17") / d("31"));
    assert_eq!(feb.value, d("2.6676") * d("14") / d("31"));
    assert_eq!(
        jan.period,
        Period::new(date!(2026 - 01 - 15), date!(2026 - 01 - 31))
    );
    assert_eq!(
        feb.period,
        Period::new(date!(2026 - 02 - 01), date!(2026 - 02 - 14))
    );
    assert!(jan.flags.contains(&Flag::Apportioned {
        days: 17,
        of_days: 31
    }));
    assert!(
        jan.formula.substituted.contains("× 17 / 31 days"),
        "{}",
        jan.formula.substituted
    );
    assert_eq!(inv.value("scope1/all/2026-01"), Some(jan.value));
    let year = inv.value("scope1/all/2026").unwrap();
    assert!((year - d("2.6676")).abs() < d("1e-20"), "{year}");
    // The explain tree of the year reaches the entry through both lines.
    let ex = inv.explain("scope1/all/2026").unwrap();
    assert!(ex.entry_ids().contains("span"));
}

#[test]
fn a_bill_across_the_year_end_counts_only_its_days_in_the_year() {
    // Diesel bought for 1 Dec 2025 to 31 Jan 2026 (62 days): 31 of its days are in 2026.
    let mut bill = fuel(
        "dec-jan",
        "6200 L",
        "gas-diesel-oil",
        Combustion::Stationary,
    );
    bill.period = Period::new(date!(2025 - 12 - 01), date!(2026 - 01 - 31));
    let whole = {
        let mut b = bill.clone();
        b.period = Period::new(date!(2026 - 01 - 01), date!(2026 - 01 - 31));
        run(vec![b], Gwp::Ar5)
            .unwrap()
            .value("line/dec-jan")
            .unwrap()
    };
    let inv = run(vec![bill], Gwp::Ar5).unwrap();
    let line = inv.get("line/dec-jan").unwrap();
    assert_eq!(line.value, whole * d("31") / d("62"));
    assert_eq!(
        line.period,
        Period::new(date!(2026 - 01 - 01), date!(2026 - 01 - 31))
    );
    assert!(line.flags.contains(&Flag::Apportioned {
        days: 31,
        of_days: 62
    }));
}

#[test]
fn pinned_supplier_factor_is_primary_data() {
    // A supplier's product footprint for purchased aluminium: 8.6 tCO2e/t (specific).
    // 12 t × 8.6 tCO2e/t = 103.2 tCO2e, measured + specific = primary.
    let text = format!(
        "{HEADER}\n\
         alu-pcf,supplier-acme,2026-03,material:aluminium-ingot,ef,,EG,,,8.6,tCO2e/t,CO2e,AR5,ACME product carbon footprint declaration,\"Declaration 2026-03, table 2\",supplier data,\n"
    );
    let supplier =
        Pack::from_csv("supplier-acme", "2026-03", "ACME", None, "acme.csv", &text).unwrap();
    let factors = FactorSet::embedded(&[&supplier], Vec::new());
    let mut e = entry(
        "alu",
        Amount::Quantity(q("12 t")),
        ActivityKind::PurchasedGoods {
            material: "aluminium-ingot".into(),
        },
    );
    e.factor = Some(FactorKey {
        id: "alu-pcf".into(),
        version: "2026-03".into(),
    });
    let inv = compute(input(vec![e], Gwp::Ar5), &factors).unwrap();
    let line = inv.get("line/alu").unwrap();
    assert_eq!(line.value, d("103.2"));
    assert!(line.flags.is_empty(), "{:?}", line.flags);
    assert_eq!(line.quality.primary_tco2e, d("103.2"));
    let s3 = inv.get("scope3/all/2026").unwrap();
    assert_eq!(s3.quality.primary_share(s3.value), Some(d("1")));
}

#[test]
fn entries_outside_the_period_and_duplicates_are_all_reported() {
    let mut late = fuel("late", "1 L", "gas-diesel-oil", Combustion::Mobile);
    late.period = Period::new(date!(2027 - 01 - 01), date!(2027 - 01 - 31));
    let a = fuel("dup", "1 L", "gas-diesel-oil", Combustion::Mobile);
    let Err(InventoryError::Entries(errs)) = run(vec![late, a.clone(), a], Gwp::Ar5) else {
        panic!()
    };
    let kinds: Vec<(&str, &EntryErrorKind)> =
        errs.iter().map(|e| (e.entry.as_str(), &e.kind)).collect();
    assert!(matches!(
        kinds[0],
        ("late", EntryErrorKind::OutsideReportingPeriod { .. })
    ));
    assert!(matches!(kinds[1], ("dup", EntryErrorKind::DuplicateId)));
    assert_eq!(kinds.len(), 2);
}
