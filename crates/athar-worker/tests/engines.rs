//! Extraction's engines through the worker process: Tesseract on a real scanned receipt and
//! the model on a bill, with progress and cancel.

use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use athar_extract::{
    AssistPage, AssistRequest, DocType, EngineError, FieldAssist, FieldKind, FieldName, PageImage,
    PageOcr, WantReason, WantedField,
};
use athar_worker::{
    CancelToken, Job, JobOutput, ModelSpec, Progress, Stage, Worker, WorkerConfig, WorkerEngines,
    WorkerError,
};

fn worker() -> Worker {
    Worker::new(WorkerConfig::new(env!("CARGO_BIN_EXE_athar-worker")))
}

/// A scanned receipt of the SROIE set, read in place from `shared/reference`.
fn receipt() -> PageImage {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/reference/documents/sroie/img/000.jpg"
    );
    let image = image::open(path).expect("SROIE receipt 000").into_luma8();
    let (w, h) = image.dimensions();
    PageImage::new(w, h, Some(150), image.into_raw()).unwrap()
}

#[test]
fn ocr_runs_in_the_worker() {
    let mut engines = WorkerEngines::new(worker()).with_languages("eng");
    let page = engines
        .recognise(&receipt())
        .expect("OCR through the worker");
    let text: String = page
        .lines
        .iter()
        .map(|l| l.text.as_str())
        .collect::<Vec<_>>()
        .join("\n")
        .to_uppercase();
    // The receipt's key fields (sroie/key/000.json): company and total.
    assert!(text.contains("TAMAN DAYA"), "{text}");
    assert!(text.contains("9.00"), "{text}");
}

#[test]
fn missing_language_data_is_unavailable() {
    let mut engines = WorkerEngines::new(worker()).with_languages("xyz");
    match engines.recognise(&receipt()) {
        Err(EngineError::Unavailable { .. }) => {}
        other => panic!("expected unavailable, got {other:?}"),
    }
}

fn bill() -> AssistRequest {
    let wanted = |name: FieldName, reason, candidates: Vec<&str>| WantedField {
        name,
        kind: name.kind(),
        allowed: name
            .kind()
            .allowed_values()
            .iter()
            .map(|v| v.to_string())
            .collect(),
        reason,
        candidates: candidates.into_iter().map(String::from).collect(),
    };
    AssistRequest {
        doc_type: DocType::ElectricityBill,
        pages: vec![AssistPage {
            number: 1,
            text: "North Cairo Electricity Distribution Company\nMonthly electricity bill\n\
                   Meter number: 7781203\nConsumption: 12,500 kWh\nAmount due: 16,875.50 EGP"
                .into(),
        }],
        wanted: vec![
            wanted(FieldName::MeterNumber, WantReason::Missing, vec![]),
            wanted(FieldName::ConsumptionUnit, WantReason::Missing, vec![]),
            wanted(
                FieldName::Amount,
                WantReason::Conflict,
                vec!["16875.5", "12500"],
            ),
        ],
        known: vec![(FieldName::Currency, "EGP".into())],
    }
}

#[test]
fn the_model_proposes_through_the_worker_with_progress_in_order() {
    let Some(model) = athar_llm::test_model::require() else {
        return;
    };
    let seen = Arc::new(Mutex::new(Vec::<Progress>::new()));
    let sink = Arc::clone(&seen);
    let mut engines = WorkerEngines::new(worker())
        .with_model(Some(ModelSpec::new(&model, 1)))
        .with_progress(move |p| sink.lock().unwrap().push(*p));
    let proposals = engines.propose(&bill()).expect("proposals");
    for p in &proposals {
        assert!((0.0..=1.0).contains(&p.confidence));
        match p.name {
            FieldName::Amount => assert!(["16875.5", "12500"].contains(&p.value.as_str())),
            FieldName::ConsumptionUnit => {
                assert!(FieldKind::Unit.allowed_values().contains(&p.value.as_str()))
            }
            FieldName::MeterNumber => assert!(bill().pages[0].text.contains(&p.value)),
            other => panic!("not asked: {other:?}"),
        }
    }
    let stages: Vec<Stage> = seen.lock().unwrap().iter().map(|p| p.stage).collect();
    let first = |s: Stage| stages.iter().position(|x| *x == s).unwrap();
    let last = |s: Stage| stages.iter().rposition(|x| *x == s).unwrap();
    assert!(last(Stage::LoadingModel) < first(Stage::Reading));
    assert!(last(Stage::Reading) < first(Stage::Writing));
    // The second document reuses the loaded model.
    seen.lock().unwrap().clear();
    engines.propose(&bill()).unwrap();
    assert!(!seen
        .lock()
        .unwrap()
        .iter()
        .any(|p| p.stage == Stage::LoadingModel));
}

#[test]
fn cancel_stops_a_model_run() {
    let Some(model) = athar_llm::test_model::require() else {
        return;
    };
    let mut worker = worker();
    let job = Job::Assist {
        model: ModelSpec::new(&model, 1),
        request: bill(),
    };
    let cancel = CancelToken::new();
    let started = Instant::now();
    let mut cancelled_at = None;
    let result = worker.run(&job, &cancel, &mut |p| {
        if p.stage == Stage::Writing && cancelled_at.is_none() {
            cancelled_at = Some(Instant::now());
            cancel.cancel();
        }
    });
    assert_eq!(result, Err(WorkerError::Cancelled));
    let stop = cancelled_at.expect("the model started writing").elapsed();
    assert!(stop < Duration::from_secs(2), "{stop:?}");
    assert!(worker.pid().is_none());
    // A new process answers the next job.
    cancel.reset();
    match worker.run(&job, &cancel, &mut |_| {}) {
        Ok(JobOutput::Assist { load_ms, .. }) => assert!(load_ms.is_some()),
        other => panic!("{other:?} after {:?}", started.elapsed()),
    }
}
