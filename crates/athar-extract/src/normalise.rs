//! Normal forms of values and text: numbers with Eastern or Western digits and any of the
//! usual separators, dates in the common numeric and month-name formats (English and
//! Arabic), unit, currency and fuel words, and a folded form of Arabic and Latin text for
//! keyword matching.
//!
//! Why one module: the parsers, the merge of model proposals and the benchmark must agree on
//! what "the same value" is, so they all go through [`normalise_value`] and [`values_match`].

use std::str::FromStr;

use rust_decimal::Decimal;
use time::{Date, Month};
use unicode_normalization::UnicodeNormalization;

use crate::model::FieldKind;

/// Unit symbols a consumption or quantity may have (`athar-quantity` spellings).
pub const UNIT_SYMBOLS: &[&str] = &["kWh", "MWh", "GJ", "MJ", "m3", "Nm3", "L", "kg", "t"];

/// Currencies the parsers recognise.
pub const CURRENCY_CODES: &[&str] = &[
    "AED", "CHF", "CNY", "EGP", "EUR", "GBP", "INR", "JOD", "KWD", "MAD", "MYR", "PLN", "QAR",
    "SAR", "TND", "TRY", "USD",
];

/// Fuel activity ids of the factor packs that bills and invoices name.
pub const FUEL_TYPES: &[&str] = &[
    "fuel:gas-diesel-oil",
    "fuel:motor-gasoline",
    "fuel:natural-gas",
    "fuel:liquefied-petroleum-gases",
    "fuel:residual-fuel-oil",
    "fuel:kerosene-other-than-jet-kerosene",
    "fuel:petroleum-coke",
];

/// Folds text for keyword matching: NFKC (Arabic presentation forms become letters), Eastern
/// digits to ASCII, Latin lower case, Arabic diacritics and tatweel removed, alef forms to
/// bare alef, `ة` to `ه`, `ى` to `ي`, runs of blanks to one space (a tab, which marks a
/// column gap, is kept as one tab).
///
/// Folding never changes the number of characters except where NFKC does, so callers that
/// need offsets fold one line at a time and map offsets back through [`fold_with_map`].
pub fn fold(text: &str) -> String {
    fold_with_map(text).0
}

/// [`fold`], plus for each char of the output the index of the char of the input it came
/// from.
pub fn fold_with_map(text: &str) -> (String, Vec<usize>) {
    let mut out = String::new();
    let mut map = Vec::new();
    let mut last_space = true;
    for (i, c) in text.chars().enumerate() {
        for d in std::iter::once(c).nfkc() {
            let folded = match d {
                '\u{064B}'..='\u{0652}'
                | '\u{0670}'
                | '\u{0640}'
                | '\u{200E}'
                | '\u{200F}'
                | '\u{061C}'
                | '\u{200B}'..='\u{200D}' => continue,
                'أ' | 'إ' | 'آ' | 'ٱ' => 'ا',
                'ة' => 'ه',
                'ى' => 'ي',
                '\u{0660}'..='\u{0669}' => char::from(b'0' + (d as u32 - 0x0660) as u8),
                '\u{06F0}'..='\u{06F9}' => char::from(b'0' + (d as u32 - 0x06F0) as u8),
                // A tab marks a column gap (see `crate::pdf`); parsers use it to end a value.
                '\t' => '\t',
                c if c.is_whitespace() => ' ',
                c => c,
            };
            if folded == '\t' {
                if out.ends_with('\t') {
                    continue;
                }
                if out.ends_with(' ') {
                    out.pop();
                    map.pop();
                }
                last_space = true;
            } else if folded == ' ' {
                if last_space {
                    continue;
                }
                last_space = true;
            } else {
                last_space = false;
            }
            for l in folded.to_lowercase() {
                out.push(l);
                map.push(i);
            }
        }
    }
    while out.ends_with(' ') || out.ends_with('\t') {
        out.pop();
        map.pop();
    }
    (out, map)
}

/// Eastern Arabic and Persian digits to ASCII.
pub fn ascii_digits(text: &str) -> String {
    athar_domain::numerals::to_ascii_digits(text)
}

