//! The five data steps of the CBAM guided flow (`cbam_wizard`), one function per step, each
//! laying out the fields of the template sheets that step owns with the widgets of
//! `cbam_form`. Lists refer to one another by id (a transfer names the consuming process, a
//! share names its source), so removing an item also removes what only meant something
//! through it; everything else a removal leaves behind is reported by the validation.

use athar_cbam::model::{
    CarbonPricePaid, Consumption, GoodsEntry, MeasuredGas, MeasuredSource, MonitoringMethod,
    PfcEmission, PfcMethod, PrecursorIndirect, PrecursorValues, Process, Product,
    PurchasedPrecursor, RouteAmount, SourceShare, SourceStream, Transfer, ValueBasis,
};
use athar_cbam::{GoodsCategory, Installation, Sector};
use leptos::prelude::*;

use crate::app::use_app;
use crate::bind;
use crate::format;
use crate::i18n::{t, tf};
use crate::screens::cbam_form::{
    checks, choose, choose_opt, code, date, list, next_id, number, pick, select, text, yes_no, Form,
};
use crate::screens::cbam_wizard::Names;

fn grid(cols: &'static str, items: Vec<AnyView>) -> AnyView {
    view! { <div class=format!("field-grid {cols}")>{items}</div> }.into_any()
}

fn group(title: &'static str, items: Vec<AnyView>) -> AnyView {
    view! {
        <fieldset class="cbam-group">
            <legend class="cbam-group-title">{move || t(title)}</legend>
            {items}
        </fieldset>
    }
    .into_any()
}

fn countries() -> impl Fn() -> Vec<(String, String)> + Send + Sync + 'static {
    move || {
        format::countries_sorted(use_app().i18n.lang())
            .iter()
            .map(|(c, n)| (c.to_string(), n.clone()))
            .collect()
    }
}

// ---- Step 1: the installation ----

pub fn installation_step(f: Form) -> AnyView {
    let s = |x: &str| x.to_string();
    let verifier = |d: &Installation| d.verifier.clone().unwrap_or_default();
    macro_rules! ver {
        ($($path:ident).+) => {
            (
                move |d: &Installation| verifier(d).$($path).+,
                move |d: &mut Installation, v: String| {
                    let mut w = d.verifier.take().unwrap_or_default();
                    w.$($path).+ = v;
                    d.verifier = (!w.is_empty()).then_some(w);
                },
            )
        };
    }
    vec![
        group(
            "cbam-w-about",
            vec![grid(
                "two",
                vec![
                    text(
                        f,
                        s("about.name_en"),
                        "cbam-w-name-en",
                        bind!(about.name_en),
                    ),
                    text(f, s("about.name"), "cbam-w-name-local", bind!(about.name)),
                    text(
                        f,
                        s("about.economic_activity"),
                        "cbam-w-activity",
                        bind!(about.economic_activity),
                    ),
                    text(f, s("about.street"), "cbam-w-street", bind!(about.street)),
                    text(f, s("about.city"), "cbam-w-city", bind!(about.city)),
                    text(
                        f,
                        s("about.post_code"),
                        "cbam-w-post-code",
                        bind!(about.post_code),
                    ),
                    select(
                        f,
                        s("about.country"),
                        "cbam-w-country",
                        None,
                        countries(),
                        bind!(about.country),
                    ),
                    code(
                        f,
                        s("about.unlocode"),
                        "cbam-w-unlocode",
                        Some("cbam-w-unlocode-hint"),
                        Vec::new(),
                        bind!(about.unlocode),
                    ),
                    number(
                        f,
                        s("about.latitude"),
                        "cbam-w-latitude",
                        None,
                        false,
                        bind!(about.latitude),
                    ),
                    number(
                        f,
                        s("about.longitude"),
                        "cbam-w-longitude",
                        None,
                        false,
                        bind!(about.longitude),
                    ),
                ],
            )],
        ),
        group(
            "cbam-w-period",
            vec![grid(
                "two",
                vec![
                    date(
                        f,
                        s("reporting_period.start"),
                        "cbam-w-period-start",
                        bind!(reporting_period.start),
                    ),
                    date(
                        f,
                        s("reporting_period.end"),
                        "cbam-w-period-end",
                        bind!(reporting_period.end),
                    ),
                ],
            )],
        ),
        group(
            "cbam-w-representative",
            vec![grid(
                "three",
                vec![
                    text(
                        f,
                        s("about.representative.name"),
                        "cbam-w-person",
                        bind!(about.representative.name),
                    ),
                    text(
                        f,
                        s("about.representative.email"),
                        "cbam-w-email",
                        bind!(about.representative.email),
                    ),
                    text(
                        f,
                        s("about.representative.telephone"),
                        "cbam-w-phone",
                        bind!(about.representative.telephone),
                    ),
                ],
            )],
        ),
        group(
            "cbam-w-goods-categories",
            vec![list(
                f,
                s("goods"),
                None,
                "cbam-w-add-goods",
                "cbam-w-goods-n",
                |d| d.goods.len(),
                |d| {
                    let id = next_id("G", d.goods.iter().map(|g| g.id.as_str()));
                    let used: Vec<GoodsCategory> = d.goods.iter().map(|g| g.category).collect();
                    let category = GoodsCategory::ALL
                        .into_iter()
                        .find(|c| !used.contains(c))
                        .unwrap_or(GoodsCategory::Cement);
                    d.goods.push(GoodsEntry {
                        id,
                        category,
                        routes: Vec::new(),
                    });
                },
                |d, i| {
                    d.goods.remove(i);
                },
                move |i| {
                    let cat =
                        Memo::new(move |_| f.draft.with(|d| d.goods.get(i).map(|g| g.category)));
                    grid(
                        "two",
                        vec![
                            choose(
                                f,
                                format!("goods.{i}.category"),
                                "cbam-w-category",
                                bind!(req goods[i].category),
                            ),
                            checks(
                                f,
                                format!("goods.{i}.routes"),
                                "cbam-w-routes",
                                move || cat.get().map(|c| c.routes().to_vec()).unwrap_or_default(),
                                bind!(goods[i].routes),
                            ),
                        ],
                    )
                },
            )],
        ),
        group(
            "cbam-w-verifier",
            vec![
                view! { <p class="field-hint">{move || t("cbam-w-verifier-hint")}</p> }.into_any(),
                grid(
                    "two",
                    vec![
                        text(
                            f,
                            s("verifier.company_name"),
                            "cbam-w-verifier-name",
                            ver!(company_name),
                        ),
                        text(f, s("verifier.city"), "cbam-w-city", ver!(city)),
                        text(
                            f,
                            s("verifier.country"),
                            "cbam-w-country-code",
                            ver!(country),
                        ),
                        text(
                            f,
                            s("verifier.accreditation_member_state"),
                            "cbam-w-accreditation-state",
                            ver!(accreditation_member_state),
                        ),
                        text(
                            f,
                            s("verifier.accreditation_body"),
                            "cbam-w-accreditation-body",
                            ver!(accreditation_body),
                        ),
                        text(
                            f,
                            s("verifier.accreditation_number"),
                            "cbam-w-accreditation-number",
                            ver!(accreditation_number),
                        ),
                        text(
                            f,
                            s("verifier.representative.name"),
                            "cbam-w-person",
                            ver!(representative.name),
                        ),
                        text(
                            f,
                            s("verifier.representative.email"),
                            "cbam-w-email",
                            ver!(representative.email),
                        ),
                    ],
                ),
            ],
        ),
        group(
            "cbam-w-data-quality",
            vec![grid(
                "three",
                vec![
                    choose_opt(
                        f,
                        s("data_quality.general"),
                        "cbam-w-dq-general",
                        bind!(data_quality.general),
                    ),
                    choose_opt(
                        f,
                        s("data_quality.quality_assurance"),
                        "cbam-w-dq-qa",
                        bind!(data_quality.quality_assurance),
                    ),
                    choose_opt(
                        f,
                        s("data_quality.default_justification"),
                        "cbam-w-dq-why-defaults",
                        bind!(data_quality.default_justification),
                    ),
                ],
            )],
        ),
    ]
    .into_iter()
    .collect_view()
    .into_any()
}

