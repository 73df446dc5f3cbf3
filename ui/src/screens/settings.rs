//! Settings that belong to this computer rather than to a company file. Templates: the blank
//! official workbooks the exports fill — EFRAG's VSME template and the Commission's CBAM
//! communication template — each the one built into Athar, or a newer one the user chooses
//! ("the file downloaded from the official site": its version checked, the path remembered in
//! the preferences), so a newer official version can be used without a new release.

use athar_protocol::templates::{TemplateArgs, TemplateChoice, TemplateInfo};
use athar_protocol::{
    Command, GetCbamTemplates, GetVsmeTemplates, NoArgs, PickCbamWorkbook, PickVsmeWorkbook,
    SetCbamTemplate, SetVsmeTemplate,
};
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
            {template_card::<GetVsmeTemplates, SetVsmeTemplate, PickVsmeWorkbook>(&VSME)}
            {template_card::<GetCbamTemplates, SetCbamTemplate, PickCbamWorkbook>(&CBAM)}
            <crate::screens::documents_settings::DocumentSettingsCard />
        </section>
    }
}

/// What differs between the template cards: the DOM ids (kept as the tests know them) and the
/// Fluent keys of their texts.
struct CardText {
    /// Id of the card.
    section: &'static str,
    /// Prefix of the ids of its parts (`{ids}-built-in`, `{ids}-path`, …).
    ids: &'static str,
    title: &'static str,
    note: &'static str,
    placeholder: &'static str,
    browse: &'static str,
}

const VSME: CardText = CardText {
    section: "settings-vsme-template",
    ids: "settings-template",
    title: "settings-vsme-template-title",
    note: "settings-vsme-template-note",
    placeholder: "vsme-path-placeholder",
    browse: "vsme-browse",
};

const CBAM: CardText = CardText {
    section: "settings-cbam-template",
    ids: "settings-cbam",
    title: "settings-cbam-template-title",
    note: "settings-cbam-template-note",
    placeholder: "cbam-ui-path-placeholder",
    browse: "cbam-ui-browse",
};

fn info_text(i: &TemplateInfo) -> String {
    match &i.version {
        Some(v) => tf("settings-template-version", &[("version", v.clone())]),
        None => t("settings-template-no-version"),
    }
}

/// One kind of template: what is built in, what was chosen, what exports use, and choosing
/// another file (`Get` loads, `Set` checks and remembers, `Pick` opens the file dialog).
fn template_card<Get, Set, Pick>(text: &'static CardText) -> impl IntoView
where
    Get: Command<Args = NoArgs, Output = TemplateChoice> + 'static,
    Set: Command<Args = TemplateArgs, Output = TemplateChoice> + 'static,
    Pick: Command<Args = NoArgs, Output = Option<String>> + 'static,
{
    let app = use_app();
    let i18n = app.i18n;
    let templates = RwSignal::new(None::<TemplateChoice>);
    let path = RwSignal::new(String::new());
    spawn_local(async move {
        if let Ok(t) = app.invoke::<Get>(NoArgs {}).await {
            templates.set(Some(t));
        }
    });
    let set = move |p: Option<String>| {
        spawn_local(async move {
            if let Ok(t) = app.invoke::<Set>(TemplateArgs { path: p }).await {
                templates.set(Some(t));
                path.set(String::new());
            }
        });
    };
    let browse = move |_| {
        spawn_local(async move {
            if let Ok(Some(p)) = app.invoke::<Pick>(NoArgs {}).await {
                path.set(p);
            }
        });
    };
    let id = |part: &str| format!("{}-{part}", text.ids);
    view! {
        <section class="card stack" id=text.section>
            <h2 class="card-title">{move || t(text.title)}</h2>
            <p class="section-note">{move || t(text.note)}</p>
            {move || templates.get().map(|ts| {
                let embedded = ts.embedded.clone();
                let chosen = ts.chosen.clone();
                let problem = ts.chosen_problem.clone();
                let in_use = ts.in_use.clone();
                view! {
                    <dl class="summary">
                        <div class="summary-item">
                            <dt>{move || t("settings-template-built-in")}</dt>
                            <dd id=id("built-in")>{match &embedded {
                                Some(e) => info_text(e),
                                None => t("settings-template-none"),
                            }}</dd>
                        </div>
                        <div class="summary-item">
                            <dt>{move || t("settings-template-chosen")}</dt>
                            <dd id=id("chosen")>{match &chosen {
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
                            <dd id=id("in-use")>{match &in_use {
                                Some(u) if u.path.is_some() => tf("settings-template-in-use-file", &[("version", u.version.clone().unwrap_or_default())]),
                                Some(u) => tf("settings-template-in-use-built-in", &[("version", u.version.clone().unwrap_or_default())]),
                                None => t("settings-template-none"),
                            }}</dd>
                        </div>
                    </dl>
                    {problem.map(|p| view! { <p class="field-error" id=id("problem")>{move || i18n.error(&p)}</p> })}
                    {chosen.is_some().then(|| view! {
                        <button type="button" class="btn btn-ghost" id=id("reset") on:click=move |_| set(None)>{move || t("settings-template-reset")}</button>
                    })}
                }
            })}
            <form class="inline-row" on:submit=move |ev| { ev.prevent_default(); let p = path.get_untracked(); if !p.trim().is_empty() { set(Some(p)); } }>
                <input id=id("path") class="input filter-grow" type="text" dir="ltr" placeholder=move || t(text.placeholder) prop:value=move || path.get() on:input=move |ev| path.set(event_target_value(&ev)) />
                <button type="button" class="btn" on:click=browse>{move || t(text.browse)}</button>
                <button type="submit" class="btn btn-primary" id=id("use")>{move || t("settings-template-use")}</button>
            </form>
        </section>
    }
}
