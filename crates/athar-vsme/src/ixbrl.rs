//! The report as Inline XBRL (iXBRL 1.1, XHTML) against the VSME 2026-05-01 entry point.
//!
//! Why this module exists: EU customers and their tools read the VSME report as XBRL; an
//! Inline XBRL file is also a readable web page, in English or Arabic. The document follows
//! what EFRAG's converter produces: one `link:schemaRef` to
//! `https://xbrl.efrag.org/taxonomy/vsme/2026-05-01/vsme-all.xsd`; contexts with the entity
//! identifier and scheme, duration periods (instants at the period's end), and the dimensions
//! in `xbrli:scenario` (the taxonomy's hypercubes are closed scenario cubes); UTR units
//! (`utr:tCO2e`, `utr:MWh`, ISO 4217 currencies, `tCO2e/currency` as a divide); numbers with
//! `decimals` and the TR4 transformation `ixt:num-dot-decimal`, percentages shown ×100 with
//! `scale="-2"`; booleans with `ixt:fixed-true`/`ixt:fixed-false`; enumerations as expanded
//! names in `ix:hidden`, their labels in the page; text blocks with `escape="true"`.
//! Output is deterministic: contexts and units are numbered in a sorted order.
//! What could and could not be validated offline is in `docs/vsme-xbrl.md`.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use rust_decimal::{Decimal, RoundingStrategy};

use crate::fact::{
    iso_date, Decimals, DimensionValue, Fact, FactPeriod, FactUnit, FactValue, ReportInfo,
};
use crate::model::{FieldKind, Model, PeriodType};

/// The labels of the page, in one language.
pub trait Labels {
    /// The text of a Fluent key.
    fn label(&self, key: &str) -> String;
    /// BCP 47 language tag (`en`, `ar`).
    fn lang(&self) -> &str;
}

/// English labels straight from the model (the CLI's and the tests' default).
pub struct EnglishLabels;

impl Labels for EnglishLabels {
    fn label(&self, key: &str) -> String {
        english_label(key).unwrap_or_else(|| key.to_string())
    }
    fn lang(&self) -> &str {
        "en"
    }
}

/// Words of the page that are not datapoint labels (also in `locales/*/vsme.ftl`).
const PAGE_WORDS: &[(&str, &str)] = &[
    ("vsme-yes", "Yes"),
    ("vsme-no", "No"),
    ("vsme-report-period", "Reporting period"),
];

/// The English text of a model label key.
pub fn english_label(key: &str) -> Option<String> {
    if let Some((_, t)) = PAGE_WORDS.iter().find(|(k, _)| *k == key) {
        return Some(t.to_string());
    }
    let m = Model::get();
    m.sections
        .iter()
        .find(|s| s.key == key)
        .map(|s| s.title_en.clone())
        .or_else(|| {
            m.datapoints
                .iter()
                .find(|d| d.key == key)
                .map(|d| d.label_en.clone())
        })
        .or_else(|| {
            m.axes
                .iter()
                .find(|a| a.key == key)
                .map(|a| a.label_en.clone())
        })
        .or_else(|| {
            m.members
                .iter()
                .find(|x| x.key.as_deref() == Some(key))
                .map(|x| x.label_en.clone())
        })
        .or_else(|| {
            m.groups
                .iter()
                .find(|g| g.key == key)
                .map(|g| g.heading_en.clone())
        })
}

/// Why a report cannot be written.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum IxbrlError {
    #[error("the report has no entity identifier (LEI, DUNS, EUID or PermID)")]
    NoEntityIdentifier,
    #[error("{concept} is not a VSME datapoint")]
    UnknownConcept { concept: String },
    #[error("the value of {concept} does not suit its data type")]
    ValueType { concept: String },
    #[error("{concept} has no unit")]
    NoUnit { concept: String },
    #[error("{concept} is reported twice with the same aspects")]
    Duplicate { concept: String },
}

impl IxbrlError {
    pub fn key(&self) -> &'static str {
        match self {
            IxbrlError::NoEntityIdentifier => "vsme-error-no-entity-identifier",
            IxbrlError::UnknownConcept { .. } => "vsme-error-unknown-datapoint",
            IxbrlError::ValueType { .. } => "vsme-error-value-type",
            IxbrlError::NoUnit { .. } => "vsme-error-no-unit",
            IxbrlError::Duplicate { .. } => "vsme-error-duplicate-fact",
        }
    }

    pub fn args(&self) -> Vec<(String, String)> {
        match self {
            IxbrlError::NoEntityIdentifier => vec![],
            IxbrlError::UnknownConcept { concept }
            | IxbrlError::ValueType { concept }
            | IxbrlError::NoUnit { concept }
            | IxbrlError::Duplicate { concept } => {
                vec![("concept".to_string(), concept.clone())]
            }
        }
    }
}

