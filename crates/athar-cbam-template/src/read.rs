//! Import: a filled communication template into an `athar_cbam::Installation`, recomputed.
//!
//! Why this module exists: producers receive (and keep) their data in the Commission's
//! workbook; importing it must take every input sheet as it is, refuse what is unknown or
//! inconsistent — cell by cell, all problems at once, never half a workbook — and then
//! compute the summary afresh rather than trust the cached values, which may be stale or
//! computed by a spreadsheet with different rounding.
//!
//! Ids come from positions: processes `P1`–`P10` (sheet A 4(b) rows), precursors
//! `PP1`–`PP20`, goods `G1`–`G10`, source streams `S1`–`S75`, PFC entries `PFC1`–`PFC10`,
//! measured sources `M1`–`M10`, products `1`–`100` (Summary_Products rows).

use std::collections::BTreeMap;

use athar_cbam::goods::GoodsCategory;
use athar_cbam::model::*;
use athar_cbam::{compute, CbamResults};
use athar_domain::Validate;
use rust_decimal::Decimal;

use crate::cells::{
    a_inst_data as a, b_em_inst as b, c_emissions as c, code_lists, d_processes as dp,
    e_purch_prec as ep, summary_processes as sp, summary_products as spr, Cell,
};
use crate::error::{CellProblem, TemplateError};
use crate::labels;
use crate::workbook::{text_of, Book, CellReader, TemplateVersion};

/// Sheets the import reads.
pub(crate) const INPUT_SHEETS: [&str; 8] = [
    a::SHEET,
    b::SHEET,
    c::SHEET,
    dp::SHEET,
    ep::SHEET,
    spr::SHEET,
    sp::SHEET,
    code_lists::SHEET,
];

/// Where the imported items sit in the template (0-based positions of their rows/blocks).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Layout {
    /// Process id → position (P1 = 0).
    pub processes: BTreeMap<String, u32>,
    pub precursors: BTreeMap<String, u32>,
    /// Product id → Summary_Products row index (row 10 = 0).
    pub products: BTreeMap<String, u32>,
}

/// A template read and recomputed.
#[derive(Debug, Clone)]
pub struct Imported {
    pub version: TemplateVersion,
    pub installation: Installation,
    /// The summary as Athar computes it.
    pub results: CbamResults,
    pub layout: Layout,
}

/// Reads a template from its bytes.
pub fn read_template(bytes: &[u8]) -> Result<Imported, TemplateError> {
    let book = Book::open(bytes, &INPUT_SHEETS)?;
    read_book(&book)
}

/// Reads a template file.
pub fn read_template_file(path: &std::path::Path) -> Result<Imported, TemplateError> {
    let bytes = std::fs::read(path).map_err(|e| TemplateError::Io {
        path: path.display().to_string(),
        detail: e.to_string(),
    })?;
    read_template(&bytes)
}

pub(crate) fn read_book(book: &Book) -> Result<Imported, TemplateError> {
    let mut r = CellReader::new(book);
    let mut layout = Layout::default();
    let countries = countries(book);
    let (about, verifier) = about(&mut r, &countries);
    let start = r.date(a::SHEET, a::PERIOD_START, "reporting_period.start");
    let end = r.date(a::SHEET, a::PERIOD_END, "reporting_period.end");
    if start.is_none() && r.blank(a::SHEET, a::PERIOD_START) {
        missing(&mut r, a::SHEET, a::PERIOD_START, "reporting_period.start");
    }
    if end.is_none() && r.blank(a::SHEET, a::PERIOD_END) {
        missing(&mut r, a::SHEET, a::PERIOD_END, "reporting_period.end");
    }
    let goods = goods(&mut r);
    let mut processes = processes(&mut r, &mut layout);
    let precursors = precursors(&mut r, &mut layout, &processes);
    transfers(&mut r, &mut processes, &layout);
    let (source_streams, pfc_emissions, measured_sources) = sources(&mut r);
    let (fuel_balance, ghg_balance, data_quality) = balances(&mut r);
    let products = products(&mut r, &mut layout, &processes);
    let carbon_price_description = r.text(
        sp::SHEET,
        sp::CARBON_PRICE_DESCRIPTION,
        "carbon_price_description",
    );
    let additional_information = r.text(
        sp::SHEET,
        sp::ADDITIONAL_INFORMATION,
        "additional_information",
    );

    let (Some(start), Some(end)) = (start, end) else {
        return Err(TemplateError::Invalid(r.problems));
    };
    let installation = Installation {
        about,
        reporting_period: ReportingPeriod { start, end },
        verifier,
        goods,
        source_streams,
        pfc_emissions,
        measured_sources,
        fuel_balance,
        ghg_balance,
        data_quality,
        processes,
        precursors,
        products,
        carbon_price_description,
        additional_information,
    };
    for e in installation.validate() {
        let cell = r.cell_of(&e.field).unwrap_or_else(|| a::SHEET.to_string());
        r.problems.push(CellProblem {
            cell,
            key: e.key,
            args: e.args,
            field: Some(e.field),
        });
    }
    if !r.problems.is_empty() {
        return Err(TemplateError::Invalid(r.problems));
    }
    let results = compute(&installation, None).map_err(TemplateError::Calculation)?;
    Ok(Imported {
        version: book.version,
        installation,
        results,
        layout,
    })
}

