//! Reading the model's answer back: which bytes of the generated JSON are which field's value,
//! and what the value means for its kind.
//!
//! The grammar fixes the layout (`{"a":…,"b":…}`, no whitespace, keys in request order, every
//! value a JSON string or `null`), so a strict scanner is enough, and it gives the byte span
//! of each value, which [`crate::engine`] uses to turn token probabilities into a confidence
//! per field. An answer that does not follow the layout (cut short by the token limit) is an
//! error, never a guess.

use std::ops::Range;
use std::str::FromStr;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use time::{macros::format_description, Date};

use crate::schema::{FieldKind, FieldRequest};

/// A value the model proposed, read according to its field's kind. Serialised as
/// `{"type": "decimal", "value": "12.5"}`, the value always a string.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ProposedValue {
    Text(String),
    Decimal(Decimal),
    Date(Date),
}

impl ProposedValue {
    /// The value as text: the decimal in plain notation, the date as `YYYY-MM-DD`.
    pub fn to_text(&self) -> String {
        match self {
            ProposedValue::Text(t) => t.clone(),
            ProposedValue::Decimal(d) => d.to_string(),
            ProposedValue::Date(d) => d
                .format(format_description!("[year]-[month]-[day]"))
                .unwrap_or_default(),
        }
    }

    fn type_name(&self) -> &'static str {
        match self {
            ProposedValue::Text(_) => "text",
            ProposedValue::Decimal(_) => "decimal",
            ProposedValue::Date(_) => "date",
        }
    }
}

/// The serialised shape of [`ProposedValue`].
#[derive(Serialize, Deserialize)]
struct TypedValue {
    #[serde(rename = "type")]
    type_name: String,
    value: String,
}

impl Serialize for ProposedValue {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        TypedValue {
            type_name: self.type_name().to_string(),
            value: self.to_text(),
        }
        .serialize(s)
    }
}

impl<'de> Deserialize<'de> for ProposedValue {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        use serde::de::Error;
        let t = TypedValue::deserialize(d)?;
        match t.type_name.as_str() {
            "text" => Ok(ProposedValue::Text(t.value)),
            "decimal" => Decimal::from_str(&t.value)
                .map(ProposedValue::Decimal)
                .map_err(D::Error::custom),
            "date" => Date::parse(&t.value, format_description!("[year]-[month]-[day]"))
                .map(ProposedValue::Date)
                .map_err(D::Error::custom),
            other => Err(D::Error::custom(format!("unknown value type {other}"))),
        }
    }
}

/// One field of the answer as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawField {
    /// The JSON string's content, unescaped; `None` for `null`.
    pub text: Option<String>,
    /// Where the value (quotes included, or `null`) is in the generated text.
    pub span: Range<usize>,
}

/// The answer does not have the layout the grammar prescribes.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("the model's answer is incomplete or malformed at byte {at}")]
pub struct MalformedOutput {
    pub at: usize,
}

/// Splits `output` into one [`RawField`] per requested field, in order.
pub fn scan(output: &str, fields: &[FieldRequest]) -> Result<Vec<RawField>, MalformedOutput> {
    let bytes = output.as_bytes();
    let mut at = 0;
    let expect = |at: &mut usize, lit: &str| -> Result<(), MalformedOutput> {
        if output[*at..].starts_with(lit) {
            *at += lit.len();
            Ok(())
        } else {
            Err(MalformedOutput { at: *at })
        }
    };
    expect(&mut at, "{")?;
    let mut raw = Vec::with_capacity(fields.len());
    for (i, field) in fields.iter().enumerate() {
        if i > 0 {
            expect(&mut at, ",")?;
        }
        let key = serde_json::Value::String(field.name.clone()).to_string();
        expect(&mut at, &key)?;
        expect(&mut at, ":")?;
        let start = at;
        if output[at..].starts_with("null") {
            at += 4;
            raw.push(RawField {
                text: None,
                span: start..at,
            });
            continue;
        }
        if bytes.get(at) != Some(&b'"') {
            return Err(MalformedOutput { at });
        }
        // Find the closing quote, skipping escaped characters.
        let mut end = at + 1;
        loop {
            match bytes.get(end) {
                None => return Err(MalformedOutput { at: end }),
                Some(b'\\') => end += 2,
                Some(b'"') => break,
                Some(_) => end += 1,
            }
        }
        end += 1;
        let text: String =
            serde_json::from_str(&output[start..end]).map_err(|_| MalformedOutput { at: start })?;
        raw.push(RawField {
            text: Some(text),
            span: start..end,
        });
        at = end;
    }
    expect(&mut at, "}")?;
    if at != output.len() {
        return Err(MalformedOutput { at });
    }
    Ok(raw)
}