const NS_XHTML: &str = "http://www.w3.org/1999/xhtml";
const NS_IX: &str = "http://www.xbrl.org/2013/inlineXBRL";
const NS_IXT: &str = "http://www.xbrl.org/inlineXBRL/transformation/2020-02-12";
const NS_LINK: &str = "http://www.xbrl.org/2003/linkbase";
const NS_XLINK: &str = "http://www.w3.org/1999/xlink";
const NS_XBRLI: &str = "http://www.xbrl.org/2003/instance";
const NS_XBRLDI: &str = "http://xbrl.org/2006/xbrldi";
const NS_ISO4217: &str = "http://www.xbrl.org/2003/iso4217";
const NS_UTR: &str = "http://www.xbrl.org/2009/utr";

/// XML text escaping.
pub fn esc(t: &str) -> String {
    let mut s = String::with_capacity(t.len());
    for c in t.chars() {
        match c {
            '&' => s.push_str("&amp;"),
            '<' => s.push_str("&lt;"),
            '>' => s.push_str("&gt;"),
            '"' => s.push_str("&quot;"),
            // Characters XML 1.0 does not allow.
            c if (c as u32) < 0x20 && !matches!(c, '\n' | '\t' | '\r') => {}
            '\u{FFFE}' | '\u{FFFF}' => {}
            c => s.push(c),
        }
    }
    s
}

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
struct ContextKey {
    start: Option<String>,
    end: String,
    dims: Vec<(String, DimensionValue)>,
}

fn unit_id(u: &FactUnit) -> String {
    match u {
        FactUnit::Measure { measure } => format!("u-{}", measure.replace(':', "-")),
        FactUnit::Currency { code } => format!("u-{code}"),
        FactUnit::PerCurrency { numerator, code } => {
            format!("u-{}-per-{code}", numerator.replace(':', "-"))
        }
    }
}

/// Checks every fact against the model before writing: known concept, a value of the
/// concept's type, a unit for numbers, no two facts with the same aspects.
pub fn check_facts(facts: &[Fact]) -> Result<(), IxbrlError> {
    let model = Model::get();
    let mut seen = std::collections::BTreeSet::new();
    for f in facts {
        let d = model
            .datapoint(&f.concept)
            .ok_or_else(|| IxbrlError::UnknownConcept {
                concept: f.concept.clone(),
            })?;
        let ok = match (&f.value, d.kind) {
            (FactValue::Number(_), k) => k.is_numeric(),
            (FactValue::Text(_), k) => matches!(k, FieldKind::Text | FieldKind::TextBlock),
            (FactValue::Bool(_), k) => k == FieldKind::Boolean,
            (FactValue::Date(_), k) => k == FieldKind::Date,
            (FactValue::Year(_), k) => k == FieldKind::Year,
            (FactValue::Members(ms), FieldKind::EnumSingle) => ms.len() == 1,
            (FactValue::Members(_), k) => k == FieldKind::EnumSet,
        };
        if !ok {
            return Err(IxbrlError::ValueType {
                concept: f.concept.clone(),
            });
        }
        if let FactValue::Members(ms) = &f.value {
            let allowed = model
                .enumeration(&f.concept)
                .map(|e| e.members.clone())
                .unwrap_or_default();
            if ms.iter().any(|m| !allowed.contains(m)) {
                return Err(IxbrlError::ValueType {
                    concept: f.concept.clone(),
                });
            }
        }
        if d.kind.is_numeric() && f.unit.is_none() {
            return Err(IxbrlError::NoUnit {
                concept: f.concept.clone(),
            });
        }
        let key = (
            f.concept.clone(),
            format!("{:?}", f.dimensions),
            format!("{:?}", f.period),
        );
        if !seen.insert(key) {
            return Err(IxbrlError::Duplicate {
                concept: f.concept.clone(),
            });
        }
    }
    Ok(())
}

