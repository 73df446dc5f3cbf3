//! The CBAM tab: the company's installations (imported from the Commission's communication
//! template), the selected installation's goods with their specific embedded emissions (SEE),
//! each good against the default value of the installation's country with this year's
//! mark-up and the certificate cost per tonne at the user's EU carbon price, and "explain"
//! from an SEE down to its source streams, factors and documents.
//!
//! Importing, checking a supplier's template and the export live in `cbam_panels`; the
//! shell computes everything (`GetCbamResults`, `ExplainCbamResult`), this screen only shows
//! it in the reader's language and digits.

use athar_protocol::cbam::{
    CbamCarbonPriceArgs, CbamExplainArgs, CbamExplainView, CbamIdArgs, CbamInstallationView,
    CbamOverview, CbamResultsView,
};
use athar_protocol::{
    ExplainCbamResult, GetCbamInstallation, GetCbamOverview, GetCbamResults, NewCbamInstallation,
    NoArgs, SetCbamCarbonPrice,
};
use leptos::prelude::*;
use leptos::task::spawn_local;
use rust_decimal::Decimal;

use crate::app::{use_app, AppCtx};
use crate::format;
use crate::i18n::{t, tf};
use crate::screens::cbam_panels::{CheckPanel, ExportPanel, ImportPanel};
use crate::screens::cbam_wizard::CbamWizard;

/// What the CBAM components share.
#[derive(Clone, Copy)]
pub struct CbamCtx {
    pub overview: RwSignal<Option<CbamOverview>>,
    /// The installation shown.
    pub selected: RwSignal<Option<String>>,
    pub results: RwSignal<Option<CbamResultsView>>,
    /// The explanation drawer: the node shown and the trail that led to it (node id and
    /// the Fluent key of its kind).
    pub explain: RwSignal<Option<CbamExplainView>>,
    pub trail: RwSignal<Vec<(String, String)>>,
    pub tab: RwSignal<CbamTab>,
    /// The installation open in the guided flow, if any (it replaces the tabs).
    pub editing: RwSignal<Option<CbamInstallationView>>,
    /// Kept here because the methods below run from async tasks, where there is no
    /// reactive owner to look the context up from.
    pub app: AppCtx,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CbamTab {
    Results,
    Import,
    Check,
    Export,
}

pub fn use_cbam() -> CbamCtx {
    expect_context::<CbamCtx>()
}

/// An SEE or other intensity for display: three decimals, as the template shows them.
pub fn see(v: Decimal) -> String {
    format::number(use_app().i18n.lang(), &v.round_dp(3).to_string())
}

impl CbamCtx {
    /// Reloads the list; selects `id` (or keeps the selection, or takes the first).
    pub fn reload(self, id: Option<String>) {
        let app = self.app;
        spawn_local(async move {
            if let Ok(o) = app.invoke::<GetCbamOverview>(NoArgs {}).await {
                let keep = id
                    .or_else(|| self.selected.get_untracked())
                    .filter(|s| o.installations.iter().any(|i| i.id == *s));
                let pick = keep.or_else(|| o.installations.first().map(|i| i.id.clone()));
                self.overview.set(Some(o));
                match pick {
                    Some(p) => self.select(p),
                    None => {
                        self.selected.set(None);
                        self.results.set(None);
                    }
                }
            }
        });
    }

    pub fn select(self, id: String) {
        let app = self.app;
        self.selected.set(Some(id.clone()));
        self.explain.set(None);
        self.trail.set(Vec::new());
        spawn_local(async move {
            if let Ok(r) = app.invoke::<GetCbamResults>(CbamIdArgs { id }).await {
                self.results.set(Some(r));
            }
        });
    }

    /// Opens the guided flow on installation `id`, or on a new one filled from the profile.
    pub fn edit(self, id: Option<String>) {
        let app = self.app;
        spawn_local(async move {
            let r = match id {
                Some(id) => app.invoke::<GetCbamInstallation>(CbamIdArgs { id }).await,
                None => app.invoke::<NewCbamInstallation>(NoArgs {}).await,
            };
            // On failure the error banner shows what went wrong (`AppCtx::invoke`).
            if let Ok(v) = r {
                self.explain.set(None);
                self.editing.set(Some(v));
                crate::screens::focus_later("#cbam-wizard h2");
            }
        });
    }

