//! The requested fields as a GBNF grammar, llama.cpp's grammar format, so the model can only
//! write one JSON object with exactly those keys, in that order, with values of their kind.
//!
//! Why our own conversion instead of llama.cpp's `json_schema_to_grammar`: that converter
//! allows whitespace between every token and unbounded strings, so a small model spends tokens
//! on spaces and can ramble until the context is full. Here the object is compact (no
//! whitespace at all), every string has a length bound (so the output has a known maximum
//! size), keys come in a fixed order (so [`crate::output`] can map bytes back to fields
//! without a general JSON parser), and conflicts are settled by choosing among the parsers'
//! candidates only. The subset is small enough to test completely here.

use crate::schema::{validate, FieldKind, FieldRequest, SchemaError};

/// A grammar ready for llama.cpp, with the most bytes an answer can have.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Grammar {
    /// GBNF text; its start rule is [`Grammar::ROOT`].
    pub text: String,
    /// An upper bound on the length in bytes of any string the grammar accepts. Every token is
    /// at least one byte, so it also bounds the number of tokens to generate.
    pub max_output_bytes: usize,
}

impl Grammar {
    pub const ROOT: &'static str = "root";
}

/// Most digits before the decimal separator, separators included, that a number may have.
const NUMBER_INTEGER_CHARS: usize = 15;
/// Most digits after the decimal separator.
const NUMBER_FRACTION_DIGITS: usize = 6;

/// Builds the grammar for `fields`, in the order given.
pub fn build(fields: &[FieldRequest]) -> Result<Grammar, SchemaError> {
    validate(fields)?;
    let mut rules = Vec::new();
    let mut root = String::from("root ::= \"{\"");
    // `{` and `}` plus a `,` between fields.
    let mut max_bytes = 2 + fields.len().saturating_sub(1);
    let mut needs_char = false;
    let mut needs_number = false;
    let mut needs_ident = false;
    for (i, field) in fields.iter().enumerate() {
        if i > 0 {
            root.push_str(" \",\"");
        }
        root.push_str(&format!(" f{i}"));
        let key = json_string(&field.name);
        // `"name":` then the value.
        max_bytes += key.len() + 1;
        let (value_rule, value_bytes) = if !field.candidates.is_empty() {
            choice(&field.candidates)
        } else {
            match &field.kind {
                FieldKind::Text { max_chars } => {
                    needs_char = true;
                    let n = usize::from(*max_chars);
                    (format!("\"\\\"\" char{{1,{n}}} \"\\\"\""), 2 + 4 * n)
                }
                FieldKind::Identifier { max_chars } => {
                    needs_ident = true;
                    let n = usize::from(*max_chars);
                    (format!("\"\\\"\" ident{{1,{n}}} \"\\\"\""), 2 + 2 * n)
                }
                FieldKind::Decimal => {
                    needs_number = true;
                    ("number".to_string(), number_max_bytes())
                }
                FieldKind::Date => (
                    concat!(
                        "\"\\\"\" [12] [0-9] [0-9] [0-9] \"-\" (\"0\" [1-9] | \"1\" [0-2]) \"-\" ",
                        "(\"0\" [1-9] | [12] [0-9] | \"3\" [01]) \"\\\"\""
                    )
                    .to_string(),
                    12,
                ),
                FieldKind::OneOf { values } => choice(values),
            }
        };
        // `null` is 4 bytes; every value kind above is at least that long except short choices.
        max_bytes += value_bytes.max(4);
        rules.push(format!(
            "f{i} ::= {} \":\" ({value_rule} | \"null\")",
            gbnf_literal(&key)
        ));
    }
    root.push_str(" \"}\"");
    let mut text = root;
    for rule in rules {
        text.push('\n');
        text.push_str(&rule);
    }
    if needs_char {
        // Any character but the quote, the backslash and control characters: one line of
        // text that needs no JSON escape.
        text.push_str("\nchar ::= [^\"\\\\\\x00-\\x1F\\x7F]");
    }
    if needs_ident {
        text.push_str("\nident ::= [0-9A-Za-z\\u0660-\\u0669\\u06F0-\\u06F9/.-]");
    }
    if needs_number {
        text.push_str(&format!(
            concat!(
                "\nnumber ::= \"\\\"\" \"-\"? digit (digit | group){{0,{int}}} ",
                "(point digit{{1,{frac}}})? \"\\\"\"",
                "\ndigit ::= [0-9\\u0660-\\u0669\\u06F0-\\u06F9]",
                "\ngroup ::= [,\\u066C]",
                "\npoint ::= [.\\u066B]"
            ),
            int = NUMBER_INTEGER_CHARS - 1,
            frac = NUMBER_FRACTION_DIGITS
        ));
    }
    text.push('\n');
    Ok(Grammar {
        text,
        max_output_bytes: max_bytes,
    })
}