/// Formats a number for display: rounded to `decimals` (percentages ×100 first), grouped with
/// commas, without sign. Returns the text and whether the number is negative.
fn display_number(f: &Fact, n: Decimal) -> (String, bool) {
    let (mut v, places) = if f.shown_as_percent {
        let places = match f.decimals {
            Some(Decimals::Places(p)) => Some(p - 2),
            _ => None,
        };
        (n * Decimal::ONE_HUNDRED, places)
    } else {
        let places = match f.decimals {
            Some(Decimals::Places(p)) => Some(p),
            _ => None,
        };
        (n, places)
    };
    if let Some(p) = places {
        if p >= 0 {
            v = v.round_dp_with_strategy(p as u32, RoundingStrategy::MidpointAwayFromZero);
            v.rescale(p as u32);
        } else if -p <= 18 {
            // Rounded to tens, hundreds... (decimals="-3": thousands).
            let unit = Decimal::from(10i64.pow(p.unsigned_abs()));
            v = (v / unit).round_dp_with_strategy(0, RoundingStrategy::MidpointAwayFromZero) * unit;
        }
    } else {
        v = v.normalize();
    }
    let negative = v.is_sign_negative() && !v.is_zero();
    let text = v.abs().to_string();
    let (int, frac) = match text.split_once('.') {
        Some((i, f)) => (i.to_string(), Some(f.to_string())),
        None => (text, None),
    };
    let mut grouped = String::new();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(c);
    }
    if let Some(f) = frac {
        grouped.push('.');
        grouped.push_str(&f);
    }
    (grouped, negative)
}

