//! Validation: every rule yields a [`FieldError`] naming the field and a Fluent key, so the
//! UI can show the message next to the field in the user's language.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::codes::{is_country, is_currency, normalize_nace, normalize_unlocode};
use crate::company::{CompanyData, CompanyProfile, Customer, NewCompany, Site};
use crate::numerals::normalize_number;

/// One problem with one field. `field` is a path such as `profile.country` or
/// `sites.2.latitude`; `key` is a Fluent message id; `args` fill the message's variables.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldError {
    pub field: String,
    pub key: String,
    pub args: Vec<(String, String)>,
}

impl FieldError {
    pub fn new(field: impl Into<String>, key: &str) -> Self {
        FieldError {
            field: field.into(),
            key: key.to_string(),
            args: Vec::new(),
        }
    }

    pub fn arg(mut self, name: &str, value: impl ToString) -> Self {
        self.args.push((name.to_string(), value.to_string()));
        self
    }
}

pub const MIN_YEAR: i32 = 2000;
pub const MAX_YEAR: i32 = 2100;
pub const MAX_EMPLOYEES: u32 = 10_000_000;

pub trait Validate {
    /// All problems, in field order; empty when valid.
    fn validate(&self) -> Vec<FieldError>;
}

fn required(errors: &mut Vec<FieldError>, field: &str, value: &str) {
    if value.trim().is_empty() {
        errors.push(FieldError::new(field, "v-required"));
    }
}

fn max_len(errors: &mut Vec<FieldError>, field: &str, value: &str, max: usize) {
    if value.chars().count() > max {
        errors.push(FieldError::new(field, "v-too-long").arg("max", max));
    }
}

fn country(errors: &mut Vec<FieldError>, field: &str, value: &str) {
    if value.is_empty() {
        errors.push(FieldError::new(field, "v-required"));
    } else if !is_country(value) {
        errors.push(FieldError::new(field, "v-country-unknown").arg("code", value));
    }
}

fn year(errors: &mut Vec<FieldError>, field: &str, value: i32) {
    if !(MIN_YEAR..=MAX_YEAR).contains(&value) {
        errors.push(
            FieldError::new(field, "v-year-range")
                .arg("min", MIN_YEAR)
                .arg("max", MAX_YEAR),
        );
    }
}

fn has_arabic_letter(s: &str) -> bool {
    s.chars()
        .any(|c| matches!(c, '\u{0620}'..='\u{064A}' | '\u{066E}'..='\u{06D3}' | '\u{FB50}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFF}'))
}

/// A plain, deliberately permissive check: one `@`, something before it, a dotted domain
/// after it, no spaces. Whether the mailbox exists is the mail client's business.
pub fn is_email(s: &str) -> bool {
    let Some((local, domain)) = s.split_once('@') else {
        return false;
    };
    !local.is_empty()
        && !domain.contains('@')
        && !s.chars().any(|c| c.is_whitespace() || c.is_control())
        && domain.split('.').count() >= 2
        && domain.split('.').all(|label| {
            !label.is_empty()
                && !label.starts_with('-')
                && !label.ends_with('-')
                && label.chars().all(|c| c.is_alphanumeric() || c == '-')
        })
}

impl Validate for NewCompany {
    fn validate(&self) -> Vec<FieldError> {
        let mut e = Vec::new();
        required(&mut e, "name", &self.name);
        max_len(&mut e, "name", &self.name, 200);
        country(&mut e, "country", self.country.trim());
        year(&mut e, "reporting_year", self.reporting_year);
        e
    }
}

