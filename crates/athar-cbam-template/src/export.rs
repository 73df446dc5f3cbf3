//! Export: the model written into the Commission's own workbook — every input cell of sheets
//! A to E and the product list, and the summary values as the cached results of the
//! template's formulas.
//!
//! Why this module exists: importers' systems and verifiers expect the Commission's file, not
//! a look-alike; so the blank template given by the caller is filled in place through
//! `athar-xlsx-fill`, which keeps its formatting, formulas, data validation, protection and
//! hidden sheets. Input cells this export does not fill are cleared, so any template
//! (even a filled one) can serve. The summary values are written as cached formula results —
//! readers that do not calculate see Athar's figures — and the workbook asks Excel and
//! LibreOffice to recalculate when opened.
//!
//! What the template has no place for is written in the form it has: DirEm* attributed from
//! source streams as its number, precursors at default values as their values marked
//! "Default", items in model order at positions P1…, PP1…, S1…, rows 1…; evidence, factor
//! citations, CN codes of precursors and functional units stay in the company file.

use std::collections::BTreeMap;

use athar_cbam::goods::GoodsCategory;
use athar_cbam::model::*;
use athar_cbam::{compute, CbamResults};
use athar_domain::Validate;
use athar_xlsx_fill::{CellValue, Workbook};
use rust_decimal::Decimal;

use crate::cells::{
    a_inst_data as a, b_em_inst as b, c_emissions as c, code_lists, d_processes as dp,
    e_purch_prec as ep, summary_processes as sp, summary_products as spr, Cell, Rows,
};
use crate::error::ExportError;
use crate::labels;
use crate::read::INPUT_SHEETS;
use crate::workbook::{text_of, Book, TemplateVersion};

/// Writes `inst` and its `results` (from `athar_cbam::compute` on the same data) into the
/// blank communication template `blank` (xlsx bytes) and returns the filled workbook.
pub fn export_template(
    blank: &[u8],
    inst: &Installation,
    results: &CbamResults,
) -> Result<Vec<u8>, ExportError> {
    let book = Book::open(blank, &INPUT_SHEETS).map_err(ExportError::Template)?;
    let errors = inst.validate();
    if !errors.is_empty() {
        return Err(ExportError::Invalid(errors));
    }
    check_results(inst, results)?;
    let capacity = |what: &'static str, max: u32, count: usize| {
        if count > max as usize {
            Err(ExportError::TooMany { what, max, count })
        } else {
            Ok(())
        }
    };
    capacity("goods-categories", a::GOODS.count, inst.goods.len())?;
    capacity("processes", a::PROCESSES.count, inst.processes.len())?;
    capacity(
        "purchased-precursors",
        a::PRECURSORS.count,
        inst.precursors.len(),
    )?;
    capacity(
        "source-streams",
        b::STREAMS.count,
        inst.source_streams.len(),
    )?;
    capacity("pfc-entries", b::PFC.count, inst.pfc_emissions.len())?;
    capacity(
        "measured-sources",
        b::MEASURED.count,
        inst.measured_sources.len(),
    )?;
    capacity("products", spr::ROWS.count, inst.products.len())?;
    for g in &inst.goods {
        capacity("routes-per-goods-category", 6, g.routes.len())?;
    }
    for p in &inst.processes {
        capacity("included-goods-categories", 6, p.included.len())?;
    }
    for p in &inst.precursors {
        capacity("routes-per-precursor", 5, p.routes.len())?;
    }
    representable(inst)?;

    // Write the model in the form the template carries, with its own summary, so that the
    // workbook is consistent in itself (SEE values are the same as `results`).
    let inst = &as_written(inst, results);
    let results = &compute(inst, None).map_err(ExportError::Calculation)?;
    let wb = Workbook::from_bytes(blank.to_vec())?;
    let mut w = Writer {
        wb,
        book: &book,
        positions: inst
            .processes
            .iter()
            .enumerate()
            .map(|(k, p)| (p.id.clone(), k as u32))
            .collect(),
    };
    w.about(inst)?;
    w.goods(inst)?;
    w.processes(inst)?;
    w.precursors(inst)?;
    w.sources(inst)?;
    w.balances(inst)?;
    w.products(inst)?;
    w.summary(results)?;
    w.wb.set_full_calc_on_load(true);
    Ok(w.wb.to_bytes()?)
}

/// The version of a blank template (for the UI's "templates" setting).
pub fn template_version(bytes: &[u8]) -> Result<TemplateVersion, crate::TemplateError> {
    Book::open(bytes, &[]).map(|b| b.version)
}

