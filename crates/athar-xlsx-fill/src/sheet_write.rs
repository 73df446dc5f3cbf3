//! Rewriting one worksheet part with new cell values, as a list of splices on the original
//! text: every byte outside the cells we change (and the few tags we must adjust) is copied as
//! it was, so conditional formats, validations, protection, extensions and anything this
//! crate does not know about survive untouched.
//!
//! Rules kept so that Excel opens the result without a repair prompt:
//! rows ascending by `r`, cells ascending by column within a row, no duplicates; `<c>`
//! children in schema order (`f`, `v`, `is`, `extLst`); new rows and cells carry explicit
//! `r`; `<dimension>` and a row's `spans` cover the new cells; a shared formula's anchor or a
//! cell under an array formula is never overwritten (other cells depend on it).

use std::collections::BTreeMap;
use std::ops::Range;

use quick_xml::events::Event;

use crate::cell_ref::{column_letters, split_a1, CellRef};
use crate::value::{escape_attr, escape_text, CellValue};
use crate::xml::{self, attr, attributes, local, part_text, prefix};
use crate::FillError;

/// One change to one cell.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Edit {
    pub value: CellValue,
    /// Keep the cell's formula and set only its cached result.
    pub keep_formula: bool,
}

pub(crate) struct Rewritten {
    pub xml: Vec<u8>,
    /// A formula was replaced by a value: the calculation chain no longer matches.
    pub formula_removed: bool,
}

struct Splices(Vec<(Range<usize>, String)>);

impl Splices {
    fn insert(&mut self, at: usize, text: String) {
        if !text.is_empty() {
            self.0.push((at..at, text));
        }
    }
    fn replace(&mut self, range: Range<usize>, text: String) {
        self.0.push((range, text));
    }
    fn apply(mut self, bom: &[u8], text: &str) -> Vec<u8> {
        // Stable: insertions at one position keep the order they were made in.
        self.0.sort_by_key(|(r, _)| r.start);
        let extra: usize = self.0.iter().map(|(_, t)| t.len()).sum();
        let mut out = Vec::with_capacity(bom.len() + text.len() + extra);
        out.extend_from_slice(bom);
        let mut pos = 0;
        for (range, new) in &self.0 {
            debug_assert!(range.start >= pos, "overlapping splices");
            out.extend_from_slice(&text.as_bytes()[pos..range.start]);
            out.extend_from_slice(new.as_bytes());
            pos = range.end;
        }
        out.extend_from_slice(&text.as_bytes()[pos..]);
        out
    }
}

/// The cell being read, from its start tag to its end.
struct OpenCell {
    at: CellRef,
    start: usize,
    attrs: Vec<(String, String)>,
    qname: String,
    /// The `<f>` element as written, and its `t` and `ref` attributes.
    formula: Option<Range<usize>>,
    formula_type: Option<String>,
    formula_ref: Option<String>,
    formula_open: bool,
    ext: Option<Range<usize>>,
    ext_depth: usize,
    edit: Option<Edit>,
}

struct OpenRow {
    r: u32,
    last_col: u32,
    /// Edits of this row not yet placed, by column.
    edits: BTreeMap<u32, Edit>,
    new_cell_style: Option<u32>,
}

