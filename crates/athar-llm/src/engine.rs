//! Running a GGUF model through llama-cpp-2: load it once, then for each document evaluate the
//! instruction and generate the answer token by token under the grammar.
//!
//! Sampling is greedy (the most likely token the grammar allows), so the same model, text and
//! thread count give the same answer. Gemma's vocabulary has 262,144 tokens and llama.cpp's
//! grammar sampler checks every candidate it is given against the grammar, so filtering the
//! whole vocabulary for every generated token is slow. [`Sampling::TopTokenFirst`] does what
//! llama.cpp's own `common_sampler` does: it checks only the model's top token against the
//! grammar, and filters the whole vocabulary only when that token is rejected. The result is
//! the same token either way (the top token, if the grammar allows it, is the greedy choice
//! among allowed tokens). No top-k sampler runs before the grammar: that chain aborted the
//! process on this machine.
//!
//! The confidence of a field is the probability the model gave, without the grammar, to the
//! tokens that spell its value: the product of their softmax probabilities. The model only
//! proposes: nothing here computes a result from what it wrote.

use std::num::NonZeroU32;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use std::time::Instant;

use llama_cpp_2::context::params::LlamaContextParams;
use llama_cpp_2::llama_backend::LlamaBackend;
use llama_cpp_2::llama_batch::LlamaBatch;
use llama_cpp_2::model::params::LlamaModelParams;
use llama_cpp_2::model::{LlamaChatMessage, LlamaModel};
use llama_cpp_2::sampling::LlamaSampler;
use llama_cpp_2::token::data::LlamaTokenData;
use llama_cpp_2::token::data_array::LlamaTokenDataArray;
use llama_cpp_2::token::LlamaToken;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::error::LlmError;
use crate::grammar::{self, Grammar};
use crate::output::{self, ProposedValue, RejectReason, Rejected};
use crate::prompt;
use crate::schema::FieldRequest;

/// How the next token is chosen under the grammar.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Sampling {
    /// Check the top token against the grammar; filter the vocabulary only if it is rejected.
    #[default]
    TopTokenFirst,
    /// Filter the whole vocabulary through the grammar for every token (for comparison).
    FullVocabulary,
}

/// How to run the model.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ModelOptions {
    /// CPU threads for evaluation.
    pub threads: NonZeroU32,
    /// Context window in tokens: instruction, document text and answer together. The text is
    /// cut to fit.
    pub context_tokens: NonZeroU32,
    pub sampling: Sampling,
    /// Feed text the grammar forces (keys, `}`) in one batch instead of token by token.
    #[serde(default = "yes")]
    pub force_literals: bool,
}

fn yes() -> bool {
    true
}

impl ModelOptions {
    /// A bill's text is rarely above 1,500 tokens; 4,096 leaves room for the instruction and
    /// the answer while keeping the KV cache small.
    pub const DEFAULT_CONTEXT_TOKENS: u32 = 4096;

    /// `threads` threads, the default context, [`Sampling::TopTokenFirst`] and forced literals.
    pub fn with_threads(threads: NonZeroU32) -> Self {
        ModelOptions {
            threads,
            context_tokens: NonZeroU32::new(Self::DEFAULT_CONTEXT_TOKENS)
                .unwrap_or(NonZeroU32::MIN),
            sampling: Sampling::TopTokenFirst,
            force_literals: true,
        }
    }
}

impl Default for ModelOptions {
    /// Half the cores, at least one: ggml's threads spin while they wait for each other, and
    /// with every core busy (the UI, another process) generation slowed from 24 to 1.3 tokens
    /// a second on a loaded two-core machine (docs/benchmarks.md).
    fn default() -> Self {
        let cores = std::thread::available_parallelism()
            .map(|n| n.get())
            .unwrap_or(1);
        let threads =
            NonZeroU32::new(u32::try_from(cores / 2).unwrap_or(1)).unwrap_or(NonZeroU32::MIN);
        ModelOptions::with_threads(threads)
    }
}

/// What to ask about one document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProposalRequest {
    /// The document type in English words ("electricity bill"), for the instruction.
    pub doc_type: String,
    /// The document's text in logical order.
    pub text: String,
    /// The fields still missing or in conflict, in the order they should be answered.
    pub fields: Vec<FieldRequest>,
    /// Values already settled (field name, value), given to the model as context.
    #[serde(default)]
    pub known: Vec<(String, String)>,
}

