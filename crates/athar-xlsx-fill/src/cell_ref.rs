//! A1 cell references and the sheet ranges that defined names point to.
//!
//! Kept apart from the XML code because both the reader and the writer, and callers, need the
//! same rules: columns A..XFD, rows 1..1,048,576, `$` allowed, quoted sheet names with `''`.

use std::fmt;
use std::str::FromStr;

use crate::FillError;

/// Last row of a worksheet.
pub const MAX_ROW: u32 = 1_048_576;
/// Last column of a worksheet (XFD).
pub const MAX_COL: u32 = 16_384;

/// One cell, 1-based. Orders by row, then column: the order of cells in a worksheet part.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct CellRef {
    row: u32,
    col: u32,
}

impl CellRef {
    /// `row` and `col` are 1-based; `None` outside the sheet.
    pub fn new(row: u32, col: u32) -> Option<Self> {
        ((1..=MAX_ROW).contains(&row) && (1..=MAX_COL).contains(&col))
            .then_some(CellRef { row, col })
    }

    /// Parses `B7`, `$B$7`, `b7`.
    pub fn parse(text: &str) -> Result<Self, FillError> {
        let bad = || FillError::BadCellRef {
            reference: text.to_string(),
        };
        let (col, row) = split_a1(text.as_bytes()).ok_or_else(bad)?;
        match (col, row) {
            (Some(col), Some(row)) => CellRef::new(row, col).ok_or(FillError::CellOutOfRange {
                reference: text.to_string(),
            }),
            _ => Err(FillError::CellOutOfRange {
                reference: text.to_string(),
            }),
        }
    }

    pub fn row(self) -> u32 {
        self.row
    }

    pub fn col(self) -> u32 {
        self.col
    }

    /// The cell `rows` down and `cols` right of this one, if still on the sheet.
    pub fn offset(self, rows: u32, cols: u32) -> Option<Self> {
        CellRef::new(self.row.checked_add(rows)?, self.col.checked_add(cols)?)
    }
}

impl fmt::Display for CellRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}{}", column_letters(self.col), self.row)
    }
}

impl FromStr for CellRef {
    type Err = FillError;
    fn from_str(s: &str) -> Result<Self, FillError> {
        CellRef::parse(s)
    }
}

/// `1` → `A`, `28` → `AB`.
pub fn column_letters(mut col: u32) -> String {
    let mut out = Vec::new();
    while col > 0 {
        let rem = (col - 1) % 26;
        out.push(b'A' + rem as u8);
        col = (col - 1) / 26;
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

/// Splits `$AB$12` into (column, row). The outer `None` means "not of that shape"; an inner
/// `None` means a number too large to be a column or row. Also used on the `r` attribute of
/// `<c>`, which never has `$`.
pub(crate) fn split_a1(s: &[u8]) -> Option<(Option<u32>, Option<u32>)> {
    let mut i = 0;
    if s.first() == Some(&b'$') {
        i += 1;
    }
    let letters_start = i;
    while i < s.len() && s[i].is_ascii_alphabetic() {
        i += 1;
    }
    let letters = &s[letters_start..i];
    if letters.is_empty() || letters.len() > 3 {
        return None;
    }
    if s.get(i) == Some(&b'$') {
        i += 1;
    }
    let digits = &s[i..];
    if digits.is_empty() || !digits.iter().all(u8::is_ascii_digit) || digits[0] == b'0' {
        return None;
    }
    let mut col: u32 = 0;
    for b in letters {
        col = col * 26 + u32::from(b.to_ascii_uppercase() - b'A' + 1);
    }
    let row = if digits.len() > 7 {
        None
    } else {
        std::str::from_utf8(digits).ok()?.parse::<u32>().ok()
    };
    let col = (col <= MAX_COL).then_some(col);
    let row = row.filter(|r| *r <= MAX_ROW);
    Some((col, row))
}

/// A rectangle of cells on one sheet, as a defined name refers to it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RangeRef {
    pub sheet: String,
    pub first: CellRef,
    pub last: CellRef,
}

impl RangeRef {
    pub fn rows(&self) -> u32 {
        self.last.row - self.first.row + 1
    }

    pub fn cols(&self) -> u32 {
        self.last.col - self.first.col + 1
    }

    pub fn is_single_cell(&self) -> bool {
        self.first == self.last
    }

    pub fn contains(&self, cell: CellRef) -> bool {
        (self.first.row..=self.last.row).contains(&cell.row)
            && (self.first.col..=self.last.col).contains(&cell.col)
    }

    /// The cell `row_offset` down and `col_offset` right of the top-left one, if inside.
    pub fn cell_at(&self, row_offset: u32, col_offset: u32) -> Option<CellRef> {
        (row_offset < self.rows() && col_offset < self.cols())
            .then(|| self.first.offset(row_offset, col_offset))
            .flatten()
    }
}

impl fmt::Display for RangeRef {
    /// `'General Information'!E21` or `Sheet1!A1:B2`, quoted only when needed.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let plain = !self.sheet.is_empty()
            && self
                .sheet
                .chars()
                .all(|c| c.is_alphanumeric() || c == '_' || c == '.')
            && !self.sheet.starts_with(|c: char| c.is_ascii_digit());
        if plain {
            write!(f, "{}!", self.sheet)?;
        } else {
            write!(f, "'{}'!", self.sheet.replace('\'', "''"))?;
        }
        if self.is_single_cell() {
            write!(f, "{}", self.first)
        } else {
            write!(f, "{}:{}", self.first, self.last)
        }
    }
}

