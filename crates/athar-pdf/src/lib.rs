//! PDF reports in English and Arabic: the CBAM "Embedded emissions summary" for each importer
//! and the VSME report are built as a [`Document`] of [`Block`]s and rendered with [`render`].
//!
//! Why these crates (see `docs/decisions/017-pdf-with-krilla.md`):
//! - **krilla** writes the PDF: font embedding and subsetting, ToUnicode maps so text copies
//!   and extracts in logical order, metadata. It is the PDF back end of Typst, kept up to date,
//!   pure Rust, and takes positioned glyphs, so we control shaping and layout.
//! - **rustybuzz** (the Rust port of HarfBuzz) shapes text: Arabic joining forms, lam-alef
//!   and other ligatures, mark positioning, and exact advances for measuring.
//! - **unicode-bidi** runs the Unicode bidirectional algorithm (with isolates), so numbers,
//!   dates, CN codes and Latin names stay left to right inside Arabic lines.
//! - **unicode-linebreak** gives the UAX #14 line-break opportunities; lines are filled by us.
//! - **unicode-script** picks the font for each character.
//!
//! The fonts (Noto Sans and Noto Naskh Arabic, OFL) are compiled in from `assets/fonts/`.
//! Output is deterministic: the same document gives the same bytes; the creation date is
//! written only when the caller sets [`Document::created`].
//!
//! ```
//! use athar_pdf::{render, Block, Document, Language, ltr};
//! let mut doc = Document::new(Language::Arabic, "ملخص الانبعاثات المضمنة");
//! doc.push(Block::Paragraph(format!("رمز السلعة {}", ltr("7318 15 95"))));
//! let pdf = render(&doc).unwrap();
//! assert!(pdf.starts_with(b"%PDF-"));
//! ```

mod chart;
mod error;
mod fonts;
mod layout;
mod model;
mod numbers;
mod render;
mod text;

pub use error::PdfError;
pub use model::{
    Align, Bar, BarChart, Block, Column, Direction, Document, Language, Margins, PageSetup, Rgb,
    Table, TableStyle,
};
pub use numbers::{
    format_date, format_decimal, format_integer, format_percent, localise_digits, ltr, LRI, PDI,
};

/// Lays out `doc` on pages and returns the PDF file's bytes.
pub fn render(doc: &Document) -> Result<Vec<u8>, PdfError> {
    let fonts = fonts::Fonts::load()?;
    let (geometry, pages) = layout::compose(&fonts, doc)?;
    render::write(&fonts, doc, &geometry, &pages)
}

/// The number of pages `doc` takes, without writing the PDF (to show it before exporting,
/// or to check a layout in a test).
pub fn page_count(doc: &Document) -> Result<usize, PdfError> {
    let fonts = fonts::Fonts::load()?;
    Ok(layout::compose(&fonts, doc)?.1.len())
}
