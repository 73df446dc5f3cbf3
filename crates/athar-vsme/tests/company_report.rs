//! A company's VSME report from its profile and GHG inventory: B1 from the profile, B3 energy
//! and GHG from the inventory with the result ids they rest on, an override with its reason,
//! C3 targets from the base year's inventory, the completeness view and the ESRS E1 view.
//! Expected energy and GHG figures are worked out by hand in the comments.

use std::collections::BTreeMap;
use std::str::FromStr;

use athar_domain::{CompanyData, CompanyProfile, Money as DomainMoney, Site};
use athar_factors::Pack;
use athar_inventory::{
    compute, ActivityEntry, ActivityKind, Amount, Combustion, DataQuality, FactorSet, Granularity,
    Gwp, Instrument, InstrumentKind, Inventory, InventoryInput, Money, Origin, Period,
};
use athar_quantity::Rate;
use athar_vsme::company::{
    company_facts, fact_key, CompanyError, CompanyInputs, EntityId, GhgTarget, Override,
};
use athar_vsme::completeness::completeness;
use athar_vsme::esrs_e1::e1_view;
use athar_vsme::fact::{DimensionValue, Fact, FactPeriod, FactUnit, FactValue, Provenance};
use athar_vsme::ixbrl::{inline_xbrl, EnglishLabels};
use rust_decimal::Decimal;
use time::macros::date;

mod common;

fn d(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

const HEADER: &str = "id,pack,version,activity,parameter,route,region,valid_from,valid_to,value,unit,gas,gwp_basis,source,source_ref,licence,notes";

fn company_pack() -> Pack {
    let text = format!(
        "{HEADER}\n\
         bill-ncv-ng,company-factors,1,fuel:natural-gas,ncv,,EG,,,0.0345,GJ/Nm3,n.a.,n.a.,Gas supplier bill,\"Bill 2026-01, NCV 34.5 MJ/Nm3\",company data,\n"
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

fn entry(id: &str, year: i32, amount: &str, activity: ActivityKind) -> ActivityEntry {
    ActivityEntry {
        id: id.into(),
        site: "site-1".into(),
        period: Period::new(
            time::Date::from_calendar_date(year, time::Month::January, 1).unwrap(),
            time::Date::from_calendar_date(year, time::Month::January, 31).unwrap(),
        ),
        amount: Amount::Quantity(amount.parse().unwrap()),
        origin: Origin::Manual,
        evidence: None,
        quality: DataQuality::Measured,
        activity,
        factor: None,
    }
}

fn inventory(year: i32, scale: &str) -> Inventory {
    let k = d(scale);
    let q = |v: &str, u: &str| format!("{} {u}", d(v) * k);
    let entries = vec![
        entry(
            "ng",
            year,
            &q("10000", "Nm3"),
            ActivityKind::Fuel {
                fuel: "natural-gas".into(),
                combustion: Combustion::Stationary,
                normalisation: None,
            },
        ),
        entry(
            "diesel",
            year,
            &q("1000", "L"),
            ActivityKind::Fuel {
                fuel: "gas-diesel-oil".into(),
                combustion: Combustion::Mobile,
                normalisation: None,
            },
        ),
        entry(
            "el",
            year,
            &q("100", "MWh"),
            ActivityKind::Electricity {
                instruments: vec![Instrument {
                    id: "IREC-1".into(),
                    kind: InstrumentKind::Certificate {
                        scheme: "I-REC".into(),
                    },
                    covers: Some(q("60", "MWh").parse().unwrap()),
                    factor: Rate::new(d("0"), "kgCO2e/kWh".parse().unwrap()),
                    evidence: None,
                }],
            },
        ),
    ];
    let pack = company_pack();
    let factors = FactorSet::embedded(&[&pack], vec![]);
    compute(
        InventoryInput {
            company_country: "EG".into(),
            site_countries: BTreeMap::new(),
            reporting_period: Period::year(year).unwrap(),
            granularity: Granularity::Whole,
            gwp: Gwp::Ar5,
            net_revenue: Some(Money::new(d("2000000"), "EGP")),
            entries,
        },
        &factors,
    )
    .unwrap()
}

fn company() -> CompanyData {
    CompanyData {
        profile: CompanyProfile {
            legal_name_en: "Delta Steel Wire S.A.E.".into(),
            legal_name_ar: "دلتا لأسلاك الصلب".into(),
            legal_form: "private limited liability undertaking".into(),
            registration_number: "123456".into(),
            country: "EG".into(),
            city: "Alexandria".into(),
            address: "Borg El Arab".into(),
            nace_codes: vec!["C24.34".into()],
            employees: Some(120),
            turnover: Some(DomainMoney {
                amount: d("2000000"),
                currency: "EGP".into(),
            }),
            reporting_year: 2026,
        },
        sites: vec![Site {
            id: Some(1),
            name: "Borg El Arab plant".into(),
            address: "Industrial zone 3, Borg El Arab".into(),
            unlocode: "EGALY".into(),
            latitude: Some(d("30.9")),
            longitude: Some(d("29.6")),
        }],
        customers: vec![],
    }
}

fn find<'a>(facts: &'a [Fact], concept: &str, member: Option<&str>) -> &'a Fact {
    facts
        .iter()
        .find(|f| {
            f.concept == concept
                && match member {
                    None => f.dimensions.is_empty(),
                    Some(m) => f
                        .dimensions
                        .values()
                        .any(|v| *v == DimensionValue::Member(m.into())),
                }
        })
        .unwrap_or_else(|| panic!("no fact {concept} {member:?}"))
}

struct Fixture {
    company: CompanyData,
    entity: EntityId,
    inv: Inventory,
    base: Inventory,
    target: GhgTarget,
}

fn fixture() -> Fixture {
    Fixture {
        company: company(),
        entity: EntityId {
            scheme: "lei".into(),
            identifier: "5493001KJTIIGC8Y1R12".into(),
        },
        inv: inventory(2026, "1"),
        base: inventory(2024, "1.25"),
        target: GhgTarget {
            base_year: 2024,
            target_year: 2030,
            scope1_2_reduction: d("0.4"),
            scope3_reduction: None,
        },
    }
}

fn inputs<'a>(
    fx: &'a Fixture,
    typed: &'a [Fact],
    overrides: &'a BTreeMap<String, Override>,
) -> CompanyInputs<'a> {
    CompanyInputs {
        company: &fx.company,
        entity: Some(&fx.entity),
        currency: "EGP",
        period_start: date!(2026 - 01 - 01),
        period_end: date!(2026 - 12 - 31),
        inventory: Some(&fx.inv),
        baseline: Some(&fx.base),
        target: Some(&fx.target),
        typed,
        overrides,
    }
}

