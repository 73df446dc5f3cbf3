//! A generator of synthetic, valid installations of any size, for benchmarks and tests.
//!
//! Why this module exists: the performance target (10 processes, 20 precursors, 50 goods
//! computed and exported in under a second) and the property-style tests need installations
//! that exercise every part of the calculation — a chain of internal precursor transfers,
//! purchased precursors from EU and non-EU countries, source streams attributed to processes,
//! heat imports, waste-gas exports, electricity — without anyone typing them. The output is
//! deterministic: the same spec gives the same installation.

use rust_decimal::Decimal;

use crate::cn::codes_of;
use crate::goods::{GoodsCategory, ProductionRoute};
use crate::model::{
    ActivityUnit, Consumption, DefaultJustification, DirectEmissions, EfUnit, ElectricityEfSource,
    ElectricityUse, GoodsEntry, HeatFlows, Installation, InstallationInfo, MonitoringMethod,
    PrecursorIndirect, PrecursorValues, Process, Product, PurchasedPrecursor, QualifyingParameters,
    ReportingPeriod, RouteAmount, SourceShare, SourceStream, Transfer, ValueBasis, WasteGasFlows,
};

/// How big an installation to make.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SyntheticSpec {
    /// N production processes (at least 1): the first makes crude steel, the others iron or
    /// steel products, each passing 30 % of its output to the next.
    pub processes: usize,
    /// M purchased crude-steel precursors, consumed round-robin by the processes.
    pub precursors: usize,
    /// K products, round-robin over the processes, with CN codes of their category.
    pub products: usize,
    /// Reporting year.
    pub year: i32,
}

impl SyntheticSpec {
    pub fn new(processes: usize, precursors: usize, products: usize) -> Self {
        SyntheticSpec {
            processes,
            precursors,
            products,
            year: 2026,
        }
    }
}

fn dec(units: i64, scale: u32) -> Decimal {
    Decimal::new(units, scale)
}

