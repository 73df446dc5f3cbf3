//! Spreadsheets as pages of text: each sheet of an xlsx (or the CSV) becomes a page whose
//! lines are its rows, cells separated by tabs, so that the same label parsers read a bill
//! exported to Excel. A supplier's CBAM communication template is recognised by its sheet
//! names; only its installation sheet is read here (the template's figures are
//! `athar-cbam-template`'s job).

use std::io::Cursor;

use calamine::{Data, Reader, Xlsx};

use crate::error::ExtractError;
use crate::model::{BBox, CoordUnit, TextLine, TextMethod, TextPage};

/// Sheets of the Commission's CBAM communication template for installations (V2.x).
const CBAM_SHEETS: &[&str] = &[
    "A_InstData",
    "B_EmInst",
    "C_Emissions&Energy",
    "D_Processes",
    "E_PurchPrec",
    "Summary_Products",
    "Summary_Communication",
];

/// At most this many sheets and rows per sheet are read.
const MAX_SHEETS: usize = 20;
const MAX_ROWS: usize = 500;
const MAX_COLS: usize = 60;

/// A workbook read as pages.
#[derive(Debug, Clone)]
pub struct Workbook {
    pub pages: Vec<TextPage>,
    /// True when the sheet names are those of the CBAM communication template.
    pub cbam_template: bool,
    pub sheet_names: Vec<String>,
}

fn excel_date(serial: f64) -> Option<String> {
    if !(1.0..2_958_466.0).contains(&serial) {
        return None;
    }
    let base = time::Date::from_calendar_date(1899, time::Month::December, 30).ok()?;
    let d = base.checked_add(time::Duration::days(serial.floor() as i64))?;
    Some(crate::normalise::iso_date(d))
}

fn cell_text(c: &Data) -> String {
    match c {
        Data::Empty => String::new(),
        Data::String(s) => s.trim().to_string(),
        Data::Float(f) => f.to_string(),
        Data::Int(i) => i.to_string(),
        Data::Bool(b) => b.to_string(),
        Data::DateTime(d) => excel_date(d.as_f64()).unwrap_or_else(|| d.as_f64().to_string()),
        Data::DateTimeIso(s) | Data::DurationIso(s) => s.chars().take(10).collect(),
        Data::Error(_) => String::new(),
    }
}

fn rows_to_page(number: u32, rows: Vec<Vec<String>>) -> TextPage {
    let mut lines = Vec::new();
    let mut width = 0usize;
    for (r, cells) in rows.into_iter().enumerate().take(MAX_ROWS) {
        let cells: Vec<String> = cells.into_iter().take(MAX_COLS).collect();
        width = width.max(cells.len());
        let text = cells
            .iter()
            .filter(|c| !c.is_empty())
            .cloned()
            .collect::<Vec<_>>()
            .join("\t");
        if text.is_empty() {
            continue;
        }
        lines.push(TextLine {
            text,
            bbox: Some(BBox {
                x0: 0.0,
                y0: r as f64,
                x1: cells.len() as f64,
                y1: r as f64 + 1.0,
            }),
            confidence: None,
        });
    }
    TextPage {
        number,
        method: TextMethod::Spreadsheet,
        width: width as f64,
        height: lines.last().and_then(|l| l.bbox).map_or(0.0, |b| b.y1),
        unit: CoordUnit::Cells,
        lines,
    }
}

/// Reads an xlsx workbook.
pub fn read_xlsx(bytes: &[u8]) -> Result<Workbook, ExtractError> {
    let damaged = |e: calamine::XlsxError| ExtractError::DamagedWorkbook {
        detail: e.to_string(),
    };
    let mut book: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).map_err(damaged)?;
    let names = book.sheet_names();
    let cbam_hits = CBAM_SHEETS
        .iter()
        .filter(|s| names.iter().any(|n| n == *s))
        .count();
    let cbam_template = cbam_hits >= 4;
    let wanted: Vec<String> = if cbam_template {
        vec!["A_InstData".to_string()]
    } else {
        names.iter().take(MAX_SHEETS).cloned().collect()
    };
    let mut pages = Vec::new();
    for name in &wanted {
        let range = book.worksheet_range(name).map_err(damaged)?;
        let rows: Vec<Vec<String>> = range
            .rows()
            .take(MAX_ROWS)
            .map(|r| r.iter().map(cell_text).collect())
            .collect();
        pages.push(rows_to_page(pages.len() as u32 + 1, rows));
    }
    Ok(Workbook {
        pages,
        cbam_template,
        sheet_names: names,
    })
}

/// Reads a CSV file (UTF-8, optional BOM, `,` `;` or tab separated) as one page.
pub fn read_csv(bytes: &[u8]) -> Result<TextPage, ExtractError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = std::str::from_utf8(bytes).map_err(|_| ExtractError::CsvNotUtf8)?;
    let first = text.lines().next().unwrap_or("");
    let sep = [',', ';', '\t']
        .into_iter()
        .max_by_key(|s| first.matches(*s).count())
        .unwrap_or(',');
    let rows = text
        .lines()
        .take(MAX_ROWS)
        .map(|line| split_csv_line(line, sep))
        .collect();
    Ok(rows_to_page(1, rows))
}

/// Splits one CSV line, honouring double quotes (a quoted field spanning lines is read as
/// its first line only: enough for text extraction).
fn split_csv_line(line: &str, sep: char) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut quoted = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' if quoted && chars.peek() == Some(&'"') => {
                cur.push('"');
                chars.next();
            }
            '"' => quoted = !quoted,
            c if c == sep && !quoted => out.push(std::mem::take(&mut cur).trim().to_string()),
            c => cur.push(c),
        }
    }
    out.push(cur.trim().to_string());
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_rows_become_lines() {
        let page = read_csv("\u{feff}Supplier;\"Cairo, Electricity\"\nTotal;1.250,50\n".as_bytes())
            .unwrap();
        assert_eq!(page.text(), "Supplier\tCairo, Electricity\nTotal\t1.250,50");
        assert!(matches!(
            read_csv(&[0xFF, 0xFE, 0x00]),
            Err(ExtractError::CsvNotUtf8)
        ));
    }

    #[test]
    fn the_cbam_template_is_recognised_by_its_sheets() {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../../shared/reference/cbam/examples/1 CBAM SEE V2.1_Example Cement_final.xlsx"
        );
        let bytes = std::fs::read(path).expect("shared/reference/cbam/examples is in place");
        let book = read_xlsx(&bytes).unwrap();
        assert!(book.cbam_template);
        assert!(book.pages[0].text().contains("Example Cement Producer"));
    }

    #[test]
    fn a_damaged_workbook_is_a_typed_error() {
        let err = read_xlsx(b"PK\x03\x04 this is not a zip").unwrap_err();
        assert_eq!(err.key(), "doc-damaged-workbook");
    }
}
