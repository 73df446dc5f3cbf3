//! Reading a CSV or xlsx file into a table of strings.

use std::io::Cursor;
use std::path::Path;

use calamine::{DataRef, Reader, Xlsx};

/// A sheet as text: the header row and the data rows. Row `i` of `rows` is row `i + 2` of
/// the file (row 1 is the header), the number people see in a spreadsheet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    pub headers: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

impl Table {
    /// The file row number of data row `index` (0-based).
    pub fn row_number(index: usize) -> u64 {
        index as u64 + 2
    }
}

/// Why a file could not be read at all. [`ReadError::key`] gives the Fluent key.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    #[error("cannot read the file: {0}")]
    Io(#[from] std::io::Error),
    #[error("the file is empty or has no header row")]
    Empty,
    #[error("the file name must end in .csv or .xlsx")]
    UnsupportedExtension,
    /// A `.xlsx` whose bytes are not a zip archive (a renamed CSV, an image...).
    #[error("not an xlsx workbook (the content looks like {looks_like})")]
    NotXlsx { looks_like: &'static str },
    /// A zip that calamine cannot read as a workbook (truncated, corrupt).
    #[error("the workbook is damaged: {detail}")]
    CorruptXlsx { detail: String },
    #[error("the workbook has no sheet")]
    NoSheet,
    #[error("the CSV file cannot be read at line {line}: {detail}")]
    Csv { line: u64, detail: String },
    #[error("the mapping file is not valid JSON: {detail}")]
    BadMapping { detail: String },
}

impl ReadError {
    pub fn key(&self) -> &'static str {
        match self {
            ReadError::Io(_) => "import-io",
            ReadError::Empty => "import-empty-file",
            ReadError::UnsupportedExtension => "import-unsupported-file",
            ReadError::NotXlsx { .. } => "import-not-xlsx",
            ReadError::CorruptXlsx { .. } => "import-corrupt-xlsx",
            ReadError::NoSheet => "import-no-sheet",
            ReadError::Csv { .. } => "import-bad-csv",
            ReadError::BadMapping { .. } => "import-bad-mapping",
        }
    }

    /// Fluent arguments of [`ReadError::key`].
    pub fn args(&self) -> Vec<(String, String)> {
        match self {
            ReadError::Io(e) => vec![("detail".into(), e.to_string())],
            ReadError::NotXlsx { looks_like } => {
                vec![("looks_like".into(), looks_like.to_string())]
            }
            ReadError::CorruptXlsx { detail } | ReadError::BadMapping { detail } => {
                vec![("detail".into(), detail.clone())]
            }
            ReadError::Csv { line, detail } => vec![
                ("line".into(), line.to_string()),
                ("detail".into(), detail.clone()),
            ],
            _ => Vec::new(),
        }
    }
}

/// Reads `path`, choosing the format by extension (`.csv`, `.xlsx`).
pub fn read_file(path: &Path) -> Result<Table, ReadError> {
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    let bytes = std::fs::read(path)?;
    match ext.as_str() {
        "csv" | "txt" => read_csv(&bytes),
        "xlsx" | "xlsm" => read_xlsx(&bytes),
        _ => Err(ReadError::UnsupportedExtension),
    }
}

fn trim_table(headers: Vec<String>, rows: Vec<Vec<String>>) -> Result<Table, ReadError> {
    let headers: Vec<String> = headers.into_iter().map(|h| h.trim().to_string()).collect();
    if headers.iter().all(|h| h.is_empty()) {
        return Err(ReadError::Empty);
    }
    // Keep row numbering: blank rows stay (and are skipped by the converter).
    Ok(Table { headers, rows })
}

