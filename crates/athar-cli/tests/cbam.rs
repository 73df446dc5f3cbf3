//! CBAM through the binary, as a consultant's script drives it: the Commission's cement
//! example imported and reported, its SEE values equal to the example's own summary sheets
//! (read here at test time, never copied); the supplier check; the export package for an EU
//! customer (workbook, PDF summary, .eml, .zip) whose workbook LibreOffice opens and shows the
//! SEE values, and which imports back as the same report; and bad files refused with their
//! Fluent message, leaving the company file as it was.
//!
//! The engine-level tests of `athar-cbam-template` check all three examples; this checks that
//! the CLI gives the same numbers. Needs LibreOffice Calc and `pdftotext` (poppler-utils).

use std::io::Cursor;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use athar_i18n::Localizer;
use athar_protocol::Lang;
use calamine::{Data, Range, Reader, Xlsx};
use rust_decimal::Decimal;
use serde_json::Value;

const PASS: &str = "cli passphrase 2026";
const EXAMPLES: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../../shared/reference/cbam/examples/"
);
const CEMENT: &str = "1 CBAM SEE V2.1_Example Cement_final.xlsx";
const ALUMINIUM: &str = "6 CBAM SEE V2.1_Example Aluminium_final.xlsx";

fn example(name: &str) -> PathBuf {
    PathBuf::from(format!("{EXAMPLES}{name}"))
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
            std::env::temp_dir().join("athar-cli-cbam-test-config"),
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

fn dec(v: &Value) -> Decimal {
    v.as_str()
        .unwrap_or_else(|| panic!("{v} is not a decimal string"))
        .parse()
        .unwrap()
}

fn create(dir: &Path, name: &str) -> PathBuf {
    let file = dir.join(name);
    ok(&athar(&[
        "company",
        "create",
        "--file",
        s(&file),
        "--name",
        "Nile Cement",
        "--country",
        "EG",
        "--year",
        "2026",
    ]));
    file
}

fn message(key: &str) -> String {
    Localizer::new(Lang::En).plain().t(key)
}

/// The first sentence of a Fluent message, without its placeables.
fn fixed_part(key: &str) -> String {
    let m = message(key);
    m.split(['{', '(', '\u{2068}'])
        .next()
        .unwrap()
        .trim()
        .to_string()
}

// The summary sheets as the template lays them out (0-based rows and columns).
const PRODUCTS_FIRST_ROW: u32 = 9; // Summary_Products row 10
const COL_D: u32 = 3;
const COL_I: u32 = 8;
const COL_J: u32 = 9;
const COL_K: u32 = 10;
const COL_L: u32 = 11;
const ROW_84: u32 = 83;

fn cached(range: &Range<Data>, row: u32, col: u32) -> Option<Decimal> {
    match range.get_value((row, col)) {
        Some(Data::Float(f)) => Some(f.to_string().parse().unwrap()),
        Some(Data::Int(i)) => Some(Decimal::from(*i)),
        _ => None,
    }
}

fn filled(range: &Range<Data>, row: u32, col: u32) -> bool {
    match range.get_value((row, col)) {
        Some(Data::String(s)) => !s.trim().is_empty(),
        Some(Data::Empty) | None => false,
        Some(_) => true,
    }
}

fn assert_close(what: &str, ours: Decimal, theirs: Decimal) {
    let diff = (ours - theirs).abs();
    let scale = ours.abs().max(theirs.abs());
    assert!(
        diff <= scale * Decimal::new(1, 6),
        "{what}: ours {ours}, the example's {theirs}"
    );
}

/// `cbam report --json` against the example's Summary_Products (SEE per good, in row order)
/// and Summary_Processes (installation totals).
fn assert_report_equals_summary(report: &Value, workbook: &Path) {
    let mut book: Xlsx<_> = Xlsx::new(Cursor::new(std::fs::read(workbook).unwrap())).unwrap();
    let products = book.worksheet_range("Summary_Products").unwrap();
    let processes = book.worksheet_range("Summary_Processes").unwrap();
    let rows: Vec<u32> = (0..100)
        .map(|k| PRODUCTS_FIRST_ROW + k)
        .filter(|r| filled(&products, *r, COL_D))
        .collect();
    let ours = report["products"].as_array().unwrap();
    assert!(!rows.is_empty());
    assert_eq!(ours.len(), rows.len());
    for (p, row) in ours.iter().zip(&rows) {
        let what = format!("{} row {}", p["cn_code"], row + 1);
        assert_close(
            &format!("{what} SEE direct"),
            dec(&p["see_direct"]),
            cached(&products, *row, COL_I).unwrap(),
        );
        assert_close(
            &format!("{what} SEE indirect"),
            dec(&p["see_indirect"]),
            cached(&products, *row, COL_J).unwrap(),
        );
        assert_eq!(
            dec(&p["see_total"]),
            dec(&p["see_direct"]) + dec(&p["see_indirect"])
        );
    }
    assert_close(
        "installation direct",
        dec(&report["totals"]["direct"]),
        cached(&processes, ROW_84, COL_K).unwrap(),
    );
    assert_close(
        "installation indirect",
        dec(&report["totals"]["indirect"]),
        cached(&processes, ROW_84, COL_L).unwrap(),
    );
}

#[test]
fn the_cement_example_imported_through_the_cli_equals_its_summary_sheets() {
    let dir = tempfile::tempdir().unwrap();
    let file = create(dir.path(), "nile.athar");
    let imported = ok(&athar(&[
        "cbam",
        "import",
        "--file",
        s(&file),
        s(&example(CEMENT)),
        "--json",
    ]));
    assert_eq!(imported["outcome"], "imported");
    assert_eq!(imported["version"], "2.1");
    assert_eq!(imported["change"], "created");
    let id = imported["id"].as_str().unwrap().to_string();

    let report = ok(&athar(&["cbam", "report", "--file", s(&file), "--json"]));
    assert_eq!(report["installation"]["name"], "Example Cement Producer");
    for key in [
        "process",
        "category",
        "cn_code",
        "product_name",
        "see_direct",
        "see_indirect",
        "see_total",
        "default_share",
    ] {
        assert!(
            report["products"][0].get(key).is_some(),
            "products[].{key} is missing"
        );
    }
    assert_report_equals_summary(&report, &example(CEMENT));
    // By id, the same report.
    let by_id = ok(&athar(&[
        "cbam",
        "report",
        "--file",
        s(&file),
        "--installation",
        &id,
        "--json",
    ]));
    assert_eq!(by_id, report);

    // Importing the same workbook again changes nothing.
    let again = ok(&athar(&[
        "cbam",
        "import",
        "--file",
        s(&file),
        s(&example(CEMENT)),
        "--json",
    ]));
    assert_eq!(
        (&again["id"], &again["change"]),
        (&imported["id"], &"unchanged".into())
    );
}

#[test]
fn checking_a_suppliers_template_needs_no_company_file() {
    let checked = ok(&athar(&["cbam", "check", s(&example(ALUMINIUM)), "--json"]));
    assert_eq!(checked["discrepancies"], Value::Array(vec![]));
    assert_report_equals_summary(&checked, &example(ALUMINIUM));

    // A supplier whose summary was typed over: the check names the cell and exits 1.
    let dir = tempfile::tempdir().unwrap();
    let edited = dir.path().join("supplier.xlsx");
    let bytes = std::fs::read(example(ALUMINIUM)).unwrap();
    std::fs::write(&edited, overwrite_cached_see(&bytes)).unwrap();
    let out = athar(&["cbam", "check", s(&edited), "--json"]);
    assert_eq!(out.status.code(), Some(1));
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    let cells: Vec<&str> = report["discrepancies"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["cell"].as_str().unwrap())
        .collect();
    assert!(cells.contains(&"Summary_Products!I10"), "{cells:?}");
}

/// The workbook with the cached value of Summary_Products!I10 (the first good's SEE direct)
/// replaced by 99, as a supplier's hand-edited summary would be.
fn overwrite_cached_see(xlsx: &[u8]) -> Vec<u8> {
    use std::io::{Read, Write};
    let mut zip = zip::ZipArchive::new(Cursor::new(xlsx)).unwrap();
    let sheet = sheet_path(&mut zip, "Summary_Products");
    let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for i in 0..zip.len() {
        let mut entry = zip.by_index(i).unwrap();
        let name = entry.name().unwrap().to_string();
        let mut data = Vec::new();
        entry.read_to_end(&mut data).unwrap();
        if name == sheet {
            let text = String::from_utf8(data).unwrap();
            let at = text.find("<c r=\"I10\"").expect("I10 is in the sheet");
            let v = at + text[at..].find("<v>").unwrap() + 3;
            let end = v + text[v..].find("</v>").unwrap();
            data = format!("{}99{}", &text[..v], &text[end..]).into_bytes();
        }
        out.start_file(
            name,
            zip::write::SimpleFileOptions::default()
                .compression_method(zip::CompressionMethod::Deflated),
        )
        .unwrap();
        out.write_all(&data).unwrap();
    }
    out.finish().unwrap().into_inner()
}

/// The part name of worksheet `name` (from the workbook and its relationships).
fn sheet_path<R: std::io::Read + std::io::Seek>(
    zip: &mut zip::ZipArchive<R>,
    name: &str,
) -> String {
    use std::io::Read;
    let mut read = |part: &str| {
        let mut s = String::new();
        zip.by_name(part).unwrap().read_to_string(&mut s).unwrap();
        s
    };
    let workbook = read("xl/workbook.xml");
    let rels = read("xl/_rels/workbook.xml.rels");
    let at = workbook
        .find(&format!("name=\"{name}\""))
        .expect("the sheet exists");
    let tag_end = at + workbook[at..].find("/>").unwrap();
    let tag = &workbook[workbook[..at].rfind('<').unwrap()..tag_end];
    let rid = tag
        .split("r:id=\"")
        .nth(1)
        .unwrap()
        .split('"')
        .next()
        .unwrap();
    let rel_at = rels.find(&format!("Id=\"{rid}\"")).unwrap();
    let rel_start = rels[..rel_at].rfind('<').unwrap();
    let rel_end = rel_at + rels[rel_at..].find("/>").unwrap();
    let target = rels[rel_start..rel_end]
        .split("Target=\"")
        .nth(1)
        .unwrap()
        .split('"')
        .next()
        .unwrap();
    match target.strip_prefix('/') {
        Some(abs) => abs.to_string(),
        None => format!("xl/{target}"),
    }
}

const DEADLINE: Duration = Duration::from_secs(300);

/// Runs `cmd` within the deadline (killing its process group after it).
fn run(mut cmd: Command, what: &str) -> Output {
    cmd.stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    #[cfg(unix)]
    {
        use std::os::unix::process::CommandExt;
        cmd.process_group(0);
    }
    let child = cmd
        .spawn()
        .unwrap_or_else(|e| panic!("{what}: {e} (is it installed?)"));
    let id = child.id();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(child.wait_with_output());
    });
    let start = Instant::now();
    loop {
        if let Ok(out) = rx.recv_timeout(Duration::from_millis(200)) {
            return out.unwrap_or_else(|e| panic!("{what}: {e}"));
        }
        if start.elapsed() > DEADLINE {
            let _ = Command::new("kill")
                .args(["-KILL", "--", &format!("-{id}")])
                .status();
            panic!("{what} did not finish within {DEADLINE:?}");
        }
    }
}

