//! The acceptance test of the template reader: for EFRAG's sample template 1.3.0, the facts
//! equal those of EFRAG's own converter (its snapshot `vsme-1.3.0-facts.json`), read in place
//! from `shared/reference/` beside the repository.

use std::path::{Path, PathBuf};

use athar_vsme::snapshot::snapshot_json;
use athar_vsme::template::facts_from_template;
use serde_json::Value;

const REFERENCE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/reference");

fn reference(rel: &str) -> PathBuf {
    Path::new(REFERENCE).join(rel)
}

fn read(rel: &str) -> Vec<u8> {
    std::fs::read(reference(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

#[test]
fn sample_1_3_0_gives_exactly_the_facts_of_efrags_converter() {
    let got = facts_from_template(&read(
        "vsme/templates/VSME-Digital-Template-Sample-1.3.0.xlsx",
    ))
    .expect("the sample is a valid template");
    let text = snapshot_json(&got.facts, &got.messages);
    let ours: Value = serde_json::from_str(&text).unwrap();
    let theirs: Value =
        serde_json::from_slice(&read("vsme/expected/snapshot-vsme-1.3.0-facts.json")).unwrap();
    let (ours, theirs) = (
        ours["facts"].as_array().unwrap(),
        theirs["facts"].as_array().unwrap(),
    );
    let missing: Vec<&Value> = theirs.iter().filter(|f| !ours.contains(f)).collect();
    let extra: Vec<&Value> = ours.iter().filter(|f| !theirs.contains(f)).collect();
    assert!(
        missing.is_empty() && extra.is_empty(),
        "missing {}:\n{}\nextra {}:\n{}",
        missing.len(),
        missing
            .iter()
            .map(|v| v.to_string())
            .collect::<Vec<_>>()
            .join("\n"),
        extra.len(),
        extra
            .iter()
            .map(|v| v.to_string())
            .collect::<Vec<_>>()
            .join("\n")
    );
    assert_eq!(ours, theirs, "same facts, same order");
    // Byte for byte, up to the message counts (ours are our own messages).
    let file = String::from_utf8(read("vsme/expected/snapshot-vsme-1.3.0-facts.json")).unwrap();
    let cut = |t: &str| t[..t.find("\"messageSeverities\"").unwrap()].to_string();
    assert_eq!(cut(&text), cut(&file));
}
