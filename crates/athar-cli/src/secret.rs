//! Passphrases come from an environment variable (automation, tests) or a hidden prompt.

use athar_protocol::UiError;
use zeroize::Zeroizing;

use crate::Failure;

/// Reads a passphrase from `var`, else prompts (twice when `confirm`).
pub fn passphrase(
    var: &str,
    prompt_key: &str,
    confirm: bool,
) -> Result<Zeroizing<String>, Failure> {
    if let Ok(p) = std::env::var(var) {
        return Ok(Zeroizing::new(p));
    }
    let l = athar_i18n::Localizer::new(
        std::env::var("ATHAR_LANG")
            .ok()
            .and_then(|s| athar_protocol::Lang::parse(&s))
            .unwrap_or_default(),
    )
    .plain();
    let read = |key: &str| {
        rpassword::prompt_password(format!("{}: ", l.t(key)))
            .map(Zeroizing::new)
            .map_err(|_| Failure::from(UiError::new("error-passphrase-required").arg("var", var)))
    };
    let first = read(prompt_key)?;
    if confirm {
        let second = read("prompt-confirm-passphrase")?;
        if *first != *second {
            return Err(UiError::invalid(vec![athar_domain::FieldError::new(
                "passphrase_confirm",
                "v-passphrase-mismatch",
            )])
            .into());
        }
    }
    if first.is_empty() {
        return Err(UiError::new("error-passphrase-required").into());
    }
    Ok(first)
}
