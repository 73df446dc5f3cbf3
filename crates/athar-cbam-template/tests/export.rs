//! Export into the Commission's blank V2.1.1 workbook, then import: the same model comes back
//! (in the form the template carries, `as_written`), the workbook's summary agrees with the
//! recomputation, and the package passes the checks that make Excel offer a repair.

mod common;

use athar_cbam::compute;
use athar_cbam::synthetic::{synthetic_installation, SyntheticSpec};
use athar_cbam::FunctionalUnit;
use athar_cbam_template::{
    as_written, check_template, export_template, read_template, template_version, ExportError,
    TemplateError, TemplateVersion,
};
use common::*;

fn package_problems(bytes: &[u8]) -> Vec<String> {
    athar_xlsx_fill::check::check_package(bytes)
        .unwrap()
        .into_iter()
        .map(|p| p.to_string())
        .collect()
}

#[test]
fn the_blank_template_is_version_2_1_1() {
    assert_eq!(template_version(&blank()).unwrap(), TemplateVersion::V2_1_1);
    assert_eq!(
        template_version(&reference(EXAMPLES[0])).unwrap(),
        TemplateVersion::V2_1
    );
}

#[test]
fn the_commission_examples_survive_export_and_import() {
    let blank = blank();
    for example in EXAMPLES {
        let imported = read_template(&reference(example)).unwrap();
        let filled = export_template(&blank, &imported.installation, &imported.results)
            .unwrap_or_else(|e| panic!("{example}: {e}"));
        assert_eq!(package_problems(&filled), Vec::<String>::new(), "{example}");
        let again =
            read_template(&filled).unwrap_or_else(|e| panic!("{example}: {e} {:?}", e.args()));
        assert_eq!(again.version, TemplateVersion::V2_1_1);
        assert_eq!(
            again.installation,
            as_written(&imported.installation, &imported.results),
            "{example}"
        );
        // The examples are in template form already.
        assert_eq!(again.installation, imported.installation, "{example}");
        assert_eq!(again.results.products, imported.results.products);
        // The summary written as cached values agrees with a recomputation of the export.
        let checked = check_template(&filled).unwrap();
        assert!(
            checked.report.discrepancies.is_empty(),
            "{example}: {:#?}",
            checked.report.discrepancies
        );
    }
}

#[test]
fn a_model_using_every_sheet_survives_export_and_import() {
    let inst = rich();
    let table = defaults();
    let results = compute(&inst, Some(&table)).unwrap();
    let filled = export_template(&blank(), &inst, &results).unwrap();
    assert_eq!(package_problems(&filled), Vec::<String>::new());
    let again = read_template(&filled).unwrap_or_else(|e| panic!("{e} {:?}", e.args()));
    let expected = as_written(&inst, &results);
    assert_eq!(again.installation, expected);
    // Same SEE for every product, although sources, defaults and ids became plain values.
    for (a, b) in again.results.products.iter().zip(&results.products) {
        assert_eq!(
            (a.see_direct, a.see_indirect),
            (b.see_direct, b.see_indirect)
        );
    }
    let found = check_template(&filled).unwrap().report.discrepancies;
    assert!(found.is_empty(), "{found:#?}");
    // Exporting into an already filled workbook clears what the new data does not use.
    let smaller = synthetic_installation(&SyntheticSpec::new(1, 1, 1));
    let small_results = compute(&smaller, None).unwrap();
    let refilled = export_template(&filled, &smaller, &small_results).unwrap();
    let back = read_template(&refilled).unwrap();
    assert_eq!(back.installation, as_written(&smaller, &small_results));
}

#[test]
fn what_the_template_cannot_hold_is_a_typed_error() {
    let blank = blank();
    let big = synthetic_installation(&SyntheticSpec::new(11, 0, 1));
    let r = compute(&big, None).unwrap();
    assert!(matches!(
        export_template(&blank, &big, &r),
        Err(ExportError::TooMany {
            max: 10,
            count: 11,
            ..
        })
    ));

    let mut per_n = synthetic_installation(&SyntheticSpec::new(1, 0, 0));
    per_n.processes[0].category = athar_cbam::GoodsCategory::Urea;
    per_n.processes[0].functional_unit = FunctionalUnit::KilogramNitrogen;
    per_n.processes[0].production[0].route = None;
    per_n.processes[0].production.truncate(1);
    per_n.processes[0].produced_for_market = None;
    per_n.goods.clear();
    let r = compute(&per_n, None).unwrap();
    let err = export_template(&blank, &per_n, &r).unwrap_err();
    assert_eq!(err.key(), "cbam-export-not-representable");

    let inst = synthetic_installation(&SyntheticSpec::new(2, 1, 2));
    let other = synthetic_installation(&SyntheticSpec::new(2, 1, 3));
    let stale = compute(&other, None).unwrap();
    assert!(matches!(
        export_template(&blank, &inst, &stale),
        Err(ExportError::StaleResults { .. })
    ));

    let results = compute(&inst, None).unwrap();
    let not_a_template = reference("cbam/default-values/DVs as adopted_v20260204.xlsx");
    assert!(matches!(
        export_template(&not_a_template, &inst, &results),
        Err(ExportError::Template(TemplateError::NotCbamTemplate { .. }))
    ));
}
