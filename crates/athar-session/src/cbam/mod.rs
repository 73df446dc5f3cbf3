//! CBAM as both front ends see it: the installations of the open company, the guided flow
//! that edits one, its results (SEE per good, one node at a time for "explain", the
//! default-value comparison at the user's EU carbon price), importing and checking the
//! Commission's communication template, and the export for EU importers (the filled
//! workbook, the PDF "Embedded emissions summary" and an email package per customer).
//!
//! Why this module exists: the desktop app and `athar cbam import|report|check|export` must
//! compute and write exactly the same thing. The free functions here take the company file
//! (or a template path) and call the engines (`athar-cbam`, `athar-cbam-template`,
//! `athar-pdf`, `athar-mail`); the `Session` methods only add the open file, the actor and the
//! preferences (the template chosen in Settings). Engine errors become Fluent keys.

pub mod package;
mod summary;

use std::path::Path;
use std::sync::OnceLock;

use athar_cbam::model::{format_date, InstallationInfo, ReportingPeriod};
use athar_cbam::report::ReportInstallation;
use athar_cbam::{
    compare_with_defaults, CalcError, CbamResults, DefaultComparison, DefaultValues,
    EmbeddedDefaults, Installation,
};
use athar_cbam_template::{CellProblem, ExportError, TemplateError};
use athar_domain::{CompanyData, Validate};
use athar_protocol::cbam::{
    CbamCheckOutcome, CbamChild, CbamCustomer, CbamExplainArgs, CbamExplainView, CbamExportArgs,
    CbamExportProgress, CbamExportReport, CbamFigures, CbamImportOutcome, CbamInstallationView,
    CbamOverview, CbamResultsView, CbamSaveArgs, CellProblemView, InstallationSummary,
};
use athar_protocol::templates::{TemplateArgs, TemplateChoice, TemplateInfo};
use athar_protocol::UiError;
use athar_store::{CbamSaveOutcome, CompanyFile, InstallationRecord, CBAM_MANUAL};

pub use package::{export, record as record_export, ExportRequest, Exported};
pub use summary::summary_document;

use crate::{store_error, Session};

/// The IR 2025/2621 default values, read once from the embedded packs.
pub fn defaults() -> Option<&'static EmbeddedDefaults> {
    static DEFAULTS: OnceLock<Option<EmbeddedDefaults>> = OnceLock::new();
    DEFAULTS.get_or_init(EmbeddedDefaults::new).as_ref()
}

/// Computes `inst` with the embedded default values (for precursors counted at defaults).
pub fn compute(inst: &Installation) -> Result<CbamResults, CalcError> {
    athar_cbam::compute(inst, defaults().map(|d| d as &dyn DefaultValues))
}

/// Each good against its default value, priced at `price` (EUR per t CO2e) when given.
pub fn comparison(
    inst: &Installation,
    results: &CbamResults,
    price: Option<rust_decimal::Decimal>,
) -> Result<Vec<DefaultComparison>, UiError> {
    match defaults() {
        Some(d) => compare_with_defaults(inst, results, d, price).map_err(|e| calc_error(&e)),
        None => Ok(Vec::new()),
    }
}

fn keyed(key: &str, args: Vec<(String, String)>) -> UiError {
    let mut u = UiError::new(key);
    u.args = args;
    u
}

/// A calculation problem for the user; invalid data keeps its field problems.
pub fn calc_error(e: &CalcError) -> UiError {
    let mut u = keyed(e.key(), e.args());
    if let CalcError::Invalid(fields) = e {
        u.fields = fields.clone();
    }
    u
}

/// A template that cannot be read, other than for its cells (see [`cell_problems`]).
pub fn template_error(e: &TemplateError) -> UiError {
    match e {
        TemplateError::Calculation(c) => calc_error(c),
        _ => keyed(e.key(), e.args()),
    }
}

pub fn export_error(e: &ExportError) -> UiError {
    let mut u = keyed(e.key(), e.args());
    if let ExportError::Invalid(fields) = e {
        u.fields = fields.clone();
    }
    u
}

