//! The messages between the application and the worker process: one JSON object per line,
//! jobs on the worker's stdin, events on its stdout.
//!
//! Why JSON lines: each message is self-contained, readable in a log, and a reader that meets
//! end-of-file knows the process is gone. Image bytes travel inside the line as base64 PNG
//! (the page image never touches the disk: the original is kept encrypted).
//!
//! A session looks like:
//!
//! ```text
//! → (worker starts)            ← {"event":"ready","protocol":1,"pid":4242}
//! → {"id":1,"job":"assist",…}  ← {"id":1,"event":"progress","stage":"reading","done":512,"total":910}
//!                              ← {"id":1,"event":"done","output":{"kind":"assist",…}}
//! ```

use std::path::PathBuf;

use athar_extract::{AssistRequest, OcrPage, Proposal};
use athar_llm::{RunStats, Sampling};
use serde::{Deserialize, Serialize};

/// Bumped when a message changes shape; the client refuses a worker that speaks another.
pub const PROTOCOL_VERSION: u32 = 1;

/// The environment variable that lets the worker honour the test-only jobs
/// ([`Job::AbortForTest`], [`Job::SleepForTest`]). Never set by the application.
pub const TEST_JOBS_ENV: &str = "ATHAR_WORKER_TEST_JOBS";

/// Which model to run and how.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ModelSpec {
    pub path: PathBuf,
    pub threads: u32,
    #[serde(default = "default_context_tokens")]
    pub context_tokens: u32,
    #[serde(default)]
    pub sampling: Sampling,
}

fn default_context_tokens() -> u32 {
    athar_llm::ModelOptions::DEFAULT_CONTEXT_TOKENS
}

impl ModelSpec {
    /// `path` with `threads` threads and the default context and sampling.
    pub fn new(path: impl Into<PathBuf>, threads: u32) -> Self {
        ModelSpec {
            path: path.into(),
            threads,
            context_tokens: default_context_tokens(),
            sampling: Sampling::default(),
        }
    }
}

/// Work for the worker.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "job", rename_all = "snake_case")]
pub enum Job {
    /// OCR one page image (PNG, any size the caller allowed), in the given Tesseract
    /// languages (`ara+eng`).
    OcrPage {
        #[serde(with = "base64_bytes")]
        png: Vec<u8>,
        /// The page's resolution when known (PNG as sent does not carry it).
        #[serde(default)]
        dpi: Option<u32>,
        languages: String,
    },
    /// Ask the model for the fields of one document.
    Assist {
        model: ModelSpec,
        request: AssistRequest,
    },
    /// Test only: the worker calls `abort()`, as llama.cpp or Tesseract do on a fatal error.
    #[doc(hidden)]
    AbortForTest,
    /// Test only: reports progress `steps` times, `step_ms` apart, then finishes.
    #[doc(hidden)]
    SleepForTest { steps: u32, step_ms: u64 },
}

impl Job {
    /// A short name for logs and errors.
    pub fn name(&self) -> &'static str {
        match self {
            Job::OcrPage { .. } => "ocr_page",
            Job::Assist { .. } => "assist",
            Job::AbortForTest => "abort_for_test",
            Job::SleepForTest { .. } => "sleep_for_test",
        }
    }
}

/// A job with its id, as sent.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct JobLine {
    pub id: u64,
    #[serde(flatten)]
    pub job: Job,
}

/// What a job is doing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    LoadingModel,
    /// The model reads the instruction and text (`done`/`total` tokens).
    Reading,
    /// The model writes its answer (`done` tokens of at most `total`).
    Writing,
    /// Tesseract recognises a page.
    Recognising,
    /// A test job's step.
    Testing,
}

/// One progress report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Progress {
    pub stage: Stage,
    pub done: u32,
    pub total: u32,
}

/// A job's result.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum JobOutput {
    OcrPage {
        page: OcrPage,
        ms: f64,
    },
    Assist {
        proposals: Vec<Proposal>,
        /// Counters of the model run; `None` when no field needed the model.
        stats: Option<RunStats>,
        /// What the model wrote.
        raw: String,
        /// Time to load the model, when this job loaded it.
        load_ms: Option<f64>,
    },
    Slept,
}

/// A job that ran and failed (a missing model, a page Tesseract cannot read), as a Fluent key
/// and arguments from the worker.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct JobFailure {
    pub key: String,
    pub args: Vec<(String, String)>,
    /// English, for logs.
    pub detail: String,
    /// True when the engine is not usable as configured (no model file, no language data):
    /// the user must change a setting, retrying will not help.
    pub unavailable: bool,
}

/// Something the worker reports.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "event", rename_all = "snake_case")]
pub enum Event {
    /// The worker is up.
    Ready {
        protocol: u32,
        pid: u32,
    },
    Progress(Progress),
    Done {
        output: JobOutput,
    },
    Failed {
        failure: JobFailure,
    },
}

/// An event with the id of the job it is about (`None` for [`Event::Ready`]).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EventLine {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<u64>,
    #[serde(flatten)]
    pub event: Event,
}

mod base64_bytes {
    use base64::Engine;
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(bytes: &[u8], s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&base64::engine::general_purpose::STANDARD.encode(bytes))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<u8>, D::Error> {
        let text = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        base64::engine::general_purpose::STANDARD
            .decode(text.as_bytes())
            .map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn jobs_are_one_flat_json_object() {
        let line = JobLine {
            id: 7,
            job: Job::OcrPage {
                png: vec![0x89, b'P', b'N', b'G'],
                dpi: Some(300),
                languages: "ara+eng".into(),
            },
        };
        let json = serde_json::to_string(&line).unwrap();
        assert_eq!(
            json,
            r#"{"id":7,"job":"ocr_page","png":"iVBORw==","dpi":300,"languages":"ara+eng"}"#
        );
        assert_eq!(serde_json::from_str::<JobLine>(&json).unwrap(), line);
        let sleep: JobLine =
            serde_json::from_str(r#"{"id":1,"job":"sleep_for_test","steps":2,"step_ms":5}"#)
                .unwrap();
        assert_eq!(
            sleep.job,
            Job::SleepForTest {
                steps: 2,
                step_ms: 5
            }
        );
    }

    #[test]
    fn events_carry_their_job_id() {
        let e = EventLine {
            id: Some(3),
            event: Event::Progress(Progress {
                stage: Stage::Reading,
                done: 512,
                total: 910,
            }),
        };
        let json = serde_json::to_string(&e).unwrap();
        assert_eq!(
            json,
            r#"{"id":3,"event":"progress","stage":"reading","done":512,"total":910}"#
        );
        assert_eq!(serde_json::from_str::<EventLine>(&json).unwrap(), e);
        let ready = serde_json::to_string(&EventLine {
            id: None,
            event: Event::Ready {
                protocol: 1,
                pid: 9,
            },
        })
        .unwrap();
        assert_eq!(ready, r#"{"event":"ready","protocol":1,"pid":9}"#);
    }

    #[test]
    fn model_spec_defaults() {
        let spec: ModelSpec = serde_json::from_str(r#"{"path":"/m.gguf","threads":2}"#).unwrap();
        assert_eq!(spec, ModelSpec::new("/m.gguf", 2));
        assert_eq!(spec.context_tokens, 4096);
        assert_eq!(spec.sampling, Sampling::TopTokenFirst);
    }
}
