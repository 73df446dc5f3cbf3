//! Cell-level access to a digital template through its defined names (calamine).
//!
//! Why this module exists: the reader thinks in named ranges and cells, as EFRAG's converter
//! does; this module turns calamine's sheets, styles and merged regions into that view once,
//! so the rest never touches calamine. Cached values are read (the template's formulas are
//! not evaluated), as the converter reads them with openpyxl's `data_only`.

use std::collections::BTreeMap;
use std::io::Cursor;

use calamine::{Data, Dimensions, Range, Reader, StyleRange, Xlsx};
use rust_decimal::Decimal;
use time::Date;

use super::TemplateError;

/// A rectangular named range, 1-based and inclusive.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct NamedRange {
    pub name: String,
    pub sheet: String,
    pub first_row: u32,
    pub first_col: u32,
    pub last_row: u32,
    pub last_col: u32,
}

impl NamedRange {
    pub fn height(&self) -> u32 {
        self.last_row - self.first_row + 1
    }

    /// Whether `other` lies entirely inside this range, on the same sheet.
    pub fn contains(&self, other: &NamedRange) -> bool {
        self.sheet == other.sheet
            && self.first_row <= other.first_row
            && self.last_row >= other.last_row
            && self.first_col <= other.first_col
            && self.last_col >= other.last_col
    }

    /// `'Environmental Disclosures'!$D$22`.
    pub fn cell_ref(&self, row: u32, col: u32) -> String {
        format!(
            "'{}'!${}${row}",
            self.sheet.replace('\'', "''"),
            column_letters(col)
        )
    }
}

/// A cell's cached value.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Empty,
    /// The number as its shortest round-trip decimal text (xlsx stores IEEE doubles; this is
    /// the only place a cell number is a float).
    Number(Decimal),
    Text(String),
    Bool(bool),
    Date(Date),
    /// `#REF!`, `#VALUE!`...
    Error(String),
}

impl Cell {
    pub fn is_empty(&self) -> bool {
        matches!(self, Cell::Empty)
    }
}

struct Sheet {
    values: Range<Data>,
    styles: Option<StyleRange>,
    merged: Vec<Dimensions>,
}

pub struct Workbook {
    xlsx: Xlsx<Cursor<Vec<u8>>>,
    names: BTreeMap<String, Result<NamedRange, String>>,
    sheets: BTreeMap<String, Option<Sheet>>,
}

impl Workbook {
    pub fn open(bytes: &[u8]) -> Result<Self, TemplateError> {
        if !bytes.starts_with(b"PK") {
            return Err(TemplateError::NotXlsx);
        }
        let xlsx = Xlsx::new(Cursor::new(bytes.to_vec())).map_err(|e| TemplateError::Corrupt {
            detail: e.to_string(),
        })?;
        let mut names = BTreeMap::new();
        for (name, formula) in xlsx.defined_names() {
            names.insert(name.clone(), parse_formula(name, formula));
        }
        Ok(Workbook {
            xlsx,
            names,
            sheets: BTreeMap::new(),
        })
    }

    /// Every defined name, with its range or why it cannot be read.
    pub fn names(&self) -> impl Iterator<Item = (&String, &Result<NamedRange, String>)> {
        self.names.iter()
    }

    /// The range of a defined name, if it exists and is readable.
    pub fn range(&self, name: &str) -> Option<&NamedRange> {
        self.names.get(name)?.as_ref().ok()
    }

    fn sheet(&mut self, name: &str) -> Option<&Sheet> {
        if !self.sheets.contains_key(name) {
            let loaded = match self.xlsx.worksheet_range(name) {
                Ok(values) => {
                    let styles = self.xlsx.worksheet_style(name).ok();
                    // Merged regions mark where one footnote ends and the next begins.
                    let merged = self
                        .xlsx
                        .merge_cells_by_sheet_name(name)
                        .unwrap_or_default();
                    Some(Sheet {
                        values,
                        styles,
                        merged,
                    })
                }
                Err(_) => None,
            };
            self.sheets.insert(name.to_string(), loaded);
        }
        self.sheets.get(name).and_then(Option::as_ref)
    }