// ---- Step 2: production processes ----

/// The other processes of the installation, as choices for a transfer from process `i`.
fn process_choices(names: Names) -> impl Fn() -> Vec<(String, String)> + Send + Sync + 'static {
    move || names.processes.get()
}

pub fn processes_step(f: Form, names: Names) -> AnyView {
    list(
        f,
        "processes".to_string(),
        None,
        "cbam-w-add-process",
        "cbam-w-process-n",
        |d| d.processes.len(),
        |d| {
            let id = next_id("P", d.processes.iter().map(|p| p.id.as_str()));
            let category = d
                .goods
                .first()
                .map(|g| g.category)
                .unwrap_or(GoodsCategory::Cement);
            d.processes.push(Process::new(id, String::new(), category));
        },
        |d, i| {
            let gone = d.processes.remove(i).id;
            // Transfers to and purchases for the removed process mean nothing any more.
            for p in &mut d.processes {
                p.transfers.retain(|t| t.to != gone);
            }
            for p in &mut d.precursors {
                p.consumption.retain(|c| c.process != gone);
            }
        },
        move |i| process_item(f, names, i),
    )
}

fn process_item(f: Form, names: Names, i: usize) -> AnyView {
    let at = move |n: &str| format!("processes.{i}.{n}");
    let cat = Memo::new(move |_| f.draft.with(|d| d.processes.get(i).map(|p| p.category)));
    let unit = Memo::new(move |_| {
        f.draft.with(|d| {
            d.processes
                .get(i)
                .map(|p| p.functional_unit.symbol())
                .unwrap_or("t")
        })
    });
    let heat = Memo::new(move |_| {
        f.draft
            .with(|d| d.processes.get(i).and_then(|p| p.heat_relevant))
    });
    let waste = Memo::new(move |_| {
        f.draft
            .with(|d| d.processes.get(i).and_then(|p| p.waste_gas_relevant))
    });
    vec![
        grid(
            "three",
            vec![
                text(f, at("name"), "cbam-w-process-name", bind!(processes[i].name)),
                pick(
                    f,
                    at("category"),
                    "cbam-w-category",
                    None,
                    || GoodsCategory::ALL.to_vec(),
                    (
                        move |d: &Installation| d.processes.get(i).map(|p| p.category),
                        move |d: &mut Installation, v: Option<GoodsCategory>| {
                            if let (Some(p), Some(c)) = (d.processes.get_mut(i), v) {
                                p.category = c;
                                if !c.allows(p.functional_unit) {
                                    p.functional_unit = c.default_functional_unit();
                                }
                            }
                        },
                    ),
                ),
                pick(
                    f,
                    at("functional_unit"),
                    "cbam-w-functional-unit",
                    None,
                    move || {
                        let c = cat.get();
                        <athar_cbam::FunctionalUnit as crate::screens::cbam_form::Pick>::all()
                            .into_iter()
                            .filter(|u| c.is_some_and(|c| c.allows(*u)))
                            .collect()
                    },
                    bind!(req processes[i].functional_unit),
                ),
            ],
        ),
        checks(
            f,
            at("included"),
            "cbam-w-included",
            move || cat.get().map(|c| c.relevant_precursors().to_vec()).unwrap_or_default(),
            bind!(processes[i].included),
        ),
        group(
            "cbam-w-production",
            vec![
                list(
                    f,
                    at("production"),
                    None,
                    "cbam-w-add-route-amount",
                    "cbam-w-route-amount-n",
                    move |d| d.processes.get(i).map_or(0, |p| p.production.len()),
                    move |d| {
                        if let Some(p) = d.processes.get_mut(i) {
                            p.production.push(RouteAmount { route: None, amount: Default::default() });
                        }
                    },
                    move |d, j| {
                        if let Some(p) = d.processes.get_mut(i) {
                            p.production.remove(j);
                        }
                    },
                    move |j| {
                        grid(
                            "two",
                            vec![
                                pick(
                                    f,
                                    format!("processes.{i}.production.{j}.route"),
                                    "cbam-w-route",
                                    Some("cbam-w-all-routes"),
                                    move || cat.get().map(|c| c.routes().to_vec()).unwrap_or_default(),
                                    bind!(processes[i].production[j].route),
                                ),
                                number(
                                    f,
                                    format!("processes.{i}.production.{j}.amount"),
                                    "cbam-w-amount-produced",
                                    None,
                                    true,
                                    bind!(req processes[i].production[j].amount),
                                ),
                            ],
                        )
                    },
                ),
                view! { <p class="field-hint">{move || tf("cbam-w-unit-note", &[("unit", unit.get().to_string())])}</p> }.into_any(),
                grid(
                    "two",
                    vec![
                        number(f, at("produced_for_market"), "cbam-w-for-market", None, false, bind!(processes[i].produced_for_market)),
                        number(f, at("non_cbam_use"), "cbam-w-non-cbam", None, false, bind!(processes[i].non_cbam_use)),
                    ],
                ),
                list(
                    f,
                    at("transfers"),
                    Some("cbam-w-transfers"),
                    "cbam-w-add-transfer",
                    "cbam-w-transfer-n",
                    move |d| d.processes.get(i).map_or(0, |p| p.transfers.len()),
                    move |d| {
                        let own = d.processes.get(i).map(|p| p.id.clone()).unwrap_or_default();
                        let to = d.processes.iter().map(|p| p.id.clone()).find(|x| *x != own).unwrap_or_default();
                        if let Some(p) = d.processes.get_mut(i) {
                            p.transfers.push(Transfer { to, amount: Default::default() });
                        }
                    },
                    move |d, j| {
                        if let Some(p) = d.processes.get_mut(i) {
                            p.transfers.remove(j);
                        }
                    },
                    move |j| {
                        grid(
                            "two",
                            vec![
                                select(
                                    f,
                                    format!("processes.{i}.transfers.{j}.to"),
                                    "cbam-w-transfer-to",
                                    None,
                                    process_choices(names),
                                    bind!(processes[i].transfers[j].to),
                                ),
                                number(
                                    f,
                                    format!("processes.{i}.transfers.{j}.amount"),
                                    "cbam-w-amount",
                                    None,
                                    true,
                                    bind!(req processes[i].transfers[j].amount),
                                ),
                            ],
                        )
                    },
                ),
            ],
        ),
        group(
            "cbam-w-direct",
            vec![
                view! { <p class="field-hint">{move || t("cbam-w-direct-hint")}</p> }.into_any(),
                number(f, at("direct.entered"), "cbam-w-direct-entered", None, false, bind!(processes[i].direct.entered)),
            ],
        ),
        group(
            "cbam-w-heat",
            vec![
                grid(
                    "two",
                    vec![
                        yes_no(f, at("heat_relevant"), "cbam-w-heat-relevant", bind!(processes[i].heat_relevant)),
                        yes_no(f, at("waste_gas_relevant"), "cbam-w-waste-gas-relevant", bind!(processes[i].waste_gas_relevant)),
                    ],
                ),
                (move || (heat.get() != Some(false)).then(|| grid(
                    "two",
                    vec![
                        number(f, at("heat.imported_tj"), "cbam-w-heat-imported", None, false, bind!(processes[i].heat.imported_tj)),
                        number(f, at("heat.imported_ef"), "cbam-w-heat-imported-ef", None, false, bind!(processes[i].heat.imported_ef)),
                        number(f, at("heat.exported_tj"), "cbam-w-heat-exported", None, false, bind!(processes[i].heat.exported_tj)),
                        number(f, at("heat.exported_ef"), "cbam-w-heat-exported-ef", None, false, bind!(processes[i].heat.exported_ef)),
                    ],
                ))).into_any(),
                (move || (waste.get() != Some(false)).then(|| grid(
                    "two",
                    vec![
                        number(f, at("waste_gas.imported_tj"), "cbam-w-wg-imported", None, false, bind!(processes[i].waste_gas.imported_tj)),
                        number(f, at("waste_gas.imported_ef"), "cbam-w-wg-imported-ef", None, false, bind!(processes[i].waste_gas.imported_ef)),
                        number(f, at("waste_gas.exported_tj"), "cbam-w-wg-exported", None, false, bind!(processes[i].waste_gas.exported_tj)),
                        number(f, at("waste_gas.exported_ef"), "cbam-w-wg-exported-ef", None, false, bind!(processes[i].waste_gas.exported_ef)),
                    ],
                ))).into_any(),
            ],
        ),
        group(
            "cbam-w-electricity",
            vec![grid(
                "three",
                vec![
                    number(f, at("electricity.consumed_mwh"), "cbam-w-el-consumed", None, false, bind!(processes[i].electricity.consumed_mwh)),
                    number(f, at("electricity.ef"), "cbam-w-el-ef", None, false, bind!(processes[i].electricity.ef)),
                    choose_opt(f, at("electricity.ef_source"), "cbam-w-el-ef-source", bind!(processes[i].electricity.ef_source)),
                    number(f, at("electricity.exported_mwh"), "cbam-w-el-exported", None, false, bind!(processes[i].electricity.exported_mwh)),
                    number(f, at("electricity.exported_ef"), "cbam-w-el-exported-ef", None, false, bind!(processes[i].electricity.exported_ef)),
                ],
            )],
        ),
    ]
    .into_iter()
    .collect_view()
    .into_any()
}

