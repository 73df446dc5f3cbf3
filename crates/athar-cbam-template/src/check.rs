//! "Check a supplier's template": recompute a received workbook and list every summary value
//! that disagrees with the recomputation.
//!
//! Why this module exists: an importer or a downstream producer receives a filled template
//! and can see only its summary. A spreadsheet edited by hand, a formula overwritten, or an
//! older template version can leave a summary that does not follow from the inputs. Comparing
//! each summary cell (product SEE, process balances and SEE, precursor values, installation
//! totals) with Athar's own calculation makes that visible, cell by cell.

use athar_cbam::report::{CheckReport, Discrepancy, Report};
use rust_decimal::Decimal;

use crate::cells::{at, summary_processes as sp, summary_products as spr, Cell};
use crate::error::TemplateError;
use crate::read::{read_book, Imported, INPUT_SHEETS};
use crate::workbook::{number_of, text_of, Book};

/// Two values agree when they differ by at most this share of the larger (spreadsheets
/// compute in binary floating point), or by at most [`ABSOLUTE_TOLERANCE`].
pub const RELATIVE_TOLERANCE: Decimal = Decimal::from_parts(1, 0, 0, false, 6);
pub const ABSOLUTE_TOLERANCE: Decimal = Decimal::from_parts(1, 0, 0, false, 9);

/// A template read, recomputed and compared.
#[derive(Debug, Clone)]
pub struct Checked {
    pub imported: Imported,
    pub report: CheckReport,
}

/// Reads `bytes`, recomputes, and compares the template's summary with the result.
pub fn check_template(bytes: &[u8]) -> Result<Checked, TemplateError> {
    let book = Book::open(bytes, &INPUT_SHEETS)?;
    let imported = read_book(&book)?;
    let discrepancies = compare(&book, &imported);
    let report =
        Report::new(&imported.installation, &imported.results).with_discrepancies(discrepancies);
    Ok(Checked { imported, report })
}

/// Whether a cached value agrees with ours.
pub fn agrees(theirs: Option<Decimal>, ours: Option<Decimal>) -> bool {
    match (theirs, ours) {
        (None, None) => true,
        (None, Some(v)) | (Some(v), None) => v.is_zero(),
        (Some(t), Some(o)) => {
            let Some(diff) = t.checked_sub(o).map(|d| d.abs()) else {
                return false;
            };
            let scale = t.abs().max(o.abs());
            diff <= ABSOLUTE_TOLERANCE
                || scale
                    .checked_mul(RELATIVE_TOLERANCE)
                    .is_some_and(|tolerance| diff <= tolerance)
        }
    }
}

struct Comparison<'b> {
    book: &'b Book,
    out: Vec<Discrepancy>,
}

impl Comparison<'_> {
    fn cell(&mut self, sheet: &str, c: Cell, what: String, ours: Option<Decimal>) {
        let data = self.book.get(sheet, c);
        let (theirs, theirs_text) = match number_of(data) {
            Ok(v) => (v, v.map(|d| d.normalize().to_string()).unwrap_or_default()),
            Err(text) => {
                self.out.push(Discrepancy {
                    cell: at(sheet, c),
                    what,
                    theirs: text,
                    ours: ours.map(|d| d.normalize().to_string()).unwrap_or_default(),
                });
                return;
            }
        };
        if !agrees(theirs, ours) {
            self.out.push(Discrepancy {
                cell: at(sheet, c),
                what,
                theirs: if theirs.is_none() {
                    text_of(data)
                } else {
                    theirs_text
                },
                ours: ours.map(|d| d.normalize().to_string()).unwrap_or_default(),
            });
        }
    }
}

