//! Times filling 1,000 cells into the Commission's CBAM template: open + edit + save to bytes.
//!
//! `cargo run --release -p athar-xlsx-fill --example fill_bench` (reads the template in place
//! from `shared/reference/`; prints the median and the fastest of 15 runs).

use std::time::{Duration, Instant};

use athar_xlsx_fill::{CellRef, CellValue, Workbook};

const TEMPLATE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../../shared/reference/cbam/template/CBAM Communication template for installations_en_20241213.xlsx"
);

fn main() -> Result<(), athar_xlsx_fill::FillError> {
    let bytes = std::fs::read(TEMPLATE).map_err(|source| athar_xlsx_fill::FillError::Io {
        path: TEMPLATE.into(),
        source,
    })?;
    // The first 1,000 empty input cells (unlocked, no formula) of sheets A to E.
    let template = Workbook::from_bytes(bytes.clone())?;
    let mut targets: Vec<(&str, CellRef)> = Vec::new();
    for sheet in [
        "A_InstData",
        "B_EmInst",
        "C_Emissions&Energy",
        "D_Processes",
        "E_PurchPrec",
    ] {
        for (at, cell) in template.cells(sheet)? {
            if !cell.locked && cell.formula.is_none() && targets.len() < 1000 {
                targets.push((sheet, at));
            }
        }
    }
    assert_eq!(
        targets.len(),
        1000,
        "the template has fewer input cells than expected"
    );
    let values: Vec<CellValue> = (0..1000)
        .map(|i| match i % 3 {
            0 => CellValue::number(&format!("{i}.125")).expect("a number"),
            1 => CellValue::text(format!("مصدر انبعاثات {i}")),
            _ => CellValue::Bool(i % 2 == 0),
        })
        .collect();

    let mut times: Vec<Duration> = Vec::new();
    let mut size = 0;
    for _ in 0..15 {
        let start = Instant::now();
        let mut wb = Workbook::from_bytes(bytes.clone())?;
        for ((sheet, at), value) in targets.iter().zip(&values) {
            wb.set_at(sheet, *at, value.clone())?;
        }
        let out = wb.to_bytes()?;
        times.push(start.elapsed());
        size = out.len();
    }
    // What was timed is a sound workbook.
    let problems = athar_xlsx_fill::check::check_package(
        &Workbook::from_bytes(bytes.clone()).and_then(|mut wb| {
            for ((sheet, at), value) in targets.iter().zip(&values) {
                wb.set_at(sheet, *at, value.clone())?;
            }
            wb.to_bytes()
        })?,
    )?;
    assert!(problems.is_empty(), "{problems:?}");
    times.sort();
    println!(
        "CBAM template, 1000 cells: open + edit + save median {:.1} ms, fastest {:.1} ms ({} bytes out)",
        times[times.len() / 2].as_secs_f64() * 1e3,
        times[0].as_secs_f64() * 1e3,
        size
    );
    Ok(())
}