/// Reads a number as printed: `12,500.75`, `12.500,75`, `12 500,75`, `١٢٬٥٠٠٫٧٥`, `-3.5`.
/// A lone `,` followed by exactly three digits is a thousands separator (`1,250` = 1250);
/// followed by one, two or four or more digits it is a decimal comma. A lone `.` is always
/// a decimal point unless it repeats (`1.250.000`).
pub fn parse_number(raw: &str) -> Option<Decimal> {
    let s: String = ascii_digits(raw.trim())
        .chars()
        .filter(|c| !matches!(c, ' ' | '\u{00A0}' | '\u{202F}' | '\u{2009}' | '\''))
        .map(|c| match c {
            '\u{066B}' => '.',
            '\u{066C}' => ',',
            '\u{2212}' => '-',
            c => c,
        })
        .collect();
    let (neg, body) = match s.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, s.as_str()),
    };
    if body.is_empty()
        || !body
            .chars()
            .all(|c| c.is_ascii_digit() || c == ',' || c == '.')
        || !body.chars().next().is_some_and(|c| c.is_ascii_digit())
        || !body.chars().last().is_some_and(|c| c.is_ascii_digit())
    {
        return None;
    }
    let commas = body.matches(',').count();
    let dots = body.matches('.').count();
    let (group, decimal) = match (commas, dots) {
        (0, 0) => (None, None),
        (_, 0) => {
            let after = body.len() - body.rfind(',')? - 1;
            if commas == 1 && after != 3 {
                (None, Some(','))
            } else {
                (Some(','), None)
            }
        }
        (0, 1) => (None, Some('.')),
        (0, _) => (Some('.'), None),
        _ => {
            if body.rfind(',')? > body.rfind('.')? {
                (Some('.'), Some(','))
            } else {
                (Some(','), Some('.'))
            }
        }
    };
    if let Some(d) = decimal {
        if body.matches(d).count() > 1 {
            return None;
        }
    }
    if let Some(g) = group {
        // Groups after the first must have exactly three digits.
        let int_part = match decimal {
            Some(d) => body.split(d).next()?,
            None => body,
        };
        let mut parts = int_part.split(g);
        let first = parts.next()?;
        if first.is_empty() || first.len() > 3 || parts.clone().any(|p| p.len() != 3) {
            return None;
        }
    }
    let mut plain: String = body
        .chars()
        .filter(|c| Some(*c) != group)
        .map(|c| if Some(c) == decimal { '.' } else { c })
        .collect();
    if neg {
        plain.insert(0, '-');
    }
    Decimal::from_str(&plain).ok()
}

/// English and Arabic month names (folded, see [`fold`]) with their number.
const MONTHS: &[(&str, u8)] = &[
    ("january", 1),
    ("jan", 1),
    ("february", 2),
    ("feb", 2),
    ("march", 3),
    ("mar", 3),
    ("april", 4),
    ("apr", 4),
    ("may", 5),
    ("june", 6),
    ("jun", 6),
    ("july", 7),
    ("jul", 7),
    ("august", 8),
    ("aug", 8),
    ("september", 9),
    ("sept", 9),
    ("sep", 9),
    ("october", 10),
    ("oct", 10),
    ("november", 11),
    ("nov", 11),
    ("december", 12),
    ("dec", 12),
    // Egyptian and Gulf names.
    ("يناير", 1),
    ("فبراير", 2),
    ("مارس", 3),
    ("ابريل", 4),
    ("مايو", 5),
    ("يونيو", 6),
    ("يونيه", 6),
    ("يوليو", 7),
    ("يوليه", 7),
    ("اغسطس", 8),
    ("سبتمبر", 9),
    ("اكتوبر", 10),
    ("نوفمبر", 11),
    ("ديسمبر", 12),
    // Levantine and Iraqi names.
    ("كانون الثاني", 1),
    ("شباط", 2),
    ("اذار", 3),
    ("نيسان", 4),
    ("ايار", 5),
    ("حزيران", 6),
    ("تموز", 7),
    ("اب", 8),
    ("ايلول", 9),
    ("تشرين الاول", 10),
    ("تشرين الثاني", 11),
    ("كانون الاول", 12),
];

