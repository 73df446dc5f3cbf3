//! A full inventory with provenance from 100,000 generated activity rows (20 sites, 12 months,
//! monthly results; fuels in Nm3, L and kWh, process, refrigerants, electricity with and
//! without certificates, spend-based purchases). Target: under 200 ms in release.
//!
//! Plain `harness = false` bench timed with `std::time`, so no benchmarking dependency:
//! `CARGO_TARGET_DIR=/tmp/h3-target cargo bench -p athar-inventory`.

use std::collections::BTreeMap;
use std::hint::black_box;
use std::str::FromStr;
use std::time::{Duration, Instant};

use athar_factors::{GwpBasis, Pack};
use athar_inventory::{
    compute, ActivityEntry, ActivityKind, Amount, Combustion, DataQuality, Evidence, FactorSet,
    Granularity, Gwp, Instrument, InstrumentKind, InventoryInput, Money, Origin, Period,
    SourceKind, SpendFactor,
};
use athar_quantity::{Quantity, Rate, Unit};
use rust_decimal::Decimal;
use time::{Date, Month};

const ROWS: usize = 100_000;

// The allocator the app and the CLI use (docs/decisions/005-mimalloc.md).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// CPU time of this thread so far (Linux `/proc/thread-self/schedstat`, first field, ns), to
/// report a figure that does not count time spent waiting for a core on a busy machine.
fn thread_cpu() -> Option<Duration> {
    let text = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let ns: u64 = text.split_whitespace().next()?.parse().ok()?;
    Some(Duration::from_nanos(ns))
}
const HEADER: &str = "id,pack,version,activity,parameter,route,region,valid_from,valid_to,value,unit,gas,gwp_basis,source,source_ref,licence,notes";

