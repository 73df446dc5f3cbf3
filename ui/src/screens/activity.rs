//! Activity data: the table of bills, meter readings and invoice lines, with filters by site,
//! period, scope and text, and add / edit / delete. The import wizard and the entry form open
//! in place of the table.

use athar_protocol::activity::{
    ActivityCatalog, ActivityFilter, ActivityPage, ActivityRow, EntryIdArgs, ScopeFilter,
};
use athar_protocol::{DeleteEntry, GetActivityCatalog, ListActivity, NoArgs};
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::app::use_app;
use crate::components::icons::PlusIcon;
use crate::format;
use crate::i18n::{t, tf};
use crate::labels;
use crate::screens::entry_form::{EntryDraft, EntryForm};
use crate::screens::import::ImportWizard;

/// Rows per page of the table.
const PAGE: u32 = 100;

/// What the activity screen shows.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    Table,
    Form,
    Import,
}

#[component]
pub fn ActivityScreen() -> impl IntoView {
    let ctx = use_app();
    let i18n = ctx.i18n;
    let site = RwSignal::new(String::new());
    let year = RwSignal::new(String::new());
    let month = RwSignal::new(String::new());
    let scope = RwSignal::new(String::new());
    let text = RwSignal::new(String::new());
    let offset = RwSignal::new(0u32);
    let page = RwSignal::new(None::<ActivityPage>);
    let catalog = RwSignal::new(ActivityCatalog::default());
    let mode = RwSignal::new(Mode::Table);
    let draft = EntryDraft::new();
    let confirm_delete = RwSignal::new(None::<String>);
    let reload = RwSignal::new(0u32);

    let filter = move || ActivityFilter {
        site: Some(site.get()).filter(|s| !s.is_empty()),
        year: year.get().parse().ok(),
        month: month.get().parse().ok(),
        scope: match scope.get().as_str() {
            "1" => Some(ScopeFilter::Scope1),
            "2" => Some(ScopeFilter::Scope2),
            "3" => Some(ScopeFilter::Scope3),
            _ => None,
        },
        text: Some(text.get()).filter(|s| !s.trim().is_empty()),
        offset: offset.get(),
        limit: PAGE,
    };
    // Any filter change (or a save) reloads the page.
    Effect::new(move |_| {
        let f = filter();
        reload.track();
        spawn_local(async move {
            if let Ok(p) = ctx.invoke::<ListActivity>(f).await {
                page.set(Some(p));
            }
        });
    });
    let load_catalog = move || {
        spawn_local(async move {
            if let Ok(c) = ctx.invoke::<GetActivityCatalog>(NoArgs {}).await {
                catalog.set(c);
            }
        });
    };
    load_catalog();
    // Filters other than the page number start again at the first page.
    Effect::new(move |prev: Option<()>| {
        site.track();
        year.track();
        month.track();
        scope.track();
        text.track();
        if prev.is_some() {
            offset.set(0);
        }
    });

    let open_new = move || {
        draft.reset(&catalog.get_untracked());
        mode.set(Mode::Form);
    };
    let open_edit = move |row: ActivityRow| {
        draft.load(&row.entry);
        mode.set(Mode::Form);
    };
    let done = move || {
        mode.set(Mode::Table);
        reload.update(|n| *n += 1);
        load_catalog();
    };
    let delete = move |id: String| {
        spawn_local(async move {
            if ctx
                .invoke::<DeleteEntry>(EntryIdArgs { id: id.clone() })
                .await
                .is_ok()
            {
                confirm_delete.set(None);
                reload.update(|n| *n += 1);
            }
        });
    };

    let years = move || page.with(|p| p.as_ref().map(|p| p.years.clone()).unwrap_or_default());
    let sites = move || page.with(|p| p.as_ref().map(|p| p.sites.clone()).unwrap_or_default());

    view! {
        <section id="activity-screen" class="screen wide-screen">
            {move || match mode.get() {
                Mode::Form => {
                    view! { <EntryForm draft catalog on_done=done on_cancel=move || mode.set(Mode::Table) /> }
                        .into_any()
                }
                Mode::Import => {
                    view! { <ImportWizard on_done=done on_cancel=move || mode.set(Mode::Table) /> }
                        .into_any()
                }
                Mode::Table => {
                    view! {
                        <div class="screen-head">
                            <div>
                                <h1 class="screen-title">{move || t("activity-title")}</h1>
                                <p class="screen-lead">{move || t("activity-lead")}</p>
                            </div>
                            <div class="head-actions">
                                <button
                                    id="import-open"
                                    type="button"
                                    class="btn"
                                    on:click=move |_| mode.set(Mode::Import)
                                >
                                    {move || t("activity-import")}
                                </button>
                                <button
                                    id="entry-add"
                                    type="button"
                                    class="btn btn-primary"
                                    on:click=move |_| open_new()
                                >
                                    <PlusIcon />
                                    <span>{move || t("activity-add")}</span>
                                </button>
                            </div>
                        </div>
                        <div class="card filter-bar" role="search">
                            <label class="filter">
                                <span class="field-label">{move || t("filter-site")}</span>
                                <select
                                    id="filter-site"
                                    class="input select"
                                    on:change=move |ev| site.set(event_target_value(&ev))
                                >
                                    <option value="" selected=move || site.get().is_empty()>
                                        {move || t("filter-all")}
                                    </option>
                                    {move || {
                                        sites()
                                            .into_iter()
                                            .map(|s| {
                                                let v = s.clone();
                                                let label = s.clone();
                                                view! {
                                                    <option value=s selected=move || site.get() == v>
                                                        {label}
                                                    </option>
                                                }
                                            })
                                            .collect_view()
                                    }}
                                </select>
                            </label>
                            <label class="filter">
                                <span class="field-label">{move || t("filter-year")}</span>
                                <select
                                    id="filter-year"
                                    class="input select"
                                    on:change=move |ev| {
                                        year.set(event_target_value(&ev));
                                        if year.get_untracked().is_empty() {
                                            month.set(String::new());
                                        }
                                    }
                                >
                                    <option value="" selected=move || year.get().is_empty()>
                                        {move || t("filter-all")}
                                    </option>
                                    {move || {
                                        years()
                                            .into_iter()
                                            .map(|y| {
                                                let v = y.to_string();
                                                let label = format::plain(i18n.lang(), &v);
                                                let sel = v.clone();
                                                view! {
                                                    <option value=v selected=move || year.get() == sel>
                                                        {label}
                                                    </option>
                                                }
                                            })
                                            .collect_view()
                                    }}
                                </select>
                            </label>
                            <label class="filter">
                                <span class="field-label">{move || t("filter-month")}</span>
                                <select
                                    id="filter-month"
                                    class="input select"
                                    prop:disabled=move || year.get().is_empty()
                                    on:change=move |ev| month.set(event_target_value(&ev))
                                >
                                    <option value="" selected=move || month.get().is_empty()>
                                        {move || t("filter-all")}
                                    </option>
                                    {(1..=12u8)
                                        .map(|m| {
                                            let v = m.to_string();
                                            let sel = v.clone();
                                            view! {
                                                <option value=v selected=move || month.get() == sel>
                                                    {move || t(&format!("month-{m}"))}
                                                </option>
                                            }
                                        })
                                        .collect_view()}
                                </select>
                            </label>
                            <label class="filter">
                                <span class="field-label">{move || t("filter-scope")}</span>
                                <select
                                    id="filter-scope"
                                    class="input select"
                                    on:change=move |ev| scope.set(event_target_value(&ev))
                                >
                                    <option value="">{move || t("filter-all")}</option>
                                    <option value="1">{move || t("scope-1")}</option>
                                    <option value="2">{move || t("scope-2")}</option>
                                    <option value="3">{move || t("scope-3")}</option>
                                </select>
                            </label>
                            <label class="filter filter-grow">
                                <span class="field-label">{move || t("filter-text")}</span>
                                <input
                                    id="filter-text"
                                    class="input"
                                    type="search"
                                    dir="auto"
                                    prop:value=move || text.get()
                                    on:input=move |ev| text.set(event_target_value(&ev))
                                />
                            </label>
                        </div>
                        <ActivityTable page offset open_edit confirm_delete delete />
                    }
                        .into_any()
                }
            }}
        </section>
    }
}

