//! Filling the Commission's CBAM communication template (V2.1.1, read in place): ~50 input
//! cells and a few summary results, read back with our reader and with calamine, and
//! everything else in the package unchanged.

mod common;

use std::collections::BTreeSet;

use athar_xlsx_fill::{check, CellContent, CellRef, CellValue, SheetState, Workbook};
use common::*;

fn n(text: &str) -> CellValue {
    CellValue::number(text).unwrap()
}

fn date(y: i32, m: u8, d: u8) -> CellValue {
    let month = time::Month::try_from(m).unwrap();
    CellValue::date(time::Date::from_calendar_date(y, month, d).unwrap())
}

/// Input cells of sheets A to E (the places the Commission's cement example fills), with
/// values of an Egyptian producer.
fn inputs() -> Vec<(&'static str, String, CellValue)> {
    let mut v: Vec<(&'static str, String, CellValue)> = vec![
        ("A_InstData", "I9", date(2026, 1, 1)),
        ("A_InstData", "L9", date(2026, 12, 31)),
        (
            "A_InstData",
            "I20",
            CellValue::text("Cairo Cement Works — شركة القاهرة للأسمنت"),
        ),
        (
            "A_InstData",
            "I21",
            CellValue::text("Industrial Zone 3, Plot 14"),
        ),
        (
            "A_InstData",
            "I22",
            CellValue::text("Clinker and cement — الكلنكر والأسمنت"),
        ),
        ("A_InstData", "I23", CellValue::text("11511")),
        ("A_InstData", "I24", CellValue::text("P.O. Box 120")),
        ("A_InstData", "I25", CellValue::text("Helwan — حلوان")),
        ("A_InstData", "I26", CellValue::text("Egypt")),
        ("A_InstData", "I27", CellValue::text("EG HEL")),
        ("A_InstData", "I28", CellValue::text("29.8414°")),
        ("A_InstData", "I29", CellValue::text("31.3342°")),
        ("A_InstData", "I30", CellValue::text("Mona Adel — منى عادل")),
        (
            "A_InstData",
            "I31",
            CellValue::text("mona.adel@example.com"),
        ),
        ("A_InstData", "I32", CellValue::text("+20 2 2555 0100")),
        ("A_InstData", "E62", CellValue::text("Cement")),
        ("A_InstData", "E63", CellValue::text("Cement clinker")),
        ("A_InstData", "E83", CellValue::text("Cement")),
        ("A_InstData", "F83", CellValue::text("Cement clinker")),
        (
            "A_InstData",
            "L83",
            CellValue::text("Kiln line 1 — خط الفرن ١"),
        ),
        ("C_Emissions&Energy", "M26", n("161489.1")),
        (
            "C_Emissions&Energy",
            "H40",
            CellValue::text("Mostly measurements & analyses <lab>"),
        ),
        (
            "C_Emissions&Energy",
            "H42",
            CellValue::text("Internal audits\nand an external check"),
        ),
        ("D_Processes", "L16", n("1321052.631578947368421")),
        ("D_Processes", "K50", CellValue::Bool(false)),
        ("D_Processes", "L50", CellValue::Bool(true)),
        ("D_Processes", "L54", n("1037310")),
        ("D_Processes", "L66", n("0.833")),
        ("D_Processes", "L71", n("0")),
    ]
    .into_iter()
    .map(|(s, c, v)| (s, c.to_string(), v))
    .collect();
    // Four source streams, one per row of B_EmInst.
    let streams = [
        (
            "Process emissions",
            "Raw meal for clinker",
            "1255000",
            "t",
            None,
            "0.525",
            "tCO2/t",
        ),
        (
            "Combustion",
            "Coal",
            "88000",
            "t",
            Some("25"),
            "95",
            "tCO2/TJ",
        ),
        (
            "Combustion",
            "Natural gas — غاز طبيعي",
            "43000.5",
            "t",
            Some("48"),
            "56.1",
            "tCO2/TJ",
        ),
        (
            "Combustion",
            "Heavy fuel oil",
            "-0.000153",
            "t",
            Some("40.4"),
            "77.4",
            "tCO2/TJ",
        ),
    ];
    for (i, (kind, name, amount, unit, ncv, ef, ef_unit)) in streams.into_iter().enumerate() {
        let row = 17 + i;
        let c = |col: &str| format!("{col}{row}");
        v.push(("B_EmInst", c("D"), CellValue::text(kind)));
        v.push(("B_EmInst", c("E"), CellValue::text(name)));
        v.push(("B_EmInst", c("F"), n(amount)));
        v.push(("B_EmInst", c("G"), CellValue::text(unit)));
        if let Some(ncv) = ncv {
            v.push(("B_EmInst", c("H"), n(ncv)));
        }
        v.push(("B_EmInst", c("J"), n(ef)));
        v.push(("B_EmInst", c("K"), CellValue::text(ef_unit)));
    }
    v
}

