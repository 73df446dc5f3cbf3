//! Regenerates the IR (EU) 2025/2621 packs under `factors/` from the official files.
//!
//! ```sh
//! cargo run -p athar-factors --example gen_cbam_2621 [-- <reference dir> [<factors dir>]]
//! ```
//!
//! The reference directory defaults to `shared/reference` beside the repository and must
//! hold `cbam/default-values/DVs as adopted_v20260204.xlsx` (Annex I),
//! `cbam/default-values/IR2025-2621_AnnexII_III_electricity_EF_extracted.csv` (Annexes II
//! and III) and `cbam/default-values/annex_iv_precursor_defaults_2621_opencbam-0.1.0.json`
//! (Annex IV). Only our CSV output is written; nothing is copied from the reference files.
//! The crate's tests run the same generation and fail if the committed packs differ.

use std::path::PathBuf;

mod generate;

fn main() {
    let mut args = std::env::args().skip(1);
    let reference = args
        .next()
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(generate::DEFAULT_REFERENCE_DIR));
    let factors = args
        .next()
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(generate::DEFAULT_FACTORS_DIR));
    let output = match generate::generate(&reference) {
        Ok(output) => output,
        Err(e) => {
            eprintln!("error: {e}");
            std::process::exit(1);
        }
    };
    for line in &output.report {
        eprintln!("{line}");
    }
    for (path, text) in &output.files {
        let target = factors.join(path);
        if let Some(dir) = target.parent() {
            std::fs::create_dir_all(dir).expect("create the pack folder");
        }
        std::fs::write(&target, text).expect("write the pack file");
        eprintln!("wrote {} ({} bytes)", target.display(), text.len());
    }
}
