//! The frame around an open company: side navigation on the start side and the active tab.
//!
//! The profile draft lives here, not in the profile screen, so unsaved edits survive a visit
//! to the security tab.

use leptos::prelude::*;

use crate::app::{use_app, Tab};
use crate::i18n::t;
use crate::screens::activity::ActivityScreen;
use crate::screens::factors::FactorsScreen;
use crate::screens::inventory::InventoryScreen;
use crate::screens::profile::{ProfileDraft, ProfileScreen};
use crate::screens::security::SecurityScreen;
use crate::screens::settings::SettingsScreen;
use crate::screens::vsme::VsmeScreen;

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

    view! {
        <div class="workspace">
            <nav class="side-nav" aria-label=move || t("nav-label")>
                <NavItem tab=Tab::Profile id="nav-profile" label="nav-profile" />
                <NavItem tab=Tab::Activity id="nav-activity" label="nav-activity" />
                <NavItem tab=Tab::Documents id="nav-documents" label="nav-documents" />
                <NavItem tab=Tab::Inventory id="nav-inventory" label="nav-inventory" />
                <NavItem tab=Tab::Factors id="nav-factors" label="nav-factors" />
                <NavItem tab=Tab::Vsme id="nav-vsme" label="nav-vsme" />
                <NavItem tab=Tab::Cbam id="nav-cbam" label="nav-cbam" />
                <NavItem tab=Tab::Security id="nav-security" label="nav-security" />
                <NavItem tab=Tab::Settings id="nav-settings" label="nav-settings" />
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
                    Tab::Activity => view! { <ActivityScreen /> }.into_any(),
                    Tab::Inventory => view! { <InventoryScreen /> }.into_any(),
                    Tab::Factors => view! { <FactorsScreen /> }.into_any(),
                    Tab::Vsme => view! { <VsmeScreen /> }.into_any(),
                    Tab::Cbam => view! { <crate::screens::cbam::CbamScreen /> }.into_any(),
                    Tab::Settings => view! { <SettingsScreen /> }.into_any(),
                    Tab::Documents => view! { <crate::screens::documents::DocumentsScreen /> }.into_any(),
                    Tab::Security => view! { <SecurityScreen /> }.into_any(),
                }}
            </div>
        </div>
    }
}

#[component]
fn NavItem(tab: Tab, id: &'static str, label: &'static str) -> impl IntoView {
    let ctx = use_app();
    view! {
        <button
            id=id
            type="button"
            class="nav-item"
            aria-current=move || (ctx.tab.get() == tab).then_some("page")
            on:click=move |_| ctx.go_tab(tab)
        >
            {move || t(label)}
        </button>
    }
}
