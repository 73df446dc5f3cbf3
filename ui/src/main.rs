//! Entry point of Athar's desktop interface: a Leptos (client-side rendered) app compiled to
//! wasm and loaded by the Tauri shell's web view. Everything else lives in the modules below.

mod app;
mod components;
mod format;
mod i18n;
mod ipc;
mod labels;
mod screens;

fn main() {
    // A panic names its cause in the web view's console instead of "unreachable".
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(app::App);
}
