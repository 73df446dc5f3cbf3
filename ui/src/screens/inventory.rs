//! The inventory dashboard — totals by scope, by source, by site and by month, the data
//! quality, what the figures assume — and the "explain" drill-down that opens from any
//! figure: its formula with the numbers put in, the activity rows and factor rows it used,
//! and the results it adds up, each of which can be opened in turn.

use athar_protocol::activity::{
    ExplainArgs, ExplainView, Figure, InventoryArgs, InventoryView, ScopeTotals,
};
use athar_protocol::{ExplainResult, GetInventory};
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::app::use_app;
use crate::components::chart::{Bar, BarChart, Column, ColumnChart};
use crate::format;
use crate::i18n::{t, tf};
use crate::labels;

/// The figure whose explanation is open, and the way there (for the breadcrumb).
#[derive(Clone, Copy)]
pub struct ExplainState {
    pub trail: RwSignal<Vec<String>>,
    pub view: RwSignal<Option<ExplainView>>,
}

#[component]
pub fn InventoryScreen() -> impl IntoView {
    let ctx = use_app();
    let i18n = ctx.i18n;
    let reporting_year = ctx
        .open
        .with_untracked(|o| o.as_ref().map(|c| c.data.profile.reporting_year))
        .unwrap_or_else(format::this_year);
    let year = RwSignal::new(reporting_year);
    let monthly = RwSignal::new(true);
    let view_data = RwSignal::new(None::<InventoryView>);
    let loading = RwSignal::new(false);
    let explain = ExplainState {
        trail: RwSignal::new(Vec::new()),
        view: RwSignal::new(None),
    };

    Effect::new(move |_| {
        let args = InventoryArgs {
            year: year.get(),
            monthly: monthly.get(),
        };
        loading.set(true);
        explain.view.set(None);
        explain.trail.set(Vec::new());
        spawn_local(async move {
            let r = ctx.invoke::<GetInventory>(args).await;
            loading.set(false);
            view_data.set(r.ok());
        });
    });

    let open = move |id: String| {
        let args = ExplainArgs {
            year: year.get_untracked(),
            monthly: monthly.get_untracked(),
            id: id.clone(),
        };
        spawn_local(async move {
            if let Ok(v) = ctx.invoke::<ExplainResult>(args).await {
                explain.trail.update(|t| {
                    if let Some(pos) = t.iter().position(|x| *x == id) {
                        t.truncate(pos + 1);
                    } else {
                        t.push(id);
                    }
                });
                explain.view.set(Some(v));
                crate::screens::focus_later("#explain-panel h2");
            }
        });
    };

    let years = move || {
        let y = year.get();
        (reporting_year - 4..=reporting_year + 1)
            .chain(std::iter::once(y))
            .collect::<std::collections::BTreeSet<_>>()
            .into_iter()
            .rev()
            .collect::<Vec<_>>()
    };

    view! {
        <section id="inventory-screen" class="screen wide-screen">
            <div class="screen-head">
                <div>
                    <h1 class="screen-title">{move || t("inventory-title")}</h1>
                    <p class="screen-lead">{move || t("inventory-lead")}</p>
                </div>
                <div class="head-actions">
                    <label class="filter">
                        <span class="field-label">{move || t("filter-year")}</span>
                        <select
                            id="inventory-year"
                            class="input select"
                            on:change=move |ev| {
                                if let Ok(y) = event_target_value(&ev).parse() {
                                    year.set(y);
                                }
                            }
                        >
                            {move || {
                                years()
                                    .into_iter()
                                    .map(|y| {
                                        view! {
                                            <option value=y.to_string() selected=move || year.get() == y>
                                                {format::plain(i18n.lang(), &y.to_string())}
                                            </option>
                                        }
                                    })
                                    .collect_view()
                            }}
                        </select>
                    </label>
                    <label class="check">
                        <input
                            id="inventory-monthly"
                            type="checkbox"
                            prop:checked=move || monthly.get()
                            on:change=move |ev| monthly.set(event_target_checked(&ev))
                        />
                        <span>{move || t("inventory-monthly")}</span>
                    </label>
                </div>
            </div>
            <Show when=move || loading.get()>
                <p class="loading" role="status">{move || t("inventory-computing")}</p>
            </Show>
            {move || view_data.get().map(|v| view! { <Dashboard v open /> })}
            <ExplainPanel explain open />
        </section>
    }
}