#[test]
fn profile_and_inventory_become_b1_b3_and_c3_facts_with_their_sources() {
    let fx = fixture();
    let none = BTreeMap::new();
    let r = company_facts(&inputs(&fx, &[], &none)).unwrap();
    let f = &r.facts;

    // B1 from the profile.
    assert_eq!(
        find(
            f,
            "vsme:CountryOfPrimaryOperationsAndLocationOfSignificantAssets",
            None
        )
        .value,
        FactValue::Members(vec!["country:EG".into()])
    );
    assert_eq!(
        find(f, "vsme:NaceSectorClassificationCodes", None).value,
        FactValue::Members(vec!["nace:NACE_C2434".into()])
    );
    let turnover = find(f, "vsme:Turnover", None);
    assert_eq!(turnover.number(), Some(d("2000000")));
    assert_eq!(
        turnover.unit,
        Some(FactUnit::Currency { code: "EGP".into() })
    );
    assert_eq!(
        find(f, "vsme:UndertakingsLegalForm", None).value,
        FactValue::Members(vec!["vsme:PrivateLimitedLiabilityUndertakingMember".into()])
    );
    let site = f
        .iter()
        .find(|x| x.concept == "vsme:CountryOfSite")
        .unwrap();
    assert_eq!(
        site.dimensions.get("vsme:IdentifierOfSiteTypedAxis"),
        Some(&DimensionValue::Typed("1".into()))
    );

    // B3 energy: gas 10 000 Nm3 × 0.0345 GJ/Nm3 = 345 GJ = 95.8333… MWh; diesel 1 000 L ×
    // 0.036 GJ/L (RED II) = 36 GJ = 10 MWh; electricity 100 MWh, 60 MWh of it with I-RECs.
    // Total 205.833 MWh; fuels 105.833 all fossil; electricity 60 renewable, 40 not.
    assert_eq!(
        find(f, "vsme:TotalEnergyConsumption", None).number(),
        Some(d("205.833"))
    );
    assert_eq!(
        find(f, "vsme:EnergyConsumptionFromFuels", None).number(),
        Some(d("105.833"))
    );
    assert_eq!(
        find(
            f,
            "vsme:EnergyConsumptionFromElectricity",
            Some("vsme:RenewableEnergyMember")
        )
        .number(),
        Some(d("60.000"))
    );
    assert_eq!(
        find(
            f,
            "vsme:EnergyConsumptionFromElectricity",
            Some("vsme:NonRenewableEnergyMember")
        )
        .number(),
        Some(d("40.000"))
    );
    let energy = r.energy.as_ref().unwrap();
    let gas_line = energy.lines.iter().find(|l| l.entry == "ng").unwrap();
    assert_eq!(
        gas_line.factors,
        vec!["company-factors/bill-ncv-ng@1".to_string()]
    );

    // B3 GHG: the inventory's own figures, rounded to the kilogram, with the node ids.
    let s1 = find(f, "vsme:GrossScope1GreenhouseGasEmissions", None);
    assert_eq!(
        s1.number(),
        Some(d(&fx
            .inv
            .value("scope1/all/2026")
            .unwrap()
            .round_dp(3)
            .to_string()))
    );
    assert_eq!(
        s1.provenance,
        Some(Provenance::Inventory {
            results: vec!["scope1/all/2026".into()],
            formula: None
        })
    );
    let s12 = find(
        f,
        "vsme:TotalGrossLocationBasedScope1AndScope2GHGEmissions",
        None,
    );
    let expected = fx.inv.value("scope1/all/2026").unwrap()
        + fx.inv.value("scope2-location/all/2026").unwrap();
    assert_eq!(s12.number(), Some(expected.round_dp(3)));
    let intensity = find(
        f,
        "vsme:TotalLocationBasedGreenhouseGasEmissionsIntensityValue",
        None,
    );
    assert!(matches!(&intensity.unit, Some(FactUnit::PerCurrency { code, .. }) if code == "EGP"));

    // C3: baseline from the 2024 inventory (every activity 25 % higher), target 40 % below it.
    let base = find(
        f,
        "vsme:GrossScope1GreenhouseGasEmissions",
        Some("vsme:BaselineYearMember"),
    );
    assert_eq!(
        base.period,
        FactPeriod::Year {
            name: "BaselineYearMember".into(),
            year: 2024
        }
    );
    let target = find(
        f,
        "vsme:GrossScope1GreenhouseGasEmissions",
        Some("vsme:TargetYearMember"),
    );
    assert_eq!(
        target.number(),
        Some((fx.base.value("scope1/all/2024").unwrap() * d("0.6")).round_dp(3))
    );
    assert_eq!(
        find(f, "vsme:GreenhouseGasEmissionReductionTargetYear", None).value,
        FactValue::Year(2030)
    );

    // Same input, same facts.
    assert_eq!(company_facts(&inputs(&fx, &[], &none)).unwrap(), r);
}

