//! A checker for the package rules whose breaking makes Excel say "We found a problem with
//! some content... Do you want us to try to recover?". Excel cannot run in CI, so tests (ours
//! and those of the exporters built on this crate) run this on what they write.
//!
//! What it checks: every XML part is well-formed; every part has a content type and every
//! content-type override and internal relationship points to an existing part; in each
//! worksheet, top-level elements follow the schema's order, rows ascend, cells ascend within
//! their row and belong to it, `<c>` children come as `f`, `v`, `is`, `extLst`, and values fit
//! their type (shared-string indices in range, booleans 0/1, numbers numeric, inline strings
//! present); sheet and defined names are unique; every calculation-chain entry names a
//! formula cell. The messages are for developers, not users.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use quick_xml::events::Event;

use crate::cell_ref::{split_a1, CellRef};
use crate::package::{read_rels, read_workbook, rel_is, Package, SheetKind};
use crate::sheet_read::read_shared_strings;
use crate::xml::{self, attr, local, part_text};
use crate::FillError;

/// One broken rule.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Problem {
    pub part: String,
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.part, self.message)
    }
}

/// Children of `<worksheet>` in schema order (CT_Worksheet).
const WORKSHEET_ORDER: [&str; 39] = [
    "sheetPr",
    "dimension",
    "sheetViews",
    "sheetFormatPr",
    "cols",
    "sheetData",
    "sheetCalcPr",
    "sheetProtection",
    "protectedRanges",
    "scenarios",
    "autoFilter",
    "sortState",
    "dataConsolidate",
    "customSheetViews",
    "mergeCells",
    "phoneticPr",
    "conditionalFormatting",
    "dataValidations",
    "hyperlinks",
    "printOptions",
    "pageMargins",
    "pageSetup",
    "headerFooter",
    "rowBreaks",
    "colBreaks",
    "customProperties",
    "cellWatches",
    "ignoredErrors",
    "smartTags",
    "drawing",
    "legacyDrawing",
    "legacyDrawingHF",
    "drawingHF",
    "picture",
    "oleObjects",
    "controls",
    "webPublishItems",
    "tableParts",
    "extLst",
];

const ERROR_VALUES: [&str; 8] = [
    "#NULL!",
    "#DIV/0!",
    "#VALUE!",
    "#REF!",
    "#NAME?",
    "#NUM!",
    "#N/A",
    "#GETTING_DATA",
];

/// Checks an xlsx package. `Err` when it cannot be opened at all; otherwise the problems
/// found, in a stable order (none for a sound file).
pub fn check_package(bytes: &[u8]) -> Result<Vec<Problem>, FillError> {
    let pkg = Package::read(bytes.to_vec())?;
    let wb = read_workbook(&pkg)?;
    let mut problems = Vec::new();
    let mut add = |part: &str, message: String| {
        problems.push(Problem {
            part: part.to_string(),
            message,
        })
    };

    for e in &pkg.entries {
        let lower = e.name.to_lowercase();
        if lower.ends_with(".xml") || lower.ends_with(".rels") {
            if let Err(message) = well_formed(&e.name, &e.data) {
                add(&e.name, message);
            }
        }
    }

    check_content_types(&pkg, &mut add);

    for e in &pkg.entries {
        if let Some(source) = rels_source(&e.name) {
            match read_rels(&e.name, &e.data, &source) {
                Ok(rels) => {
                    for r in rels.iter().filter(|r| !r.external) {
                        if pkg.get(&r.target).is_none() {
                            add(
                                &e.name,
                                format!("{} points to missing part {}", r.id, r.target),
                            );
                        }
                    }
                }
                Err(err) => add(&e.name, err.to_string()),
            }
        }
    }

    let mut seen = BTreeSet::new();
    for s in &wb.sheets {
        if !seen.insert(s.name.to_lowercase()) {
            add(&wb.part, format!("two sheets are named {:?}", s.name));
        }
        if s.name.chars().count() > 31 {
            add(
                &wb.part,
                format!("sheet name {:?} is longer than 31", s.name),
            );
        }
    }
    let mut seen = BTreeSet::new();
    for n in &wb.names {
        if !seen.insert((n.name.to_lowercase(), n.scope.clone())) {
            add(
                &wb.part,
                format!("defined name {:?} is defined twice", n.name),
            );
        }
    }

    let strings = match wb.rels.iter().find(|r| rel_is(r, "sharedStrings")) {
        Some(rel) => match pkg.get(&rel.target) {
            Some(e) => read_shared_strings(&e.name, &e.data)?.len(),
            None => 0,
        },
        None => 0,
    };
    // Formula cells per sheetId, for the calculation chain.
    let mut formula_cells: BTreeMap<u32, BTreeSet<CellRef>> = BTreeMap::new();
    let mut array_areas: BTreeMap<u32, Vec<(CellRef, CellRef)>> = BTreeMap::new();
    for s in wb.sheets.iter().filter(|s| s.kind == SheetKind::Worksheet) {
        let Some(e) = pkg.get(&s.part) else { continue };
        let mut found = Vec::new();
        let (cells, arrays) = check_worksheet(&e.name, &e.data, strings, &mut found);
        for m in found {
            add(&e.name, m);
        }
        formula_cells.insert(s.sheet_id, cells);
        array_areas.insert(s.sheet_id, arrays);
    }

    if let Some(rel) = wb.rels.iter().find(|r| rel_is(r, "calcChain")) {
        if let Some(e) = pkg.get(&rel.target) {
            for m in check_calc_chain(&e.name, &e.data, &formula_cells, &array_areas) {
                add(&e.name, m);
            }
        }
    }
    problems.sort();
    Ok(problems)
}