/// A figure that opens its explanation.
#[component]
fn FigureButton(
    figure: Figure,
    open: impl Fn(String) + Copy + Send + Sync + 'static,
    #[prop(optional)] class: &'static str,
) -> impl IntoView {
    let i18n = use_app().i18n;
    let id = figure.id.clone();
    let value = figure.value;
    view! {
        <button
            type="button"
            class=format!("figure-link {class}")
            data-result=id.clone()
            title=move || t("explain-open")
            on:click=move |_| open(id.clone())
        >
            <span class="figure-value" dir="ltr">{move || labels::tonnes(i18n.lang(), value)}</span>
        </button>
    }
}

#[component]
fn TotalCard(
    label: &'static str,
    figure: Figure,
    open: impl Fn(String) + Copy + Send + Sync + 'static,
    #[prop(optional)] id: &'static str,
) -> impl IntoView {
    view! {
        <div class="total-card" id=id>
            <span class="total-label">{move || t(label)}</span>
            <FigureButton figure open class="total-value" />
            <span class="total-unit">{move || t("unit-tco2e")}</span>
        </div>
    }
}

#[component]
fn Dashboard(
    v: InventoryView,
    open: impl Fn(String) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let i18n = use_app().i18n;
    if v.entries == 0 {
        return view! {
            <div class="card">
                <p class="empty-note" id="inventory-empty">
                    {move || tf("inventory-no-entries", &[("year", format::plain(i18n.lang(), &v.year.to_string()))])}
                </p>
            </div>
        }
        .into_any();
    }
    let Some(totals) = v.totals.clone() else {
        let problems = v.problems.clone();
        let count = problems.len();
        return view! {
            <div class="card problems-card" id="inventory-problems" role="alert">
                <h2 class="card-title">{move || tf("inventory-problems-title", &[("count", format::count(i18n.lang(), count as u64))])}</h2>
                <p class="section-note">{move || t("inventory-problems-note")}</p>
                <ul class="problem-list">
                    {problems
                        .into_iter()
                        .map(|p| {
                            let e = p.error.clone();
                            view! {
                                <li class="entry-problem">
                                    <span class="mono" dir="ltr">{p.entry.clone()}</span>
                                    ": "
                                    {move || i18n.error(&e)}
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            </div>
        }
        .into_any();
    };
    let ScopeTotals {
        scope1,
        scope2_location,
        scope2_market,
        scope3,
        total_location,
        total_market,
    } = totals.clone();
    let scope_bars = {
        let t2 = totals.clone();
        move || {
            vec![
                Bar::new(t("scope-1"), t2.scope1.value, Some(t2.scope1.id.clone())),
                Bar::new(
                    t("scope-2-location"),
                    t2.scope2_location.value,
                    Some(t2.scope2_location.id.clone()),
                ),
                Bar::new(
                    t("scope-2-market"),
                    t2.scope2_market.value,
                    Some(t2.scope2_market.id.clone()),
                ),
                Bar::new(t("scope-3"), t2.scope3.value, Some(t2.scope3.id.clone())),
            ]
        }
    };
    let source_bars = {
        let s = v.by_source.clone();
        move || {
            s.iter()
                .map(|st| Bar::new(t(labels::source_key(st.source)), st.value, None))
                .collect::<Vec<_>>()
        }
    };
    let months = v.by_month.clone();
    let month_columns = move || {
        months
            .iter()
            .map(|m| {
                let month: u8 = m.label.get(5..7).and_then(|s| s.parse().ok()).unwrap_or(1);
                Column {
                    label: t(&format!("month-short-{month}")),
                    segments: vec![
                        (
                            m.totals.scope1.value,
                            "seg-scope1",
                            Some(m.totals.scope1.id.clone()),
                        ),
                        (
                            m.totals.scope2_location.value,
                            "seg-scope2",
                            Some(m.totals.scope2_location.id.clone()),
                        ),
                        (
                            m.totals.scope3.value,
                            "seg-scope3",
                            Some(m.totals.scope3.id.clone()),
                        ),
                    ],
                }
            })
            .collect::<Vec<_>>()
    };
    let has_months = !v.by_month.is_empty();
    let quality = v.quality.clone();
    let total_value = total_location.value;
    let primary_share = quality.as_ref().and_then(|q| q.primary_share(total_value));
    let default_lines = quality.as_ref().map(|q| (q.default_factor_lines, q.lines));
    let flags = v.flags.clone();
    let cats = v.scope3_categories.clone();
    let sites = v.by_site.clone();
    let show_sites = sites.len() > 1;
    view! {
        <div class="totals-grid" id="inventory-totals">
            <TotalCard label="scope-1" figure=scope1 open id="total-scope1" />
            <TotalCard label="scope-2-location" figure=scope2_location open id="total-scope2-location" />
            <TotalCard label="scope-2-market" figure=scope2_market open id="total-scope2-market" />
            <TotalCard label="scope-3" figure=scope3 open id="total-scope3" />
            <TotalCard label="total-location" figure=total_location open id="total-location" />
            <TotalCard label="total-market" figure=total_market open id="total-market" />
        </div>
        {(v.intensity_location.is_some()).then(|| {
            let il = v.intensity_location.clone().unwrap();
            let im = v.intensity_market.clone();
            let currency = il.unit.rsplit('/').next().unwrap_or_default().to_string();
            view! {
                <div class="card intensity-card" id="inventory-intensity">
                    <span class="field-label">{move || t("intensity-title")}</span>
                    <span>{move || t("intensity-location")}": "</span>
                    <IntensityValue figure=il open />
                    {im.map(|im| view! {
                        <span>{move || t("intensity-market")}": "</span>
                        <IntensityValue figure=im open />
                    })}
                    <span class="muted">{move || tf("intensity-unit", &[("currency", currency.clone())])}</span>
                </div>
            }
        })}
        <div class="dash-grid">
            <section class="card">
                <h2 class="card-title">{move || t("inventory-by-scope")}</h2>
                <BarChart bars=Signal::derive(scope_bars) open id="chart-scopes" />
            </section>
            <section class="card">
                <h2 class="card-title">{move || t("inventory-by-source")}</h2>
                <BarChart bars=Signal::derive(source_bars) open id="chart-sources" />
            </section>
        </div>
        {has_months.then(|| view! {
            <section class="card">
                <h2 class="card-title">{move || t("inventory-by-month")}</h2>
                <ColumnChart columns=Signal::derive(month_columns) open id="chart-months" />
                <div class="legend">
                    <span class="legend-item"><span class="swatch seg-scope1"></span>{move || t("scope-1")}</span>
                    <span class="legend-item"><span class="swatch seg-scope2"></span>{move || t("scope-2-location")}</span>
                    <span class="legend-item"><span class="swatch seg-scope3"></span>{move || t("scope-3")}</span>
                </div>
            </section>
        })}
        <div class="dash-grid">
            <section class="card" id="inventory-quality">
                <h2 class="card-title">{move || t("quality-title")}</h2>
                <dl class="summary">
                    <div class="summary-item">
                        <dt>{move || t("quality-primary-share")}</dt>
                        <dd>{move || match primary_share {
                            Some(s) => format::percent(i18n.lang(), s),
                            None => "–".to_string(),
                        }}</dd>
                    </div>
                    <div class="summary-item">
                        <dt>{move || t("quality-default-lines")}</dt>
                        <dd>{move || default_lines.map(|(d, l)| tf("quality-lines-of", &[("count", format::count(i18n.lang(), d)), ("total", format::count(i18n.lang(), l))])).unwrap_or_default()}</dd>
                    </div>
                </dl>
                <p class="section-note">{move || t("quality-note")}</p>
                <ul class="flag-list">
                    {flags.into_iter().map(|(k, c)| {
                        let key = labels::flag_kind_key(&k);
                        view! { <li data-flag=k.clone()>{move || tf(&key, &[("count", format::count(i18n.lang(), c))])}</li> }
                    }).collect_view()}
                </ul>
            </section>
            {(!cats.is_empty()).then(|| view! {
                <section class="card" id="inventory-scope3">
                    <h2 class="card-title">{move || t("inventory-scope3-categories")}</h2>
                    <table class="data-table">
                        <tbody>
                            {cats.into_iter().map(|(c, f)| view! {
                                <tr>
                                    <td>{move || labels::scope3_category(c)}</td>
                                    <td class="num"><FigureButton figure=f open /></td>
                                </tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                </section>
            })}
        </div>
        {show_sites.then(|| view! {
            <section class="card" id="inventory-sites">
                <h2 class="card-title">{move || t("inventory-by-site")}</h2>
                <div class="table-scroll">
                    <table class="data-table">
                        <thead>
                            <tr>
                                <th>{move || t("col-site")}</th>
                                <th class="num">{move || t("scope-1")}</th>
                                <th class="num">{move || t("scope-2-location")}</th>
                                <th class="num">{move || t("scope-2-market")}</th>
                                <th class="num">{move || t("scope-3")}</th>
                                <th class="num">{move || t("total-location")}</th>
                            </tr>
                        </thead>
                        <tbody>
                            {sites.into_iter().map(|s| view! {
                                <tr>
                                    <td dir="auto">{s.site.clone()}</td>
                                    <td class="num"><FigureButton figure=s.totals.scope1.clone() open /></td>
                                    <td class="num"><FigureButton figure=s.totals.scope2_location.clone() open /></td>
                                    <td class="num"><FigureButton figure=s.totals.scope2_market.clone() open /></td>
                                    <td class="num"><FigureButton figure=s.totals.scope3.clone() open /></td>
                                    <td class="num"><FigureButton figure=s.totals.total_location.clone() open /></td>
                                </tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                </div>
            </section>
        })}
    }
    .into_any()
}

#[component]
fn IntensityValue(
    figure: Figure,
    open: impl Fn(String) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let i18n = use_app().i18n;
    let id = figure.id.clone();
    let value = figure.value;
    view! {
        <button type="button" class="figure-link" data-result=id.clone() on:click=move |_| open(id.clone())>
            // Per million of the currency: tonnes per unit of revenue are too small to read.
            <span dir="ltr">{move || format::number(i18n.lang(), &athar_inventory::display(value * rust_decimal::Decimal::from(1_000_000), 3).normalize().to_string())}</span>
        </button>
    }
}

/// The explanation drawer; also opened from the sustainability report's computed figures.
#[component]
pub fn ExplainPanel(
    explain: ExplainState,
    open: impl Fn(String) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let i18n = use_app().i18n;
    let close = move |_| {
        explain.view.set(None);
        explain.trail.set(Vec::new());
    };
    view! {
        <Show when=move || explain.view.with(Option::is_some)>
            <div class="drawer-backdrop" on:click=close></div>
            <aside id="explain-panel" class="drawer" role="dialog" aria-modal="true" aria-labelledby="explain-title">
                {move || explain.view.get().map(|v| {
                    let node = v.node.clone();
                    let title = labels::node_title(&node);
                    let value = node.value;
                    let unit = node.unit.to_string();
                    let period = node.period;
                    let formula_sym = node.formula.symbolic.to_string();
                    let formula_sub = node.formula.substituted.clone();
                    let flags = node.flags.clone();
                    let share = node.quality.primary_share(node.value);
                    let trail = explain.trail.get();
                    let sources = v.sources.clone();
                    let more = v.children_total.saturating_sub(v.children.len() as u64);
                    view! {
                        <div class="drawer-head">
                            <nav class="breadcrumb" aria-label=move || t("explain-trail")>
                                {trail.iter().enumerate().map(|(i, id)| {
                                    let id2 = id.clone();
                                    let last = i + 1 == trail.len();
                                    view! {
                                        {(i > 0).then(|| view! { <span class="crumb-sep" aria-hidden="true">"›"</span> })}
                                        <button type="button" class="crumb" dir="ltr" prop:disabled=last on:click=move |_| open(id2.clone())>
                                            {id.clone()}
                                        </button>
                                    }
                                }).collect_view()}
                            </nav>
                            <button type="button" class="btn btn-ghost" id="explain-close" aria-label=move || t("explain-close") on:click=close>
                                <crate::components::icons::CloseIcon />
                            </button>
                        </div>
                        <h2 id="explain-title" class="drawer-title" tabindex="-1">{title}</h2>
                        <p class="explain-value">
                            <span dir="ltr" id="explain-value">{move || format::number(i18n.lang(), &athar_inventory::display(value, 6).normalize().to_string())}</span>
                            " "
                            <span dir="ltr">{unit.clone()}</span>
                        </p>
                        <p class="muted">{move || format!("{} – {}", format::date(i18n.lang(), &period.from.to_string()), format::date(i18n.lang(), &period.to.to_string()))}</p>
                        <h3 class="section-title">{move || t("explain-formula")}</h3>
                        <pre class="formula" dir="ltr" id="explain-formula">{formula_sym}"\n"{formula_sub}</pre>
                        {share.map(|s| view! { <p class="muted">{move || tf("explain-primary-share", &[("share", format::percent(i18n.lang(), s))])}</p> })}
                        {(!flags.is_empty()).then(|| view! {
                            <h3 class="section-title">{move || t("explain-flags")}</h3>
                            <ul class="flag-list">
                                {flags.iter().map(|f| { let f = f.clone(); view! { <li class="flag">{move || labels::flag_text(&f)}</li> } }).collect_view()}
                            </ul>
                        })}
                        {(!v.entries.is_empty()).then(|| { let entries = v.entries.clone(); view! {
                            <h3 class="section-title">{move || t("explain-entries")}</h3>
                            <table class="data-table" id="explain-entries">
                                <tbody>
                                    {entries.into_iter().map(|e| {
                                        let amount = e.amount.clone();
                                        let origin = e.origin.clone();
                                        let src = sources.get(&e.id).cloned().unwrap_or_default();
                                        let ev = e.evidence.clone();
                                        let p = e.period;
                                        view! {
                                            <tr>
                                                <td class="mono" dir="ltr">{e.id.clone()}</td>
                                                <td dir="auto">{e.site.clone()}</td>
                                                <td class="nowrap">{move || format!("{} – {}", format::date(i18n.lang(), &p.from.to_string()), format::date(i18n.lang(), &p.to.to_string()))}</td>
                                                <td class="num" dir="ltr">{move || labels::amount(i18n.lang(), &amount)}</td>
                                                <td>{move || labels::origin_label(&origin, &src)}</td>
                                                <td>{ev.map(|ev| { let doc = ev.document_id.clone(); let page = ev.page; view! { <span class="muted">{move || match page { Some(p) => tf("explain-evidence-page", &[("doc", doc.clone()), ("page", p.to_string())]), None => tf("explain-evidence", &[("doc", doc.clone())]) }}</span> } })}</td>
                                            </tr>
                                        }
                                    }).collect_view()}
                                </tbody>
                            </table>
                        }})}
                        {(!v.factors.is_empty()).then(|| { let factors = v.factors.clone(); view! {
                            <h3 class="section-title">{move || t("explain-factors")}</h3>
                            <table class="data-table" id="explain-factors">
                                <tbody>
                                    {factors.into_iter().map(|f| view! {
                                        <tr class="factor-row">
                                            <td class="mono" dir="ltr">{f.key()}</td>
                                            <td class="num" dir="ltr">{format!("{} {}", f.value.normalize(), f.unit)}</td>
                                            <td dir="auto">{f.source.clone()}<br/><span class="muted">{f.source_ref.clone()}</span></td>
                                            <td class="muted" dir="auto">{f.licence.clone()}</td>
                                        </tr>
                                    }).collect_view()}
                                </tbody>
                            </table>
                        }})}
                        {(!v.children.is_empty()).then(|| { let children = v.children.clone(); view! {
                            <h3 class="section-title">{move || t("explain-children")}</h3>
                            <ul class="child-list" id="explain-children">
                                {children.into_iter().map(|c| {
                                    let id = c.id.clone();
                                    let value = c.value;
                                    let flagged = !c.flags.is_empty();
                                    view! {
                                        <li>
                                            <button type="button" class="child-link" data-result=id.clone() on:click=move |_| open(id.clone())>
                                                <span class="child-name">
                                                    <span>{ { let id = c.id.clone(); move || labels::result_label(i18n.lang(), &id) } }</span>
                                                    <span class="mono muted" dir="ltr">{c.id.clone()}</span>
                                                </span>
                                                <span class="child-value" dir="ltr">{move || labels::tonnes(i18n.lang(), value)}</span>
                                                {flagged.then(|| view! { <span class="badge badge-warn">{move || t("explain-flagged")}</span> })}
                                            </button>
                                        </li>
                                    }
                                }).collect_view()}
                            </ul>
                            {(more > 0).then(|| view! { <p class="field-hint">{move || tf("explain-more-children", &[("count", format::count(i18n.lang(), more))])}</p> })}
                        }})}
                    }
                })}
            </aside>
        </Show>
    }
}
