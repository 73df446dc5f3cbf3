//! The VSME report through the binary: EFRAG's sample template read exactly as EFRAG's
//! converter reads it, imported into a company file and exported again without losing a
//! fact, a clear refusal of a file that is not a template, and a company's own report (from
//! the demo's year of bills) exported as template, PDF, Inline XBRL, ESRS E1 workbook and an
//! email package, its GHG figures equal to the inventory's.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use rust_decimal::{Decimal, RoundingStrategy};
use serde_json::Value;
use std::str::FromStr;

const PASS: &str = "cli passphrase 2026";
const REFERENCE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../../shared/reference/vsme"
);

fn reference(rel: &str) -> PathBuf {
    Path::new(REFERENCE).join(rel)
}

fn athar(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_athar"))
        .args(args)
        .env("ATHAR_PASSPHRASE", PASS)
        .env_remove("ATHAR_NEW_PASSPHRASE")
        .env("ATHAR_LANG", "en")
        // No desktop preferences (a chosen template) leak in from the machine.
        .env(
            "ATHAR_CONFIG_DIR",
            std::env::temp_dir().join("athar-cli-vsme-test-config"),
        )
        .output()
        .unwrap()
}

fn ok(out: &Output) -> Value {
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap_or(Value::Null)
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

fn facts_of(template: &Path) -> Vec<Value> {
    let out = ok(&athar(&["vsme", "facts", s(template), "--json"]));
    out["facts"].as_array().unwrap().clone()
}

fn create(dir: &Path) -> PathBuf {
    let file = dir.join("nile.athar");
    ok(&athar(&[
        "company",
        "create",
        "--file",
        s(&file),
        "--name",
        "Nile Dates",
        "--country",
        "EG",
        "--year",
        "2026",
    ]));
    file
}

fn written<'a>(out: &'a Value, suffix: &str) -> Vec<&'a str> {
    out["files"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(Value::as_str)
        .filter(|f| f.ends_with(suffix))
        .collect()
}

#[test]
fn facts_of_efrags_sample_equal_its_converters_snapshot() {
    let ours = facts_of(&reference(
        "templates/VSME-Digital-Template-Sample-1.3.0.xlsx",
    ));
    let theirs: Value = serde_json::from_slice(
        &std::fs::read(reference("expected/snapshot-vsme-1.3.0-facts.json")).unwrap(),
    )
    .unwrap();
    let theirs = theirs["facts"].as_array().unwrap();
    assert_eq!(ours.len(), 144);
    assert_eq!(
        &ours, theirs,
        "concept, value, unit, dimensions and decimals"
    );
}

#[test]
fn import_then_export_then_facts_gives_the_samples_facts() {
    let dir = tempfile::tempdir().unwrap();
    let file = create(dir.path());
    let sample = reference("templates/VSME-Digital-Template-Sample-1.3.0.xlsx");
    let imported = ok(&athar(&[
        "vsme",
        "import",
        "--file",
        s(&file),
        s(&sample),
        "--json",
    ]));
    assert_eq!(imported["template_version"], "1.3.0");
    // The two GHG target years become the report's settings; every other fact is stored.
    assert_eq!(imported["facts"], 142);
    assert_eq!(imported["inserted"], 142);
    // What the reader noticed in EFRAG's sample (empty option cells) is reported, in words.
    let messages = imported["messages"].as_array().unwrap();
    assert!(!messages.is_empty());
    assert!(messages.iter().all(|m| m["message"]
        .as_str()
        .is_some_and(|t| !t.is_empty() && t != m["key"])));

    let out_dir = dir.path().join("out");
    std::fs::create_dir(&out_dir).unwrap();
    let exported = ok(&athar(&[
        "vsme",
        "export",
        "--file",
        s(&file),
        "--out",
        s(&out_dir),
        "--json",
    ]));
    assert!(exported["failed"].as_array().unwrap().is_empty());
    let xlsx = written(&exported, "EFRAG template.xlsx");
    assert_eq!(xlsx.len(), 1, "{exported}");
    let pdf = written(&exported, "en.pdf");
    assert_eq!(pdf.len(), 1);
    assert!(std::fs::read(pdf[0]).unwrap().starts_with(b"%PDF-"));
    let xhtml = std::fs::read_to_string(written(&exported, "en.xhtml")[0]).unwrap();
    assert!(xhtml.contains("<ix:header>") && xhtml.contains("http://standards.iso.org/iso/17442"));
    assert!(std::fs::read(written(&exported, "ESRS E1 en.xlsx")[0])
        .unwrap()
        .starts_with(b"PK"));

    let original = facts_of(&sample);
    let round_trip = facts_of(Path::new(xlsx[0]));
    let missing: Vec<&Value> = original
        .iter()
        .filter(|f| !round_trip.contains(f))
        .collect();
    let extra: Vec<&Value> = round_trip
        .iter()
        .filter(|f| !original.contains(f))
        .collect();
    assert!(
        missing.is_empty() && extra.is_empty(),
        "missing {missing:#?}\nextra {extra:#?}"
    );
    assert_eq!(original.len(), round_trip.len());

    // Importing the same template again changes nothing; a second export does not
    // overwrite the first.
    let again = ok(&athar(&[
        "vsme",
        "import",
        "--file",
        s(&file),
        s(&sample),
        "--json",
    ]));
    assert_eq!(
        (again["inserted"].clone(), again["unchanged"].clone()),
        (0.into(), 142.into())
    );
    let second = ok(&athar(&[
        "vsme",
        "export",
        "--file",
        s(&file),
        "--out",
        s(&out_dir),
        "--json",
    ]));
    assert!(
        written(&second, "EFRAG template (2).xlsx").len() == 1,
        "{second}"
    );
}