fn missing(r: &mut CellReader<'_>, sheet: &str, c: Cell, field: &str) {
    r.problems.push(CellProblem {
        cell: crate::cells::at(sheet, c),
        key: "v-required".into(),
        args: Vec::new(),
        field: Some(field.to_string()),
    });
}

/// Country name → code, from the template's own code list (first match, as its formulas).
fn countries(book: &Book) -> Vec<(String, String)> {
    (0..code_lists::COUNTRIES.count)
        .map(|i| {
            (
                text_of(book.get(code_lists::SHEET, code_lists::COUNTRY_CODE.down(i))),
                text_of(book.get(code_lists::SHEET, code_lists::COUNTRY_NAME.down(i))),
            )
        })
        .filter(|(code, name)| !code.is_empty() && !name.is_empty())
        .collect()
}

/// Degrees as typed in the template (`16.6911279°`, `30,05`).
fn degrees(text: &str) -> Option<Decimal> {
    let t: String = text.trim().trim_end_matches('°').trim().replace(',', ".");
    t.parse().ok()
}

fn about(
    r: &mut CellReader<'_>,
    countries: &[(String, String)],
) -> (InstallationInfo, Option<Verifier>) {
    let s = a::SHEET;
    let country_name = r.text(s, a::COUNTRY, "about.country");
    let country = if country_name.is_empty() {
        String::new()
    } else {
        match countries
            .iter()
            .find(|(_, name)| name.eq_ignore_ascii_case(&country_name))
        {
            Some((code, _)) => code.clone(),
            None => {
                r.problem(
                    s,
                    a::COUNTRY,
                    "cbam-tpl-unknown-country",
                    &country_name,
                    Some("about.country".into()),
                );
                String::new()
            }
        }
    };
    let mut coordinate = |c: Cell, field: &str| {
        let t = r.text(s, c, field);
        if t.is_empty() {
            return None;
        }
        let v = degrees(&t);
        if v.is_none() {
            r.problem(s, c, "cbam-tpl-coordinates", &t, Some(field.into()));
        }
        v
    };
    let latitude = coordinate(a::LATITUDE, "about.latitude");
    let longitude = coordinate(a::LONGITUDE, "about.longitude");
    let info = InstallationInfo {
        name: r.text(s, a::NAME, "about.name"),
        name_en: r.text(s, a::NAME_EN, "about.name_en"),
        street: r.text(s, a::STREET, "about.street"),
        economic_activity: r.text(s, a::ECONOMIC_ACTIVITY, "about.economic_activity"),
        post_code: r.text(s, a::POST_CODE, "about.post_code"),
        po_box: r.text(s, a::PO_BOX, "about.po_box"),
        city: r.text(s, a::CITY, "about.city"),
        country,
        unlocode: r.text(s, a::UNLOCODE, "about.unlocode"),
        latitude,
        longitude,
        representative: Contact {
            name: r.text(s, a::REPRESENTATIVE, "about.representative.name"),
            email: r.text(s, a::EMAIL, "about.representative.email"),
            telephone: r.text(s, a::TELEPHONE, "about.representative.telephone"),
        },
    };
    let verifier = Verifier {
        company_name: r.text(s, a::VERIFIER_COMPANY, "verifier.company_name"),
        street: r.text(s, a::VERIFIER_STREET, "verifier.street"),
        city: r.text(s, a::VERIFIER_CITY, "verifier.city"),
        post_code: r.text(s, a::VERIFIER_POST_CODE, "verifier.post_code"),
        country: r.text(s, a::VERIFIER_COUNTRY, "verifier.country"),
        representative: Contact {
            name: r.text(
                s,
                a::VERIFIER_REPRESENTATIVE,
                "verifier.representative.name",
            ),
            email: r.text(s, a::VERIFIER_EMAIL, "verifier.representative.email"),
            telephone: r.text(
                s,
                a::VERIFIER_TELEPHONE,
                "verifier.representative.telephone",
            ),
        },
        fax: r.text(s, a::VERIFIER_FAX, "verifier.fax"),
        accreditation_member_state: r.text(
            s,
            a::VERIFIER_ACCREDITATION_STATE,
            "verifier.accreditation_member_state",
        ),
        accreditation_body: r.text(
            s,
            a::VERIFIER_ACCREDITATION_BODY,
            "verifier.accreditation_body",
        ),
        accreditation_number: r.text(
            s,
            a::VERIFIER_ACCREDITATION_NUMBER,
            "verifier.accreditation_number",
        ),
    };
    (info, (!verifier.is_empty()).then_some(verifier))
}

