//! The frame around an open company: side navigation on the start side and the active tab.
//!
//! The profile draft lives here, not in the profile screen, so unsaved edits survive a visit
//! to the security tab.

use leptos::prelude::*;

use crate::app::{use_app, Tab};
use crate::i18n::t;
use crate::screens::profile::{ProfileDraft, ProfileScreen};
use crate::screens::security::SecurityScreen;

#[component]
pub fn Workspace() -> impl IntoView {
    let ctx = use_app();
    let draft = ProfileDraft::new();
    if let Some(data) = ctx
        .open
        .with_untracked(|o| o.as_ref().map(|c| c.data.clone()))
    {
        draft.load(&data);
    }
    let current = move |tab: Tab| move || (ctx.tab.get() == tab).then_some("page");

    view! {
        <div class="workspace">
            <nav class="side-nav" aria-label=move || t("nav-label")>
                <button
                    id="nav-profile"
                    type="button"
                    class="nav-item"
                    aria-current=current(Tab::Profile)
                    on:click=move |_| ctx.go_tab(Tab::Profile)
                >
                    {move || t("nav-profile")}
                </button>
                <button
                    id="nav-security"
                    type="button"
                    class="nav-item"
                    aria-current=current(Tab::Security)
                    on:click=move |_| ctx.go_tab(Tab::Security)
                >
                    {move || t("nav-security")}
                </button>
                <span class="nav-spacer"></span>
                <button
                    id="close-file"
                    type="button"
                    class="nav-item nav-close"
                    on:click=move |_| ctx.close()
                >
                    {move || t("nav-close")}
                </button>
            </nav>
            <div class="workspace-body">
                {move || match ctx.tab.get() {
                    Tab::Profile => view! { <ProfileScreen draft /> }.into_any(),
                    Tab::Security => view! { <SecurityScreen /> }.into_any(),
                }}
            </div>
        </div>
    }
}
