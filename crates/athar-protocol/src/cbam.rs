//! Messages of the CBAM screens: the installations, the guided flow that edits one, its
//! results with one-node explanations and the default-value comparison, importing and
//! checking the Commission's communication template, and exporting the package for EU
//! importers.
//!
//! The installation travels as `athar_cbam::Installation` itself, so the form the user fills
//! in, the stored document and what the engine computes are one type (the UI validates it
//! with the same rules, `athar-cbam` building for wasm without its default-value tables). The
//! result graph never crosses whole: the shell sends the per-good, per-process and
//! installation figures, and one node at a time for "explain".

use athar_cbam::report::{CheckReport, ReportInstallation};
use athar_cbam::result::{
    CbamResults, Flag, InstallationResult, NodeKind, PrecursorResult, ProcessResult, ProductResult,
    ResultNode,
};
use athar_cbam::{DefaultComparison, Installation};
use athar_domain::FieldError;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::{Lang, UiError};

/// The steps of the guided flow, in order. Each owns the fields under its prefixes, so a
/// problem is shown at the step where it can be fixed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CbamStep {
    Installation,
    Processes,
    Sources,
    Precursors,
    Goods,
    Results,
}

impl CbamStep {
    pub const ALL: [CbamStep; 6] = [
        CbamStep::Installation,
        CbamStep::Processes,
        CbamStep::Sources,
        CbamStep::Precursors,
        CbamStep::Goods,
        CbamStep::Results,
    ];

    /// Field path prefixes (as `athar_cbam` validation names them) this step edits.
    pub fn prefixes(self) -> &'static [&'static str] {
        match self {
            CbamStep::Installation => &[
                "about.",
                "reporting_period.",
                "verifier.",
                "goods.",
                "data_quality.",
            ],
            CbamStep::Processes => &["processes."],
            CbamStep::Sources => &[
                "source_streams.",
                "pfc_emissions.",
                "measured_sources.",
                "fuel_balance.",
                "ghg_balance.",
            ],
            CbamStep::Precursors => &["precursors."],
            CbamStep::Goods => &["products.", "carbon_price_description"],
            CbamStep::Results => &[],
        }
    }

    /// The step a field belongs to; fields no step claims go to the first.
    pub fn of_field(field: &str) -> CbamStep {
        CbamStep::ALL
            .into_iter()
            .find(|s| s.prefixes().iter().any(|p| field.starts_with(p)))
            .unwrap_or(CbamStep::Installation)
    }

    /// Fluent key of the step's name.
    pub fn key(self) -> &'static str {
        match self {
            CbamStep::Installation => "cbam-step-installation",
            CbamStep::Processes => "cbam-step-processes",
            CbamStep::Sources => "cbam-step-sources",
            CbamStep::Precursors => "cbam-step-precursors",
            CbamStep::Goods => "cbam-step-goods",
            CbamStep::Results => "cbam-step-results",
        }
    }

    /// The problems among `all` that belong to this step or an earlier one.
    pub fn problems_up_to(self, all: &[FieldError]) -> Vec<FieldError> {
        all.iter()
            .filter(|e| CbamStep::of_field(&e.field) <= self)
            .cloned()
            .collect()
    }
}

/// One installation and reporting period in the list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InstallationSummary {
    pub id: String,
    pub name_en: String,
    /// `YYYY-MM-DD`.
    pub period_start: String,
    pub period_end: String,
    /// `manual`, or the template file it was last imported from.
    pub source: String,
    /// RFC 3339, UTC.
    pub updated_at: String,
}

/// A customer of the profile as the export offers it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CbamCustomer {
    pub name: String,
    pub country: String,
    pub email: String,
    /// In an EU member state, so an importer of CBAM goods.
    pub eu: bool,
}

/// The CBAM tab's landing view.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CbamOverview {
    pub installations: Vec<InstallationSummary>,
    /// EUR per t CO2e, as the user entered it.
    pub carbon_price: Option<Decimal>,
    pub customers: Vec<CbamCustomer>,
    /// Whether a blank communication template is available for exports (built in or chosen
    /// in Settings → templates).
    pub template_available: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CbamIdArgs {
    pub id: String,
}

/// An installation being edited. `id: None` for one not saved yet.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CbamInstallationView {
    pub id: Option<String>,
    pub installation: Installation,
    pub source: String,
    /// Every validation problem of the whole installation (the guided flow marks the steps
    /// that have some).
    pub problems: Vec<FieldError>,
}

/// Save the installation after `step`: problems of that step and earlier ones refuse the
/// save (as `UiError::invalid`); later steps may still be incomplete.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CbamSaveArgs {
    pub id: Option<String>,
    pub installation: Installation,
    pub step: CbamStep,
}

/// The figures of a computed installation, without the node graph.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CbamFigures {
    pub reporting_year: i32,
    pub installation: InstallationResult,
    pub processes: Vec<ProcessResult>,
    pub precursors: Vec<PrecursorResult>,
    pub products: Vec<ProductResult>,
}

impl From<&CbamResults> for CbamFigures {
    fn from(r: &CbamResults) -> Self {
        CbamFigures {
            reporting_year: r.reporting_year,
            installation: r.installation.clone(),
            processes: r.processes.clone(),
            precursors: r.precursors.clone(),
            products: r.products.clone(),
        }
    }
}

