//! The desktop shell. It owns the window and turns IPC calls into `athar-session` calls;
//! nothing else. Every command is a one-line adapter declared with [`command!`], whose types
//! come from `athar-protocol`, so the UI and the shell cannot drift apart.
//!
//! Environment:
//! - `ATHAR_KEYCHAIN=mock` uses keyring-core's in-memory store (end-to-end tests).
//! - `ATHAR_CONFIG_DIR` moves the preferences (see `athar-prefs`).
//! - `ATHAR_BENCH_READY=1` prints `ATHAR_READY_EPOCH_MS=<ms>` to stderr when the start screen
//!   is interactive; with `ATHAR_BENCH_EXIT=1` the app then exits (start-up benchmark).

mod commands;
mod documents;

use std::sync::Mutex;

use athar_session::Session;

/// The one session of this app instance.
pub struct Shared(pub Mutex<Session>);

pub fn run() {
    // Started as the worker process that reads documents (OCR, the model)?
    athar_session::documents::serve_worker_if_asked();
    let keychain_available = match std::env::var("ATHAR_KEYCHAIN").as_deref() {
        Ok("mock") => athar_keychain::init(athar_keychain::Backend::Mock).is_ok(),
        Ok("none") => false,
        _ => athar_keychain::init(athar_keychain::Backend::Platform).is_ok(),
    };
    let session = Session::new(
        athar_prefs::PrefsFile::default_location(),
        athar_session::actor("desktop"),
        keychain_available,
    );
    tauri::Builder::default()
        .plugin(tauri_plugin_dialog::init())
        .manage(Shared(Mutex::new(session)))
        .invoke_handler(tauri::generate_handler![
            commands::get_app_state,
            commands::set_lang,
            commands::create_company,
            commands::open_company,
            commands::close_company,
            commands::save_profile,
            commands::change_passphrase,
            commands::set_remember,
            commands::verify_audit,
            commands::remove_recent,
            commands::pick_save_path,
            commands::pick_open_path,
            commands::ui_ready,
            commands::list_activity,
            commands::save_entry,
            commands::delete_entry,
            commands::get_activity_catalog,
            commands::pick_import_file,
            commands::preview_import,
            commands::commit_import,
            commands::get_inventory,
            commands::explain_result,
            commands::list_company_factors,
            commands::save_company_factor,
            commands::save_spend_factor,
            commands::delete_company_factor,
            commands::get_vsme_model,
            commands::get_vsme_state,
            commands::save_vsme_facts,
            commands::set_vsme_override,
            commands::clear_vsme_override,
            commands::answer_vsme_group,
            commands::save_vsme_settings,
            commands::import_vsme_template,
            commands::export_vsme,
            commands::get_vsme_templates,
            commands::set_vsme_template,
            commands::pick_vsme_workbook,
            commands::pick_vsme_folder,
            documents::list_documents,
            documents::add_documents,
            documents::extract_documents,
            documents::cancel_extraction,
            documents::get_extraction_progress,
            documents::get_document_review,
            documents::accept_document,
            documents::save_document_settings,
            documents::pick_document_files,
            documents::pick_model_file,
            commands::get_cbam_overview,
            commands::new_cbam_installation,
            commands::get_cbam_installation,
            commands::save_cbam_installation,
            commands::delete_cbam_installation,
            commands::get_cbam_results,
            commands::explain_cbam_result,
            commands::set_cbam_carbon_price,
            commands::import_cbam_template,
            commands::check_cbam_template,
            commands::export_cbam,
            commands::get_cbam_templates,
            commands::set_cbam_template,
            commands::pick_cbam_workbook,
            commands::pick_cbam_folder,
        ])
        .run(tauri::generate_context!())
        .unwrap_or_else(|e| {
            eprintln!("athar-desktop: {e}");
            std::process::exit(1);
        });
}