#[test]
fn an_override_needs_a_reason_and_keeps_the_computed_value() {
    let fx = fixture();
    let key = "vsme:GrossScope1GreenhouseGasEmissions".to_string();
    let mut overrides = BTreeMap::new();
    overrides.insert(
        key.clone(),
        Override {
            value: d("30"),
            reason: "  ".into(),
        },
    );
    assert_eq!(
        company_facts(&inputs(&fx, &[], &overrides)).unwrap_err(),
        CompanyError::OverrideWithoutReason { key: key.clone() }
    );
    overrides.insert(
        key.clone(),
        Override {
            value: d("30"),
            reason: "Auditor's figure".into(),
        },
    );
    let r = company_facts(&inputs(&fx, &[], &overrides)).unwrap();
    let s1 = r.facts.iter().find(|f| fact_key(f) == key).unwrap();
    assert_eq!(s1.number(), Some(d("30")));
    match &s1.provenance {
        Some(Provenance::Override {
            source,
            computed,
            reason,
        }) => {
            assert_eq!(reason, "Auditor's figure");
            assert_eq!(
                computed,
                &fx.inv
                    .value("scope1/all/2026")
                    .unwrap()
                    .round_dp(3)
                    .to_string()
            );
            assert!(matches!(**source, Provenance::Inventory { .. }));
        }
        other => panic!("{other:?}"),
    }
    overrides.clear();
    overrides.insert(
        "vsme:Assets".into(),
        Override {
            value: d("1"),
            reason: "x".into(),
        },
    );
    assert!(matches!(
        company_facts(&inputs(&fx, &[], &overrides)),
        Err(CompanyError::NothingToOverride { .. })
    ));
}