    /// Opens result `node` of the selected installation in the drawer.
    pub fn open(self, node: String) {
        let app = self.app;
        let Some(id) = self.selected.get_untracked() else {
            return;
        };
        spawn_local(async move {
            if let Ok(v) = app
                .invoke::<ExplainCbamResult>(CbamExplainArgs {
                    id,
                    node: node.clone(),
                })
                .await
            {
                let label = v.node.kind.key().to_string();
                self.trail.update(|tr| {
                    if let Some(pos) = tr.iter().position(|(x, _)| *x == node) {
                        tr.truncate(pos + 1);
                    } else {
                        tr.push((node, label));
                    }
                });
                self.explain.set(Some(v));
                crate::screens::focus_later("#cbam-explain-panel h2");
            }
        });
    }
}

#[component]
pub fn CbamScreen() -> impl IntoView {
    let c = CbamCtx {
        overview: RwSignal::new(None),
        selected: RwSignal::new(None),
        results: RwSignal::new(None),
        explain: RwSignal::new(None),
        trail: RwSignal::new(Vec::new()),
        tab: RwSignal::new(CbamTab::Results),
        editing: RwSignal::new(None),
        app: use_app(),
    };
    provide_context(c);
    c.reload(None);
    view! {
        <section id="cbam-screen" class="screen wide-screen">
            <div class="screen-head">
                <div>
                    <h1 class="screen-title">{move || t("cbam-ui-title")}</h1>
                    <p class="screen-lead">{move || t("cbam-ui-lead")}</p>
                </div>
            </div>
            {move || match c.editing.get() {
                Some(v) => view! { <CbamWizard start=v /> }.into_any(),
                None => view! {
                    {crate::screens::sub_tabs(c.tab, &[
                        (CbamTab::Results, "cbam-tab-results", "cbam-ui-tab-results"),
                        (CbamTab::Import, "cbam-tab-import", "cbam-ui-tab-import"),
                        (CbamTab::Check, "cbam-tab-check", "cbam-ui-tab-check"),
                        (CbamTab::Export, "cbam-tab-export", "cbam-ui-tab-export"),
                    ])}
                    {move || match c.tab.get() {
                        CbamTab::Results => view! { <Installations /> <Results /> }.into_any(),
                        CbamTab::Import => view! { <ImportPanel /> }.into_any(),
                        CbamTab::Check => view! { <CheckPanel /> }.into_any(),
                        CbamTab::Export => view! { <ExportPanel /> }.into_any(),
                    }}
                }.into_any(),
            }}
            <ExplainDrawer />
        </section>
    }
}

/// The installations and reporting periods of the company.
#[component]
fn Installations() -> impl IntoView {
    let c = use_cbam();
    let i18n = use_app().i18n;
    view! {
        <section class="card stack" id="cbam-installations">
            <h2 class="card-title">{move || t("cbam-ui-installations")}</h2>
            {move || match c.overview.get() {
                None => view! { <p class="loading" role="status">{move || t("cbam-ui-loading")}</p> }.into_any(),
                Some(o) if o.installations.is_empty() => view! {
                    <p class="muted" id="cbam-no-installations">{move || t("cbam-ui-no-installations")}</p>
                    <div class="form-actions">
                        <button type="button" class="btn btn-primary" id="cbam-new-installation" on:click=move |_| c.edit(None)>{move || t("cbam-w-new")}</button>
                        <button type="button" class="btn" on:click=move |_| c.tab.set(CbamTab::Import)>{move || t("cbam-ui-go-import")}</button>
                    </div>
                }.into_any(),
                Some(o) => view! {
                    <table class="data-table" id="cbam-installation-list">
                        <thead><tr>
                            <th>{move || t("cbam-ui-col-installation")}</th>
                            <th>{move || t("cbam-ui-col-period")}</th>
                            <th>{move || t("cbam-ui-col-source")}</th>
                            <th></th>
                        </tr></thead>
                        <tbody>
                            {o.installations.into_iter().map(|i| {
                                let id = i.id.clone();
                                let id2 = i.id.clone();
                                let id3 = i.id.clone();
                                let (start, end) = (i.period_start.clone(), i.period_end.clone());
                                let source = i.source.clone();
                                view! {
                                    <tr class="cbam-installation" data-id=i.id.clone() aria-current=move || (c.selected.get().as_deref() == Some(id.as_str())).then_some("true")>
                                        <td><bdi>{i.name_en.clone()}</bdi></td>
                                        <td>{move || tf("cbam-ui-period", &[("start", format::date(i18n.lang(), &start)), ("end", format::date(i18n.lang(), &end))])}</td>
                                        <td>{move || if source == "manual" { t("cbam-ui-source-manual") } else { source.clone() }}</td>
                                        <td><div class="form-actions">
                                            <button type="button" class="btn btn-ghost cbam-show" on:click=move |_| c.select(id2.clone())>{move || t("cbam-ui-show")}</button>
                                            <button type="button" class="btn btn-ghost cbam-edit" on:click=move |_| c.edit(Some(id3.clone()))>{move || t("cbam-w-edit")}</button>
                                        </div></td>
                                    </tr>
                                }
                            }).collect_view()}
                        </tbody>
                    </table>
                    <button type="button" class="btn" id="cbam-new-installation" on:click=move |_| c.edit(None)>{move || t("cbam-w-new")}</button>
                }.into_any(),
            }}
        </section>
    }
}

/// The selected installation's goods, totals and default-value comparison.
#[component]
fn Results() -> impl IntoView {
    let c = use_cbam();
    let i18n = use_app().i18n;
    view! {
        {move || c.results.get().map(|r| {
            let about = r.about.clone();
            let problems = r.problems.clone();
            let error = r.error.clone();
            view! {
                <section class="card stack" id="cbam-results">
                    <h2 class="card-title"><bdi>{about.name.clone()}</bdi></h2>
                    <p class="muted">{
                        let (start, end, city, country) = (about.period_start.clone(), about.period_end.clone(), about.city.clone(), about.country.clone());
                        move || tf("cbam-ui-about", &[
                            ("city", city.clone()),
                            ("country", format::country_name(i18n.lang(), &country)),
                            ("start", format::date(i18n.lang(), &start)),
                            ("end", format::date(i18n.lang(), &end)),
                        ])
                    }</p>
                    {(!problems.is_empty()).then(|| view! {
                        <p class="field-error">{move || t("cbam-ui-incomplete")}</p>
                        <ul class="problem-list" id="cbam-problems">
                            {problems.iter().map(|p| { let p = p.clone(); view! {
                                <li><span class="mono muted" dir="ltr">{p.field.clone()}</span>" "{move || i18n.field_error(&p)}</li>
                            } }).collect_view()}
                        </ul>
                    })}
                    {error.map(|e| view! { <p class="field-error" id="cbam-calc-error">{move || i18n.error(&e)}</p> })}
                    {r.figures.clone().map(|f| view! { <Goods figures=f /> })}
                </section>
                {r.figures.is_some().then(|| view! { <Comparison /> })}
            }
        })}
    }
}

#[component]
fn Goods(figures: athar_protocol::cbam::CbamFigures) -> impl IntoView {
    let c = use_cbam();
    let i18n = use_app().i18n;
    let totals = figures.installation.clone();
    view! {
        <h3 class="section-title">{move || t("cbam-ui-goods")}</h3>
        <div class="table-scroll">
        <table class="data-table" id="cbam-goods">
            <thead><tr>
                <th>{move || t("cbam-pdf-col-cn")}</th>
                <th>{move || t("cbam-pdf-col-good")}</th>
                <th>{move || t("cbam-ui-col-process")}</th>
                <th class="num">{move || t("cbam-pdf-col-direct")}</th>
                <th class="num">{move || t("cbam-pdf-col-indirect")}</th>
                <th class="num">{move || t("cbam-pdf-col-total")}</th>
                <th>{move || t("cbam-pdf-col-method")}</th>
                <th class="num">{move || t("cbam-pdf-col-default-share")}</th>
                <th></th>
            </tr></thead>
            <tbody>
                {figures.products.iter().map(|p| {
                    let p = p.clone();
                    let node = format!("product/{}/see-total", p.id);
                    let method = method_key(p.default_share);
                    let share = p.default_share;
                    let (d, ind, tot) = (p.see_direct, p.see_indirect, p.see_total);
                    view! {
                        <tr class="cbam-good" data-id=p.id.clone() data-cn=p.cn_code.clone()>
                            <td class="mono" dir="ltr">{p.cn_code.clone()}</td>
                            <td><bdi>{p.name.clone()}</bdi></td>
                            <td><bdi>{p.process_name.clone()}</bdi></td>
                            <td class="num cbam-see-direct" data-value=d.to_string()>{move || see(d)}</td>
                            <td class="num cbam-see-indirect" data-value=ind.to_string()>{move || see(ind)}</td>
                            <td class="num cbam-see-total" data-value=tot.to_string()>{move || see(tot)}</td>
                            <td>{move || t(method)}</td>
                            <td class="num">{move || format::percent(i18n.lang(), share)}</td>
                            <td><button type="button" class="btn btn-ghost cbam-explain" on:click=move |_| { c.trail.set(Vec::new()); c.open(node.clone()) }>{move || t("cbam-ui-explain")}</button></td>
                        </tr>
                    }
                }).collect_view()}
            </tbody>
        </table>
        </div>
        <p class="muted" id="cbam-unit-note">{move || t("cbam-ui-unit-note")}</p>
        <dl class="summary" id="cbam-totals">
            <div class="summary-item"><dt>{move || t("cbam-ui-total-direct")}</dt><dd>{move || crate::labels::tonnes(i18n.lang(), totals.total_direct)}</dd></div>
            <div class="summary-item"><dt>{move || t("cbam-ui-total-indirect")}</dt><dd>{move || crate::labels::tonnes(i18n.lang(), totals.total_indirect)}</dd></div>
            <div class="summary-item"><dt>{move || t("cbam-ui-total")}</dt><dd>{move || crate::labels::tonnes(i18n.lang(), totals.total)}</dd></div>
        </dl>
    }
}

/// Fluent key of how a good's SEE was obtained, from its share on default values.
fn method_key(default_share: Decimal) -> &'static str {
    if default_share.is_zero() {
        "cbam-method-actual"
    } else if default_share >= Decimal::ONE {
        "cbam-method-default"
    } else {
        "cbam-method-mixed"
    }
}

