//! The form for one activity entry: what (kind and item), where (site), when (period), how
//! much (a quantity with its unit, or money spent for Scope 3), how good the figure is, its
//! evidence and, for electricity, the contractual instruments claimed against it.
//!
//! Inputs are kept as typed text and turned into an `ActivityEntry` only on save; the shell
//! then checks the entry the way the engine will see it (units the kind accepts, instruments
//! that do not exceed the consumption) and answers with field messages.

use std::str::FromStr;

use athar_domain::numerals::normalize_number;
use athar_domain::FieldError;
use athar_inventory::{
    ActivityEntry, ActivityKind, Amount, Combustion, DataQuality, Evidence, Instrument,
    InstrumentKind, Money, Origin, Period,
};
use athar_protocol::activity::{ActivityCatalog, SaveEntryArgs};
use athar_protocol::SaveEntry;
use athar_quantity::{Quantity, Rate, RatioUnit, Unit, VolumeNormalisation};
use leptos::prelude::*;
use leptos::task::spawn_local;
use rust_decimal::Decimal;

use crate::app::use_app;
use crate::components::field::{Errors, Field, FieldErrors, TextInput};
use crate::components::icons::PlusIcon;
use crate::components::selects::CurrencySelect;
use crate::format;
use crate::i18n::t;
use crate::labels::{self, KINDS};
use crate::screens::focus_later;

/// Units the engine accepts for each kind (the first is the default).
// Unit symbols are the same in every language (SI and IEC usage); they are not translated.
pub fn units_for(kind: &str) -> &'static [&'static str] {
    match kind {
        "fuel-stationary" | "fuel-mobile" => {
            &["Nm3", "m3", "L", "t", "kg", "kWh", "MWh", "GJ", "TJ"] // i18n-ok: unit symbols
        }
        "process" => &["t", "kg"],
        "refrigerant" => &["kg", "t"],
        "electricity" => &["kWh", "MWh", "GJ"], // i18n-ok: unit symbols
        "heat" => &["GJ", "MWh", "kWh", "TJ"],  // i18n-ok: unit symbols
        "purchased_goods" | "waste" => &["t", "kg"],
        "upstream_transport" => &["t.km"],
        "business_travel" => &["L", "kWh", "kg"], // i18n-ok: unit symbols
        _ => &["t"],
    }
}

/// Kinds that may be given as money spent (spend-based Scope 3).
fn spend_allowed(kind: &str) -> bool {
    matches!(
        kind,
        "purchased_goods" | "upstream_transport" | "waste" | "business_travel"
    )
}

const TRANSPORT_MODES: &[&str] = &["road", "rail", "sea", "air", "inland-waterway"];
const TRAVEL_MODES: &[&str] = &["air", "rail", "car", "bus", "taxi", "hotel"];
const WASTE_TREATMENTS: &[&str] = &[
    "landfill",
    "incineration",
    "recycling",
    "composting",
    "other",
];
const HEAT_MEDIA: &[&str] = &["steam", "hot-water", "cooling"];

static NEXT_KEY: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);

/// One contractual instrument as typed.
#[derive(Clone, Copy)]
pub struct InstrumentRow {
    key: u64,
    id: RwSignal<String>,
    kind: RwSignal<String>,
    scheme: RwSignal<String>,
    covers: RwSignal<String>,
    covers_unit: RwSignal<String>,
    factor: RwSignal<String>,
    factor_unit: RwSignal<String>,
}

impl InstrumentRow {
    fn new(i: Option<&Instrument>) -> Self {
        let s = |v: &str| RwSignal::new(v.to_string());
        let (kind, scheme) = match i.map(|i| &i.kind) {
            Some(InstrumentKind::Certificate { scheme }) => ("certificate", scheme.as_str()),
            Some(InstrumentKind::Ppa) => ("ppa", ""),
            Some(InstrumentKind::SupplierRate) => ("supplier_rate", ""),
            None => ("certificate", ""),
        };
        InstrumentRow {
            key: NEXT_KEY.fetch_add(1, std::sync::atomic::Ordering::Relaxed),
            id: s(i.map(|i| i.id.as_str()).unwrap_or("")),
            kind: s(kind),
            scheme: s(scheme),
            covers: s(&i
                .and_then(|i| i.covers.as_ref())
                .map(|q| q.value.to_string())
                .unwrap_or_default()),
            covers_unit: s(&i
                .and_then(|i| i.covers.as_ref())
                .map(|q| q.unit.to_string())
                .unwrap_or_else(|| "MWh".into())), // i18n-ok: unit symbols
            factor: s(&i
                .map(|i| i.factor.value.to_string())
                .unwrap_or_else(|| "0".into())),
            factor_unit: s(&i
                .map(|i| i.factor.unit.to_string())
                .unwrap_or_else(|| "kgCO2e/kWh".into())), // i18n-ok: unit symbols
        }
    }