fn well_formed(part: &str, bytes: &[u8]) -> Result<(), String> {
    let (_, text) = part_text(part, bytes).map_err(|e| e.to_string())?;
    let mut r = xml::reader(text);
    let mut depth = 0usize;
    let mut roots = 0usize;
    loop {
        let ev = r
            .read_event()
            .map_err(|e| format!("malformed XML at byte {}: {e}", r.error_position()))?;
        match &ev {
            Event::Start(e) | Event::Empty(e) => {
                if depth == 0 {
                    roots += 1;
                }
                for a in e.attributes() {
                    a.map_err(|err| format!("bad attribute: {err}"))?;
                }
                if matches!(ev, Event::Start(_)) {
                    depth += 1;
                }
            }
            Event::End(_) => depth -= 1,
            Event::Text(t) if depth == 0 && !t.xml10_content().trim().is_empty() => {
                return Err("text outside the root element".to_string());
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if depth != 0 {
        return Err("the document ends inside an element".to_string());
    }
    if roots != 1 {
        return Err(format!("{roots} root elements"));
    }
    Ok(())
}

fn check_content_types(pkg: &Package, add: &mut dyn FnMut(&str, String)) {
    let name = "[Content_Types].xml";
    let Some(ct) = pkg.get(name) else {
        add(name, "missing".to_string());
        return;
    };
    let Ok((_, text)) = part_text(name, &ct.data) else {
        return; // Reported as not well-formed.
    };
    let mut defaults = BTreeSet::new();
    let mut overrides = BTreeSet::new();
    let mut r = xml::reader(text);
    while let Ok(ev) = r.read_event() {
        match ev {
            Event::Start(e) | Event::Empty(e) => match local(e.name().as_ref()) {
                "Default" => {
                    if let Ok(Some(ext)) = attr(name, &e, "Extension") {
                        defaults.insert(ext.to_lowercase());
                    }
                }
                "Override" => {
                    if let Ok(Some(p)) = attr(name, &e, "PartName") {
                        overrides.insert(p.trim_start_matches('/').to_lowercase());
                    }
                }
                _ => {}
            },
            Event::Eof => break,
            _ => {}
        }
    }
    for p in &overrides {
        if pkg.get(p).is_none() {
            add(name, format!("override for missing part /{p}"));
        }
    }
    for e in &pkg.entries {
        if e.name.ends_with('/') || e.name == name {
            continue;
        }
        let lower = e.name.to_lowercase();
        let ext = lower.rsplit_once('.').map(|(_, x)| x).unwrap_or("");
        if !overrides.contains(&lower) && !defaults.contains(ext) {
            add(name, format!("no content type for {}", e.name));
        }
    }
}

/// `xl/_rels/workbook.xml.rels` → `xl/workbook.xml`; `_rels/.rels` → the package root.
fn rels_source(name: &str) -> Option<String> {
    let (dir, file) = name.rsplit_once('/')?;
    let source_file = file.strip_suffix(".rels")?;
    let base = dir.strip_suffix("_rels")?.trim_end_matches('/');
    Some(if base.is_empty() {
        source_file.to_string()
    } else {
        format!("{base}/{source_file}")
    })
}

/// Checks one worksheet; returns its formula cells and array-formula areas.
fn check_worksheet(
    part: &str,
    bytes: &[u8],
    shared_strings: usize,
    problems: &mut Vec<String>,
) -> (BTreeSet<CellRef>, Vec<(CellRef, CellRef)>) {
    let mut formulas = BTreeSet::new();
    let mut arrays = Vec::new();
    let Ok((_, text)) = part_text(part, bytes) else {
        return (formulas, arrays);
    };
    let mut r = xml::reader(text);
    let mut depth = 0usize;
    let mut last_top: Option<(usize, String)> = None;
    let mut prev_row = 0u32;
    let mut row = 0u32;
    let mut last_col = 0u32;
    // The open cell: where, its type, the children seen, value and inline string presence.
    struct Open {
        at: CellRef,
        t: String,
        children: Vec<String>,
        value: Option<String>,
        has_is: bool,
    }
    let mut cell: Option<Open> = None;
    let mut in_v = false;
    loop {
        let ev = match r.read_event() {
            Ok(ev) => ev,
            Err(_) => return (formulas, arrays), // Reported as not well-formed.
        };
        let is_start = matches!(ev, Event::Start(_));
        match ev {
            Event::Start(e) | Event::Empty(e) => {
                let qname = e.name().as_ref().to_string();
                let name = local(&qname).to_string();
                let get = |k: &str| attr(part, &e, k).ok().flatten();
                if depth == 1 && !qname.starts_with("mc:") && name != "AlternateContent" {
                    match WORKSHEET_ORDER.iter().position(|x| *x == name) {
                        None => problems.push(format!("unknown worksheet element <{name}>")),
                        Some(i) => {
                            if let Some((j, prev)) = &last_top {
                                if i < *j || (i == *j && name != "conditionalFormatting") {
                                    problems.push(format!("<{name}> comes after <{prev}>"));
                                }
                            }
                            last_top = Some((i, name.clone()));
                        }
                    }
                } else if depth == 2 && name == "row" {
                    row = match get("r").map(|v| v.parse::<u32>()) {
                        Some(Ok(n)) => n,
                        Some(Err(_)) => {
                            problems.push("a row has a bad r".to_string());
                            prev_row + 1
                        }
                        None => prev_row + 1,
                    };
                    if row <= prev_row {
                        problems.push(format!("row {row} comes after row {prev_row}"));
                    }
                    prev_row = row;
                    last_col = 0;
                } else if depth == 3 && name == "c" {
                    let col = match get("r") {
                        Some(v) => match split_a1(v.as_bytes()) {
                            Some((Some(c), Some(rr))) => {
                                if rr != row {
                                    problems.push(format!("cell {v} is in row {row}"));
                                }
                                c
                            }
                            _ => {
                                problems.push(format!("cell r={v:?}"));
                                last_col + 1
                            }
                        },
                        None => last_col + 1,
                    };
                    if col <= last_col {
                        problems.push(format!(
                            "row {row}: cell in column {col} is duplicated or out of order"
                        ));
                    }
                    last_col = col;
                    let open = Open {
                        at: CellRef::new(row.max(1), col.max(1))
                            .unwrap_or_else(|| CellRef::new(1, 1).expect("A1")),
                        t: get("t").unwrap_or_else(|| "n".to_string()),
                        children: Vec::new(),
                        value: None,
                        has_is: false,
                    };
                    if is_start {
                        cell = Some(open);
                    } else {
                        finish_cell(&open, shared_strings, problems);
                    }
                } else if depth == 4 {
                    if let Some(c) = cell.as_mut() {
                        let order = ["f", "v", "is", "extLst"];
                        match order.iter().position(|x| *x == name) {
                            None => problems.push(format!("{}: unknown child <{name}>", c.at)),
                            Some(i) => {
                                if let Some(last) = c.children.last() {
                                    let j = order.iter().position(|x| x == last).unwrap_or(0);
                                    if i <= j {
                                        problems.push(format!(
                                            "{}: <{name}> comes after <{last}>",
                                            c.at
                                        ));
                                    }
                                }
                                c.children.push(name.clone());
                            }
                        }
                        match name.as_str() {
                            "f" => {
                                formulas.insert(c.at);
                                if matches!(get("t").as_deref(), Some("array" | "dataTable")) {
                                    if let Some(area) = get("ref").as_deref().and_then(area_of) {
                                        arrays.push(area);
                                    }
                                }
                            }
                            "v" => {
                                c.value = Some(String::new());
                                in_v = is_start;
                            }
                            "is" => c.has_is = true,
                            _ => {}
                        }
                    }
                }
                if is_start {
                    depth += 1;
                }
            }
            Event::Text(t) if in_v => {
                if let Some(v) = cell.as_mut().and_then(|c| c.value.as_mut()) {
                    v.push_str(&t.xml10_content());
                }
            }
            Event::GeneralRef(g) if in_v => {
                if let (Some(v), Ok(s)) = (
                    cell.as_mut().and_then(|c| c.value.as_mut()),
                    xml::resolve_ref(part, &g),
                ) {
                    v.push_str(&s);
                }
            }
            Event::End(e) => {
                depth = depth.saturating_sub(1);
                let qname = e.name();
                match local(qname.as_ref()) {
                    "v" => in_v = false,
                    "c" if depth == 3 => {
                        if let Some(c) = cell.take() {
                            finish_cell(&c, shared_strings, problems);
                        }
                    }
                    _ => {}
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    return (formulas, arrays);

    fn finish_cell(c: &Open, shared_strings: usize, problems: &mut Vec<String>) {
        let at = c.at;
        let v = c.value.as_deref();
        match (c.t.as_str(), v) {
            ("inlineStr", _) => {
                if !c.has_is && !c.children.iter().any(|x| x == "f") {
                    problems.push(format!("{at}: inline string without <is>"));
                }
            }
            (_, None) => {}
            ("s", Some(v)) => match v.trim().parse::<usize>() {
                Ok(i) if i < shared_strings => {}
                _ => problems.push(format!(
                    "{at}: shared string {v:?} (the table has {shared_strings})"
                )),
            },
            ("b", Some(v)) => {
                if !matches!(v.trim(), "0" | "1") {
                    problems.push(format!("{at}: boolean {v:?}"));
                }
            }
            ("n", Some(v)) => {
                let numeric = !v.is_empty()
                    && v.bytes()
                        .all(|b| b.is_ascii_digit() || b"+-.eE".contains(&b))
                    && v.parse::<f64>().is_ok_and(f64::is_finite);
                if !numeric {
                    problems.push(format!("{at}: number {v:?}"));
                }
            }
            ("e", Some(v)) => {
                if !ERROR_VALUES.contains(&v) {
                    problems.push(format!("{at}: error value {v:?}"));
                }
            }
            ("str" | "d", Some(_)) => {}
            (t, Some(_)) => problems.push(format!("{at}: unknown cell type {t:?}")),
        }
    }
}

fn area_of(reference: &str) -> Option<(CellRef, CellRef)> {
    let (a, b) = reference.split_once(':').unwrap_or((reference, reference));
    match (split_a1(a.as_bytes())?, split_a1(b.as_bytes())?) {
        ((Some(c1), Some(r1)), (Some(c2), Some(r2))) => {
            Some((CellRef::new(r1, c1)?, CellRef::new(r2, c2)?))
        }
        _ => None,
    }
}

fn check_calc_chain(
    part: &str,
    bytes: &[u8],
    formulas: &BTreeMap<u32, BTreeSet<CellRef>>,
    arrays: &BTreeMap<u32, Vec<(CellRef, CellRef)>>,
) -> Vec<String> {
    let mut out = Vec::new();
    let Ok((_, text)) = part_text(part, bytes) else {
        return out;
    };
    let mut r = xml::reader(text);
    let mut sheet_id: Option<u32> = None;
    while let Ok(ev) = r.read_event() {
        match ev {
            Event::Start(e) | Event::Empty(e) if local(e.name().as_ref()) == "c" => {
                if let Ok(Some(i)) = attr(part, &e, "i") {
                    sheet_id = i.parse().ok();
                }
                let Ok(Some(reference)) = attr(part, &e, "r") else {
                    out.push("an entry has no r".to_string());
                    continue;
                };
                let Some(id) = sheet_id else {
                    out.push(format!("{reference}: no sheet"));
                    continue;
                };
                let Some(cells) = formulas.get(&id) else {
                    out.push(format!("{reference}: no worksheet with sheetId {id}"));
                    continue;
                };
                let Ok(at) = CellRef::parse(&reference) else {
                    out.push(format!("bad reference {reference:?}"));
                    continue;
                };
                let in_array = arrays
                    .get(&id)
                    .is_some_and(|a| a.iter().any(|(f, l)| area_contains(*f, *l, at)));
                if !cells.contains(&at) && !in_array {
                    out.push(format!("sheetId {id}!{reference} has no formula"));
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    out
}

fn area_contains(first: CellRef, last: CellRef, at: CellRef) -> bool {
    (first.row()..=last.row()).contains(&at.row()) && (first.col()..=last.col()).contains(&at.col())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn problems_of_sheet(rows: &str, strings: usize) -> Vec<String> {
        let xml = format!(
            "<worksheet><dimension ref=\"A1\"/><sheetData>{rows}</sheetData><pageMargins/></worksheet>"
        );
        let mut p = Vec::new();
        check_worksheet("s", xml.as_bytes(), strings, &mut p);
        p
    }

    #[test]
    fn a_sound_sheet_has_no_problems() {
        let p = problems_of_sheet(
            r#"<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="b"><v>1</v></c><c r="C1"><f>1+1</f><v>2</v></c><c r="D1" t="inlineStr"><is><t>x</t></is></c><c r="E1" t="e"><v>#N/A</v></c></row><row r="3"><c r="A3"><v>-1.5E-3</v></c></row>"#,
            1,
        );
        assert!(p.is_empty(), "{p:?}");
    }

    #[test]
    fn finds_what_makes_excel_repair() {
        for (rows, strings, expected) in [
            (r#"<row r="2"/><row r="1"/>"#, 0, "row 1 comes after row 2"),
            (r#"<row r="1"/><row r="1"/>"#, 0, "row 1 comes after row 1"),
            (
                r#"<row r="1"><c r="B1"/><c r="A1"/></row>"#,
                0,
                "duplicated or out of order",
            ),
            (
                r#"<row r="1"><c r="A1"/><c r="A1"/></row>"#,
                0,
                "duplicated or out of order",
            ),
            (r#"<row r="1"><c r="A2"/></row>"#, 0, "cell A2 is in row 1"),
            (
                r#"<row r="1"><c r="A1"><v>1</v><f>1</f></c></row>"#,
                0,
                "<f> comes after <v>",
            ),
            (
                r#"<row r="1"><c r="A1" t="s"><v>3</v></c></row>"#,
                3,
                "shared string \"3\"",
            ),
            (
                r#"<row r="1"><c r="A1" t="b"><v>2</v></c></row>"#,
                0,
                "boolean",
            ),
            (
                r#"<row r="1"><c r="A1"><v>1,5</v></c></row>"#,
                0,
                "number \"1,5\"",
            ),
            (
                r#"<row r="1"><c r="A1"><v></v></c></row>"#,
                0,
                "number \"\"",
            ),
            (
                r#"<row r="1"><c r="A1" t="inlineStr"><v>x</v></c></row>"#,
                0,
                "inline string without",
            ),
            (
                r#"<row r="1"><c r="A1" t="q"><v>x</v></c></row>"#,
                0,
                "unknown cell type",
            ),
        ] {
            let p = problems_of_sheet(rows, strings);
            assert!(p.iter().any(|m| m.contains(expected)), "{rows}: {p:?}");
        }
    }

    #[test]
    fn top_level_order_is_checked() {
        let xml = "<worksheet><sheetData/><dimension ref=\"A1\"/><conditionalFormatting/><conditionalFormatting/><dataValidations/><dataValidations/></worksheet>";
        let mut p = Vec::new();
        check_worksheet("s", xml.as_bytes(), 0, &mut p);
        assert_eq!(
            p,
            [
                "<dimension> comes after <sheetData>",
                "<dataValidations> comes after <dataValidations>"
            ]
        );
    }

    #[test]
    fn well_formedness() {
        assert!(well_formed("p", b"<a><b/></a>").is_ok());
        assert!(well_formed("p", b"<a><b></a>").is_err());
        assert!(well_formed("p", b"<a>").is_err());
        assert!(well_formed("p", b"<a/><b/>").is_err());
        assert!(well_formed("p", b"<a x=\"1\" x=\"2\"/>").is_err());
    }

    #[test]
    fn rels_parts_name_their_source() {
        assert_eq!(rels_source("_rels/.rels").as_deref(), Some(""));
        assert_eq!(
            rels_source("xl/_rels/workbook.xml.rels").as_deref(),
            Some("xl/workbook.xml")
        );
        assert_eq!(
            rels_source("xl/worksheets/_rels/sheet1.xml.rels").as_deref(),
            Some("xl/worksheets/sheet1.xml")
        );
        assert_eq!(rels_source("xl/workbook.xml"), None);
    }
}