#[component]
fn ActivityTable(
    page: RwSignal<Option<ActivityPage>>,
    offset: RwSignal<u32>,
    open_edit: impl Fn(ActivityRow) + Copy + Send + Sync + 'static,
    confirm_delete: RwSignal<Option<String>>,
    delete: impl Fn(String) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let i18n = use_app().i18n;
    let count = move || {
        page.with(|p| {
            p.as_ref()
                .map(|p| {
                    tf(
                        "activity-count",
                        &[
                            ("shown", format::count(i18n.lang(), p.matching)),
                            ("total", format::count(i18n.lang(), p.total)),
                        ],
                    )
                })
                .unwrap_or_default()
        })
    };
    let has_prev = move || offset.get() > 0;
    let has_next = move || {
        page.with(|p| {
            p.as_ref()
                .is_some_and(|p| u64::from(offset.get()) + u64::from(PAGE) < p.matching)
        })
    };
    view! {
        <div class="card table-card">
            <div class="table-meta">
                <span id="activity-count">{count}</span>
                <span class="pager">
                    <button
                        type="button"
                        class="btn btn-small"
                        prop:disabled=move || !has_prev()
                        on:click=move |_| offset.update(|o| *o = o.saturating_sub(PAGE))
                    >
                        {move || t("pager-prev")}
                    </button>
                    <button
                        type="button"
                        class="btn btn-small"
                        prop:disabled=move || !has_next()
                        on:click=move |_| offset.update(|o| *o += PAGE)
                    >
                        {move || t("pager-next")}
                    </button>
                </span>
            </div>
            <Show
                when=move || page.with(|p| p.as_ref().is_some_and(|p| !p.rows.is_empty()))
                fallback=move || {
                    view! {
                        <p class="empty-note" id="activity-empty">
                            {move || {
                                if page.with(|p| p.as_ref().is_some_and(|p| p.total == 0)) {
                                    t("activity-empty")
                                } else {
                                    t("activity-no-match")
                                }
                            }}
                        </p>
                    }
                }
            >
                <div class="table-scroll">
                    <table id="activity-table" class="data-table">
                        <thead>
                            <tr>
                                <th>{move || t("col-id")}</th>
                                <th>{move || t("col-site")}</th>
                                <th>{move || t("col-period")}</th>
                                <th>{move || t("col-kind")}</th>
                                <th>{move || t("col-item")}</th>
                                <th class="num">{move || t("col-amount")}</th>
                                <th>{move || t("col-scope")}</th>
                                <th>{move || t("col-origin")}</th>
                                <th>{move || t("col-quality")}</th>
                                <th class="actions">
                                    <span class="visually-hidden">{move || t("col-actions")}</span>
                                </th>
                            </tr>
                        </thead>
                        <tbody>
                            <For
                                each=move || page.get().map(|p| p.rows).unwrap_or_default()
                                key=|r| format!("{:?}", r.entry)
                                children=move |row| {
                                    view! { <ActivityRowView row open_edit confirm_delete delete /> }
                                }
                            />
                        </tbody>
                    </table>
                </div>
            </Show>
        </div>
    }
}