    fn build(&self, n: usize, errs: &mut Vec<FieldError>) -> Option<Instrument> {
        let field = |f: &str| format!("entry.instruments.{n}.{f}");
        let id = self.id.get_untracked().trim().to_string();
        if id.is_empty() {
            errs.push(FieldError::new(field("id"), "v-required"));
        }
        let kind = match self.kind.get_untracked().as_str() {
            "ppa" => InstrumentKind::Ppa,
            "supplier_rate" => InstrumentKind::SupplierRate,
            _ => InstrumentKind::Certificate {
                scheme: self.scheme.get_untracked().trim().to_string(),
            },
        };
        let covers = match decimal(&self.covers.get_untracked()) {
            Ok(None) => None,
            Ok(Some(v)) => Unit::from_str(&self.covers_unit.get_untracked())
                .ok()
                .map(|u| Quantity::new(v, u)),
            Err(()) => {
                errs.push(FieldError::new(field("covers"), "v-number"));
                None
            }
        };
        let factor = match (
            decimal(&self.factor.get_untracked()),
            RatioUnit::from_str(&self.factor_unit.get_untracked()),
        ) {
            (Ok(Some(v)), Ok(u)) => Some(Rate::new(v, u)),
            (Ok(None), _) => {
                errs.push(FieldError::new(field("factor"), "v-required"));
                None
            }
            (Err(()), _) => {
                errs.push(FieldError::new(field("factor"), "v-number"));
                None
            }
            (_, Err(_)) => {
                errs.push(
                    FieldError::new(field("factor"), "v-factor-unit")
                        .arg("unit", self.factor_unit.get_untracked()),
                );
                None
            }
        };
        Some(Instrument {
            id,
            kind,
            covers,
            factor: factor?,
            evidence: None,
        })
    }
}

/// A decimal typed with Western or Eastern digits; `Ok(None)` when empty.
fn decimal(s: &str) -> Result<Option<Decimal>, ()> {
    let s = normalize_number(s);
    if s.is_empty() {
        return Ok(None);
    }
    Decimal::from_str(&s).map(Some).map_err(|_| ())
}

/// A date typed as YYYY-MM-DD (Eastern digits accepted).
fn date(s: &str) -> Option<time::Date> {
    let s = athar_domain::numerals::to_ascii_digits(s.trim());
    time::Date::parse(
        &s,
        time::macros::format_description!("[year]-[month]-[day]"),
    )
    .ok()
}

/// The entry as typed, one signal per input.
#[derive(Clone, Copy)]
pub struct EntryDraft {
    original_id: RwSignal<Option<String>>,
    origin: RwSignal<Origin>,
    id: RwSignal<String>,
    site: RwSignal<String>,
    from: RwSignal<String>,
    to: RwSignal<String>,
    kind: RwSignal<String>,
    item: RwSignal<String>,
    treatment: RwSignal<String>,
    spend: RwSignal<bool>,
    value: RwSignal<String>,
    unit: RwSignal<String>,
    currency: RwSignal<String>,
    normal_per_metered: RwSignal<String>,
    normal_basis: RwSignal<String>,
    quality: RwSignal<String>,
    document: RwSignal<String>,
    page: RwSignal<String>,
    instruments: RwSignal<Vec<InstrumentRow>>,
    errors: Errors,
    busy: RwSignal<bool>,
    /// Instrument rows are created from click handlers whose owner (a table row) goes away
    /// when the form opens; they belong to the screen that owns the draft instead.
    owner: StoredValue<Option<Owner>>,
}

