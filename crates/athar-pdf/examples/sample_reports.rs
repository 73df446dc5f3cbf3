//! Writes the English and Arabic sample summaries to a folder and times rendering.
//!
//! `cargo run --release -p athar-pdf --example sample_reports -- /tmp/athar-pdf [goods] [runs]`
//! writes `sample-en.pdf` and `sample-ar.pdf` (default 110 goods: five pages in English, seven
//! in Arabic, whose text is set larger) and prints the page counts and the median, fastest
//! and slowest of `runs` renderings (default 20) of each.

#[path = "../tests/common/samples.rs"]
mod samples;

use std::time::Instant;

use athar_pdf::{page_count, render, Language};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let dir = std::path::PathBuf::from(args.next().unwrap_or_else(|| "athar-pdf-samples".into()));
    let goods: usize = args.next().map(|g| g.parse()).transpose()?.unwrap_or(110);
    let runs: usize = args
        .next()
        .map(|r| r.parse())
        .transpose()?
        .unwrap_or(20)
        .max(1);
    std::fs::create_dir_all(&dir)?;
    for (lang, name) in [(Language::English, "en"), (Language::Arabic, "ar")] {
        let doc = samples::cbam_summary(lang, goods);
        let mut times = Vec::new();
        let mut bytes = Vec::new();
        for _ in 0..runs {
            let start = Instant::now();
            bytes = render(&doc)?;
            times.push(start.elapsed().as_secs_f64() * 1000.0);
        }
        times.sort_by(f64::total_cmp);
        let path = dir.join(format!("sample-{name}.pdf"));
        std::fs::write(&path, &bytes)?;
        println!(
            "{}: {} pages, {} bytes, median {:.1} ms (min {:.1}, max {:.1}) over {runs} renderings",
            path.display(),
            page_count(&doc)?,
            bytes.len(),
            times[runs / 2],
            times[0],
            times[runs - 1]
        );
    }
    Ok(())
}
