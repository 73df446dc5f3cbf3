//! Facts in the shape of EFRAG's converter snapshot (`vsme-1.3.0-facts.json`): what
//! `athar vsme facts TEMPLATE.xlsx --json` prints.
//!
//! Why this module exists: EFRAG pins its converter's behaviour with a snapshot of every fact
//! it reads from the 1.3.0 sample (concept, value, "aspects", footnotes). Printing our facts
//! in exactly that shape lets anyone diff Athar's reading of a template against EFRAG's with
//! standard tools, and is how the crate's acceptance test compares them. The shape is the
//! converter's internal one: aspect values keep its quoting (`"\"2\""` for decimals), monetary
//! facts carry no unit (the currency is a report default), long values are cut at 80
//! characters, and facts are sorted by their JSON text with sorted keys.

use crate::fact::{Decimals, DimensionValue, Fact, FactPeriod, FactUnit, FactValue};
use crate::model::{FieldKind, Model};
use crate::number_text::{cell_number_text, efrag_percent_text};
use crate::template::{Message, Severity};

const MAX_VALUE_CHARS: usize = 80;

/// An ordered JSON value (Python dicts keep insertion order; the snapshot file shows it).
#[derive(Debug, Clone, PartialEq, Eq)]
enum J {
    Str(String),
    Int(i64),
    Arr(Vec<J>),
    Obj(Vec<(String, J)>),
}

fn s(v: impl Into<String>) -> J {
    J::Str(v.into())
}

/// The snapshot document for `facts`, with the counts of `messages` by severity.
pub fn snapshot_json(facts: &[Fact], messages: &[Message]) -> String {
    let model = Model::get();
    let mut entries: Vec<(String, J)> = facts
        .iter()
        .map(|f| {
            let e = entry(model, f);
            (sorted_compact(&e), e)
        })
        .collect();
    entries.sort_by(|a, b| a.0.cmp(&b.0));
    let mut counts: Vec<(String, J)> = Vec::new();
    for sev in [Severity::Error, Severity::Info, Severity::Warning] {
        let n = messages.iter().filter(|m| m.severity == sev).count();
        if n > 0 {
            let name = match sev {
                Severity::Error => "ERROR",
                Severity::Info => "INFO",
                Severity::Warning => "WARNING",
            };
            counts.push((name.to_string(), J::Int(n as i64)));
        }
    }
    let doc = J::Obj(vec![
        (
            "facts".to_string(),
            J::Arr(entries.into_iter().map(|(_, e)| e).collect()),
        ),
        ("messageSeverities".to_string(), J::Obj(counts)),
    ]);
    let mut out = String::new();
    pretty(&doc, 0, &mut out);
    out.push('\n');
    out
}

/// One fact as a snapshot entry.
fn entry(model: &Model, f: &Fact) -> J {
    let d = model.datapoint(&f.concept);
    let kind = d.map(|d| d.kind);
    let mut value = match &f.value {
        FactValue::Number(n) if f.shown_as_percent => efrag_percent_text(*n),
        FactValue::Number(n) => cell_number_text(*n),
        FactValue::Text(t) => t.clone(),
        FactValue::Bool(b) => f
            .text
            .clone()
            .unwrap_or_else(|| if *b { "True" } else { "False" }.to_string()),
        FactValue::Date(d) => crate::fact::iso_date::format(*d),
        FactValue::Year(y) => y.to_string(),
        FactValue::Members(ms) => f.text.clone().unwrap_or_else(|| {
            ms.iter()
                .map(|m| model.member(m).map_or(m.clone(), |x| x.label_en.clone()))
                .collect::<Vec<_>>()
                .join("\n")
        }),
    };
    let chars = value.chars().count();
    if chars > MAX_VALUE_CHARS {
        value = format!(
            "{}…[{chars} chars]",
            value.chars().take(MAX_VALUE_CHARS).collect::<String>()
        );
    }

    // Aspects in the order the converter sets them.
    let from_table = model.hypercubes_of(&f.concept).any(|h| h.in_template);
    let explicit: Vec<(String, J)> = f
        .dimensions
        .iter()
        .filter_map(|(axis, v)| match v {
            DimensionValue::Member(m) => Some((axis.clone(), s(m.clone()))),
            DimensionValue::Typed(_) => None,
        })
        .collect();
    let mut aspects: Vec<(String, J)> = Vec::new();
    if from_table {
        aspects.extend(explicit.iter().cloned());
    }
    if f.shown_as_percent {
        aspects.push(("numeric-scale".into(), s("\"-2\"")));
    }
    if let Some(dec) = f.decimals {
        let t = match dec {
            Decimals::Places(p) => p.to_string(),
            Decimals::Inf => "INF".to_string(),
        };
        aspects.push(("decimals".into(), s(format!("\"{t}\""))));
    }
    match &f.unit {
        Some(FactUnit::Measure { measure }) => aspects.push(("units".into(), s(measure.clone()))),
        Some(FactUnit::PerCurrency { numerator, code }) => aspects.push((
            "complex-units".into(),
            s(format!("\"{numerator}/iso4217:{code}\"")),
        )),
        Some(FactUnit::Currency { .. }) | None => {}
    }
    if let FactValue::Members(ms) = &f.value {
        let mut expanded: Vec<String> = ms.iter().filter_map(|m| model.expanded_name(m)).collect();
        expanded.sort();
        aspects.push((
            "hidden-value".into(),
            s(format!("\"{}\"", expanded.join(" "))),
        ));
    }
    if !from_table {
        aspects.extend(explicit.iter().cloned());
    }
    if let FactPeriod::Year { name, .. } = &f.period {
        aspects.push(("period".into(), s(name.clone())));
    }
    if let FactValue::Bool(b) = f.value {
        aspects.push((
            "transform".into(),
            s(if b { "fixed-true" } else { "fixed-false" }),
        ));
    }
    if let Some(d) = d {
        let pt = match d.period {
            crate::model::PeriodType::Instant => "instant",
            crate::model::PeriodType::Duration => "duration",
        };
        aspects.push(("period-type".into(), s(pt)));
    }
    if kind == Some(FieldKind::TextBlock) {
        aspects.push(("escape".into(), s("true")));
    }
    for (axis, v) in &f.dimensions {
        if let DimensionValue::Typed(t) = v {
            let element = model
                .axis(axis)
                .and_then(|a| a.typed_element.clone())
                .unwrap_or_default();
            aspects.push((
                format!("typed {axis}"),
                s(format!("\"<{element}>{}</{element}>\"", xml_text(t))),
            ));
        }
    }

    let mut obj = vec![
        ("concept".to_string(), s(f.concept.clone())),
        ("value".to_string(), s(value)),
        ("aspects".to_string(), J::Obj(aspects)),
    ];
    if !f.footnotes.is_empty() {
        let mut notes: Vec<String> = f
            .footnotes
            .iter()
            .map(|n| n.chars().take(MAX_VALUE_CHARS).collect())
            .collect();
        notes.sort();
        obj.push((
            "footnotes".into(),
            J::Arr(notes.into_iter().map(J::Str).collect()),
        ));
    }
    J::Obj(obj)
}

