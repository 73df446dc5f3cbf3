//! The whole run for one file: sniff → text (PDF text layer, or OCR of page images through
//! [`PageOcr`], or spreadsheet cells) → classify → parse fields → ask the model through
//! [`FieldAssist`] for what is missing or in conflict → merge.
//!
//! Two stages are public so that callers can reuse the expensive part: [`read_text`] gives a
//! [`Document`] (text of every page, OCR done), and [`analyse`] turns it into an
//! [`Extraction`]. The benchmark runs OCR once and analyses twice, with and without the model.

use std::collections::BTreeMap;
use std::time::Instant;

use crate::classify::{self, Classification};
use crate::engine::{AssistPage, AssistRequest, EngineError, FieldAssist, OcrPage, PageOcr};
use crate::error::ExtractError;
use crate::fields::parse_fields;
use crate::index::IndexedPage;
use crate::merge::{merge_proposals, resolve, wanted_fields, HIGH_CONFIDENCE};
use crate::model::{
    round_confidence, CoordUnit, Extraction, FileKind, PageSummary, TextLine, TextMethod, TextPage,
    Warning,
};
use crate::pdf::{self, PdfPage};
use crate::raster::{self, Limits};
use crate::sheet;
use crate::sniff::{kind_from_name, sniff};

/// Settings of a run.
#[derive(Debug, Clone)]
pub struct Options {
    /// The file's name, to warn when its extension and its content differ.
    pub file_name: Option<String>,
    pub limits: Limits,
    /// Documents with more pages are refused.
    pub max_pages: usize,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            file_name: None,
            limits: Limits::default(),
            max_pages: 200,
        }
    }
}

/// The engines a run may use; both optional.
#[derive(Default)]
pub struct Engines<'a> {
    pub ocr: Option<&'a mut dyn PageOcr>,
    pub assist: Option<&'a mut dyn FieldAssist>,
}

/// A document's text, before classification and fields.
#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    pub file_kind: FileKind,
    pub pages: Vec<TextPage>,
    /// Mean OCR confidence per OCR'd page number.
    pub ocr_confidence: BTreeMap<u32, f64>,
    /// A workbook with the sheets of the CBAM communication template.
    pub cbam_template: bool,
    pub warnings: Vec<Warning>,
    pub timings_ms: BTreeMap<String, u64>,
    /// Pages that went through OCR.
    pub ocr_pages: usize,
}

fn ms(since: Instant) -> u64 {
    since.elapsed().as_millis() as u64
}

fn warn(key: &str, args: &[(&str, String)]) -> Warning {
    Warning {
        key: key.to_string(),
        args: args
            .iter()
            .map(|(k, v)| (k.to_string(), v.clone()))
            .collect(),
    }
}