/// The month named by a folded word, if any.
pub fn month_number(folded: &str) -> Option<u8> {
    let w = folded.trim_end_matches('.');
    MONTHS.iter().find(|(n, _)| *n == w).map(|(_, m)| *m)
}

/// Folded month names, longest first, for the date finder.
pub(crate) fn month_names() -> Vec<&'static str> {
    let mut v: Vec<&str> = MONTHS.iter().map(|(n, _)| *n).collect();
    v.sort_by_key(|n| std::cmp::Reverse(n.chars().count()));
    v
}

/// A four-digit year, or a two-digit year read as 20yy (bills are recent).
pub fn full_year(y: i32, digits: usize) -> Option<i32> {
    match digits {
        2 => Some(2000 + y),
        4 if (1990..=2100).contains(&y) => Some(y),
        _ => None,
    }
}

/// A calendar date, if the parts make one.
pub fn make_date(year: i32, month: u8, day: u8) -> Option<Date> {
    Date::from_calendar_date(year, Month::try_from(month).ok()?, day).ok()
}

/// Parses a whole string as a date (see [`crate::text::find_dates`] for the formats).
pub fn parse_date(raw: &str) -> Option<Date> {
    let folded = fold(raw);
    let found = crate::text::find_dates(&folded);
    match found.as_slice() {
        [one] if one.start == 0 && one.end == folded.chars().count() => Some(one.date),
        [one] => {
            // Allow surrounding punctuation only.
            let rest: String = folded
                .chars()
                .enumerate()
                .filter(|(i, _)| *i < one.start || *i >= one.end)
                .map(|(_, c)| c)
                .collect();
            rest.chars()
                .all(|c| !c.is_alphanumeric())
                .then_some(one.date)
        }
        _ => None,
    }
}

/// ISO form of a date.
pub fn iso_date(d: Date) -> String {
    format!("{:04}-{:02}-{:02}", d.year(), u8::from(d.month()), d.day())
}

/// Unit words (folded) and their symbol. Longest first when matched.
const UNIT_WORDS: &[(&str, &str)] = &[
    ("kwh", "kWh"),
    ("kw.h", "kWh"),
    ("kw h", "kWh"),
    ("kilowatt hours", "kWh"),
    ("kilowatt-hours", "kWh"),
    ("كيلووات ساعه", "kWh"),
    ("كيلو وات ساعه", "kWh"),
    ("ك.و.س", "kWh"),
    ("ك و س", "kWh"),
    ("كيلووات", "kWh"),
    ("mwh", "MWh"),
    ("ميجاوات ساعه", "MWh"),
    ("gj", "GJ"),
    ("mj", "MJ"),
    ("م3 قياسي", "Nm3"),
    ("م³ قياسي", "Nm3"),
    ("متر مكعب قياسي", "Nm3"),
    ("nm3", "Nm3"),
    ("nm³", "Nm3"),
    ("scm", "Nm3"),
    ("sm3", "Nm3"),
    ("m3", "m3"),
    ("m³", "m3"),
    ("cubic metres", "m3"),
    ("cubic meters", "m3"),
    ("cbm", "m3"),
    ("م3", "m3"),
    ("م³", "m3"),
    ("متر مكعب", "m3"),
    ("litres", "L"),
    ("liters", "L"),
    ("litre", "L"),
    ("liter", "L"),
    ("ltrs", "L"),
    ("ltr", "L"),
    ("lt", "L"),
    ("l", "L"),
    ("لتر", "L"),
    ("ليتر", "L"),
    ("kgs", "kg"),
    ("kg", "kg"),
    ("كجم", "kg"),
    ("كغ", "kg"),
    ("كيلوجرام", "kg"),
    ("tonnes", "t"),
    ("tonne", "t"),
    ("tons", "t"),
    ("ton", "t"),
    ("mt", "t"),
    ("طن", "t"),
];

