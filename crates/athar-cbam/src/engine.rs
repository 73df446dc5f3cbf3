//! The calculation of IR (EU) 2025/2547 Annex III, Equations 55–66, as deterministic decimal
//! arithmetic.
//!
//! Why this module exists: it is the number the importer pays on. For each production process
//! it attributes direct emissions (Equation 55: DirEm* plus heat and waste-gas corrections,
//! minus exported electricity, a negative result set to zero) and indirect emissions
//! (Equation 56), then adds the embedded emissions of every precursor consumed — purchased
//! ones at the supplier's values, their country's default with the year's mark-up, or the
//! Annex IV value, and zero for EU or exempt origins; internal ones at the producing process's
//! own SEE, computed first (recursion through the chain, cycles rejected) — and divides by the
//! activity level (Equations 57–60). Direct and indirect are kept apart throughout. Products
//! take their process's SEE, times the clinker or nitrogen content where the process counts
//! in clinker or nitrogen (Equations 64–65). Every figure is a node of the result graph.

use std::collections::BTreeMap;

use athar_domain::Validate;
use rust_decimal::Decimal;

use crate::arith::{add, div, mul, num, share, sub, sum};
use crate::defaults::{default_year, DefaultQuery, DefaultValues};
use crate::emissions::{self, Gas, SourceEmission};
use crate::error::CalcError;
use crate::goods::{is_zero_rated_origin, markup_rate, FunctionalUnit};
use crate::model::{Installation, PrecursorValues, Process, PurchasedPrecursor, ValueBasis};
use crate::result::{
    CbamResults, DefaultSource, Flag, Formula, InputResult, InstallationResult, NodeKind,
    PrecursorResult, ProcessResult, ProductResult, ResultNode,
};

/// EF_NG: standard emission factor of natural gas, t CO2/TJ (IR 2025/2547 Annex II G Table 1;
/// the template's `CONST_EFNatGas`), used for waste gases (Equations 53–54).
pub const EF_NATURAL_GAS: Decimal = Decimal::from_parts(561, 0, 0, false, 1);
/// Corr_η: efficiency correction for exported waste gas (Equation 54 standard value).
pub const WASTE_GAS_CORRECTION: Decimal = Decimal::from_parts(667, 0, 0, false, 3);

/// Computes the SEE of every process and product of `inst`. `defaults` is needed only when a
/// purchased precursor is to be counted at a default value.
pub fn compute(
    inst: &Installation,
    defaults: Option<&dyn DefaultValues>,
) -> Result<CbamResults, CalcError> {
    let errors = inst.validate();
    if !errors.is_empty() {
        return Err(CalcError::Invalid(errors));
    }
    let mut g = Graph::default();
    let year = inst.reporting_period.end.year();
    let sources = sources(inst, &mut g)?;
    let precursors = inst
        .precursors
        .iter()
        .enumerate()
        .map(|(i, p)| purchased(i, p, defaults, year, &mut g))
        .collect::<Result<Vec<_>, _>>()?;
    let attributions = inst
        .processes
        .iter()
        .enumerate()
        .map(|(i, p)| attribute(i, p, &sources, &mut g))
        .collect::<Result<Vec<_>, _>>()?;
    let order = precursor_order(inst)?;
    let embedded = embedded(inst, &attributions, &precursors, &order, &mut g)?;
    let processes = inst
        .processes
        .iter()
        .zip(&attributions)
        .zip(&embedded)
        .map(|((p, a), e)| process_result(p, a, e))
        .collect::<Result<Vec<_>, _>>()?;
    let products = products(inst, &processes, &mut g)?;
    let installation = installation(inst, &sources, &attributions, &mut g)?;
    Ok(CbamResults {
        reporting_year: year,
        installation,
        processes,
        precursors: inst
            .precursors
            .iter()
            .zip(&precursors)
            .map(|(p, c)| PrecursorResult {
                id: p.id.clone(),
                name: p.name.clone(),
                see_direct: c.see_direct,
                see_indirect: c.see_indirect,
                electricity_mwh_per_t: c.electricity,
                default_direct: c.default_direct,
                default_indirect: c.default_indirect,
                zero_rated: c.zero_rated,
                ef_source: c.ef_source,
            })
            .collect(),
        products,
        nodes: g.nodes,
    })
}

#[derive(Default)]
struct Graph {
    nodes: BTreeMap<String, ResultNode>,
}

impl Graph {
    #[allow(clippy::too_many_arguments)]
    fn add(
        &mut self,
        id: String,
        kind: NodeKind,
        subject: &str,
        value: Decimal,
        unit: &str,
        symbolic: impl Into<String>,
        substituted: impl Into<String>,
        inputs: Vec<String>,
        children: Vec<String>,
    ) -> &mut ResultNode {
        let node = ResultNode {
            id: id.clone(),
            kind,
            subject: subject.to_string(),
            value,
            unit: unit.to_string(),
            formula: Formula {
                symbolic: symbolic.into(),
                substituted: substituted.into(),
            },
            inputs,
            factors: Vec::new(),
            evidence: Vec::new(),
            children,
            flags: Vec::new(),
        };
        self.nodes.insert(id.clone(), node);
        self.nodes.get_mut(&id).expect("just inserted")
    }
}

// ---------------------------------------------------------------------------------------
// Sheet B sources.

