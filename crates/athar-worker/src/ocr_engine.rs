//! The OCR engine the worker runs: `athar-ocr`'s Tesseract (orientation, skew, recognition,
//! Eastern Arabic digit pass) for one set of languages.

use athar_extract::{EngineError, PageOcr};
use athar_ocr::{OcrSettings, TesseractOcr};

/// A Tesseract engine for `languages` (`ara+eng`). Missing language data is
/// [`EngineError::Unavailable`].
pub fn tesseract(languages: &str) -> Result<Box<dyn PageOcr>, EngineError> {
    let settings = OcrSettings {
        languages: languages.to_string(),
        ..OcrSettings::default()
    };
    Ok(Box::new(TesseractOcr::new(settings)?))
}