// ---- Step 3: emission sources and balances ----

/// Which processes the emissions of source `source_id` (read from the draft) belong to: one
/// share per process, written into each process's directly attributable emissions.
fn attribution(
    f: Form,
    names: Names,
    field: String,
    source_id: impl Fn(&Installation) -> String + Send + Sync + Copy + 'static,
) -> AnyView {
    let field2 = field.clone();
    view! {
        <fieldset class="cbam-group cbam-attribution" id=crate::screens::cbam_form::dom_id(&field)>
            <legend class="cbam-group-title">{move || t("cbam-w-attribution")}</legend>
            <p class="field-hint">{move || t("cbam-w-attribution-hint")}</p>
            {move || {
                let procs = names.processes.get();
                if procs.is_empty() {
                    return view! { <p class="field-hint">{t("cbam-w-no-processes-yet")}</p> }.into_any();
                }
                let items: Vec<AnyView> = procs
                    .into_iter()
                    .enumerate()
                    .map(|(p, (_, _))| {
                        let label = Memo::new(move |_| names.processes.with(|n| n.get(p).map(|x| x.1.clone()).unwrap_or_default()));
                        let input = number(
                            f,
                            format!("{field2}.{p}"),
                            "cbam-w-share",
                            None,
                            false,
                            (
                                move |d: &Installation| {
                                    let sid = source_id(d);
                                    d.processes.get(p).and_then(|x| x.direct.sources.iter().find(|s| s.source == sid)).map(|s| s.share)
                                },
                                move |d: &mut Installation, v: Option<rust_decimal::Decimal>| {
                                    let sid = source_id(d);
                                    if let Some(x) = d.processes.get_mut(p) {
                                        x.direct.sources.retain(|s| s.source != sid);
                                        if let Some(share) = v {
                                            x.direct.sources.push(SourceShare { source: sid, share });
                                        }
                                    }
                                },
                            ),
                        );
                        view! {
                            <div class="cbam-share">
                                <span class="cbam-share-process"><bdi>{move || label.get()}</bdi></span>
                                {input}
                            </div>
                        }
                        .into_any()
                    })
                    .collect();
                view! { <div class="field-grid three">{items}</div> }.into_any()
            }}
        </fieldset>
    }
    .into_any()
}

