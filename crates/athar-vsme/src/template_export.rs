//! Filling EFRAG's blank digital template 1.3.0 with a report's facts, through its named
//! ranges, so that customers who ask for "the EFRAG template" get exactly that workbook.
//!
//! Why this module exists: the template is the file EU customers know and EFRAG's converter
//! reads. It is filled with `athar-xlsx-fill`, which changes cell values only: protection,
//! styles, validations, formulas elsewhere and the names stay as EFRAG made them. Where a
//! named cell holds a formula (totals, intensities, dates built from year, month and day), the
//! formula is kept and our value becomes its cached result; the year, month and day cells the
//! date formula reads are filled too. Reading the filled workbook back with
//! [`crate::template::facts_from_template`] gives the facts that went in (tested on EFRAG's
//! sample).
//!
//! The blank template is embedded at build time from `shared/reference/vsme/templates/` when
//! present (it is never committed); [`embedded_template`] is `None` otherwise and the caller
//! supplies one (a newer template from EFRAG, for instance).

use std::collections::BTreeMap;

use athar_xlsx_fill::{CellContent, CellRef, CellValue, FillError, Number, Workbook};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::fact::{DimensionValue, Fact, FactPeriod, FactUnit, FactValue, ReportInfo};
use crate::model::{local_name, FieldKind, Model};

static EMBEDDED: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/vsme-template-1.3.0.xlsx"));

/// EFRAG's blank template 1.3.0, if the build found it.
pub fn embedded_template() -> Option<&'static [u8]> {
    (!EMBEDDED.is_empty()).then_some(EMBEDDED)
}

/// A fact that has no place in the template.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Skipped {
    pub concept: String,
    /// Fluent key of the reason.
    pub reason: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FilledTemplate {
    pub bytes: Vec<u8>,
    pub skipped: Vec<Skipped>,
}

/// Why the template cannot be filled.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error("no blank template: the build did not embed one and none was given")]
    NoTemplate,
    #[error("the workbook is not a VSME digital template for taxonomy {expected}")]
    WrongTemplate { expected: String },
    #[error(transparent)]
    Fill(#[from] FillError),
}

impl ExportError {
    pub fn key(&self) -> &'static str {
        match self {
            ExportError::NoTemplate => "vsme-error-no-template",
            ExportError::WrongTemplate { .. } => "vsme-error-wrong-template",
            ExportError::Fill(e) => e.key(),
        }
    }

    pub fn args(&self) -> Vec<(String, String)> {
        match self {
            ExportError::NoTemplate => vec![],
            ExportError::WrongTemplate { expected } => {
                vec![("expected".to_string(), expected.clone())]
            }
            ExportError::Fill(e) => e.args(),
        }
    }
}

/// The template's text for an identifier scheme.
fn scheme_label(model: &Model, uri: &str) -> Option<&'static str> {
    let key = model
        .rules
        .entity_schemes
        .iter()
        .find(|(_, u)| u.as_str() == uri)?
        .0;
    Some(match key.as_str() {
        "lei" => "LEI",
        "duns" => "DUNS",
        "euid" => "EUID",
        "permid" => "PermID",
        _ => return None,
    })
}

struct Writer<'a> {
    wb: Workbook,
    model: &'a Model,
    skipped: Vec<Skipped>,
    /// Rows already given to table keys: (table name, key) → row offset.
    rows: BTreeMap<(String, String), u32>,
    next_row: BTreeMap<String, u32>,
    unit_texts: Vec<(String, String)>,
    /// Unit written in a table's single unit cell, by unit range name.
    shared_units: BTreeMap<String, String>,
}