/// One proposed field value.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Proposal {
    pub value: ProposedValue,
    /// Probability in [0, 1] the model gave the tokens of this value, rounded to 4 places.
    pub confidence: Decimal,
    /// What the model wrote, before it was read as a value of the field's kind.
    pub written: String,
    /// Byte range of the first place `written` occurs in the request's text, if it does: the
    /// evidence a reviewer can be shown. `None` when the model reformatted the value (a date)
    /// or the text does not contain it.
    pub in_text: Option<(usize, usize)>,
}

/// Counters of one run, for progress bars and benchmarks.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct RunStats {
    pub prompt_tokens: u32,
    /// Answer tokens the model chose.
    pub generated_tokens: u32,
    /// Answer tokens the grammar forced (keys, the rest of `null`, the closing brace), fed to
    /// the model in batches instead of being generated one by one.
    pub forced_tokens: u32,
    /// Tokens for which the top token was rejected and the whole vocabulary was filtered.
    pub full_vocabulary_passes: u32,
    pub prompt_ms: f64,
    pub generate_ms: f64,
    /// True when the document text was cut to fit the context.
    pub text_truncated: bool,
}

/// The model's answer for one document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Proposals {
    /// Fields the model gave a value for, by name.
    pub fields: std::collections::BTreeMap<String, Proposal>,
    /// Fields the model answered `null` for, in request order.
    pub not_found: Vec<String>,
    /// Values the model wrote that are not valid for their kind (a 30 February).
    pub rejected: Vec<Rejected>,
    /// The raw JSON the model generated.
    pub raw: String,
    pub stats: RunStats,
}

/// Progress of one [`Model::propose`] call.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "stage")]
pub enum Progress {
    /// Instruction and text evaluated so far.
    Reading { done: u32, total: u32 },
    /// Answer tokens generated so far, and the most there can be.
    Writing { done: u32, max: u32 },
}

/// llama.cpp's process-wide state. It can be set up once per process.
fn backend() -> Result<&'static LlamaBackend, LlmError> {
    static BACKEND: OnceLock<Option<LlamaBackend>> = OnceLock::new();
    BACKEND
        .get_or_init(|| {
            let mut backend = LlamaBackend::init().ok()?;
            // llama.cpp logs every tensor it loads to stderr; keep that for debugging only.
            if std::env::var_os("ATHAR_LLM_LOG").is_none() {
                backend.void_logs();
            }
            Some(backend)
        })
        .as_ref()
        .ok_or(LlmError::Backend)
}

/// A loaded GGUF model.
pub struct Model {
    model: LlamaModel,
    path: PathBuf,
    options: ModelOptions,
    load_ms: f64,
}

impl std::fmt::Debug for Model {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Model")
            .field("path", &self.path)
            .field("options", &self.options)
            .finish_non_exhaustive()
    }
}

/// The first bytes of every GGUF file.
const GGUF_MAGIC: &[u8; 4] = b"GGUF";

