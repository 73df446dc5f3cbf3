//! Workflow tests on the generated corpus (`tests/corpus/`, see `tests/corpus/generate.py`)
//! and the reference documents in `shared/reference/documents/`, without OCR or model: the
//! deterministic path that every installation has.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use athar_extract::bench::{load_corpus, run};
use athar_extract::{
    extract, AssistRequest, DocType, EngineError, Engines, FieldAssist, FieldName, MergeNote,
    Options, Proposal, TextMethod,
};

fn corpus(dir: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/corpus")
        .join(dir)
}

fn reference(dir: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/reference/documents")
        .join(dir)
}

#[test]
fn digital_bills_and_invoices_give_every_field() {
    let cases = load_corpus(&corpus("digital")).unwrap();
    assert_eq!(cases.len(), 21);
    let report = run(&cases, None, None, &mut |_| {});
    let digital = &report.without_model["digital"];
    let wrong: Vec<_> = report
        .cases
        .iter()
        .filter(|c| !c.wrong.is_empty())
        .collect();
    assert!(
        digital.fields.ratio() >= 0.95,
        "{:.3} of fields right; wrong: {wrong:#?}",
        digital.fields.ratio()
    );
    assert_eq!(
        digital.doc_type.right, 21,
        "every document classified right"
    );
    assert_eq!(report.ocr_pages, 0);
}

#[test]
fn arabic_text_layers_come_back_in_reading_order_with_positions() {
    let bytes = std::fs::read(corpus("digital").join("electricity-ar-2.pdf")).unwrap();
    let x = extract(&bytes, &Options::default(), Engines::default()).unwrap();
    let page = &x.pages[0];
    assert_eq!(page.method, TextMethod::TextLayer);
    assert!(
        page.text.starts_with("شركة جنوب الدلتا لتوزيع الكهرباء\n"),
        "{}",
        page.text
    );
    // Eastern digits, in their logical order, after their label.
    assert!(
        page.text.contains("رقم الحساب: ٦٩٦٨٢٦٤٥٢٨"),
        "{}",
        page.text
    );
    assert!(page.text.contains("إجمالي المبلغ المستحق: ٣٧٬٩٣٦٫٥٦ جنيه"));
    // Provenance: the span is where the value is printed, with a box on the page.
    let account = &x.fields[&FieldName::AccountNumber];
    assert_eq!(account.value, "6968264528");
    assert_eq!(account.page, Some(1));
    let [s, e] = account.source.span.unwrap();
    let printed: String = page.text.chars().skip(s).take(e - s).collect();
    assert_eq!(printed, "٦٩٦٨٢٦٤٥٢٨");
    let b = account.source.bbox.unwrap();
    assert!(b.x0 > 0.0 && b.x1 < page.width && b.y0 > 0.0 && b.y1 < page.height);
}

#[test]
fn the_json_output_has_the_documented_shape_and_is_stable() {
    let bytes = std::fs::read(corpus("digital").join("fuel-en-1.pdf")).unwrap();
    let run = || {
        let mut x = extract(&bytes, &Options::default(), Engines::default()).unwrap();
        let timings = std::mem::take(&mut x.timings_ms);
        (serde_json::to_value(&x).unwrap(), timings)
    };
    let (a, timings) = run();
    let (b, _) = run();
    assert_eq!(a, b, "same input, same output");
    assert!(timings.contains_key("total") && timings.contains_key("fields"));
    assert_eq!(a["doc_type"], "fuel_invoice");
    assert!(a["pages"].is_array());
    let amount = &a["fields"]["amount"];
    for key in ["value", "confidence", "page", "source"] {
        assert!(!amount[key].is_null(), "fields.amount.{key}");
    }
    assert_eq!(amount["source"]["origin"], "parser");
}

#[test]
fn scanned_pages_without_ocr_say_so() {
    let bytes = std::fs::read(corpus("scans").join("fuel-en-1-scan.pdf")).unwrap();
    let x = extract(&bytes, &Options::default(), Engines::default()).unwrap();
    assert_eq!(x.pages[0].method, TextMethod::None);
    assert!(x.warnings.iter().any(|w| w.key == "doc-warn-no-ocr"));
    assert!(x.fields.is_empty());
}