pub fn sources_step(f: Form, names: Names) -> AnyView {
    let taken = |d: &Installation| -> Vec<String> {
        d.source_streams
            .iter()
            .map(|s| s.id.clone())
            .chain(d.pfc_emissions.iter().map(|p| p.id.clone()))
            .chain(d.measured_sources.iter().map(|m| m.id.clone()))
            .collect()
    };
    // A removed source's shares go with it.
    let drop_shares = |d: &mut Installation, gone: &str| {
        for p in &mut d.processes {
            p.direct.sources.retain(|s| s.source != gone);
        }
    };
    let s = |x: &str| x.to_string();
    vec![
        group(
            "cbam-w-source-streams",
            vec![list(
                f,
                s("source_streams"),
                None,
                "cbam-w-add-source",
                "cbam-w-source-n",
                |d| d.source_streams.len(),
                move |d| {
                    let ids = taken(d);
                    let id = next_id("S", ids.iter().map(String::as_str));
                    d.source_streams.push(SourceStream {
                        id,
                        method: MonitoringMethod::Combustion,
                        name: String::new(),
                        activity_data: None,
                        activity_unit: Default::default(),
                        ncv: None,
                        ef: None,
                        ef_unit: None,
                        carbon_content: None,
                        oxidation_factor_pct: None,
                        conversion_factor_pct: None,
                        biomass_pct: None,
                        factors: Vec::new(),
                        evidence: Vec::new(),
                    });
                },
                move |d, i| {
                    let gone = d.source_streams.remove(i).id;
                    drop_shares(d, &gone);
                },
                move |i| source_item(f, names, i),
            )],
        ),
        group(
            "cbam-w-pfc",
            vec![list(
                f,
                s("pfc_emissions"),
                None,
                "cbam-w-add-pfc",
                "cbam-w-pfc-n",
                |d| d.pfc_emissions.len(),
                move |d| {
                    let ids = taken(d);
                    let id = next_id("PFC", ids.iter().map(String::as_str));
                    d.pfc_emissions.push(PfcEmission {
                        id,
                        method: PfcMethod::Slope,
                        technology: String::new(),
                        aluminium_t: None,
                        anode_effect_frequency: None,
                        anode_effect_duration: None,
                        sef_cf4: None,
                        aeo: None,
                        current_efficiency: None,
                        ovc: None,
                        f_c2f6: None,
                        collection_efficiency: None,
                        evidence: Vec::new(),
                    });
                },
                move |d, i| {
                    let gone = d.pfc_emissions.remove(i).id;
                    drop_shares(d, &gone);
                },
                move |i| pfc_item(f, names, i),
            )],
        ),
        group(
            "cbam-w-measured",
            vec![list(
                f,
                s("measured_sources"),
                None,
                "cbam-w-add-measured",
                "cbam-w-measured-n",
                |d| d.measured_sources.len(),
                move |d| {
                    let ids = taken(d);
                    let id = next_id("M", ids.iter().map(String::as_str));
                    d.measured_sources.push(MeasuredSource {
                        id,
                        name: String::new(),
                        gas: MeasuredGas::Co2,
                        biomass_pct: None,
                        concentration_g_per_nm3: None,
                        hours: None,
                        flue_gas_flow: None,
                        energy_fossil_tj: None,
                        energy_bio_tj: None,
                        evidence: Vec::new(),
                    });
                },
                move |d, i| {
                    let gone = d.measured_sources.remove(i).id;
                    drop_shares(d, &gone);
                },
                move |i| measured_item(f, names, i),
            )],
        ),
        group(
            "cbam-w-fuel-balance",
            vec![
                view! { <p class="field-hint">{move || t("cbam-w-fuel-balance-hint")}</p> }
                    .into_any(),
                grid(
                    "two",
                    vec![
                        number(
                            f,
                            s("fuel_balance.total_tj"),
                            "cbam-w-fb-total",
                            None,
                            false,
                            bind!(fuel_balance.total_tj),
                        ),
                        number(
                            f,
                            s("fuel_balance.cbam_goods_tj"),
                            "cbam-w-fb-cbam",
                            None,
                            false,
                            bind!(fuel_balance.cbam_goods_tj),
                        ),
                        number(
                            f,
                            s("fuel_balance.electricity_tj"),
                            "cbam-w-fb-electricity",
                            None,
                            false,
                            bind!(fuel_balance.electricity_tj),
                        ),
                        number(
                            f,
                            s("fuel_balance.non_cbam_goods_tj"),
                            "cbam-w-fb-non-cbam",
                            None,
                            false,
                            bind!(fuel_balance.non_cbam_goods_tj),
                        ),
                    ],
                ),
            ],
        ),
        group(
            "cbam-w-ghg-balance",
            vec![
                view! { <p class="field-hint">{move || t("cbam-w-ghg-balance-hint")}</p> }
                    .into_any(),
                grid(
                    "three",
                    vec![
                        number(
                            f,
                            s("ghg_balance.co2"),
                            "cbam-w-gb-co2",
                            None,
                            false,
                            bind!(ghg_balance.co2),
                        ),
                        number(
                            f,
                            s("ghg_balance.biomass"),
                            "cbam-w-gb-biomass",
                            None,
                            false,
                            bind!(ghg_balance.biomass),
                        ),
                        number(
                            f,
                            s("ghg_balance.n2o"),
                            "cbam-w-gb-n2o",
                            None,
                            false,
                            bind!(ghg_balance.n2o),
                        ),
                        number(
                            f,
                            s("ghg_balance.pfc"),
                            "cbam-w-gb-pfc",
                            None,
                            false,
                            bind!(ghg_balance.pfc),
                        ),
                        number(
                            f,
                            s("ghg_balance.indirect"),
                            "cbam-w-gb-indirect",
                            None,
                            false,
                            bind!(ghg_balance.indirect),
                        ),
                    ],
                ),
            ],
        ),
    ]
    .into_iter()
    .collect_view()
    .into_any()
}

fn source_item(f: Form, names: Names, i: usize) -> AnyView {
    let at = move |n: &str| format!("source_streams.{i}.{n}");
    let method = Memo::new(move |_| f.draft.with(|d| d.source_streams.get(i).map(|s| s.method)));
    vec![
        grid(
            "three",
            vec![
                text(
                    f,
                    at("name"),
                    "cbam-w-source-name",
                    bind!(source_streams[i].name),
                ),
                choose(
                    f,
                    at("method"),
                    "cbam-w-method",
                    bind!(req source_streams[i].method),
                ),
                number(
                    f,
                    at("activity_data"),
                    "cbam-w-activity-data",
                    None,
                    false,
                    bind!(source_streams[i].activity_data),
                ),
                choose(
                    f,
                    at("activity_unit"),
                    "cbam-w-activity-unit",
                    bind!(req source_streams[i].activity_unit),
                ),
                number(
                    f,
                    at("ncv"),
                    "cbam-w-ncv",
                    Some("cbam-w-ncv-hint"),
                    false,
                    bind!(source_streams[i].ncv),
                ),
                number(
                    f,
                    at("biomass_pct"),
                    "cbam-w-biomass-pct",
                    None,
                    false,
                    bind!(source_streams[i].biomass_pct),
                ),
            ],
        ),
        (move || match method.get() {
            Some(MonitoringMethod::MassBalance) => grid(
                "three",
                vec![number(
                    f,
                    at("carbon_content"),
                    "cbam-w-carbon-content",
                    Some("cbam-w-carbon-content-hint"),
                    false,
                    bind!(source_streams[i].carbon_content),
                )],
            ),
            Some(m) => grid(
                "three",
                vec![
                    number(
                        f,
                        at("ef"),
                        "cbam-w-ef",
                        None,
                        false,
                        bind!(source_streams[i].ef),
                    ),
                    choose_opt(
                        f,
                        at("ef_unit"),
                        "cbam-w-ef-unit",
                        bind!(source_streams[i].ef_unit),
                    ),
                    if m == MonitoringMethod::Combustion {
                        number(
                            f,
                            at("oxidation_factor_pct"),
                            "cbam-w-oxidation",
                            Some("cbam-w-pct-100-hint"),
                            false,
                            bind!(source_streams[i].oxidation_factor_pct),
                        )
                    } else {
                        number(
                            f,
                            at("conversion_factor_pct"),
                            "cbam-w-conversion",
                            Some("cbam-w-pct-100-hint"),
                            false,
                            bind!(source_streams[i].conversion_factor_pct),
                        )
                    },
                ],
            ),
            None => ().into_any(),
        })
        .into_any(),
        attribution(f, names, at("attribution"), move |d| {
            d.source_streams
                .get(i)
                .map(|s| s.id.clone())
                .unwrap_or_default()
        }),
    ]
    .into_iter()
    .collect_view()
    .into_any()
}