struct Sources {
    list: Vec<SourceEmission>,
    /// Source id → index in `list`.
    by_id: BTreeMap<String, usize>,
}

fn sources(inst: &Installation, g: &mut Graph) -> Result<Sources, CalcError> {
    let mut list = Vec::new();
    for (i, s) in inst.source_streams.iter().enumerate() {
        list.push(emissions::source_stream(i, s)?);
    }
    for (i, p) in inst.pfc_emissions.iter().enumerate() {
        list.push(emissions::pfc(i, p)?);
    }
    for (i, m) in inst.measured_sources.iter().enumerate() {
        list.push(emissions::measured(i, m)?);
    }
    let mut by_id = BTreeMap::new();
    for (i, e) in list.iter().enumerate() {
        by_id.insert(e.node.subject.clone(), i);
        g.nodes.insert(e.node.id.clone(), e.node.clone());
    }
    Ok(Sources { list, by_id })
}

// ---------------------------------------------------------------------------------------
// Purchased precursors.

struct PrecursorCalc {
    see_direct: Decimal,
    see_indirect: Decimal,
    electricity: Option<Decimal>,
    default_direct: bool,
    default_indirect: bool,
    zero_rated: bool,
    ef_source: Option<crate::model::ElectricityEfSource>,
}

fn purchased(
    i: usize,
    p: &PurchasedPrecursor,
    defaults: Option<&dyn DefaultValues>,
    year: i32,
    g: &mut Graph,
) -> Result<PrecursorCalc, CalcError> {
    let dir_id = format!("precursor/{}/see-direct", p.id);
    let ind_id = format!("precursor/{}/see-indirect", p.id);
    let unit = "tCO2e/t";
    let f = |n: &str| format!("precursors.{i}.{n}");
    if let Some(country) = p.country.as_deref().filter(|c| is_zero_rated_origin(c)) {
        let flag = Flag::ZeroRatedOrigin {
            country: country.to_string(),
        };
        for (id, kind) in [
            (&dir_id, NodeKind::PrecursorSeeDirect),
            (&ind_id, NodeKind::PrecursorSeeIndirect),
        ] {
            let n = g.add(
                id.clone(),
                kind,
                &p.id,
                Decimal::ZERO,
                unit,
                "0",
                "0",
                vec![f("country")],
                vec![],
            );
            n.flags.push(flag.clone());
        }
        let electricity = match &p.values {
            PrecursorValues::Given { indirect, .. } => Some(indirect.electricity_mwh_per_t),
            _ => None,
        };
        return Ok(PrecursorCalc {
            see_direct: Decimal::ZERO,
            see_indirect: Decimal::ZERO,
            electricity,
            default_direct: false,
            default_indirect: false,
            zero_rated: true,
            ef_source: None,
        });
    }
    match &p.values {
        PrecursorValues::Given {
            see_direct,
            direct_basis,
            indirect,
        } => {
            let see_indirect = mul(indirect.electricity_mwh_per_t, indirect.ef, &ind_id)?;
            let default_direct = *direct_basis == ValueBasis::Default;
            let default_indirect = indirect.electricity_basis == ValueBasis::Default;
            let n = g.add(
                dir_id,
                NodeKind::PrecursorSeeDirect,
                &p.id,
                *see_direct,
                unit,
                "SEE_dir (communicated)",
                num(*see_direct),
                vec![f("values.see_direct")],
                vec![],
            );
            n.evidence = p.evidence.clone();
            if default_direct {
                n.flags.push(Flag::DefaultValue {
                    source: DefaultSource::Supplier,
                    region: p.country.clone(),
                    markup: None,
                });
            }
            let n = g.add(
                ind_id,
                NodeKind::PrecursorSeeIndirect,
                &p.id,
                see_indirect,
                unit,
                "E_el × EF_el",
                format!(
                    "{} × {}",
                    num(indirect.electricity_mwh_per_t),
                    num(indirect.ef)
                ),
                vec![
                    f("values.indirect.electricity_mwh_per_t"),
                    f("values.indirect.ef"),
                ],
                vec![],
            );
            n.evidence = p.evidence.clone();
            if default_indirect {
                n.flags.push(Flag::DefaultValue {
                    source: DefaultSource::Supplier,
                    region: p.country.clone(),
                    markup: None,
                });
            }
            Ok(PrecursorCalc {
                see_direct: *see_direct,
                see_indirect,
                electricity: Some(indirect.electricity_mwh_per_t),
                default_direct,
                default_indirect,
                zero_rated: false,
                ef_source: indirect.ef_source,
            })
        }
        PrecursorValues::CountryDefault { variant }
        | PrecursorValues::UnknownOriginDefault { variant } => {
            let annex_iv = matches!(p.values, PrecursorValues::UnknownOriginDefault { .. });
            let cn = p.cn_code.as_deref().unwrap_or_default();
            let used_year = default_year(year);
            let table = defaults.ok_or_else(|| CalcError::DefaultsUnavailable {
                precursor: p.id.clone(),
            })?;
            let country = if annex_iv { None } else { p.country.as_deref() };
            let dv = table
                .lookup(&DefaultQuery {
                    cn_code: cn,
                    variant: variant.as_deref(),
                    country,
                    year: used_year,
                })
                .map_err(|e| CalcError::DefaultNotFound {
                    precursor: p.id.clone(),
                    cn_code: cn.to_string(),
                    region: country.unwrap_or("WORLD").to_string(),
                    reason: e.to_string(),
                })?;
            let rate = markup_rate(p.category.sector(), used_year);
            let factor = Decimal::ONE + rate;
            let not_found = |what: &str| CalcError::DefaultNotFound {
                precursor: p.id.clone(),
                cn_code: cn.to_string(),
                region: dv.region.clone(),
                reason: format!("{} has no {what} value", dv.activity),
            };
            let mut flags = vec![Flag::DefaultValue {
                source: if annex_iv {
                    DefaultSource::AnnexIv
                } else {
                    DefaultSource::AnnexI
                },
                region: Some(dv.region.clone()),
                markup: Some(rate),
            }];
            if used_year != year {
                flags.push(Flag::DefaultYear {
                    reporting_year: year,
                    used_year,
                });
            }
            let (see_direct, see_indirect, dir_formula, ind_formula, ind_flags) = if annex_iv {
                let (value, sub) = match (dv.total_with_markup, dv.total) {
                    (Some(t), _) => (t, num(t)),
                    (None, Some(t)) => (
                        mul(t, factor, &dir_id)?,
                        format!("{} × {}", num(t), num(factor)),
                    ),
                    (None, None) => return Err(not_found("total")),
                };
                (
                    value,
                    Decimal::ZERO,
                    ("DV_total incl. mark-up (Annex IV)".to_string(), sub),
                    (
                        "0 (Annex IV gives a total only)".to_string(),
                        "0".to_string(),
                    ),
                    vec![Flag::TotalOnlyCountedAsDirect],
                )
            } else {
                let direct = dv.direct.ok_or_else(|| not_found("direct"))?;
                let (indirect, ind_formula, ind_flags) = match dv.indirect {
                    Some(v) => (
                        mul(v, factor, &ind_id)?,
                        (
                            "DV_indir × (1 + mark-up)".to_string(),
                            format!("{} × {}", num(v), num(factor)),
                        ),
                        vec![],
                    ),
                    None => (
                        Decimal::ZERO,
                        ("0 (no Annex I value)".to_string(), "0".to_string()),
                        vec![Flag::NoIndirectDefault],
                    ),
                };
                (
                    mul(direct, factor, &dir_id)?,
                    indirect,
                    (
                        "DV_dir × (1 + mark-up)".to_string(),
                        format!("{} × {}", num(direct), num(factor)),
                    ),
                    ind_formula,
                    ind_flags,
                )
            };
            let inputs = vec![f("cn_code"), f("country"), f("values")];
            let n = g.add(
                dir_id,
                NodeKind::PrecursorSeeDirect,
                &p.id,
                see_direct,
                unit,
                dir_formula.0,
                dir_formula.1,
                inputs.clone(),
                vec![],
            );
            n.factors = dv.citations.clone();
            n.flags = flags.clone();
            n.flags.extend(if annex_iv {
                vec![Flag::TotalOnlyCountedAsDirect]
            } else {
                vec![]
            });
            let n = g.add(
                ind_id,
                NodeKind::PrecursorSeeIndirect,
                &p.id,
                see_indirect,
                unit,
                ind_formula.0,
                ind_formula.1,
                inputs,
                vec![],
            );
            n.factors = dv.citations.clone();
            n.flags = flags;
            n.flags.extend(ind_flags);
            Ok(PrecursorCalc {
                see_direct,
                see_indirect,
                electricity: None,
                default_direct: true,
                default_indirect: true,
                zero_rated: false,
                ef_source: None,
            })
        }
    }
}

