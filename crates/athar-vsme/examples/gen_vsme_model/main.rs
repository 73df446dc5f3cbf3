//! Regenerates `data/vsme-2026-05-01.json` and the generated English labels of
//! `locales/en/vsme.ftl` from EFRAG's published VSME files.
//!
//! ```sh
//! cargo run -p athar-vsme --example gen_vsme_model [-- <reference dir>]
//! ```
//!
//! The reference directory defaults to `shared/reference` beside the repository and must hold
//! `vsme/taxonomy/vsme-2026-05-01.json`, `vsme/vsme-2026-05-01-datapoints.csv`,
//! `vsme/vsme-2026-05-01-presentation-all.csv`, `vsme/vsme-template-1.3.0-named-ranges.csv`,
//! `vsme/vsme-template-1.3.0-applicability.txt`, `vsme/templates/VSME-Digital-Template-1.3.0.xlsx`
//! and `vsme/expected/{utr,disclosures-vsme}.json`. Only our own model file and the label
//! block are written; nothing is copied from the reference files. `tests/model_sources.rs`
//! runs the same generation and fails if the committed files differ.

use std::path::{Path, PathBuf};

mod generate;

fn main() {
    let reference = std::env::args()
        .nth(1)
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(generate::DEFAULT_REFERENCE_DIR));
    let out = match generate::generate(&reference) {
        Ok(out) => out,
        Err(e) => {
            eprintln!("error: {e}");
            std::process::exit(1);
        }
    };
    for line in &out.report {
        eprintln!("{line}");
    }
    eprintln!(
        "taxonomy {}: {} datapoints in {} sections",
        out.model.taxonomy.version,
        out.model.datapoints.len(),
        out.model.sections.len()
    );
    let crate_dir = Path::new(env!("CARGO_MANIFEST_DIR"));
    let model = crate_dir.join("data/vsme-2026-05-01.json");
    std::fs::write(&model, &out.model_json).unwrap_or_else(|e| panic!("{}: {e}", model.display()));
    eprintln!("wrote {}", model.display());
    let ftl = crate_dir.join("../../locales/en/vsme.ftl");
    let current = std::fs::read_to_string(&ftl).unwrap_or_default();
    if generate::generated_block(&current).map(|b| format!("{b}\n"))
        == Some(out.en_labels_ftl.clone())
    {
        eprintln!("the labels of {} are up to date", ftl.display());
        return;
    }
    let updated = generate::replace_generated_block(&current, &out.en_labels_ftl);
    std::fs::write(&ftl, updated).unwrap_or_else(|e| panic!("{}: {e}", ftl.display()));
    eprintln!("wrote the generated labels of {}", ftl.display());
}
