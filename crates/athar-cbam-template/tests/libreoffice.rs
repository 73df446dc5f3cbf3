//! The exported workbook opens in LibreOffice: `soffice --headless --convert-to pdf` succeeds
//! and the PDF's text shows the SEE values as the template displays them (3 decimals).
//!
//! Needs LibreOffice Calc (`soffice`, Debian `libreoffice-calc`) and `pdftotext`
//! (`poppler-utils`); without them the test fails and says what to install. Each conversion
//! gets its own LibreOffice profile and is killed after a deadline.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use athar_cbam::compute;
use athar_cbam_template::{export_template, read_template};
use common::*;
use rust_decimal::{Decimal, RoundingStrategy};

const DEADLINE: Duration = Duration::from_secs(300);

fn program(name: &str, package: &str) -> PathBuf {
    let path = std::env::var_os("PATH").unwrap_or_default();
    std::env::split_paths(&path)
        .map(|dir| dir.join(name))
        .find(|p| p.is_file())
        .unwrap_or_else(|| {
            panic!("{name} is not installed; this test needs it (apt-get install {package})")
        })
}

/// Runs `cmd` to completion within the deadline, killing its process group on timeout.
fn run(mut cmd: Command, what: &str) -> std::process::Output {
    cmd.stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    #[cfg(unix)]
    {
        use std::os::unix::process::CommandExt;
        cmd.process_group(0);
    }
    let child = cmd.spawn().unwrap_or_else(|e| panic!("{what}: {e}"));
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

/// Converts `xlsx` to PDF with LibreOffice and returns the PDF's text.
fn pdf_text(dir: &Path, xlsx: &Path) -> String {
    let soffice = program("soffice", "libreoffice-calc");
    let pdftotext = program("pdftotext", "poppler-utils");
    let profile = dir.join("lo-profile");
    let mut cmd = Command::new(soffice);
    cmd.arg(format!(
        "-env:UserInstallation=file://{}",
        profile.display()
    ))
    .args(["--headless", "--convert-to", "pdf", "--outdir"])
    .arg(dir)
    .arg(xlsx);
    let out = run(cmd, "soffice --convert-to pdf");
    let pdf = xlsx.with_extension("pdf");
    assert!(
        out.status.success() && pdf.is_file(),
        "conversion failed: {}\n{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    let mut cmd = Command::new(pdftotext);
    cmd.arg(&pdf).arg("-");
    let out = run(cmd, "pdftotext");
    assert!(out.status.success(), "pdftotext failed");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn shown(v: Decimal) -> String {
    format!(
        "{:.3}",
        v.round_dp_with_strategy(3, RoundingStrategy::MidpointAwayFromZero)
    )
}

#[test]
fn libreoffice_converts_the_export_and_shows_the_see_values() {
    let dir = tempfile::tempdir().unwrap();
    let blank = blank();

    let cement = read_template(&reference(EXAMPLES[0])).unwrap();
    let mut models = vec![(cement.installation, cement.results)];
    let rich = rich();
    let rich_results = compute(&rich, Some(&defaults())).unwrap();
    models.push((rich, rich_results));

    for (n, (inst, results)) in models.iter().enumerate() {
        let filled = export_template(&blank, inst, results).unwrap();
        let path = dir.path().join(format!("export-{n}.xlsx"));
        std::fs::write(&path, filled).unwrap();
        let text = pdf_text(dir.path(), &path);
        for p in &results.products {
            for v in [p.see_direct, p.see_indirect, p.see_total] {
                let s = shown(v);
                assert!(
                    text.contains(&s),
                    "export {n}: product {} value {s} not in the PDF text",
                    p.id
                );
            }
        }
    }
}