/// The template counts every activity level in tonnes (MWh for electricity); a process that
/// counts in clinker or nitrogen contained (Equations 64–65) cannot be written into it.
fn representable(inst: &Installation) -> Result<(), ExportError> {
    for (i, p) in inst.processes.iter().enumerate() {
        if p.functional_unit != p.category.default_functional_unit() {
            return Err(ExportError::NotRepresentable {
                field: format!("processes.{i}.functional_unit"),
                value: p.functional_unit.symbol().to_string(),
            });
        }
    }
    Ok(())
}

/// The model as the template carries it: what [`read_template`](crate::read_template) gives
/// back after [`export_template`]. Ids become positions (`P1`, `PP1`, `G1`, `S1`, `PFC1`,
/// `M1`, products `1`…); DirEm* attributed from sources becomes its number; precursors at
/// default values become their values marked "Default" (SEE (indirect) as electricity × an EF
/// of 1); evidence, factor citations, precursor CN codes and default variants are dropped;
/// an empty verifier or carbon price is none.
pub fn as_written(inst: &Installation, results: &CbamResults) -> Installation {
    let process_ids: BTreeMap<&str, String> = inst
        .processes
        .iter()
        .enumerate()
        .map(|(k, p)| (p.id.as_str(), format!("P{}", k + 1)))
        .collect();
    let pid = |id: &str| process_ids.get(id).cloned().unwrap_or_default();
    let position = |id: &str| {
        id.trim_start_matches('P')
            .parse::<u32>()
            .unwrap_or(u32::MAX)
    };
    let mut out = inst.clone();
    out.verifier = inst.verifier.clone().filter(|v| !v.is_empty());
    for (k, g) in out.goods.iter_mut().enumerate() {
        g.id = format!("G{}", k + 1);
    }
    for (k, s) in out.source_streams.iter_mut().enumerate() {
        s.id = format!("S{}", k + 1);
        s.factors.clear();
        s.evidence.clear();
    }
    for (k, p) in out.pfc_emissions.iter_mut().enumerate() {
        p.id = format!("PFC{}", k + 1);
        p.evidence.clear();
    }
    for (k, m) in out.measured_sources.iter_mut().enumerate() {
        m.id = format!("M{}", k + 1);
        m.evidence.clear();
    }
    let slot = |category: GoodsCategory, r: &RouteAmount| {
        category.routes().iter().position(|x| Some(*x) == r.route)
    };
    for (p, r) in out.processes.iter_mut().zip(&results.processes) {
        p.id = pid(&p.id);
        for t in &mut p.transfers {
            t.to = pid(&t.to);
        }
        // The template holds flows in its own order: routes by slot, processes by position.
        let category = p.category;
        p.production.sort_by_key(|r| slot(category, r));
        p.transfers.sort_by_key(|t| position(&t.to));
        if !p.direct.sources.is_empty() {
            p.direct = DirectEmissions {
                entered: Some(r.directly_attributable),
                sources: Vec::new(),
            };
        }
        p.evidence.clear();
    }
    for (k, (p, r)) in out
        .precursors
        .iter_mut()
        .zip(&results.precursors)
        .enumerate()
    {
        p.id = format!("PP{}", k + 1);
        p.cn_code = None;
        p.evidence.clear();
        for c in &mut p.consumption {
            c.process = pid(&c.process);
        }
        let category = p.category;
        p.purchased.sort_by_key(|r| slot(category, r));
        p.consumption.sort_by_key(|c| position(&c.process));
        if !matches!(p.values, PrecursorValues::Given { .. }) {
            p.values = PrecursorValues::Given {
                see_direct: r.see_direct,
                direct_basis: ValueBasis::Default,
                indirect: PrecursorIndirect {
                    electricity_mwh_per_t: r.see_indirect,
                    electricity_basis: ValueBasis::Default,
                    ef: Decimal::ONE,
                    ef_source: None,
                },
            };
        }
    }
    for (k, p) in out.products.iter_mut().enumerate() {
        p.id = (k + 1).to_string();
        p.process = pid(&p.process);
        p.cn_code = athar_cbam::cn::normalize_cn(&p.cn_code);
        p.default_variant = None;
        if p.carbon_price
            .as_ref()
            .is_some_and(CarbonPricePaid::is_empty)
        {
            p.carbon_price = None;
        }
    }
    out
}

fn check_results(inst: &Installation, r: &CbamResults) -> Result<(), ExportError> {
    let same = inst
        .processes
        .iter()
        .map(|p| &p.id)
        .eq(r.processes.iter().map(|p| &p.id))
        && inst
            .precursors
            .iter()
            .map(|p| &p.id)
            .eq(r.precursors.iter().map(|p| &p.id))
        && inst
            .products
            .iter()
            .map(|p| &p.id)
            .eq(r.products.iter().map(|p| &p.id));
    if same {
        Ok(())
    } else {
        Err(ExportError::StaleResults {
            detail: "processes, precursors or products differ".into(),
        })
    }
}