/// The Inline XBRL document of `facts`.
pub fn inline_xbrl(
    info: &ReportInfo,
    facts: &[Fact],
    labels: &dyn Labels,
) -> Result<String, IxbrlError> {
    let model = Model::get();
    if info.entity_identifier.trim().is_empty() || info.entity_scheme.trim().is_empty() {
        return Err(IxbrlError::NoEntityIdentifier);
    }
    check_facts(facts)?;

    // Contexts and units, numbered in sorted order.
    let context_of = |f: &Fact| -> ContextKey {
        let d = model.datapoint(&f.concept);
        let (start, end) = info.duration(&f.period);
        let instant = d.is_some_and(|d| d.period == PeriodType::Instant);
        ContextKey {
            start: (!instant).then(|| iso_date::format(start)),
            end: iso_date::format(end),
            dims: f
                .dimensions
                .iter()
                .map(|(a, v)| (a.clone(), v.clone()))
                .collect(),
        }
    };
    let mut contexts: BTreeMap<ContextKey, String> = BTreeMap::new();
    let mut units: BTreeMap<String, FactUnit> = BTreeMap::new();
    for f in facts {
        contexts.insert(context_of(f), String::new());
        if let Some(u) = &f.unit {
            units.insert(unit_id(u), u.clone());
        }
    }
    for (i, id) in contexts.values_mut().enumerate() {
        *id = format!("c{}", i + 1);
    }

    let mut ns: BTreeMap<&str, &str> = BTreeMap::new();
    for (p, u) in &model.taxonomy.namespaces {
        if ["vsme", "country", "nace", "waste"].contains(&p.as_str()) {
            ns.insert(p, u);
        }
    }
    let lang = labels.lang();
    let dir = if lang == "ar" { "rtl" } else { "ltr" };
    let mut out = String::new();
    out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let _ = write!(
        out,
        "<html xmlns=\"{NS_XHTML}\" xmlns:ix=\"{NS_IX}\" xmlns:ixt=\"{NS_IXT}\" xmlns:link=\"{NS_LINK}\" xmlns:xlink=\"{NS_XLINK}\" xmlns:xbrli=\"{NS_XBRLI}\" xmlns:xbrldi=\"{NS_XBRLDI}\" xmlns:iso4217=\"{NS_ISO4217}\" xmlns:utr=\"{NS_UTR}\""
    );
    for (p, u) in &ns {
        let _ = write!(out, " xmlns:{p}=\"{}\"", esc(u));
    }
    let _ = writeln!(out, " xml:lang=\"{lang}\" dir=\"{dir}\">");
    let title = format!(
        "{} — VSME {}",
        info.entity_name,
        iso_date::format(info.period_end)
    );
    let _ = writeln!(
        out,
        "<head>\n<meta http-equiv=\"Content-Type\" content=\"text/html; charset=utf-8\"/>\n<title>{}</title>\n<style type=\"text/css\">{}</style>\n</head>\n<body>",
        esc(&title),
        STYLE
    );

    // The header: hidden facts, the schema reference, contexts and units.
    out.push_str("<div style=\"display:none\">\n<ix:header>\n<ix:hidden>\n");
    let mut hidden_ids: BTreeMap<usize, String> = BTreeMap::new();
    for (i, f) in facts.iter().enumerate() {
        if let FactValue::Members(ms) = &f.value {
            let mut expanded: Vec<String> =
                ms.iter().filter_map(|m| model.expanded_name(m)).collect();
            expanded.sort();
            let id = format!("h{}", i + 1);
            let _ = writeln!(
                out,
                "<ix:nonNumeric id=\"{id}\" name=\"{}\" contextRef=\"{}\">{}</ix:nonNumeric>",
                f.concept,
                contexts[&context_of(f)],
                esc(&expanded.join(" "))
            );
            hidden_ids.insert(i, id);
        }
    }
    out.push_str("</ix:hidden>\n<ix:references>\n");
    let _ = writeln!(
        out,
        "<link:schemaRef xlink:type=\"simple\" xlink:href=\"{}\"/>",
        esc(&model.taxonomy.entry_point)
    );
    out.push_str("</ix:references>\n<ix:resources>\n");
    for (k, id) in &contexts {
        let _ = write!(
            out,
            "<xbrli:context id=\"{id}\"><xbrli:entity><xbrli:identifier scheme=\"{}\">{}</xbrli:identifier></xbrli:entity><xbrli:period>",
            esc(&info.entity_scheme),
            esc(&info.entity_identifier)
        );
        match &k.start {
            Some(s) => {
                let _ = write!(
                    out,
                    "<xbrli:startDate>{s}</xbrli:startDate><xbrli:endDate>{}</xbrli:endDate>",
                    k.end
                );
            }
            None => {
                let _ = write!(out, "<xbrli:instant>{}</xbrli:instant>", k.end);
            }
        }
        out.push_str("</xbrli:period>");
        if !k.dims.is_empty() {
            out.push_str("<xbrli:scenario>");
            for (axis, v) in &k.dims {
                match v {
                    DimensionValue::Member(m) => {
                        let _ = write!(
                            out,
                            "<xbrldi:explicitMember dimension=\"{axis}\">{m}</xbrldi:explicitMember>"
                        );
                    }
                    DimensionValue::Typed(t) => {
                        let el = model
                            .axis(axis)
                            .and_then(|a| a.typed_element.clone())
                            .unwrap_or_else(|| "vsme:TYP".to_string());
                        let _ = write!(
                            out,
                            "<xbrldi:typedMember dimension=\"{axis}\"><{el}>{}</{el}></xbrldi:typedMember>",
                            esc(t)
                        );
                    }
                }
            }
            out.push_str("</xbrli:scenario>");
        }
        out.push_str("</xbrli:context>\n");
    }
    for (id, u) in &units {
        let _ = write!(out, "<xbrli:unit id=\"{id}\">");
        match u {
            FactUnit::Measure { measure } => {
                let _ = write!(out, "<xbrli:measure>{measure}</xbrli:measure>");
            }
            FactUnit::Currency { code } => {
                let _ = write!(out, "<xbrli:measure>iso4217:{code}</xbrli:measure>");
            }
            FactUnit::PerCurrency { numerator, code } => {
                let _ = write!(
                    out,
                    "<xbrli:divide><xbrli:unitNumerator><xbrli:measure>{numerator}</xbrli:measure></xbrli:unitNumerator><xbrli:unitDenominator><xbrli:measure>iso4217:{code}</xbrli:measure></xbrli:unitDenominator></xbrli:divide>"
                );
            }
        }
        out.push_str("</xbrli:unit>\n");
    }
    out.push_str("</ix:resources>\n</ix:header>\n</div>\n");

    // The page.
    let _ = writeln!(
        out,
        "<h1>{}</h1>\n<p class=\"meta\">{} {} – {}</p>",
        esc(&info.entity_name),
        esc(&labels.label("vsme-report-period")),
        iso_date::format(info.period_start),
        iso_date::format(info.period_end)
    );
    let by_concept = |c: &str| -> Vec<usize> {
        let mut v: Vec<usize> = (0..facts.len())
            .filter(|&i| facts[i].concept == c)
            .collect();
        v.sort_by_key(|&i| format!("{:?}{:?}", facts[i].period, facts[i].dimensions));
        v
    };
    let mut written = vec![false; facts.len()];
    for section in &model.sections {
        let items: Vec<&str> = section
            .rows
            .iter()
            .filter(|r| r.kind == crate::model::RowKind::Item)
            .map(|r| r.concept.as_str())
            .collect();
        let indices: Vec<usize> = items
            .iter()
            .flat_map(|c| by_concept(c))
            .filter(|&i| !written[i])
            .collect();
        if indices.is_empty() {
            continue;
        }
        let _ = writeln!(
            out,
            "<h2>{}</h2>\n<table>\n<tbody>",
            esc(&labels.label(&section.key))
        );
        for i in indices {
            written[i] = true;
            let f = &facts[i];
            let d = model.datapoint(&f.concept).expect("checked above");
            let mut label = labels.label(&d.key);
            let qualifiers = qualifier_labels(model, labels, info, f);
            if !qualifiers.is_empty() {
                label = format!("{label} ({})", qualifiers.join(", "));
            }
            let ctx = &contexts[&context_of(f)];
            let cell = fact_cell(model, labels, f, d.kind, ctx, hidden_ids.get(&i));
            let unit = unit_text(labels, f);
            let _ = writeln!(
                out,
                "<tr><th scope=\"row\">{}</th><td class=\"v\">{cell}</td><td class=\"u\">{}</td></tr>",
                esc(&label),
                esc(&unit)
            );
        }
        out.push_str("</tbody>\n</table>\n");
    }
    out.push_str("</body>\n</html>\n");
    Ok(out)
}