fn d(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

fn entries() -> Vec<ActivityEntry> {
    (0..ROWS)
        .map(|i| {
            let month = Month::try_from((i % 12) as u8 + 1).unwrap();
            let from = Date::from_calendar_date(2026, month, 1).unwrap();
            let to = Date::from_calendar_date(2026, month, time::util::days_in_month(month, 2026))
                .unwrap();
            let v = Decimal::new((i % 997) as i64 * 37 + 100, 1);
            let (amount, activity) = match i % 8 {
                0 => (
                    Amount::Quantity(Quantity::new(v, Unit::NormalCubicMetre)),
                    ActivityKind::Fuel {
                        fuel: "natural-gas".into(),
                        combustion: Combustion::Stationary,
                        normalisation: None,
                    },
                ),
                1 => (
                    Amount::Quantity(Quantity::new(v, Unit::Litre)),
                    ActivityKind::Fuel {
                        fuel: "gas-diesel-oil".into(),
                        combustion: Combustion::Mobile,
                        normalisation: None,
                    },
                ),
                2 => (
                    Amount::Quantity(Quantity::new(v, Unit::KilowattHour)),
                    ActivityKind::Fuel {
                        fuel: "natural-gas".into(),
                        combustion: Combustion::Stationary,
                        normalisation: None,
                    },
                ),
                3 => (
                    Amount::Quantity(Quantity::new(v, Unit::Tonne)),
                    ActivityKind::Process {
                        activity: "carbonate:CaCO3".into(),
                    },
                ),
                4 => (
                    Amount::Quantity(Quantity::new(v, Unit::Kilogram)),
                    ActivityKind::Refrigerant {
                        gas: "R-410A".into(),
                    },
                ),
                5 => (
                    Amount::Quantity(Quantity::new(v, Unit::MegawattHour)),
                    ActivityKind::Electricity {
                        instruments: vec![Instrument {
                            id: format!("IREC-{i}"),
                            kind: InstrumentKind::Certificate {
                                scheme: "I-REC".into(),
                            },
                            covers: Some(Quantity::new(v / Decimal::TWO, Unit::MegawattHour)),
                            factor: Rate::new(Decimal::ZERO, "kgCO2e/kWh".parse().unwrap()),
                            evidence: None,
                        }],
                    },
                ),
                6 => (
                    Amount::Quantity(Quantity::new(v, Unit::KilowattHour)),
                    ActivityKind::Electricity {
                        instruments: Vec::new(),
                    },
                ),
                _ => (
                    Amount::Spend(Money::new(v, "USD")),
                    ActivityKind::PurchasedGoods {
                        material: "steel-products".into(),
                    },
                ),
            };
            ActivityEntry {
                id: format!("E-{i:06}"),
                site: format!("site-{:02}", i % 20),
                period: Period::new(from, to),
                amount,
                origin: Origin::Import {
                    file: "bench.xlsx".into(),
                    row: Some(i as u64 + 2),
                },
                evidence: Some(Evidence {
                    document_id: format!("doc-{}", i / 10),
                    page: Some((i % 5) as u32 + 1),
                }),
                quality: if i % 3 == 0 {
                    DataQuality::Estimated
                } else {
                    DataQuality::Measured
                },
                activity,
                factor: None,
            }
        })
        .collect()
}

fn main() {
    let company = Pack::from_csv(
        "company-factors",
        "1",
        "Company factors",
        None,
        "company.csv",
        &format!("{HEADER}\nbill-ncv-ng,company-factors,1,fuel:natural-gas,ncv,,EG,,,0.0345,GJ/Nm3,n.a.,n.a.,Gas bill,line NCV,company data,\n"),
    )
    .unwrap();
    let spend = vec![SpendFactor {
        pack: "illustrative-spend".into(),
        id: "steel".into(),
        version: "bench".into(),
        activity: "material:steel-products".into(),
        region: "WORLD".into(),
        value: d("0.5"),
        mass_unit: Unit::Kilogram,
        currency: "USD".into(),
        gwp_basis: GwpBasis::Ar5,
        source: "illustrative".into(),
        source_ref: "none".into(),
        licence: "n/a".into(),
        notes: String::new(),
        kind: SourceKind::Default,
    }];
    athar_factors::all_packs(); // parse the embedded packs once, outside the timings

    let t = Instant::now();
    let factors = FactorSet::embedded(&[&company], spend);
    let index_time = t.elapsed();

    let input = InventoryInput {
        company_country: "EG".into(),
        site_countries: BTreeMap::new(),
        reporting_period: Period::year(2026).unwrap(),
        granularity: Granularity::Month,
        gwp: Gwp::Ar5,
        net_revenue: Some(Money::new(d("250000000"), "EGP")),
        entries: entries(),
    };

    let mut times: Vec<Duration> = Vec::new();
    let mut cpu: Vec<Duration> = Vec::new();
    let mut nodes = 0;
    for _ in 0..5 {
        let input = black_box(input.clone()); // the clone is not timed
        let c = thread_cpu();
        let t = Instant::now();
        let inv = compute(input, &factors).expect("bench inventory computes");
        times.push(t.elapsed());
        if let (Some(a), Some(b)) = (c, thread_cpu()) {
            cpu.push(b - a);
        }
        nodes = inv.nodes.len();
        black_box(&inv);
    }
    let ms = |v: &[Duration]| -> Vec<f64> {
        v.iter()
            .map(|t| (t.as_secs_f64() * 1e4).round() / 10.0)
            .collect()
    };
    println!("wall per run (ms): {:?}", ms(&times));
    if !cpu.is_empty() {
        println!("thread CPU per run (ms): {:?}", ms(&cpu));
    }
    times.sort();
    println!(
        "athar-inventory: {ROWS} activity rows -> {nodes} result nodes with provenance; \
         compute: min {:.1} ms, median {:.1} ms, max {:.1} ms (5 runs); \
         factor index (all embedded packs): {:.1} ms",
        times[0].as_secs_f64() * 1e3,
        times[2].as_secs_f64() * 1e3,
        times[4].as_secs_f64() * 1e3,
        index_time.as_secs_f64() * 1e3,
    );
}
