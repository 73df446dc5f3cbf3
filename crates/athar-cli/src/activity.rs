//! `athar activity import`, `athar inventory` and `athar explain`.

use std::collections::BTreeMap;
use std::path::Path;

use athar_i18n::Localizer;
use athar_import::{Mapping, ReadError, RowError};
use athar_inventory::{Explanation, Inventory};
use athar_protocol::UiError;
use athar_session::store_error;
use athar_store::{CompanyFile, ImportRow};
use serde::Serialize;

use crate::{actor, open, print_json, Failure};

fn read_error(e: ReadError, path: &Path) -> Failure {
    let mut err = UiError::new(e.key()).arg("path", path.display());
    for (k, v) in e.args() {
        err = err.arg(&k, v);
    }
    err.into()
}

#[derive(Serialize)]
struct ImportOutput<'a> {
    source: &'a str,
    rows_read: usize,
    inserted: u64,
    unchanged: u64,
    updated: u64,
    errors: Vec<RowErrorOutput<'a>>,
}

#[derive(Serialize)]
struct RowErrorOutput<'a> {
    row: u64,
    column: &'a str,
    key: &'a str,
    args: &'a BTreeMap<String, String>,
    message: String,
}

fn row_message(l: &Localizer, e: &RowError) -> String {
    let mut args: Vec<(String, String)> = e.args.clone().into_iter().collect();
    args.push(("row".into(), e.row.to_string()));
    args.push(("column".into(), e.column.clone()));
    l.format(e.key, &args)
}

pub fn import(
    l: &Localizer,
    file: &Path,
    input: &Path,
    mapping: Option<&Path>,
    json: bool,
) -> Result<(), Failure> {
    let mapping = match mapping {
        None => Mapping::default(),
        Some(m) => {
            let text = std::fs::read_to_string(m).map_err(|e| read_error(ReadError::Io(e), m))?;
            Mapping::from_json(&text).map_err(|e| read_error(e, m))?
        }
    };
    let table = athar_import::read_file(input).map_err(|e| read_error(e, input))?;
    let source = input
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let converted = athar_import::convert(&table, &mapping, &source);
    let rows: Vec<ImportRow> = converted
        .rows
        .iter()
        .map(|r| ImportRow {
            external_row_id: r.external_id.clone(),
            entry: r.entry.clone(),
        })
        .collect();
    let mut f = open(file)?;
    let outcome = f
        .import_entries(&source, &rows, &actor())
        .map_err(store_error)?;
    let errors: Vec<RowErrorOutput> = converted
        .errors
        .iter()
        .map(|e| RowErrorOutput {
            row: e.row,
            column: &e.column,
            key: e.key,
            args: &e.args,
            message: row_message(l, e),
        })
        .collect();
    if json {
        print_json(&ImportOutput {
            source: &source,
            rows_read: table.rows.len(),
            inserted: outcome.inserted,
            unchanged: outcome.unchanged,
            updated: outcome.updated,
            errors,
        });
    } else {
        println!(
            "{}",
            l.format(
                "cli-import-summary",
                &[
                    ("inserted".into(), outcome.inserted.to_string()),
                    ("unchanged".into(), outcome.unchanged.to_string()),
                    ("updated".into(), outcome.updated.to_string()),
                    ("errors".into(), errors.len().to_string()),
                ]
            )
        );
        for e in &errors {
            println!("  {}", e.message);
        }
    }
    Ok(())
}

/// The inventory of calendar year `year`, as the desktop app computes it. When entries
/// cannot be calculated, each is named on stderr with its reason.
fn calculate(l: &Localizer, f: &CompanyFile, year: i32) -> Result<Inventory, Failure> {
    athar_session::activity::calculate(f, year, false).map_err(|e| {
        if let athar_session::activity::InventoryFailure::Entries(problems) = &e {
            for p in problems {
                eprintln!("  {}: {}", p.entry, l.error(&p.error));
            }
        }
        Failure::from(UiError::from(e))
    })
}

#[derive(Serialize)]
struct InventoryOutput<'a> {
    year: i32,
    /// Category id → value for all sites (`scope1`, `scope2-location`, ... ), when present.
    totals: BTreeMap<String, String>,
    inventory: &'a Inventory,
}