/// Reads the formula of a defined name when it is one rectangle on one sheet:
/// `Sheet!$A$1`, `'My sheet'!$A$1:$C$9`, whole columns `Sheet!$A:$B` or rows `Sheet!$3:$5`.
/// Anything else (`#REF!`, several areas, constants, formulas) gives `None`.
pub(crate) fn parse_sheet_range(formula: &str) -> Option<RangeRef> {
    let formula = formula.trim();
    let (sheet, rest) = if let Some(quoted) = formula.strip_prefix('\'') {
        // Quoted: '' is an escaped quote; the name ends at a single quote followed by '!'.
        let mut name = String::new();
        let mut chars = quoted.char_indices().peekable();
        let mut end = None;
        while let Some((i, c)) = chars.next() {
            if c == '\'' {
                if matches!(chars.peek(), Some((_, '\''))) {
                    name.push('\'');
                    chars.next();
                } else {
                    end = Some(i + 1);
                    break;
                }
            } else {
                name.push(c);
            }
        }
        let rest = quoted.get(end?..)?.strip_prefix('!')?;
        (name, rest)
    } else {
        let (name, rest) = formula.split_once('!')?;
        if name.is_empty() || name.contains(['[', ']', '\'', ',', ' ', '(']) {
            return None;
        }
        (name.to_string(), rest)
    };
    let (a, b) = match rest.split_once(':') {
        Some((a, b)) => (a, b),
        None => (rest, rest),
    };
    let (first, last) = match (split_a1(a.as_bytes()), split_a1(b.as_bytes())) {
        (Some((Some(c1), Some(r1))), Some((Some(c2), Some(r2)))) => {
            (CellRef::new(r1, c1)?, CellRef::new(r2, c2)?)
        }
        _ => {
            // Whole columns ($A:$C) or whole rows ($3:$5).
            rest.split_once(':')?;
            if let (Some(c1), Some(c2)) = (column_only(a), column_only(b)) {
                (CellRef::new(1, c1)?, CellRef::new(MAX_ROW, c2)?)
            } else if let (Some(r1), Some(r2)) = (row_only(a), row_only(b)) {
                (CellRef::new(r1, 1)?, CellRef::new(r2, MAX_COL)?)
            } else {
                return None;
            }
        }
    };
    if first.row > last.row || first.col > last.col {
        return None;
    }
    Some(RangeRef { sheet, first, last })
}

