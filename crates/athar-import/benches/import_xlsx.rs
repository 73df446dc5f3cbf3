//! Importing a 100,000-row xlsx against calamine's raw read of the same file. Target: the
//! import (read into a table, map the columns, convert every row to an activity entry with
//! its checks) within 1.5× of calamine alone (open the workbook, decode the first sheet and
//! visit every cell).
//!
//! `cargo bench -p athar-import --bench import_xlsx` (thread CPU time, median of 7 runs)
//!
//! The workbook is written first with rust_xlsxwriter: 8 columns of monthly bills, fuels,
//! electricity and purchases over 20 sites, dates as text and quantities as numbers.

use std::hint::black_box;
use std::io::Cursor;
use std::time::{Duration, Instant};

use calamine::{Data, Reader, Xlsx};

const ROWS: u32 = 100_000;

// The allocator the app and the CLI use (docs/decisions/005-mimalloc.md).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;
const RUNS: usize = 7;

fn workbook() -> Vec<u8> {
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    let headers = [
        "Reference",
        "Site",
        "From",
        "To",
        "Kind",
        "Fuel",
        "Quantity",
        "Unit",
    ];
    for (c, h) in headers.iter().enumerate() {
        sheet.write_string(0, c as u16, *h).expect("header");
    }
    for i in 0..ROWS {
        let r = i + 1;
        let month = i % 12 + 1;
        let days = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][(month - 1) as usize];
        let (kind, item, unit) = match i % 4 {
            0 => ("fuel", "natural-gas", "Nm3"),
            1 => ("fuel", "gas-diesel-oil", "L"),
            2 => ("electricity", "", "kWh"),
            _ => ("purchased_goods", "steel-scrap", "t"),
        };
        sheet.write_string(r, 0, format!("R-{i}")).expect("cell");
        sheet
            .write_string(r, 1, format!("Site {}", i % 20))
            .expect("cell");
        sheet
            .write_string(r, 2, format!("2026-{month:02}-01"))
            .expect("cell");
        sheet
            .write_string(r, 3, format!("2026-{month:02}-{days}"))
            .expect("cell");
        sheet.write_string(r, 4, kind).expect("cell");
        sheet.write_string(r, 5, item).expect("cell");
        sheet
            .write_number(r, 6, f64::from(i % 997) * 3.7 + 10.0)
            .expect("cell");
        sheet.write_string(r, 7, unit).expect("cell");
    }
    book.save_to_buffer().expect("workbook")
}

fn calamine_raw(bytes: &[u8]) -> usize {
    let mut book: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).expect("xlsx");
    let range = book.worksheet_range_at(0).expect("sheet").expect("range");
    range
        .rows()
        .flat_map(|r| r.iter())
        .filter(|c| !matches!(c, Data::Empty))
        .count()
}

fn athar_import(bytes: &[u8]) -> usize {
    let table = athar_import::read_xlsx(bytes).expect("read");
    let converted = athar_import::convert(&table, &athar_import::Mapping::default(), "bills.xlsx");
    assert!(converted.errors.is_empty(), "{:?}", &converted.errors[..1]);
    converted.rows.len()
}

/// CPU time of this thread so far (Linux `/proc/thread-self/schedstat`, first field, ns), so
/// the figures do not count time spent waiting for a core on a busy machine; wall-clock time
/// where that is not available.
fn thread_cpu() -> Option<Duration> {
    let text = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let ns: u64 = text.split_whitespace().next()?.parse().ok()?;
    Some(Duration::from_nanos(ns))
}

fn time(f: impl Fn() -> usize) -> (Vec<Duration>, usize) {
    let mut times = Vec::new();
    let mut n = 0;
    for _ in 0..RUNS {
        let (t, c) = (Instant::now(), thread_cpu());
        n = black_box(f());
        times.push(match (c, thread_cpu()) {
            (Some(a), Some(b)) => b - a,
            _ => t.elapsed(),
        });
    }
    times.sort();
    (times, n)
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn main() {
    let bytes = workbook();
    println!(
        "workbook: {ROWS} rows, {:.1} MB",
        bytes.len() as f64 / 1_048_576.0
    );
    // Warm-up of both paths (page cache, allocator).
    calamine_raw(&bytes);
    athar_import(&bytes);
    let (raw, cells) = time(|| calamine_raw(&bytes));
    let (import, rows) = time(|| athar_import(&bytes));
    let (read, _) = time(|| athar_import::read_xlsx(&bytes).expect("read").rows.len());
    let table = athar_import::read_xlsx(&bytes).expect("read");
    let (conv, _) = time(|| {
        athar_import::convert(&table, &athar_import::Mapping::default(), "bills.xlsx")
            .rows
            .len()
    });
    println!(
        "of which: read into a table median {:.1} ms, convert median {:.1} ms",
        ms(read[RUNS / 2]),
        ms(conv[RUNS / 2])
    );
    assert_eq!(rows, ROWS as usize);
    let (raw_med, imp_med) = (raw[RUNS / 2], import[RUNS / 2]);
    println!(
        "calamine raw read ({cells} cells): min {:.1} ms, median {:.1} ms",
        ms(raw[0]),
        ms(raw_med)
    );
    println!(
        "athar import ({rows} entries): min {:.1} ms, median {:.1} ms",
        ms(import[0]),
        ms(imp_med)
    );
    println!(
        "ratio (median): {:.2}× (target ≤ 1.5×)",
        imp_med.as_secs_f64() / raw_med.as_secs_f64()
    );
}
