//! The review of one read document: its pages (the image when the document has one — a photo,
//! the scan a PDF page embeds — and the page text with the places values were read from
//! marked) beside the proposed fields, fields below the confidence threshold highlighted.
//! Accepting turns the reviewed values into an activity entry linked to the document and
//! page; nothing becomes activity data without it.

use std::collections::BTreeMap;

use athar_protocol::documents::{
    AcceptDocumentArgs, DocumentIdArgs, ReviewField, ReviewPage, ReviewView,
};
use athar_protocol::{AcceptDocument, GetDocumentReview};
use leptos::prelude::*;
use leptos::task::spawn_local;
use rust_decimal::Decimal;

use crate::app::{use_app, Tab};
use crate::components::field::{Errors, FieldErrors};
use crate::format;
use crate::i18n::{t, tf};

/// The page text cut into plain and marked pieces (`spans` are character offsets).
fn pieces(text: &str, spans: &[[usize; 2]]) -> Vec<(String, bool)> {
    let chars: Vec<char> = text.chars().collect();
    let mut marked = vec![false; chars.len()];
    for [a, b] in spans {
        for m in marked.iter_mut().take((*b).min(chars.len())).skip(*a) {
            *m = true;
        }
    }
    let mut out: Vec<(String, bool)> = Vec::new();
    for (c, m) in chars.into_iter().zip(marked) {
        match out.last_mut() {
            Some((s, lm)) if *lm == m => s.push(c),
            _ => out.push((c.to_string(), m)),
        }
    }
    out
}

fn confidence_text(c: Option<f64>) -> String {
    let lang = crate::i18n::use_i18n().lang();
    match c.and_then(|c| Decimal::try_from(c).ok()) {
        Some(d) => format::percent(lang, d.round_dp(2)),
        None => t("review-not-found"),
    }
}

#[component]
pub fn DocumentReview(
    id: String,
    on_done: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let app = use_app();
    let review = RwSignal::new(None::<ReviewView>);
    let values: RwSignal<BTreeMap<String, RwSignal<String>>> = RwSignal::new(BTreeMap::new());
    let site = RwSignal::new(String::new());
    let errors: Errors = RwSignal::new(Vec::new());
    let busy = RwSignal::new(false);
    let owner = Owner::current();
    let load = move |id: String| {
        let owner = owner.clone();
        spawn_local(async move {
            if let Ok(r) = app.invoke::<GetDocumentReview>(DocumentIdArgs { id }).await {
                let make = || {
                    r.fields
                        .iter()
                        .map(|f| {
                            (
                                f.name.clone(),
                                RwSignal::new(f.value.clone().unwrap_or_default()),
                            )
                        })
                        .collect::<BTreeMap<_, _>>()
                };
                // The inputs' signals outlive this task: they belong to the review panel.
                let signals = match &owner {
                    Some(o) => o.with(make),
                    None => make(),
                };
                values.set(signals);
                site.set(r.sites.first().cloned().unwrap_or_default());
                errors.set(Vec::new());
                review.set(Some(r));
            }
        });
    };
    load(id);
    let accept = move |_| {
        let Some(r) = review.get_untracked() else {
            return;
        };
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        let args = AcceptDocumentArgs {
            id: r.document.id.clone(),
            site: site.get_untracked(),
            values: values
                .get_untracked()
                .into_iter()
                .map(|(k, v)| (k, v.get_untracked()))
                .collect(),
        };
        spawn_local(async move {
            let result = app.invoke::<AcceptDocument>(args).await;
            busy.set(false);
            match result {
                Ok(_) => on_done(),
                Err(e) => errors.set(e.fields),
            }
        });
    };
    view! {
        <section class="card stack" id="review-panel">
            {move || review.get().map(|r| {
                let title = tf("review-title", &[("file", r.document.file_name.clone())]);
                let doc_type = r.document.doc_type.clone().map(|d| t(&format!("doc-type-{d}"))).unwrap_or_default();
                let kind = r.entry_kind.clone();
                let threshold = r.highlight_below;
                let pages = r.pages.clone();
                let fields = r.fields.clone();
                let sites = r.sites.clone();
                let warnings = r.document.warnings.clone();
                view! {
                    <div class="card-head">
                        <h2 class="card-title" dir="auto">{title}</h2>
                        <button type="button" class="btn btn-small btn-ghost" id="review-close"
                            on:click=move |_| on_done()>
                            {move || t("review-close")}
                        </button>
                    </div>
                    <p class="section-note" id="review-type">
                        {tf("review-type", &[("type", doc_type.clone())])}
                        " "
                        {tf("review-threshold", &[("percent", format::count(crate::i18n::use_i18n().lang(), u64::from(threshold)))])}
                    </p>
                    {warnings.into_iter().map(|w| view! {
                        <p class="review-warning">{app.i18n.error(&w)}</p>
                    }).collect_view()}
                    <div class="review-layout">
                        <div class="review-pages" id="review-pages">
                            {pages.into_iter().map(|p| view! { <PageView page=p /> }).collect_view()}
                        </div>
                        <div class="review-fields" id="review-fields">
                            {fields.into_iter().map(|f| {
                                let signal = values.with_untracked(|v| v.get(&f.name).copied());
                                signal.map(|s| view! { <FieldRow field=f value=s errors /> })
                            }).collect_view()}
                            {match kind {
                                Some(k) => view! {
                                    <div class="field">
                                        <label class="field-label" for="review-site">{move || t("review-site")}</label>
                                        <select id="review-site" class="input select"
                                            on:change=move |ev| site.set(event_target_value(&ev))>
                                            {sites.into_iter().map(|s| {
                                                let v = s.clone();
                                                view! { <option value=s.clone() selected=move || site.get() == v>{s.clone()}</option> }
                                            }).collect_view()}
                                        </select>
                                        <FieldErrors errors field="site".to_string() />
                                    </div>
                                    <p class="section-note">{t(&format!("review-entry-{k}"))}</p>
                                    <div class="form-actions">
                                        <button type="button" class="btn btn-primary" id="review-accept"
                                            disabled=move || busy.get()
                                            on:click=accept>
                                            {move || t("review-accept")}
                                        </button>
                                        <button type="button" class="btn btn-ghost" id="review-activity"
                                            on:click=move |_| app.go_tab(Tab::Activity)>
                                            {move || t("review-open-activity")}
                                        </button>
                                    </div>
                                }.into_any(),
                                None => view! {
                                    <p class="section-note" id="review-evidence-only">{move || t("review-evidence-only")}</p>
                                }.into_any(),
                            }}
                        </div>
                    </div>
                }
            })}
        </section>
    }
}

