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