/// Unit words, longest first.
pub(crate) fn unit_words() -> Vec<(&'static str, &'static str)> {
    let mut v = UNIT_WORDS.to_vec();
    v.sort_by_key(|(w, _)| std::cmp::Reverse(w.chars().count()));
    v
}

/// The unit symbol a word names.
pub fn unit_symbol(raw: &str) -> Option<&'static str> {
    let f = fold(raw);
    let f = f.trim_matches(|c: char| c == '.' || c == ':' || c == '(' || c == ')');
    if let Some(s) = UNIT_SYMBOLS.iter().find(|s| s.to_lowercase() == f) {
        return Some(s);
    }
    UNIT_WORDS.iter().find(|(w, _)| *w == f).map(|(_, s)| *s)
}

/// Currency words and symbols (folded) and their ISO code.
const CURRENCY_WORDS: &[(&str, &str)] = &[
    ("egp", "EGP"),
    ("l.e.", "EGP"),
    ("l.e", "EGP"),
    ("e£", "EGP"),
    ("جنيه مصري", "EGP"),
    ("جنيها", "EGP"),
    ("جنيه", "EGP"),
    ("ج.م.", "EGP"),
    ("ج.م", "EGP"),
    ("جم", "EGP"),
    ("usd", "USD"),
    ("us$", "USD"),
    ("$", "USD"),
    ("دولار", "USD"),
    ("eur", "EUR"),
    ("€", "EUR"),
    ("يورو", "EUR"),
    ("gbp", "GBP"),
    ("£", "GBP"),
    ("sar", "SAR"),
    ("ر.س", "SAR"),
    ("ريال", "SAR"),
    ("aed", "AED"),
    ("د.ا", "AED"),
    ("درهم", "AED"),
    ("myr", "MYR"),
    ("rm", "MYR"),
    ("inr", "INR"),
    ("₹", "INR"),
    ("rs.", "INR"),
    ("pln", "PLN"),
    ("zł", "PLN"),
    ("zl", "PLN"),
    ("jod", "JOD"),
    ("kwd", "KWD"),
    ("qar", "QAR"),
    ("mad", "MAD"),
    ("tnd", "TND"),
    ("try", "TRY"),
    ("chf", "CHF"),
    ("cny", "CNY"),
];

/// Currency words, longest first.
pub(crate) fn currency_words() -> Vec<(&'static str, &'static str)> {
    let mut v = CURRENCY_WORDS.to_vec();
    v.sort_by_key(|(w, _)| std::cmp::Reverse(w.chars().count()));
    v
}

/// The ISO code a currency word or symbol names.
pub fn currency_code(raw: &str) -> Option<&'static str> {
    let f = fold(raw);
    let f = f.trim();
    if let Some(c) = CURRENCY_CODES.iter().find(|c| c.to_lowercase() == f) {
        return Some(c);
    }
    CURRENCY_WORDS
        .iter()
        .find(|(w, _)| *w == f)
        .map(|(_, c)| *c)
}

/// Fuel words (folded) and their activity id. Longest first when matched.
const FUEL_WORDS: &[(&str, &str)] = &[
    ("natural gas", "fuel:natural-gas"),
    ("cng", "fuel:natural-gas"),
    ("غاز طبيعي", "fuel:natural-gas"),
    ("الغاز الطبيعي", "fuel:natural-gas"),
    ("diesel", "fuel:gas-diesel-oil"),
    ("gasoil", "fuel:gas-diesel-oil"),
    ("gas oil", "fuel:gas-diesel-oil"),
    ("solar", "fuel:gas-diesel-oil"),
    ("سولار", "fuel:gas-diesel-oil"),
    ("السولار", "fuel:gas-diesel-oil"),
    ("ديزل", "fuel:gas-diesel-oil"),
    ("gasoline", "fuel:motor-gasoline"),
    ("petrol", "fuel:motor-gasoline"),
    ("benzine", "fuel:motor-gasoline"),
    ("octane", "fuel:motor-gasoline"),
    ("بنزين", "fuel:motor-gasoline"),
    ("البنزين", "fuel:motor-gasoline"),
    ("lpg", "fuel:liquefied-petroleum-gases"),
    ("butane", "fuel:liquefied-petroleum-gases"),
    ("بوتاجاز", "fuel:liquefied-petroleum-gases"),
    ("غاز البوتان", "fuel:liquefied-petroleum-gases"),
    ("غاز مسال", "fuel:liquefied-petroleum-gases"),
    ("fuel oil", "fuel:residual-fuel-oil"),
    ("mazut", "fuel:residual-fuel-oil"),
    ("mazout", "fuel:residual-fuel-oil"),
    ("مازوت", "fuel:residual-fuel-oil"),
    ("المازوت", "fuel:residual-fuel-oil"),
    ("kerosene", "fuel:kerosene-other-than-jet-kerosene"),
    ("كيروسين", "fuel:kerosene-other-than-jet-kerosene"),
    ("petroleum coke", "fuel:petroleum-coke"),
    ("petcoke", "fuel:petroleum-coke"),
    ("فحم بترولي", "fuel:petroleum-coke"),
];

