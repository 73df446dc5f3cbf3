//! Import → export → read again: EFRAG's 1.3.0 sample read into facts, written into EFRAG's
//! blank template 1.3.0 with athar-xlsx-fill, and read back gives the facts of EFRAG's
//! converter snapshot again; the workbook keeps its protection and names.

use std::path::{Path, PathBuf};

use athar_vsme::snapshot::snapshot_json;
use athar_vsme::template::facts_from_template;
use athar_vsme::template_export::{embedded_template, fill_template};
use serde_json::Value;

const REFERENCE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/reference");

fn read(rel: &str) -> Vec<u8> {
    let p: PathBuf = Path::new(REFERENCE).join(rel);
    std::fs::read(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

fn facts_of(snapshot: &str) -> Vec<Value> {
    let v: Value = serde_json::from_str(snapshot).unwrap();
    v["facts"].as_array().unwrap().clone()
}

#[test]
fn sample_survives_import_export_and_reading_again() {
    let imported = facts_from_template(&read(
        "vsme/templates/VSME-Digital-Template-Sample-1.3.0.xlsx",
    ))
    .unwrap();
    let blank =
        embedded_template().expect("the build embeds the blank template from shared/reference");
    assert_eq!(
        blank,
        read("vsme/templates/VSME-Digital-Template-1.3.0.xlsx").as_slice()
    );
    let filled = fill_template(blank, &imported.info, &imported.facts).unwrap();
    assert!(filled.skipped.is_empty(), "{:?}", filled.skipped);
    let again = facts_from_template(&filled.bytes).unwrap();
    assert_eq!(again.info, imported.info);
    let expected =
        facts_of(&String::from_utf8(read("vsme/expected/snapshot-vsme-1.3.0-facts.json")).unwrap());
    let got = facts_of(&snapshot_json(&again.facts, &again.messages));
    let missing: Vec<&Value> = expected.iter().filter(|f| !got.contains(f)).collect();
    let extra: Vec<&Value> = got.iter().filter(|f| !expected.contains(f)).collect();
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
    assert_eq!(got, expected);

    // Same input, same bytes.
    let twice = fill_template(blank, &imported.info, &imported.facts).unwrap();
    assert_eq!(twice.bytes, filled.bytes);

    // Protection and names as EFRAG made them.
    let before = athar_xlsx_fill::Workbook::from_bytes(blank.to_vec()).unwrap();
    let after = athar_xlsx_fill::Workbook::from_bytes(filled.bytes.clone()).unwrap();
    assert_eq!(before.defined_names(), after.defined_names());
    for sheet in before.sheets() {
        let part = |wb: &athar_xlsx_fill::Workbook| {
            let xml = String::from_utf8_lossy(wb.part(&sheet.part).unwrap_or_default()).to_string();
            xml.find("<sheetProtection")
                .map(|i| xml[i..].split('>').next().unwrap_or("").to_string())
        };
        assert_eq!(part(&before), part(&after), "protection of {}", sheet.name);
    }
}
