//! The serialised inventory of a fixed, varied input is byte for byte what it was when the
//! snapshot was written (before the engine was tuned for speed): ids, values, formulas with
//! their substituted numbers, flags, quality and the order of everything. Any change to the
//! engine that alters a single byte of a result fails here.
//!
//! To regenerate after an *intended* change of results: `ATHAR_SNAPSHOT_WRITE=1 cargo test -p
//! athar-inventory --test snapshot`, and say in the commit why the results changed.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::str::FromStr;

use athar_factors::{FactorKey, GwpBasis, Pack};
use athar_inventory::{
    compute, ActivityEntry, ActivityKind, Amount, Combustion, DataQuality, Evidence, FactorSet,
    Granularity, Gwp, Instrument, InstrumentKind, InventoryInput, Money, Origin, Period,
    SourceKind, SpendFactor,
};
use athar_quantity::{Quantity, Rate, Unit, VolumeNormalisation};
use rust_decimal::Decimal;
use time::{Date, Month};

const HEADER: &str = "id,pack,version,activity,parameter,route,region,valid_from,valid_to,value,unit,gas,gwp_basis,source,source_ref,licence,notes";

fn d(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

fn date(y: i32, m: u8, day: u8) -> Date {
    Date::from_calendar_date(y, Month::try_from(m).unwrap(), day).unwrap()
}

/// Company and supplier factors that reach the paths the embedded packs do not: residual
/// mix, heat, waste, transport, travel, a pinned supplier footprint, an AR6 factor in an AR5
/// inventory, a factor valid only in 2025.
fn company_pack() -> Pack {
    let rows = [
        "bill-ncv-ng,company-factors,1,fuel:natural-gas,ncv,,EG,,,0.0345,GJ/Nm3,n.a.,n.a.,Gas bill,line NCV,company data,",
        "ncv-ng-world,company-factors,1,fuel:natural-gas,ncv,,WORLD,,,0.0381,GJ/Nm3,n.a.,n.a.,Handbook,p. 12,company data,",
        "steam-world,company-factors,1,heat:steam,ef,,WORLD,,,0.0667,tCO2e/GJ,CO2e,AR5,Handbook,p. 40,company data,",
        "rm-SA,company-factors,1,electricity:residual-mix,ef,,SA,,,0.7123,kgCO2e/kWh,CO2e,AR5,Residual mix,table 1,company data,",
        "steam-EG,company-factors,1,heat:steam,ef,,EG,,,0.0712,tCO2e/GJ,CO2e,AR6,Steam supplier,invoice,company data,",
        "landfill,company-factors,1,waste:mixed:landfill,ef,,WORLD,,,0.467,tCO2e/t,CO2e,AR5,Waste study,p. 3,company data,",
        "road,company-factors,1,transport:road,ef,,WORLD,2025-01-01,2025-12-31,0.1073,kgCO2e/tkm,CO2e,AR5,Carrier,2025 report,company data,",
        "travel-diesel,company-factors,1,travel:car-diesel,ef,,WORLD,,,2.68,kgCO2e/L,CO2e,AR5,Fleet study,p. 9,company data,",
        "alu-pcf,company-factors,1,material:aluminium-ingot,ef,,EG,,,8.6,tCO2e/t,CO2e,AR5,Supplier PCF,table 2,supplier data,",
    ];
    Pack::from_csv(
        "company-factors",
        "1",
        "Company factors",
        None,
        "company.csv",
        &format!("{HEADER}\n{}\n", rows.join("\n")),
    )
    .unwrap()
}

fn spend_factors() -> Vec<SpendFactor> {
    let f =
        |id: &str, activity: &str, region: &str, value: &str, currency: &str, basis| SpendFactor {
            pack: "illustrative-spend".into(),
            id: id.into(),
            version: "snap".into(),
            activity: activity.into(),
            region: region.into(),
            value: d(value),
            mass_unit: Unit::Kilogram,
            currency: currency.into(),
            gwp_basis: basis,
            source: "illustrative".into(),
            source_ref: "none".into(),
            licence: "n/a".into(),
            notes: String::new(),
            kind: SourceKind::Default,
        };
    vec![
        f(
            "steel",
            "material:steel-products",
            "WORLD",
            "0.5",
            "USD",
            GwpBasis::Ar5,
        ),
        f(
            "freight",
            "transport:road",
            "EG",
            "0.31",
            "EGP",
            GwpBasis::Unstated,
        ),
        f(
            "freight-world",
            "transport:road",
            "WORLD",
            "0.29",
            "EGP",
            GwpBasis::Ar5,
        ),
        f(
            "flights",
            "travel:air",
            "WORLD",
            "1.27",
            "USD",
            GwpBasis::Ar6,
        ),
    ]
}

/// `n` generated entries over 2026 (and a little of 2025), in every kind the engine knows,
/// many spanning result periods.
fn entries(n: usize) -> Vec<ActivityEntry> {
    (0..n)
        .map(|i| {
            let m = (i % 12) as u8 + 1;
            let last = time::util::days_in_month(Month::try_from(m).unwrap(), 2026);
            let period = match i % 7 {
                // A bill from the 15th to the 14th of the next month.
                0 if m < 12 => Period::new(date(2026, m, 15), date(2026, m + 1, 14)),
                // Across the year end.
                1 if m == 1 => Period::new(date(2025, 12, 1), date(2026, 1, 31)),
                // A quarter.
                2 if m <= 10 => Period::new(
                    date(2026, m, 1),
                    date(
                        2026,
                        m + 2,
                        time::util::days_in_month(Month::try_from(m + 2).unwrap(), 2026),
                    ),
                ),
                // One day.
                3 => Period::new(date(2026, m, 7), date(2026, m, 7)),
                _ => Period::new(date(2026, m, 1), date(2026, m, last)),
            };
            let v = Decimal::new((i % 997) as i64 * 37 + 100, (i % 4) as u32);
            let qd = |unit| Amount::Quantity(Quantity::new(v, unit));
            let (amount, activity, factor) = match i % 16 {
                0 => (
                    qd(Unit::NormalCubicMetre),
                    ActivityKind::Fuel {
                        fuel: "natural-gas".into(),
                        combustion: Combustion::Stationary,
                        normalisation: None,
                    },
                    None,
                ),
                1 => (
                    qd(Unit::Litre),
                    ActivityKind::Fuel {
                        fuel: "gas-diesel-oil".into(),
                        combustion: Combustion::Mobile,
                        normalisation: None,
                    },
                    None,
                ),
                2 => (
                    qd(Unit::KilowattHour),
                    ActivityKind::Fuel {
                        fuel: "natural-gas".into(),
                        combustion: Combustion::Stationary,
                        normalisation: None,
                    },
                    None,
                ),
                3 => (
                    qd(Unit::CubicMetre),
                    ActivityKind::Fuel {
                        fuel: "natural-gas".into(),
                        combustion: Combustion::Stationary,
                        normalisation: Some(VolumeNormalisation {
                            normal_per_metered: d("0.9471"),
                            basis: "supplier bill: 15 °C, 1.01325 bar".into(),
                        }),
                    },
                    None,
                ),
                4 => (
                    qd(Unit::Tonne),
                    ActivityKind::Process {
                        activity: "carbonate:CaCO3".into(),
                    },
                    None,
                ),
                5 => (
                    qd(Unit::Kilogram),
                    ActivityKind::Refrigerant {
                        gas: if i % 32 == 5 { "R-410A" } else { "HFC-134a" }.into(),
                    },
                    None,
                ),
                6 => (
                    qd(Unit::MegawattHour),
                    ActivityKind::Electricity {
                        instruments: vec![
                            Instrument {
                                id: format!("IREC-{i}"),
                                kind: InstrumentKind::Certificate {
                                    scheme: "I-REC".into(),
                                },
                                covers: Some(Quantity::new(v / Decimal::TWO, Unit::MegawattHour)),
                                factor: Rate::new(Decimal::ZERO, "kgCO2e/kWh".parse().unwrap()),
                                evidence: None,
                            },
                            Instrument {
                                id: format!("PPA-{i}"),
                                kind: InstrumentKind::Ppa,
                                covers: Some(Quantity::new(
                                    v / Decimal::from(7),
                                    Unit::MegawattHour,
                                )),
                                factor: Rate::new(d("0.012"), "kgCO2e/kWh".parse().unwrap()),
                                evidence: None,
                            },
                        ],
                    },
                    None,
                ),
                7 => (
                    qd(Unit::KilowattHour),
                    ActivityKind::Electricity {
                        instruments: Vec::new(),
                    },
                    None,
                ),
                8 => (
                    qd(Unit::KilowattHour),
                    ActivityKind::Electricity {
                        instruments: vec![Instrument {
                            id: format!("SR-{i}"),
                            kind: InstrumentKind::SupplierRate,
                            covers: None,
                            factor: Rate::new(d("0.3917"), "kgCO2/kWh".parse().unwrap()),
                            evidence: Some(Evidence {
                                document_id: format!("contract-{i}"),
                                page: None,
                            }),
                        }],
                    },
                    None,
                ),
                9 => (
                    Amount::Spend(Money::new(v, "USD")),
                    ActivityKind::PurchasedGoods {
                        material: "steel-products".into(),
                    },
                    None,
                ),
                10 => (
                    qd(Unit::Gigajoule),
                    ActivityKind::Heat {
                        medium: "steam".into(),
                    },
                    None,
                ),
                11 => (
                    qd(Unit::Tonne),
                    ActivityKind::Waste {
                        waste_type: "mixed".into(),
                        treatment: "landfill".into(),
                    },
                    None,
                ),
                12 => (
                    if i % 32 == 12 {
                        qd(Unit::TonneKilometre)
                    } else {
                        Amount::Spend(Money::new(v, "EGP"))
                    },
                    ActivityKind::UpstreamTransport {
                        mode: "road".into(),
                    },
                    None,
                ),
                13 => (
                    if i % 32 == 13 {
                        qd(Unit::Litre)
                    } else {
                        Amount::Spend(Money::new(v, "USD"))
                    },
                    ActivityKind::BusinessTravel {
                        mode: if i % 32 == 13 { "car-diesel" } else { "air" }.into(),
                    },
                    None,
                ),
                14 => (
                    qd(Unit::Tonne),
                    ActivityKind::PurchasedGoods {
                        material: "aluminium-ingot".into(),
                    },
                    Some(FactorKey {
                        id: "alu-pcf".into(),
                        version: "1".into(),
                    }),
                ),
                _ => (
                    qd(Unit::Kilogram),
                    ActivityKind::Fuel {
                        fuel: "gas-diesel-oil".into(),
                        combustion: Combustion::Stationary,
                        normalisation: None,
                    },
                    None,
                ),
            };
            ActivityEntry {
                id: format!("E-{:04}", (i * 7919) % n),
                site: format!("site-{}", i % 5),
                period,
                amount,
                origin: if i % 2 == 0 {
                    Origin::Import {
                        file: "snap.xlsx".into(),
                        row: Some(i as u64 + 2),
                    }
                } else {
                    Origin::Manual
                },
                evidence: (i % 3 != 0).then(|| Evidence {
                    document_id: format!("doc-{}", i / 10),
                    page: Some((i % 5) as u32 + 1),
                }),
                quality: match i % 3 {
                    0 => DataQuality::Estimated,
                    1 => DataQuality::Measured,
                    _ => DataQuality::Calculated,
                },
                activity,
                factor,
            }
        })
        .collect()
}

fn input(granularity: Granularity, gwp: Gwp, n: usize) -> InventoryInput {
    InventoryInput {
        company_country: "EG".into(),
        site_countries: [("site-3", "SA"), ("site-4", "FR")]
            .into_iter()
            .map(|(s, c)| (s.to_string(), c.to_string()))
            .collect::<BTreeMap<_, _>>(),
        reporting_period: Period::year(2026).unwrap(),
        granularity,
        gwp,
        net_revenue: Some(Money::new(d("250000000"), "EGP")),
        entries: entries(n),
    }
}

fn check(name: &str, json: &str) {
    let path: PathBuf = [env!("CARGO_MANIFEST_DIR"), "tests", "snapshots", name]
        .iter()
        .collect();
    if std::env::var_os("ATHAR_SNAPSHOT_WRITE").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, json).unwrap();
        return;
    }
    let want = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{}: {e} (ATHAR_SNAPSHOT_WRITE=1 writes it)", path.display()));
    if want != json {
        let at = want
            .bytes()
            .zip(json.bytes())
            .position(|(a, b)| a != b)
            .unwrap_or(want.len().min(json.len()));
        let from = at.saturating_sub(200);
        panic!(
            "{name} differs from byte {at} (lengths {} vs {}):\nwant …{}…\ngot  …{}…",
            want.len(),
            json.len(),
            &want[from..(at + 200).min(want.len())],
            &json[from..(at + 200).min(json.len())],
        );
    }
}

