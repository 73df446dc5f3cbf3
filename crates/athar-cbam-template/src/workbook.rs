//! Opening a workbook with calamine, recognising the template and its version, and reading
//! typed cell values while collecting a [`CellProblem`] for each cell that does not fit.
//!
//! Why this module exists: every cell of a received workbook is untrusted. Numbers may be
//! text, dates may be numbers, a formula may have left `#DIV/0!`. Reading goes through one
//! place that converts or reports, and records which model field each cell filled, so that
//! the model's own validation errors can be pointed back at cells.
//! Decimals never pass through arithmetic on `f64`: a number cell is taken as its shortest
//! round-trip text, as `athar-import` does.

use std::collections::BTreeMap;
use std::io::Cursor;
use std::str::FromStr;

use calamine::{Data, Range, Reader, Xlsx};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use time::Date;

use crate::cells::{self, at, Cell};
use crate::error::{CellProblem, TemplateError};
use crate::labels::Labels;

/// The template versions this crate reads (the input layout is the same).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum TemplateVersion {
    /// 5 June 2024 (the Commission's examples).
    #[serde(rename = "2.1")]
    V2_1,
    /// 13 December 2024 (the current blank template).
    #[serde(rename = "2.1.1")]
    V2_1_1,
}

impl TemplateVersion {
    pub fn label(self) -> &'static str {
        match self {
            TemplateVersion::V2_1 => "2.1",
            TemplateVersion::V2_1_1 => "2.1.1",
        }
    }
}

/// The sheets of a communication template, read once.
pub(crate) struct Book {
    pub version: TemplateVersion,
    sheets: BTreeMap<String, Range<Data>>,
}

const EMPTY: Data = Data::Empty;

impl Book {
    /// Opens `bytes`, checks that it is a communication template of a supported version, and
    /// reads the sheets named.
    pub fn open(bytes: &[u8], wanted: &[&str]) -> Result<Book, TemplateError> {
        if bytes.is_empty() {
            return Err(TemplateError::Empty);
        }
        if !bytes.starts_with(b"PK\x03\x04") {
            return Err(TemplateError::NotXlsx {
                looks_like: athar_domain::looks_like::looks_like(bytes),
            });
        }
        let corrupt = |e: calamine::XlsxError| TemplateError::Corrupt {
            detail: e.to_string(),
        };
        let mut xlsx: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).map_err(corrupt)?;
        let names = xlsx.sheet_names();
        for required in cells::REQUIRED_SHEETS {
            if !names.iter().any(|n| n == required) {
                return Err(TemplateError::NotCbamTemplate {
                    missing: required.to_string(),
                });
            }
        }
        let mut sheets = BTreeMap::new();
        for name in wanted.iter().chain([&cells::version::SHEET]) {
            if sheets.contains_key(*name) {
                continue;
            }
            let range = xlsx.worksheet_range(name).map_err(corrupt)?;
            sheets.insert(name.to_string(), range);
        }
        let mut book = Book {
            version: TemplateVersion::V2_1_1,
            sheets,
        };
        book.version = book.detect_version()?;
        Ok(book)
    }

    fn detect_version(&self) -> Result<TemplateVersion, TemplateError> {
        use cells::version as v;
        let kind = text_of(self.get(v::SHEET, v::TYPE));
        if kind.trim() != "CBAM communication SEE Version 2" {
            return Err(TemplateError::NotCbamTemplate {
                missing: at(v::SHEET, v::TYPE),
            });
        }
        let date = date_of(self.get(v::SHEET, v::DATE));
        match date.map(|d| (d.year(), d.month() as u8, d.day())) {
            Some((2024, 6, 5)) => Ok(TemplateVersion::V2_1),
            Some((2024, 12, 13)) => Ok(TemplateVersion::V2_1_1),
            Some((y, m, d)) => Err(TemplateError::UnsupportedVersion {
                found: format!("{y:04}-{m:02}-{d:02}"),
            }),
            None => Err(TemplateError::UnsupportedVersion { found: kind }),
        }
    }

    pub fn get(&self, sheet: &str, c: Cell) -> &Data {
        self.sheets
            .get(sheet)
            .and_then(|r| r.get_value((c.row, c.col)))
            .unwrap_or(&EMPTY)
    }

    pub fn is_empty(&self, sheet: &str, c: Cell) -> bool {
        is_blank(self.get(sheet, c))
    }
}

