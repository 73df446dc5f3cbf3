//! The IPC protocol between the UI and the desktop shell.
//!
//! Both sides depend on this crate, so a renamed field or command fails to compile rather than
//! failing at run time. Each command is a type implementing [`Command`]: its name, its
//! argument struct and its output. The shell registers a `#[tauri::command]` taking one
//! parameter named `args` of type `C::Args`; the UI's `invoke::<C>()` wraps the arguments as
//! `{"args": ...}`. Errors are [`UiError`]s carrying Fluent keys, never English text.

pub mod activity;
pub mod cbam;
pub mod documents;
pub mod templates;
pub mod vsme;

use athar_domain::{CompanyData, FieldError, NewCompany};
use athar_inventory::ActivityEntry;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

/// A command the UI can invoke on the shell.
pub trait Command {
    const NAME: &'static str;
    type Args: Serialize + DeserializeOwned;
    type Output: Serialize + DeserializeOwned;
}

/// The interface language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    En,
    Ar,
}

impl Lang {
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Ar => "ar",
        }
    }

    pub fn dir(self) -> &'static str {
        match self {
            Lang::En => "ltr",
            Lang::Ar => "rtl",
        }
    }

    /// BCP 47 tag used for number and date formatting. Egyptian Arabic formats digits the
    /// way Athar's Arabic-speaking users read them (Arabic-Indic digits).
    pub fn locale(self) -> &'static str {
        match self {
            Lang::En => "en-GB",
            Lang::Ar => "ar-EG",
        }
    }

    pub fn parse(code: &str) -> Option<Lang> {
        match code.trim().to_ascii_lowercase().as_str() {
            "en" => Some(Lang::En),
            "ar" => Some(Lang::Ar),
            _ => None,
        }
    }
}

/// An error for the user: a Fluent key with its arguments, plus per-field problems when the
/// error is a failed validation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UiError {
    pub key: String,
    pub args: Vec<(String, String)>,
    pub fields: Vec<FieldError>,
}

impl UiError {
    pub fn new(key: &str) -> Self {
        UiError {
            key: key.to_string(),
            args: Vec::new(),
            fields: Vec::new(),
        }
    }

    pub fn arg(mut self, name: &str, value: impl ToString) -> Self {
        self.args.push((name.to_string(), value.to_string()));
        self
    }

    pub fn invalid(fields: Vec<FieldError>) -> Self {
        UiError {
            key: "error-invalid-fields".to_string(),
            args: vec![("count".to_string(), fields.len().to_string())],
            fields,
        }
    }
}

/// A company file the user opened before. Only the path and when: no company data.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecentFile {
    pub path: String,
    pub file_name: String,
    /// RFC 3339, UTC.
    pub last_opened: String,
    pub exists: bool,
}

/// The open company as the UI sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OpenCompany {
    pub path: String,
    /// Whether this computer's keychain holds the key of this file.
    pub remembered: bool,
    pub data: CompanyData,
    pub audit_entries: u64,
}

/// Everything the UI needs to draw itself after start or reload.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AppState {
    pub lang: Lang,
    pub recent: Vec<RecentFile>,
    pub open: Option<OpenCompany>,
    /// Where new company files are suggested to go.
    pub default_dir: String,
    /// Whether the OS keychain can be used on this computer.
    pub keychain_available: bool,
}

/// The outcome of trying to open a file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "outcome", rename_all = "snake_case")]
// A message moved once across IPC; boxing would only complicate both sides.
#[allow(clippy::large_enum_variant)]
pub enum OpenOutcome {
    Opened {
        company: OpenCompany,
    },
    /// No passphrase was given and none is remembered here: ask for it.
    NeedsPassphrase {
        path: String,
    },
}