impl EntryDraft {
    pub fn new() -> Self {
        let s = || RwSignal::new(String::new());
        EntryDraft {
            original_id: RwSignal::new(None),
            origin: RwSignal::new(Origin::Manual),
            id: s(),
            site: s(),
            from: s(),
            to: s(),
            kind: RwSignal::new("fuel-stationary".into()),
            item: s(),
            treatment: RwSignal::new("landfill".into()),
            spend: RwSignal::new(false),
            value: s(),
            unit: RwSignal::new("Nm3".into()), // i18n-ok: unit symbols
            currency: RwSignal::new("EGP".into()),
            normal_per_metered: s(),
            normal_basis: s(),
            quality: RwSignal::new("measured".into()),
            document: s(),
            page: s(),
            instruments: RwSignal::new(Vec::new()),
            errors: RwSignal::new(Vec::new()),
            busy: RwSignal::new(false),
            owner: StoredValue::new(Owner::current()),
        }
    }

    fn instrument_row(&self, i: Option<&Instrument>) -> InstrumentRow {
        match self.owner.get_value() {
            Some(owner) => owner.with(|| InstrumentRow::new(i)),
            None => InstrumentRow::new(i),
        }
    }

    /// A blank entry for the first site, this month.
    pub fn reset(&self, catalog: &ActivityCatalog) {
        self.load(&ActivityEntry {
            id: String::new(),
            site: catalog.sites.first().cloned().unwrap_or_default(),
            period: Period::new(time::Date::MIN, time::Date::MIN),
            amount: Amount::Quantity(Quantity::new(Decimal::ZERO, Unit::NormalCubicMetre)),
            origin: Origin::Manual,
            evidence: None,
            quality: DataQuality::Measured,
            activity: ActivityKind::Fuel {
                fuel: "natural-gas".into(),
                combustion: Combustion::Stationary,
                normalisation: None,
            },
            factor: None,
        });
        self.original_id.set(None);
        self.from.set(String::new());
        self.to.set(String::new());
        self.value.set(String::new());
        self.id.set(format!("M-{}", format::stamp()));
    }

    pub fn load(&self, e: &ActivityEntry) {
        self.original_id.set(Some(e.id.clone()));
        self.origin.set(e.origin.clone());
        self.id.set(e.id.clone());
        self.site.set(e.site.clone());
        self.from.set(e.period.from.to_string());
        self.to.set(e.period.to.to_string());
        self.kind.set(labels::kind_code(&e.activity).to_string());
        let (item, treatment) = match &e.activity {
            ActivityKind::Fuel { fuel, .. } => (fuel.clone(), None),
            ActivityKind::Process { activity } => (activity.clone(), None),
            ActivityKind::Refrigerant { gas } => (gas.clone(), None),
            ActivityKind::Electricity { .. } => (String::new(), None),
            ActivityKind::Heat { medium } => (medium.clone(), None),
            ActivityKind::PurchasedGoods { material } => (material.clone(), None),
            ActivityKind::UpstreamTransport { mode } => (mode.clone(), None),
            ActivityKind::Waste {
                waste_type,
                treatment,
            } => (waste_type.clone(), Some(treatment.clone())),
            ActivityKind::BusinessTravel { mode } => (mode.clone(), None),
        };
        self.item.set(item);
        self.treatment
            .set(treatment.unwrap_or_else(|| "landfill".into()));
        match &e.amount {
            Amount::Quantity(q) => {
                self.spend.set(false);
                self.value.set(q.value.to_string());
                self.unit.set(q.unit.to_string());
            }
            Amount::Spend(m) => {
                self.spend.set(true);
                self.value.set(m.amount.to_string());
                self.currency.set(m.currency.clone());
            }
        }
        let norm = match &e.activity {
            ActivityKind::Fuel {
                normalisation: Some(n),
                ..
            } => Some(n.clone()),
            _ => None,
        };
        self.normal_per_metered.set(
            norm.as_ref()
                .map(|n| n.normal_per_metered.to_string())
                .unwrap_or_default(),
        );
        self.normal_basis
            .set(norm.map(|n| n.basis).unwrap_or_default());
        self.quality.set(
            match e.quality {
                DataQuality::Measured => "measured",
                DataQuality::Calculated => "calculated",
                DataQuality::Estimated => "estimated",
            }
            .into(),
        );
        self.document.set(
            e.evidence
                .as_ref()
                .map(|ev| ev.document_id.clone())
                .unwrap_or_default(),
        );
        self.page.set(
            e.evidence
                .as_ref()
                .and_then(|ev| ev.page)
                .map(|p| p.to_string())
                .unwrap_or_default(),
        );
        self.instruments.set(match &e.activity {
            ActivityKind::Electricity { instruments } => instruments
                .iter()
                .map(|i| self.instrument_row(Some(i)))
                .collect(),
            _ => Vec::new(),
        });
        self.errors.set(Vec::new());
    }

