//! The committed model and English labels against EFRAG's files, read in place from
//! `shared/reference/` beside the repository (nothing from there is copied into the repo).

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use athar_vsme::model::{Applicability, FieldKind, Model, UnitRule, MODEL_JSON};

#[path = "../examples/gen_vsme_model/generate.rs"]
#[allow(dead_code)]
mod generate;

const REFERENCE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/reference");

fn reference(rel: &str) -> PathBuf {
    Path::new(REFERENCE).join(rel)
}

fn generated() -> &'static generate::Output {
    static OUT: std::sync::OnceLock<generate::Output> = std::sync::OnceLock::new();
    OUT.get_or_init(|| generate::generate(Path::new(REFERENCE)).expect("generate the model"))
}

#[test]
fn committed_model_is_what_the_generator_makes() {
    assert!(
        generated().model_json == MODEL_JSON,
        "data/vsme-2026-05-01.json differs from the generator's output; run \
         `cargo run -p athar-vsme --example gen_vsme_model`"
    );
}

#[test]
fn english_labels_in_the_locale_file_are_the_generated_ones() {
    let ftl = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../locales/en/vsme.ftl"),
    )
    .unwrap();
    let block = generate::generated_block(&ftl).expect("locales/en/vsme.ftl has a generated block");
    assert_eq!(
        format!("{block}\n"),
        generated().en_labels_ftl,
        "the generated labels of locales/en/vsme.ftl are out of date; run the generator"
    );
}

#[test]
fn every_label_key_exists_in_arabic_too() {
    let ar = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../locales/ar/vsme.ftl"),
    )
    .unwrap();
    let ar_keys: BTreeSet<&str> = ar
        .lines()
        .filter_map(|l| l.split_once(" = ").map(|(k, _)| k.trim()))
        .collect();
    let m = Model::get();
    let mut keys: Vec<&str> = Vec::new();
    keys.extend(m.sections.iter().map(|s| s.key.as_str()));
    keys.extend(m.datapoints.iter().map(|d| d.key.as_str()));
    keys.extend(m.axes.iter().map(|a| a.key.as_str()));
    keys.extend(m.members.iter().filter_map(|x| x.key.as_deref()));
    keys.extend(m.groups.iter().map(|g| g.key.as_str()));
    keys.extend(
        m.groups
            .iter()
            .filter_map(|g| g.gate.as_ref().map(|x| x.key.as_str())),
    );
    let missing: Vec<&&str> = keys.iter().filter(|k| !ar_keys.contains(**k)).collect();
    assert!(missing.is_empty(), "no Arabic label for {missing:?}");
}

/// Every datapoint of the official list, every module B1–B11 and C1–C9.
#[test]
fn the_model_covers_every_vsme_datapoint_and_module() {
    let m = Model::get();
    let csv = std::fs::read_to_string(reference("vsme/vsme-2026-05-01-datapoints.csv")).unwrap();
    let mut rdr = csv::Reader::from_reader(csv.as_bytes());
    let listed: BTreeSet<String> = rdr
        .records()
        .map(|r| r.unwrap().get(3).unwrap().to_string())
        .collect();
    let ours: BTreeSet<String> = m.datapoints.iter().map(|d| d.concept.clone()).collect();
    assert_eq!(listed, ours);
    assert_eq!(ours.len(), 143);
    let modules: BTreeSet<&str> = m
        .datapoints
        .iter()
        .filter_map(|d| d.module.as_deref())
        .collect();
    for n in 1..=11 {
        assert!(modules.contains(format!("B{n}").as_str()), "B{n}");
    }
    for n in 1..=9 {
        assert!(modules.contains(format!("C{n}").as_str()), "C{n}");
    }
}

