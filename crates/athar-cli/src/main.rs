//! `athar`: the same engine as the desktop app, without a window.
//!
//! Output for machines is JSON (`--json`), documented and kept stable in `docs/cli.md`.
//! Messages for people come from the Fluent bundles, in the language of `ATHAR_LANG`
//! (`en` or `ar`; English by default). Exit codes: 0 success, 1 a check failed (the audit
//! chain is broken), 2 usage error, 3 wrong passphrase, 4 any other error.

mod activity;
mod demo;
mod secret;

// The same allocator as the desktop app (docs/decisions/005-mimalloc.md).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::path::PathBuf;
use std::process::ExitCode;

use athar_domain::{NewCompany, Validate};
use athar_i18n::Localizer;
use athar_protocol::{Lang, UiError};
use athar_session::{audit_report, check_new_passphrase, store_error};
use athar_store::{CompanyFile, Unlock};
use clap::{Parser, Subcommand};
use serde::Serialize;

#[derive(Parser)]
#[command(
    name = "athar",
    version,
    about = "Athar: carbon data for exporters, offline."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Create, show or re-key a company file.
    Company {
        #[command(subcommand)]
        command: CompanyCommand,
    },
    /// Check the audit log of a company file.
    Audit {
        #[command(subcommand)]
        command: AuditCommand,
    },
    /// Import or manage activity data (bills, meter readings, invoice lines).
    Activity {
        #[command(subcommand)]
        command: ActivityCommand,
    },
    /// Compute the GHG inventory of a year from the stored activity data.
    Inventory {
        #[arg(long)]
        file: PathBuf,
        /// Calendar year; the profile's reporting year when omitted.
        #[arg(long)]
        year: Option<i32>,
        #[arg(long)]
        json: bool,
    },
    /// Show where one result of the inventory comes from, down to entries and factor rows.
    Explain {
        #[arg(long)]
        file: PathBuf,
        /// A result id, e.g. scope2-location/all/2026 or line/E-1/location.
        result_id: String,
        /// The inventory's year; taken from the result id, else the profile's reporting year.
        #[arg(long)]
        year: Option<i32>,
        #[arg(long)]
        json: bool,
    },
    /// Create a demo company file with a sample profile, sites and customers.
    Demo {
        #[arg(long)]
        file: PathBuf,
        /// Also put the file first in the desktop app's recent files.
        #[arg(long)]
        add_recent: bool,
    },
}

#[derive(Subcommand)]
enum CompanyCommand {
    /// Create a new encrypted company file (passphrase from ATHAR_PASSPHRASE or a prompt).
    Create {
        #[arg(long)]
        file: PathBuf,
        #[arg(long)]
        name: String,
        /// ISO 3166-1 alpha-2 country code, e.g. EG.
        #[arg(long)]
        country: String,
        /// Reporting year; the current year when omitted.
        #[arg(long)]
        year: Option<i32>,
        #[arg(long)]
        json: bool,
    },
    /// Show the company profile, sites and customers.
    Show {
        #[arg(long)]
        file: PathBuf,
        #[arg(long)]
        json: bool,
    },
    /// Change the passphrase (new one from ATHAR_NEW_PASSPHRASE or a prompt).
    Passwd {
        #[arg(long)]
        file: PathBuf,
    },
}

#[derive(Subcommand)]
enum ActivityCommand {
    /// Import rows from a CSV or xlsx file; re-importing the same rows changes nothing.
    Import {
        #[arg(long)]
        file: PathBuf,
        /// The .csv or .xlsx file to read.
        input: PathBuf,
        /// A JSON column mapping; columns are recognised by their headers otherwise.
        #[arg(long)]
        mapping: Option<PathBuf>,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Subcommand)]
enum AuditCommand {
    /// Verify the hash chain; exit 0 when intact, 1 naming the first bad entry.
    Verify {
        #[arg(long)]
        file: PathBuf,
        #[arg(long)]
        json: bool,
    },
}

/// A failed command: the message for the user and the exit code.
struct Failure {
    error: UiError,
    code: u8,
}

impl From<UiError> for Failure {
    fn from(error: UiError) -> Self {
        let code = if error.key == "error-wrong-passphrase" {
            3
        } else {
            4
        };
        Failure { error, code }
    }
}

fn actor() -> String {
    athar_session::actor("cli")
}

fn print_json<T: Serialize>(v: &T) {
    println!(
        "{}",
        serde_json::to_string_pretty(v).expect("output serialises")
    );
}

fn open(file: &std::path::Path) -> Result<CompanyFile, Failure> {
    let pass = secret::passphrase("ATHAR_PASSPHRASE", "prompt-passphrase", false)?;
    CompanyFile::open(file, Unlock::Passphrase(pass.to_string())).map_err(|e| store_error(e).into())
}

#[derive(Serialize)]
struct ShowOutput<'a> {
    path: String,
    schema_version: u32,
    audit_entries: u64,
    company: &'a athar_domain::CompanyData,
}

