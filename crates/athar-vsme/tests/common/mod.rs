//! Checks an Inline XBRL document against the model (shared by the iXBRL tests).

use std::collections::BTreeMap;

use athar_vsme::model::{FieldKind, Model, PeriodType, UnitRule};
use quick_xml::events::Event;
use quick_xml::Reader;
use quick_xml::XmlVersion;

#[derive(Debug, Default)]
pub struct Context {
    pub instant: bool,
    pub explicit: Vec<(String, String)>,
    pub typed: Vec<(String, String)>,
}

#[derive(Debug)]
pub struct TaggedFact {
    pub element: String,
    pub attrs: BTreeMap<String, String>,
    pub text: String,
}

/// Parses the document (failing on any well-formedness error) and returns its contexts,
/// unit measures and facts.
#[allow(clippy::type_complexity)]
pub fn parse(
    doc: &str,
) -> (
    BTreeMap<String, Context>,
    BTreeMap<String, Vec<String>>,
    Vec<TaggedFact>,
) {
    let mut r = Reader::from_str(doc);
    r.config_mut().check_end_names = true;
    let mut contexts = BTreeMap::new();
    let mut units: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let mut facts = Vec::new();
    let mut stack: Vec<String> = Vec::new();
    let mut context: Option<(String, Context)> = None;
    let mut unit: Option<String> = None;
    let mut fact: Option<TaggedFact> = None;
    let mut dim: Option<String> = None;
    let mut text = String::new();
    let mut depth_in_fact = 0;
    loop {
        match r.read_event().expect("well-formed XML") {
            Event::Start(e) => {
                let name = e.name().as_ref().to_string();
                let attrs: BTreeMap<String, String> = e
                    .attributes()
                    .map(|a| {
                        let a = a.unwrap();
                        (
                            a.key.as_ref().to_string(),
                            a.normalized_value(XmlVersion::Implicit1_0)
                                .unwrap()
                                .into_owned(),
                        )
                    })
                    .collect();
                match name.as_str() {
                    "xbrli:context" => context = Some((attrs["id"].clone(), Context::default())),
                    "xbrli:unit" => unit = Some(attrs["id"].clone()),
                    "xbrldi:explicitMember" | "xbrldi:typedMember" => {
                        dim = Some(attrs["dimension"].clone());
                        text.clear();
                    }
                    "xbrli:measure" => text.clear(),
                    "ix:nonFraction" | "ix:nonNumeric" if fact.is_none() => {
                        fact = Some(TaggedFact {
                            element: name.clone(),
                            attrs,
                            text: String::new(),
                        });
                        depth_in_fact = 0;
                        text.clear();
                    }
                    _ => {
                        if fact.is_some() {
                            depth_in_fact += 1;
                        }
                        if name == "vsme:TYP" {
                            text.clear();
                        }
                    }
                }
                stack.push(name);
            }
            Event::Empty(e) => {
                let name = e.name().as_ref().to_string();
                if name == "xbrli:instant" {
                    unreachable!("instants have content");
                }
            }
            Event::Text(t) => text.push_str(&t.xml10_content()),
            Event::GeneralRef(g) => {
                let name = g.xml10_content().to_string();
                text.push_str(match name.as_str() {
                    "amp" => "&",
                    "lt" => "<",
                    "gt" => ">",
                    "quot" => "\"",
                    "apos" => "'",
                    other => panic!("unexpected entity &{other};"),
                });
            }
            Event::End(e) => {
                let name = e.name().as_ref().to_string();
                assert_eq!(stack.pop().as_deref(), Some(name.as_str()));
                match name.as_str() {
                    "xbrli:instant" => {
                        if let Some((_, c)) = context.as_mut() {
                            c.instant = true;
                        }
                    }
                    "xbrldi:explicitMember" => {
                        if let (Some((_, c)), Some(d)) = (context.as_mut(), dim.take()) {
                            c.explicit.push((d, text.trim().to_string()));
                        }
                    }
                    "vsme:TYP" => {
                        if let (Some((_, c)), Some(d)) = (context.as_mut(), dim.clone()) {
                            c.typed.push((d, text.trim().to_string()));
                        }
                    }
                    "xbrldi:typedMember" => dim = None,
                    "xbrli:context" => {
                        let (id, c) = context.take().unwrap();
                        contexts.insert(id, c);
                    }
                    "xbrli:measure" => {
                        if let Some(u) = &unit {
                            units
                                .entry(u.clone())
                                .or_default()
                                .push(text.trim().to_string());
                        }
                    }
                    "xbrli:unit" => unit = None,
                    "ix:nonFraction" | "ix:nonNumeric" if depth_in_fact == 0 && fact.is_some() => {
                        let mut f = fact.take().unwrap();
                        f.text = text.clone();
                        facts.push(f);
                    }
                    _ => {
                        if fact.is_some() && depth_in_fact > 0 {
                            depth_in_fact -= 1;
                        }
                    }
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    assert!(stack.is_empty());
    (contexts, units, facts)
}

/// Every tagged fact against the model: concept, element, type, unit, period, dimensions.
pub fn check(doc: &str, expected_facts: usize) {
    let m = Model::get();
    let (contexts, units, facts) = parse(doc);
    assert_eq!(facts.len(), expected_facts, "one tagged element per fact");
    assert!(doc.contains(&format!("xlink:href=\"{}\"", m.taxonomy.entry_point)));
    for f in &facts {
        let name = &f.attrs["name"];
        let d = m
            .datapoint(name)
            .unwrap_or_else(|| panic!("{name} is not a VSME concept"));
        let numeric = d.kind.is_numeric();
        assert_eq!(
            f.element == "ix:nonFraction",
            numeric,
            "{name}: element {}",
            f.element
        );
        let ctx = &contexts[&f.attrs["contextRef"]];
        assert_eq!(
            ctx.instant,
            d.period == PeriodType::Instant,
            "{name}: period type"
        );
        for (axis, member) in &ctx.explicit {
            assert!(d.dimensions.contains(axis), "{name} has no axis {axis}");
            let a = m.axis(axis).unwrap();
            assert!(a.members.contains(member), "{member} is not on {axis}");
            assert_ne!(
                a.default_member.as_ref(),
                Some(member),
                "default member written"
            );
        }
        for (axis, _) in &ctx.typed {
            assert!(
                d.dimensions.contains(axis),
                "{name} has no typed axis {axis}"
            );
            assert!(m.axis(axis).unwrap().typed_element.is_some());
        }
        if numeric {
            let measures = &units[&f.attrs["unitRef"]];
            assert!(f.attrs.contains_key("decimals"), "{name}: decimals");
            assert_eq!(f.attrs["format"], "ixt:num-dot-decimal");
            match &d.unit {
                UnitRule::Currency => {
                    assert!(
                        measures.len() == 1 && measures[0].starts_with("iso4217:"),
                        "{name}: {measures:?}"
                    )
                }
                UnitRule::PerCurrency { numerator } => {
                    assert_eq!(measures[0], *numerator);
                    assert!(measures[1].starts_with("iso4217:"));
                }
                UnitRule::Choice { allowed, .. } => {
                    assert!(
                        allowed.contains(&measures[0]),
                        "{name}: {} not in {allowed:?}",
                        measures[0]
                    )
                }
                UnitRule::None => panic!("{name}: numeric without unit rule"),
            }
            let digits: String = f.text.chars().filter(|c| *c != ',').collect();
            assert!(
                digits.parse::<f64>().is_ok(),
                "{name}: {:?} is not num-dot-decimal",
                f.text
            );
        } else {
            assert!(!f.attrs.contains_key("unitRef"));
            match d.kind {
                FieldKind::Boolean => assert!(
                    ["ixt:fixed-true", "ixt:fixed-false"].contains(&f.attrs["format"].as_str()),
                    "{name}"
                ),
                FieldKind::EnumSingle | FieldKind::EnumSet => {
                    let options = &m.enumeration(name).unwrap().members;
                    let values: Vec<&str> = f.text.split_whitespace().collect();
                    assert!(!values.is_empty() || d.kind == FieldKind::EnumSet);
                    if d.kind == FieldKind::EnumSingle {
                        assert_eq!(values.len(), 1, "{name}");
                    }
                    for v in values {
                        let q = m
                            .qname_of_expanded(v)
                            .unwrap_or_else(|| panic!("{v} is no expanded name"));
                        assert!(options.contains(&q), "{q} is not an option of {name}");
                    }
                }
                FieldKind::Year => assert!(f.text.len() == 4 && f.text.parse::<i32>().is_ok()),
                FieldKind::Date => assert_eq!(f.attrs["format"], "ixt:date-year-month-day"),
                FieldKind::TextBlock => assert_eq!(f.attrs["escape"], "true"),
                _ => {}
            }
        }
    }
}
