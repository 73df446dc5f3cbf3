//! Why a workbook could not be opened, edited or saved, as Fluent keys (`xlsx-*`, messages in
//! `locales/{en,ar}/reports.ftl`) with their arguments.

use std::path::PathBuf;

/// Everything that can go wrong. Bad input is always one of these, never a panic.
#[derive(Debug, thiserror::Error)]
pub enum FillError {
    #[error("cannot read or write {path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// Zero bytes.
    #[error("the file is empty")]
    Empty,
    /// Not a zip archive at all: a renamed image, PDF, CSV, an old `.xls`, or an xlsx encrypted
    /// with a password to open (Excel stores those in an OLE container).
    #[error("not an xlsx workbook (the content looks like {looks_like})")]
    NotZip { looks_like: &'static str },
    /// A zip archive, but not a spreadsheet package: no workbook part.
    #[error("the archive is not an xlsx workbook: {missing} is missing")]
    NotXlsx { missing: String },
    /// The archive itself cannot be read: truncated, or its directory is corrupt.
    #[error("the workbook archive is damaged: {detail}")]
    DamagedArchive { detail: String },
    /// One part of the package is corrupt or breaks a rule this crate relies on.
    #[error("the part {part} of the workbook is damaged: {detail}")]
    DamagedPart { part: String, detail: String },
    #[error("the workbook has no sheet named {sheet:?}")]
    MissingSheet { sheet: String },
    /// A chart sheet or dialog sheet: it has no cells.
    #[error("the sheet {sheet:?} is not a worksheet")]
    NotAWorksheet { sheet: String },
    #[error("the workbook has no defined name {name:?}")]
    UnknownName { name: String },
    /// The name exists but does not refer to cells (`#REF!`, a constant, a formula, several
    /// areas).
    #[error("the defined name {name:?} does not refer to a range of cells: {formula}")]
    NameNotCells { name: String, formula: String },
    /// The name covers several cells and was used as if it were one.
    #[error("the defined name {name:?} covers {reference}, not a single cell")]
    NameNotSingleCell { name: String, reference: String },
    /// A cell offset beyond the range the name covers.
    #[error("offset ({row_offset}, {col_offset}) lies outside {reference}, the range of {name:?}")]
    OffsetOutsideName {
        name: String,
        reference: String,
        row_offset: u32,
        col_offset: u32,
    },
    /// Not an A1 reference at all.
    #[error("{reference:?} is not a cell reference such as B7")]
    BadCellRef { reference: String },
    /// An A1 reference beyond column XFD or row 1,048,576.
    #[error("{reference:?} lies outside the sheet (XFD1048576 is the last cell)")]
    CellOutOfRange { reference: String },
    #[error("{value:?} is not a decimal number Excel can hold")]
    BadNumber { value: String },
    #[error("the text is {length} characters long; a cell holds at most 32767")]
    TextTooLong { length: usize },
    /// `set_cached` on a cell that has no formula.
    #[error("{sheet}!{cell} has no formula whose result could be set")]
    NotAFormula { sheet: String, cell: String },
    /// Overwriting the cell would break a formula that other cells share (the anchor of a
    /// shared formula, or a cell of an array formula or data table).
    #[error("{sheet}!{cell} anchors a formula other cells depend on; it cannot be overwritten")]
    FormulaAnchor { sheet: String, cell: String },
}

impl FillError {
    /// The Fluent key of the message (in `reports.ftl`).
    pub fn key(&self) -> &'static str {
        match self {
            FillError::Io { .. } => "xlsx-io",
            FillError::Empty => "xlsx-empty-file",
            FillError::NotZip { .. } => "xlsx-not-zip",
            FillError::NotXlsx { .. } => "xlsx-not-xlsx",
            FillError::DamagedArchive { .. } => "xlsx-damaged-archive",
            FillError::DamagedPart { .. } => "xlsx-damaged-part",
            FillError::MissingSheet { .. } => "xlsx-missing-sheet",
            FillError::NotAWorksheet { .. } => "xlsx-not-a-worksheet",
            FillError::UnknownName { .. } => "xlsx-unknown-name",
            FillError::NameNotCells { .. } => "xlsx-name-not-cells",
            FillError::NameNotSingleCell { .. } => "xlsx-name-not-single-cell",
            FillError::OffsetOutsideName { .. } => "xlsx-offset-outside-name",
            FillError::BadCellRef { .. } => "xlsx-bad-cell-ref",
            FillError::CellOutOfRange { .. } => "xlsx-cell-out-of-range",
            FillError::BadNumber { .. } => "xlsx-bad-number",
            FillError::TextTooLong { .. } => "xlsx-text-too-long",
            FillError::NotAFormula { .. } => "xlsx-not-a-formula",
            FillError::FormulaAnchor { .. } => "xlsx-formula-anchor",
        }
    }

