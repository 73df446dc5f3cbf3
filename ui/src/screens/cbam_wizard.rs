//! The CBAM guided flow: installation → processes → source streams → precursors → goods →
//! results, for entering an installation by hand or correcting an imported one.
//!
//! Each step shows the fields of sheets A to E of the Commission's template that belong to it
//! (`CbamStep::prefixes`), and "Next" saves only when that step and the earlier ones are valid
//! by `athar_cbam`'s own rules, which the shell checks again before it stores anything. The
//! last step saves with every rule applied and opens the results. Closing with unsaved
//! changes asks first.

use athar_protocol::cbam::{CbamIdArgs, CbamInstallationView, CbamSaveArgs, CbamStep};
use athar_protocol::{DeleteCbamInstallation, SaveCbamInstallation, UiError};
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::app::use_app;
use crate::format;
use crate::i18n::{t, tf};
use crate::screens::cbam::{use_cbam, CbamTab};
use crate::screens::cbam_form::Form;
use crate::screens::cbam_steps as steps;

/// Ids and names of the processes, for the choices that refer to them;
/// memos, so the choices are rebuilt when a name changes, not at every keystroke elsewhere.
#[derive(Clone, Copy)]
pub struct Names {
    pub processes: Memo<Vec<(String, String)>>,
}

impl Names {
    fn new(f: Form) -> Self {
        let shown = |id: &str, name: &str| {
            if name.trim().is_empty() {
                id.to_string()
            } else {
                name.to_string()
            }
        };
        Names {
            processes: Memo::new(move |_| {
                f.draft.with(|d| {
                    d.processes
                        .iter()
                        .map(|p| (p.id.clone(), shown(&p.id, &p.name)))
                        .collect()
                })
            }),
        }
    }
}

fn step_id(s: CbamStep) -> &'static str {
    match s {
        CbamStep::Installation => "installation",
        CbamStep::Processes => "processes",
        CbamStep::Sources => "sources",
        CbamStep::Precursors => "precursors",
        CbamStep::Goods => "goods",
        CbamStep::Results => "results",
    }
}

fn next_step(s: CbamStep) -> CbamStep {
    let i = CbamStep::ALL.iter().position(|x| *x == s).unwrap_or(0);
    CbamStep::ALL[(i + 1).min(CbamStep::ALL.len() - 1)]
}

