//! The extraction benchmark behind `athar bench extract DIR`: per-field accuracy (exact
//! match after normalisation, [`crate::values_match`]) and seconds per page, without and
//! with the language model.
//!
//! A folder is read in one of three layouts ([`load_corpus`]):
//! - Athar's own corpus (`tests/corpus/`): every document `NAME.pdf|jpg|png|tif` has a
//!   `NAME.json` with `{"doc_type", "fields": {name: value}}`; sub-folders are searched;
//! - SROIE (`img/NNN.jpg` with `key/NNN.json` holding company, date, address, total);
//! - invoice2data's `tests/compare` (`NAME.pdf` with `NAME.json`, a list holding issuer,
//!   amount, date, invoice_number, currency).
//!
//! Each document is read once (text layer or OCR); its fields are then extracted without the
//! model and, when one is given, with it, so both runs see the same text.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::Instant;

use serde::{Deserialize, Serialize};

use crate::engine::{FieldAssist, PageOcr};
use crate::model::{DocType, Extraction, FieldName};
use crate::normalise::values_match;
use crate::pipeline::{analyse, read_text, Options};

/// What a document should give.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Truth {
    /// `None` when the corpus does not say (invoice2data).
    pub doc_type: Option<DocType>,
    pub fields: BTreeMap<FieldName, String>,
}

/// One document of a benchmark corpus.
#[derive(Debug, Clone, PartialEq)]
pub struct Case {
    pub path: PathBuf,
    pub truth: Truth,
}

/// Why a corpus could not be read.
#[derive(Debug, thiserror::Error)]
pub enum BenchError {
    #[error("cannot read {path}: {detail}")]
    Io { path: String, detail: String },
    #[error("{path} is not a ground-truth file: {detail}")]
    BadTruth { path: String, detail: String },
    #[error("no documents with ground truth in {path}")]
    Empty { path: String },
}

impl BenchError {
    pub fn key(&self) -> &'static str {
        match self {
            BenchError::Io { .. } => "doc-bench-io",
            BenchError::BadTruth { .. } => "doc-bench-bad-truth",
            BenchError::Empty { .. } => "doc-bench-empty",
        }
    }

    pub fn args(&self) -> Vec<(String, String)> {
        match self {
            BenchError::Io { path, detail } | BenchError::BadTruth { path, detail } => vec![
                ("path".into(), path.clone()),
                ("detail".into(), detail.clone()),
            ],
            BenchError::Empty { path } => vec![("path".into(), path.clone())],
        }
    }
}

fn io_err(path: &Path, e: impl std::fmt::Display) -> BenchError {
    BenchError::Io {
        path: path.display().to_string(),
        detail: e.to_string(),
    }
}

fn bad(path: &Path, detail: impl Into<String>) -> BenchError {
    BenchError::BadTruth {
        path: path.display().to_string(),
        detail: detail.into(),
    }
}

const DOCUMENT_EXTENSIONS: &[&str] = &["pdf", "jpg", "jpeg", "png", "tif", "tiff", "xlsx", "csv"];

fn sorted_entries(dir: &Path) -> Result<Vec<PathBuf>, BenchError> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| io_err(dir, e))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    v.sort();
    Ok(v)
}

