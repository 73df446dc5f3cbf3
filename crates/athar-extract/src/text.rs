//! Finding things in a line of folded text (see [`crate::normalise::fold`]): dates, numbers,
//! and whole words. Offsets are in characters, not bytes, because provenance spans are.
//!
//! Why regular expressions here and nowhere else: the date and number shapes are a small
//! closed set, and the `regex` crate (already in the workspace through other crates) runs in
//! linear time on any input, so a hostile document cannot make matching slow.

use std::sync::OnceLock;

use regex::Regex;
use rust_decimal::Decimal;
use time::Date;

use crate::normalise::{full_year, make_date, month_names, month_number, parse_number};

/// A date found in a line; `start..end` are char offsets.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateMatch {
    pub date: Date,
    pub start: usize,
    pub end: usize,
}

/// A number found in a line; `start..end` are char offsets.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NumberMatch {
    pub value: Decimal,
    pub raw: String,
    pub start: usize,
    pub end: usize,
}

fn char_offset(s: &str, byte: usize) -> usize {
    s[..byte].chars().count()
}

struct DateRegexes {
    ymd: Regex,
    dmy: Regex,
    d_month_y: Regex,
    month_d_y: Regex,
}

fn date_regexes() -> &'static DateRegexes {
    static R: OnceLock<DateRegexes> = OnceLock::new();
    R.get_or_init(|| {
        let months = month_names()
            .iter()
            .map(|m| regex::escape(m).replace("\\ ", " "))
            .collect::<Vec<_>>()
            .join("|");
        // The patterns are constants; `expect` cannot fire on user input.
        DateRegexes {
            ymd: Regex::new(r"(\d{4})\s?[-/.]\s?(\d{1,2})\s?[-/.]\s?(\d{1,2})").expect("ymd"),
            dmy: Regex::new(r"(\d{1,2})\s?[-/.]\s?(\d{1,2})\s?[-/.]\s?(\d{4}|\d{2})").expect("dmy"),
            d_month_y: Regex::new(&format!(
                r"(\d{{1,2}})(?:st|nd|rd|th)?[\s\-/.]*({months})\.?[\s,\-/.]*(\d{{4}}|\d{{2}})"
            ))
            .expect("d month y"),
            month_d_y: Regex::new(&format!(
                r"({months})\.?[\s\-]*(\d{{1,2}})(?:st|nd|rd|th)?,?\s*(\d{{4}})"
            ))
            .expect("month d y"),
        }
    })
}

fn is_digit_at(s: &str, byte: usize, before: bool) -> bool {
    if before {
        s[..byte]
            .chars()
            .next_back()
            .is_some_and(|c| c.is_ascii_digit())
    } else {
        s[byte..].chars().next().is_some_and(|c| c.is_ascii_digit())
    }
}

fn is_letter_at(s: &str, byte: usize, before: bool) -> bool {
    let c = if before {
        s[..byte].chars().next_back()
    } else {
        s[byte..].chars().next()
    };
    c.is_some_and(|c| c.is_alphabetic())
}