#[component]
fn ActivityRowView(
    row: ActivityRow,
    open_edit: impl Fn(ActivityRow) + Copy + Send + Sync + 'static,
    confirm_delete: RwSignal<Option<String>>,
    delete: impl Fn(String) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let i18n = use_app().i18n;
    let e = row.entry.clone();
    let id = e.id.clone();
    let id_confirm = id.clone();
    let id_delete = id.clone();
    let id_ask = id.clone();
    let row_edit = row.clone();
    let kind = labels::kind_code(&e.activity);
    let item = labels::item_of(&e.activity);
    let scope = row.scope;
    let category = row.category;
    let amount = e.amount.clone();
    let period = e.period;
    let origin = e.origin.clone();
    let source = row.source.clone();
    let quality = e.quality;
    let asking = move || confirm_delete.get().as_deref() == Some(id_confirm.as_str());
    view! {
        <tr class="activity-row" data-id=id.clone()>
            <td class="mono" dir="ltr">{id.clone()}</td>
            <td dir="auto">{e.site.clone()}</td>
            <td class="nowrap">
                {move || {
                    format!(
                        "{} – {}",
                        format::date(i18n.lang(), &period.from.to_string()),
                        format::date(i18n.lang(), &period.to.to_string()),
                    )
                }}
            </td>
            <td>{move || labels::kind_label(kind)}</td>
            <td dir="auto">{item}</td>
            <td class="num" dir="ltr">{move || labels::amount(i18n.lang(), &amount)}</td>
            <td class="nowrap">
                {move || match category {
                    Some(c) => format!("{} · {}", labels::scope_label(scope), format::plain(i18n.lang(), &c.to_string())),
                    None => labels::scope_label(scope),
                }}
            </td>
            <td class="muted">{move || labels::origin_label(&origin, &source)}</td>
            <td>{move || t(labels::quality_key(quality))}</td>
            <td class="actions nowrap">
                <Show
                    when=asking
                    fallback=move || {
                        let r = row_edit.clone();
                        let ask = id_ask.clone();
                        view! {
                            <button
                                type="button"
                                class="btn btn-small entry-edit"
                                on:click=move |_| open_edit(r.clone())
                            >
                                {move || t("action-edit")}
                            </button>
                            <button
                                type="button"
                                class="btn btn-small btn-ghost entry-delete"
                                on:click=move |_| confirm_delete.set(Some(ask.clone()))
                            >
                                {move || t("action-delete")}
                            </button>
                        }
                    }
                >
                    {
                        let id = id_delete.clone();
                        view! {
                            <span class="confirm-text">{move || t("activity-delete-confirm")}</span>
                            <button
                                type="button"
                                class="btn btn-small btn-danger entry-delete-confirm"
                                on:click=move |_| delete(id.clone())
                            >
                                {move || t("action-delete")}
                            </button>
                            <button
                                type="button"
                                class="btn btn-small btn-ghost"
                                on:click=move |_| confirm_delete.set(None)
                            >
                                {move || t("action-cancel")}
                            </button>
                        }
                    }
                </Show>
            </td>
        </tr>
    }
}
