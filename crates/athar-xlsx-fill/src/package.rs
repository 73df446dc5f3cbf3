//! The zip package: every entry decompressed once (which also checks its CRC), the OPC
//! relationships that lead from the package root to the workbook and from the workbook to its
//! sheets, and the workbook part itself (sheets, defined names).
//!
//! The original archive bytes are kept, so that saving copies each untouched entry's
//! compressed bytes as they were.

use std::collections::BTreeMap;
use std::io::{Cursor, Read};

use quick_xml::events::Event;

use crate::cell_ref::{parse_sheet_range, RangeRef};
use crate::xml::{self, attr, local, part_text, prefixed_attr, resolve_ref};
use crate::FillError;

/// Largest total of decompressed bytes we accept (the CBAM template is 10 MB).
const MAX_UNPACKED: u64 = 1 << 30;

pub(crate) struct Entry {
    pub name: String,
    pub data: Vec<u8>,
    pub modified: Option<zip::DateTime>,
}

pub(crate) struct Package {
    /// The archive as given.
    pub raw: Vec<u8>,
    /// In archive order.
    pub entries: Vec<Entry>,
    /// Lower-cased name → index (OPC part names compare case-insensitively).
    index: BTreeMap<String, usize>,
}

/// What some bytes look like, for the message about a mislabelled file.
fn sniff(bytes: &[u8]) -> &'static str {
    if bytes.starts_with(b"\x89PNG") {
        "png"
    } else if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        "jpeg"
    } else if bytes.starts_with(b"%PDF") {
        "pdf"
    } else if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        // An OLE container: a legacy .xls, or an xlsx encrypted with a password to open.
        "xls-or-encrypted"
    } else if std::str::from_utf8(&bytes[..bytes.len().min(4096)]).is_ok() {
        "text"
    } else {
        "other"
    }
}

impl Package {
    pub fn read(raw: Vec<u8>) -> Result<Self, FillError> {
        if raw.is_empty() {
            return Err(FillError::Empty);
        }
        if !raw.starts_with(b"PK") {
            return Err(FillError::NotZip {
                looks_like: sniff(&raw),
            });
        }
        let mut archive =
            zip::ZipArchive::new(Cursor::new(&raw[..])).map_err(|e| FillError::DamagedArchive {
                detail: e.to_string(),
            })?;
        let mut entries = Vec::with_capacity(archive.len());
        let mut index = BTreeMap::new();
        let mut total: u64 = 0;
        for i in 0..archive.len() {
            let mut file = archive.by_index(i).map_err(|e| FillError::DamagedArchive {
                detail: e.to_string(),
            })?;
            let name = file
                .name()
                .map_err(|e| FillError::DamagedArchive {
                    detail: e.to_string(),
                })?
                .to_string();
            if file.encrypted() {
                return Err(FillError::damaged(&name, "the entry is encrypted"));
            }
            let modified = file.last_modified();
            let mut data = Vec::with_capacity(file.size().min(64 << 20) as usize);
            // Reading to the end checks the CRC; `take` bounds a zip bomb.
            let read = (&mut file)
                .take(MAX_UNPACKED - total + 1)
                .read_to_end(&mut data)
                .map_err(|e| FillError::damaged(&name, e))?;
            total += read as u64;
            if total > MAX_UNPACKED {
                return Err(FillError::DamagedArchive {
                    detail: "more than 1 GiB once unpacked".to_string(),
                });
            }
            if index.insert(name.to_lowercase(), i).is_some() {
                return Err(FillError::DamagedArchive {
                    detail: format!("two entries are named {name}"),
                });
            }
            entries.push(Entry {
                name,
                data,
                modified,
            });
        }
        Ok(Package {
            raw,
            entries,
            index,
        })
    }

    pub fn position(&self, name: &str) -> Option<usize> {
        self.index.get(&name.to_lowercase()).copied()
    }

