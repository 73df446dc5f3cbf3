//! Files that are not sound workbooks give typed errors, never a panic; so do edits that do
//! not fit the workbook.

mod common;

use std::io::{Cursor, Write};

use athar_xlsx_fill::{CellValue, FillError, Workbook};
use common::*;

fn open_err(bytes: Vec<u8>) -> FillError {
    match Workbook::from_bytes(bytes) {
        Ok(_) => panic!("opened"),
        Err(e) => e,
    }
}

/// A zip with the given entries (stored as given).
fn zip_of(entries: &[(&str, &[u8])]) -> Vec<u8> {
    let mut z = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for (name, data) in entries {
        z.start_file(*name, zip::write::SimpleFileOptions::default())
            .unwrap();
        z.write_all(data).unwrap();
    }
    z.finish().unwrap().into_inner()
}

#[test]
fn an_empty_file() {
    assert_eq!(open_err(Vec::new()).key(), "xlsx-empty-file");
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("empty.xlsx");
    std::fs::write(&p, b"").unwrap();
    assert!(matches!(Workbook::open(&p), Err(FillError::Empty)));
    let e = Workbook::open(dir.path().join("nowhere.xlsx"))
        .err()
        .unwrap();
    assert_eq!(e.key(), "xlsx-io");
}

#[test]
fn a_png_renamed_xlsx() {
    // A real PNG: the EFRAG logo inside the VSME template, saved under an .xlsx name.
    let png = entries(&read(&vsme_template()))
        .into_iter()
        .find(|(n, _)| n == "xl/media/image1.png")
        .unwrap()
        .1
        .data;
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("report.xlsx");
    std::fs::write(&p, &png).unwrap();
    let e = Workbook::open(&p).err().unwrap();
    assert!(
        matches!(e, FillError::NotZip { looks_like: "png" }),
        "{e:?}"
    );
    assert_eq!(e.args(), [("looks_like".to_string(), "png".to_string())]);
}

#[test]
fn other_things_that_are_not_zips() {
    for (bytes, looks_like) in [
        (b"%PDF-1.7\n".to_vec(), "pdf"),
        (
            b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1rest".to_vec(),
            "xls-or-encrypted",
        ),
        (b"date,amount\n2026-01-01,5\n".to_vec(), "text"),
        (vec![0xFF, 0xD8, 0xFF, 0xE0, 0, 1], "jpeg"),
        (vec![0x00, 0x9F, 0x92, 0x96], "other"),
    ] {
        assert!(
            matches!(open_err(bytes), FillError::NotZip { looks_like: l } if l == looks_like),
            "{looks_like}"
        );
    }
}

#[test]
fn a_truncated_xlsx() {
    let full = read(&cbam_template());
    for keep in [4, 100, full.len() / 2, full.len() - 30] {
        let e = open_err(full[..keep].to_vec());
        assert_eq!(e.key(), "xlsx-damaged-archive", "{keep} bytes: {e:?}");
    }
}

#[test]
fn a_corrupt_entry() {
    // Flip bytes in the middle of the compressed data of the largest sheet: the CRC check
    // (or inflate) fails on open, naming the part.
    let mut bytes = read(&vsme_template());
    let name = b"xl/worksheets/sheet5.xml";
    let header = bytes
        .windows(name.len())
        .position(|w| w == name)
        .expect("local header");
    for b in &mut bytes[header + name.len() + 5000..header + name.len() + 5100] {
        *b ^= 0x5A;
    }
    let e = open_err(bytes);
    assert!(
        matches!(&e, FillError::DamagedPart { part, .. } if part == "xl/worksheets/sheet5.xml"),
        "{e:?}"
    );
}

#[test]
fn a_zip_without_workbook_xml() {
    let e = open_err(zip_of(&[("hello.txt", b"hi")]));
    assert!(
        matches!(&e, FillError::NotXlsx { missing } if missing == "_rels/.rels"),
        "{e:?}"
    );

    let rels = br#"<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#;
    let e = open_err(zip_of(&[
        ("_rels/.rels", rels),
        ("docProps/app.xml", b"<a/>"),
    ]));
    assert!(
        matches!(&e, FillError::NotXlsx { missing } if missing == "xl/workbook.xml"),
        "{e:?}"
    );
    assert_eq!(e.key(), "xlsx-not-xlsx");

    // A Word document is a zip too.
    let docx_rels = String::from_utf8_lossy(rels).replace("xl/workbook.xml", "word/document.xml");
    let e = open_err(zip_of(&[
        ("_rels/.rels", docx_rels.as_bytes()),
        ("word/document.xml", b"<w:document/>"),
    ]));
    assert!(
        matches!(&e, FillError::NotXlsx { missing } if missing == "word/_rels/document.xml.rels"),
        "{e:?}"
    );
}

