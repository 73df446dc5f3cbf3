//! Numbers, dates and left-to-right islands as a reader of each language expects them.
//! Dates and percentages follow the UI too (`15 Mar 2026`, `١٥ مارس ٢٠٢٦`, `12.5%`, `١٢٫٥٪؜`).
//!
//! The UI formats numbers with the browser's `Intl` for `en-GB` and `ar-EG`; a printed report
//! must show the same strings, so this module reproduces those two formats for
//! `rust_decimal::Decimal` without going through `f64`: `12,345.67` in English and
//! `١٢٬٣٤٥٫٦٧` in Arabic (Arabic-Indic digits, U+066C grouping, U+066B decimal separator, and
//! for a negative number the Arabic letter mark before the minus sign, as ICU does for ar-EG).

use rust_decimal::{Decimal, RoundingStrategy};

use crate::model::Language;

/// LEFT-TO-RIGHT ISOLATE: starts a run that is laid out left to right as one unit.
pub const LRI: char = '\u{2066}';
/// POP DIRECTIONAL ISOLATE: ends the run started by [`LRI`].
pub const PDI: char = '\u{2069}';

const ARABIC_DIGITS: [char; 10] = ['٠', '١', '٢', '٣', '٤', '٥', '٦', '٧', '٨', '٩'];
const ARABIC_DECIMAL: char = '\u{066B}';
const ARABIC_GROUP: char = '\u{066C}';
const ARABIC_LETTER_MARK: char = '\u{061C}';

/// Wraps `text` in LRI…PDI so that, inside an Arabic line, it stays one left-to-right unit:
/// CN codes (`7318 15 95`), dates, Latin names, units such as `tCO2e/t`.
pub fn ltr(text: &str) -> String {
    let mut s = String::with_capacity(text.len() + 6);
    s.push(LRI);
    s.push_str(text);
    s.push(PDI);
    s
}

/// `value` rounded half away from zero to exactly `decimals` places (at most 28), with
/// thousands grouping, in the digits and separators of `language`.
pub fn format_decimal(value: Decimal, language: Language, decimals: u32) -> String {
    let decimals = decimals.min(28);
    let mut rounded =
        value.round_dp_with_strategy(decimals, RoundingStrategy::MidpointAwayFromZero);
    rounded.rescale(decimals);
    let negative = rounded.is_sign_negative() && !rounded.is_zero();
    let plain = rounded.abs().to_string();
    let (int_part, frac_part) = match plain.split_once('.') {
        Some((i, f)) => (i, f),
        None => (plain.as_str(), ""),
    };
    let (group, point) = match language {
        Language::English => (',', '.'),
        Language::Arabic => (ARABIC_GROUP, ARABIC_DECIMAL),
    };
    let mut out = String::with_capacity(plain.len() * 3);
    if negative {
        if language == Language::Arabic {
            out.push(ARABIC_LETTER_MARK);
        }
        out.push('-');
    }
    let len = int_part.len();
    for (i, c) in int_part.chars().enumerate() {
        if i > 0 && (len - i) % 3 == 0 {
            out.push(group);
        }
        out.push(c);
    }
    if !frac_part.is_empty() {
        out.push(point);
        out.push_str(frac_part);
    }
    localise_digits(&out, language)
}

/// A whole number with grouping, e.g. a page number or a count.
pub fn format_integer(value: u64, language: Language) -> String {
    format_decimal(Decimal::from(value), language, 0)
}

/// Month names of CLDR's `en-GB` (abbreviated) and `ar-EG` (Arabic has no abbreviations),
/// the names `Intl.DateTimeFormat` uses for `{ month: "short" }`.
const MONTHS_EN: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sept", "Oct", "Nov", "Dec",
];
const MONTHS_AR: [&str; 12] = [
    "يناير",
    "فبراير",
    "مارس",
    "أبريل",
    "مايو",
    "يونيو",
    "يوليو",
    "أغسطس",
    "سبتمبر",
    "أكتوبر",
    "نوفمبر",
    "ديسمبر",
];

/// A date as the UI shows it (`Intl.DateTimeFormat` with day numeric, month short, year
/// numeric): `15 Mar 2026` for `en-GB`, `١٥ مارس ٢٠٢٦` for `ar-EG`.
///
/// The Arabic form reads day, month, year from the right, in an Arabic line or inside an
/// [`ltr`] isolate alike (Arabic-Indic digits and the month name are right-to-left to the
/// bidi algorithm), so it never needs wrapping.
pub fn format_date(date: time::Date, language: Language) -> String {
    let month = usize::from(u8::from(date.month())) - 1;
    match language {
        Language::English => format!("{} {} {}", date.day(), MONTHS_EN[month], date.year()),
        Language::Arabic => localise_digits(
            &format!("{} {} {}", date.day(), MONTHS_AR[month], date.year()),
            language,
        ),
    }
}

