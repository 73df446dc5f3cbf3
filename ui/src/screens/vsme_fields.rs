//! The report's forms, generated from the datapoint model: sections in the standard's order,
//! one input per datapoint chosen by its kind (text, yes/no, number with unit, year, date,
//! options), grids for datapoints broken down by a few members, tables of rows the user adds
//! (sites, waste types, pollutants...), and the figures Athar computes shown read-only with
//! "explain" and "override".

use std::collections::{BTreeMap, BTreeSet};

use athar_protocol::vsme::{
    fact_key, VsmeApplicability, VsmeBlock, VsmeCodeList, VsmeDatapoint, VsmeDim, VsmeFact,
    VsmeFactInput, VsmeInput, VsmeKeyArgs, VsmeKind, VsmeModel, VsmeOverrideArgs, VsmeSection,
    VsmeSource, VsmeStored, VsmeValue,
};
use athar_protocol::{ClearVsmeOverride, Lang, SetVsmeOverride};
use leptos::prelude::*;
use leptos::task::spawn_local;
use rust_decimal::Decimal;

use crate::app::use_app;
use crate::format;
use crate::i18n::{t, tf, use_i18n};
use crate::screens::vsme::{dom_id, source_key, use_vsme};

/// The modules of the standard, in order, for the module filter.
pub const MODULES: &[&str] = &[
    "B1", "B2", "B3", "B4", "B5", "B6", "B7", "B8", "B9", "B10", "B11", "C1", "C2", "C3", "C4",
    "C5", "C6", "C7", "C8", "C9", "general",
];

/// The calendar year a result id is for (`scope1/all/2026` → 2026); line ids carry none.
pub fn year_of_result(id: &str) -> Option<i32> {
    let mut parts = id.rsplit('/');
    let last = parts.next()?;
    let last = if matches!(last, "location" | "market") {
        parts.next()?
    } else {
        last
    };
    last.get(..4)?.parse().ok()
}

/// The label of an option or member in the reader's language.
pub fn member_label(model: &VsmeModel, lang: Lang, qname: &str) -> String {
    match model.member(qname) {
        Some(m) => match &m.key {
            Some(k) => t(k),
            // Code-list labels carry their code ("C - 24.10 ..."); countries are named in the
            // reader's language by the platform.
            None => match qname.strip_prefix("country:") {
                Some(code) => format::country_name(lang, code),
                None => m.label_en.clone(),
            },
        },
        None => qname.to_string(),
    }
}

/// The text an input shows for a fact.
pub fn input_text(f: &VsmeFact) -> String {
    match &f.value {
        VsmeValue::Number(n) if f.unit == "%" => {
            (*n * Decimal::ONE_HUNDRED).normalize().to_string()
        }
        VsmeValue::Number(n) => n.to_string(),
        VsmeValue::Text(t) => t.clone(),
        VsmeValue::Bool(b) => b.to_string(),
        VsmeValue::Date(d) => d.clone(),
        VsmeValue::Year(y) => y.to_string(),
        VsmeValue::Members(m) => m.join(" "),
    }
}

/// A fact's value as read (numbers in the reader's digits, options by label).
pub fn shown_value(model: &VsmeModel, lang: Lang, f: &VsmeFact) -> String {
    match &f.value {
        VsmeValue::Number(_) => {
            let n = f.shown.unwrap_or_default();
            let v = format::number(lang, &n.to_string());
            if f.unit.is_empty() {
                v
            } else if f.unit == "%" {
                format!("{v} %")
            } else {
                format!("{v} {}", f.unit)
            }
        }
        VsmeValue::Text(t) => t.clone(),
        VsmeValue::Bool(b) => t(if *b { "vsme-yes" } else { "vsme-no" }),
        VsmeValue::Date(d) => format::date(lang, d),
        VsmeValue::Year(y) => format::plain(lang, &y.to_string()),
        VsmeValue::Members(ms) => ms
            .iter()
            .map(|m| member_label(model, lang, m))
            .collect::<Vec<_>>()
            .join(if lang == Lang::Ar { "، " } else { "; " }),
    }
}

fn applicability_key(a: VsmeApplicability) -> &'static str {
    match a {
        VsmeApplicability::Always => "vsme-always",
        VsmeApplicability::IfApplicable => "vsme-if-applicable",
        VsmeApplicability::May => "vsme-may",
    }
}