// ---------------------------------------------------------------------------------------
// Attribution (Equations 55–56).

struct Attribution {
    al: Decimal,
    dir_em: Decimal,
    heat_import: Decimal,
    heat_export: Decimal,
    waste_gas_import: Decimal,
    waste_gas_export: Decimal,
    electricity_export: Decimal,
    attributed_direct: Decimal,
    attributed_indirect: Decimal,
    electricity: Decimal,
}

fn node_id(p: &Process, what: &str) -> String {
    format!("process/{}/{what}", p.id)
}

fn attribute(
    i: usize,
    p: &Process,
    sources: &Sources,
    g: &mut Graph,
) -> Result<Attribution, CalcError> {
    let f = |n: &str| format!("processes.{i}.{n}");
    let tco2e = "tCO2e";

    // AL
    let al_id = node_id(p, "al");
    let al = sum(p.production.iter().map(|r| r.amount), &al_id)?;
    g.add(
        al_id,
        NodeKind::ActivityLevel,
        &p.id,
        al,
        p.functional_unit.symbol(),
        "AL = Σ production by route",
        join(p.production.iter().map(|r| num(r.amount)), " + "),
        vec![f("production")],
        vec![],
    );

    // DirEm*
    let dir_id = node_id(p, "dir-em");
    let mut parts = Vec::new();
    let mut terms = Vec::new();
    let mut children = Vec::new();
    let mut inputs = Vec::new();
    for (s, share_) in p.direct.sources.iter().enumerate() {
        let src = &sources.list[sources.by_id[&share_.source]];
        parts.push(mul(share_.share, src.fossil, &dir_id)?);
        terms.push(format!("{} × {}", num(share_.share), num(src.fossil)));
        children.push(src.node.id.clone());
        inputs.push(f(&format!("direct.sources.{s}.share")));
    }
    if let Some(v) = p.direct.entered {
        parts.push(v);
        terms.push(num(v));
        inputs.push(f("direct.entered"));
    }
    let dir_em = sum(parts, &dir_id)?;
    let symbolic = match (p.direct.sources.is_empty(), p.direct.entered.is_some()) {
        (true, _) => "DirEm* (entered)",
        (false, false) => "DirEm* = Σ share × Em_source",
        (false, true) => "DirEm* = Σ share × Em_source + entered",
    };
    let n = g.add(
        dir_id.clone(),
        NodeKind::DirectlyAttributable,
        &p.id,
        dir_em,
        tco2e,
        symbolic,
        if terms.is_empty() {
            "0".into()
        } else {
            join(terms, " + ")
        },
        inputs,
        children,
    );
    n.evidence = p.evidence.clone();

    let mut direct_children = vec![dir_id];
    let mut flow = |g: &mut Graph,
                    what: &str,
                    kind: NodeKind,
                    amount: Option<Decimal>,
                    factor: Decimal,
                    symbolic: &str,
                    substituted: String,
                    inputs: Vec<String>|
     -> Result<Decimal, CalcError> {
        let Some(amount) = amount else {
            return Ok(Decimal::ZERO);
        };
        let id = node_id(p, what);
        let value = mul(amount, factor, &id)?;
        g.add(
            id.clone(),
            kind,
            &p.id,
            value,
            tco2e,
            symbolic,
            substituted,
            inputs,
            vec![],
        );
        direct_children.push(id);
        Ok(value)
    };
    let h = &p.heat;
    let heat_import = flow(
        g,
        "heat-import",
        NodeKind::HeatImport,
        h.imported_tj,
        h.imported_ef.unwrap_or_default(),
        "Q_imp × EF_heat",
        format!(
            "{} × {}",
            num(h.imported_tj.unwrap_or_default()),
            num(h.imported_ef.unwrap_or_default())
        ),
        vec![f("heat.imported_tj"), f("heat.imported_ef")],
    )?;
    let heat_export = flow(
        g,
        "heat-export",
        NodeKind::HeatExport,
        h.exported_tj,
        h.exported_ef.unwrap_or_default(),
        "Q_exp × EF_heat",
        format!(
            "{} × {}",
            num(h.exported_tj.unwrap_or_default()),
            num(h.exported_ef.unwrap_or_default())
        ),
        vec![f("heat.exported_tj"), f("heat.exported_ef")],
    )?;
    let w = &p.waste_gas;
    let waste_gas_import = flow(
        g,
        "waste-gas-import",
        NodeKind::WasteGasImport,
        w.imported_tj,
        EF_NATURAL_GAS,
        "V_WG × NCV_WG × EF_NG",
        format!(
            "{} × {}",
            num(w.imported_tj.unwrap_or_default()),
            num(EF_NATURAL_GAS)
        ),
        vec![f("waste_gas.imported_tj")],
    )?;
    let waste_gas_export = flow(
        g,
        "waste-gas-export",
        NodeKind::WasteGasExport,
        w.exported_tj,
        EF_NATURAL_GAS * WASTE_GAS_CORRECTION,
        "V_WG,exp × NCV_WG × EF_NG × Corr_η",
        format!(
            "{} × {} × {}",
            num(w.exported_tj.unwrap_or_default()),
            num(EF_NATURAL_GAS),
            num(WASTE_GAS_CORRECTION)
        ),
        vec![f("waste_gas.exported_tj")],
    )?;
    let el = &p.electricity;
    let electricity_export = flow(
        g,
        "electricity-export",
        NodeKind::ElectricityExport,
        el.exported_mwh,
        el.exported_ef.unwrap_or_default(),
        "E_el,exp × EF_el,exp",
        format!(
            "{} × {}",
            num(el.exported_mwh.unwrap_or_default()),
            num(el.exported_ef.unwrap_or_default())
        ),
        vec![f("electricity.exported_mwh"), f("electricity.exported_ef")],
    )?;

    // Equation 55
    let attr_id = node_id(p, "attr-direct");
    let raw = sub(
        sub(
            add(
                sub(add(dir_em, heat_import, &attr_id)?, heat_export, &attr_id)?,
                waste_gas_import,
                &attr_id,
            )?,
            waste_gas_export,
            &attr_id,
        )?,
        electricity_export,
        &attr_id,
    )?;
    let attributed_direct = raw.max(Decimal::ZERO);
    let n = g.add(
        attr_id,
        NodeKind::AttributedDirect,
        &p.id,
        attributed_direct,
        tco2e,
        "max(0, DirEm* + Em_H,imp − Em_H,exp + WG_corr,imp − WG_corr,exp − Em_el,exp)",
        format!(
            "max(0, {} + {} − {} + {} − {} − {})",
            num(dir_em),
            num(heat_import),
            num(heat_export),
            num(waste_gas_import),
            num(waste_gas_export),
            num(electricity_export)
        ),
        vec![],
        direct_children,
    );
    if raw < Decimal::ZERO {
        n.flags.push(Flag::ClampedToZero { computed: raw });
    }

    // Equation 56
    let ind_id = node_id(p, "attr-indirect");
    let consumed = el.consumed_mwh.unwrap_or_default();
    let ef = el.ef.unwrap_or_default();
    let attributed_indirect = mul(consumed, ef, &ind_id)?;
    g.add(
        ind_id,
        NodeKind::AttributedIndirect,
        &p.id,
        attributed_indirect,
        tco2e,
        "E_el,cons × EF_el",
        format!("{} × {}", num(consumed), num(ef)),
        vec![f("electricity.consumed_mwh"), f("electricity.ef")],
        vec![],
    );
    Ok(Attribution {
        al,
        dir_em,
        heat_import,
        heat_export,
        waste_gas_import,
        waste_gas_export,
        electricity_export,
        attributed_direct,
        attributed_indirect,
        electricity: consumed,
    })
}

