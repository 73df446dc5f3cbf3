//! What the model is asked for: the fields still missing or in conflict, each with a kind that
//! fixes the shape of its value.
//!
//! The kinds are the small subset of JSON Schema that bills and invoices need (a bounded
//! string, a number as written, an ISO date, one of a fixed list), so the grammar built from
//! them ([`crate::grammar`]) stays small and the output is cheap to check.

use serde::{Deserialize, Serialize};

/// The shape of one field's value. Every kind may also be answered with `null` ("the document
/// does not say").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum FieldKind {
    /// Free text on one line, at most `max_chars` characters (supplier name, meter number).
    Text { max_chars: u16 },
    /// An account, meter or invoice number: digits of either script, Latin letters and `-`,
    /// `/`, `.`; at most `max_chars` characters.
    Identifier { max_chars: u16 },
    /// A number as printed: Western or Eastern Arabic digits, thousands separators and a
    /// decimal point or Arabic decimal separator; read into a `Decimal` afterwards.
    Decimal,
    /// A calendar date, answered as `YYYY-MM-DD`.
    Date,
    /// Exactly one of these values (a unit, a currency, a fuel type).
    OneOf { values: Vec<String> },
}

/// One field the model should fill.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldRequest {
    /// The JSON key: ASCII lower-case letters, digits and `_`, starting with a letter.
    pub name: String,
    /// What the field means, in a few English words, for the prompt.
    pub description: String,
    pub kind: FieldKind,
    /// Values the deterministic parsers found and could not choose between. When present, the
    /// model may only answer one of them (or `null`): it settles the conflict, it never invents
    /// a third value.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub candidates: Vec<String>,
}

impl FieldRequest {
    pub fn new(name: &str, description: &str, kind: FieldKind) -> Self {
        FieldRequest {
            name: name.to_string(),
            description: description.to_string(),
            kind,
            candidates: Vec::new(),
        }
    }

    /// The same field, restricted to the values the parsers disagree on.
    pub fn with_candidates(mut self, candidates: Vec<String>) -> Self {
        self.candidates = candidates;
        self
    }
}

/// Why a request cannot be turned into a grammar.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SchemaError {
    #[error("no fields were requested")]
    NoFields,
    #[error("field name {name:?} is not lower-case ASCII letters, digits and _")]
    BadName { name: String },
    #[error("field {name:?} is requested twice")]
    Duplicate { name: String },
    #[error("field {name:?} allows no value (an empty list of choices or a zero length)")]
    NoValues { name: String },
    #[error("field {name:?} has a value with a control character")]
    ControlCharacter { name: String },
}

/// Checks names, duplicates and that every field admits at least one value.
pub fn validate(fields: &[FieldRequest]) -> Result<(), SchemaError> {
    if fields.is_empty() {
        return Err(SchemaError::NoFields);
    }
    let mut seen = std::collections::BTreeSet::new();
    for f in fields {
        let name_ok = f
            .name
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_lowercase())
            && f.name
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
        if !name_ok {
            return Err(SchemaError::BadName {
                name: f.name.clone(),
            });
        }
        if !seen.insert(f.name.as_str()) {
            return Err(SchemaError::Duplicate {
                name: f.name.clone(),
            });
        }
        let values: &[String] = match &f.kind {
            FieldKind::OneOf { values } if f.candidates.is_empty() => values,
            _ => &f.candidates,
        };
        let empty = match &f.kind {
            FieldKind::Text { max_chars } | FieldKind::Identifier { max_chars } => {
                *max_chars == 0 && f.candidates.is_empty()
            }
            FieldKind::OneOf { values } => values.is_empty() && f.candidates.is_empty(),
            _ => false,
        };
        if empty {
            return Err(SchemaError::NoValues {
                name: f.name.clone(),
            });
        }
        if values.iter().any(|v| v.chars().any(char::is_control)) {
            return Err(SchemaError::ControlCharacter {
                name: f.name.clone(),
            });
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rejects_bad_names_duplicates_and_empty_choices() {
        let text = FieldKind::Text { max_chars: 10 };
        assert_eq!(validate(&[]), Err(SchemaError::NoFields));
        assert!(matches!(
            validate(&[FieldRequest::new("Supplier", "x", text.clone())]),
            Err(SchemaError::BadName { .. })
        ));
        assert!(matches!(
            validate(&[FieldRequest::new("a-b", "x", text.clone())]),
            Err(SchemaError::BadName { .. })
        ));
        assert!(matches!(
            validate(&[
                FieldRequest::new("a", "x", text.clone()),
                FieldRequest::new("a", "y", FieldKind::Date)
            ]),
            Err(SchemaError::Duplicate { .. })
        ));
        assert!(matches!(
            validate(&[FieldRequest::new(
                "unit",
                "x",
                FieldKind::OneOf { values: vec![] }
            )]),
            Err(SchemaError::NoValues { .. })
        ));
        assert!(matches!(
            validate(&[
                FieldRequest::new("a", "x", text.clone()).with_candidates(vec!["x\ny".into()])
            ]),
            Err(SchemaError::ControlCharacter { .. })
        ));
        assert_eq!(
            validate(&[
                FieldRequest::new("supplier", "x", text),
                FieldRequest::new("period_start", "y", FieldKind::Date)
            ]),
            Ok(())
        );
    }
}