/// Dimensions of a cell: `member` on `axis`, none for the axis default.
fn dims_for(model: &VsmeModel, axis: &str, dim: VsmeDim) -> BTreeMap<String, VsmeDim> {
    let default = model.axis(axis).and_then(|a| a.default_member.clone());
    let mut d = BTreeMap::new();
    if let VsmeDim::Member(m) = &dim {
        if Some(m) == default.as_ref() {
            return d;
        }
    }
    d.insert(axis.to_string(), dim);
    d
}

/// Basic Module only, or Basic and Comprehensive: the report's scope (B1 "basis for
/// preparation").
#[component]
pub fn BasisChoice() -> impl IntoView {
    let vctx = use_vsme();
    const CONCEPT: &str = "vsme:BasisForPreparation"; // i18n-ok: taxonomy concept name
    const BASIC: &str = "vsme:OptionABasicModuleOnlyMember"; // i18n-ok: taxonomy member
    const COMPREHENSIVE: &str = "vsme:OptionBBasicModuleAndComprehensiveModuleMember"; // i18n-ok: taxonomy member
    let current = move || {
        vctx.facts.with(|m| match m.get(CONCEPT).map(|f| &f.value) {
            Some(VsmeValue::Members(ms)) => ms.first().cloned(),
            _ => None,
        })
    };
    let choose = move |member: &'static str| {
        vctx.save(vec![VsmeFactInput {
            concept: CONCEPT.into(),
            dimensions: BTreeMap::new(),
            value: Some(VsmeInput::Members(vec![member.into()])),
            unit: None,
        }]);
    };
    let option = move |member: &'static str, id: &'static str, key: &'static str| {
        view! {
            <label class="check">
                <input
                    type="radio"
                    name="vsme-basis"
                    id=id
                    prop:checked=move || current().as_deref() == Some(member)
                    on:change=move |_| choose(member)
                />
                <span>{move || t(key)}</span>
            </label>
        }
    };
    view! {
        <div class="card vsme-basis" id="vsme-basis">
            <span class="field-label">{move || t("vsme-basis-title")}</span>
            <div class="radio-row">
                {option(BASIC, "vsme-basis-basic", "vsme-basis-basic")}
                {option(COMPREHENSIVE, "vsme-basis-comprehensive", "vsme-basis-comprehensive")}
            </div>
        </div>
    }
}

/// The sections of the chosen module.
#[component]
pub fn SectionsView() -> impl IntoView {
    let vctx = use_vsme();
    let basic_only = move || {
        vctx.state
            .with(|s| s.as_ref().is_some_and(|s| s.completeness.basic_only))
    };
    let sections = move || {
        let module = vctx.module.get();
        vctx.model.with_value(|m| {
            m.sections
                .iter()
                .filter(|s| match &s.module {
                    Some(x) => *x == module,
                    None => module == "general",
                })
                .cloned()
                .collect::<Vec<_>>()
        })
    };
    view! {
        <div class="vsme-modules filter-bar">
            <label class="filter">
                <span class="field-label">{move || t("vsme-module")}</span>
                <select id="vsme-module" class="input select" on:change=move |ev| vctx.module.set(event_target_value(&ev))>
                    {MODULES.iter().map(|m| {
                        let m = *m;
                        view! {
                            <option value=m selected=move || vctx.module.get() == m>
                                {move || if m == "general" { t("vsme-module-general") } else { tf("vsme-module-name", &[("module", m.to_string())]) }}
                            </option>
                        }
                    }).collect_view()}
                </select>
            </label>
        </div>
        <Show when=move || basic_only() && vctx.module.get().starts_with('C')>
            <p class="section-note" id="vsme-basic-note">{move || t("vsme-basic-only-note")}</p>
        </Show>
        {move || sections().into_iter().map(|s| view! { <SectionCard section=s /> }).collect_view()}
    }
}

#[component]
fn SectionCard(section: VsmeSection) -> impl IntoView {
    let key = section.key.clone();
    view! {
        <section class="card vsme-section" id=format!("vsme-sec-{}", section.code)>
            <h2 class="card-title">{move || t(&key)}</h2>
            {section.blocks.into_iter().map(|b| match b {
                VsmeBlock::Field { concept, depth } => view! { <FieldRow concept depth /> }.into_any(),
                VsmeBlock::Grid { axis, members, concepts } => view! { <GridBlock axis members concepts /> }.into_any(),
                VsmeBlock::Rows { axis, concepts } => view! { <RowsBlock axis concepts /> }.into_any(),
            }).collect_view()}
        </section>
    }
}

