//! One module per screen. Screens read and change the shared `AppCtx` and talk to the shell
//! only through `AppCtx::invoke`.

pub mod activity;
pub mod cbam;
pub mod cbam_choices;
pub mod cbam_form;
pub mod cbam_panels;
pub mod cbam_steps;
pub mod cbam_wizard;
pub mod create;
pub mod documents;
pub mod documents_review;
pub mod documents_settings;
pub mod entry_form;
pub mod factors;
pub mod import;
pub mod inventory;
pub mod profile;
pub mod security;
pub mod settings;
pub mod start;
pub mod unlock;
pub mod vsme;
pub mod vsme_fields;
pub mod vsme_panels;
pub mod workspace;

/// A row of sub-tabs over `current`: `(tab, element id, Fluent key of its name)` each.
pub fn sub_tabs<T>(
    current: leptos::prelude::RwSignal<T>,
    tabs: &[(T, &'static str, &'static str)],
) -> impl leptos::prelude::IntoView
where
    T: Copy + PartialEq + Send + Sync + 'static,
{
    use leptos::prelude::*;
    let buttons = tabs
        .iter()
        .map(|&(tab, id, label)| {
            view! {
                <button
                    type="button"
                    id=id
                    class="subtab"
                    role="tab"
                    aria-selected=move || (current.get() == tab).to_string()
                    on:click=move |_| current.set(tab)
                >
                    {move || crate::i18n::t(label)}
                </button>
            }
        })
        .collect_view();
    view! { <div class="subtabs" role="tablist">{buttons}</div> }
}

/// Puts the keyboard focus on the first element matching `selector` after the next paint
/// (used to land on a new row or on the first invalid field).
pub fn focus_later(selector: impl Into<String>) {
    let selector = selector.into();
    leptos::prelude::request_animation_frame(move || {
        use wasm_bindgen::JsCast;
        let el = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.query_selector(&selector).ok().flatten())
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
        if let Some(el) = el {
            let _ = el.focus();
        }
    });
}
