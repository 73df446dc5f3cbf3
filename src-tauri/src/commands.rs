//! Tauri commands: parse (done by serde), call the session, map errors (done by the session).

use athar_protocol::{self as p, Command, UiError};
use tauri::{AppHandle, State};
use tauri_plugin_dialog::DialogExt;

use crate::Shared;

fn session<'a>(state: &'a State<'_, Shared>) -> std::sync::MutexGuard<'a, athar_session::Session> {
    // A panic while holding the lock must not brick the app: the session data is still valid.
    state.0.lock().unwrap_or_else(|e| e.into_inner())
}

/// Declares a command whose argument and output types are those of the protocol's command
/// type, and records its name so a test can check it matches the protocol's `NAME`.
macro_rules! command {
    ($name:ident: $cmd:ty, |$s:ident, $a:ident| $body:expr) => {
        #[tauri::command(async)]
        pub fn $name(
            state: State<'_, Shared>,
            args: <$cmd as Command>::Args,
        ) -> Result<<$cmd as Command>::Output, UiError> {
            #[allow(unused_mut)]
            let mut $s = session(&state);
            let $a = args;
            $body
        }
    };
}

command!(get_app_state: p::GetAppState, |s, _a| s.app_state());
command!(set_lang: p::SetLang, |s, a| s.set_lang(a.lang));
command!(create_company: p::CreateCompany, |s, a| s.create_company(a));
command!(open_company: p::OpenCompanyFile, |s, a| s.open_company(a));
command!(close_company: p::CloseCompany, |s, _a| {
    s.close();
    s.app_state()
});
command!(save_profile: p::SaveProfile, |s, a| s.save_profile(&a.data));
command!(change_passphrase: p::ChangePassphrase, |s, a| s.change_passphrase(&a));
command!(set_remember: p::SetRemember, |s, a| s.set_remember(a.remember));
command!(verify_audit: p::VerifyAudit, |s, _a| s.verify_audit());
command!(remove_recent: p::RemoveRecent, |s, a| s.remove_recent(&a.path));

command!(list_activity: p::ListActivity, |s, a| s.list_activity(&a));
command!(save_entry: p::SaveEntry, |s, a| s.save_entry(a));
command!(delete_entry: p::DeleteEntry, |s, a| s.delete_entry(&a.id));
command!(get_activity_catalog: p::GetActivityCatalog, |s, _a| s.activity_catalog());
command!(preview_import: p::PreviewImport, |s, a| s.preview_import(&a));
command!(commit_import: p::CommitImport, |s, a| s.commit_import(&a));
command!(get_inventory: p::GetInventory, |s, a| s.inventory(a));
command!(explain_result: p::ExplainResult, |s, a| s.explain(&a));
command!(list_company_factors: p::ListCompanyFactors, |s, _a| s.company_factors());
command!(save_company_factor: p::SaveCompanyFactor, |s, a| s.save_company_factor(a));
command!(save_spend_factor: p::SaveSpendFactor, |s, a| s.save_spend_factor(a));
command!(delete_company_factor: p::DeleteCompanyFactor, |s, a| s.delete_company_factor(&a.id));

// Sustainability report (VSME).
command!(get_vsme_model: p::GetVsmeModel, |s, _a| Ok(s.vsme_model()));
command!(get_vsme_state: p::GetVsmeState, |s, _a| s.vsme_state());
command!(save_vsme_facts: p::SaveVsmeFacts, |s, a| s.save_vsme_facts(&a));
command!(set_vsme_override: p::SetVsmeOverride, |s, a| s.set_vsme_override(&a));
command!(clear_vsme_override: p::ClearVsmeOverride, |s, a| s.clear_vsme_override(&a));
command!(answer_vsme_group: p::AnswerVsmeGroup, |s, a| s.answer_vsme_group(&a));
command!(save_vsme_settings: p::SaveVsmeSettings, |s, a| s.save_vsme_settings(&a));
command!(import_vsme_template: p::ImportVsmeTemplate, |s, a| s.import_vsme_template(&a));
command!(export_vsme: p::ExportVsme, |s, a| s.export_vsme(&a));
command!(get_vsme_templates: p::GetVsmeTemplates, |s, _a| Ok(s.vsme_templates()));
command!(set_vsme_template: p::SetVsmeTemplate, |s, a| s.set_vsme_template(&a));

