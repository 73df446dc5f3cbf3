//! Tauri commands of the Documents screen. Reading documents is the one slow command that
//! does not hold the session while it works: it takes what to read, reads each document
//! through the worker process with the session free (so the progress poll and the cancel
//! button answer at once), and locks the session again only to store each result.

use std::sync::Arc;

use athar_protocol::documents::{ExtractReport, ExtractionProgress, DOCUMENTS_PROGRESS_EVENT};
use athar_protocol::{self as p, Command, UiError};
use athar_session::documents::{extract_one, tally};
use tauri::{AppHandle, State};
use tauri_plugin_dialog::DialogExt;

use crate::Shared;

fn session<'a>(state: &'a State<'_, Shared>) -> std::sync::MutexGuard<'a, athar_session::Session> {
    // A panic while holding the lock must not brick the app: the session data is still valid.
    state.0.lock().unwrap_or_else(|e| e.into_inner())
}

/// A one-line adapter with the protocol command's argument and output types.
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

command!(list_documents: p::ListDocuments, |s, _a| s.documents_view());
command!(add_documents: p::AddDocuments, |s, a| s.add_documents(&a));
command!(cancel_extraction: p::CancelExtraction, |s, _a| {
    s.cancel_extraction();
    Ok(())
});
command!(get_extraction_progress: p::GetExtractionProgress, |s, _a| Ok(s.extraction_progress()));
command!(get_document_review: p::GetDocumentReview, |s, a| s.document_review(&a.id));
command!(accept_document: p::AcceptDocument, |s, a| s.accept_document(&a));
command!(save_document_settings: p::SaveDocumentSettings, |s, a| s.save_document_settings(&a));

/// Reads documents; each step is also announced as a `DOCUMENTS_PROGRESS_EVENT` event.
#[tauri::command(async)]
pub fn extract_documents(
    app: AppHandle,
    state: State<'_, Shared>,
    args: <p::ExtractDocuments as Command>::Args,
) -> Result<<p::ExtractDocuments as Command>::Output, UiError> {
    use tauri::Emitter;
    let (engines, pending, sink) = {
        let mut s = session(&state);
        let (engines, pending) = s.pending_extractions(&args.ids)?;
        let sink = s.progress_board_sink(Arc::new(move |e: &ExtractionProgress| {
            let _ = app.emit(DOCUMENTS_PROGRESS_EVENT, e);
        }));
        (engines, pending, sink)
    };
    let mut report = ExtractReport {
        done: 0,
        failed: 0,
        cancelled: 0,
        auto_accepted: 0,
        view: session(&state).documents_view()?,
    };
    for (i, doc) in pending.iter().enumerate() {
        let result = extract_one(&engines, doc, i, pending.len(), &sink);
        tally(&mut report, &result);
        if session(&state).finish_extraction(&doc.id, &result)? {
            report.auto_accepted += 1;
        }
    }
    report.view = session(&state).documents_view()?;
    Ok(report)
}

fn localizer(state: &State<'_, Shared>) -> athar_i18n::Localizer {
    athar_i18n::Localizer::new(session(state).lang())
}

#[tauri::command(async)]
pub fn pick_document_files(
    app: AppHandle,
    state: State<'_, Shared>,
    args: <p::PickDocumentFiles as Command>::Args,
) -> Result<<p::PickDocumentFiles as Command>::Output, UiError> {
    let _ = args;
    let l = localizer(&state);
    let picked = app
        .dialog()
        .file()
        .set_title(l.t("documents-dialog-files"))
        .add_filter(
            l.t("documents-dialog-filter"),
            &["pdf", "jpg", "jpeg", "png", "tif", "tiff", "xlsx", "csv"],
        )
        .blocking_pick_files();
    Ok(picked
        .unwrap_or_default()
        .into_iter()
        .filter_map(|f| f.into_path().ok())
        .map(|p| p.display().to_string())
        .collect())
}

#[tauri::command(async)]
pub fn pick_model_file(
    app: AppHandle,
    state: State<'_, Shared>,
    args: <p::PickModelFile as Command>::Args,
) -> Result<<p::PickModelFile as Command>::Output, UiError> {
    let _ = args;
    let l = localizer(&state);
    let picked = app
        .dialog()
        .file()
        .set_title(l.t("documents-dialog-model"))
        .add_filter(l.t("documents-dialog-filter-gguf"), &["gguf"])
        .blocking_pick_file();
    Ok(picked
        .and_then(|f| f.into_path().ok())
        .map(|p| p.display().to_string()))
}

#[cfg(test)]
mod tests {
    use athar_protocol::{self as p, Command};

    /// The handler names registered in lib.rs must be the protocol's command names.
    #[test]
    fn command_names_match_the_protocol() {
        let pairs = [
            ("list_documents", p::ListDocuments::NAME),
            ("add_documents", p::AddDocuments::NAME),
            ("extract_documents", p::ExtractDocuments::NAME),
            ("cancel_extraction", p::CancelExtraction::NAME),
            ("get_extraction_progress", p::GetExtractionProgress::NAME),
            ("get_document_review", p::GetDocumentReview::NAME),
            ("accept_document", p::AcceptDocument::NAME),
            ("save_document_settings", p::SaveDocumentSettings::NAME),
            ("pick_document_files", p::PickDocumentFiles::NAME),
            ("pick_model_file", p::PickModelFile::NAME),
        ];
        let src = include_str!("lib.rs");
        for (handler, name) in pairs {
            assert_eq!(handler, name);
            assert!(
                src.contains(&format!("documents::{handler},")),
                "{handler} is not registered"
            );
        }
    }
}
