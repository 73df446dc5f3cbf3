//! `athar extract`, `athar bench extract` and `athar documents add`: reading bills and
//! invoices from the command line, with OCR and the model in the worker process exactly as
//! the desktop app runs them.

use std::path::{Path, PathBuf};

use athar_extract::bench;
use athar_i18n::Localizer;
use athar_protocol::UiError;
use athar_session::documents::{add_file, extract_bytes, extract_error, DocumentEngines};
use serde::Serialize;

use crate::{actor, open, print_json, Failure};

/// Tesseract languages for `--lang` (`en+ar`, `ar`, `en`).
fn tesseract_languages(lang: &str) -> Result<String, Failure> {
    let mut out = Vec::new();
    for part in lang.split('+') {
        let code = match part.trim() {
            "ar" => "ara",
            "en" => "eng",
            _ => return Err(UiError::new("cli-doc-lang").arg("lang", lang).into()),
        };
        if !out.contains(&code) {
            out.push(code);
        }
    }
    // Arabic first: Tesseract's first language leads the page layout analysis.
    out.sort();
    Ok(out.join("+"))
}

fn engines(model: Option<&Path>, threads: u32, lang: &str) -> Result<DocumentEngines, Failure> {
    if let Some(m) = model {
        if !m.is_file() {
            return Err(UiError::new("doc-settings-model-missing")
                .arg("path", m.display())
                .into());
        }
    }
    Ok(DocumentEngines::start(
        model,
        threads,
        &tesseract_languages(lang)?,
    )?)
}

/// Reads one file and prints what it found.
pub fn extract(
    l: &Localizer,
    path: &Path,
    model: Option<&Path>,
    threads: u32,
    lang: &str,
    json: bool,
) -> Result<(), Failure> {
    let e = engines(model, threads, lang)?;
    let bytes = std::fs::read(path).map_err(|err| {
        extract_error(&athar_extract::ExtractError::Io(err)).arg("path", path.display())
    })?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let x = extract_bytes(&e, &name, &bytes)?;
    if json {
        print_json(&x);
        return Ok(());
    }
    println!(
        "{}: {} ({:.0} %)",
        path.display(),
        l.t(&x.doc_type.key()),
        x.doc_type_confidence * 100.0
    );
    for (name, f) in &x.fields {
        println!(
            "  {}: {}  [{:.0} %, {}{}]",
            l.t(&name.key()),
            f.value,
            f.confidence * 100.0,
            f.page.map(|p| format!("p. {p}, ")).unwrap_or_default(),
            match f.source.origin {
                athar_extract::Origin::Parser => "parser",
                athar_extract::Origin::Model => "model",
            }
        );
    }
    for m in &x.missing {
        println!("  {}: -", l.t(&m.key()));
    }
    for w in &x.warnings {
        println!("  ! {}", l.format(&w.key, &w.args));
    }
    Ok(())
}

/// Runs the benchmark over a corpus folder, with and without the model.
pub fn bench_extract(
    dir: &Path,
    model: Option<&Path>,
    threads: u32,
    json: bool,
) -> Result<(), Failure> {
    let cases = bench::load_corpus(dir).map_err(|e| {
        let mut err = UiError::new(e.key());
        for (k, v) in e.args() {
            err = err.arg(&k, v);
        }
        Failure::from(err)
    })?;
    let e = engines(model, threads, "en+ar")?;
    let mut ocr = e.worker_engines();
    let mut assist = e.worker_engines();
    let total = cases.len();
    let mut seen = 0;
    let report = bench::run(
        &cases,
        Some(&mut ocr),
        if e.has_model() {
            Some(&mut assist)
        } else {
            None
        },
        &mut |c| {
            seen += 1;
            eprintln!("[{seen}/{total}] {}", c.path);
        },
    );
    if json {
        print_json(&report);
    } else {
        print!("{}", bench::render_text(&report));
    }
    Ok(())
}

#[derive(Serialize)]
struct AddedOutput {
    file: String,
    /// `added`, `duplicate` or `refused`.
    outcome: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    file_kind: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    error: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    message: Option<String>,
}

/// Stores files as documents of a company file. Every file is tried; exit code 4 when any
/// was refused (the others stay stored).
pub fn add(l: &Localizer, file: &Path, inputs: &[PathBuf], json: bool) -> Result<(), Failure> {
    let mut f = open(file)?;
    let actor = actor();
    let mut out = Vec::new();
    for input in inputs {
        let name = input.display().to_string();
        out.push(match add_file(&mut f, input, &actor) {
            Ok((d, new)) => AddedOutput {
                file: name,
                outcome: if new { "added" } else { "duplicate" },
                id: Some(d.id),
                file_kind: Some(d.file_kind),
                error: None,
                message: None,
            },
            Err(e) => AddedOutput {
                file: name,
                outcome: "refused",
                id: None,
                file_kind: None,
                message: Some(l.error(&e)),
                error: Some(e.key),
            },
        });
    }
    if json {
        print_json(&out);
    } else {
        for o in &out {
            match (&o.id, &o.message) {
                (Some(id), _) => println!("{}: {} {id}", o.file, o.outcome),
                (None, Some(m)) => eprintln!("{}: {m}", o.file),
                (None, None) => {}
            }
        }
    }
    let refused = out.iter().filter(|o| o.outcome == "refused").count();
    if refused > 0 {
        return Err(Failure {
            error: UiError::new("cli-doc-refused").arg("count", refused),
            code: 4,
        });
    }
    Ok(())
}