// CBAM: installations, embedded emissions, the communication template, exports.
command!(get_cbam_overview: p::GetCbamOverview, |s, _a| s.cbam_overview());
command!(new_cbam_installation: p::NewCbamInstallation, |s, _a| s.new_cbam_installation());
command!(get_cbam_installation: p::GetCbamInstallation, |s, a| s.cbam_installation(&a.id));
command!(save_cbam_installation: p::SaveCbamInstallation, |s, a| s.save_cbam_installation(a));
command!(delete_cbam_installation: p::DeleteCbamInstallation, |s, a| s.delete_cbam_installation(&a.id));
command!(get_cbam_results: p::GetCbamResults, |s, a| s.cbam_results(&a.id));
command!(explain_cbam_result: p::ExplainCbamResult, |s, a| s.explain_cbam(&a));
command!(set_cbam_carbon_price: p::SetCbamCarbonPrice, |s, a| s.set_cbam_carbon_price(a.price));
command!(import_cbam_template: p::ImportCbamTemplate, |s, a| s.import_cbam(&a.path));
command!(check_cbam_template: p::CheckCbamTemplate, |s, a| s.check_cbam(&a.path));
command!(get_cbam_templates: p::GetCbamTemplates, |s, _a| Ok(s.cbam_templates()));
command!(set_cbam_template: p::SetCbamTemplate, |s, a| s.set_cbam_template(&a));

/// Writes the CBAM export; each file written is announced as a
/// `cbam::CBAM_EXPORT_PROGRESS_EVENT` event.
#[tauri::command(async)]
pub fn export_cbam(
    app: AppHandle,
    state: State<'_, Shared>,
    args: <p::ExportCbam as Command>::Args,
) -> Result<<p::ExportCbam as Command>::Output, UiError> {
    use tauri::Emitter;
    let mut s = session(&state);
    s.export_cbam(&args, &mut |progress| {
        let _ = app.emit(p::cbam::CBAM_EXPORT_PROGRESS_EVENT, progress);
    })
}

fn localizer(state: &State<'_, Shared>) -> athar_i18n::Localizer {
    athar_i18n::Localizer::new(session(state).lang())
}

#[tauri::command(async)]
pub fn pick_save_path(
    app: AppHandle,
    state: State<'_, Shared>,
    args: <p::PickSavePath as Command>::Args,
) -> Result<<p::PickSavePath as Command>::Output, UiError> {
    let l = localizer(&state);
    let dir = athar_prefs::default_company_dir();
    let _ = std::fs::create_dir_all(&dir);
    let picked = app
        .dialog()
        .file()
        .set_title(l.t("dialog-save-title"))
        .set_directory(dir)
        .set_file_name(&args.suggested_name)
        .add_filter(l.t("dialog-filter-athar"), &["athar"])
        .blocking_save_file();
    Ok(picked.and_then(|f| f.into_path().ok()).map(|p| {
        let p = if p.extension().is_none() {
            p.with_extension("athar")
        } else {
            p
        };
        p.display().to_string()
    }))
}

#[tauri::command(async)]
pub fn pick_open_path(
    app: AppHandle,
    state: State<'_, Shared>,
    args: <p::PickOpenPath as Command>::Args,
) -> Result<<p::PickOpenPath as Command>::Output, UiError> {
    let _ = args;
    let l = localizer(&state);
    let picked = app
        .dialog()
        .file()
        .set_title(l.t("dialog-open-title"))
        .add_filter(l.t("dialog-filter-athar"), &["athar"])
        .blocking_pick_file();
    Ok(picked
        .and_then(|f| f.into_path().ok())
        .map(|p| p.display().to_string()))
}

