//! Settings that belong to this computer rather than to a company file. Templates: the blank
//! EFRAG VSME workbook the export fills — the one built into Athar, or a newer one the user
//! chooses (checked, and remembered in the preferences).

use athar_protocol::vsme::{VsmeTemplateArgs, VsmeTemplateInfo, VsmeTemplates};
use athar_protocol::{GetVsmeTemplates, NoArgs, PickVsmeWorkbook, SetVsmeTemplate};
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::app::use_app;
use crate::i18n::{t, tf};

#[component]
pub fn SettingsScreen() -> impl IntoView {
    view! {
        <section id="settings-screen" class="screen">
            <div class="screen-head">
                <div>
                    <h1 class="screen-title">{move || t("settings-title")}</h1>
                    <p class="screen-lead">{move || t("settings-lead")}</p>
                </div>
            </div>
            <VsmeTemplatesCard />
            <crate::screens::cbam_settings::CbamTemplatesCard />
            <crate::screens::documents_settings::DocumentSettingsCard />
        </section>
    }
}

fn info_text(i: &VsmeTemplateInfo) -> String {
    match &i.version {
        Some(v) => tf("settings-template-version", &[("version", v.clone())]),
        None => t("settings-template-no-version"),
    }
}

/// Settings → templates: which EFRAG VSME template the export fills.
#[component]
fn VsmeTemplatesCard() -> impl IntoView {
    let app = use_app();
    let i18n = app.i18n;
    let templates = RwSignal::new(None::<VsmeTemplates>);
    let path = RwSignal::new(String::new());
    spawn_local(async move {
        if let Ok(t) = app.invoke::<GetVsmeTemplates>(NoArgs {}).await {
            templates.set(Some(t));
        }
    });
    let set = move |p: Option<String>| {
        spawn_local(async move {
            if let Ok(t) = app
                .invoke::<SetVsmeTemplate>(VsmeTemplateArgs { path: p })
                .await
            {
                templates.set(Some(t));
                path.set(String::new());
            }
        });
    };
    let browse = move |_| {
        spawn_local(async move {
            if let Ok(Some(p)) = app.invoke::<PickVsmeWorkbook>(NoArgs {}).await {
                path.set(p);
            }
        });
    };
    view! {
        <section class="card stack" id="settings-vsme-template">
            <h2 class="card-title">{move || t("settings-vsme-template-title")}</h2>
            <p class="section-note">{move || t("settings-vsme-template-note")}</p>
            {move || templates.get().map(|ts| {
                let embedded = ts.embedded.clone();
                let chosen = ts.chosen.clone();
                let problem = ts.chosen_problem.clone();
                let in_use = ts.in_use.clone();
                view! {
                    <dl class="summary">
                        <div class="summary-item">
                            <dt>{move || t("settings-template-built-in")}</dt>
                            <dd id="settings-template-built-in">{match &embedded {
                                Some(e) => info_text(e),
                                None => t("settings-template-none"),
                            }}</dd>
                        </div>
                        <div class="summary-item">
                            <dt>{move || t("settings-template-chosen")}</dt>
                            <dd id="settings-template-chosen">{match &chosen {
                                Some(c) => view! {
                                    <span class="mono" dir="ltr">{c.path.clone().unwrap_or_default()}</span>
                                    " · "
                                    <span>{info_text(c)}</span>
                                }.into_any(),
                                None => view! { <span>{t("settings-template-none-chosen")}</span> }.into_any(),
                            }}</dd>
                        </div>
                        <div class="summary-item">
                            <dt>{move || t("settings-template-in-use")}</dt>
                            <dd id="settings-template-in-use">{match &in_use {
                                Some(u) if u.path.is_some() => tf("settings-template-in-use-file", &[("version", u.version.clone().unwrap_or_default())]),
                                Some(u) => tf("settings-template-in-use-built-in", &[("version", u.version.clone().unwrap_or_default())]),
                                None => t("settings-template-none"),
                            }}</dd>
                        </div>
                    </dl>
                    {problem.map(|p| view! { <p class="field-error" id="settings-template-problem">{move || i18n.error(&p)}</p> })}
                    {chosen.is_some().then(|| view! {
                        <button type="button" class="btn btn-ghost" id="settings-template-reset" on:click=move |_| set(None)>{move || t("settings-template-reset")}</button>
                    })}
                }
            })}
            <form class="inline-row" on:submit=move |ev| { ev.prevent_default(); let p = path.get_untracked(); if !p.trim().is_empty() { set(Some(p)); } }>
                <input id="settings-template-path" class="input filter-grow" type="text" dir="ltr" placeholder=move || t("vsme-path-placeholder") prop:value=move || path.get() on:input=move |ev| path.set(event_target_value(&ev)) />
                <button type="button" class="btn" on:click=browse>{move || t("vsme-browse")}</button>
                <button type="submit" class="btn btn-primary" id="settings-template-use">{move || t("settings-template-use")}</button>
            </form>
        </section>
    }
}