fn prev_step(s: CbamStep) -> CbamStep {
    let i = CbamStep::ALL.iter().position(|x| *x == s).unwrap_or(0);
    CbamStep::ALL[i.saturating_sub(1)]
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Ask {
    Discard,
    Delete,
}

/// The guided flow over `start` (a new installation or one loaded for editing).
#[component]
pub fn CbamWizard(start: CbamInstallationView) -> impl IntoView {
    let c = use_cbam();
    let app = use_app();
    let f = Form::new(start.installation.clone());
    let names = Names::new(f);
    let id = RwSignal::new(start.id.clone());
    let saved = RwSignal::new(start.installation);
    let step = RwSignal::new(CbamStep::Installation);
    let busy = RwSignal::new(false);
    let error = RwSignal::new(None::<UiError>);
    let ask = RwSignal::new(None::<Ask>);
    let notice = RwSignal::new(None::<&'static str>);
    let dirty = Memo::new(move |_| f.draft.with(|d| saved.with(|s| d != s)));

    // What stops `through` (that step and the ones before it) from being saved: problems
    // found by the rules and text that does not parse.
    let blocking = move |through: CbamStep| -> Option<CbamStep> {
        let mut first: Option<CbamStep> = None;
        let mut see = |s: CbamStep| {
            if s <= through && first.is_none_or(|x| s < x) {
                first = Some(s);
            }
        };
        f.problems
            .with_untracked(|p| p.iter().for_each(|e| see(CbamStep::of_field(&e.field))));
        f.bad
            .with_untracked(|b| b.keys().for_each(|k| see(CbamStep::of_field(k))));
        first
    };

    let show_step = move |s: CbamStep| {
        step.set(s);
        error.set(None);
        crate::screens::focus_later("#cbam-wizard h2");
    };

    // Saves after `through`; then goes to `then`, or to the results.
    let save = move |through: CbamStep, then: Option<CbamStep>| {
        if busy.get_untracked() {
            return;
        }
        notice.set(None);
        if let Some(s) = blocking(through) {
            f.show.set(true);
            step.set(s);
            notice.set(Some("cbam-w-fix-first"));
            crate::screens::focus_later("#cbam-wizard .field-error:not(:empty)");
            return;
        }
        busy.set(true);
        error.set(None);
        let installation = f.draft.get_untracked();
        let args = CbamSaveArgs {
            id: id.get_untracked(),
            installation,
            step: through,
        };
        spawn_local(async move {
            let r = app.invoke::<SaveCbamInstallation>(args).await;
            busy.set(false);
            match r {
                Ok(v) => {
                    id.set(v.id.clone());
                    saved.set(v.installation);
                    f.show.set(false);
                    match then {
                        Some(s) => {
                            notice.set(Some("cbam-w-saved"));
                            if s != step.get_untracked() {
                                step.set(s);
                                crate::screens::focus_later("#cbam-wizard h2");
                            }
                        }
                        None => {
                            c.editing.set(None);
                            c.tab.set(CbamTab::Results);
                            c.reload(v.id);
                        }
                    }
                }
                Err(e) => {
                    if !e.fields.is_empty() {
                        f.show.set(true);
                        if let Some(s) = e.fields.iter().map(|x| CbamStep::of_field(&x.field)).min()
                        {
                            step.set(s);
                        }
                    }
                    error.set(Some(e));
                }
            }
        });
    };

    let go = move |target: CbamStep| {
        let current = step.get_untracked();
        if target <= current {
            show_step(target);
        } else if target == CbamStep::Results {
            save(CbamStep::Results, None);
        } else {
            match blocking(prev_step(target)) {
                None => show_step(target),
                Some(s) => {
                    f.show.set(true);
                    notice.set(Some("cbam-w-fix-first"));
                    show_step(s);
                }
            }
        }
    };

    let close = move || {
        if dirty.get_untracked() {
            ask.set(Some(Ask::Discard));
        } else {
            c.editing.set(None);
            c.reload(id.get_untracked());
        }
    };

    let delete = move || {
        let Some(the_id) = id.get_untracked() else {
            c.editing.set(None);
            return;
        };
        busy.set(true);
        spawn_local(async move {
            let r = app
                .invoke::<DeleteCbamInstallation>(CbamIdArgs { id: the_id })
                .await;
            busy.set(false);
            match r {
                Ok(_) => {
                    c.editing.set(None);
                    c.reload(None);
                }
                Err(e) => {
                    ask.set(None);
                    error.set(Some(e));
                }
            }
        });
    };

    let i18n = app.i18n;
    view! {
        <section class="card stack" id="cbam-wizard" aria-busy=move || busy.get().to_string()>
            <div class="card-head-row">
                <h2 class="card-title">
                    {move || {
                        let n = f.draft.with(|d| d.about.name_en.clone());
                        if id.get().is_none() && n.trim().is_empty() {
                            t("cbam-w-title-new")
                        } else {
                            tf("cbam-w-title", &[("name", n)])
                        }
                    }}
                </h2>
                <div class="form-actions">
                    {move || id.get().is_some().then(|| view! {
                        <button type="button" class="btn btn-ghost" id="cbam-w-delete" on:click=move |_| ask.set(Some(Ask::Delete))>{move || t("cbam-w-delete")}</button>
                    })}
                    <button type="button" class="btn" id="cbam-w-close" on:click=move |_| close()>{move || t("cbam-w-close")}</button>
                </div>
            </div>
            <ol class="cbam-steps" id="cbam-steps">
                {CbamStep::ALL.into_iter().enumerate().map(|(n, s)| {
                    let count = Memo::new(move |_| {
                        f.problems.with(|p| p.iter().filter(|e| CbamStep::of_field(&e.field) == s).count())
                    });
                    view! {
                        <li>
                            <button
                                type="button"
                                class="cbam-step"
                                id=format!("cbam-step-{}", step_id(s))
                                aria-current=move || (step.get() == s).then_some("step")
                                on:click=move |_| go(s)
                            >
                                <span class="cbam-step-n">{move || format::count(i18n.lang(), n as u64 + 1)}</span>
                                " "
                                {move || t(s.key())}
                                {move || (f.show.get() && count.get() > 0).then(|| view! {
                                    <span class="cbam-step-problems" title=move || t("cbam-w-step-has-problems")>
                                        {move || format::count(i18n.lang(), count.get() as u64)}
                                    </span>
                                })}
                            </button>
                        </li>
                    }
                }).collect_view()}
            </ol>
            {move || ask.get().map(|a| {
                let (msg, yes) = match a {
                    Ask::Discard => ("cbam-w-discard-ask", "cbam-w-discard"),
                    Ask::Delete => ("cbam-w-delete-ask", "cbam-w-delete-confirm"),
                };
                view! {
                    <div class="cbam-w-ask" role="alertdialog" id="cbam-w-ask">
                        <p>{move || t(msg)}</p>
                        <div class="form-actions">
                            <button type="button" class="btn btn-danger" id="cbam-w-ask-yes" on:click=move |_| match a {
                                Ask::Discard => {
                                    ask.set(None);
                                    c.editing.set(None);
                                    c.reload(id.get_untracked());
                                }
                                Ask::Delete => delete(),
                            }>{move || t(yes)}</button>
                            <button type="button" class="btn" id="cbam-w-ask-no" on:click=move |_| ask.set(None)>{move || t("cbam-w-keep-editing")}</button>
                        </div>
                    </div>
                }
            })}
            <h2 class="cbam-step-title">{move || t(step.get().key())}</h2>
            <p class="muted">{move || t(match step.get() {
                CbamStep::Installation => "cbam-w-lead-installation",
                CbamStep::Processes => "cbam-w-lead-processes",
                CbamStep::Sources => "cbam-w-lead-sources",
                CbamStep::Precursors => "cbam-w-lead-precursors",
                CbamStep::Goods => "cbam-w-lead-goods",
                CbamStep::Results => "cbam-w-lead-results",
            })}</p>
            <StepProblems f=f step=step />
            {move || match step.get() {
                CbamStep::Installation => steps::installation_step(f),
                CbamStep::Processes => steps::processes_step(f, names),
                CbamStep::Sources => steps::sources_step(f, names),
                CbamStep::Precursors => steps::precursors_step(f, names),
                CbamStep::Goods | CbamStep::Results => steps::goods_step(f, names),
            }}
            <div class="cbam-w-nav form-actions">
                {move || (step.get() != CbamStep::Installation).then(|| view! {
                    <button type="button" class="btn" id="cbam-w-back" on:click=move |_| show_step(prev_step(step.get_untracked()))>{move || t("cbam-w-back")}</button>
                })}
                <button type="button" class="btn" id="cbam-w-save" disabled=move || busy.get() on:click=move |_| { let s = step.get_untracked(); save(s, Some(s)) }>{move || t("cbam-w-save")}</button>
                {move || {
                    let s = step.get();
                    if s >= CbamStep::Goods {
                        view! {
                            <button type="button" class="btn btn-primary" id="cbam-w-finish" disabled=move || busy.get() on:click=move |_| save(CbamStep::Results, None)>{move || t("cbam-w-finish")}</button>
                        }.into_any()
                    } else {
                        view! {
                            <button type="button" class="btn btn-primary" id="cbam-w-next" disabled=move || busy.get() on:click=move |_| { let s = step.get_untracked(); save(s, Some(next_step(s))) }>{move || t("cbam-w-next")}</button>
                        }.into_any()
                    }
                }}
                <span class="muted" id="cbam-w-dirty">{move || if dirty.get() { t("cbam-w-unsaved") } else if id.get().is_some() { t("cbam-w-all-saved") } else { String::new() }}</span>
            </div>
            <p class="cbam-w-notice" role="status" id="cbam-w-notice">{move || notice.get().map(t)}</p>
            {move || error.get().map(|e| view! { <p class="field-error" id="cbam-w-error" role="alert">{move || i18n.error(&e)}</p> })}
        </section>
    }
}

/// The problems of the shown step that no field of it displays (a list that is empty, an id
/// used twice, a balance that does not add up), once the user tried to go on.
#[component]
fn StepProblems(f: Form, step: RwSignal<CbamStep>) -> impl IntoView {
    let i18n = use_app().i18n;
    view! {
        {move || {
            if !f.show.get() {
                return None;
            }
            let s = step.get();
            let list: Vec<_> = f.problems.with(|p| {
                p.iter().filter(|e| CbamStep::of_field(&e.field) == s).cloned().collect()
            });
            (!list.is_empty()).then(|| view! {
                <div class="problems-card" id="cbam-w-problems" role="alert">
                    <p>{let n = list.len() as u64; move || tf("cbam-w-problems", &[("n", format::count(i18n.lang(), n))])}</p>
                    <ul class="problem-list">
                        {list.clone().into_iter().map(|e| {
                            let target = format!("#{}", crate::screens::cbam_form::dom_id(&e.field));
                            let e2 = e.clone();
                            view! {
                                <li>
                                    <a href=target.clone() on:click=move |ev| {
                                        ev.prevent_default();
                                        crate::screens::focus_later(target.clone());
                                    }>{move || field_place(&e2.field)}</a>
                                    ": "
                                    {move || i18n.field_error(&e)}
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                </div>
            })
        }}
    }
}

/// Where a problem is, in words: "Process 2", "Source stream 1", or the step itself.
fn field_place(field: &str) -> String {
    let mut parts = field.split('.');
    let list = parts.next().unwrap_or_default();
    let n = parts.next().and_then(|n| n.parse::<u64>().ok());
    let key = match list {
        "processes" => "cbam-w-process-n",
        "source_streams" => "cbam-w-source-n",
        "pfc_emissions" => "cbam-w-pfc-n",
        "measured_sources" => "cbam-w-measured-n",
        "precursors" => "cbam-w-precursor-n",
        "products" => "cbam-w-product-n",
        "goods" => "cbam-w-goods-n",
        _ => "",
    };
    let lang = use_app().i18n.lang();
    match (key, n) {
        ("", _) | (_, None) => t(CbamStep::of_field(field).key()),
        (k, Some(n)) => tf(k, &[("n", format::count(lang, n + 1))]),
    }
}
