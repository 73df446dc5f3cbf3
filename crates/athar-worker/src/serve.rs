//! The worker's side: read jobs from stdin, run them, write events to stdout.
//!
//! The worker keeps what is slow to set up between jobs: the loaded model (reloaded only when
//! its path, threads, context or sampling change) and one Tesseract engine per language set.
//! Everything it is given arrives in the job line; it writes nothing to disk.

use std::collections::BTreeMap;
use std::io::{BufRead, Write};
use std::num::NonZeroU32;
use std::time::{Duration, Instant};

use athar_extract::{EngineError, PageImage, PageOcr};
use athar_llm::{LlmError, Model, ModelAssist, ModelOptions};

use crate::protocol::{
    Event, EventLine, Job, JobFailure, JobLine, JobOutput, ModelSpec, Progress, Stage,
    PROTOCOL_VERSION, TEST_JOBS_ENV,
};

/// Writes events, one line each, flushed at once so the application sees progress live.
struct Events<W: Write> {
    out: W,
}

impl<W: Write> Events<W> {
    fn emit(&mut self, id: Option<u64>, event: Event) -> std::io::Result<()> {
        let line = serde_json::to_string(&EventLine { id, event })
            .map_err(|e| std::io::Error::new(std::io::ErrorKind::InvalidData, e))?;
        self.out.write_all(line.as_bytes())?;
        self.out.write_all(b"\n")?;
        self.out.flush()
    }
}

/// What the worker keeps between jobs.
#[derive(Default)]
struct Engines {
    model: Option<(ModelSpec, ModelAssist)>,
    ocr: BTreeMap<String, Box<dyn PageOcr>>,
}

/// Serves jobs from `input` until it ends. Returns an error only when `output` cannot be
/// written (the application is gone).
pub fn serve(input: impl BufRead, output: impl Write) -> std::io::Result<()> {
    let mut events = Events { out: output };
    events.emit(
        None,
        Event::Ready {
            protocol: PROTOCOL_VERSION,
            pid: std::process::id(),
        },
    )?;
    let test_jobs = std::env::var(TEST_JOBS_ENV).is_ok_and(|v| v == "1");
    let mut engines = Engines::default();
    for line in input.lines() {
        let line = line?;
        if line.trim().is_empty() {
            continue;
        }
        let job: JobLine = match serde_json::from_str(&line) {
            Ok(job) => job,
            Err(e) => {
                // Answer with the id if the line has one, so the client is not left waiting.
                let id = serde_json::from_str::<serde_json::Value>(&line)
                    .ok()
                    .and_then(|v| v.get("id").and_then(serde_json::Value::as_u64));
                events.emit(
                    id,
                    Event::Failed {
                        failure: bad_job(e.to_string()),
                    },
                )?;
                continue;
            }
        };
        let id = Some(job.id);
        let result = run_job(&job.job, &mut engines, test_jobs, &mut |p| {
            // A failed progress write means the application is gone; the final emit reports it.
            let _ = events.emit(id, Event::Progress(p));
        });
        match result {
            Ok(output) => events.emit(id, Event::Done { output })?,
            Err(failure) => events.emit(id, Event::Failed { failure })?,
        }
    }
    Ok(())
}

fn run_job(
    job: &Job,
    engines: &mut Engines,
    test_jobs: bool,
    progress: &mut dyn FnMut(Progress),
) -> Result<JobOutput, JobFailure> {
    match job {
        Job::Assist { model, request } => {
            let load_ms = ensure_model(engines, model, progress)?;
            let Some((_, assist)) = engines.model.as_mut() else {
                return Err(bad_job("no model".into()));
            };
            let proposals = assist
                .propose_with_progress(request, &mut |p| {
                    progress(match p {
                        athar_llm::Progress::Reading { done, total } => Progress {
                            stage: Stage::Reading,
                            done,
                            total,
                        },
                        athar_llm::Progress::Writing { done, max } => Progress {
                            stage: Stage::Writing,
                            done,
                            total: max,
                        },
                    })
                })
                .map_err(llm_failure)?;
            let last = if request.wanted.is_empty() {
                None
            } else {
                assist.last_run()
            };
            Ok(JobOutput::Assist {
                proposals,
                stats: last.map(|l| l.stats.clone()),
                raw: last.map(|l| l.raw.clone()).unwrap_or_default(),
                load_ms,
            })
        }
        Job::OcrPage {
            png,
            dpi,
            languages,
        } => {
            let started = Instant::now();
            let image = decode_png(png, *dpi)?;
            progress(Progress {
                stage: Stage::Recognising,
                done: 0,
                total: 1,
            });
            let engine = match engines.ocr.entry(languages.clone()) {
                std::collections::btree_map::Entry::Occupied(e) => e.into_mut(),
                std::collections::btree_map::Entry::Vacant(v) => {
                    v.insert(crate::ocr_engine::tesseract(languages).map_err(engine_failure)?)
                }
            };
            let page = engine.recognise(&image).map_err(engine_failure)?;
            progress(Progress {
                stage: Stage::Recognising,
                done: 1,
                total: 1,
            });
            Ok(JobOutput::OcrPage {
                page,
                ms: started.elapsed().as_secs_f64() * 1000.0,
            })
        }
        Job::AbortForTest if test_jobs => std::process::abort(),
        Job::SleepForTest { steps, step_ms } if test_jobs => {
            for step in 1..=*steps {
                std::thread::sleep(Duration::from_millis(*step_ms));
                progress(Progress {
                    stage: Stage::Testing,
                    done: step,
                    total: *steps,
                });
            }
            Ok(JobOutput::Slept)
        }
        Job::AbortForTest | Job::SleepForTest { .. } => Err(bad_job(format!(
            "{} is a test job and {TEST_JOBS_ENV} is not set",
            job.name()
        ))),
    }
}