#[test]
fn datapoints_carry_type_unit_period_dimensions_and_applicability() {
    let m = Model::get();
    let s1 = m
        .datapoint("vsme:GrossScope1GreenhouseGasEmissions")
        .unwrap();
    assert_eq!(s1.kind, FieldKind::Ghg);
    assert_eq!(s1.module.as_deref(), Some("B3"));
    assert_eq!(s1.paragraph.as_deref(), Some("30"));
    assert_eq!(s1.dimensions, vec!["vsme:ReportingScopesAxis".to_string()]);
    assert_eq!(s1.applicability, Applicability::Always);
    assert_eq!(s1.required_units, Some(vec!["utr:tCO2e".to_string()]));
    let axis = m.axis("vsme:ReportingScopesAxis").unwrap();
    assert_eq!(
        axis.default_member.as_deref(),
        Some("vsme:CurrentlyStatedMember")
    );
    assert!(axis
        .members
        .contains(&"vsme:BaselineYearMember".to_string()));

    let legal = m.datapoint("vsme:UndertakingsLegalForm").unwrap();
    assert_eq!(legal.kind, FieldKind::EnumSingle);
    assert_eq!(legal.paragraph.as_deref(), Some("24(e)(i)"));
    assert_eq!(m.enumeration(&legal.concept).unwrap().members.len(), 5);

    let waste = m
        .datapoint("vsme:WasteDivertedToRecycleOrReuseMass")
        .unwrap();
    assert_eq!(waste.dimensions, vec!["vsme:TypeOfWasteAxis".to_string()]);
    match &waste.unit {
        UnitRule::Choice { allowed, .. } => {
            assert!(
                allowed.contains(&"utr:kg".to_string()) && allowed.contains(&"utr:t".to_string())
            )
        }
        other => panic!("{other:?}"),
    }
    let intensity = m
        .datapoint("vsme:TotalLocationBasedGreenhouseGasEmissionsIntensityValue")
        .unwrap();
    assert!(matches!(intensity.unit, UnitRule::PerCurrency { .. }));

    // The template's markers: C3 targets are "If applicable", Scope 3 follows a yes/no
    // question, land use is "May".
    let f = m
        .template_field("GrossScope1GreenhouseGasEmissions_BaselineYearMember")
        .unwrap();
    assert_eq!(f.applicability, Applicability::IfApplicable);
    assert_eq!(
        m.template_field("GrossScope3GreenhouseGasEmissions_CurrentlyStatedMember")
            .unwrap()
            .applicability,
        Applicability::IfApplicable
    );
    assert_eq!(
        m.datapoint("vsme:TotalSealedArea").unwrap().applicability,
        Applicability::May
    );
    let counts = |a| m.datapoints.iter().filter(|d| d.applicability == a).count();
    assert!(counts(Applicability::Always) > 40 && counts(Applicability::IfApplicable) > 40);
}

/// Each heading of EFRAG's applicability extract is one of the model's groups, with the same
/// marker (the extract numbers rows from 0 or 1; the model from 1).
#[test]
fn groups_agree_with_efrags_applicability_extract() {
    let m = Model::get();
    let text =
        std::fs::read_to_string(reference("vsme/vsme-template-1.3.0-applicability.txt")).unwrap();
    let mut sheet = String::new();
    let mut checked = 0;
    for line in text.lines() {
        if let Some(s) = line.strip_prefix("## ") {
            sheet = s.trim().to_string();
            continue;
        }
        let Some(rest) = line.strip_prefix("row ") else {
            continue;
        };
        let (row, rest) = rest.split_once(' ').unwrap();
        let row: u32 = row.parse().unwrap();
        let heading = rest.trim_start_matches("C: ");
        let marker = if heading.contains("[Always to be reported + If applicable]")
            || heading.contains("[Always to be reported]")
        {
            Some(Applicability::Always)
        } else if heading.contains("[If applicable") {
            Some(Applicability::IfApplicable)
        } else if heading.contains("[May (optional)]") {
            Some(Applicability::May)
        } else {
            None
        };
        let Some(marker) = marker else { continue };
        let g = m
            .groups
            .iter()
            .find(|g| g.sheet == sheet && (g.row == row || g.row == row + 1) && g.col == 3)
            .unwrap_or_else(|| panic!("no group for {sheet} row {row}: {heading}"));
        assert_eq!(g.applicability, marker, "{heading}");
        let prefix: String = heading.chars().take(12).collect();
        assert!(
            g.heading_en.starts_with(&prefix),
            "{} vs {heading}",
            g.heading_en
        );
        checked += 1;
    }
    assert!(checked >= 35, "only {checked} headings checked");
}

#[test]
fn every_template_field_names_a_datapoint_and_every_datapoint_has_a_field() {
    let m = Model::get();
    for f in &m.template_fields {
        assert!(m.datapoint(&f.concept).is_some(), "{}", f.name);
    }
    for d in &m.datapoints {
        assert!(
            m.template_fields.iter().any(|f| f.concept == d.concept),
            "{} has no cell in template 1.3.0",
            d.concept
        );
    }
}