/// The `company show --json` document (also printed by `company create --json`).
fn print_show_json(
    file: &std::path::Path,
    f: &CompanyFile,
    data: &athar_domain::CompanyData,
) -> Result<(), Failure> {
    print_json(&ShowOutput {
        path: file.display().to_string(),
        schema_version: f.schema_version().map_err(store_error)?,
        audit_entries: f.audit_count().map_err(store_error)?,
        company: data,
    });
    Ok(())
}

fn current_year() -> i32 {
    time::OffsetDateTime::now_utc().year()
}

fn run(cli: Cli, l: &Localizer) -> Result<(), Failure> {
    match cli.command {
        Command::Company {
            command:
                CompanyCommand::Create {
                    file,
                    name,
                    country,
                    year,
                    json,
                },
        } => {
            let company = NewCompany {
                name,
                country: country.trim().to_ascii_uppercase(),
                reporting_year: year.unwrap_or_else(current_year),
            };
            let fields = company.validate();
            if !fields.is_empty() {
                return Err(UiError::invalid(fields).into());
            }
            let pass = secret::passphrase("ATHAR_PASSPHRASE", "prompt-new-passphrase", true)?;
            let problems = check_new_passphrase(&pass, &pass, "passphrase", "passphrase_confirm");
            if !problems.is_empty() {
                return Err(UiError::invalid(problems).into());
            }
            let f = CompanyFile::create(&file, &pass, company, &actor()).map_err(store_error)?;
            let data = f.load().map_err(store_error)?;
            if json {
                print_show_json(&file, &f, &data)?;
            } else {
                println!(
                    "{}",
                    l.format(
                        "cli-created",
                        &[("path".into(), file.display().to_string())]
                    )
                );
            }
            Ok(())
        }
        Command::Company {
            command: CompanyCommand::Show { file, json },
        } => {
            let f = open(&file)?;
            let data = f.load().map_err(store_error)?;
            if json {
                print_show_json(&file, &f, &data)?;
            } else {
                demo::print_profile(l, &data);
            }
            Ok(())
        }
        Command::Company {
            command: CompanyCommand::Passwd { file },
        } => {
            let mut f = open(&file)?;
            let current = secret::passphrase("ATHAR_PASSPHRASE", "prompt-passphrase", false)?;
            let new = secret::passphrase("ATHAR_NEW_PASSPHRASE", "prompt-new-passphrase", true)?;
            let problems = check_new_passphrase(&new, &new, "new", "new_confirm");
            if !problems.is_empty() {
                return Err(UiError::invalid(problems).into());
            }
            f.change_passphrase(&current, &new, &actor())
                .map_err(store_error)?;
            println!("{}", l.t("cli-passphrase-changed"));
            Ok(())
        }
        Command::Audit {
            command: AuditCommand::Verify { file, json },
        } => {
            let f = open(&file)?;
            let report = audit_report(&f.verify_audit().map_err(store_error)?);
            if json {
                print_json(&report);
            }
            match &report.first_bad {
                None => {
                    if !json {
                        println!(
                            "{}",
                            l.format(
                                "cli-audit-intact",
                                &[("count".into(), report.entries.to_string())]
                            )
                        );
                    }
                    Ok(())
                }
                Some(p) => Err(Failure {
                    error: UiError::new("error-audit-broken")
                        .arg("seq", p.seq)
                        .arg("problem", l.t(&p.key)),
                    code: 1,
                }),
            }
        }
        Command::Activity {
            command:
                ActivityCommand::Import {
                    file,
                    input,
                    mapping,
                    json,
                },
        } => activity::import(l, &file, &input, mapping.as_deref(), json),
        Command::Inventory { file, year, json } => {
            let year = match year {
                Some(y) => y,
                None => {
                    open(&file)?
                        .load()
                        .map_err(store_error)?
                        .profile
                        .reporting_year
                }
            };
            activity::inventory(l, &file, year, json)
        }
        Command::Explain {
            file,
            result_id,
            year,
            json,
        } => activity::explain(l, &file, &result_id, year, json),
        Command::Demo { file, add_recent } => {
            let pass = secret::passphrase("ATHAR_PASSPHRASE", "prompt-new-passphrase", true)?;
            demo::create(&file, &pass, &actor())?;
            if add_recent {
                let prefs_file = athar_prefs::PrefsFile::default_location();
                let mut prefs = prefs_file.load();
                prefs.touch_recent(&std::fs::canonicalize(&file).unwrap_or(file.clone()));
                prefs_file
                    .save(&prefs)
                    .map_err(|e| UiError::new("error-prefs").arg("detail", e))?;
            }
            println!(
                "{}",
                l.format(
                    "cli-created",
                    &[("path".into(), file.display().to_string())]
                )
            );
            Ok(())
        }
    }
}

fn main() -> ExitCode {
    let lang = std::env::var("ATHAR_LANG")
        .ok()
        .and_then(|s| Lang::parse(&s))
        .unwrap_or(Lang::En);
    let l = Localizer::new(lang).plain();
    let cli = Cli::parse();
    match run(cli, &l) {
        Ok(()) => ExitCode::SUCCESS,
        Err(f) => {
            eprintln!("athar: {}", l.error(&f.error));
            ExitCode::from(f.code)
        }
    }
}
