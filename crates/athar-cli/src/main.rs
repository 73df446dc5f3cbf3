//! `athar`: the same engine as the desktop app, without a window.
//!
//! Output for machines is JSON (`--json`), documented and kept stable in `docs/cli.md`.
//! Messages for people come from the Fluent bundles, in the language of `ATHAR_LANG`
//! (`en` or `ar`; English by default). Exit codes: 0 success, 1 a check failed (the audit
//! chain is broken), 2 usage error, 3 wrong passphrase, 4 any other error.

mod activity;
mod cbam;
mod demo;
mod documents;
mod secret;
mod vsme;

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
    /// The VSME sustainability report: import an EFRAG template, list a template's facts,
    /// export the report.
    Vsme {
        #[command(subcommand)]
        command: VsmeCommand,
    },
    /// CBAM embedded emissions: import the Commission's communication template, report,
    /// check a supplier's template, export the package for EU importers.
    Cbam {
        #[command(subcommand)]
        command: CbamCommand,
    },
    /// Read a bill or invoice and print the values it contains (no company file needed).
    Extract {
        /// A PDF, JPEG, PNG, TIFF, xlsx or CSV file.
        input: PathBuf,
        /// A GGUF language model that fills in what the parsers did not find.
        #[arg(long)]
        model: Option<PathBuf>,
        /// Threads of the model.
        #[arg(long, default_value_t = 2)]
        threads: u32,
        /// Languages of the OCR: en, ar or en+ar.
        #[arg(long, default_value = "en+ar")]
        lang: String,
        #[arg(long)]
        json: bool,
    },
    /// Benchmarks.
    Bench {
        #[command(subcommand)]
        command: BenchCommand,
    },
    /// Documents (bills, invoices) kept in a company file as evidence.
    Documents {
        #[command(subcommand)]
        command: DocumentsCommand,
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
enum VsmeCommand {
    /// Store the facts of an EFRAG VSME digital template (1.0.0 to 1.3.0) in a company file.
    Import {
        #[arg(long)]
        file: PathBuf,
        /// The filled template (.xlsx).
        template: PathBuf,
        #[arg(long)]
        json: bool,
    },
    /// The facts of a template, as EFRAG's converter lists them (no company file needed).
    Facts {
        template: PathBuf,
        #[arg(long)]
        json: bool,
    },
    /// Show the report's settings, or change those given (the rest stay as they are).
    Settings {
        #[arg(long)]
        file: PathBuf,
        /// Name on the report (empty: the profile's legal name).
        #[arg(long)]
        name: Option<String>,
        /// lei, duns, euid or permid.
        #[arg(long)]
        scheme: Option<String>,
        #[arg(long)]
        identifier: Option<String>,
        /// ISO 4217 code of the report's monetary figures.
        #[arg(long)]
        currency: Option<String>,
        /// Reporting period start, YYYY-MM-DD.
        #[arg(long)]
        from: Option<String>,
        /// Reporting period end, YYYY-MM-DD.
        #[arg(long)]
        to: Option<String>,
        /// GHG reduction target: base year.
        #[arg(long)]
        base_year: Option<i32>,
        #[arg(long)]
        target_year: Option<i32>,
        /// Reduction of Scope 1 and 2 by the target year, in percent.
        #[arg(long)]
        scope12_reduction: Option<String>,
        /// Reduction of Scope 3 by the target year, in percent.
        #[arg(long)]
        scope3_reduction: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Write the report: EFRAG's template filled, the ESRS E1 workbook, the PDF, the Inline
    /// XBRL, and with --customer the email draft and zip for that customer.
    Export {
        #[arg(long)]
        file: PathBuf,
        /// An existing folder; files already there are never overwritten.
        #[arg(long)]
        out: PathBuf,
        /// Language of the PDF, the Inline XBRL page, the ESRS E1 workbook and the email.
        #[arg(long, default_value = "en")]
        lang: String,
        /// A customer of the profile, by name.
        #[arg(long)]
        customer: Option<String>,
        /// A blank EFRAG template to fill instead of the built-in one.
        #[arg(long)]
        template: Option<PathBuf>,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Subcommand)]
enum CbamCommand {
    /// Store the installation of a filled communication template (V2.1, V2.1.1); all or
    /// nothing. The same installation and period imported again replaces it.
    Import {
        #[arg(long)]
        file: PathBuf,
        /// The filled template (.xlsx).
        template: PathBuf,
        #[arg(long)]
        json: bool,
    },
    /// Compute an installation: SEE per good and the installation's totals.
    Report {
        #[arg(long)]
        file: PathBuf,
        /// Installation id (I1, I2, …); the one changed last when omitted.
        #[arg(long)]
        installation: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Recompute a template received from a supplier and list where its summary disagrees
    /// (no company file needed; exit 1 when something disagrees).
    Check {
        template: PathBuf,
        #[arg(long)]
        json: bool,
    },
    /// Write the filled communication template, the PDF summary per EU customer and, per
    /// customer with an email address, the .eml draft and the .zip.
    Export {
        #[arg(long)]
        file: PathBuf,
        /// Installation id; the one changed last when omitted.
        #[arg(long)]
        installation: Option<String>,
        /// An existing folder; files already there are never overwritten.
        #[arg(long)]
        out: PathBuf,
        /// Language of the PDF summary and the email.
        #[arg(long, default_value = "en")]
        lang: String,
        /// Only this customer of the profile, by name; every EU customer otherwise.
        #[arg(long)]
        customer: Option<String>,
        /// A blank communication template to fill instead of the built-in one.
        #[arg(long)]
        template: Option<PathBuf>,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Subcommand)]
enum BenchCommand {
    /// Field accuracy and seconds per page of document reading over a corpus folder (with
    /// ground truth), without and with the model.
    Extract {
        dir: PathBuf,
        #[arg(long)]
        model: Option<PathBuf>,
        #[arg(long, default_value_t = 2)]
        threads: u32,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Subcommand)]
enum DocumentsCommand {
    /// Store files in the company file (encrypted, once per content).
    Add {
        #[arg(long)]
        file: PathBuf,
        #[arg(required = true)]
        inputs: Vec<PathBuf>,
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
        Command::Vsme { command } => match command {
            VsmeCommand::Import {
                file,
                template,
                json,
            } => vsme::import_template(l, &file, &template, json),
            VsmeCommand::Facts { template, json } => vsme::facts(l, &template, json),
            VsmeCommand::Settings {
                file,
                name,
                scheme,
                identifier,
                currency,
                from,
                to,
                base_year,
                target_year,
                scope12_reduction,
                scope3_reduction,
                json,
            } => vsme::settings(
                l,
                &file,
                vsme::SettingsChange {
                    name,
                    scheme,
                    identifier,
                    currency,
                    from,
                    to,
                    base_year,
                    target_year,
                    scope12_reduction,
                    scope3_reduction,
                },
                json,
            ),
            VsmeCommand::Export {
                file,
                out,
                lang,
                customer,
                template,
                json,
            } => {
                let lang = Lang::parse(&lang).ok_or_else(|| {
                    Failure::from(UiError::new("cli-vsme-lang").arg("lang", &lang))
                })?;
                vsme::export_report(
                    l,
                    &vsme::ExportOptions {
                        file: &file,
                        out: &out,
                        lang,
                        customer: customer.as_deref(),
                        template: template.as_deref(),
                        json,
                    },
                )
            }
        },
        Command::Cbam { command } => match command {
            CbamCommand::Import {
                file,
                template,
                json,
            } => cbam::import(l, &file, &template, json),
            CbamCommand::Report {
                file,
                installation,
                json,
            } => cbam::report(l, &file, installation.as_deref(), json),
            CbamCommand::Check { template, json } => cbam::check(l, &template, json),
            CbamCommand::Export {
                file,
                installation,
                out,
                lang,
                customer,
                template,
                json,
            } => {
                let lang = Lang::parse(&lang).ok_or_else(|| {
                    Failure::from(UiError::new("cli-vsme-lang").arg("lang", &lang))
                })?;
                cbam::export(
                    l,
                    &cbam::ExportOptions {
                        file: &file,
                        installation: installation.as_deref(),
                        out: &out,
                        lang,
                        customer: customer.as_deref(),
                        template: template.as_deref(),
                        json,
                    },
                )
            }
        },
        Command::Extract {
            input,
            model,
            threads,
            lang,
            json,
        } => documents::extract(l, &input, model.as_deref(), threads, &lang, json),
        Command::Bench {
            command:
                BenchCommand::Extract {
                    dir,
                    model,
                    threads,
                    json,
                },
        } => documents::bench_extract(&dir, model.as_deref(), threads, json),
        Command::Documents {
            command: DocumentsCommand::Add { file, inputs, json },
        } => documents::add(l, &file, &inputs, json),
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
    // Started as the worker process that reads documents (OCR, the model)?
    athar_session::documents::serve_worker_if_asked();
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