/// One datapoint with its label, marker, input and source.
#[component]
fn FieldRow(concept: String, depth: u8) -> impl IntoView {
    let vctx = use_vsme();
    let Some(dp) = vctx.model.with_value(|m| m.datapoint(&concept).cloned()) else {
        return ().into_any();
    };
    let label = dp.key.clone();
    let marker = applicability_key(dp.applicability);
    let paragraph = dp.paragraph.clone();
    let module = dp.module.clone();
    let sub = depth > 0;
    view! {
        <div class="vsme-field" class:vsme-sub=sub>
            <div class="vsme-label">
                <span class="field-label">{move || t(&label)}</span>
                <span class="vsme-meta">
                    <span class="badge vsme-marker" data-applicability=marker>{move || t(marker)}</span>
                    {paragraph.map(|p| view! { <span class="muted" dir="ltr">{format!("{} §{p}", module.clone().unwrap_or_default())}</span> })}
                </span>
            </div>
            <FactCell dp dims=BTreeMap::new() />
        </div>
    }
    .into_any()
}

/// The value of one fact: an input, or for a computed datapoint the figure with "explain"
/// and "override".
#[component]
pub fn FactCell(dp: VsmeDatapoint, dims: BTreeMap<String, VsmeDim>) -> impl IntoView {
    let vctx = use_vsme();
    let key = fact_key(&dp.concept, &dims);
    if dp.computed {
        return view! { <ComputedCell dp key /> }.into_any();
    }
    let key2 = key.clone();
    let fact = Memo::new(move |_| vctx.facts.with(|m| m.get(&key2).cloned()));
    let errors = vctx.errors;
    let key3 = key.clone();
    let error = Memo::new(move |_| errors.with(|es| es.iter().find(|e| e.field == key3).cloned()));
    let i18n = use_i18n();
    let key4 = key.clone();
    view! {
        <div class="vsme-cell" data-key=key.clone() class:has-error=move || error.with(Option::is_some)>
            <FactInput dp=dp.clone() dims=dims.clone() fact id=dom_id(&key) />
            <SourceBadge fact />
            {move || error.get().map(|e| view! { <p class="field-error" data-field=key4.clone()>{i18n.field_error(&e)}</p> })}
        </div>
    }
    .into_any()
}

#[component]
fn SourceBadge(fact: Memo<Option<VsmeFact>>) -> impl IntoView {
    move || {
        fact.get().map(|f| {
            let imported = f.stored == Some(VsmeStored::Import);
            let key = match (&f.source, imported) {
                (_, true) => "vsme-source-template",
                (Some(s), false) => source_key(s),
                (None, false) => "vsme-source-user",
            };
            let title = match &f.source {
                Some(VsmeSource::Template { cell }) => cell.clone(),
                Some(VsmeSource::Profile { field }) => field.clone(),
                _ => String::new(),
            };
            let replaces = f.replaces_profile;
            view! {
                <span class="badge vsme-source" data-source=key title=title>{move || t(key)}</span>
                {replaces.then(|| view! { <span class="muted vsme-replaces">{move || t("vsme-replaces-profile")}</span> })}
            }
        })
    }
}

