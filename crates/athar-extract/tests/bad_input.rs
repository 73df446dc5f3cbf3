//! Bad input from the issue: each gets a typed error with a Fluent key, or, for a `.pdf` that
//! is a JPEG, is read as the image it is with a warning. Files in `tests/corpus/bad/`.

use std::path::{Path, PathBuf};

use athar_extract::{extract_file, Engines, ExtractError, FileKind, Options, TextMethod};

fn bad(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/corpus/bad")
        .join(name)
}

fn error_of(name: &str) -> ExtractError {
    extract_file(&bad(name), &Options::default(), Engines::default()).unwrap_err()
}

#[test]
fn an_empty_file() {
    assert_eq!(error_of("empty.pdf").key(), "doc-empty-file");
}

#[test]
fn an_encrypted_pdf() {
    assert_eq!(error_of("encrypted.pdf").key(), "doc-encrypted-pdf");
}

#[test]
fn a_truncated_pdf() {
    let e = error_of("truncated.pdf");
    assert_eq!(e.key(), "doc-damaged-pdf", "{e}");
    assert!(!e.args().is_empty());
}

#[test]
fn a_20000_by_20000_image_is_refused_before_decoding() {
    let started = std::time::Instant::now();
    let e = error_of("huge-20000x20000.png");
    assert_eq!(e.key(), "doc-image-too-large");
    assert!(e
        .args()
        .contains(&("height".to_string(), "20000".to_string())));
    assert!(started.elapsed().as_secs() < 5, "nothing was decoded");
}

#[test]
fn a_truncated_workbook() {
    assert_eq!(error_of("truncated.xlsx").key(), "doc-damaged-workbook");
}

#[test]
fn a_pdf_that_is_really_a_jpeg_is_read_as_the_photo() {
    let x = extract_file(
        &bad("photo-named.pdf"),
        &Options::default(),
        Engines::default(),
    )
    .unwrap();
    assert_eq!(x.file_kind, FileKind::Jpeg);
    assert_eq!(x.pages[0].method, TextMethod::None);
    let w = x
        .warnings
        .iter()
        .find(|w| w.key == "doc-warn-content-differs")
        .expect("a warning that the name and the content differ");
    assert!(w.args.contains(&("named".to_string(), "pdf".to_string())));
    assert!(w.args.contains(&("actual".to_string(), "jpeg".to_string())));
}

#[test]
fn random_bytes_never_panic() {
    // A few thousand mangled variants of a real PDF and a real PNG: every one is either read
    // or refused with a typed error.
    let pdf = std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/corpus/digital/gas-en-2.pdf"),
    )
    .unwrap();
    let mut seed = 0x2545_F491_4F6C_DD1Du64;
    let mut next = || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    for _ in 0..200 {
        let mut bytes = pdf.clone();
        let cut = (next() as usize) % bytes.len();
        bytes.truncate(cut.max(1));
        for _ in 0..8 {
            let i = (next() as usize) % bytes.len();
            bytes[i] = next() as u8;
        }
        if let Err(e) = athar_extract::extract(&bytes, &Options::default(), Engines::default()) {
            assert!(e.key().starts_with("doc-"));
        }
    }
}