/// Each good against the default value, and the certificate cost per tonne at the EU price.
#[component]
fn Comparison() -> impl IntoView {
    let c = use_cbam();
    let app = use_app();
    let i18n = app.i18n;
    let price_text = RwSignal::new(String::new());
    let price_error = RwSignal::new(None::<String>);
    Effect::new(move |_| {
        let p = c.results.with(|r| r.as_ref().and_then(|r| r.carbon_price));
        price_text.set(p.map(|p| p.normalize().to_string()).unwrap_or_default());
    });
    let save_price = move || {
        let text = price_text.get_untracked().trim().replace(',', ".");
        let price = if text.is_empty() {
            None
        } else {
            match text.parse::<Decimal>() {
                Ok(p) => Some(p),
                Err(_) => {
                    price_error.set(Some(t("cbam-ui-price-invalid")));
                    return;
                }
            }
        };
        price_error.set(None);
        spawn_local(async move {
            if app
                .invoke::<SetCbamCarbonPrice>(CbamCarbonPriceArgs { price })
                .await
                .is_ok()
            {
                if let Some(id) = c.selected.get_untracked() {
                    c.select(id);
                }
            }
        });
    };
    view! {
        <section class="card stack" id="cbam-comparison">
            <h2 class="card-title">{move || t("cbam-pdf-defaults-heading")}</h2>
            <form class="inline-row" on:submit=move |ev| { ev.prevent_default(); save_price(); }>
                <label for="cbam-price">{move || t("cbam-ui-price")}</label>
                <input id="cbam-price" class="input" type="text" inputmode="decimal" dir="ltr" prop:value=move || price_text.get() on:input=move |ev| price_text.set(event_target_value(&ev)) />
                <span class="muted" dir="ltr">"EUR/tCO2e"</span> // i18n-ok: unit symbol
                <button type="submit" class="btn" id="cbam-price-save">{move || t("cbam-ui-price-save")}</button>
            </form>
            {move || price_error.get().map(|e| view! { <p class="field-error">{e}</p> })}
            {move || c.results.get().map(|r| {
                let priced = r.carbon_price.is_some();
                let year = r.comparison.first().map(|x| x.year);
                let markup = r.comparison.first().map(|x| x.markup_rate);
                let country = r.about.country.clone();
                let rows = r.comparison.clone();
                let names: Vec<String> = r.figures.as_ref().map(|f| f.products.iter().map(|p| p.name.clone()).collect()).unwrap_or_default();
                view! {
                    {year.zip(markup).map(|(y, m)| view! {
                        <p class="section-note" id="cbam-markup-note">{move || tf("cbam-ui-defaults-note", &[
                            ("country", format::country_name(i18n.lang(), &country)),
                            ("year", format::plain(i18n.lang(), &y.to_string())),
                            ("markup", format::percent(i18n.lang(), m)),
                        ])}</p>
                    })}
                    <div class="table-scroll">
                    <table class="data-table" id="cbam-defaults">
                        <thead><tr>
                            <th>{move || t("cbam-pdf-col-cn")}</th>
                            <th>{move || t("cbam-pdf-col-good")}</th>
                            <th class="num">{move || t("cbam-ui-col-actual")}</th>
                            <th class="num">{move || t("cbam-ui-col-default")}</th>
                            <th class="num">{move || t("cbam-pdf-col-difference")}</th>
                            {priced.then(|| view! {
                                <th class="num">{move || t("cbam-pdf-col-cost-actual")}</th>
                                <th class="num">{move || t("cbam-pdf-col-cost-default")}</th>
                            })}
                        </tr></thead>
                        <tbody>
                            {rows.into_iter().enumerate().map(|(i, x)| {
                                let name = names.get(i).cloned().unwrap_or_default();
                                let actual = x.actual_total;
                                let default = x.default.as_ref().and_then(|d| d.total_with_markup);
                                let diff = x.difference_total_with_markup;
                                let (ca, cd) = (x.cost_actual, x.cost_default);
                                let missing = x.lookup_error.clone();
                                let opt = move |v: Option<Decimal>| v.map(see).unwrap_or_else(|| "–".to_string()); // i18n-ok: dash
                                let money = move |v: Option<Decimal>| v.map(|v| format::money(i18n.lang(), &v.round_dp(2).to_string(), "EUR")).unwrap_or_else(|| "–".to_string()); // i18n-ok: dash
                                view! {
                                    <tr class="cbam-default-row" data-cn=x.cn_code.clone()>
                                        <td class="mono" dir="ltr">{x.cn_code.clone()}</td>
                                        <td><bdi>{name}</bdi>{missing.map(|e| view! { <span class="muted cbam-default-missing">" · "{move || tf(e.key(), &e.args().iter().map(|(k, v)| (k.as_str(), v.clone())).collect::<Vec<_>>())}</span> })}</td>
                                        <td class="num">{move || see(actual)}</td>
                                        <td class="num cbam-default-value">{move || opt(default)}</td>
                                        <td class="num cbam-difference">{move || opt(diff)}</td>
                                        {priced.then(|| view! {
                                            <td class="num cbam-cost-actual">{move || money(ca)}</td>
                                            <td class="num cbam-cost-default">{move || money(cd)}</td>
                                        })}
                                    </tr>
                                }
                            }).collect_view()}
                        </tbody>
                    </table>
                    </div>
                    <p class="muted">{move || t("cbam-pdf-chargeable-note")}</p>
                    {(!priced).then(|| view! { <p class="muted">{move || t("cbam-ui-no-price")}</p> })}
                }
            })}
        </section>
    }
}