/// Labels of a fact's dimension members and named period, for its row heading.
fn qualifier_labels(
    model: &Model,
    labels: &dyn Labels,
    info: &ReportInfo,
    f: &Fact,
) -> Vec<String> {
    let mut q = Vec::new();
    for (axis, v) in &f.dimensions {
        match v {
            DimensionValue::Member(m) => {
                let member = model.member(m);
                let text = match member.and_then(|x| x.key.as_deref()) {
                    Some(k) => labels.label(k),
                    None => member.map_or(m.clone(), |x| x.label_en.clone()),
                };
                q.push(text);
            }
            DimensionValue::Typed(t) => {
                let axis_label = model
                    .axis(axis)
                    .map(|a| labels.label(&a.key))
                    .unwrap_or_default();
                q.push(format!("{axis_label} {t}"));
            }
        }
    }
    if let FactPeriod::Year { .. } = &f.period {
        let (_, end) = info.duration(&f.period);
        q.push(end.year().to_string());
    }
    q
}

fn unit_text(labels: &dyn Labels, f: &Fact) -> String {
    if f.shown_as_percent {
        return "%".to_string();
    }
    let _ = labels;
    match &f.unit {
        Some(FactUnit::Measure { measure }) if measure == "xbrli:pure" => String::new(),
        Some(FactUnit::Measure { measure }) => Model::get()
            .unit(measure)
            .map(|u| {
                if u.symbol.is_empty() {
                    u.unit_id.clone()
                } else {
                    u.symbol.clone()
                }
            })
            .unwrap_or_else(|| measure.clone()),
        Some(FactUnit::Currency { code }) => code.clone(),
        Some(FactUnit::PerCurrency { numerator, code }) => {
            format!("{}/{code}", crate::model::local_name(numerator))
        }
        None => String::new(),
    }
}