pub(crate) fn is_blank(d: &Data) -> bool {
    match d {
        Data::Empty => true,
        Data::String(s) => s.trim().is_empty(),
        _ => false,
    }
}

/// An Excel serial day number (1900 date system) as a date.
fn serial_date(serial: f64) -> Option<Date> {
    if !(1.0..2_958_466.0).contains(&serial) {
        return None;
    }
    let base = Date::from_calendar_date(1899, time::Month::December, 30).ok()?;
    base.checked_add(time::Duration::days(serial.floor() as i64))
}

fn date_of(d: &Data) -> Option<Date> {
    match d {
        Data::DateTime(x) => serial_date(x.as_f64()),
        Data::Float(f) => serial_date(*f),
        Data::Int(i) => serial_date(*i as f64),
        Data::DateTimeIso(s) | Data::String(s) => {
            let s = s.trim();
            athar_cbam::model::parse_date(s.get(..10).unwrap_or(s))
        }
        _ => None,
    }
}

/// A float as a decimal, through its shortest round-trip text.
pub(crate) fn decimal_of_f64(f: f64) -> Option<Decimal> {
    if !f.is_finite() {
        return None;
    }
    Decimal::from_str(&f.to_string())
        .ok()
        .or_else(|| Decimal::from_scientific(&format!("{f:e}")).ok())
}

/// A cell as text: strings trimmed, numbers as their shortest text.
pub(crate) fn text_of(d: &Data) -> String {
    match d {
        Data::Empty => String::new(),
        Data::String(s) => s.trim().to_string(),
        Data::Float(f) => f.to_string(),
        Data::Int(i) => i.to_string(),
        Data::Bool(b) => if *b { "True" } else { "False" }.to_string(),
        Data::DateTime(x) => serial_date(x.as_f64())
            .map(athar_cbam::model::format_date)
            .unwrap_or_else(|| x.as_f64().to_string()),
        Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
        Data::Error(e) => format!("#{e:?}"),
    }
}

/// A cell as a number, if it is one (text holding a plain number counts).
pub(crate) fn number_of(d: &Data) -> Result<Option<Decimal>, String> {
    match d {
        Data::Empty => Ok(None),
        Data::Float(f) => decimal_of_f64(*f).map(Some).ok_or_else(|| f.to_string()),
        Data::Int(i) => Ok(Some(Decimal::from(*i))),
        Data::String(s) if s.trim().is_empty() => Ok(None),
        Data::String(s) => {
            let t = s.trim().replace(['\u{a0}', ' '], "");
            Decimal::from_str(&t)
                .or_else(|_| Decimal::from_scientific(&t))
                .map(Some)
                .map_err(|_| s.clone())
        }
        other => Err(text_of(other)),
    }
}

/// Reads typed values out of a [`Book`], collecting problems and the field → cell map.
pub(crate) struct CellReader<'b> {
    pub book: &'b Book,
    pub problems: Vec<CellProblem>,
    /// Model field path → `Sheet!A1`.
    pub fields: BTreeMap<String, String>,
}

impl<'b> CellReader<'b> {
    pub fn new(book: &'b Book) -> Self {
        CellReader {
            book,
            problems: Vec::new(),
            fields: BTreeMap::new(),
        }
    }

    pub fn note(&mut self, field: impl Into<String>, sheet: &str, c: Cell) {
        self.fields
            .entry(field.into())
            .or_insert_with(|| at(sheet, c));
    }

    pub fn problem(&mut self, sheet: &str, c: Cell, key: &str, value: &str, field: Option<String>) {
        self.problems.push(CellProblem {
            cell: at(sheet, c),
            key: key.to_string(),
            args: vec![("value".into(), value.to_string())],
            field,
        });
    }

    pub fn blank(&self, sheet: &str, c: Cell) -> bool {
        self.book.is_empty(sheet, c)
    }

