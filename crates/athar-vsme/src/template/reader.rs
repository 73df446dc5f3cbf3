//! Named ranges → facts, following EFRAG's converter step by step (`_binder.py`,
//! `_fact_creator.py`, `_tables.py`, `_footnotes.py`):
//!
//! 1. metadata: entry point, currency, entity identifier and scheme, reporting period;
//! 2. binding: each defined name that is a concept's local name (or `Concept_Member`, or
//!    `Concept_unit`) is bound to it; names inside a table's range belong to the table;
//! 3. named periods: the cells named after the baseline and target year members hold years;
//! 4. single-cell facts, then table facts (one per row, dimensions from the same row);
//! 5. footnotes, attached to the facts their rows name.

use std::collections::{BTreeMap, BTreeSet};

use time::Date;

use super::labels::{Domain, Resolution};
use super::units::{resolve_unit, CellUnit, UnitOutcome, UnitProblem};
use super::workbook::{Cell, NamedRange, Workbook};
use super::{Message, Severity, TemplateError, TemplateFacts};
use crate::fact::{
    iso_date, Decimals, DimensionValue, Fact, FactPeriod, FactUnit, FactValue, Provenance,
    ReportInfo,
};
use crate::model::{local_name, Datapoint, FieldKind, Model};
use crate::number_text::cell_number_text;

/// The most cells a named range may span (the largest in template 1.3.0 has 1 560).
const MAX_RANGE_CELLS: u64 = 100_000;

/// A defined name bound to a concept.
#[derive(Debug, Clone)]
struct Bound {
    range: NamedRange,
    concept: String,
    /// A fixed member from a `Concept_Member` name: (axis, member).
    preset: Option<(String, String)>,
}

struct Table {
    primary: Vec<Bound>,
    explicit: Vec<Bound>,
    typed: Vec<Bound>,
}

struct Reader<'m> {
    model: &'m Model,
    wb: Workbook,
    messages: Vec<Message>,
    info: Option<ReportInfo>,
    /// Named periods by member local name → year.
    named_periods: BTreeMap<String, i32>,
    units: BTreeMap<String, NamedRange>,
    domains: BTreeMap<String, Domain>,
    facts: Vec<Fact>,
}

pub fn read(bytes: &[u8]) -> Result<TemplateFacts, TemplateError> {
    let model = Model::get();
    let wb = Workbook::open(bytes)?;
    let mut r = Reader {
        model,
        wb,
        messages: Vec::new(),
        info: None,
        named_periods: BTreeMap::new(),
        units: BTreeMap::new(),
        domains: BTreeMap::new(),
        facts: Vec::new(),
    };
    let info = r.metadata()?;
    r.info = Some(info.clone());
    let (simple, tables) = r.bind();
    for b in &simple {
        r.simple_fact(b);
    }
    for t in &tables {
        r.table_facts(t);
    }
    r.footnotes();
    let mut facts = r.facts;
    facts.sort_by_key(fact_order);
    let mut messages = r.messages;
    messages.sort();
    messages.dedup();
    Ok(TemplateFacts {
        info,
        facts,
        messages,
    })
}

fn fact_order(f: &Fact) -> (String, String, String) {
    (
        f.concept.clone(),
        serde_json::to_string(&f.dimensions).unwrap_or_default(),
        serde_json::to_string(&f.period).unwrap_or_default(),
    )
}

fn arg(k: &str, v: impl Into<String>) -> (String, String) {
    (k.to_string(), v.into())
}