#[test]
fn fills_the_input_sheets_and_keeps_everything_else() {
    let original = read(&cbam_template());
    let template = Workbook::from_bytes(original.clone()).unwrap();
    let cells = inputs();
    assert!(cells.len() >= 50, "{} cells", cells.len());

    let mut wb = Workbook::from_bytes(original.clone()).unwrap();
    for (sheet, cell, value) in &cells {
        // Each is an input cell: unlocked in the protected sheet.
        let before = template.cell(sheet, cell).unwrap();
        assert!(
            before
                .as_ref()
                .is_some_and(|c| !c.locked && c.formula.is_none()),
            "{sheet}!{cell} is not an empty input cell: {before:?}"
        );
        wb.set(sheet, cell, value.clone()).unwrap();
    }
    // Summary results: keep the formulas, give them our values as cached results.
    let mut summaries: Vec<(&str, CellRef)> = Vec::new();
    for sheet in ["Summary_Processes", "Summary_Products"] {
        summaries.extend(
            template
                .cells(sheet)
                .unwrap()
                .into_iter()
                .filter(|(at, c)| at.row() >= 10 && c.formula.is_some())
                .take(2)
                .map(|(at, _)| (sheet, at)),
        );
    }
    let see = ["0.8421", "0.0312", "0.8733", "-1.5E-3"];
    assert_eq!(summaries.len(), see.len());
    for ((sheet, at), v) in summaries.iter().zip(see) {
        wb.set_cached(sheet, &at.to_string(), n(v)).unwrap();
    }
    assert_eq!(wb.pending_edits(), cells.len() + see.len());
    let filled = wb.to_bytes().unwrap();
    assert_eq!(wb.to_bytes().unwrap(), filled, "same edits, same bytes");

    // Our reader: the values, exactly, in cells that keep their style.
    let back = Workbook::from_bytes(filled.clone()).unwrap();
    for (sheet, cell, value) in &cells {
        let got = back.cell(sheet, cell).unwrap().unwrap();
        assert_eq!(got.content, CellContent::from(value), "{sheet}!{cell}");
        let style = template.cell(sheet, cell).unwrap().unwrap().style;
        assert_eq!(got.style, style, "{sheet}!{cell} style");
        assert!(got.formula.is_none());
    }
    for ((sheet, at), v) in summaries.iter().zip(see) {
        let before = template.cell_at(sheet, *at).unwrap().unwrap();
        let got = back.cell_at(sheet, *at).unwrap().unwrap();
        assert_eq!(got.formula, before.formula, "{at} keeps its formula");
        assert_eq!(got.content, CellContent::Number(v.to_string()));
    }

    // calamine agrees.
    let places: Vec<(&str, &str)> = cells.iter().map(|(s, c, _)| (*s, c.as_str())).collect();
    let seen = calamine_values(&filled, &places);
    for ((sheet, cell, value), data) in cells.iter().zip(&seen) {
        assert!(
            calamine_agrees(data, value),
            "{sheet}!{cell}: {data:?} vs {value:?}"
        );
    }

    // Every other cell of the touched sheets is as it was.
    let edited: BTreeSet<(String, CellRef)> = cells
        .iter()
        .map(|(s, c, _)| (s.to_string(), CellRef::parse(c).unwrap()))
        .chain(summaries.iter().map(|(s, at)| (s.to_string(), *at)))
        .collect();
    let touched_sheets = [
        "A_InstData",
        "B_EmInst",
        "C_Emissions&Energy",
        "D_Processes",
        "Summary_Processes",
        "Summary_Products",
    ];
    for sheet in touched_sheets {
        let keep = |list: Vec<(CellRef, athar_xlsx_fill::Cell)>| -> Vec<_> {
            list.into_iter()
                .filter(|(at, _)| !edited.contains(&(sheet.to_string(), *at)))
                .collect()
        };
        assert_eq!(
            keep(back.cells(sheet).unwrap()),
            keep(template.cells(sheet).unwrap()),
            "{sheet}"
        );
    }

    // Byte for byte: every part but the six sheets; the calculation chain stays (no
    // formula was removed).
    let parts: Vec<String> = touched_sheets
        .iter()
        .map(|s| {
            template
                .sheets()
                .iter()
                .find(|i| i.name == *s)
                .unwrap()
                .part
                .clone()
        })
        .collect();
    let touched: Vec<&str> = parts.iter().map(String::as_str).collect();
    assert_untouched_entries_identical(&original, &filled, &touched, &[]);

    // In the touched sheets, everything outside the cell data is the same text: protection,
    // merged cells, conditional formats (x14 extensions included), validations, page setup.
    for part in &touched {
        let before = entry_text(&original, part);
        let after = entry_text(&filled, part);
        assert_eq!(
            sheet_outside_data(&after),
            sheet_outside_data(&before),
            "{part}"
        );
        assert_eq!(
            elements(&after, "dimension"),
            elements(&before, "dimension")
        );
        assert_eq!(elements(&after, "sheetProtection").len(), 1, "{part}");
    }
    // Summary_Processes carries x14 conditional formats in its extension list.
    let x14 = |bytes: &[u8]| {
        elements(
            &entry_text(bytes, "xl/worksheets/sheet12.xml"),
            "x14:conditionalFormatting",
        )
    };
    assert!(!x14(&original).is_empty());
    assert_eq!(x14(&filled), x14(&original));

    // Sheets (hidden ones too) and defined names as they were.
    assert_eq!(back.sheets(), template.sheets());
    assert_eq!(back.defined_names(), template.defined_names());
    let hidden: Vec<&str> = back
        .sheets()
        .iter()
        .filter(|s| s.state == SheetState::Hidden)
        .map(|s| s.name.as_str())
        .collect();
    assert_eq!(
        hidden,
        [
            "InputOutput",
            "Parameters_Constants",
            "Parameters_CNCodes",
            "Translations",
            "VersionDocumentation"
        ]
    );
    assert_eq!(back.defined_names().len(), 106);

    // Nothing that would make Excel offer a repair.
    assert_eq!(check::check_package(&filled).unwrap(), []);
}