/// Dates in a folded line: `2026-03-05`, `05/03/2026`, `5.3.26`, `5 March 2026`,
/// `05-Mar-2026`, `March 5, 2026`, `٥ مارس ٢٠٢٦`. A numeric date is day first unless the
/// first number cannot be a month's day order (`03/25/2026` is read month first). Matches do
/// not overlap; earlier, longer matches win.
pub fn find_dates(line: &str) -> Vec<DateMatch> {
    let r = date_regexes();
    let mut found: Vec<(usize, usize, Date)> = Vec::new();
    let push = |s: usize, e: usize, d: Option<Date>, found: &mut Vec<(usize, usize, Date)>| {
        if let Some(d) = d {
            if !found.iter().any(|(fs, fe, _)| s < *fe && *fs < e) {
                found.push((s, e, d));
            }
        }
    };
    let int = |m: Option<regex::Match>| -> Option<(i32, usize)> {
        let m = m?;
        Some((m.as_str().parse().ok()?, m.as_str().len()))
    };
    for c in r.d_month_y.captures_iter(line) {
        let m = c.get(0).expect("whole match");
        if is_digit_at(line, m.start(), true) || is_letter_at(line, m.end(), false) {
            continue;
        }
        let d = (|| {
            let (day, _) = int(c.get(1))?;
            let month = month_number(c.get(2)?.as_str())?;
            let (y, n) = int(c.get(3))?;
            make_date(full_year(y, n)?, month, u8::try_from(day).ok()?)
        })();
        push(m.start(), m.end(), d, &mut found);
    }
    for c in r.month_d_y.captures_iter(line) {
        let m = c.get(0).expect("whole match");
        if is_letter_at(line, m.start(), true) || is_digit_at(line, m.end(), false) {
            continue;
        }
        let d = (|| {
            let month = month_number(c.get(1)?.as_str())?;
            let (day, _) = int(c.get(2))?;
            let (y, n) = int(c.get(3))?;
            make_date(full_year(y, n)?, month, u8::try_from(day).ok()?)
        })();
        push(m.start(), m.end(), d, &mut found);
    }
    for c in r.ymd.captures_iter(line) {
        let m = c.get(0).expect("whole match");
        if is_digit_at(line, m.start(), true) || is_digit_at(line, m.end(), false) {
            continue;
        }
        let d = (|| {
            let (y, _) = int(c.get(1))?;
            let (mo, _) = int(c.get(2))?;
            let (day, _) = int(c.get(3))?;
            make_date(
                full_year(y, 4)?,
                u8::try_from(mo).ok()?,
                u8::try_from(day).ok()?,
            )
        })();
        push(m.start(), m.end(), d, &mut found);
    }
    for c in r.dmy.captures_iter(line) {
        let m = c.get(0).expect("whole match");
        if is_digit_at(line, m.start(), true) || is_digit_at(line, m.end(), false) {
            continue;
        }
        let d = (|| {
            let (a, _) = int(c.get(1))?;
            let (b, _) = int(c.get(2))?;
            let (y, n) = int(c.get(3))?;
            let y = full_year(y, n)?;
            let (day, month) = if b > 12 && a <= 12 { (b, a) } else { (a, b) };
            make_date(y, u8::try_from(month).ok()?, u8::try_from(day).ok()?)
        })();
        push(m.start(), m.end(), d, &mut found);
    }
    found.sort_by_key(|(s, _, _)| *s);
    found
        .into_iter()
        .map(|(s, e, date)| DateMatch {
            date,
            start: char_offset(line, s),
            end: char_offset(line, e),
        })
        .collect()
}

fn number_regex() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    R.get_or_init(|| {
        Regex::new(
            r"-?(?:\d{1,3}(?:[,\x{066C}.\x{00A0}\x{202F}\x{2009}']\d{3})+(?:[.,\x{066B}]\d+)?|\d{1,3}(?: \d{3})+,\d{1,2}|\d+(?:[.,\x{066B}]\d+)?)",
        )
        .expect("number")
    })
}

/// Numbers in a line (digits already ASCII, as in folded text). A number glued to letters
/// (`A123`, `12kg` is fine: a unit may follow) is skipped when letters precede it.
pub fn find_numbers(line: &str) -> Vec<NumberMatch> {
    let mut out = Vec::new();
    for m in number_regex().find_iter(line) {
        let before = line[..m.start()].chars().next_back();
        if before.is_some_and(|c| c.is_alphanumeric() || c == '/' || c == '.') {
            continue;
        }
        let after = line[m.end()..].chars().next();
        if after.is_some_and(|c| c == '/' || c.is_ascii_digit()) {
            continue;
        }
        let raw = m.as_str().trim_start_matches('-');
        let raw = if m.as_str().starts_with('-') && !before.is_some_and(|c| c.is_whitespace()) {
            raw.to_string()
        } else {
            m.as_str().to_string()
        };
        if let Some(value) = parse_number(&raw) {
            let start = m.end() - raw.len();
            out.push(NumberMatch {
                value,
                raw,
                start: char_offset(line, start),
                end: char_offset(line, m.end()),
            });
        }
    }
    out
}

/// Arabic prefixes that may be glued to a word (`و`, `ب`, `ال`...), longest first.
const ARABIC_PREFIXES: &[&str] = &[
    "وبال", "ولل", "وال", "بال", "فال", "كال", "لل", "ال", "و", "ب", "ل", "ف",
];

fn is_arabic(c: char) -> bool {
    matches!(c, '\u{0600}'..='\u{06FF}' | '\u{0750}'..='\u{077F}')
}

