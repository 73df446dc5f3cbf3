//! The worker process from the application's side: crashes fail one job and the next job gets
//! a new process, cancel kills the process, progress arrives in order, and the process gets
//! `OMP_THREAD_LIMIT=1`.

use std::sync::mpsc;
use std::time::{Duration, Instant};

use athar_worker::protocol::TEST_JOBS_ENV;
use athar_worker::{
    run_queue, CancelToken, DocumentJob, DocumentStatus, Job, JobOutput, ModelSpec, QueueEvent,
    Stage, Worker, WorkerConfig, WorkerError,
};

fn config() -> WorkerConfig {
    WorkerConfig::new(env!("CARGO_BIN_EXE_athar-worker")).with_env(TEST_JOBS_ENV, "1")
}

fn sleep(steps: u32, step_ms: u64) -> Job {
    Job::SleepForTest { steps, step_ms }
}

fn no_progress() -> impl FnMut(&athar_worker::Progress) {
    |_| {}
}

#[test]
fn an_abort_fails_that_job_only_and_the_next_job_gets_a_new_process() {
    let mut worker = Worker::new(config());
    let cancel = CancelToken::new();
    assert_eq!(
        worker.run(&sleep(1, 1), &cancel, &mut no_progress()),
        Ok(JobOutput::Slept)
    );
    let first_pid = worker.pid().unwrap();
    let crash = worker.run(&Job::AbortForTest, &cancel, &mut no_progress());
    match crash {
        Err(WorkerError::Crashed { status, .. }) => {
            if cfg!(unix) {
                assert_eq!(status, "signal 6");
            }
        }
        other => panic!("expected a crash, got {other:?}"),
    }
    assert_eq!(worker.pid(), None);
    assert_eq!(
        worker.run(&sleep(1, 1), &cancel, &mut no_progress()),
        Ok(JobOutput::Slept)
    );
    assert_ne!(worker.pid().unwrap(), first_pid);
    assert_eq!(worker.starts(), 2);
}

#[test]
fn a_process_killed_from_outside_is_a_crash_of_the_running_job() {
    let mut worker = Worker::new(config());
    worker.start().unwrap();
    let pid = worker.pid().unwrap();
    std::thread::spawn(move || {
        std::thread::sleep(Duration::from_millis(100));
        let _ = std::process::Command::new("kill")
            .args(["-9", &pid.to_string()])
            .status();
    });
    let result = worker.run(&sleep(200, 10), &CancelToken::new(), &mut no_progress());
    match result {
        Err(WorkerError::Crashed { status, .. }) => assert_eq!(status, "signal 9"),
        other => panic!("expected a crash, got {other:?}"),
    }
    assert_eq!(
        worker.run(&sleep(1, 1), &CancelToken::new(), &mut no_progress()),
        Ok(JobOutput::Slept)
    );
}

#[test]
fn progress_arrives_in_order_before_the_result() {
    let mut worker = Worker::new(config());
    let mut seen = Vec::new();
    let out = worker
        .run(&sleep(5, 2), &CancelToken::new(), &mut |p| seen.push(*p))
        .unwrap();
    assert_eq!(out, JobOutput::Slept);
    let done: Vec<u32> = seen.iter().map(|p| p.done).collect();
    assert_eq!(done, vec![1, 2, 3, 4, 5]);
    assert!(seen
        .iter()
        .all(|p| p.stage == Stage::Testing && p.total == 5));
}

#[test]
fn cancel_kills_the_process_and_later_jobs_run_after_reset() {
    let mut worker = Worker::new(config());
    let cancel = CancelToken::new();
    let (tx, rx) = mpsc::channel::<()>();
    let remote = cancel.clone();
    std::thread::spawn(move || {
        // Cancel once the job has visibly started.
        if rx.recv().is_ok() {
            remote.cancel();
        }
    });
    let started = Instant::now();
    let mut first = true;
    let result = worker.run(&sleep(1000, 10), &cancel, &mut |_| {
        if first {
            first = false;
            let _ = tx.send(());
        }
    });
    assert_eq!(result, Err(WorkerError::Cancelled));
    assert!(started.elapsed() < Duration::from_secs(5));
    assert_eq!(worker.pid(), None, "the process is gone");
    // Still cancelled: the next job does not start.
    assert_eq!(
        worker.run(&sleep(1, 1), &cancel, &mut no_progress()),
        Err(WorkerError::Cancelled)
    );
    cancel.reset();
    assert_eq!(
        worker.run(&sleep(1, 1), &cancel, &mut no_progress()),
        Ok(JobOutput::Slept)
    );
}

#[test]
fn a_queue_reports_each_document_and_survives_a_crash() {
    let mut worker = Worker::new(config());
    let jobs = vec![
        DocumentJob {
            document: "a.pdf".into(),
            job: sleep(2, 1),
        },
        DocumentJob {
            document: "b.pdf".into(),
            job: Job::AbortForTest,
        },
        DocumentJob {
            document: "c.pdf".into(),
            job: sleep(1, 1),
        },
    ];
    let mut log = Vec::new();
    let results = run_queue(&mut worker, &jobs, &CancelToken::new(), &mut |e| {
        log.push(match e {
            QueueEvent::Status { document, status } => format!("{document} {status:?}"),
            QueueEvent::Progress { document, progress } => {
                format!("{document} {}/{}", progress.done, progress.total)
            }
        })
    });
    let crashed = DocumentStatus::Failed {
        key: "worker-crashed".into(),
        args: vec![("status".into(), "signal 6".into())],
    };
    assert_eq!(
        log,
        vec![
            "a.pdf Queued".to_string(),
            "b.pdf Queued".into(),
            "c.pdf Queued".into(),
            "a.pdf Running".into(),
            "a.pdf 1/2".into(),
            "a.pdf 2/2".into(),
            "a.pdf Done".into(),
            "b.pdf Running".into(),
            format!("b.pdf {crashed:?}"),
            "c.pdf Running".into(),
            "c.pdf 1/1".into(),
            "c.pdf Done".into(),
        ]
    );
    assert!(results[0].is_ok() && results[2].is_ok());
    assert!(matches!(results[1], Err(WorkerError::Crashed { .. })));
}

