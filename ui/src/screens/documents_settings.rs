//! Settings → documents: the local language model (a GGUF file the user chooses; remembered
//! in the preferences of this computer), its threads, the confidence below which review
//! highlights a field, and auto-accept (off unless the user turns it on).

use athar_protocol::documents::DocumentSettings;
use athar_protocol::{ListDocuments, NoArgs, PickModelFile, SaveDocumentSettings};
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::app::use_app;
use crate::components::field::{Errors, Field, TextInput};
use crate::i18n::t;

#[component]
pub fn DocumentSettingsCard() -> impl IntoView {
    let app = use_app();
    let model = RwSignal::new(String::new());
    let threads = RwSignal::new(String::new());
    let highlight = RwSignal::new(String::new());
    let auto = RwSignal::new(false);
    let auto_above = RwSignal::new(String::new());
    let errors: Errors = RwSignal::new(Vec::new());
    let saved = RwSignal::new(false);
    let load = move |s: DocumentSettings| {
        model.set(s.model_path.unwrap_or_default());
        threads.set(s.threads.to_string());
        highlight.set(s.highlight_below.to_string());
        auto.set(s.auto_accept_above.is_some());
        auto_above.set(s.auto_accept_above.unwrap_or(95).to_string());
    };
    spawn_local(async move {
        if let Ok(v) = app.invoke::<ListDocuments>(NoArgs {}).await {
            load(v.settings);
        }
    });
    let browse = move |_| {
        spawn_local(async move {
            if let Ok(Some(p)) = app.invoke::<PickModelFile>(NoArgs {}).await {
                model.set(p);
            }
        });
    };
    let save = move |_| {
        let number = |s: RwSignal<String>| {
            athar_domain::numerals::normalize_number(&s.get_untracked())
                .parse::<u32>()
                .ok()
        };
        let mut problems = Vec::new();
        let threads_v = number(threads).unwrap_or(0);
        let highlight_v = number(highlight).filter(|v| *v <= 100);
        if highlight_v.is_none() {
            problems.push(athar_domain::FieldError::new(
                "highlight_below",
                "doc-settings-percent",
            ));
        }
        let auto_v = if auto.get_untracked() {
            match number(auto_above).filter(|v| (1..=100).contains(v)) {
                Some(v) => Some(v as u8),
                None => {
                    problems.push(athar_domain::FieldError::new(
                        "auto_accept_above",
                        "doc-settings-percent",
                    ));
                    None
                }
            }
        } else {
            None
        };
        if !problems.is_empty() {
            errors.set(problems);
            return;
        }
        let m = model.get_untracked();
        let args = DocumentSettings {
            model_path: (!m.trim().is_empty()).then(|| m.trim().to_string()),
            threads: threads_v,
            highlight_below: highlight_v.unwrap_or(80) as u8,
            auto_accept_above: auto_v,
        };
        spawn_local(async move {
            match app.invoke::<SaveDocumentSettings>(args).await {
                Ok(v) => {
                    errors.set(Vec::new());
                    load(v.settings);
                    saved.set(true);
                }
                Err(e) => {
                    errors.set(e.fields);
                    saved.set(false);
                }
            }
        });
    };
    view! {
        <section class="card stack" id="settings-documents">
            <h2 class="card-title">{move || t("settings-documents-title")}</h2>
            <p class="section-note">{move || t("settings-documents-note")}</p>
            <Field label="settings-model-path" field="model_path".to_string() errors input_id="settings-model-path">
                <div class="documents-add-row">
                    <TextInput value=model errors field="model_path".to_string()
                        {..} id="settings-model-path" dir="ltr" />
                    <button type="button" class="btn" id="settings-model-browse" on:click=browse>
                        {move || t("settings-model-browse")}
                    </button>
                </div>
            </Field>
            <Field label="settings-model-threads" field="threads".to_string() errors input_id="settings-model-threads">
                <TextInput value=threads errors field="threads".to_string()
                    {..} id="settings-model-threads" inputmode="numeric" />
            </Field>
            <Field label="settings-highlight-below" field="highlight_below".to_string() errors
                input_id="settings-highlight-below" hint="settings-highlight-hint">
                <TextInput value=highlight errors field="highlight_below".to_string()
                    {..} id="settings-highlight-below" inputmode="numeric" />
            </Field>
            <label class="check">
                <input type="checkbox" id="settings-auto-accept"
                    prop:checked=move || auto.get()
                    on:change=move |ev| auto.set(event_target_checked(&ev)) />
                {move || t("settings-auto-accept")}
            </label>
            <Show when=move || auto.get()>
                <Field label="settings-auto-accept-above" field="auto_accept_above".to_string() errors
                    input_id="settings-auto-accept-above">
                    <TextInput value=auto_above errors field="auto_accept_above".to_string()
                        {..} id="settings-auto-accept-above" inputmode="numeric" />
                </Field>
            </Show>
            <div class="form-actions">
                <button type="button" class="btn btn-primary" id="settings-documents-save" on:click=save>
                    {move || t("action-save")}
                </button>
                <Show when=move || saved.get()>
                    <span class="saved" id="settings-documents-saved" role="status">{move || t("settings-documents-saved")}</span>
                </Show>
            </div>
        </section>
    }
}