fn pfc_item(f: Form, names: Names, i: usize) -> AnyView {
    let at = move |n: &str| format!("pfc_emissions.{i}.{n}");
    let method = Memo::new(move |_| f.draft.with(|d| d.pfc_emissions.get(i).map(|s| s.method)));
    vec![
        grid(
            "three",
            vec![
                text(
                    f,
                    at("technology"),
                    "cbam-w-pfc-technology",
                    bind!(pfc_emissions[i].technology),
                ),
                choose(
                    f,
                    at("method"),
                    "cbam-w-pfc-method",
                    bind!(req pfc_emissions[i].method),
                ),
                number(
                    f,
                    at("aluminium_t"),
                    "cbam-w-pfc-aluminium",
                    None,
                    false,
                    bind!(pfc_emissions[i].aluminium_t),
                ),
                number(
                    f,
                    at("f_c2f6"),
                    "cbam-w-pfc-f-c2f6",
                    None,
                    false,
                    bind!(pfc_emissions[i].f_c2f6),
                ),
                number(
                    f,
                    at("collection_efficiency"),
                    "cbam-w-pfc-collection",
                    Some("cbam-w-fraction-1-hint"),
                    false,
                    bind!(pfc_emissions[i].collection_efficiency),
                ),
            ],
        ),
        (move || match method.get() {
            Some(PfcMethod::Slope) => grid(
                "three",
                vec![
                    number(
                        f,
                        at("anode_effect_frequency"),
                        "cbam-w-pfc-frequency",
                        None,
                        false,
                        bind!(pfc_emissions[i].anode_effect_frequency),
                    ),
                    number(
                        f,
                        at("anode_effect_duration"),
                        "cbam-w-pfc-duration",
                        None,
                        false,
                        bind!(pfc_emissions[i].anode_effect_duration),
                    ),
                    number(
                        f,
                        at("sef_cf4"),
                        "cbam-w-pfc-sef",
                        None,
                        false,
                        bind!(pfc_emissions[i].sef_cf4),
                    ),
                ],
            ),
            Some(PfcMethod::Overvoltage) => grid(
                "three",
                vec![
                    number(
                        f,
                        at("aeo"),
                        "cbam-w-pfc-aeo",
                        None,
                        false,
                        bind!(pfc_emissions[i].aeo),
                    ),
                    number(
                        f,
                        at("current_efficiency"),
                        "cbam-w-pfc-ce",
                        None,
                        false,
                        bind!(pfc_emissions[i].current_efficiency),
                    ),
                    number(
                        f,
                        at("ovc"),
                        "cbam-w-pfc-ovc",
                        None,
                        false,
                        bind!(pfc_emissions[i].ovc),
                    ),
                ],
            ),
            None => ().into_any(),
        })
        .into_any(),
        attribution(f, names, at("attribution"), move |d| {
            d.pfc_emissions
                .get(i)
                .map(|s| s.id.clone())
                .unwrap_or_default()
        }),
    ]
    .into_iter()
    .collect_view()
    .into_any()
}

fn measured_item(f: Form, names: Names, i: usize) -> AnyView {
    let at = move |n: &str| format!("measured_sources.{i}.{n}");
    vec![
        grid(
            "three",
            vec![
                text(
                    f,
                    at("name"),
                    "cbam-w-measured-name",
                    bind!(measured_sources[i].name),
                ),
                choose(
                    f,
                    at("gas"),
                    "cbam-w-gas",
                    bind!(req measured_sources[i].gas),
                ),
                number(
                    f,
                    at("concentration_g_per_nm3"),
                    "cbam-w-concentration",
                    None,
                    false,
                    bind!(measured_sources[i].concentration_g_per_nm3),
                ),
                number(
                    f,
                    at("hours"),
                    "cbam-w-hours",
                    None,
                    false,
                    bind!(measured_sources[i].hours),
                ),
                number(
                    f,
                    at("flue_gas_flow"),
                    "cbam-w-flue-gas",
                    None,
                    false,
                    bind!(measured_sources[i].flue_gas_flow),
                ),
                number(
                    f,
                    at("biomass_pct"),
                    "cbam-w-biomass-pct",
                    None,
                    false,
                    bind!(measured_sources[i].biomass_pct),
                ),
                number(
                    f,
                    at("energy_fossil_tj"),
                    "cbam-w-energy-fossil",
                    None,
                    false,
                    bind!(measured_sources[i].energy_fossil_tj),
                ),
                number(
                    f,
                    at("energy_bio_tj"),
                    "cbam-w-energy-bio",
                    None,
                    false,
                    bind!(measured_sources[i].energy_bio_tj),
                ),
            ],
        ),
        attribution(f, names, at("attribution"), move |d| {
            d.measured_sources
                .get(i)
                .map(|s| s.id.clone())
                .unwrap_or_default()
        }),
    ]
    .into_iter()
    .collect_view()
    .into_any()
}

// ---- Step 4: purchased precursors ----

/// How a precursor's embedded emissions are known, as one choice.
fn values_kind(v: &PrecursorValues) -> &'static str {
    match v {
        PrecursorValues::Given { .. } => "given",
        PrecursorValues::CountryDefault { .. } => "country-default",
        PrecursorValues::UnknownOriginDefault { .. } => "unknown-origin-default",
    }
}

fn given(see_direct: rust_decimal::Decimal) -> PrecursorValues {
    PrecursorValues::Given {
        see_direct,
        direct_basis: ValueBasis::Measured,
        indirect: PrecursorIndirect {
            electricity_mwh_per_t: Default::default(),
            electricity_basis: ValueBasis::Measured,
            ef: Default::default(),
            ef_source: None,
        },
    }
}

fn cn_suggestions(category: Option<GoodsCategory>) -> Vec<(String, String)> {
    athar_cbam::cn::cn_list()
        .iter()
        .filter(|e| category.is_none_or(|c| e.category == c))
        .map(|e| (e.code.to_string(), e.name.to_string()))
        .collect()
}

pub fn precursors_step(f: Form, names: Names) -> AnyView {
    list(
        f,
        "precursors".to_string(),
        None,
        "cbam-w-add-precursor",
        "cbam-w-precursor-n",
        |d| d.precursors.len(),
        |d| {
            let id = next_id("E", d.precursors.iter().map(|p| p.id.as_str()));
            let category = d
                .processes
                .first()
                .and_then(|p| p.category.relevant_precursors().first().copied())
                .unwrap_or(GoodsCategory::CementClinker);
            d.precursors.push(PurchasedPrecursor {
                id,
                name: String::new(),
                category,
                country: None,
                routes: Vec::new(),
                cn_code: None,
                purchased: Vec::new(),
                consumption: Vec::new(),
                other_use: None,
                values: PrecursorValues::CountryDefault { variant: None },
                default_justification: None,
                evidence: Vec::new(),
            });
        },
        |d, i| {
            d.precursors.remove(i);
        },
        move |i| precursor_item(f, names, i),
    )
}