#[test]
fn a_cancelled_queue_marks_the_rest_cancelled() {
    let mut worker = Worker::new(config());
    let jobs: Vec<DocumentJob> = (0..3)
        .map(|i| DocumentJob {
            document: format!("{i}.png"),
            job: sleep(1000, 10),
        })
        .collect();
    let cancel = CancelToken::new();
    let mut statuses = Vec::new();
    let results = run_queue(&mut worker, &jobs, &cancel.clone(), &mut |e| match e {
        QueueEvent::Progress { .. } => cancel.cancel(),
        QueueEvent::Status { document, status } => statuses.push((document.to_string(), status)),
    });
    assert!(results.iter().all(|r| r == &Err(WorkerError::Cancelled)));
    let last: Vec<_> = statuses[statuses.len() - 3..].to_vec();
    assert_eq!(
        last,
        vec![
            ("0.png".to_string(), DocumentStatus::Cancelled),
            ("1.png".to_string(), DocumentStatus::Cancelled),
            ("2.png".to_string(), DocumentStatus::Cancelled),
        ]
    );
}

#[test]
fn the_worker_runs_with_omp_thread_limit_1() {
    if !cfg!(target_os = "linux") {
        return;
    }
    let mut worker = Worker::new(config());
    worker.start().unwrap();
    let environ = std::fs::read(format!("/proc/{}/environ", worker.pid().unwrap())).unwrap();
    assert!(environ
        .split(|b| *b == 0)
        .any(|kv| kv == b"OMP_THREAD_LIMIT=1"));
}

#[test]
fn test_jobs_are_refused_without_the_test_variable() {
    let mut worker = Worker::new(WorkerConfig::new(env!("CARGO_BIN_EXE_athar-worker")));
    let result = worker.run(&Job::AbortForTest, &CancelToken::new(), &mut no_progress());
    match result {
        Err(WorkerError::Job(f)) => assert_eq!(f.key, "worker-bad-job"),
        other => panic!("expected a refusal, got {other:?}"),
    }
    assert!(worker.pid().is_some(), "the worker is still running");
}

#[test]
fn a_missing_worker_program_is_a_typed_error() {
    let mut worker = Worker::new(WorkerConfig::new("/nonexistent/athar-worker"));
    let result = worker.run(&sleep(1, 1), &CancelToken::new(), &mut no_progress());
    assert!(matches!(result, Err(WorkerError::NotFound { .. })));
    assert_eq!(result.unwrap_err().key(), "worker-not-found");
}

#[test]
fn a_job_timeout_kills_the_job() {
    let mut worker = Worker::new(config().with_job_timeout(Duration::from_millis(200)));
    let result = worker.run(&sleep(1000, 10), &CancelToken::new(), &mut no_progress());
    assert_eq!(result, Err(WorkerError::Timeout { seconds: 0 }));
    assert_eq!(
        worker.run(&sleep(1, 1), &CancelToken::new(), &mut no_progress()),
        Ok(JobOutput::Slept)
    );
}

#[test]
fn a_damaged_model_fails_its_job_and_the_worker_goes_on() {
    let dir = std::env::temp_dir().join(format!("athar-worker-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    // A GGUF header followed by garbage: llama.cpp refuses it with an error, not an abort.
    let damaged = dir.join("damaged.gguf");
    let mut bytes = b"GGUF\x03\x00\x00\x00".to_vec();
    bytes.extend((0..4096u32).map(|i| (i * 7919 % 251) as u8));
    std::fs::write(&damaged, bytes).unwrap();
    let job = Job::Assist {
        model: ModelSpec::new(&damaged, 1),
        request: athar_extract::AssistRequest {
            doc_type: athar_extract::DocType::ElectricityBill,
            pages: vec![athar_extract::AssistPage {
                number: 1,
                text: "Total 12 EGP".into(),
            }],
            wanted: vec![athar_extract::WantedField {
                name: athar_extract::FieldName::Amount,
                kind: athar_extract::FieldKind::Decimal,
                allowed: vec![],
                reason: athar_extract::WantReason::Missing,
                candidates: vec![],
            }],
            known: vec![],
        },
    };
    let mut worker = Worker::new(config());
    let result = worker.run(&job, &CancelToken::new(), &mut no_progress());
    match &result {
        Err(WorkerError::Job(f)) => {
            assert_eq!(f.key, "llm-model-unreadable");
            assert!(f.unavailable);
        }
        other => panic!("expected a typed failure, got {other:?}"),
    }
    assert_eq!(
        worker.run(&sleep(1, 1), &CancelToken::new(), &mut no_progress()),
        Ok(JobOutput::Slept)
    );
    std::fs::remove_dir_all(&dir).unwrap();
}