/// Fuel words, longest first.
pub(crate) fn fuel_words() -> Vec<(&'static str, &'static str)> {
    let mut v = FUEL_WORDS.to_vec();
    v.sort_by_key(|(w, _)| std::cmp::Reverse(w.chars().count()));
    v
}

/// The fuel activity id a word names.
pub fn fuel_type(raw: &str) -> Option<&'static str> {
    let f = fold(raw);
    let f = f.trim();
    if let Some(t) = FUEL_TYPES.iter().find(|t| **t == f) {
        return Some(t);
    }
    fuel_words()
        .into_iter()
        .find(|(w, _)| crate::text::contains_word(f, w))
        .map(|(_, t)| t)
}

/// Collapses whitespace and trims blanks and trailing label punctuation.
pub fn clean_text(raw: &str) -> String {
    raw.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .trim_matches(|c: char| c == ':' || c == ',' || c == ';' || c == '-' || c == '|')
        .trim()
        .to_string()
}

/// The normal form of a value of `kind`, or `None` when `raw` is not such a value.
pub fn normalise_value(kind: FieldKind, raw: &str) -> Option<String> {
    let raw = raw.trim();
    if raw.is_empty() {
        return None;
    }
    match kind {
        FieldKind::Text => {
            let t = clean_text(raw);
            (!t.is_empty()).then_some(t)
        }
        FieldKind::Identifier => {
            let t: String = ascii_digits(raw)
                .chars()
                .filter(|c| !c.is_whitespace())
                .collect();
            let t = t
                .trim_matches(|c: char| c == ':' || c == '#' || c == '.')
                .to_string();
            (!t.is_empty() && t.chars().any(|c| c.is_ascii_digit())).then_some(t)
        }
        FieldKind::Date => parse_date(raw).map(iso_date),
        FieldKind::Decimal => parse_number(raw).map(|d| d.normalize().to_string()),
        FieldKind::Unit => unit_symbol(raw).map(str::to_string),
        FieldKind::Currency => currency_code(raw).map(str::to_string),
        FieldKind::FuelType => fuel_type(raw).map(str::to_string),
    }
}

/// The form two values are compared in: the normal form, then for text and identifiers
/// lower case with only letters and digits kept (`NO 122.124. JALAN` equals
/// `No 122.124 Jalan`).
pub fn comparison_form(kind: FieldKind, raw: &str) -> Option<String> {
    let n = match (normalise_value(kind, raw), kind) {
        (Some(n), _) => n,
        // An amount written with its currency in a ground-truth file ("$8.20", "EGP 1,250"):
        // the one number in it.
        (None, FieldKind::Decimal) => {
            let nums = crate::text::find_numbers(&fold(raw));
            match nums.as_slice() {
                [one] => one.value.normalize().to_string(),
                _ => return None,
            }
        }
        (None, _) => return None,
    };
    Some(match kind {
        FieldKind::Text | FieldKind::Identifier => {
            fold(&n).chars().filter(|c| c.is_alphanumeric()).collect()
        }
        _ => n,
    })
}

