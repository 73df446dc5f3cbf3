//! OCR of page images in English and Arabic over Tesseract: [`TesseractOcr`] takes a
//! [`PageImage`] and returns an [`OcrPage`] (lines and words in reading order, with boxes and
//! confidences), after turning the page upright (OSD), correcting small skew, and reading
//! Eastern Arabic digits again ([`digits`]).
//!
//! Why a crate of its own: Tesseract is C++ and may crash or abort on a hostile image, so it
//! is kept out of `athar-extract` (pure Rust) and run by the worker process; this crate
//! implements `athar_extract::PageOcr` so the worker, the CLI and the benchmark call it the
//! same way. It uses the crate `tesseract` 0.15 (antimatter15/tesseract-rs) over Debian's
//! libtesseract 5, found with pkg-config at build time; nothing is downloaded.
//!
//! **Threads.** Tesseract's OpenMP runtime reads `OMP_THREAD_LIMIT` once, when the process
//! starts: run every process that uses this crate with `OMP_THREAD_LIMIT=1` in its
//! environment (about 0.4 s a page instead of 2 to 3 s). [`omp_thread_limit_is_one`] says
//! whether it is set; the worker sets it when it spawns the child process.

pub mod clean;
pub mod deskew;
pub mod digits;
mod engine;
pub mod osd;

pub use athar_extract::{OcrLine, OcrPage, OcrWord, PageImage, PageOcr};
pub use digits::{DigitPass, DigitReader};
pub use engine::{parse_tsv, OcrSettings, TesseractOcr};

/// The Tesseract library version (`5.3.0`).
pub fn tesseract_version() -> String {
    tesseract::plumbing::version()
        .to_string_lossy()
        .into_owned()
}

/// Whether this process was started with `OMP_THREAD_LIMIT=1`, which Tesseract needs to be
/// fast. Setting it now would have no effect.
pub fn omp_thread_limit_is_one() -> bool {
    std::env::var("OMP_THREAD_LIMIT").is_ok_and(|v| v.trim() == "1")
}
