//! Form fields bound to the installation being edited in the CBAM guided flow.
//!
//! Why this module exists: the installation (`athar_cbam::Installation`) has a few hundred
//! fields in nested lists (processes with their production and transfers, source streams,
//! precursors, goods). Writing one signal per field would copy the model; instead every field
//! here reads and writes the one `RwSignal<Installation>` through a getter and a setter (made
//! by the [`bind!`] macro), and is named by its validation path (`processes.0.name`), so the
//! problems `athar_cbam` reports land under the field they are about. Text that does not parse
//! (a number, a date) never reaches the model: it is held as a local problem that stops the
//! step from being saved.

use std::collections::BTreeMap;
use std::str::FromStr;

use athar_cbam::Installation;
use athar_domain::numerals::normalize_number;
use athar_domain::{FieldError, Validate};
use leptos::prelude::*;
use rust_decimal::Decimal;

use crate::app::use_app;
use crate::i18n::t;

/// The installation being edited and what is wrong with it.
#[derive(Clone, Copy)]
pub struct Form {
    pub draft: RwSignal<Installation>,
    /// Every problem `athar_cbam` finds in the draft, recomputed as it changes.
    pub problems: Memo<Vec<FieldError>>,
    /// Fields whose text does not parse, with the Fluent key saying why.
    pub bad: RwSignal<BTreeMap<String, &'static str>>,
    /// Problems are shown once the user tried to go on, not while a new form is empty.
    pub show: RwSignal<bool>,
    i18n: crate::i18n::I18n,
}

impl Form {
    /// Made inside a component (it keeps the app's translations for the fields' messages).
    pub fn new(inst: Installation) -> Self {
        let draft = RwSignal::new(inst);
        Form {
            draft,
            problems: Memo::new(move |_| draft.with(|d| d.validate())),
            bad: RwSignal::new(BTreeMap::new()),
            show: RwSignal::new(false),
            i18n: use_app().i18n,
        }
    }

    fn mark(self, field: &str, key: &'static str) {
        self.bad.update(|b| {
            b.insert(field.to_string(), key);
        });
    }

    fn unmark(self, field: &str) {
        if self.bad.with_untracked(|b| b.contains_key(field)) {
            self.bad.update(|b| {
                b.remove(field);
            });
        }
    }

    /// Forgets unparsed text under `prefix` (its inputs are rebuilt from the model).
    pub fn forget(self, prefix: &str) {
        self.bad.update(|b| b.retain(|k, _| !k.starts_with(prefix)));
    }

    /// The message shown under `field`, if any (reactive).
    pub fn message(self, field: &str) -> Option<String> {
        if let Some(key) = self.bad.with(|b| b.get(field).copied()) {
            return Some(t(key));
        }
        if !self.show.get() {
            return None;
        }
        self.problems.with(|p| {
            p.iter()
                .find(|e| e.field == field)
                .map(|e| self.i18n.field_error(e))
        })
    }
}

