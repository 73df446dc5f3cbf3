//! The `athar` binary as scripts and consultants use it: documented JSON and exit codes.

use std::path::Path;
use std::process::{Command, Output};

use athar_store::{CompanyFile, Unlock};

const PASS: &str = "cli passphrase 2026";

fn athar(args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_athar"));
    cmd.args(args)
        .env_remove("ATHAR_PASSPHRASE")
        .env_remove("ATHAR_NEW_PASSPHRASE")
        .env("ATHAR_LANG", "en");
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd.output().unwrap()
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

#[test]
fn create_show_passwd_and_verify() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("nile.athar");
    let out = athar(
        &[
            "company",
            "create",
            "--file",
            s(&file),
            "--name",
            "Nile Steel",
            "--country",
            "eg",
            "--year",
            "2026",
        ],
        &[("ATHAR_PASSPHRASE", PASS)],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );

    let out = athar(
        &["company", "show", "--file", s(&file), "--json"],
        &[("ATHAR_PASSPHRASE", PASS)],
    );
    assert!(out.status.success());
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["company"]["profile"]["legal_name_en"], "Nile Steel");
    assert_eq!(json["company"]["profile"]["country"], "EG");
    assert_eq!(json["company"]["profile"]["reporting_year"], 2026);
    assert_eq!(json["schema_version"], athar_store::LATEST_SCHEMA_VERSION);
    assert!(json["company"]["sites"].as_array().unwrap().is_empty());

    let out = athar(
        &["company", "show", "--file", s(&file), "--json"],
        &[("ATHAR_PASSPHRASE", "wrong one!")],
    );
    assert_eq!(out.status.code(), Some(3));
    assert!(String::from_utf8_lossy(&out.stderr).contains("Wrong passphrase"));

    let out = athar(
        &["company", "passwd", "--file", s(&file)],
        &[
            ("ATHAR_PASSPHRASE", PASS),
            ("ATHAR_NEW_PASSPHRASE", "a new passphrase here"),
        ],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let out = athar(
        &["company", "show", "--file", s(&file)],
        &[("ATHAR_PASSPHRASE", PASS)],
    );
    assert_eq!(out.status.code(), Some(3));
    let new = [("ATHAR_PASSPHRASE", "a new passphrase here")];
    let out = athar(&["audit", "verify", "--file", s(&file), "--json"], &new);
    assert!(out.status.success());
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["intact"], true);
    // company, created_by, embedded factor packs, rekey.
    assert_eq!(report["entries"], 4);

    // Edit an audit entry behind Athar's back: verify names it and fails.
    {
        let f =
            CompanyFile::open(&file, Unlock::Passphrase("a new passphrase here".into())).unwrap();
        f.connection()
            .execute(
                "UPDATE audit_log SET after = '\"forged\"' WHERE seq = 2",
                [],
            )
            .unwrap();
    }
    let out = athar(&["audit", "verify", "--file", s(&file)], &new);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("entry 2"), "{err}");
}

#[test]
fn bad_input_gets_a_clear_message_in_the_chosen_language() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("x.athar");
    let out = athar(
        &[
            "company",
            "create",
            "--file",
            s(&file),
            "--name",
            "X",
            "--country",
            "ZZ",
        ],
        &[("ATHAR_PASSPHRASE", PASS), ("ATHAR_LANG", "ar")],
    );
    assert_eq!(out.status.code(), Some(4));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("ISO 3166") && err.contains("ليس"), "{err}");
    assert!(!file.exists());

    let jpeg = dir.path().join("photo.athar");
    std::fs::write(&jpeg, [0xFFu8, 0xD8, 0xFF, 0xE0]).unwrap();
    let out = athar(
        &["company", "show", "--file", s(&jpeg)],
        &[("ATHAR_PASSPHRASE", PASS)],
    );
    assert_eq!(out.status.code(), Some(4));
    assert!(String::from_utf8_lossy(&out.stderr).contains("not an Athar company file"));
    assert_eq!(std::fs::read(&jpeg).unwrap(), [0xFF, 0xD8, 0xFF, 0xE0]);

    let out = athar(
        &["company", "show", "--file", s(&file)],
        &[("ATHAR_PASSPHRASE", PASS)],
    );
    assert_eq!(out.status.code(), Some(4));
}

#[test]
fn demo_company_is_valid_and_complete() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("demo/Demo company.athar");
    let cfg = dir.path().join("cfg");
    let out = athar(
        &["demo", "--file", s(&file), "--add-recent"],
        &[("ATHAR_PASSPHRASE", PASS), ("ATHAR_CONFIG_DIR", s(&cfg))],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let f = CompanyFile::open(&file, Unlock::Passphrase(PASS.into())).unwrap();
    let data = f.load().unwrap();
    assert!(athar_domain::Validate::validate(&data).is_empty());
    assert_eq!(data.sites.len(), 2);
    assert_eq!(data.customers.len(), 2);
    let prefs = std::fs::read_to_string(cfg.join("prefs.json")).unwrap();
    assert!(prefs.contains("Demo company.athar"));
    assert!(
        !prefs.contains("Nile"),
        "company data leaked into the preferences"
    );
}
