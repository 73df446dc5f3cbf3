//! Renders the English and Arabic samples to real PDF files and reads them back with poppler
//! (`pdftotext`, `pdftoppm` from Debian's poppler-utils): the text must come back in logical
//! order with the right numbers, the header row must be on every page of the long table, and
//! the same input must give the same bytes.

mod common;

use std::path::Path;
use std::process::Command;

use athar_pdf::{format_integer, page_count, render, Document, Language, PdfError};
use common::samples::{cbam_summary, good_values};

fn poppler(tool: &str, args: &[&str]) -> std::process::Output {
    Command::new(tool).args(args).output().unwrap_or_else(|e| {
        panic!("{tool} is needed for this test (Debian package poppler-utils): {e}")
    })
}

/// The text of `pdf` (pages `first..=last`), without the bidi embedding marks pdftotext puts
/// around right-to-left lines.
fn pdftotext(pdf: &Path, pages: Option<(usize, usize)>) -> String {
    let mut args: Vec<String> = Vec::new();
    if let Some((f, l)) = pages {
        args.extend(["-f".into(), f.to_string(), "-l".into(), l.to_string()]);
    }
    args.push(pdf.to_string_lossy().into_owned());
    args.push("-".into());
    let refs: Vec<&str> = args.iter().map(String::as_str).collect();
    let out = poppler("pdftotext", &refs);
    assert!(out.status.success(), "pdftotext failed: {:?}", out);
    String::from_utf8(out.stdout)
        .unwrap()
        .chars()
        .filter(|c| !('\u{202A}'..='\u{202E}').contains(c))
        .collect()
}