#[tauri::command(async)]
pub fn pick_import_file(
    app: AppHandle,
    state: State<'_, Shared>,
    args: <p::PickImportFile as Command>::Args,
) -> Result<<p::PickImportFile as Command>::Output, UiError> {
    let _ = args;
    let l = localizer(&state);
    let picked = app
        .dialog()
        .file()
        .set_title(l.t("dialog-import-title"))
        .add_filter(l.t("dialog-filter-spreadsheet"), &["xlsx", "csv"])
        .blocking_pick_file();
    Ok(picked
        .and_then(|f| f.into_path().ok())
        .map(|p| p.display().to_string()))
}

#[tauri::command(async)]
pub fn pick_vsme_workbook(
    app: AppHandle,
    state: State<'_, Shared>,
    args: <p::PickVsmeWorkbook as Command>::Args,
) -> Result<<p::PickVsmeWorkbook as Command>::Output, UiError> {
    let _ = args;
    let l = localizer(&state);
    let picked = app
        .dialog()
        .file()
        .set_title(l.t("vsme-dialog-workbook"))
        .add_filter(l.t("vsme-dialog-filter-xlsx"), &["xlsx"])
        .blocking_pick_file();
    Ok(picked
        .and_then(|f| f.into_path().ok())
        .map(|p| p.display().to_string()))
}

#[tauri::command(async)]
pub fn pick_vsme_folder(
    app: AppHandle,
    state: State<'_, Shared>,
    args: <p::PickVsmeFolder as Command>::Args,
) -> Result<<p::PickVsmeFolder as Command>::Output, UiError> {
    let _ = args;
    let l = localizer(&state);
    let picked = app
        .dialog()
        .file()
        .set_title(l.t("vsme-dialog-folder"))
        .blocking_pick_folder();
    Ok(picked
        .and_then(|f| f.into_path().ok())
        .map(|p| p.display().to_string()))
}

#[tauri::command(async)]
pub fn pick_cbam_workbook(
    app: AppHandle,
    state: State<'_, Shared>,
    args: <p::PickCbamWorkbook as Command>::Args,
) -> Result<<p::PickCbamWorkbook as Command>::Output, UiError> {
    let _ = args;
    let l = localizer(&state);
    let picked = app
        .dialog()
        .file()
        .set_title(l.t("cbam-dialog-workbook"))
        .add_filter(l.t("cbam-dialog-filter-xlsx"), &["xlsx"])
        .blocking_pick_file();
    Ok(picked
        .and_then(|f| f.into_path().ok())
        .map(|p| p.display().to_string()))
}

#[tauri::command(async)]
pub fn pick_cbam_folder(
    app: AppHandle,
    state: State<'_, Shared>,
    args: <p::PickCbamFolder as Command>::Args,
) -> Result<<p::PickCbamFolder as Command>::Output, UiError> {
    let _ = args;
    let l = localizer(&state);
    let picked = app
        .dialog()
        .file()
        .set_title(l.t("cbam-dialog-folder"))
        .blocking_pick_folder();
    Ok(picked
        .and_then(|f| f.into_path().ok())
        .map(|p| p.display().to_string()))
}

