//! The one door to the Tauri shell.
//!
//! Every request is an `athar_protocol::Command`, so the command name, its argument struct
//! and its output type are checked by the compiler on both sides. Arguments travel as
//! `{args: ...}` because each shell command takes one parameter named `args`; failures come
//! back as serialized [`UiError`]s, and anything else that goes wrong becomes
//! `error-internal` with the JavaScript error as detail.

use athar_protocol::{Command, UiError};
use js_sys::{Function, Object, Promise, Reflect};
use serde::Serialize;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// Invokes command `C` on the shell and waits for its answer.
pub async fn call<C: Command>(args: &C::Args) -> Result<C::Output, UiError> {
    let promise = start::<C>(args).map_err(|e| internal(&e))?;
    match JsFuture::from(promise).await {
        Ok(value) => serde_wasm_bindgen::from_value(value).map_err(|e| internal(&e.into())),
        Err(err) => Err(serde_wasm_bindgen::from_value::<UiError>(err.clone())
            .unwrap_or_else(|_| internal(&err))),
    }
}

fn start<C: Command>(args: &C::Args) -> Result<Promise, JsValue> {
    let serializer = serde_wasm_bindgen::Serializer::json_compatible();
    let args = args.serialize(&serializer)?;
    let payload = Object::new();
    Reflect::set(&payload, &JsValue::from_str("args"), &args)?;
    let window = web_sys::window().ok_or_else(|| JsValue::from_str("no window"))?;
    let tauri = Reflect::get(&window, &JsValue::from_str("__TAURI__"))?;
    let core = Reflect::get(&tauri, &JsValue::from_str("core"))?;
    let invoke: Function = Reflect::get(&core, &JsValue::from_str("invoke"))?.dyn_into()?;
    invoke
        .call2(&core, &JsValue::from_str(C::NAME), &payload)?
        .dyn_into::<Promise>()
}

fn internal(err: &JsValue) -> UiError {
    UiError::new("error-internal").arg("detail", js_text(err))
}

/// A JavaScript error or value as text for the `detail` argument.
fn js_text(v: &JsValue) -> String {
    if let Some(s) = v.as_string() {
        return s;
    }
    if let Some(e) = v.dyn_ref::<js_sys::Error>() {
        return String::from(e.to_string());
    }
    js_sys::JSON::stringify(v)
        .ok()
        .map(String::from)
        .unwrap_or_else(|| format!("{v:?}"))
}

/// A subscription to events the shell emits; dropping it unsubscribes.
pub struct Listener {
    unlisten: Function,
    _handler: wasm_bindgen::closure::Closure<dyn Fn(JsValue)>,
}

impl Drop for Listener {
    fn drop(&mut self) {
        let _ = self.unlisten.call0(&JsValue::NULL);
    }
}

/// Calls `handler` with the payload of every `event` the shell emits until the returned
/// [`Listener`] is dropped (payloads that do not read as `T` are ignored).
pub async fn listen<T: serde::de::DeserializeOwned + 'static>(
    event: &str,
    handler: impl Fn(T) + 'static,
) -> Result<Listener, UiError> {
    let handler = wasm_bindgen::closure::Closure::<dyn Fn(JsValue)>::new(move |e: JsValue| {
        if let Ok(payload) = Reflect::get(&e, &JsValue::from_str("payload")) {
            if let Ok(v) = serde_wasm_bindgen::from_value::<T>(payload) {
                handler(v);
            }
        }
    });
    let promise = (|| -> Result<Promise, JsValue> {
        let window = web_sys::window().ok_or_else(|| JsValue::from_str("no window"))?;
        let tauri = Reflect::get(&window, &JsValue::from_str("__TAURI__"))?;
        let events = Reflect::get(&tauri, &JsValue::from_str("event"))?;
        let listen: Function = Reflect::get(&events, &JsValue::from_str("listen"))?.dyn_into()?;
        listen
            .call2(
                &events,
                &JsValue::from_str(event),
                handler.as_ref().unchecked_ref(),
            )?
            .dyn_into::<Promise>()
    })()
    .map_err(|e| internal(&e))?;
    let unlisten = JsFuture::from(promise)
        .await
        .and_then(|f| f.dyn_into::<Function>())
        .map_err(|e| internal(&e))?;
    Ok(Listener {
        unlisten,
        _handler: handler,
    })
}
