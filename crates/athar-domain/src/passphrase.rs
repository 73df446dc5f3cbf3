//! The strength hint shown while a passphrase is typed, and the minimum Athar accepts.
//!
//! A rough estimate only: length dominates, character variety helps, and a handful of
//! notorious choices are rejected outright. The real protection is SQLCipher's slow KDF.

use serde::{Deserialize, Serialize};

pub const MIN_PASSPHRASE_CHARS: usize = 8;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Strength {
    TooShort,
    Weak,
    Fair,
    Strong,
}

impl Strength {
    /// Fluent key of the hint shown under the passphrase field.
    pub fn key(self) -> &'static str {
        match self {
            Strength::TooShort => "strength-too-short",
            Strength::Weak => "strength-weak",
            Strength::Fair => "strength-fair",
            Strength::Strong => "strength-strong",
        }
    }

    pub fn acceptable(self) -> bool {
        self >= Strength::Weak
    }
}

const NOTORIOUS: &[&str] = &[
    "password",
    "12345678",
    "123456789",
    "1234567890",
    "qwertyui",
    "qwerty123",
    "iloveyou",
    "11111111",
    "00000000",
    "abcd1234",
    "password1",
    "passw0rd",
    "letmein1",
];

pub fn passphrase_strength(p: &str) -> Strength {
    let n = p.chars().count();
    if n < MIN_PASSPHRASE_CHARS {
        return Strength::TooShort;
    }
    if NOTORIOUS.contains(&p.to_lowercase().as_str()) {
        return Strength::Weak;
    }
    let classes = [
        p.chars().any(|c| c.is_lowercase()),
        p.chars().any(|c| c.is_uppercase()),
        p.chars().any(|c| c.is_numeric()),
        p.chars().any(|c| !c.is_alphanumeric()),
        !p.is_ascii(),
    ]
    .iter()
    .filter(|b| **b)
    .count();
    let distinct = {
        let mut cs: Vec<char> = p.chars().collect();
        cs.sort_unstable();
        cs.dedup();
        cs.len()
    };
    if distinct < 4 {
        return Strength::Weak;
    }
    match (n, classes) {
        (n, _) if n >= 20 => Strength::Strong,
        (n, c) if n >= 14 && c >= 2 => Strength::Strong,
        (n, c) if n >= 12 || c >= 3 => Strength::Fair,
        _ => Strength::Weak,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hints_grow_with_length_and_variety() {
        assert_eq!(passphrase_strength("short"), Strength::TooShort);
        assert_eq!(passphrase_strength("password"), Strength::Weak);
        assert_eq!(passphrase_strength("aaaaaaaaaaaa"), Strength::Weak);
        assert_eq!(passphrase_strength("abcdefgh"), Strength::Weak);
        assert_eq!(passphrase_strength("Abcdef1!"), Strength::Fair);
        assert_eq!(
            passphrase_strength("correct horse battery staple"),
            Strength::Strong
        );
        assert_eq!(
            passphrase_strength("كلمة سر طويلة جدا للملف"),
            Strength::Strong
        );
        assert!(!Strength::TooShort.acceptable());
    }
}