/// A share (0.125) as a percentage with at most one decimal, as the UI's
/// `Intl.NumberFormat({ style: "percent", maximumFractionDigits: 1 })`: `12.5%`, `١٢٫٥٪؜`.
pub fn format_percent(share: Decimal, language: Language) -> String {
    let percent = share
        .checked_mul(Decimal::ONE_HUNDRED)
        .unwrap_or(share)
        .round_dp_with_strategy(1, RoundingStrategy::MidpointAwayFromZero)
        .normalize();
    let number = format_decimal(percent, language, percent.scale());
    match language {
        Language::English => format!("{number}%"),
        Language::Arabic => format!("{number}\u{066A}{ARABIC_LETTER_MARK}"),
    }
}

/// Replaces ASCII digits with Arabic-Indic digits for Arabic; returns `text` unchanged for
/// English.
pub fn localise_digits(text: &str, language: Language) -> String {
    match language {
        Language::English => text.to_string(),
        Language::Arabic => text
            .chars()
            .map(|c| match c.to_digit(10) {
                Some(d) if c.is_ascii_digit() => ARABIC_DIGITS[d as usize],
                _ => c,
            })
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    #[test]
    fn english_groups_thousands_and_pads_decimals() {
        assert_eq!(
            format_decimal(d("12345.678"), Language::English, 2),
            "12,345.68"
        );
        assert_eq!(
            format_decimal(d("1234567"), Language::English, 0),
            "1,234,567"
        );
        assert_eq!(format_decimal(d("999"), Language::English, 3), "999.000");
        assert_eq!(format_decimal(d("0.5"), Language::English, 0), "1");
        assert_eq!(format_decimal(d("-2.5"), Language::English, 0), "-3");
        assert_eq!(
            format_decimal(d("-1234.5"), Language::English, 1),
            "-1,234.5"
        );
    }

    #[test]
    fn arabic_uses_arabic_indic_digits_and_separators_like_ar_eg() {
        assert_eq!(
            format_decimal(d("12345.678"), Language::Arabic, 2),
            "١٢٬٣٤٥٫٦٨"
        );
        assert_eq!(format_decimal(d("0.125"), Language::Arabic, 3), "٠٫١٢٥");
        assert_eq!(format_decimal(d("2026"), Language::Arabic, 0), "٢٬٠٢٦");
        // Intl.NumberFormat('ar-EG').format(-1234.5) === "\u061C-١٬٢٣٤٫٥"
        assert_eq!(
            format_decimal(d("-1234.5"), Language::Arabic, 1),
            "\u{061C}-١٬٢٣٤٫٥"
        );
    }

    #[test]
    fn a_value_that_rounds_to_zero_has_no_minus_sign() {
        assert_eq!(format_decimal(d("-0.0004"), Language::English, 3), "0.000");
        assert_eq!(format_decimal(d("-0.0004"), Language::Arabic, 2), "٠٫٠٠");
    }

    #[test]
    fn huge_decimal_places_are_capped() {
        let s = format_decimal(d("1.5"), Language::English, 40);
        assert_eq!(s.split('.').nth(1).unwrap().len(), 28);
    }

    #[test]
    fn dates_and_integers() {
        let date = time::macros::date!(2026 - 03 - 05);
        // Intl.DateTimeFormat('en-GB' / 'ar-EG', {year: "numeric", month: "short", day: "numeric"}).
        assert_eq!(format_date(date, Language::English), "5 Mar 2026");
        assert_eq!(format_date(date, Language::Arabic), "٥ مارس ٢٠٢٦");
        let sept = time::macros::date!(2026 - 09 - 30);
        assert_eq!(format_date(sept, Language::English), "30 Sept 2026");
        assert_eq!(format_date(sept, Language::Arabic), "٣٠ سبتمبر ٢٠٢٦");
        assert_eq!(format_integer(12, Language::Arabic), "١٢");
        assert_eq!(format_integer(1200, Language::English), "1,200");
    }

    #[test]
    fn percentages_like_the_ui() {
        assert_eq!(format_percent(d("0.125"), Language::English), "12.5%");
        assert_eq!(format_percent(d("0.25"), Language::English), "25%");
        assert_eq!(format_percent(d("0.12345"), Language::English), "12.3%");
        assert_eq!(format_percent(d("1.5"), Language::Arabic), "١٥٠٪\u{061C}");
        assert_eq!(
            format_percent(d("0.125"), Language::Arabic),
            "١٢٫٥٪\u{061C}"
        );
    }

    #[test]
    fn ltr_isolates() {
        assert_eq!(ltr("7318 15 95"), "\u{2066}7318 15 95\u{2069}");
    }
}
