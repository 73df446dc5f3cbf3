//! The activity workflow through the binary: create, import, inventory, explain.

use std::path::Path;
use std::process::{Command, Output};

const PASS: &str = "cli passphrase 2026";

fn athar(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_athar"))
        .args(args)
        .env("ATHAR_PASSPHRASE", PASS)
        .env_remove("ATHAR_NEW_PASSPHRASE")
        .env("ATHAR_LANG", "en")
        .output()
        .unwrap()
}

fn ok(out: &Output) -> serde_json::Value {
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap_or(serde_json::Value::Null)
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

#[test]
fn import_inventory_explain() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("nile.athar");
    ok(&athar(&[
        "company",
        "create",
        "--file",
        s(&file),
        "--name",
        "Nile Steel",
        "--country",
        "EG",
        "--year",
        "2026",
    ]));
    let csv = dir.path().join("bills.csv");
    std::fs::write(
        &csv,
        "id,site,period_from,period_to,kind,quantity,unit\n\
         E-1,site-1,2026-01-01,2026-12-31,electricity,100,MWh\n\
         E-bad,site-1,2026-01-01,2026-12-31,electricity,-1,MWh\n",
    )
    .unwrap();

    let out = ok(&athar(&[
        "activity",
        "import",
        "--file",
        s(&file),
        s(&csv),
        "--json",
    ]));
    assert_eq!(out["inserted"], 1);
    assert_eq!(out["errors"][0]["row"], 3);
    assert_eq!(out["errors"][0]["key"], "import-negative-quantity");
    let out = ok(&athar(&[
        "activity",
        "import",
        "--file",
        s(&file),
        s(&csv),
        "--json",
    ]));
    assert_eq!(
        (out["inserted"].clone(), out["unchanged"].clone()),
        (0.into(), 1.into())
    );

    // A JPEG named .xlsx: a clear error, exit 4.
    let jpeg = dir.path().join("photo.xlsx");
    std::fs::write(&jpeg, [0xFF, 0xD8, 0xFF, 0xE0, 0, 0]).unwrap();
    let out = athar(&["activity", "import", "--file", s(&file), s(&jpeg)]);
    assert_eq!(out.status.code(), Some(4));
    assert!(String::from_utf8_lossy(&out.stderr).contains("not an Excel workbook"));

    // 100 MWh × 574.5 gCO2/kWh (Ember EG 2024) = 57.45 tCO2 (crates/athar-inventory tests).
    let inv = ok(&athar(&[
        "inventory",
        "--file",
        s(&file),
        "--year",
        "2026",
        "--json",
    ]));
    assert_eq!(inv["totals"]["scope2-location"], "57.45");
    assert_eq!(
        inv["inventory"]["nodes"]["line/E-1/location"]["value"],
        "57.45"
    );

    let ex = ok(&athar(&[
        "explain",
        "--file",
        s(&file),
        "scope2-location/all/2026",
        "--json",
    ]));
    let text = ex.to_string();
    assert!(text.contains("\"id\":\"E-1\""), "{text}");
    assert!(text.contains("grid-ember"), "{text}");
    assert!(text.contains("\"version\":\"co2js-27cbe8328a\""), "{text}");

    let out = athar(&["explain", "--file", s(&file), "line/E-1/location"]);
    let tree = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(tree.contains("entry E-1"), "{tree}");
    assert!(
        tree.contains("factor grid-ember/ember-EG-2024@co2js-27cbe8328a"),
        "{tree}"
    );

    let out = athar(&["explain", "--file", s(&file), "scope9/all/2026"]);
    assert_eq!(out.status.code(), Some(4));

    let audit = ok(&athar(&["audit", "verify", "--file", s(&file), "--json"]));
    assert_eq!(audit["intact"], true);
}
