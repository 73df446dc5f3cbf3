//! A labelled form field and the validation messages that belong to it.
//!
//! Errors are kept as the `FieldError`s that `athar-domain` (client side) or the shell
//! (`UiError.fields`) produced, and matched to inputs by their path (`profile.city`,
//! `sites.0.name`, `passphrase_confirm`). Each message is a `.field-error` element carrying
//! `data-field` = that path, and the input gets `aria-invalid` while it has one.

use athar_domain::FieldError;
use leptos::prelude::*;

use crate::i18n::{t, use_i18n};

pub type Errors = RwSignal<Vec<FieldError>>;

/// `Some("true")` while `field` has a problem, for the `aria-invalid` attribute.
pub fn invalid(errors: Errors, field: Signal<String>) -> impl Fn() -> Option<&'static str> + Copy {
    move || {
        let f = field.get();
        errors
            .with(|es| es.iter().any(|e| e.field == f))
            .then_some("true")
    }
}

/// Forgets the problems of one field (called when the user edits it).
pub fn clear(errors: Errors, field: &str) {
    if errors.with_untracked(|es| es.iter().any(|e| e.field == field)) {
        errors.update(|es| es.retain(|e| e.field != field));
    }
}

/// The id of the element holding the messages for `field`, for `aria-describedby`.
pub fn error_id(field: &str) -> String {
    format!("err-{}", field.replace('.', "-"))
}

#[component]
pub fn FieldErrors(errors: Errors, #[prop(into)] field: Signal<String>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="field-errors" id=move || error_id(&field.get()) aria-live="polite">
            {move || {
                let f = field.get();
                errors
                    .with(|es| es.iter().filter(|e| e.field == f).cloned().collect::<Vec<_>>())
                    .into_iter()
                    .map(|e| {
                        let path = e.field.clone();
                        view! {
                            <p class="field-error" data-field=path>
                                {move || i18n.field_error(&e)}
                            </p>
                        }
                    })
                    .collect_view()
            }}
        </div>
    }
}

/// Label (from Fluent key `label`), the input given as children, an optional hint and the
/// field's messages.
#[component]
pub fn Field(
    /// Fluent key of the label.
    label: &'static str,
    /// Validation path of the field.
    #[prop(into)]
    field: Signal<String>,
    errors: Errors,
    /// The input's id, when it has one (rows use classes and implicit labels).
    #[prop(optional, into)]
    input_id: Option<String>,
    /// Fluent key of a hint shown under the input.
    #[prop(optional)]
    hint: Option<&'static str>,
    #[prop(optional, into)] class: String,
    children: Children,
) -> impl IntoView {
    let has_error = invalid(errors, field);
    view! {
        <div class=format!("field {class}") class:has-error=move || has_error().is_some()>
            <label class="field-label" for=input_id>
                {move || t(label)}
            </label>
            {children()}
            {hint.map(|h| view! { <p class="field-hint">{move || t(h)}</p> })}
            <FieldErrors errors field />
        </div>
    }
}

/// A text input bound to `value`; editing it clears the field's errors. Give it an id,
/// class, `dir`, `type` and so on with `{..}` attribute spreading.
#[component]
pub fn TextInput(
    value: RwSignal<String>,
    errors: Errors,
    #[prop(into)] field: Signal<String>,
) -> impl IntoView {
    view! {
        <input
            class="input"
            prop:value=move || value.get()
            on:input=move |ev| {
                value.set(event_target_value(&ev));
                clear(errors, &field.get_untracked());
            }
            aria-invalid=invalid(errors, field)
            aria-describedby=move || error_id(&field.get())
        />
    }
}

#[component]
pub fn TextArea(
    value: RwSignal<String>,
    errors: Errors,
    #[prop(into)] field: Signal<String>,
) -> impl IntoView {
    view! {
        <textarea
            class="input textarea"
            rows="3"
            prop:value=move || value.get()
            on:input=move |ev| {
                value.set(event_target_value(&ev));
                clear(errors, &field.get_untracked());
            }
            aria-invalid=invalid(errors, field)
            aria-describedby=move || error_id(&field.get())
        ></textarea>
    }
}