fn any_filled(r: &CellReader<'_>, sheet: &str, cells: &[Cell]) -> bool {
    cells.iter().any(|c| !r.blank(sheet, *c))
}

/// A row that has values but not the cell that makes it an entry.
fn orphan_row(r: &mut CellReader<'_>, sheet: &str, key_cell: Cell, others: &[Cell]) {
    if any_filled(r, sheet, others) {
        missing(r, sheet, key_cell, "");
        if let Some(p) = r.problems.last_mut() {
            p.key = "cbam-tpl-incomplete-row".into();
            p.field = None;
        }
    }
}

fn goods(r: &mut CellReader<'_>) -> Vec<GoodsEntry> {
    let mut out = Vec::new();
    for k in 0..a::GOODS.count {
        let cat_cell = a::GOODS.at(a::GOODS_CATEGORY, k);
        let routes_cells: Vec<Cell> = a::GOODS_ROUTES.iter().map(|c| a::GOODS.at(*c, k)).collect();
        if r.blank(a::SHEET, cat_cell) {
            orphan_row(r, a::SHEET, cat_cell, &routes_cells);
            continue;
        }
        let i = out.len();
        let Some(category) = r.label(
            a::SHEET,
            cat_cell,
            &labels::GOODS,
            &format!("goods.{i}.category"),
        ) else {
            continue;
        };
        let mut routes = Vec::new();
        for c in routes_cells {
            if let Some(route) = r.label(a::SHEET, c, &labels::ROUTES, &format!("goods.{i}.routes"))
            {
                routes.push(route);
            }
        }
        out.push(GoodsEntry {
            id: format!("G{}", k + 1),
            category,
            routes,
        });
    }
    out
}

/// Reads route slots (production or purchase) for a category: slot i is the category's i-th
/// route, or the one "All production routes" slot.
fn route_slots(
    r: &mut CellReader<'_>,
    sheet: &str,
    slots: &[Cell],
    category: GoodsCategory,
    field: &str,
) -> Vec<RouteAmount> {
    let routes = category.routes();
    let mut out = Vec::new();
    for (j, c) in slots.iter().enumerate() {
        let route = if routes.is_empty() {
            (j == 0).then_some(None)
        } else {
            routes.get(j).map(|r| Some(*r))
        };
        let item_field = format!("{field}.{}", out.len());
        let value = r.number(sheet, *c, &format!("{item_field}.amount"));
        r.note(field, sheet, slots[0]);
        match (route, value) {
            (Some(route), Some(amount)) => {
                r.note(format!("{item_field}.route"), sheet, *c);
                out.push(RouteAmount { route, amount });
            }
            (None, Some(v)) => {
                r.problem(
                    sheet,
                    *c,
                    "cbam-tpl-unexpected-value",
                    &v.to_string(),
                    Some(field.into()),
                );
            }
            _ => {}
        }
    }
    out
}