/// The input for a datapoint's kind.
#[component]
fn FactInput(
    dp: VsmeDatapoint,
    dims: BTreeMap<String, VsmeDim>,
    fact: Memo<Option<VsmeFact>>,
    id: String,
) -> impl IntoView {
    let vctx = use_vsme();
    let i18n = use_i18n();
    let concept = dp.concept.clone();
    let unit = RwSignal::new(None::<String>);
    let send = {
        let concept = concept.clone();
        let dims = dims.clone();
        move |value: Option<VsmeInput>| {
            let chosen = unit
                .get_untracked()
                .or_else(|| fact.with_untracked(|f| f.as_ref().and_then(|f| f.measure.clone())));
            vctx.save(vec![VsmeFactInput {
                concept: concept.clone(),
                dimensions: dims.clone(),
                value,
                unit: chosen,
            }]);
        }
    };
    let text = move || fact.with(|f| f.as_ref().map(input_text).unwrap_or_default());
    let on_text = {
        let send = send.clone();
        move |ev: leptos::ev::Event| send(Some(VsmeInput::Text(event_target_value(&ev))))
    };
    match dp.kind {
        VsmeKind::Text => view! {
            <input class="input vsme-input" type="text" dir="auto" id=id prop:value=text on:change=on_text />
        }
        .into_any(),
        VsmeKind::TextBlock => view! {
            <textarea class="input textarea vsme-input" rows="3" dir="auto" id=id prop:value=text on:change=on_text></textarea>
        }
        .into_any(),
        VsmeKind::Boolean => {
            let send = send.clone();
            view! {
                <select class="input select vsme-input" id=id on:change=move |ev| {
                    let v = event_target_value(&ev);
                    send(match v.as_str() { "true" => Some(VsmeInput::Bool(true)), "false" => Some(VsmeInput::Bool(false)), _ => None });
                }>
                    <option value="" selected=move || text().is_empty()>{move || t("vsme-choose")}</option>
                    <option value="true" selected=move || text() == "true">{move || t("vsme-yes")}</option>
                    <option value="false" selected=move || text() == "false">{move || t("vsme-no")}</option>
                </select>
            }
            .into_any()
        }
        VsmeKind::Year | VsmeKind::Date => {
            let placeholder = if dp.kind == VsmeKind::Year { "2026" } else { "2026-12-31" };
            view! {
                <input class="input vsme-input vsme-short" type="text" dir="ltr" inputmode="numeric" placeholder=placeholder id=id prop:value=text on:change=on_text />
            }
            .into_any()
        }
        VsmeKind::EnumSingle => {
            let options = vctx
                .model
                .with_value(|m| m.enumeration(&concept).map(|e| e.options.clone()))
                .unwrap_or_default();
            let country = vctx.model.with_value(|m| {
                m.enumeration(&concept)
                    .and_then(|e| e.code_list)
                    == Some(VsmeCodeList::Country)
            });
            let send = send.clone();
            view! {
                <select class="input select vsme-input" id=id on:change=move |ev| {
                    let v = event_target_value(&ev);
                    send((!v.is_empty()).then(|| VsmeInput::Members(vec![v])));
                }>
                    <option value="" selected=move || text().is_empty()>{move || t("vsme-choose")}</option>
                    {move || {
                        let lang = i18n.lang();
                        let mut opts: Vec<(String, String)> = vctx.model.with_value(|m| {
                            options.iter().map(|o| (o.clone(), member_label(m, lang, o))).collect()
                        });
                        if country {
                            opts.sort_by(|a, b| a.1.cmp(&b.1));
                        }
                        opts.into_iter().map(|(q, label)| {
                            let q2 = q.clone();
                            view! { <option value=q selected=move || text() == q2>{label}</option> }
                        }).collect_view()
                    }}
                </select>
            }
            .into_any()
        }
        VsmeKind::EnumSet => view! { <OptionSet concept=concept.clone() fact send=send.clone() id /> }.into_any(),
        _ => {
            // Numbers.
            let units = dp.units.clone();
            let suffix = match dp.kind {
                VsmeKind::Percent => "%".to_string(),
                _ => String::new(),
            };
            let has_units = !units.is_empty();
            let send_unit = send.clone();
            view! {
                <span class="vsme-number">
                    <input class="input vsme-input vsme-num" type="text" dir="ltr" inputmode="decimal" id=id prop:value=text on:change=on_text />
                    {(!suffix.is_empty()).then(|| view! { <span class="vsme-unit">{suffix.clone()}</span> })}
                    {has_units.then(|| {
                        let current = Signal::derive(move || unit.get().or_else(|| fact.with(|f| f.as_ref().and_then(|f| f.measure.clone()))).or_else(|| units.first().cloned()).unwrap_or_default());
                        let options = dp.units.clone();
                        view! {
                            <select class="input select vsme-unit-select" aria-label=move || t("vsme-unit") on:change=move |ev| {
                                unit.set(Some(event_target_value(&ev)));
                                let value = fact.with_untracked(|f| f.as_ref().map(input_text));
                                if let Some(v) = value { send_unit(Some(VsmeInput::Text(v))); }
                            }>
                                {options.into_iter().map(|u| {
                                    let shown = vctx.model.with_value(|m| m.unit_symbols.get(&u).cloned()).unwrap_or_else(|| u.clone());
                                    let u2 = u.clone();
                                    view! { <option value=u selected=move || current.get() == u2>{shown}</option> }
                                }).collect_view()}
                            </select>
                        }
                    })}
                    {(!has_units && suffix.is_empty()).then(|| view! {
                        <span class="vsme-unit">{move || fact.with(|f| f.as_ref().map(|f| f.unit.clone()).unwrap_or_default())}</span>
                    })}
                </span>
            }
            .into_any()
        }
    }
}

