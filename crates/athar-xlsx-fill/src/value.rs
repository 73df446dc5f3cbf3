//! The values we write and read, and their exact text in the worksheet XML.
//!
//! Numbers travel as decimal text from `rust_decimal` to `<v>`, never through `f64`, so what
//! the company file holds is what the workbook holds (Excel rounds to 15 digits on its side
//! when it computes; the stored text stays ours).

use rust_decimal::Decimal;

use crate::FillError;

/// Longest text a cell holds, in UTF-16 code units (Excel's limit).
pub const MAX_TEXT_LEN: usize = 32_767;

/// A number as decimal text: `-12.5`, `0.000153`, `3E-7`. Always valid for `<v>`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Number(String);

impl Number {
    /// Accepts `-?digits(.digits)?([eE][+-]?digits)?` whose magnitude Excel can hold
    /// (below 1E308).
    pub fn parse(text: &str) -> Result<Self, FillError> {
        if is_decimal_text(text) {
            Ok(Number(text.to_string()))
        } else {
            Err(FillError::BadNumber {
                value: text.to_string(),
            })
        }
    }

    /// An Excel date serial (1900 date system, as both templates use): days since 1899-12-30.
    /// Valid from 1900-03-01, where Excel's and the calendar's day counts agree.
    pub fn from_date(date: time::Date) -> Self {
        let base = time::Date::from_calendar_date(1899, time::Month::December, 30)
            .unwrap_or(time::Date::MIN);
        Number((date - base).whole_days().to_string())
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl From<Decimal> for Number {
    fn from(d: Decimal) -> Self {
        // Decimal's Display is plain digits with a point: always valid, never above 8E28.
        Number(d.to_string())
    }
}

impl From<i64> for Number {
    fn from(i: i64) -> Self {
        Number(i.to_string())
    }
}

fn is_decimal_text(s: &str) -> bool {
    let b = s.as_bytes();
    let mut i = usize::from(b.first() == Some(&b'-'));
    let int_start = i;
    while i < b.len() && b[i].is_ascii_digit() {
        i += 1;
    }
    let int_digits = &b[int_start..i];
    if int_digits.is_empty() {
        return false;
    }
    if b.get(i) == Some(&b'.') {
        i += 1;
        let frac_start = i;
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
        }
        if i == frac_start {
            return false;
        }
    }
    let mut exponent: i64 = 0;
    if matches!(b.get(i), Some(b'e' | b'E')) {
        i += 1;
        let negative = b.get(i) == Some(&b'-');
        if matches!(b.get(i), Some(b'+' | b'-')) {
            i += 1;
        }
        let exp_start = i;
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
        }
        let digits = &s[exp_start..i];
        if digits.is_empty() || digits.len() > 6 {
            return false;
        }
        exponent = digits.parse::<i64>().unwrap_or(i64::MAX);
        if negative {
            exponent = -exponent;
        }
    }
    if i != b.len() {
        return false;
    }
    // Order of magnitude of the integer part: its significant digits, shifted by the exponent.
    let significant = int_digits.iter().skip_while(|d| **d == b'0').count() as i64;
    significant == 0 || significant - 1 + exponent < 308
}

/// What to put in a cell.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CellValue {
    Number(Number),
    /// Any text, Arabic included; at most [`MAX_TEXT_LEN`] UTF-16 units.
    Text(String),
    Bool(bool),
    /// Clears the value (and the formula, unless the formula is kept); the style stays.
    Empty,
}

impl CellValue {
    /// A number from decimal text; see [`Number::parse`].
    pub fn number(text: &str) -> Result<Self, FillError> {
        Number::parse(text).map(CellValue::Number)
    }

    pub fn text(text: impl Into<String>) -> Self {
        CellValue::Text(text.into())
    }

    /// A date as Excel's serial number; give the cell a date format in the template.
    pub fn date(date: time::Date) -> Self {
        CellValue::Number(Number::from_date(date))
    }

    pub(crate) fn check(&self) -> Result<(), FillError> {
        if let CellValue::Text(t) = self {
            let length = t.encode_utf16().count();
            if length > MAX_TEXT_LEN {
                return Err(FillError::TextTooLong { length });
            }
        }
        Ok(())
    }
}

impl From<Decimal> for CellValue {
    fn from(d: Decimal) -> Self {
        CellValue::Number(d.into())
    }
}

impl From<Number> for CellValue {
    fn from(n: Number) -> Self {
        CellValue::Number(n)
    }
}

impl From<i64> for CellValue {
    fn from(i: i64) -> Self {
        CellValue::Number(i.into())
    }
}

impl From<bool> for CellValue {
    fn from(b: bool) -> Self {
        CellValue::Bool(b)
    }
}

impl From<&str> for CellValue {
    fn from(s: &str) -> Self {
        CellValue::Text(s.to_string())
    }
}

impl From<String> for CellValue {
    fn from(s: String) -> Self {
        CellValue::Text(s)
    }
}

/// What a cell holds, as read back from the workbook.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CellContent {
    Empty,
    /// The `<v>` text exactly as stored (`12.5`, `4.4999999999999998E-2`).
    Number(String),
    Text(String),
    Bool(bool),
    /// An error value such as `#N/A` or `#DIV/0!`.
    Error(String),
}

