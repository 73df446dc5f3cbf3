//! `athar-extract`'s [`PageOcr`] and [`FieldAssist`] through the worker process, so that
//! extraction in the application runs Tesseract and the model isolated, with the same code
//! path the CLI and tests use in-process.
//!
//! [`WorkerEngines`] is a cheap handle: clone it to pass one clone as the OCR engine and one
//! as the assistant; both send their jobs to the same process (one job at a time).

use std::sync::{Arc, Mutex};

use athar_extract::{
    AssistRequest, EngineError, FieldAssist, OcrPage, PageImage, PageOcr, Proposal,
};

use crate::client::{CancelToken, Worker};
use crate::protocol::{Job, JobOutput, ModelSpec, Progress};

type ProgressSink = Arc<Mutex<Box<dyn FnMut(&Progress) + Send>>>;

/// The worker as extraction's engines.
#[derive(Clone)]
pub struct WorkerEngines {
    worker: Arc<Mutex<Worker>>,
    /// The model chosen in Settings; `None`: the assistant is unavailable.
    model: Option<ModelSpec>,
    /// Tesseract languages for OCR jobs.
    languages: String,
    cancel: CancelToken,
    progress: ProgressSink,
}

impl std::fmt::Debug for WorkerEngines {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("WorkerEngines")
            .field("model", &self.model)
            .field("languages", &self.languages)
            .finish_non_exhaustive()
    }
}

impl WorkerEngines {
    /// OCR in Arabic and English (`ara+eng`), no model, no progress sink.
    pub fn new(worker: Worker) -> Self {
        WorkerEngines {
            worker: Arc::new(Mutex::new(worker)),
            model: None,
            languages: "ara+eng".into(),
            cancel: CancelToken::new(),
            progress: Arc::new(Mutex::new(Box::new(|_: &Progress| {}))),
        }
    }

    pub fn with_model(mut self, model: Option<ModelSpec>) -> Self {
        self.model = model;
        self
    }

    pub fn with_languages(mut self, languages: &str) -> Self {
        self.languages = languages.to_string();
        self
    }

    /// Where progress events of every job go (shared by all clones).
    pub fn with_progress(self, sink: impl FnMut(&Progress) + Send + 'static) -> Self {
        if let Ok(mut p) = self.progress.lock() {
            *p = Box::new(sink);
        }
        self
    }

    /// The token that cancels this handle's jobs (shared by all clones).
    pub fn cancel_token(&self) -> CancelToken {
        self.cancel.clone()
    }

    fn run(&self, job: &Job) -> Result<JobOutput, EngineError> {
        let mut worker = self.worker.lock().map_err(|_| EngineError::Failed {
            detail: "the worker handle was poisoned by a panic".into(),
        })?;
        let mut sink = self.progress.lock().map_err(|_| EngineError::Failed {
            detail: "the progress sink was poisoned by a panic".into(),
        })?;
        worker
            .run(job, &self.cancel, &mut |p| (sink)(p))
            .map_err(EngineError::from)
    }
}

fn unexpected(output: &JobOutput) -> EngineError {
    EngineError::Failed {
        detail: format!("the worker answered with the wrong kind of result: {output:?}"),
    }
}

impl PageOcr for WorkerEngines {
    fn recognise(&mut self, image: &PageImage) -> Result<OcrPage, EngineError> {
        let job = Job::OcrPage {
            png: image.to_png(),
            dpi: image.dpi,
            languages: self.languages.clone(),
        };
        match self.run(&job)? {
            JobOutput::OcrPage { page, .. } => Ok(page),
            other => Err(unexpected(&other)),
        }
    }
}

impl FieldAssist for WorkerEngines {
    fn propose(&mut self, request: &AssistRequest) -> Result<Vec<Proposal>, EngineError> {
        let Some(model) = self.model.clone() else {
            return Err(EngineError::Unavailable {
                detail: "no language model is chosen in Settings".into(),
            });
        };
        let job = Job::Assist {
            model,
            request: request.clone(),
        };
        match self.run(&job)? {
            JobOutput::Assist { proposals, .. } => Ok(proposals),
            other => Err(unexpected(&other)),
        }
    }
}
