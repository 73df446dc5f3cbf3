//! The CBAM budget end to end, as the app runs it: a synthetic installation with
//! 10 processes, 20 purchased precursors and 50 goods is computed, compared with the default
//! values, written into the Commission's V2.1.1 workbook, summarised as a PDF (English and
//! Arabic) and packed as an .eml and a .zip for one EU customer — everything "Export" does.
//! The blank template is read from `shared/reference/` in place; without it the bench says so.
//!
//! `CARGO_TARGET_DIR=/work/targets/rel cargo bench -p athar-session --bench cbam_package`

use std::hint::black_box;

use athar_cbam::synthetic::{synthetic_installation, SyntheticSpec};
use athar_domain::{CompanyData, Customer};
use athar_protocol::Lang;
use athar_session::cbam::package::{export, ExportRequest};
use athar_store::cbam::InstallationRecord;
use criterion::{criterion_group, criterion_main, Criterion};

const BLANK: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../../shared/reference/cbam/template/CBAM Communication template for installations_en_20241213.xlsx"
);

fn package(c: &mut Criterion) {
    let Ok(blank) = std::fs::read(BLANK) else {
        eprintln!("skipped: the blank template is not at {BLANK}");
        return;
    };
    let mut company = CompanyData::default();
    company.profile.legal_name_en = "Nile Delta Steel S.A.E.".into();
    company.profile.country = "EG".into();
    company.customers = vec![Customer {
        id: None,
        name: "Rheinstahl Handels GmbH".into(),
        country: "DE".into(),
        email: "cbam@rheinstahl.example.de".into(),
    }];
    let record = InstallationRecord {
        id: "bench".into(),
        installation: synthetic_installation(&SyntheticSpec::new(10, 20, 50)),
        source: "manual".into(),
        created_at: String::new(),
        updated_at: String::new(),
    };
    let mut group = c.benchmark_group("cbam package");
    group.sample_size(10);
    for lang in [Lang::En, Lang::Ar] {
        group.bench_function(format!("10/20/50, {}", lang.code()), |b| {
            b.iter(|| {
                let dir = tempfile::tempdir().expect("temp dir");
                let req = ExportRequest {
                    company: &company,
                    record: &record,
                    blank: &blank,
                    dir: dir.path(),
                    lang,
                    customer: None,
                    carbon_price: Some("80".parse().expect("literal")),
                    // 2026-12-01; a zip cannot date its entries before 1980.
                    now: time::OffsetDateTime::from_unix_timestamp(1_796_083_200)
                        .expect("a valid time"),
                };
                black_box(export(&req, &mut |_| {}).expect("the export is written"));
            })
        });
    }
    group.finish();
}

criterion_group!(benches, package);
criterion_main!(benches);
