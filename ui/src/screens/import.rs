//! The import wizard: choose a CSV or xlsx file, say which column is which field (the
//! columns Athar recognises by their English or Arabic header are preset), see the first rows
//! as they will be saved and every row that will not, then import the valid rows. Nothing is
//! saved before the last step, and importing the same file again adds no duplicates.

use athar_protocol::activity::{ColumnMapping, ImportArgs, ImportPreview, ImportReport};
use athar_protocol::{CommitImport, NoArgs, PickImportFile, PreviewImport};
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::app::use_app;
use crate::format;
use crate::i18n::{t, tf};
use crate::labels;

#[component]
pub fn ImportWizard(
    on_done: impl Fn() + Copy + Send + Sync + 'static,
    on_cancel: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let ctx = use_app();
    let i18n = ctx.i18n;
    let path = RwSignal::new(String::new());
    let mapping = RwSignal::new(ColumnMapping::new());
    let preview = RwSignal::new(None::<ImportPreview>);
    let report = RwSignal::new(None::<ImportReport>);
    let busy = RwSignal::new(false);

    let load_preview = move || {
        let p = path.get_untracked();
        if p.trim().is_empty() {
            return;
        }
        busy.set(true);
        let args = ImportArgs {
            path: p,
            mapping: mapping.get_untracked(),
        };
        spawn_local(async move {
            let r = ctx.invoke::<PreviewImport>(args).await;
            busy.set(false);
            match r {
                Ok(p) => {
                    mapping.set(p.mapping.clone());
                    preview.set(Some(p));
                }
                Err(_) => preview.set(None),
            }
        });
    };
    let choose = move |_| {
        spawn_local(async move {
            if let Ok(Some(p)) = ctx.invoke::<PickImportFile>(NoArgs {}).await {
                path.set(p);
                mapping.set(ColumnMapping::new());
                report.set(None);
                load_preview();
            }
        });
    };
    let commit = move |_| {
        busy.set(true);
        let args = ImportArgs {
            path: path.get_untracked(),
            mapping: mapping.get_untracked(),
        };
        spawn_local(async move {
            let r = ctx.invoke::<CommitImport>(args).await;
            busy.set(false);
            if let Ok(r) = r {
                report.set(Some(r));
            }
        });
    };
    let set_field = move |field: String, column: String| {
        mapping.update(|m| {
            if column.is_empty() {
                m.remove(&field);
            } else {
                m.insert(field, column);
            }
        });
        load_preview();
    };
    let n = move |v: u64| format::count(i18n.lang(), v);

    view! {
        <div class="screen-head">
            <div>
                <h1 class="screen-title">{move || t("import-title")}</h1>
                <p class="screen-lead">{move || t("import-lead")}</p>
            </div>
        </div>
        <section class="card form-section stack" id="import-wizard">
            <h2 class="card-title">{move || t("import-step-file")}</h2>
            <div class="inline-row">
                <input
                    id="import-path"
                    class="input path"
                    type="text"
                    dir="ltr"
                    placeholder=move || t("import-path-placeholder")
                    prop:value=move || path.get()
                    on:input=move |ev| path.set(event_target_value(&ev))
                    on:keydown=move |ev| {
                        if ev.key() == "Enter" { // i18n-ok: a key name
                            ev.prevent_default();
                            mapping.set(ColumnMapping::new());
                            report.set(None);
                            load_preview();
                        }
                    }
                />
                <button type="button" class="btn" id="import-choose" on:click=choose>
                    {move || t("import-choose")}
                </button>
                <button
                    type="button"
                    class="btn"
                    id="import-read"
                    prop:disabled=move || path.get().trim().is_empty() || busy.get()
                    on:click=move |_| {
                        mapping.set(ColumnMapping::new());
                        report.set(None);
                        load_preview();
                    }
                >
                    {move || t("import-read")}
                </button>
            </div>
            <p class="field-hint">{move || t("import-formats")}</p>
        </section>
        {move || {
            preview
                .get()
                .map(|p| {
                    let headers = p.headers.clone();
                    let required = p.required.clone();
                    view! {
                        <section class="card form-section stack" id="import-mapping">
                            <h2 class="card-title">{move || t("import-step-mapping")}</h2>
                            <p class="section-note">
                                {
                                    let f = p.file_name.clone();
                                    let rows = p.rows_total;
                                    move || tf("import-file-summary", &[("file", f.clone()), ("rows", n(rows))])
                                }
                            </p>
                            <div class="field-grid three">
                                {p
                                    .fields
                                    .iter()
                                    .map(|field| {
                                        let field = field.clone();
                                        let is_required = required.contains(&field);
                                        let headers = headers.clone();
                                        let label_key = format!("import-field-{}", field.replace('_', "-"));
                                        let f_change = field.clone();
                                        let f_sel = field.clone();
                                        view! {
                                            <label class="field">
                                                <span class="field-label">
                                                    {move || t(&label_key)}
                                                    {is_required.then(|| view! { <span class="required-mark">" *"</span> })}
                                                </span>
                                                <select
                                                    class="input select import-map"
                                                    data-field=field.clone()
                                                    on:change=move |ev| set_field(f_change.clone(), event_target_value(&ev))
                                                >
                                                    <option value="" selected=move || mapping.with(|m| !m.contains_key(&f_sel))>
                                                        {move || t("import-unmapped")}
                                                    </option>
                                                    {headers
                                                        .into_iter()
                                                        .map(|h| {
                                                            let f = field.clone();
                                                            let hv = h.clone();
                                                            let value = h.clone();
                                                            view! {
                                                                <option
                                                                    value=value
                                                                    selected=move || mapping.with(|m| m.get(&f) == Some(&hv))
                                                                >
                                                                    {h}
                                                                </option>
                                                            }
                                                        })
                                                        .collect_view()}
                                                </select>
                                            </label>
                                        }
                                    })
                                    .collect_view()}
                            </div>
                        </section>
                        <section class="card form-section stack" id="import-preview">
                            <h2 class="card-title">{move || t("import-step-preview")}</h2>
                            <p class="section-note" id="import-counts">
                                {
                                    let (valid, bad) = (p.rows_valid, p.problems_total);
                                    move || tf("import-counts", &[("valid", n(valid)), ("invalid", n(bad))])
                                }
                            </p>
                            <div class="table-scroll">
                                <table class="data-table">
                                    <thead>
                                        <tr>
                                            <th>{move || t("col-id")}</th>
                                            <th>{move || t("col-site")}</th>
                                            <th>{move || t("col-period")}</th>
                                            <th>{move || t("col-kind")}</th>
                                            <th>{move || t("col-item")}</th>
                                            <th class="num">{move || t("col-amount")}</th>
                                        </tr>
                                    </thead>
                                    <tbody>
                                        {p
                                            .preview
                                            .iter()
                                            .map(|e| {
                                                let kind = labels::kind_code(&e.activity);
                                                let item = labels::item_of(&e.activity);
                                                let amount = e.amount.clone();
                                                let period = e.period;
                                                view! {
                                                    <tr class="preview-row">
                                                        <td class="mono" dir="ltr">{e.id.clone()}</td>
                                                        <td dir="auto">{e.site.clone()}</td>
                                                        <td class="nowrap">
                                                            {move || format!(
                                                                "{} – {}",
                                                                format::date(i18n.lang(), &period.from.to_string()),
                                                                format::date(i18n.lang(), &period.to.to_string()),
                                                            )}
                                                        </td>
                                                        <td>{move || labels::kind_label(kind)}</td>
                                                        <td dir="auto">{item}</td>
                                                        <td class="num" dir="ltr">{move || labels::amount(i18n.lang(), &amount)}</td>
                                                    </tr>
                                                }
                                            })
                                            .collect_view()}
                                    </tbody>
                                </table>
                            </div>
                            <Show when={
                                let has = !p.problems.is_empty();
                                move || has
                            }>
                                <h3 class="section-title">{move || t("import-problems")}</h3>
                                <ul class="problem-list" id="import-problems">
                                    {p
                                        .problems
                                        .iter()
                                        .map(|pr| {
                                            let e = pr.error.clone();
                                            view! { <li class="row-problem">{move || i18n.error(&e)}</li> }
                                        })
                                        .collect_view()}
                                </ul>
                                {(p.problems_total > p.problems.len() as u64)
                                    .then(|| {
                                        let more = p.problems_total - p.problems.len() as u64;
                                        view! { <p class="field-hint">{move || tf("import-more-problems", &[("count", n(more))])}</p> }
                                    })}
                            </Show>
                            <div class="form-actions">
                                <button type="button" class="btn btn-ghost" on:click=move |_| on_cancel()>
                                    {move || t("action-cancel")}
                                </button>
                                <button
                                    type="button"
                                    class="btn btn-primary"
                                    id="import-commit"
                                    prop:disabled={
                                        let valid = p.rows_valid;
                                        move || valid == 0 || busy.get() || report.with(Option::is_some)
                                    }
                                    on:click=commit
                                >
                                    {
                                        let valid = p.rows_valid;
                                        move || tf("import-commit", &[("count", n(valid))])
                                    }
                                </button>
                            </div>
                        </section>
                    }
                })
        }}
        {move || {
            report
                .get()
                .map(|r| {
                    view! {
                        <section class="card form-section stack" id="import-report" role="status">
                            <h2 class="card-title">{move || t("import-done-title")}</h2>
                            <p>
                                {
                                    let r = r.clone();
                                    move || tf(
                                        "import-done",
                                        &[
                                            ("file", r.file_name.clone()),
                                            ("inserted", n(r.inserted)),
                                            ("updated", n(r.updated)),
                                            ("unchanged", n(r.unchanged)),
                                            ("invalid", n(r.problems_total)),
                                        ],
                                    )
                                }
                            </p>
                            <div class="form-actions">
                                <button type="button" class="btn btn-primary" id="import-finish" on:click=move |_| on_done()>
                                    {move || t("import-finish")}
                                </button>
                            </div>
                        </section>
                    }
                })
        }}
    }
}