fn compare(book: &Book, imported: &Imported) -> Vec<Discrepancy> {
    let r = &imported.results;
    let layout = &imported.layout;
    let mut c = Comparison {
        book,
        out: Vec::new(),
    };
    for p in &r.products {
        let Some(&k) = layout.products.get(&p.id) else {
            continue;
        };
        let s = spr::SHEET;
        let row = |cell: Cell| spr::ROWS.at(cell, k);
        let id = |what: &str| format!("product/{}/{what}", p.id);
        c.cell(
            s,
            row(spr::SEE_DIRECT),
            id("see-direct"),
            Some(p.see_direct),
        );
        c.cell(
            s,
            row(spr::SEE_INDIRECT),
            id("see-indirect"),
            Some(p.see_indirect),
        );
        c.cell(s, row(spr::SEE_TOTAL), id("see-total"), Some(p.see_total));
        c.cell(
            s,
            row(spr::DEFAULT_SHARE),
            id("default-share-direct"),
            Some(p.default_share_direct),
        );
        if p.embedded_electricity.is_some() {
            c.cell(
                s,
                row(spr::EMBEDDED_ELECTRICITY),
                id("embedded-electricity"),
                p.embedded_electricity,
            );
        }
    }
    let s = sp::SHEET;
    let mut sum_direct = Some(Decimal::ZERO);
    let mut sum_indirect = Some(Decimal::ZERO);
    for p in &r.processes {
        let Some(&k) = layout.processes.get(&p.id) else {
            continue;
        };
        let id = |what: &str| format!("process/{}/{what}", p.id);
        let heat = p.heat_import.checked_sub(p.heat_export);
        let waste_gas = p.waste_gas_import.checked_sub(p.waste_gas_export);
        // The template's "total direct emissions" of this table: DirEm* + heat + waste gas.
        let total = heat
            .zip(waste_gas)
            .and_then(|(h, w)| p.directly_attributable.checked_add(h)?.checked_add(w));
        sum_direct = sum_direct.zip(total).and_then(|(a, b)| a.checked_add(b));
        sum_indirect = sum_indirect.and_then(|a| a.checked_add(p.attributed_indirect));
        let bal = |cell: Cell| sp::BALANCE.at(cell, k);
        c.cell(
            s,
            bal(sp::DIR_EM),
            id("dir-em"),
            Some(p.directly_attributable),
        );
        c.cell(s, bal(sp::HEAT), id("heat"), heat);
        c.cell(s, bal(sp::WASTE_GAS), id("waste-gas"), waste_gas);
        c.cell(
            s,
            bal(sp::TOTAL_DIRECT),
            id("direct-before-electricity-export"),
            total,
        );
        c.cell(
            s,
            bal(sp::INDIRECT),
            id("attr-indirect"),
            Some(p.attributed_indirect),
        );
        c.cell(s, bal(sp::ACTIVITY_LEVEL), id("al"), Some(p.activity_level));
        let spc = |cell: Cell| sp::SPECIFIC.at(cell, k);
        c.cell(
            s,
            spc(sp::SE_DIRECT),
            id("specific-direct"),
            Some(p.specific_direct),
        );
        c.cell(s, spc(sp::SEE_DIRECT), id("see-direct"), Some(p.see_direct));
        c.cell(
            s,
            spc(sp::SE_INDIRECT),
            id("specific-indirect"),
            Some(p.specific_indirect),
        );
        c.cell(
            s,
            spc(sp::SEE_INDIRECT),
            id("see-indirect"),
            Some(p.see_indirect),
        );
        c.cell(
            s,
            spc(sp::ELECTRICITY),
            id("specific-electricity"),
            Some(p.specific_electricity),
        );
        if p.embedded_electricity.is_some() {
            c.cell(
                s,
                spc(sp::EMBEDDED_ELECTRICITY),
                id("embedded-electricity"),
                p.embedded_electricity,
            );
        }
    }
    for p in &r.precursors {
        let Some(&k) = layout.precursors.get(&p.id) else {
            continue;
        };
        let id = |what: &str| format!("precursor/{}/{what}", p.id);
        let row = |cell: Cell| sp::PRECURSORS.at(cell, k);
        c.cell(
            s,
            row(sp::PRECURSOR_SEE_DIRECT),
            id("see-direct"),
            Some(p.see_direct),
        );
        c.cell(
            s,
            row(sp::PRECURSOR_SEE_INDIRECT),
            id("see-indirect"),
            Some(p.see_indirect),
        );
        if p.electricity_mwh_per_t.is_some() {
            c.cell(
                s,
                row(sp::PRECURSOR_ELECTRICITY),
                id("electricity"),
                p.electricity_mwh_per_t,
            );
        }
    }
    if !r.processes.is_empty() {
        c.cell(s, sp::SUM_DIRECT, "processes/direct".into(), sum_direct);
        c.cell(
            s,
            sp::SUM_INDIRECT,
            "processes/indirect".into(),
            sum_indirect,
        );
    }
    c.cell(
        s,
        sp::INSTALLATION_DIRECT,
        "installation/direct".into(),
        Some(r.installation.direct),
    );
    c.cell(
        s,
        sp::INSTALLATION_INDIRECT,
        "installation/indirect".into(),
        r.installation.indirect_entered,
    );
    c.out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Option<Decimal> {
        Some(s.parse().unwrap())
    }

    #[test]
    fn agreement_is_relative_with_a_floor() {
        assert!(agrees(
            d("1321052.6315789474"),
            d("1321052.631578947368421")
        ));
        assert!(agrees(d("0.20400000000000001"), d("0.204")));
        assert!(!agrees(d("2.0069"), d("2.0169")));
        assert!(agrees(None, d("0")));
        assert!(!agrees(None, d("0.5")));
        assert!(agrees(d("0.0000000001"), d("0")));
    }
}
