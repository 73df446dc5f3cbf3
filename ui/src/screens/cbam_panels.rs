//! The CBAM tab's actions on files: import a filled communication template (every problem
//! listed by cell when it is refused), check a template received from a supplier against a
//! recomputation, and export the package for EU importers (the filled workbook, the PDF
//! summary, the email draft and the zip), listing the files written.

use athar_protocol::cbam::{
    CbamCheckOutcome, CbamExportArgs, CbamExportProgress, CbamExportReport, CbamFileKind,
    CbamImportOutcome, CbamPathArgs, CellProblemView, CBAM_EXPORT_PROGRESS_EVENT,
};
use athar_protocol::{
    CheckCbamTemplate, ExportCbam, ImportCbamTemplate, Lang, NoArgs, PickCbamFolder,
    PickCbamWorkbook,
};
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::app::use_app;
use crate::format;
use crate::i18n::{t, tf};
use crate::screens::cbam::{see, use_cbam, CbamTab};

fn args_of(args: &[(String, String)]) -> Vec<(&str, String)> {
    args.iter().map(|(k, v)| (k.as_str(), v.clone())).collect()
}

/// A path typed or picked with the native dialog.
#[component]
fn PathInput(
    id: &'static str,
    path: RwSignal<String>,
    #[prop(optional)] folder: bool,
) -> impl IntoView {
    let app = use_app();
    let browse = move |_| {
        spawn_local(async move {
            let picked = if folder {
                app.invoke::<PickCbamFolder>(NoArgs {}).await
            } else {
                app.invoke::<PickCbamWorkbook>(NoArgs {}).await
            };
            if let Ok(Some(p)) = picked {
                path.set(p);
            }
        });
    };
    view! {
        <input id=id class="input filter-grow" type="text" dir="ltr"
            placeholder=move || t(if folder { "cbam-ui-folder-placeholder" } else { "cbam-ui-path-placeholder" })
            prop:value=move || path.get() on:input=move |ev| path.set(event_target_value(&ev)) />
        <button type="button" class="btn" on:click=browse>{move || t("cbam-ui-browse")}</button>
    }
}

/// The cells of a refused template.
#[component]
fn CellProblems(problems: Vec<CellProblemView>) -> impl IntoView {
    view! {
        <table class="data-table cbam-cell-problems">
            <thead><tr>
                <th>{move || t("cbam-ui-col-cell")}</th>
                <th>{move || t("cbam-ui-col-problem")}</th>
            </tr></thead>
            <tbody>
                {problems.into_iter().map(|p| { let key = p.key.clone(); view! {
                    <tr class="cbam-cell-problem" data-key=key>
                        <td class="mono" dir="ltr">{p.cell.clone()}</td>
                        <td>{move || tf(&p.key, &args_of(&p.args))}</td>
                    </tr>
                } }).collect_view()}
            </tbody>
        </table>
    }
}

#[component]
pub fn ImportPanel() -> impl IntoView {
    let c = use_cbam();
    let app = use_app();
    let i18n = app.i18n;
    let path = RwSignal::new(String::new());
    let busy = RwSignal::new(false);
    let outcome = RwSignal::new(None::<CbamImportOutcome>);
    let run = move || {
        let p = path.get_untracked();
        if p.trim().is_empty() {
            return;
        }
        busy.set(true);
        outcome.set(None);
        spawn_local(async move {
            let r = app
                .invoke::<ImportCbamTemplate>(CbamPathArgs { path: p })
                .await;
            busy.set(false);
            if let Ok(r) = r {
                if let CbamImportOutcome::Imported { id, .. } = &r {
                    c.reload(Some(id.clone()));
                }
                outcome.set(Some(r));
            }
        });
    };
    view! {
        <form class="card form-section stack" id="cbam-import" on:submit=move |ev| { ev.prevent_default(); run(); }>
            <h2 class="card-title">{move || t("cbam-ui-import-title")}</h2>
            <p class="section-note">{move || t("cbam-ui-import-note")}</p>
            <div class="inline-row">
                <PathInput id="cbam-import-path" path />
                <button type="submit" class="btn btn-primary" id="cbam-import-run" prop:disabled=move || busy.get()>{move || t("cbam-ui-import-run")}</button>
            </div>
            <Show when=move || busy.get()>
                <p class="loading" role="status">{move || t("cbam-ui-importing")}</p>
            </Show>
            {move || outcome.get().map(|o| match o {
                CbamImportOutcome::Imported { file_name, version, name_en, products, change, .. } => view! {
                    <div id="cbam-imported" role="status" class="stack">
                        <p>{move || tf("cbam-ui-imported", &[
                            ("file", file_name.clone()),
                            ("version", version.clone()),
                            ("installation", name_en.clone()),
                            ("products", format::count(i18n.lang(), products as u64)),
                            ("change", change.clone()),
                        ])}</p>
                        <button type="button" class="btn" id="cbam-imported-show" on:click=move |_| c.tab.set(CbamTab::Results)>{move || t("cbam-ui-show-results")}</button>
                    </div>
                }.into_any(),
                CbamImportOutcome::Rejected { file_name, problems } => {
                    let n = problems.len() as u64;
                    view! {
                        <div id="cbam-import-rejected" role="alert" class="stack">
                            <p class="field-error">{move || tf("cbam-ui-rejected", &[("file", file_name.clone()), ("count", format::count(i18n.lang(), n))])}</p>
                            <CellProblems problems />
                        </div>
                    }.into_any()
                }
            })}
        </form>
    }
}

