//! The Inline XBRL report: well-formed XHTML, every fact a concept of the VSME taxonomy with a
//! value, period, unit and dimensions that suit its type, deterministic output. Checked on the
//! facts of EFRAG's 1.3.0 sample and on a company's own report, in English and Arabic.

use std::collections::BTreeSet;
use std::path::Path;

use athar_vsme::fact::{Fact, FactValue, ReportInfo};
use athar_vsme::ixbrl::{inline_xbrl, EnglishLabels, IxbrlError, Labels};
use athar_vsme::model::{FieldKind, Model};
use athar_vsme::template::facts_from_template;

mod common;
use common::{check, parse};

const REFERENCE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/reference");

fn sample() -> (ReportInfo, Vec<Fact>) {
    let bytes = std::fs::read(
        Path::new(REFERENCE).join("vsme/templates/VSME-Digital-Template-Sample-1.3.0.xlsx"),
    )
    .unwrap();
    let t = facts_from_template(&bytes).unwrap();
    (t.info, t.facts)
}

#[test]
fn the_samples_facts_become_valid_inline_xbrl() {
    let (info, facts) = sample();
    let doc = inline_xbrl(&info, &facts, &EnglishLabels).unwrap();
    check(&doc, facts.len());
    assert_eq!(
        doc,
        inline_xbrl(&info, &facts, &EnglishLabels).unwrap(),
        "deterministic"
    );
    assert!(doc.contains("<xbrli:identifier scheme=\"http://standards.iso.org/iso/17442\">TestCode1234</xbrli:identifier>"));
    assert!(doc.contains(
        "<xbrli:startDate>2020-01-01</xbrli:startDate><xbrli:endDate>2020-12-31</xbrli:endDate>"
    ));
    // 92.72 % shown, 0.9272 in XBRL.
    assert!(doc.contains("scale=\"-2\">92.72</ix:nonFraction>"));
    assert!(doc.contains("<xbrli:divide><xbrli:unitNumerator><xbrli:measure>utr:tCO2e</xbrli:measure></xbrli:unitNumerator><xbrli:unitDenominator><xbrli:measure>iso4217:EUR</xbrli:measure></xbrli:unitDenominator></xbrli:divide>"));
}

struct Arabic;

impl Labels for Arabic {
    fn label(&self, key: &str) -> String {
        format!("«{key}»")
    }
    fn lang(&self) -> &str {
        "ar"
    }
}

#[test]
fn an_arabic_page_is_right_to_left_with_the_same_facts() {
    let (info, facts) = sample();
    let doc = inline_xbrl(&info, &facts, &Arabic).unwrap();
    assert!(doc.contains("xml:lang=\"ar\" dir=\"rtl\""));
    check(&doc, facts.len());
    let strip = |d: &str| {
        let (_, facts) = {
            let (c, u, f) = parse(d);
            ((c, u), f)
        };
        facts
            .iter()
            .map(|f| {
                (
                    f.attrs["name"].clone(),
                    f.attrs["contextRef"].clone(),
                    f.text.clone(),
                )
            })
            .filter(|(n, _, _)| {
                !matches!(Model::get().datapoint(n).unwrap().kind, FieldKind::Boolean)
            })
            .collect::<BTreeSet<_>>()
    };
    assert_eq!(
        strip(&doc),
        strip(&inline_xbrl(&info, &facts, &EnglishLabels).unwrap())
    );
}

#[test]
fn facts_that_do_not_fit_are_refused() {
    let (info, mut facts) = sample();
    let mut no_id = info.clone();
    no_id.entity_identifier.clear();
    assert_eq!(
        inline_xbrl(&no_id, &facts, &EnglishLabels).unwrap_err(),
        IxbrlError::NoEntityIdentifier
    );
    facts.push(Fact::new("vsme:Turnover", FactValue::Text("a lot".into())));
    assert!(matches!(
        inline_xbrl(&info, &facts, &EnglishLabels),
        Err(IxbrlError::ValueType { .. })
    ));
    facts.pop();
    facts.push(facts[0].clone());
    assert!(matches!(
        inline_xbrl(&info, &facts, &EnglishLabels),
        Err(IxbrlError::Duplicate { .. })
    ));
    facts.pop();
    facts.push(Fact::new("vsme:NotAConcept", FactValue::Text("x".into())));
    assert!(matches!(
        inline_xbrl(&info, &facts, &EnglishLabels),
        Err(IxbrlError::UnknownConcept { .. })
    ));
}