impl Model {
    /// Loads the GGUF file at `path`. A missing file or one that is not GGUF is a typed error
    /// before llama.cpp sees it.
    pub fn load(path: &Path, options: ModelOptions) -> Result<Model, LlmError> {
        let started = Instant::now();
        check_gguf_file(path)?;
        let backend = backend()?;
        let model = LlamaModel::load_from_file(backend, path, &LlamaModelParams::default())
            .map_err(|_| LlmError::Unreadable {
                path: path.to_path_buf(),
            })?;
        Ok(Model {
            model,
            path: path.to_path_buf(),
            options,
            load_ms: started.elapsed().as_secs_f64() * 1000.0,
        })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn options(&self) -> &ModelOptions {
        &self.options
    }

    /// How long [`Model::load`] took.
    pub fn load_ms(&self) -> f64 {
        self.load_ms
    }

    /// Asks the model for the requested fields of one document.
    pub fn propose(
        &self,
        request: &ProposalRequest,
        progress: &mut dyn FnMut(Progress),
    ) -> Result<Proposals, LlmError> {
        let grammar = grammar::build(&request.fields)?;
        let backend = backend()?;
        let n_ctx = self.options.context_tokens;
        let threads = i32::try_from(self.options.threads.get()).unwrap_or(i32::MAX);
        let n_batch = n_ctx.get().min(512);
        let params = LlamaContextParams::default()
            .with_n_ctx(Some(n_ctx))
            .with_n_batch(n_batch)
            .with_n_ubatch(n_batch)
            .with_n_threads(threads)
            .with_n_threads_batch(threads);
        let mut ctx = self
            .model
            .new_context(backend, params)
            .map_err(|_| LlmError::Context {
                tokens: n_ctx.get(),
            })?;

        let (tokens, text_truncated) = self.prompt_tokens(request, &grammar)?;
        let prompt_tokens = u32::try_from(tokens.len()).unwrap_or(u32::MAX);

        // Read the instruction in batches.
        let started = Instant::now();
        let mut batch = LlamaBatch::new(n_batch as usize, 1);
        let total = tokens.len();
        for (chunk_index, chunk) in tokens.chunks(n_batch as usize).enumerate() {
            batch.clear();
            let first = chunk_index * n_batch as usize;
            for (i, token) in chunk.iter().enumerate() {
                let pos = i32::try_from(first + i).unwrap_or(i32::MAX);
                batch
                    .add(*token, pos, &[0], first + i + 1 == total)
                    .map_err(|e| LlmError::Decode {
                        detail: e.to_string(),
                    })?;
            }
            ctx.decode(&mut batch).map_err(|e| LlmError::Decode {
                detail: e.to_string(),
            })?;
            progress(Progress::Reading {
                done: u32::try_from(first + chunk.len()).unwrap_or(u32::MAX),
                total: prompt_tokens,
            });
        }
        let prompt_ms = started.elapsed().as_secs_f64() * 1000.0;

        // Write the answer.
        let started = Instant::now();
        let room = n_ctx.get().saturating_sub(prompt_tokens) as usize;
        let max_tokens = grammar.max_output_bytes.min(room);
        let mut sampler = GrammarSampler::new(&self.model, &grammar, self.options.sampling)?;
        let vocab = self.model.vocab();
        let mut out: Vec<u8> = Vec::with_capacity(grammar.max_output_bytes);
        // (byte range in `out`, probability) of each token of the answer.
        let mut token_probs: Vec<(usize, usize, f64)> = Vec::new();
        let mut position = total;
        let mut logits_index = batch.n_tokens() - 1;
        // Tokens written to the answer but not yet evaluated by the model.
        let mut pending: Vec<LlamaToken> = Vec::new();
        let (mut sampled, mut forced) = (0u32, 0u32);
        let mut piece = Vec::with_capacity(16);
        let mut finished = false;
        while token_probs.len() < max_tokens {
            let text = std::str::from_utf8(&out).ok();
            if out.last() == Some(&b'}')
                && text.is_some_and(|t| output::scan(t, &request.fields).is_ok())
            {
                finished = true;
                break;
            }
            if !pending.is_empty() {
                if position + pending.len() > n_ctx.get() as usize {
                    break;
                }
                batch.clear();
                for (i, token) in pending.iter().enumerate() {
                    let pos = i32::try_from(position + i).unwrap_or(i32::MAX);
                    batch
                        .add(*token, pos, &[0], i + 1 == pending.len())
                        .map_err(|e| LlmError::Decode {
                            detail: e.to_string(),
                        })?;
                }
                ctx.decode(&mut batch).map_err(|e| LlmError::Decode {
                    detail: e.to_string(),
                })?;
                position += pending.len();
                logits_index = batch.n_tokens() - 1;
                pending.clear();
            }
            let literal = if self.options.force_literals {
                text.and_then(|t| output::forced_continuation(t, &request.fields))
                    .and_then(|literal| literal_tokens(&vocab, &literal))
            } else {
                None
            };
            if let Some(tokens) = literal {
                for (token, bytes) in tokens {
                    sampler.accept_forced(token)?;
                    let start = out.len();
                    out.extend_from_slice(&bytes);
                    token_probs.push((start, out.len(), 1.0));
                    pending.push(token);
                    forced += 1;
                }
            } else {
                let logits = ctx.get_logits_ith(logits_index);
                let (token, probability) = sampler.next(logits)?;
                if vocab.is_eog(token) {
                    finished = true;
                    break;
                }
                piece.clear();
                vocab.token_to_piece_into(token, &mut piece, false, None);
                let start = out.len();
                out.extend_from_slice(&piece);
                token_probs.push((start, out.len(), probability));
                pending.push(token);
                sampled += 1;
            }
            progress(Progress::Writing {
                done: u32::try_from(token_probs.len()).unwrap_or(u32::MAX),
                max: u32::try_from(max_tokens).unwrap_or(u32::MAX),
            });
        }
        let generate_ms = started.elapsed().as_secs_f64() * 1000.0;
        let raw = String::from_utf8_lossy(&out).into_owned();
        let stats = RunStats {
            prompt_tokens,
            generated_tokens: sampled,
            forced_tokens: forced,
            full_vocabulary_passes: sampler.full_passes,
            prompt_ms,
            generate_ms,
            text_truncated,
        };
        let scanned = output::scan(&raw, &request.fields)
            .map_err(|e| LlmError::Incomplete { at: e.at, finished })?;
        Ok(assemble(request, raw, scanned, &token_probs, stats))
    }

    /// The instruction as tokens: the chat template's framing around our text, with the
    /// document cut to fit the context.
    fn prompt_tokens(
        &self,
        request: &ProposalRequest,
        grammar: &Grammar,
    ) -> Result<(Vec<LlamaToken>, bool), LlmError> {
        let vocab = self.model.vocab();
        let instruction = prompt::instruction(&request.doc_type, &request.fields, &request.known);
        let (frame_before, frame_after) = self.chat_frame()?;
        let mut head = vocab.tokenize(frame_before.as_bytes(), true, true);
        head.extend(vocab.tokenize(instruction.before_text.as_bytes(), false, false));
        let mut tail = vocab.tokenize(instruction.after_text.as_bytes(), false, false);
        tail.extend(vocab.tokenize(frame_after.as_bytes(), false, true));
        let mut text = vocab.tokenize(request.text.as_bytes(), false, false);

        let n_ctx = self.options.context_tokens.get() as usize;
        let answer = grammar.max_output_bytes.min(n_ctx / 4);
        let fixed = head.len() + tail.len() + answer;
        if fixed >= n_ctx {
            return Err(LlmError::Context {
                tokens: self.options.context_tokens.get(),
            });
        }
        let truncated = text.len() > n_ctx - fixed;
        text.truncate(n_ctx - fixed);
        head.extend(text);
        head.extend(tail);
        Ok((head, truncated))
    }

    /// The model's chat template around one user turn, split where the user's words go. Models
    /// without a template get no framing.
    fn chat_frame(&self) -> Result<(String, String), LlmError> {
        const MARK: &str = "\u{1F}ATHAR-USER-TURN\u{1F}";
        let Ok(template) = self.model.chat_template(None) else {
            return Ok((String::new(), String::new()));
        };
        let message =
            LlamaChatMessage::new("user".into(), MARK.into()).map_err(|_| LlmError::Template)?;
        let framed = self
            .model
            .apply_chat_template(&template, &[message], true)
            .map_err(|_| LlmError::Template)?;
        let (before, after) = framed.split_once(MARK).ok_or(LlmError::Template)?;
        Ok((before.to_string(), after.to_string()))
    }
}

/// Refuses paths that are not a readable GGUF file, so llama.cpp never parses a JPEG.
fn check_gguf_file(path: &Path) -> Result<(), LlmError> {
    use std::io::Read;
    let mut file = std::fs::File::open(path).map_err(|_| LlmError::Missing {
        path: path.to_path_buf(),
    })?;
    let mut magic = [0u8; 4];
    if file.read_exact(&mut magic).is_err() || &magic != GGUF_MAGIC {
        return Err(LlmError::NotGguf {
            path: path.to_path_buf(),
        });
    }
    if path.to_str().is_none() {
        return Err(LlmError::Missing {
            path: path.to_path_buf(),
        });
    }
    Ok(())
}

/// Greedy choice under a grammar, with the top-token-first shortcut.
struct GrammarSampler {
    grammar: LlamaSampler,
    sampling: Sampling,
    /// Reused buffer for the whole-vocabulary pass.
    candidates: Vec<LlamaTokenData>,
    full_passes: u32,
}

impl GrammarSampler {
    fn new(model: &LlamaModel, grammar: &Grammar, sampling: Sampling) -> Result<Self, LlmError> {
        let sampler = LlamaSampler::grammar(model, &grammar.text, Grammar::ROOT)
            .map_err(|_| LlmError::Grammar)?;
        Ok(GrammarSampler {
            grammar: sampler,
            sampling,
            candidates: Vec::new(),
            full_passes: 0,
        })
    }