#[test]
fn replacing_a_formula_drops_the_calculation_chain_consistently() {
    let original = read(&cbam_template());
    let mut wb = Workbook::from_bytes(original.clone()).unwrap();
    // A_InstData!S2 is a formula (the sheet's print area); overwrite it with a value.
    let before = wb.cell("A_InstData", "S2").unwrap().unwrap();
    assert!(before.formula.is_some());
    wb.set("A_InstData", "S2", "$B$6:$O$123").unwrap();
    let filled = wb.to_bytes().unwrap();

    assert_untouched_entries_identical(
        &original,
        &filled,
        &[
            "[Content_Types].xml",
            "xl/_rels/workbook.xml.rels",
            "xl/worksheets/sheet5.xml",
        ],
        &["xl/calcChain.xml"],
    );
    let ct = entry_text(&filled, "[Content_Types].xml");
    assert!(!ct.contains("calcChain"));
    assert_eq!(
        ct,
        entry_text(&original, "[Content_Types].xml").replace(
            r#"<Override PartName="/xl/calcChain.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.calcChain+xml"/>"#,
            ""
        )
    );
    let rels = entry_text(&filled, "xl/_rels/workbook.xml.rels");
    assert!(!rels.contains("calcChain"));
    assert_eq!(
        rels,
        entry_text(&original, "xl/_rels/workbook.xml.rels").replace(
            r#"<Relationship Id="rId23" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/calcChain" Target="calcChain.xml"/>"#,
            ""
        )
    );
    let back = Workbook::from_bytes(filled.clone()).unwrap();
    let after = back.cell("A_InstData", "S2").unwrap().unwrap();
    assert_eq!(after.formula, None);
    assert_eq!(after.style, before.style);
    assert_eq!(check::check_package(&filled).unwrap(), []);

    // Without dropping it, the chain would name a cell that has no formula any more: the
    // checker sees what Excel would repair.
    let mut z = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for (name, entry) in entries(&filled) {
        z.start_file(name, zip::write::SimpleFileOptions::default())
            .unwrap();
        std::io::Write::write_all(&mut z, &entry.data).unwrap();
    }
    let chain = entries(&original)
        .into_iter()
        .find(|(n, _)| n == "xl/calcChain.xml")
        .unwrap()
        .1
        .data;
    z.start_file("xl/calcChain.xml", zip::write::SimpleFileOptions::default())
        .unwrap();
    std::io::Write::write_all(&mut z, &chain).unwrap();
    let with_stale_chain = z.finish().unwrap().into_inner();
    // (The relationship is gone, so point one back at the chain for the checker to find it.)
    let problems = check::check_package(&patch_rels_with_chain(&with_stale_chain)).unwrap();
    assert!(
        problems
            .iter()
            .any(|p| p.message.contains("!S2 has no formula")),
        "{problems:?}"
    );
}