/// `(getter, setter)` for a field of the installation, as the fields below take them:
/// `bind!(about.name_en)`, `bind!(processes[i].heat.imported_tj)`, and `bind!(req
/// processes[i].production[j].amount)` for a number that may not be empty (an `Option` on
/// the form's side). Getters of list items are safe when the item is gone (the view of a
/// removed item may update once more before it is dropped).
#[macro_export]
macro_rules! bind {
    (req $list:ident [$i:expr] . $($path:ident).+ [$j:expr] . $($leaf:ident).+) => {
        (
            move |d: &athar_cbam::Installation| {
                d.$list.get($i).and_then(|x| x.$($path).+.get($j)).map(|y| y.$($leaf).+)
            },
            move |d: &mut athar_cbam::Installation, v: Option<_>| {
                if let (Some(y), Some(v)) = (
                    d.$list.get_mut($i).and_then(|x| x.$($path).+.get_mut($j)),
                    v,
                ) {
                    y.$($leaf).+ = v;
                }
            },
        )
    };
    ($list:ident [$i:expr] . $($path:ident).+ [$j:expr] . $($leaf:ident).+) => {
        (
            move |d: &athar_cbam::Installation| {
                d.$list
                    .get($i)
                    .and_then(|x| x.$($path).+.get($j))
                    .map(|y| y.$($leaf).+.clone())
                    .unwrap_or_default()
            },
            move |d: &mut athar_cbam::Installation, v| {
                if let Some(y) = d.$list.get_mut($i).and_then(|x| x.$($path).+.get_mut($j)) {
                    y.$($leaf).+ = v;
                }
            },
        )
    };
    (req $list:ident [$i:expr] . $($path:ident).+) => {
        (
            move |d: &athar_cbam::Installation| d.$list.get($i).map(|x| x.$($path).+),
            move |d: &mut athar_cbam::Installation, v: Option<_>| {
                if let (Some(x), Some(v)) = (d.$list.get_mut($i), v) {
                    x.$($path).+ = v;
                }
            },
        )
    };
    ($list:ident [$i:expr] . $($path:ident).+) => {
        (
            move |d: &athar_cbam::Installation| {
                d.$list.get($i).map(|x| x.$($path).+.clone()).unwrap_or_default()
            },
            move |d: &mut athar_cbam::Installation, v| {
                if let Some(x) = d.$list.get_mut($i) {
                    x.$($path).+ = v;
                }
            },
        )
    };
    ($($path:ident).+) => {
        (
            move |d: &athar_cbam::Installation| d.$($path).+.clone(),
            move |d: &mut athar_cbam::Installation, v| d.$($path).+ = v,
        )
    };
}

/// The element id of a field: `processes.0.name` → `cbam-f-processes-0-name`.
pub fn dom_id(field: &str) -> String {
    format!("cbam-f-{}", field.replace(['.', '_'], "-"))
}

fn frame(
    f: Form,
    field: String,
    label: &'static str,
    hint: Option<&'static str>,
    input: AnyView,
) -> AnyView {
    let id = dom_id(&field);
    let err_id = format!("{id}-error");
    let data_field = field.clone();
    view! {
        <div class="field" data-field=data_field>
            <label class="field-label" for=id>{move || t(label)}</label>
            {input}
            {hint.map(|h| view! { <p class="field-hint">{move || t(h)}</p> })}
            <p class="field-error" id=err_id role="alert">{move || f.message(&field)}</p>
        </div>
    }
    .into_any()
}

fn invalid(f: Form, field: String) -> impl Fn() -> Option<&'static str> + Send + Sync + 'static {
    move || f.message(&field).map(|_| "true")
}

