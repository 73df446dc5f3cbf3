//! A local GGUF language model that proposes the fields of a bill or invoice which the
//! deterministic parsers left missing or in conflict.
//!
//! Why this crate exists: labels and patterns read most fields of a digital bill, but scans,
//! unusual layouts and Arabic wording leave gaps. A small local model reads the text and fills
//! them, offline. It only proposes: its answer is held to a grammar built from the requested
//! fields ([`grammar`]), every value carries the probability the model gave it
//! ([`Proposal::confidence`]), and a person accepts or edits it. Nothing here computes a
//! result.
//!
//! Why llama-cpp-2: it builds llama.cpp from the sources inside the crate (no download at
//! build time), runs GGUF models on the CPU, and exposes grammar-constrained sampling. It is
//! built without OpenMP and without GPU back ends (CPU only, lean build; see
//! `docs/decisions/025-llama-cpp-2.md`). llama.cpp can abort the process on a damaged model,
//! so the application runs this crate inside `athar-worker`'s child process, never in the UI
//! process.
//!
//! Use: [`Model::load`] once, then [`Model::propose`] per document, or wrap the model in
//! [`ModelAssist`], which implements `athar_extract::FieldAssist`.

pub mod assist;
pub mod engine;
pub mod error;
pub mod grammar;
pub mod output;
pub mod prompt;
pub mod schema;
pub mod test_model;

pub use assist::ModelAssist;
pub use engine::{
    Model, ModelOptions, Progress, Proposal, ProposalRequest, Proposals, RunStats, Sampling,
};
pub use error::LlmError;
pub use output::{ProposedValue, RejectReason, Rejected};
pub use schema::{FieldKind, FieldRequest, SchemaError};
