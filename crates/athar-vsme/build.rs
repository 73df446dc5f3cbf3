//! Embeds EFRAG's blank VSME digital template 1.3.0 when it is present beside the repository
//! (`shared/reference/vsme/templates/`) or named by `ATHAR_VSME_TEMPLATE`. The workbook is
//! EFRAG's (MIT) and is never committed; without it the crate builds with an empty stand-in
//! and `template_export::embedded_template()` returns `None`. Nothing is downloaded.

use std::path::PathBuf;

fn main() {
    println!("cargo:rerun-if-env-changed=ATHAR_VSME_TEMPLATE");
    let manifest = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap_or_default());
    let source = std::env::var("ATHAR_VSME_TEMPLATE")
        .map(PathBuf::from)
        .unwrap_or_else(|_| {
            manifest
                .join("../../../shared/reference/vsme/templates/VSME-Digital-Template-1.3.0.xlsx")
        });
    println!("cargo:rerun-if-changed={}", source.display());
    let out = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    let bytes = std::fs::read(&source).unwrap_or_default();
    std::fs::write(out.join("vsme-template-1.3.0.xlsx"), bytes).expect("write to OUT_DIR");
}