fn join(items: impl IntoIterator<Item = String>, sep: &str) -> String {
    items.into_iter().collect::<Vec<_>>().join(sep)
}

// ---------------------------------------------------------------------------------------
// Precursor chains.

/// Process indices in an order where every producer comes before its consumers; a loop of
/// internal transfers is a [`CalcError::PrecursorCycle`].
fn precursor_order(inst: &Installation) -> Result<Vec<usize>, CalcError> {
    let index: BTreeMap<&str, usize> = inst
        .processes
        .iter()
        .enumerate()
        .map(|(i, p)| (p.id.as_str(), i))
        .collect();
    // producers[consumer] = producers feeding it, in process order.
    let mut producers: Vec<Vec<usize>> = vec![Vec::new(); inst.processes.len()];
    for (x, p) in inst.processes.iter().enumerate() {
        for t in &p.transfers {
            if !t.amount.is_zero() {
                producers[index[t.to.as_str()]].push(x);
            }
        }
    }
    #[derive(Clone, Copy, PartialEq)]
    enum State {
        New,
        Open,
        Done,
    }
    fn visit(
        v: usize,
        producers: &[Vec<usize>],
        state: &mut [State],
        stack: &mut Vec<usize>,
        order: &mut Vec<usize>,
    ) -> Result<(), Vec<usize>> {
        state[v] = State::Open;
        stack.push(v);
        for &x in &producers[v] {
            match state[x] {
                State::Open => {
                    let from = stack.iter().position(|&s| s == x).unwrap_or(0);
                    let mut cycle: Vec<usize> = stack[from..].to_vec();
                    cycle.push(x);
                    cycle.reverse();
                    return Err(cycle);
                }
                State::New => visit(x, producers, state, stack, order)?,
                State::Done => {}
            }
        }
        stack.pop();
        state[v] = State::Done;
        order.push(v);
        Ok(())
    }
    let mut state = vec![State::New; inst.processes.len()];
    let mut order = Vec::new();
    for v in 0..inst.processes.len() {
        if state[v] == State::New {
            let mut stack = Vec::new();
            visit(v, &producers, &mut state, &mut stack, &mut order).map_err(|cycle| {
                CalcError::PrecursorCycle {
                    processes: cycle
                        .into_iter()
                        .map(|i| inst.processes[i].id.clone())
                        .collect(),
                }
            })?;
        }
    }
    Ok(order)
}

