//! Writing the package back: untouched entries are copied as their original compressed bytes
//! (`raw_copy_file`), changed parts are deflated anew with the original entry's timestamp, and
//! removed parts are left out — so the same input and edits give the same bytes.
//!
//! Also the two small workbook-level edits: dropping the calculation chain (with its
//! relationship and content-type entry) once a formula has been replaced, and asking for a
//! full recalculation on load.

use std::collections::BTreeMap;
use std::io::{Cursor, Write};

use quick_xml::events::Event;
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipArchive, ZipWriter};

use crate::package::Package;
use crate::value::escape_attr;
use crate::xml::{self, attributes, local, part_text, prefix};
use crate::FillError;

/// An element's attributes: (qualified name, value).
pub(crate) type Attributes = [(String, String)];

/// What happens to a part on save.
pub(crate) enum PartChange {
    Replace(Vec<u8>),
    Remove,
}

pub(crate) fn write_package(
    pkg: &Package,
    changes: &BTreeMap<String, PartChange>,
) -> Result<Vec<u8>, FillError> {
    let archive_error = |e: zip::result::ZipError| FillError::DamagedArchive {
        detail: e.to_string(),
    };
    let mut src = ZipArchive::new(Cursor::new(&pkg.raw[..])).map_err(archive_error)?;
    let mut out = ZipWriter::new(Cursor::new(Vec::with_capacity(pkg.raw.len() + (64 << 10))));
    if !src.comment().is_empty() {
        out.set_raw_comment(src.comment().into())
            .map_err(archive_error)?;
    }
    for (i, entry) in pkg.entries.iter().enumerate() {
        match changes.get(&entry.name) {
            None => {
                let file = src.by_index_raw(i).map_err(archive_error)?;
                out.raw_copy_file(file).map_err(archive_error)?;
            }
            Some(PartChange::Remove) => {}
            Some(PartChange::Replace(bytes)) => {
                let options = SimpleFileOptions::default()
                    .compression_method(CompressionMethod::Deflated)
                    .last_modified_time(entry.modified.unwrap_or_default())
                    .large_file(bytes.len() >= u32::MAX as usize);
                out.start_file(entry.name.as_str(), options)
                    .map_err(archive_error)?;
                out.write_all(bytes)
                    .map_err(|e| FillError::DamagedArchive {
                        detail: e.to_string(),
                    })?;
            }
        }
    }
    Ok(out.finish().map_err(archive_error)?.into_inner())
}

/// Removes the elements `<local_name .../>` (at any depth) for which `drop` holds, given
/// their attributes. Everything else is kept byte for byte.
pub(crate) fn remove_elements(
    part: &str,
    bytes: &[u8],
    local_name: &str,
    drop: &dyn Fn(&Attributes) -> bool,
) -> Result<Vec<u8>, FillError> {
    let (bom, text) = part_text(part, bytes)?;
    let mut r = xml::reader(text);
    let mut out = Vec::with_capacity(bytes.len());
    out.extend_from_slice(&bytes[..bom]);
    let mut pos = 0;
    loop {
        let start = r.buffer_position() as usize;
        let ev = r.read_event().map_err(|e| xml::xml_error(part, &r, e))?;
        let is_start = matches!(ev, Event::Start(_));
        match ev {
            Event::Empty(e) | Event::Start(e)
                if local(e.name().as_ref()) == local_name && drop(&attributes(part, &e)?) =>
            {
                if is_start {
                    r.read_to_end(e.name())
                        .map_err(|err| xml::xml_error(part, &r, err))?;
                }
                let end = r.buffer_position() as usize;
                out.extend_from_slice(&text.as_bytes()[pos..start]);
                pos = end;
            }
            Event::Eof => break,
            _ => {}
        }
    }
    out.extend_from_slice(&text.as_bytes()[pos..]);
    Ok(out)
}

