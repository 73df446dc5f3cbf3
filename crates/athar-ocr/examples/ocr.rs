//! Prints what OCR reads on an image file or on the scanned pages of a PDF, line by line.
//! `OMP_THREAD_LIMIT=1 cargo run -p athar-ocr --example ocr -- FILE [--no-digits]`
use athar_extract::{pdf, raster, sniff, Limits, PageOcr};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(path) = args.first() else {
        eprintln!("usage: ocr FILE [--no-digits] [--no-osd] [--no-deskew]");
        std::process::exit(2);
    };
    let settings = athar_ocr::OcrSettings {
        eastern_digits: !args.iter().any(|a| a == "--no-digits"),
        detect_orientation: !args.iter().any(|a| a == "--no-osd"),
        deskew: !args.iter().any(|a| a == "--no-deskew"),
        ..Default::default()
    };
    if !athar_ocr::omp_thread_limit_is_one() {
        eprintln!("warning: OMP_THREAD_LIMIT=1 is not set; Tesseract will be slow");
    }
    let bytes = std::fs::read(path).expect("readable file");
    let kind = sniff::sniff(&bytes).expect("a supported file");
    let images = if kind == athar_extract::FileKind::Pdf {
        let doc = pdf::open(&bytes, 50).expect("a readable PDF");
        pdf::read_pages(&doc, &Limits::default())
            .expect("pages")
            .into_iter()
            .filter_map(|p| match p {
                pdf::PdfPage::Scan { image, .. } => Some(image),
                _ => None,
            })
            .collect()
    } else {
        vec![raster::decode(&bytes, kind, &Limits::default()).expect("an image")]
    };
    let mut ocr = athar_ocr::TesseractOcr::new(settings).expect("Tesseract");
    let dump = args
        .iter()
        .position(|a| a == "--dump")
        .and_then(|i| args.get(i + 1));
    for image in images {
        if let Some(out) = dump {
            let (prepared, r, skew) = ocr.prepare(&image);
            std::fs::write(out, prepared.to_png()).expect("writable");
            eprintln!("prepared image (rotation {r}, skew {skew}) written to {out}");
        }
        if args.iter().any(|a| a == "--profile") {
            let t = std::time::Instant::now();
            let (prepared, _, _) = ocr.prepare(&image);
            let t_prepare = t.elapsed();
            let t = std::time::Instant::now();
            let dpi = prepared.dpi.unwrap_or(300);
            let _ = athar_ocr::clean::clean(&prepared, dpi, &Default::default());
            eprintln!("prepare {t_prepare:?} clean {:?}", t.elapsed());
        }
        let t = std::time::Instant::now();
        let page = ocr.recognise(&image).expect("OCR");
        println!(
            "# {}x{} rotation {} skew {} conf {:.2} in {:?}, digit pass {:?}",
            page.width,
            page.height,
            page.rotation,
            page.skew_degrees,
            page.mean_confidence,
            t.elapsed(),
            ocr.last_digit_pass
        );
        for l in page.lines {
            println!("{:.2}\t{}", l.confidence, l.text);
        }
    }
}
