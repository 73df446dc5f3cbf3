//! The root component and the state every screen shares.
//!
//! [`AppCtx`] holds what the shell told us (recent files, the open company, whether a keychain
//! exists), which screen is shown and the last command error. Screens get it from context and
//! send every request through [`AppCtx::invoke`], so the error banner always reflects the
//! outcome of the last command.

use athar_protocol::{
    AppState, CloseCompany, Command, GetAppState, Lang, NoArgs, OpenCompany, OpenCompanyArgs,
    OpenCompanyFile, OpenOutcome, RecentFile, SetLang, SetLangArgs, UiError, UiReady,
};
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::i18n::{provide_i18n, t, I18n};
use crate::ipc;
use crate::screens::{
    create::CreateScreen, start::StartScreen, unlock::UnlockScreen, workspace::Workspace,
};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Screen {
    Loading,
    Start,
    Unlock(String),
    Create,
    Workspace,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tab {
    Profile,
    Activity,
    Inventory,
    Factors,
    Security,
    /// The sustainability report (VSME).
    Vsme,
    /// CBAM: installations, embedded emissions of goods, the Commission's template.
    Cbam,
    /// Settings: templates for the exports.
    Settings,
    /// Bills and invoices read into proposed activity data, and their review.
    Documents,
}

#[derive(Clone, Copy)]
pub struct AppCtx {
    pub i18n: I18n,
    pub screen: RwSignal<Screen>,
    pub tab: RwSignal<Tab>,
    pub recent: RwSignal<Vec<RecentFile>>,
    pub open: RwSignal<Option<OpenCompany>>,
    pub default_dir: RwSignal<String>,
    pub keychain_available: RwSignal<bool>,
    pub error: RwSignal<Option<UiError>>,
}

impl AppCtx {
    /// Shows `screen` unless it is already shown (so its state is not rebuilt).
    pub fn go(&self, screen: Screen) {
        if self.screen.get_untracked() != screen {
            self.screen.set(screen);
        }
    }

    pub fn go_tab(&self, tab: Tab) {
        if self.tab.get_untracked() != tab {
            self.tab.set(tab);
        }
    }

    /// Sends a command; a failure is put in the error banner, a success clears it.
    pub async fn invoke<C: Command>(self, args: C::Args) -> Result<C::Output, UiError> {
        let result = ipc::call::<C>(&args).await;
        match &result {
            Ok(_) => self.error.set(None),
            Err(e) => self.error.set(Some(e.clone())),
        }
        result
    }

    pub fn apply_state(&self, state: AppState) {
        self.recent.set(state.recent);
        self.default_dir.set(state.default_dir);
        self.keychain_available.set(state.keychain_available);
    }

    /// A company file is open: show its workspace.
    pub fn opened(&self, company: OpenCompany) {
        self.open.set(Some(company));
        self.go_tab(Tab::Profile);
        self.go(Screen::Workspace);
    }

    /// Opens `path` with the key remembered on this computer, or asks for the passphrase.
    pub fn open_path(self, path: String) {
        let path = path.trim().to_string();
        if path.is_empty() {
            return;
        }
        spawn_local(async move {
            let args = OpenCompanyArgs {
                path,
                passphrase: None,
                remember: false,
            };
            match self.invoke::<OpenCompanyFile>(args).await {
                Ok(OpenOutcome::Opened { company }) => self.opened(company),
                Ok(OpenOutcome::NeedsPassphrase { path }) => self.go(Screen::Unlock(path)),
                Err(_) => {}
            }
        });
    }

    pub fn close(self) {
        spawn_local(async move {
            if let Ok(state) = self.invoke::<CloseCompany>(NoArgs {}).await {
                self.apply_state(state);
                self.open.set(None);
                self.go(Screen::Start);
            }
        });
    }

    pub fn set_lang(self, lang: Lang) {
        self.i18n.lang.set(lang);
        spawn_local(async move {
            let _ = self.invoke::<SetLang>(SetLangArgs { lang }).await;
        });
    }
}

pub fn use_app() -> AppCtx {
    expect_context::<AppCtx>()
}

/// Mirrors the language on `<html lang dir>` so the browser lays the page out right-to-left.
fn reflect_lang_on_document(i18n: I18n) {
    Effect::new(move |_| {
        let lang = i18n.lang();
        let title = i18n.t("app-name");
        if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
            if let Some(root) = doc.document_element() {
                let _ = root.set_attribute("lang", lang.code());
                let _ = root.set_attribute("dir", lang.dir());
            }
            doc.set_title(&title);
        }
    });
}

