//! Documents: add bills and invoices (kept encrypted in the company file), read them with a
//! progress bar per document and a cancel button, and open each read document for review.
//!
//! Reading runs in the worker process; while it runs this screen polls the session for the
//! status of every document (the session is not held while reading), so the bar and the
//! cancel button answer at once.

use athar_protocol::documents::{
    AddDocumentsArgs, DocumentIdsArgs, DocumentRow, DocumentsView, ExtractionProgress, RefusedFile,
};
use athar_protocol::{
    AddDocuments, CancelExtraction, ExtractDocuments, GetExtractionProgress, ListDocuments, NoArgs,
    PickDocumentFiles,
};
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::app::{use_app, AppCtx, Tab};
use crate::i18n::{t, tf, I18n};
use crate::screens::documents_review::DocumentReview;

/// How often the progress is asked for while documents are read.
const POLL_MS: u64 = 400;

/// What the last add or read did, kept as a message key and its arguments so that it
/// follows a change of language, and built outside the async task that learned it (there
/// is no reactive owner there to find the translations from).
#[derive(Clone)]
struct Notice {
    key: &'static str,
    /// Counts, shown in the digits of the language.
    args: Vec<(&'static str, usize)>,
    refused: Vec<RefusedFile>,
}

impl Notice {
    fn text(&self, i18n: I18n) -> String {
        let args: Vec<(String, String)> = self
            .args
            .iter()
            .map(|(k, v)| (k.to_string(), crate::format::count(i18n.lang(), *v as u64)))
            .collect();
        let mut lines = vec![i18n.format(self.key, &args)];
        lines.extend(
            self.refused
                .iter()
                .map(|f| format!("{}: {}", f.file_name, i18n.error(&f.error))),
        );
        lines.join("\n")
    }
}

#[derive(Clone, Copy)]
struct DocsState {
    view: RwSignal<Option<DocumentsView>>,
    progress: RwSignal<Vec<ExtractionProgress>>,
    running: RwSignal<bool>,
    reviewing: RwSignal<Option<String>>,
    notice: RwSignal<Option<Notice>>,
}

impl DocsState {
    fn reload(self, app: AppCtx) {
        spawn_local(async move {
            if let Ok(v) = app.invoke::<ListDocuments>(NoArgs {}).await {
                self.view.set(Some(v));
            }
        });
    }

    /// Reads `ids` (every document not read yet when empty), polling the progress meanwhile.
    fn read(self, app: AppCtx, ids: Vec<String>) {
        if self.running.get_untracked() {
            return;
        }
        self.running.set(true);
        self.progress.set(Vec::new());
        let running = self.running;
        let progress = self.progress;
        let handle = set_interval_with_handle(
            move || {
                if !running.get_untracked() {
                    return;
                }
                spawn_local(async move {
                    // Quietly: a poll that fails is simply tried again.
                    if let Ok(p) = crate::ipc::call::<GetExtractionProgress>(&NoArgs {}).await {
                        if running.get_untracked() {
                            progress.set(p);
                        }
                    }
                });
            },
            std::time::Duration::from_millis(POLL_MS),
        )
        .ok();
        spawn_local(async move {
            let result = app
                .invoke::<ExtractDocuments>(DocumentIdsArgs { ids })
                .await;
            if let Some(h) = handle {
                h.clear();
            }
            if let Ok(p) = crate::ipc::call::<GetExtractionProgress>(&NoArgs {}).await {
                progress.set(p);
            }
            running.set(false);
            if let Ok(r) = result {
                self.notice.set(Some(Notice {
                    key: "documents-read-summary",
                    args: vec![
                        ("done", r.done as usize),
                        ("failed", r.failed as usize),
                        ("cancelled", r.cancelled as usize),
                        ("accepted", r.auto_accepted as usize),
                    ],
                    refused: Vec::new(),
                }));
                self.view.set(Some(r.view));
            } else {
                self.reload(app);
            }
        });
    }