#[test]
fn malformed_parts() {
    let rels = br#"<Relationships><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#;
    let wb_rels = br#"<Relationships><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>"#;
    let good_wb =
        br#"<workbook><sheets><sheet name="Data" sheetId="1" r:id="rId1"/></sheets></workbook>"#;
    let good_sheet =
        br#"<worksheet><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData></worksheet>"#;
    let build = |wb: &[u8], sheet: Option<&[u8]>| {
        let mut e: Vec<(&str, &[u8])> = vec![
            ("_rels/.rels", rels),
            ("xl/_rels/workbook.xml.rels", wb_rels),
            ("xl/workbook.xml", wb),
        ];
        if let Some(s) = sheet {
            e.push(("xl/worksheets/sheet1.xml", s));
        }
        zip_of(&e)
    };
    // The minimal package itself is fine, and can be filled.
    let mut ok = Workbook::from_bytes(build(good_wb, Some(good_sheet))).unwrap();
    ok.set("Data", "B2", CellValue::number("2").unwrap())
        .unwrap();
    let out = Workbook::from_bytes(ok.to_bytes().unwrap()).unwrap();
    assert_eq!(
        out.cell("Data", "B2").unwrap().unwrap().content,
        athar_xlsx_fill::CellContent::Number("2".into())
    );

    for (wb, sheet, part) in [
        (&b"<workbook><sheets>"[..], Some(&good_sheet[..]), "xl/workbook.xml"),
        (&b"<workbook><sheets><sheet name=\"Data\" sheetId=\"1\"/></sheets></workbook>"[..], Some(&good_sheet[..]), "xl/workbook.xml"),
        (&b"<workbook><sheets><sheet name=\"Data\" sheetId=\"1\" r:id=\"rId9\"/></sheets></workbook>"[..], Some(&good_sheet[..]), "xl/workbook.xml"),
        (&good_wb[..], None, "xl/worksheets/sheet1.xml"),
        (&b"\xFF\xFEnot utf8"[..], Some(&good_sheet[..]), "xl/workbook.xml"),
    ] {
        let e = open_err(build(wb, sheet));
        assert!(
            matches!(&e, FillError::DamagedPart { part: p, .. } if p == part),
            "{e:?}"
        );
    }
    // A sheet part that is not well-formed fails when it is read or rewritten.
    let mut wb = Workbook::from_bytes(build(
        good_wb,
        Some(b"<worksheet><sheetData><row r=\"1\"></sheetData>"),
    ))
    .unwrap();
    assert_eq!(
        wb.cell("Data", "A1").unwrap_err().key(),
        "xlsx-damaged-part"
    );
    wb.set("Data", "A1", "x").unwrap();
    assert_eq!(wb.to_bytes().unwrap_err().key(), "xlsx-damaged-part");
}

#[test]
fn edits_that_do_not_fit() {
    let mut wb = Workbook::open(cbam_template()).unwrap();
    let key = |r: Result<(), FillError>| r.unwrap_err().key();
    assert_eq!(
        key(wb.set("No such sheet", "A1", "x")),
        "xlsx-missing-sheet"
    );
    assert_eq!(key(wb.set("A_InstData", "A0", "x")), "xlsx-bad-cell-ref");
    assert_eq!(
        key(wb.set("A_InstData", "XFE1", "x")),
        "xlsx-cell-out-of-range"
    );
    assert_eq!(
        key(wb.set("A_InstData", "I20", "x".repeat(40_000))),
        "xlsx-text-too-long"
    );
    assert_eq!(key(CellValue::number("1,5").map(|_| ())), "xlsx-bad-number");
    assert_eq!(key(wb.set_named("NoSuchName", "x")), "xlsx-unknown-name");
    // Sheet names are matched as Excel does, ignoring case.
    wb.set("a_instdata", "I20", "x").unwrap();
    assert_eq!(wb.pending_edits(), 1);
    // The anchor of a shared formula cannot be overwritten: find one in the template.
    let anchor = wb
        .part("xl/worksheets/sheet6.xml")
        .map(|b| String::from_utf8_lossy(b).into_owned())
        .and_then(|xml| {
            let i = xml.find("t=\"shared\" ref=\"")?;
            let c = xml[..i].rfind("<c r=\"")?;
            let r = &xml[c + 6..];
            Some(r[..r.find('"')?].to_string())
        })
        .expect("B_EmInst has a shared formula");
    let mut wb = Workbook::open(cbam_template()).unwrap();
    wb.set("B_EmInst", &anchor, "x").unwrap();
    let e = wb.to_bytes().unwrap_err();
    assert_eq!(e.key(), "xlsx-formula-anchor");
    assert_eq!(
        e.args(),
        [
            ("sheet".to_string(), "B_EmInst".to_string()),
            ("cell".to_string(), anchor.clone())
        ]
    );
}