/// Fills `blank` (template 1.3.0 bytes) with `facts`.
pub fn fill_template(
    blank: &[u8],
    info: &ReportInfo,
    facts: &[Fact],
) -> Result<FilledTemplate, ExportError> {
    let model = Model::get();
    let wb = Workbook::from_bytes(blank.to_vec())?;
    let entry = match wb.named_cell(&model.rules.entry_point_range) {
        Ok(Some(c)) => match c.content {
            CellContent::Text(t) => t,
            _ => String::new(),
        },
        _ => String::new(),
    };
    if entry.trim() != model.taxonomy.entry_point {
        return Err(ExportError::WrongTemplate {
            expected: model.taxonomy.entry_point.clone(),
        });
    }
    let mut w = Writer {
        wb,
        model,
        skipped: Vec::new(),
        rows: BTreeMap::new(),
        next_row: BTreeMap::new(),
        unit_texts: Vec::new(),
        shared_units: BTreeMap::new(),
    };
    w.load_unit_texts();
    w.metadata(info)?;
    let mut sorted: Vec<&Fact> = facts.iter().collect();
    sorted.sort_by_key(|f| crate::company::fact_key(f));
    for f in &sorted {
        w.fact(f)?;
    }
    w.footnotes(&sorted)?;
    let bytes = w.wb.to_bytes()?;
    Ok(FilledTemplate {
        bytes,
        skipped: w.skipped,
    })
}

