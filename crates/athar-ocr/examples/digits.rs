//! Measures OCR of Eastern Arabic digits on the digit sheets of the corpus
//! (`tests/corpus/digits`, made by `tests/corpus/generate.py digits`): the share of numbers
//! read exactly, with Tesseract alone and with the digit pass.
//! `OMP_THREAD_LIMIT=1 cargo run --release -p athar-ocr --example digits -- tests/corpus/digits`
use std::path::Path;

use athar_extract::normalise::{fold, iso_date};
use athar_extract::text::{find_dates, find_numbers};
use athar_extract::PageOcr;

fn main() {
    let dir = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "tests/corpus/digits".into());
    let verbose = std::env::args().any(|a| a == "--verbose");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("a folder")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "png"))
        .collect();
    files.sort();
    let mut engines = [false, true].map(|digits| {
        athar_ocr::TesseractOcr::new(athar_ocr::OcrSettings {
            eastern_digits: digits,
            ..Default::default()
        })
        .expect("Tesseract")
    });
    let mut totals = [(0usize, 0usize); 2];
    for f in &files {
        let truth: serde_json::Value = serde_json::from_str(
            &std::fs::read_to_string(f.with_extension("json")).expect("truth"),
        )
        .expect("json");
        let expected: Vec<String> = truth["numbers"]
            .as_array()
            .expect("numbers")
            .iter()
            .map(|n| n["value"].as_str().unwrap_or_default().to_string())
            .collect();
        let image = athar_extract::raster::decode(
            &std::fs::read(f).expect("image"),
            athar_extract::FileKind::Png,
            &Default::default(),
        )
        .expect("png");
        let mut line = format!(
            "{:<28}",
            Path::new(f).file_name().unwrap().to_string_lossy()
        );
        for (i, engine) in engines.iter_mut().enumerate() {
            let page = engine.recognise(&image).expect("OCR");
            let text = fold(
                &page
                    .lines
                    .iter()
                    .map(|l| l.text.as_str())
                    .collect::<Vec<_>>()
                    .join("\n"),
            );
            let mut seen: Vec<String> = Vec::new();
            for l in text.lines() {
                let dates = find_dates(l);
                for d in &dates {
                    seen.push(iso_date(d.date));
                }
                for n in find_numbers(l) {
                    if !dates.iter().any(|d| n.start < d.end && d.start < n.end) {
                        seen.push(n.value.to_string());
                    }
                }
            }
            let mut right = 0;
            let mut missed = Vec::new();
            for e in &expected {
                if let Some(pos) = seen.iter().position(|s| s == e) {
                    seen.remove(pos);
                    right += 1;
                } else {
                    missed.push(e.clone());
                }
            }
            totals[i].0 += right;
            totals[i].1 += expected.len();
            line.push_str(&format!(
                "  {}: {:>2}/{:<2}",
                if i == 0 { "tesseract" } else { "with pass" },
                right,
                expected.len()
            ));
            if verbose && i == 1 {
                eprintln!("{}: missed {:?}\n  read {:?}", f.display(), missed, seen);
            }
        }
        println!("{line}");
    }
    for (i, (r, t)) in totals.iter().enumerate() {
        println!(
            "{}: {}/{} numbers right ({:.1} %)",
            if i == 0 {
                "Tesseract alone"
            } else {
                "with the digit pass"
            },
            r,
            t,
            100.0 * *r as f64 / (*t).max(1) as f64
        );
    }
}