fn processes(r: &mut CellReader<'_>, layout: &mut Layout) -> Vec<Process> {
    let mut out = Vec::new();
    for k in 0..a::PROCESSES.count {
        let cat_cell = a::PROCESSES.at(a::PROCESS_CATEGORY, k);
        let mut others: Vec<Cell> = a::PROCESS_INCLUDED
            .iter()
            .map(|c| a::PROCESSES.at(*c, k))
            .collect();
        others.push(a::PROCESSES.at(a::PROCESS_NAME, k));
        if r.blank(a::SHEET, cat_cell) {
            orphan_row(r, a::SHEET, cat_cell, &others);
            continue;
        }
        let i = out.len();
        let f = |n: &str| format!("processes.{i}.{n}");
        let name_cell = a::PROCESSES.at(a::PROCESS_NAME, k);
        r.note(format!("processes.{i}"), a::SHEET, name_cell);
        let Some(category) = r.label(a::SHEET, cat_cell, &labels::GOODS, &f("category")) else {
            continue;
        };
        let mut included = Vec::new();
        for c in &a::PROCESS_INCLUDED {
            let c = a::PROCESSES.at(*c, k);
            let t = r.text(a::SHEET, c, &f("included"));
            if t.is_empty() || t.eq_ignore_ascii_case(labels::ONLY_DIRECT_PRODUCTION) {
                continue;
            }
            match labels::GOODS.parse(&t) {
                Some(g) => included.push(g),
                None => r.problem(
                    a::SHEET,
                    c,
                    "cbam-tpl-unknown-value",
                    &t,
                    Some(f("included")),
                ),
            }
        }
        let id = format!("P{}", k + 1);
        let mut name = r.text(a::SHEET, name_cell, &f("name"));
        if name.is_empty() {
            // The template's own fallback (A_InstData column T).
            name = format!("{id} - {}", labels::GOODS.label(category));
        }
        let mut p = Process::new(id.clone(), name, category);
        p.included = included;
        let s = dp::SHEET;
        let blk = |c: Cell| dp::BLOCKS.at(c, k);
        p.production = route_slots(r, s, &dp::PRODUCTION.map(blk), category, &f("production"));
        p.produced_for_market = r.number(s, blk(dp::MARKET), &f("produced_for_market"));
        p.non_cbam_use = r.number(s, blk(dp::NON_CBAM), &f("non_cbam_use"));
        p.heat_relevant = r.boolean(s, blk(dp::HEAT_RELEVANT), &f("heat_relevant"));
        p.waste_gas_relevant = r.boolean(s, blk(dp::WASTE_GAS_RELEVANT), &f("waste_gas_relevant"));
        p.direct.entered = r.number(s, blk(dp::DIRECT), &f("direct.entered"));
        r.note(f("direct"), s, blk(dp::DIRECT));
        p.heat = HeatFlows {
            imported_tj: r.number(s, blk(dp::HEAT_IMPORTED), &f("heat.imported_tj")),
            imported_ef: r.number(s, blk(dp::HEAT_IMPORTED_EF), &f("heat.imported_ef")),
            exported_tj: r.number(s, blk(dp::HEAT_EXPORTED), &f("heat.exported_tj")),
            exported_ef: r.number(s, blk(dp::HEAT_EXPORTED_EF), &f("heat.exported_ef")),
        };
        p.waste_gas = WasteGasFlows {
            imported_tj: r.number(s, blk(dp::WASTE_GAS_IMPORTED), &f("waste_gas.imported_tj")),
            exported_tj: r.number(s, blk(dp::WASTE_GAS_EXPORTED), &f("waste_gas.exported_tj")),
            imported_ef: r.number(
                s,
                blk(dp::WASTE_GAS_IMPORTED_EF),
                &f("waste_gas.imported_ef"),
            ),
            exported_ef: r.number(
                s,
                blk(dp::WASTE_GAS_EXPORTED_EF),
                &f("waste_gas.exported_ef"),
            ),
        };
        let source_cell = blk(dp::ELECTRICITY_EF_SOURCE);
        let source_text = r.text(s, source_cell, &f("electricity.ef_source"));
        let ef_source = if source_text.is_empty() {
            None
        } else {
            let v = ElectricityEfSource::from_code(&source_text);
            if v.is_none() {
                r.problem(
                    s,
                    source_cell,
                    "cbam-tpl-unknown-value",
                    &source_text,
                    Some(f("electricity.ef_source")),
                );
            }
            v
        };
        p.electricity = ElectricityUse {
            consumed_mwh: r.number(s, blk(dp::ELECTRICITY), &f("electricity.consumed_mwh")),
            ef: r.number(s, blk(dp::ELECTRICITY_EF), &f("electricity.ef")),
            ef_source,
            exported_mwh: r.number(
                s,
                blk(dp::ELECTRICITY_EXPORTED),
                &f("electricity.exported_mwh"),
            ),
            exported_ef: r.number(
                s,
                blk(dp::ELECTRICITY_EXPORTED_EF),
                &f("electricity.exported_ef"),
            ),
        };
        layout.processes.insert(id, k);
        out.push(p);
    }
    out
}

/// Sheet D (c): amounts consumed in other processes. Row j of process k's block is the j-th
/// other process (positions skip k itself).
fn transfers(r: &mut CellReader<'_>, processes: &mut [Process], layout: &Layout) {
    let by_position: BTreeMap<u32, String> = layout
        .processes
        .iter()
        .map(|(id, k)| (*k, id.clone()))
        .collect();
    for (i, p) in processes.iter_mut().enumerate() {
        let Some(&k) = layout.processes.get(&p.id) else {
            continue;
        };
        for (j, c) in dp::TRANSFERS.iter().enumerate() {
            let cell = dp::BLOCKS.at(*c, k);
            let j = j as u32;
            let target = if j < k { j } else { j + 1 };
            let t = p.transfers.len();
            let field = format!("processes.{i}.transfers.{t}");
            let Some(amount) = r.number(dp::SHEET, cell, &format!("{field}.amount")) else {
                continue;
            };
            r.note(field.clone(), dp::SHEET, cell);
            match by_position.get(&target) {
                Some(to) => p.transfers.push(Transfer {
                    to: to.clone(),
                    amount,
                }),
                None => r.problem(
                    dp::SHEET,
                    cell,
                    "cbam-tpl-no-such-process",
                    &format!("P{}", target + 1),
                    Some(field),
                ),
            }
        }
    }
}

