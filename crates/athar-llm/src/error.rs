//! What can go wrong when the model is asked, as typed errors with Fluent keys.

use std::path::PathBuf;

use crate::schema::SchemaError;

/// Why the model gave no proposals. [`LlmError::key`] gives the Fluent key.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LlmError {
    #[error("the model file {path:?} cannot be opened")]
    Missing { path: PathBuf },
    #[error("{path:?} is not a GGUF model file")]
    NotGguf { path: PathBuf },
    /// llama.cpp refused the file: damaged, truncated, or an architecture it does not know.
    #[error("the model file {path:?} is damaged or of an unsupported kind")]
    Unreadable { path: PathBuf },
    #[error("the language model runtime could not start")]
    Backend,
    #[error("no room for a context of {tokens} tokens")]
    Context { tokens: u32 },
    #[error("the model's chat template cannot be applied")]
    Template,
    #[error("invalid field request: {0}")]
    Schema(#[from] SchemaError),
    /// The grammar we built was refused by llama.cpp: a bug in [`crate::grammar`].
    #[error("the answer grammar was refused")]
    Grammar,
    #[error("the model failed while reading the document: {detail}")]
    Decode { detail: String },
    /// No token the grammar allows was left (should not happen with a well-formed grammar).
    #[error("the model could not continue its answer")]
    DeadEnd,
    /// The answer stopped before the JSON object was complete.
    #[error("the model's answer is incomplete (at byte {at})")]
    Incomplete { at: usize, finished: bool },
}

impl LlmError {
    pub fn key(&self) -> &'static str {
        match self {
            LlmError::Missing { .. } => "llm-model-missing",
            LlmError::NotGguf { .. } => "llm-model-not-gguf",
            LlmError::Unreadable { .. } => "llm-model-unreadable",
            LlmError::Backend => "llm-backend",
            LlmError::Context { .. } => "llm-context",
            LlmError::Template => "llm-template",
            LlmError::Schema(_) => "llm-bad-request",
            LlmError::Grammar => "llm-grammar",
            LlmError::Decode { .. } => "llm-decode",
            LlmError::DeadEnd => "llm-dead-end",
            LlmError::Incomplete { .. } => "llm-incomplete",
        }
    }

    /// Fluent arguments of [`LlmError::key`].
    pub fn args(&self) -> Vec<(String, String)> {
        match self {
            LlmError::Missing { path }
            | LlmError::NotGguf { path }
            | LlmError::Unreadable { path } => {
                vec![("path".into(), path.display().to_string())]
            }
            LlmError::Context { tokens } => vec![("tokens".into(), tokens.to_string())],
            LlmError::Schema(e) => vec![("detail".into(), e.to_string())],
            LlmError::Decode { detail } => vec![("detail".into(), detail.clone())],
            LlmError::Backend
            | LlmError::Template
            | LlmError::Grammar
            | LlmError::DeadEnd
            | LlmError::Incomplete { .. } => Vec::new(),
        }
    }

    /// Every key, for the locale tests.
    pub const KEYS: [&'static str; 11] = [
        "llm-model-missing",
        "llm-model-not-gguf",
        "llm-model-unreadable",
        "llm-backend",
        "llm-context",
        "llm-template",
        "llm-bad-request",
        "llm-grammar",
        "llm-decode",
        "llm-dead-end",
        "llm-incomplete",
    ];
}

#[cfg(test)]
mod tests {
    use super::*;
    use athar_i18n::Localizer;
    use athar_protocol::Lang;

    fn every_error() -> Vec<LlmError> {
        let path = PathBuf::from("/m.gguf");
        vec![
            LlmError::Missing { path: path.clone() },
            LlmError::NotGguf { path: path.clone() },
            LlmError::Unreadable { path },
            LlmError::Backend,
            LlmError::Context { tokens: 4096 },
            LlmError::Template,
            LlmError::Schema(SchemaError::NoFields),
            LlmError::Grammar,
            LlmError::Decode { detail: "x".into() },
            LlmError::DeadEnd,
            LlmError::Incomplete {
                at: 3,
                finished: false,
            },
        ]
    }

    #[test]
    fn every_key_is_listed_and_translated_with_its_arguments() {
        let keys: Vec<&str> = every_error().iter().map(LlmError::key).collect();
        assert_eq!(keys, LlmError::KEYS.to_vec());
        for lang in [Lang::En, Lang::Ar] {
            let l = Localizer::new(lang).plain();
            for e in every_error() {
                assert!(l.has(e.key()), "{} missing in {}", e.key(), lang.code());
                let text = l.format(e.key(), &e.args());
                for (_, value) in e.args() {
                    assert!(text.contains(&value), "{}: {text}", e.key());
                }
            }
        }
    }
}