/// Where `word` (folded) occurs in `haystack` (folded) as a whole word, in chars. An Arabic
/// word may carry a prefix (`بالعداد` contains `عداد`); a Latin word must stand alone.
pub fn find_word(haystack: &str, word: &str) -> Option<(usize, usize)> {
    if word.is_empty() {
        return None;
    }
    let mut from = 0;
    while let Some(pos) = haystack[from..].find(word) {
        let s = from + pos;
        let e = s + word.len();
        let before = haystack[..s].chars().next_back();
        let after = haystack[e..].chars().next();
        let first = word.chars().next().unwrap_or(' ');
        let last = word.chars().next_back().unwrap_or(' ');
        let before_ok = match before {
            None => true,
            Some(b) if !b.is_alphanumeric() => true,
            Some(b) if is_arabic(b) && is_arabic(first) => {
                // Allow a glued prefix: the letters before must be one of the prefixes,
                // standing at a word start.
                let head: String = haystack[..s]
                    .chars()
                    .rev()
                    .take_while(|c| c.is_alphanumeric())
                    .collect::<Vec<_>>()
                    .into_iter()
                    .rev()
                    .collect();
                ARABIC_PREFIXES.contains(&head.as_str())
            }
            _ => !first.is_alphanumeric(),
        };
        let after_ok = match after {
            None => true,
            Some(a) => !a.is_alphanumeric() || !last.is_alphanumeric(),
        };
        if before_ok && after_ok {
            // Widen to include a glued prefix so that spans cover the printed word.
            let mut start_chars = char_offset(haystack, s);
            if before.is_some_and(|b| b.is_alphanumeric()) {
                start_chars -= haystack[..s]
                    .chars()
                    .rev()
                    .take_while(|c| c.is_alphanumeric())
                    .count();
            }
            return Some((start_chars, char_offset(haystack, e)));
        }
        from = s + first.len_utf8();
    }
    None
}

/// Whether `word` occurs in `haystack` as a whole word (see [`find_word`]).
pub fn contains_word(haystack: &str, word: &str) -> bool {
    find_word(haystack, word).is_some()
}

/// The substring of `s` between char offsets.
pub fn char_slice(s: &str, start: usize, end: usize) -> String {
    s.chars()
        .skip(start)
        .take(end.saturating_sub(start))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalise::fold;

    fn dates(s: &str) -> Vec<String> {
        find_dates(&fold(s))
            .into_iter()
            .map(|d| crate::normalise::iso_date(d.date))
            .collect()
    }

    #[test]
    fn dates_in_common_formats() {
        assert_eq!(dates("Issue date: 05/03/2026"), ["2026-03-05"]);
        assert_eq!(dates("2026-03-05"), ["2026-03-05"]);
        assert_eq!(dates("03/25/2026"), ["2026-03-25"]);
        assert_eq!(dates("5.3.26"), ["2026-03-05"]);
        assert_eq!(
            dates("from 1 February 2026 to 28 February 2026"),
            ["2026-02-01", "2026-02-28"]
        );
        assert_eq!(dates("05-Mar-2026"), ["2026-03-05"]);
        assert_eq!(dates("March 5, 2026"), ["2026-03-05"]);
        assert_eq!(dates("تاريخ الإصدار: ٥ مارس ٢٠٢٦"), ["2026-03-05"]);
        assert_eq!(dates("٠٥/٠٣/٢٠٢٦"), ["2026-03-05"]);
        assert_eq!(dates("١ شباط ٢٠٢٦"), ["2026-02-01"]);
        assert_eq!(dates("31/02/2026"), Vec::<String>::new());
        assert_eq!(dates("Tel 12/34/5678"), Vec::<String>::new());
        assert_eq!(dates("123/03/2026"), Vec::<String>::new());
    }

    #[test]
    fn numbers_in_a_line() {
        let n: Vec<String> = find_numbers(&fold("Total: 12,500.75 EGP for ١٬٢٥٠ kWh"))
            .into_iter()
            .map(|m| m.value.to_string())
            .collect();
        assert_eq!(n, ["12500.75", "1250"]);
        let n: Vec<String> = find_numbers("INV123 12 500,75")
            .into_iter()
            .map(|m| m.value.to_string())
            .collect();
        assert_eq!(n, ["12500.75"]);
    }

    #[test]
    fn whole_words_with_arabic_prefixes() {
        assert!(contains_word("رقم العداد", "عداد"));
        assert!(contains_word("بالعداد", "عداد"));
        assert!(!contains_word("عدادات", "عداد"));
        assert!(contains_word("total amount", "total"));
        assert!(!contains_word("subtotal", "total"));
        assert_eq!(find_word("x وبالعداد", "عداد"), Some((2, 10)));
    }
}
