//! Protecting the open file: change its passphrase, remember its key on this computer or
//! forget it, and check that nobody edited the audit log behind Athar's back.

use athar_domain::{FieldError, MIN_PASSPHRASE_CHARS};
use athar_protocol::{
    AuditReport, ChangePassphrase, ChangePassphraseArgs, NoArgs, SetRemember, SetRememberArgs,
    VerifyAudit,
};
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::app::use_app;
use crate::components::field::{Field, TextInput};
use crate::components::strength::StrengthMeter;
use crate::format;
use crate::i18n::{t, tf};
use crate::screens::focus_later;

#[component]
pub fn SecurityScreen() -> impl IntoView {
    view! {
        <section id="security-screen" class="screen wide-screen">
            <div class="screen-head">
                <div>
                    <h1 class="screen-title">{move || t("security-title")}</h1>
                    <p class="screen-lead">{move || t("security-lead")}</p>
                </div>
            </div>
            <ChangePassphraseCard />
            <RememberCard />
            <AuditCard />
        </section>
    }
}

#[component]
fn ChangePassphraseCard() -> impl IntoView {
    let ctx = use_app();
    let current = RwSignal::new(String::new());
    let new = RwSignal::new(String::new());
    let confirm = RwSignal::new(String::new());
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let done = RwSignal::new(false);
    let busy = RwSignal::new(false);

    let submit = move || {
        if busy.get_untracked() {
            return;
        }
        done.set(false);
        let args = ChangePassphraseArgs {
            current: current.get_untracked(),
            new: new.get_untracked(),
            new_confirm: confirm.get_untracked(),
        };
        let mut problems = Vec::new();
        if args.current.is_empty() {
            problems.push(FieldError::new("current", "v-required"));
        }
        if args.new.chars().count() < MIN_PASSPHRASE_CHARS {
            problems.push(
                FieldError::new("new", "v-passphrase-too-short").arg("min", MIN_PASSPHRASE_CHARS),
            );
        }
        if args.new != args.new_confirm {
            problems.push(FieldError::new("new_confirm", "v-passphrase-mismatch"));
        }
        if !problems.is_empty() {
            errors.set(problems);
            focus_later("#security-screen [aria-invalid=true]");
            return;
        }
        errors.set(Vec::new());
        busy.set(true);
        spawn_local(async move {
            let result = ctx.invoke::<ChangePassphrase>(args).await;
            busy.set(false);
            match result {
                Ok(()) => {
                    current.set(String::new());
                    new.set(String::new());
                    confirm.set(String::new());
                    done.set(true);
                }
                Err(e) => {
                    if e.key == "error-current-passphrase" {
                        current.set(String::new());
                    }
                    errors.set(e.fields);
                }
            }
        });
    };

    view! {
        <section class="card form-section">
            <h2 class="card-title">{move || t("security-change-title")}</h2>
            <p class="section-note">{move || t("security-change-note")}</p>
            <form
                class="stack"
                novalidate
                on:submit=move |ev| {
                    ev.prevent_default();
                    submit();
                }
            >
                <div class="field-grid three">
                    <Field label="field-current" field="current" errors input_id="pw-current">
                        <TextInput
                            value=current
                            errors
                            field="current"
                            {..}
                            id="pw-current"
                            type="password"
                            autocomplete="current-password"
                        />
                    </Field>
                    <Field label="field-new" field="new" errors input_id="pw-new">
                        <TextInput
                            value=new
                            errors
                            field="new"
                            {..}
                            id="pw-new"
                            type="password"
                            autocomplete="new-password"
                        />
                        <StrengthMeter id="pw-strength" passphrase=new />
                    </Field>
                    <Field label="field-new_confirm" field="new_confirm" errors input_id="pw-confirm">
                        <TextInput
                            value=confirm
                            errors
                            field="new_confirm"
                            {..}
                            id="pw-confirm"
                            type="password"
                            autocomplete="new-password"
                        />
                    </Field>
                </div>
                <div class="form-actions">
                    <button
                        id="pw-submit"
                        type="submit"
                        class="btn btn-primary"
                        prop:disabled=move || busy.get()
                    >
                        {move || t("security-change-submit")}
                    </button>
                    <span id="pw-status" class="save-status" role="status">
                        {move || done.get().then(|| t("security-change-done"))}
                    </span>
                </div>
            </form>
        </section>
    }
}

