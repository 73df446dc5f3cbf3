//! The company profile: who the company is, where it produces, and whom it sells to in the EU.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::codes::{normalize_nace, normalize_unlocode};

/// An amount of money in an ISO 4217 currency. Amounts are decimals, never floats.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Money {
    pub amount: Decimal,
    pub currency: String,
}

/// The company's own particulars (one per company file).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct CompanyProfile {
    pub legal_name_en: String,
    pub legal_name_ar: String,
    pub legal_form: String,
    pub registration_number: String,
    /// ISO 3166-1 alpha-2.
    pub country: String,
    pub city: String,
    pub address: String,
    /// NACE Rev. 2 codes, canonical form ("C24.10").
    pub nace_codes: Vec<String>,
    pub employees: Option<u32>,
    pub turnover: Option<Money>,
    pub reporting_year: i32,
}

/// A site or installation where the company produces.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Site {
    /// Assigned by the store; `None` for a site not yet saved.
    pub id: Option<i64>,
    pub name: String,
    pub address: String,
    /// Five characters, e.g. "EGALY"; empty when unknown.
    pub unlocode: String,
    pub latitude: Option<Decimal>,
    pub longitude: Option<Decimal>,
}

/// An EU customer or importer the company reports to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Customer {
    /// Assigned by the store; `None` for a customer not yet saved.
    pub id: Option<i64>,
    pub name: String,
    /// ISO 3166-1 alpha-2.
    pub country: String,
    pub email: String,
}

/// Everything the profile screen edits, saved as one unit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct CompanyData {
    pub profile: CompanyProfile,
    pub sites: Vec<Site>,
    pub customers: Vec<Customer>,
}

/// The few facts needed to create a company file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewCompany {
    pub name: String,
    pub country: String,
    pub reporting_year: i32,
}

impl NewCompany {
    pub fn into_profile(self) -> CompanyProfile {
        CompanyProfile {
            legal_name_en: self.name,
            country: self.country,
            reporting_year: self.reporting_year,
            ..CompanyProfile::default()
        }
    }
}

fn tidy(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

impl CompanyData {
    /// Trims text, upper-cases codes and puts NACE codes and UN/LOCODEs in canonical form
    /// (codes that do not parse are kept as typed so validation can point at them).
    pub fn normalized(&self) -> CompanyData {
        let p = &self.profile;
        CompanyData {
            profile: CompanyProfile {
                legal_name_en: tidy(&p.legal_name_en),
                legal_name_ar: tidy(&p.legal_name_ar),
                legal_form: tidy(&p.legal_form),
                registration_number: tidy(&p.registration_number),
                country: p.country.trim().to_ascii_uppercase(),
                city: tidy(&p.city),
                address: p.address.trim().to_string(),
                nace_codes: p
                    .nace_codes
                    .iter()
                    .filter(|c| !c.trim().is_empty())
                    .map(|c| normalize_nace(c).unwrap_or_else(|| c.trim().to_string()))
                    .collect(),
                employees: p.employees,
                turnover: p.turnover.as_ref().map(|m| Money {
                    amount: m.amount.normalize(),
                    currency: m.currency.trim().to_ascii_uppercase(),
                }),
                reporting_year: p.reporting_year,
            },
            sites: self
                .sites
                .iter()
                .map(|s| Site {
                    id: s.id,
                    name: tidy(&s.name),
                    address: s.address.trim().to_string(),
                    unlocode: normalize_unlocode(&s.unlocode)
                        .unwrap_or_else(|| s.unlocode.trim().to_string()),
                    latitude: s.latitude.map(|d| d.normalize()),
                    longitude: s.longitude.map(|d| d.normalize()),
                })
                .collect(),
            customers: self
                .customers
                .iter()
                .map(|c| Customer {
                    id: c.id,
                    name: tidy(&c.name),
                    country: c.country.trim().to_ascii_uppercase(),
                    email: c.email.trim().to_string(),
                })
                .collect(),
        }
    }
}
