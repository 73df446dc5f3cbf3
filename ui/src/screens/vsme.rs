//! The sustainability report (VSME): the report's forms generated from the datapoint model,
//! its completeness, the ESRS E1 view, the report's details, import of an EFRAG template and
//! the export.
//!
//! The model comes from the shell once (`GetVsmeModel`) and the report's state after every
//! change (`GetVsmeState` and the commands that change it return it). Forms are built once
//! from the model; each input reads its fact from the state reactively, so saving a field does
//! not rebuild the form and the keyboard focus stays where the user is.

use std::collections::BTreeMap;

use athar_domain::FieldError;
use athar_protocol::activity::ExplainArgs;
use athar_protocol::vsme::{
    SaveVsmeFactsArgs, VsmeFact, VsmeFactInput, VsmeModel, VsmeSource, VsmeState,
};
use athar_protocol::{ExplainResult, GetVsmeModel, GetVsmeState, NoArgs, SaveVsmeFacts};
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::app::{use_app, AppCtx};
use crate::format;
use crate::i18n::{t, tf};
use crate::screens::inventory::{ExplainPanel, ExplainState};
use crate::screens::vsme_fields::{BasisChoice, SectionsView};
use crate::screens::vsme_panels::{
    CompletenessPanel, DetailsPanel, E1Panel, ExportPanel, ImportPanel,
};

/// What the report's components share.
#[derive(Clone, Copy)]
pub struct VsmeCtx {
    pub model: StoredValue<VsmeModel>,
    pub state: RwSignal<Option<VsmeState>>,
    /// The reported facts by key.
    pub facts: Memo<BTreeMap<String, VsmeFact>>,
    /// Problems of the last save, by fact key (or settings field).
    pub errors: RwSignal<Vec<FieldError>>,
    pub explain: ExplainState,
    /// The sub-tab shown.
    pub tab: RwSignal<VsmeTab>,
    /// The module whose sections the report tab shows (`B1`, `C3`, `general`).
    pub module: RwSignal<String>,
    /// Kept here because the methods below may run from async tasks, where there is no
    /// reactive owner to look the context up from.
    pub app: AppCtx,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VsmeTab {
    Report,
    Completeness,
    E1,
    Details,
    Import,
    Export,
}

pub fn use_vsme() -> VsmeCtx {
    expect_context::<VsmeCtx>()
}

/// A DOM id for a fact key (`vsme:A[x=y]` → `vsme-f-vsme-A-x-y-`).
pub fn dom_id(key: &str) -> String {
    let mut s = String::from("vsme-f-");
    s.extend(
        key.chars()
            .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' }),
    );
    s
}

impl VsmeCtx {
    /// Saves form inputs; problems go beside the fields, the new state everywhere.
    pub fn save(self, inputs: Vec<VsmeFactInput>) {
        let app = self.app;
        let keys: Vec<String> = inputs
            .iter()
            .map(|i| athar_protocol::vsme::fact_key(&i.concept, &i.dimensions))
            .collect();
        spawn_local(async move {
            match app
                .invoke::<SaveVsmeFacts>(SaveVsmeFactsArgs { facts: inputs })
                .await
            {
                Ok(s) => {
                    self.state.set(Some(s));
                    self.errors
                        .update(|es| es.retain(|e| !keys.contains(&e.field)));
                }
                Err(e) => self.errors.set(e.fields),
            }
        });
    }

    pub fn set_state(self, s: VsmeState) {
        self.state.set(Some(s));
    }