fn run(name: &str, inp: InventoryInput) {
    let company = company_pack();
    let factors = FactorSet::embedded(&[&company], spend_factors());
    let inv = compute(inp, &factors).expect("snapshot input computes");
    check(name, &serde_json::to_string(&inv).unwrap());
}

#[test]
fn monthly_inventory_is_unchanged() {
    run("month-ar5.json", input(Granularity::Month, Gwp::Ar5, 200));
}

#[test]
fn yearly_inventory_is_unchanged() {
    run("year-ar6.json", input(Granularity::Year, Gwp::Ar6, 160));
}

#[test]
fn whole_period_inventory_is_unchanged() {
    // One site, so that a sum has more than 50 terms (its formula lists 50 and says how many
    // more), and no revenue.
    let mut inp = input(Granularity::Whole, Gwp::Ar5, 130);
    for e in &mut inp.entries {
        e.site = "site-0".into();
    }
    inp.site_countries.clear();
    inp.net_revenue = None;
    run("whole-ar5.json", inp);
}

#[test]
fn entry_errors_are_unchanged() {
    let company = company_pack();
    let factors = FactorSet::embedded(&[&company], spend_factors());
    let mut inp = input(Granularity::Month, Gwp::Ar5, 64);
    let mut dup = inp.entries[3].clone();
    dup.site = "site-9".into();
    inp.entries.push(dup);
    inp.entries[5].period = Period::new(date(2027, 1, 1), date(2027, 1, 31));
    inp.entries[6].amount = Amount::Quantity(Quantity::new(d("-1"), Unit::Litre));
    inp.entries[7].activity = ActivityKind::Heat {
        medium: "chilled-water".into(),
    };
    inp.entries[8].amount = Amount::Spend(Money::new(d("10"), "EUR"));
    let err = compute(inp, &factors).unwrap_err();
    check("errors.txt", &format!("{err:#?}\n{err}\n"));
}

#[test]
fn sorted_entries_and_colliding_ids_are_unchanged() {
    // Entries sorted by id (lines come out in id order), a site called "all" (its sums have
    // the ids of the all-sites sums, which replace them), and an entry whose line id is that
    // of another entry's apportioned line (the one made later replaces the earlier).
    let mut inp = input(Granularity::Month, Gwp::Ar5, 96);
    inp.entries.sort_by(|a, b| a.id.cmp(&b.id));
    for e in inp.entries.iter_mut().filter(|e| e.site == "site-2") {
        e.site = "all".into();
    }
    let mut span = inp.entries[1].clone();
    span.id = "E-0001".into();
    span.period = Period::new(date(2026, 1, 15), date(2026, 2, 14));
    let mut twin = span.clone();
    twin.id = "E-0001@2026-02".into();
    twin.period = Period::new(date(2026, 2, 1), date(2026, 2, 28));
    inp.entries[1] = span;
    inp.entries.insert(2, twin);
    run("sorted-collisions.json", inp);
}