#[derive(Clone)]
struct Embedded {
    see_direct: Decimal,
    see_indirect: Decimal,
    /// Parts of the SEE resting on default values.
    default_direct: Decimal,
    default_indirect: Decimal,
    electricity: Option<Decimal>,
    inputs: Vec<InputResult>,
}

/// One precursor consumed by a process: where it comes from and its per-unit figures.
struct Input {
    reference: String,
    mass: Decimal,
    mass_field: String,
    see_direct: Decimal,
    see_indirect: Decimal,
    default_direct: Decimal,
    default_indirect: Decimal,
    electricity: Option<Decimal>,
    see_nodes: [String; 2],
}

/// Equations 59–60 for every process, producers first.
fn embedded(
    inst: &Installation,
    attributions: &[Attribution],
    precursors: &[PrecursorCalc],
    order: &[usize],
    g: &mut Graph,
) -> Result<Vec<Embedded>, CalcError> {
    let mut done: Vec<Option<Embedded>> = vec![None; inst.processes.len()];
    for &gi in order {
        let p = &inst.processes[gi];
        let a = &attributions[gi];
        let mut inputs: Vec<Input> = Vec::new();
        for (xi, x) in inst.processes.iter().enumerate() {
            for (t, tr) in x.transfers.iter().enumerate() {
                if tr.to != p.id || tr.amount.is_zero() {
                    continue;
                }
                let e = done[xi]
                    .as_ref()
                    .expect("producers are computed before their consumers");
                inputs.push(Input {
                    reference: format!("process:{}", x.id),
                    mass: tr.amount,
                    mass_field: format!("processes.{xi}.transfers.{t}.amount"),
                    see_direct: e.see_direct,
                    see_indirect: e.see_indirect,
                    default_direct: e.default_direct,
                    default_indirect: e.default_indirect,
                    electricity: e.electricity,
                    see_nodes: [node_id(x, "see-direct"), node_id(x, "see-indirect")],
                });
            }
        }
        for (k, (pp, c)) in inst.precursors.iter().zip(precursors).enumerate() {
            for (u, use_) in pp.consumption.iter().enumerate() {
                if use_.process != p.id || use_.amount.is_zero() {
                    continue;
                }
                inputs.push(Input {
                    reference: format!("precursor:{}", pp.id),
                    mass: use_.amount,
                    mass_field: format!("precursors.{k}.consumption.{u}.amount"),
                    see_direct: c.see_direct,
                    see_indirect: c.see_indirect,
                    default_direct: if c.default_direct {
                        c.see_direct
                    } else {
                        Decimal::ZERO
                    },
                    default_indirect: if c.default_indirect {
                        c.see_indirect
                    } else {
                        Decimal::ZERO
                    },
                    electricity: c.electricity,
                    see_nodes: [
                        format!("precursor/{}/see-direct", pp.id),
                        format!("precursor/{}/see-indirect", pp.id),
                    ],
                });
            }
        }
        let e = process_see(p, a, &inputs, g)?;
        done[gi] = Some(e);
    }
    Ok(done
        .into_iter()
        .map(|e| e.expect("every process is in the order"))
        .collect())
}

