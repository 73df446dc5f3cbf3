//! Embeds the Commission's blank communication template for installations (V2.1.1, 13
//! December 2024) when it is present beside the repository
//! (`shared/reference/cbam/template/`) or named by `ATHAR_CBAM_TEMPLATE`. The workbook is the
//! Commission's and is never committed; without it the crate builds with an empty stand-in
//! and [`embedded_template`](crate::embedded_template) returns `None` (the user then chooses
//! the file in Settings → templates). Nothing is downloaded.

use std::path::PathBuf;

fn main() {
    println!("cargo:rerun-if-env-changed=ATHAR_CBAM_TEMPLATE");
    let manifest = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap_or_default());
    let source = std::env::var("ATHAR_CBAM_TEMPLATE")
        .map(PathBuf::from)
        .unwrap_or_else(|_| {
            manifest.join(
                "../../../shared/reference/cbam/template/CBAM Communication template for installations_en_20241213.xlsx",
            )
        });
    println!("cargo:rerun-if-changed={}", source.display());
    let out = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    let bytes = std::fs::read(&source).unwrap_or_default();
    std::fs::write(out.join("cbam-communication-template.xlsx"), bytes).expect("write to OUT_DIR");
}
