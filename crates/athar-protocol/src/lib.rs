//! The IPC protocol between the UI and the desktop shell.
//!
//! Both sides depend on this crate, so a renamed field or command fails to compile rather than
//! failing at run time. Each command is a type implementing [`Command`]: its name, its
//! argument struct and its output. The shell registers a `#[tauri::command]` taking one
//! parameter named `args` of type `C::Args`; the UI's `invoke::<C>()` wraps the arguments as
//! `{"args": ...}`. Errors are [`UiError`]s carrying Fluent keys, never English text.

pub mod activity;

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