fn column_only(s: &str) -> Option<u32> {
    let s = s.strip_prefix('$').unwrap_or(s);
    if s.is_empty() || s.len() > 3 || !s.bytes().all(|b| b.is_ascii_alphabetic()) {
        return None;
    }
    let col = s.bytes().fold(0u32, |acc, b| {
        acc * 26 + u32::from(b.to_ascii_uppercase() - b'A' + 1)
    });
    (col <= MAX_COL).then_some(col)
}

fn row_only(s: &str) -> Option<u32> {
    let s = s.strip_prefix('$').unwrap_or(s);
    if s.is_empty() || s.starts_with('0') || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse::<u32>().ok().filter(|r| (1..=MAX_ROW).contains(r))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_prints_a1() {
        for (text, row, col, back) in [
            ("A1", 1, 1, "A1"),
            ("$B$7", 7, 2, "B7"),
            ("ab12", 12, 28, "AB12"),
            ("XFD1048576", 1_048_576, 16_384, "XFD1048576"),
            ("Z9", 9, 26, "Z9"),
            ("AZ3", 3, 52, "AZ3"),
        ] {
            let c = CellRef::parse(text).unwrap();
            assert_eq!((c.row(), c.col()), (row, col), "{text}");
            assert_eq!(c.to_string(), back);
        }
    }

    #[test]
    fn rejects_bad_and_out_of_range_refs() {
        for bad in [
            "", "A", "7", "A0", "A01", "1A", "A1B", "ABCD1", "A-1", "A1:B2", "$$A1",
        ] {
            assert_eq!(
                CellRef::parse(bad).unwrap_err().key(),
                "xlsx-bad-cell-ref",
                "{bad}"
            );
        }
        for far in ["XFE1", "A1048577", "A99999999", "ZZZ1"] {
            assert_eq!(
                CellRef::parse(far).unwrap_err().key(),
                "xlsx-cell-out-of-range",
                "{far}"
            );
        }
    }

    #[test]
    fn column_letters_round_trip() {
        for col in 1..=MAX_COL {
            let text = format!("{}1", column_letters(col));
            assert_eq!(CellRef::parse(&text).unwrap().col(), col);
        }
    }

    #[test]
    fn reads_defined_name_formulas() {
        let r = parse_sheet_range("'General Information'!$E$21").unwrap();
        assert_eq!(r.sheet, "General Information");
        assert!(r.is_single_cell());
        assert_eq!(r.first.to_string(), "E21");
        assert_eq!(r.to_string(), "'General Information'!E21");

        let r = parse_sheet_range("A_InstData!$S$62:$S$71").unwrap();
        assert_eq!(
            (r.sheet.as_str(), r.rows(), r.cols()),
            ("A_InstData", 10, 1)
        );
        assert_eq!(r.cell_at(9, 0).unwrap().to_string(), "S71");
        assert_eq!(r.cell_at(10, 0), None);
        assert_eq!(r.cell_at(0, 1), None);

        let r = parse_sheet_range("'It''s'!$A:$B").unwrap();
        assert_eq!(r.sheet, "It's");
        assert_eq!((r.first.row(), r.last.row(), r.cols()), (1, MAX_ROW, 2));
        assert_eq!(r.to_string(), "'It''s'!A1:B1048576");

        let r = parse_sheet_range("Data!$3:$5").unwrap();
        assert_eq!((r.rows(), r.cols()), (3, MAX_COL));

        for other in [
            "'Enumeration Lists'!#REF!",
            "Translations!#REF!",
            "Sheet1!$A$1,Sheet1!$B$2",
            "=1+2",
            "\"text\"",
            "[1]Sheet1!$A$1",
            "Sheet1!$B$2:$A$1",
            "OFFSET(Sheet1!$A$1,0,0,3,1)",
        ] {
            assert_eq!(parse_sheet_range(other), None, "{other}");
        }
    }
}
