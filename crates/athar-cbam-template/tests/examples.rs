//! Acceptance: the Commission's three worked examples (template V2.1) — cement, screws and
//! nuts, aluminium. Each is imported and recomputed by Athar; every product's SEE (direct and
//! indirect) and the installation totals must equal the example's own summary sheets to a
//! relative 1e-6. The expected numbers are read from the workbooks at test time (calamine),
//! never copied here. The workbooks are read in place from `shared/reference/`.

use std::io::Cursor;

use athar_cbam_template::{check_template, read_template, TemplateVersion};
use calamine::{Data, Range, Reader, Xlsx};
use rust_decimal::Decimal;

const EXAMPLES: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../../shared/reference/cbam/examples/"
);

fn bytes(name: &str) -> Vec<u8> {
    let path = format!("{EXAMPLES}{name}");
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// The two summary sheets, read independently of the crate under test.
struct Summary {
    products: Range<Data>,
    processes: Range<Data>,
}

impl Summary {
    fn read(data: &[u8]) -> Summary {
        let mut book: Xlsx<_> = Xlsx::new(Cursor::new(data)).unwrap();
        Summary {
            products: book.worksheet_range("Summary_Products").unwrap(),
            processes: book.worksheet_range("Summary_Processes").unwrap(),
        }
    }
}

/// A cell's cached value as a decimal.
fn value(range: &Range<Data>, row: u32, col: u32) -> Option<Decimal> {
    match range.get_value((row, col)) {
        Some(Data::Float(f)) => Some(f.to_string().parse().unwrap()),
        Some(Data::Int(i)) => Some(Decimal::from(*i)),
        Some(Data::Empty) | None => None,
        Some(Data::String(s)) if s.is_empty() => None,
        Some(other) => panic!("({row}, {col}) is not a number: {other:?}"),
    }
}

fn text(range: &Range<Data>, row: u32, col: u32) -> String {
    match range.get_value((row, col)) {
        Some(Data::String(s)) => s.trim().to_string(),
        Some(Data::Empty) | None => String::new(),
        Some(other) => other.to_string(),
    }
}

fn assert_close(what: &str, ours: Decimal, theirs: Decimal) {
    let diff = (ours - theirs).abs();
    let scale = ours.abs().max(theirs.abs());
    assert!(
        diff <= scale * Decimal::new(1, 6),
        "{what}: ours {ours}, the example's {theirs}"
    );
}

// Columns and rows of the summary sheets (0-based), as the template lays them out.
const PRODUCTS_FIRST_ROW: u32 = 9; // Summary_Products row 10
const COL_D: u32 = 3;
const COL_I: u32 = 8;
const COL_J: u32 = 9;
const COL_K: u32 = 10;
const COL_L: u32 = 11;
const ROW_81: u32 = 80;
const ROW_84: u32 = 83;

/// Compares every product and the totals; returns how many products were compared.
fn acceptance(file: &str) -> usize {
    let data = bytes(file);
    let imported = read_template(&data).unwrap_or_else(|e| panic!("{file}: {e} {:?}", e.args()));
    assert_eq!(imported.version, TemplateVersion::V2_1);
    let r = &imported.results;
    let summary = Summary::read(&data);

    let mut compared = 0;
    for k in 0..100u32 {
        let row = PRODUCTS_FIRST_ROW + k;
        if text(&summary.products, row, COL_D).is_empty() {
            continue;
        }
        let id = imported
            .layout
            .products
            .iter()
            .find(|(_, pos)| **pos == k)
            .map(|(id, _)| id.clone())
            .unwrap_or_else(|| panic!("{file}: product row {} not imported", row + 1));
        let ours = r.product(&id).unwrap();
        let direct = value(&summary.products, row, COL_I).unwrap();
        let indirect = value(&summary.products, row, COL_J).unwrap();
        assert_close(
            &format!("{file} product {id} SEE direct"),
            ours.see_direct,
            direct,
        );
        assert_close(
            &format!("{file} product {id} SEE indirect"),
            ours.see_indirect,
            indirect,
        );
        compared += 1;
    }

    // Installation totals: the installation's direct and indirect emissions (sheet C, shown
    // in Summary_Processes row 84), and the sums over the production processes (row 81).
    let i = &r.installation;
    let direct = value(&summary.processes, ROW_84, COL_K).unwrap();
    let indirect = value(&summary.processes, ROW_84, COL_L).unwrap();
    assert_close(
        &format!("{file} installation direct"),
        i.total_direct,
        direct,
    );
    assert_close(
        &format!("{file} installation indirect"),
        i.total_indirect,
        indirect,
    );
    let attributed_direct = value(&summary.processes, ROW_81, COL_K).unwrap();
    let attributed_indirect = value(&summary.processes, ROW_81, COL_L).unwrap();
    assert_close(
        &format!("{file} processes direct"),
        i.attributed_direct,
        attributed_direct,
    );
    assert_close(
        &format!("{file} processes indirect"),
        i.attributed_indirect,
        attributed_indirect,
    );

    // And the supplier check finds nothing to complain about.
    let checked = check_template(&data).unwrap();
    assert!(
        checked.report.discrepancies.is_empty(),
        "{file}: {:#?}",
        checked.report.discrepancies
    );
    compared
}

#[test]
fn cement_example() {
    let n = acceptance("1 CBAM SEE V2.1_Example Cement_final.xlsx");
    assert_eq!(n, 1);
}

#[test]
fn screws_and_nuts_example() {
    let n = acceptance("4 CBAM SEE V2.1_Example Steel 3 Screws and nuts_final.xlsx");
    assert_eq!(n, 2);
}

#[test]
fn aluminium_example() {
    let n = acceptance("6 CBAM SEE V2.1_Example Aluminium_final.xlsx");
    assert_eq!(n, 2);
    // The slab's SEE (total) column K is the sum, as the example shows.
    let data = bytes("6 CBAM SEE V2.1_Example Aluminium_final.xlsx");
    let imported = read_template(&data).unwrap();
    let total = value(&Summary::read(&data).products, PRODUCTS_FIRST_ROW, COL_K).unwrap();
    assert_close(
        "aluminium slab SEE total",
        imported.results.product("1").unwrap().see_total,
        total,
    );
}