/// Result of checking the audit log's hash chain.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditReport {
    pub entries: u64,
    pub intact: bool,
    /// The first entry that was edited, removed or reordered, when the chain is broken.
    pub first_bad: Option<AuditProblem>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditProblem {
    pub seq: u64,
    /// Fluent key: `audit-edited`, `audit-missing`, `audit-truncated`.
    pub key: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct NoArgs {}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SetLangArgs {
    pub lang: Lang,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CreateCompanyArgs {
    pub path: String,
    pub passphrase: String,
    pub passphrase_confirm: String,
    pub remember: bool,
    pub company: NewCompany,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OpenCompanyArgs {
    pub path: String,
    /// `None`: use the key remembered on this computer, if any.
    pub passphrase: Option<String>,
    pub remember: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SaveProfileArgs {
    pub data: CompanyData,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChangePassphraseArgs {
    pub current: String,
    pub new: String,
    pub new_confirm: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SetRememberArgs {
    pub remember: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PathArgs {
    pub path: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PickSavePathArgs {
    pub suggested_name: String,
}

macro_rules! command {
    ($(#[$doc:meta])* $ty:ident, $name:literal, $args:ty => $out:ty) => {
        $(#[$doc])*
        pub struct $ty;
        impl Command for $ty {
            const NAME: &'static str = $name;
            type Args = $args;
            type Output = $out;
        }
    };
}

command!(
    /// The language, recent files and the open company, if any.
    GetAppState, "get_app_state", NoArgs => AppState);
command!(
    /// Switch the interface language; persisted in the preferences.
    SetLang, "set_lang", SetLangArgs => ());
command!(
    /// Create a new encrypted company file and open it.
    CreateCompany, "create_company", CreateCompanyArgs => OpenCompany);
command!(
    /// Open a company file with a passphrase or the remembered key.
    OpenCompanyFile, "open_company", OpenCompanyArgs => OpenOutcome);
command!(
    /// Close the open company file.
    CloseCompany, "close_company", NoArgs => AppState);
command!(
    /// Validate and save the whole profile; every change is written to the audit log.
    SaveProfile, "save_profile", SaveProfileArgs => OpenCompany);
command!(
    /// Re-key the open file with a new passphrase.
    ChangePassphrase, "change_passphrase", ChangePassphraseArgs => ());
command!(
    /// Remember the open file's key in the OS keychain, or forget it.
    SetRemember, "set_remember", SetRememberArgs => bool);
command!(
    /// Check the open file's audit log hash chain.
    VerifyAudit, "verify_audit", NoArgs => AuditReport);
command!(
    /// Drop a file from the recent list (the file itself is untouched).
    RemoveRecent, "remove_recent", PathArgs => AppState);
command!(
    /// Native "save as" dialog for a new company file; `None` when cancelled.
    PickSavePath, "pick_save_path", PickSavePathArgs => Option<String>);
command!(
    /// Native "open" dialog for a company file; `None` when cancelled.
    PickOpenPath, "pick_open_path", NoArgs => Option<String>);
command!(
    /// The UI calls this once the start screen is interactive (used by the start-up benchmark).
    UiReady, "ui_ready", NoArgs => ());

command!(
    /// A page of the activity table, filtered.
    ListActivity, "list_activity", activity::ActivityFilter => activity::ActivityPage);
command!(
    /// Add or replace an activity entry (validated; audited).
    SaveEntry, "save_entry", activity::SaveEntryArgs => ActivityEntry);
command!(
    /// Delete an activity entry (audited).
    DeleteEntry, "delete_entry", activity::EntryIdArgs => ());
command!(
    /// What the entry form offers: fuels, gases, processes, Scope 3 items, sites.
    GetActivityCatalog, "get_activity_catalog", NoArgs => activity::ActivityCatalog);
command!(
    /// Native "open" dialog for a CSV or xlsx file; `None` when cancelled.
    PickImportFile, "pick_import_file", NoArgs => Option<String>);
command!(
    /// Read a CSV/xlsx file and show what an import would do; nothing is saved.
    PreviewImport, "preview_import", activity::ImportArgs => activity::ImportPreview);
command!(
    /// Import the valid rows of a file; re-importing the same rows adds no duplicates.
    CommitImport, "commit_import", activity::ImportArgs => activity::ImportReport);
command!(
    /// Compute the inventory of a year and summarise it for the dashboard.
    GetInventory, "get_inventory", activity::InventoryArgs => activity::InventoryView);
command!(
    /// One result of an inventory with its formula, inputs and children.
    ExplainResult, "explain_result", activity::ExplainArgs => activity::ExplainView);
command!(
    /// The company's own factors.
    ListCompanyFactors, "list_company_factors", NoArgs => activity::CompanyFactors);
command!(
    /// Add or change a company factor (a new version of the row).
    SaveCompanyFactor, "save_company_factor", activity::SaveFactorArgs => activity::CompanyFactors);
command!(
    /// Add or change a spend factor.
    SaveSpendFactor, "save_spend_factor", activity::SaveSpendFactorArgs => activity::CompanyFactors);
command!(
    /// Retire a company or spend factor (old versions stay for old results).
    DeleteCompanyFactor, "delete_company_factor", activity::FactorIdArgs => activity::CompanyFactors);

// Sustainability report (VSME).
command!(
    /// The VSME datapoint model, laid out for the forms.
    GetVsmeModel, "get_vsme_model", NoArgs => vsme::VsmeModel);
command!(
    /// The report: facts with their sources, completeness, the ESRS E1 view.
    GetVsmeState, "get_vsme_state", NoArgs => vsme::VsmeState);
command!(
    /// Store or remove typed facts (checked against the model; audited).
    SaveVsmeFacts, "save_vsme_facts", vsme::SaveVsmeFactsArgs => vsme::VsmeState);
command!(
    /// Replace a computed figure, with a reason (audited).
    SetVsmeOverride, "set_vsme_override", vsme::VsmeOverrideArgs => vsme::VsmeState);
command!(
    /// Go back to the computed figure.
    ClearVsmeOverride, "clear_vsme_override", vsme::VsmeKeyArgs => vsme::VsmeState);
command!(
    /// Answer (or withdraw the answer to) an "If applicable" question.
    AnswerVsmeGroup, "answer_vsme_group", vsme::VsmeAnswerArgs => vsme::VsmeState);
command!(
    /// Save the report's identifier, currency, period and GHG target.
    SaveVsmeSettings, "save_vsme_settings", vsme::SaveVsmeSettingsArgs => vsme::VsmeState);
command!(
    /// Read an EFRAG digital template and store its facts (all or nothing).
    ImportVsmeTemplate, "import_vsme_template", vsme::VsmeImportArgs => vsme::VsmeImportReport);
command!(
    /// Write one export file (or one customer's email package) into a folder.
    ExportVsme, "export_vsme", vsme::VsmeExportArgs => vsme::VsmeExported);
command!(
    /// The blank templates available for the export.
    GetVsmeTemplates, "get_vsme_templates", NoArgs => templates::TemplateChoice);
command!(
    /// Use a newer EFRAG template file (checked, remembered in the preferences), or go back
    /// to the built-in one.
    SetVsmeTemplate, "set_vsme_template", templates::TemplateArgs => templates::TemplateChoice);
command!(
    /// Native "open" dialog for an EFRAG workbook (.xlsx); `None` when cancelled.
    PickVsmeWorkbook, "pick_vsme_workbook", NoArgs => Option<String>);
command!(
    /// Native folder dialog for the export; `None` when cancelled.
    PickVsmeFolder, "pick_vsme_folder", NoArgs => Option<String>);

// CBAM: installations, embedded emissions, the communication template, exports.
command!(
    /// The installations, the EU carbon price, the customers and whether a template exists.
    GetCbamOverview, "get_cbam_overview", NoArgs => cbam::CbamOverview);
command!(
    /// A new installation for the guided flow, filled from the profile (not saved).
    NewCbamInstallation, "new_cbam_installation", NoArgs => cbam::CbamInstallationView);
command!(
    /// A stored installation with all its validation problems.
    GetCbamInstallation, "get_cbam_installation", cbam::CbamIdArgs => cbam::CbamInstallationView);
command!(
    /// Save an installation after a step of the guided flow (validated up to it; audited).
    SaveCbamInstallation, "save_cbam_installation", cbam::CbamSaveArgs => cbam::CbamInstallationView);
command!(
    /// Delete an installation (audited).
    DeleteCbamInstallation, "delete_cbam_installation", cbam::CbamIdArgs => cbam::CbamOverview);
command!(
    /// Compute an installation: SEE per good and the default-value comparison.
    GetCbamResults, "get_cbam_results", cbam::CbamIdArgs => cbam::CbamResultsView);
command!(
    /// One result node of an installation with its formula, inputs and children.
    ExplainCbamResult, "explain_cbam_result", cbam::CbamExplainArgs => cbam::CbamExplainView);
command!(
    /// Set or clear the EU carbon price of the comparison (audited).
    SetCbamCarbonPrice, "set_cbam_carbon_price", cbam::CbamCarbonPriceArgs => Option<rust_decimal::Decimal>);
command!(
    /// Import a filled communication template (all or nothing).
    ImportCbamTemplate, "import_cbam_template", cbam::CbamPathArgs => cbam::CbamImportOutcome);
command!(
    /// Recompute a supplier's template and list where its summary disagrees.
    CheckCbamTemplate, "check_cbam_template", cbam::CbamPathArgs => cbam::CbamCheckOutcome);
command!(
    /// Write the filled template, the PDF summaries and the email packages into a folder;
    /// progress comes as `cbam::CBAM_EXPORT_PROGRESS_EVENT` events.
    ExportCbam, "export_cbam", cbam::CbamExportArgs => cbam::CbamExportReport);
command!(
    /// The blank communication templates available for the export.
    GetCbamTemplates, "get_cbam_templates", NoArgs => templates::TemplateChoice);
command!(
    /// Use a communication template file downloaded from the Commission's site (checked,
    /// remembered in the preferences), or go back to the built-in one.
    SetCbamTemplate, "set_cbam_template", templates::TemplateArgs => templates::TemplateChoice);
command!(
    /// Native "open" dialog for a communication template (.xlsx); `None` when cancelled.
    PickCbamWorkbook, "pick_cbam_workbook", NoArgs => Option<String>);
command!(
    /// Native folder dialog for the CBAM export; `None` when cancelled.
    PickCbamFolder, "pick_cbam_folder", NoArgs => Option<String>);

// Documents: bills and invoices read into proposed activity data.
command!(
    /// The stored documents and the reading settings.
    ListDocuments, "list_documents", NoArgs => documents::DocumentsView);
command!(
    /// Store files as documents (sniffed, deduplicated by content; audited).
    AddDocuments, "add_documents", documents::AddDocumentsArgs => documents::AddDocumentsReport);
command!(
    /// Read documents through the worker; progress comes as
    /// `documents::DOCUMENTS_PROGRESS_EVENT` events.
    ExtractDocuments, "extract_documents", documents::DocumentIdsArgs => documents::ExtractReport);
command!(
    /// Stop the running extraction (the document being read is marked cancelled).
    CancelExtraction, "cancel_extraction", NoArgs => ());
command!(
    /// Where each document of the running (or last) extraction is, for the progress bar.
    GetExtractionProgress, "get_extraction_progress", NoArgs => Vec<documents::ExtractionProgress>);
command!(
    /// One document's pages and proposed fields for review.
    GetDocumentReview, "get_document_review", documents::DocumentIdArgs => documents::ReviewView);
command!(
    /// Turn reviewed values into an activity entry linked to the document (audited).
    AcceptDocument, "accept_document", documents::AcceptDocumentArgs => documents::AcceptOutcome);
command!(
    /// Save the model file, threads, highlight and auto-accept thresholds.
    SaveDocumentSettings, "save_document_settings", documents::DocumentSettings => documents::DocumentsView);
command!(
    /// Native "open" dialog for bills and invoices (several files); empty when cancelled.
    PickDocumentFiles, "pick_document_files", NoArgs => Vec<String>);
command!(
    /// Native "open" dialog for a GGUF model file; `None` when cancelled.
    PickModelFile, "pick_model_file", NoArgs => Option<String>);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lang_and_outcome_serialise_as_documented() {
        assert_eq!(serde_json::to_string(&Lang::Ar).unwrap(), "\"ar\"");
        let o = OpenOutcome::NeedsPassphrase {
            path: "/x.athar".into(),
        };
        assert_eq!(
            serde_json::to_value(&o).unwrap(),
            serde_json::json!({"outcome": "needs_passphrase", "path": "/x.athar"})
        );
    }
}