impl Validate for CompanyProfile {
    fn validate(&self) -> Vec<FieldError> {
        let mut e = Vec::new();
        let f = |n: &str| format!("profile.{n}");
        required(&mut e, &f("legal_name_en"), &self.legal_name_en);
        max_len(&mut e, &f("legal_name_en"), &self.legal_name_en, 200);
        if !self.legal_name_ar.is_empty() && !has_arabic_letter(&self.legal_name_ar) {
            e.push(FieldError::new(f("legal_name_ar"), "v-arabic-expected"));
        }
        max_len(&mut e, &f("legal_name_ar"), &self.legal_name_ar, 200);
        max_len(&mut e, &f("legal_form"), &self.legal_form, 100);
        max_len(
            &mut e,
            &f("registration_number"),
            &self.registration_number,
            50,
        );
        if self
            .registration_number
            .chars()
            .any(|c| !(c.is_alphanumeric() || " -/.".contains(c)))
        {
            e.push(FieldError::new(
                f("registration_number"),
                "v-registration-chars",
            ));
        }
        country(&mut e, &f("country"), &self.country);
        max_len(&mut e, &f("city"), &self.city, 100);
        max_len(&mut e, &f("address"), &self.address, 500);
        if self.nace_codes.len() > 10 {
            e.push(FieldError::new(f("nace_codes"), "v-too-many").arg("max", 10));
        }
        for (i, code) in self.nace_codes.iter().enumerate() {
            match normalize_nace(code) {
                None => {
                    e.push(FieldError::new(f("nace_codes"), "v-nace-invalid").arg("code", code))
                }
                Some(norm) => {
                    let earlier = self.nace_codes[..i]
                        .iter()
                        .any(|c| normalize_nace(c).as_deref() == Some(norm.as_str()));
                    if earlier {
                        e.push(FieldError::new(f("nace_codes"), "v-duplicate").arg("value", norm));
                    }
                }
            }
        }
        if let Some(n) = self.employees {
            if n > MAX_EMPLOYEES {
                e.push(
                    FieldError::new(f("employees"), "v-number-range")
                        .arg("min", 0)
                        .arg("max", MAX_EMPLOYEES),
                );
            }
        }
        if let Some(t) = &self.turnover {
            if t.amount.is_sign_negative() && !t.amount.is_zero() {
                e.push(FieldError::new(f("turnover"), "v-negative"));
            }
            if !is_currency(&t.currency) {
                e.push(
                    FieldError::new(f("turnover_currency"), "v-currency-unknown")
                        .arg("code", &t.currency),
                );
            }
        }
        year(&mut e, &f("reporting_year"), self.reporting_year);
        e
    }
}

fn site_errors(e: &mut Vec<FieldError>, i: usize, s: &Site, all: &[Site]) {
    let f = |n: &str| format!("sites.{i}.{n}");
    required(e, &f("name"), &s.name);
    max_len(e, &f("name"), &s.name, 200);
    if !s.name.is_empty()
        && all[..i]
            .iter()
            .any(|o| o.name.eq_ignore_ascii_case(&s.name))
    {
        e.push(FieldError::new(f("name"), "v-duplicate").arg("value", &s.name));
    }
    max_len(e, &f("address"), &s.address, 500);
    if !s.unlocode.is_empty() && normalize_unlocode(&s.unlocode).is_none() {
        e.push(FieldError::new(f("unlocode"), "v-unlocode-invalid").arg("code", &s.unlocode));
    }
    match (s.latitude, s.longitude) {
        (Some(_), None) => e.push(FieldError::new(f("longitude"), "v-coordinates-pair")),
        (None, Some(_)) => e.push(FieldError::new(f("latitude"), "v-coordinates-pair")),
        _ => {}
    }
    if let Some(lat) = s.latitude {
        if lat < Decimal::from(-90) || lat > Decimal::from(90) {
            e.push(
                FieldError::new(f("latitude"), "v-number-range")
                    .arg("min", -90)
                    .arg("max", 90),
            );
        }
    }
    if let Some(lon) = s.longitude {
        if lon < Decimal::from(-180) || lon > Decimal::from(180) {
            e.push(
                FieldError::new(f("longitude"), "v-number-range")
                    .arg("min", -180)
                    .arg("max", 180),
            );
        }
    }
}

fn customer_errors(e: &mut Vec<FieldError>, i: usize, c: &Customer) {
    let f = |n: &str| format!("customers.{i}.{n}");
    required(e, &f("name"), &c.name);
    max_len(e, &f("name"), &c.name, 200);
    country(e, &f("country"), &c.country);
    if !c.email.is_empty() && !is_email(&c.email) {
        e.push(FieldError::new(f("email"), "v-email-invalid"));
    }
    max_len(e, &f("email"), &c.email, 254);
}

impl Validate for CompanyData {
    fn validate(&self) -> Vec<FieldError> {
        let mut e = self.profile.validate();
        for (i, s) in self.sites.iter().enumerate() {
            site_errors(&mut e, i, s, &self.sites);
        }
        for (i, c) in self.customers.iter().enumerate() {
            customer_errors(&mut e, i, c);
        }
        e
    }
}

/// Parses a typed whole number (Western or Eastern digits, thousands separators allowed).
/// Empty input is `Ok(None)`.
pub fn parse_count(field: &str, input: &str) -> Result<Option<u32>, FieldError> {
    let s = normalize_number(input);
    if s.is_empty() {
        return Ok(None);
    }
    if s.starts_with('-') {
        return Err(FieldError::new(field, "v-negative"));
    }
    s.parse::<u32>()
        .map(Some)
        .map_err(|_| FieldError::new(field, "v-whole-number"))
}

/// Parses a typed decimal (Western or Eastern digits). Empty input is `Ok(None)`.
pub fn parse_decimal(field: &str, input: &str) -> Result<Option<Decimal>, FieldError> {
    let s = normalize_number(input);
    if s.is_empty() {
        return Ok(None);
    }
    s.parse::<Decimal>()
        .map(Some)
        .map_err(|_| FieldError::new(field, "v-number"))
}

