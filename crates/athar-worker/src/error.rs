//! Why a job sent to the worker has no result, as typed errors with Fluent keys.

use std::path::PathBuf;

use athar_extract::EngineError;

use crate::protocol::JobFailure;

/// Why a job has no result. [`WorkerError::key`] gives the Fluent key; a job's own failure
/// ([`WorkerError::Job`]) carries the key the worker chose (`llm-model-missing`…).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum WorkerError {
    /// The worker executable cannot be started.
    #[error("the worker program {path:?} cannot be started: {detail}")]
    NotFound { path: PathBuf, detail: String },
    /// The process died during the job: a native crash, an abort, out of memory.
    #[error("the worker stopped ({status}) {stderr}")]
    Crashed { status: String, stderr: String },
    #[error("cancelled")]
    Cancelled,
    #[error("the worker took longer than {seconds} s")]
    Timeout { seconds: u64 },
    /// The worker said something that is not the protocol (another version, garbage).
    #[error("the worker does not speak the expected protocol: {detail}")]
    Protocol { detail: String },
    /// The job ran and failed.
    #[error("{}", .0.detail)]
    Job(JobFailure),
}

impl WorkerError {
    pub fn key(&self) -> &str {
        match self {
            WorkerError::NotFound { .. } => "worker-not-found",
            WorkerError::Crashed { .. } => "worker-crashed",
            WorkerError::Cancelled => "worker-cancelled",
            WorkerError::Timeout { .. } => "worker-timeout",
            WorkerError::Protocol { .. } => "worker-protocol",
            WorkerError::Job(f) => &f.key,
        }
    }

    /// Fluent arguments of [`WorkerError::key`].
    pub fn args(&self) -> Vec<(String, String)> {
        match self {
            WorkerError::NotFound { path, detail } => vec![
                ("path".into(), path.display().to_string()),
                ("detail".into(), detail.clone()),
            ],
            WorkerError::Crashed { status, .. } => vec![("status".into(), status.clone())],
            WorkerError::Timeout { seconds } => vec![("seconds".into(), seconds.to_string())],
            WorkerError::Protocol { detail } => vec![("detail".into(), detail.clone())],
            WorkerError::Job(f) => f.args.clone(),
            WorkerError::Cancelled => Vec::new(),
        }
    }

    /// Keys this crate itself produces, for the locale tests.
    pub const KEYS: [&'static str; 6] = [
        "worker-not-found",
        "worker-crashed",
        "worker-cancelled",
        "worker-timeout",
        "worker-protocol",
        "worker-bad-job",
    ];
}

impl From<WorkerError> for EngineError {
    /// As extraction sees it: a worker that cannot start or a setting to fix is
    /// `Unavailable`; a crash, a timeout and a cancel keep their meaning.
    fn from(e: WorkerError) -> EngineError {
        match e {
            WorkerError::NotFound { .. } => EngineError::Unavailable {
                detail: e.to_string(),
            },
            WorkerError::Crashed { .. } => EngineError::Crashed {
                detail: e.to_string(),
            },
            WorkerError::Cancelled => EngineError::Cancelled,
            WorkerError::Timeout { seconds } => EngineError::Timeout { seconds },
            WorkerError::Protocol { .. } => EngineError::Failed {
                detail: e.to_string(),
            },
            WorkerError::Job(f) if f.unavailable => EngineError::Unavailable { detail: f.detail },
            WorkerError::Job(f) => EngineError::Failed { detail: f.detail },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use athar_i18n::Localizer;
    use athar_protocol::Lang;

    #[test]
    fn every_key_is_translated_with_its_arguments() {
        let errors = [
            WorkerError::NotFound {
                path: "/opt/athar-worker".into(),
                detail: "No such file".into(),
            },
            WorkerError::Crashed {
                status: "signal 6".into(),
                stderr: String::new(),
            },
            WorkerError::Cancelled,
            WorkerError::Timeout { seconds: 90 },
            WorkerError::Protocol {
                detail: "garbage".into(),
            },
            WorkerError::Job(JobFailure {
                key: "worker-bad-job".into(),
                args: vec![("detail".into(), "no png".into())],
                detail: "no png".into(),
                unavailable: false,
            }),
        ];
        let keys: Vec<&str> = errors.iter().map(WorkerError::key).collect();
        assert_eq!(keys, WorkerError::KEYS.to_vec());
        for lang in [Lang::En, Lang::Ar] {
            let l = Localizer::new(lang).plain();
            for e in &errors {
                assert!(l.has(e.key()), "{} missing in {}", e.key(), lang.code());
                let text = l.format(e.key(), &e.args());
                for (_, value) in e.args() {
                    assert!(text.contains(&value), "{}: {text}", e.key());
                }
            }
        }
    }

    #[test]
    fn extraction_sees_crashes_cancels_and_settings_problems() {
        let crash = WorkerError::Crashed {
            status: "signal 6".into(),
            stderr: "GGML_ASSERT".into(),
        };
        assert!(matches!(
            EngineError::from(crash),
            EngineError::Crashed { .. }
        ));
        assert_eq!(
            EngineError::from(WorkerError::Cancelled),
            EngineError::Cancelled
        );
        let missing_model = WorkerError::Job(JobFailure {
            key: "llm-model-missing".into(),
            args: vec![],
            detail: "gone".into(),
            unavailable: true,
        });
        assert!(matches!(
            EngineError::from(missing_model),
            EngineError::Unavailable { .. }
        ));
    }
}
