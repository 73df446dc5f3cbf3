//! The extraction benchmark with Tesseract and without a model:
//! `OMP_THREAD_LIMIT=1 cargo run --release -p athar-ocr --example bench -- DIR [--json]
//! [--no-digits] [--no-ocr] [--verbose] [--dpi N] [--smooth N] [--no-binarise] [--keep-rules]`. (`athar bench extract DIR` runs the same library
//! function, `athar_extract::bench::run`, with the model as well.)
use std::path::Path;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(dir) = args.first() else {
        eprintln!("usage: bench DIR [--json] [--no-digits] [--no-ocr] [--verbose]");
        std::process::exit(2);
    };
    let flag = |f: &str| args.iter().any(|a| a == f);
    if !athar_ocr::omp_thread_limit_is_one() {
        eprintln!("warning: OMP_THREAD_LIMIT=1 is not set; OCR timings will be 5x slower");
    }
    let cases = match athar_extract::bench::load_corpus(Path::new(dir)) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(1);
        }
    };
    let value = |f: &str| {
        args.iter()
            .position(|a| a == f)
            .and_then(|i| args.get(i + 1))
            .and_then(|v| v.parse::<u32>().ok())
    };
    let mut cleaning = athar_ocr::clean::Cleaning::default();
    if let Some(v) = value("--dpi") {
        cleaning.target_dpi = v;
    }
    if let Some(v) = value("--smooth") {
        cleaning.smoothing_passes = v as u8;
    }
    if flag("--no-binarise") {
        cleaning.binarise = false;
    }
    if flag("--keep-rules") {
        cleaning.remove_rules = false;
    }
    let settings = athar_ocr::OcrSettings {
        eastern_digits: !flag("--no-digits"),
        cleaning,
        ..Default::default()
    };
    let mut tess = if flag("--no-ocr") {
        None
    } else {
        Some(athar_ocr::TesseractOcr::new(settings).expect("Tesseract with ara+eng"))
    };
    let verbose = flag("--verbose");
    let report = athar_extract::bench::run(
        &cases,
        tess.as_mut().map(|t| t as &mut dyn athar_extract::PageOcr),
        None,
        &mut |r| {
            if verbose {
                eprintln!(
                    "{} [{}] ocr {} ms {}",
                    r.path,
                    r.group,
                    r.ocr_ms,
                    if r.wrong.is_empty() {
                        "ok".to_string()
                    } else {
                        format!("{:?}", r.wrong)
                    }
                );
            }
        },
    );
    if flag("--json") {
        println!(
            "{}",
            serde_json::to_string_pretty(&report).unwrap_or_default()
        );
    } else {
        print!("{}", athar_extract::bench::render_text(&report));
    }
}
