//! `athar extract FILE --json` without the model: the extraction of one file with Tesseract,
//! as JSON. `OMP_THREAD_LIMIT=1 cargo run --release -p athar-ocr --example extract -- FILE`
fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: extract FILE");
        std::process::exit(2);
    };
    let mut ocr = athar_ocr::TesseractOcr::new(athar_ocr::OcrSettings::default())
        .expect("Tesseract with ara+eng");
    let engines = athar_extract::Engines {
        ocr: Some(&mut ocr),
        assist: None,
    };
    match athar_extract::extract_file(
        std::path::Path::new(&path),
        &athar_extract::Options::default(),
        engines,
    ) {
        Ok(x) => println!("{}", serde_json::to_string_pretty(&x).unwrap_or_default()),
        Err(e) => {
            eprintln!("{}: {e}", e.key());
            std::process::exit(1);
        }
    }
}