#[component]
pub fn App() -> impl IntoView {
    let i18n = provide_i18n(Lang::En);
    let ctx = AppCtx {
        i18n,
        screen: RwSignal::new(Screen::Loading),
        tab: RwSignal::new(Tab::Profile),
        recent: RwSignal::new(Vec::new()),
        open: RwSignal::new(None),
        default_dir: RwSignal::new(String::new()),
        keychain_available: RwSignal::new(false),
        error: RwSignal::new(None),
    };
    provide_context(ctx);
    reflect_lang_on_document(i18n);

    spawn_local(async move {
        match ctx.invoke::<GetAppState>(NoArgs {}).await {
            Ok(state) => {
                i18n.lang.set(state.lang);
                let open = state.open.clone();
                ctx.apply_state(state);
                match open {
                    Some(company) => ctx.opened(company),
                    None => ctx.go(Screen::Start),
                }
            }
            Err(_) => ctx.go(Screen::Start),
        }
        // Tell the shell once the first screen has been painted.
        request_animation_frame(move || {
            spawn_local(async move {
                let _ = ipc::call::<UiReady>(&NoArgs {}).await;
            });
        });
    });

    view! {
        <div class="app-shell">
            <Header />
            <ErrorBanner />
            <main class="app-main">
                {move || match ctx.screen.get() {
                    Screen::Loading => {
                        view! {
                            <div class="loading" role="status">
                                {move || t("app-loading")}
                            </div>
                        }
                            .into_any()
                    }
                    Screen::Start => view! { <StartScreen /> }.into_any(),
                    Screen::Unlock(path) => view! { <UnlockScreen path=path /> }.into_any(),
                    Screen::Create => view! { <CreateScreen /> }.into_any(),
                    Screen::Workspace => view! { <Workspace /> }.into_any(),
                }}
            </main>
        </div>
    }
}

#[component]
fn Header() -> impl IntoView {
    let ctx = use_app();
    let i18n = ctx.i18n;
    let title = move || {
        ctx.open.with(|o| {
            o.as_ref().map(|c| {
                let p = &c.data.profile;
                if i18n.lang() == Lang::Ar && !p.legal_name_ar.is_empty() {
                    p.legal_name_ar.clone()
                } else {
                    p.legal_name_en.clone()
                }
            })
        })
    };
    let other = move || match i18n.lang() {
        Lang::En => Lang::Ar,
        Lang::Ar => Lang::En,
    };
    view! {
        <header class="app-header">
            <div class="brand">
                <span class="brand-mark" aria-hidden="true"></span>
                <span class="app-name">{move || t("app-name")}</span>
            </div>
            {move || {
                title()
                    .map(|name| {
                        view! {
                            <span class="header-sep" aria-hidden="true"></span>
                            <span id="company-title" class="company-title" title=name.clone()>
                                {name.clone()}
                            </span>
                        }
                    })
            }}
            <span class="header-spacer"></span>
            <button
                id="lang-toggle"
                type="button"
                class="btn btn-ghost lang-toggle"
                lang=move || other().code()
                title=move || t("lang-toggle-title")
                aria-label=move || t("lang-toggle-title")
                on:click=move |_| ctx.set_lang(other())
            >
                {move || t("lang-toggle")}
            </button>
        </header>
    }
}

#[component]
fn ErrorBanner() -> impl IntoView {
    let ctx = use_app();
    let i18n = ctx.i18n;
    view! {
        <Show when=move || ctx.error.with(Option::is_some)>
            <div id="error-banner" class="error-banner" role="alert">
                <span class="error-icon" aria-hidden="true">
                    "!"
                </span>
                <p class="error-text">
                    {move || ctx.error.with(|e| e.as_ref().map(|e| i18n.error(e)))}
                </p>
                <button
                    type="button"
                    class="btn btn-ghost error-dismiss"
                    title=move || t("error-dismiss")
                    aria-label=move || t("error-dismiss")
                    on:click=move |_| ctx.error.set(None)
                >
                    <crate::components::icons::CloseIcon />
                </button>
            </div>
        </Show>
    }
}