impl Writer<'_> {
    fn skip(&mut self, f: &Fact, reason: &str) {
        self.skipped.push(Skipped {
            concept: f.concept.clone(),
            reason: reason.to_string(),
        });
    }

    /// Writes a value, keeping a formula as the value's cached result.
    fn put(&mut self, sheet: &str, at: CellRef, value: CellValue) -> Result<(), FillError> {
        let has_formula = self
            .wb
            .cell_at(sheet, at)?
            .is_some_and(|c| c.formula.is_some_and(|f| !f.is_empty()));
        if has_formula {
            let cell = at.to_string();
            self.wb.set_cached(sheet, &cell, value)
        } else {
            self.wb.set_at(sheet, at, value)
        }
    }

    fn put_named(
        &mut self,
        name: &str,
        row: u32,
        col: u32,
        value: CellValue,
    ) -> Result<(), FillError> {
        let (sheet, at) = self.wb.name_cell(name, row, col)?;
        self.put(&sheet, at, value)
    }

    /// A date in a cell whose formula builds it from year, month and day cells: those cells
    /// get the parts and the formula cell its cached text.
    fn put_date(&mut self, sheet: &str, at: CellRef, date: time::Date) -> Result<(), FillError> {
        let text = crate::fact::iso_date::format(date);
        let formula = self.wb.cell_at(sheet, at)?.and_then(|c| c.formula);
        if let Some(f) = formula {
            let parts: Vec<CellRef> = f
                .split("ISBLANK(")
                .skip(1)
                .filter_map(|s| s.split(')').next())
                .filter_map(|r| CellRef::parse(&r.replace('$', "")).ok())
                .collect();
            if parts.len() == 3 {
                let values = [
                    i64::from(date.year()),
                    i64::from(date.month() as u8),
                    i64::from(date.day()),
                ];
                for (cell, v) in parts.iter().zip(values) {
                    self.wb
                        .set_at(sheet, *cell, CellValue::Number(Number::from(v)))?;
                }
            }
            return self.wb.set_cached(sheet, &at.to_string(), text.as_str());
        }
        self.wb.set_at(sheet, at, text.as_str())
    }

    fn metadata(&mut self, info: &ReportInfo) -> Result<(), FillError> {
        let rules = self.model.rules.clone();
        self.put_named(
            &rules.entity_name_range,
            0,
            0,
            info.entity_name.as_str().into(),
        )?;
        self.put_named(
            &rules.entity_identifier_range,
            0,
            0,
            info.entity_identifier.as_str().into(),
        )?;
        if let Some(label) = scheme_label(self.model, &info.entity_scheme) {
            self.put_named(&rules.entity_scheme_range, 0, 0, label.into())?;
        }
        self.put_named(&rules.currency_range, 0, 0, info.currency.as_str().into())?;
        for (name, date) in [
            (&rules.period_start_range, info.period_start),
            (&rules.period_end_range, info.period_end),
        ] {
            let (sheet, at) = self.wb.name_cell(name, 0, 0)?;
            self.put_date(&sheet, at, date)?;
        }
        Ok(())
    }

    fn load_unit_texts(&mut self) {
        for list in [
            "enum_ListUnitMeasurement",
            "enum_ListUnitMeasurement_mass_only",
            "enum_ListHectM2",
        ] {
            let Some(n) = self.wb.defined_name(list) else {
                continue;
            };
            let Some(range) = n.range.clone() else {
                continue;
            };
            for r in 0..range.rows() {
                let Some(at) = range.cell_at(r, 0) else {
                    continue;
                };
                if let Ok(Some(c)) = self.wb.cell_at(&range.sheet, at) {
                    if let CellContent::Text(t) = c.content {
                        if let Some(u) = crate::template::unit_from_text(self.model, &t) {
                            self.unit_texts.push((u, t));
                        }
                    }
                }
            }
        }
    }

    fn unit_text(&self, measure: &str) -> String {
        self.unit_texts
            .iter()
            .find(|(u, _)| u == measure)
            .map(|(_, t)| t.clone())
            .unwrap_or_else(|| local_name(measure).to_string())
    }

    /// The template's text for an enumeration option.
    fn option_text(&self, concept: &str, member: &str) -> String {
        let m = self.model.member(member);
        let label = m.map_or_else(|| local_name(member).to_string(), |m| m.label_en.clone());
        if member.starts_with("nace:") {
            return format!("NACE {label}");
        }
        // The converter's aliases map template texts to labels; use the template's text.
        let _ = concept;
        self.model
            .rules
            .cell_value_labels
            .iter()
            .find(|(_, l)| crate::template::labels_equal(l, &label))
            .map(|(text, _)| text.clone())
            .unwrap_or(label)
    }

    fn value(&self, f: &Fact) -> Option<CellValue> {
        Some(match &f.value {
            FactValue::Number(n) => CellValue::from(*n),
            FactValue::Text(t) => CellValue::Text(t.clone()),
            FactValue::Bool(b) => match f.text.as_deref() {
                Some("True") | Some("False") => CellValue::Bool(*b),
                Some(t) if crate::template::parse_bool(t) == Some(*b) => {
                    CellValue::Text(t.to_string())
                }
                _ => CellValue::Text(if *b { "YES" } else { "NO" }.to_string()),
            },
            FactValue::Year(y) => CellValue::Number(Number::from(i64::from(*y))),
            FactValue::Date(d) => CellValue::Text(crate::fact::iso_date::format(*d)),
            FactValue::Members(ms) => match (&f.text, ms.as_slice()) {
                (Some(t), [_]) => CellValue::Text(t.clone()),
                (None, [m]) => CellValue::Text(self.option_text(&f.concept, m)),
                _ => return None,
            },
        })
    }

    fn fact(&mut self, f: &Fact) -> Result<(), ExportError> {
        let Some(d) = self.model.datapoint(&f.concept) else {
            self.skip(f, "vsme-skip-unknown-datapoint");
            return Ok(());
        };
        let local = local_name(&f.concept).to_string();
        let has_typed = f
            .dimensions
            .values()
            .any(|v| matches!(v, DimensionValue::Typed(_)));
        // A fixed-member cell (`Concept_Member`) or the concept's own cell.
        let member = f.dimensions.values().find_map(|v| match v {
            DimensionValue::Member(m) => Some(m.clone()),
            DimensionValue::Typed(_) => None,
        });
        let by_member = member
            .as_ref()
            .map(|m| format!("{local}_{}", local_name(m)))
            .filter(|n| self.wb.defined_name(n).is_some());
        if let Some(name) = by_member.filter(|_| f.dimensions.len() == 1) {
            return self.single(f, &name);
        }
        if f.dimensions.is_empty() {
            if let FactPeriod::Year { name, year } = &f.period {
                // Baseline or target figure: its `Concept_Member` cell and the member's year.
                let cell = format!("{local}_{name}");
                if self.wb.defined_name(&cell).is_some() {
                    self.put_named(
                        name,
                        0,
                        0,
                        CellValue::Number(Number::from(i64::from(*year))),
                    )?;
                    return self.single(f, &cell);
                }
            }
            if d.kind == FieldKind::EnumSet {
                return self.enum_set(f, &local);
            }
            for name in [
                local.clone(),
                d.dimensions
                    .iter()
                    .filter_map(|a| self.model.axis(a)?.default_member.clone())
                    .map(|m| format!("{local}_{}", local_name(&m)))
                    .next()
                    .unwrap_or_default(),
            ] {
                if !name.is_empty() && self.wb.defined_name(&name).is_some() {
                    return self.single(f, &name);
                }
            }
            self.skip(f, "vsme-skip-no-cell");
            return Ok(());
        }
        if has_typed || member.is_some() {
            return self.table_row(f, &local);
        }
        self.skip(f, "vsme-skip-no-cell");
        Ok(())
    }

    fn single(&mut self, f: &Fact, name: &str) -> Result<(), ExportError> {
        let Some(v) = self.value(f) else {
            self.skip(f, "vsme-skip-no-cell");
            return Ok(());
        };
        let (sheet, at) = self.wb.name_cell(name, 0, 0)?;
        if let FactValue::Date(d) = &f.value {
            self.put_date(&sheet, at, *d)?;
        } else {
            self.put(&sheet, at, v)?;
        }
        // A unit cell beside a single value (waste and material totals, land use).
        if let Some(FactUnit::Measure { measure }) = &f.unit {
            let unit_name = format!("{}_unit", local_name(&f.concept));
            if self.wb.defined_name(&unit_name).is_some() {
                let text = self.unit_text(measure);
                self.put_named(&unit_name, 0, 0, text.as_str().into())?;
            }
        }
        Ok(())
    }

    /// An enumeration set: ticks in the option order, or option texts one per row.
    fn enum_set(&mut self, f: &Fact, local: &str) -> Result<(), ExportError> {
        let FactValue::Members(ms) = &f.value else {
            return Ok(());
        };
        let Some(range) = self.wb.defined_name(local).and_then(|n| n.range.clone()) else {
            self.skip(f, "vsme-skip-no-cell");
            return Ok(());
        };
        let options = self
            .model
            .enumeration(&f.concept)
            .map(|e| e.members.clone())
            .unwrap_or_default();
        let first = range.cell_at(0, 0);
        let ticks = match first {
            Some(at) => matches!(
                self.wb.cell_at(&range.sheet, at)?.map(|c| c.content),
                Some(CellContent::Bool(_))
            ),
            None => false,
        };
        if ticks {
            let across = range.rows() == 1;
            for (i, option) in options.iter().enumerate() {
                let (r, c) = if across { (0, i as u32) } else { (i as u32, 0) };
                let Some(at) = range.cell_at(r, c) else { break };
                self.put(&range.sheet, at, CellValue::Bool(ms.contains(option)))?;
            }
            return Ok(());
        }
        let texts: Vec<String> = match &f.text {
            Some(t) if t.lines().count() == ms.len() => t.lines().map(str::to_string).collect(),
            _ => ms.iter().map(|m| self.option_text(&f.concept, m)).collect(),
        };
        for (i, t) in texts.iter().enumerate() {
            let Some(at) = range.cell_at(i as u32, 0) else {
                self.skip(f, "vsme-skip-table-full");
                break;
            };
            self.put(&range.sheet, at, t.as_str().into())?;
        }
        Ok(())
    }

    /// The template's table (hypercube range) that holds `range_name`'s cells.
    fn table_of(&self, range_name: &str) -> Option<(String, athar_xlsx_fill::RangeRef)> {
        let inner = self.wb.defined_name(range_name)?.range.clone()?;
        self.model
            .hypercubes
            .iter()
            .filter(|h| h.in_template)
            .filter_map(|h| {
                let n = local_name(&h.concept);
                let r = self.wb.defined_name(n)?.range.clone()?;
                (r.sheet == inner.sheet && contains(&r, &inner)).then(|| (n.to_string(), r))
            })
            .next()
    }

    /// Axis ranges inside a table range: (axis concept, range).
    fn axes_in(
        &self,
        table: &athar_xlsx_fill::RangeRef,
    ) -> Vec<(String, athar_xlsx_fill::RangeRef)> {
        let mut out = Vec::new();
        for n in self.wb.defined_names() {
            let Some(r) = &n.range else { continue };
            if r.sheet != table.sheet || !contains(table, r) {
                continue;
            }
            let local = self
                .model
                .rules
                .name_aliases
                .get(&n.name)
                .cloned()
                .unwrap_or_else(|| n.name.clone());
            let concept = format!("vsme:{local}");
            if self.model.axis(&concept).is_some() {
                out.push((concept, r.clone()));
            }
        }
        out
    }

    fn table_row(&mut self, f: &Fact, local: &str) -> Result<(), ExportError> {
        let Some(range) = self.wb.defined_name(local).and_then(|n| n.range.clone()) else {
            self.skip(f, "vsme-skip-no-cell");
            return Ok(());
        };
        let Some((table, table_range)) = self.table_of(local) else {
            self.skip(f, "vsme-skip-no-cell");
            return Ok(());
        };
        let axes = self.axes_in(&table_range);
        // Every dimension of the fact needs its column in this table.
        if f.dimensions
            .keys()
            .any(|a| !axes.iter().any(|(x, _)| x == a))
        {
            self.skip(f, "vsme-skip-no-cell");
            return Ok(());
        }
        // One row per combination of dimension values (and per kind of unit, as mass and
        // volume items share their cells).
        let shares_cells = self.wb.defined_names().iter().any(|n| {
            n.name != local
                && n.range.as_ref() == Some(&range)
                && self.model.datapoint(&format!("vsme:{}", n.name)).is_some()
        });
        let unit_kind = match &f.unit {
            Some(FactUnit::Measure { measure }) if shares_cells => self
                .model
                .unit(measure)
                .map(|u| u.item_type.clone())
                .unwrap_or_default(),
            _ => String::new(),
        };
        let key = format!("{:?}|{unit_kind}", f.dimensions);
        let row = match self.rows.get(&(table.clone(), key.clone())) {
            Some(r) => *r,
            None => {
                let r = *self.next_row.get(&table).unwrap_or(&0);
                if r >= range.rows() {
                    self.skip(f, "vsme-skip-table-full");
                    return Ok(());
                }
                self.next_row.insert(table.clone(), r + 1);
                self.rows.insert((table.clone(), key), r);
                r
            }
        };
        // Dimension cells of the row.
        for (axis, axis_range) in &axes {
            let Some(v) = f.dimensions.get(axis) else {
                continue;
            };
            let Some(at) = axis_range.cell_at(row.min(axis_range.rows() - 1), 0) else {
                continue;
            };
            let text = match v {
                DimensionValue::Typed(t) => t.clone(),
                DimensionValue::Member(m) => self
                    .model
                    .member(m)
                    .map_or_else(|| local_name(m).to_string(), |x| x.label_en.clone()),
            };
            let value = match v {
                DimensionValue::Typed(t) => match t.parse::<i64>() {
                    Ok(n) if n.to_string() == *t => CellValue::Number(Number::from(n)),
                    _ => CellValue::Text(text),
                },
                DimensionValue::Member(_) => CellValue::Text(text),
            };
            self.put(&axis_range.sheet, at, value)?;
        }
        // The value, and the row's unit.
        let Some(v) = self.value(f) else {
            self.skip(f, "vsme-skip-no-cell");
            return Ok(());
        };
        let Some(at) = range.cell_at(row, 0) else {
            self.skip(f, "vsme-skip-table-full");
            return Ok(());
        };
        let mut v = v;
        if let Some(FactUnit::Measure { measure }) = &f.unit {
            let unit_name = format!("{local}_unit");
            if let Some(unit_range) = self
                .wb
                .defined_name(&unit_name)
                .and_then(|n| n.range.clone())
            {
                let shared = unit_range.rows() == 1;
                let (urow, text) = (if shared { 0 } else { row }, self.unit_text(measure));
                if shared {
                    // One unit for every row: the first fact's; later facts are converted.
                    let target = self
                        .shared_units
                        .get(&unit_name)
                        .cloned()
                        .unwrap_or_else(|| measure.clone());
                    if target != *measure {
                        match (convert(f, measure, &target), &v) {
                            (Some(n), CellValue::Number(_)) => v = CellValue::from(n),
                            _ => {
                                self.skip(f, "vsme-skip-unit");
                                return Ok(());
                            }
                        }
                    }
                    self.shared_units.insert(unit_name.clone(), target.clone());
                    let text = self.unit_text(&target);
                    self.put_named(&unit_name, 0, 0, text.as_str().into())?;
                } else {
                    self.put_named(&unit_name, urow, 0, text.as_str().into())?;
                }
            }
        }
        self.put(&range.sheet, at, v)?;
        Ok(())
    }

    /// The footnotes: one block of the Footnotes sheet per text, naming the facts' concepts
    /// by label (and the member, for a fact with one).
    fn footnotes(&mut self, facts: &[&Fact]) -> Result<(), ExportError> {
        let mut by_text: BTreeMap<String, Vec<(String, Option<String>)>> = BTreeMap::new();
        for f in facts {
            for n in &f.footnotes {
                let label = self
                    .model
                    .datapoint(&f.concept)
                    .and_then(|d| d.labels.get("en").cloned())
                    .unwrap_or_else(|| local_name(&f.concept).to_string());
                let member = f.dimensions.values().find_map(|v| match v {
                    DimensionValue::Member(m) => Some(local_name(m).to_string()),
                    DimensionValue::Typed(_) => None,
                });
                let entry = (label, member);
                let list = by_text.entry(n.clone()).or_default();
                if !list.contains(&entry) {
                    list.push(entry);
                }
            }
        }
        if by_text.is_empty() {
            return Ok(());
        }
        let (Some(text), Some(refs)) = (
            self.wb
                .defined_name("footnote_text")
                .and_then(|n| n.range.clone()),
            self.wb
                .defined_name("footnote_ref_concept")
                .and_then(|n| n.range.clone()),
        ) else {
            return Ok(());
        };
        let dims = self
            .wb
            .defined_name("footnote_ref_dimension")
            .and_then(|n| n.range.clone());
        // Blocks are ten rows (merged text cells) in the template.
        const BLOCK: u32 = 10;
        for (i, (note, targets)) in by_text.iter().enumerate() {
            let top = i as u32 * BLOCK;
            let Some(at) = text.cell_at(top, 0) else {
                break;
            };
            self.put(&text.sheet, at, note.as_str().into())?;
            for (j, (label, member)) in targets.iter().take(BLOCK as usize).enumerate() {
                if let Some(at) = refs.cell_at(top + j as u32, 0) {
                    self.put(&refs.sheet, at, label.as_str().into())?;
                }
                if let (Some(m), Some(d)) = (member, &dims) {
                    if let Some(at) = d.cell_at(top + j as u32, 0) {
                        self.put(&d.sheet, at, m.as_str().into())?;
                    }
                }
            }
        }
        Ok(())
    }
}

fn contains(outer: &athar_xlsx_fill::RangeRef, inner: &athar_xlsx_fill::RangeRef) -> bool {
    let (o0, o1) = (outer.first, outer.last);
    let (i0, i1) = (inner.first, inner.last);
    o0.row() <= i0.row() && o0.col() <= i0.col() && o1.row() >= i1.row() && o1.col() >= i1.col()
}

/// A quantity in another unit of the same kind (kg ↔ t, m² ↔ ha ↔ km²).
fn convert(f: &Fact, from: &str, to: &str) -> Option<Decimal> {
    let n = f.number()?;
    let scale = |u: &str| -> Option<(u8, Decimal)> {
        Some(match u {
            "utr:kg" => (0, Decimal::ONE),
            "utr:t" => (0, Decimal::from(1000)),
            "utr:sqm" => (1, Decimal::ONE),
            "utr:ha" => (1, Decimal::from(10_000)),
            "utr:sqkm" => (1, Decimal::from(1_000_000)),
            _ => return None,
        })
    };
    let (a, fa) = scale(from)?;
    let (b, fb) = scale(to)?;
    (a == b).then(|| n * fa / fb)
}