    /// The next token and the probability the model (without the grammar) gave it; the token
    /// is accepted into the grammar's state.
    fn next(&mut self, logits: &[f32]) -> Result<(LlamaToken, f64), LlmError> {
        let (top, max) = argmax(logits).ok_or(LlmError::DeadEnd)?;
        let log_sum = log_sum_exp(logits, max);
        let top_token = LlamaToken::new(i32::try_from(top).map_err(|_| LlmError::DeadEnd)?);
        let chosen = if self.sampling == Sampling::TopTokenFirst && self.allows(top_token, max) {
            top
        } else {
            self.full_passes += 1;
            self.best_allowed(logits)?
        };
        let token = LlamaToken::new(i32::try_from(chosen).map_err(|_| LlmError::DeadEnd)?);
        self.grammar
            .try_accept(token)
            .map_err(|_| LlmError::DeadEnd)?;
        let probability = (f64::from(logits[chosen]) - log_sum).exp();
        Ok((token, probability))
    }

    /// Moves the grammar past a token the grammar itself forced.
    fn accept_forced(&mut self, token: LlamaToken) -> Result<(), LlmError> {
        self.grammar
            .try_accept(token)
            .map_err(|_| LlmError::DeadEnd)
    }

    /// Whether the grammar, in its current state, allows `token` next.
    fn allows(&mut self, token: LlamaToken, logit: f32) -> bool {
        let mut single =
            LlamaTokenDataArray::new(vec![LlamaTokenData::new(token, logit, 0.0)], false);
        single.apply_sampler(&mut self.grammar);
        single
            .data
            .first()
            .is_some_and(|d| d.logit() != f32::NEG_INFINITY)
    }

