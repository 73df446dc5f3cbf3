//! The company's own factors: a supplier's product footprint, the NCV printed on a gas bill,
//! a freight forwarder's factor per t.km, spend factors for purchases. The shipped packs have
//! none of these, so Scope 3 lines need them; results cite them as `company/<id>@<version>`,
//! and a change adds a version instead of overwriting the one old results used.

use std::str::FromStr;

use athar_domain::numerals::normalize_number;
use athar_domain::FieldError;
use athar_factors::{FactorRow, GwpBasis, RatioUnit};
use athar_inventory::{SourceKind, SpendFactor};
use athar_protocol::activity::{CompanyFactors, FactorIdArgs, SaveFactorArgs, SaveSpendFactorArgs};
use athar_protocol::{
    DeleteCompanyFactor, ListCompanyFactors, NoArgs, SaveCompanyFactor, SaveSpendFactor,
};
use athar_quantity::Unit;
use leptos::prelude::*;
use leptos::task::spawn_local;
use rust_decimal::Decimal;

use crate::app::use_app;
use crate::components::field::{Errors, Field, TextInput};
use crate::components::icons::PlusIcon;
use crate::components::selects::CurrencySelect;
use crate::i18n::t;
use crate::screens::focus_later;

/// The factor being edited, as typed. One form serves both kinds.
#[derive(Clone, Copy)]
struct FactorDraft {
    spend: RwSignal<bool>,
    original_id: RwSignal<Option<String>>,
    id: RwSignal<String>,
    activity: RwSignal<String>,
    parameter: RwSignal<String>,
    region: RwSignal<String>,
    value: RwSignal<String>,
    unit: RwSignal<String>,
    currency: RwSignal<String>,
    gwp_basis: RwSignal<String>,
    source: RwSignal<String>,
    source_ref: RwSignal<String>,
    notes: RwSignal<String>,
    errors: Errors,
}

impl FactorDraft {
    fn new() -> Self {
        let s = |v: &str| RwSignal::new(v.to_string());
        FactorDraft {
            spend: RwSignal::new(false),
            original_id: RwSignal::new(None),
            id: s(""),
            activity: s(""),
            parameter: s("ef"),
            region: s("WORLD"),
            value: s(""),
            unit: s("tCO2e/t"),
            currency: s("EGP"),
            gwp_basis: s("AR5"),
            source: s(""),
            source_ref: s(""),
            notes: s(""),
            errors: RwSignal::new(Vec::new()),
        }
    }

    fn reset(&self, spend: bool) {
        let fresh = FactorDraft::new();
        self.spend.set(spend);
        self.original_id.set(None);
        for (a, b) in [
            (self.id, fresh.id),
            (self.activity, fresh.activity),
            (self.parameter, fresh.parameter),
            (self.region, fresh.region),
            (self.value, fresh.value),
            (self.unit, fresh.unit),
            (self.gwp_basis, fresh.gwp_basis),
            (self.source, fresh.source),
            (self.source_ref, fresh.source_ref),
            (self.notes, fresh.notes),
        ] {
            a.set(b.get_untracked());
        }
        if spend {
            self.unit.set("kg".into());
        }
        self.errors.set(Vec::new());
    }

    fn load_row(&self, r: &FactorRow) {
        self.spend.set(false);
        self.original_id.set(Some(r.id.clone()));
        self.id.set(r.id.clone());
        self.activity.set(r.activity.clone());
        self.parameter.set(r.parameter.clone());
        self.region.set(r.region.clone());
        self.value.set(r.value.to_string());
        self.unit.set(r.unit.to_string());
        self.gwp_basis.set(r.gwp_basis.as_str().to_string());
        self.source.set(r.source.clone());
        self.source_ref.set(r.source_ref.clone());
        self.notes.set(r.notes.clone());
        self.errors.set(Vec::new());
    }

    fn load_spend(&self, f: &SpendFactor) {
        self.spend.set(true);
        self.original_id.set(Some(f.id.clone()));
        self.id.set(f.id.clone());
        self.activity.set(f.activity.clone());
        self.region.set(f.region.clone());
        self.value.set(f.value.to_string());
        self.unit.set(f.mass_unit.to_string());
        self.currency.set(f.currency.clone());
        self.gwp_basis.set(f.gwp_basis.as_str().to_string());
        self.source.set(f.source.clone());
        self.source_ref.set(f.source_ref.clone());
        self.notes.set(f.notes.clone());
        self.errors.set(Vec::new());
    }

