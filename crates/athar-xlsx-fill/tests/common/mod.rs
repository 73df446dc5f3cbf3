//! Shared by the workflow tests: where the official workbooks are (read in place, never
//! copied), and checks on the zip entries and XML of a filled workbook.
#![allow(dead_code)]

use std::collections::BTreeMap;
use std::io::{Cursor, Read};
use std::path::PathBuf;

pub fn reference(rel: &str) -> PathBuf {
    PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/reference"
    ))
    .join(rel)
}

pub fn cbam_template() -> PathBuf {
    reference("cbam/template/CBAM Communication template for installations_en_20241213.xlsx")
}

pub fn vsme_template() -> PathBuf {
    reference("vsme/templates/VSME-Digital-Template-1.3.0.xlsx")
}

pub fn read(path: &PathBuf) -> Vec<u8> {
    std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// One zip entry: its decompressed bytes, CRC, compression method and compressed bytes.
#[derive(Debug, PartialEq, Eq)]
pub struct RawEntry {
    pub data: Vec<u8>,
    pub crc: u32,
    pub method: String,
    pub compressed: Vec<u8>,
}

/// Every entry of a zip, by name, in archive order (the Vec keeps the order).
pub fn entries(bytes: &[u8]) -> Vec<(String, RawEntry)> {
    let mut z = zip::ZipArchive::new(Cursor::new(bytes)).expect("a zip");
    let mut out = Vec::new();
    for i in 0..z.len() {
        let mut compressed = Vec::new();
        let (name, crc, method) = {
            let mut f = z.by_index_raw(i).unwrap();
            f.read_to_end(&mut compressed).unwrap();
            (
                f.name().unwrap().to_string(),
                f.crc32(),
                format!("{:?}", f.compression()),
            )
        };
        let mut data = Vec::new();
        z.by_index(i).unwrap().read_to_end(&mut data).unwrap();
        out.push((
            name,
            RawEntry {
                data,
                crc,
                method,
                compressed,
            },
        ));
    }
    out
}

/// Asserts that every entry of `before` except `touched` (and `removed`) is in `after`
/// byte for byte (compressed bytes too), in the same order, and that nothing was added.
pub fn assert_untouched_entries_identical(
    before: &[u8],
    after: &[u8],
    touched: &[&str],
    removed: &[&str],
) {
    let b = entries(before);
    let a = entries(after);
    let a_map: BTreeMap<&str, &RawEntry> = a.iter().map(|(n, e)| (n.as_str(), e)).collect();
    let b_names: Vec<&str> = b
        .iter()
        .map(|(n, _)| n.as_str())
        .filter(|n| !removed.contains(n))
        .collect();
    let a_names: Vec<&str> = a.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(a_names, b_names, "entries and their order");
    let mut compared = 0;
    for (name, entry) in &b {
        if removed.contains(&name.as_str()) {
            assert!(!a_map.contains_key(name.as_str()), "{name} should be gone");
            continue;
        }
        if touched.contains(&name.as_str()) {
            assert_ne!(
                a_map[name.as_str()].data,
                entry.data,
                "{name} should change"
            );
            continue;
        }
        assert_eq!(a_map[name.as_str()], entry, "{name} changed");
        compared += 1;
    }
    assert!(compared > 40, "only {compared} entries compared");
}

/// The text of an entry.
pub fn entry_text(bytes: &[u8], name: &str) -> String {
    let e = entries(bytes);
    let (_, entry) = e
        .iter()
        .find(|(n, _)| n == name)
        .unwrap_or_else(|| panic!("no entry {name}"));
    String::from_utf8(entry.data.clone()).unwrap()
}

/// Every top-level element of a worksheet other than `<sheetData>` and `<dimension>`,
/// verbatim: protection, merged cells, conditional formats, validations, extensions...
pub fn sheet_outside_data(xml: &str) -> String {
    let start = xml.find("<sheetData").expect("sheetData");
    let end = xml
        .find("</sheetData>")
        .map(|i| i + "</sheetData>".len())
        .unwrap_or_else(|| {
            xml[start..]
                .find("/>")
                .map(|i| start + i + 2)
                .expect("sheetData end")
        });
    let head = &xml[..start];
    let dim_start = head.find("<dimension").expect("dimension");
    let dim_end = dim_start + head[dim_start..].find("/>").expect("dimension end") + 2;
    format!("{}{}{}", &head[..dim_start], &head[dim_end..], &xml[end..])
}

/// The elements named `tag` (start to end, or empty) in `xml`, in order.
pub fn elements(xml: &str, tag: &str) -> Vec<String> {
    let mut out = Vec::new();
    let open = format!("<{tag}");
    let close = format!("</{tag}>");
    let mut rest = xml;
    while let Some(i) = rest.find(&open) {
        let after = &rest[i + open.len()..];
        if !after.starts_with([' ', '>', '/']) {
            rest = after;
            continue;
        }
        let tag_end = i + open.len() + after.find('>').unwrap() + 1;
        let end = if rest[..tag_end].ends_with("/>") {
            tag_end
        } else {
            tag_end + rest[tag_end..].find(&close).unwrap() + close.len()
        };
        out.push(rest[i..end].to_string());
        rest = &rest[end..];
    }
    out
}

/// Cell values as calamine sees them; each sheet is loaded once.
pub fn calamine_values(bytes: &[u8], cells: &[(&str, &str)]) -> Vec<calamine::Data> {
    use calamine::Reader;
    let mut wb: calamine::Xlsx<_> = calamine::Xlsx::new(Cursor::new(bytes)).unwrap();
    let mut ranges: BTreeMap<String, calamine::Range<calamine::Data>> = BTreeMap::new();
    cells
        .iter()
        .map(|(sheet, cell)| {
            let range = ranges
                .entry(sheet.to_string())
                .or_insert_with(|| wb.worksheet_range(sheet).unwrap());
            let at = athar_xlsx_fill::CellRef::parse(cell).unwrap();
            range
                .get_value((at.row() - 1, at.col() - 1))
                .cloned()
                .unwrap_or(calamine::Data::Empty)
        })
        .collect()
}

/// Whether calamine's value is what we wrote.
pub fn calamine_agrees(data: &calamine::Data, value: &athar_xlsx_fill::CellValue) -> bool {
    use athar_xlsx_fill::CellValue;
    use calamine::Data;
    match (value, data) {
        (CellValue::Text(t), Data::String(s)) => t == s,
        (CellValue::Bool(b), Data::Bool(c)) => b == c,
        (CellValue::Number(n), Data::Float(f)) => n.as_str().parse::<f64>().unwrap() == *f,
        (CellValue::Number(n), Data::Int(i)) => n.as_str().parse::<f64>().unwrap() == *i as f64,
        (CellValue::Number(n), Data::DateTime(d)) => {
            n.as_str().parse::<f64>().unwrap() == d.as_f64()
        }
        (CellValue::Empty, Data::Empty) => true,
        _ => false,
    }
}