fn precursors(
    r: &mut CellReader<'_>,
    layout: &mut Layout,
    processes: &[Process],
) -> Vec<PurchasedPrecursor> {
    let mut out = Vec::new();
    for k in 0..a::PRECURSORS.count {
        let cat_cell = a::PRECURSORS.at(a::PRECURSOR_CATEGORY, k);
        let mut others: Vec<Cell> = a::PRECURSOR_ROUTES
            .iter()
            .map(|c| a::PRECURSORS.at(*c, k))
            .collect();
        others.push(a::PRECURSORS.at(a::PRECURSOR_COUNTRY, k));
        others.push(a::PRECURSORS.at(a::PRECURSOR_NAME, k));
        if r.blank(a::SHEET, cat_cell) {
            orphan_row(r, a::SHEET, cat_cell, &others);
            continue;
        }
        let i = out.len();
        let f = |n: &str| format!("precursors.{i}.{n}");
        let name_cell = a::PRECURSORS.at(a::PRECURSOR_NAME, k);
        r.note(format!("precursors.{i}"), a::SHEET, name_cell);
        let Some(category) = r.label(a::SHEET, cat_cell, &labels::GOODS, &f("category")) else {
            continue;
        };
        let id = format!("PP{}", k + 1);
        let mut name = r.text(a::SHEET, name_cell, &f("name"));
        if name.is_empty() {
            name = format!("{id} - {}", labels::GOODS.label(category));
        }
        let country = r.text(
            a::SHEET,
            a::PRECURSORS.at(a::PRECURSOR_COUNTRY, k),
            &f("country"),
        );
        let mut routes = Vec::new();
        for c in &a::PRECURSOR_ROUTES {
            if let Some(route) = r.label(
                a::SHEET,
                a::PRECURSORS.at(*c, k),
                &labels::ROUTES,
                &f("routes"),
            ) {
                routes.push(route);
            }
        }
        let s = ep::SHEET;
        let blk = |c: Cell| ep::BLOCKS.at(c, k);
        let purchased = route_slots(r, s, &ep::PURCHASED.map(blk), category, &f("purchased"));
        let mut consumption = Vec::new();
        for (j, c) in ep::CONSUMPTION.iter().enumerate() {
            let cell = blk(*c);
            let field = format!("precursors.{i}.consumption.{}", consumption.len());
            let Some(amount) = r.number(s, cell, &format!("{field}.amount")) else {
                continue;
            };
            r.note(field.clone(), s, cell);
            match processes.iter().find(|p| p.id == format!("P{}", j + 1)) {
                Some(p) => consumption.push(Consumption {
                    process: p.id.clone(),
                    amount,
                }),
                None => r.problem(
                    s,
                    cell,
                    "cbam-tpl-no-such-process",
                    &format!("P{}", j + 1),
                    Some(field),
                ),
            }
        }
        let other_use = r.number(s, blk(ep::OTHER_USE), &f("other_use"));
        let see_direct = r.number(s, blk(ep::SEE_DIRECT), &f("values.see_direct"));
        let direct_basis = r.label(
            s,
            blk(ep::SEE_DIRECT_BASIS),
            &labels::BASES,
            &f("values.direct_basis"),
        );
        let electricity = r.number(
            s,
            blk(ep::ELECTRICITY),
            &f("values.indirect.electricity_mwh_per_t"),
        );
        let electricity_basis = r.label(
            s,
            blk(ep::ELECTRICITY_BASIS),
            &labels::BASES,
            &f("values.indirect.electricity_basis"),
        );
        let ef = r.number(s, blk(ep::ELECTRICITY_EF), &f("values.indirect.ef"));
        let source_cell = blk(ep::ELECTRICITY_EF_SOURCE);
        let source_text = r.text(s, source_cell, &f("values.indirect.ef_source"));
        let ef_source = ElectricityEfSource::from_code(&source_text);
        if ef_source.is_none() && !source_text.is_empty() {
            r.problem(
                s,
                source_cell,
                "cbam-tpl-unknown-value",
                &source_text,
                Some(f("values.indirect.ef_source")),
            );
        }
        let default_justification = r.label(
            s,
            blk(ep::JUSTIFICATION),
            &labels::JUSTIFICATIONS,
            &f("default_justification"),
        );
        r.note(f("values"), s, blk(ep::SEE_DIRECT));
        let mut required = |value: bool, c: Cell, field: &str| {
            if !value && r.blank(s, c) {
                missing(r, s, c, field);
            }
        };
        required(
            see_direct.is_some(),
            blk(ep::SEE_DIRECT),
            &f("values.see_direct"),
        );
        required(
            direct_basis.is_some(),
            blk(ep::SEE_DIRECT_BASIS),
            &f("values.direct_basis"),
        );
        required(
            electricity.is_some(),
            blk(ep::ELECTRICITY),
            &f("values.indirect.electricity_mwh_per_t"),
        );
        required(
            electricity_basis.is_some(),
            blk(ep::ELECTRICITY_BASIS),
            &f("values.indirect.electricity_basis"),
        );
        required(
            ef.is_some(),
            blk(ep::ELECTRICITY_EF),
            &f("values.indirect.ef"),
        );
        let (
            Some(see_direct),
            Some(direct_basis),
            Some(electricity_mwh_per_t),
            Some(electricity_basis),
            Some(ef),
        ) = (see_direct, direct_basis, electricity, electricity_basis, ef)
        else {
            continue;
        };
        layout.precursors.insert(id.clone(), k);
        out.push(PurchasedPrecursor {
            id,
            name,
            category,
            country: (!country.is_empty()).then_some(country),
            routes,
            cn_code: None,
            purchased,
            consumption,
            other_use,
            values: PrecursorValues::Given {
                see_direct,
                direct_basis,
                indirect: PrecursorIndirect {
                    electricity_mwh_per_t,
                    electricity_basis,
                    ef,
                    ef_source,
                },
            },
            default_justification,
            evidence: Vec::new(),
        });
    }
    out
}