impl From<&CellValue> for CellContent {
    fn from(v: &CellValue) -> Self {
        match v {
            CellValue::Number(n) => CellContent::Number(n.as_str().to_string()),
            CellValue::Text(t) => CellContent::Text(t.clone()),
            CellValue::Bool(b) => CellContent::Bool(*b),
            CellValue::Empty => CellContent::Empty,
        }
    }
}

/// Escapes text for element content: XML's `& < >`, and the characters XML 1.0 cannot carry
/// (controls, CR) as ECMA-376's `_xHHHH_`; a literal `_xHHHH_` in the text gets its `_`
/// escaped as `_x005F_` so Excel does not decode it.
pub(crate) fn escape_text(text: &str, out: &mut String) {
    let chars: Vec<char> = text.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\t' | '\n' => out.push(c),
            '_' if looks_like_escape(&chars[i..]) => out.push_str("_x005F_"),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {
                out.push_str(&format!("_x{:04X}_", c as u32));
            }
            c => out.push(c),
        }
    }
}

fn looks_like_escape(s: &[char]) -> bool {
    s.len() >= 7 && s[1] == 'x' && s[2..6].iter().all(|c| c.is_ascii_hexdigit()) && s[6] == '_'
}

/// Undoes the `_xHHHH_` escapes of [`escape_text`] (what Excel does when it reads).
pub(crate) fn unescape_ooxml(text: &str) -> String {
    if !text.contains("_x") {
        return text.to_string();
    }
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        if chars[i] == '_' && looks_like_escape(&chars[i..]) {
            let hex: String = chars[i + 2..i + 6].iter().collect();
            if let Some(c) = u32::from_str_radix(&hex, 16).ok().and_then(char::from_u32) {
                out.push(c);
                i += 7;
                continue;
            }
        }
        out.push(chars[i]);
        i += 1;
    }
    out
}

/// Escapes an attribute value (double-quoted).
pub(crate) fn escape_attr(value: &str, out: &mut String) {
    for c in value.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\t' => out.push_str("&#9;"),
            '\n' => out.push_str("&#10;"),
            '\r' => out.push_str("&#13;"),
            c => out.push(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    #[test]
    fn numbers_are_kept_exactly() {
        for ok in [
            "0",
            "-0",
            "12",
            "-12.50",
            "0.000153",
            "3E-7",
            "1.5e+10",
            "123456789012345678901234567890.123456789",
            "9.9E307",
            "0.0000001E-400",
        ] {
            assert_eq!(Number::parse(ok).unwrap().as_str(), ok);
        }
        for bad in [
            "",
            "-",
            "+1",
            "1.",
            ".5",
            "1,5",
            "1 000",
            "NaN",
            "inf",
            "1e",
            "1E+",
            "0x10",
            "١٢",
            "1E308",
            "2E400",
            "12e1234567",
            "1.5.2",
        ] {
            assert_eq!(
                Number::parse(bad).unwrap_err().key(),
                "xlsx-bad-number",
                "{bad}"
            );
        }
    }

    #[test]
    fn decimals_and_dates_become_numbers() {
        let d = Decimal::from_str("1234.5600").unwrap();
        assert_eq!(Number::from(d).as_str(), "1234.5600");
        let date = time::Date::from_calendar_date(2026, time::Month::January, 1).unwrap();
        // Excel: =DATE(2026,1,1) is 46023.
        assert_eq!(Number::from_date(date).as_str(), "46023");
        let date = time::Date::from_calendar_date(1900, time::Month::March, 1).unwrap();
        assert_eq!(Number::from_date(date).as_str(), "61");
    }

    #[test]
    fn text_length_is_checked_in_utf16_units() {
        assert!(CellValue::text("ب".repeat(MAX_TEXT_LEN)).check().is_ok());
        let e = CellValue::text("😀".repeat(MAX_TEXT_LEN / 2 + 1))
            .check()
            .unwrap_err();
        assert_eq!(e.key(), "xlsx-text-too-long");
    }

    #[test]
    fn text_escapes_round_trip() {
        for text in [
            "plain",
            "شركة القاهرة للأسمنت — مصنع ١",
            "a < b & c > d",
            "tab\tnew\nline",
            "cr\r\nlf",
            "bell\u{7}",
            "literal _x0041_ stays",
            "_x005F_",
            "_x12_ short",
        ] {
            let mut out = String::new();
            escape_text(text, &mut out);
            assert!(!out.contains('\r') && !out.contains('\u{7}'), "{out}");
            let xml_decoded = out
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&amp;", "&");
            assert_eq!(unescape_ooxml(&xml_decoded), text);
        }
        let mut out = String::new();
        escape_text("literal _x0041_", &mut out);
        assert_eq!(out, "literal _x005F_x0041_");
    }

    #[test]
    fn attributes_are_escaped() {
        let mut out = String::new();
        escape_attr("a\"b<c>&\n", &mut out);
        assert_eq!(out, "a&quot;b&lt;c&gt;&amp;&#10;");
    }
}