    fn build(&self) -> Result<ActivityEntry, Vec<FieldError>> {
        let mut errs = Vec::new();
        let from = date(&self.from.get_untracked());
        let to = date(&self.to.get_untracked());
        if from.is_none() {
            errs.push(FieldError::new("entry.period_from", "v-date"));
        }
        if to.is_none() {
            errs.push(FieldError::new("entry.period_to", "v-date"));
        }
        if let (Some(f), Some(t)) = (from, to) {
            if t < f {
                errs.push(FieldError::new("entry.period_to", "v-period-order"));
            }
        }
        let kind = self.kind.get_untracked();
        let item = self.item.get_untracked().trim().to_string();
        let spend = self.spend.get_untracked() && spend_allowed(&kind);
        let value = match decimal(&self.value.get_untracked()) {
            Ok(Some(v)) if v < Decimal::ZERO => {
                errs.push(FieldError::new("entry.amount", "v-negative"));
                None
            }
            Ok(Some(v)) => Some(v),
            Ok(None) => {
                errs.push(FieldError::new("entry.amount", "v-required"));
                None
            }
            Err(()) => {
                errs.push(FieldError::new("entry.amount", "v-number"));
                None
            }
        };
        let unit = Unit::from_str(&self.unit.get_untracked()).ok();
        let normalisation = if !spend && unit == Some(Unit::CubicMetre) && kind.starts_with("fuel")
        {
            match decimal(&self.normal_per_metered.get_untracked()) {
                Ok(Some(v)) => {
                    match VolumeNormalisation::new(v, self.normal_basis.get_untracked().trim()) {
                        Ok(n) => Some(n),
                        Err(_) => {
                            errs.push(FieldError::new("entry.normalisation", "v-positive"));
                            None
                        }
                    }
                }
                Ok(None) => None,
                Err(()) => {
                    errs.push(FieldError::new("entry.normalisation", "v-number"));
                    None
                }
            }
        } else {
            None
        };
        let instruments: Vec<Instrument> = if kind == "electricity" {
            self.instruments.with_untracked(|rows| {
                rows.iter()
                    .enumerate()
                    .filter_map(|(n, r)| r.build(n, &mut errs))
                    .collect()
            })
        } else {
            Vec::new()
        };
        let activity = match kind.as_str() {
            "fuel-stationary" | "fuel-mobile" => ActivityKind::Fuel {
                fuel: item,
                combustion: if kind == "fuel-mobile" {
                    Combustion::Mobile
                } else {
                    Combustion::Stationary
                },
                normalisation,
            },
            "process" => ActivityKind::Process { activity: item },
            "refrigerant" => ActivityKind::Refrigerant { gas: item },
            "electricity" => ActivityKind::Electricity { instruments },
            "heat" => ActivityKind::Heat { medium: item },
            "purchased_goods" => ActivityKind::PurchasedGoods { material: item },
            "upstream_transport" => ActivityKind::UpstreamTransport { mode: item },
            "waste" => ActivityKind::Waste {
                waste_type: item,
                treatment: self.treatment.get_untracked(),
            },
            _ => ActivityKind::BusinessTravel { mode: item },
        };
        let page =
            match athar_domain::validation::parse_count("entry.page", &self.page.get_untracked()) {
                Ok(p) => p,
                Err(e) => {
                    errs.push(e);
                    None
                }
            };
        let document = self.document.get_untracked().trim().to_string();
        if !errs.is_empty() {
            return Err(errs);
        }
        let (Some(from), Some(to), Some(value)) = (from, to, value) else {
            return Err(errs);
        };
        let amount = if spend {
            Amount::Spend(Money::new(value, self.currency.get_untracked()))
        } else {
            Amount::Quantity(Quantity::new(value, unit.unwrap_or(Unit::Tonne)))
        };
        Ok(ActivityEntry {
            id: self.id.get_untracked().trim().to_string(),
            site: self.site.get_untracked().trim().to_string(),
            period: Period::new(from, to),
            amount,
            origin: self.origin.get_untracked(),
            evidence: (!document.is_empty()).then_some(Evidence {
                document_id: document,
                page,
            }),
            quality: match self.quality.get_untracked().as_str() {
                "calculated" => DataQuality::Calculated,
                "estimated" => DataQuality::Estimated,
                _ => DataQuality::Measured,
            },
            activity,
            factor: None,
        })
    }
}

