//! The report's other views: what is still missing and which "If applicable" questions await
//! a yes or no; the ESRS E1 view; the report's details (identifier, currency, period, GHG
//! target); importing an EFRAG template; and the export, one file at a time with progress.

use std::str::FromStr;

use athar_domain::numerals::{normalize_number, to_ascii_digits};
use athar_domain::FieldError;
use athar_protocol::vsme::{
    SaveVsmeSettingsArgs, VsmeAnswerArgs, VsmeExportArgs, VsmeExportItem, VsmeImportArgs,
    VsmeImportReport, VsmeMissing, VsmeSettings,
};
use athar_protocol::{
    AnswerVsmeGroup, ExportVsme, ImportVsmeTemplate, Lang, NoArgs, PickVsmeFolder,
    PickVsmeWorkbook, SaveVsmeSettings, UiError,
};
use leptos::prelude::*;
use leptos::task::spawn_local;
use rust_decimal::Decimal;

use crate::app::use_app;
use crate::components::field::{Errors, Field, TextInput};
use crate::components::selects::CurrencySelect;
use crate::format;
use crate::i18n::{t, tf};
use crate::screens::vsme::{dom_id, use_vsme, VsmeTab};
use crate::screens::vsme_fields::member_label;

#[component]
pub fn CompletenessPanel() -> impl IntoView {
    let vctx = use_vsme();
    let app = use_app();
    let i18n = app.i18n;
    let answer = move |group: String, applies: Option<bool>| {
        spawn_local(async move {
            if let Ok(s) = app
                .invoke::<AnswerVsmeGroup>(VsmeAnswerArgs { group, applies })
                .await
            {
                vctx.set_state(s);
            }
        });
    };
    let go = move |m: VsmeMissing| {
        let module = vctx
            .model
            .with_value(|x| x.datapoint(&m.concept).and_then(|d| d.module.clone()))
            .unwrap_or_else(|| "general".into());
        vctx.module.set(module);
        vctx.tab.set(VsmeTab::Report);
        let key = athar_protocol::vsme::fact_key(&m.concept, &Default::default());
        let id = dom_id(&key);
        request_animation_frame(move || {
            if let Some(el) = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.get_element_by_id(&id))
            {
                el.scroll_into_view();
            }
        });
    };
    let missing_list = move |list: Vec<VsmeMissing>, id: &'static str| {
        view! {
            <ul class="vsme-missing" id=id>
                {list.into_iter().map(|m| {
                    let label = m.label_key.clone();
                    let member = m.member.clone();
                    let m2 = m.clone();
                    view! {
                        <li data-concept=m.concept.clone()>
                            <button type="button" class="link-button" on:click=move |_| go(m2.clone())>{move || t(&label)}</button>
                            {member.clone().map(|q| view! { " " <span class="muted">{move || vctx.model.with_value(|x| member_label(x, i18n.lang(), &q))}</span> })}
                        </li>
                    }
                }).collect_view()}
            </ul>
        }
    };
    view! {
        {move || vctx.state.get().map(|s| {
            let c = s.completeness.clone();
            let answered: Vec<(String, bool)> = s.answers.clone().into_iter().collect();
            view! {
                <section class="card" id="vsme-questions">
                    <h2 class="card-title">{move || t("vsme-questions-title")}</h2>
                    <p class="section-note">{move || t("vsme-questions-note")}</p>
                    {c.needs_answer.is_empty().then(|| view! { <p class="empty-note">{move || t("vsme-questions-none")}</p> })}
                    <ul class="vsme-question-list">
                        {c.needs_answer.clone().into_iter().map(|q| {
                            let g1 = q.group.clone();
                            let g2 = q.group.clone();
                            let heading = q.group_key.clone();
                            let question = q.question_key.clone();
                            view! {
                                <li class="vsme-question" data-group=q.group.clone()>
                                    <span class="field-label">{move || t(&heading)}</span>
                                    {question.map(|k| view! { <span>{move || t(&k)}</span> })}
                                    <span class="inline-row">
                                        <button type="button" class="btn btn-small vsme-answer-yes" on:click=move |_| answer(g1.clone(), Some(true))>{move || t("vsme-yes")}</button>
                                        <button type="button" class="btn btn-small vsme-answer-no" on:click=move |_| answer(g2.clone(), Some(false))>{move || t("vsme-no")}</button>
                                    </span>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                    {(!answered.is_empty()).then(|| view! {
                        <h3 class="section-title">{move || t("vsme-answered")}</h3>
                        <ul class="vsme-question-list" id="vsme-answered">
                            {answered.into_iter().map(|(g, yes)| {
                                let key = vctx.model.with_value(|m| m.groups.iter().find(|x| x.id == g).map(|x| x.key.clone())).unwrap_or_default();
                                let g2 = g.clone();
                                view! {
                                    <li data-group=g.clone()>
                                        <span>{move || t(&key)}</span>
                                        ": "
                                        <strong>{move || t(if yes { "vsme-yes" } else { "vsme-no" })}</strong>
                                        " "
                                        <button type="button" class="btn btn-small btn-ghost vsme-answer-clear" on:click=move |_| answer(g2.clone(), None)>{move || t("vsme-answer-change")}</button>
                                    </li>
                                }
                            }).collect_view()}
                        </ul>
                    })}
                </section>
                <section class="card">
                    <h2 class="card-title">{let n = c.missing_always.len() as u64; move || tf("vsme-missing-always", &[("count", format::count(i18n.lang(), n))])}</h2>
                    {missing_list(c.missing_always.clone(), "vsme-missing-always")}
                </section>
                {(!c.missing_applicable.is_empty()).then(|| view! {
                    <section class="card">
                        <h2 class="card-title">{let n = c.missing_applicable.len() as u64; move || tf("vsme-missing-applicable", &[("count", format::count(i18n.lang(), n))])}</h2>
                        {missing_list(c.missing_applicable.clone(), "vsme-missing-applicable")}
                    </section>
                })}
            }
        })}
    }
}

#[component]
pub fn E1Panel() -> impl IntoView {
    let vctx = use_vsme();
    let i18n = use_app().i18n;
    view! {
        {move || vctx.state.get().map(|s| {
            let e1 = s.e1.clone();
            let grid = e1.grid_mix_unknown;
            view! {
                <section class="card" id="vsme-e1">
                    <h2 class="card-title">{move || t("vsme-pdf-e1-heading")}</h2>
                    <p class="section-note">{move || t("vsme-pdf-e1-intro")}</p>
                    {["E1-5", "E1-6"].into_iter().map(|d| {
                        let title = if d == "E1-5" { "vsme-e1-title-e1-5" } else { "vsme-e1-title-e1-6" };
                        let lines: Vec<_> = e1.lines.iter().filter(|l| l.disclosure == d).cloned().collect();
                        view! {
                            <h3 class="section-title">{move || t(title)}</h3>
                            <div class="table-scroll">
                                <table class="data-table vsme-e1-table" data-disclosure=d>
                                    <thead>
                                        <tr>
                                            <th>{move || t("vsme-pdf-col-line")}</th>
                                            <th>{move || t("vsme-pdf-col-concept")}</th>
                                            <th class="num">{move || t("vsme-pdf-col-value")}</th>
                                            <th>{move || t("vsme-pdf-col-unit")}</th>
                                        </tr>
                                    </thead>
                                    <tbody>
                                        {lines.into_iter().map(|l| {
                                            let key = l.key.clone();
                                            let value = l.value;
                                            view! {
                                                <tr data-concept=l.esrs_concept.clone()>
                                                    <td>{move || t(&key)}</td>
                                                    <td class="mono muted" dir="ltr">{l.esrs_concept.clone()}</td>
                                                    <td class="num" dir="ltr">{move || match value {
                                                        Some(v) => format::number(i18n.lang(), &v.to_string()),
                                                        None => t("vsme-pdf-not-reported"),
                                                    }}</td>
                                                    <td dir="ltr">{l.unit.clone()}</td>
                                                </tr>
                                            }
                                        }).collect_view()}
                                    </tbody>
                                </table>
                            </div>
                        }
                    }).collect_view()}
                    {grid.then(|| view! { <p class="section-note">{move || t("vsme-e1-note-grid-mix")}</p> })}
                </section>
            }
        })}
    }
}

/// The report's settings form, as typed.
#[derive(Clone, Copy)]
struct DetailsDraft {
    entity_name: RwSignal<String>,
    scheme: RwSignal<String>,
    identifier: RwSignal<String>,
    currency: RwSignal<String>,
    start: RwSignal<String>,
    end: RwSignal<String>,
    base_year: RwSignal<String>,
    target_year: RwSignal<String>,
    scope12: RwSignal<String>,
    scope3: RwSignal<String>,
}

fn percent_text(d: Option<Decimal>) -> String {
    d.map(|d| (d * Decimal::ONE_HUNDRED).normalize().to_string())
        .unwrap_or_default()
}

impl DetailsDraft {
    fn new(s: &VsmeSettings, default_currency: &str) -> Self {
        let r = |v: &str| RwSignal::new(v.to_string());
        let y = |v: Option<i32>| RwSignal::new(v.map(|v| v.to_string()).unwrap_or_default());
        DetailsDraft {
            entity_name: r(&s.entity_name),
            scheme: r(&s.entity_scheme),
            identifier: r(&s.entity_identifier),
            currency: r(if s.currency.is_empty() {
                default_currency
            } else {
                &s.currency
            }),
            start: r(&s.period_start),
            end: r(&s.period_end),
            base_year: y(s.target_base_year),
            target_year: y(s.target_year),
            scope12: RwSignal::new(percent_text(s.scope12_reduction)),
            scope3: RwSignal::new(percent_text(s.scope3_reduction)),
        }
    }

    fn build(&self) -> Result<VsmeSettings, Vec<FieldError>> {
        let mut errs = Vec::new();
        let year = |s: RwSignal<String>, field: &str, errs: &mut Vec<FieldError>| {
            let t = to_ascii_digits(s.get_untracked().trim());
            if t.is_empty() {
                return None;
            }
            match t.parse::<i32>() {
                Ok(y) => Some(y),
                Err(_) => {
                    errs.push(FieldError::new(field, "v-vsme-year"));
                    None
                }
            }
        };
        let pct = |s: RwSignal<String>, field: &str, errs: &mut Vec<FieldError>| {
            let t = normalize_number(&s.get_untracked());
            if t.is_empty() {
                return None;
            }
            match Decimal::from_str(&t) {
                Ok(v) => Some((v / Decimal::ONE_HUNDRED).normalize()),
                Err(_) => {
                    errs.push(FieldError::new(field, "v-number"));
                    None
                }
            }
        };
        let out = VsmeSettings {
            entity_name: self.entity_name.get_untracked(),
            entity_scheme: self.scheme.get_untracked(),
            entity_identifier: self.identifier.get_untracked(),
            currency: self.currency.get_untracked(),
            period_start: self.start.get_untracked(),
            period_end: self.end.get_untracked(),
            target_base_year: year(self.base_year, "settings.target_base_year", &mut errs),
            target_year: year(self.target_year, "settings.target_year", &mut errs),
            scope12_reduction: pct(self.scope12, "settings.scope12_reduction", &mut errs),
            scope3_reduction: pct(self.scope3, "settings.scope3_reduction", &mut errs),
        };
        if errs.is_empty() {
            Ok(out)
        } else {
            Err(errs)
        }
    }
}

#[component]
pub fn DetailsPanel() -> impl IntoView {
    let vctx = use_vsme();
    let app = use_app();
    let default_currency = vctx
        .state
        .with_untracked(|s| s.as_ref().map(|s| s.currency.clone()))
        .unwrap_or_else(|| "EUR".into());
    let settings = vctx
        .state
        .with_untracked(|s| s.as_ref().map(|s| s.settings.clone()))
        .unwrap_or_default();
    let draft = DetailsDraft::new(&settings, &default_currency);
    let errors: Errors = RwSignal::new(Vec::new());
    let saved = RwSignal::new(false);
    let schemes = vctx.model.with_value(|m| m.schemes.clone());
    let save = move || {
        saved.set(false);
        match draft.build() {
            Err(e) => errors.set(e),
            Ok(settings) => spawn_local(async move {
                match app
                    .invoke::<SaveVsmeSettings>(SaveVsmeSettingsArgs { settings })
                    .await
                {
                    Ok(s) => {
                        vctx.set_state(s);
                        errors.set(Vec::new());
                        saved.set(true);
                    }
                    Err(e) => errors.set(e.fields),
                }
            }),
        }
    };
    view! {
        <form id="vsme-details" class="card form-section stack" novalidate on:submit=move |ev| { ev.prevent_default(); save(); }>
            <h2 class="card-title">{move || t("vsme-details-title")}</h2>
            <p class="section-note">{move || t("vsme-details-note")}</p>
            <div class="field-grid three">
                <Field label="vsme-field-entity-name" field="settings.entity_name" errors input_id="vsme-entity-name" hint="vsme-field-entity-name-hint">
                    <TextInput value=draft.entity_name errors field="settings.entity_name" {..} id="vsme-entity-name" type="text" dir="auto" />
                </Field>
                <Field label="vsme-field-scheme" field="settings.entity_scheme" errors input_id="vsme-scheme">
                    <select id="vsme-scheme" class="input select" on:change=move |ev| draft.scheme.set(event_target_value(&ev))>
                        <option value="" selected=move || draft.scheme.get().is_empty()>{move || t("vsme-choose")}</option>
                        {schemes.into_iter().map(|s| {
                            let s2 = s.clone();
                            view! { <option value=s.clone() selected=move || draft.scheme.get() == s2>{s.to_uppercase()}</option> }
                        }).collect_view()}
                    </select>
                </Field>
                <Field label="vsme-field-identifier" field="settings.entity_identifier" errors input_id="vsme-identifier">
                    <TextInput value=draft.identifier errors field="settings.entity_identifier" {..} id="vsme-identifier" type="text" dir="ltr" />
                </Field>
            </div>
            <div class="field-grid three">
                <Field label="vsme-field-currency" field="settings.currency" errors input_id="vsme-currency">
                    <CurrencySelect value=draft.currency errors field="settings.currency" {..} id="vsme-currency" />
                </Field>
                <Field label="vsme-field-period-start" field="settings.period_start" errors input_id="vsme-period-start" hint="vsme-field-date-hint">
                    <TextInput value=draft.start errors field="settings.period_start" {..} id="vsme-period-start" type="text" dir="ltr" placeholder="2026-01-01" />
                </Field>
                <Field label="vsme-field-period-end" field="settings.period_end" errors input_id="vsme-period-end">
                    <TextInput value=draft.end errors field="settings.period_end" {..} id="vsme-period-end" type="text" dir="ltr" placeholder="2026-12-31" />
                </Field>
            </div>
            <h3 class="section-title">{move || t("vsme-target-title")}</h3>
            <p class="section-note">{move || t("vsme-target-note")}</p>
            <div class="field-grid two">
                <Field label="vsme-field-base-year" field="settings.target_base_year" errors input_id="vsme-base-year">
                    <TextInput value=draft.base_year errors field="settings.target_base_year" {..} id="vsme-base-year" type="text" dir="ltr" inputmode="numeric" />
                </Field>
                <Field label="vsme-field-target-year" field="settings.target_year" errors input_id="vsme-target-year">
                    <TextInput value=draft.target_year errors field="settings.target_year" {..} id="vsme-target-year" type="text" dir="ltr" inputmode="numeric" />
                </Field>
                <Field label="vsme-field-scope12" field="settings.scope12_reduction" errors input_id="vsme-scope12">
                    <TextInput value=draft.scope12 errors field="settings.scope12_reduction" {..} id="vsme-scope12" type="text" dir="ltr" inputmode="decimal" />
                </Field>
                <Field label="vsme-field-scope3" field="settings.scope3_reduction" errors input_id="vsme-scope3">
                    <TextInput value=draft.scope3 errors field="settings.scope3_reduction" {..} id="vsme-scope3" type="text" dir="ltr" inputmode="decimal" />
                </Field>
            </div>
            <div class="form-actions">
                <Show when=move || saved.get()>
                    <span class="save-status" id="vsme-details-saved">{move || t("vsme-saved")}</span>
                </Show>
                <button type="submit" class="btn btn-primary" id="vsme-details-save">{move || t("action-save")}</button>
            </div>
        </form>
    }
}

#[component]
pub fn ImportPanel() -> impl IntoView {
    let vctx = use_vsme();
    let app = use_app();
    let i18n = app.i18n;
    let path = RwSignal::new(String::new());
    let busy = RwSignal::new(false);
    let report = RwSignal::new(None::<VsmeImportReport>);
    let browse = move |_| {
        spawn_local(async move {
            if let Ok(Some(p)) = app.invoke::<PickVsmeWorkbook>(NoArgs {}).await {
                path.set(p);
            }
        });
    };
    let run = move || {
        let p = path.get_untracked();
        if p.trim().is_empty() {
            return;
        }
        busy.set(true);
        report.set(None);
        spawn_local(async move {
            let r = app
                .invoke::<ImportVsmeTemplate>(VsmeImportArgs { path: p })
                .await;
            busy.set(false);
            if let Ok(r) = r {
                vctx.set_state(r.state.clone());
                report.set(Some(r));
            }
        });
    };
    view! {
        <form class="card form-section stack" id="vsme-import" on:submit=move |ev| { ev.prevent_default(); run(); }>
            <h2 class="card-title">{move || t("vsme-import-title")}</h2>
            <p class="section-note">{move || t("vsme-import-note")}</p>
            <div class="inline-row">
                <input id="vsme-import-path" class="input filter-grow" type="text" dir="ltr" placeholder=move || t("vsme-path-placeholder") prop:value=move || path.get() on:input=move |ev| path.set(event_target_value(&ev)) />
                <button type="button" class="btn" on:click=browse>{move || t("vsme-browse")}</button>
                <button type="submit" class="btn btn-primary" id="vsme-import-run" prop:disabled=move || busy.get()>{move || t("vsme-import-run")}</button>
            </div>
            <Show when=move || busy.get()>
                <p class="loading" role="status">{move || t("vsme-importing")}</p>
            </Show>
            {move || report.get().map(|r| {
                let messages = r.messages.clone();
                view! {
                    <div id="vsme-import-report" role="status">
                        <p>{move || tf("vsme-import-done", &[
                            ("file", r.file_name.clone()),
                            ("version", r.version.clone().unwrap_or_default()),
                            ("facts", format::count(i18n.lang(), r.facts)),
                            ("inserted", format::count(i18n.lang(), r.inserted)),
                            ("updated", format::count(i18n.lang(), r.updated)),
                            ("removed", format::count(i18n.lang(), r.removed)),
                        ])}</p>
                        {(!messages.is_empty()).then(|| view! {
                            <ul class="problem-list vsme-import-messages">
                                {messages.into_iter().map(|m| {
                                    let e: UiError = m.message.clone();
                                    let sev = format!("{:?}", m.severity).to_lowercase();
                                    view! {
                                        <li data-severity=sev>
                                            {m.cell.clone().map(|c| view! { <span class="mono muted" dir="ltr">{c}</span> " " })}
                                            {move || i18n.error(&e)}
                                        </li>
                                    }
                                }).collect_view()}
                            </ul>
                        })}
                    </div>
                }
            })}
        </form>
    }
}

/// One step of an export and how it went.
#[derive(Debug, Clone, PartialEq)]
enum StepOutcome {
    Pending,
    Done(Vec<String>),
    Failed(UiError),
}

fn item_key(item: &VsmeExportItem) -> &'static str {
    match item {
        VsmeExportItem::Template => "vsme-export-template",
        VsmeExportItem::EsrsE1 { .. } => "vsme-export-e1",
        VsmeExportItem::Pdf { .. } => "vsme-export-pdf",
        VsmeExportItem::Xbrl { .. } => "vsme-export-xbrl",
        VsmeExportItem::Mail { .. } => "vsme-export-mail",
    }
}

#[component]
pub fn ExportPanel() -> impl IntoView {
    let app = use_app();
    let i18n = app.i18n;
    let dir = RwSignal::new(app.default_dir.get_untracked());
    let lang = RwSignal::new(i18n.lang.get_untracked());
    let want = [
        RwSignal::new(true),
        RwSignal::new(true),
        RwSignal::new(true),
        RwSignal::new(true),
    ];
    let customers: Vec<(String, String)> = app
        .open
        .with_untracked(|o| {
            o.as_ref().map(|c| {
                c.data
                    .customers
                    .iter()
                    .filter(|c| athar_domain::codes::is_eu_member(&c.country))
                    .map(|c| (c.name.clone(), c.email.clone()))
                    .collect()
            })
        })
        .unwrap_or_default();
    let chosen_customers = RwSignal::new(Vec::<String>::new());
    let steps = RwSignal::new(Vec::<(VsmeExportItem, StepOutcome)>::new());
    let running = RwSignal::new(false);
    let browse = move |_| {
        spawn_local(async move {
            if let Ok(Some(p)) = app.invoke::<PickVsmeFolder>(NoArgs {}).await {
                dir.set(p);
            }
        });
    };
    let run = move || {
        let l = lang.get_untracked();
        let mut items = Vec::new();
        for (i, item) in [
            VsmeExportItem::Template,
            VsmeExportItem::EsrsE1 { lang: l },
            VsmeExportItem::Pdf { lang: l },
            VsmeExportItem::Xbrl { lang: l },
        ]
        .into_iter()
        .enumerate()
        {
            if want[i].get_untracked() {
                items.push(item);
            }
        }
        for c in chosen_customers.get_untracked() {
            items.push(VsmeExportItem::Mail {
                customer: c,
                lang: l,
            });
        }
        if items.is_empty() {
            return;
        }
        steps.set(
            items
                .iter()
                .cloned()
                .map(|i| (i, StepOutcome::Pending))
                .collect(),
        );
        running.set(true);
        let d = dir.get_untracked();
        spawn_local(async move {
            for (n, item) in items.into_iter().enumerate() {
                // One file at a time, so the list shows progress.
                let r = crate::ipc::call::<ExportVsme>(&VsmeExportArgs {
                    dir: d.clone(),
                    item,
                })
                .await;
                steps.update(|s| {
                    s[n].1 = match r {
                        Ok(done) => StepOutcome::Done(done.files),
                        Err(e) => StepOutcome::Failed(e),
                    }
                });
            }
            running.set(false);
        });
    };
    let done =
        move || steps.with(|s| s.iter().filter(|(_, o)| *o != StepOutcome::Pending).count() as u64);
    let total = move || steps.with(|s| s.len() as u64);
    let check = move |i: usize, id: &'static str, key: &'static str| {
        let sig = want[i];
        view! {
            <label class="check">
                <input type="checkbox" id=id prop:checked=move || sig.get() on:change=move |ev| sig.set(event_target_checked(&ev)) />
                <span>{move || t(key)}</span>
            </label>
        }
    };
    view! {
        <form class="card form-section stack" id="vsme-export" on:submit=move |ev| { ev.prevent_default(); run(); }>
            <h2 class="card-title">{move || t("vsme-export-title")}</h2>
            <p class="section-note">{move || t("vsme-export-note")}</p>
            <div class="inline-row">
                <input id="vsme-export-dir" class="input filter-grow" type="text" dir="ltr" prop:value=move || dir.get() on:input=move |ev| dir.set(event_target_value(&ev)) />
                <button type="button" class="btn" on:click=browse>{move || t("vsme-browse")}</button>
            </div>
            <label class="filter">
                <span class="field-label">{move || t("vsme-export-lang")}</span>
                <select id="vsme-export-lang" class="input select" on:change=move |ev| lang.set(if event_target_value(&ev) == "ar" { Lang::Ar } else { Lang::En })>
                    <option value="en" selected=move || lang.get() == Lang::En>"English"</option> // i18n-ok
                    <option value="ar" selected=move || lang.get() == Lang::Ar>"العربية"</option> // i18n-ok
                </select>
            </label>
            <div class="vsme-ticks">
                {check(0, "vsme-export-template", "vsme-export-template")}
                {check(1, "vsme-export-e1", "vsme-export-e1")}
                {check(2, "vsme-export-pdf", "vsme-export-pdf")}
                {check(3, "vsme-export-xbrl", "vsme-export-xbrl")}
            </div>
            <h3 class="section-title">{move || t("vsme-export-customers")}</h3>
            {customers.is_empty().then(|| view! { <p class="empty-note">{move || t("vsme-export-no-customers")}</p> })}
            <div class="vsme-ticks" id="vsme-export-customers">
                {customers.into_iter().map(|(name, email)| {
                    let n1 = name.clone();
                    let n2 = name.clone();
                    view! {
                        <label class="check">
                            <input type="checkbox" class="vsme-export-customer" value=name.clone()
                                prop:checked=move || chosen_customers.with(|c| c.contains(&n1))
                                on:change=move |ev| {
                                    let on = event_target_checked(&ev);
                                    chosen_customers.update(|c| { c.retain(|x| *x != n2); if on { c.push(n2.clone()); } });
                                } />
                            <span dir="auto">{name.clone()}</span>
                            <span class="muted" dir="ltr">{email}</span>
                        </label>
                    }
                }).collect_view()}
            </div>
            <div class="form-actions">
                <button type="submit" class="btn btn-primary" id="vsme-export-run" prop:disabled=move || running.get()>{move || t("vsme-export-run")}</button>
            </div>
            <Show when=move || { total() > 0 }>
                <div id="vsme-export-progress" role="status" data-done=move || done().to_string() data-total=move || total().to_string()>
                    <progress max=move || total().to_string() value=move || done().to_string()></progress>
                    <span>{move || tf("vsme-export-progress", &[("done", format::count(i18n.lang(), done())), ("total", format::count(i18n.lang(), total()))])}</span>
                </div>
                <ul class="vsme-export-steps" id="vsme-export-steps">
                    {move || steps.get().into_iter().map(|(item, outcome)| {
                        let key = item_key(&item);
                        let who = match &item { VsmeExportItem::Mail { customer, .. } => Some(customer.clone()), _ => None };
                        let state = match &outcome { StepOutcome::Pending => "pending", StepOutcome::Done(_) => "done", StepOutcome::Failed(_) => "failed" };
                        view! {
                            <li class="vsme-export-step" data-state=state>
                                <strong>{move || t(key)}</strong>
                                {who.map(|w| view! { " " <span dir="auto">{w}</span> })}
                                {match outcome {
                                    StepOutcome::Pending => view! { <span class="muted">{move || t("vsme-export-pending")}</span> }.into_any(),
                                    StepOutcome::Done(files) => view! {
                                        <ul class="vsme-export-files">
                                            {files.into_iter().map(|f| view! { <li class="mono vsme-export-file" dir="ltr">{f}</li> }).collect_view()}
                                        </ul>
                                    }.into_any(),
                                    StepOutcome::Failed(e) => view! { <span class="field-error">{move || i18n.error(&e)}</span> }.into_any(),
                                }}
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </Show>
        </form>
    }
}
