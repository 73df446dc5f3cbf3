//! Asks for the passphrase of a company file whose key is not remembered on this computer.

use athar_domain::FieldError;
use athar_protocol::{OpenCompanyArgs, OpenCompanyFile, OpenOutcome};
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::app::{use_app, Screen};
use crate::components::field::{Field, TextInput};
use crate::components::icons::LockIcon;
use crate::i18n::t;
use crate::screens::focus_later;

#[component]
pub fn UnlockScreen(path: String) -> impl IntoView {
    let ctx = use_app();
    let passphrase = RwSignal::new(String::new());
    let remember = RwSignal::new(false);
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let busy = RwSignal::new(false);
    let shown_path = path.clone();

    let submit = move || {
        if busy.get_untracked() {
            return;
        }
        let pass = passphrase.get_untracked();
        if pass.is_empty() {
            errors.set(vec![FieldError::new("passphrase", "v-required")]);
            focus_later("#unlock-passphrase");
            return;
        }
        errors.set(Vec::new());
        busy.set(true);
        let args = OpenCompanyArgs {
            path: path.clone(),
            passphrase: Some(pass),
            remember: remember.get_untracked() && ctx.keychain_available.get_untracked(),
        };
        spawn_local(async move {
            let result = ctx.invoke::<OpenCompanyFile>(args).await;
            busy.set(false);
            match result {
                Ok(OpenOutcome::Opened { company }) => ctx.opened(company),
                Ok(OpenOutcome::NeedsPassphrase { .. }) => focus_later("#unlock-passphrase"),
                Err(e) => {
                    if e.key == "error-wrong-passphrase" {
                        passphrase.set(String::new());
                    }
                    errors.set(e.fields);
                    focus_later("#unlock-passphrase");
                }
            }
        });
    };
    focus_later("#unlock-passphrase");

    view! {
        <section id="unlock-screen" class="screen narrow-screen">
            <form
                class="card form-card"
                on:submit=move |ev| {
                    ev.prevent_default();
                    submit();
                }
            >
                <div class="card-head">
                    <LockIcon />
                    <h1 class="screen-title">{move || t("unlock-title")}</h1>
                </div>
                <p class="screen-lead">{move || t("unlock-lead")}</p>
                <p class="path-line">
                    <span class="path-label">{move || t("field-path")}</span>
                    <code class="path" dir="ltr">
                        {shown_path}
                    </code>
                </p>
                <Field
                    label="field-passphrase"
                    field="passphrase"
                    errors
                    input_id="unlock-passphrase"
                >
                    <TextInput
                        value=passphrase
                        errors
                        field="passphrase"
                        {..}
                        id="unlock-passphrase"
                        type="password"
                        autocomplete="current-password"
                    />
                </Field>
                <label class="check">
                    <input
                        id="unlock-remember"
                        type="checkbox"
                        prop:checked=move || remember.get()
                        prop:disabled=move || !ctx.keychain_available.get()
                        on:change=move |ev| remember.set(event_target_checked(&ev))
                    />
                    <span>{move || t("remember-label")}</span>
                </label>
                <Show when=move || !ctx.keychain_available.get()>
                    <p class="field-hint">{move || t("remember-unavailable")}</p>
                </Show>
                <div class="form-actions">
                    <button
                        id="unlock-submit"
                        type="submit"
                        class="btn btn-primary"
                        prop:disabled=move || busy.get()
                    >
                        {move || t("unlock-submit")}
                    </button>
                    <button
                        id="unlock-cancel"
                        type="button"
                        class="btn"
                        on:click=move |_| ctx.go(Screen::Start)
                    >
                        {move || t("action-cancel")}
                    </button>
                </div>
            </form>
        </section>
    }
}