fn write(dir: &Path, name: &str, doc: &Document) -> std::path::PathBuf {
    let bytes = render(doc).unwrap();
    assert!(bytes.starts_with(b"%PDF-"));
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

#[test]
fn english_sample_extracts_with_its_numbers_and_header_on_every_page() {
    let dir = tempfile::tempdir().unwrap();
    let doc = cbam_summary(Language::English, 110);
    let pages = page_count(&doc).unwrap();
    assert_eq!(pages, 5);
    let pdf = write(dir.path(), "en.pdf", &doc);
    let text = pdftotext(&pdf, None);
    for needle in [
        "Embedded emissions summary",
        "Nile Fasteners S.A.E. — for Rheinmetall Befestigungstechnik GmbH",
        "0.4572 tCO2e/MWh",
        "1 Jan 2026 to 31 Dec 2026",
        "7318 15 95",
        "Self-tapping screws of stainless",
        "tCO2e per tonne of good",
        "Page 5 of 5",
    ] {
        assert!(text.contains(needle), "missing {needle:?}");
    }
    // Every good's total, as the table prints it.
    for i in 0..110 {
        let (direct, indirect, _) = good_values(i);
        let total = format!("{:.2}", direct + indirect);
        assert!(text.contains(&total), "missing total {total} of good {i}");
    }
    // The long table starts on page 1 and continues on pages 2 to 4 under its header.
    for page in 1..=4 {
        let t = pdftotext(&pdf, Some((page, page)));
        for header in ["CN code", "SEE direct", "SEE total", "Default"] {
            assert!(
                t.contains(header),
                "page {page} lacks the header {header:?}"
            );
        }
        assert!(t.contains(&format!("Page {page} of 5")));
    }
}

#[test]
fn arabic_sample_extracts_in_logical_order_with_arabic_digits() {
    let dir = tempfile::tempdir().unwrap();
    let doc = cbam_summary(Language::Arabic, 110);
    let pages = page_count(&doc).unwrap();
    assert!(pages >= 5, "{pages} pages");
    let pdf = write(dir.path(), "ar.pdf", &doc);
    // pdftotext's spacing around Arabic-Indic numbers is irregular (it puts the space on the
    // other side of the number), so compare without white space: the order of the letters
    // and digits is what matters.
    let squeeze = |s: &str| -> String { s.chars().filter(|c| !c.is_whitespace()).collect() };
    let text = squeeze(&pdftotext(&pdf, None));
    // Whole phrases in reading order: words are joined letters, extracted first to last.
    for needle in [
        "ملخص الانبعاثات المضمنة",
        "الانبعاثات المضمنة النوعية لكل سلعة",
        "المنطقة الصناعية الثالثة",
        "القيم بالطن من مكافئ ثاني أكسيد الكربون لكل طن من السلعة",
        "Rheinmetall Befestigungstechnik GmbH",
        "7318 15 95",
        "tCO2e/MWh",
        "٠٫٤٥٧٢",
        "حصة القيم",
        "من ١ يناير ٢٠٢٦ إلى ٣١ ديسمبر ٢٠٢٦",
    ] {
        assert!(text.contains(&squeeze(needle)), "missing {needle:?}");
    }
    let last = format!(
        "صفحة {0} من {0}",
        format_integer(pages as u64, Language::Arabic)
    );
    assert!(text.contains(&squeeze(&last)), "missing {last:?}");
    // The numbers of the table in Arabic-Indic digits with the Arabic decimal separator.
    for i in 0..110 {
        let (direct, indirect, _) = good_values(i);
        let total = athar_pdf::format_decimal(direct + indirect, Language::Arabic, 2);
        assert!(text.contains(&total), "missing total {total} of good {i}");
        assert!(!total.is_ascii());
    }
    assert!(
        !text.contains("1.40"),
        "Western digits leaked into the Arabic table"
    );
    // The header row is repeated on the pages the table runs onto.
    for page in 2..=4 {
        let t = pdftotext(&pdf, Some((page, page)));
        for header in ["السلعة", "الطريقة", "غير مباشرة", "الإجمالي"]
        {
            assert!(
                t.contains(header),
                "page {page} lacks the header {header:?}"
            );
        }
    }
}

#[test]
fn pages_render_as_images_without_poppler_errors() {
    let dir = tempfile::tempdir().unwrap();
    for lang in [Language::English, Language::Arabic] {
        let pdf = write(dir.path(), "p.pdf", &cbam_summary(lang, 30));
        let prefix = dir.path().join("page");
        let out = poppler(
            "pdftoppm",
            &[
                "-png",
                "-r",
                "40",
                &pdf.to_string_lossy(),
                &prefix.to_string_lossy(),
            ],
        );
        assert!(out.status.success(), "{out:?}");
        assert!(
            out.stderr.is_empty(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(dir.path().join("page-1.png").exists());
    }
}

#[test]
fn same_input_gives_the_same_bytes() {
    for lang in [Language::English, Language::Arabic] {
        let mut doc = cbam_summary(lang, 40);
        assert_eq!(render(&doc).unwrap(), render(&doc).unwrap());
        doc.created = Some(time::macros::datetime!(2026-03-15 10:30:00 +02:00));
        let a = render(&doc).unwrap();
        assert_eq!(a, render(&doc).unwrap());
        let raw = String::from_utf8_lossy(&a);
        assert!(
            raw.contains("D:20260315103000+02'00"),
            "creation date not written"
        );
    }
}

#[test]
fn the_fluent_page_label_is_filled_in() {
    use athar_i18n::Localizer;
    use athar_pdf::Block;
    use athar_protocol::Lang;
    let dir = tempfile::tempdir().unwrap();
    for (lang, ui, expected) in [
        (Language::English, Lang::En, "Page 2 of 2"),
        (Language::Arabic, Lang::Ar, "صفحة ٢ من ٢"),
    ] {
        let label = Localizer::new(ui).format(
            "pdf-page-of",
            &[
                ("page".into(), "{page}".into()),
                ("pages".into(), "{pages}".into()),
            ],
        );
        let mut doc = Document::new(lang, "x");
        doc.page_label = Some(label);
        doc.blocks = vec![
            Block::PageBreak,
            Block::Paragraph("y".into()),
            Block::PageBreak,
        ];
        doc.blocks.insert(0, Block::Paragraph("x".into()));
        let pdf = write(dir.path(), "label.pdf", &doc);
        let text: String = pdftotext(&pdf, Some((2, 2)))
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect();
        assert!(text.contains(&expected.replace(' ', "")), "{text:?}");
    }
}

#[test]
fn odd_input_renders_without_panicking() {
    use athar_pdf::{Align, Bar, BarChart, Block, Column, Table, TableStyle};
    use rust_decimal::Decimal;
    let huge_header = "Column header ".repeat(400);
    let blocks = vec![
        Block::Paragraph(String::new()),
        Block::Paragraph(" \t\r\n\u{0}\u{7}".into()),
        Block::Paragraph("中文 😀 \u{2066}\u{2069}\u{202E}reversed? ".repeat(50)),
        Block::Paragraph("x".repeat(5000)),
        Block::KeyValues(vec![(String::new(), "word ".repeat(3000))]),
        Block::Table(Table {
            columns: vec![Column::new(huge_header, 1.0, Align::Numeric)],
            rows: (0..40).map(|i| vec![format!("{i}.5")]).collect(),
            style: TableStyle::Rules,
        }),
        Block::Table(Table {
            columns: vec![Column::new("", 1.0, Align::Centre)],
            rows: vec![],
            style: TableStyle::Zebra,
        }),
        Block::BarChart(BarChart {
            title: Some(String::new()),
            axis_label: None,
            bars: vec![
                Bar {
                    label: String::new(),
                    value: Decimal::MIN,
                    colour: None,
                },
                Bar {
                    label: "max".into(),
                    value: Decimal::MAX,
                    colour: None,
                },
                Bar {
                    label: "zero".into(),
                    value: Decimal::ZERO,
                    colour: None,
                },
            ],
            decimals: 28,
        }),
        Block::BarChart(BarChart {
            title: None,
            axis_label: None,
            bars: vec![],
            decimals: 0,
        }),
        Block::Footnotes(vec![String::new(); 3]),
        Block::PageBreak,
        Block::PageBreak,
    ];
    for lang in [Language::English, Language::Arabic] {
        let mut doc = Document::new(lang, "");
        doc.page_label = Some("{page}/{pages} {unknown}".into());
        doc.blocks = blocks.clone();
        let pdf = render(&doc).unwrap();
        assert!(pdf.starts_with(b"%PDF-"));
        assert!(page_count(&doc).unwrap() >= 3);
    }
}

#[test]
fn errors_have_fluent_messages_in_both_languages() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../locales");
    let en = std::fs::read_to_string(root.join("en/reports.ftl")).unwrap();
    let ar = std::fs::read_to_string(root.join("ar/reports.ftl")).unwrap();
    let errors = [
        PdfError::Font { font: "x" },
        PdfError::PageTooSmall,
        PdfError::TableWithoutColumns,
        PdfError::TableShape {
            row: 1,
            expected: 2,
            found: 3,
        },
        PdfError::ColumnTooNarrow { column: 1 },
        PdfError::Write { detail: "x".into() },
    ];
    for e in errors {
        for (lang, ftl) in [("en", &en), ("ar", &ar)] {
            let line = ftl
                .lines()
                .find(|l| l.starts_with(&format!("{} =", e.key())))
                .unwrap_or_else(|| panic!("{} missing in {lang}", e.key()));
            for (name, _) in e.args() {
                assert!(
                    line.contains(&format!("${name}")),
                    "{lang} {}: no ${name}",
                    e.key()
                );
            }
        }
    }
}