/// Quotes, sign, digits and separators: Eastern digits and separators are 2 bytes each.
fn number_max_bytes() -> usize {
    2 + 1 + 2 * NUMBER_INTEGER_CHARS + 2 + 2 * NUMBER_FRACTION_DIGITS
}

/// An alternative of JSON string literals, and the longest one's length.
fn choice(values: &[String]) -> (String, usize) {
    let mut seen = std::collections::BTreeSet::new();
    let literals: Vec<String> = values
        .iter()
        .filter(|v| seen.insert(v.as_str()))
        .map(|v| json_string(v))
        .collect();
    let longest = literals.iter().map(String::len).max().unwrap_or(0);
    let alternatives: Vec<String> = literals.iter().map(|l| gbnf_literal(l)).collect();
    (format!("({})", alternatives.join(" | ")), longest)
}

/// `value` as a JSON string literal, quotes included.
fn json_string(value: &str) -> String {
    serde_json::Value::String(value.to_string()).to_string()
}

/// `text` as a GBNF double-quoted literal that matches exactly `text`.
fn gbnf_literal(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields() -> Vec<FieldRequest> {
        vec![
            FieldRequest::new("supplier", "who", FieldKind::Text { max_chars: 40 }),
            FieldRequest::new("consumption", "how much", FieldKind::Decimal),
            FieldRequest::new("issue_date", "when", FieldKind::Date),
            FieldRequest::new("meter", "which", FieldKind::Identifier { max_chars: 20 }),
            FieldRequest::new(
                "unit",
                "unit",
                FieldKind::OneOf {
                    values: vec!["kWh".into(), "MWh".into()],
                },
            ),
        ]
    }

    #[test]
    fn fixed_order_compact_object_with_null_for_every_field() {
        let g = build(&fields()).unwrap();
        let lines: Vec<&str> = g.text.lines().collect();
        assert_eq!(
            lines[0],
            r#"root ::= "{" f0 "," f1 "," f2 "," f3 "," f4 "}""#
        );
        assert_eq!(
            lines[1],
            r#"f0 ::= "\"supplier\"" ":" ("\"" char{1,40} "\"" | "null")"#
        );
        assert_eq!(
            lines[2],
            r#"f1 ::= "\"consumption\"" ":" (number | "null")"#
        );
        assert!(lines[3].starts_with(r#"f2 ::= "\"issue_date\"" ":" ("\"" [12]"#));
        assert_eq!(
            lines[4],
            r#"f3 ::= "\"meter\"" ":" ("\"" ident{1,20} "\"" | "null")"#
        );
        assert_eq!(
            lines[5],
            r#"f4 ::= "\"unit\"" ":" (("\"kWh\"" | "\"MWh\"") | "null")"#
        );
        assert!(g.text.contains("\nident ::= "));
        assert!(g.text.contains("\nchar ::= "));
        assert!(g.text.contains("\nnumber ::= "));
    }

    #[test]
    fn candidates_replace_the_kind_and_are_escaped() {
        let f = vec![
            FieldRequest::new("supplier", "who", FieldKind::Text { max_chars: 5 }).with_candidates(
                vec![
                    "Nile \"Power\"".into(),
                    "شركة\\".into(),
                    "Nile \"Power\"".into(),
                ],
            ),
        ];
        let g = build(&f).unwrap();
        assert_eq!(
            g.text.lines().nth(1).unwrap(),
            r#"f0 ::= "\"supplier\"" ":" (("\"Nile \\\"Power\\\"\"" | "\"شركة\\\\\"") | "null")"#
        );
        // Only what is used is defined.
        assert!(!g.text.contains("char ::="));
        assert!(!g.text.contains("number ::="));
    }

    #[test]
    fn max_output_bytes_bounds_the_longest_answer() {
        let f = vec![
            FieldRequest::new("a", "x", FieldKind::Text { max_chars: 3 }),
            FieldRequest::new("b", "y", FieldKind::Date),
        ];
        let g = build(&f).unwrap();
        // {"a":"ححح","b":"2024-01-31"} with 2-byte letters is 29 bytes; the bound counts
        // 4 bytes a character.
        let longest = r#"{"a":"ححح","b":"2024-01-31"}"#;
        assert!(longest.len() <= g.max_output_bytes);
        assert_eq!(g.max_output_bytes, 2 + 1 + (3 + 1 + 14) + (3 + 1 + 12));
    }

    #[test]
    fn invalid_requests_are_errors() {
        assert_eq!(build(&[]), Err(SchemaError::NoFields));
    }
}