pub fn cell_problems(problems: &[CellProblem]) -> Vec<CellProblemView> {
    problems
        .iter()
        .map(|p| CellProblemView {
            cell: p.cell.clone(),
            key: p.key.clone(),
            args: p.args.clone(),
            field: p.field.clone(),
        })
        .collect()
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

fn not_found(id: &str) -> UiError {
    UiError::new("cbam-error-installation-not-found").arg("id", id)
}

/// Installation `id`, or (with `None`) the one changed last; an error when there is none.
pub fn installation(f: &CompanyFile, id: Option<&str>) -> Result<InstallationRecord, UiError> {
    let id = match id {
        Some(id) => id.to_string(),
        None => f
            .cbam_installations()
            .map_err(store_error)?
            .into_iter()
            .max_by(|a, b| {
                (a.updated_at.as_str(), id_number(&a.id))
                    .cmp(&(b.updated_at.as_str(), id_number(&b.id)))
            })
            .map(|l| l.id)
            .ok_or_else(|| UiError::new("cbam-error-no-installation"))?,
    };
    f.cbam_installation(&id)
        .map_err(store_error)?
        .ok_or_else(|| not_found(&id))
}

fn id_number(id: &str) -> u64 {
    id.trim_start_matches('I').parse().unwrap_or(0)
}

/// The `installation` block of `cbam report --json`, which needs no results.
pub fn about(inst: &Installation) -> ReportInstallation {
    ReportInstallation {
        name: inst.about.name_en.clone(),
        country: inst.about.country.clone(),
        city: inst.about.city.clone(),
        unlocode: inst.about.unlocode.clone(),
        period_start: format_date(inst.reporting_period.start),
        period_end: format_date(inst.reporting_period.end),
    }
}

/// Reads a filled template and stores its installation (replacing the same installation and
/// period); nothing is stored when any cell is wrong.
pub fn import(f: &mut CompanyFile, path: &Path, actor: &str) -> Result<CbamImportOutcome, UiError> {
    let name = file_name(path);
    let imported = match athar_cbam_template::read_template_file(path) {
        Ok(i) => i,
        Err(TemplateError::Invalid(problems)) => {
            return Ok(CbamImportOutcome::Rejected {
                file_name: name,
                problems: cell_problems(&problems),
            })
        }
        Err(e) => return Err(template_error(&e)),
    };
    let inst = &imported.installation;
    let (id, outcome) = f
        .import_cbam_installation(inst, &name, actor)
        .map_err(store_error)?;
    Ok(CbamImportOutcome::Imported {
        id,
        file_name: name,
        version: imported.version.label().to_string(),
        name_en: inst.about.name_en.clone(),
        period_start: format_date(inst.reporting_period.start),
        period_end: format_date(inst.reporting_period.end),
        products: inst.products.len() as u32,
        change: match outcome {
            CbamSaveOutcome::Created => "created",
            CbamSaveOutcome::Updated => "updated",
            CbamSaveOutcome::Unchanged => "unchanged",
        }
        .to_string(),
    })
}

/// "Check a supplier's template": recompute it and list the summary cells that disagree.
/// Needs no company file.
pub fn check(path: &Path) -> Result<CbamCheckOutcome, UiError> {
    let name = file_name(path);
    let bytes = std::fs::read(path).map_err(|e| {
        UiError::new("cbam-tpl-io")
            .arg("path", path.display())
            .arg("detail", e)
    })?;
    match athar_cbam_template::check_template(&bytes) {
        Ok(c) => Ok(CbamCheckOutcome::Checked {
            file_name: name,
            version: c.imported.version.label().to_string(),
            report: Box::new(c.report),
        }),
        Err(TemplateError::Invalid(problems)) => Ok(CbamCheckOutcome::Rejected {
            file_name: name,
            problems: cell_problems(&problems),
        }),
        Err(e) => Err(template_error(&e)),
    }
}

/// The results step of installation `record`.
pub fn results_view(
    record: &InstallationRecord,
    price: Option<rust_decimal::Decimal>,
) -> Result<CbamResultsView, UiError> {
    let inst = &record.installation;
    let mut view = CbamResultsView {
        id: record.id.clone(),
        about: about(inst),
        figures: None,
        comparison: Vec::new(),
        carbon_price: price,
        problems: inst.validate(),
        error: None,
    };
    if !view.problems.is_empty() {
        return Ok(view);
    }
    match compute(inst) {
        Ok(results) => {
            view.comparison = comparison(inst, &results, price)?;
            view.figures = Some(CbamFigures::from(&results));
        }
        Err(e) => view.error = Some(calc_error(&e)),
    }
    Ok(view)
}

/// The name of what a result node is about, for its title.
pub fn subject_name(inst: &Installation, subject: &str) -> String {
    let found = inst
        .processes
        .iter()
        .find(|p| p.id == subject)
        .map(|p| p.name.clone())
        .or_else(|| {
            inst.precursors
                .iter()
                .find(|p| p.id == subject)
                .map(|p| p.name.clone())
        })
        .or_else(|| {
            inst.products
                .iter()
                .find(|p| p.id == subject)
                .map(|p| format!("{} ({})", p.name, p.cn_code))
        })
        .or_else(|| {
            inst.source_streams
                .iter()
                .find(|s| s.id == subject)
                .map(|s| s.name.clone())
        })
        .or_else(|| {
            inst.measured_sources
                .iter()
                .find(|s| s.id == subject)
                .map(|s| s.name.clone())
        })
        .or_else(|| {
            inst.pfc_emissions
                .iter()
                .find(|s| s.id == subject && !s.technology.is_empty())
                .map(|s| s.technology.clone())
        });
    found
        .filter(|n| !n.trim().is_empty())
        .unwrap_or_else(|| subject.to_string())
}

/// Result node `node` of `inst` with its direct children.
pub fn explain(inst: &Installation, node: &str) -> Result<CbamExplainView, UiError> {
    let problems = inst.validate();
    if !problems.is_empty() {
        return Err(calc_error(&CalcError::Invalid(problems)));
    }
    let results = compute(inst).map_err(|e| calc_error(&e))?;
    let n = results
        .get(node)
        .ok_or_else(|| UiError::new("cbam-error-node-not-found").arg("id", node))?;
    let children = n
        .children
        .iter()
        .filter_map(|c| results.get(c))
        .map(|c| CbamChild {
            id: c.id.clone(),
            kind: c.kind,
            subject_name: subject_name(inst, &c.subject),
            value: c.value,
            unit: c.unit.clone(),
            flags: c.flags.clone(),
        })
        .collect();
    let mut node = n.clone();
    node.children.clear();
    Ok(CbamExplainView {
        subject_name: subject_name(inst, &node.subject),
        node,
        children,
    })
}

/// A new installation for the guided flow, filled from the company profile: names, country,
/// address, the first site's UN/LOCODE and coordinates, the reporting year.
pub fn new_installation(data: &CompanyData) -> Installation {
    let p = &data.profile;
    let site = data.sites.first();
    Installation {
        about: InstallationInfo {
            name: p.legal_name_ar.clone(),
            name_en: p.legal_name_en.clone(),
            street: site
                .map(|s| s.address.clone())
                .filter(|a| !a.is_empty())
                .unwrap_or_else(|| p.address.clone()),
            city: p.city.clone(),
            country: p.country.clone(),
            unlocode: site.map(|s| s.unlocode.clone()).unwrap_or_default(),
            latitude: site.and_then(|s| s.latitude),
            longitude: site.and_then(|s| s.longitude),
            ..InstallationInfo::default()
        },
        reporting_period: ReportingPeriod::year(p.reporting_year)
            .or_else(|| ReportingPeriod::year(2026))
            .expect("2026 is a valid year"),
        verifier: None,
        goods: Vec::new(),
        source_streams: Vec::new(),
        pfc_emissions: Vec::new(),
        measured_sources: Vec::new(),
        fuel_balance: Default::default(),
        ghg_balance: Default::default(),
        data_quality: Default::default(),
        processes: Vec::new(),
        precursors: Vec::new(),
        products: Vec::new(),
        carbon_price_description: String::new(),
        additional_information: String::new(),
    }
}

/// The customers of the profile as the export offers them.
pub fn customers(data: &CompanyData) -> Vec<CbamCustomer> {
    data.customers
        .iter()
        .map(|c| CbamCustomer {
            name: c.name.clone(),
            country: c.country.clone(),
            email: c.email.clone(),
            eu: athar_domain::codes::is_eu_member(&c.country),
        })
        .collect()
}

/// Reads a template file the user chose and checks that it is a communication template of a
/// version Athar fills.
pub fn read_blank(path: &Path) -> Result<(Vec<u8>, String), UiError> {
    let bytes = std::fs::read(path).map_err(|e| {
        UiError::new("cbam-tpl-io")
            .arg("path", path.display())
            .arg("detail", e)
    })?;
    let version = athar_cbam_template::template_version(&bytes).map_err(|e| template_error(&e))?;
    Ok((bytes, version.label().to_string()))
}

/// The blank template an export fills: `chosen` (Settings → templates, or the CLI's
/// `--template`), else the one built into Athar.
pub fn blank_template(chosen: Option<&Path>) -> Result<Vec<u8>, UiError> {
    match chosen {
        Some(p) => read_blank(p).map(|(b, _)| b),
        None => athar_cbam_template::embedded_template()
            .map(<[u8]>::to_vec)
            .ok_or_else(|| UiError::new("cbam-error-no-template")),
    }
}

fn embedded_info() -> Option<TemplateInfo> {
    athar_cbam_template::embedded_template().map(|b| TemplateInfo {
        version: athar_cbam_template::template_version(b)
            .ok()
            .map(|v| v.label().to_string()),
        path: None,
    })
}

/// Settings → templates for a chosen file (or none).
pub fn templates(chosen: Option<&Path>) -> TemplateChoice {
    crate::templates::choice(embedded_info(), chosen, |p| {
        read_blank(p).map(|(_, v)| Some(v))
    })
}

impl Session {
    fn cbam_file(&self) -> Result<&CompanyFile, UiError> {
        Ok(&self.opened()?.file)
    }

    fn cbam_file_mut(&mut self) -> Result<&mut CompanyFile, UiError> {
        Ok(&mut self.opened_mut()?.file)
    }

    pub fn cbam_overview(&self) -> Result<CbamOverview, UiError> {
        let f = self.cbam_file()?;
        let data = f.load().map_err(store_error)?;
        Ok(CbamOverview {
            installations: f
                .cbam_installations()
                .map_err(store_error)?
                .into_iter()
                .map(|l| InstallationSummary {
                    id: l.id,
                    name_en: l.name_en,
                    period_start: l.period_start,
                    period_end: l.period_end,
                    source: l.source,
                    updated_at: l.updated_at,
                })
                .collect(),
            carbon_price: f.cbam_carbon_price().map_err(store_error)?,
            customers: customers(&data),
            template_available: self.cbam_templates().in_use.is_some(),
        })
    }

    pub fn new_cbam_installation(&self) -> Result<CbamInstallationView, UiError> {
        let data = self.cbam_file()?.load().map_err(store_error)?;
        let installation = new_installation(&data);
        Ok(CbamInstallationView {
            id: None,
            problems: installation.validate(),
            installation,
            source: CBAM_MANUAL.to_string(),
        })
    }

    pub fn cbam_installation(&self, id: &str) -> Result<CbamInstallationView, UiError> {
        let r = installation(self.cbam_file()?, Some(id))?;
        Ok(CbamInstallationView {
            id: Some(r.id),
            problems: r.installation.validate(),
            installation: r.installation,
            source: r.source,
        })
    }

    /// Saves after a step of the guided flow: that step and the earlier ones must be valid.
    pub fn save_cbam_installation(
        &mut self,
        args: CbamSaveArgs,
    ) -> Result<CbamInstallationView, UiError> {
        let problems = args.installation.validate();
        let blocking = args.step.problems_up_to(&problems);
        if !blocking.is_empty() {
            return Err(UiError::invalid(blocking));
        }
        let actor = self.actor.clone();
        let f = self.cbam_file_mut()?;
        // Keep the template file name as the source until the data is edited here.
        let source = match args.id.as_deref() {
            Some(id) => match f.cbam_installation(id).map_err(store_error)? {
                Some(old) if old.installation == args.installation => old.source,
                _ => CBAM_MANUAL.to_string(),
            },
            None => CBAM_MANUAL.to_string(),
        };
        let (id, _) = f
            .save_cbam_installation(args.id.as_deref(), &args.installation, &source, &actor)
            .map_err(store_error)?;
        Ok(CbamInstallationView {
            id: Some(id),
            installation: args.installation,
            source,
            problems,
        })
    }

    pub fn delete_cbam_installation(&mut self, id: &str) -> Result<CbamOverview, UiError> {
        let actor = self.actor.clone();
        if !self
            .cbam_file_mut()?
            .delete_cbam_installation(id, &actor)
            .map_err(store_error)?
        {
            return Err(not_found(id));
        }
        self.cbam_overview()
    }

    pub fn cbam_results(&self, id: &str) -> Result<CbamResultsView, UiError> {
        let f = self.cbam_file()?;
        let record = installation(f, Some(id))?;
        results_view(&record, f.cbam_carbon_price().map_err(store_error)?)
    }

    pub fn explain_cbam(&self, args: &CbamExplainArgs) -> Result<CbamExplainView, UiError> {
        let record = installation(self.cbam_file()?, Some(&args.id))?;
        explain(&record.installation, &args.node)
    }

    pub fn set_cbam_carbon_price(
        &mut self,
        price: Option<rust_decimal::Decimal>,
    ) -> Result<Option<rust_decimal::Decimal>, UiError> {
        if price.is_some_and(|p| p.is_sign_negative() && !p.is_zero()) {
            return Err(UiError::invalid(vec![athar_domain::FieldError::new(
                "carbon_price",
                "v-negative",
            )]));
        }
        let actor = self.actor.clone();
        let f = self.cbam_file_mut()?;
        f.set_cbam_carbon_price(price, &actor)
            .map_err(store_error)?;
        f.cbam_carbon_price().map_err(store_error)
    }

    pub fn import_cbam(&mut self, path: &str) -> Result<CbamImportOutcome, UiError> {
        let actor = self.actor.clone();
        import(self.cbam_file_mut()?, Path::new(path.trim()), &actor)
    }

    pub fn check_cbam(&self, path: &str) -> Result<CbamCheckOutcome, UiError> {
        check(Path::new(path.trim()))
    }

    /// Writes the export and records it; `progress` hears of every file written.
    pub fn export_cbam(
        &mut self,
        args: &CbamExportArgs,
        progress: &mut dyn FnMut(CbamExportProgress),
    ) -> Result<CbamExportReport, UiError> {
        let blank = blank_template(self.prefs.cbam_template.as_deref())?;
        let actor = self.actor.clone();
        let f = self.cbam_file_mut()?;
        let record = installation(f, Some(&args.id))?;
        let data = f.load().map_err(store_error)?;
        let price = f.cbam_carbon_price().map_err(store_error)?;
        let out = export(
            &ExportRequest {
                company: &data,
                record: &record,
                blank: &blank,
                dir: Path::new(args.out_dir.trim()),
                lang: args.lang,
                customer: args.customer.as_deref(),
                carbon_price: price,
                now: time::OffsetDateTime::now_utc(),
            },
            progress,
        )?;
        package::record(f, &record.id, args.lang, &out, &actor)?;
        Ok(out.report)
    }

    pub fn cbam_templates(&self) -> TemplateChoice {
        templates(self.prefs.cbam_template.as_deref())
    }

    /// Uses the template file at `args.path` for exports (after checking it), or the
    /// built-in one when `None`; remembered in the preferences.
    pub fn set_cbam_template(&mut self, args: &TemplateArgs) -> Result<TemplateChoice, UiError> {
        self.prefs.cbam_template = crate::templates::checked_choice(args.path.as_deref(), |p| {
            read_blank(p).map(|(_, v)| Some(v))
        })?;
        self.save_prefs()?;
        Ok(self.cbam_templates())
    }
}
