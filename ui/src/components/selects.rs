//! Pickers for ISO codes shown by name in the reader's language.
//!
//! The value kept and sent to the shell is always the code (`EG`, `EGP`); the name comes from
//! the browser's `Intl.DisplayNames`. The markets Athar serves are listed first.

use leptos::prelude::*;

use crate::components::field::{clear, error_id, invalid, Errors};
use crate::format;
use crate::i18n::{t, use_i18n};

/// A `<select>` of all ISO 3166 countries, `first` on top. Give it an id or class with `{..}`.
#[component]
pub fn CountrySelect(
    value: RwSignal<String>,
    errors: Errors,
    #[prop(into)] field: Signal<String>,
    /// Codes listed first, in this order.
    first: &'static [&'static str],
    /// Offer an empty choice (for rows that start blank).
    #[prop(optional)]
    allow_empty: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let options = move || {
        let lang = i18n.lang();
        let all = format::countries_sorted(lang);
        let option = move |code: &'static str, name: String| {
            view! {
                <option value=code prop:selected=move || value.get() == code>
                    {name}
                </option>
            }
        };
        let top = first
            .iter()
            .map(|c| option(c, format::country_name(lang, c)))
            .collect_view();
        let rest = all
            .iter()
            .filter(|(c, _)| !first.contains(c))
            .map(|(c, n)| option(c, n.clone()))
            .collect_view();
        view! {
            <optgroup label=t("countries-common")>{top}</optgroup>
            <optgroup label=t("countries-all")>{rest}</optgroup>
        }
    };
    view! {
        <select
            class="input select"
            on:change=move |ev| {
                value.set(event_target_value(&ev));
                clear(errors, &field.get_untracked());
            }
            aria-invalid=invalid(errors, field)
            aria-describedby=move || error_id(&field.get())
        >
            {allow_empty
                .then(|| {
                    view! {
                        <option value="" prop:selected=move || value.get().is_empty()>
                            {move || t("country-choose")}
                        </option>
                    }
                })}
            {options}
        </select>
    }
}

/// A `<select>` of ISO 4217 currencies, the region's currencies, EUR and USD first.
#[component]
pub fn CurrencySelect(
    value: RwSignal<String>,
    errors: Errors,
    #[prop(into)] field: Signal<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    let options = move || {
        let lang = i18n.lang();
        let option = move |code: &'static str| {
            let label = format!("{code} - {}", format::currency_name(lang, code));
            view! {
                <option value=code prop:selected=move || value.get() == code>
                    {label}
                </option>
            }
        };
        let top = format::CURRENCIES_FIRST
            .iter()
            .map(|c| option(c))
            .collect_view();
        let rest = format::currencies_other().map(option).collect_view();
        view! {
            <optgroup label=t("currencies-common")>{top}</optgroup>
            <optgroup label=t("currencies-all")>{rest}</optgroup>
        }
    };
    view! {
        <select
            class="input select"
            dir="ltr"
            on:change=move |ev| {
                value.set(event_target_value(&ev));
                clear(errors, &field.get_untracked());
            }
            aria-invalid=invalid(errors, field)
            aria-describedby=move || error_id(&field.get())
        >
            {options}
        </select>
    }
}