    fn value(&self, errs: &mut Vec<FieldError>) -> Decimal {
        match Decimal::from_str(&normalize_number(&self.value.get_untracked())) {
            Ok(v) if v >= Decimal::ZERO => v,
            Ok(_) => {
                errs.push(FieldError::new("factor.value", "v-negative"));
                Decimal::ZERO
            }
            Err(_) => {
                errs.push(FieldError::new("factor.value", "v-number"));
                Decimal::ZERO
            }
        }
    }

    fn gwp(&self) -> GwpBasis {
        GwpBasis::from_str(&self.gwp_basis.get_untracked()).unwrap_or(GwpBasis::Unstated)
    }

    fn build_row(&self) -> Result<FactorRow, Vec<FieldError>> {
        let mut errs = Vec::new();
        let value = self.value(&mut errs);
        let unit = RatioUnit::from_str(self.unit.get_untracked().trim()).map_err(|_| {
            FieldError::new("factor.unit", "v-factor-unit").arg("unit", self.unit.get_untracked())
        });
        let unit = match unit {
            Ok(u) => Some(u),
            Err(e) => {
                errs.push(e);
                None
            }
        };
        let (Some(unit), true) = (unit, errs.is_empty()) else {
            return Err(errs);
        };
        let gas = if self.parameter.get_untracked() == "ef" {
            unit.numerator
                .substance
                .clone()
                .unwrap_or_else(|| "CO2e".to_string())
        } else {
            "n.a.".to_string()
        };
        Ok(FactorRow {
            id: self.id.get_untracked().trim().to_string(),
            pack: String::new(),
            version: String::new(),
            activity: self.activity.get_untracked().trim().to_string(),
            parameter: self.parameter.get_untracked(),
            route: None,
            region: self.region.get_untracked().trim().to_ascii_uppercase(),
            valid_from: None,
            valid_to: None,
            value,
            unit,
            gas,
            gwp_basis: if self.parameter.get_untracked() == "ef" {
                self.gwp()
            } else {
                GwpBasis::NotApplicable
            },
            source: self.source.get_untracked().trim().to_string(),
            source_ref: self.source_ref.get_untracked().trim().to_string(),
            licence: "company data".to_string(),
            notes: self.notes.get_untracked().trim().to_string(),
        })
    }

    fn build_spend(&self) -> Result<SpendFactor, Vec<FieldError>> {
        let mut errs = Vec::new();
        let value = self.value(&mut errs);
        let mass_unit = Unit::from_str(&self.unit.get_untracked()).unwrap_or(Unit::Kilogram);
        if !errs.is_empty() {
            return Err(errs);
        }
        Ok(SpendFactor {
            pack: String::new(),
            id: self.id.get_untracked().trim().to_string(),
            version: String::new(),
            activity: self.activity.get_untracked().trim().to_string(),
            region: self.region.get_untracked().trim().to_ascii_uppercase(),
            value,
            mass_unit,
            currency: self.currency.get_untracked(),
            gwp_basis: self.gwp(),
            source: self.source.get_untracked().trim().to_string(),
            source_ref: self.source_ref.get_untracked().trim().to_string(),
            licence: "company data".to_string(),
            notes: self.notes.get_untracked().trim().to_string(),
            kind: SourceKind::Specific,
        })
    }
}