/// "Check a supplier's template".
#[component]
pub fn CheckPanel() -> impl IntoView {
    let app = use_app();
    let i18n = app.i18n;
    let path = RwSignal::new(String::new());
    let busy = RwSignal::new(false);
    let outcome = RwSignal::new(None::<CbamCheckOutcome>);
    let run = move || {
        let p = path.get_untracked();
        if p.trim().is_empty() {
            return;
        }
        busy.set(true);
        outcome.set(None);
        spawn_local(async move {
            let r = app
                .invoke::<CheckCbamTemplate>(CbamPathArgs { path: p })
                .await;
            busy.set(false);
            if let Ok(r) = r {
                outcome.set(Some(r));
            }
        });
    };
    view! {
        <form class="card form-section stack" id="cbam-check" on:submit=move |ev| { ev.prevent_default(); run(); }>
            <h2 class="card-title">{move || t("cbam-ui-check-title")}</h2>
            <p class="section-note">{move || t("cbam-ui-check-note")}</p>
            <div class="inline-row">
                <PathInput id="cbam-check-path" path />
                <button type="submit" class="btn btn-primary" id="cbam-check-run" prop:disabled=move || busy.get()>{move || t("cbam-ui-check-run")}</button>
            </div>
            <Show when=move || busy.get()>
                <p class="loading" role="status">{move || t("cbam-ui-checking")}</p>
            </Show>
            {move || outcome.get().map(|o| match o {
                CbamCheckOutcome::Checked { file_name, version, report } => {
                    let n = report.discrepancies.len() as u64;
                    let name = report.installation.name.clone();
                    view! {
                        <div id="cbam-check-report" role="status" class="stack" data-discrepancies=n.to_string()>
                            <p>{move || tf("cbam-ui-checked", &[
                                ("file", file_name.clone()),
                                ("version", version.clone()),
                                ("installation", name.clone()),
                                ("count", format::count(i18n.lang(), n)),
                            ])}</p>
                            <table class="data-table" id="cbam-check-goods">
                                <thead><tr>
                                    <th>{move || t("cbam-pdf-col-cn")}</th>
                                    <th>{move || t("cbam-pdf-col-good")}</th>
                                    <th class="num">{move || t("cbam-pdf-col-direct")}</th>
                                    <th class="num">{move || t("cbam-pdf-col-indirect")}</th>
                                    <th class="num">{move || t("cbam-pdf-col-total")}</th>
                                </tr></thead>
                                <tbody>
                                    {report.products.iter().map(|p| {
                                        let (d, i, tt) = (p.see_direct, p.see_indirect, p.see_total);
                                        view! {
                                            <tr>
                                                <td class="mono" dir="ltr">{p.cn_code.clone()}</td>
                                                <td><bdi>{p.product_name.clone()}</bdi></td>
                                                <td class="num">{move || see(d)}</td>
                                                <td class="num">{move || see(i)}</td>
                                                <td class="num">{move || see(tt)}</td>
                                            </tr>
                                        }
                                    }).collect_view()}
                                </tbody>
                            </table>
                            {(n > 0).then(|| view! {
                                <h3 class="section-title">{move || t("cbam-ui-discrepancies")}</h3>
                                <table class="data-table" id="cbam-discrepancies">
                                    <thead><tr>
                                        <th>{move || t("cbam-ui-col-cell")}</th>
                                        <th>{move || t("cbam-ui-col-what")}</th>
                                        <th class="num">{move || t("cbam-ui-col-theirs")}</th>
                                        <th class="num">{move || t("cbam-ui-col-ours")}</th>
                                    </tr></thead>
                                    <tbody>
                                        {report.discrepancies.iter().map(|d| view! {
                                            <tr class="cbam-discrepancy">
                                                <td class="mono" dir="ltr">{d.cell.clone()}</td>
                                                <td class="mono" dir="ltr">{d.what.clone()}</td>
                                                <td class="num" dir="ltr">{d.theirs.clone()}</td>
                                                <td class="num" dir="ltr">{d.ours.clone()}</td>
                                            </tr>
                                        }).collect_view()}
                                    </tbody>
                                </table>
                            })}
                        </div>
                    }.into_any()
                }
                CbamCheckOutcome::Rejected { file_name, problems } => {
                    let n = problems.len() as u64;
                    view! {
                        <div id="cbam-check-rejected" role="alert" class="stack">
                            <p class="field-error">{move || tf("cbam-ui-check-rejected", &[("file", file_name.clone()), ("count", format::count(i18n.lang(), n))])}</p>
                            <CellProblems problems />
                        </div>
                    }.into_any()
                }
            })}
        </form>
    }
}