fn process_see(
    p: &Process,
    a: &Attribution,
    inputs: &[Input],
    g: &mut Graph,
) -> Result<Embedded, CalcError> {
    let unit = format!("tCO2e/{}", p.functional_unit.symbol());
    let mut results = Vec::new();
    let mut totals = [a.attributed_direct, a.attributed_indirect];
    let mut defaults = [Decimal::ZERO, Decimal::ZERO];
    let mut electricity = Some(a.electricity);
    let mut children = [
        vec![node_id(p, "attr-direct"), node_id(p, "al")],
        vec![node_id(p, "attr-indirect"), node_id(p, "al")],
    ];
    let mut terms = [vec![num(totals[0])], vec![num(totals[1])]];
    for input in inputs {
        let mut contributions = [Decimal::ZERO; 2];
        for (k, (what, see, default, kind)) in [
            (
                "direct",
                input.see_direct,
                input.default_direct,
                NodeKind::PrecursorInputDirect,
            ),
            (
                "indirect",
                input.see_indirect,
                input.default_indirect,
                NodeKind::PrecursorInputIndirect,
            ),
        ]
        .into_iter()
        .enumerate()
        {
            let id = format!("process/{}/input/{}/{what}", p.id, input.reference);
            let value = mul(input.mass, see, &id)?;
            contributions[k] = value;
            totals[k] = add(totals[k], value, &id)?;
            defaults[k] = add(defaults[k], mul(input.mass, default, &id)?, &id)?;
            g.add(
                id.clone(),
                kind,
                &p.id,
                value,
                "tCO2e",
                format!("M_i × SEE_i,{}", if k == 0 { "dir" } else { "indir" }),
                format!("{} × {}", num(input.mass), num(see)),
                vec![input.mass_field.clone()],
                vec![input.see_nodes[k].clone()],
            );
            children[k].push(id);
            terms[k].push(format!("{} × {}", num(input.mass), num(see)));
        }
        electricity = match (electricity, input.electricity) {
            (Some(e), Some(x)) => Some(add(e, mul(input.mass, x, "electricity")?, "electricity")?),
            _ => None,
        };
        let at = node_id(p, "see-direct");
        results.push(InputResult {
            from: input.reference.clone(),
            mass: input.mass,
            mass_share: div(input.mass, a.al, &at)?,
            see_direct: div(contributions[0], a.al, &at)?,
            see_indirect: div(contributions[1], a.al, &at)?,
        });
    }
    let mut see = [Decimal::ZERO; 2];
    for (k, (what, kind)) in [
        ("see-direct", NodeKind::ProcessSeeDirect),
        ("see-indirect", NodeKind::ProcessSeeIndirect),
    ]
    .into_iter()
    .enumerate()
    {
        let id = node_id(p, what);
        see[k] = div(totals[k], a.al, &id)?;
        defaults[k] = div(defaults[k], a.al, &id)?;
        let n = g.add(
            id,
            kind,
            &p.id,
            see[k],
            &unit,
            if k == 0 {
                "(AttrEm_dir + Σ M_i × SEE_i,dir) / AL"
            } else {
                "(AttrEm_indir + Σ M_i × SEE_i,indir) / AL"
            },
            format!("({}) / {}", terms[k].join(" + "), num(a.al)),
            vec![],
            std::mem::take(&mut children[k]),
        );
        if k == 1 && !p.category.indirect_counts() {
            n.flags.push(Flag::IndirectNotCounted);
        }
    }
    let electricity = electricity
        .map(|e| div(e, a.al, "electricity"))
        .transpose()?;
    Ok(Embedded {
        see_direct: see[0],
        see_indirect: see[1],
        default_direct: defaults[0],
        default_indirect: defaults[1],
        electricity,
        inputs: results,
    })
}

