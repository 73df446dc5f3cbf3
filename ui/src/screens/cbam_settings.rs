//! Settings → templates, the CBAM card: which blank communication template the CBAM export
//! fills — the one built into Athar, or "the file downloaded from the Commission's site" the
//! user chooses (its version checked, the path remembered in the preferences), so a newer
//! official version can be used without a new release of Athar.

use athar_protocol::cbam::{CbamTemplateArgs, CbamTemplateInfo, CbamTemplates};
use athar_protocol::{GetCbamTemplates, NoArgs, PickCbamWorkbook, SetCbamTemplate};
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::app::use_app;
use crate::i18n::{t, tf};

fn info_text(i: &CbamTemplateInfo) -> String {
    match &i.version {
        Some(v) => tf("settings-template-version", &[("version", v.clone())]),
        None => t("settings-template-no-version"),
    }
}

#[component]
pub fn CbamTemplatesCard() -> impl IntoView {
    let app = use_app();
    let i18n = app.i18n;
    let templates = RwSignal::new(None::<CbamTemplates>);
    let path = RwSignal::new(String::new());
    spawn_local(async move {
        if let Ok(t) = app.invoke::<GetCbamTemplates>(NoArgs {}).await {
            templates.set(Some(t));
        }
    });
    let set = move |p: Option<String>| {
        spawn_local(async move {
            if let Ok(t) = app
                .invoke::<SetCbamTemplate>(CbamTemplateArgs { path: p })
                .await
            {
                templates.set(Some(t));
                path.set(String::new());
            }
        });
    };
    let browse = move |_| {
        spawn_local(async move {
            if let Ok(Some(p)) = app.invoke::<PickCbamWorkbook>(NoArgs {}).await {
                path.set(p);
            }
        });
    };
    view! {
        <section class="card stack" id="settings-cbam-template">
            <h2 class="card-title">{move || t("settings-cbam-template-title")}</h2>
            <p class="section-note">{move || t("settings-cbam-template-note")}</p>
            {move || templates.get().map(|ts| {
                let embedded = ts.embedded.clone();
                let chosen = ts.chosen.clone();
                let problem = ts.chosen_problem.clone();
                let in_use = ts.in_use.clone();
                view! {
                    <dl class="summary">
                        <div class="summary-item">
                            <dt>{move || t("settings-template-built-in")}</dt>
                            <dd id="settings-cbam-built-in">{match &embedded {
                                Some(e) => info_text(e),
                                None => t("settings-template-none"),
                            }}</dd>
                        </div>
                        <div class="summary-item">
                            <dt>{move || t("settings-template-chosen")}</dt>
                            <dd id="settings-cbam-chosen">{match &chosen {
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
                            <dd id="settings-cbam-in-use">{match &in_use {
                                Some(u) if u.path.is_some() => tf("settings-template-in-use-file", &[("version", u.version.clone().unwrap_or_default())]),
                                Some(u) => tf("settings-template-in-use-built-in", &[("version", u.version.clone().unwrap_or_default())]),
                                None => t("settings-template-none"),
                            }}</dd>
                        </div>
                    </dl>
                    {problem.map(|p| view! { <p class="field-error" id="settings-cbam-problem">{move || i18n.error(&p)}</p> })}
                    {chosen.is_some().then(|| view! {
                        <button type="button" class="btn btn-ghost" id="settings-cbam-reset" on:click=move |_| set(None)>{move || t("settings-template-reset")}</button>
                    })}
                }
            })}
            <form class="inline-row" on:submit=move |ev| { ev.prevent_default(); let p = path.get_untracked(); if !p.trim().is_empty() { set(Some(p)); } }>
                <input id="settings-cbam-path" class="input filter-grow" type="text" dir="ltr" placeholder=move || t("cbam-ui-path-placeholder") prop:value=move || path.get() on:input=move |ev| path.set(event_target_value(&ev)) />
                <button type="button" class="btn" on:click=browse>{move || t("cbam-ui-browse")}</button>
                <button type="submit" class="btn btn-primary" id="settings-cbam-use">{move || t("settings-template-use")}</button>
            </form>
        </section>
    }
}