#[tauri::command]
pub fn ui_ready(args: <p::UiReady as Command>::Args) -> Result<(), UiError> {
    let _ = args;
    if std::env::var_os("ATHAR_BENCH_READY").is_some() {
        let ms = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_millis())
            .unwrap_or(0);
        eprintln!("ATHAR_READY_EPOCH_MS={ms}");
        if std::env::var_os("ATHAR_BENCH_EXIT").is_some() {
            std::process::exit(0);
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use athar_protocol::{self as p, Command};

    /// The handler names registered in lib.rs must be the protocol's command names.
    #[test]
    fn command_names_match_the_protocol() {
        let pairs = [
            ("get_app_state", p::GetAppState::NAME),
            ("set_lang", p::SetLang::NAME),
            ("create_company", p::CreateCompany::NAME),
            ("open_company", p::OpenCompanyFile::NAME),
            ("close_company", p::CloseCompany::NAME),
            ("save_profile", p::SaveProfile::NAME),
            ("change_passphrase", p::ChangePassphrase::NAME),
            ("set_remember", p::SetRemember::NAME),
            ("verify_audit", p::VerifyAudit::NAME),
            ("remove_recent", p::RemoveRecent::NAME),
            ("pick_save_path", p::PickSavePath::NAME),
            ("pick_open_path", p::PickOpenPath::NAME),
            ("ui_ready", p::UiReady::NAME),
            ("list_activity", p::ListActivity::NAME),
            ("save_entry", p::SaveEntry::NAME),
            ("delete_entry", p::DeleteEntry::NAME),
            ("get_activity_catalog", p::GetActivityCatalog::NAME),
            ("pick_import_file", p::PickImportFile::NAME),
            ("preview_import", p::PreviewImport::NAME),
            ("commit_import", p::CommitImport::NAME),
            ("get_inventory", p::GetInventory::NAME),
            ("explain_result", p::ExplainResult::NAME),
            ("list_company_factors", p::ListCompanyFactors::NAME),
            ("save_company_factor", p::SaveCompanyFactor::NAME),
            ("save_spend_factor", p::SaveSpendFactor::NAME),
            ("delete_company_factor", p::DeleteCompanyFactor::NAME),
            ("get_vsme_model", p::GetVsmeModel::NAME),
            ("get_vsme_state", p::GetVsmeState::NAME),
            ("save_vsme_facts", p::SaveVsmeFacts::NAME),
            ("set_vsme_override", p::SetVsmeOverride::NAME),
            ("clear_vsme_override", p::ClearVsmeOverride::NAME),
            ("answer_vsme_group", p::AnswerVsmeGroup::NAME),
            ("save_vsme_settings", p::SaveVsmeSettings::NAME),
            ("import_vsme_template", p::ImportVsmeTemplate::NAME),
            ("export_vsme", p::ExportVsme::NAME),
            ("get_vsme_templates", p::GetVsmeTemplates::NAME),
            ("set_vsme_template", p::SetVsmeTemplate::NAME),
            ("pick_vsme_workbook", p::PickVsmeWorkbook::NAME),
            ("pick_vsme_folder", p::PickVsmeFolder::NAME),
            ("get_cbam_overview", p::GetCbamOverview::NAME),
            ("new_cbam_installation", p::NewCbamInstallation::NAME),
            ("get_cbam_installation", p::GetCbamInstallation::NAME),
            ("save_cbam_installation", p::SaveCbamInstallation::NAME),
            ("delete_cbam_installation", p::DeleteCbamInstallation::NAME),
            ("get_cbam_results", p::GetCbamResults::NAME),
            ("explain_cbam_result", p::ExplainCbamResult::NAME),
            ("set_cbam_carbon_price", p::SetCbamCarbonPrice::NAME),
            ("import_cbam_template", p::ImportCbamTemplate::NAME),
            ("check_cbam_template", p::CheckCbamTemplate::NAME),
            ("export_cbam", p::ExportCbam::NAME),
            ("get_cbam_templates", p::GetCbamTemplates::NAME),
            ("set_cbam_template", p::SetCbamTemplate::NAME),
            ("pick_cbam_workbook", p::PickCbamWorkbook::NAME),
            ("pick_cbam_folder", p::PickCbamFolder::NAME),
        ];
        for (handler, name) in pairs {
            assert_eq!(handler, name);
        }
        let src = include_str!("lib.rs");
        for (handler, _) in pairs {
            assert!(
                src.contains(&format!("commands::{handler},")),
                "{handler} is not registered"
            );
        }
    }
}