/// A `<select>` over `options` (code, label), bound to `value`.
#[component]
fn Choice(
    value: RwSignal<String>,
    #[prop(into)] options: Signal<Vec<(String, String)>>,
    #[prop(into)] id: String,
) -> impl IntoView {
    view! {
        <select
            id=id
            class="input select"
            on:change=move |ev| value.set(event_target_value(&ev))
        >
            <For
                each=move || options.get()
                key=|o| o.clone()
                children=move |(code, label)| {
                    let c = code.clone();
                    view! {
                        <option value=code selected=move || value.get() == c>
                            {label}
                        </option>
                    }
                }
            />
        </select>
    }
}

#[component]
pub fn EntryForm(
    draft: EntryDraft,
    catalog: RwSignal<ActivityCatalog>,
    on_done: impl Fn() + Copy + Send + Sync + 'static,
    on_cancel: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let ctx = use_app();
    let errors = draft.errors;
    let kind = draft.kind;
    // A kind that changes resets the unit to one it accepts.
    Effect::new(move |prev: Option<String>| {
        let k = kind.get();
        if prev.as_ref().is_some_and(|p| *p != k) {
            draft.unit.set(units_for(&k)[0].to_string());
            draft.item.set(String::new());
            if !spend_allowed(&k) {
                draft.spend.set(false);
            }
        }
        k
    });
    let kinds = Signal::derive(move || {
        ctx.i18n.lang();
        KINDS
            .iter()
            .map(|(c, k)| (c.to_string(), t(k)))
            .collect::<Vec<_>>()
    });
    let units = Signal::derive(move || {
        units_for(&kind.get())
            .iter()
            .map(|u| (u.to_string(), u.to_string()))
            .collect::<Vec<_>>()
    });
    let qualities = Signal::derive(move || {
        ["measured", "calculated", "estimated"]
            .iter()
            .map(|q| (q.to_string(), t(&format!("quality-{q}"))))
            .collect::<Vec<_>>()
    });
    let items = Signal::derive(move || {
        ctx.i18n.lang();
        let c = catalog.get();
        let named = |v: &[String], f: &dyn Fn(&str) -> String| {
            v.iter().map(|x| (x.clone(), f(x))).collect::<Vec<_>>()
        };
        let fixed = |v: &[&str], prefix: &str| {
            v.iter()
                .map(|x| (x.to_string(), t(&format!("{prefix}-{x}"))))
                .collect::<Vec<_>>()
        };
        match kind.get().as_str() {
            "fuel-stationary" | "fuel-mobile" => named(&c.fuels, &labels::fuel_label),
            "process" => named(&c.processes, &labels::process_label),
            "refrigerant" => named(&c.gases, &|g| g.to_string()),
            "upstream_transport" => fixed(TRANSPORT_MODES, "transport"),
            "business_travel" => fixed(TRAVEL_MODES, "travel"),
            "heat" => fixed(HEAT_MEDIA, "heat"),
            _ => Vec::new(),
        }
    });
    // Kinds whose item is free text (with suggestions) rather than a list.
    let free_item = move || matches!(kind.get().as_str(), "purchased_goods" | "waste");
    let suggestions = move || {
        let key = match kind.get().as_str() {
            "purchased_goods" => "material",
            _ => "waste",
        };
        catalog.with(|c| c.scope3_items.get(key).cloned().unwrap_or_default())
    };
    let treatments = Signal::derive(move || {
        ctx.i18n.lang();
        WASTE_TREATMENTS
            .iter()
            .map(|x| (x.to_string(), t(&format!("waste-treatment-{x}"))))
            .collect::<Vec<_>>()
    });
    let sites = move || catalog.with(|c| c.sites.clone());

    let save = move || {
        if draft.busy.get_untracked() {
            return;
        }
        let entry = match draft.build() {
            Ok(e) => e,
            Err(errs) => {
                errors.set(errs);
                focus_later("#entry-form [aria-invalid=true]");
                return;
            }
        };
        errors.set(Vec::new());
        draft.busy.set(true);
        let args = SaveEntryArgs {
            original_id: draft.original_id.get_untracked(),
            entry,
        };
        spawn_local(async move {
            let r = ctx.invoke::<SaveEntry>(args).await;
            draft.busy.set(false);
            match r {
                Ok(_) => on_done(),
                Err(e) => {
                    errors.set(e.fields);
                    focus_later("#entry-form [aria-invalid=true]");
                }
            }
        });
    };
    let is_new = move || draft.original_id.with(Option::is_none);

    view! {
        <div class="screen-head">
            <div>
                <h1 class="screen-title">
                    {move || if is_new() { t("entry-new-title") } else { t("entry-edit-title") }}
                </h1>
                <p class="screen-lead">{move || t("entry-lead")}</p>
            </div>
        </div>
        <form
            id="entry-form"
            class="card form-section stack"
            novalidate
            on:submit=move |ev| {
                ev.prevent_default();
                save();
            }
        >
            <div class="field-grid three">
                <Field label="field-entry-kind" field="entry.kind" errors input_id="entry-kind">
                    <Choice value=kind options=kinds id="entry-kind" />
                </Field>
                <Field label="field-entry-item" field="entry.item" errors input_id="entry-item">
                    <Show
                        when=free_item
                        fallback=move || {
                            view! { <Choice value=draft.item options=items id="entry-item" /> }
                        }
                    >
                        <TextInput
                            value=draft.item
                            errors
                            field="entry.item"
                            {..}
                            id="entry-item"
                            type="text"
                            dir="auto"
                            list="entry-item-suggestions"
                        />
                        <datalist id="entry-item-suggestions">
                            {move || {
                                suggestions()
                                    .into_iter()
                                    .map(|s| view! { <option value=s></option> })
                                    .collect_view()
                            }}
                        </datalist>
                    </Show>
                </Field>
                <Show when=move || kind.get() == "waste">
                    <Field
                        label="field-entry-treatment"
                        field="entry.treatment"
                        errors
                        input_id="entry-treatment"
                    >
                        <Choice value=draft.treatment options=treatments id="entry-treatment" />
                    </Field>
                </Show>
            </div>
            <div class="field-grid three">
                <Field label="field-entry-id" field="entry.id" errors input_id="entry-id">
                    <TextInput
                        value=draft.id
                        errors
                        field="entry.id"
                        {..}
                        id="entry-id"
                        type="text"
                        dir="ltr"
                        spellcheck="false"
                    />
                </Field>
                <Field label="field-entry-site" field="entry.site" errors input_id="entry-site">
                    <TextInput
                        value=draft.site
                        errors
                        field="entry.site"
                        {..}
                        id="entry-site"
                        type="text"
                        dir="auto"
                        list="entry-sites"
                    />
                    <datalist id="entry-sites">
                        {move || {
                            sites()
                                .into_iter()
                                .map(|s| view! { <option value=s></option> })
                                .collect_view()
                        }}
                    </datalist>
                </Field>
                <Field
                    label="field-entry-quality"
                    field="entry.quality"
                    errors
                    input_id="entry-quality"
                >
                    <Choice value=draft.quality options=qualities id="entry-quality" />
                </Field>
            </div>
            <div class="field-grid three">
                <Field
                    label="field-entry-from"
                    field="entry.period_from"
                    errors
                    input_id="entry-from"
                    hint="date-hint"
                >
                    <TextInput
                        value=draft.from
                        errors
                        field="entry.period_from"
                        {..}
                        id="entry-from"
                        type="text"
                        dir="ltr"
                        inputmode="numeric"
                        placeholder="YYYY-MM-DD"
                    />
                </Field>
                <Field
                    label="field-entry-to"
                    field="entry.period_to"
                    errors
                    input_id="entry-to"
                    hint="date-hint"
                >
                    <TextInput
                        value=draft.to
                        errors
                        field="entry.period_to"
                        {..}
                        id="entry-to"
                        type="text"
                        dir="ltr"
                        inputmode="numeric"
                        placeholder="YYYY-MM-DD"
                    />
                </Field>
            </div>
            <Show when=move || spend_allowed(&kind.get())>
                <fieldset class="radio-row">
                    <legend class="field-label">{move || t("field-entry-basis")}</legend>
                    <label class="check">
                        <input
                            type="radio"
                            name="entry-basis"
                            id="entry-basis-quantity"
                            prop:checked=move || !draft.spend.get()
                            on:change=move |_| draft.spend.set(false)
                        />
                        <span>{move || t("entry-basis-quantity")}</span>
                    </label>
                    <label class="check">
                        <input
                            type="radio"
                            name="entry-basis"
                            id="entry-basis-spend"
                            prop:checked=move || draft.spend.get()
                            on:change=move |_| draft.spend.set(true)
                        />
                        <span>{move || t("entry-basis-spend")}</span>
                    </label>
                </fieldset>
            </Show>
            <div class="field-grid three">
                <Field label="field-entry-amount" field="entry.amount" errors input_id="entry-value">
                    <TextInput
                        value=draft.value
                        errors
                        field="entry.amount"
                        {..}
                        id="entry-value"
                        type="text"
                        dir="ltr"
                        inputmode="decimal"
                    />
                </Field>
                <Show
                    when=move || draft.spend.get() && spend_allowed(&kind.get())
                    fallback=move || {
                        view! {
                            <Field
                                label="field-entry-unit"
                                field="entry.unit"
                                errors
                                input_id="entry-unit"
                            >
                                <Choice value=draft.unit options=units id="entry-unit" />
                            </Field>
                        }
                    }
                >
                    <Field
                        label="field-entry-currency"
                        field="entry.currency"
                        errors
                        input_id="entry-currency"
                    >
                        <CurrencySelect
                            value=draft.currency
                            errors
                            field="entry.currency"
                            {..}
                            id="entry-currency"
                        />
                    </Field>
                </Show>
            </div>
            <Show when=move || {
                kind.get().starts_with("fuel") && draft.unit.get() == "m3" && !draft.spend.get()
            }>
                <div class="field-grid two">
                    <Field
                        label="field-entry-normalisation"
                        field="entry.normalisation"
                        errors
                        input_id="entry-normalisation"
                        hint="normalisation-hint"
                    >
                        <TextInput
                            value=draft.normal_per_metered
                            errors
                            field="entry.normalisation"
                            {..}
                            id="entry-normalisation"
                            type="text"
                            dir="ltr"
                            inputmode="decimal"
                        />
                    </Field>
                    <Field
                        label="field-entry-normalisation-basis"
                        field="entry.normalisation_basis"
                        errors
                        input_id="entry-normalisation-basis"
                    >
                        <TextInput
                            value=draft.normal_basis
                            errors
                            field="entry.normalisation_basis"
                            {..}
                            id="entry-normalisation-basis"
                            type="text"
                            dir="auto"
                        />
                    </Field>
                </div>
            </Show>
            <Show when=move || kind.get() == "electricity">
                <InstrumentsEditor draft />
            </Show>
            <div class="field-grid three">
                <Field
                    label="field-entry-document"
                    field="entry.document"
                    errors
                    input_id="entry-document"
                >
                    <TextInput
                        value=draft.document
                        errors
                        field="entry.document"
                        {..}
                        id="entry-document"
                        type="text"
                        dir="ltr"
                    />
                </Field>
                <Field label="field-entry-page" field="entry.page" errors input_id="entry-page">
                    <TextInput
                        value=draft.page
                        errors
                        field="entry.page"
                        {..}
                        id="entry-page"
                        type="text"
                        dir="ltr"
                        inputmode="numeric"
                    />
                </Field>
            </div>
            <div class="form-actions">
                <button
                    type="button"
                    class="btn btn-ghost"
                    id="entry-cancel"
                    on:click=move |_| on_cancel()
                >
                    {move || t("action-cancel")}
                </button>
                <button
                    type="submit"
                    class="btn btn-primary"
                    id="entry-save"
                    prop:disabled=move || draft.busy.get()
                >
                    {move || t("action-save")}
                </button>
            </div>
        </form>
    }
}