#[component]
pub fn FactorsScreen() -> impl IntoView {
    let ctx = use_app();
    let list = RwSignal::new(CompanyFactors::default());
    let draft = FactorDraft::new();
    let editing = RwSignal::new(false);
    spawn_local(async move {
        if let Ok(f) = ctx.invoke::<ListCompanyFactors>(NoArgs {}).await {
            list.set(f);
        }
    });
    let save = move || {
        let original_id = draft.original_id.get_untracked();
        let errors = draft.errors;
        if draft.spend.get_untracked() {
            match draft.build_spend() {
                Ok(factor) => spawn_local(async move {
                    match ctx
                        .invoke::<SaveSpendFactor>(SaveSpendFactorArgs {
                            original_id,
                            factor,
                        })
                        .await
                    {
                        Ok(f) => {
                            list.set(f);
                            editing.set(false);
                        }
                        Err(e) => errors.set(e.fields),
                    }
                }),
                Err(e) => errors.set(e),
            }
        } else {
            match draft.build_row() {
                Ok(factor) => spawn_local(async move {
                    match ctx
                        .invoke::<SaveCompanyFactor>(SaveFactorArgs {
                            original_id,
                            factor,
                        })
                        .await
                    {
                        Ok(f) => {
                            list.set(f);
                            editing.set(false);
                        }
                        Err(e) => errors.set(e.fields),
                    }
                }),
                Err(e) => errors.set(e),
            }
        }
        focus_later("#factor-form [aria-invalid=true]");
    };
    let retire = move |id: String| {
        spawn_local(async move {
            if let Ok(f) = ctx.invoke::<DeleteCompanyFactor>(FactorIdArgs { id }).await {
                list.set(f);
            }
        });
    };

    view! {
        <section id="factors-screen" class="screen wide-screen">
            <div class="screen-head">
                <div>
                    <h1 class="screen-title">{move || t("factors-title")}</h1>
                    <p class="screen-lead">{move || t("factors-lead")}</p>
                </div>
                <div class="head-actions">
                    <button type="button" class="btn" id="factor-add-spend" on:click=move |_| { draft.reset(true); editing.set(true); }>
                        <PlusIcon />
                        <span>{move || t("factors-add-spend")}</span>
                    </button>
                    <button type="button" class="btn btn-primary" id="factor-add" on:click=move |_| { draft.reset(false); editing.set(true); }>
                        <PlusIcon />
                        <span>{move || t("factors-add")}</span>
                    </button>
                </div>
            </div>
            <Show when=move || editing.get()>
                <FactorForm draft save cancel=move || editing.set(false) />
            </Show>
            <section class="card">
                <h2 class="card-title">{move || t("factors-rows")}</h2>
                <Show
                    when=move || list.with(|l| !l.factors.is_empty())
                    fallback=move || view! { <p class="empty-note">{move || t("factors-empty")}</p> }
                >
                    <table class="data-table" id="factor-table">
                        <thead>
                            <tr>
                                <th>{move || t("col-id")}</th>
                                <th>{move || t("field-factor-activity")}</th>
                                <th>{move || t("field-factor-region")}</th>
                                <th class="num">{move || t("field-factor-value")}</th>
                                <th>{move || t("field-factor-source")}</th>
                                <th></th>
                            </tr>
                        </thead>
                        <tbody>
                            <For
                                each=move || list.get().factors
                                key=|r| (r.id.clone(), r.version.clone())
                                children=move |r| {
                                    let row = r.clone();
                                    let id = r.id.clone();
                                    view! {
                                        <tr>
                                            <td class="mono" dir="ltr">{format!("{}@{}", r.id, r.version)}</td>
                                            <td class="mono" dir="ltr">{r.activity.clone()}" · "{r.parameter.clone()}</td>
                                            <td>{r.region.clone()}</td>
                                            <td class="num" dir="ltr">{format!("{} {}", r.value.normalize(), r.unit)}</td>
                                            <td dir="auto">{r.source.clone()}</td>
                                            <td class="actions nowrap">
                                                <button type="button" class="btn btn-small" on:click=move |_| { draft.load_row(&row); editing.set(true); }>{move || t("action-edit")}</button>
                                                <button type="button" class="btn btn-small btn-ghost" on:click=move |_| retire(id.clone())>{move || t("action-delete")}</button>
                                            </td>
                                        </tr>
                                    }
                                }
                            />
                        </tbody>
                    </table>
                </Show>
            </section>
            <section class="card">
                <h2 class="card-title">{move || t("factors-spend")}</h2>
                <Show
                    when=move || list.with(|l| !l.spend.is_empty())
                    fallback=move || view! { <p class="empty-note">{move || t("factors-spend-empty")}</p> }
                >
                    <table class="data-table" id="spend-table">
                        <tbody>
                            <For
                                each=move || list.get().spend
                                key=|f| (f.id.clone(), f.version.clone())
                                children=move |f| {
                                    let factor = f.clone();
                                    let id = f.id.clone();
                                    view! {
                                        <tr>
                                            <td class="mono" dir="ltr">{format!("{}@{}", f.id, f.version)}</td>
                                            <td class="mono" dir="ltr">{f.activity.clone()}</td>
                                            <td>{f.region.clone()}</td>
                                            <td class="num" dir="ltr">{format!("{} {}CO2e/{}", f.value.normalize(), f.mass_unit, f.currency)}</td>
                                            <td dir="auto">{f.source.clone()}</td>
                                            <td class="actions nowrap">
                                                <button type="button" class="btn btn-small" on:click=move |_| { draft.load_spend(&factor); editing.set(true); }>{move || t("action-edit")}</button>
                                                <button type="button" class="btn btn-small btn-ghost" on:click=move |_| retire(id.clone())>{move || t("action-delete")}</button>
                                            </td>
                                        </tr>
                                    }
                                }
                            />
                        </tbody>
                    </table>
                </Show>
            </section>
        </section>
    }
}