fn json_scalar(v: &serde_json::Value) -> Option<String> {
    match v {
        serde_json::Value::String(s) => Some(s.clone()),
        serde_json::Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// Reads a corpus folder (see the module comment for the layouts).
pub fn load_corpus(dir: &Path) -> Result<Vec<Case>, BenchError> {
    let mut cases = Vec::new();
    if dir.join("key").is_dir() && dir.join("img").is_dir() {
        load_sroie(dir, &mut cases)?;
    } else {
        load_folder(dir, &mut cases)?;
    }
    if cases.is_empty() {
        return Err(BenchError::Empty {
            path: dir.display().to_string(),
        });
    }
    Ok(cases)
}

fn load_sroie(dir: &Path, cases: &mut Vec<Case>) -> Result<(), BenchError> {
    for key in sorted_entries(&dir.join("key"))? {
        if key.extension().and_then(|e| e.to_str()) != Some("json") {
            continue;
        }
        let stem = key.file_stem().and_then(|s| s.to_str()).unwrap_or_default();
        let img = dir.join("img").join(format!("{stem}.jpg"));
        if !img.is_file() {
            continue;
        }
        let text = std::fs::read_to_string(&key).map_err(|e| io_err(&key, e))?;
        let v: serde_json::Value =
            serde_json::from_str(&text).map_err(|e| bad(&key, e.to_string()))?;
        let mut fields = BTreeMap::new();
        for (k, name) in [
            ("company", FieldName::Supplier),
            ("date", FieldName::IssueDate),
            ("address", FieldName::Address),
            ("total", FieldName::Amount),
        ] {
            if let Some(s) = v.get(k).and_then(json_scalar) {
                fields.insert(name, s);
            }
        }
        cases.push(Case {
            path: img,
            truth: Truth {
                doc_type: Some(DocType::Receipt),
                fields,
            },
        });
    }
    Ok(())
}

fn load_folder(dir: &Path, cases: &mut Vec<Case>) -> Result<(), BenchError> {
    for path in sorted_entries(dir)? {
        if path.is_dir() {
            load_folder(&path, cases)?;
            continue;
        }
        let ext = path
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase)
            .unwrap_or_default();
        if !DOCUMENT_EXTENSIONS.contains(&ext.as_str()) {
            continue;
        }
        let truth_path = path.with_extension("json");
        if !truth_path.is_file() {
            continue;
        }
        let text = std::fs::read_to_string(&truth_path).map_err(|e| io_err(&truth_path, e))?;
        let v: serde_json::Value =
            serde_json::from_str(&text).map_err(|e| bad(&truth_path, e.to_string()))?;
        let truth = if let Some(list) = v.as_array() {
            // invoice2data: a list with one object.
            let Some(obj) = list.first() else {
                return Err(bad(&truth_path, "empty list"));
            };
            let mut fields = BTreeMap::new();
            for (k, name) in [
                ("issuer", FieldName::Supplier),
                ("amount", FieldName::Amount),
                ("date", FieldName::IssueDate),
                ("invoice_number", FieldName::InvoiceNumber),
                ("currency", FieldName::Currency),
            ] {
                if let Some(s) = obj.get(k).and_then(json_scalar) {
                    fields.insert(name, s);
                }
            }
            Truth {
                doc_type: None,
                fields,
            }
        } else if let Some(map) = v.get("fields").and_then(|f| f.as_object()) {
            let mut fields = BTreeMap::new();
            for (k, value) in map {
                let name = FieldName::from_id(k)
                    .ok_or_else(|| bad(&truth_path, format!("unknown field {k}")))?;
                let value = json_scalar(value)
                    .ok_or_else(|| bad(&truth_path, format!("field {k} is not text")))?;
                fields.insert(name, value);
            }
            let doc_type = match v.get("doc_type").and_then(|d| d.as_str()) {
                Some(id) => Some(
                    DocType::from_id(id)
                        .ok_or_else(|| bad(&truth_path, format!("unknown doc_type {id}")))?,
                ),
                None => None,
            };
            Truth { doc_type, fields }
        } else {
            // A JSON that is not ground truth (the digit sheets, other data): skipped.
            continue;
        };
        cases.push(Case { path, truth });
    }
    Ok(())
}

/// Right and total counts.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Score {
    pub right: usize,
    pub total: usize,
}

impl Score {
    pub fn add(&mut self, right: bool) {
        self.total += 1;
        if right {
            self.right += 1;
        }
    }

    /// Share right, 0 to 1 (1 when there is nothing to score).
    pub fn ratio(&self) -> f64 {
        if self.total == 0 {
            1.0
        } else {
            self.right as f64 / self.total as f64
        }
    }
}

/// Field accuracy of one run (with or without the model), in one group of documents.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ModeScore {
    pub fields: Score,
    pub per_field: BTreeMap<FieldName, Score>,
    pub doc_type: Score,
}

/// One document's outcome.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CaseResult {
    pub path: String,
    /// `digital` (text layer or spreadsheet) or `scan` (at least one page OCR'd).
    pub group: String,
    pub pages: usize,
    pub ocr_pages: usize,
    pub doc_type: Option<DocType>,
    /// Reading and OCR, milliseconds.
    pub text_ms: u64,
    pub ocr_ms: u64,
    pub model_ms: u64,
    /// Fields wrong without the model.
    pub wrong: Vec<WrongField>,
    /// Fields wrong with the model.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub wrong_with_model: Option<Vec<WrongField>>,
    /// The error key when the document could not be read.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
}