/// The text the grammar forces next after the partial answer `partial`, if only one
/// continuation is possible: the rest of a key up to its closing quote (`,"period_end`), the
/// rest of `null`, or the closing `}`. `None` when the model has a choice (a value's first character, inside a string) or
/// the answer is complete. The engine feeds forced text in one batch instead of generating it
/// token by token.
pub fn forced_continuation(partial: &str, fields: &[FieldRequest]) -> Option<String> {
    let bytes = partial.as_bytes();
    let mut at = 0;
    // Consumes `literal` if `partial` goes past it; returns its rest if `partial` ends inside.
    let literal = |at: &mut usize, lit: &str| -> Result<(), Option<String>> {
        let rest = &partial[*at..];
        if rest.len() < lit.len() {
            return Err(lit.strip_prefix(rest).map(str::to_string));
        }
        if rest.starts_with(lit) {
            *at += lit.len();
            Ok(())
        } else {
            Err(None)
        }
    };
    // The brace alone: the model writes `{` and `"` as two tokens, and forcing the tokenizer's
    // joined `{"` instead changes what it writes next.
    if let Err(forced) = literal(&mut at, "{") {
        return forced;
    }
    for (i, field) in fields.iter().enumerate() {
        let key = serde_json::Value::String(field.name.clone()).to_string();
        let lead = if i == 0 { "" } else { "," };
        if let Err(forced) = literal(&mut at, &format!("{lead}{key}:")) {
            // Leave the key's closing `":` to the model: its tokenizer joins it with what
            // follows (`":"`, `":null`), and a value started after a forced `":` token is
            // read worse (seen as wrong digits with Gemma 3).
            return forced
                .and_then(|f| f.strip_suffix("\":").map(str::to_string))
                .filter(|f| !f.is_empty());
        }
        let rest = &partial[at..];
        if rest.is_empty() {
            return None;
        }
        if rest.starts_with('n') {
            if let Err(forced) = literal(&mut at, "null") {
                return forced;
            }
            continue;
        }
        if bytes[at] != b'"' {
            return None;
        }
        let mut end = at + 1;
        loop {
            match bytes.get(end) {
                None => return None,
                Some(b'\\') => end += 2,
                Some(b'"') => break,
                Some(_) => end += 1,
            }
        }
        at = end + 1;
    }
    literal(&mut at, "}").err().flatten()
}

/// A value the model wrote that is not proposed, for the result's notes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rejected {
    pub field: String,
    pub written: String,
    pub reason: RejectReason,
}

/// Why a written value was not proposed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RejectReason {
    /// Not a value of the field's kind (an impossible date such as 2024-02-30, a number with
    /// separators in the wrong places).
    Invalid,
    /// Text, an identifier or a number that does not occur in the document: the model was
    /// told to copy, so it made this up (a small model copies the field's description).
    NotInDocument,
}

/// Whether `written` occurs in `document`, as the model was told to copy it. Text and
/// identifiers are compared without case and blanks, numbers without thousands separators and
/// in Western digits. Dates (reformatted to ISO) and closed choices are not checked.
pub fn grounded(field: &FieldRequest, written: &str, document: &str) -> bool {
    if !field.candidates.is_empty() {
        return true;
    }
    let squeeze = |t: &str| -> String {
        athar_domain::numerals::to_ascii_digits(t)
            .chars()
            .filter(|c| !c.is_whitespace())
            .flat_map(char::to_lowercase)
            .collect()
    };
    match field.kind {
        FieldKind::Text { .. } | FieldKind::Identifier { .. } => {
            squeeze(document).contains(&squeeze(written))
        }
        FieldKind::Decimal => {
            let plain = |t: &str| -> String {
                squeeze(t)
                    .chars()
                    .filter(|c| !matches!(c, ',' | '\u{066C}'))
                    .map(|c| if c == '\u{066B}' { '.' } else { c })
                    .collect()
            };
            let number = plain(written);
            let number = number.trim_start_matches('-');
            plain(document).contains(number)
        }
        FieldKind::Date | FieldKind::OneOf { .. } => true,
    }
}