/// Builds the installation described by `spec`. It passes validation.
pub fn synthetic_installation(spec: &SyntheticSpec) -> Installation {
    let n = spec.processes.max(1);
    let period = ReportingPeriod::year(spec.year).unwrap_or(ReportingPeriod {
        start: time::Date::MIN,
        end: time::Date::MIN,
    });
    let mut source_streams = Vec::new();
    let mut processes = Vec::new();
    for i in 0..n {
        let category = if i == 0 {
            GoodsCategory::CrudeSteel
        } else {
            GoodsCategory::IronOrSteelProducts
        };
        let al = dec(100_000 + 1_000 * i as i64, 0);
        let production = if category == GoodsCategory::CrudeSteel {
            vec![
                RouteAmount {
                    route: Some(ProductionRoute::BasicOxygenSteelmaking),
                    amount: al * dec(6, 1),
                },
                RouteAmount {
                    route: Some(ProductionRoute::ElectricArcFurnace),
                    amount: al * dec(4, 1),
                },
            ]
        } else {
            vec![RouteAmount {
                route: None,
                amount: al,
            }]
        };
        let transfers = if i + 1 < n {
            vec![Transfer {
                to: format!("P{}", i + 2),
                amount: al * dec(3, 1),
            }]
        } else {
            Vec::new()
        };
        let to_others: Decimal = transfers.iter().map(|t| t.amount).sum();
        let source_id = format!("S{}", i + 1);
        source_streams.push(SourceStream {
            id: source_id.clone(),
            method: MonitoringMethod::Combustion,
            name: format!("Natural gas {}", i + 1),
            activity_data: Some(dec(2_000 + 10 * i as i64, 0)),
            activity_unit: ActivityUnit::ThousandNm3,
            ncv: Some(dec(3_480, 2)),
            ef: Some(dec(561, 1)),
            ef_unit: Some(EfUnit::TCo2PerTj),
            carbon_content: None,
            oxidation_factor_pct: Some(dec(100, 0)),
            conversion_factor_pct: None,
            biomass_pct: None,
            factors: Vec::new(),
            evidence: Vec::new(),
        });
        let mut p = Process::new(
            format!("P{}", i + 1),
            format!("Process {}", i + 1),
            category,
        );
        p.production = production;
        p.produced_for_market = Some(al - to_others);
        p.transfers = transfers;
        p.heat_relevant = Some(i % 3 == 0);
        p.waste_gas_relevant = Some(i % 4 == 3);
        p.direct = DirectEmissions {
            entered: Some(dec(500 * (i as i64 + 1), 0)),
            sources: vec![SourceShare {
                source: source_id,
                share: Decimal::ONE,
            }],
        };
        if i % 3 == 0 {
            p.heat = HeatFlows {
                imported_tj: Some(dec(10, 0)),
                imported_ef: Some(dec(623, 1)),
                ..HeatFlows::default()
            };
        }
        if i % 4 == 3 {
            p.waste_gas = WasteGasFlows {
                exported_tj: Some(dec(5, 0)),
                ..WasteGasFlows::default()
            };
        }
        p.electricity = ElectricityUse {
            consumed_mwh: Some(al * dec(2, 1)),
            ef: Some(dec(45, 2)),
            ef_source: Some(ElectricityEfSource::D4b),
            ..ElectricityUse::default()
        };
        processes.push(p);
    }

    const COUNTRIES: [&str; 5] = ["CN", "TR", "IN", "DE", "EG"];
    let precursors = (0..spec.precursors)
        .map(|j| {
            let amount = dec(1_000 + 100 * j as i64, 0);
            PurchasedPrecursor {
                id: format!("PP{}", j + 1),
                name: format!("Purchased steel {}", j + 1),
                category: GoodsCategory::CrudeSteel,
                country: Some(COUNTRIES[j % COUNTRIES.len()].to_string()),
                routes: vec![ProductionRoute::BasicOxygenSteelmaking],
                cn_code: Some("72071111".into()),
                purchased: vec![RouteAmount {
                    route: Some(ProductionRoute::BasicOxygenSteelmaking),
                    amount,
                }],
                consumption: vec![Consumption {
                    process: format!("P{}", j % n + 1),
                    amount,
                }],
                other_use: None,
                values: PrecursorValues::Given {
                    see_direct: dec(1_800 + 10 * j as i64, 3),
                    direct_basis: ValueBasis::Measured,
                    indirect: PrecursorIndirect {
                        electricity_mwh_per_t: dec(3, 1),
                        electricity_basis: ValueBasis::Measured,
                        ef: dec(6, 1),
                        ef_source: Some(ElectricityEfSource::D4b),
                    },
                },
                default_justification: None::<DefaultJustification>,
                evidence: Vec::new(),
            }
        })
        .collect();

    let products = (0..spec.products)
        .map(|k| {
            let process = &processes[k % n];
            let codes: Vec<_> = codes_of(process.category).collect();
            let code = codes[(k / n) % codes.len()].code;
            Product {
                id: (k + 1).to_string(),
                process: process.id.clone(),
                cn_code: code.to_string(),
                name: format!("Product {}", k + 1),
                parameters: QualifyingParameters::default(),
                carbon_price: None,
                default_variant: None,
            }
        })
        .collect();

    let mut goods = vec![GoodsEntry {
        id: "G1".into(),
        category: GoodsCategory::CrudeSteel,
        routes: vec![
            ProductionRoute::BasicOxygenSteelmaking,
            ProductionRoute::ElectricArcFurnace,
        ],
    }];
    if n > 1 {
        goods.push(GoodsEntry {
            id: "G2".into(),
            category: GoodsCategory::IronOrSteelProducts,
            routes: Vec::new(),
        });
    }

    Installation {
        about: InstallationInfo {
            name_en: "Synthetic Steel Works".into(),
            city: "Alexandria".into(),
            country: "EG".into(),
            unlocode: "EG ALY".into(),
            latitude: Some(dec(312, 1)),
            longitude: Some(dec(299, 1)),
            ..InstallationInfo::default()
        },
        reporting_period: period,
        verifier: None,
        goods,
        source_streams,
        pfc_emissions: Vec::new(),
        measured_sources: Vec::new(),
        fuel_balance: Default::default(),
        ghg_balance: Default::default(),
        data_quality: Default::default(),
        processes,
        precursors,
        products,
        carbon_price_description: String::new(),
        additional_information: String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_spec_gives_the_same_installation() {
        let spec = SyntheticSpec::new(10, 20, 50);
        let a = synthetic_installation(&spec);
        assert_eq!(a, synthetic_installation(&spec));
        assert_eq!(
            (a.processes.len(), a.precursors.len(), a.products.len()),
            (10, 20, 50)
        );
    }
}