#[component]
fn InstrumentsEditor(draft: EntryDraft) -> impl IntoView {
    let errors = draft.errors;
    let add = move |_| {
        let row = draft.instrument_row(None);
        draft.instruments.update(|v| v.push(row));
    };
    view! {
        <section class="sub-section" id="entry-instruments">
            <div class="card-head-row">
                <div>
                    <h3 class="section-title">{move || t("instruments-title")}</h3>
                    <p class="section-note">{move || t("instruments-note")}</p>
                </div>
                <button type="button" class="btn btn-small" id="instrument-add" on:click=add>
                    <PlusIcon />
                    <span>{move || t("instruments-add")}</span>
                </button>
            </div>
            <FieldErrors errors field="entry.instruments" />
            <ForEnumerate
                each=move || draft.instruments.get()
                key=|r| r.key
                children=move |index, row| {
                    let f = move |name: &str| format!("entry.instruments.{}.{name}", index.get());
                    let kinds = Signal::derive(move || {
                        ["certificate", "ppa", "supplier_rate"]
                            .iter()
                            .map(|k| (k.to_string(), t(&format!("instrument-{k}"))))
                            .collect::<Vec<_>>()
                    });
                    view! {
                        <div class="row-card instrument-row">
                            <div class="field-grid three">
                                <Field label="field-instrument-kind" field=Signal::derive(move || f("kind")) errors>
                                    <Choice value=row.kind options=kinds id=format!("instrument-kind-{}", row.key) />
                                </Field>
                                <Field label="field-instrument-id" field=Signal::derive(move || f("id")) errors>
                                    <TextInput value=row.id errors field=Signal::derive(move || f("id")) {..} type="text" dir="ltr" class="input instrument-id" />
                                </Field>
                                <Show when=move || row.kind.get() == "certificate">
                                    <Field label="field-instrument-scheme" field=Signal::derive(move || f("scheme")) errors>
                                        <TextInput value=row.scheme errors field=Signal::derive(move || f("scheme")) {..} type="text" dir="ltr" list="cert-schemes" />
                                        <datalist id="cert-schemes">
                                            <option value="I-REC"></option>
                                            <option value="GO"></option>
                                            <option value="REGO"></option>
                                        </datalist>
                                    </Field>
                                </Show>
                            </div>
                            <div class="field-grid three">
                                <Field label="field-instrument-covers" field=Signal::derive(move || f("covers")) errors hint="instrument-covers-hint">
                                    <TextInput value=row.covers errors field=Signal::derive(move || f("covers")) {..} type="text" dir="ltr" inputmode="decimal" class="input instrument-covers" />
                                </Field>
                                <Field label="field-entry-unit" field=Signal::derive(move || f("covers_unit")) errors>
                                    <Choice
                                        value=row.covers_unit
                                        options=Signal::derive(|| ["MWh", "kWh", "GJ"].iter().map(|u| (u.to_string(), u.to_string())).collect::<Vec<_>>()) // i18n-ok: unit symbols
                                        id=format!("instrument-covers-unit-{}", row.key)
                                    />
                                </Field>
                                <Field label="field-instrument-factor" field=Signal::derive(move || f("factor")) errors hint="instrument-factor-hint">
                                    <div class="inline-row">
                                        <TextInput value=row.factor errors field=Signal::derive(move || f("factor")) {..} type="text" dir="ltr" inputmode="decimal" class="input instrument-factor" />
                                        <Choice
                                            value=row.factor_unit
                                            options=Signal::derive(|| ["kgCO2e/kWh", "tCO2e/MWh", "gCO2e/kWh"].iter().map(|u| (u.to_string(), u.to_string())).collect::<Vec<_>>()) // i18n-ok: unit symbols
                                            id=format!("instrument-factor-unit-{}", row.key)
                                        />
                                    </div>
                                </Field>
                            </div>
                            <button
                                type="button"
                                class="btn btn-small btn-ghost instrument-remove"
                                on:click=move |_| {
                                    draft.instruments.update(|v| v.retain(|r| r.key != row.key));
                                    errors.update(|es| es.retain(|e| !e.field.starts_with("entry.instruments.")));
                                }
                            >
                                {move || t("action-remove")}
                            </button>
                        </div>
                    }
                }
            />
        </section>
    }
}