/// Reads `text` as a value of `field`'s kind. `None` when it is not one.
pub fn interpret(field: &FieldRequest, text: &str) -> Option<ProposedValue> {
    if let FieldKind::OneOf { values } = &field.kind {
        let listed = values.iter().chain(&field.candidates).any(|v| v == text);
        return listed.then(|| ProposedValue::Text(text.to_string()));
    }
    interpret_kind(&field.kind, text)
}

fn interpret_kind(kind: &FieldKind, text: &str) -> Option<ProposedValue> {
    match kind {
        FieldKind::Text { .. } | FieldKind::Identifier { .. } => {
            let t = text.trim();
            (!t.is_empty()).then(|| ProposedValue::Text(t.to_string()))
        }
        FieldKind::OneOf { values } => values
            .iter()
            .any(|v| v == text)
            .then(|| ProposedValue::Text(text.to_string())),
        FieldKind::Decimal => {
            if !digit_groups_are_plausible(text) {
                return None;
            }
            let normalized = athar_domain::numerals::normalize_number(text);
            Decimal::from_str(&normalized)
                .ok()
                .map(|d| ProposedValue::Decimal(d.normalize()))
        }
        FieldKind::Date => Date::parse(
            &athar_domain::numerals::to_ascii_digits(text),
            format_description!("[year]-[month]-[day]"),
        )
        .ok()
        .map(ProposedValue::Date),
    }
}