/// Loads the model unless the one loaded has the same spec. Returns the load time when it
/// loaded.
fn ensure_model(
    engines: &mut Engines,
    spec: &ModelSpec,
    progress: &mut dyn FnMut(Progress),
) -> Result<Option<f64>, JobFailure> {
    if engines.model.as_ref().is_some_and(|(s, _)| s == spec) {
        return Ok(None);
    }
    // Free the old model before loading another.
    engines.model = None;
    progress(Progress {
        stage: Stage::LoadingModel,
        done: 0,
        total: 1,
    });
    let options = ModelOptions {
        context_tokens: NonZeroU32::new(spec.context_tokens).unwrap_or(NonZeroU32::MIN),
        sampling: spec.sampling,
        ..ModelOptions::with_threads(NonZeroU32::new(spec.threads).unwrap_or(NonZeroU32::MIN))
    };
    let model = Model::load(&spec.path, options).map_err(llm_failure)?;
    let load_ms = model.load_ms();
    engines.model = Some((spec.clone(), ModelAssist::new(model)));
    progress(Progress {
        stage: Stage::LoadingModel,
        done: 1,
        total: 1,
    });
    Ok(Some(load_ms))
}

fn llm_failure(e: LlmError) -> JobFailure {
    JobFailure {
        key: e.key().to_string(),
        args: e.args(),
        detail: e.to_string(),
        unavailable: matches!(
            e,
            LlmError::Missing { .. } | LlmError::NotGguf { .. } | LlmError::Unreadable { .. }
        ),
    }
}

fn engine_failure(e: EngineError) -> JobFailure {
    JobFailure {
        key: e.key().to_string(),
        args: e.args(),
        detail: e.to_string(),
        unavailable: matches!(e, EngineError::Unavailable { .. }),
    }
}

fn bad_job(detail: String) -> JobFailure {
    JobFailure {
        key: "worker-bad-job".into(),
        args: vec![("detail".into(), detail.clone())],
        detail,
        unavailable: false,
    }
}

/// The PNG the client sent, as the grey page image OCR wants.
fn decode_png(png: &[u8], dpi: Option<u32>) -> Result<PageImage, JobFailure> {
    let image = image::load_from_memory_with_format(png, image::ImageFormat::Png)
        .map_err(|e| bad_job(format!("the page image cannot be decoded: {e}")))?
        .into_luma8();
    let (width, height) = image.dimensions();
    PageImage::new(width, height, dpi, image.into_raw())
        .ok_or_else(|| bad_job("the page image is empty".into()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(input: &str, test_jobs: bool) -> Vec<EventLine> {
        // The env var is read inside serve; tests that need it run the binary instead.
        assert!(!test_jobs);
        let mut out = Vec::new();
        serve(input.as_bytes(), &mut out).unwrap();
        String::from_utf8(out)
            .unwrap()
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect()
    }

    #[test]
    fn says_ready_then_answers_every_job_line() {
        let events = lines(
            concat!(
                "{\"id\":1,\"job\":\"assist\",\"model\":{\"path\":\"/nonexistent.gguf\",\"threads\":1},",
                "\"request\":{\"doc_type\":\"electricity_bill\",\"pages\":[],\"wanted\":[],\"known\":[]}}\n",
                "\n",
                "{\"id\":2,\"job\":\"dance\"}\n",
                "not json\n",
                "{\"id\":3,\"job\":\"abort_for_test\"}\n",
            ),
            false,
        );
        assert!(matches!(
            events[0],
            EventLine {
                id: None,
                event: Event::Ready { protocol: 1, .. }
            }
        ));
        // Job 1: loading the model is attempted and fails with a typed, "unavailable" error.
        let failures: Vec<(Option<u64>, JobFailure)> = events
            .iter()
            .filter_map(|e| match &e.event {
                Event::Failed { failure } => Some((e.id, failure.clone())),
                _ => None,
            })
            .collect();
        assert_eq!(failures.len(), 4);
        assert_eq!(failures[0].0, Some(1));
        assert_eq!(failures[0].1.key, "llm-model-missing");
        assert!(failures[0].1.unavailable);
        assert_eq!(failures[1].0, Some(2));
        assert_eq!(failures[1].1.key, "worker-bad-job");
        assert_eq!(failures[2].0, None);
        // The abort job is refused without the test variable: the process is still here.
        assert_eq!(failures[3].0, Some(3));
        assert_eq!(failures[3].1.key, "worker-bad-job");
    }

    #[test]
    fn a_png_that_is_not_a_png_is_a_bad_job() {
        let failure = decode_png(b"\xFF\xD8\xFF\xE0 a jpeg", None).unwrap_err();
        assert_eq!(failure.key, "worker-bad-job");
    }
}
