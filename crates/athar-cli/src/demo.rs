//! The demo company the README's "start" command opens on a fresh machine, and the
//! human-readable profile printout.

use std::path::Path;

use athar_domain::{CompanyData, Customer, Money, NewCompany, Site};
use athar_i18n::Localizer;
use athar_session::store_error;
use athar_store::CompanyFile;

use crate::Failure;

pub fn create(path: &Path, passphrase: &str, actor: &str) -> Result<(), Failure> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)
            .map_err(|e| athar_protocol::UiError::new("error-io").arg("detail", e))?;
    }
    let mut f = CompanyFile::create(
        path,
        passphrase,
        NewCompany {
            name: "Nile Delta Steel S.A.E.".into(),
            country: "EG".into(),
            reporting_year: 2026,
        },
        actor,
    )
    .map_err(store_error)?;
    let mut data: CompanyData = f.load().map_err(store_error)?;
    let p = &mut data.profile;
    p.legal_name_ar = "دلتا النيل للصلب ش.م.م".into();
    p.legal_form = "S.A.E.".into();
    p.registration_number = "CR-104233".into();
    p.city = "Alexandria".into();
    p.address = "Borg El Arab Industrial Zone, Plot 17".into();
    p.nace_codes = vec!["C24.10".into(), "C25.94".into()];
    p.employees = Some(340);
    p.turnover = Some(Money {
        amount: "412500000".parse().expect("literal"),
        currency: "EGP".into(),
    });
    data.sites = vec![
        Site {
            id: None,
            name: "Borg El Arab melt shop".into(),
            address: "Borg El Arab Industrial Zone, Plot 17".into(),
            unlocode: "EGALY".into(),
            latitude: Some("30.8692".parse().expect("literal")),
            longitude: Some("29.6031".parse().expect("literal")),
        },
        Site {
            id: None,
            name: "10th of Ramadan fasteners plant".into(),
            address: "10th of Ramadan City, Zone A3".into(),
            unlocode: String::new(),
            latitude: Some("30.2965".parse().expect("literal")),
            longitude: Some("31.7433".parse().expect("literal")),
        },
    ];
    data.customers = vec![
        Customer {
            id: None,
            name: "Rheinstahl Handels GmbH".into(),
            country: "DE".into(),
            email: "cbam@rheinstahl.example.de".into(),
        },
        Customer {
            id: None,
            name: "Fixations Méditerranée SAS".into(),
            country: "FR".into(),
            email: "achats@fixmed.example.fr".into(),
        },
    ];
    f.save(&data.normalized(), actor).map_err(store_error)?;
    add_activity(&mut f, actor)?;
    Ok(())
}