    pub fn get(&self, name: &str) -> Option<&Entry> {
        self.position(name).map(|i| &self.entries[i])
    }
}

/// One `<Relationship>`.
#[derive(Debug, Clone)]
pub(crate) struct Relationship {
    pub id: String,
    pub rel_type: String,
    /// The target part's name inside the zip (resolved), or the raw target when external.
    pub target: String,
    pub external: bool,
}

/// The `.rels` part of `part`: `xl/workbook.xml` → `xl/_rels/workbook.xml.rels`;
/// the package root (empty) → `_rels/.rels`.
pub(crate) fn rels_name(part: &str) -> String {
    match part.rsplit_once('/') {
        Some((dir, file)) => format!("{dir}/_rels/{file}.rels"),
        None if part.is_empty() => "_rels/.rels".to_string(),
        None => format!("_rels/{part}.rels"),
    }
}

/// Resolves a relationship target against the folder of its source part.
pub(crate) fn resolve_target(source: &str, target: &str) -> String {
    let target = target.split('#').next().unwrap_or(target);
    let mut parts: Vec<&str> = if let Some(abs) = target.strip_prefix('/') {
        return normalise(abs.split('/').collect());
    } else {
        source
            .rsplit_once('/')
            .map_or(Vec::new(), |(dir, _)| dir.split('/').collect())
    };
    parts.extend(target.split('/'));
    normalise(parts)
}

fn normalise(parts: Vec<&str>) -> String {
    let mut out: Vec<&str> = Vec::new();
    for p in parts {
        match p {
            "" | "." => {}
            ".." => {
                out.pop();
            }
            p => out.push(p),
        }
    }
    out.join("/")
}

/// Reads a `.rels` part. `source` is the part whose relationships they are.
pub(crate) fn read_rels(
    rels_part: &str,
    bytes: &[u8],
    source: &str,
) -> Result<Vec<Relationship>, FillError> {
    let (_, text) = part_text(rels_part, bytes)?;
    let mut r = xml::Events::new(rels_part, text);
    let mut out = Vec::new();
    loop {
        match r.next()? {
            Event::Start(e) | Event::Empty(e) if local(e.name().as_ref()) == "Relationship" => {
                let id = attr(rels_part, &e, "Id")?.unwrap_or_default();
                let rel_type = attr(rels_part, &e, "Type")?.unwrap_or_default();
                let raw_target = attr(rels_part, &e, "Target")?.unwrap_or_default();
                let external = attr(rels_part, &e, "TargetMode")?.as_deref() == Some("External");
                let target = if external {
                    raw_target
                } else if raw_target.starts_with('#') {
                    // A place inside the source part itself (internal hyperlinks).
                    source.to_string()
                } else {
                    resolve_target(source, &raw_target)
                };
                out.push(Relationship {
                    id,
                    rel_type,
                    target,
                    external,
                });
            }
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(out)
}

/// Whether a sheet shows in the tab bar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SheetState {
    Visible,
    /// Hidden, the user can unhide it.
    Hidden,
    /// Hidden, only a macro or the file can unhide it.
    VeryHidden,
}

/// What kind of sheet a `<sheet>` entry is (from its relationship type).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SheetKind {
    Worksheet,
    Chartsheet,
    Dialogsheet,
    Macrosheet,
    Other,
}

/// A sheet of the workbook, in tab order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SheetInfo {
    pub name: String,
    /// The workbook's `sheetId` (stable across reordering; the calculation chain uses it).
    pub sheet_id: u32,
    pub state: SheetState,
    pub kind: SheetKind,
    /// The sheet's part in the zip, e.g. `xl/worksheets/sheet5.xml`.
    pub part: String,
}

/// A `<definedName>` of the workbook.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DefinedName {
    pub name: String,
    /// The sheet the name is local to (`localSheetId`), or `None` for a workbook-wide name.
    pub scope: Option<String>,
    pub hidden: bool,
    /// The formula as written in the workbook, e.g. `'General Information'!$E$21`.
    pub formula: String,
    /// The cells, when the formula is one rectangle on one sheet.
    pub range: Option<RangeRef>,
}