#[component]
fn RememberCard() -> impl IntoView {
    let ctx = use_app();
    let remembered = move || ctx.open.with(|o| o.as_ref().is_some_and(|c| c.remembered));
    let busy = RwSignal::new(false);
    let toggle = move |ev: leptos::ev::Event| {
        let want = event_target_checked(&ev);
        busy.set(true);
        spawn_local(async move {
            let result = ctx
                .invoke::<SetRemember>(SetRememberArgs { remember: want })
                .await;
            busy.set(false);
            // On failure the checkbox returns to what the shell says is true.
            let now = result.unwrap_or_else(|_| remembered_untracked(ctx));
            ctx.open.update(|o| {
                if let Some(c) = o {
                    c.remembered = now;
                }
            });
        });
    };
    view! {
        <section class="card form-section">
            <h2 class="card-title">{move || t("security-remember-title")}</h2>
            <label class="check">
                <input
                    id="remember-toggle"
                    type="checkbox"
                    prop:checked=remembered
                    prop:disabled=move || busy.get() || !ctx.keychain_available.get()
                    on:change=toggle
                />
                <span>{move || t("remember-label")}</span>
            </label>
            <p class="field-hint">
                {move || {
                    if !ctx.keychain_available.get() {
                        t("remember-unavailable")
                    } else if remembered() {
                        t("security-remember-on")
                    } else {
                        t("security-remember-off")
                    }
                }}
            </p>
        </section>
    }
}

fn remembered_untracked(ctx: crate::app::AppCtx) -> bool {
    ctx.open
        .with_untracked(|o| o.as_ref().is_some_and(|c| c.remembered))
}

#[component]
fn AuditCard() -> impl IntoView {
    let ctx = use_app();
    let i18n = ctx.i18n;
    let report = RwSignal::new(None::<AuditReport>);
    let busy = RwSignal::new(false);
    let entries = move || {
        let n = report
            .with(|r| r.as_ref().map(|r| r.entries))
            .or_else(|| ctx.open.with(|o| o.as_ref().map(|c| c.audit_entries)))
            .unwrap_or(0);
        tf(
            "audit-count",
            &[
                ("count", n.to_string()),
                ("formatted", format::count(i18n.lang(), n)),
            ],
        )
    };
    let verify = move |_| {
        busy.set(true);
        spawn_local(async move {
            let result = ctx.invoke::<VerifyAudit>(NoArgs {}).await;
            busy.set(false);
            report.set(result.ok());
        });
    };
    let result_text = move || {
        report.with(|r| {
            r.as_ref().map(|r| {
                let lang = i18n.lang();
                if r.intact {
                    tf(
                        "audit-intact",
                        &[
                            ("count", r.entries.to_string()),
                            ("formatted", format::count(lang, r.entries)),
                        ],
                    )
                } else if let Some(bad) = &r.first_bad {
                    tf(
                        "error-audit-broken",
                        &[
                            ("seq", format::plain(lang, &bad.seq.to_string())),
                            ("problem", i18n.t(&bad.key)),
                        ],
                    )
                } else {
                    t("audit-broken-unknown")
                }
            })
        })
    };
    let state = move || {
        report.with(|r| match r {
            None => "",
            Some(r) if r.intact => "ok",
            Some(_) => "bad",
        })
    };
    view! {
        <section class="card form-section">
            <h2 class="card-title">{move || t("audit-title")}</h2>
            <p class="section-note">{move || t("audit-note")}</p>
            <p class="audit-count">{entries}</p>
            <div class="form-actions">
                <button
                    id="audit-verify"
                    type="button"
                    class="btn"
                    prop:disabled=move || busy.get()
                    on:click=verify
                >
                    {move || t("audit-verify")}
                </button>
                <span id="audit-result" class="audit-result" data-state=state role="status">
                    {result_text}
                </span>
            </div>
        </section>
    }
}