/// Re-adds the calcChain relationship and content type to a package.
fn patch_rels_with_chain(bytes: &[u8]) -> Vec<u8> {
    let mut z = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for (name, entry) in entries(bytes) {
        let mut data = entry.data;
        if name == "xl/_rels/workbook.xml.rels" {
            let text = String::from_utf8(data).unwrap().replace(
                "</Relationships>",
                r#"<Relationship Id="rId99" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/calcChain" Target="calcChain.xml"/></Relationships>"#,
            );
            data = text.into_bytes();
        }
        if name == "[Content_Types].xml" {
            let text = String::from_utf8(data).unwrap().replace(
                "</Types>",
                r#"<Override PartName="/xl/calcChain.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.calcChain+xml"/></Types>"#,
            );
            data = text.into_bytes();
        }
        z.start_file(name, zip::write::SimpleFileOptions::default())
            .unwrap();
        std::io::Write::write_all(&mut z, &data).unwrap();
    }
    z.finish().unwrap().into_inner()
}

#[test]
fn full_recalculation_on_load_changes_only_calc_pr() {
    let original = read(&cbam_template());
    let mut wb = Workbook::from_bytes(original.clone()).unwrap();
    wb.set_full_calc_on_load(true);
    let filled = wb.to_bytes().unwrap();
    assert_untouched_entries_identical(&original, &filled, &["xl/workbook.xml"], &[]);
    assert_eq!(
        entry_text(&filled, "xl/workbook.xml"),
        entry_text(&original, "xl/workbook.xml").replace(
            r#"<calcPr calcId="162913"/>"#,
            r#"<calcPr calcId="162913" fullCalcOnLoad="1"/>"#
        )
    );
    assert_eq!(check::check_package(&filled).unwrap(), []);
}

#[test]
fn the_template_version_can_be_read() {
    let mut wb = Workbook::open(cbam_template()).unwrap();
    assert_eq!(wb.sheets().len(), 19);
    assert_eq!(wb.sheets()[0].name, "0_Versions");
    // The version history on 0_Versions ends with 2.1.1.
    let versions: Vec<(CellRef, String)> = wb
        .cells("0_Versions")
        .unwrap()
        .into_iter()
        .filter(|(at, _)| at.col() == 5 && at.row() > 10)
        .filter_map(|(at, c)| match c.content {
            CellContent::Text(t) if t.starts_with(|c: char| c.is_ascii_digit()) => Some((at, t)),
            _ => None,
        })
        .collect();
    assert_eq!(
        versions.last().map(|(at, v)| (at.to_string(), v.as_str())),
        Some(("E38".to_string(), "2.1.1"))
    );
    // Names resolve to their cells.
    let (sheet, at) = wb.name_cell("CNTR_ListProdProcNames", 9, 0).unwrap();
    assert_eq!(
        (sheet.as_str(), at.to_string().as_str()),
        ("A_InstData", "L92")
    );
    let e = wb.name_cell("CNTR_ListProdProcNames", 10, 0).unwrap_err();
    assert_eq!(e.key(), "xlsx-offset-outside-name");
    let e = wb
        .set_named("CNTR_ListProdProcNames", CellValue::Bool(true))
        .unwrap_err();
    assert_eq!(e.key(), "xlsx-name-not-single-cell");
}

