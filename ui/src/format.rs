//! Numbers, dates and country/currency names in the reader's locale.
//!
//! The browser's `Intl` already knows that Egyptian Arabic writes Arabic-Indic digits and how each
//! locale orders a date, so the UI asks it (through `js/intl.js`) instead of carrying tables.
//! Every function takes the interface [`Lang`] and uses its BCP 47 [`Lang::locale`].

use std::cell::RefCell;
use std::rc::Rc;

use athar_domain::codes::{COUNTRIES, CURRENCIES};
use athar_protocol::Lang;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(module = "/js/intl.js")]
extern "C" {
    fn format_number(locale: &str, value: &str) -> String;
    fn format_plain(locale: &str, value: &str) -> String;
    fn format_money(locale: &str, amount: &str, currency: &str) -> String;
    fn format_date_time(locale: &str, iso: &str) -> String;
    fn format_time(locale: &str, millis: f64) -> String;
    fn format_date(locale: &str, iso_date: &str) -> String;
    fn format_percent(locale: &str, value: &str) -> String;
    fn display_name(locale: &str, kind: &str, code: &str) -> String;
    fn compare_text(locale: &str, a: &str, b: &str) -> i32;
    fn now_millis() -> f64;
    fn current_year() -> i32;
}

/// A whole or decimal number in the locale's digits and separators. `value` is the decimal text
/// (as `rust_decimal` prints it), so no precision is lost on the way.
pub fn number(lang: Lang, value: &str) -> String {
    format_number(lang.locale(), value)
}

/// A number without thousands separators (a year, a sequence number).
pub fn plain(lang: Lang, value: &str) -> String {
    format_plain(lang.locale(), value)
}

pub fn count(lang: Lang, n: u64) -> String {
    number(lang, &n.to_string())
}

pub fn money(lang: Lang, amount: &str, currency: &str) -> String {
    format_money(lang.locale(), amount, currency)
}

/// An RFC 3339 timestamp as a medium date and short time; the input itself if unparsable.
pub fn date_time(lang: Lang, rfc3339: &str) -> String {
    format_date_time(lang.locale(), rfc3339)
}

/// A calendar date (`YYYY-MM-DD`) as a medium date; the input itself if unparsable.
pub fn date(lang: Lang, iso_date: &str) -> String {
    format_date(lang.locale(), iso_date)
}

/// A share (0.25) as a percentage ("25 %", "٢٥٪").
pub fn percent(lang: Lang, share: rust_decimal::Decimal) -> String {
    format_percent(lang.locale(), &share.to_string())
}

/// A sortable local timestamp for generated ids: `20260314-093012`.
pub fn stamp() -> String {
    let d = js_sys::Date::new_0();
    format!(
        "{:04}{:02}{:02}-{:02}{:02}{:02}",
        d.get_full_year(),
        d.get_month() + 1,
        d.get_date(),
        d.get_hours(),
        d.get_minutes(),
        d.get_seconds()
    )
}

/// A moment (milliseconds since the epoch) as a short time of day.
pub fn time(lang: Lang, millis: f64) -> String {
    format_time(lang.locale(), millis)
}

pub fn now() -> f64 {
    now_millis()
}

pub fn this_year() -> i32 {
    current_year()
}

pub fn country_name(lang: Lang, code: &str) -> String {
    display_name(lang.locale(), "region", code)
}

pub fn currency_name(lang: Lang, code: &str) -> String {
    display_name(lang.locale(), "currency", code)
}

/// (code, localized name) pairs.
pub type Names = Rc<Vec<(&'static str, String)>>;

thread_local! {
    static COUNTRY_NAMES: RefCell<[Option<Names>; 2]> = const { RefCell::new([None, None]) };
}

fn slot(lang: Lang) -> usize {
    match lang {
        Lang::En => 0,
        Lang::Ar => 1,
    }
}

/// Every ISO country with its name in `lang`, sorted by that name; computed once per language.
pub fn countries_sorted(lang: Lang) -> Names {
    COUNTRY_NAMES.with(|cell| {
        if let Some(names) = &cell.borrow()[slot(lang)] {
            return names.clone();
        }
        let locale = lang.locale();
        let mut names: Vec<(&'static str, String)> = COUNTRIES
            .iter()
            .map(|c| (*c, country_name(lang, c)))
            .collect();
        names.sort_by(|a, b| compare_text(locale, &a.1, &b.1).cmp(&0));
        let names = Rc::new(names);
        cell.borrow_mut()[slot(lang)] = Some(names.clone());
        names
    })
}

/// Currency codes with the most used in Athar's markets first, then all others.
pub const CURRENCIES_FIRST: &[&str] = &[
    "EGP", "SAR", "AED", "MAD", "TND", "JOD", "TRY", "EUR", "USD",
];

pub fn currencies_other() -> impl Iterator<Item = &'static str> {
    CURRENCIES
        .iter()
        .copied()
        .filter(|c| !CURRENCIES_FIRST.contains(c))
}

/// The currency a company in `country` most likely reports in; used as the initial choice.
pub fn home_currency(country: &str) -> &'static str {
    match country {
        "EG" => "EGP",
        "SA" => "SAR",
        "AE" => "AED",
        "MA" => "MAD",
        "TN" => "TND",
        "JO" => "JOD",
        "TR" => "TRY",
        _ => "USD",
    }
}
