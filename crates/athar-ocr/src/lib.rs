//! OCR of page images over Tesseract (work in progress).