fn precursor_item(f: Form, names: Names, i: usize) -> AnyView {
    let at = move |n: &str| format!("precursors.{i}.{n}");
    let cat = Memo::new(move |_| f.draft.with(|d| d.precursors.get(i).map(|p| p.category)));
    let kind = Memo::new(move |_| {
        f.draft
            .with(|d| d.precursors.get(i).map(|p| values_kind(&p.values)))
    });
    let variants = Memo::new(move |_| {
        f.draft.with(|d| {
            d.precursors
                .get(i)
                .and_then(|p| p.cn_code.as_deref())
                .map_or(&[][..], athar_cbam::cn::default_variants)
        })
    });
    let uses_defaults = Memo::new(move |_| {
        f.draft
            .with(|d| d.precursors.get(i).is_some_and(|p| p.uses_defaults()))
    });
    vec![
        grid(
            "three",
            vec![
                text(
                    f,
                    at("name"),
                    "cbam-w-precursor-name",
                    bind!(precursors[i].name),
                ),
                choose(
                    f,
                    at("category"),
                    "cbam-w-category",
                    bind!(req precursors[i].category),
                ),
                select(
                    f,
                    at("country"),
                    "cbam-w-origin",
                    Some("cbam-w-origin-unknown"),
                    countries(),
                    (
                        move |d: &Installation| {
                            d.precursors
                                .get(i)
                                .and_then(|p| p.country.clone())
                                .unwrap_or_default()
                        },
                        move |d: &mut Installation, v: String| {
                            if let Some(p) = d.precursors.get_mut(i) {
                                p.country = (!v.is_empty()).then_some(v);
                            }
                        },
                    ),
                ),
                (move || {
                    code(
                        f,
                        at("cn_code"),
                        "cbam-w-cn-code",
                        Some("cbam-w-cn-hint"),
                        cn_suggestions(cat.get()),
                        (
                            move |d: &Installation| {
                                d.precursors
                                    .get(i)
                                    .and_then(|p| p.cn_code.clone())
                                    .unwrap_or_default()
                            },
                            move |d: &mut Installation, v: String| {
                                if let Some(p) = d.precursors.get_mut(i) {
                                    p.cn_code = (!v.is_empty()).then_some(v);
                                }
                            },
                        ),
                    )
                })
                .into_any(),
            ],
        ),
        checks(
            f,
            at("routes"),
            "cbam-w-routes",
            move || cat.get().map(|c| c.routes().to_vec()).unwrap_or_default(),
            bind!(precursors[i].routes),
        ),
        group(
            "cbam-w-purchased",
            vec![
                list(
                    f,
                    at("purchased"),
                    None,
                    "cbam-w-add-route-amount",
                    "cbam-w-route-amount-n",
                    move |d| d.precursors.get(i).map_or(0, |p| p.purchased.len()),
                    move |d| {
                        if let Some(p) = d.precursors.get_mut(i) {
                            p.purchased.push(RouteAmount {
                                route: None,
                                amount: Default::default(),
                            });
                        }
                    },
                    move |d, j| {
                        if let Some(p) = d.precursors.get_mut(i) {
                            p.purchased.remove(j);
                        }
                    },
                    move |j| {
                        grid(
                            "two",
                            vec![
                                pick(
                                    f,
                                    format!("precursors.{i}.purchased.{j}.route"),
                                    "cbam-w-route",
                                    Some("cbam-w-all-routes"),
                                    move || {
                                        cat.get().map(|c| c.routes().to_vec()).unwrap_or_default()
                                    },
                                    bind!(precursors[i].purchased[j].route),
                                ),
                                number(
                                    f,
                                    format!("precursors.{i}.purchased.{j}.amount"),
                                    "cbam-w-amount-purchased",
                                    None,
                                    true,
                                    bind!(req precursors[i].purchased[j].amount),
                                ),
                            ],
                        )
                    },
                ),
                list(
                    f,
                    at("consumption"),
                    Some("cbam-w-consumption"),
                    "cbam-w-add-consumption",
                    "cbam-w-consumption-n",
                    move |d| d.precursors.get(i).map_or(0, |p| p.consumption.len()),
                    move |d| {
                        let process = d
                            .processes
                            .first()
                            .map(|p| p.id.clone())
                            .unwrap_or_default();
                        if let Some(p) = d.precursors.get_mut(i) {
                            p.consumption.push(Consumption {
                                process,
                                amount: Default::default(),
                            });
                        }
                    },
                    move |d, j| {
                        if let Some(p) = d.precursors.get_mut(i) {
                            p.consumption.remove(j);
                        }
                    },
                    move |j| {
                        grid(
                            "two",
                            vec![
                                select(
                                    f,
                                    format!("precursors.{i}.consumption.{j}.process"),
                                    "cbam-w-consumed-in",
                                    None,
                                    process_choices(names),
                                    bind!(precursors[i].consumption[j].process),
                                ),
                                number(
                                    f,
                                    format!("precursors.{i}.consumption.{j}.amount"),
                                    "cbam-w-amount",
                                    None,
                                    true,
                                    bind!(req precursors[i].consumption[j].amount),
                                ),
                            ],
                        )
                    },
                ),
                number(
                    f,
                    at("other_use"),
                    "cbam-w-other-use",
                    None,
                    false,
                    bind!(precursors[i].other_use),
                ),
            ],
        ),
        group(
            "cbam-w-precursor-see",
            vec![
                select(
                    f,
                    at("values"),
                    "cbam-w-values-kind",
                    None,
                    || {
                        ["given", "country-default", "unknown-origin-default"]
                            .into_iter()
                            .map(|k| (k.to_string(), t(&format!("cbam-w-values-{k}"))))
                            .collect()
                    },
                    (
                        move |d: &Installation| {
                            d.precursors
                                .get(i)
                                .map(|p| values_kind(&p.values).to_string())
                                .unwrap_or_default()
                        },
                        move |d: &mut Installation, v: String| {
                            if let Some(p) = d.precursors.get_mut(i) {
                                if values_kind(&p.values) != v {
                                    p.values = match v.as_str() {
                                        "given" => given(Default::default()),
                                        "unknown-origin-default" => {
                                            PrecursorValues::UnknownOriginDefault { variant: None }
                                        }
                                        _ => PrecursorValues::CountryDefault { variant: None },
                                    };
                                }
                            }
                        },
                    ),
                ),
                (move || (kind.get() == Some("given")).then(|| given_fields(f, i))).into_any(),
                (move || {
                    let list = variants.get();
                    (kind.get() != Some("given") && !list.is_empty())
                        .then(|| variant_field(f, i, list))
                })
                .into_any(),
                (move || {
                    uses_defaults.get().then(|| {
                        choose_opt(
                            f,
                            at("default_justification"),
                            "cbam-w-why-defaults",
                            bind!(precursors[i].default_justification),
                        )
                    })
                })
                .into_any(),
            ],
        ),
    ]
    .into_iter()
    .collect_view()
    .into_any()
}