#[component]
fn FactorForm(
    draft: FactorDraft,
    save: impl Fn() + Copy + Send + Sync + 'static,
    cancel: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let errors = draft.errors;
    let spend = move || draft.spend.get();
    view! {
        <form
            id="factor-form"
            class="card form-section stack"
            novalidate
            on:submit=move |ev| {
                ev.prevent_default();
                save();
            }
        >
            <h2 class="card-title">
                {move || if spend() { t("factors-spend-form") } else { t("factors-form") }}
            </h2>
            <div class="field-grid three">
                <Field label="field-factor-id" field="factor.id" errors input_id="factor-id">
                    <TextInput value=draft.id errors field="factor.id" {..} id="factor-id" type="text" dir="ltr" />
                </Field>
                <Field label="field-factor-activity" field="factor.activity" errors input_id="factor-activity" hint="factor-activity-hint">
                    <TextInput value=draft.activity errors field="factor.activity" {..} id="factor-activity" type="text" dir="ltr" spellcheck="false" />
                </Field>
                <Field label="field-factor-region" field="factor.region" errors input_id="factor-region" hint="factor-region-hint">
                    <TextInput value=draft.region errors field="factor.region" {..} id="factor-region" type="text" dir="ltr" />
                </Field>
            </div>
            <div class="field-grid three">
                <Show when=move || !spend()>
                    <Field label="field-factor-parameter" field="factor.parameter" errors input_id="factor-parameter">
                        <select id="factor-parameter" class="input select" on:change=move |ev| draft.parameter.set(event_target_value(&ev))>
                            <option value="ef" selected=move || draft.parameter.get() == "ef">{move || t("factor-parameter-ef")}</option>
                            <option value="ncv" selected=move || draft.parameter.get() == "ncv">{move || t("factor-parameter-ncv")}</option>
                        </select>
                    </Field>
                </Show>
                <Field label="field-factor-value" field="factor.value" errors input_id="factor-value">
                    <TextInput value=draft.value errors field="factor.value" {..} id="factor-value" type="text" dir="ltr" inputmode="decimal" />
                </Field>
                <Show
                    when=spend
                    fallback=move || view! {
                        <Field label="field-factor-unit" field="factor.unit" errors input_id="factor-unit" hint="factor-unit-hint">
                            <TextInput value=draft.unit errors field="factor.unit" {..} id="factor-unit" type="text" dir="ltr" spellcheck="false" />
                        </Field>
                    }
                >
                    <Field label="field-factor-currency" field="factor.currency" errors input_id="factor-currency" hint="factor-spend-hint">
                        <CurrencySelect value=draft.currency errors field="factor.currency" {..} id="factor-currency" />
                    </Field>
                </Show>
                <Field label="field-factor-gwp" field="factor.gwp_basis" errors input_id="factor-gwp">
                    <select id="factor-gwp" class="input select" on:change=move |ev| draft.gwp_basis.set(event_target_value(&ev))>
                        {["AR5", "AR6", "unstated"].into_iter().map(|g| view! {
                            <option value=g selected=move || draft.gwp_basis.get() == g>{move || t(&format!("gwp-{}", g.to_ascii_lowercase()))}</option>
                        }).collect_view()}
                    </select>
                </Field>
            </div>
            <div class="field-grid two">
                <Field label="field-factor-source" field="factor.source" errors input_id="factor-source">
                    <TextInput value=draft.source errors field="factor.source" {..} id="factor-source" type="text" dir="auto" />
                </Field>
                <Field label="field-factor-source-ref" field="factor.source_ref" errors input_id="factor-source-ref">
                    <TextInput value=draft.source_ref errors field="factor.source_ref" {..} id="factor-source-ref" type="text" dir="auto" />
                </Field>
            </div>
            <Field label="field-factor-notes" field="factor.notes" errors input_id="factor-notes">
                <TextInput value=draft.notes errors field="factor.notes" {..} id="factor-notes" type="text" dir="auto" />
            </Field>
            <div class="form-actions">
                <button type="button" class="btn btn-ghost" on:click=move |_| cancel()>{move || t("action-cancel")}</button>
                <button type="submit" class="btn btn-primary" id="factor-save">{move || t("action-save")}</button>
            </div>
        </form>
    }
}