/// Whether two values of `kind` are the same after normalisation.
pub fn values_match(kind: FieldKind, a: &str, b: &str) -> bool {
    match (comparison_form(kind, a), comparison_form(kind, b)) {
        (Some(x), Some(y)) => x == y,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn num(s: &str) -> Option<String> {
        parse_number(s).map(|d| d.to_string())
    }

    #[test]
    fn numbers_in_every_common_form() {
        assert_eq!(num("12,500.75").as_deref(), Some("12500.75"));
        assert_eq!(num("12.500,75").as_deref(), Some("12500.75"));
        assert_eq!(num("12 500,75").as_deref(), Some("12500.75"));
        assert_eq!(num("١٢٬٥٠٠٫٧٥").as_deref(), Some("12500.75"));
        assert_eq!(num("١٢٥٠٠").as_deref(), Some("12500"));
        assert_eq!(num("1,250").as_deref(), Some("1250"));
        assert_eq!(num("12,5").as_deref(), Some("12.5"));
        assert_eq!(num("1.250.000").as_deref(), Some("1250000"));
        assert_eq!(num("80.90").as_deref(), Some("80.90"));
        assert_eq!(num("-3.5").as_deref(), Some("-3.5"));
        assert_eq!(num("1,25,000"), None);
        assert_eq!(num("12a"), None);
        assert_eq!(num(""), None);
        assert_eq!(num("1.2.3,4,5"), None);
    }

    #[test]
    fn folding_arabic_for_matching() {
        assert_eq!(fold("إجمالي  المبلغ"), "اجمالي المبلغ");
        assert_eq!(fold("الفاتورة"), "الفاتوره");
        assert_eq!(fold("رقم العـــداد"), "رقم العداد");
        assert_eq!(fold("Total  Amount"), "total amount");
        assert_eq!(fold("٢٠٢٦"), "2026");
        assert_eq!(fold("Total \t 80.90 \t"), "Total\t80.90".to_lowercase());
        // Presentation forms from old PDF producers become letters.
        assert_eq!(fold("\u{FEE3}\u{FEAE}"), "مر");
    }

    #[test]
    fn values_normalise_by_kind() {
        assert_eq!(
            normalise_value(FieldKind::Date, "05/03/2026").as_deref(),
            Some("2026-03-05")
        );
        assert_eq!(
            normalise_value(FieldKind::Date, "٥ مارس ٢٠٢٦").as_deref(),
            Some("2026-03-05")
        );
        assert_eq!(
            normalise_value(FieldKind::Decimal, "EGP 1,250.50"),
            None,
            "a decimal field holds only the number"
        );
        assert_eq!(
            normalise_value(FieldKind::Decimal, "1,250.50").as_deref(),
            Some("1250.5")
        );
        assert_eq!(
            normalise_value(FieldKind::Unit, "ك.و.س").as_deref(),
            Some("kWh")
        );
        assert_eq!(
            normalise_value(FieldKind::Unit, "م٣").as_deref(),
            Some("m3")
        );
        assert_eq!(
            normalise_value(FieldKind::Currency, "ج.م").as_deref(),
            Some("EGP")
        );
        assert_eq!(
            normalise_value(FieldKind::FuelType, "سولار").as_deref(),
            Some("fuel:gas-diesel-oil")
        );
        assert_eq!(
            normalise_value(FieldKind::Identifier, "١٢٣ ٤٥٦").as_deref(),
            Some("123456")
        );
        assert!(values_match(
            FieldKind::Text,
            "NO 122.124. JALAN DEDAP 13",
            "No 122.124 Jalan Dedap 13"
        ));
        assert!(!values_match(FieldKind::Decimal, "80.90", "80.09"));
        assert!(values_match(FieldKind::Decimal, "80.90", "80.9"));
        assert!(values_match(FieldKind::Decimal, "$8.20", "8.2"));
        assert!(!values_match(FieldKind::Decimal, "1.00 2.00", "1"));
    }

    #[test]
    fn unit_symbols_are_athar_quantity_units() {
        for s in UNIT_SYMBOLS {
            assert!(
                athar_quantity::Unit::from_str(s).is_ok(),
                "{s} is not a unit of athar-quantity"
            );
        }
    }
}
