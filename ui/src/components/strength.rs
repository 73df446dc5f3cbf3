//! The live passphrase strength hint: a coloured meter and a sentence, from
//! `athar_domain::passphrase_strength`, so the UI and the shell judge passphrases alike.

use athar_domain::{passphrase_strength, Strength, MIN_PASSPHRASE_CHARS};
use leptos::prelude::*;

use crate::i18n::tf;

#[component]
pub fn StrengthMeter(
    /// The element id the tests and `aria-describedby` use.
    id: &'static str,
    passphrase: RwSignal<String>,
) -> impl IntoView {
    let strength = Memo::new(move |_| passphrase.with(|p| passphrase_strength(p)));
    let level = move || {
        if passphrase.with(String::is_empty) {
            "empty"
        } else {
            match strength.get() {
                Strength::TooShort => "too-short",
                Strength::Weak => "weak",
                Strength::Fair => "fair",
                Strength::Strong => "strong",
            }
        }
    };
    view! {
        <div class="strength" data-level=level>
            <div class="strength-bar" aria-hidden="true">
                <span class="strength-fill"></span>
            </div>
            <p id=id class="strength-text" aria-live="polite">
                {move || tf(strength.get().key(), &[("min", MIN_PASSPHRASE_CHARS.to_string())])}
            </p>
        </div>
    }
}