/// Reads CSV (UTF-8, a leading BOM allowed; comma or semicolon separated).
pub fn read_csv(bytes: &[u8]) -> Result<Table, ReadError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(ReadError::Empty);
    }
    let first_line = bytes.split(|b| *b == b'\n').next().unwrap_or_default();
    let delimiter = if first_line.iter().filter(|b| **b == b';').count()
        > first_line.iter().filter(|b| **b == b',').count()
    {
        b';'
    } else {
        b','
    };
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(bytes);
    let mut records = Vec::new();
    for (i, rec) in reader.records().enumerate() {
        let rec = rec.map_err(|e| ReadError::Csv {
            line: e.position().map(|p| p.line()).unwrap_or(i as u64 + 1),
            detail: match e.kind() {
                csv::ErrorKind::Utf8 { .. } => "not UTF-8 text".to_string(),
                _ => e.to_string(),
            },
        })?;
        records.push(rec.iter().map(|c| c.to_string()).collect::<Vec<_>>());
    }
    let mut it = records.into_iter();
    let headers = it.next().ok_or(ReadError::Empty)?;
    trim_table(headers, it.collect())
}

/// An Excel serial day number (1900 date system) as `YYYY-MM-DD`.
fn excel_date(serial: f64) -> Option<String> {
    if !(1.0..2_958_466.0).contains(&serial) {
        return None;
    }
    let base = time::Date::from_calendar_date(1899, time::Month::December, 30).ok()?;
    let d = base.checked_add(time::Duration::days(serial.floor() as i64))?;
    d.format(time::macros::format_description!("[year]-[month]-[day]"))
        .ok()
}

fn cell_text(c: DataRef<'_>) -> String {
    match c {
        DataRef::Empty => String::new(),
        DataRef::String(s) | DataRef::DateTimeIso(s) | DataRef::DurationIso(s) => s,
        DataRef::SharedString(s) => s.to_string(),
        // Shortest text that reads back as the same binary number: "0.1", not
        // "0.1000000000000000055".
        DataRef::Float(f) => f.to_string(),
        DataRef::Int(i) => i.to_string(),
        DataRef::Bool(b) => b.to_string(),
        DataRef::DateTime(d) => excel_date(d.as_f64()).unwrap_or_else(|| d.as_f64().to_string()),
        DataRef::Error(e) => format!("#{e:?}"),
    }
}

/// Reads the first sheet of an xlsx workbook.
///
/// Cells are streamed from the sheet XML (calamine's cell reader) straight into the table,
/// so each text is copied once; building calamine's `Range` first and copying out of it
/// cost a third more on a 100,000-row workbook (docs/benchmarks.md).
pub fn read_xlsx(bytes: &[u8]) -> Result<Table, ReadError> {
    if bytes.is_empty() {
        return Err(ReadError::Empty);
    }
    if !bytes.starts_with(b"PK\x03\x04") {
        return Err(ReadError::NotXlsx {
            looks_like: athar_domain::looks_like::looks_like(bytes),
        });
    }
    let corrupt = |e: calamine::XlsxError| ReadError::CorruptXlsx {
        detail: e.to_string(),
    };
    let mut book: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).map_err(corrupt)?;
    let first = book
        .sheet_names()
        .first()
        .cloned()
        .ok_or(ReadError::NoSheet)?;
    let mut reader = book.worksheet_cells_reader(&first).map_err(corrupt)?;
    // Rows from the first non-empty one; cells at their sheet column (shifted at the end if
    // the table does not start in column A).
    let mut rows: Vec<Vec<String>> = Vec::new();
    let mut top = None;
    let mut left = u32::MAX;
    while let Some(cell) = reader.next_cell().map_err(corrupt)? {
        let (row, col) = cell.get_position();
        let value = cell.get_value().clone();
        if matches!(value, DataRef::Empty) {
            continue;
        }
        let r = (row - *top.get_or_insert(row)) as usize;
        if rows.len() <= r {
            rows.resize_with(r + 1, Vec::new);
        }
        let cells = &mut rows[r];
        if cells.len() <= col as usize {
            cells.resize(col as usize + 1, String::new());
        }
        cells[col as usize] = cell_text(value);
        left = left.min(col);
    }
    if left > 0 && left != u32::MAX {
        for r in &mut rows {
            r.drain(..(left as usize).min(r.len()));
        }
    }
    let mut rows = rows.into_iter();
    let headers = rows.next().ok_or(ReadError::Empty)?;
    trim_table(headers, rows.collect())
}