/// Rewrites `bytes` (a worksheet part) with `edits`.
pub(crate) fn rewrite(
    sheet: &str,
    part: &str,
    bytes: &[u8],
    edits: &BTreeMap<CellRef, Edit>,
) -> Result<Rewritten, FillError> {
    let (bom_len, text) = part_text(part, bytes)?;
    let mut r = xml::reader(text);
    let mut splices = Splices(Vec::new());
    // Rows with edits not yet reached.
    let mut pending: BTreeMap<u32, BTreeMap<u32, Edit>> = BTreeMap::new();
    for (at, e) in edits {
        pending
            .entry(at.row())
            .or_default()
            .insert(at.col(), e.clone());
    }
    let mut formula_removed = false;
    let mut depth = 0usize;
    let mut cols: Vec<(u32, u32, Option<u32>)> = Vec::new();
    let mut dimension: Option<(Range<usize>, String, String, bool)> = None;
    let mut sheet_data: Option<String> = None; // element prefix, once inside
    let mut saw_sheet_data = false;
    let mut prev_row = 0u32;
    let mut row: Option<OpenRow> = None;
    let mut cell: Option<OpenCell> = None;
    // Areas covered by array formulas and data tables seen so far: (first, last).
    let mut arrays: Vec<(CellRef, CellRef)> = Vec::new();
    let ctx = Ctx { sheet };

    loop {
        let start = r.buffer_position() as usize;
        let ev = r.read_event().map_err(|e| xml::xml_error(part, &r, e))?;
        let end = r.buffer_position() as usize;
        let is_empty = matches!(ev, Event::Empty(_));
        match ev {
            Event::Start(e) | Event::Empty(e) => {
                let qname = e.name().as_ref().to_string();
                let name = local(&qname);
                // Inside a cell: note the formula and the extension list.
                if let Some(c) = cell.as_mut() {
                    if c.ext.is_some() && c.ext_depth > 0 {
                        if !is_empty {
                            c.ext_depth += 1;
                        }
                    } else if name == "f" && depth == 4 {
                        c.formula = Some(start..end);
                        c.formula_type = attr(part, &e, "t")?;
                        c.formula_ref = attr(part, &e, "ref")?;
                        c.formula_open = !is_empty;
                    } else if name == "extLst" && depth == 4 {
                        c.ext = Some(start..end);
                        c.ext_depth = usize::from(!is_empty);
                    }
                } else if sheet_data.is_some() && depth == 2 && name == "row" {
                    let rnum = match attr(part, &e, "r")? {
                        Some(v) => v
                            .parse::<u32>()
                            .ok()
                            .filter(|n| (1..=crate::cell_ref::MAX_ROW).contains(n))
                            .ok_or_else(|| FillError::damaged(part, format!("row r={v:?}")))?,
                        None => prev_row + 1,
                    };
                    if rnum <= prev_row {
                        return Err(FillError::damaged(
                            part,
                            format!("row {rnum} comes after row {prev_row}"),
                        ));
                    }
                    prev_row = rnum;
                    let row_prefix = prefix(&qname).to_string();
                    // New rows that go before this one.
                    let before: Vec<u32> = pending.range(..rnum).map(|(k, _)| *k).collect();
                    let mut inserted = String::new();
                    for k in before {
                        let cells = pending.remove(&k).unwrap_or_default();
                        inserted.push_str(&new_row(&ctx, &row_prefix, k, &cells, &cols)?);
                    }
                    splices.insert(start, inserted);
                    let row_edits = pending.remove(&rnum);
                    let attrs = attributes(part, &e)?;
                    let has_r = attrs.iter().any(|(k, _)| k == "r");
                    if let Some(row_edits) = row_edits {
                        let row_style = row_style(&attrs);
                        let mut new_attrs = attrs.clone();
                        if !has_r {
                            new_attrs.insert(0, ("r".to_string(), rnum.to_string()));
                        }
                        widen_spans(&mut new_attrs, &row_edits);
                        let tag = start_tag(&qname, &new_attrs, false);
                        if is_empty {
                            // <row .../> becomes <row ...>new cells</row>.
                            let cells =
                                new_cells(&ctx, &row_prefix, rnum, &row_edits, row_style, &cols)?;
                            splices.replace(start..end, format!("{tag}{cells}</{qname}>"));
                        } else {
                            if new_attrs != attrs {
                                splices.replace(start..end, tag);
                            }
                            row = Some(OpenRow {
                                r: rnum,
                                last_col: 0,
                                edits: row_edits,
                                new_cell_style: row_style,
                            });
                        }
                    } else {
                        if !has_r {
                            splices.insert(start + 1 + qname.len(), format!(" r=\"{rnum}\""));
                        }
                        if !is_empty {
                            row = Some(OpenRow {
                                r: rnum,
                                last_col: 0,
                                edits: BTreeMap::new(),
                                new_cell_style: None,
                            });
                        }
                    }
                } else if depth == 3 && name == "c" && row.is_some() {
                    let open_row = row.as_mut().expect("checked");
                    let (col, has_r) = match attr(part, &e, "r")? {
                        Some(v) => match split_a1(v.as_bytes()) {
                            Some((Some(c), Some(rr))) if rr == open_row.r => (c, true),
                            _ => {
                                return Err(FillError::damaged(
                                    part,
                                    format!("cell r={v:?} in row {}", open_row.r),
                                ))
                            }
                        },
                        None => (open_row.last_col + 1, false),
                    };
                    if col <= open_row.last_col {
                        return Err(FillError::damaged(
                            part,
                            format!(
                                "row {}: cell {} is duplicated or out of order",
                                open_row.r,
                                column_letters(col)
                            ),
                        ));
                    }
                    open_row.last_col = col;
                    let at = CellRef::new(open_row.r, col)
                        .ok_or_else(|| FillError::damaged(part, "cell outside the sheet"))?;
                    // New cells that go before this one.
                    let rest = open_row.edits.split_off(&col);
                    let before = std::mem::replace(&mut open_row.edits, rest);
                    let row_prefix = prefix(&qname).to_string();
                    splices.insert(
                        start,
                        new_cells(
                            &ctx,
                            &row_prefix,
                            open_row.r,
                            &before,
                            open_row.new_cell_style,
                            &cols,
                        )?,
                    );
                    let edit = open_row.edits.remove(&col);
                    if edit.is_none() && !has_r {
                        splices.insert(start + 1 + qname.len(), format!(" r=\"{at}\""));
                    }
                    // A cell under an array formula anchored elsewhere belongs to that formula.
                    if edit.is_some() && arrays.iter().any(|(f, l)| in_area(at, *f, *l) && at != *f)
                    {
                        return Err(FillError::FormulaAnchor {
                            sheet: sheet.to_string(),
                            cell: at.to_string(),
                        });
                    }
                    // Only an edited cell is rebuilt, so only its attributes are needed.
                    let mut attrs = if edit.is_some() {
                        attributes(part, &e)?
                    } else {
                        Vec::new()
                    };
                    if !has_r {
                        attrs.insert(0, ("r".to_string(), at.to_string()));
                    }
                    let open = OpenCell {
                        at,
                        start,
                        attrs,
                        qname,
                        formula: None,
                        formula_type: None,
                        formula_ref: None,
                        formula_open: false,
                        ext: None,
                        ext_depth: 0,
                        edit,
                    };
                    if is_empty {
                        formula_removed |=
                            close_cell(&ctx, open, end, text, &mut splices, &mut arrays)?;
                    } else {
                        cell = Some(open);
                    }
                } else if depth == 1 && name == "dimension" {
                    let reference = attr(part, &e, "ref")?.unwrap_or_default();
                    dimension = Some((start..end, qname.clone(), reference, is_empty));
                } else if depth == 1 && name == "sheetData" {
                    saw_sheet_data = true;
                    let p = prefix(&qname).to_string();
                    if is_empty {
                        let mut rows = String::new();
                        for (k, cells) in std::mem::take(&mut pending) {
                            rows.push_str(&new_row(&ctx, &p, k, &cells, &cols)?);
                        }
                        splices.replace(start..end, format!("<{qname}>{rows}</{qname}>"));
                    } else {
                        sheet_data = Some(p);
                    }
                } else if depth == 2 && name == "col" {
                    let min = attr(part, &e, "min")?.and_then(|v| v.parse().ok());
                    let max = attr(part, &e, "max")?.and_then(|v| v.parse().ok());
                    let style = attr(part, &e, "style")?.and_then(|v| v.parse().ok());
                    if let (Some(min), Some(max)) = (min, max) {
                        cols.push((min, max, style));
                    }
                }
                if !is_empty {
                    depth += 1;
                }
            }
            Event::End(e) => {
                depth = depth.saturating_sub(1);
                let qname = e.name().as_ref().to_string();
                let name = local(&qname);
                if let Some(c) = cell.as_mut() {
                    if c.ext_depth > 0 {
                        c.ext_depth -= 1;
                        if c.ext_depth == 0 {
                            if let Some(x) = c.ext.as_mut() {
                                x.end = end;
                            }
                        }
                        continue;
                    }
                    if name == "f" && c.formula_open {
                        if let Some(f) = c.formula.as_mut() {
                            f.end = end;
                        }
                        c.formula_open = false;
                    } else if name == "c" && depth == 3 {
                        let open = cell.take().expect("checked");
                        formula_removed |=
                            close_cell(&ctx, open, end, text, &mut splices, &mut arrays)?;
                    }
                } else if name == "row" && depth == 2 {
                    if let Some(open_row) = row.take() {
                        let p = prefix(&qname).to_string();
                        splices.insert(
                            start,
                            new_cells(
                                &ctx,
                                &p,
                                open_row.r,
                                &open_row.edits,
                                open_row.new_cell_style,
                                &cols,
                            )?,
                        );
                    }
                } else if name == "sheetData" && depth == 1 {
                    let p = sheet_data.take().unwrap_or_default();
                    let mut rows = String::new();
                    for (k, cells) in std::mem::take(&mut pending) {
                        rows.push_str(&new_row(&ctx, &p, k, &cells, &cols)?);
                    }
                    splices.insert(start, rows);
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if depth != 0 {
        return Err(FillError::damaged(part, "the XML ends inside an element"));
    }
    if !saw_sheet_data {
        return Err(FillError::damaged(part, "no <sheetData>"));
    }
    if let Some((range, qname, reference, is_empty)) = dimension {
        if let Some(widened) = widen_dimension(&reference, edits) {
            let close = if is_empty { "/" } else { "" };
            splices.replace(range, format!("<{qname} ref=\"{widened}\"{close}>"));
        }
    }
    Ok(Rewritten {
        xml: splices.apply(&bytes[..bom_len], text),
        formula_removed,
    })
}

struct Ctx<'a> {
    sheet: &'a str,
}

fn in_area(at: CellRef, first: CellRef, last: CellRef) -> bool {
    (first.row()..=last.row()).contains(&at.row()) && (first.col()..=last.col()).contains(&at.col())
}

/// Parses an area such as `B3:D7` or `B3`.
fn area(reference: &str) -> Option<(CellRef, CellRef)> {
    let (a, b) = reference.split_once(':').unwrap_or((reference, reference));
    match (split_a1(a.as_bytes())?, split_a1(b.as_bytes())?) {
        ((Some(c1), Some(r1)), (Some(c2), Some(r2))) => {
            Some((CellRef::new(r1, c1)?, CellRef::new(r2, c2)?))
        }
        _ => None,
    }
}

/// Finishes a cell ending at `end`: records array formulas, and replaces the cell when it is
/// edited. Returns whether a formula was removed.
fn close_cell(
    ctx: &Ctx,
    c: OpenCell,
    end: usize,
    text: &str,
    splices: &mut Splices,
    arrays: &mut Vec<(CellRef, CellRef)>,
) -> Result<bool, FillError> {
    let anchors_others = match c.formula_type.as_deref() {
        Some("array") | Some("dataTable") => {
            let covered = c.formula_ref.as_deref().and_then(area);
            if let Some((first, last)) = covered {
                arrays.push((first, last));
                first != last
            } else {
                false
            }
        }
        Some("shared") => c.formula_ref.is_some(),
        _ => false,
    };
    let Some(edit) = c.edit else {
        return Ok(false);
    };
    let formula_text = c.formula.as_ref().map(|f| &text[f.clone()]);
    let p = prefix(&c.qname).to_string();
    // The new start tag's attributes and type, and the children in schema order.
    let (attrs, cell_type, mut children, removed): (Vec<_>, _, String, bool) = if edit.keep_formula
    {
        let Some(f) = formula_text else {
            return Err(FillError::NotAFormula {
                sheet: ctx.sheet.to_string(),
                cell: c.at.to_string(),
            });
        };
        // Keep `cm` (formula metadata), drop `vm` (value metadata) with the old value.
        let attrs = c.attrs.into_iter().filter(|(k, _)| k != "t" && k != "vm");
        let mut children = f.to_string();
        match &edit.value {
            CellValue::Empty => {}
            CellValue::Number(n) => push_v(&mut children, &p, n.as_str()),
            CellValue::Bool(b) => push_v(&mut children, &p, if *b { "1" } else { "0" }),
            CellValue::Text(t) => {
                let mut escaped = String::new();
                escape_text(t, &mut escaped);
                push_v(&mut children, &p, &escaped);
            }
        }
        (attrs.collect(), cached_type(&edit.value), children, false)
    } else {
        if anchors_others {
            return Err(FillError::FormulaAnchor {
                sheet: ctx.sheet.to_string(),
                cell: c.at.to_string(),
            });
        }
        let attrs = c
            .attrs
            .into_iter()
            .filter(|(k, _)| k != "t" && k != "vm" && k != "cm");
        let mut children = String::new();
        push_value(&mut children, &p, &edit.value);
        (
            attrs.collect(),
            value_type(&edit.value),
            children,
            formula_text.is_some(),
        )
    };
    if let Some(x) = &c.ext {
        children.push_str(&text[x.clone()]);
    }
    let out = if children.is_empty() {
        // `<c r="B2" s="3"/>`
        let mut tag = cell_open(&c.qname, &attrs, cell_type);
        tag.pop();
        tag.push_str("/>");
        tag
    } else {
        format!(
            "{}{children}</{}>",
            cell_open(&c.qname, &attrs, cell_type),
            c.qname
        )
    };
    splices.replace(c.start..end, out);
    Ok(removed)
}

fn push_v(out: &mut String, p: &str, escaped: &str) {
    out.push_str(&format!("<{p}v>{escaped}</{p}v>"));
}

/// `t` of a plain value cell.
fn value_type(v: &CellValue) -> Option<&'static str> {
    match v {
        CellValue::Number(_) | CellValue::Empty => None,
        CellValue::Text(_) => Some("inlineStr"),
        CellValue::Bool(_) => Some("b"),
    }
}

/// `t` of a formula cell's cached result.
fn cached_type(v: &CellValue) -> Option<&'static str> {
    match v {
        CellValue::Number(_) | CellValue::Empty => None,
        CellValue::Text(_) => Some("str"),
        CellValue::Bool(_) => Some("b"),
    }
}

/// The children of a value cell: `<v>` or an inline string.
fn push_value(out: &mut String, p: &str, v: &CellValue) {
    match v {
        CellValue::Empty => {}
        CellValue::Number(n) => push_v(out, p, n.as_str()),
        CellValue::Bool(b) => push_v(out, p, if *b { "1" } else { "0" }),
        CellValue::Text(t) => {
            let mut escaped = String::new();
            escape_text(t, &mut escaped);
            let keep_space = t.starts_with(char::is_whitespace)
                || t.ends_with(char::is_whitespace)
                || t.contains(['\n', '\t', '\r']);
            let space = if keep_space {
                " xml:space=\"preserve\""
            } else {
                ""
            };
            out.push_str(&format!("<{p}is><{p}t{space}>{escaped}</{p}t></{p}is>"));
        }
    }
}

/// `<c r s t ...>`: the attributes in their order, `t` after `s` (or `r`), where Excel puts it.
fn cell_open(qname: &str, attrs: &[(String, String)], t: Option<&str>) -> String {
    let Some(t) = t else {
        return start_tag(qname, attrs, false);
    };
    let after = if attrs.iter().any(|(k, _)| k == "s") {
        "s"
    } else {
        "r"
    };
    let mut all: Vec<(String, String)> = Vec::with_capacity(attrs.len() + 1);
    let mut placed = false;
    for (k, v) in attrs {
        all.push((k.clone(), v.clone()));
        if !placed && k == after {
            all.push(("t".to_string(), t.to_string()));
            placed = true;
        }
    }
    if !placed {
        all.push(("t".to_string(), t.to_string()));
    }
    start_tag(qname, &all, false)
}

fn start_tag(qname: &str, attrs: &[(String, String)], empty: bool) -> String {
    let mut s = format!("<{qname}");
    for (k, v) in attrs {
        s.push(' ');
        s.push_str(k);
        s.push_str("=\"");
        escape_attr(v, &mut s);
        s.push('"');
    }
    s.push_str(if empty { "/>" } else { ">" });
    s
}

/// The style a new cell in this row takes: the row's, when the row has a custom format.
fn row_style(attrs: &[(String, String)]) -> Option<u32> {
    let custom = attrs
        .iter()
        .any(|(k, v)| k == "customFormat" && (v == "1" || v == "true"));
    if !custom {
        return None;
    }
    attrs
        .iter()
        .find(|(k, _)| k == "s")
        .and_then(|(_, v)| v.parse().ok())
}

/// The style a new cell takes: its row's custom format, else its column's, else none;
/// what Excel does when someone types into an empty cell.
fn new_cell_style(
    row_style: Option<u32>,
    cols: &[(u32, u32, Option<u32>)],
    col: u32,
) -> Option<u32> {
    row_style
        .or_else(|| {
            cols.iter()
                .find(|(min, max, _)| (*min..=*max).contains(&col))
                .and_then(|(_, _, s)| *s)
        })
        .filter(|s| *s != 0)
}

fn new_cells(
    ctx: &Ctx,
    p: &str,
    row: u32,
    edits: &BTreeMap<u32, Edit>,
    row_style: Option<u32>,
    cols: &[(u32, u32, Option<u32>)],
) -> Result<String, FillError> {
    let mut out = String::new();
    for (col, edit) in edits {
        let at = CellRef::new(row, *col).expect("edits are on the sheet");
        if edit.keep_formula {
            return Err(FillError::NotAFormula {
                sheet: ctx.sheet.to_string(),
                cell: at.to_string(),
            });
        }
        if edit.value == CellValue::Empty {
            continue; // Nothing to clear.
        }
        let mut attrs = vec![("r".to_string(), at.to_string())];
        if let Some(s) = new_cell_style(row_style, cols, *col) {
            attrs.push(("s".to_string(), s.to_string()));
        }
        out.push_str(&cell_open(
            &format!("{p}c"),
            &attrs,
            value_type(&edit.value),
        ));
        push_value(&mut out, p, &edit.value);
        out.push_str(&format!("</{p}c>"));
    }
    Ok(out)
}

fn new_row(
    ctx: &Ctx,
    p: &str,
    row: u32,
    edits: &BTreeMap<u32, Edit>,
    cols: &[(u32, u32, Option<u32>)],
) -> Result<String, FillError> {
    let cells = new_cells(ctx, p, row, edits, None, cols)?;
    if cells.is_empty() {
        return Ok(String::new());
    }
    Ok(format!("<{p}row r=\"{row}\">{cells}</{p}row>"))
}

/// Widens a row's `spans="first:last"` hint to the columns of new values.
fn widen_spans(attrs: &mut [(String, String)], edits: &BTreeMap<u32, Edit>) {
    let cols: Vec<u32> = edits
        .iter()
        .filter(|(_, e)| e.value != CellValue::Empty)
        .map(|(c, _)| *c)
        .collect();
    let (Some(min), Some(max)) = (cols.iter().min(), cols.iter().max()) else {
        return;
    };
    for (k, v) in attrs.iter_mut() {
        if k != "spans" {
            continue;
        }
        if let Some((a, b)) = v.split_once(':') {
            if let (Ok(a), Ok(b)) = (a.parse::<u32>(), b.parse::<u32>()) {
                if !v.contains(' ') {
                    *v = format!("{}:{}", a.min(*min), b.max(*max));
                }
            }
        }
    }
}

/// The `<dimension ref>` covering both the old area and the new values, if it changes.
fn widen_dimension(reference: &str, edits: &BTreeMap<CellRef, Edit>) -> Option<String> {
    let (mut first, mut last) = area(reference)?;
    let mut changed = false;
    for (at, e) in edits {
        if e.value == CellValue::Empty || e.keep_formula {
            continue;
        }
        if !in_area(*at, first, last) {
            // A lone "A1" on an empty sheet means "nothing yet".
            first = CellRef::new(first.row().min(at.row()), first.col().min(at.col()))?;
            last = CellRef::new(last.row().max(at.row()), last.col().max(at.col()))?;
            changed = true;
        }
    }
    changed.then(|| {
        if first == last {
            first.to_string()
        } else {
            format!("{first}:{last}")
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::value::Number;

    fn edits(list: &[(&str, CellValue, bool)]) -> BTreeMap<CellRef, Edit> {
        list.iter()
            .map(|(r, v, k)| {
                (
                    CellRef::parse(r).unwrap(),
                    Edit {
                        value: v.clone(),
                        keep_formula: *k,
                    },
                )
            })
            .collect()
    }

    fn run(xml: &str, list: &[(&str, CellValue, bool)]) -> Result<(String, bool), FillError> {
        let out = rewrite(
            "S",
            "xl/worksheets/sheet1.xml",
            xml.as_bytes(),
            &edits(list),
        )?;
        Ok((String::from_utf8(out.xml).unwrap(), out.formula_removed))
    }

    fn num(s: &str) -> CellValue {
        CellValue::Number(Number::parse(s).unwrap())
    }

    const HEAD: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="B2:D4"/><cols><col min="1" max="3" width="9" style="7"/></cols><sheetData>"#;
    const TAIL: &str = r#"</sheetData><sheetProtection sheet="1"/><extLst><ext uri="{X}"><x14:foo xmlns:x14="urn:x14"/></ext></extLst></worksheet>"#;

    fn sheet(rows: &str) -> String {
        format!("{HEAD}{rows}{TAIL}")
    }

    #[test]
    fn replaces_values_and_keeps_style_and_everything_else() {
        let xml = sheet(
            r#"<row r="2" spans="2:4"><c r="B2" s="3" t="s"><v>0</v></c><c r="C2" s="4"><v>1</v></c></row>"#,
        );
        let (out, removed) = run(
            &xml,
            &[
                ("B2", CellValue::text("مصنع & شركاه"), false),
                ("C2", num("12.50"), false),
            ],
        )
        .unwrap();
        assert!(!removed);
        assert_eq!(
            out,
            sheet(
                r#"<row r="2" spans="2:4"><c r="B2" s="3" t="inlineStr"><is><t>مصنع &amp; شركاه</t></is></c><c r="C2" s="4"><v>12.50</v></c></row>"#
            )
        );
    }

    #[test]
    fn creates_rows_and_cells_in_order_with_inherited_styles() {
        let xml = sheet(
            r#"<row r="2" spans="2:4" s="9" customFormat="1"><c r="C2" s="4"><v>1</v></c></row><row r="4"><c r="D4"><v>2</v></c></row>"#,
        );
        let (out, _) = run(
            &xml,
            &[
                ("A1", CellValue::Bool(true), false),
                ("B2", num("1"), false),
                ("E2", num("2"), false),
                ("A3", num("3"), false),
                ("E4", num("4"), false),
                ("F9", CellValue::text(" pad "), false),
                ("G9", CellValue::Empty, false),
            ],
        )
        .unwrap();
        let expected = sheet(concat!(
            r#"<row r="1"><c r="A1" s="7" t="b"><v>1</v></c></row>"#,
            r#"<row r="2" spans="2:5" s="9" customFormat="1"><c r="B2" s="9"><v>1</v></c><c r="C2" s="4"><v>1</v></c><c r="E2" s="9"><v>2</v></c></row>"#,
            r#"<row r="3"><c r="A3" s="7"><v>3</v></c></row>"#,
            r#"<row r="4"><c r="D4"><v>2</v></c><c r="E4"><v>4</v></c></row>"#,
            r#"<row r="9"><c r="F9" t="inlineStr"><is><t xml:space="preserve"> pad </t></is></c></row>"#,
        ))
        .replace(r#"<dimension ref="B2:D4"/>"#, r#"<dimension ref="A1:F9"/>"#);
        assert_eq!(out, expected);
    }

    #[test]
    fn an_empty_sheet_gets_its_first_row() {
        let xml = r#"<worksheet xmlns="urn:main"><dimension ref="A1"/><sheetData/></worksheet>"#;
        let (out, _) = run(xml, &[("C3", num("5"), false)]).unwrap();
        assert_eq!(
            out,
            r#"<worksheet xmlns="urn:main"><dimension ref="A1:C3"/><sheetData><row r="3"><c r="C3"><v>5</v></c></row></sheetData></worksheet>"#
        );
    }

    #[test]
    fn prefixed_elements_get_prefixed_neighbours() {
        let xml = r#"<x:worksheet xmlns:x="urn:main"><x:sheetData><x:row r="1"><x:c r="A1"><x:v>1</x:v></x:c></x:row></x:sheetData></x:worksheet>"#;
        let (out, _) = run(
            xml,
            &[("B1", CellValue::text("b"), false), ("A2", num("2"), false)],
        )
        .unwrap();
        assert_eq!(
            out,
            r#"<x:worksheet xmlns:x="urn:main"><x:sheetData><x:row r="1"><x:c r="A1"><x:v>1</x:v></x:c><x:c r="B1" t="inlineStr"><x:is><x:t>b</x:t></x:is></x:c></x:row><x:row r="2"><x:c r="A2"><x:v>2</x:v></x:c></x:row></x:sheetData></x:worksheet>"#
        );
    }

    #[test]
    fn implicit_row_and_cell_numbers_become_explicit() {
        let xml = r#"<worksheet><sheetData><row><c><v>1</v></c><c><v>2</v></c></row><row><c><v>3</v></c></row></sheetData></worksheet>"#;
        let (out, _) = run(xml, &[("B1", num("9"), false)]).unwrap();
        assert_eq!(
            out,
            r#"<worksheet><sheetData><row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>9</v></c></row><row r="2"><c r="A2"><v>3</v></c></row></sheetData></worksheet>"#
        );
    }

    #[test]
    fn formulas_are_replaced_or_kept_with_a_new_cached_value() {
        let xml = sheet(
            r#"<row r="2"><c r="B2" s="1" t="str" cm="1"><f>A1&amp;"x"</f><v>old</v></c><c r="C2"><f t="shared" si="0"/><v>3</v></c><c r="D2"><f>SUM(A1:A9)</f><v>1</v><extLst><ext uri="u"><y/></ext></extLst></c></row>"#,
        );
        // Keep the formula, set the cached result.
        let (out, removed) = run(
            &xml,
            &[("B2", num("42"), true), ("D2", CellValue::text("t"), true)],
        )
        .unwrap();
        assert!(!removed);
        assert!(
            out.contains(r#"<c r="B2" s="1" cm="1"><f>A1&amp;"x"</f><v>42</v></c>"#),
            "{out}"
        );
        assert!(out.contains(r#"<c r="D2" t="str"><f>SUM(A1:A9)</f><v>t</v><extLst><ext uri="u"><y/></ext></extLst></c>"#), "{out}");
        // Replace a formula (a shared one's follower too) by a value.
        let (out, removed) = run(
            &xml,
            &[
                ("B2", CellValue::Bool(false), false),
                ("C2", CellValue::Empty, false),
            ],
        )
        .unwrap();
        assert!(removed);
        assert!(
            out.contains(r#"<c r="B2" s="1" t="b"><v>0</v></c><c r="C2"/>"#),
            "{out}"
        );
    }

    #[test]
    fn anchors_of_shared_and_array_formulas_are_refused() {
        let xml = sheet(
            r#"<row r="2"><c r="B2"><f t="shared" ref="B2:B4" si="0">A2*2</f><v>2</v></c><c r="C2"><f t="array" ref="C2:C3">A2:A3</f><v>1</v></c></row><row r="3"><c r="B3"><f t="shared" si="0"/><v>4</v></c><c r="C3"><v>5</v></c></row>"#,
        );
        for target in ["B2", "C2", "C3"] {
            let e = run(&xml, &[(target, num("1"), false)]).unwrap_err();
            assert_eq!(e.key(), "xlsx-formula-anchor", "{target}");
        }
        // A follower of a shared formula may be overwritten; the anchor may get a cached value.
        assert!(run(&xml, &[("B3", num("1"), false)]).is_ok());
        assert!(run(&xml, &[("B2", num("1"), true)]).is_ok());
    }

    #[test]
    fn cached_values_need_an_existing_formula() {
        let xml = sheet(r#"<row r="2"><c r="B2"><v>1</v></c></row>"#);
        for target in ["B2", "C2", "Z99"] {
            let e = run(&xml, &[(target, num("1"), true)]).unwrap_err();
            assert_eq!(e.key(), "xlsx-not-a-formula", "{target}");
        }
    }

    #[test]
    fn disorder_in_the_source_is_a_damaged_part() {
        for rows in [
            r#"<row r="3"/><row r="2"/>"#,
            r#"<row r="2"/><row r="2"/>"#,
            r#"<row r="2"><c r="C2"/><c r="B2"/></row>"#,
            r#"<row r="2"><c r="B2"/><c r="B2"/></row>"#,
            r#"<row r="2"><c r="B3"/></row>"#,
        ] {
            let e = run(&sheet(rows), &[("A1", num("1"), false)]).unwrap_err();
            assert_eq!(e.key(), "xlsx-damaged-part", "{rows}");
        }
        let e = run(
            "<worksheet><sheetData><row r=\"1\"></worksheet>",
            &[("A1", num("1"), false)],
        )
        .unwrap_err();
        assert_eq!(e.key(), "xlsx-damaged-part");
    }
}