/// Sets `fullCalcOnLoad="1"` on `<calcPr>`, adding the element where the schema wants it
/// (after `definedNames`, or whichever of its predecessors is last) when there is none.
pub(crate) fn request_full_calc(part: &str, bytes: &[u8]) -> Result<Vec<u8>, FillError> {
    let (bom, text) = part_text(part, bytes)?;
    let mut r = xml::reader(text);
    let mut depth = 0usize;
    let mut root_prefix = String::new();
    // End of the last element that must come before calcPr.
    let mut insert_at: Option<usize> = None;
    let mut splice: Option<(usize, usize, String)> = None;
    const BEFORE: [&str; 9] = [
        "fileVersion",
        "fileSharing",
        "workbookPr",
        "workbookProtection",
        "bookViews",
        "sheets",
        "functionGroups",
        "externalReferences",
        "definedNames",
    ];
    loop {
        let start = r.buffer_position() as usize;
        let ev = r.read_event().map_err(|e| xml::xml_error(part, &r, e))?;
        let end = r.buffer_position() as usize;
        let is_empty = matches!(ev, Event::Empty(_));
        match ev {
            Event::Start(e) | Event::Empty(e) => {
                let qname = e.name().as_ref().to_string();
                if depth == 0 {
                    root_prefix = prefix(&qname).to_string();
                } else if depth == 1 && local(&qname) == "calcPr" {
                    let mut attrs = attributes(part, &e)?;
                    match attrs.iter_mut().find(|(k, _)| k == "fullCalcOnLoad") {
                        Some((_, v)) => *v = "1".to_string(),
                        None => attrs.push(("fullCalcOnLoad".to_string(), "1".to_string())),
                    }
                    let mut tag = format!("<{qname}");
                    for (k, v) in &attrs {
                        tag.push_str(&format!(" {k}=\""));
                        escape_attr(v, &mut tag);
                        tag.push('"');
                    }
                    tag.push_str(if is_empty { "/>" } else { ">" });
                    splice = Some((start, end, tag));
                }
                if depth == 1 && is_empty && BEFORE.contains(&local(&qname)) {
                    insert_at = Some(end);
                }
                if !is_empty {
                    depth += 1;
                }
            }
            Event::End(e) => {
                depth = depth.saturating_sub(1);
                if depth == 1 && BEFORE.contains(&local(e.name().as_ref())) {
                    insert_at = Some(end);
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    let (start, end, new) = match splice {
        Some(s) => s,
        None => {
            let at = insert_at.ok_or_else(|| FillError::damaged(part, "no <sheets> element"))?;
            (
                at,
                at,
                format!("<{root_prefix}calcPr fullCalcOnLoad=\"1\"/>"),
            )
        }
    };
    let mut out = Vec::with_capacity(bytes.len() + new.len());
    out.extend_from_slice(&bytes[..bom]);
    out.extend_from_slice(&text.as_bytes()[..start]);
    out.extend_from_slice(new.as_bytes());
    out.extend_from_slice(&text.as_bytes()[end..]);
    Ok(out)
}

/// Whether `[Content_Types].xml` names `part` in an `<Override>`.
pub(crate) fn override_matches(attrs: &[(String, String)], part: &str) -> bool {
    attrs
        .iter()
        .any(|(k, v)| k == "PartName" && v.trim_start_matches('/').eq_ignore_ascii_case(part))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn full_calc_is_added_or_set() {
        let wb = r#"<workbook xmlns="m"><sheets><sheet name="A" sheetId="1" r:id="rId1"/></sheets><definedNames><definedName name="x">A!$A$1</definedName></definedNames><calcPr calcId="162913"/><extLst/></workbook>"#;
        let out = request_full_calc("wb", wb.as_bytes()).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            wb.replace(
                r#"<calcPr calcId="162913"/>"#,
                r#"<calcPr calcId="162913" fullCalcOnLoad="1"/>"#
            )
        );
        let wb = r#"<x:workbook xmlns:x="m"><x:sheets><x:sheet name="A"/></x:sheets><x:extLst/></x:workbook>"#;
        let out = request_full_calc("wb", wb.as_bytes()).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            r#"<x:workbook xmlns:x="m"><x:sheets><x:sheet name="A"/></x:sheets><x:calcPr fullCalcOnLoad="1"/><x:extLst/></x:workbook>"#
        );
        let wb = r#"<workbook><calcPr fullCalcOnLoad="0" calcId="1"></calcPr></workbook>"#;
        let out = request_full_calc("wb", wb.as_bytes()).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            r#"<workbook><calcPr fullCalcOnLoad="1" calcId="1"></calcPr></workbook>"#
        );
    }

    #[test]
    fn elements_are_removed_and_the_rest_kept() {
        let ct = "<Types><Default Extension=\"xml\" ContentType=\"a\"/>\n<Override PartName=\"/xl/calcChain.xml\" ContentType=\"c\"/><Override PartName=\"/xl/workbook.xml\" ContentType=\"w\"></Override></Types>";
        let out = remove_elements("ct", ct.as_bytes(), "Override", &|a| {
            override_matches(a, "xl/calcChain.xml")
        })
        .unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "<Types><Default Extension=\"xml\" ContentType=\"a\"/>\n<Override PartName=\"/xl/workbook.xml\" ContentType=\"w\"></Override></Types>"
        );
        let out = remove_elements("ct", ct.as_bytes(), "Override", &|a| {
            override_matches(a, "xl/workbook.xml")
        })
        .unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "<Types><Default Extension=\"xml\" ContentType=\"a\"/>\n<Override PartName=\"/xl/calcChain.xml\" ContentType=\"c\"/></Types>"
        );
    }
}