/// Several options: ticks for short lists, a search and chips for long ones (NACE codes).
#[component]
fn OptionSet(
    concept: String,
    fact: Memo<Option<VsmeFact>>,
    send: impl Fn(Option<VsmeInput>) + Clone + Send + Sync + 'static,
    id: String,
) -> impl IntoView {
    let vctx = use_vsme();
    let i18n = use_i18n();
    let options = vctx
        .model
        .with_value(|m| m.enumeration(&concept).map(|e| e.options.clone()))
        .unwrap_or_default();
    let selected = move || -> BTreeSet<String> {
        fact.with(|f| match f.as_ref().map(|f| &f.value) {
            Some(VsmeValue::Members(ms)) => ms.iter().cloned().collect(),
            _ => BTreeSet::new(),
        })
    };
    let set = {
        let send = send.clone();
        move |s: BTreeSet<String>| {
            send((!s.is_empty()).then(|| VsmeInput::Members(s.into_iter().collect())));
        }
    };
    if options.len() <= 60 {
        let set = set.clone();
        return view! {
            <div class="vsme-ticks" id=id>
                {options.into_iter().map(|o| {
                    let o2 = o.clone();
                    let o3 = o.clone();
                    let set = set.clone();
                    view! {
                        <label class="check">
                            <input type="checkbox" value=o.clone() prop:checked=move || selected().contains(&o2) on:change=move |ev| {
                                let mut s = selected();
                                if event_target_checked(&ev) { s.insert(o3.clone()); } else { s.remove(&o3); }
                                set(s);
                            } />
                            <span>{move || vctx.model.with_value(|m| member_label(m, i18n.lang(), &o))}</span>
                        </label>
                    }
                }).collect_view()}
            </div>
        }
        .into_any();
    }
    let filter = RwSignal::new(String::new());
    let set_remove = set.clone();
    let set_add = set.clone();
    view! {
        <div class="vsme-chips" id=id>
            <div class="chips">
                {move || selected().into_iter().map(|o| {
                    let o2 = o.clone();
                    let set = set_remove.clone();
                    view! {
                        <span class="chip">
                            <span>{vctx.model.with_value(|m| member_label(m, i18n.lang(), &o))}</span>
                            <button type="button" class="chip-remove" aria-label=move || t("action-delete") on:click=move |_| {
                                let mut s = selected();
                                s.remove(&o2);
                                set(s);
                            }>"×"</button>
                        </span>
                    }
                }).collect_view()}
            </div>
            <div class="inline-row">
                <input class="input vsme-filter" type="search" placeholder=move || t("vsme-search") prop:value=move || filter.get() on:input=move |ev| filter.set(event_target_value(&ev)) />
                <select class="input select vsme-add-option" on:change=move |ev| {
                    let v = event_target_value(&ev);
                    if !v.is_empty() {
                        let mut s = selected();
                        s.insert(v);
                        set_add(s);
                        filter.set(String::new());
                    }
                }>
                    <option value="">{move || t("vsme-add-option")}</option>
                    {move || {
                        let f = filter.get().to_lowercase();
                        let lang = i18n.lang();
                        vctx.model.with_value(|m| {
                            options.iter()
                                .map(|o| (o.clone(), member_label(m, lang, o)))
                                .filter(|(_, l)| f.is_empty() || l.to_lowercase().contains(&f))
                                .take(200)
                                .map(|(q, l)| view! { <option value=q>{l}</option> })
                                .collect_view()
                        })
                    }}
                </select>
            </div>
        </div>
    }
    .into_any()
}

