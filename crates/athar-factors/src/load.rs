//! Reading and validating pack CSV text.

use std::collections::HashMap;

use athar_quantity::RatioUnit;
use rust_decimal::Decimal;

use crate::row::{is_region, parse_date, FactorRow, GwpBasis, COLUMNS};

/// A pack file that cannot be used, and where.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{file}:{line}: {kind}")]
pub struct LoadError {
    /// The pack file, as named in `factors/` (or the name a caller gave its text).
    pub file: String,
    /// 1-based line in the file (the header is line 1).
    pub line: u64,
    /// Boxed to keep `Result<_, LoadError>` small.
    pub kind: Box<LoadErrorKind>,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LoadErrorKind {
    #[error("CSV syntax: {0}")]
    Csv(String),
    #[error("header must be {expected:?}, found {found:?}")]
    Header { expected: String, found: String },
    #[error("the file has no rows")]
    NoRows,
    #[error("column {column}: required field is empty")]
    EmptyField { column: &'static str },
    #[error("column {column}: leading or trailing whitespace")]
    Whitespace { column: &'static str },
    #[error(
        "column value: {value:?} is not a plain decimal number (digits, optional '-' and '.')"
    )]
    InvalidValue { value: String },
    #[error("column unit: {value:?}: {reason}")]
    InvalidUnit { value: String, reason: String },
    #[error("column {column}: {value:?} is not a date YYYY-MM-DD")]
    InvalidDate { column: &'static str, value: String },
    #[error("valid_to {to} is before valid_from {from}")]
    InvalidPeriod { from: String, to: String },
    #[error(
        "column region: {value:?} is neither an ISO 3166-1 alpha-2 code nor EU, WORLD, OTHER, XK"
    )]
    InvalidRegion { value: String },
    #[error("column gwp_basis: {value:?} is not AR5, AR6, n.a. or unstated")]
    InvalidGwpBasis { value: String },
    #[error("column route: {value:?} is not upper-case letters separated by '/'")]
    InvalidRoute { value: String },
    #[error("row belongs to pack {found_pack}@{found_version}, file is {expected_pack}@{expected_version}")]
    WrongPack {
        expected_pack: String,
        expected_version: String,
        found_pack: String,
        found_version: String,
    },
    #[error("duplicate factor {id}@{version} (first on line {first_line})")]
    Duplicate {
        id: String,
        version: String,
        first_line: u64,
    },
}

/// Parses and validates one pack file. Every row must belong to `pack`@`version`; `file` only
/// names the text in errors.
pub fn parse_rows(
    file: &str,
    pack: &str,
    version: &str,
    text: &str,
) -> Result<Vec<FactorRow>, LoadError> {
    let err = |line: u64, kind: LoadErrorKind| LoadError {
        file: file.to_string(),
        line,
        kind: Box::new(kind),
    };
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(true)
        .flexible(false)
        .from_reader(text.as_bytes());
    let header = reader
        .headers()
        .map_err(|e| err(1, LoadErrorKind::Csv(e.to_string())))?
        .clone();
    if header.iter().ne(COLUMNS.iter().copied()) {
        return Err(err(
            1,
            LoadErrorKind::Header {
                expected: COLUMNS.join(","),
                found: header.iter().collect::<Vec<_>>().join(","),
            },
        ));
    }

    let mut rows = Vec::new();
    let mut seen: HashMap<(String, String), u64> = HashMap::new();
    for record in reader.records() {
        let record = record.map_err(|e| {
            let line = e.position().map_or(0, |p| p.line());
            err(line, LoadErrorKind::Csv(e.to_string()))
        })?;
        let line = record.position().map_or(0, |p| p.line());
        let row = parse_record(&record).map_err(|kind| err(line, kind))?;
        if row.pack != pack || row.version != version {
            return Err(err(
                line,
                LoadErrorKind::WrongPack {
                    expected_pack: pack.to_string(),
                    expected_version: version.to_string(),
                    found_pack: row.pack,
                    found_version: row.version,
                },
            ));
        }
        if let Some(first_line) = seen.insert((row.id.clone(), row.version.clone()), line) {
            return Err(err(
                line,
                LoadErrorKind::Duplicate {
                    id: row.id,
                    version: row.version,
                    first_line,
                },
            ));
        }
        rows.push(row);
    }
    if rows.is_empty() {
        return Err(err(1, LoadErrorKind::NoRows));
    }
    Ok(rows)
}

