//! SEE of a synthetic installation with 10 processes (a chain of internal transfers),
//! 20 purchased precursors and 50 goods: validation, the calculation with its full result
//! graph, and the report JSON. Part of the "computed and exported in under 1 s"
//! budget; the xlsx export is measured in `athar-cbam-template`.
//!
//! criterion (dev-only) gives the spread over many samples on a shared, noisy machine.
//!
//! `CARGO_TARGET_DIR=/work/targets/cbam cargo bench -p athar-cbam --bench see`

use std::hint::black_box;

use athar_cbam::synthetic::{synthetic_installation, SyntheticSpec};
use athar_cbam::{compute, Report};
use criterion::{criterion_group, criterion_main, Criterion};

fn see(c: &mut Criterion) {
    let inst = synthetic_installation(&SyntheticSpec::new(10, 20, 50));
    c.bench_function("compute 10 processes, 20 precursors, 50 goods", |b| {
        b.iter(|| compute(black_box(&inst), None).expect("the synthetic installation is valid"))
    });
    let results = compute(&inst, None).expect("valid");
    c.bench_function("report json, 50 goods", |b| {
        b.iter(|| serde_json::to_string(&Report::new(black_box(&inst), black_box(&results))))
    });
}

criterion_group!(benches, see);
criterion_main!(benches);