impl Reader<'_> {
    fn note(
        &mut self,
        severity: Severity,
        key: &str,
        args: Vec<(String, String)>,
        cell: Option<String>,
    ) {
        self.messages.push(Message {
            severity,
            key: key.to_string(),
            args,
            cell,
        });
    }

    fn currency(&self) -> String {
        self.info
            .as_ref()
            .map(|i| i.currency.clone())
            .unwrap_or_default()
    }

    /// The first cell of a defined name.
    fn first_cell(&mut self, name: &str) -> Option<(Cell, String)> {
        let range = self.wb.range(name)?.clone();
        let cell = self.wb.cell(&range.sheet, range.first_row, range.first_col);
        Some((cell, range.cell_ref(range.first_row, range.first_col)))
    }

    fn text_of(&mut self, name: &str) -> Option<String> {
        match self.first_cell(name)?.0 {
            Cell::Text(t) => Some(t.trim().to_string()),
            Cell::Number(n) => Some(cell_number_text(n)),
            Cell::Bool(b) => Some(if b { "True" } else { "False" }.to_string()),
            Cell::Date(d) => Some(iso_date::format(d)),
            Cell::Empty | Cell::Error(_) => None,
        }
        .filter(|t| !t.is_empty() && t != "-")
    }

    fn date_of(&mut self, name: &str) -> Result<Date, TemplateError> {
        let missing = || TemplateError::MissingMetadata {
            range: name.to_string(),
        };
        let (cell, _) = self.first_cell(name).ok_or_else(missing)?;
        match cell {
            Cell::Date(d) => Ok(d),
            Cell::Text(t) => parse_date_text(t.trim()).ok_or(TemplateError::BadDate {
                range: name.to_string(),
                value: t,
            }),
            Cell::Empty => Err(missing()),
            other => Err(TemplateError::BadDate {
                range: name.to_string(),
                value: format!("{other:?}"),
            }),
        }
    }

    fn metadata(&mut self) -> Result<ReportInfo, TemplateError> {
        let rules = &self.model.rules;
        let (ep_range, cur_range, id_range, scheme_range, start_range, end_range, name_range) = (
            rules.entry_point_range.clone(),
            rules.currency_range.clone(),
            rules.entity_identifier_range.clone(),
            rules.entity_scheme_range.clone(),
            rules.period_start_range.clone(),
            rules.period_end_range.clone(),
            rules.entity_name_range.clone(),
        );
        if self.wb.range(&ep_range).is_none() {
            return Err(TemplateError::NotATemplate);
        }
        let entry_point = self.text_of(&ep_range).ok_or(TemplateError::NotATemplate)?;
        let tax = &self.model.taxonomy;
        if entry_point != tax.entry_point && !tax.older_entry_points.contains(&entry_point) {
            return Err(TemplateError::UnsupportedTaxonomy { entry_point });
        }
        let required = |r: &mut Self, range: &str| -> Result<String, TemplateError> {
            r.text_of(range)
                .ok_or_else(|| TemplateError::MissingMetadata {
                    range: range.to_string(),
                })
        };
        let currency = required(self, &cur_range)?;
        let entity_identifier = required(self, &id_range)?;
        let scheme_label = required(self, &scheme_range)?;
        let key: String = scheme_label
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>()
            .to_lowercase();
        let entity_scheme = self.model.rules.entity_schemes.get(&key).cloned().ok_or(
            TemplateError::MissingMetadata {
                range: scheme_range.clone(),
            },
        )?;
        if !self.model.currencies.contains(&currency) {
            self.note(
                Severity::Error,
                "vsme-msg-unknown-currency",
                vec![arg("currency", &currency)],
                None,
            );
        }
        let period_start = self.date_of(&start_range)?;
        let period_end = self.date_of(&end_range)?;
        if period_start > period_end {
            return Err(TemplateError::PeriodReversed {
                start: iso_date::format(period_start),
                end: iso_date::format(period_end),
            });
        }
        let entity_name = self.text_of(&name_range).unwrap_or_default();
        let template_version = self.text_of("template_reporting_template_version");
        if entry_point != tax.entry_point {
            self.note(
                Severity::Info,
                "vsme-msg-older-template",
                vec![arg("version", template_version.clone().unwrap_or_default())],
                None,
            );
        }
        let incomplete_label = self
            .text_of("template_label_incomplete")
            .unwrap_or_else(|| "INCOMPLETE".to_string());
        if self
            .text_of("template_overall_validation_status")
            .as_deref()
            == Some(incomplete_label.as_str())
        {
            self.note(
                Severity::Warning,
                "vsme-msg-template-incomplete",
                vec![],
                None,
            );
        }
        Ok(ReportInfo {
            entity_name,
            entity_identifier,
            entity_scheme,
            currency,
            period_start,
            period_end,
            entry_point,
            template_version,
        })
    }

    /// Binds defined names to concepts; returns the single-cell bindings and the tables.
    fn bind(&mut self) -> (Vec<Bound>, Vec<Table>) {
        let model = self.model;
        let mut bound: Vec<Bound> = Vec::new();
        // Abstract members whose cell holds a year (named periods).
        let mut period_holders: Vec<Bound> = Vec::new();
        let mut cubes: Vec<Bound> = Vec::new();
        let mut axes: Vec<Bound> = Vec::new();
        let names: Vec<(String, Result<NamedRange, String>)> = self
            .wb
            .names()
            .map(|(n, r)| (n.clone(), r.clone()))
            .collect();
        for (name, range) in names {
            if name.starts_with("enum_") || name.starts_with("template_") {
                continue;
            }
            let local = model
                .rules
                .name_aliases
                .get(&name)
                .cloned()
                .unwrap_or_else(|| name.clone());
            let concept = format!("vsme:{local}");
            let kind = if model.datapoint(&concept).is_some() {
                Some("datapoint")
            } else if model.hypercubes.iter().any(|h| h.concept == concept) {
                Some("cube")
            } else if model.axis(&concept).is_some() {
                Some("axis")
            } else if model.member(&concept).is_some() {
                Some("member")
            } else {
                None
            };
            let range = match range {
                // A name over a whole sheet would make the reader walk millions of empty cells;
                // no template range comes near this size.
                Ok(r)
                    if u64::from(r.height()) * u64::from(r.last_col - r.first_col + 1)
                        > MAX_RANGE_CELLS =>
                {
                    self.note(
                        Severity::Warning,
                        "vsme-msg-damaged-name",
                        vec![arg("name", &name), arg("detail", "too large")],
                        None,
                    );
                    continue;
                }
                Ok(r) => r,
                Err(detail) => {
                    if kind.is_some() || name.contains('_') {
                        self.note(
                            Severity::Warning,
                            "vsme-msg-damaged-name",
                            vec![arg("name", &name), arg("detail", detail)],
                            None,
                        );
                    }
                    continue;
                }
            };
            let b = |concept: String, preset| Bound {
                range: range.clone(),
                concept,
                preset,
            };
            match kind {
                Some("datapoint") => bound.push(b(concept, None)),
                Some("cube") => cubes.push(b(concept, None)),
                Some("axis") => axes.push(b(concept, None)),
                Some(_) => period_holders.push(b(concept, None)),
                None => {
                    let Some((c, m)) = name.split_once('_') else {
                        continue;
                    };
                    let concept = format!("vsme:{c}");
                    if model.datapoint(&concept).is_none() {
                        continue;
                    }
                    if m == "unit" {
                        self.units.insert(concept, range);
                        continue;
                    }
                    let member = format!("vsme:{m}");
                    let axis = model
                        .explicit_axes_of(&concept)
                        .into_iter()
                        .find(|a| a.members.contains(&member))
                        .map(|a| a.concept.clone());
                    match axis {
                        Some(axis) => bound.push(b(concept, Some((axis, member)))),
                        None => self.note(
                            Severity::Warning,
                            "vsme-msg-unknown-member-name",
                            vec![arg("name", &name)],
                            None,
                        ),
                    }
                }
            }
        }

        // Named periods: the members used as fixed members whose cells hold a year.
        let used: BTreeSet<String> = bound
            .iter()
            .filter_map(|b| b.preset.as_ref().map(|(_, m)| m.clone()))
            .collect();
        for holder in period_holders.iter().filter(|h| used.contains(&h.concept)) {
            let cell = self.wb.cell(
                &holder.range.sheet,
                holder.range.first_row,
                holder.range.first_col,
            );
            let at = holder
                .range
                .cell_ref(holder.range.first_row, holder.range.first_col);
            let year = match &cell {
                Cell::Empty => continue,
                Cell::Text(t) if t.trim().is_empty() || t.trim() == "-" => continue,
                Cell::Number(n) => n.trunc().to_string().parse::<i32>().ok(),
                Cell::Text(t) => t.trim().parse::<i32>().ok(),
                _ => None,
            };
            match year {
                Some(y) => {
                    self.named_periods
                        .insert(local_name(&holder.concept).to_string(), y);
                }
                None => self.note(
                    Severity::Error,
                    "vsme-msg-not-a-year",
                    vec![arg("value", cell_text(&cell))],
                    Some(at),
                ),
            }
        }

        // Tables: the datapoints and axes inside a hypercube's range.
        let mut tables = Vec::new();
        let mut in_table: BTreeSet<String> = BTreeSet::new();
        for cube in &cubes {
            let permitted: BTreeSet<&str> = model
                .hypercubes
                .iter()
                .filter(|h| h.concept == cube.concept)
                .flat_map(|h| h.axes.iter().chain(h.primary_items.iter()))
                .map(String::as_str)
                .collect();
            let inside = |b: &&Bound| {
                cube.range.contains(&b.range) && permitted.contains(b.concept.as_str())
            };
            let primary: Vec<Bound> = bound.iter().filter(inside).cloned().collect();
            let in_axes: Vec<&Bound> = axes.iter().filter(inside).collect();
            let explicit = in_axes
                .iter()
                .filter(|a| {
                    model
                        .axis(&a.concept)
                        .is_some_and(|x| x.typed_element.is_none())
                })
                .map(|b| (*b).clone())
                .collect();
            let typed = in_axes
                .iter()
                .filter(|a| {
                    model
                        .axis(&a.concept)
                        .is_some_and(|x| x.typed_element.is_some())
                })
                .map(|b| (*b).clone())
                .collect();
            in_table.extend(primary.iter().map(|b| b.range.name.clone()));
            tables.push(Table {
                primary,
                explicit,
                typed,
            });
        }
        let simple = bound
            .into_iter()
            .filter(|b| !in_table.contains(&b.range.name))
            .collect();
        (simple, tables)
    }

    fn domain(&mut self, concept: &str) -> &Domain {
        let model = self.model;
        self.domains.entry(concept.to_string()).or_insert_with(|| {
            let (members, _) = super::labels::domain_members(model, concept);
            Domain::new(model, &members)
        })
    }

    /// A member of `concept`'s domain (an enumeration or an explicit axis) for cell text.
    fn member_for(&mut self, concept: &str, text: &str, closest: bool, at: &str) -> Option<String> {
        let model = self.model;
        let res = self.domain(concept).resolve(model, text, closest);
        match res {
            Resolution::Exact(m) | Resolution::Alias(m) => Some(m),
            Resolution::Closest { member, label } => {
                self.note(
                    Severity::Warning,
                    "vsme-msg-closest-option",
                    vec![
                        arg("concept", local_name(concept)),
                        arg("value", text),
                        arg("option", label),
                    ],
                    Some(at.to_string()),
                );
                Some(member)
            }
            Resolution::Ambiguous(ms) => {
                self.note(
                    Severity::Warning,
                    "vsme-msg-ambiguous-option",
                    vec![
                        arg("concept", local_name(concept)),
                        arg("value", text),
                        arg("options", ms.join(", ")),
                    ],
                    Some(at.to_string()),
                );
                None
            }
            Resolution::None => None,
        }
    }

    /// Fills value, text, decimals and unit of a fact for `concept` from a cell; `None` when
    /// the cell makes no fact (messages say why).
    fn value_fact(
        &mut self,
        d: &Datapoint,
        cell: Cell,
        at: &str,
        unit_cell: CellUnit,
        in_table: bool,
        number_format: &str,
    ) -> Option<Fact> {
        let concept = d.concept.clone();
        let bad = |r: &mut Self, key: &str, cell: &Cell| {
            r.note(
                Severity::Warning,
                key,
                vec![
                    arg("concept", local_name(&concept)),
                    arg("value", cell_text(cell)),
                ],
                Some(at.to_string()),
            );
        };
        let mut fact = Fact::new(&d.concept, FactValue::Text(String::new()));
        fact.provenance = Some(Provenance::Template {
            cell: at.to_string(),
        });
        match d.kind {
            k if k.is_numeric() => {
                let Cell::Number(n) = cell else {
                    bad(self, "vsme-msg-not-a-number", &cell);
                    return None;
                };
                fact.value = FactValue::Number(n);
                let mut decimals = decimals_of_format(number_format);
                if number_format.contains('%') {
                    // The cell holds the fraction; its format counts the places of the
                    // percentage, two fewer than those of the fraction.
                    if let Decimals::Places(p) = &mut decimals {
                        *p += 2;
                    }
                    fact.shown_as_percent = true;
                }
                fact.decimals = Some(decimals);
                if k == FieldKind::Monetary {
                    fact.unit = Some(FactUnit::Currency {
                        code: self.currency(),
                    });
                } else {
                    match resolve_unit(self.model, d, unit_cell, in_table, &self.currency()) {
                        UnitOutcome::Unit(u) => fact.unit = Some(u),
                        UnitOutcome::NoFact(problem) => {
                            // A row whose unit is for the other concept of a shared range is
                            // no problem at all.
                            let shared = in_table
                                && matches!(problem, UnitProblem::Unsuitable { .. })
                                && self.shares_unit_range(&d.concept);
                            if !shared {
                                let unit = match &problem {
                                    UnitProblem::Unsuitable { unit } => unit.clone(),
                                    _ => String::new(),
                                };
                                self.note(
                                    Severity::Warning,
                                    "vsme-msg-unit-problem",
                                    vec![arg("concept", local_name(&d.concept)), arg("unit", unit)],
                                    Some(at.to_string()),
                                );
                            }
                            return None;
                        }
                    }
                }
            }
            FieldKind::Boolean => {
                let (b, text) = match &cell {
                    Cell::Bool(b) => (Some(*b), if *b { "True" } else { "False" }.to_string()),
                    Cell::Text(t) => (parse_bool(t), t.clone()),
                    Cell::Number(n) => {
                        let t = cell_number_text(*n);
                        (parse_bool(&t), t)
                    }
                    _ => (None, cell_text(&cell)),
                };
                let Some(b) = b else {
                    bad(self, "vsme-msg-not-a-boolean", &cell);
                    return None;
                };
                fact.value = FactValue::Bool(b);
                fact.text = Some(text);
            }
            FieldKind::Date => {
                let date = match &cell {
                    Cell::Date(d) => Some(*d),
                    Cell::Text(t) => parse_date_text(t.trim()),
                    _ => None,
                };
                let Some(date) = date else {
                    bad(self, "vsme-msg-not-a-date", &cell);
                    return None;
                };
                fact.value = FactValue::Date(date);
            }
            FieldKind::Year => {
                let year = match &cell {
                    Cell::Number(n) if n.fract().is_zero() => n.to_string().parse::<i32>().ok(),
                    Cell::Text(t) => t.trim().parse::<i32>().ok(),
                    _ => None,
                };
                let Some(y) = year else {
                    bad(self, "vsme-msg-not-a-year", &cell);
                    return None;
                };
                fact.value = FactValue::Year(y);
            }
            FieldKind::EnumSingle => {
                let text = cell_text(&cell);
                let Some(m) = self.member_for(&d.concept, &text, true, at) else {
                    bad(self, "vsme-msg-unknown-option", &cell);
                    return None;
                };
                fact.value = FactValue::Members(vec![m]);
                fact.text = Some(text);
            }
            FieldKind::EnumSet => {
                // Only a table row holding several options comes here (joined by spaces, as
                // the converter joins them); it is resolved as one label.
                let text = cell_text(&cell);
                let Some(m) = self.member_for(&d.concept, &text, true, at) else {
                    bad(self, "vsme-msg-unknown-option", &cell);
                    return None;
                };
                fact.value = FactValue::Members(vec![m]);
                fact.text = Some(text);
            }
            FieldKind::Text | FieldKind::TextBlock => {
                fact.value = FactValue::Text(cell_text(&cell));
            }
            _ => {
                fact.value = FactValue::Text(cell_text(&cell));
            }
        }
        Some(fact)
    }

    fn shares_unit_range(&self, concept: &str) -> bool {
        let Some(mine) = self.units.get(concept) else {
            return false;
        };
        self.units.iter().any(|(c, r)| {
            c != concept
                && r.sheet == mine.sheet
                && (r.first_row, r.first_col, r.last_row, r.last_col)
                    == (mine.first_row, mine.first_col, mine.last_row, mine.last_col)
        })
    }

    fn unit_cell(&mut self, concept: &str, row: Option<u32>) -> CellUnit {
        let Some(range) = self.units.get(concept).cloned() else {
            return CellUnit::Absent;
        };
        let r = match row {
            Some(r) if range.height() > 1 && (range.first_row..=range.last_row).contains(&r) => r,
            _ => range.first_row,
        };
        match self.wb.cell(&range.sheet, r, range.first_col) {
            Cell::Empty => CellUnit::Empty,
            Cell::Error(_) => CellUnit::Empty,
            c => CellUnit::Text(cell_text(&c)),
        }
    }

    fn simple_fact(&mut self, b: &Bound) {
        let model = self.model;
        let Some(d) = model.datapoint(&b.concept) else {
            return;
        };
        // Every axis without a default member must be fixed by the name.
        let unset = model.explicit_axes_of(&d.concept).into_iter().any(|a| {
            a.default_member.is_none() && b.preset.as_ref().map(|(x, _)| x) != Some(&a.concept)
        });
        if unset {
            return;
        }
        if d.kind == FieldKind::EnumSet {
            self.enum_set_fact(b, d);
            return;
        }
        let (row, col) = (b.range.first_row, b.range.first_col);
        let at = b.range.cell_ref(row, col);
        let cell = self.wb.cell(&b.range.sheet, row, col);
        if let Cell::Error(e) = &cell {
            self.note(
                Severity::Error,
                "vsme-msg-cell-error",
                vec![arg("value", e.clone())],
                Some(at),
            );
            return;
        }
        if is_blank(&cell) {
            return;
        }
        let fmt = self.wb.number_format(&b.range.sheet, row, col);
        let unit_cell = self.unit_cell(&d.concept, None);
        let Some(mut fact) = self.value_fact(d, cell, &at, unit_cell, false, &fmt) else {
            return;
        };
        if let Some((axis, member)) = &b.preset {
            let default = model.axis(axis).and_then(|a| a.default_member.clone());
            if default.as_deref() != Some(member.as_str()) {
                fact.dimensions
                    .insert(axis.clone(), DimensionValue::Member(member.clone()));
            }
            let name = local_name(member);
            if self.wb.range(name).is_some() {
                if let Some(&year) = self.named_periods.get(name) {
                    fact.period = FactPeriod::Year {
                        name: name.to_string(),
                        year,
                    };
                }
            }
        }
        self.facts.push(fact);
    }

    /// An enumeration set over a range: ticked boxes (TRUE) in the order of the options, or
    /// option labels, or "None" for an explicitly empty set.
    fn enum_set_fact(&mut self, b: &Bound, d: &Datapoint) {
        let model = self.model;
        let members = model
            .enumeration(&d.concept)
            .map(|e| e.members.clone())
            .unwrap_or_default();
        let r = &b.range;
        let mut cells = Vec::new();
        for row in r.first_row..=r.last_row {
            for col in r.first_col..=r.last_col {
                let c = self.wb.cell(&r.sheet, row, col);
                if !c.is_empty() {
                    cells.push((row, col, c));
                }
            }
        }
        let rows: BTreeSet<u32> = cells.iter().map(|(row, _, _)| *row).collect();
        let cols: BTreeSet<u32> = cells.iter().map(|(_, col, _)| *col).collect();
        let (height, width) = (rows.len().max(1), cols.len().max(1));
        let mut chosen: BTreeSet<String> = BTreeSet::new();
        let mut texts: Vec<String> = Vec::new();
        for (row, col, c) in cells {
            let at = r.cell_ref(row, col);
            match c {
                Cell::Bool(false) => {}
                Cell::Bool(true) => {
                    let (ri, ci) = ((row - r.first_row) as usize, (col - r.first_col) as usize);
                    let index = if height == 1 {
                        ci
                    } else if width == 1 || height >= width {
                        ri
                    } else {
                        ci
                    };
                    match members.get(index) {
                        Some(m) => {
                            chosen.insert(m.clone());
                            let label = model
                                .member(m)
                                .map_or_else(|| m.clone(), |x| x.label_en.clone());
                            texts.push(label);
                        }
                        None => self.note(
                            Severity::Error,
                            "vsme-msg-unknown-option",
                            vec![arg("concept", local_name(&d.concept)), arg("value", "TRUE")],
                            Some(at),
                        ),
                    }
                }
                Cell::Text(t) if t == "None" => texts.push(t),
                Cell::Text(t) => {
                    let label = t.strip_prefix("NACE ").unwrap_or(&t).to_string();
                    match self.member_for(&d.concept, &label, true, &at) {
                        Some(m) => {
                            chosen.insert(m);
                            texts.push(t);
                        }
                        None => self.note(
                            Severity::Error,
                            "vsme-msg-unknown-option",
                            vec![
                                arg("concept", local_name(&d.concept)),
                                arg("value", t.clone()),
                            ],
                            Some(at),
                        ),
                    }
                }
                other => self.note(
                    Severity::Error,
                    "vsme-msg-unknown-option",
                    vec![
                        arg("concept", local_name(&d.concept)),
                        arg("value", cell_text(&other)),
                    ],
                    Some(at),
                ),
            }
        }
        let at = r.cell_ref(r.first_row, r.first_col);
        let said_none = texts.iter().any(|t| t == "None");
        if said_none && texts.iter().any(|t| t != "None") {
            self.note(
                Severity::Error,
                "vsme-msg-inconsistent-options",
                vec![arg("concept", local_name(&d.concept))],
                Some(at),
            );
            return;
        }
        if !said_none && chosen.is_empty() {
            return;
        }
        let mut fact = Fact::new(&d.concept, FactValue::Members(chosen.into_iter().collect()));
        fact.text = Some(if said_none {
            "None".to_string()
        } else {
            texts.join("\n")
        });
        fact.provenance = Some(Provenance::Template { cell: at });
        self.facts.push(fact);
    }

    fn table_facts(&mut self, t: &Table) {
        for p in &t.primary {
            let Some(d) = self.model.datapoint(&p.concept) else {
                continue;
            };
            for row in p.range.first_row..=p.range.last_row {
                if !self.table_row(t, p, d, row) {
                    break;
                }
            }
        }
    }

    /// One fact from one row; `false` when the item's remaining rows must be skipped.
    fn table_row(&mut self, t: &Table, p: &Bound, d: &Datapoint, row: u32) -> bool {
        let model = self.model;
        let mut values = Vec::new();
        for col in p.range.first_col..=p.range.last_col {
            let c = self.wb.cell(&p.range.sheet, row, col);
            if !c.is_empty() {
                values.push((col, c));
            }
        }
        let (col, cell) = match values.len() {
            0 => return true,
            1 => values.remove(0),
            _ if d.kind == FieldKind::EnumSet => {
                let joined = values
                    .iter()
                    .map(|(_, c)| cell_text(c))
                    .collect::<Vec<_>>()
                    .join(" ");
                (values[0].0, Cell::Text(joined))
            }
            _ => {
                self.note(
                    Severity::Error,
                    "vsme-msg-several-values",
                    vec![arg("concept", local_name(&d.concept))],
                    Some(p.range.cell_ref(row, values[0].0)),
                );
                return false;
            }
        };
        let at = p.range.cell_ref(row, col);
        if let Cell::Error(e) = &cell {
            self.note(
                Severity::Error,
                "vsme-msg-cell-error",
                vec![arg("value", e.clone())],
                Some(at),
            );
            return true;
        }
        if is_blank(&cell) {
            return true;
        }
        let mut dims: BTreeMap<String, DimensionValue> = BTreeMap::new();
        if let Some((axis, member)) = &p.preset {
            let default = model.axis(axis).and_then(|a| a.default_member.clone());
            if default.as_deref() != Some(member.as_str()) {
                dims.insert(axis.clone(), DimensionValue::Member(member.clone()));
            }
        }
        let mut complete = true;
        for td in &t.typed {
            let r = if td.range.height() > 1 {
                row
            } else {
                td.range.first_row
            };
            let c = self.wb.cell(&td.range.sheet, r, td.range.first_col);
            match c {
                Cell::Empty | Cell::Error(_) => complete = false,
                Cell::Bool(b) => {
                    dims.insert(td.concept.clone(), DimensionValue::Typed(b.to_string()));
                }
                other => {
                    dims.insert(td.concept.clone(), DimensionValue::Typed(cell_text(&other)));
                }
            }
        }
        for ed in &t.explicit {
            let r = if ed.range.height() > 1 {
                row
            } else {
                ed.range.first_row
            };
            let c = self.wb.cell(&ed.range.sheet, r, ed.range.first_col);
            let eat = ed.range.cell_ref(r, ed.range.first_col);
            if c.is_empty() {
                complete = false;
                continue;
            }
            let text = cell_text(&c);
            match self.member_for(&ed.concept, &text, false, &eat) {
                Some(m) => {
                    let default = model
                        .axis(&ed.concept)
                        .and_then(|a| a.default_member.clone());
                    if default.as_deref() != Some(m.as_str()) {
                        dims.insert(ed.concept.clone(), DimensionValue::Member(m));
                    }
                }
                None => {
                    self.note(
                        Severity::Warning,
                        "vsme-msg-unknown-option",
                        vec![arg("concept", local_name(&ed.concept)), arg("value", text)],
                        Some(eat),
                    );
                    complete = false;
                }
            }
        }
        if !complete {
            // The converter only mentions rows whose value is "true" in Python's sense.
            let truthy = match &cell {
                Cell::Bool(b) => *b,
                Cell::Number(n) => !n.is_zero(),
                Cell::Text(t) => !t.is_empty(),
                _ => false,
            };
            if !truthy {
                return true;
            }
            self.note(
                Severity::Warning,
                "vsme-msg-missing-dimension",
                vec![
                    arg("concept", local_name(&d.concept)),
                    arg("value", cell_text(&cell)),
                ],
                Some(at),
            );
            return true;
        }
        let fmt = self.wb.number_format(&p.range.sheet, row, col);
        let unit_cell = self.unit_cell(&d.concept, Some(row));
        let in_table = !matches!(unit_cell, CellUnit::Absent);
        let Some(mut fact) = self.value_fact(d, cell, &at, unit_cell, in_table, &fmt) else {
            return true;
        };
        fact.dimensions = dims;
        self.facts.push(fact);
        true
    }

    fn footnotes(&mut self) {
        let (Some(table), Some(text), Some(refs)) = (
            self.wb.range("footnote_table").cloned(),
            self.wb.range("footnote_text").cloned(),
            self.wb.range("footnote_ref_concept").cloned(),
        ) else {
            return;
        };
        let dims = self.wb.range("footnote_ref_dimension").cloned();
        let sheet = table.sheet.clone();
        // (footnote text, [(concept label, dimension text, cell)])
        type Block = (String, Vec<(String, Option<String>, String)>);
        let mut blocks: Vec<Block> = Vec::new();
        let mut current: Option<String> = None;
        let mut refs_here: Vec<(String, Option<String>, String)> = Vec::new();
        for row in table.first_row..=table.last_row {
            if !self.wb.is_merged_continuation(&sheet, row, text.first_col) {
                if let Some(t) = current.take() {
                    blocks.push((t, std::mem::take(&mut refs_here)));
                }
                refs_here.clear();
                let c = self.wb.cell(&sheet, row, text.first_col);
                current = non_blank_text(&c);
            }
            let dim = dims
                .as_ref()
                .and_then(|d| non_blank_text(&self.wb.cell(&sheet, row, d.first_col)));
            if let Some(label) = non_blank_text(&self.wb.cell(&sheet, row, refs.first_col)) {
                refs_here.push((label, dim, refs.cell_ref(row, refs.first_col)));
            }
        }
        if let Some(t) = current.take() {
            blocks.push((t, refs_here));
        }
        for (note, refs) in blocks {
            let mut targets: BTreeSet<usize> = BTreeSet::new();
            for (label, dim, at) in refs {
                let Some(concept) = self.concept_by_label(&label) else {
                    self.note(
                        Severity::Warning,
                        "vsme-msg-unknown-footnote-ref",
                        vec![arg("label", label)],
                        Some(at),
                    );
                    continue;
                };
                let member = dim.as_deref().and_then(|t| self.member_by_label(t));
                for (i, f) in self.facts.iter().enumerate() {
                    if f.concept != concept {
                        continue;
                    }
                    let hit = match &member {
                        Some(m) => f
                            .dimensions
                            .values()
                            .any(|v| *v == DimensionValue::Member(m.clone())),
                        None => f.dimensions.is_empty(),
                    };
                    if hit {
                        targets.insert(i);
                    }
                }
            }
            for i in targets {
                self.facts[i].footnotes.push(note.clone());
            }
        }
    }

    /// A datapoint named by qname, local name or standard label (any language).
    fn concept_by_label(&self, text: &str) -> Option<String> {
        let t = text.trim();
        if self.model.datapoint(t).is_some() {
            return Some(t.to_string());
        }
        let q = format!("vsme:{t}");
        if self.model.datapoint(&q).is_some() {
            return Some(q);
        }
        let n = super::labels::normalize(t);
        let hits: Vec<&Datapoint> = self
            .model
            .datapoints
            .iter()
            .filter(|d| {
                d.labels.values().any(|l| {
                    let ln = super::labels::normalize(l);
                    l == t || ln == n || ln.to_lowercase() == n.to_lowercase()
                })
            })
            .collect();
        (hits.len() == 1).then(|| hits[0].concept.clone())
    }

    fn member_by_label(&self, text: &str) -> Option<String> {
        let t = text.trim();
        if self.model.member(t).is_some() {
            return Some(t.to_string());
        }
        let q = format!("vsme:{t}");
        if self.model.member(&q).is_some() {
            return Some(q);
        }
        let n = super::labels::normalize(t).to_lowercase();
        let hits: Vec<&str> = self
            .model
            .members
            .iter()
            .filter(|m| super::labels::normalize(&m.label_en).to_lowercase() == n)
            .map(|m| m.qname.as_str())
            .collect();
        (hits.len() == 1).then(|| hits[0].to_string())
    }
}