/// A line of text.
pub fn text<G, S>(f: Form, field: String, label: &'static str, (get, set): (G, S)) -> AnyView
where
    G: Fn(&Installation) -> String + Send + Sync + 'static,
    S: Fn(&mut Installation, String) + Send + Sync + 'static,
{
    let init = f.draft.with_untracked(|d| get(d));
    let input = view! {
        <input
            id=dom_id(&field)
            class="input"
            dir="auto"
            value=init
            aria-invalid=invalid(f, field.clone())
            on:input=move |ev| {
                let v = event_target_value(&ev);
                f.draft.update(|d| set(d, v));
            }
        />
    }
    .into_any();
    frame(f, field, label, None, input)
}

/// A code typed in Latin letters and digits (UN/LOCODE, CN code, currency), with suggestions.
pub fn code<G, S>(
    f: Form,
    field: String,
    label: &'static str,
    hint: Option<&'static str>,
    suggestions: Vec<(String, String)>,
    (get, set): (G, S),
) -> AnyView
where
    G: Fn(&Installation) -> String + Send + Sync + 'static,
    S: Fn(&mut Installation, String) + Send + Sync + 'static,
{
    let init = f.draft.with_untracked(|d| get(d));
    let list = format!("{}-list", dom_id(&field));
    let input = view! {
        <input
            id=dom_id(&field)
            class="input mono"
            dir="ltr"
            list=list.clone()
            value=init
            aria-invalid=invalid(f, field.clone())
            on:input=move |ev| {
                let v = event_target_value(&ev);
                f.draft.update(|d| set(d, v.trim().to_string()));
            }
        />
        <datalist id=list>
            {suggestions.into_iter().map(|(v, l)| view! { <option value=v>{l}</option> }).collect_view()}
        </datalist>
    }
    .into_any();
    frame(f, field, label, hint, input)
}

/// A decimal number. `required`: empty is refused (the model field is not optional).
pub fn number<G, S>(
    f: Form,
    field: String,
    label: &'static str,
    hint: Option<&'static str>,
    required: bool,
    (get, set): (G, S),
) -> AnyView
where
    G: Fn(&Installation) -> Option<Decimal> + Send + Sync + 'static,
    S: Fn(&mut Installation, Option<Decimal>) + Send + Sync + 'static,
{
    let init = f
        .draft
        .with_untracked(|d| get(d))
        .map(|v| v.normalize().to_string())
        .unwrap_or_default();
    let name = field.clone();
    let input = view! {
        <input
            id=dom_id(&field)
            class="input num"
            dir="ltr"
            inputmode="decimal"
            value=init
            aria-invalid=invalid(f, field.clone())
            on:input=move |ev| {
                let s = normalize_number(&event_target_value(&ev));
                if s.is_empty() {
                    if required {
                        f.mark(&name, "v-required");
                    } else {
                        f.unmark(&name);
                        f.draft.update(|d| set(d, None));
                    }
                    return;
                }
                match Decimal::from_str(&s) {
                    Ok(v) => {
                        f.unmark(&name);
                        f.draft.update(|d| set(d, Some(v)));
                    }
                    Err(_) => f.mark(&name, "v-number"),
                }
            }
        />
    }
    .into_any();
    frame(f, field, label, hint, input)
}

/// A date (`YYYY-MM-DD`).
pub fn date<G, S>(f: Form, field: String, label: &'static str, (get, set): (G, S)) -> AnyView
where
    G: Fn(&Installation) -> time::Date + Send + Sync + 'static,
    S: Fn(&mut Installation, time::Date) + Send + Sync + 'static,
{
    let init = f
        .draft
        .with_untracked(|d| athar_cbam::model::format_date(get(d)));
    let name = field.clone();
    let input = view! {
        <input
            id=dom_id(&field)
            class="input"
            type="date"
            dir="ltr"
            value=init
            aria-invalid=invalid(f, field.clone())
            on:input=move |ev| {
                let s = athar_domain::numerals::to_ascii_digits(event_target_value(&ev).trim());
                match athar_cbam::model::parse_date(&s) {
                    Some(v) => {
                        f.unmark(&name);
                        f.draft.update(|d| set(d, v));
                    }
                    None => f.mark(&name, "v-date"),
                }
            }
        />
    }
    .into_any();
    frame(f, field, label, None, input)
}

/// A choice among `options` (value, shown text), re-listed when the options or the language
/// change. `empty`: the Fluent key of the "none" entry, if the field may be empty.
pub fn select<O, G, S>(
    f: Form,
    field: String,
    label: &'static str,
    empty: Option<&'static str>,
    options: O,
    (get, set): (G, S),
) -> AnyView
where
    O: Fn() -> Vec<(String, String)> + Send + Sync + 'static,
    G: Fn(&Installation) -> String + Send + Sync + 'static,
    S: Fn(&mut Installation, String) + Send + Sync + 'static,
{
    let get = std::sync::Arc::new(get);
    let input = view! {
        <select
            id=dom_id(&field)
            class="input select"
            aria-invalid=invalid(f, field.clone())
            on:change=move |ev| {
                let v = event_target_value(&ev);
                f.draft.update(|d| set(d, v));
            }
        >
            {move || {
                let current = f.draft.with_untracked(|d| get(d));
                let mut all = options();
                if let Some(e) = empty {
                    all.insert(0, (String::new(), t(e)));
                } else if !all.iter().any(|(v, _)| *v == current) {
                    // A required choice not made yet: say so rather than show the first one.
                    all.insert(0, (String::new(), t("cbam-w-choose")));
                }
                all.into_iter()
                    .map(|(v, l)| {
                        let sel = v == current;
                        view! { <option value=v selected=sel>{l}</option> }
                    })
                    .collect_view()
            }}
        </select>
    }
    .into_any();
    frame(f, field, label, None, input)
}

/// An enum the user picks from: its stable id and the Fluent key of its name.
pub trait Pick: Copy + PartialEq + Send + Sync + 'static {
    fn all() -> Vec<Self>;
    fn id(self) -> &'static str;
    fn label(self) -> String;
    fn from_id(id: &str) -> Option<Self> {
        Self::all().into_iter().find(|x| x.id() == id)
    }
}

/// `select` over an enum field that may be empty (`Option<T>`).
pub fn pick<T, O, G, S>(
    f: Form,
    field: String,
    label: &'static str,
    empty: Option<&'static str>,
    options: O,
    (get, set): (G, S),
) -> AnyView
where
    T: Pick,
    O: Fn() -> Vec<T> + Send + Sync + 'static,
    G: Fn(&Installation) -> Option<T> + Send + Sync + 'static,
    S: Fn(&mut Installation, Option<T>) + Send + Sync + 'static,
{
    select(
        f,
        field,
        label,
        empty,
        move || {
            options()
                .into_iter()
                .map(|o| (o.id().to_string(), o.label()))
                .collect()
        },
        (
            move |d: &Installation| get(d).map(|v| v.id().to_string()).unwrap_or_default(),
            move |d: &mut Installation, v: String| set(d, T::from_id(&v)),
        ),
    )
}

/// A required choice among all values of an enum (the model field is not optional; a list
/// item's getter is `None` only while the item is being removed).
pub fn choose<T, G, S>(f: Form, field: String, label: &'static str, bind: (G, S)) -> AnyView
where
    T: Pick,
    G: Fn(&Installation) -> Option<T> + Send + Sync + 'static,
    S: Fn(&mut Installation, Option<T>) + Send + Sync + 'static,
{
    let (get, set) = bind;
    pick(
        f,
        field,
        label,
        None,
        T::all,
        (get, move |d: &mut Installation, v: Option<T>| {
            if v.is_some() {
                set(d, v)
            }
        }),
    )
}

/// An optional choice among all values of an enum, "not given" first.
pub fn choose_opt<T, G, S>(f: Form, field: String, label: &'static str, bind: (G, S)) -> AnyView
where
    T: Pick,
    G: Fn(&Installation) -> Option<T> + Send + Sync + 'static,
    S: Fn(&mut Installation, Option<T>) + Send + Sync + 'static,
{
    pick(f, field, label, Some("cbam-w-not-given"), T::all, bind)
}

/// Several of `options` at once (routes, joint products), as check boxes.
pub fn checks<T, O, G, S>(
    f: Form,
    field: String,
    label: &'static str,
    options: O,
    (get, set): (G, S),
) -> AnyView
where
    T: Pick,
    O: Fn() -> Vec<T> + Send + Sync + 'static,
    G: Fn(&Installation) -> Vec<T> + Send + Sync + 'static,
    S: Fn(&mut Installation, Vec<T>) + Send + Sync + 'static,
{
    let get = std::sync::Arc::new(get);
    let set = std::sync::Arc::new(set);
    let id = dom_id(&field);
    let set_id = id.clone();
    let err_field = field.clone();
    view! {
        <fieldset class="field cbam-checks" id=set_id>
            <legend class="field-label">{move || t(label)}</legend>
            {move || {
                let all = options();
                if all.is_empty() {
                    return view! { <p class="field-hint">{t("cbam-w-no-options")}</p> }.into_any();
                }
                let chosen = f.draft.with_untracked(|d| get(d));
                all.into_iter()
                    .map(|o| {
                        let set = set.clone();
                        let get = get.clone();
                        let box_id = format!("{id}-{}", o.id());
                        let for_id = box_id.clone();
                        view! {
                            <label class="check" for=for_id>
                                <input
                                    type="checkbox"
                                    id=box_id
                                    value=o.id()
                                    checked=chosen.contains(&o)
                                    on:change=move |ev| {
                                        let on = event_target_checked(&ev);
                                        let mut v = f.draft.with_untracked(|d| get(d));
                                        v.retain(|x| *x != o);
                                        if on {
                                            v.push(o);
                                        }
                                        f.draft.update(|d| set(d, v));
                                    }
                                />
                                " "
                                {o.label()}
                            </label>
                        }
                    })
                    .collect_view()
                    .into_any()
            }}
            <p class="field-error" role="alert">{move || f.message(&err_field)}</p>
        </fieldset>
    }
    .into_any()
}

/// A yes/no question the template asks; empty until answered.
pub fn yes_no<G, S>(f: Form, field: String, label: &'static str, (get, set): (G, S)) -> AnyView
where
    G: Fn(&Installation) -> Option<bool> + Send + Sync + 'static,
    S: Fn(&mut Installation, Option<bool>) + Send + Sync + 'static,
{
    select(
        f,
        field,
        label,
        Some("cbam-w-unanswered"),
        || {
            vec![
                ("yes".to_string(), t("cbam-w-yes")),
                ("no".to_string(), t("cbam-w-no")),
            ]
        },
        (
            move |d: &Installation| match get(d) {
                Some(true) => "yes".to_string(),
                Some(false) => "no".to_string(),
                None => String::new(),
            },
            move |d: &mut Installation, v: String| {
                set(
                    d,
                    match v.as_str() {
                        "yes" => Some(true),
                        "no" => Some(false),
                        _ => None,
                    },
                )
            },
        ),
    )
}

/// A list of items (processes, sources, …): one block per item with a remove button, and an
/// add button. Items are rebuilt only when their number changes, so typing keeps focus.
/// `prefix` is the list's validation path (`processes`, `processes.0.transfers`).
#[allow(clippy::too_many_arguments)]
pub fn list<L, A, R, I>(
    f: Form,
    prefix: String,
    title: Option<&'static str>,
    add_label: &'static str,
    item_label: &'static str,
    len: L,
    add: A,
    remove: R,
    item: I,
) -> AnyView
where
    L: Fn(&Installation) -> usize + Send + Sync + 'static,
    A: Fn(&mut Installation) + Send + Sync + 'static,
    R: Fn(&mut Installation, usize) + Send + Sync + Clone + 'static,
    I: Fn(usize) -> AnyView + Send + Sync + 'static,
{
    let n = Memo::new(move |_| f.draft.with(|d| len(d)));
    let id = dom_id(&prefix);
    let p1 = prefix.clone();
    let p2 = prefix.clone();
    let err_field = prefix.clone();
    view! {
        <section class="cbam-list" id=format!("{id}-list")>
            {title.map(|k| view! { <h3 class="cbam-list-title">{move || t(k)}</h3> })}
            <p class="field-error" role="alert">{move || f.message(&err_field)}</p>
            {move || {
                let count = n.get();
                (0..count)
                    .map(|i| {
                        let remove = remove.clone();
                        let p = p1.clone();
                        view! {
                            <div class="cbam-item" data-index=i.to_string()>
                                <div class="cbam-item-head">
                                    <span class="cbam-item-label">{move || crate::i18n::tf(item_label, &[("n", crate::format::count(f.i18n.lang(), i as u64 + 1))])}</span>
                                    <button
                                        type="button"
                                        class="btn btn-ghost btn-small cbam-remove"
                                        on:click=move |_| {
                                            f.forget(&p);
                                            f.draft.update(|d| remove(d, i));
                                        }
                                    >
                                        {move || t("cbam-w-remove")}
                                    </button>
                                </div>
                                {item(i)}
                            </div>
                        }
                    })
                    .collect_view()
            }}
            <button
                type="button"
                class="btn cbam-add"
                id=format!("{id}-add")
                on:click=move |_| {
                    f.forget(&p2);
                    f.draft.update(|d| add(d));
                }
            >
                {move || t(add_label)}
            </button>
        </section>
    }
    .into_any()
}

/// The next free id `PREFIX<n>` among `taken`.
pub fn next_id<'a>(prefix: &str, taken: impl Iterator<Item = &'a str>) -> String {
    let n = taken
        .filter_map(|id| id.strip_prefix(prefix).and_then(|n| n.parse::<u32>().ok()))
        .max()
        .unwrap_or(0);
    format!("{prefix}{}", n + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_follow_the_validation_path() {
        assert_eq!(
            dom_id("processes.0.heat.imported_tj"),
            "cbam-f-processes-0-heat-imported-tj"
        );
        assert_eq!(next_id("P", ["P1", "P7", "X9", "Pa"].into_iter()), "P8"); // i18n-ok: ids in a test
        assert_eq!(next_id("S", std::iter::empty()), "S1");
    }
}