/// A figure Athar computes: read-only, with its sources, "explain" and "override".
#[component]
fn ComputedCell(dp: VsmeDatapoint, key: String) -> impl IntoView {
    let vctx = use_vsme();
    let app = use_app();
    let i18n = app.i18n;
    let k = key.clone();
    let fact = Memo::new(move |_| vctx.facts.with(|m| m.get(&k).cloned()));
    let set_aside = {
        let k = key.clone();
        move || {
            vctx.state.with(|s| {
                s.as_ref()
                    .and_then(|s| s.set_aside.iter().find(|a| a.key == k).cloned())
            })
        }
    };
    let editing = RwSignal::new(false);
    let value = RwSignal::new(String::new());
    let reason = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<String>);
    let save_key = key.clone();
    let save = move || {
        let args = VsmeOverrideArgs {
            key: save_key.clone(),
            value: value.get_untracked(),
            reason: reason.get_untracked(),
        };
        spawn_local(async move {
            match app.invoke::<SetVsmeOverride>(args).await {
                Ok(s) => {
                    vctx.set_state(s);
                    editing.set(false);
                    problem.set(None);
                }
                Err(e) => problem.set(
                    e.fields
                        .first()
                        .map(|f| i18n.field_error(f))
                        .or(Some(i18n.error(&e))),
                ),
            }
        });
    };
    // Kept in the component's owner so the form (re-created each time it opens) can call it.
    let save = StoredValue::new_local(save);
    let clear_key = key.clone();
    let clear = move || {
        let args = VsmeKeyArgs {
            key: clear_key.clone(),
        };
        spawn_local(async move {
            if let Ok(s) = app.invoke::<ClearVsmeOverride>(args).await {
                vctx.set_state(s);
            }
        });
    };
    let dp_label = dp.key.clone();
    view! {
        <div class="vsme-cell vsme-computed" data-key=key.clone() id=dom_id(&key)>
            {move || match fact.get() {
                None => view! {
                    <span class="muted vsme-none">{move || t("vsme-computed-none")}</span>
                }.into_any(),
                Some(f) => {
                    let shown = vctx.model.with_value(|m| shown_value(m, i18n.lang(), &f));
                    let results: Vec<String> = match &f.source {
                        Some(VsmeSource::Inventory { results, .. }) => results.clone(),
                        Some(VsmeSource::Override { source, .. }) => match source.as_ref() {
                            VsmeSource::Inventory { results, .. } => results.clone(),
                            _ => vec![],
                        },
                        _ => vec![],
                    };
                    let overridden = match &f.source {
                        Some(VsmeSource::Override { computed, reason, .. }) => Some((computed.clone(), reason.clone())),
                        _ => None,
                    };
                    let is_override = overridden.is_some();
                    let can_override = !results.is_empty();
                    let imported = f.stored == Some(VsmeStored::Import);
                    let shown_value_text = shown.clone();
                    view! {
                        <span class="vsme-value" dir="ltr">{shown_value_text}</span>
                        <span class="badge vsme-source" data-source=if is_override { "vsme-source-override" } else if imported { "vsme-source-template" } else { "vsme-source-inventory" }>
                            {move || t(if is_override { "vsme-source-override" } else if imported { "vsme-source-template" } else { "vsme-source-inventory" })}
                        </span>
                        {(!results.is_empty()).then(|| {
                            let first = results[0].clone();
                            view! {
                                <button type="button" class="btn btn-small vsme-explain" data-result=first.clone() on:click=move |_| vctx.explain(first.clone())>{move || t("vsme-explain")}</button>
                            }
                        })}
                        {(can_override && !is_override).then(|| view! {
                            <button type="button" class="btn btn-small btn-ghost vsme-override-open" on:click=move |_| { value.set(String::new()); reason.set(String::new()); problem.set(None); editing.set(true); }>{move || t("vsme-override")}</button>
                        })}
                        {overridden.map(|(computed, why)| {
                            let clear = clear.clone();
                            view! {
                                <p class="muted vsme-override-note">{move || tf("vsme-overridden", &[("computed", format::number(i18n.lang(), &computed)), ("reason", why.clone())])}</p>
                                <button type="button" class="btn btn-small btn-ghost vsme-override-clear" on:click=move |_| clear()>{move || t("vsme-override-clear")}</button>
                            }
                        })}
                        {(results.len() > 1).then(|| {
                            // A figure summed from many inventory results: name how many, and
                            // let each be explained on its own rather than listing raw ids.
                            let n = results.len() as u64;
                            view! {
                                <details class="vsme-results">
                                    <summary class="muted">{move || tf("vsme-results-sum", &[("count", format::count(i18n.lang(), n))])}</summary>
                                    <ul class="vsme-result-list">
                                        {results.iter().cloned().map(|r| {
                                            let label = r.clone();
                                            view! {
                                                <li><button type="button" class="btn btn-small btn-ghost vsme-explain-part" dir="ltr" data-result=r.clone() on:click=move |_| vctx.explain(r.clone())>{label}</button></li>
                                            }
                                        }).collect_view()}
                                    </ul>
                                </details>
                            }
                        })}
                    }.into_any()
                }
            }}
            {move || set_aside().map(|a| {
                let shown = match &a.value {
                    VsmeValue::Number(n) => format::number(i18n.lang(), &n.to_string()),
                    _ => String::new(),
                };
                let n = match &a.value { VsmeValue::Number(n) => n.to_string(), _ => String::new() };
                let adopt = move || {
                    value.set(n.clone());
                    reason.set(t("vsme-adopt-reason"));
                    editing.set(true);
                };
                view! {
                    <p class="muted vsme-set-aside">
                        {move || tf("vsme-set-aside", &[("value", shown.clone())])}
                        " "
                        <button type="button" class="btn btn-small btn-ghost vsme-adopt" on:click=move |_| adopt()>{move || t("vsme-adopt")}</button>
                    </p>
                }
            })}
            <Show when=move || editing.get()>
                <form class="vsme-override-form inline-row" on:submit=move |ev| { ev.prevent_default(); save.with_value(|save| save()); }>
                    <input class="input vsme-num vsme-override-value" type="text" dir="ltr" inputmode="decimal" aria-label=move || t("vsme-override-value") prop:value=move || value.get() on:input=move |ev| value.set(event_target_value(&ev)) />
                    <input class="input vsme-override-reason" type="text" dir="auto" placeholder=move || t("vsme-override-reason") prop:value=move || reason.get() on:input=move |ev| reason.set(event_target_value(&ev)) />
                    <button type="submit" class="btn btn-small btn-primary vsme-override-save">{move || t("action-save")}</button>
                    <button type="button" class="btn btn-small btn-ghost" on:click=move |_| editing.set(false)>{move || t("action-cancel")}</button>
                    {move || problem.get().map(|p| view! { <p class="field-error">{p}</p> })}
                </form>
            </Show>
            <span class="visually-hidden">{move || t(&dp_label)}</span>
        </div>
    }
}