fn non_blank_text(c: &Cell) -> Option<String> {
    match c {
        Cell::Empty | Cell::Error(_) => None,
        other => {
            let t = cell_text(other).trim().to_string();
            (!t.is_empty() && t != "-").then_some(t)
        }
    }
}

/// An empty cell, or one holding only white space or the template's "-" placeholder.
fn is_blank(c: &Cell) -> bool {
    match c {
        Cell::Empty => true,
        Cell::Text(t) => t.trim().is_empty() || t.trim() == "-",
        _ => false,
    }
}

/// A cell as the converter turns it into text (Python `str`).
pub(crate) fn cell_text(c: &Cell) -> String {
    match c {
        Cell::Empty => String::new(),
        Cell::Number(n) => cell_number_text(*n),
        Cell::Text(t) => t.clone(),
        Cell::Bool(b) => if *b { "True" } else { "False" }.to_string(),
        Cell::Date(d) => format!("{} 00:00:00", iso_date::format(*d)),
        Cell::Error(e) => e.clone(),
    }
}

pub(crate) fn parse_bool(t: &str) -> Option<bool> {
    match t.trim().to_lowercase().as_str() {
        "true" | "1" | "yes" => Some(true),
        "false" | "0" | "no" => Some(false),
        _ => None,
    }
}