    /// The cached value of a cell (1-based).
    pub fn cell(&mut self, sheet: &str, row: u32, col: u32) -> Cell {
        let epoch_1904 = self.xlsx.has_1904_epoch();
        let Some(s) = self.sheet(sheet) else {
            return Cell::Empty;
        };
        let Some(v) = s.values.get_value((row - 1, col - 1)) else {
            return Cell::Empty;
        };
        convert(v, epoch_1904)
    }

    /// The number format code of a cell (`0.00`, `0.00%`, `General`).
    pub fn number_format(&mut self, sheet: &str, row: u32, col: u32) -> String {
        self.sheet(sheet)
            .and_then(|s| s.styles.as_ref())
            .and_then(|st| st.get((row - 1, col - 1)))
            .and_then(|style| style.number_format.as_ref())
            .map(|f| f.format_code.clone())
            .unwrap_or_else(|| "General".to_string())
    }

    /// Whether a cell is covered by a merged region without being its top-left cell.
    pub fn is_merged_continuation(&mut self, sheet: &str, row: u32, col: u32) -> bool {
        let (r, c) = (row - 1, col - 1);
        self.sheet(sheet).is_some_and(|s| {
            s.merged.iter().any(|d| {
                d.start.0 <= r
                    && r <= d.end.0
                    && d.start.1 <= c
                    && c <= d.end.1
                    && (d.start.0, d.start.1) != (r, c)
            })
        })
    }
}

fn convert(v: &Data, epoch_1904: bool) -> Cell {
    match v {
        Data::Empty => Cell::Empty,
        Data::Int(i) => Cell::Number(Decimal::from(*i)),
        Data::Float(f) => float_to_decimal(*f).map_or(Cell::Error("#NUM!".into()), Cell::Number),
        Data::String(s) => {
            let t = s.trim();
            // EFRAG's converter treats every Excel error text as an error, not a value.
            if is_error_text(t) {
                Cell::Error(t.to_string())
            } else {
                Cell::Text(s.clone())
            }
        }
        Data::Bool(b) => Cell::Bool(*b),
        Data::DateTime(dt) => {
            let serial = dt.as_f64();
            excel_date(serial, epoch_1904).map_or_else(
                || float_to_decimal(serial).map_or(Cell::Empty, Cell::Number),
                Cell::Date,
            )
        }
        Data::DateTimeIso(s) => crate::fact::iso_date::parse(s.get(..10).unwrap_or(s))
            .map_or_else(|| Cell::Text(s.clone()), Cell::Date),
        Data::DurationIso(s) => Cell::Text(s.clone()),
        Data::Error(e) => Cell::Error(format!("{e}")),
    }
}

/// The Excel and Google Sheets error values.
pub fn is_error_text(t: &str) -> bool {
    matches!(
        t,
        "#NULL!"
            | "#DIV/0!"
            | "#VALUE!"
            | "#REF!"
            | "#NAME?"
            | "#NUM!"
            | "#N/A"
            | "#GETTING_DATA"
            | "#ERROR!"
            | "#SPILL!"
            | "#CALC!"
    )
}

/// The shortest decimal text that reads back as `f` (what Excel wrote into the file).
pub fn float_to_decimal(f: f64) -> Option<Decimal> {
    if !f.is_finite() {
        return None;
    }
    // `{:e}` gives the shortest round-trip digits; Decimal parses scientific notation.
    Decimal::from_scientific(&format!("{f:e}"))
        .ok()
        .map(|d| d.normalize())
}

/// An Excel serial day number as a date (the 1900 system counts the fictitious 29 Feb 1900).
fn excel_date(serial: f64, epoch_1904: bool) -> Option<Date> {
    if !serial.is_finite() || serial < 1.0 {
        return None;
    }
    let days = serial.floor() as i64;
    let base = if epoch_1904 {
        Date::from_calendar_date(1904, time::Month::January, 1).ok()?
    } else {
        Date::from_calendar_date(1899, time::Month::December, 30).ok()?
    };
    let days = if !epoch_1904 && days < 61 {
        days + 1
    } else {
        days
    };
    base.checked_add(time::Duration::days(days))
}