#[test]
fn typed_facts_join_and_computed_ones_win() {
    let fx = fixture();
    let none = BTreeMap::new();
    let typed = vec![
        Fact::new("vsme:Assets", FactValue::Number(d("5000000")))
            .with_unit(FactUnit::Currency { code: "EGP".into() }),
        // Computed from the inventory: the typed one is left out (override it instead).
        Fact::new(
            "vsme:GrossScope1GreenhouseGasEmissions",
            FactValue::Number(d("1")),
        )
        .with_unit(FactUnit::measure("utr:tCO2e")),
    ];
    let r = company_facts(&inputs(&fx, &typed, &none)).unwrap();
    assert_eq!(
        find(&r.facts, "vsme:Assets", None).provenance,
        Some(Provenance::User)
    );
    assert_eq!(
        r.ignored_typed,
        vec!["vsme:GrossScope1GreenhouseGasEmissions".to_string()]
    );
    let wrong = vec![Fact::new("vsme:Assets", FactValue::Number(d("1")))
        .with_unit(FactUnit::Currency { code: "EUR".into() })];
    assert!(matches!(
        company_facts(&inputs(&fx, &wrong, &none)),
        Err(CompanyError::CurrencyMismatch { .. })
    ));
}

#[test]
fn completeness_lists_what_is_still_missing() {
    let fx = fixture();
    let none = BTreeMap::new();
    let r = company_facts(&inputs(&fx, &[], &none)).unwrap();
    let c = completeness(&r.facts, &BTreeMap::new());
    let missing: Vec<&str> = c
        .missing_always
        .iter()
        .map(|m| m.concept.as_str())
        .collect();
    assert!(missing.contains(&"vsme:BasisForPreparation"));
    assert!(missing.contains(&"vsme:Assets"));
    assert!(!missing.contains(&"vsme:GrossScope1GreenhouseGasEmissions"));
    assert!(!missing.contains(&"vsme:TotalEnergyConsumption"));
    // C3 targets are given, so their group needs no yes/no; B4 pollution does.
    assert!(!c.needs_answer.iter().any(|q| q.group == "env-16-g"));
    assert!(c.needs_answer.iter().any(|q| q.group == "env-71-c"));
}

#[test]
fn the_esrs_e1_view_shows_the_same_figures() {
    let fx = fixture();
    let none = BTreeMap::new();
    let r = company_facts(&inputs(&fx, &[], &none)).unwrap();
    let v = e1_view(&r.facts, r.energy.as_ref());
    let line = |c: &str| v.line(c).unwrap().value;
    assert_eq!(
        line("esrs:EnergyConsumptionRelatedToOwnOperations"),
        Some(d("205.833"))
    );
    assert_eq!(
        line("esrs:FuelConsumptionFromNaturalGas"),
        Some(d("95.833"))
    );
    assert_eq!(
        line("esrs:FuelConsumptionFromCrudeOilAndPetroleumProducts"),
        Some(d("10.000"))
    );
    assert_eq!(
        line("esrs:EnergyConsumptionFromRenewableSources"),
        Some(d("60.000"))
    );
    assert_eq!(line("esrs:EnergyConsumptionFromNuclearSources"), None);
    assert!(v.grid_mix_unknown);
    assert_eq!(
        line("esrs:GrossScope1GreenhouseGasEmissions"),
        find(&r.facts, "vsme:GrossScope1GreenhouseGasEmissions", None).number()
    );
    assert_eq!(v.lines.iter().filter(|l| l.disclosure == "E1-6").count(), 8);
}

/// The company's report as Inline XBRL passes the same checks as the sample's. With
/// `ATHAR_VSME_XHTML_DIR` set, the document is also written there (to validate it with Arelle,
/// see docs/vsme-xbrl.md).
#[test]
fn the_company_report_is_valid_inline_xbrl() {
    let fx = fixture();
    let none = BTreeMap::new();
    let typed = vec![
        Fact::new(
            "vsme:BasisForPreparation",
            FactValue::Members(vec!["vsme:OptionABasicModuleOnlyMember".into()]),
        ),
        Fact::new(
            "vsme:DescriptionOfHowCircularEconomyPrinciplesAreApplied",
            FactValue::Text("Steel offcuts go back to the melt shop.\nPallets are reused.".into()),
        ),
        Fact::new(
            "vsme:UndertakingAppliesCircularEconomyPrinciples",
            FactValue::Bool(true),
        ),
    ];
    let r = company_facts(&inputs(&fx, &typed, &none)).unwrap();
    let doc = inline_xbrl(&r.info, &r.facts, &EnglishLabels).unwrap();
    common::check(&doc, r.facts.len());
    assert!(doc.contains("<xbrli:measure>iso4217:EGP</xbrli:measure>"));
    assert!(doc.contains("<xbrldi:explicitMember dimension=\"vsme:ReportingScopesAxis\">vsme:BaselineYearMember</xbrldi:explicitMember>"));
    if let Ok(dir) = std::env::var("ATHAR_VSME_XHTML_DIR") {
        std::fs::write(std::path::Path::new(&dir).join("company.xhtml"), &doc).unwrap();
    }
}
