//! The first screen: recent company files, and the ways to create or open one.

use athar_protocol::{NoArgs, PathArgs, PickOpenPath, RecentFile, RemoveRecent};
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::app::{use_app, Screen};
use crate::components::icons::{CloseIcon, FileIcon, PlusIcon};
use crate::format;
use crate::i18n::{t, tf};

/// The folder part of `path` (everything before the file name), for either separator.
fn folder_of(path: &str) -> &str {
    match path.rfind(['/', '\\']) {
        Some(0) => &path[..1],
        Some(i) => &path[..i],
        None => "",
    }
}

#[component]
pub fn StartScreen() -> impl IntoView {
    let ctx = use_app();
    let typed_path = RwSignal::new(String::new());

    let pick = move |_| {
        spawn_local(async move {
            if let Ok(Some(path)) = ctx.invoke::<PickOpenPath>(NoArgs {}).await {
                ctx.open_path(path);
            }
        });
    };
    let open_typed = move || ctx.open_path(typed_path.get_untracked());

    view! {
        <section id="start-screen" class="screen start-screen">
            <div class="start-intro">
                <h1 class="screen-title">{move || t("start-title")}</h1>
                <p class="screen-lead">{move || t("start-lead")}</p>
            </div>
            <div class="start-actions">
                <button
                    id="new-company"
                    type="button"
                    class="btn btn-primary btn-large"
                    on:click=move |_| ctx.go(Screen::Create)
                >
                    <PlusIcon />
                    <span>{move || t("start-new")}</span>
                </button>
                <button id="open-file" type="button" class="btn btn-large" on:click=pick>
                    <FileIcon />
                    <span>{move || t("start-open")}</span>
                </button>
            </div>
            <form
                class="open-path-row"
                on:submit=move |ev| {
                    ev.prevent_default();
                    open_typed();
                }
            >
                <label class="field-label" for="open-path">
                    {move || t("start-open-path")}
                </label>
                <div class="inline-row">
                    <input
                        id="open-path"
                        class="input"
                        type="text"
                        dir="ltr"
                        spellcheck="false"
                        autocomplete="off"
                        placeholder=move || t("start-open-path-placeholder")
                        prop:value=move || typed_path.get()
                        on:input=move |ev| typed_path.set(event_target_value(&ev))
                    />
                    <button id="open-path-go" type="submit" class="btn">
                        {move || t("start-open-path-go")}
                    </button>
                </div>
            </form>
            <section class="card recent-card" aria-labelledby="recent-heading">
                <h2 id="recent-heading" class="card-title">
                    {move || t("start-recent")}
                </h2>
                <Show when=move || ctx.recent.with(Vec::is_empty)>
                    <p class="empty-note">{move || t("start-recent-empty")}</p>
                </Show>
                <ul id="recent-list" class="recent-list">
                    <For
                        each=move || ctx.recent.get()
                        key=|r| (r.path.clone(), r.last_opened.clone(), r.exists)
                        let:file
                    >
                        <RecentItem file />
                    </For>
                </ul>
            </section>
        </section>
    }
}

#[component]
fn RecentItem(file: RecentFile) -> impl IntoView {
    let ctx = use_app();
    let i18n = ctx.i18n;
    let path = file.path.clone();
    let title_path = path.clone();
    let open_path = path.clone();
    let remove_path = path.clone();
    let folder = folder_of(&file.path).to_string();
    let last_opened = file.last_opened.clone();
    let name = file.file_name.clone();
    let remove = move |ev: leptos::ev::MouseEvent| {
        ev.stop_propagation();
        let path = remove_path.clone();
        spawn_local(async move {
            if let Ok(state) = ctx.invoke::<RemoveRecent>(PathArgs { path }).await {
                ctx.apply_state(state);
            }
        });
    };
    let remove_label = {
        let name = name.clone();
        move || tf("start-recent-remove", &[("name", name.clone())])
    };
    view! {
        <li
            class="recent-item"
            class:missing=!file.exists
            data-path=path.clone()
            on:click=move |_| ctx.open_path(open_path.clone())
        >
            <button type="button" class="recent-open" title=title_path>
                <FileIcon />
                <span class="recent-text">
                    <span class="recent-name" dir="auto">
                        {name.clone()}
                    </span>
                    <span class="recent-folder" dir="ltr">
                        {folder}
                    </span>
                </span>
                <span class="recent-meta">
                    {(!file.exists)
                        .then(|| {
                            view! {
                                <span class="recent-missing badge badge-warn">
                                    {move || t("start-recent-missing")}
                                </span>
                            }
                        })}
                    <span class="recent-date">
                        {move || {
                            tf(
                                "start-recent-opened",
                                &[("date", format::date_time(i18n.lang(), &last_opened))],
                            )
                        }}
                    </span>
                </span>
            </button>
            <button
                type="button"
                class="btn btn-ghost btn-icon recent-remove"
                title=remove_label.clone()
                aria-label=remove_label
                on:click=remove
            >
                <CloseIcon />
            </button>
        </li>
    }
}