/// A year of bills for the two sites, so the inventory and its explanations have something
/// to show: monthly gas and electricity, diesel for the yard, a refrigerant top-up, purchased
/// scrap and road freight with supplier factors, and a gas bill that straddles the year end.
fn add_activity(f: &mut CompanyFile, actor: &str) -> Result<(), Failure> {
    use athar_factors::{FactorRow, GwpBasis, RatioUnit};
    use athar_inventory::{
        ActivityEntry, ActivityKind, Amount, Combustion, DataQuality, Instrument, InstrumentKind,
        Origin, Period,
    };
    use athar_quantity::{Quantity, Rate, Unit};
    use rust_decimal::Decimal;
    use time::{Date, Month};

    let d = |v: i64, scale: u32| Decimal::new(v, scale);
    let month = |m: u8| {
        let month = Month::try_from(m).expect("1..=12");
        Period::new(
            Date::from_calendar_date(2026, month, 1).expect("valid date"),
            Date::from_calendar_date(2026, month, time::util::days_in_month(month, 2026))
                .expect("valid date"),
        )
    };
    let melt = "Borg El Arab melt shop";
    let fasteners = "10th of Ramadan fasteners plant";
    let entry =
        |id: String, site: &str, period: Period, q: Quantity, kind: ActivityKind| ActivityEntry {
            id,
            site: site.to_string(),
            period,
            amount: Amount::Quantity(q),
            origin: Origin::Manual,
            evidence: None,
            quality: DataQuality::Measured,
            activity: kind,
            factor: None,
        };
    let gas = || ActivityKind::Fuel {
        fuel: "natural-gas".into(),
        combustion: Combustion::Stationary,
        normalisation: None,
    };
    let mut entries = Vec::new();
    for m in 1..=12u8 {
        let season = (i64::from(m) - 6).abs();
        entries.push(entry(
            format!("GAS-{m:02}"),
            melt,
            month(m),
            Quantity::new(d(182_000 + season * 4_100, 0), Unit::NormalCubicMetre),
            gas(),
        ));
        entries.push(entry(
            format!("EL-MELT-{m:02}"),
            melt,
            month(m),
            Quantity::new(d(1_240_000 + season * 18_500, 0), Unit::KilowattHour),
            ActivityKind::Electricity {
                instruments: Vec::new(),
            },
        ));
        let instruments = if m <= 6 {
            vec![Instrument {
                id: format!("IREC-EG-2026-{m:02}"),
                kind: InstrumentKind::Certificate {
                    scheme: "I-REC".into(),
                },
                covers: Some(Quantity::new(d(120, 0), Unit::MegawattHour)),
                factor: Rate::new(
                    Decimal::ZERO,
                    "kgCO2e/kWh".parse::<RatioUnit>().expect("unit"),
                ),
                evidence: None,
            }]
        } else {
            Vec::new()
        };
        entries.push(entry(
            format!("EL-FAST-{m:02}"),
            fasteners,
            month(m),
            Quantity::new(d(210_000 + season * 2_300, 0), Unit::KilowattHour),
            ActivityKind::Electricity { instruments },
        ));
    }
    for q in 0..4u8 {
        let from = month(q * 3 + 1).from;
        let to = month(q * 3 + 3).to;
        entries.push(entry(
            format!("DSL-Q{}", q + 1),
            fasteners,
            Period::new(from, to),
            Quantity::new(d(4_800 + i64::from(q) * 150, 0), Unit::Litre),
            ActivityKind::Fuel {
                fuel: "gas-diesel-oil".into(),
                combustion: Combustion::Mobile,
                normalisation: None,
            },
        ));
    }
    entries.push(entry(
        "REF-2026-07".into(),
        fasteners,
        month(7),
        Quantity::new(d(125, 1), Unit::Kilogram),
        ActivityKind::Refrigerant {
            gas: "R-410A".into(),
        },
    ));
    entries.push(entry(
        "GAS-2025-12-ROLL".into(),
        melt,
        Period::new(
            Date::from_calendar_date(2025, Month::December, 15).expect("valid date"),
            Date::from_calendar_date(2026, Month::January, 14).expect("valid date"),
        ),
        Quantity::new(d(6_200, 0), Unit::NormalCubicMetre),
        gas(),
    ));
    for (i, (m, t)) in [(2u8, 1_850i64), (5, 2_100), (9, 1_960), (11, 2_240)]
        .into_iter()
        .enumerate()
    {
        entries.push(entry(
            format!("SCRAP-{}", i + 1),
            melt,
            month(m),
            Quantity::new(d(t, 0), Unit::Tonne),
            ActivityKind::PurchasedGoods {
                material: "steel-scrap".into(),
            },
        ));
        entries.push(entry(
            format!("FREIGHT-{}", i + 1),
            melt,
            month(m),
            Quantity::new(d(t * 210, 0), Unit::TonneKilometre),
            ActivityKind::UpstreamTransport {
                mode: "road".into(),
            },
        ));
    }
    let factor =
        |id: &str, activity: &str, value: Decimal, unit: &str, source: &str, at: &str| FactorRow {
            id: id.into(),
            pack: String::new(),
            version: String::new(),
            activity: activity.into(),
            parameter: "ef".into(),
            route: None,
            region: "EG".into(),
            valid_from: None,
            valid_to: None,
            value,
            unit: unit.parse().expect("unit"),
            gas: "CO2e".into(),
            gwp_basis: GwpBasis::Ar5,
            source: source.into(),
            source_ref: at.into(),
            licence: "company data".into(),
            notes: String::new(),
        };
    for row in [
        factor(
            "scrap-supplier-2026",
            "material:steel-scrap",
            d(42, 3),
            "tCO2e/t",
            "Alex Metals Recycling, product carbon footprint declaration 2026",
            "Declaration AMR-PCF-2026-03, table 1",
        ),
        factor(
            "road-freight-2026",
            "transport:road",
            d(98, 3),
            "kgCO2e/t.km",
            "Delta Trucking Co., emissions statement for 2026 contracts",
            "Statement DT-2026, annex B (articulated trucks, average load)",
        ),
        FactorRow {
            parameter: "ncv".into(),
            gas: "n.a.".into(),
            gwp_basis: GwpBasis::NotApplicable,
            ..factor(
                "gas-bill-ncv-2026",
                "fuel:natural-gas",
                d(366, 4),
                "GJ/Nm3",
                "Gas supplier's invoices 2026 (net calorific value printed on each bill)",
                "Invoice header, line 'NCV 36.6 MJ/Nm3'",
            )
        },
    ] {
        f.save_company_factor(None, row, actor)
            .map_err(store_error)?;
    }
    for e in &entries {
        f.add_entry(e, actor).map_err(store_error)?;
    }
    Ok(())
}

pub fn print_profile(l: &Localizer, d: &CompanyData) {
    let p = &d.profile;
    let line = |key: &str, v: &str| println!("{}: {}", l.t(&format!("field-{key}")), v);
    line("legal_name_en", &p.legal_name_en);
    line("legal_name_ar", &p.legal_name_ar);
    line("legal_form", &p.legal_form);
    line("registration_number", &p.registration_number);
    line("country", &p.country);
    line("city", &p.city);
    line("address", &p.address);
    line("nace_codes", &p.nace_codes.join(", "));
    line(
        "employees",
        &p.employees.map(|n| n.to_string()).unwrap_or_default(),
    );
    line(
        "turnover",
        &p.turnover
            .as_ref()
            .map(|m| format!("{} {}", m.amount, m.currency))
            .unwrap_or_default(),
    );
    line("reporting_year", &p.reporting_year.to_string());
    println!("{}: {}", l.t("cli-sites"), d.sites.len());
    for s in &d.sites {
        println!("  - {} {}", s.name, s.unlocode);
    }
    println!("{}: {}", l.t("cli-customers"), d.customers.len());
    for c in &d.customers {
        println!("  - {} ({}) {}", c.name, c.country, c.email);
    }
}