    /// The most likely token among those the grammar allows.
    fn best_allowed(&mut self, logits: &[f32]) -> Result<usize, LlmError> {
        let mut buffer = std::mem::take(&mut self.candidates);
        buffer.clear();
        buffer.extend(
            logits
                .iter()
                .enumerate()
                .map(|(i, l)| LlamaTokenData::new(LlamaToken::new(i as i32), *l, 0.0)),
        );
        let mut array = LlamaTokenDataArray::new(buffer, false);
        array.apply_sampler(&mut self.grammar);
        let best = array
            .data
            .iter()
            .filter(|d| d.logit() != f32::NEG_INFINITY)
            .max_by(|a, b| {
                a.logit()
                    .total_cmp(&b.logit())
                    .then(b.id().0.cmp(&a.id().0))
            })
            .map(|d| d.id().0 as usize);
        self.candidates = array.data;
        best.ok_or(LlmError::DeadEnd)
    }
}

/// `literal` as tokens with their bytes, if they spell it exactly (a tokenizer that adds a
/// leading space would not); `None` leaves the text to the model.
fn literal_tokens(
    vocab: &llama_cpp_2::vocab::LlamaVocab<'_>,
    literal: &str,
) -> Option<Vec<(LlamaToken, Vec<u8>)>> {
    let tokens = vocab.tokenize(literal.as_bytes(), false, false);
    let pieces: Vec<(LlamaToken, Vec<u8>)> = tokens
        .into_iter()
        .map(|t| (t, vocab.token_to_piece(t, false, None)))
        .collect();
    let spelled: Vec<u8> = pieces.iter().flat_map(|(_, b)| b.iter().copied()).collect();
    (!pieces.is_empty() && spelled == literal.as_bytes()).then_some(pieces)
}

/// Index and value of the largest finite logit; the lowest index wins ties.
fn argmax(logits: &[f32]) -> Option<(usize, f32)> {
    let mut best: Option<(usize, f32)> = None;
    for (i, &l) in logits.iter().enumerate() {
        if l.is_finite() && best.is_none_or(|(_, b)| l > b) {
            best = Some((i, l));
        }
    }
    best
}

/// `ln(sum(exp(l)))`, computed stably around the maximum.
fn log_sum_exp(logits: &[f32], max: f32) -> f64 {
    let max = f64::from(max);
    let sum: f64 = logits
        .iter()
        .filter(|l| l.is_finite())
        .map(|&l| (f64::from(l) - max).exp())
        .sum();
    max + sum.ln()
}

/// Turns the scanned answer into proposals with confidences.
fn assemble(
    request: &ProposalRequest,
    raw: String,
    scanned: Vec<output::RawField>,
    token_probs: &[(usize, usize, f64)],
    stats: RunStats,
) -> Proposals {
    let mut fields = std::collections::BTreeMap::new();
    let mut not_found = Vec::new();
    let mut rejected = Vec::new();
    for (field, raw_field) in request.fields.iter().zip(scanned) {
        let Some(written) = raw_field.text else {
            not_found.push(field.name.clone());
            continue;
        };
        let Some(value) = output::interpret(field, &written) else {
            rejected.push(Rejected {
                field: field.name.clone(),
                written,
                reason: RejectReason::Invalid,
            });
            continue;
        };
        if !output::grounded(field, &written, &request.text) {
            rejected.push(Rejected {
                field: field.name.clone(),
                written,
                reason: RejectReason::NotInDocument,
            });
            continue;
        }
        let span = raw_field.span;
        let probability: f64 = token_probs
            .iter()
            .filter(|(s, e, _)| *s < span.end && *e > span.start)
            .map(|(_, _, p)| *p)
            .product();
        let in_text = request
            .text
            .find(written.as_str())
            .map(|start| (start, start + written.len()));
        fields.insert(
            field.name.clone(),
            Proposal {
                value,
                confidence: confidence(probability),
                written,
                in_text,
            },
        );
    }
    Proposals {
        fields,
        not_found,
        rejected,
        raw,
        stats,
    }
}

/// A probability as a decimal in [0, 1] with 4 places.
fn confidence(probability: f64) -> Decimal {
    let clamped = if probability.is_finite() {
        probability.clamp(0.0, 1.0)
    } else {
        0.0
    };
    // 0..=10_000 fits an i64 exactly; no f64 reaches the decimal.
    let basis_points = (clamped * 10_000.0).round() as i64;
    Decimal::new(basis_points, 4)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn argmax_prefers_the_first_of_equal_logits_and_skips_non_finite() {
        assert_eq!(argmax(&[1.0, 3.0, 3.0, 2.0]), Some((1, 3.0)));
        assert_eq!(
            argmax(&[f32::NAN, f32::NEG_INFINITY, -1.0]),
            Some((2, -1.0))
        );
        assert_eq!(argmax(&[f32::NEG_INFINITY]), None);
    }

    #[test]
    fn log_sum_exp_gives_softmax_probabilities() {
        let logits = [0.0f32, (3.0f64).ln() as f32];
        let lse = log_sum_exp(&logits, logits[1]);
        let p1 = (f64::from(logits[1]) - lse).exp();
        assert!((p1 - 0.75).abs() < 1e-6);
        // Large logits do not overflow.
        let big = [1000.0f32, 1000.0];
        let lse = log_sum_exp(&big, 1000.0);
        assert!(((1000.0 - lse).exp() - 0.5).abs() < 1e-9);
    }

    #[test]
    fn confidence_is_four_places_and_clamped() {
        assert_eq!(confidence(0.87654), Decimal::new(8765, 4));
        assert_eq!(confidence(1.5), Decimal::ONE);
        assert_eq!(confidence(-0.1), Decimal::ZERO);
        assert_eq!(confidence(f64::NAN), Decimal::ZERO);
    }

    #[test]
    fn assemble_multiplies_the_probabilities_of_a_values_tokens() {
        use crate::schema::FieldKind;
        let request = ProposalRequest {
            doc_type: "bill".into(),
            text: "Total 1,250.00 EGP".into(),
            fields: vec![
                FieldRequest::new("amount", "", FieldKind::Decimal),
                FieldRequest::new("issue_date", "", FieldKind::Date),
                FieldRequest::new("supplier", "", FieldKind::Text { max_chars: 9 }),
            ],
            known: Vec::new(),
        };
        let raw = r#"{"amount":"1,250.00","issue_date":"2023-02-30","supplier":null}"#.to_string();
        let scanned = output::scan(&raw, &request.fields).unwrap();
        // Tokens: `{"amount":` (forced), `"1,` , `250` , `.00"` , rest.
        let amount_at = raw.find("\"1,").unwrap();
        let probs = vec![
            (0, amount_at, 0.1),
            (amount_at, amount_at + 3, 0.5),
            (amount_at + 3, amount_at + 6, 0.8),
            (amount_at + 6, amount_at + 10, 0.9),
            (amount_at + 10, raw.len(), 0.2),
        ];
        let p = assemble(&request, raw, scanned, &probs, RunStats::default());
        let amount = &p.fields["amount"];
        assert_eq!(amount.value.to_text(), "1250");
        assert_eq!(amount.confidence, Decimal::new(3600, 4));
        assert_eq!(amount.written, "1,250.00");
        assert_eq!(amount.in_text, Some((6, 14)));
        assert_eq!(p.not_found, vec!["supplier".to_string()]);
        assert_eq!(
            p.rejected,
            vec![Rejected {
                field: "issue_date".into(),
                written: "2023-02-30".into(),
                reason: RejectReason::Invalid,
            }]
        );
    }
}
