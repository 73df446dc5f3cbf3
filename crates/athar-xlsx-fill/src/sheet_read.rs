//! Reading cells back: the shared-string table, which cell formats are locked, and the cells
//! of a worksheet part. Used to check a template's version and contents before writing, and by
//! the tests to see what was written.

use quick_xml::events::Event;

use crate::cell_ref::{split_a1, CellRef};
use crate::value::{unescape_ooxml, CellContent};
use crate::xml::{self, attr, local, part_text, resolve_ref};
use crate::FillError;

/// A cell as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cell {
    /// The formula text without `=`, as stored. A cell that shares the formula of another
    /// cell (`<f t="shared" si="3"/>`) has an empty text here.
    pub formula: Option<String>,
    /// The value; for a formula cell, its cached result.
    pub content: CellContent,
    /// Index into the workbook's cell formats (`s`); 0 when absent.
    pub style: u32,
    /// Whether the cell's format locks it when the sheet is protected (input cells are
    /// unlocked).
    pub locked: bool,
}

/// Reads the shared-string table: the text of each `<si>`, rich-text runs joined, phonetic
/// runs (`<rPh>`) left out.
pub(crate) fn read_shared_strings(part: &str, bytes: &[u8]) -> Result<Vec<String>, FillError> {
    let (_, text) = part_text(part, bytes)?;
    let mut r = xml::Events::new(part, text);
    let mut out = Vec::new();
    let mut current: Option<String> = None;
    let mut in_t = false;
    let mut in_phonetic = 0usize;
    loop {
        match r.next()? {
            Event::Start(e) => match local(e.name().as_ref()) {
                "si" => current = Some(String::new()),
                "t" => in_t = true,
                "rPh" => in_phonetic += 1,
                _ => {}
            },
            Event::Empty(e) if local(e.name().as_ref()) == "si" => out.push(String::new()),
            Event::End(e) => match local(e.name().as_ref()) {
                "si" => out.push(unescape_ooxml(&current.take().unwrap_or_default())),
                "t" => in_t = false,
                "rPh" => in_phonetic = in_phonetic.saturating_sub(1),
                _ => {}
            },
            Event::Text(t) if in_t && in_phonetic == 0 => {
                if let Some(c) = current.as_mut() {
                    c.push_str(&t.xml10_content());
                }
            }
            Event::GeneralRef(g) if in_t && in_phonetic == 0 => {
                if let Some(c) = current.as_mut() {
                    c.push_str(&resolve_ref(part, &g)?);
                }
            }
            Event::CData(t) if in_t && in_phonetic == 0 => {
                if let Some(c) = current.as_mut() {
                    c.push_str(&t.xml10_content());
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(out)
}

/// For each cell format (`<cellXfs>/<xf>`), whether it locks the cell. Excel's default is
/// locked; `<protection locked="0"/>` unlocks.
pub(crate) fn read_locked_formats(part: &str, bytes: &[u8]) -> Result<Vec<bool>, FillError> {
    let (_, text) = part_text(part, bytes)?;
    let mut r = xml::Events::new(part, text);
    let mut out = Vec::new();
    let mut in_cell_xfs = false;
    let mut in_xf = false;
    loop {
        let ev = r.next()?;
        match &ev {
            Event::Start(e) | Event::Empty(e) => match local(e.name().as_ref()) {
                "cellXfs" => in_cell_xfs = matches!(ev, Event::Start(_)),
                "xf" if in_cell_xfs => {
                    out.push(true);
                    in_xf = matches!(ev, Event::Start(_));
                }
                "protection" if in_xf => {
                    let locked = attr(part, e, "locked")?;
                    if let Some(last) = out.last_mut() {
                        *last = !matches!(locked.as_deref(), Some("0" | "false"));
                    }
                }
                _ => {}
            },
            Event::End(e) => match local(e.name().as_ref()) {
                "cellXfs" => in_cell_xfs = false,
                "xf" => in_xf = false,
                _ => {}
            },
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(out)
}

/// What the reader needs besides the sheet part.
pub(crate) struct Lookup<'a> {
    pub shared_strings: &'a [String],
    pub locked_formats: &'a [bool],
}

#[derive(Default)]
struct Pending {
    at: Option<CellRef>,
    style: u32,
    cell_type: String,
    formula: Option<String>,
    value: Option<String>,
    inline: Option<String>,
}

/// Reads the cells of a worksheet for which `wanted` holds, in document order. Stops after
/// `last_row` when given.
pub(crate) fn read_cells(
    part: &str,
    bytes: &[u8],
    lookup: &Lookup,
    wanted: &dyn Fn(CellRef) -> bool,
    last_row: Option<u32>,
) -> Result<Vec<(CellRef, Cell)>, FillError> {
    let (_, text) = part_text(part, bytes)?;
    let mut r = xml::Events::new(part, text);
    let mut out = Vec::new();
    let mut row: u32 = 0;
    let mut col: u32 = 0;
    let mut cell: Option<Pending> = None;
    // Which text we are inside: formula, value, or an inline string's <t> (not phonetic).
    #[derive(PartialEq)]
    enum In {
        None,
        F,
        V,
        T,
    }
    let mut inside = In::None;
    let mut in_phonetic = 0usize;
    let mut in_sheet_data = false;
    loop {
        let ev = r.next()?;
        let is_empty = matches!(ev, Event::Empty(_));
        match ev {
            Event::Start(e) | Event::Empty(e) => {
                let name = e.name();
                match local(name.as_ref()) {
                    "sheetData" => in_sheet_data = !is_empty,
                    "row" if in_sheet_data => {
                        row = match attr(part, &e, "r")? {
                            Some(v) => v
                                .parse()
                                .map_err(|_| FillError::damaged(part, format!("row r={v:?}")))?,
                            None => row + 1,
                        };
                        col = 0;
                        if last_row.is_some_and(|l| row > l) {
                            break;
                        }
                    }
                    "c" if in_sheet_data => {
                        col = match attr(part, &e, "r")? {
                            Some(v) => match split_a1(v.as_bytes()) {
                                Some((Some(c), Some(_))) => c,
                                _ => return Err(FillError::damaged(part, format!("cell r={v:?}"))),
                            },
                            None => col + 1,
                        };
                        let at = CellRef::new(row, col)
                            .ok_or_else(|| FillError::damaged(part, "cell outside the sheet"))?;
                        if !wanted(at) {
                            cell = None;
                            continue;
                        }
                        let style = match attr(part, &e, "s")? {
                            Some(s) => s
                                .parse()
                                .map_err(|_| FillError::damaged(part, format!("s={s:?}")))?,
                            None => 0,
                        };
                        let pending = Pending {
                            at: Some(at),
                            style,
                            cell_type: attr(part, &e, "t")?.unwrap_or_default(),
                            ..Pending::default()
                        };
                        if is_empty {
                            out.push(finish(part, pending, lookup)?);
                        } else {
                            cell = Some(pending);
                        }
                    }
                    "f" if cell.is_some() => {
                        if let Some(c) = cell.as_mut() {
                            c.formula = Some(String::new());
                        }
                        if !is_empty {
                            inside = In::F;
                        }
                    }
                    "v" if cell.is_some() && !is_empty => {
                        if let Some(c) = cell.as_mut() {
                            c.value = Some(String::new());
                        }
                        inside = In::V;
                    }
                    "is" if cell.is_some() => {
                        if let Some(c) = cell.as_mut() {
                            c.inline = Some(String::new());
                        }
                    }
                    "rPh" if !is_empty => in_phonetic += 1,
                    "t" if cell.is_some() && !is_empty && in_phonetic == 0 => inside = In::T,
                    _ => {}
                }
            }
            Event::End(e) => match local(e.name().as_ref()) {
                "c" => {
                    if let Some(p) = cell.take() {
                        out.push(finish(part, p, lookup)?);
                    }
                    inside = In::None;
                }
                "f" | "v" | "t" => inside = In::None,
                "rPh" => in_phonetic = in_phonetic.saturating_sub(1),
                "sheetData" => in_sheet_data = false,
                _ => {}
            },
            Event::Text(t) => push_text(&mut cell, &inside, &t.xml10_content()),
            Event::CData(t) => push_text(&mut cell, &inside, &t.xml10_content()),
            Event::GeneralRef(g) if cell.is_some() && inside != In::None => {
                let s = resolve_ref(part, &g)?;
                push_text(&mut cell, &inside, &s);
            }
            Event::Eof => break,
            _ => {}
        }
    }
    return Ok(out);

    fn push_text(cell: &mut Option<Pending>, inside: &In, s: &str) {
        if let Some(c) = cell.as_mut() {
            let target = match inside {
                In::F => c.formula.as_mut(),
                In::V => c.value.as_mut(),
                In::T => c.inline.as_mut(),
                In::None => None,
            };
            if let Some(t) = target {
                t.push_str(s);
            }
        }
    }
}

fn finish(part: &str, p: Pending, lookup: &Lookup) -> Result<(CellRef, Cell), FillError> {
    let at =
        p.at.unwrap_or_else(|| CellRef::new(1, 1).expect("A1 exists"));
    let content = match (p.cell_type.as_str(), p.value) {
        ("inlineStr", _) => match p.inline {
            Some(t) => CellContent::Text(unescape_ooxml(&t)),
            None => CellContent::Empty,
        },
        (_, None) => CellContent::Empty,
        ("s", Some(v)) => {
            let i: usize = v
                .trim()
                .parse()
                .map_err(|_| FillError::damaged(part, format!("{at}: shared string {v:?}")))?;
            let s = lookup.shared_strings.get(i).ok_or_else(|| {
                FillError::damaged(part, format!("{at}: no shared string number {i}"))
            })?;
            CellContent::Text(s.clone())
        }
        ("str" | "d", Some(v)) => CellContent::Text(unescape_ooxml(&v)),
        ("b", Some(v)) => CellContent::Bool(matches!(v.trim(), "1" | "true")),
        ("e", Some(v)) => CellContent::Error(v),
        (_, Some(v)) => CellContent::Number(v),
    };
    let locked = lookup
        .locked_formats
        .get(p.style as usize)
        .copied()
        .unwrap_or(true);
    Ok((
        at,
        Cell {
            formula: p.formula,
            content,
            style: p.style,
            locked,
        },
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    const SST: &str = r#"<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="4" uniqueCount="4"><si><t>plain</t></si><si><r><rPr><b/></rPr><t xml:space="preserve">rich </t></r><r><t>text &amp; more</t></r></si><si><t>漢字</t><rPh sb="0" eb="2"><t>かんじ</t></rPh><phoneticPr fontId="1"/></si><si/></sst>"#;

    #[test]
    fn shared_strings_join_runs_and_skip_phonetics() {
        let s = read_shared_strings("sst", SST.as_bytes()).unwrap();
        assert_eq!(s, ["plain", "rich text & more", "漢字", ""]);
    }

    #[test]
    fn locked_flags_follow_cell_formats() {
        let styles = r#"<styleSheet><cellStyleXfs count="1"><xf numFmtId="0"><protection locked="0"/></xf></cellStyleXfs><cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="0" applyProtection="1"><protection locked="0"/></xf><xf numFmtId="0"><alignment/><protection hidden="1"/></xf></cellXfs></styleSheet>"#;
        assert_eq!(
            read_locked_formats("styles", styles.as_bytes()).unwrap(),
            [true, false, true]
        );
    }

    #[test]
    fn reads_every_kind_of_cell() {
        let sheet = r#"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="2"><c r="A2" s="1" t="s"><v>1</v></c><c r="B2"><v>12.50</v></c><c r="C2" t="b"><v>1</v></c><c r="D2" t="inlineStr"><is><t>بيانات _x000D_</t></is></c><c r="E2" t="str"><f>A2&amp;"x"</f><v>rich textx</v></c><c t="e"><f t="shared" si="0"/><v>#N/A</v></c><c r="H2" s="2"/></row><row><c><v>7</v></c></row></sheetData></worksheet>"#;
        let strings = read_shared_strings("sst", SST.as_bytes()).unwrap();
        let lookup = Lookup {
            shared_strings: &strings,
            locked_formats: &[true, false, true],
        };
        let cells = read_cells("s", sheet.as_bytes(), &lookup, &|_| true, None).unwrap();
        let got: Vec<(String, CellContent, Option<String>, bool)> = cells
            .into_iter()
            .map(|(r, c)| (r.to_string(), c.content, c.formula, c.locked))
            .collect();
        assert_eq!(
            got,
            vec![
                (
                    "A2".into(),
                    CellContent::Text("rich text & more".into()),
                    None,
                    false
                ),
                ("B2".into(), CellContent::Number("12.50".into()), None, true),
                ("C2".into(), CellContent::Bool(true), None, true),
                (
                    "D2".into(),
                    CellContent::Text("بيانات \r".into()),
                    None,
                    true
                ),
                (
                    "E2".into(),
                    CellContent::Text("rich textx".into()),
                    Some("A2&\"x\"".into()),
                    true
                ),
                (
                    "F2".into(),
                    CellContent::Error("#N/A".into()),
                    Some(String::new()),
                    true
                ),
                ("H2".into(), CellContent::Empty, None, true),
                ("A3".into(), CellContent::Number("7".into()), None, true),
            ]
        );
    }

    #[test]
    fn a_bad_shared_string_index_is_a_damaged_part() {
        let sheet = r#"<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>9</v></c></row></sheetData></worksheet>"#;
        let lookup = Lookup {
            shared_strings: &[],
            locked_formats: &[],
        };
        let e = read_cells("s", sheet.as_bytes(), &lookup, &|_| true, None).unwrap_err();
        assert_eq!(e.key(), "xlsx-damaged-part");
    }
}
