//! Files that are not a digital template give typed errors, never a panic; an older template
//! (1.0.0) is read into the 2026-05-01 taxonomy.

use std::path::{Path, PathBuf};

use athar_vsme::fact::{Fact, FactValue};
use athar_vsme::template::{facts_from_template, Severity, TemplateError};

const REFERENCE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/reference");

fn read(rel: &str) -> Vec<u8> {
    let p: PathBuf = Path::new(REFERENCE).join(rel);
    std::fs::read(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

#[test]
fn empty_renamed_truncated_and_foreign_files_are_typed_errors() {
    assert_eq!(
        facts_from_template(b"").unwrap_err(),
        TemplateError::NotXlsx
    );
    assert_eq!(
        facts_from_template(b"concept;value\nvsme:Turnover;1\n").unwrap_err(),
        TemplateError::NotXlsx
    );
    let sample = read("vsme/templates/VSME-Digital-Template-Sample-1.3.0.xlsx");
    for cut in [100, sample.len() / 2, sample.len() - 10] {
        let e = facts_from_template(&sample[..cut]).unwrap_err();
        assert!(
            matches!(e, TemplateError::Corrupt { .. }),
            "cut at {cut}: {e:?}"
        );
        assert_eq!(e.key(), "vsme-error-corrupt");
    }
    let cbam = read("cbam/template/CBAM Communication template for installations_en_20241213.xlsx");
    assert_eq!(
        facts_from_template(&cbam).unwrap_err(),
        TemplateError::NotATemplate
    );
}

#[test]
fn template_1_0_0_is_read_into_the_current_taxonomy() {
    let t = facts_from_template(&read(
        "vsme/templates/VSME-Digital-Template-Sample-1.0.0.xlsx",
    ))
    .unwrap();
    assert_eq!(t.info.template_version.as_deref(), Some("1.0.0"));
    assert_eq!(
        t.info.entry_point,
        "https://xbrl.efrag.org/taxonomy/vsme/2024-12-17/vsme-all.xsd"
    );
    let find = |c: &str| {
        t.facts
            .iter()
            .find(|f: &&Fact| f.concept == c && f.dimensions.is_empty())
    };
    // Renamed since 2024-12-17 ("Contact" was a typo).
    assert_eq!(
        find("vsme:NumberOfPermanentContractEmployees").and_then(Fact::number),
        Some(110.into())
    );
    // Option members renamed since 2024-12-17 resolve by their label.
    assert_eq!(
        find("vsme:BasisForPreparation").map(|f| f.value.clone()),
        Some(FactValue::Members(vec![
            "vsme:OptionBBasicModuleAndComprehensiveModuleMember".into()
        ]))
    );
    // Waste codes written as "160806 Hazardous Waste - ..." resolve by code; two codes of the
    // 2024 list that the 2026 list no longer has are reported, not guessed.
    assert!(t.facts.iter().any(|f| f
        .dimensions
        .values()
        .any(|v| format!("{v:?}").contains("W-160806"))));
    let unknown: Vec<_> = t
        .messages
        .iter()
        .filter(|m| m.key == "vsme-msg-unknown-option" && m.severity == Severity::Warning)
        .collect();
    assert_eq!(unknown.len(), 2, "{unknown:?}");
    // EFRAG's converter reads 142 facts from this sample; the six of the two withdrawn waste
    // codes cannot be placed in the 2026-05-01 taxonomy.
    assert_eq!(t.facts.len(), 136);
}