#[test]
fn a_file_that_is_not_a_template_is_refused_and_nothing_is_stored() {
    let dir = tempfile::tempdir().unwrap();
    let file = create(dir.path());
    let before = ok(&athar(&["audit", "verify", "--file", s(&file), "--json"]));
    // EFRAG's blank template names no company yet: a typed error, not a partial import.
    let blank = reference("templates/VSME-Digital-Template-1.3.0.xlsx");
    let out = athar(&["vsme", "import", "--file", s(&file), s(&blank)]);
    assert_eq!(out.status.code(), Some(4));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("no value in"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let fake = dir.path().join("bills.xlsx");
    std::fs::write(&fake, "site,kwh\nA,12\n").unwrap();
    let out = athar(&["vsme", "import", "--file", s(&file), s(&fake)]);
    assert_eq!(out.status.code(), Some(4));
    assert!(String::from_utf8_lossy(&out.stderr).contains("not an Excel workbook"));
    let out = athar(&["vsme", "facts", s(&fake), "--json"]);
    assert_eq!(out.status.code(), Some(4));
    let after = ok(&athar(&["audit", "verify", "--file", s(&file), "--json"]));
    assert_eq!(before["entries"], after["entries"], "nothing was written");
}

fn value_of<'a>(facts: &'a [Value], concept: &str) -> Option<&'a Value> {
    facts
        .iter()
        .find(|f| f["concept"] == concept && f["aspects"].get("vsme:ReportingScopesAxis").is_none())
}

#[test]
fn a_companys_own_report_from_its_bills_with_an_email_package() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("demo.athar");
    ok(&athar(&["demo", "--file", s(&file)]));
    let inventory = ok(&athar(&[
        "inventory",
        "--file",
        s(&file),
        "--year",
        "2026",
        "--json",
    ]));
    let out_dir = dir.path().join("out");
    std::fs::create_dir(&out_dir).unwrap();
    // Without an identifier the Inline XBRL cannot be written: the other files are, and the
    // command says what failed.
    let out = athar(&[
        "vsme",
        "export",
        "--file",
        s(&file),
        "--out",
        s(&out_dir),
        "--lang",
        "ar",
        "--customer",
        "Rheinstahl Handels GmbH",
        "--json",
    ]);
    assert_eq!(out.status.code(), Some(4));
    let exported: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(exported["failed"][0]["item"], "xbrl");
    assert_eq!(
        exported["failed"][0]["key"],
        "vsme-error-no-entity-identifier"
    );
    assert_eq!(written(&exported, ".eml").len(), 1);
    assert_eq!(written(&exported, ".zip").len(), 1);
    let eml = std::fs::read_to_string(written(&exported, ".eml")[0]).unwrap();
    assert!(eml.contains("cbam@rheinstahl.example.de"));
    assert!(eml.contains("ar.pdf"));
    assert!(std::fs::read(written(&exported, "ar.pdf")[0])
        .unwrap()
        .starts_with(b"%PDF-"));

    // With the company's LEI, every file is written; the template's GHG figures are the
    // inventory's, to the kilogram.
    let settings = ok(&athar(&[
        "vsme",
        "settings",
        "--file",
        s(&file),
        "--scheme",
        "LEI",
        "--identifier",
        "5299000J2N45DDNE4Y28",
        "--json",
    ]));
    assert_eq!(settings["entity_scheme"], "lei");
    assert_eq!(
        settings["currency"], "",
        "not set: the turnover's EGP is used"
    );
    let bad = athar(&["vsme", "settings", "--file", s(&file), "--currency", "XYZ"]);
    assert_eq!(bad.status.code(), Some(4));
    let out_dir = dir.path().join("out-2");
    std::fs::create_dir(&out_dir).unwrap();
    let exported = ok(&athar(&[
        "vsme",
        "export",
        "--file",
        s(&file),
        "--out",
        s(&out_dir),
        "--json",
    ]));
    assert!(exported["failed"].as_array().unwrap().is_empty());
    let xhtml = std::fs::read_to_string(written(&exported, "en.xhtml")[0]).unwrap();
    assert!(xhtml.contains("iso4217:EGP") && xhtml.contains("5299000J2N45DDNE4Y28"));
    let facts = facts_of(Path::new(written(&exported, "EFRAG template.xlsx")[0]));
    let dec = |v: &Value| Decimal::from_str(v.as_str().unwrap()).unwrap();
    let scope1 = dec(&inventory["totals"]["scope1"]);
    let reported =
        dec(&value_of(&facts, "vsme:GrossScope1GreenhouseGasEmissions").unwrap()["value"]);
    assert_eq!(
        reported,
        scope1.round_dp_with_strategy(3, RoundingStrategy::MidpointAwayFromZero)
    );
    assert!(value_of(&facts, "vsme:TotalEnergyConsumption").is_some());
    // B1 comes from the profile.
    assert_eq!(
        value_of(&facts, "vsme:NumberOfEmployees").unwrap()["value"],
        "340"
    );
}
