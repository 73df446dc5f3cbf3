//! LibreOffice opens what we write: a filled workbook converts to PDF showing our values, and
//! to xlsx again with our values intact.
//!
//! These tests need LibreOffice Calc (`soffice`, Debian package `libreoffice-calc`) and
//! `pdftotext` (`poppler-utils`). CI installs both. Without them the tests fail and say what to
//! install; they are not skipped, so a CI image that lost them is noticed. Each conversion runs
//! with its own LibreOffice profile and is killed after a timeout rather than left to hang.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use athar_xlsx_fill::{check, CellContent, CellValue, Workbook};
use common::*;

const TIMEOUT: Duration = Duration::from_secs(300);

fn find_program(names: &[&str], package: &str) -> PathBuf {
    let path = std::env::var_os("PATH").unwrap_or_default();
    for dir in std::env::split_paths(&path) {
        for name in names {
            let p = dir.join(name);
            if p.is_file() {
                return p;
            }
        }
    }
    panic!(
        "{} is not installed: these tests need it (Debian: apt-get install {package}); CI \
         installs it with scripts/install-deps.sh",
        names[0]
    );
}

/// Runs a command with a deadline; on timeout kills its whole process group (soffice starts
/// helpers) and fails.
fn run(mut cmd: Command, what: &str) -> std::process::Output {
    cmd.stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    #[cfg(unix)]
    {
        use std::os::unix::process::CommandExt;
        cmd.process_group(0);
    }
    let mut child = cmd.spawn().unwrap_or_else(|e| panic!("{what}: {e}"));
    // Drain the pipes while waiting, so a chatty program cannot block on a full pipe.
    let drain = |pipe: Option<Box<dyn std::io::Read + Send>>| {
        std::thread::spawn(move || {
            let mut buf = Vec::new();
            if let Some(mut p) = pipe {
                let _ = p.read_to_end(&mut buf);
            }
            buf
        })
    };
    let stdout = drain(child.stdout.take().map(|p| Box::new(p) as _));
    let stderr = drain(child.stderr.take().map(|p| Box::new(p) as _));
    let start = Instant::now();
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            return std::process::Output {
                status,
                stdout: stdout.join().unwrap(),
                stderr: stderr.join().unwrap(),
            };
        }
        if start.elapsed() > TIMEOUT {
            #[cfg(unix)]
            {
                let _ = Command::new("kill")
                    .args(["-KILL", "--", &format!("-{}", child.id())])
                    .status();
            }
            let _ = child.kill();
            let _ = child.wait();
            panic!("{what} did not finish within {TIMEOUT:?}");
        }
        std::thread::sleep(Duration::from_millis(200));
    }
}