    /// The arguments of [`FillError::key`].
    pub fn args(&self) -> Vec<(String, String)> {
        fn a(k: &str, v: impl ToString) -> (String, String) {
            (k.to_string(), v.to_string())
        }
        match self {
            FillError::Io { path, source } => {
                vec![a("path", path.display()), a("detail", source)]
            }
            FillError::Empty => Vec::new(),
            FillError::NotZip { looks_like } => vec![a("looks_like", looks_like)],
            FillError::NotXlsx { missing } => vec![a("missing", missing)],
            FillError::DamagedArchive { detail } => vec![a("detail", detail)],
            FillError::DamagedPart { part, detail } => vec![a("part", part), a("detail", detail)],
            FillError::MissingSheet { sheet } | FillError::NotAWorksheet { sheet } => {
                vec![a("sheet", sheet)]
            }
            FillError::UnknownName { name } => vec![a("name", name)],
            FillError::NameNotCells { name, formula } => {
                vec![a("name", name), a("formula", formula)]
            }
            FillError::NameNotSingleCell { name, reference } => {
                vec![a("name", name), a("reference", reference)]
            }
            FillError::OffsetOutsideName {
                name,
                reference,
                row_offset,
                col_offset,
            } => vec![
                a("name", name),
                a("reference", reference),
                a("row_offset", row_offset),
                a("col_offset", col_offset),
            ],
            FillError::BadCellRef { reference } | FillError::CellOutOfRange { reference } => {
                vec![a("reference", reference)]
            }
            FillError::BadNumber { value } => vec![a("value", value)],
            FillError::TextTooLong { length } => vec![a("length", length)],
            FillError::NotAFormula { sheet, cell } | FillError::FormulaAnchor { sheet, cell } => {
                vec![a("sheet", sheet), a("cell", cell)]
            }
        }
    }

    pub(crate) fn damaged(part: &str, detail: impl ToString) -> Self {
        FillError::DamagedPart {
            part: part.to_string(),
            detail: detail.to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all() -> Vec<FillError> {
        let s = || "x".to_string();
        vec![
            FillError::Io {
                path: "p".into(),
                source: std::io::Error::other("e"),
            },
            FillError::Empty,
            FillError::NotZip { looks_like: "png" },
            FillError::NotXlsx { missing: s() },
            FillError::DamagedArchive { detail: s() },
            FillError::DamagedPart {
                part: s(),
                detail: s(),
            },
            FillError::MissingSheet { sheet: s() },
            FillError::NotAWorksheet { sheet: s() },
            FillError::UnknownName { name: s() },
            FillError::NameNotCells {
                name: s(),
                formula: s(),
            },
            FillError::NameNotSingleCell {
                name: s(),
                reference: s(),
            },
            FillError::OffsetOutsideName {
                name: s(),
                reference: s(),
                row_offset: 1,
                col_offset: 2,
            },
            FillError::BadCellRef { reference: s() },
            FillError::CellOutOfRange { reference: s() },
            FillError::BadNumber { value: s() },
            FillError::TextTooLong { length: 40000 },
            FillError::NotAFormula {
                sheet: s(),
                cell: s(),
            },
            FillError::FormulaAnchor {
                sheet: s(),
                cell: s(),
            },
        ]
    }

    /// The message of `key` in an .ftl text: its line and the indented lines after it.
    fn message(ftl: &str, key: &str) -> Option<String> {
        let mut lines = ftl
            .lines()
            .skip_while(|l| !l.starts_with(&format!("{key} =")));
        let first = lines.next()?;
        let rest: Vec<&str> = lines
            .take_while(|l| l.starts_with(' ') || l.starts_with('}'))
            .collect();
        Some(
            std::iter::once(first)
                .chain(rest)
                .collect::<Vec<_>>()
                .join("\n"),
        )
    }

    /// Every key has a message in both languages, using exactly the arguments we pass.
    #[test]
    fn every_key_has_english_and_arabic_messages_with_its_arguments() {
        let en = include_str!("../../../locales/en/reports.ftl");
        let ar = include_str!("../../../locales/ar/reports.ftl");
        for e in all() {
            for (lang, text) in [("en", en), ("ar", ar)] {
                let msg = message(text, e.key())
                    .unwrap_or_else(|| panic!("{lang}: no message {}", e.key()));
                let args: Vec<String> = e.args().into_iter().map(|(k, _)| k).collect();
                for arg in &args {
                    assert!(
                        msg.contains(&format!("{{ ${arg}")),
                        "{lang}: {} lacks ${arg}",
                        e.key()
                    );
                }
                for used in msg.split("{ $").skip(1) {
                    let name: String = used
                        .chars()
                        .take_while(|c| c.is_alphanumeric() || *c == '_')
                        .collect();
                    assert!(
                        args.contains(&name),
                        "{lang}: {} uses unknown ${name}",
                        e.key()
                    );
                }
                // It renders, with every argument's value in it.
                let mut bundle = fluent_bundle::FluentBundle::new(vec![lang
                    .parse::<unic_langid::LanguageIdentifier>()
                    .unwrap()]);
                bundle.set_use_isolating(false);
                bundle
                    .add_resource(fluent_bundle::FluentResource::try_new(text.to_string()).unwrap())
                    .unwrap();
                let pattern = bundle.get_message(e.key()).unwrap().value().unwrap();
                let mut fargs = fluent_bundle::FluentArgs::new();
                for (k, v) in e.args() {
                    fargs.set(k, v);
                }
                let mut errors = Vec::new();
                let shown = bundle.format_pattern(pattern, Some(&fargs), &mut errors);
                assert!(errors.is_empty(), "{lang} {}: {errors:?}", e.key());
                for (_, v) in e.args().iter().filter(|(k, _)| k != "looks_like") {
                    assert!(shown.contains(v.as_str()), "{lang} {}: {shown}", e.key());
                }
                if lang == "ar" {
                    assert!(
                        msg.chars().any(|c| ('\u{0600}'..='\u{06FF}').contains(&c)),
                        "{}",
                        e.key()
                    );
                }
            }
        }
    }
}
