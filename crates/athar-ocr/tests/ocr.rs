//! OCR workflow tests on the generated corpus: one scan read end to end, a page turned a
//! quarter, and Eastern Arabic digits with and without the digit pass.
//!
//! Tesseract must start with `OMP_THREAD_LIMIT=1` (it reads it once, at start): when the test
//! process was started without it, each test runs itself again in a child process that has
//! it, and reports the child's result. `OMP_THREAD_LIMIT=1 cargo test -p athar-ocr` skips
//! that step.

use std::path::{Path, PathBuf};
use std::process::Command;

use athar_extract::{extract_file, DocType, Engines, FieldName, Options, PageOcr, TextMethod};
use athar_ocr::{OcrSettings, TesseractOcr};

fn corpus(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/corpus")
        .join(path)
}

/// Runs `test` in a child process with `OMP_THREAD_LIMIT=1` unless this process has it.
/// Returns true when the caller should run the test body itself.
fn with_one_omp_thread(test: &str) -> bool {
    if athar_ocr::omp_thread_limit_is_one() {
        return true;
    }
    let status = Command::new(std::env::current_exe().expect("test binary"))
        .args([test, "--exact", "--nocapture", "--test-threads=1"])
        .env("OMP_THREAD_LIMIT", "1")
        .status()
        .expect("the test binary runs again");
    assert!(status.success(), "{test} failed with OMP_THREAD_LIMIT=1");
    false
}

#[test]
fn a_scanned_bill_is_read_end_to_end() {
    if !with_one_omp_thread("a_scanned_bill_is_read_end_to_end") {
        return;
    }
    let mut ocr = TesseractOcr::new(OcrSettings::default()).expect("Tesseract with ara+eng");
    let path = corpus("scans/gas-en-3-fax.tif");
    let engines = Engines {
        ocr: Some(&mut ocr),
        assist: None,
    };
    let x = extract_file(&path, &Options::default(), engines).unwrap();
    assert_eq!(x.pages[0].method, TextMethod::Ocr);
    assert_eq!(x.doc_type, DocType::GasBill);
    let truth: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(path.with_extension("json")).unwrap())
            .unwrap();
    let mut wrong = Vec::new();
    for (name, expected) in truth["fields"].as_object().unwrap() {
        let field = FieldName::from_id(name).unwrap();
        let got = x.fields.get(&field).map(|f| f.value.as_str());
        if !got.is_some_and(|g| {
            athar_extract::values_match(field.kind(), expected.as_str().unwrap(), g)
        }) {
            wrong.push((name.clone(), expected.clone(), got.map(str::to_string)));
        }
    }
    assert!(wrong.len() <= 1, "{wrong:?}");
    // OCR provenance: a box on the page.
    let amount = &x.fields[&FieldName::Amount];
    assert!(amount.source.bbox.is_some());
    assert!(x.timings_ms["ocr"] > 0);
}

#[test]
fn a_page_turned_a_quarter_is_turned_back() {
    if !with_one_omp_thread("a_page_turned_a_quarter_is_turned_back") {
        return;
    }
    let bytes = std::fs::read(corpus("scans/gas-ar-2-scan.pdf")).unwrap();
    let doc = athar_extract::pdf::open(&bytes, 10).unwrap();
    let page = athar_extract::pdf::read_pages(&doc, &Default::default()).unwrap();
    let athar_extract::pdf::PdfPage::Scan { image, .. } = &page[0] else {
        panic!("a scanned page");
    };
    assert!(image.width > image.height, "stored sideways");
    let mut ocr = TesseractOcr::new(OcrSettings::default()).unwrap();
    let read = ocr.recognise(image).unwrap();
    assert_eq!(read.rotation, 90);
    assert!(read.height > read.width);
    let text: String = read
        .lines
        .iter()
        .map(|l| l.text.as_str())
        .collect::<Vec<_>>()
        .join("\n");
    assert!(text.contains("فاتورة الغاز الطبيعي"), "{text}");
}

#[test]
fn eastern_arabic_digits_are_read_by_the_digit_pass() {
    if !with_one_omp_thread("eastern_arabic_digits_are_read_by_the_digit_pass") {
        return;
    }
    let path = corpus("digits/digits-sans-200dpi.png");
    let truth: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(path.with_extension("json")).unwrap())
            .unwrap();
    let shown: Vec<String> = truth["numbers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["shown"].as_str().unwrap().to_string())
        .collect();
    let image = athar_extract::raster::decode(
        &std::fs::read(&path).unwrap(),
        athar_extract::FileKind::Png,
        &Default::default(),
    )
    .unwrap();
    let count = |digits: bool| {
        let mut ocr = TesseractOcr::new(OcrSettings {
            eastern_digits: digits,
            ..Default::default()
        })
        .unwrap();
        let page = ocr.recognise(&image).unwrap();
        let text: String = page
            .lines
            .iter()
            .map(|l| l.text.as_str())
            .collect::<Vec<_>>()
            .join("\n");
        shown.iter().filter(|n| text.contains(n.as_str())).count()
    };
    let without = count(false);
    let with = count(true);
    assert!(
        without <= 2,
        "Tesseract alone read {without} of {}",
        shown.len()
    );
    assert!(with >= 15, "the digit pass read {with} of {}", shown.len());
}
