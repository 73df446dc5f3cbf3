//! Creating a new encrypted company file: the few facts the file needs, where to put it and
//! the passphrase that protects it. Checks what it can before asking the shell, and shows the
//! shell's field problems beside the same fields.

use athar_domain::codes::HOME_COUNTRIES;
use athar_domain::validation::parse_year;
use athar_domain::{FieldError, NewCompany, Validate, MIN_PASSPHRASE_CHARS};
use athar_protocol::{CreateCompany, CreateCompanyArgs, PickSavePath, PickSavePathArgs};
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::app::{use_app, Screen};
use crate::components::field::{clear, error_id, invalid, Field, TextInput};
use crate::components::selects::CountrySelect;
use crate::components::strength::StrengthMeter;
use crate::format;
use crate::i18n::t;
use crate::screens::focus_later;

pub const EXTENSION: &str = ".athar";

/// A file name from a company name: letters and digits of any script are kept, everything
/// else becomes a single `-`.
pub fn file_stem(name: &str) -> String {
    let mut out = String::new();
    for c in name.trim().chars() {
        if c.is_alphanumeric() || c == '_' {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    let out = out.trim_end_matches('-');
    if out.is_empty() {
        "company".to_string()
    } else {
        out.chars().take(80).collect()
    }
}

/// `dir` joined with `file`, with the separator `dir` already uses.
fn join(dir: &str, file: &str) -> String {
    let sep = if dir.contains('\\') && !dir.contains('/') {
        '\\'
    } else {
        '/'
    };
    let dir = dir.trim_end_matches(['/', '\\']);
    if dir.is_empty() {
        file.to_string()
    } else {
        format!("{dir}{sep}{file}")
    }
}

/// Problems the UI can find without the shell.
fn check(
    company: &Result<NewCompany, FieldError>,
    path: &str,
    pass: &str,
    confirm: &str,
) -> Vec<FieldError> {
    let mut e = match company {
        Ok(c) => c.validate(),
        Err(year) => vec![year.clone()],
    };
    if path.trim().is_empty() {
        e.push(FieldError::new("path", "v-path-required"));
    } else if !path.trim().ends_with(EXTENSION) {
        e.push(FieldError::new("path", "v-path-extension"));
    }
    if pass.chars().count() < MIN_PASSPHRASE_CHARS {
        e.push(
            FieldError::new("passphrase", "v-passphrase-too-short")
                .arg("min", MIN_PASSPHRASE_CHARS),
        );
    }
    if pass != confirm {
        e.push(FieldError::new(
            "passphrase_confirm",
            "v-passphrase-mismatch",
        ));
    }
    e
}

#[component]
pub fn CreateScreen() -> impl IntoView {
    let ctx = use_app();
    let name = RwSignal::new(String::new());
    let country = RwSignal::new("EG".to_string());
    let year = RwSignal::new(format::this_year().to_string());
    let typed_path = RwSignal::new(String::new());
    let path_edited = RwSignal::new(false);
    let passphrase = RwSignal::new(String::new());
    let confirm = RwSignal::new(String::new());
    let remember = RwSignal::new(false);
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let busy = RwSignal::new(false);

    let suggested_name = move || format!("{}{EXTENSION}", name.with(|n| file_stem(n)));
    let path = move || {
        if path_edited.get() {
            typed_path.get()
        } else {
            join(&ctx.default_dir.get(), &suggested_name())
        }
    };

    let browse = move |_| {
        let suggested_name = suggested_name();
        spawn_local(async move {
            let args = PickSavePathArgs { suggested_name };
            if let Ok(Some(p)) = ctx.invoke::<PickSavePath>(args).await {
                typed_path.set(p);
                path_edited.set(true);
                clear(errors, "path");
            }
        });
    };

    let submit = move || {
        if busy.get_untracked() {
            return;
        }
        let company = parse_year("reporting_year", &year.get_untracked()).map(|y| NewCompany {
            name: name.get_untracked().trim().to_string(),
            country: country.get_untracked(),
            reporting_year: y,
        });
        let path = path().trim().to_string();
        let (pass, conf) = (passphrase.get_untracked(), confirm.get_untracked());
        let problems = check(&company, &path, &pass, &conf);
        if !problems.is_empty() {
            errors.set(problems);
            focus_later("#create-screen [aria-invalid=true]");
            return;
        }
        let Ok(company) = company else { return };
        errors.set(Vec::new());
        busy.set(true);
        let args = CreateCompanyArgs {
            path,
            passphrase: pass,
            passphrase_confirm: conf,
            remember: remember.get_untracked() && ctx.keychain_available.get_untracked(),
            company,
        };
        spawn_local(async move {
            let result = ctx.invoke::<CreateCompany>(args).await;
            busy.set(false);
            match result {
                Ok(open) => ctx.opened(open),
                Err(e) => {
                    errors.set(e.fields);
                    focus_later("#create-screen [aria-invalid=true]");
                }
            }
        });
    };
    focus_later("#create-name");

    view! {
        <section id="create-screen" class="screen narrow-screen">
            <form
                class="card form-card"
                novalidate
                on:submit=move |ev| {
                    ev.prevent_default();
                    submit();
                }
            >
                <h1 class="screen-title">{move || t("create-title")}</h1>
                <p class="screen-lead">{move || t("create-lead")}</p>

                <h2 class="section-title">{move || t("create-section-company")}</h2>
                <Field label="field-name" field="name" errors input_id="create-name">
                    <TextInput
                        value=name
                        errors
                        field="name"
                        {..}
                        id="create-name"
                        type="text"
                        dir="auto"
                        autocomplete="organization"
                    />
                </Field>
                <div class="field-grid two">
                    <Field label="field-country" field="country" errors input_id="create-country">
                        <CountrySelect
                            value=country
                            errors
                            field="country"
                            first={HOME_COUNTRIES}
                            {..}
                            id="create-country"
                        />
                    </Field>
                    <Field
                        label="field-reporting_year"
                        field="reporting_year"
                        errors
                        input_id="create-year"
                    >
                        <TextInput
                            value=year
                            errors
                            field="reporting_year"
                            {..}
                            id="create-year"
                            type="text"
                            inputmode="numeric"
                            dir="ltr"
                        />
                    </Field>
                </div>

                <h2 class="section-title">{move || t("create-section-file")}</h2>
                <Field
                    label="field-path"
                    field="path"
                    errors
                    input_id="create-path"
                    hint="create-path-hint"
                >
                    <div class="inline-row">
                        <input
                            id="create-path"
                            class="input"
                            type="text"
                            dir="ltr"
                            spellcheck="false"
                            autocomplete="off"
                            prop:value=path
                            on:input=move |ev| {
                                typed_path.set(event_target_value(&ev));
                                path_edited.set(true);
                                clear(errors, "path");
                            }
                            aria-invalid=invalid(errors, Signal::from("path".to_string()))
                            aria-describedby=error_id("path")
                        />
                        <button id="create-browse" type="button" class="btn" on:click=browse>
                            {move || t("create-browse")}
                        </button>
                    </div>
                </Field>

                <h2 class="section-title">{move || t("create-section-security")}</h2>
                <p class="section-note">{move || t("create-passphrase-note")}</p>
                <div class="field-grid two">
                    <Field
                        label="field-passphrase"
                        field="passphrase"
                        errors
                        input_id="create-passphrase"
                    >
                        <TextInput
                            value=passphrase
                            errors
                            field="passphrase"
                            {..}
                            id="create-passphrase"
                            type="password"
                            autocomplete="new-password"
                        />
                        <StrengthMeter id="create-strength" passphrase />
                    </Field>
                    <Field
                        label="field-passphrase_confirm"
                        field="passphrase_confirm"
                        errors
                        input_id="create-passphrase-confirm"
                    >
                        <TextInput
                            value=confirm
                            errors
                            field="passphrase_confirm"
                            {..}
                            id="create-passphrase-confirm"
                            type="password"
                            autocomplete="new-password"
                        />
                    </Field>
                </div>
                <label class="check">
                    <input
                        id="create-remember"
                        type="checkbox"
                        prop:checked=move || remember.get()
                        prop:disabled=move || !ctx.keychain_available.get()
                        on:change=move |ev| remember.set(event_target_checked(&ev))
                    />
                    <span>{move || t("remember-label")}</span>
                </label>
                <p class="field-hint">
                    {move || {
                        if ctx.keychain_available.get() {
                            t("remember-hint")
                        } else {
                            t("remember-unavailable")
                        }
                    }}
                </p>

                <div class="form-actions">
                    <button
                        id="create-submit"
                        type="submit"
                        class="btn btn-primary"
                        prop:disabled=move || busy.get()
                    >
                        {move || t("create-submit")}
                    </button>
                    <button
                        id="create-cancel"
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