type Sources = (Vec<SourceStream>, Vec<PfcEmission>, Vec<MeasuredSource>);

fn sources(r: &mut CellReader<'_>) -> Sources {
    let s = b::SHEET;
    let mut streams = Vec::new();
    for k in 0..b::STREAMS.count {
        let at = |c: Cell| b::STREAMS.at(c, k);
        let method_cell = at(b::METHOD);
        let others = [
            b::NAME,
            b::ACTIVITY_DATA,
            b::NCV,
            b::EF,
            b::CARBON_CONTENT,
            b::OXIDATION_FACTOR,
            b::CONVERSION_FACTOR,
            b::BIOMASS,
        ]
        .map(at);
        if r.blank(s, method_cell) {
            orphan_row(r, s, method_cell, &others);
            continue;
        }
        let i = streams.len();
        let f = |n: &str| format!("source_streams.{i}.{n}");
        r.note(format!("source_streams.{i}"), s, method_cell);
        let method = r.label(s, method_cell, &labels::METHODS, &f("method"));
        let unit_cell = at(b::ACTIVITY_UNIT);
        let activity_unit = r.label(s, unit_cell, &labels::ACTIVITY_UNITS, &f("activity_unit"));
        if activity_unit.is_none() && r.blank(s, unit_cell) {
            missing(r, s, unit_cell, &f("activity_unit"));
        }
        let stream = SourceStream {
            id: format!("S{}", k + 1),
            method: method.unwrap_or(MonitoringMethod::Combustion),
            name: r.text(s, at(b::NAME), &f("name")),
            activity_data: r.number(s, at(b::ACTIVITY_DATA), &f("activity_data")),
            activity_unit: activity_unit.unwrap_or_default(),
            ncv: r.number(s, at(b::NCV), &f("ncv")),
            ef: r.number(s, at(b::EF), &f("ef")),
            ef_unit: r.label(s, at(b::EF_UNIT), &labels::EF_UNITS, &f("ef_unit")),
            carbon_content: r.number(s, at(b::CARBON_CONTENT), &f("carbon_content")),
            oxidation_factor_pct: r.number(s, at(b::OXIDATION_FACTOR), &f("oxidation_factor_pct")),
            conversion_factor_pct: r.number(
                s,
                at(b::CONVERSION_FACTOR),
                &f("conversion_factor_pct"),
            ),
            biomass_pct: r.number(s, at(b::BIOMASS), &f("biomass_pct")),
            factors: Vec::new(),
            evidence: Vec::new(),
        };
        if method.is_some() {
            streams.push(stream);
        }
    }
    let mut pfc = Vec::new();
    for k in 0..b::PFC.count {
        let at = |c: Cell| b::PFC.at(c, k);
        let method_cell = at(b::PFC_METHOD);
        let others = [
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
        ]
        .map(at);
        if r.blank(s, method_cell) {
            orphan_row(r, s, method_cell, &others);
            continue;
        }
        let i = pfc.len();
        let f = |n: &str| format!("pfc_emissions.{i}.{n}");
        r.note(format!("pfc_emissions.{i}"), s, method_cell);
        let Some(method) = r.label(s, method_cell, &labels::PFC_METHODS, &f("method")) else {
            continue;
        };
        pfc.push(PfcEmission {
            id: format!("PFC{}", k + 1),
            method,
            technology: r.text(s, at(b::PFC_TECHNOLOGY), &f("technology")),
            aluminium_t: r.number(s, at(b::PFC_ALUMINIUM), &f("aluminium_t")),
            anode_effect_frequency: r.number(s, at(b::PFC_FREQUENCY), &f("anode_effect_frequency")),
            anode_effect_duration: r.number(s, at(b::PFC_DURATION), &f("anode_effect_duration")),
            sef_cf4: r.number(s, at(b::PFC_SEF), &f("sef_cf4")),
            aeo: r.number(s, at(b::PFC_AEO), &f("aeo")),
            current_efficiency: r.number(s, at(b::PFC_CE), &f("current_efficiency")),
            ovc: r.number(s, at(b::PFC_OVC), &f("ovc")),
            f_c2f6: r.number(s, at(b::PFC_F_C2F6), &f("f_c2f6")),
            collection_efficiency: r.number(s, at(b::PFC_COLLECTION), &f("collection_efficiency")),
            evidence: Vec::new(),
        });
    }
    let mut measured = Vec::new();
    for k in 0..b::MEASURED.count {
        let at = |c: Cell| b::MEASURED.at(c, k);
        let gas_cell = at(b::MEASURED_GAS);
        let others = [
            b::MEASURED_NAME,
            b::MEASURED_BIOMASS,
            b::MEASURED_CONCENTRATION,
            b::MEASURED_HOURS,
            b::MEASURED_FLOW,
            b::MEASURED_ENERGY_FOSSIL,
            b::MEASURED_ENERGY_BIO,
        ]
        .map(at);
        if r.blank(s, gas_cell) {
            orphan_row(r, s, gas_cell, &others);
            continue;
        }
        let i = measured.len();
        let f = |n: &str| format!("measured_sources.{i}.{n}");
        r.note(format!("measured_sources.{i}"), s, gas_cell);
        let Some(gas) = r.label(s, gas_cell, &labels::GASES, &f("gas")) else {
            continue;
        };
        measured.push(MeasuredSource {
            id: format!("M{}", k + 1),
            name: r.text(s, at(b::MEASURED_NAME), &f("name")),
            gas,
            biomass_pct: r.number(s, at(b::MEASURED_BIOMASS), &f("biomass_pct")),
            concentration_g_per_nm3: r.number(
                s,
                at(b::MEASURED_CONCENTRATION),
                &f("concentration_g_per_nm3"),
            ),
            hours: r.number(s, at(b::MEASURED_HOURS), &f("hours")),
            flue_gas_flow: r.number(s, at(b::MEASURED_FLOW), &f("flue_gas_flow")),
            energy_fossil_tj: r.number(s, at(b::MEASURED_ENERGY_FOSSIL), &f("energy_fossil_tj")),
            energy_bio_tj: r.number(s, at(b::MEASURED_ENERGY_BIO), &f("energy_bio_tj")),
            evidence: Vec::new(),
        });
    }
    (streams, pfc, measured)
}