const TOTALS: &[&str] = &[
    "scope1",
    "scope2-location",
    "scope2-market",
    "scope3",
    "total-location",
    "total-market",
    "intensity-location",
    "intensity-market",
];

pub fn inventory(l: &Localizer, file: &Path, year: i32, json: bool) -> Result<(), Failure> {
    let f = open(file)?;
    let inv = calculate(l, &f, year)?;
    let totals: BTreeMap<String, String> = TOTALS
        .iter()
        .filter_map(|c| {
            inv.value(&format!("{c}/all/{year}"))
                .map(|v| (c.to_string(), v.to_string()))
        })
        .collect();
    if json {
        print_json(&InventoryOutput {
            year,
            totals,
            inventory: &inv,
        });
    } else {
        for node in inv.nodes.values() {
            println!(
                "{}",
                l.format(
                    "cli-inventory-line",
                    &[
                        ("id".into(), node.id.to_string()),
                        (
                            "value".into(),
                            athar_inventory::display(node.value, 3).to_string()
                        ),
                        ("unit".into(), node.unit.to_string()),
                    ]
                )
            );
        }
    }
    Ok(())
}

/// The year of a result id: its last segment starts with the year (`2026`, `2026-03`,
/// `2026-01-15..2026-02-14`). Line ids (`line/<entry>`) carry none.
fn year_of(id: &str) -> Option<i32> {
    let last = id.rsplit('/').next()?;
    let last = if matches!(last, "location" | "market") {
        id.rsplit('/').nth(1)?
    } else {
        last
    };
    last.get(..4)?.parse().ok()
}

pub fn explain(
    l: &Localizer,
    file: &Path,
    id: &str,
    year: Option<i32>,
    json: bool,
) -> Result<(), Failure> {
    let f = open(file)?;
    let year = match year.or_else(|| year_of(id)) {
        Some(y) => y,
        None => f.load().map_err(store_error)?.profile.reporting_year,
    };
    let inv = calculate(l, &f, year)?;
    let ex = inv
        .explain(id)
        .ok_or_else(|| Failure::from(UiError::new("error-result-not-found").arg("id", id)))?;
    if json {
        print_json(&ex);
    } else {
        print_tree(l, &ex, 0);
    }
    Ok(())
}

fn print_tree(l: &Localizer, ex: &Explanation<'_>, depth: usize) {
    let pad = "  ".repeat(depth);
    let n = ex.node;
    println!(
        "{pad}{}",
        l.format(
            "cli-explain-node",
            &[
                ("id".into(), n.id.to_string()),
                (
                    "value".into(),
                    athar_inventory::display(n.value, 3).to_string()
                ),
                ("unit".into(), n.unit.to_string()),
            ]
        )
    );
    println!("{pad}  {}", n.formula.substituted);
    for e in &ex.entries {
        let origin = match &e.origin {
            athar_inventory::Origin::Import { file, row } => {
                format!("{file}{}", row.map(|r| format!(":{r}")).unwrap_or_default())
            }
            athar_inventory::Origin::Manual => "manual".into(),
            athar_inventory::Origin::Document => "document".into(),
        };
        println!(
            "{pad}  {}",
            l.format(
                "cli-explain-entry",
                &[
                    ("id".into(), e.id.clone()),
                    ("site".into(), e.site.clone()),
                    ("period".into(), e.period.label()),
                    ("origin".into(), origin),
                ]
            )
        );
    }
    for fc in &ex.factors {
        println!(
            "{pad}  {}",
            l.format(
                "cli-explain-factor",
                &[
                    ("key".into(), fc.key()),
                    ("value".into(), fc.value.to_string()),
                    ("unit".into(), fc.unit.clone()),
                    ("source".into(), fc.source.clone()),
                ]
            )
        );
    }
    for c in &ex.children {
        print_tree(l, c, depth + 1);
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn year_of_result_ids() {
        assert_eq!(super::year_of("scope1/all/2026"), Some(2026));
        assert_eq!(super::year_of("total-location/site-1/2026-03"), Some(2026));
        assert_eq!(super::year_of("line/E-1/location"), None);
        assert_eq!(super::year_of("line/E-1"), None);
    }
}