fn variant_options(
    list: &'static [&'static str],
) -> impl Fn() -> Vec<(String, String)> + Send + Sync + 'static {
    move || {
        list.iter()
            .map(|v| (v.to_string(), t(&format!("cbam-variant-{v}"))))
            .collect()
    }
}

/// Which of a split default value applies to a precursor (grey or white clinker).
fn variant_field(f: Form, i: usize, list: &'static [&'static str]) -> AnyView {
    select(
        f,
        format!("precursors.{i}.values.variant"),
        "cbam-w-variant",
        None,
        variant_options(list),
        (
            move |d: &Installation| match d.precursors.get(i).map(|p| &p.values) {
                Some(
                    PrecursorValues::CountryDefault { variant }
                    | PrecursorValues::UnknownOriginDefault { variant },
                ) => variant.clone().unwrap_or_default(),
                _ => String::new(),
            },
            move |d: &mut Installation, v: String| {
                if let Some(
                    PrecursorValues::CountryDefault { variant }
                    | PrecursorValues::UnknownOriginDefault { variant },
                ) = d.precursors.get_mut(i).map(|p| &mut p.values)
                {
                    *variant = (!v.is_empty()).then_some(v);
                }
            },
        ),
    )
}

/// The supplier's values of a precursor (`PrecursorValues::Given`).
fn given_fields(f: Form, i: usize) -> AnyView {
    let at = move |n: &str| format!("precursors.{i}.values.{n}");
    fn with_given<R>(
        d: &Installation,
        i: usize,
        r: impl Fn(&rust_decimal::Decimal, &ValueBasis, &PrecursorIndirect) -> R,
    ) -> Option<R> {
        match d.precursors.get(i).map(|p| &p.values) {
            Some(PrecursorValues::Given {
                see_direct,
                direct_basis,
                indirect,
            }) => Some(r(see_direct, direct_basis, indirect)),
            _ => None,
        }
    }
    fn update_given(
        d: &mut Installation,
        i: usize,
        r: impl FnOnce(&mut rust_decimal::Decimal, &mut ValueBasis, &mut PrecursorIndirect),
    ) {
        if let Some(PrecursorValues::Given {
            see_direct,
            direct_basis,
            indirect,
        }) = d.precursors.get_mut(i).map(|p| &mut p.values)
        {
            r(see_direct, direct_basis, indirect)
        }
    }
    grid(
        "three",
        vec![
            number(
                f,
                at("see_direct"),
                "cbam-w-see-direct",
                None,
                true,
                (
                    move |d: &Installation| with_given(d, i, |s, _, _| *s),
                    move |d: &mut Installation, v: Option<rust_decimal::Decimal>| {
                        update_given(d, i, |s, _, _| {
                            if let Some(v) = v {
                                *s = v
                            }
                        })
                    },
                ),
            ),
            choose(
                f,
                at("direct_basis"),
                "cbam-w-direct-basis",
                (
                    move |d: &Installation| with_given(d, i, |_, b, _| *b),
                    move |d: &mut Installation, v: Option<ValueBasis>| {
                        update_given(d, i, |_, b, _| {
                            if let Some(v) = v {
                                *b = v
                            }
                        })
                    },
                ),
            ),
            number(
                f,
                at("indirect.electricity_mwh_per_t"),
                "cbam-w-el-per-t",
                None,
                true,
                (
                    move |d: &Installation| with_given(d, i, |_, _, x| x.electricity_mwh_per_t),
                    move |d: &mut Installation, v: Option<rust_decimal::Decimal>| {
                        update_given(d, i, |_, _, x| {
                            if let Some(v) = v {
                                x.electricity_mwh_per_t = v
                            }
                        })
                    },
                ),
            ),
            choose(
                f,
                at("indirect.electricity_basis"),
                "cbam-w-el-basis",
                (
                    move |d: &Installation| with_given(d, i, |_, _, x| x.electricity_basis),
                    move |d: &mut Installation, v: Option<ValueBasis>| {
                        update_given(d, i, |_, _, x| {
                            if let Some(v) = v {
                                x.electricity_basis = v
                            }
                        })
                    },
                ),
            ),
            number(
                f,
                at("indirect.ef"),
                "cbam-w-el-ef",
                None,
                true,
                (
                    move |d: &Installation| with_given(d, i, |_, _, x| x.ef),
                    move |d: &mut Installation, v: Option<rust_decimal::Decimal>| {
                        update_given(d, i, |_, _, x| {
                            if let Some(v) = v {
                                x.ef = v
                            }
                        })
                    },
                ),
            ),
            choose_opt(
                f,
                at("indirect.ef_source"),
                "cbam-w-el-ef-source",
                (
                    move |d: &Installation| with_given(d, i, |_, _, x| x.ef_source).flatten(),
                    move |d: &mut Installation, v| update_given(d, i, |_, _, x| x.ef_source = v),
                ),
            ),
        ],
    )
}

// ---- Step 5: goods communicated to importers ----

pub fn goods_step(f: Form, names: Names) -> AnyView {
    vec![
        list(
            f,
            "products".to_string(),
            None,
            "cbam-w-add-product",
            "cbam-w-product-n",
            |d| d.products.len(),
            |d| {
                let id = (d
                    .products
                    .iter()
                    .filter_map(|p| p.id.parse::<u32>().ok())
                    .max()
                    .unwrap_or(0)
                    + 1)
                .to_string();
                let process = d
                    .processes
                    .first()
                    .map(|p| p.id.clone())
                    .unwrap_or_default();
                d.products.push(Product {
                    id,
                    process,
                    cn_code: String::new(),
                    name: String::new(),
                    parameters: Default::default(),
                    carbon_price: None,
                    default_variant: None,
                });
            },
            |d, i| {
                d.products.remove(i);
            },
            move |i| product_item(f, names, i),
        ),
        text(
            f,
            "carbon_price_description".to_string(),
            "cbam-w-cp-description",
            bind!(carbon_price_description),
        ),
    ]
    .into_iter()
    .collect_view()
    .into_any()
}