/// The benchmark's result.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct BenchReport {
    pub documents: usize,
    pub pages: usize,
    pub ocr_pages: usize,
    /// Seconds per page, reading and OCR (no model).
    pub seconds_per_page: f64,
    /// Seconds of OCR per OCR'd page.
    pub ocr_seconds_per_page: f64,
    /// Seconds of model time per document the model was asked about.
    pub model_seconds_per_document: Option<f64>,
    /// Field accuracy per group (`all`, `digital`, `scan`) without the model.
    pub without_model: BTreeMap<String, ModeScore>,
    /// The same with the model, when one was given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub with_model: Option<BTreeMap<String, ModeScore>>,
    pub cases: Vec<CaseResult>,
}

/// A field that was wrong: name, expected value, value found.
pub type WrongField = (FieldName, String, Option<String>);

fn score(truth: &Truth, x: &Extraction) -> (Vec<WrongField>, Vec<(FieldName, bool)>) {
    let mut wrong = Vec::new();
    let mut marks = Vec::new();
    for (name, expected) in &truth.fields {
        let got = x.fields.get(name).map(|f| f.value.clone());
        let right = got
            .as_deref()
            .is_some_and(|g| values_match(name.kind(), expected, g));
        if !right {
            wrong.push((*name, expected.clone(), got));
        }
        marks.push((*name, right));
    }
    (wrong, marks)
}

fn record(
    scores: &mut BTreeMap<String, ModeScore>,
    group: &str,
    truth: &Truth,
    x: &Extraction,
    marks: &[(FieldName, bool)],
) {
    for g in ["all", group] {
        let s = scores.entry(g.to_string()).or_default();
        for (name, right) in marks {
            s.fields.add(*right);
            s.per_field.entry(*name).or_default().add(*right);
        }
        if let Some(t) = truth.doc_type {
            s.doc_type.add(t == x.doc_type);
        }
    }
}