/// `soffice --headless --convert-to <to>` of `input` into `dir`; the path of the result.
fn convert(input: &Path, to: &str, dir: &Path) -> PathBuf {
    let soffice = find_program(&["soffice", "libreoffice"], "libreoffice-calc");
    let profile = dir.join(format!("lo-profile-{to}"));
    let out_dir = dir.join(format!("out-{to}"));
    std::fs::create_dir_all(&out_dir).unwrap();
    let mut cmd = Command::new(soffice);
    cmd.arg(format!(
        "-env:UserInstallation=file://{}",
        profile.display()
    ))
    .args([
        "--headless",
        "--norestore",
        "--nolockcheck",
        "--convert-to",
        to,
    ])
    .arg("--outdir")
    .arg(&out_dir)
    .arg(input);
    let out = run(cmd, &format!("soffice --convert-to {to}"));
    let stem = input.file_stem().unwrap().to_string_lossy();
    let ext = to.split(':').next().unwrap();
    let result = out_dir.join(format!("{stem}.{ext}"));
    assert!(
        out.status.success() && result.is_file(),
        "soffice --convert-to {to} failed ({}):\n{}\n{}",
        out.status,
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    result
}

fn pdf_text(pdf: &Path) -> String {
    let pdftotext = find_program(&["pdftotext"], "poppler-utils");
    let mut cmd = Command::new(pdftotext);
    cmd.arg(pdf).arg("-");
    let out = run(cmd, "pdftotext");
    assert!(out.status.success(), "pdftotext failed");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Fills, saves, and has LibreOffice print and re-save; checks both.
fn through_libreoffice(
    template: PathBuf,
    edits: &[(&str, &str, CellValue)],
    in_pdf: &[&str],
    file_name: &str,
) {
    let dir = tempfile::tempdir().unwrap();
    let mut wb = Workbook::open(&template).unwrap();
    for (sheet, cell, value) in edits {
        wb.set(sheet, cell, value.clone()).unwrap();
    }
    let filled = dir.path().join(file_name);
    wb.save(&filled).unwrap();
    assert_eq!(
        check::check_package(&std::fs::read(&filled).unwrap()).unwrap(),
        []
    );

    let pdf = convert(&filled, "pdf", dir.path());
    let text = pdf_text(&pdf);
    for expected in in_pdf {
        assert!(
            text.contains(expected),
            "the PDF does not show {expected:?}"
        );
    }

    let again = convert(&filled, "xlsx", dir.path());
    let bytes = std::fs::read(&again).unwrap();
    let back = Workbook::from_bytes(bytes.clone()).unwrap();
    for (sheet, cell, value) in edits {
        let got = back.cell(sheet, cell).unwrap().map(|c| c.content);
        let same = match (&got, value) {
            // LibreOffice writes numbers in its own shortest form.
            (Some(CellContent::Number(a)), CellValue::Number(b)) => {
                a.parse::<f64>().unwrap() == b.as_str().parse::<f64>().unwrap()
            }
            (Some(g), v) => *g == CellContent::from(v),
            (None, _) => false,
        };
        assert!(
            same,
            "{sheet}!{cell} after LibreOffice: {got:?}, wrote {value:?}"
        );
    }
    let places: Vec<(&str, &str)> = edits.iter().map(|(s, c, _)| (*s, *c)).collect();
    let seen = calamine_values(&bytes, &places);
    for ((sheet, cell, value), data) in edits.iter().zip(&seen) {
        assert!(calamine_agrees(data, value), "{sheet}!{cell}: {data:?}");
    }
}

fn n(text: &str) -> CellValue {
    CellValue::number(text).unwrap()
}

#[test]
fn cbam_template_filled_opens_in_libreoffice() {
    through_libreoffice(
        cbam_template(),
        &[
            (
                "A_InstData",
                "I20",
                CellValue::text("Athar Test Cement Works — مصنع أثر"),
            ),
            (
                "A_InstData",
                "I21",
                CellValue::text("Plot 14, Industrial Zone 3"),
            ),
            ("A_InstData", "I25", CellValue::text("Helwan")),
            ("B_EmInst", "E18", CellValue::text("Coal from Sinai")),
            ("B_EmInst", "F18", n("88000.125")),
            ("D_Processes", "L50", CellValue::Bool(true)),
            // A cell in a row the template does not have.
            (
                "A_InstData",
                "E140",
                CellValue::text("Athar row below the form"),
            ),
        ],
        &[
            "Athar Test Cement Works",
            "Plot 14, Industrial Zone 3",
            "Coal from Sinai",
        ],
        "cbam-filled.xlsx",
    );
}

#[test]
fn vsme_template_filled_opens_in_libreoffice() {
    through_libreoffice(
        vsme_template(),
        &[
            (
                "General Information",
                "E180",
                CellValue::text("Athar test legal form"),
            ),
            (
                "General Information",
                "D406",
                CellValue::text("المنطقة الصناعية الثالثة"),
            ),
            ("General Information", "E284", n("151")),
            ("General Information", "E283", n("23500000.5")),
            ("Environmental Disclosures", "D22", n("1234.567")),
            ("Social Disclosures", "D181", CellValue::text("YES")),
            ("General Information", "E21", CellValue::Bool(false)),
        ],
        &["Athar test legal form"],
        "vsme-filled.xlsx",
    );
}
