//! `athar cbam import|report|check|export`: CBAM embedded emissions without a window, through
//! the same session code as the desktop app's CBAM tab (`athar_session::cbam`), so a
//! consultant's script and the app compute and write exactly the same thing.

use std::path::{Path, PathBuf};

use athar_cbam::report::Report;
use athar_i18n::Localizer;
use athar_protocol::cbam::{CbamCheckOutcome, CbamImportOutcome, CellProblemView};
use athar_protocol::{Lang, UiError};
use athar_session::cbam::{self as session_cbam, ExportRequest};
use athar_session::store_error;
use serde::Serialize;

use crate::{actor, open, print_json, Failure};

/// A problem of one cell, for people and for `--json`.
#[derive(Serialize)]
struct CellProblemOutput<'a> {
    cell: &'a str,
    key: &'a str,
    field: Option<&'a str>,
    message: String,
}

fn cell_outputs<'a>(l: &Localizer, problems: &'a [CellProblemView]) -> Vec<CellProblemOutput<'a>> {
    problems
        .iter()
        .map(|p| CellProblemOutput {
            cell: &p.cell,
            key: &p.key,
            field: p.field.as_deref(),
            message: l.format(&p.key, &p.args),
        })
        .collect()
}

/// The error of a template nothing was taken from, after listing its cells on stderr.
fn rejected(l: &Localizer, problems: &[CellProblemView]) -> Failure {
    for p in cell_outputs(l, problems) {
        eprintln!("  {}: {}", p.cell, p.message);
    }
    UiError::new("cbam-tpl-invalid")
        .arg("count", problems.len())
        .arg(
            "cell",
            problems
                .first()
                .map(|p| p.cell.as_str())
                .unwrap_or_default(),
        )
        .into()
}

#[derive(Serialize)]
#[serde(tag = "outcome", rename_all = "snake_case")]
enum ImportOutput<'a> {
    Imported {
        id: &'a str,
        file_name: &'a str,
        version: &'a str,
        name: &'a str,
        period_start: &'a str,
        period_end: &'a str,
        products: u32,
        change: &'a str,
    },
    Rejected {
        file_name: &'a str,
        problems: Vec<CellProblemOutput<'a>>,
    },
}

/// `athar cbam import --file F TEMPLATE`: all or nothing.
pub fn import(l: &Localizer, file: &Path, template: &Path, json: bool) -> Result<(), Failure> {
    let mut f = open(file)?;
    match session_cbam::import(&mut f, template, &actor())? {
        CbamImportOutcome::Imported {
            id,
            file_name,
            version,
            name_en,
            period_start,
            period_end,
            products,
            change,
        } => {
            if json {
                print_json(&ImportOutput::Imported {
                    id: &id,
                    file_name: &file_name,
                    version: &version,
                    name: &name_en,
                    period_start: &period_start,
                    period_end: &period_end,
                    products,
                    change: &change,
                });
            } else {
                println!(
                    "{}",
                    l.format(
                        "cli-cbam-imported",
                        &[
                            ("file".into(), file_name),
                            ("version".into(), version),
                            ("id".into(), id),
                            ("installation".into(), name_en),
                            ("products".into(), products.to_string()),
                            ("change".into(), change),
                        ]
                    )
                );
            }
            Ok(())
        }
        CbamImportOutcome::Rejected {
            file_name,
            problems,
        } => {
            if json {
                print_json(&ImportOutput::Rejected {
                    file_name: &file_name,
                    problems: cell_outputs(l, &problems),
                });
            }
            Err(rejected(l, &problems))
        }
    }
}

/// A figure for people: six decimals are enough to read (`--json` keeps every digit).
fn human(v: rust_decimal::Decimal) -> String {
    v.round_dp(6).normalize().to_string()
}

fn print_report_lines(l: &Localizer, report: &Report) {
    println!(
        "{}",
        l.format(
            "cli-cbam-installation",
            &[
                ("installation".into(), report.installation.name.clone()),
                ("start".into(), report.installation.period_start.clone()),
                ("end".into(), report.installation.period_end.clone()),
            ]
        )
    );
    for p in &report.products {
        println!(
            "{}",
            l.format(
                "cli-cbam-product",
                &[
                    ("cn".into(), p.cn_code.clone()),
                    ("name".into(), p.product_name.clone()),
                    ("direct".into(), human(p.see_direct)),
                    ("indirect".into(), human(p.see_indirect)),
                    ("total".into(), human(p.see_total)),
                ]
            )
        );
    }
    println!(
        "{}",
        l.format(
            "cli-cbam-totals",
            &[
                ("direct".into(), human(report.totals.direct)),
                ("indirect".into(), human(report.totals.indirect)),
                ("total".into(), human(report.totals.total)),
            ]
        )
    );
}