fn balances(r: &mut CellReader<'_>) -> (FuelBalance, GhgBalance, DataQualityInfo) {
    let s = c::SHEET;
    let fuel = FuelBalance {
        total_tj: r.number(s, c::FUEL_TOTAL, "fuel_balance.total_tj"),
        cbam_goods_tj: r.number(s, c::FUEL_CBAM, "fuel_balance.cbam_goods_tj"),
        electricity_tj: r.number(s, c::FUEL_ELECTRICITY, "fuel_balance.electricity_tj"),
        non_cbam_goods_tj: r.number(s, c::FUEL_NON_CBAM, "fuel_balance.non_cbam_goods_tj"),
    };
    let ghg = GhgBalance {
        co2: r.number(s, c::GHG_CO2, "ghg_balance.co2"),
        biomass: r.number(s, c::GHG_BIOMASS, "ghg_balance.biomass"),
        n2o: r.number(s, c::GHG_N2O, "ghg_balance.n2o"),
        pfc: r.number(s, c::GHG_PFC, "ghg_balance.pfc"),
        indirect: r.number(s, c::GHG_INDIRECT, "ghg_balance.indirect"),
    };
    let quality = DataQualityInfo {
        general: r.label(
            s,
            c::QUALITY_GENERAL,
            &labels::DATA_QUALITY,
            "data_quality.general",
        ),
        default_justification: r.label(
            s,
            c::QUALITY_JUSTIFICATION,
            &labels::JUSTIFICATIONS,
            "data_quality.default_justification",
        ),
        quality_assurance: r.label(
            s,
            c::QUALITY_ASSURANCE,
            &labels::QUALITY_ASSURANCE,
            "data_quality.quality_assurance",
        ),
    };
    (fuel, ghg, quality)
}

