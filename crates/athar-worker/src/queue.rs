//! Running a list of documents through one worker with a status per document, for the
//! progress bar: each document is queued, running, done, failed or cancelled, and a crash
//! fails only the document it happened on.

use serde::{Deserialize, Serialize};

use crate::client::{CancelToken, Worker};
use crate::error::WorkerError;
use crate::protocol::{Job, JobOutput, Progress};

/// One document's work.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocumentJob {
    /// The caller's id for the document (a file name, a store id).
    pub document: String,
    pub job: Job,
}

/// Where a document is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum DocumentStatus {
    Queued,
    Running,
    Done,
    /// With the error's Fluent key and arguments.
    Failed {
        key: String,
        args: Vec<(String, String)>,
    },
    Cancelled,
}

/// What the queue reports, in order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum QueueEvent<'a> {
    Status {
        document: &'a str,
        status: DocumentStatus,
    },
    Progress {
        document: &'a str,
        progress: Progress,
    },
}

/// Runs `jobs` one after another. Every document is reported `Queued` first; after a cancel
/// the remaining ones are reported `Cancelled` without starting. Returns each document's
/// result in the order given.
pub fn run_queue<'a>(
    worker: &mut Worker,
    jobs: &'a [DocumentJob],
    cancel: &CancelToken,
    on_event: &mut dyn FnMut(QueueEvent<'a>),
) -> Vec<Result<JobOutput, WorkerError>> {
    for j in jobs {
        on_event(QueueEvent::Status {
            document: &j.document,
            status: DocumentStatus::Queued,
        });
    }
    let mut results = Vec::with_capacity(jobs.len());
    for j in jobs {
        let document = j.document.as_str();
        if cancel.is_cancelled() {
            on_event(QueueEvent::Status {
                document,
                status: DocumentStatus::Cancelled,
            });
            results.push(Err(WorkerError::Cancelled));
            continue;
        }
        on_event(QueueEvent::Status {
            document,
            status: DocumentStatus::Running,
        });
        let result = worker.run(&j.job, cancel, &mut |p| {
            on_event(QueueEvent::Progress {
                document,
                progress: *p,
            })
        });
        let status = match &result {
            Ok(_) => DocumentStatus::Done,
            Err(WorkerError::Cancelled) => DocumentStatus::Cancelled,
            Err(e) => DocumentStatus::Failed {
                key: e.key().to_string(),
                args: e.args(),
            },
        };
        on_event(QueueEvent::Status { document, status });
        results.push(result);
    }
    results
}