/// `athar cbam report --file F [--installation ID] --json`: the installation computed now.
pub fn report(
    l: &Localizer,
    file: &Path,
    installation: Option<&str>,
    json: bool,
) -> Result<(), Failure> {
    let f = open(file)?;
    let record = session_cbam::installation(&f, installation)?;
    let results =
        session_cbam::compute(&record.installation).map_err(|e| session_cbam::calc_error(&e))?;
    let report = Report::new(&record.installation, &results);
    if json {
        print_json(&report);
    } else {
        print_report_lines(l, &report);
    }
    Ok(())
}

#[derive(Serialize)]
struct RejectedOutput<'a> {
    file_name: &'a str,
    problems: Vec<CellProblemOutput<'a>>,
}

/// `athar cbam check TEMPLATE --json`: a supplier's template recomputed; exit 1 when its
/// summary disagrees with the recomputation.
pub fn check(l: &Localizer, template: &Path, json: bool) -> Result<(), Failure> {
    match session_cbam::check(template)? {
        CbamCheckOutcome::Checked {
            file_name, report, ..
        } => {
            if json {
                print_json(&report);
            } else {
                print_report_lines(
                    l,
                    &Report {
                        installation: report.installation.clone(),
                        products: report.products.clone(),
                        totals: report.totals.clone(),
                    },
                );
                for d in &report.discrepancies {
                    println!(
                        "{}",
                        l.format(
                            "cli-cbam-discrepancy",
                            &[
                                ("cell".into(), d.cell.clone()),
                                ("what".into(), d.what.clone()),
                                ("theirs".into(), d.theirs.clone()),
                                ("ours".into(), d.ours.clone()),
                            ]
                        )
                    );
                }
            }
            if report.discrepancies.is_empty() {
                Ok(())
            } else {
                Err(Failure {
                    error: UiError::new("cli-cbam-discrepancies")
                        .arg("file", file_name)
                        .arg("count", report.discrepancies.len()),
                    code: 1,
                })
            }
        }
        CbamCheckOutcome::Rejected {
            file_name,
            problems,
        } => {
            if json {
                print_json(&RejectedOutput {
                    file_name: &file_name,
                    problems: cell_outputs(l, &problems),
                });
            }
            Err(rejected(l, &problems))
        }
    }
}

pub struct ExportOptions<'a> {
    pub file: &'a Path,
    pub installation: Option<&'a str>,
    pub out: &'a Path,
    pub lang: Lang,
    pub customer: Option<&'a str>,
    pub template: Option<&'a Path>,
    pub json: bool,
}

/// `athar cbam export --file F --out DIR [--lang en|ar] [--customer NAME]`: the filled
/// workbook, the PDF summary per EU customer, and per customer with an email address the
/// `.eml` draft and the `.zip`. The blank template: `--template`, else the one chosen in the
/// desktop app's settings, else the built-in one.
pub fn export(l: &Localizer, o: &ExportOptions<'_>) -> Result<(), Failure> {
    let chosen: Option<PathBuf> = o.template.map(Path::to_path_buf).or_else(|| {
        athar_prefs::PrefsFile::default_location()
            .load()
            .cbam_template
    });
    let blank = session_cbam::blank_template(chosen.as_deref())?;
    let mut f = open(o.file)?;
    let record = session_cbam::installation(&f, o.installation)?;
    let company = f.load().map_err(store_error)?;
    let price = f.cbam_carbon_price().map_err(store_error)?;
    let out = session_cbam::export(
        &ExportRequest {
            company: &company,
            record: &record,
            blank: &blank,
            dir: o.out,
            lang: o.lang,
            customer: o.customer,
            carbon_price: price,
            now: time::OffsetDateTime::now_utc(),
        },
        &mut |_| {},
    )?;
    session_cbam::record_export(&mut f, &record.id, o.lang, &out, &actor())?;
    if o.json {
        print_json(&out.report);
    } else {
        for file in &out.report.files {
            println!(
                "{}",
                l.format("cli-cbam-written", &[("path".into(), file.path.clone())])
            );
        }
        for s in &out.report.skipped {
            println!(
                "{}",
                l.format(
                    "cli-cbam-skipped",
                    &[
                        ("customer".into(), s.customer.clone()),
                        ("reason".into(), l.t(&s.key)),
                    ]
                )
            );
        }
    }
    Ok(())
}