    fn add(self, app: AppCtx, paths: Vec<String>) {
        if paths.is_empty() {
            return;
        }
        spawn_local(async move {
            if let Ok(r) = app.invoke::<AddDocuments>(AddDocumentsArgs { paths }).await {
                self.notice.set(Some(Notice {
                    key: "documents-added",
                    args: vec![
                        ("added", r.added.len()),
                        ("duplicates", r.duplicates.len()),
                        ("refused", r.refused.len()),
                    ],
                    refused: r.refused.clone(),
                }));
                self.view.set(Some(r.view));
                if !r.added.is_empty() {
                    self.read(app, r.added);
                }
            }
        });
    }
}

fn status_label(status: &str) -> String {
    t(&format!("documents-status-{status}"))
}

fn type_label(t_id: &Option<String>) -> String {
    match t_id {
        Some(id) => t(&format!("doc-type-{id}")),
        None => String::new(),
    }
}

#[component]
pub fn DocumentsScreen() -> impl IntoView {
    let app = use_app();
    let state = DocsState {
        view: RwSignal::new(None),
        progress: RwSignal::new(Vec::new()),
        running: RwSignal::new(false),
        reviewing: RwSignal::new(None),
        notice: RwSignal::new(None),
    };
    state.reload(app);
    let path = RwSignal::new(String::new());
    let add_typed = move || {
        let paths: Vec<String> = path
            .get_untracked()
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(str::to_string)
            .collect();
        path.set(String::new());
        state.add(app, paths);
    };
    let choose = move |_| {
        spawn_local(async move {
            if let Ok(paths) = app.invoke::<PickDocumentFiles>(NoArgs {}).await {
                state.add(app, paths);
            }
        });
    };
    let cancel = move |_| {
        spawn_local(async move {
            let _ = app.invoke::<CancelExtraction>(NoArgs {}).await;
        });
    };
    let waiting = move || {
        state.view.with(|v| {
            v.as_ref().map_or(0, |v| {
                v.documents.iter().filter(|d| d.status == "added").count()
            })
        })
    };
    let model_ready = move || {
        state
            .view
            .with(|v| v.as_ref().is_some_and(|v| v.model_ready))
    };
    let on_done = move || {
        state.reviewing.set(None);
        state.reload(app);
    };
    view! {
        <section id="documents-screen" class="screen">
            <div class="screen-head">
                <div>
                    <h1 class="screen-title">{move || t("documents-title")}</h1>
                    <p class="screen-lead">{move || t("documents-lead")}</p>
                </div>
            </div>
            <Show when=move || state.view.with(|v| v.is_some()) && !model_ready()>
                <section class="card notice" id="documents-no-model">
                    <p>{move || t("documents-no-model")}</p>
                    <button type="button" class="btn btn-small" id="documents-to-settings"
                        on:click=move |_| app.go_tab(Tab::Settings)>
                        {move || t("documents-open-settings")}
                    </button>
                </section>
            </Show>
            <section class="card stack" id="documents-add-card">
                <h2 class="card-title">{move || t("documents-add-title")}</h2>
                <p class="section-note">{move || t("documents-add-note")}</p>
                <div class="documents-add-row">
                    <label class="field-label" for="documents-path">{move || t("documents-path")}</label>
                    <input id="documents-path" class="input" dir="ltr"
                        prop:value=move || path.get()
                        on:input=move |ev| path.set(event_target_value(&ev))
                        on:keydown=move |ev| if ev.key() == "Enter" { add_typed() } /> // i18n-ok: key name
                    <button type="button" class="btn" id="documents-add"
                        disabled=move || state.running.get()
                        on:click=move |_| add_typed()>
                        {move || t("documents-add")}
                    </button>
                    <button type="button" class="btn btn-primary" id="documents-choose"
                        disabled=move || state.running.get()
                        on:click=choose>
                        {move || t("documents-choose")}
                    </button>
                </div>
                {move || state.notice.get().map(|n| view! {
                    <p class="documents-notice" id="documents-notice" role="status">{n.text(app.i18n)}</p>
                })}
            </section>
            <ProgressCard state cancel />
            <section class="card">
                <div class="card-head">
                    <h2 class="card-title">{move || t("documents-list-title")}</h2>
                    <Show when=move || { waiting() > 0 && !state.running.get() }>
                        <button type="button" class="btn btn-small" id="documents-read"
                            on:click=move |_| state.read(app, Vec::new())>
                            {move || tf("documents-read-waiting", &[("count", crate::format::count(use_app().i18n.lang(), waiting() as u64))])}
                        </button>
                    </Show>
                </div>
                <DocumentTable state />
            </section>
            {move || state.reviewing.get().map(|id| view! {
                <DocumentReview id on_done />
            })}
        </section>
    }
}

#[component]
fn ProgressCard(
    state: DocsState,
    cancel: impl Fn(leptos::ev::MouseEvent) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let finished = move || {
        state.progress.with(|p| {
            p.iter()
                .filter(|e| matches!(e.status.as_str(), "done" | "failed" | "cancelled"))
                .count()
        })
    };
    let count = move || state.progress.with(|p| p.len());
    view! {
        <Show when=move || { state.running.get() || count() > 0 }>
            <section class="card stack" id="documents-progress-card">
                <div class="card-head">
                    <h2 class="card-title">{move || t("documents-progress-title")}</h2>
                    <Show when=move || state.running.get()>
                        <button type="button" class="btn btn-small btn-ghost" id="documents-cancel"
                            on:click=cancel>
                            {move || t("documents-cancel")}
                        </button>
                    </Show>
                </div>
                <progress id="documents-progress" class="documents-progress"
                    max=move || count().max(1).to_string()
                    value=move || finished().to_string()></progress>
                <ul class="documents-progress-list">
                    <For
                        each=move || state.progress.get()
                        key=|p| (p.document.clone(), p.status.clone(), p.stage.clone(), p.done)
                        children=move |p| {
                            let lang = crate::i18n::use_i18n().lang();
                            let stage = p.stage.clone().map(|s| {
                                let label = t(&format!("documents-stage-{s}"));
                                if p.total > 0 {
                                    tf("documents-stage-count", &[
                                        ("stage", label),
                                        ("done", crate::format::count(lang, u64::from(p.done))),
                                        ("total", crate::format::count(lang, u64::from(p.total))),
                                    ])
                                } else {
                                    label
                                }
                            });
                            view! {
                                <li class=format!("documents-progress-item status-{}", p.status)
                                    data-document=p.document.clone()>
                                    <span class="documents-progress-name" dir="auto">{p.file_name.clone()}</span>
                                    <span class="documents-progress-status">{status_label(&p.status)}</span>
                                    {stage.map(|s| view! { <span class="documents-progress-stage">{s}</span> })}
                                </li>
                            }
                        }
                    />
                </ul>
            </section>
        </Show>
    }
}

#[component]
fn DocumentTable(state: DocsState) -> impl IntoView {
    let app = use_app();
    let rows = move || {
        state
            .view
            .with(|v| v.as_ref().map(|v| v.documents.clone()).unwrap_or_default())
    };
    view! {
        <Show
            when=move || !rows().is_empty()
            fallback=move || view! { <p class="empty" id="documents-empty">{move || t("documents-empty")}</p> }
        >
            <table class="table" id="documents-table">
                <thead>
                    <tr>
                        <th>{move || t("documents-col-file")}</th>
                        <th>{move || t("documents-col-type")}</th>
                        <th>{move || t("documents-col-status")}</th>
                        <th>{move || t("documents-col-fields")}</th>
                        <th></th>
                    </tr>
                </thead>
                <tbody>
                    <For
                        each=rows
                        key=|d: &DocumentRow| (d.id.clone(), d.status.clone(), d.fields, d.low_confidence)
                        children=move |d: DocumentRow| {
                            let id = d.id.clone();
                            let error = d.error.clone();
                            let entry = d.entry_id.clone();
                            let status = d.status.clone();
                            let (n, low) = (u64::from(d.fields), u64::from(d.low_confidence));
                            let i18n = app.i18n;
                            let fields = move || {
                                let lang = i18n.lang();
                                tf(
                                    "documents-fields-count",
                                    &[
                                        ("count", crate::format::count(lang, n)),
                                        ("low", crate::format::count(lang, low)),
                                    ],
                                )
                            };
                            view! {
                                <tr class=format!("document-row status-{}", d.status) data-id=d.id.clone()>
                                    <td dir="auto">{d.file_name.clone()}</td>
                                    <td>{
                                        let doc_type = d.doc_type.clone();
                                        move || type_label(&doc_type)
                                    }</td>
                                    <td>
                                        <span class="document-status">{
                                            let status = d.status.clone();
                                            move || status_label(&status)
                                        }</span>
                                        {error.map(|e| view! {
                                            <p class="document-error">{move || app.i18n.error(&e)}</p>
                                        })}
                                    </td>
                                    <td>{(d.fields > 0).then_some(fields)}</td>
                                    <td class="actions">
                                        {match (status.as_str(), entry) {
                                            ("extracted", _) => view! {
                                                <button type="button" class="btn btn-small document-review"
                                                    on:click=move |_| state.reviewing.set(Some(id.clone()))>
                                                    {move || t("documents-review")}
                                                </button>
                                            }.into_any(),
                                            ("accepted", Some(entry)) => view! {
                                                <button type="button" class="btn btn-small btn-ghost document-entry"
                                                    on:click=move |_| app.go_tab(Tab::Activity)>
                                                    {tf("documents-entry", &[("id", entry.clone())])}
                                                </button>
                                            }.into_any(),
                                            _ => ().into_any(),
                                        }}
                                    </td>
                                </tr>
                            }
                        }
                    />
                </tbody>
            </table>
        </Show>
    }
}