/// Sniffs `bytes` and gets the text of every page, running OCR on page images when an
/// engine is given.
pub fn read_text<'o>(
    bytes: &[u8],
    options: &Options,
    ocr: Option<&mut (dyn PageOcr + 'o)>,
) -> Result<Document, ExtractError> {
    let started = Instant::now();
    let kind = sniff(bytes)?;
    let mut warnings = Vec::new();
    if let Some(name) = &options.file_name {
        if let Some(named) = kind_from_name(name) {
            if named != kind {
                warnings.push(warn(
                    "doc-warn-content-differs",
                    &[
                        ("named", named.id().to_string()),
                        ("actual", kind.id().to_string()),
                    ],
                ));
            }
        }
    }
    let mut timings = BTreeMap::new();
    let mut pages = Vec::new();
    let mut images = Vec::new();
    let mut cbam_template = false;
    match kind {
        FileKind::Pdf => {
            let doc = pdf::open(bytes, options.max_pages)?;
            timings.insert("read".to_string(), ms(started));
            let t = Instant::now();
            for page in pdf::read_pages(&doc, &options.limits)? {
                match page {
                    PdfPage::Text(text) => pages.push(text),
                    PdfPage::Scan {
                        number,
                        image,
                        mut text,
                    } => {
                        // Until OCR reads it, the page has no usable text.
                        text.method = TextMethod::None;
                        images.push((number, image));
                        pages.push(text);
                    }
                    PdfPage::Unreadable { text, reason } => {
                        warnings.push(warn(reason, &[("page", text.number.to_string())]));
                        pages.push(text);
                    }
                }
            }
            timings.insert("text".to_string(), ms(t));
        }
        FileKind::Jpeg | FileKind::Png | FileKind::Tiff => {
            let image = raster::decode(bytes, kind, &options.limits)?;
            timings.insert("read".to_string(), ms(started));
            pages.push(TextPage {
                number: 1,
                method: TextMethod::None,
                width: f64::from(image.width),
                height: f64::from(image.height),
                unit: CoordUnit::Pixels,
                lines: Vec::new(),
            });
            images.push((1, image));
        }
        FileKind::Xlsx => {
            let book = sheet::read_xlsx(bytes)?;
            cbam_template = book.cbam_template;
            pages = book.pages;
            timings.insert("read".to_string(), ms(started));
        }
        FileKind::Csv => {
            pages.push(sheet::read_csv(bytes)?);
            timings.insert("read".to_string(), ms(started));
        }
    }
    let mut ocr_confidence = BTreeMap::new();
    let ocr_pages = images.len();
    if !images.is_empty() {
        let t = Instant::now();
        match ocr {
            None => warnings.push(warn(
                "doc-warn-no-ocr",
                &[("pages", images.len().to_string())],
            )),
            Some(engine) => {
                for (number, image) in &images {
                    match engine.recognise(image) {
                        Ok(result) => {
                            ocr_confidence
                                .insert(*number, round_confidence(result.mean_confidence));
                            let text = ocr_text_page(*number, &result);
                            if let Some(slot) = pages.iter_mut().find(|p| p.number == *number) {
                                *slot = text;
                            }
                        }
                        Err(EngineError::Cancelled) => return Err(ExtractError::Cancelled),
                        Err(e) => {
                            let mut args = vec![
                                ("engine".to_string(), "ocr".to_string()),
                                ("page".to_string(), number.to_string()),
                            ];
                            args.extend(e.args());
                            warnings.push(Warning {
                                key: e.key().into(),
                                args,
                            });
                        }
                    }
                }
            }
        }
        timings.insert("ocr".to_string(), ms(t));
    }
    timings.insert("total".to_string(), ms(started));
    Ok(Document {
        file_kind: kind,
        pages,
        ocr_confidence,
        cbam_template,
        warnings,
        timings_ms: timings,
        ocr_pages,
    })
}

/// An OCR result as a text page. Words further apart than one and a half line heights are
/// joined with a tab, the column gap the parsers stop values at.
pub fn ocr_text_page(number: u32, page: &OcrPage) -> TextPage {
    let lines = page
        .lines
        .iter()
        .filter_map(|l| {
            let text = if l.words.is_empty() {
                l.text.trim().to_string()
            } else {
                let h = (l.bbox.y1 - l.bbox.y0).max(1.0);
                let mut s = String::new();
                let mut prev: Option<&crate::engine::OcrWord> = None;
                for w in &l.words {
                    match debris(&w.text) {
                        Debris::Rule => {
                            // A table rule read as `|`: a column gap.
                            if !s.is_empty() && !s.ends_with('\t') {
                                s.push('\t');
                            }
                            continue;
                        }
                        Debris::Speck => continue,
                        Debris::None => {}
                    }
                    if let Some(p) = prev {
                        let gap = (w.bbox.x0 - p.bbox.x1).max(p.bbox.x0 - w.bbox.x1);
                        if !s.ends_with('\t') {
                            s.push(if gap > 1.5 * h { '\t' } else { ' ' });
                        }
                    }
                    s.push_str(w.text.trim());
                    prev = Some(w);
                }
                s.trim_matches('\t').to_string()
            };
            (!text.trim().is_empty()).then(|| TextLine {
                text,
                bbox: Some(l.bbox),
                confidence: Some(round_confidence(l.confidence)),
            })
        })
        .collect();
    TextPage {
        number,
        method: TextMethod::Ocr,
        width: f64::from(page.width),
        height: f64::from(page.height),
        unit: CoordUnit::Pixels,
        lines,
    }
}

/// What OCR makes of table rules (`|`, `[`) and of specks (`'`, `.`, `:` alone).
enum Debris {
    Rule,
    Speck,
    None,
}

fn debris(word: &str) -> Debris {
    let w = word.trim();
    if w.is_empty() {
        return Debris::Speck;
    }
    if w.chars()
        .all(|c| matches!(c, '|' | '!' | '[' | ']' | '{' | '}' | '¦'))
    {
        Debris::Rule
    } else if w.chars().all(|c| {
        matches!(
            c,
            ':' | ';' | '\'' | '"' | '`' | '_' | '.' | ',' | '‘' | '’' | '“' | '”' | '~' | '°'
        )
    }) {
        Debris::Speck
    } else {
        Debris::None
    }
}