/// Columns that may not be empty; `route`, `valid_from`, `valid_to` and `notes` may.
const REQUIRED: [&str; 13] = [
    "id",
    "pack",
    "version",
    "activity",
    "parameter",
    "region",
    "value",
    "unit",
    "gas",
    "gwp_basis",
    "source",
    "source_ref",
    "licence",
];

fn parse_record(record: &csv::StringRecord) -> Result<FactorRow, LoadErrorKind> {
    for (column, field) in COLUMNS.iter().zip(record.iter()) {
        if field.trim() != field {
            return Err(LoadErrorKind::Whitespace { column });
        }
        if field.is_empty() && REQUIRED.contains(column) {
            return Err(LoadErrorKind::EmptyField { column });
        }
    }
    let f = |i: usize| record.get(i).unwrap_or_default().to_string();

    let value_text = f(9);
    let value = parse_plain_decimal(&value_text).ok_or(LoadErrorKind::InvalidValue {
        value: value_text.clone(),
    })?;
    let unit_text = f(10);
    let unit: RatioUnit = unit_text
        .parse()
        .map_err(
            |e: athar_quantity::QuantityError| LoadErrorKind::InvalidUnit {
                value: unit_text.clone(),
                reason: e.to_string(),
            },
        )?;
    let date = |i: usize, column: &'static str| {
        let s = f(i);
        if s.is_empty() {
            return Ok(None);
        }
        parse_date(&s)
            .map(Some)
            .ok_or(LoadErrorKind::InvalidDate { column, value: s })
    };
    let valid_from = date(7, "valid_from")?;
    let valid_to = date(8, "valid_to")?;
    if let (Some(from), Some(to)) = (valid_from, valid_to) {
        if to < from {
            return Err(LoadErrorKind::InvalidPeriod {
                from: f(7),
                to: f(8),
            });
        }
    }
    let region = f(6);
    if !is_region(&region) {
        return Err(LoadErrorKind::InvalidRegion { value: region });
    }
    let gwp_text = f(12);
    let gwp_basis: GwpBasis = gwp_text
        .parse()
        .map_err(|()| LoadErrorKind::InvalidGwpBasis { value: gwp_text })?;
    let route = f(5);
    if !route.is_empty()
        && !route
            .split('/')
            .all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_uppercase()))
    {
        return Err(LoadErrorKind::InvalidRoute { value: route });
    }

    Ok(FactorRow {
        id: f(0),
        pack: f(1),
        version: f(2),
        activity: f(3),
        parameter: f(4),
        route: (!route.is_empty()).then_some(route),
        region,
        valid_from,
        valid_to,
        value,
        unit,
        gas: f(11),
        gwp_basis,
        source: f(13),
        source_ref: f(14),
        licence: f(15),
        notes: f(16),
    })
}

/// `-?[0-9]+(\.[0-9]+)?` only: no exponent, no grouping, no comma decimal separator, so that
/// a value can never be read two ways.
fn parse_plain_decimal(s: &str) -> Option<Decimal> {
    let digits = s.strip_prefix('-').unwrap_or(s);
    let (int, frac) = match digits.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (digits, None),
    };
    let all_digits = |p: &str| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit());
    if !all_digits(int) || frac.is_some_and(|f| !all_digits(f)) {
        return None;
    }
    s.parse().ok()
}

/// Writes rows back in the pack file format (same columns, same order). Loading the result
/// gives the same rows.
pub fn write_rows(rows: &[FactorRow]) -> String {
    let mut writer = csv::WriterBuilder::new()
        .has_headers(true)
        .from_writer(Vec::new());
    for row in rows {
        writer
            .serialize(row)
            .expect("serialising a FactorRow into memory cannot fail");
    }
    let bytes = writer
        .into_inner()
        .expect("flushing an in-memory CSV writer cannot fail");
    String::from_utf8(bytes).expect("the CSV writer only writes the UTF-8 it was given")
}
