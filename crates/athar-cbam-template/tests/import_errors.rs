//! A workbook that cannot be imported is a typed error; a template with bad inputs is every
//! problem as `sheet!cell` with a Fluent key — and no model.

mod common;

use athar_cbam_template::{read_template, CellProblem, TemplateError};
use athar_xlsx_fill::{CellValue, Workbook};
use common::*;

fn problems(bytes: &[u8]) -> Vec<CellProblem> {
    match read_template(bytes) {
        Err(TemplateError::Invalid(p)) => p,
        Err(other) => panic!("expected cell problems, got {other}"),
        Ok(_) => panic!("expected cell problems, got a model"),
    }
}

fn has(problems: &[CellProblem], cell: &str, key: &str) -> bool {
    problems.iter().any(|p| p.cell == cell && p.key == key)
}

/// The cement example with `edits` applied.
fn edited(edits: &[(&str, &str, CellValue)]) -> Vec<u8> {
    let mut wb = Workbook::from_bytes(reference(EXAMPLES[0])).unwrap();
    for (sheet, cell, value) in edits {
        wb.set(sheet, cell, value.clone()).unwrap();
    }
    wb.to_bytes().unwrap()
}

#[test]
fn files_that_are_not_templates_are_typed_errors() {
    assert!(matches!(read_template(b""), Err(TemplateError::Empty)));
    let pdf =
        reference("cbam/legal/IR_(EU)_2023_1773_-_transitional_reporting_CELEX_32023R1773_EN.pdf");
    assert!(matches!(
        read_template(&pdf),
        Err(TemplateError::NotXlsx { looks_like: "pdf" })
    ));
    assert!(matches!(
        read_template(b"name,amount\nsteel,3\n"),
        Err(TemplateError::NotXlsx { looks_like: "text" })
    ));
    let example = reference(EXAMPLES[0]);
    let truncated = &example[..example.len() / 2];
    let err = read_template(truncated).unwrap_err();
    assert_eq!(err.key(), "cbam-tpl-corrupt", "{err}");
    let other_workbook = reference("cbam/default-values/DVs as adopted_v20260204.xlsx");
    assert!(matches!(
        read_template(&other_workbook),
        Err(TemplateError::NotCbamTemplate { .. })
    ));
}

#[test]
fn an_unknown_template_version_is_refused() {
    let bytes = edited(&[(
        "VersionDocumentation",
        "B3",
        CellValue::date(time::macros::date!(2024 - 03 - 19)),
    )]);
    match read_template(&bytes) {
        Err(TemplateError::UnsupportedVersion { found }) => assert_eq!(found, "2024-03-19"),
        other => panic!("{other:?}"),
    }
}

#[test]
fn bad_inputs_are_reported_cell_by_cell_and_nothing_is_imported() {
    let bytes = edited(&[
        // Not a goods category of the template.
        ("A_InstData", "E84", CellValue::text("Concrete")),
        ("A_InstData", "L84", CellValue::text("Concrete works")),
        // Text where a number belongs.
        ("D_Processes", "L54", CellValue::text("about a million")),
        // A country the template's list does not know.
        ("A_InstData", "I26", CellValue::text("Atlantis")),
        // A product of a process that does not exist, and one with a non-CBAM CN code.
        ("Summary_Products", "D11", CellValue::text("Nowhere")),
        ("Summary_Products", "F11", CellValue::text("25232900")),
        ("Summary_Products", "F10", CellValue::text("84713000")),
        // A source stream row without its method.
        ("B_EmInst", "D21", CellValue::Empty),
        ("B_EmInst", "E21", CellValue::text("Petcoke")),
        // A date that is not one.
        ("A_InstData", "L9", CellValue::text("end of year")),
    ]);
    let p = problems(&bytes);
    for (cell, key) in [
        ("A_InstData!E84", "cbam-tpl-unknown-value"),
        ("D_Processes!L54", "cbam-tpl-not-number"),
        ("A_InstData!I26", "cbam-tpl-unknown-country"),
        ("Summary_Products!D11", "cbam-tpl-unknown-process"),
        ("B_EmInst!D21", "cbam-tpl-incomplete-row"),
        ("A_InstData!L9", "cbam-tpl-not-date"),
    ] {
        assert!(has(&p, cell, key), "missing {cell} {key} in {p:#?}");
    }
    assert_eq!(
        p.iter().find(|x| x.cell == "D_Processes!L54").unwrap().args[0].1,
        "about a million"
    );
}

#[test]
fn model_rules_point_back_at_cells() {
    let bytes = edited(&[
        ("Summary_Products", "F10", CellValue::text("84713000")),
        (
            "D_Processes",
            "L16",
            CellValue::from(rust_decimal::Decimal::ZERO),
        ),
        ("B_EmInst", "H18", CellValue::Empty),
    ]);
    let p = problems(&bytes);
    for (cell, key) in [
        ("Summary_Products!F10", "cbam-v-cn-unknown"),
        ("D_Processes!L16", "cbam-v-activity-level-zero"),
        ("B_EmInst!H18", "v-required"),
    ] {
        assert!(has(&p, cell, key), "missing {cell} {key} in {p:#?}");
    }
    let cn = p.iter().find(|x| x.key == "cbam-v-cn-unknown").unwrap();
    assert_eq!(cn.field.as_deref(), Some("products.0.cn_code"));
}

#[test]
fn a_cycle_of_internal_transfers_is_a_calculation_error() {
    // Aluminium example: primary smelting already feeds the forming steps; feeding metal back
    // from forming to smelting closes a loop.
    let mut wb = Workbook::from_bytes(reference(EXAMPLES[2])).unwrap();
    wb.set(
        "D_Processes",
        "L97",
        CellValue::from(rust_decimal::Decimal::TEN),
    )
    .unwrap();
    wb.set(
        "D_Processes",
        "L92",
        CellValue::from(rust_decimal::Decimal::new(112990, 0)),
    )
    .unwrap();
    let bytes = wb.to_bytes().unwrap();
    let err = read_template(&bytes).unwrap_err();
    assert_eq!(err.key(), "cbam-error-cycle", "{err} {:?}", err.args());
}

#[test]
fn the_blank_template_is_not_an_installation_yet() {
    let p = problems(&blank());
    for (cell, key) in [
        ("A_InstData!I9", "v-required"),
        ("A_InstData!L9", "v-required"),
    ] {
        assert!(has(&p, cell, key), "missing {cell} {key} in {p:#?}");
    }
    let missing = std::path::Path::new("/nonexistent/template.xlsx");
    let err = athar_cbam_template::read_template_file(missing).unwrap_err();
    assert_eq!(err.key(), "cbam-tpl-io");
}