/// A stand-in model: proposes fixed values and records what it was asked.
struct FixedModel {
    answers: Vec<Proposal>,
    asked: Vec<AssistRequest>,
}

impl FieldAssist for FixedModel {
    fn propose(&mut self, request: &AssistRequest) -> Result<Vec<Proposal>, EngineError> {
        self.asked.push(request.clone());
        Ok(self.answers.clone())
    }
}

#[test]
fn the_model_is_asked_only_for_gaps_and_cannot_override_confident_values() {
    // A receipt-like CSV with no address and a clear total.
    let csv =
        "TOKO MAJU SDN BHD\nCASH RECEIPT\nDate,12/03/2026\nTOTAL,45.50\nCASH,50.00\nCHANGE,4.50\n";
    let mut model = FixedModel {
        answers: vec![
            Proposal {
                name: FieldName::Address,
                value: "1 Jalan Satu".into(),
                confidence: 0.8,
                page: Some(1),
                quote: None,
            },
            Proposal {
                name: FieldName::Amount,
                value: "50.00".into(),
                confidence: 0.9,
                page: Some(1),
                quote: None,
            },
        ],
        asked: Vec::new(),
    };
    let engines = Engines {
        ocr: None,
        assist: Some(&mut model),
    };
    let x = extract(csv.as_bytes(), &Options::default(), engines).unwrap();
    assert_eq!(x.doc_type, DocType::Receipt);
    let asked: Vec<FieldName> = model.asked[0].wanted.iter().map(|w| w.name).collect();
    assert_eq!(asked, [FieldName::Address]);
    let address = &x.fields[&FieldName::Address];
    assert_eq!(address.note, Some(MergeNote::ModelFilled));
    assert!(address.confidence <= 0.45, "not in the text: halved");
    let amount = &x.fields[&FieldName::Amount];
    assert_eq!(amount.value, "45.5");
    assert_eq!(amount.note, Some(MergeNote::ModelDisagrees));
    assert_eq!(amount.alternatives[0].value, "50");
    assert!(x.timings_ms.contains_key("model"));
}

#[test]
fn reference_receipts_and_invoices_are_read_as_corpora() {
    let sroie = load_corpus(&reference("sroie")).unwrap();
    assert_eq!(sroie.len(), 50);
    assert!(sroie.iter().all(|c| c.truth.fields.len() == 4));
    let invoices = load_corpus(&reference("invoice2data_compare")).unwrap();
    assert!(invoices.len() >= 10, "{}", invoices.len());
    // Text-layer invoices: issuer, date, amount, number, currency.
    // Their PNG copies need OCR and score nothing here; the PDFs are European invoices whose
    // labels are mostly Dutch, French or German. A floor that catches regressions.
    let report = run(&invoices, None, None, &mut |_| {});
    let digital = &report.without_model["digital"];
    let mut per_field: BTreeMap<FieldName, (usize, usize)> = BTreeMap::new();
    for (name, s) in &digital.per_field {
        per_field.insert(*name, (s.right, s.total));
    }
    assert!(digital.fields.ratio() >= 0.45, "{per_field:?}");
}

#[test]
fn a_supplier_cbam_template_gives_the_installation_and_period() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/reference/cbam/examples/1 CBAM SEE V2.1_Example Cement_final.xlsx");
    let x = athar_extract::extract_file(&path, &Options::default(), Engines::default()).unwrap();
    assert_eq!(x.doc_type, DocType::CbamTemplate);
    assert_eq!(x.pages[0].method, TextMethod::Spreadsheet);
    assert_eq!(
        x.fields[&FieldName::Supplier].value,
        "Example Cement Producer"
    );
    assert_eq!(x.fields[&FieldName::PeriodStart].value, "2023-01-01");
    assert_eq!(x.fields[&FieldName::PeriodEnd].value, "2023-12-31");
}