fn xml_text(t: &str) -> String {
    t.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// Python's `json.dumps(v, ensure_ascii=False)` string escaping.
fn quote(t: &str, out: &mut String) {
    out.push('"');
    for c in t.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
}

/// `json.dumps(v, sort_keys=True, ensure_ascii=False)`: the converter's sort key.
fn sorted_compact(v: &J) -> String {
    let mut out = String::new();
    fn go(v: &J, out: &mut String) {
        match v {
            J::Str(t) => quote(t, out),
            J::Int(i) => out.push_str(&i.to_string()),
            J::Arr(items) => {
                out.push('[');
                for (i, x) in items.iter().enumerate() {
                    if i > 0 {
                        out.push_str(", ");
                    }
                    go(x, out);
                }
                out.push(']');
            }
            J::Obj(pairs) => {
                let mut sorted: Vec<&(String, J)> = pairs.iter().collect();
                sorted.sort_by(|a, b| a.0.cmp(&b.0));
                out.push('{');
                for (i, (k, x)) in sorted.iter().enumerate() {
                    if i > 0 {
                        out.push_str(", ");
                    }
                    quote(k, out);
                    out.push_str(": ");
                    go(x, out);
                }
                out.push('}');
            }
        }
    }
    go(v, &mut out);
    out
}

/// `json.dumps(v, indent=1, ensure_ascii=False)`.
fn pretty(v: &J, level: usize, out: &mut String) {
    let pad = |n: usize, out: &mut String| {
        out.push('\n');
        out.push_str(&" ".repeat(n));
    };
    match v {
        J::Str(t) => quote(t, out),
        J::Int(i) => out.push_str(&i.to_string()),
        J::Arr(items) if items.is_empty() => out.push_str("[]"),
        J::Obj(pairs) if pairs.is_empty() => out.push_str("{}"),
        J::Arr(items) => {
            out.push('[');
            for (i, x) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                pad(level + 1, out);
                pretty(x, level + 1, out);
            }
            pad(level, out);
            out.push(']');
        }
        J::Obj(pairs) => {
            out.push('{');
            for (i, (k, x)) in pairs.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                pad(level + 1, out);
                quote(k, out);
                out.push_str(": ");
                pretty(x, level + 1, out);
            }
            pad(level, out);
            out.push('}');
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn python_json_layouts() {
        let v = J::Obj(vec![
            ("b".into(), s("x\ny")),
            ("a".into(), J::Arr(vec![J::Int(1), s("é")])),
            ("c".into(), J::Obj(vec![])),
        ]);
        assert_eq!(
            sorted_compact(&v),
            r#"{"a": [1, "é"], "b": "x\ny", "c": {}}"#
        );
        let mut out = String::new();
        pretty(&v, 0, &mut out);
        assert_eq!(
            out,
            "{\n \"b\": \"x\\ny\",\n \"a\": [\n  1,\n  \"é\"\n ],\n \"c\": {}\n}"
        );
    }
}