/// What `workbook.xml` tells us.
pub(crate) struct WorkbookPart {
    pub part: String,
    pub sheets: Vec<SheetInfo>,
    pub names: Vec<DefinedName>,
    /// The relationships of the workbook part (styles, shared strings, calcChain...).
    pub rels: Vec<Relationship>,
}

/// Relationship types end with these (transitional and strict OOXML differ in the prefix).
pub(crate) fn rel_is(rel: &Relationship, suffix: &str) -> bool {
    rel.rel_type.ends_with(&format!("/{suffix}"))
}

pub(crate) fn read_workbook(pkg: &Package) -> Result<WorkbookPart, FillError> {
    let root_rels_name = rels_name("");
    let root_rels = pkg.get(&root_rels_name).ok_or(FillError::NotXlsx {
        missing: root_rels_name.clone(),
    })?;
    let root_rels = read_rels(&root_rels_name, &root_rels.data, "")?;
    let part = root_rels
        .iter()
        .find(|r| rel_is(r, "officeDocument") && !r.external)
        .map(|r| r.target.clone())
        .unwrap_or_else(|| "xl/workbook.xml".to_string());
    let wb = pkg.get(&part).ok_or(FillError::NotXlsx {
        missing: part.clone(),
    })?;
    let rels_part = rels_name(&part);
    let rels = match pkg.get(&rels_part) {
        Some(e) => read_rels(&rels_part, &e.data, &part)?,
        None => {
            return Err(FillError::NotXlsx { missing: rels_part });
        }
    };
    let (_, text) = part_text(&part, &wb.data)?;
    let mut r = xml::Events::new(&part, text);
    let mut sheets = Vec::new();
    // (name, localSheetId, hidden, formula)
    let mut raw_names: Vec<(String, Option<usize>, bool, String)> = Vec::new();
    let mut in_name: Option<(String, Option<usize>, bool, String)> = None;
    let mut saw_workbook = false;
    loop {
        let ev = r.next()?;
        let is_empty = matches!(ev, Event::Empty(_));
        match ev {
            Event::Start(e) | Event::Empty(e) => match local(e.name().as_ref()) {
                "workbook" => saw_workbook = true,
                "sheet" => {
                    let name = attr(&part, &e, "name")?
                        .ok_or_else(|| FillError::damaged(&part, "a sheet has no name"))?;
                    let sheet_id = attr(&part, &e, "sheetId")?
                        .and_then(|v| v.parse::<u32>().ok())
                        .ok_or_else(|| {
                            FillError::damaged(&part, format!("sheet {name:?} has no sheetId"))
                        })?;
                    let state = match attr(&part, &e, "state")?.as_deref() {
                        Some("hidden") => SheetState::Hidden,
                        Some("veryHidden") => SheetState::VeryHidden,
                        _ => SheetState::Visible,
                    };
                    let rid = prefixed_attr(&part, &e, "id")?.ok_or_else(|| {
                        FillError::damaged(&part, format!("sheet {name:?} has no r:id"))
                    })?;
                    let rel = rels.iter().find(|x| x.id == rid).ok_or_else(|| {
                        FillError::damaged(&part, format!("sheet {name:?}: no relationship {rid}"))
                    })?;
                    let kind = if rel_is(rel, "worksheet") {
                        SheetKind::Worksheet
                    } else if rel_is(rel, "chartsheet") {
                        SheetKind::Chartsheet
                    } else if rel_is(rel, "dialogsheet") {
                        SheetKind::Dialogsheet
                    } else if rel_is(rel, "xlMacrosheet") || rel_is(rel, "xlIntlMacrosheet") {
                        SheetKind::Macrosheet
                    } else {
                        SheetKind::Other
                    };
                    if pkg.get(&rel.target).is_none() {
                        return Err(FillError::damaged(
                            &rel.target,
                            "the sheet's part is missing",
                        ));
                    }
                    sheets.push(SheetInfo {
                        name,
                        sheet_id,
                        state,
                        kind,
                        part: pkg
                            .get(&rel.target)
                            .map(|en| en.name.clone())
                            .unwrap_or_else(|| rel.target.clone()),
                    });
                }
                "definedName" => {
                    let name = attr(&part, &e, "name")?.unwrap_or_default();
                    let local_id = attr(&part, &e, "localSheetId")?
                        .map(|v| {
                            v.parse::<usize>().map_err(|_| {
                                FillError::damaged(&part, format!("localSheetId {v:?}"))
                            })
                        })
                        .transpose()?;
                    let hidden =
                        matches!(attr(&part, &e, "hidden")?.as_deref(), Some("1" | "true"));
                    let entry = (name, local_id, hidden, String::new());
                    if is_empty {
                        raw_names.push(entry);
                    } else {
                        in_name = Some(entry);
                    }
                }
                _ => {}
            },
            Event::Text(t) => {
                if let Some(n) = in_name.as_mut() {
                    n.3.push_str(&t.xml10_content());
                }
            }
            Event::GeneralRef(g) => {
                if let Some(n) = in_name.as_mut() {
                    n.3.push_str(&resolve_ref(&part, &g)?);
                }
            }
            Event::CData(c) => {
                if let Some(n) = in_name.as_mut() {
                    n.3.push_str(&c.xml10_content());
                }
            }
            Event::End(e) if local(e.name().as_ref()) == "definedName" => {
                if let Some(n) = in_name.take() {
                    raw_names.push(n);
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if !saw_workbook {
        return Err(FillError::damaged(&part, "no <workbook> element"));
    }
    let mut names = Vec::with_capacity(raw_names.len());
    for (name, local_id, hidden, formula) in raw_names {
        let scope = match local_id {
            Some(i) => Some(
                sheets
                    .get(i)
                    .ok_or_else(|| {
                        FillError::damaged(&part, format!("name {name:?}: no sheet number {i}"))
                    })?
                    .name
                    .clone(),
            ),
            None => None,
        };
        let range = parse_sheet_range(&formula);
        names.push(DefinedName {
            name,
            scope,
            hidden,
            formula,
            range,
        });
    }
    Ok(WorkbookPart {
        part: wb.name.clone(),
        sheets,
        names,
        rels,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resolves_relationship_targets() {
        assert_eq!(
            resolve_target("xl/workbook.xml", "worksheets/sheet1.xml"),
            "xl/worksheets/sheet1.xml"
        );
        assert_eq!(
            resolve_target("xl/workbook.xml", "../customXml/item1.xml"),
            "customXml/item1.xml"
        );
        assert_eq!(
            resolve_target("xl/workbook.xml", "/xl/worksheets/sheet2.xml"),
            "xl/worksheets/sheet2.xml"
        );
        assert_eq!(resolve_target("", "xl/workbook.xml"), "xl/workbook.xml");
        assert_eq!(rels_name(""), "_rels/.rels");
        assert_eq!(rels_name("xl/workbook.xml"), "xl/_rels/workbook.xml.rels");
    }

    #[test]
    fn recognises_what_is_not_a_zip() {
        assert!(matches!(Package::read(Vec::new()), Err(FillError::Empty)));
        let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
        assert!(matches!(
            Package::read(png),
            Err(FillError::NotZip { looks_like: "png" })
        ));
        assert!(matches!(
            Package::read(b"a,b\n1,2\n".to_vec()),
            Err(FillError::NotZip { looks_like: "text" })
        ));
        assert!(matches!(
            Package::read(b"PK\x03\x04 truncated".to_vec()),
            Err(FillError::DamagedArchive { .. })
        ));
    }
}