fn kind_key(k: CbamFileKind) -> &'static str {
    match k {
        CbamFileKind::Workbook => "cbam-ui-file-workbook",
        CbamFileKind::Summary => "cbam-ui-file-summary",
        CbamFileKind::Email => "cbam-ui-file-email",
        CbamFileKind::Archive => "cbam-ui-file-archive",
    }
}

/// The package for EU importers, for the selected installation.
#[component]
pub fn ExportPanel() -> impl IntoView {
    let c = use_cbam();
    let app = use_app();
    let i18n = app.i18n;
    let dir = RwSignal::new(app.default_dir.get_untracked());
    let lang = RwSignal::new(i18n.lang());
    let customer = RwSignal::new(String::new());
    let busy = RwSignal::new(false);
    let report = RwSignal::new(None::<CbamExportReport>);
    let progress = RwSignal::new(None::<CbamExportProgress>);
    let run = move || {
        let Some(id) = c.selected.get_untracked() else {
            return;
        };
        let out_dir = dir.get_untracked();
        if out_dir.trim().is_empty() {
            return;
        }
        let who = customer.get_untracked();
        busy.set(true);
        report.set(None);
        progress.set(None);
        spawn_local(async move {
            // Without the subscription the export still runs; only the steps are not shown.
            let listener =
                crate::ipc::listen::<CbamExportProgress>(CBAM_EXPORT_PROGRESS_EVENT, move |p| {
                    progress.set(Some(p))
                })
                .await
                .ok();
            let r = app
                .invoke::<ExportCbam>(CbamExportArgs {
                    id,
                    out_dir,
                    lang: lang.get_untracked(),
                    customer: (!who.is_empty()).then_some(who),
                })
                .await;
            drop(listener);
            busy.set(false);
            if let Ok(r) = r {
                report.set(Some(r));
            }
        });
    };
    let installation = move || {
        let sel = c.selected.get();
        c.overview.with(|o| {
            o.as_ref().and_then(|o| {
                o.installations
                    .iter()
                    .find(|i| Some(&i.id) == sel.as_ref())
                    .cloned()
            })
        })
    };
    view! {
        <form class="card form-section stack" id="cbam-export" on:submit=move |ev| { ev.prevent_default(); run(); }>
            <h2 class="card-title">{move || t("cbam-ui-export-title")}</h2>
            <p class="section-note">{move || t("cbam-ui-export-note")}</p>
            {move || match installation() {
                Some(i) => view! { <p id="cbam-export-installation">{move || tf("cbam-ui-export-for", &[("installation", i.name_en.clone())])}</p> }.into_any(),
                None => view! { <p class="field-error">{move || t("cbam-ui-export-none")}</p> }.into_any(),
            }}
            {move || c.overview.get().map(|o| (!o.template_available).then(|| view! { <p class="field-error" id="cbam-export-no-template">{move || t("cbam-error-no-template")}</p> }))}
            <div class="inline-row">
                <label class="field">
                    <span class="field-label">{move || t("cbam-ui-export-lang")}</span>
                    <select id="cbam-export-lang" class="input" on:change=move |ev| lang.set(Lang::parse(&event_target_value(&ev)).unwrap_or(Lang::En))>
                        <option value="en" selected=move || lang.get() == Lang::En>{move || t("cbam-ui-lang-en")}</option>
                        <option value="ar" selected=move || lang.get() == Lang::Ar>{move || t("cbam-ui-lang-ar")}</option>
                    </select>
                </label>
                <label class="field">
                    <span class="field-label">{move || t("cbam-ui-export-customer")}</span>
                    <select id="cbam-export-customer" class="input" on:change=move |ev| customer.set(event_target_value(&ev))>
                        <option value="">{move || t("cbam-ui-export-all-customers")}</option>
                        {move || c.overview.get().map(|o| o.customers.into_iter().map(|cu| {
                            let label = if cu.eu { cu.name.clone() } else { tf("cbam-ui-customer-not-eu", &[("name", cu.name.clone())]) };
                            view! { <option value=cu.name.clone()>{label}</option> }
                        }).collect_view())}
                    </select>
                </label>
            </div>
            <div class="inline-row">
                <PathInput id="cbam-export-dir" path=dir folder=true />
                <button type="submit" class="btn btn-primary" id="cbam-export-run" prop:disabled=move || busy.get() || c.selected.get().is_none()>{move || t("cbam-ui-export-run")}</button>
            </div>
            <Show when=move || busy.get()>
                <div role="status" id="cbam-exporting" class="stack">
                    <p class="loading">{move || t("cbam-ui-exporting")}</p>
                    {move || progress.get().map(|p| {
                        let (done, total) = (p.done as u64, p.total as u64);
                        let (key, file) = (p.key.clone(), p.file.clone());
                        view! {
                            <progress id="cbam-export-progress" max=total.to_string() value=done.to_string()></progress>
                            <p class="muted" id="cbam-export-step">
                                {move || tf("cbam-ui-export-step", &[
                                    ("done", format::count(i18n.lang(), done)),
                                    ("total", format::count(i18n.lang(), total)),
                                ])}
                                " · "
                                <bdi>{move || tf(&key, &[("file", file.clone())])}</bdi>
                            </p>
                        }
                    })}
                </div>
            </Show>
            {move || report.get().map(|r| {
                let n = r.files.len() as u64;
                let millis = r.millis;
                view! {
                    <div id="cbam-export-report" role="status" class="stack">
                        <p>{move || tf("cbam-ui-exported", &[
                            ("count", format::count(i18n.lang(), n)),
                            ("seconds", format::number(i18n.lang(), &rust_decimal::Decimal::new(millis as i64, 3).round_dp(1).to_string())),
                        ])}</p>
                        <table class="data-table" id="cbam-export-files">
                            <thead><tr>
                                <th>{move || t("cbam-ui-col-file-kind")}</th>
                                <th>{move || t("cbam-ui-col-file")}</th>
                                <th>{move || t("cbam-ui-col-customer")}</th>
                            </tr></thead>
                            <tbody>
                                {r.files.iter().map(|f| {
                                    let key = kind_key(f.kind);
                                    view! {
                                        <tr class="cbam-export-file" data-path=f.path.clone()>
                                            <td>{move || t(key)}</td>
                                            <td><bdi>{f.file_name.clone()}</bdi></td>
                                            <td><bdi>{f.customer.clone().unwrap_or_default()}</bdi></td>
                                        </tr>
                                    }
                                }).collect_view()}
                            </tbody>
                        </table>
                        {(!r.skipped.is_empty()).then(|| view! {
                            <ul class="problem-list" id="cbam-export-skipped">
                                {r.skipped.iter().map(|s| {
                                    let (who, key) = (s.customer.clone(), s.key.clone());
                                    view! { <li><bdi>{who}</bdi>": "{move || t(&key)}</li> }
                                }).collect_view()}
                            </ul>
                        })}
                    </div>
                }
            })}
        </form>
    }
}
