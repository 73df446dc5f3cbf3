//! Bar and column charts drawn with plain elements and CSS: no chart library, no canvas, so
//! they mirror under `dir="rtl"` with the rest of the layout, scale with the text, and every
//! bar is a button that opens the explanation of its figure.

use leptos::prelude::*;
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;

use crate::app::use_app;
use crate::labels;

/// One horizontal bar: a label, a value and the result id it explains (if any).
#[derive(Debug, Clone, PartialEq)]
pub struct Bar {
    pub label: String,
    pub value: Decimal,
    pub id: Option<String>,
}

impl Bar {
    pub fn new(label: String, value: Decimal, id: Option<String>) -> Self {
        Bar { label, value, id }
    }
}

/// `value` as a share of `max`, in percent for a CSS length (layout only; the figure shown is
/// the exact decimal).
fn percent(value: Decimal, max: Decimal) -> f64 {
    if max <= Decimal::ZERO || value <= Decimal::ZERO {
        return 0.0;
    }
    (value / max * Decimal::ONE_HUNDRED)
        .to_f64()
        .unwrap_or(0.0)
        .clamp(0.0, 100.0)
}

#[component]
pub fn BarChart(
    #[prop(into)] bars: Signal<Vec<Bar>>,
    open: impl Fn(String) + Copy + Send + Sync + 'static,
    id: &'static str,
) -> impl IntoView {
    let i18n = use_app().i18n;
    view! {
        <div class="bar-chart" id=id role="list">
            {move || {
                let bars = bars.get();
                let max = bars.iter().map(|b| b.value).max().unwrap_or_default();
                bars.into_iter()
                    .map(|b| {
                        let width = format!("{:.2}%", percent(b.value, max));
                        let value = b.value;
                        let bar_id = b.id.clone();
                        view! {
                            <div class="bar-row" role="listitem">
                                <span class="bar-label">{b.label.clone()}</span>
                                <button
                                    type="button"
                                    class="bar-track"
                                    prop:disabled=bar_id.is_none()
                                    data-result=bar_id.clone().unwrap_or_default()
                                    on:click=move |_| {
                                        if let Some(id) = bar_id.clone() {
                                            open(id);
                                        }
                                    }
                                >
                                    <span class="bar-fill" style:inline-size=width></span>
                                </button>
                                <span class="bar-value" dir="ltr">{move || labels::tonnes(i18n.lang(), value)}</span>
                            </div>
                        }
                    })
                    .collect_view()
            }}
        </div>
    }
}

/// One column of stacked segments: (value, CSS class, result id).
#[derive(Debug, Clone, PartialEq)]
pub struct Column {
    pub label: String,
    pub segments: Vec<(Decimal, &'static str, Option<String>)>,
}

#[component]
pub fn ColumnChart(
    #[prop(into)] columns: Signal<Vec<Column>>,
    open: impl Fn(String) + Copy + Send + Sync + 'static,
    id: &'static str,
) -> impl IntoView {
    let i18n = use_app().i18n;
    view! {
        <div class="column-chart" id=id>
            {move || {
                let cols = columns.get();
                let max = cols
                    .iter()
                    .map(|c| c.segments.iter().map(|s| s.0).sum::<Decimal>())
                    .max()
                    .unwrap_or_default();
                cols.into_iter()
                    .map(|c| {
                        let total: Decimal = c.segments.iter().map(|s| s.0).sum();
                        view! {
                            <div class="column">
                                <div class="column-stack" title=move || labels::tonnes(i18n.lang(), total)>
                                    {c.segments
                                        .into_iter()
                                        .map(|(v, class, rid)| {
                                            let h = format!("{:.2}%", percent(v, max));
                                            view! {
                                                <button
                                                    type="button"
                                                    class=format!("column-seg {class}")
                                                    style:block-size=h
                                                    data-result=rid.clone().unwrap_or_default()
                                                    title=move || labels::tonnes(i18n.lang(), v)
                                                    on:click=move |_| {
                                                        if let Some(id) = rid.clone() {
                                                            open(id);
                                                        }
                                                    }
                                                ></button>
                                            }
                                        })
                                        .collect_view()}
                                </div>
                                <span class="column-label">{c.label}</span>
                            </div>
                        }
                    })
                    .collect_view()
            }}
        </div>
    }
}
