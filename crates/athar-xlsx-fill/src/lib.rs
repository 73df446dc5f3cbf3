//! Writes values into official workbooks Athar did not make — the Commission's CBAM
//! communication template, EFRAG's VSME digital template — and leaves everything else in them
//! exactly as it was.
//!
//! Why not a spreadsheet library: those that load a workbook into their own model and write it
//! back (umya-spreadsheet, openpyxl-style) drop or rewrite what they do not model — x14 data
//! validations and conditional formats in `extLst`, sheet-protection hashes, calculation
//! features, custom XML — and the templates depend on all of it. Writer-only crates
//! (rust_xlsxwriter) cannot edit an existing file. So this crate edits the package in place:
//! it unzips it (`zip`), rewrites only the worksheet parts that get values as a stream of
//! splices on their original text (`quick-xml` finds where), and copies every other entry's
//! compressed bytes unchanged. See `docs/decisions/015-xlsx-fill-in-place.md`.
//!
//! Text goes in as inline strings (`t="inlineStr"`), not into the shared-string table: Excel
//! and LibreOffice both read them without a repair prompt (they are part of ECMA-376 and what
//! many writers emit), and the shared-string table (958 KB in the VSME template) then stays
//! byte-identical, with no counts or indices to keep in step. Excel moves them into the table
//! the next time it saves. See `docs/decisions/016-xlsx-inline-strings.md`.
//!
//! ```no_run
//! use athar_xlsx_fill::{CellValue, Workbook};
//! # fn main() -> Result<(), athar_xlsx_fill::FillError> {
//! let mut wb = Workbook::open("VSME-Digital-Template-1.3.0.xlsx")?;
//! wb.set_named("NumberOfEmployees", CellValue::number("151")?)?;
//! wb.set("General Information", "E180", "private limited liability undertaking")?;
//! wb.set_named_at("AddressOfSite", 0, 0, "المنطقة الصناعية، العاشر من رمضان")?;
//! wb.save("filled.xlsx")?;
//! # Ok(()) }
//! ```
//!
//! Edits are collected and applied by [`Workbook::to_bytes`] / [`Workbook::save`]; the
//! reading methods show the workbook as opened.

mod cell_ref;
pub mod check;
mod error;
mod package;
mod package_write;
mod sheet_read;
mod sheet_write;
mod value;
mod xml;

use std::collections::BTreeMap;
use std::io::Write;
use std::path::Path;

pub use cell_ref::{column_letters, CellRef, RangeRef, MAX_COL, MAX_ROW};
pub use error::FillError;
pub use package::{DefinedName, SheetInfo, SheetKind, SheetState};
pub use sheet_read::Cell;
pub use value::{CellContent, CellValue, Number, MAX_TEXT_LEN};

use package::{read_workbook, rel_is, rels_name, Package, Relationship};
use package_write::{
    override_matches, remove_elements, request_full_calc, write_package, PartChange,
};
use sheet_read::{read_cells, read_locked_formats, read_shared_strings, Lookup};
use sheet_write::{rewrite, Edit};

/// An xlsx package opened for filling.
pub struct Workbook {
    pkg: Package,
    workbook_part: String,
    sheets: Vec<SheetInfo>,
    names: Vec<DefinedName>,
    rels: Vec<Relationship>,
    shared_strings: Vec<String>,
    locked_formats: Vec<bool>,
    /// Sheet index → cell → edit; the last edit of a cell wins.
    edits: BTreeMap<usize, BTreeMap<CellRef, Edit>>,
    full_calc_on_load: bool,
}

impl Workbook {
    /// Opens the workbook at `path`.
    pub fn open(path: impl AsRef<Path>) -> Result<Self, FillError> {
        let path = path.as_ref();
        let bytes = std::fs::read(path).map_err(|source| FillError::Io {
            path: path.to_path_buf(),
            source,
        })?;
        Workbook::from_bytes(bytes)
    }