    fn error_cell(&mut self, sheet: &str, c: Cell, field: &str) -> bool {
        if let Data::Error(e) = self.book.get(sheet, c) {
            let value = format!("#{e:?}");
            self.problem(
                sheet,
                c,
                "cbam-tpl-cell-error",
                &value,
                Some(field.to_string()),
            );
            true
        } else {
            false
        }
    }

    pub fn text(&mut self, sheet: &str, c: Cell, field: &str) -> String {
        self.note(field, sheet, c);
        if self.error_cell(sheet, c, field) {
            return String::new();
        }
        text_of(self.book.get(sheet, c))
    }

    pub fn number(&mut self, sheet: &str, c: Cell, field: &str) -> Option<Decimal> {
        self.note(field, sheet, c);
        if self.error_cell(sheet, c, field) {
            return None;
        }
        match number_of(self.book.get(sheet, c)) {
            Ok(v) => v,
            Err(text) => {
                self.problem(sheet, c, "cbam-tpl-not-number", &text, Some(field.into()));
                None
            }
        }
    }

    pub fn date(&mut self, sheet: &str, c: Cell, field: &str) -> Option<Date> {
        self.note(field, sheet, c);
        let d = self.book.get(sheet, c);
        if is_blank(d) {
            return None;
        }
        let found = date_of(d);
        if found.is_none() {
            let text = text_of(d);
            self.problem(sheet, c, "cbam-tpl-not-date", &text, Some(field.into()));
        }
        found
    }

    pub fn boolean(&mut self, sheet: &str, c: Cell, field: &str) -> Option<bool> {
        self.note(field, sheet, c);
        match self.book.get(sheet, c) {
            Data::Bool(b) => Some(*b),
            d if is_blank(d) => None,
            d => {
                let t = text_of(d);
                match t.to_ascii_lowercase().as_str() {
                    "true" | "1" => Some(true),
                    "false" | "0" => Some(false),
                    _ => {
                        self.problem(sheet, c, "cbam-tpl-not-bool", &t, Some(field.into()));
                        None
                    }
                }
            }
        }
    }

    /// A drop-down value; an unknown text is a problem.
    pub fn label<T: Copy + PartialEq>(
        &mut self,
        sheet: &str,
        c: Cell,
        labels: &Labels<T>,
        field: &str,
    ) -> Option<T> {
        let t = self.text(sheet, c, field);
        if t.is_empty() {
            return None;
        }
        let v = labels.parse(&t);
        if v.is_none() {
            self.problem(sheet, c, "cbam-tpl-unknown-value", &t, Some(field.into()));
        }
        v
    }

    /// The cell a model field was read from: the field itself, or its nearest recorded
    /// parent (`processes.0.transfers.1.to` → `processes.0.transfers.1`).
    pub fn cell_of(&self, field: &str) -> Option<String> {
        let mut f = field;
        loop {
            if let Some(c) = self.fields.get(f) {
                return Some(c.clone());
            }
            f = &f[..f.rfind('.')?];
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_keep_their_shortest_text() {
        assert_eq!(decimal_of_f64(0.1).unwrap().to_string(), "0.1");
        assert_eq!(
            decimal_of_f64(1321052.6315789474).unwrap().to_string(),
            "1321052.6315789474"
        );
        assert_eq!(
            number_of(&Data::String(" 1 234.5 ".into())).unwrap(),
            Some("1234.5".parse().unwrap())
        );
        assert!(number_of(&Data::String("abc".into())).is_err());
        assert!(number_of(&Data::Bool(true)).is_err());
        assert_eq!(number_of(&Data::Empty).unwrap(), None);
    }

    #[test]
    fn dates_from_serials_and_text() {
        let d = date_of(&Data::Float(44927.0)).unwrap();
        assert_eq!(athar_cbam::model::format_date(d), "2023-01-01");
        let d = date_of(&Data::String("2026-03-31".into())).unwrap();
        assert_eq!(athar_cbam::model::format_date(d), "2026-03-31");
        assert!(date_of(&Data::String("soon".into())).is_none());
    }
}