struct Writer<'b> {
    wb: Workbook,
    book: &'b Book,
    /// Process id → position P1 = 0.
    positions: BTreeMap<String, u32>,
}

fn text(s: &str) -> CellValue {
    if s.trim().is_empty() {
        CellValue::Empty
    } else {
        CellValue::text(s)
    }
}

fn number(v: Option<Decimal>) -> CellValue {
    v.map_or(CellValue::Empty, |d| CellValue::from(d.normalize()))
}

fn boolean(v: Option<bool>) -> CellValue {
    v.map_or(CellValue::Empty, CellValue::Bool)
}

fn label<T: Copy + PartialEq>(table: &labels::Labels<T>, v: Option<T>) -> CellValue {
    v.map_or(CellValue::Empty, |x| CellValue::text(table.label(x)))
}

impl Writer<'_> {
    /// Sets an input cell; clearing a cell that is already empty is skipped, so the blank
    /// template's untouched cells stay byte-identical.
    fn put(&mut self, sheet: &str, cell: Cell, value: CellValue) -> Result<(), ExportError> {
        if value == CellValue::Empty && self.book.is_empty(sheet, cell) {
            return Ok(());
        }
        self.wb.set(sheet, &cell.a1(), value)?;
        Ok(())
    }

    /// Sets the cached result of a summary formula.
    fn cached(&mut self, sheet: &str, cell: Cell, value: CellValue) -> Result<(), ExportError> {
        self.wb.set_cached(sheet, &cell.a1(), value)?;
        Ok(())
    }

    fn clear_rows(
        &mut self,
        sheet: &str,
        rows: Rows,
        from: u32,
        cells: &[Cell],
    ) -> Result<(), ExportError> {
        for k in from..rows.count {
            for c in cells {
                self.put(sheet, rows.at(*c, k), CellValue::Empty)?;
            }
        }
        Ok(())
    }

    fn about(&mut self, inst: &Installation) -> Result<(), ExportError> {
        let s = a::SHEET;
        let i = &inst.about;
        self.put(
            s,
            a::PERIOD_START,
            CellValue::date(inst.reporting_period.start),
        )?;
        self.put(s, a::PERIOD_END, CellValue::date(inst.reporting_period.end))?;
        let country = (0..code_lists::COUNTRIES.count)
            .find(|k| {
                text_of(
                    self.book
                        .get(code_lists::SHEET, code_lists::COUNTRY_CODE.down(*k)),
                ) == i.country
            })
            .map(|k| {
                text_of(
                    self.book
                        .get(code_lists::SHEET, code_lists::COUNTRY_NAME.down(k)),
                )
            })
            .ok_or_else(|| ExportError::NotRepresentable {
                field: "about.country".into(),
                value: i.country.clone(),
            })?;
        let deg = |v: Option<Decimal>| v.map(|d| format!("{}°", d.normalize())).unwrap_or_default();
        let v = inst.verifier.clone().unwrap_or_default();
        for (cell, value) in [
            (a::NAME, i.name.as_str()),
            (a::NAME_EN, &i.name_en),
            (a::STREET, &i.street),
            (a::ECONOMIC_ACTIVITY, &i.economic_activity),
            (a::POST_CODE, &i.post_code),
            (a::PO_BOX, &i.po_box),
            (a::CITY, &i.city),
            (a::COUNTRY, &country),
            (a::UNLOCODE, &i.unlocode),
            (a::LATITUDE, &deg(i.latitude)),
            (a::LONGITUDE, &deg(i.longitude)),
            (a::REPRESENTATIVE, &i.representative.name),
            (a::EMAIL, &i.representative.email),
            (a::TELEPHONE, &i.representative.telephone),
            (a::VERIFIER_COMPANY, &v.company_name),
            (a::VERIFIER_STREET, &v.street),
            (a::VERIFIER_CITY, &v.city),
            (a::VERIFIER_POST_CODE, &v.post_code),
            (a::VERIFIER_COUNTRY, &v.country),
            (a::VERIFIER_REPRESENTATIVE, &v.representative.name),
            (a::VERIFIER_EMAIL, &v.representative.email),
            (a::VERIFIER_TELEPHONE, &v.representative.telephone),
            (a::VERIFIER_FAX, &v.fax),
            (
                a::VERIFIER_ACCREDITATION_STATE,
                &v.accreditation_member_state,
            ),
            (a::VERIFIER_ACCREDITATION_BODY, &v.accreditation_body),
            (a::VERIFIER_ACCREDITATION_NUMBER, &v.accreditation_number),
        ] {
            self.put(s, cell, text(value))?;
        }
        self.put(
            sp::SHEET,
            sp::CARBON_PRICE_DESCRIPTION,
            text(&inst.carbon_price_description),
        )?;
        self.put(
            sp::SHEET,
            sp::ADDITIONAL_INFORMATION,
            text(&inst.additional_information),
        )
    }

    fn goods(&mut self, inst: &Installation) -> Result<(), ExportError> {
        let s = a::SHEET;
        for (k, g) in inst.goods.iter().enumerate() {
            let k = k as u32;
            self.put(
                s,
                a::GOODS.at(a::GOODS_CATEGORY, k),
                CellValue::text(labels::GOODS.label(g.category)),
            )?;
            for (j, cell) in a::GOODS_ROUTES.iter().enumerate() {
                self.put(
                    s,
                    a::GOODS.at(*cell, k),
                    label(&labels::ROUTES, g.routes.get(j).copied()),
                )?;
            }
        }
        let mut cells = vec![a::GOODS_CATEGORY];
        cells.extend(a::GOODS_ROUTES);
        self.clear_rows(s, a::GOODS, inst.goods.len() as u32, &cells)
    }

    fn slots(
        &mut self,
        sheet: &str,
        slots: &[Cell],
        category: GoodsCategory,
        amounts: &[RouteAmount],
    ) -> Result<(), ExportError> {
        let routes = category.routes();
        for (j, cell) in slots.iter().enumerate() {
            let route = if routes.is_empty() {
                (j == 0).then_some(None)
            } else {
                routes.get(j).map(|r| Some(*r))
            };
            let value =
                route.and_then(|route| amounts.iter().find(|a| a.route == route).map(|a| a.amount));
            self.put(sheet, *cell, number(value))?;
        }
        Ok(())
    }

    fn processes(&mut self, inst: &Installation) -> Result<(), ExportError> {
        for (k, p) in inst.processes.iter().enumerate() {
            let k = k as u32;
            let s = a::SHEET;
            self.put(
                s,
                a::PROCESSES.at(a::PROCESS_CATEGORY, k),
                CellValue::text(labels::GOODS.label(p.category)),
            )?;
            for (j, cell) in a::PROCESS_INCLUDED.iter().enumerate() {
                let value = match (j, p.included.get(j)) {
                    (_, Some(g)) => CellValue::text(labels::GOODS.label(*g)),
                    (0, None) => CellValue::text(labels::ONLY_DIRECT_PRODUCTION),
                    _ => CellValue::Empty,
                };
                self.put(s, a::PROCESSES.at(*cell, k), value)?;
            }
            self.put(
                s,
                a::PROCESSES.at(a::PROCESS_NAME, k),
                CellValue::text(&p.name),
            )?;

            let s = dp::SHEET;
            let blk = |c: Cell| dp::BLOCKS.at(c, k);
            self.slots(s, &dp::PRODUCTION.map(blk), p.category, &p.production)?;
            self.put(s, blk(dp::MARKET), number(p.produced_for_market))?;
            for (j, cell) in dp::TRANSFERS.iter().enumerate() {
                let j = j as u32;
                let target = if j < k { j } else { j + 1 };
                let amount = p
                    .transfers
                    .iter()
                    .find(|t| self.positions.get(&t.to) == Some(&target))
                    .map(|t| t.amount);
                self.put(s, blk(*cell), number(amount))?;
            }
            self.put(s, blk(dp::NON_CBAM), number(p.non_cbam_use))?;
            self.put(s, blk(dp::HEAT_RELEVANT), boolean(p.heat_relevant))?;
            self.put(
                s,
                blk(dp::WASTE_GAS_RELEVANT),
                boolean(p.waste_gas_relevant),
            )?;
            self.put(s, blk(dp::DIRECT), number(p.direct.entered))?;
            let (h, w, e) = (&p.heat, &p.waste_gas, &p.electricity);
            for (cell, v) in [
                (dp::HEAT_IMPORTED, h.imported_tj),
                (dp::HEAT_EXPORTED, h.exported_tj),
                (dp::HEAT_IMPORTED_EF, h.imported_ef),
                (dp::HEAT_EXPORTED_EF, h.exported_ef),
                (dp::WASTE_GAS_IMPORTED, w.imported_tj),
                (dp::WASTE_GAS_EXPORTED, w.exported_tj),
                (dp::WASTE_GAS_IMPORTED_EF, w.imported_ef),
                (dp::WASTE_GAS_EXPORTED_EF, w.exported_ef),
                (dp::ELECTRICITY, e.consumed_mwh),
                (dp::ELECTRICITY_EF, e.ef),
                (dp::ELECTRICITY_EXPORTED, e.exported_mwh),
                (dp::ELECTRICITY_EXPORTED_EF, e.exported_ef),
            ] {
                self.put(s, blk(cell), number(v))?;
            }
            let source = e
                .ef_source
                .map_or(CellValue::Empty, |x| CellValue::text(x.code()));
            self.put(s, blk(dp::ELECTRICITY_EF_SOURCE), source)?;
        }
        let from = inst.processes.len() as u32;
        let mut cells = vec![a::PROCESS_CATEGORY, a::PROCESS_NAME];
        cells.extend(a::PROCESS_INCLUDED);
        self.clear_rows(a::SHEET, a::PROCESSES, from, &cells)?;
        let mut block_cells: Vec<Cell> = dp::PRODUCTION.to_vec();
        block_cells.extend(dp::TRANSFERS);
        block_cells.extend([
            dp::MARKET,
            dp::NON_CBAM,
            dp::HEAT_RELEVANT,
            dp::WASTE_GAS_RELEVANT,
            dp::DIRECT,
            dp::HEAT_IMPORTED,
            dp::HEAT_EXPORTED,
            dp::HEAT_IMPORTED_EF,
            dp::HEAT_EXPORTED_EF,
            dp::WASTE_GAS_IMPORTED,
            dp::WASTE_GAS_EXPORTED,
            dp::WASTE_GAS_IMPORTED_EF,
            dp::WASTE_GAS_EXPORTED_EF,
            dp::ELECTRICITY,
            dp::ELECTRICITY_EF,
            dp::ELECTRICITY_EF_SOURCE,
            dp::ELECTRICITY_EXPORTED,
            dp::ELECTRICITY_EXPORTED_EF,
        ]);
        for k in from..dp::BLOCKS.count {
            for cell in &block_cells {
                self.put(dp::SHEET, dp::BLOCKS.at(*cell, k), CellValue::Empty)?;
            }
        }
        Ok(())
    }

    fn precursors(&mut self, inst: &Installation) -> Result<(), ExportError> {
        for (k, p) in inst.precursors.iter().enumerate() {
            let k = k as u32;
            let s = a::SHEET;
            self.put(
                s,
                a::PRECURSORS.at(a::PRECURSOR_CATEGORY, k),
                CellValue::text(labels::GOODS.label(p.category)),
            )?;
            self.put(
                s,
                a::PRECURSORS.at(a::PRECURSOR_COUNTRY, k),
                text(p.country.as_deref().unwrap_or_default()),
            )?;
            for (j, cell) in a::PRECURSOR_ROUTES.iter().enumerate() {
                self.put(
                    s,
                    a::PRECURSORS.at(*cell, k),
                    label(&labels::ROUTES, p.routes.get(j).copied()),
                )?;
            }
            self.put(
                s,
                a::PRECURSORS.at(a::PRECURSOR_NAME, k),
                CellValue::text(&p.name),
            )?;

            let s = ep::SHEET;
            let blk = |c: Cell| ep::BLOCKS.at(c, k);
            self.slots(s, &ep::PURCHASED.map(blk), p.category, &p.purchased)?;
            for (j, cell) in ep::CONSUMPTION.iter().enumerate() {
                let amount = p
                    .consumption
                    .iter()
                    .find(|c| self.positions.get(&c.process) == Some(&(j as u32)))
                    .map(|c| c.amount);
                self.put(s, blk(*cell), number(amount))?;
            }
            self.put(s, blk(ep::OTHER_USE), number(p.other_use))?;
            // `as_written` has turned default values into given ones.
            let PrecursorValues::Given {
                see_direct,
                direct_basis,
                indirect,
            } = &p.values
            else {
                return Err(ExportError::NotRepresentable {
                    field: format!("precursors.{k}.values"),
                    value: "default".into(),
                });
            };
            let (see_direct, direct_basis) = (*see_direct, *direct_basis);
            let (elec, elec_basis, ef, ef_source) = (
                indirect.electricity_mwh_per_t,
                indirect.electricity_basis,
                indirect.ef,
                indirect.ef_source,
            );
            self.put(s, blk(ep::SEE_DIRECT), number(Some(see_direct)))?;
            self.put(
                s,
                blk(ep::SEE_DIRECT_BASIS),
                CellValue::text(labels::BASES.label(direct_basis)),
            )?;
            self.put(s, blk(ep::ELECTRICITY), number(Some(elec)))?;
            self.put(
                s,
                blk(ep::ELECTRICITY_BASIS),
                CellValue::text(labels::BASES.label(elec_basis)),
            )?;
            self.put(s, blk(ep::ELECTRICITY_EF), number(Some(ef)))?;
            self.put(
                s,
                blk(ep::ELECTRICITY_EF_SOURCE),
                ef_source.map_or(CellValue::Empty, |x| CellValue::text(x.code())),
            )?;
            self.put(
                s,
                blk(ep::JUSTIFICATION),
                label(&labels::JUSTIFICATIONS, p.default_justification),
            )?;
        }
        let from = inst.precursors.len() as u32;
        let mut cells = vec![
            a::PRECURSOR_CATEGORY,
            a::PRECURSOR_COUNTRY,
            a::PRECURSOR_NAME,
        ];
        cells.extend(a::PRECURSOR_ROUTES);
        self.clear_rows(a::SHEET, a::PRECURSORS, from, &cells)?;
        let mut block_cells: Vec<Cell> = ep::PURCHASED.to_vec();
        block_cells.extend(ep::CONSUMPTION);
        block_cells.extend([
            ep::OTHER_USE,
            ep::SEE_DIRECT,
            ep::SEE_DIRECT_BASIS,
            ep::ELECTRICITY,
            ep::ELECTRICITY_BASIS,
            ep::ELECTRICITY_EF,
            ep::ELECTRICITY_EF_SOURCE,
            ep::JUSTIFICATION,
        ]);
        for k in from..ep::BLOCKS.count {
            for cell in &block_cells {
                self.put(ep::SHEET, ep::BLOCKS.at(*cell, k), CellValue::Empty)?;
            }
        }
        Ok(())
    }

    fn sources(&mut self, inst: &Installation) -> Result<(), ExportError> {
        let s = b::SHEET;
        for (k, x) in inst.source_streams.iter().enumerate() {
            let at = |c: Cell| b::STREAMS.at(c, k as u32);
            self.put(
                s,
                at(b::METHOD),
                CellValue::text(labels::METHODS.label(x.method)),
            )?;
            self.put(s, at(b::NAME), text(&x.name))?;
            self.put(s, at(b::ACTIVITY_DATA), number(x.activity_data))?;
            self.put(
                s,
                at(b::ACTIVITY_UNIT),
                CellValue::text(labels::ACTIVITY_UNITS.label(x.activity_unit)),
            )?;
            self.put(s, at(b::NCV), number(x.ncv))?;
            self.put(s, at(b::EF), number(x.ef))?;
            self.put(s, at(b::EF_UNIT), label(&labels::EF_UNITS, x.ef_unit))?;
            self.put(s, at(b::CARBON_CONTENT), number(x.carbon_content))?;
            self.put(s, at(b::OXIDATION_FACTOR), number(x.oxidation_factor_pct))?;
            self.put(s, at(b::CONVERSION_FACTOR), number(x.conversion_factor_pct))?;
            self.put(s, at(b::BIOMASS), number(x.biomass_pct))?;
        }
        self.clear_rows(
            s,
            b::STREAMS,
            inst.source_streams.len() as u32,
            &[
                b::METHOD,
                b::NAME,
                b::ACTIVITY_DATA,
                b::ACTIVITY_UNIT,
                b::NCV,
                b::EF,
                b::EF_UNIT,
                b::CARBON_CONTENT,
                b::OXIDATION_FACTOR,
                b::CONVERSION_FACTOR,
                b::BIOMASS,
            ],
        )?;
        let pfc_cells = [
            b::PFC_METHOD,
            b::PFC_TECHNOLOGY,
            b::PFC_ALUMINIUM,
            b::PFC_FREQUENCY,
            b::PFC_DURATION,
            b::PFC_SEF,
            b::PFC_AEO,
            b::PFC_CE,
            b::PFC_OVC,
            b::PFC_F_C2F6,
            b::PFC_COLLECTION,
        ];
        for (k, x) in inst.pfc_emissions.iter().enumerate() {
            let at = |c: Cell| b::PFC.at(c, k as u32);
            let values = [
                CellValue::text(labels::PFC_METHODS.label(x.method)),
                text(&x.technology),
                number(x.aluminium_t),
                number(x.anode_effect_frequency),
                number(x.anode_effect_duration),
                number(x.sef_cf4),
                number(x.aeo),
                number(x.current_efficiency),
                number(x.ovc),
                number(x.f_c2f6),
                number(x.collection_efficiency),
            ];
            for (cell, value) in pfc_cells.iter().zip(values) {
                self.put(s, at(*cell), value)?;
            }
        }
        self.clear_rows(s, b::PFC, inst.pfc_emissions.len() as u32, &pfc_cells)?;
        let measured_cells = [
            b::MEASURED_NAME,
            b::MEASURED_GAS,
            b::MEASURED_BIOMASS,
            b::MEASURED_CONCENTRATION,
            b::MEASURED_HOURS,
            b::MEASURED_FLOW,
            b::MEASURED_ENERGY_FOSSIL,
            b::MEASURED_ENERGY_BIO,
        ];
        for (k, x) in inst.measured_sources.iter().enumerate() {
            let at = |c: Cell| b::MEASURED.at(c, k as u32);
            let values = [
                text(&x.name),
                CellValue::text(labels::GASES.label(x.gas)),
                number(x.biomass_pct),
                number(x.concentration_g_per_nm3),
                number(x.hours),
                number(x.flue_gas_flow),
                number(x.energy_fossil_tj),
                number(x.energy_bio_tj),
            ];
            for (cell, value) in measured_cells.iter().zip(values) {
                self.put(s, at(*cell), value)?;
            }
        }
        self.clear_rows(
            s,
            b::MEASURED,
            inst.measured_sources.len() as u32,
            &measured_cells,
        )
    }

    fn balances(&mut self, inst: &Installation) -> Result<(), ExportError> {
        let s = c::SHEET;
        let (f, g, q) = (&inst.fuel_balance, &inst.ghg_balance, &inst.data_quality);
        for (cell, v) in [
            (c::FUEL_TOTAL, f.total_tj),
            (c::FUEL_CBAM, f.cbam_goods_tj),
            (c::FUEL_ELECTRICITY, f.electricity_tj),
            (c::FUEL_NON_CBAM, f.non_cbam_goods_tj),
            (c::GHG_CO2, g.co2),
            (c::GHG_BIOMASS, g.biomass),
            (c::GHG_N2O, g.n2o),
            (c::GHG_PFC, g.pfc),
            (c::GHG_INDIRECT, g.indirect),
        ] {
            self.put(s, cell, number(v))?;
        }
        self.put(
            s,
            c::QUALITY_GENERAL,
            label(&labels::DATA_QUALITY, q.general),
        )?;
        self.put(
            s,
            c::QUALITY_JUSTIFICATION,
            label(&labels::JUSTIFICATIONS, q.default_justification),
        )?;
        self.put(
            s,
            c::QUALITY_ASSURANCE,
            label(&labels::QUALITY_ASSURANCE, q.quality_assurance),
        )
    }

    fn products(&mut self, inst: &Installation) -> Result<(), ExportError> {
        let s = spr::SHEET;
        let cells = [
            spr::PROCESS,
            spr::CN_CODE,
            spr::NAME,
            spr::REDUCING_AGENT,
            spr::STEEL_MILL,
            spr::MN,
            spr::CR,
            spr::NI,
            spr::OTHER_ALLOYS,
            spr::CARBON,
            spr::SCRAP_STEEL,
            spr::OTHER_MATERIALS,
            spr::PRE_CONSUMER_SCRAP,
            spr::SCRAP_ALUMINIUM,
            spr::NON_ALUMINIUM,
            spr::CLINKER_FACTOR,
            spr::CALCINED,
            spr::CONCENTRATION,
            spr::NITRIC_ACID,
            spr::UREA,
            spr::N_CONTAINED,
            spr::N_AMMONIUM,
            spr::N_NITRATE,
            spr::N_UREA,
            spr::N_OTHER,
            spr::CP_INSTRUMENT,
            spr::CP_SHARE,
            spr::CP_CURRENCY,
            spr::CP_AMOUNT,
            spr::CP_REBATE,
            spr::CP_REBATE_SHARE,
            spr::CP_REBATE_AMOUNT,
        ];
        for (k, p) in inst.products.iter().enumerate() {
            let process = inst
                .processes
                .iter()
                .find(|x| x.id == p.process)
                .map(|x| x.name.clone())
                .unwrap_or_default();
            let q = &p.parameters;
            let cp = p.carbon_price.clone().unwrap_or_default();
            let values = [
                CellValue::text(process),
                CellValue::text(athar_cbam::cn::normalize_cn(&p.cn_code)),
                text(&p.name),
                label(&labels::REDUCING_AGENTS, q.reducing_agent),
                text(&q.steel_mill_id),
                number(q.mn),
                number(q.cr),
                number(q.ni),
                number(q.other_alloys),
                number(q.carbon),
                number(q.scrap_per_t_steel),
                number(q.other_materials),
                number(q.pre_consumer_scrap),
                number(q.scrap_per_t_aluminium),
                number(q.non_aluminium_elements),
                number(q.clinker_factor),
                boolean(q.calcined),
                number(q.concentration),
                number(q.nitric_acid),
                number(q.urea),
                number(q.n_contained),
                number(q.n_ammonium),
                number(q.n_nitrate),
                number(q.n_urea),
                number(q.n_other),
                label(&labels::INSTRUMENTS, cp.instrument),
                number(cp.share_covered),
                text(&cp.currency),
                number(cp.amount_per_unit),
                label(&labels::REBATES, cp.rebate),
                number(cp.rebate_share),
                number(cp.rebate_per_unit),
            ];
            for (cell, value) in cells.iter().zip(values) {
                self.put(s, spr::ROWS.at(*cell, k as u32), value)?;
            }
        }
        self.clear_rows(s, spr::ROWS, inst.products.len() as u32, &cells)
    }

    /// The summary tables' values, as cached results of their formulas.
    fn summary(&mut self, r: &CbamResults) -> Result<(), ExportError> {
        let n = |v: Decimal| CellValue::from(v.normalize());
        let s = spr::SHEET;
        for (k, p) in r.products.iter().enumerate() {
            let at = |c: Cell| spr::ROWS.at(c, k as u32);
            self.cached(s, at(spr::SEE_DIRECT), n(p.see_direct))?;
            self.cached(s, at(spr::SEE_INDIRECT), n(p.see_indirect))?;
            self.cached(s, at(spr::SEE_TOTAL), n(p.see_total))?;
            self.cached(s, at(spr::DEFAULT_SHARE), n(p.default_share_direct))?;
            if let Some(source) = p.ef_source {
                self.cached(s, at(spr::EF_SOURCE), CellValue::text(source.code()))?;
            }
            if let Some(e) = p.embedded_electricity {
                self.cached(s, at(spr::EMBEDDED_ELECTRICITY), n(e))?;
            }
        }
        let s = sp::SHEET;
        let mut sums = (Decimal::ZERO, Decimal::ZERO);
        for (k, p) in r.processes.iter().enumerate() {
            let k = k as u32;
            let heat = p.heat_import.checked_sub(p.heat_export).unwrap_or_default();
            let waste_gas = p
                .waste_gas_import
                .checked_sub(p.waste_gas_export)
                .unwrap_or_default();
            let total = p
                .directly_attributable
                .checked_add(heat)
                .and_then(|v| v.checked_add(waste_gas))
                .unwrap_or_default();
            sums.0 = sums.0.checked_add(total).unwrap_or_default();
            sums.1 = sums
                .1
                .checked_add(p.attributed_indirect)
                .unwrap_or_default();
            let bal = |c: Cell| sp::BALANCE.at(c, k);
            self.cached(s, bal(sp::DIR_EM), n(p.directly_attributable))?;
            self.cached(s, bal(sp::HEAT), n(heat))?;
            self.cached(s, bal(sp::WASTE_GAS), n(waste_gas))?;
            self.cached(s, bal(sp::TOTAL_DIRECT), n(total))?;
            self.cached(s, bal(sp::INDIRECT), n(p.attributed_indirect))?;
            self.cached(s, bal(sp::ACTIVITY_LEVEL), n(p.activity_level))?;
            let spc = |c: Cell| sp::SPECIFIC.at(c, k);
            self.cached(s, spc(sp::SE_DIRECT), n(p.specific_direct))?;
            self.cached(s, spc(sp::SEE_DIRECT), n(p.see_direct))?;
            self.cached(s, spc(sp::SE_INDIRECT), n(p.specific_indirect))?;
            self.cached(s, spc(sp::SEE_INDIRECT), n(p.see_indirect))?;
            self.cached(s, spc(sp::ELECTRICITY), n(p.specific_electricity))?;
            if let Some(e) = p.embedded_electricity {
                self.cached(s, spc(sp::EMBEDDED_ELECTRICITY), n(e))?;
            }
        }
        if !r.processes.is_empty() {
            self.cached(s, sp::SUM_DIRECT, n(sums.0))?;
            self.cached(s, sp::SUM_INDIRECT, n(sums.1))?;
        }
        for (k, p) in r.precursors.iter().enumerate() {
            let row = |c: Cell| sp::PRECURSORS.at(c, k as u32);
            self.cached(s, row(sp::PRECURSOR_SEE_DIRECT), n(p.see_direct))?;
            self.cached(s, row(sp::PRECURSOR_SEE_INDIRECT), n(p.see_indirect))?;
            if let Some(e) = p.electricity_mwh_per_t {
                self.cached(s, row(sp::PRECURSOR_ELECTRICITY), n(e))?;
            }
        }
        let i = &r.installation;
        self.cached(s, sp::INSTALLATION_DIRECT, n(i.direct))?;
        if let Some(v) = i.indirect_entered {
            self.cached(s, sp::INSTALLATION_INDIRECT, n(v))?;
        }
        let s = c::SHEET;
        self.cached(s, c::FUEL_FROM_SOURCES, n(i.fuel_input_tj))?;
        self.cached(s, c::RESULT_CO2, n(i.co2))?;
        self.cached(s, c::RESULT_BIOMASS, n(i.biomass))?;
        self.cached(s, c::RESULT_N2O, n(i.n2o))?;
        self.cached(s, c::RESULT_PFC, n(i.pfc))?;
        self.cached(s, c::RESULT_DIRECT, n(i.direct))?;
        if let Some(v) = i.indirect_entered {
            self.cached(s, c::RESULT_INDIRECT, n(v))?;
            self.cached(
                s,
                c::RESULT_TOTAL,
                n(i.direct.checked_add(v).unwrap_or_default()),
            )?;
        }
        self.cached(s, c::BY_METHOD_CALCULATION, n(i.calculation_based))?;
        self.cached(s, c::BY_METHOD_PFC, n(i.pfc))?;
        self.cached(s, c::BY_METHOD_MEASUREMENT, n(i.measurement_based))?;
        Ok(())
    }
}