fn all_text(pages: &[TextPage]) -> String {
    pages
        .iter()
        .map(TextPage::text)
        .collect::<Vec<_>>()
        .join("\n")
}

/// Classifies a document's text.
pub fn classify_document(doc: &Document) -> Classification {
    if doc.cbam_template {
        classify::cbam_template()
    } else {
        classify::classify(&all_text(&doc.pages))
    }
}

/// Classifies, parses fields and, with a model, fills gaps and settles conflicts.
pub fn analyse<'a>(
    doc: &Document,
    assist: Option<&mut (dyn FieldAssist + 'a)>,
) -> Result<Extraction, ExtractError> {
    let started = Instant::now();
    let mut timings = doc.timings_ms.clone();
    let mut warnings = doc.warnings.clone();
    let t = Instant::now();
    let class = classify_document(doc);
    timings.insert("classify".to_string(), ms(t));
    let t = Instant::now();
    let indexed: Vec<IndexedPage> = doc.pages.iter().map(IndexedPage::new).collect();
    let mut fields = resolve(parse_fields(class.doc_type, &indexed));
    timings.insert("fields".to_string(), ms(t));
    let wanted = wanted_fields(class.doc_type, &fields);
    if let Some(engine) = assist {
        if !wanted.is_empty() && doc.pages.iter().any(|p| !p.lines.is_empty()) {
            let t = Instant::now();
            let request = AssistRequest {
                doc_type: class.doc_type,
                pages: doc
                    .pages
                    .iter()
                    .map(|p| AssistPage {
                        number: p.number,
                        text: p.text(),
                    })
                    .collect(),
                wanted,
                known: fields
                    .iter()
                    .filter(|(_, f)| f.confidence >= HIGH_CONFIDENCE && f.note.is_none())
                    .map(|(n, f)| (*n, f.value.clone()))
                    .collect(),
            };
            match engine.propose(&request) {
                Ok(proposals) => {
                    warnings.extend(merge_proposals(
                        class.doc_type,
                        &mut fields,
                        proposals,
                        &indexed,
                    ));
                }
                Err(EngineError::Cancelled) => return Err(ExtractError::Cancelled),
                Err(e) => {
                    let mut args = vec![
                        ("engine".to_string(), "model".to_string()),
                        ("page".to_string(), "0".to_string()),
                    ];
                    args.extend(e.args());
                    warnings.push(Warning {
                        key: e.key().into(),
                        args,
                    });
                }
            }
            timings.insert("model".to_string(), ms(t));
        }
    }
    let missing = class
        .doc_type
        .fields()
        .iter()
        .filter(|f| !fields.contains_key(f))
        .copied()
        .collect();
    let pages = doc
        .pages
        .iter()
        .map(|p| PageSummary {
            number: p.number,
            method: p.method,
            width: (p.width * 10.0).round() / 10.0,
            height: (p.height * 10.0).round() / 10.0,
            unit: p.unit,
            text: p.text(),
            ocr_confidence: doc.ocr_confidence.get(&p.number).copied(),
        })
        .collect();
    let total = timings.get("total").copied().unwrap_or(0) + ms(started);
    timings.insert("total".to_string(), total);
    Ok(Extraction {
        file_kind: doc.file_kind,
        doc_type: class.doc_type,
        doc_type_confidence: class.confidence,
        pages,
        fields,
        missing,
        warnings,
        timings_ms: timings,
    })
}

/// Extracts one document: [`read_text`] then [`analyse`].
pub fn extract(
    bytes: &[u8],
    options: &Options,
    engines: Engines<'_>,
) -> Result<Extraction, ExtractError> {
    let doc = read_text(bytes, options, engines.ocr)?;
    analyse(&doc, engines.assist)
}

/// Extracts a file on disk (its name is used for the extension check).
pub fn extract_file(
    path: &std::path::Path,
    options: &Options,
    engines: Engines<'_>,
) -> Result<Extraction, ExtractError> {
    let bytes = std::fs::read(path)?;
    let mut options = options.clone();
    if options.file_name.is_none() {
        options.file_name = path.file_name().map(|n| n.to_string_lossy().into_owned());
    }
    extract(&bytes, &options, engines)
}