#[component]
fn PageView(page: ReviewPage) -> impl IntoView {
    let label = tf(
        "review-page",
        &[(
            "page",
            crate::format::count(use_app().i18n.lang(), u64::from(page.number)),
        )],
    );
    let method = t(&format!("doc-method-{}", page.method));
    let parts = pieces(&page.text, &page.spans);
    view! {
        <figure class="review-page" data-page=page.number>
            <figcaption>{label}" · "{method}</figcaption>
            {page.image.clone().map(|src| view! {
                <img class="review-image" src=src alt=t("review-image-alt") />
            })}
            <pre class="review-text" dir="auto">
                {parts.into_iter().map(|(s, m)| if m {
                    view! { <mark>{s}</mark> }.into_any()
                } else {
                    view! { <span>{s}</span> }.into_any()
                }).collect_view()}
            </pre>
        </figure>
    }
}

#[component]
fn FieldRow(field: ReviewField, value: RwSignal<String>, errors: Errors) -> impl IntoView {
    let path = format!("values.{}", field.name);
    let input_id = format!("review-field-{}", field.name);
    let label = t(&format!("doc-field-{}", field.name));
    let confidence = confidence_text(field.confidence);
    let note = field.note.clone().map(|n| t(&n));
    let source = field.source_text.clone();
    let origin = field
        .origin
        .clone()
        .map(|o| t(&format!("review-origin-{o}")));
    let p = path.clone();
    view! {
        <div class="field review-field" class:low=field.low class:required=field.required
            data-field=field.name.clone()>
            <label class="field-label" for=input_id.clone()>{label}</label>
            <div class="review-field-row">
                <input id=input_id class="input" dir="auto"
                    aria-invalid=move || errors.with(|es| es.iter().any(|e| e.field == p)).then_some("true")
                    prop:value=move || value.get()
                    on:input=move |ev| value.set(event_target_value(&ev)) />
                <span class="review-confidence">{confidence}</span>
            </div>
            <p class="field-hint">
                {origin}
                {field.page.map(|n| format!(" · {}", tf("review-page", &[("page", crate::format::count(use_app().i18n.lang(), u64::from(n)))])))}
                {source.map(|s| view! { " · " <q dir="auto">{s}</q> })}
            </p>
            {note.map(|n| view! { <p class="review-note">{n}</p> })}
            {(!field.alternatives.is_empty()).then(|| view! {
                <p class="review-alternatives">{tf("review-alternatives", &[("values", field.alternatives.join(" · "))])}</p>
            })}
            <FieldErrors errors field=path.clone() />
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::pieces;

    #[test]
    fn spans_mark_characters_not_bytes() {
        let p = pieces("كهرباء 120 kWh", &[[7, 10]]); // i18n-ok: test data
        assert_eq!(
            p,
            vec![
                ("كهرباء ".to_string(), false), // i18n-ok: test data
                ("120".to_string(), true),
                (" kWh".to_string(), false) // i18n-ok: test data
            ]
        );
    }
}