/// `2026-01-01` (ISO) or `31/12/2026` (day first), as the converter accepts them.
fn parse_date_text(t: &str) -> Option<Date> {
    if t.contains('-') {
        return iso_date::parse(t.get(..10).unwrap_or(t));
    }
    if t.contains('/') {
        let parts: Vec<&str> = t.split('/').map(str::trim).collect();
        if let [d, m, y] = parts.as_slice() {
            let (d, m, y): (u8, u8, i32) = (d.parse().ok()?, m.parse().ok()?, y.parse().ok()?);
            let y = if y < 100 { 2000 + y } else { y };
            return Date::from_calendar_date(y, time::Month::try_from(m).ok()?, d).ok();
        }
    }
    None
}

/// Decimal places of a number format: the zeros after its decimal point (`0.00` → 2,
/// `0.0%` → 1); none → exact.
fn decimals_of_format(format: &str) -> Decimals {
    if let Some(i) = format.find('.') {
        let zeros = format[i + 1..].chars().take_while(|c| *c == '0').count();
        if zeros > 0 {
            return Decimals::Places(zeros as i32);
        }
    }
    // A "." not followed by zeros ("#.##") counts no places, like the converter's pattern.
    let mut rest = format;
    while let Some(i) = rest.find('.') {
        let zeros = rest[i + 1..].chars().take_while(|c| *c == '0').count();
        if zeros > 0 {
            return Decimals::Places(zeros as i32);
        }
        rest = &rest[i + 1..];
    }
    Decimals::Inf
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_give_decimals() {
        assert_eq!(decimals_of_format("0.00"), Decimals::Places(2));
        assert_eq!(decimals_of_format("0.0000000"), Decimals::Places(7));
        assert_eq!(decimals_of_format("0.00%"), Decimals::Places(2));
        assert_eq!(decimals_of_format("#,##0.000"), Decimals::Places(3));
        assert_eq!(decimals_of_format("General"), Decimals::Inf);
        assert_eq!(decimals_of_format("#,##0"), Decimals::Inf);
    }

    #[test]
    fn dates_and_booleans_as_the_converter_reads_them() {
        use time::macros::date;
        assert_eq!(parse_date_text("2026-01-01"), Some(date!(2026 - 01 - 01)));
        assert_eq!(parse_date_text("31/12/2026"), Some(date!(2026 - 12 - 31)));
        assert_eq!(parse_date_text("soon"), None);
        assert_eq!(parse_bool("YES"), Some(true));
        assert_eq!(parse_bool("no"), Some(false));
        assert_eq!(parse_bool("maybe"), None);
    }
}