/// `'Environmental Disclosures'!$D$22:$D$24` → a range; anything else (several areas,
/// `#REF!`, a constant) is an error text.
fn parse_formula(name: &str, formula: &str) -> Result<NamedRange, String> {
    let f = formula.trim().trim_start_matches('=');
    let (sheet, area) = f
        .rsplit_once('!')
        .ok_or_else(|| format!("{name}: not a cell reference: {f}"))?;
    if area.contains(',') || sheet.contains(',') {
        return Err(format!("{name}: several areas: {f}"));
    }
    let sheet = match sheet.strip_prefix('\'').and_then(|s| s.strip_suffix('\'')) {
        Some(q) => q.replace("''", "'"),
        None => sheet.to_string(),
    };
    let cell = |c: &str| -> Option<(u32, u32)> {
        let c = c.replace('$', "");
        let split = c.find(|ch: char| ch.is_ascii_digit())?;
        let col = column_number(&c[..split])?;
        let row: u32 = c[split..].parse().ok()?;
        (row > 0).then_some((row, col))
    };
    let (a, b) = match area.split_once(':') {
        Some((a, b)) => (cell(a), cell(b)),
        None => (cell(area), cell(area)),
    };
    let (Some((r1, c1)), Some((r2, c2))) = (a, b) else {
        return Err(format!("{name}: broken reference: {f}"));
    };
    Ok(NamedRange {
        name: name.to_string(),
        sheet,
        first_row: r1.min(r2),
        first_col: c1.min(c2),
        last_row: r1.max(r2),
        last_col: c1.max(c2),
    })
}

pub fn column_number(letters: &str) -> Option<u32> {
    if letters.is_empty() || letters.len() > 3 {
        return None;
    }
    let mut n = 0u32;
    for c in letters.chars() {
        let c = c.to_ascii_uppercase();
        if !c.is_ascii_uppercase() {
            return None;
        }
        n = n * 26 + (c as u32 - 'A' as u32 + 1);
    }
    Some(n)
}

pub fn column_letters(mut col: u32) -> String {
    let mut s = Vec::new();
    while col > 0 {
        let r = (col - 1) % 26;
        s.push(b'A' + r as u8);
        col = (col - 1) / 26;
    }
    s.reverse();
    String::from_utf8(s).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_become_ranges_and_broken_ones_errors() {
        let r = parse_formula("X", "'General Information'!$D$406:$D$505").unwrap();
        assert_eq!(
            (
                r.sheet.as_str(),
                r.first_row,
                r.first_col,
                r.last_row,
                r.last_col
            ),
            ("General Information", 406, 4, 505, 4)
        );
        let r = parse_formula("X", "Footnotes!$B$4").unwrap();
        assert_eq!((r.height(), r.last_col - r.first_col), (1, 0));
        assert!(parse_formula("X", "#REF!").is_err());
        assert!(parse_formula("X", "Sheet1!$A$1,Sheet1!$B$2").is_err());
        assert!(parse_formula("X", "'It''s'!$A$1").unwrap().sheet == "It's");
    }

    #[test]
    fn floats_keep_their_shortest_text() {
        assert_eq!(
            float_to_decimal(10.03334136).unwrap().to_string(),
            "10.03334136"
        );
        assert_eq!(float_to_decimal(150.0).unwrap().to_string(), "150");
        assert_eq!(
            float_to_decimal(0.014893617021276596).unwrap().to_string(),
            "0.014893617021276596"
        );
        assert_eq!(float_to_decimal(1e-5).unwrap().to_string(), "0.00001");
        assert!(float_to_decimal(f64::NAN).is_none());
    }

    #[test]
    fn excel_serials_are_dates() {
        use time::macros::date;
        assert_eq!(excel_date(46023.0, false), Some(date!(2026 - 01 - 01)));
        assert_eq!(excel_date(60.0, false), Some(date!(1900 - 03 - 01)));
    }

    #[test]
    fn columns_convert_both_ways() {
        for n in [1, 26, 27, 52, 703] {
            assert_eq!(column_number(&column_letters(n)), Some(n));
        }
        assert_eq!(column_letters(4), "D");
    }
}