/// Parses a typed year.
pub fn parse_year(field: &str, input: &str) -> Result<i32, FieldError> {
    let s = normalize_number(input);
    let y: i32 = s
        .parse()
        .map_err(|_| FieldError::new(field, "v-whole-number"))?;
    let mut e = Vec::new();
    year(&mut e, field, y);
    e.pop().map_or(Ok(y), Err)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::company::Money;

    fn valid() -> CompanyData {
        CompanyData {
            profile: CompanyProfile {
                legal_name_en: "Nile Steel S.A.E.".into(),
                legal_name_ar: "النيل للصلب".into(),
                legal_form: "S.A.E.".into(),
                registration_number: "12345/2010".into(),
                country: "EG".into(),
                city: "Alexandria".into(),
                address: "Borg El Arab".into(),
                nace_codes: vec!["C24.10".into()],
                employees: Some(250),
                turnover: Some(Money {
                    amount: "125000000.50".parse().unwrap(),
                    currency: "EGP".into(),
                }),
                reporting_year: 2026,
            },
            sites: vec![Site {
                id: None,
                name: "Plant 1".into(),
                address: String::new(),
                unlocode: "EGALY".into(),
                latitude: Some("31.2".parse().unwrap()),
                longitude: Some("29.9".parse().unwrap()),
            }],
            customers: vec![Customer {
                id: None,
                name: "Stahlhandel GmbH".into(),
                country: "DE".into(),
                email: "cbam@stahlhandel.de".into(),
            }],
        }
    }

    fn keys(d: &CompanyData) -> Vec<(String, String)> {
        d.normalized()
            .validate()
            .into_iter()
            .map(|e| (e.field, e.key))
            .collect()
    }

    #[test]
    fn a_complete_profile_is_valid() {
        assert!(keys(&valid()).is_empty(), "{:?}", keys(&valid()));
    }

    #[test]
    fn each_rule_points_at_its_field() {
        let mut d = valid();
        d.profile.legal_name_en = "  ".into();
        d.profile.legal_name_ar = "Nile".into();
        d.profile.country = "XX".into();
        d.profile.nace_codes = vec!["24.10".into(), "C24.10".into(), "99.99.9".into()];
        d.profile.turnover = Some(Money {
            amount: "-1".parse().unwrap(),
            currency: "EGX".into(),
        });
        d.profile.reporting_year = 1999;
        d.sites[0].latitude = Some("91".parse().unwrap());
        d.sites[0].unlocode = "EG1".into();
        d.customers[0].email = "not an email".into();
        d.customers[0].country = String::new();
        let got = keys(&d);
        let want = [
            ("profile.legal_name_en", "v-required"),
            ("profile.legal_name_ar", "v-arabic-expected"),
            ("profile.country", "v-country-unknown"),
            ("profile.nace_codes", "v-duplicate"),
            ("profile.nace_codes", "v-nace-invalid"),
            ("profile.turnover", "v-negative"),
            ("profile.turnover_currency", "v-currency-unknown"),
            ("profile.reporting_year", "v-year-range"),
            ("sites.0.unlocode", "v-unlocode-invalid"),
            ("sites.0.latitude", "v-number-range"),
            ("customers.0.country", "v-required"),
            ("customers.0.email", "v-email-invalid"),
        ];
        let want: Vec<(String, String)> = want
            .iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect();
        assert_eq!(got, want);
    }

    #[test]
    fn numbers_parse_in_both_scripts() {
        assert_eq!(parse_count("e", "١٢٥").unwrap(), Some(125));
        assert_eq!(parse_count("e", "").unwrap(), None);
        assert_eq!(parse_count("e", "-3").unwrap_err().key, "v-negative");
        assert_eq!(parse_count("e", "12.5").unwrap_err().key, "v-whole-number");
        assert_eq!(
            parse_decimal("t", "١٬٢٥٠٫٥").unwrap(),
            Some("1250.5".parse().unwrap())
        );
        assert_eq!(parse_decimal("t", "abc").unwrap_err().key, "v-number");
        assert_eq!(parse_year("y", "٢٠٢٦").unwrap(), 2026);
        assert_eq!(parse_year("y", "3000").unwrap_err().key, "v-year-range");
    }

    #[test]
    fn emails() {
        assert!(is_email("a.b@example.co.uk"));
        assert!(!is_email("a@b"));
        assert!(!is_email("a b@example.com"));
        assert!(!is_email("@example.com"));
    }

    #[test]
    fn json_shape_is_stable() {
        let json = serde_json::to_value(valid()).unwrap();
        assert_eq!(json["profile"]["turnover"]["amount"], "125000000.50");
        assert_eq!(json["sites"][0]["latitude"], "31.2");
    }
}