    /// Opens a workbook held in memory. Every entry is decompressed and checked here, so a
    /// damaged file fails now rather than on save.
    pub fn from_bytes(bytes: Vec<u8>) -> Result<Self, FillError> {
        let pkg = Package::read(bytes)?;
        let wb = read_workbook(&pkg)?;
        let shared_strings = match wb.rels.iter().find(|r| rel_is(r, "sharedStrings")) {
            Some(rel) => match pkg.get(&rel.target) {
                Some(e) => read_shared_strings(&e.name, &e.data)?,
                None => return Err(FillError::damaged(&rel.target, "the part is missing")),
            },
            None => Vec::new(),
        };
        let locked_formats = match wb.rels.iter().find(|r| rel_is(r, "styles")) {
            Some(rel) => match pkg.get(&rel.target) {
                Some(e) => read_locked_formats(&e.name, &e.data)?,
                None => return Err(FillError::damaged(&rel.target, "the part is missing")),
            },
            None => Vec::new(),
        };
        Ok(Workbook {
            pkg,
            workbook_part: wb.part,
            sheets: wb.sheets,
            names: wb.names,
            rels: wb.rels,
            shared_strings,
            locked_formats,
            edits: BTreeMap::new(),
            full_calc_on_load: false,
        })
    }

    /// The sheets in tab order, hidden ones included.
    pub fn sheets(&self) -> &[SheetInfo] {
        &self.sheets
    }

    /// Every defined name, as in the workbook (hidden and sheet-local ones included).
    pub fn defined_names(&self) -> &[DefinedName] {
        &self.names
    }

    /// The defined name `name` (case-insensitive, as in Excel): the workbook-wide one, or
    /// else the only sheet-local one.
    pub fn defined_name(&self, name: &str) -> Option<&DefinedName> {
        let matching = || {
            self.names
                .iter()
                .filter(|n| n.name.eq_ignore_ascii_case(name))
        };
        matching().find(|n| n.scope.is_none()).or_else(|| {
            let mut it = matching();
            match (it.next(), it.next()) {
                (Some(only), None) => Some(only),
                _ => None,
            }
        })
    }

    /// The cell `row_offset` rows down and `col_offset` columns right of the top-left cell of
    /// the defined name: its sheet and reference.
    pub fn name_cell(
        &self,
        name: &str,
        row_offset: u32,
        col_offset: u32,
    ) -> Result<(String, CellRef), FillError> {
        let n = self
            .defined_name(name)
            .ok_or_else(|| FillError::UnknownName {
                name: name.to_string(),
            })?;
        let range = n.range.as_ref().ok_or_else(|| FillError::NameNotCells {
            name: n.name.clone(),
            formula: n.formula.clone(),
        })?;
        let at =
            range
                .cell_at(row_offset, col_offset)
                .ok_or_else(|| FillError::OffsetOutsideName {
                    name: n.name.clone(),
                    reference: range.to_string(),
                    row_offset,
                    col_offset,
                })?;
        Ok((range.sheet.clone(), at))
    }

    fn single_cell_name(&self, name: &str) -> Result<(String, CellRef), FillError> {
        if let Some(n) = self.defined_name(name) {
            if let Some(range) = &n.range {
                if !range.is_single_cell() {
                    return Err(FillError::NameNotSingleCell {
                        name: n.name.clone(),
                        reference: range.to_string(),
                    });
                }
            }
        }
        self.name_cell(name, 0, 0)
    }

    fn sheet_index(&self, sheet: &str) -> Result<usize, FillError> {
        let i = self
            .sheets
            .iter()
            .position(|s| s.name == sheet)
            .or_else(|| {
                let lower = sheet.to_lowercase();
                self.sheets
                    .iter()
                    .position(|s| s.name.to_lowercase() == lower)
            })
            .ok_or_else(|| FillError::MissingSheet {
                sheet: sheet.to_string(),
            })?;
        if self.sheets[i].kind != SheetKind::Worksheet {
            return Err(FillError::NotAWorksheet {
                sheet: self.sheets[i].name.clone(),
            });
        }
        Ok(i)
    }