/// The tagged value of one fact.
fn fact_cell(
    model: &Model,
    labels: &dyn Labels,
    f: &Fact,
    kind: FieldKind,
    ctx: &str,
    hidden: Option<&String>,
) -> String {
    let name = &f.concept;
    match &f.value {
        FactValue::Number(n) => {
            let (text, negative) = display_number(f, *n);
            let unit = f.unit.as_ref().map(unit_id).unwrap_or_default();
            let decimals = match f.decimals {
                Some(Decimals::Places(p)) => p.to_string(),
                _ => "INF".to_string(),
            };
            let scale = if f.shown_as_percent { " scale=\"-2\"" } else { "" };
            let sign = if negative { " sign=\"-\"" } else { "" };
            let minus = if negative { "-" } else { "" };
            format!(
                "{minus}<ix:nonFraction name=\"{name}\" contextRef=\"{ctx}\" unitRef=\"{unit}\" decimals=\"{decimals}\" format=\"ixt:num-dot-decimal\"{scale}{sign}>{text}</ix:nonFraction>"
            )
        }
        FactValue::Bool(b) => {
            let (format, key) = if *b {
                ("ixt:fixed-true", "vsme-yes")
            } else {
                ("ixt:fixed-false", "vsme-no")
            };
            format!(
                "<ix:nonNumeric name=\"{name}\" contextRef=\"{ctx}\" format=\"{format}\">{}</ix:nonNumeric>",
                esc(&labels.label(key))
            )
        }
        FactValue::Date(d) => format!(
            "<ix:nonNumeric name=\"{name}\" contextRef=\"{ctx}\" format=\"ixt:date-year-month-day\">{}</ix:nonNumeric>",
            iso_date::format(*d)
        ),
        FactValue::Year(y) => format!(
            "<ix:nonNumeric name=\"{name}\" contextRef=\"{ctx}\">{y:04}</ix:nonNumeric>"
        ),
        FactValue::Text(t) if kind == FieldKind::TextBlock => {
            let paragraphs: String = t
                .lines()
                .filter(|l| !l.trim().is_empty())
                .map(|l| format!("<p>{}</p>", esc(l)))
                .collect();
            format!(
                "<ix:nonNumeric name=\"{name}\" contextRef=\"{ctx}\" escape=\"true\"><div>{paragraphs}</div></ix:nonNumeric>"
            )
        }
        FactValue::Text(t) => format!(
            "<ix:nonNumeric name=\"{name}\" contextRef=\"{ctx}\">{}</ix:nonNumeric>",
            esc(t)
        ),
        FactValue::Members(ms) => {
            // The fact itself is in ix:hidden; the page shows the options' labels.
            let shown: Vec<String> = ms
                .iter()
                .map(|m| {
                    let member = model.member(m);
                    match member.and_then(|x| x.key.as_deref()) {
                        Some(k) => labels.label(k),
                        None => member.map_or(m.clone(), |x| {
                            x.code
                                .as_ref()
                                .map_or(x.label_en.clone(), |_| x.label_en.clone())
                        }),
                    }
                })
                .collect();
            let id = hidden.map(String::as_str).unwrap_or_default();
            // `-ix-hidden` ties the visible text to the hidden fact (as ESEF reports do).
            format!(
                "<span class=\"enum\" style=\"-ix-hidden:{id}\">{}</span>",
                shown.iter().map(|s| esc(s)).collect::<Vec<_>>().join("<br/>")
            )
        }
    }
}

const STYLE: &str = "body{font-family:'Noto Sans','Noto Naskh Arabic','DejaVu Sans',sans-serif;margin:2em;color:#1b1b1b}h1{font-size:1.6em}h2{font-size:1.15em;margin-top:1.6em;border-bottom:1px solid #999}table{border-collapse:collapse;width:100%}th{text-align:start;font-weight:normal;padding:.25em .5em;width:60%}td{padding:.25em .5em}td.v{text-align:end;font-variant-numeric:tabular-nums}td.u{color:#555}.meta{color:#555}";

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn num(v: &str, dec: Decimals, pct: bool) -> Fact {
        let mut f = Fact::new(
            "vsme:GrossScope1GreenhouseGasEmissions",
            FactValue::Number(Decimal::from_str(v).unwrap()),
        )
        .with_decimals(dec);
        f.shown_as_percent = pct;
        f
    }

    #[test]
    fn numbers_are_shown_rounded_grouped_and_scaled() {
        assert_eq!(
            display_number(
                &num("1234567.891", Decimals::Places(2), false),
                Decimal::from_str("1234567.891").unwrap()
            )
            .0,
            "1,234,567.89"
        );
        assert_eq!(
            display_number(
                &num("0.2840909", Decimals::Places(4), true),
                Decimal::from_str("0.2840909").unwrap()
            )
            .0,
            "28.41"
        );
        assert_eq!(
            display_number(&num("150", Decimals::Places(2), false), Decimal::from(150)).0,
            "150.00"
        );
        assert_eq!(
            display_number(
                &num("123456", Decimals::Places(-3), false),
                Decimal::from(123456)
            )
            .0,
            "123,000"
        );
        assert_eq!(
            display_number(&num("5", Decimals::Places(-40), false), Decimal::from(5)).0,
            "5"
        );
        let (t, neg) = display_number(
            &num("-12.5", Decimals::Inf, false),
            Decimal::from_str("-12.5").unwrap(),
        );
        assert_eq!((t.as_str(), neg), ("12.5", true));
    }

    #[test]
    fn text_is_escaped() {
        assert_eq!(esc("a<b & \"c\""), "a&lt;b &amp; &quot;c&quot;");
    }
}
