//! The company model and the rules that make it valid.
//!
//! This crate exists so that the desktop UI (wasm), the Tauri shell, the store and the CLI all
//! agree on one definition of a company profile and one set of validation rules. It does no
//! I/O and knows nothing of SQLite or Tauri. Validation never produces English text: every
//! problem is a [`FieldError`] carrying a Fluent message key, rendered in the user's language
//! by `athar-i18n`.

pub mod codes;
pub mod company;
pub mod looks_like;
pub mod numerals;
pub mod passphrase;
pub mod validation;

pub use company::{CompanyData, CompanyProfile, Customer, Money, NewCompany, Site};
pub use passphrase::{passphrase_strength, Strength, MIN_PASSPHRASE_CHARS};
pub use validation::{FieldError, Validate};