fn product_item(f: Form, names: Names, i: usize) -> AnyView {
    let at = move |n: &str| format!("products.{i}.{n}");
    let cat = Memo::new(move |_| {
        f.draft.with(|d| {
            let p = d.products.get(i)?;
            d.processes
                .iter()
                .find(|x| x.id == p.process)
                .map(|x| x.category)
        })
    });
    let variants = Memo::new(move |_| {
        f.draft.with(|d| {
            d.products
                .get(i)
                .map_or(&[][..], |p| athar_cbam::cn::default_variants(&p.cn_code))
        })
    });
    let priced = Memo::new(move |_| {
        f.draft
            .with(|d| d.products.get(i).is_some_and(|p| p.carbon_price.is_some()))
    });
    macro_rules! param {
        ($name:ident, $key:literal) => {
            number(
                f,
                at(concat!("parameters.", stringify!($name))),
                $key,
                None,
                false,
                bind!(products[i].parameters.$name),
            )
        };
    }
    macro_rules! price {
        ($($path:ident).+) => {
            (
                move |d: &Installation| d.products.get(i).and_then(|p| p.carbon_price.as_ref()).map(|c| c.$($path).+.clone()).unwrap_or_default(),
                move |d: &mut Installation, v| {
                    if let Some(c) = d.products.get_mut(i).and_then(|p| p.carbon_price.as_mut()) {
                        c.$($path).+ = v;
                    }
                },
            )
        };
    }
    vec![
        grid(
            "three",
            vec![
                select(
                    f,
                    at("process"),
                    "cbam-w-from-process",
                    None,
                    process_choices(names),
                    bind!(products[i].process),
                ),
                (move || {
                    code(
                        f,
                        at("cn_code"),
                        "cbam-w-cn-code",
                        Some("cbam-w-cn-hint"),
                        cn_suggestions(cat.get()),
                        bind!(products[i].cn_code),
                    )
                })
                .into_any(),
                text(
                    f,
                    at("name"),
                    "cbam-w-product-name",
                    bind!(products[i].name),
                ),
            ],
        ),
        (move || {
            let list = variants.get();
            (!list.is_empty()).then(|| {
                select(
                    f,
                    at("default_variant"),
                    "cbam-w-product-variant",
                    Some("cbam-w-not-given"),
                    variant_options(list),
                    (
                        move |d: &Installation| {
                            d.products
                                .get(i)
                                .and_then(|p| p.default_variant.clone())
                                .unwrap_or_default()
                        },
                        move |d: &mut Installation, v: String| {
                            if let Some(p) = d.products.get_mut(i) {
                                p.default_variant = (!v.is_empty()).then_some(v);
                            }
                        },
                    ),
                )
            })
        })
        .into_any(),
        (move || {
            let sector = cat.get().map(|c| (c, c.sector()));
            let fields: Vec<AnyView> = match sector {
                Some((c, Sector::Cement)) => {
                    let mut v = vec![param!(clinker_factor, "cbam-w-p-clinker")];
                    if c == GoodsCategory::CalcinedClays {
                        v.push(yes_no(
                            f,
                            at("parameters.calcined"),
                            "cbam-w-p-calcined",
                            bind!(products[i].parameters.calcined),
                        ));
                    }
                    v
                }
                Some((_, Sector::IronAndSteel)) => vec![
                    choose_opt(
                        f,
                        at("parameters.reducing_agent"),
                        "cbam-w-p-agent",
                        bind!(products[i].parameters.reducing_agent),
                    ),
                    text(
                        f,
                        at("parameters.steel_mill_id"),
                        "cbam-w-p-mill",
                        bind!(products[i].parameters.steel_mill_id),
                    ),
                    param!(mn, "cbam-w-p-mn"),
                    param!(cr, "cbam-w-p-cr"),
                    param!(ni, "cbam-w-p-ni"),
                    param!(other_alloys, "cbam-w-p-other-alloys"),
                    param!(carbon, "cbam-w-p-carbon"),
                    param!(scrap_per_t_steel, "cbam-w-p-scrap-steel"),
                    param!(other_materials, "cbam-w-p-other-materials"),
                ],
                Some((_, Sector::Aluminium)) => vec![
                    param!(scrap_per_t_aluminium, "cbam-w-p-scrap-aluminium"),
                    param!(pre_consumer_scrap, "cbam-w-p-pre-consumer"),
                    param!(non_aluminium_elements, "cbam-w-p-non-aluminium"),
                ],
                Some((_, Sector::Fertilisers)) => vec![
                    param!(n_contained, "cbam-w-p-n"),
                    param!(n_ammonium, "cbam-w-p-n-ammonium"),
                    param!(n_nitrate, "cbam-w-p-n-nitrate"),
                    param!(n_urea, "cbam-w-p-n-urea"),
                    param!(n_other, "cbam-w-p-n-other"),
                    param!(concentration, "cbam-w-p-concentration"),
                    param!(nitric_acid, "cbam-w-p-nitric-acid"),
                    param!(urea, "cbam-w-p-urea"),
                ],
                _ => Vec::new(),
            };
            (!fields.is_empty()).then(|| {
                group(
                    "cbam-w-parameters",
                    vec![
                        view! { <p class="field-hint">{move || t("cbam-w-parameters-hint")}</p> }
                            .into_any(),
                        grid("three", fields),
                    ],
                )
            })
        })
        .into_any(),
        group(
            "cbam-w-carbon-price",
            vec![
                view! {
                    <label class="check">
                        <input
                            type="checkbox"
                            id=format!("cbam-f-products-{i}-carbon-price-paid")
                            checked=move || priced.get()
                            on:change=move |ev| {
                                let on = event_target_checked(&ev);
                                f.forget(&format!("products.{i}.carbon_price"));
                                f.draft.update(|d| {
                                    if let Some(p) = d.products.get_mut(i) {
                                        p.carbon_price = on.then(CarbonPricePaid::default);
                                    }
                                });
                            }
                        />
                        " "
                        {move || t("cbam-w-cp-paid")}
                    </label>
                }
                .into_any(),
                (move || {
                    priced.get().then(|| {
                        grid(
                            "three",
                            vec![
                                choose_opt(
                                    f,
                                    at("carbon_price.instrument"),
                                    "cbam-w-cp-instrument",
                                    price!(instrument),
                                ),
                                number(
                                    f,
                                    at("carbon_price.share_covered"),
                                    "cbam-w-cp-share",
                                    Some("cbam-w-fraction-hint"),
                                    false,
                                    price!(share_covered),
                                ),
                                code(
                                    f,
                                    at("carbon_price.currency"),
                                    "cbam-w-cp-currency",
                                    None,
                                    crate::format::CURRENCIES_FIRST
                                        .iter()
                                        .map(|c| (c.to_string(), c.to_string()))
                                        .collect(),
                                    price!(currency),
                                ),
                                number(
                                    f,
                                    at("carbon_price.amount_per_unit"),
                                    "cbam-w-cp-amount",
                                    None,
                                    false,
                                    price!(amount_per_unit),
                                ),
                                choose_opt(
                                    f,
                                    at("carbon_price.rebate"),
                                    "cbam-w-cp-rebate",
                                    price!(rebate),
                                ),
                                number(
                                    f,
                                    at("carbon_price.rebate_share"),
                                    "cbam-w-cp-rebate-share",
                                    Some("cbam-w-fraction-hint"),
                                    false,
                                    price!(rebate_share),
                                ),
                                number(
                                    f,
                                    at("carbon_price.rebate_per_unit"),
                                    "cbam-w-cp-rebate-amount",
                                    None,
                                    false,
                                    price!(rebate_per_unit),
                                ),
                            ],
                        )
                    })
                })
                .into_any(),
            ],
        ),
    ]
    .into_iter()
    .collect_view()
    .into_any()
}