fn products(r: &mut CellReader<'_>, layout: &mut Layout, processes: &[Process]) -> Vec<Product> {
    let s = spr::SHEET;
    let mut out = Vec::new();
    for k in 0..spr::ROWS.count {
        let at = |c: Cell| spr::ROWS.at(c, k);
        let process_cell = at(spr::PROCESS);
        if r.blank(s, process_cell) {
            orphan_row(r, s, process_cell, &[at(spr::CN_CODE), at(spr::NAME)]);
            continue;
        }
        let i = out.len();
        let f = |n: &str| format!("products.{i}.{n}");
        r.note(format!("products.{i}"), s, process_cell);
        let process_name = r.text(s, process_cell, &f("process"));
        let Some(process) = processes
            .iter()
            .find(|p| p.name.trim().eq_ignore_ascii_case(&process_name))
        else {
            r.problem(
                s,
                process_cell,
                "cbam-tpl-unknown-process",
                &process_name,
                Some(f("process")),
            );
            continue;
        };
        let mut num = |c: Cell, n: &str| r.number(s, at(c), &f(&format!("parameters.{n}")));
        let parameters = QualifyingParameters {
            reducing_agent: None,
            steel_mill_id: String::new(),
            mn: num(spr::MN, "mn"),
            cr: num(spr::CR, "cr"),
            ni: num(spr::NI, "ni"),
            other_alloys: num(spr::OTHER_ALLOYS, "other_alloys"),
            carbon: num(spr::CARBON, "carbon"),
            scrap_per_t_steel: num(spr::SCRAP_STEEL, "scrap_per_t_steel"),
            other_materials: num(spr::OTHER_MATERIALS, "other_materials"),
            pre_consumer_scrap: num(spr::PRE_CONSUMER_SCRAP, "pre_consumer_scrap"),
            scrap_per_t_aluminium: num(spr::SCRAP_ALUMINIUM, "scrap_per_t_aluminium"),
            non_aluminium_elements: num(spr::NON_ALUMINIUM, "non_aluminium_elements"),
            clinker_factor: num(spr::CLINKER_FACTOR, "clinker_factor"),
            calcined: None,
            concentration: num(spr::CONCENTRATION, "concentration"),
            nitric_acid: num(spr::NITRIC_ACID, "nitric_acid"),
            urea: num(spr::UREA, "urea"),
            n_contained: num(spr::N_CONTAINED, "n_contained"),
            n_ammonium: num(spr::N_AMMONIUM, "n_ammonium"),
            n_nitrate: num(spr::N_NITRATE, "n_nitrate"),
            n_urea: num(spr::N_UREA, "n_urea"),
            n_other: num(spr::N_OTHER, "n_other"),
        };
        let parameters = QualifyingParameters {
            reducing_agent: r.label(
                s,
                at(spr::REDUCING_AGENT),
                &labels::REDUCING_AGENTS,
                &f("parameters.reducing_agent"),
            ),
            steel_mill_id: r.text(s, at(spr::STEEL_MILL), &f("parameters.steel_mill_id")),
            calcined: r.boolean(s, at(spr::CALCINED), &f("parameters.calcined")),
            ..parameters
        };
        let carbon_price = CarbonPricePaid {
            instrument: r.label(
                s,
                at(spr::CP_INSTRUMENT),
                &labels::INSTRUMENTS,
                &f("carbon_price.instrument"),
            ),
            share_covered: r.number(s, at(spr::CP_SHARE), &f("carbon_price.share_covered")),
            currency: r.text(s, at(spr::CP_CURRENCY), &f("carbon_price.currency")),
            amount_per_unit: r.number(s, at(spr::CP_AMOUNT), &f("carbon_price.amount_per_unit")),
            rebate: r.label(
                s,
                at(spr::CP_REBATE),
                &labels::REBATES,
                &f("carbon_price.rebate"),
            ),
            rebate_share: r.number(s, at(spr::CP_REBATE_SHARE), &f("carbon_price.rebate_share")),
            rebate_per_unit: r.number(
                s,
                at(spr::CP_REBATE_AMOUNT),
                &f("carbon_price.rebate_per_unit"),
            ),
        };
        let id = (k + 1).to_string();
        layout.products.insert(id.clone(), k);
        out.push(Product {
            id,
            process: process.id.clone(),
            cn_code: athar_cbam::cn::normalize_cn(&r.text(s, at(spr::CN_CODE), &f("cn_code"))),
            name: r.text(s, at(spr::NAME), &f("name")),
            parameters,
            carbon_price: (!carbon_price.is_empty()).then_some(carbon_price),
            default_variant: None,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn degrees_accept_the_templates_spelling() {
        assert_eq!(degrees("16.6911279°"), Some("16.6911279".parse().unwrap()));
        assert_eq!(degrees(" 30,05 "), Some("30.05".parse().unwrap()));
        assert_eq!(degrees("30°02'N"), None);
    }
}