/// The explanation drawer: one result node, its formula, inputs, factors, documents, flags
/// and the nodes it rests on (each can be opened in turn).
#[component]
fn ExplainDrawer() -> impl IntoView {
    let c = use_cbam();
    let i18n = use_app().i18n;
    let close = move |_| {
        c.explain.set(None);
        c.trail.set(Vec::new());
    };
    view! {
        <Show when=move || c.explain.with(Option::is_some)>
            <div class="drawer-backdrop" on:click=close></div>
            <aside id="cbam-explain-panel" class="drawer" role="dialog" aria-modal="true" aria-labelledby="cbam-explain-title">
                {move || c.explain.get().map(|v| {
                    let node = v.node.clone();
                    let value = node.value;
                    let unit = node.unit.clone();
                    let trail = c.trail.get();
                    let kind_key = node.kind.key();
                    let subject = v.subject_name.clone();
                    view! {
                        <div class="drawer-head">
                            <nav class="breadcrumb" aria-label=move || t("explain-trail")>
                                {trail.iter().enumerate().map(|(i, (id, label))| {
                                    let id2 = id.clone();
                                    let last = i + 1 == trail.len();
                                    view! {
                                        {(i > 0).then(|| view! { <span class="crumb-sep" aria-hidden="true">"›"</span> })} // i18n-ok: separator
                                        <button type="button" class="crumb" prop:disabled=last on:click=move |_| c.open(id2.clone())>{
                                            let key = label.clone();
                                            move || t(&key)
                                        }</button>
                                    }
                                }).collect_view()}
                            </nav>
                            <button type="button" class="btn btn-ghost" id="cbam-explain-close" aria-label=move || t("explain-close") on:click=close>
                                <crate::components::icons::CloseIcon />
                            </button>
                        </div>
                        <h2 id="cbam-explain-title" class="drawer-title" tabindex="-1">{move || t(kind_key)}</h2>
                        <p class="muted"><bdi>{subject.clone()}</bdi></p>
                        <p class="explain-value">
                            <span dir="ltr" id="cbam-explain-value" data-value=value.to_string()>{move || format::number(i18n.lang(), &value.round_dp(6).normalize().to_string())}</span>
                            " "
                            <span dir="ltr">{unit.clone()}</span>
                        </p>
                        <h3 class="section-title">{move || t("explain-formula")}</h3>
                        <pre class="formula" dir="ltr" id="cbam-explain-formula">{node.formula.symbolic.clone()}"\n"{node.formula.substituted.clone()}</pre>
                        {(!node.inputs.is_empty()).then(|| view! {
                            <h3 class="section-title">{move || t("cbam-ui-explain-inputs")}</h3>
                            <ul class="cbam-list mono" dir="ltr">{node.inputs.iter().map(|x| view! { <li>{x.clone()}</li> }).collect_view()}</ul>
                        })}
                        {(!node.factors.is_empty()).then(|| view! {
                            <h3 class="section-title">{move || t("cbam-ui-explain-factors")}</h3>
                            <ul class="cbam-list mono" dir="ltr">{node.factors.iter().map(|x| view! { <li>{x.clone()}</li> }).collect_view()}</ul>
                        })}
                        {(!node.evidence.is_empty()).then(|| view! {
                            <h3 class="section-title">{move || t("cbam-ui-explain-evidence")}</h3>
                            <ul class="cbam-list">{node.evidence.iter().map(|x| {
                                let id = x.document_id.clone();
                                let page = x.page;
                                view! { <li>{move || match page {
                                    Some(p) => tf("cbam-ui-evidence-page", &[("id", id.clone()), ("page", format::plain(i18n.lang(), &p.to_string()))]),
                                    None => tf("cbam-ui-evidence", &[("id", id.clone())]),
                                }}</li> }
                            }).collect_view()}</ul>
                        })}
                        {(!node.flags.is_empty()).then(|| view! {
                            <h3 class="section-title">{move || t("explain-flags")}</h3>
                            <ul class="flag-list">{node.flags.iter().map(|f| {
                                let (key, args) = (f.key(), f.args());
                                view! { <li class="flag">{move || tf(key, &args.iter().map(|(k, v)| (k.as_str(), v.clone())).collect::<Vec<_>>())}</li> }
                            }).collect_view()}</ul>
                        })}
                        {(!v.children.is_empty()).then(|| view! {
                            <h3 class="section-title">{move || t("cbam-ui-explain-children")}</h3>
                            <table class="data-table" id="cbam-explain-children">
                                <tbody>
                                    {v.children.iter().map(|ch| {
                                        let id = ch.id.clone();
                                        let key = ch.kind.key();
                                        let value = ch.value;
                                        view! {
                                            <tr class="cbam-explain-child" data-id=ch.id.clone()>
                                                <td><button type="button" class="btn btn-ghost cbam-explain-open" on:click=move |_| c.open(id.clone())>{move || t(key)}</button></td>
                                                <td><bdi>{ch.subject_name.clone()}</bdi></td>
                                                <td class="num" dir="ltr">{move || format::number(i18n.lang(), &value.round_dp(6).normalize().to_string())}" "{ch.unit.clone()}</td>
                                            </tr>
                                        }
                                    }).collect_view()}
                                </tbody>
                            </table>
                        })}
                    }
                })}
            </aside>
        </Show>
    }
}
