//! OCR and the language model in a child process, so that a native crash or a C++ abort
//! (llama.cpp and Tesseract both abort on some inputs) fails one document instead of taking
//! the application down.
//!
//! Two halves:
//! - the application's side ([`Worker`], [`run_queue`], [`WorkerEngines`]): starts the
//!   `athar-worker` executable found next to the running one ([`WorkerConfig::
//!   beside_current_exe`]) with `OMP_THREAD_LIMIT=1`, streams progress, cancels by killing the
//!   process, and starts a new one after a crash, reporting the crash as
//!   [`WorkerError::Crashed`] for that job only;
//! - the worker's side ([`serve`]): the `athar-worker` binary reads jobs and writes events as
//!   JSON lines ([`protocol`]).
//!
//! Crates beyond the fixed stack: `base64` (page images inside JSON lines), `image` (already
//! used by athar-extract; decodes those PNGs), `libc` on Unix (`dup2`, see [`stdio`]).

pub mod client;
pub mod engines;
pub mod error;
mod ocr_engine;
pub mod protocol;
pub mod queue;
pub mod serve;
pub mod stdio;

pub use client::{
    binary_name, CancelToken, Worker, WorkerConfig, SELF_WORKER_ARG, WORKER_PATH_ENV,
};
pub use engines::WorkerEngines;
pub use error::WorkerError;
pub use protocol::{Job, JobFailure, JobOutput, ModelSpec, Progress, Stage};
pub use queue::{run_queue, DocumentJob, DocumentStatus, QueueEvent};

/// Runs the worker protocol on stdin/stdout and exits, when this process was started with
/// [`SELF_WORKER_ARG`]; returns at once otherwise. Call it first thing in `main` of an
/// executable that may be its own worker.
pub fn serve_if_asked() {
    if std::env::args_os().nth(1).as_deref() != Some(std::ffi::OsStr::new(SELF_WORKER_ARG)) {
        return;
    }
    std::process::exit(serve_stdio());
}

/// Serves jobs from stdin until it closes; the exit code of the worker process.
pub fn serve_stdio() -> i32 {
    let output = stdio::protocol_output();
    let stdin = std::io::stdin().lock();
    // An error here means the application closed our stdout: nothing left to do.
    match serve::serve(stdin, output) {
        Ok(()) => 0,
        Err(_) => 1,
    }
}