fn process_result(p: &Process, a: &Attribution, e: &Embedded) -> Result<ProcessResult, CalcError> {
    let at = node_id(p, "see-direct");
    let at = at.as_str();
    let see_total = add(e.see_direct, e.see_indirect, at)?;
    Ok(ProcessResult {
        id: p.id.clone(),
        name: p.name.clone(),
        category: p.category,
        functional_unit: p.functional_unit,
        activity_level: a.al,
        directly_attributable: a.dir_em,
        heat_import: a.heat_import,
        heat_export: a.heat_export,
        waste_gas_import: a.waste_gas_import,
        waste_gas_export: a.waste_gas_export,
        electricity_export: a.electricity_export,
        attributed_direct: a.attributed_direct,
        attributed_indirect: a.attributed_indirect,
        specific_direct: div(a.attributed_direct, a.al, at)?,
        specific_indirect: div(a.attributed_indirect, a.al, at)?,
        see_direct: e.see_direct,
        see_indirect: e.see_indirect,
        see_total,
        specific_electricity: div(a.electricity, a.al, at)?,
        embedded_electricity: e.electricity,
        default_share_direct: share(e.default_direct, e.see_direct, at)?,
        default_share_indirect: share(e.default_indirect, e.see_indirect, at)?,
        default_share_total: share(
            add(e.default_direct, e.default_indirect, at)?,
            see_total,
            at,
        )?,
        ef_source: p.electricity.ef_source,
        inputs: e.inputs.clone(),
    })
}

// ---------------------------------------------------------------------------------------
// Products (Equations 64–65).

fn products(
    inst: &Installation,
    processes: &[ProcessResult],
    g: &mut Graph,
) -> Result<Vec<ProductResult>, CalcError> {
    let mut out = Vec::new();
    for (i, prod) in inst.products.iter().enumerate() {
        let (pi, proc_) = inst
            .processes
            .iter()
            .enumerate()
            .find(|(_, p)| p.id == prod.process)
            .expect("validated: the product's process exists");
        let r = &processes[pi];
        let f = |n: &str| format!("products.{i}.{n}");
        let (content, content_sym, content_input) = match proc_.functional_unit {
            FunctionalUnit::TonneClinker => (
                prod.parameters.clinker_factor,
                " × CK",
                Some(f("parameters.clinker_factor")),
            ),
            FunctionalUnit::KilogramNitrogen => (
                prod.parameters
                    .n_contained
                    .map(|n| n * Decimal::ONE_THOUSAND),
                " × N",
                Some(f("parameters.n_contained")),
            ),
            FunctionalUnit::Tonne | FunctionalUnit::Megawatthour => (None, "", None),
        };
        let unit = if proc_.functional_unit == FunctionalUnit::Megawatthour {
            "tCO2e/MWh"
        } else {
            "tCO2e/t"
        };
        let mut see = [Decimal::ZERO; 2];
        for (k, (what, kind, process_see, sym)) in [
            (
                "see-direct",
                NodeKind::ProductSeeDirect,
                r.see_direct,
                "SEE_dir",
            ),
            (
                "see-indirect",
                NodeKind::ProductSeeIndirect,
                r.see_indirect,
                "SEE_indir",
            ),
        ]
        .into_iter()
        .enumerate()
        {
            let id = format!("product/{}/{what}", prod.id);
            let (value, substituted) = match content {
                Some(c) => (
                    mul(process_see, c, &id)?,
                    format!("{} × {}", num(process_see), num(c)),
                ),
                None => (process_see, num(process_see)),
            };
            see[k] = value;
            let n = g.add(
                id,
                kind,
                &prod.id,
                value,
                unit,
                format!("{sym} of {}{content_sym}", proc_.id),
                substituted,
                content_input.clone().into_iter().collect(),
                vec![node_id(
                    proc_,
                    if k == 0 { "see-direct" } else { "see-indirect" },
                )],
            );
            if k == 1 && !proc_.category.indirect_counts() {
                n.flags.push(Flag::IndirectNotCounted);
            }
        }
        let total_id = format!("product/{}/see-total", prod.id);
        let see_total = add(see[0], see[1], &total_id)?;
        g.add(
            total_id,
            NodeKind::ProductSeeTotal,
            &prod.id,
            see_total,
            unit,
            "SEE_dir + SEE_indir",
            format!("{} + {}", num(see[0]), num(see[1])),
            vec![],
            vec![
                format!("product/{}/see-direct", prod.id),
                format!("product/{}/see-indirect", prod.id),
            ],
        );
        out.push(ProductResult {
            id: prod.id.clone(),
            process: proc_.id.clone(),
            process_name: proc_.name.clone(),
            category: proc_.category,
            cn_code: crate::cn::normalize_cn(&prod.cn_code),
            name: prod.name.clone(),
            see_direct: see[0],
            see_indirect: see[1],
            see_total,
            unit: unit.to_string(),
            content_factor: content,
            default_share_direct: r.default_share_direct,
            default_share: r.default_share_total,
            embedded_electricity: match (r.embedded_electricity, content) {
                (Some(e), Some(c)) => Some(mul(e, c, "electricity")?),
                (e, None) => e,
                (None, _) => None,
            },
            ef_source: r.ef_source,
            indirect_counts: proc_.category.indirect_counts(),
        });
    }
    Ok(out)
}

// ---------------------------------------------------------------------------------------
// Installation totals (sheet C, Summary_Processes section 2).