/// The text of `xlsx` as LibreOffice prints it to PDF.
fn libreoffice_text(xlsx: &Path, work: &Path) -> String {
    let profile = work.join("lo-profile");
    let outdir = work.join("lo-pdf");
    let mut lo = Command::new("soffice");
    lo.arg(format!(
        "-env:UserInstallation=file://{}",
        profile.display()
    ))
    .args([
        "--headless",
        "--norestore",
        "--convert-to",
        "pdf",
        "--outdir",
    ])
    .arg(&outdir)
    .arg(xlsx);
    let out = run(lo, "soffice (apt-get install libreoffice-calc)");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let pdf = outdir.join(xlsx.with_extension("pdf").file_name().unwrap());
    assert!(pdf.is_file(), "LibreOffice wrote no PDF: {out:?}");
    let mut text = Command::new("pdftotext");
    text.arg(&pdf).arg("-");
    let out = run(text, "pdftotext (apt-get install poppler-utils)");
    assert!(out.status.success());
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn the_export_package_opens_in_libreoffice_and_imports_back() {
    let dir = tempfile::tempdir().unwrap();
    // The demo company has EU customers with email addresses.
    let file = dir.path().join("demo.athar");
    ok(&athar(&["demo", "--file", s(&file)]));
    ok(&athar(&[
        "cbam",
        "import",
        "--file",
        s(&file),
        s(&example(CEMENT)),
        "--json",
    ]));
    let report = ok(&athar(&["cbam", "report", "--file", s(&file), "--json"]));
    let out = dir.path().join("out");
    std::fs::create_dir(&out).unwrap();
    let exported = ok(&athar(&[
        "cbam",
        "export",
        "--file",
        s(&file),
        "--out",
        s(&out),
        "--customer",
        "Rheinstahl Handels GmbH",
        "--json",
    ]));
    let of_kind = |kind: &str| -> Vec<PathBuf> {
        exported["files"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|f| f["kind"] == kind)
            .map(|f| PathBuf::from(f["path"].as_str().unwrap()))
            .collect()
    };
    let (workbook, pdf, eml, zip) = (
        of_kind("workbook"),
        of_kind("summary"),
        of_kind("email"),
        of_kind("archive"),
    );
    assert_eq!(
        (workbook.len(), pdf.len(), eml.len(), zip.len()),
        (1, 1, 1, 1),
        "{exported:#}"
    );
    for f in [&workbook[0], &pdf[0], &eml[0], &zip[0]] {
        assert!(f.is_file() && f.starts_with(&out), "{}", f.display());
    }
    let mail = std::fs::read_to_string(&eml[0]).unwrap();
    assert!(mail.contains("cbam@rheinstahl.example.de"));
    assert!(mail.contains("X-Unsent: 1"));
    let names: Vec<String> = {
        let z = zip::ZipArchive::new(std::fs::File::open(&zip[0]).unwrap()).unwrap();
        z.file_names().map(|n| n.unwrap().to_string()).collect()
    };
    assert!(
        names.iter().any(|n| n.ends_with(".xlsx")) && names.iter().any(|n| n.ends_with(".pdf"))
    );

    // The written workbook imports back into another company file as the same report.
    let other = create(dir.path(), "other.athar");
    ok(&athar(&[
        "cbam",
        "import",
        "--file",
        s(&other),
        s(&workbook[0]),
        "--json",
    ]));
    let back = ok(&athar(&["cbam", "report", "--file", s(&other), "--json"]));
    assert_eq!(back, report);

    // LibreOffice opens it and shows the SEE values as the template displays them.
    let text = libreoffice_text(&workbook[0], dir.path());
    for p in report["products"].as_array().unwrap() {
        for key in ["see_direct", "see_indirect", "see_total"] {
            let shown = format!("{:.3}", dec(&p[key]));
            assert!(
                text.contains(&shown),
                "{key} {shown} is not in the PDF text"
            );
        }
    }
    // The PDF summary carries the same values.
    let mut summary = Command::new("pdftotext");
    summary.arg(&pdf[0]).arg("-");
    let summary = String::from_utf8_lossy(&run(summary, "pdftotext").stdout).into_owned();
    assert!(summary.contains(&format!("{:.3}", dec(&report["products"][0]["see_total"]))));
}

#[test]
fn bad_workbooks_are_refused_and_leave_the_company_file_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let file = create(dir.path(), "nile.athar");
    let audit = |f: &Path| ok(&athar(&["audit", "verify", "--file", s(f), "--json"]));
    let before = audit(&file);

    let cement = std::fs::read(example(CEMENT)).unwrap();
    let truncated = dir.path().join("truncated.xlsx");
    std::fs::write(&truncated, &cement[..cement.len() / 2]).unwrap();
    // A workbook, but not the Commission's template.
    let not_template = dir.path().join("other.xlsx");
    {
        use std::io::Write;
        let mut z = zip::ZipWriter::new(std::fs::File::create(&not_template).unwrap());
        let opts = zip::write::SimpleFileOptions::default();
        for (name, body) in [
            (
                "[Content_Types].xml",
                r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>"#,
            ),
            (
                "_rels/.rels",
                r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#,
            ),
            (
                "xl/workbook.xml",
                r#"<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Bills" sheetId="1" r:id="rId1"/></sheets></workbook>"#,
            ),
            (
                "xl/_rels/workbook.xml.rels",
                r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>"#,
            ),
            (
                "xl/worksheets/sheet1.xml",
                r#"<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>kWh</t></is></c></row></sheetData></worksheet>"#,
            ),
        ] {
            z.start_file(name, opts).unwrap();
            z.write_all(body.as_bytes()).unwrap();
        }
        z.finish().unwrap();
    }
    for (input, key) in [
        (&truncated, "cbam-tpl-corrupt"),
        (&not_template, "cbam-tpl-not-template"),
    ] {
        let out = athar(&["cbam", "import", "--file", s(&file), s(input)]);
        assert_eq!(out.status.code(), Some(4), "{}", input.display());
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.starts_with("athar: "), "{err}");
        assert!(err.contains(&fixed_part(key)), "{key}: {err}");
        // The supplier check refuses it the same way.
        let out = athar(&["cbam", "check", s(input), "--json"]);
        assert_eq!(out.status.code(), Some(4));
        assert!(String::from_utf8_lossy(&out.stderr).contains(&fixed_part(key)));
    }
    // Nothing was written: the audit log has not grown and there is no installation.
    assert_eq!(audit(&file), before);
    let out = athar(&["cbam", "report", "--file", s(&file), "--json"]);
    assert_eq!(out.status.code(), Some(4));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains(&fixed_part("cbam-error-no-installation"))
    );

    // Export needs an existing folder.
    let out = athar(&[
        "cbam",
        "export",
        "--file",
        s(&file),
        "--out",
        s(&dir.path().join("missing")),
    ]);
    assert_eq!(out.status.code(), Some(4));
}