/// The results step. When the data is incomplete, `problems` lists what to fix and there are
/// no figures; when it cannot be computed (a precursor loop), `error` says why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CbamResultsView {
    pub id: String,
    pub about: ReportInstallation,
    pub figures: Option<CbamFigures>,
    /// Each good against the default value of the installation's country, priced at
    /// `carbon_price` when there is one.
    pub comparison: Vec<DefaultComparison>,
    pub carbon_price: Option<Decimal>,
    pub problems: Vec<FieldError>,
    pub error: Option<UiError>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CbamExplainArgs {
    /// The installation.
    pub id: String,
    /// A result node (`product/1/see-direct`).
    pub node: String,
}

/// A node the explained one rests on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CbamChild {
    pub id: String,
    pub kind: NodeKind,
    /// The name of the process, precursor, product or source the node is about.
    pub subject_name: String,
    pub value: Decimal,
    pub unit: String,
    pub flags: Vec<Flag>,
}

/// One result with what it rests on directly; `node.children` is emptied, they are in
/// `children`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CbamExplainView {
    pub node: ResultNode,
    pub subject_name: String,
    pub children: Vec<CbamChild>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CbamPathArgs {
    pub path: String,
}

/// A problem with one cell of a template (`D_Processes!L16`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CellProblemView {
    pub cell: String,
    pub key: String,
    pub args: Vec<(String, String)>,
    /// The model field the cell fills, if any.
    pub field: Option<String>,
}

/// What importing a template did. `Rejected`: nothing was imported.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "outcome", rename_all = "snake_case")]
pub enum CbamImportOutcome {
    Imported {
        id: String,
        file_name: String,
        /// Template version read (`2.1`, `2.1.1`).
        version: String,
        name_en: String,
        period_start: String,
        period_end: String,
        products: u32,
        /// `created`, `updated` or `unchanged`.
        change: String,
    },
    Rejected {
        file_name: String,
        problems: Vec<CellProblemView>,
    },
}

/// "Check a supplier's template": the recomputed report with the summary cells that
/// disagree, or the problems that stop it being read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "outcome", rename_all = "snake_case")]
pub enum CbamCheckOutcome {
    Checked {
        file_name: String,
        version: String,
        /// Boxed: a report is much larger than the rejected variant.
        report: Box<CheckReport>,
    },
    Rejected {
        file_name: String,
        problems: Vec<CellProblemView>,
    },
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CbamCarbonPriceArgs {
    /// EUR per t CO2e; `None` clears it.
    pub price: Option<Decimal>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CbamExportArgs {
    pub id: String,
    /// An existing folder.
    pub out_dir: String,
    /// Language of the summary and the email.
    pub lang: Lang,
    /// Only this customer (by name); `None`: every EU customer of the profile.
    pub customer: Option<String>,
}

/// What a written file is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CbamFileKind {
    /// The filled communication template.
    Workbook,
    /// The PDF "Embedded emissions summary".
    Summary,
    /// The .eml draft.
    Email,
    /// The .zip of the attachments.
    Archive,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CbamExportedFile {
    pub kind: CbamFileKind,
    pub path: String,
    pub file_name: String,
    pub bytes: u64,
    /// The customer the file is for.
    pub customer: Option<String>,
}

/// A customer no email could be made for, and why (a Fluent key: no email address, not in
/// the EU).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CbamSkipped {
    pub customer: String,
    pub key: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CbamExportReport {
    pub out_dir: String,
    pub files: Vec<CbamExportedFile>,
    pub skipped: Vec<CbamSkipped>,
    /// Milliseconds the export took.
    pub millis: u64,
}

/// The event the shell emits while an export runs, with a [`CbamExportProgress`] payload.
pub const CBAM_EXPORT_PROGRESS_EVENT: &str = "cbam-export-progress";

/// How far an export has got: `done` of `total` steps; `key` (a Fluent key taking `$file`)
/// names the step just finished.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CbamExportProgress {
    pub done: u32,
    pub total: u32,
    pub key: String,
    pub file: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_field_has_one_step_in_flow_order() {
        assert_eq!(
            CbamStep::of_field("processes.0.production"),
            CbamStep::Processes
        );
        assert_eq!(CbamStep::of_field("about.name_en"), CbamStep::Installation);
        assert_eq!(CbamStep::of_field("source_streams.2.ef"), CbamStep::Sources);
        assert_eq!(
            CbamStep::of_field("precursors.1.values.see_direct"),
            CbamStep::Precursors
        );
        assert_eq!(CbamStep::of_field("products.0.cn_code"), CbamStep::Goods);
        let all = vec![
            FieldError::new("products.0.cn_code", "v-required"),
            FieldError::new("about.name_en", "v-required"),
            FieldError::new("processes.0.name", "v-required"),
        ];
        let upto = CbamStep::Processes.problems_up_to(&all);
        assert_eq!(upto.len(), 2);
        assert!(upto.iter().all(|e| !e.field.starts_with("products")));
        assert_eq!(
            serde_json::to_string(&CbamStep::Precursors).unwrap(),
            "\"precursors\""
        );
    }
}