#[test]
fn saving_to_a_path_is_atomic() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("CBAM communication — Cairo.xlsx");
    let mut wb = Workbook::open(cbam_template()).unwrap();
    wb.set("A_InstData", "I20", "first").unwrap();
    wb.save(&out).unwrap();
    let first = std::fs::read(&out).unwrap();
    wb.set("A_InstData", "I20", "second").unwrap();
    wb.save(&out).unwrap();
    let second = std::fs::read(&out).unwrap();
    assert_ne!(first, second);
    assert_eq!(
        Workbook::open(&out)
            .unwrap()
            .cell("A_InstData", "I20")
            .unwrap()
            .unwrap()
            .content,
        CellContent::Text("second".into())
    );
    // A failing save (an edit the workbook refuses) leaves the file and the folder as they were.
    wb.set_cached("A_InstData", "I21", n("1")).unwrap();
    assert_eq!(wb.save(&out).unwrap_err().key(), "xlsx-not-a-formula");
    assert_eq!(std::fs::read(&out).unwrap(), second);
    let names: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
    assert_eq!(names.len(), 1, "no temporary file left behind");
    // A folder that does not exist: an I/O error naming the path.
    let target = dir.path().join("missing/x.xlsx");
    let e = Workbook::open(cbam_template())
        .unwrap()
        .save(&target)
        .unwrap_err();
    assert_eq!(e.key(), "xlsx-io");
    assert!(e
        .args()
        .contains(&("path".to_string(), target.display().to_string())));
}

#[test]
fn cells_and_rows_the_template_lacks_are_created_in_order() {
    let original = read(&cbam_template());
    let mut wb = Workbook::from_bytes(original.clone()).unwrap();
    // A_InstData spans A1:AI125. E140 and AK3 are new; I20 exists; AK3 goes in an existing row.
    assert!(wb.cell("A_InstData", "E140").unwrap().is_none());
    assert!(wb.cell("A_InstData", "AK3").unwrap().is_none());
    wb.set("A_InstData", "E140", "below the form").unwrap();
    wb.set("A_InstData", "E138", n("1.5")).unwrap();
    wb.set("A_InstData", "AK3", CellValue::Bool(true)).unwrap();
    wb.set("A_InstData", "I20", "name").unwrap();
    let filled = wb.to_bytes().unwrap();
    let xml = entry_text(&filled, "xl/worksheets/sheet5.xml");
    assert_eq!(
        elements(&xml, "dimension"),
        [r#"<dimension ref="A1:AK140"/>"#]
    );
    let rows: Vec<u32> = elements(&xml, "row")
        .iter()
        .map(|r| {
            let i = r.find("r=\"").unwrap() + 3;
            r[i..i + r[i..].find('"').unwrap()].parse().unwrap()
        })
        .collect();
    assert!(rows.windows(2).all(|w| w[0] < w[1]));
    assert_eq!(&rows[rows.len() - 2..], [138, 140]);
    let back = Workbook::from_bytes(filled.clone()).unwrap();
    assert_eq!(
        back.cell("A_InstData", "E140").unwrap().unwrap().content,
        CellContent::Text("below the form".into())
    );
    // A new cell takes its column's style, as when someone types into an empty cell.
    assert_eq!(back.cell("A_InstData", "E140").unwrap().unwrap().style, 93);
    assert_eq!(
        back.cell("A_InstData", "AK3").unwrap().unwrap().content,
        CellContent::Bool(true)
    );
    assert_eq!(check::check_package(&filled).unwrap(), []);
}