fn installation(
    inst: &Installation,
    sources: &Sources,
    attributions: &[Attribution],
    g: &mut Graph,
) -> Result<InstallationResult, CalcError> {
    let tco2e = "tCO2e";
    let of = |gas: Gas| sources.list.iter().filter(move |s| s.gas == gas);
    let balance = &inst.ghg_balance;
    let line = |g: &mut Graph,
                what: &str,
                kind: NodeKind,
                gas: Gas,
                bio: bool,
                entered: Option<Decimal>,
                field: &str|
     -> Result<Decimal, CalcError> {
        let id = format!("installation/{what}");
        if let Some(v) = entered {
            g.add(
                id,
                kind,
                "",
                v,
                tco2e,
                "entered",
                num(v),
                vec![field.to_string()],
                vec![],
            );
            return Ok(v);
        }
        let values: Vec<Decimal> = of(gas)
            .map(|s| if bio { s.bio } else { s.fossil })
            .collect();
        let total = sum(values.iter().copied(), &id)?;
        let children: Vec<String> = of(gas).map(|s| s.node.id.clone()).collect();
        let substituted = if values.is_empty() {
            "0".to_string()
        } else {
            join(values.iter().map(|v| num(*v)), " + ")
        };
        g.add(
            id,
            kind,
            "",
            total,
            tco2e,
            "Σ sources",
            substituted,
            vec![],
            children,
        );
        Ok(total)
    };
    let co2 = line(
        g,
        "co2",
        NodeKind::InstallationCo2,
        Gas::Co2,
        false,
        balance.co2,
        "ghg_balance.co2",
    )?;
    let biomass = line(
        g,
        "biomass",
        NodeKind::InstallationBiomass,
        Gas::Co2,
        true,
        balance.biomass,
        "ghg_balance.biomass",
    )?;
    let n2o = line(
        g,
        "n2o",
        NodeKind::InstallationN2o,
        Gas::N2o,
        false,
        balance.n2o,
        "ghg_balance.n2o",
    )?;
    let pfc = line(
        g,
        "pfc",
        NodeKind::InstallationPfc,
        Gas::Pfc,
        false,
        balance.pfc,
        "ghg_balance.pfc",
    )?;
    let direct = sum([co2, n2o, pfc], "installation/direct")?;
    let attributed_direct = sum(
        attributions.iter().map(|a| a.attributed_direct),
        "installation/direct",
    )?;
    let attributed_indirect = sum(
        attributions.iter().map(|a| a.attributed_indirect),
        "installation/indirect",
    )?;
    let has_source_data = !sources.list.is_empty()
        || balance.co2.is_some()
        || balance.n2o.is_some()
        || balance.pfc.is_some();
    let process_children =
        |what: &str| -> Vec<String> { inst.processes.iter().map(|p| node_id(p, what)).collect() };
    let total_direct = if has_source_data {
        g.add(
            "installation/direct".into(),
            NodeKind::InstallationDirect,
            "",
            direct,
            tco2e,
            "CO2 + N2O + PFC",
            format!("{} + {} + {}", num(co2), num(n2o), num(pfc)),
            vec![],
            vec![
                "installation/co2".into(),
                "installation/n2o".into(),
                "installation/pfc".into(),
            ],
        );
        direct
    } else {
        let n = g.add(
            "installation/direct".into(),
            NodeKind::InstallationDirect,
            "",
            attributed_direct,
            tco2e,
            "Σ AttrEm_dir of processes",
            join(attributions.iter().map(|a| num(a.attributed_direct)), " + "),
            vec![],
            process_children("attr-direct"),
        );
        n.flags.push(Flag::FromProcesses);
        attributed_direct
    };
    let total_indirect = match balance.indirect {
        Some(v) => {
            g.add(
                "installation/indirect".into(),
                NodeKind::InstallationIndirect,
                "",
                v,
                tco2e,
                "entered",
                num(v),
                vec!["ghg_balance.indirect".into()],
                vec![],
            );
            v
        }
        None => {
            let n = g.add(
                "installation/indirect".into(),
                NodeKind::InstallationIndirect,
                "",
                attributed_indirect,
                tco2e,
                "Σ AttrEm_indir of processes",
                join(
                    attributions.iter().map(|a| num(a.attributed_indirect)),
                    " + ",
                ),
                vec![],
                process_children("attr-indirect"),
            );
            n.flags.push(Flag::FromProcesses);
            attributed_indirect
        }
    };
    let total = add(total_direct, total_indirect, "installation/total")?;
    g.add(
        "installation/total".into(),
        NodeKind::InstallationTotal,
        "",
        total,
        tco2e,
        "direct + indirect",
        format!("{} + {}", num(total_direct), num(total_indirect)),
        vec![],
        vec!["installation/direct".into(), "installation/indirect".into()],
    );
    let fuel_input_tj = sum(
        of(Gas::Co2)
            .map(|s| s.energy_fossil_tj)
            .chain(of(Gas::Co2).map(|s| s.energy_bio_tj)),
        "installation/fuel",
    )?;
    let calculation_based = sum(
        sources
            .list
            .iter()
            .filter(|s| s.node.kind == NodeKind::SourceStream)
            .map(|s| s.fossil),
        "installation/calculation-based",
    )?;
    let measurement_based = sum(
        sources
            .list
            .iter()
            .filter(|s| s.node.kind == NodeKind::MeasuredSource)
            .map(|s| s.fossil),
        "installation/measurement-based",
    )?;
    Ok(InstallationResult {
        fuel_input_tj,
        co2,
        biomass,
        n2o,
        pfc,
        direct,
        indirect_entered: balance.indirect,
        calculation_based,
        measurement_based,
        attributed_direct,
        attributed_indirect,
        total_direct,
        total_indirect,
        total,
    })
}
