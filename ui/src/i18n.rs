//! The interface language as reactive state.
//!
//! One `athar_i18n::Localizer` per language is built once and kept in a reactive context with
//! the current [`Lang`]; [`t`] and [`tf`] read the language signal, so any view that shows
//! text re-renders when the user flips the language toggle. No text lives in the Rust code.

use athar_domain::FieldError;
use athar_i18n::Localizer;
use athar_protocol::{Lang, UiError};
use leptos::prelude::*;

struct Localizers {
    en: Localizer,
    ar: Localizer,
}

impl Localizers {
    fn get(&self, lang: Lang) -> &Localizer {
        match lang {
            Lang::En => &self.en,
            Lang::Ar => &self.ar,
        }
    }
}

/// The language signal plus both localizers. Cheap to copy into closures.
#[derive(Clone, Copy)]
pub struct I18n {
    pub lang: RwSignal<Lang>,
    bundles: StoredValue<Localizers, LocalStorage>,
}

impl I18n {
    /// The current language; tracked, so the caller re-runs when it changes.
    pub fn lang(&self) -> Lang {
        self.lang.get()
    }

    pub fn t(&self, key: &str) -> String {
        let lang = self.lang.get();
        self.bundles.with_value(|b| b.get(lang).t(key))
    }

    /// Whether the current language (or English) defines `key`.
    pub fn has(&self, key: &str) -> bool {
        let lang = self.lang.get();
        self.bundles.with_value(|b| b.get(lang).has(key))
    }

    pub fn format(&self, key: &str, args: &[(String, String)]) -> String {
        let lang = self.lang.get();
        self.bundles.with_value(|b| b.get(lang).format(key, args))
    }

    /// The headline of an error (its field problems are shown beside the fields).
    pub fn error(&self, e: &UiError) -> String {
        self.format(&e.key, &e.args)
    }

    pub fn field_error(&self, e: &FieldError) -> String {
        self.format(&e.key, &e.args)
    }
}

/// Creates the context; called once by the root component.
pub fn provide_i18n(lang: Lang) -> I18n {
    let i18n = I18n {
        lang: RwSignal::new(lang),
        bundles: StoredValue::new_local(Localizers {
            en: Localizer::new(Lang::En),
            ar: Localizer::new(Lang::Ar),
        }),
    };
    provide_context(i18n);
    i18n
}

pub fn use_i18n() -> I18n {
    expect_context::<I18n>()
}

/// The message `key` in the current language (reactive).
pub fn t(key: &str) -> String {
    use_i18n().t(key)
}

/// The message `key` with arguments in the current language (reactive).
pub fn tf(key: &str, args: &[(&str, String)]) -> String {
    let args: Vec<(String, String)> = args
        .iter()
        .map(|(k, v)| (k.to_string(), v.clone()))
        .collect();
    use_i18n().format(key, &args)
}