/// Runs the benchmark. `progress` is called after each document.
pub fn run(
    cases: &[Case],
    mut ocr: Option<&mut dyn PageOcr>,
    mut assist: Option<&mut dyn FieldAssist>,
    progress: &mut dyn FnMut(&CaseResult),
) -> BenchReport {
    let mut report = BenchReport {
        documents: cases.len(),
        ..BenchReport::default()
    };
    let mut without: BTreeMap<String, ModeScore> = BTreeMap::new();
    let mut with: BTreeMap<String, ModeScore> = BTreeMap::new();
    let (mut text_ms, mut ocr_ms, mut model_ms, mut model_docs) = (0u64, 0u64, 0u64, 0usize);
    for case in cases {
        let name = case.path.display().to_string();
        let options = Options {
            file_name: case
                .path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned()),
            ..Options::default()
        };
        let started = Instant::now();
        let doc = match std::fs::read(&case.path) {
            Ok(bytes) => read_text(&bytes, &options, ocr.as_deref_mut()),
            Err(e) => Err(crate::ExtractError::from(e)),
        };
        let doc = match doc {
            Ok(d) => d,
            Err(e) => {
                // Every field of an unreadable document is wrong.
                let empty = Extraction {
                    file_kind: crate::FileKind::Pdf,
                    doc_type: DocType::Other,
                    doc_type_confidence: 0.0,
                    pages: Vec::new(),
                    fields: BTreeMap::new(),
                    missing: Vec::new(),
                    warnings: Vec::new(),
                    timings_ms: BTreeMap::new(),
                };
                let (wrong, marks) = score(&case.truth, &empty);
                record(&mut without, "unreadable", &case.truth, &empty, &marks);
                let result = CaseResult {
                    path: name,
                    group: "unreadable".into(),
                    pages: 0,
                    ocr_pages: 0,
                    doc_type: None,
                    text_ms: 0,
                    ocr_ms: 0,
                    model_ms: 0,
                    wrong,
                    wrong_with_model: None,
                    error: Some(e.key().to_string()),
                };
                progress(&result);
                report.cases.push(result);
                continue;
            }
        };
        let read_ms = started.elapsed().as_millis() as u64;
        let this_ocr = doc.timings_ms.get("ocr").copied().unwrap_or(0);
        let group = if doc.ocr_pages > 0 { "scan" } else { "digital" };
        report.pages += doc.pages.len();
        report.ocr_pages += doc.ocr_pages;
        text_ms += read_ms;
        ocr_ms += this_ocr;
        let plain = analyse(&doc, None);
        let Ok(plain) = plain else { continue };
        let (wrong, marks) = score(&case.truth, &plain);
        record(&mut without, group, &case.truth, &plain, &marks);
        let mut result = CaseResult {
            path: name,
            group: group.into(),
            pages: doc.pages.len(),
            ocr_pages: doc.ocr_pages,
            doc_type: Some(plain.doc_type),
            text_ms: read_ms,
            ocr_ms: this_ocr,
            model_ms: 0,
            wrong,
            wrong_with_model: None,
            error: None,
        };
        if let Some(engine) = assist.as_deref_mut() {
            if let Ok(assisted) = analyse(&doc, Some(engine)) {
                let ms = assisted.timings_ms.get("model").copied();
                if let Some(ms) = ms {
                    model_ms += ms;
                    model_docs += 1;
                    result.model_ms = ms;
                }
                let (wrong, marks) = score(&case.truth, &assisted);
                record(&mut with, group, &case.truth, &assisted, &marks);
                result.wrong_with_model = Some(wrong);
            }
        }
        progress(&result);
        report.cases.push(result);
    }
    report.seconds_per_page = if report.pages == 0 {
        0.0
    } else {
        text_ms as f64 / 1000.0 / report.pages as f64
    };
    report.ocr_seconds_per_page = if report.ocr_pages == 0 {
        0.0
    } else {
        ocr_ms as f64 / 1000.0 / report.ocr_pages as f64
    };
    report.model_seconds_per_document =
        (model_docs > 0).then(|| model_ms as f64 / 1000.0 / model_docs as f64);
    report.without_model = without;
    if assist.is_some() {
        report.with_model = Some(with);
    }
    report
}

/// The report as a plain-text table, for the terminal.
pub fn render_text(report: &BenchReport) -> String {
    let mut out = String::new();
    out.push_str(&format!(
        "documents {}  pages {}  OCR pages {}\nseconds per page {:.2}  OCR seconds per OCR page {:.2}",
        report.documents,
        report.pages,
        report.ocr_pages,
        report.seconds_per_page,
        report.ocr_seconds_per_page
    ));
    if let Some(m) = report.model_seconds_per_document {
        out.push_str(&format!("  model seconds per document {m:.2}"));
    }
    out.push('\n');
    let modes: Vec<(&str, &BTreeMap<String, ModeScore>)> =
        std::iter::once(("without model", &report.without_model))
            .chain(report.with_model.as_ref().map(|w| ("with model", w)))
            .collect();
    for (label, groups) in modes {
        out.push_str(&format!("\n{label}\n"));
        for (group, s) in groups {
            out.push_str(&format!(
                "  {group:<10} fields {:>4}/{:<4} {:>6.1} %   doc type {:>3}/{:<3}\n",
                s.fields.right,
                s.fields.total,
                100.0 * s.fields.ratio(),
                s.doc_type.right,
                s.doc_type.total
            ));
        }
        if let Some(all) = groups.get("all") {
            for (name, sc) in &all.per_field {
                out.push_str(&format!(
                    "    {:<17} {:>4}/{:<4} {:>6.1} %\n",
                    name.id(),
                    sc.right,
                    sc.total,
                    100.0 * sc.ratio()
                ));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scores_count_and_ratio() {
        let mut s = Score::default();
        assert_eq!(s.ratio(), 1.0);
        s.add(true);
        s.add(false);
        assert_eq!((s.right, s.total, s.ratio()), (1, 2, 0.5));
    }

    #[test]
    fn an_empty_folder_is_an_error() {
        let dir = tempfile::tempdir().unwrap();
        let err = load_corpus(dir.path()).unwrap_err();
        assert_eq!(err.key(), "doc-bench-empty");
    }
}