/// Thousands separators, when present, must split the integer part into groups of three
/// (`1,234,567`), so that `1,2` (a decimal comma) is not read as twelve.
fn digit_groups_are_plausible(text: &str) -> bool {
    let integer = text
        .trim_start_matches('-')
        .split(['.', '\u{066B}'])
        .next()
        .unwrap_or("");
    let groups: Vec<&str> = integer.split([',', '\u{066C}']).collect();
    if groups.len() == 1 {
        return true;
    }
    let len = |g: &str| g.chars().count();
    (1..=3).contains(&len(groups[0])) && groups[1..].iter().all(|g| len(g) == 3)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields() -> Vec<FieldRequest> {
        vec![
            FieldRequest::new("supplier", "", FieldKind::Text { max_chars: 40 }),
            FieldRequest::new("amount", "", FieldKind::Decimal),
            FieldRequest::new("issue_date", "", FieldKind::Date),
        ]
    }

    #[test]
    fn spans_cover_each_value() {
        let out = r#"{"supplier":"Nile \"Power\"","amount":null,"issue_date":"2024-03-01"}"#;
        let raw = scan(out, &fields()).unwrap();
        assert_eq!(raw[0].text.as_deref(), Some("Nile \"Power\""));
        assert_eq!(&out[raw[0].span.clone()], r#""Nile \"Power\"""#);
        assert_eq!(raw[1].text, None);
        assert_eq!(&out[raw[1].span.clone()], "null");
        assert_eq!(&out[raw[2].span.clone()], "\"2024-03-01\"");
    }

    #[test]
    fn truncated_or_reordered_output_is_malformed() {
        let f = fields();
        assert_eq!(
            scan(r#"{"supplier":"Nile"#, &f),
            Err(MalformedOutput { at: 17 })
        );
        assert!(scan(r#"{"amount":null,"supplier":null,"issue_date":null}"#, &f).is_err());
        assert!(scan(r#"{"supplier":null,"amount":null,"issue_date":null} "#, &f).is_err());
        assert!(scan(r#"{"supplier":null,"amount":null,"issue_date":null}"#, &f).is_ok());
        assert!(scan("", &f).is_err());
    }

    #[test]
    fn forced_text_is_the_rest_of_keys_null_and_the_closing_brace() {
        let f = fields();
        let forced = |p: &str| forced_continuation(p, &f);
        assert_eq!(forced("").as_deref(), Some("{"));
        assert_eq!(forced("{").as_deref(), Some("\"supplier"));
        assert_eq!(forced("{\"sup").as_deref(), Some("plier"));
        assert_eq!(forced("{\"supplier"), None);
        assert_eq!(forced("{\"supplier\""), None);
        assert_eq!(forced("{\"supplier\":"), None);
        assert_eq!(forced("{\"supplier\":\"Nile \\\"P"), None);
        assert_eq!(
            forced("{\"supplier\":\"Nile\"").as_deref(),
            Some(",\"amount")
        );
        assert_eq!(
            forced("{\"supplier\":\"Nile\",\"am").as_deref(),
            Some("ount")
        );
        assert_eq!(
            forced("{\"supplier\":\"Nile\",\"amount\":nu").as_deref(),
            Some("ll")
        );
        assert_eq!(
            forced("{\"supplier\":null,\"amount\":null").as_deref(),
            Some(",\"issue_date")
        );
        assert_eq!(
            forced("{\"supplier\":null,\"amount\":null,\"issue_date\":\"2024-01-01\"").as_deref(),
            Some("}")
        );
        assert_eq!(
            forced("{\"supplier\":null,\"amount\":null,\"issue_date\":null}"),
            None
        );
        // Off the grammar: nothing is forced.
        assert_eq!(forced("{\"amount\":"), None);
    }

    #[test]
    fn copied_values_must_occur_in_the_document() {
        let doc =
            "North Cairo Electricity\nMeter No: 77 81203\nالمبلغ ١١٬٠٧٠٫٠٠ جنيه\nTotal 12,500.50";
        let text = FieldRequest::new("supplier", "who", FieldKind::Text { max_chars: 80 });
        assert!(grounded(&text, "north cairo  electricity", doc));
        assert!(!grounded(&text, "the company that issued the bill", doc));
        let id = FieldRequest::new("meter", "", FieldKind::Identifier { max_chars: 9 });
        assert!(grounded(&id, "7781203", doc));
        assert!(!grounded(&id, "themeter", doc));
        let number = FieldRequest::new("amount", "", FieldKind::Decimal);
        assert!(grounded(&number, "11070.00", doc));
        assert!(grounded(&number, "12500.50", doc));
        assert!(grounded(&number, "12,500.50", doc));
        assert!(!grounded(&number, "110000000000000", doc));
        // Reformatted and closed values are not checked; nor are chosen candidates.
        assert!(grounded(
            &FieldRequest::new("d", "", FieldKind::Date),
            "2026-01-01",
            doc
        ));
        assert!(grounded(
            &number.clone().with_candidates(vec!["99".into()]),
            "99",
            doc
        ));
    }

    #[test]
    fn numbers_in_either_script_become_decimals() {
        let k = FieldKind::Decimal;
        let d = |s: &str| Some(ProposedValue::Decimal(Decimal::from_str(s).unwrap()));
        assert_eq!(interpret_kind(&k, "1,234.50"), d("1234.5"));
        assert_eq!(interpret_kind(&k, "١٬٢٣٤٫٥"), d("1234.5"));
        assert_eq!(interpret_kind(&k, "-12"), d("-12"));
        assert_eq!(interpret_kind(&k, "1,2"), None);
        assert_eq!(interpret_kind(&k, "12,34,567"), None);
        assert_eq!(interpret_kind(&k, "1.2.3"), None);
    }

    #[test]
    fn dates_must_exist() {
        let k = FieldKind::Date;
        assert_eq!(
            interpret_kind(&k, "2024-02-29").map(|v| v.to_text()),
            Some("2024-02-29".to_string())
        );
        assert_eq!(interpret_kind(&k, "2023-02-29"), None);
        assert_eq!(interpret_kind(&k, "2023-13-01"), None);
    }

    #[test]
    fn choices_and_text() {
        let unit = FieldRequest::new(
            "unit",
            "",
            FieldKind::OneOf {
                values: vec!["kWh".into()],
            },
        );
        assert_eq!(
            interpret(&unit, "kWh"),
            Some(ProposedValue::Text("kWh".into()))
        );
        assert_eq!(interpret(&unit, "MWh"), None);
        let settled = unit.with_candidates(vec!["MWh".into()]);
        assert_eq!(
            interpret(&settled, "MWh"),
            Some(ProposedValue::Text("MWh".into()))
        );
        let t = FieldKind::Text { max_chars: 9 };
        assert_eq!(interpret_kind(&t, "  "), None);
        assert_eq!(
            interpret_kind(&t, " Nile "),
            Some(ProposedValue::Text("Nile".into()))
        );
    }

    #[test]
    fn values_serialise_with_their_type() {
        let v = interpret_kind(&FieldKind::Date, "2024-03-01").unwrap();
        let json = serde_json::to_string(&v).unwrap();
        assert_eq!(json, r#"{"type":"date","value":"2024-03-01"}"#);
        assert_eq!(serde_json::from_str::<ProposedValue>(&json).unwrap(), v);
        let d = ProposedValue::Decimal(Decimal::from_str("12.5").unwrap());
        assert_eq!(
            serde_json::to_string(&d).unwrap(),
            r#"{"type":"decimal","value":"12.5"}"#
        );
    }
}
