//! Worker process for OCR and the language model (work in progress).