    fn lookup(&self) -> Lookup<'_> {
        Lookup {
            shared_strings: &self.shared_strings,
            locked_formats: &self.locked_formats,
        }
    }

    fn sheet_part(&self, i: usize) -> Result<&package::Entry, FillError> {
        let part = &self.sheets[i].part;
        self.pkg
            .get(part)
            .ok_or_else(|| FillError::damaged(part, "the part is missing"))
    }

    /// The cell at `cell` (`"B7"`) of `sheet` as opened, or `None` when the sheet has no such
    /// cell element.
    pub fn cell(&self, sheet: &str, cell: &str) -> Result<Option<Cell>, FillError> {
        let at = CellRef::parse(cell)?;
        self.cell_at(sheet, at)
    }

    /// Like [`Workbook::cell`], with a parsed reference.
    pub fn cell_at(&self, sheet: &str, at: CellRef) -> Result<Option<Cell>, FillError> {
        let i = self.sheet_index(sheet)?;
        let entry = self.sheet_part(i)?;
        let found = read_cells(
            &entry.name,
            &entry.data,
            &self.lookup(),
            &|c| c == at,
            Some(at.row()),
        )?;
        Ok(found.into_iter().next().map(|(_, c)| c))
    }

    /// The single cell a defined name refers to, as opened.
    pub fn named_cell(&self, name: &str) -> Result<Option<Cell>, FillError> {
        let (sheet, at) = self.single_cell_name(name)?;
        self.cell_at(&sheet, at)
    }

    /// Every cell element of `sheet`, in order.
    pub fn cells(&self, sheet: &str) -> Result<Vec<(CellRef, Cell)>, FillError> {
        let i = self.sheet_index(sheet)?;
        let entry = self.sheet_part(i)?;
        read_cells(&entry.name, &entry.data, &self.lookup(), &|_| true, None)
    }

    fn push_edit(
        &mut self,
        sheet: &str,
        at: CellRef,
        value: CellValue,
        keep_formula: bool,
    ) -> Result<(), FillError> {
        value.check()?;
        let i = self.sheet_index(sheet)?;
        self.edits.entry(i).or_default().insert(
            at,
            Edit {
                value,
                keep_formula,
            },
        );
        Ok(())
    }

    /// Sets the value of `cell` (`"B7"`) on `sheet`, replacing any formula; the cell keeps its
    /// style. A cell that does not exist yet is created with its row's or column's style.
    /// Note that a `&str` is text: write numbers with [`CellValue::number`] or a `Decimal`.
    pub fn set(
        &mut self,
        sheet: &str,
        cell: &str,
        value: impl Into<CellValue>,
    ) -> Result<(), FillError> {
        let at = CellRef::parse(cell)?;
        self.push_edit(sheet, at, value.into(), false)
    }

    /// Like [`Workbook::set`], with a parsed reference.
    pub fn set_at(
        &mut self,
        sheet: &str,
        at: CellRef,
        value: impl Into<CellValue>,
    ) -> Result<(), FillError> {
        self.push_edit(sheet, at, value.into(), false)
    }

    /// Sets the cell a single-cell defined name refers to.
    pub fn set_named(&mut self, name: &str, value: impl Into<CellValue>) -> Result<(), FillError> {
        let (sheet, at) = self.single_cell_name(name)?;
        self.push_edit(&sheet, at, value.into(), false)
    }

    /// Sets one cell of a multi-cell defined name: `row_offset` rows down and `col_offset`
    /// columns right of its top-left cell (0, 0 is the top-left cell).
    pub fn set_named_at(
        &mut self,
        name: &str,
        row_offset: u32,
        col_offset: u32,
        value: impl Into<CellValue>,
    ) -> Result<(), FillError> {
        let (sheet, at) = self.name_cell(name, row_offset, col_offset)?;
        self.push_edit(&sheet, at, value.into(), false)
    }

    /// Sets the cached result of the formula in `cell`, keeping the formula, so that readers
    /// that do not calculate (and Excel in manual mode) see our value. The cell must hold a
    /// formula ([`FillError::NotAFormula`] on save otherwise).
    pub fn set_cached(
        &mut self,
        sheet: &str,
        cell: &str,
        value: impl Into<CellValue>,
    ) -> Result<(), FillError> {
        let at = CellRef::parse(cell)?;
        self.push_edit(sheet, at, value.into(), true)
    }

    /// Like [`Workbook::set_cached`], with a parsed reference (e.g. from
    /// [`Workbook::name_cell`]).
    pub fn set_cached_at(
        &mut self,
        sheet: &str,
        at: CellRef,
        value: impl Into<CellValue>,
    ) -> Result<(), FillError> {
        self.push_edit(sheet, at, value.into(), true)
    }

    /// Asks Excel to recalculate every formula when the file is opened
    /// (`<calcPr fullCalcOnLoad="1"/>`). LibreOffice's headless conversion (7.x, default
    /// settings) does not recalculate on load either way and shows the cached results, so
    /// write the results you want seen with [`Workbook::set_cached`].
    pub fn set_full_calc_on_load(&mut self, on: bool) {
        self.full_calc_on_load = on;
    }

    /// How many cells will change on save.
    pub fn pending_edits(&self) -> usize {
        self.edits.values().map(BTreeMap::len).sum()
    }

    /// The names of the package's parts (zip entries), in archive order.
    pub fn part_names(&self) -> impl Iterator<Item = &str> {
        self.pkg.entries.iter().map(|e| e.name.as_str())
    }

    /// A part's bytes as opened (decompressed), e.g. `docProps/custom.xml`.
    pub fn part(&self, name: &str) -> Option<&[u8]> {
        self.pkg.get(name).map(|e| e.data.as_slice())
    }

    /// The workbook with the edits applied, as xlsx bytes. Nothing changes in `self`; the
    /// same edits always give the same bytes.
    pub fn to_bytes(&self) -> Result<Vec<u8>, FillError> {
        let mut changes: BTreeMap<String, PartChange> = BTreeMap::new();
        let mut formula_removed = false;
        for (&i, edits) in &self.edits {
            if edits.is_empty() {
                continue;
            }
            let entry = self.sheet_part(i)?;
            let out = rewrite(&self.sheets[i].name, &entry.name, &entry.data, edits)?;
            formula_removed |= out.formula_removed;
            changes.insert(entry.name.clone(), PartChange::Replace(out.xml));
        }
        if formula_removed {
            self.drop_calc_chain(&mut changes)?;
        }
        if self.full_calc_on_load {
            let entry = self
                .pkg
                .get(&self.workbook_part)
                .ok_or_else(|| FillError::damaged(&self.workbook_part, "the part is missing"))?;
            let xml = request_full_calc(&entry.name, &entry.data)?;
            changes.insert(entry.name.clone(), PartChange::Replace(xml));
        }
        write_package(&self.pkg, &changes)
    }

    /// Removes `calcChain.xml`, its relationship and its content type: Excel rebuilds the
    /// chain, whereas a chain naming a cell that no longer has a formula makes it repair the
    /// file.
    fn drop_calc_chain(&self, changes: &mut BTreeMap<String, PartChange>) -> Result<(), FillError> {
        let Some(rel) = self
            .rels
            .iter()
            .find(|r| rel_is(r, "calcChain") && !r.external)
        else {
            return Ok(());
        };
        if let Some(entry) = self.pkg.get(&rel.target) {
            changes.insert(entry.name.clone(), PartChange::Remove);
        }
        let rels_part = rels_name(&self.workbook_part);
        if let Some(entry) = self.pkg.get(&rels_part) {
            let id = rel.id.clone();
            let xml = remove_elements(&entry.name, &entry.data, "Relationship", &|attrs| {
                attrs.iter().any(|(k, v)| k == "Id" && *v == id)
            })?;
            changes.insert(entry.name.clone(), PartChange::Replace(xml));
        }
        let ct = "[Content_Types].xml";
        if let Some(entry) = self.pkg.get(ct) {
            let target = rel.target.clone();
            let xml = remove_elements(&entry.name, &entry.data, "Override", &|attrs| {
                override_matches(attrs, &target)
            })?;
            changes.insert(entry.name.clone(), PartChange::Replace(xml));
        }
        Ok(())
    }

    /// Saves to `path` atomically: the bytes go to a temporary file in the same folder, which
    /// is flushed to disk and then renamed over `path`. On any error `path` is untouched and
    /// the temporary file is removed. An existing file keeps its permissions; a new one is
    /// readable by its owner only (it holds company data).
    pub fn save(&self, path: impl AsRef<Path>) -> Result<(), FillError> {
        let path = path.as_ref();
        let bytes = self.to_bytes()?;
        let io = |source: std::io::Error| FillError::Io {
            path: path.to_path_buf(),
            source,
        };
        let dir = match path.parent() {
            Some(d) if !d.as_os_str().is_empty() => d,
            _ => Path::new("."),
        };
        let mut tmp = tempfile::Builder::new()
            .prefix(".athar-xlsx-")
            .suffix(".tmp")
            .tempfile_in(dir)
            .map_err(io)?;
        tmp.write_all(&bytes).map_err(io)?;
        if let Ok(meta) = std::fs::metadata(path) {
            tmp.as_file()
                .set_permissions(meta.permissions())
                .map_err(io)?;
        }
        tmp.as_file().sync_all().map_err(io)?;
        tmp.persist(path).map_err(|e| io(e.error))?;
        Ok(())
    }
}