/// Datapoints (rows) by the members of an axis (columns).
#[component]
fn GridBlock(axis: String, members: Vec<String>, concepts: Vec<String>) -> impl IntoView {
    let vctx = use_vsme();
    let i18n = use_i18n();
    let heads = members.clone();
    view! {
        <div class="table-scroll">
            <table class="data-table vsme-grid" data-axis=axis.clone()>
                <thead>
                    <tr>
                        <th></th>
                        {heads.into_iter().map(|m| view! { <th>{move || vctx.model.with_value(|x| member_label(x, i18n.lang(), &m))}</th> }).collect_view()}
                    </tr>
                </thead>
                <tbody>
                    {concepts.into_iter().filter_map(|c| vctx.model.with_value(|m| m.datapoint(&c).cloned())).map(|dp| {
                        let label = dp.key.clone();
                        let marker = applicability_key(dp.applicability);
                        let cells = members.iter().map(|m| {
                            let dims = vctx.model.with_value(|x| dims_for(x, &axis, VsmeDim::Member(m.clone())));
                            view! { <td><FactCell dp=dp.clone() dims /></td> }
                        }).collect_view();
                        view! {
                            <tr>
                                <th scope="row" class="vsme-row-label">
                                    <span>{move || t(&label)}</span>
                                    " "
                                    <span class="badge vsme-marker" data-applicability=marker>{move || t(marker)}</span>
                                </th>
                                {cells}
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}

/// Rows the user adds (a site, a waste type...), a column per datapoint.
#[component]
fn RowsBlock(axis: String, concepts: Vec<String>) -> impl IntoView {
    let vctx = use_vsme();
    let i18n = use_i18n();
    let (typed, members, axis_key) = vctx.model.with_value(|m| {
        let a = m.axis(&axis);
        (
            a.is_some_and(|a| a.typed),
            a.map(|a| {
                a.members
                    .iter()
                    .filter(|x| Some(*x) != a.default_member.as_ref())
                    .cloned()
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default(),
            a.map(|a| a.key.clone()).unwrap_or_default(),
        )
    });
    // Rows added here and not yet saved.
    let added = RwSignal::new(Vec::<VsmeDim>::new());
    let axis2 = axis.clone();
    let concepts2 = concepts.clone();
    let rows = Memo::new(move |_| {
        let mut out: Vec<VsmeDim> = vctx.facts.with(|fs| {
            fs.values()
                .filter(|f| concepts2.contains(&f.concept))
                .filter_map(|f| f.dimensions.get(&axis2).cloned())
                .collect::<BTreeSet<_>>()
                .into_iter()
                .collect()
        });
        for a in added.get() {
            if !out.contains(&a) {
                out.push(a);
            }
        }
        out
    });
    let axis3 = axis.clone();
    let add_typed = move |_| {
        // The next free number on this axis across the whole report.
        let next = vctx.facts.with_untracked(|fs| {
            fs.values()
                .filter_map(|f| match f.dimensions.get(&axis3) {
                    Some(VsmeDim::Typed(t)) => t.parse::<u32>().ok(),
                    _ => None,
                })
                .max()
                .unwrap_or(0)
        });
        let taken = added.with_untracked(|a| a.len() as u32);
        added.update(|a| a.push(VsmeDim::Typed((next + taken + 1).to_string())));
    };
    let filter = RwSignal::new(String::new());
    let dps: Vec<VsmeDatapoint> = concepts
        .iter()
        .filter_map(|c| vctx.model.with_value(|m| m.datapoint(c).cloned()))
        .collect();
    let dps_head = dps.clone();
    let axis_remove = axis.clone();
    let remove = move |row: VsmeDim| {
        let inputs: Vec<VsmeFactInput> = vctx.facts.with_untracked(|fs| {
            fs.values()
                .filter(|f| f.dimensions.get(&axis_remove) == Some(&row) && f.stored.is_some())
                .map(|f| VsmeFactInput {
                    concept: f.concept.clone(),
                    dimensions: f.dimensions.clone(),
                    value: None,
                    unit: None,
                })
                .collect()
        });
        added.update(|a| a.retain(|x| *x != row));
        if !inputs.is_empty() {
            vctx.save(inputs);
        }
    };
    let remove = StoredValue::new_local(remove);
    let axis_rows = axis.clone();
    view! {
        <div class="vsme-rows" data-axis=axis.clone()>
            <div class="table-scroll">
                <table class="data-table">
                    <thead>
                        <tr>
                            <th>{move || t(&axis_key)}</th>
                            {dps_head.into_iter().map(|d| {
                                let k = d.key.clone();
                                view! { <th>{move || t(&k)}</th> }
                            }).collect_view()}
                            <th></th>
                        </tr>
                    </thead>
                    <tbody>
                        <For
                            each=move || rows.get()
                            key=|r| r.clone()
                            children=move |row: VsmeDim| {
                                let label = match &row {
                                    VsmeDim::Typed(t) => format::plain(i18n.lang.get_untracked(), t),
                                    VsmeDim::Member(m) => vctx.model.with_value(|x| member_label(x, i18n.lang.get_untracked(), m)),
                                };
                                let row2 = row.clone();
                                let cells = dps.iter().map(|dp| {
                                    let dims = vctx.model.with_value(|x| dims_for(x, &axis_rows, row.clone()));
                                    view! { <td><FactCell dp=dp.clone() dims /></td> }
                                }).collect_view();
                                view! {
                                    <tr class="vsme-row">
                                        <th scope="row" dir="auto">{label}</th>
                                        {cells}
                                        <td class="actions"><button type="button" class="btn btn-small btn-ghost vsme-row-remove" on:click=move |_| remove.with_value(|remove| remove(row2.clone()))>{move || t("action-delete")}</button></td>
                                    </tr>
                                }
                            }
                        />
                    </tbody>
                </table>
            </div>
            {if typed {
                view! {
                    <button type="button" class="btn btn-small vsme-row-add" on:click=add_typed>{move || t("vsme-add-row")}</button>
                }.into_any()
            } else {
                view! {
                    <div class="inline-row">
                        <input class="input vsme-filter" type="search" placeholder=move || t("vsme-search") prop:value=move || filter.get() on:input=move |ev| filter.set(event_target_value(&ev)) />
                        <select class="input select vsme-row-pick" on:change=move |ev| {
                            let v = event_target_value(&ev);
                            if !v.is_empty() {
                                added.update(|a| a.push(VsmeDim::Member(v)));
                                filter.set(String::new());
                            }
                        }>
                            <option value="">{move || t("vsme-add-row")}</option>
                            {move || {
                                let f = filter.get().to_lowercase();
                                let lang = i18n.lang();
                                vctx.model.with_value(|m| {
                                    members.iter()
                                        .map(|q| (q.clone(), member_label(m, lang, q)))
                                        .filter(|(_, l)| f.is_empty() || l.to_lowercase().contains(&f))
                                        .take(200)
                                        .map(|(q, l)| view! { <option value=q>{l}</option> })
                                        .collect_view()
                                })
                            }}
                        </select>
                    </div>
                }.into_any()
            }}
        </div>
    }
}