    /// Opens the inventory's explanation of result `id` in the drawer.
    pub fn explain(self, id: String) {
        let app = self.app;
        let year = crate::screens::vsme_fields::year_of_result(&id)
            .or_else(|| {
                self.state
                    .with_untracked(|s| s.as_ref().and_then(|s| s.inventory_year))
            })
            .unwrap_or_else(format::this_year);
        let explain = self.explain;
        spawn_local(async move {
            let args = ExplainArgs {
                year,
                monthly: false,
                id: id.clone(),
            };
            if let Ok(v) = app.invoke::<ExplainResult>(args).await {
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
    }
}

#[component]
pub fn VsmeScreen() -> impl IntoView {
    let ctx = use_app();
    let model = RwSignal::new(None::<VsmeModel>);
    let state = RwSignal::new(None::<VsmeState>);
    spawn_local(async move {
        if let Ok(m) = ctx.invoke::<GetVsmeModel>(NoArgs {}).await {
            model.set(Some(m));
        }
        if let Ok(s) = ctx.invoke::<GetVsmeState>(NoArgs {}).await {
            state.set(Some(s));
        }
    });
    view! {
        <section id="vsme-screen" class="screen wide-screen">
            <div class="screen-head">
                <div>
                    <h1 class="screen-title">{move || t("vsme-title")}</h1>
                    <p class="screen-lead">{move || t("vsme-lead")}</p>
                </div>
            </div>
            {move || match model.get() {
                Some(m) => view! { <VsmeBody model=m state /> }.into_any(),
                None => view! { <p class="loading" role="status">{move || t("vsme-loading")}</p> }.into_any(),
            }}
        </section>
    }
}

#[component]
fn VsmeBody(model: VsmeModel, state: RwSignal<Option<VsmeState>>) -> impl IntoView {
    let facts = Memo::new(move |_| {
        state.with(|s| {
            s.as_ref()
                .map(|s| s.facts.iter().map(|f| (f.key.clone(), f.clone())).collect())
                .unwrap_or_default()
        })
    });
    let vctx = VsmeCtx {
        model: StoredValue::new(model),
        state,
        facts,
        errors: RwSignal::new(Vec::new()),
        explain: ExplainState {
            trail: RwSignal::new(Vec::new()),
            view: RwSignal::new(None),
        },
        tab: RwSignal::new(VsmeTab::Report),
        module: RwSignal::new("B1".to_string()),
        app: use_app(),
    };
    provide_context(vctx);
    let open = move |id: String| vctx.explain(id);
    view! {
        <Summary />
        {crate::screens::sub_tabs(vctx.tab, &[
            (VsmeTab::Report, "vsme-tab-report", "vsme-tab-report"),
            (VsmeTab::Completeness, "vsme-tab-completeness", "vsme-tab-completeness"),
            (VsmeTab::E1, "vsme-tab-e1", "vsme-tab-e1"),
            (VsmeTab::Details, "vsme-tab-details", "vsme-tab-details"),
            (VsmeTab::Import, "vsme-tab-import", "vsme-tab-import"),
            (VsmeTab::Export, "vsme-tab-export", "vsme-tab-export"),
        ])}
        {move || match vctx.tab.get() {
            VsmeTab::Report => view! { <BasisChoice /> <SectionsView /> }.into_any(),
            VsmeTab::Completeness => view! { <CompletenessPanel /> }.into_any(),
            VsmeTab::E1 => view! { <E1Panel /> }.into_any(),
            VsmeTab::Details => view! { <DetailsPanel /> }.into_any(),
            VsmeTab::Import => view! { <ImportPanel /> }.into_any(),
            VsmeTab::Export => view! { <ExportPanel /> }.into_any(),
        }}
        <ExplainPanel explain=vctx.explain open />
    }
}

/// The report in one line: for whom, which period, how complete; and what could not be
/// computed.
#[component]
fn Summary() -> impl IntoView {
    let vctx = use_vsme();
    let i18n = use_app().i18n;
    view! {
        {move || vctx.state.get().map(|s| {
            let c = s.completeness.clone();
            let missing = (c.missing_always.len() + c.missing_applicable.len()) as u64;
            let questions = c.needs_answer.len() as u64;
            let complete = c.complete;
            let period = (s.period_start.clone(), s.period_end.clone());
            let problems = s.problems.clone();
            let imported = s.imported.clone();
            let inventory_year = s.inventory_year;
            view! {
                <div class="card vsme-summary" id="vsme-summary">
                    <div class="vsme-summary-main">
                        <span class="vsme-entity" dir="auto">{s.entity_name.clone()}</span>
                        {(!period.0.is_empty()).then(|| { let p = period.clone(); view! {
                            <span class="muted">{move || tf("vsme-period", &[("start", format::date(i18n.lang(), &p.0)), ("end", format::date(i18n.lang(), &p.1))])}</span>
                        }})}
                        <span
                            id="vsme-completeness-summary"
                            class="badge"
                            class:badge-warn=!complete
                            data-missing=missing.to_string()
                            data-questions=questions.to_string()
                        >
                            {move || if complete {
                                t("vsme-complete")
                            } else {
                                tf("vsme-incomplete", &[("missing", format::count(i18n.lang(), missing)), ("questions", format::count(i18n.lang(), questions))])
                            }}
                        </span>
                    </div>
                    <p class="section-note">
                        {move || match inventory_year {
                            Some(y) => tf("vsme-from-inventory", &[("year", format::plain(i18n.lang(), &y.to_string()))]),
                            None => t("vsme-no-inventory"),
                        }}
                        {imported.clone().map(|i| view! {
                            " "
                            <span id="vsme-imported">{move || tf("vsme-imported-from", &[("file", i.file_name.clone())])}</span>
                        })}
                    </p>
                    {(!problems.is_empty()).then(|| view! {
                        <ul class="problem-list" id="vsme-problems">
                            {problems.into_iter().map(|p| view! { <li>{move || i18n.error(&p)}</li> }).collect_view()}
                        </ul>
                    })}
                </div>
            }
        })}
    }
}

/// A short label of where a figure comes from.
pub fn source_key(s: &VsmeSource) -> &'static str {
    match s {
        VsmeSource::Profile { .. } => "vsme-source-profile",
        VsmeSource::Inventory { .. } => "vsme-source-inventory",
        VsmeSource::User => "vsme-source-user",
        VsmeSource::Template { .. } => "vsme-source-template",
        VsmeSource::Override { .. } => "vsme-source-override",
    }
}
