//! The budget: a synthetic installation with 10 processes, 20 purchased precursors
//! and 50 goods computed and exported into the Commission's V2.1.1 workbook (read from
//! `shared/reference/` in place) in under a second. Also measured alone: the export, and the
//! import of the exported workbook.
//!
//! `CARGO_TARGET_DIR=/work/targets/cbam cargo bench -p athar-cbam-template --bench export`

use std::hint::black_box;

use athar_cbam::compute;
use athar_cbam::synthetic::{synthetic_installation, SyntheticSpec};
use athar_cbam_template::{export_template, read_template};
use criterion::{criterion_group, criterion_main, Criterion};

const BLANK: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../../shared/reference/cbam/template/CBAM Communication template for installations_en_20241213.xlsx"
);

fn export(c: &mut Criterion) {
    let Ok(blank) = std::fs::read(BLANK) else {
        eprintln!("skipped: the blank template is not at {BLANK}");
        return;
    };
    let inst = synthetic_installation(&SyntheticSpec::new(10, 20, 50));
    let mut group = c.benchmark_group("cbam xlsx");
    group.sample_size(20);
    group.bench_function("compute + export, 10/20/50", |b| {
        b.iter(|| {
            let results = compute(black_box(&inst), None).expect("valid");
            export_template(&blank, &inst, &results).expect("exports")
        })
    });
    let results = compute(&inst, None).expect("valid");
    let filled = export_template(&blank, &inst, &results).expect("exports");
    group.bench_function("export only", |b| {
        b.iter(|| export_template(black_box(&blank), &inst, &results).expect("exports"))
    });
    group.bench_function("import + recompute of the export", |b| {
        b.iter(|| read_template(black_box(&filled)).expect("reads"))
    });
    group.finish();
}

criterion_group!(benches, export);
criterion_main!(benches);
