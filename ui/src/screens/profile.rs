//! The company profile form: identity, location, activity, sites and EU customers.
//!
//! Inputs are kept as the text the user typed (so a half-typed number is not lost), and only
//! turned into a `CompanyData` on save, with the same parsers and rules the shell uses. Every
//! problem is shown beside its field under the path `athar-domain` gives it.

use std::sync::atomic::{AtomicU64, Ordering};

use athar_domain::codes::{EU_MEMBER_STATES, HOME_COUNTRIES};
use athar_domain::validation::{parse_count, parse_decimal, parse_year};
use athar_domain::{CompanyData, CompanyProfile, Customer, FieldError, Money, Site, Validate};
use athar_protocol::{SaveProfile, SaveProfileArgs};
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::app::{use_app, AppCtx};
use crate::components::field::{Errors, Field, TextArea, TextInput};
use crate::components::icons::PlusIcon;
use crate::components::selects::{CountrySelect, CurrencySelect};
use crate::format;
use crate::i18n::{t, tf};
use crate::screens::focus_later;

static NEXT_ROW: AtomicU64 = AtomicU64::new(1);

fn next_row() -> u64 {
    NEXT_ROW.fetch_add(1, Ordering::Relaxed)
}

fn text(s: &str) -> RwSignal<String> {
    RwSignal::new(s.to_string())
}

fn opt_text<T: ToString>(v: &Option<T>) -> RwSignal<String> {
    RwSignal::new(v.as_ref().map(T::to_string).unwrap_or_default())
}

/// Pushes a parse error and yields the fallback instead.
fn collect<T>(errs: &mut Vec<FieldError>, r: Result<T, FieldError>, fallback: T) -> T {
    r.unwrap_or_else(|e| {
        errs.push(e);
        fallback
    })
}

#[derive(Clone, Copy)]
pub struct SiteRow {
    key: u64,
    id: Option<i64>,
    name: RwSignal<String>,
    address: RwSignal<String>,
    unlocode: RwSignal<String>,
    latitude: RwSignal<String>,
    longitude: RwSignal<String>,
}

impl SiteRow {
    fn new(s: &Site) -> Self {
        SiteRow {
            key: next_row(),
            id: s.id,
            name: text(&s.name),
            address: text(&s.address),
            unlocode: text(&s.unlocode),
            latitude: opt_text(&s.latitude),
            longitude: opt_text(&s.longitude),
        }
    }

    fn build(&self, i: usize, errs: &mut Vec<FieldError>) -> Site {
        let lat = parse_decimal(
            &format!("sites.{i}.latitude"),
            &self.latitude.get_untracked(),
        );
        let lon = parse_decimal(
            &format!("sites.{i}.longitude"),
            &self.longitude.get_untracked(),
        );
        Site {
            id: self.id,
            name: self.name.get_untracked(),
            address: self.address.get_untracked(),
            unlocode: self.unlocode.get_untracked(),
            latitude: collect(errs, lat, None),
            longitude: collect(errs, lon, None),
        }
    }
}

#[derive(Clone, Copy)]
pub struct CustomerRow {
    key: u64,
    id: Option<i64>,
    name: RwSignal<String>,
    country: RwSignal<String>,
    email: RwSignal<String>,
}

impl CustomerRow {
    fn new(c: &Customer) -> Self {
        CustomerRow {
            key: next_row(),
            id: c.id,
            name: text(&c.name),
            country: text(&c.country),
            email: text(&c.email),
        }
    }

    fn build(&self) -> Customer {
        Customer {
            id: self.id,
            name: self.name.get_untracked(),
            country: self.country.get_untracked(),
            email: self.email.get_untracked(),
        }
    }
}

/// The profile as typed, one signal per input.
#[derive(Clone, Copy)]
pub struct ProfileDraft {
    legal_name_en: RwSignal<String>,
    legal_name_ar: RwSignal<String>,
    legal_form: RwSignal<String>,
    registration_number: RwSignal<String>,
    country: RwSignal<String>,
    city: RwSignal<String>,
    address: RwSignal<String>,
    nace_codes: RwSignal<String>,
    employees: RwSignal<String>,
    turnover: RwSignal<String>,
    turnover_currency: RwSignal<String>,
    reporting_year: RwSignal<String>,
    sites: RwSignal<Vec<SiteRow>>,
    customers: RwSignal<Vec<CustomerRow>>,
    errors: Errors,
    /// When the last save succeeded (milliseconds since the epoch).
    saved_at: RwSignal<Option<f64>>,
    busy: RwSignal<bool>,
    /// Rows created after a save belong to the workspace, like the rows loaded at first.
    owner: StoredValue<Option<Owner>>,
}

impl ProfileDraft {
    pub fn new() -> Self {
        ProfileDraft {
            legal_name_en: text(""),
            legal_name_ar: text(""),
            legal_form: text(""),
            registration_number: text(""),
            country: text(""),
            city: text(""),
            address: text(""),
            nace_codes: text(""),
            employees: text(""),
            turnover: text(""),
            turnover_currency: text(""),
            reporting_year: text(""),
            sites: RwSignal::new(Vec::new()),
            customers: RwSignal::new(Vec::new()),
            errors: RwSignal::new(Vec::new()),
            saved_at: RwSignal::new(None),
            busy: RwSignal::new(false),
            owner: StoredValue::new(Owner::current()),
        }
    }

    fn in_owner<T>(&self, f: impl FnOnce() -> T) -> T {
        match self.owner.get_value() {
            Some(owner) => owner.with(f),
            None => f(),
        }
    }

    /// Replaces everything typed with `d`.
    pub fn load(&self, d: &CompanyData) {
        let p = &d.profile;
        self.legal_name_en.set(p.legal_name_en.clone());
        self.legal_name_ar.set(p.legal_name_ar.clone());
        self.legal_form.set(p.legal_form.clone());
        self.registration_number.set(p.registration_number.clone());
        self.country.set(p.country.clone());
        self.city.set(p.city.clone());
        self.address.set(p.address.clone());
        self.nace_codes.set(p.nace_codes.join(", "));
        self.employees
            .set(p.employees.map(|n| n.to_string()).unwrap_or_default());
        self.turnover.set(
            p.turnover
                .as_ref()
                .map(|m| m.amount.to_string())
                .unwrap_or_default(),
        );
        self.turnover_currency.set(match &p.turnover {
            Some(m) => m.currency.clone(),
            None => format::home_currency(&p.country).to_string(),
        });
        self.reporting_year.set(p.reporting_year.to_string());
        let (sites, customers) = self.in_owner(|| {
            (
                d.sites.iter().map(SiteRow::new).collect::<Vec<_>>(),
                d.customers.iter().map(CustomerRow::new).collect::<Vec<_>>(),
            )
        });
        self.sites.set(sites);
        self.customers.set(customers);
        self.errors.set(Vec::new());
    }

    /// The typed profile as `CompanyData` (normalized), with every problem found.
    fn build(&self) -> (CompanyData, Vec<FieldError>) {
        let mut errs = Vec::new();
        let employees = parse_count("profile.employees", &self.employees.get_untracked());
        let amount = parse_decimal("profile.turnover", &self.turnover.get_untracked());
        let year = parse_year(
            "profile.reporting_year",
            &self.reporting_year.get_untracked(),
        );
        let employees = collect(&mut errs, employees, None);
        let amount = collect(&mut errs, amount, None);
        let reporting_year = collect(&mut errs, year, 0);
        let nace_codes = self
            .nace_codes
            .get_untracked()
            .split([',', ';', '\u{060C}'])
            .map(str::trim)
            .filter(|c| !c.is_empty())
            .map(str::to_string)
            .collect();
        let sites: Vec<Site> = self.sites.with_untracked(|rows| {
            rows.iter()
                .enumerate()
                .map(|(i, r)| r.build(i, &mut errs))
                .collect()
        });
        let customers = self
            .customers
            .with_untracked(|rows| rows.iter().map(CustomerRow::build).collect());
        let data = CompanyData {
            profile: CompanyProfile {
                legal_name_en: self.legal_name_en.get_untracked(),
                legal_name_ar: self.legal_name_ar.get_untracked(),
                legal_form: self.legal_form.get_untracked(),
                registration_number: self.registration_number.get_untracked(),
                country: self.country.get_untracked(),
                city: self.city.get_untracked(),
                address: self.address.get_untracked(),
                nace_codes,
                employees,
                turnover: amount.map(|amount| Money {
                    amount,
                    currency: self.turnover_currency.get_untracked(),
                }),
                reporting_year,
            },
            sites,
            customers,
        }
        .normalized();
        // A field that did not parse has one message: the parse error.
        let unparsed: Vec<String> = errs.iter().map(|e| e.field.clone()).collect();
        errs.extend(
            data.validate()
                .into_iter()
                .filter(|e| !unparsed.contains(&e.field)),
        );
        (data, errs)
    }

    fn save(self, ctx: AppCtx) {
        if self.busy.get_untracked() {
            return;
        }
        let (data, problems) = self.build();
        if !problems.is_empty() {
            self.errors.set(problems);
            self.saved_at.set(None);
            focus_later("#profile-screen [aria-invalid=true]");
            return;
        }
        self.errors.set(Vec::new());
        self.busy.set(true);
        spawn_local(async move {
            let result = ctx.invoke::<SaveProfile>(SaveProfileArgs { data }).await;
            self.busy.set(false);
            match result {
                Ok(open) => {
                    self.load(&open.data);
                    ctx.open.set(Some(open));
                    self.saved_at.set(Some(format::now()));
                }
                Err(e) => {
                    self.errors.set(e.fields);
                    self.saved_at.set(None);
                    focus_later("#profile-screen [aria-invalid=true]");
                }
            }
        });
    }

    fn add_site(&self) {
        let row = self.in_owner(|| SiteRow::new(&Site::default()));
        self.sites.update(|v| v.push(row));
        focus_later(".site-rows > .site-row:last-child .site-name");
    }

    fn remove_site(&self, key: u64) {
        self.sites.update(|v| v.retain(|r| r.key != key));
        // Row numbers shift, so messages about rows would point at the wrong one.
        self.errors
            .update(|es| es.retain(|e| !e.field.starts_with("sites.")));
    }

    fn add_customer(&self) {
        let row = self.in_owner(|| CustomerRow::new(&Customer::default()));
        self.customers.update(|v| v.push(row));
        focus_later(".customer-rows > .customer-row:last-child .customer-name");
    }

    fn remove_customer(&self, key: u64) {
        self.customers.update(|v| v.retain(|r| r.key != key));
        self.errors
            .update(|es| es.retain(|e| !e.field.starts_with("customers.")));
    }
}

const LEGAL_FORMS: &[&str] = &[
    "legal-form-joint-stock",
    "legal-form-llc",
    "legal-form-partnership",
    "legal-form-limited-partnership",
    "legal-form-sole",
    "legal-form-branch",
];

#[component]
pub fn ProfileScreen(draft: ProfileDraft) -> impl IntoView {
    let errors = draft.errors;
    let ctx = use_app();
    let i18n = ctx.i18n;
    let saved = move || {
        draft
            .saved_at
            .get()
            .map(|at| tf("profile-saved", &[("time", format::time(i18n.lang(), at))]))
    };
    // Fields of the profile proper: validation path and input id.
    let p = |name: &str| format!("profile.{name}");

    view! {
        <section id="profile-screen" class="screen wide-screen">
            <div class="screen-head">
                <div>
                    <h1 class="screen-title">{move || t("profile-title")}</h1>
                    <p class="screen-lead">{move || t("profile-lead")}</p>
                </div>
            </div>
            <ProfileSummary />
            <form
                class="profile-form"
                novalidate
                on:submit=move |ev| {
                    ev.prevent_default();
                    draft.save(ctx);
                }
            >
                <section class="card form-section">
                    <h2 class="card-title">{move || t("profile-section-identity")}</h2>
                    <div class="field-grid two">
                        <Field
                            label="field-legal_name_en"
                            field=p("legal_name_en")
                            errors
                            input_id="f-legal_name_en"
                        >
                            <TextInput
                                value=draft.legal_name_en
                                errors
                                field=p("legal_name_en")
                                {..}
                                id="f-legal_name_en"
                                type="text"
                                dir="ltr"
                                lang="en"
                            />
                        </Field>
                        <Field
                            label="field-legal_name_ar"
                            field=p("legal_name_ar")
                            errors
                            input_id="f-legal_name_ar"
                        >
                            <TextInput
                                value=draft.legal_name_ar
                                errors
                                field=p("legal_name_ar")
                                {..}
                                id="f-legal_name_ar"
                                type="text"
                                dir="rtl"
                                lang="ar"
                            />
                        </Field>
                        <Field
                            label="field-legal_form"
                            field=p("legal_form")
                            errors
                            input_id="f-legal_form"
                        >
                            <TextInput
                                value=draft.legal_form
                                errors
                                field=p("legal_form")
                                {..}
                                id="f-legal_form"
                                type="text"
                                dir="auto"
                                list="legal-forms"
                            />
                            <datalist id="legal-forms">
                                {LEGAL_FORMS
                                    .iter()
                                    .map(|k| view! { <option value=move || t(k)></option> })
                                    .collect_view()}
                            </datalist>
                        </Field>
                        <Field
                            label="field-registration_number"
                            field=p("registration_number")
                            errors
                            input_id="f-registration_number"
                        >
                            <TextInput
                                value=draft.registration_number
                                errors
                                field=p("registration_number")
                                {..}
                                id="f-registration_number"
                                type="text"
                                dir="ltr"
                            />
                        </Field>
                    </div>
                </section>

                <section class="card form-section">
                    <h2 class="card-title">{move || t("profile-section-location")}</h2>
                    <div class="field-grid two">
                        <Field label="field-country" field=p("country") errors input_id="f-country">
                            <CountrySelect
                                value=draft.country
                                errors
                                field=p("country")
                                first={HOME_COUNTRIES}
                                allow_empty=true
                                {..}
                                id="f-country"
                            />
                        </Field>
                        <Field label="field-city" field=p("city") errors input_id="f-city">
                            <TextInput
                                value=draft.city
                                errors
                                field=p("city")
                                {..}
                                id="f-city"
                                type="text"
                                dir="auto"
                            />
                        </Field>
                    </div>
                    <Field label="field-address" field=p("address") errors input_id="f-address">
                        <TextArea
                            value=draft.address
                            errors
                            field=p("address")
                            {..}
                            id="f-address"
                            dir="auto"
                        />
                    </Field>
                </section>

                <section class="card form-section">
                    <h2 class="card-title">{move || t("profile-section-activity")}</h2>
                    <Field
                        label="field-nace_codes"
                        field=p("nace_codes")
                        errors
                        input_id="f-nace_codes"
                        hint="nace-hint"
                    >
                        <TextInput
                            value=draft.nace_codes
                            errors
                            field=p("nace_codes")
                            {..}
                            id="f-nace_codes"
                            type="text"
                            dir="ltr"
                            spellcheck="false"
                        />
                    </Field>
                    <div class="field-grid three">
                        <Field
                            label="field-employees"
                            field=p("employees")
                            errors
                            input_id="f-employees"
                        >
                            <TextInput
                                value=draft.employees
                                errors
                                field=p("employees")
                                {..}
                                id="f-employees"
                                type="text"
                                inputmode="numeric"
                                dir="ltr"
                            />
                        </Field>
                        <Field
                            label="field-turnover"
                            field=p("turnover")
                            errors
                            input_id="f-turnover"
                        >
                            <TextInput
                                value=draft.turnover
                                errors
                                field=p("turnover")
                                {..}
                                id="f-turnover"
                                type="text"
                                inputmode="decimal"
                                dir="ltr"
                            />
                        </Field>
                        <Field
                            label="field-turnover_currency"
                            field=p("turnover_currency")
                            errors
                            input_id="f-turnover_currency"
                        >
                            <CurrencySelect
                                value=draft.turnover_currency
                                errors
                                field=p("turnover_currency")
                                {..}
                                id="f-turnover_currency"
                            />
                        </Field>
                    </div>
                    <div class="field-grid three">
                        <Field
                            label="field-reporting_year"
                            field=p("reporting_year")
                            errors
                            input_id="f-reporting_year"
                        >
                            <TextInput
                                value=draft.reporting_year
                                errors
                                field=p("reporting_year")
                                {..}
                                id="f-reporting_year"
                                type="text"
                                inputmode="numeric"
                                dir="ltr"
                            />
                        </Field>
                    </div>
                </section>

                <section class="card form-section">
                    <div class="card-head-row">
                        <div>
                            <h2 class="card-title">{move || t("profile-section-sites")}</h2>
                            <p class="section-note">{move || t("profile-sites-note")}</p>
                        </div>
                        <button
                            id="add-site"
                            type="button"
                            class="btn btn-small"
                            on:click=move |_| draft.add_site()
                        >
                            <PlusIcon />
                            <span>{move || t("profile-add-site")}</span>
                        </button>
                    </div>
                    <Show when=move || draft.sites.with(Vec::is_empty)>
                        <p class="empty-note">{move || t("profile-sites-empty")}</p>
                    </Show>
                    <div class="site-rows">
                        <ForEnumerate
                            each=move || draft.sites.get()
                            key=|r| r.key
                            children=move |index, row| view! { <SiteRowView draft index row /> }
                        />
                    </div>
                </section>

                <section class="card form-section">
                    <div class="card-head-row">
                        <div>
                            <h2 class="card-title">{move || t("profile-section-customers")}</h2>
                            <p class="section-note">{move || t("profile-customers-note")}</p>
                        </div>
                        <button
                            id="add-customer"
                            type="button"
                            class="btn btn-small"
                            on:click=move |_| draft.add_customer()
                        >
                            <PlusIcon />
                            <span>{move || t("profile-add-customer")}</span>
                        </button>
                    </div>
                    <Show when=move || draft.customers.with(Vec::is_empty)>
                        <p class="empty-note">{move || t("profile-customers-empty")}</p>
                    </Show>
                    <div class="customer-rows">
                        <ForEnumerate
                            each=move || draft.customers.get()
                            key=|r| r.key
                            children=move |index, row| {
                                view! { <CustomerRowView draft index row /> }
                            }
                        />
                    </div>
                </section>

                <div class="save-bar">
                    <button
                        id="save-profile"
                        type="submit"
                        class="btn btn-primary"
                        prop:disabled=move || draft.busy.get()
                    >
                        {move || t("profile-save")}
                    </button>
                    <span id="save-status" class="save-status" role="status">
                        {saved}
                    </span>
                    <Show when=move || errors.with(|e| !e.is_empty())>
                        <span class="save-problems">
                            {move || {
                                tf(
                                    "profile-problems",
                                    &[("count", errors.with(Vec::len).to_string())],
                                )
                            }}
                        </span>
                    </Show>
                </div>
            </form>
        </section>
    }
}

/// What is saved, at a glance, with numbers in the reader's locale.
#[component]
fn ProfileSummary() -> impl IntoView {
    let ctx = use_app();
    let i18n = ctx.i18n;
    let dash = || "-".to_string();
    view! {
        <dl class="summary">
            {move || {
                let lang = i18n.lang();
                ctx.open
                    .with(|o| {
                        o.as_ref()
                            .map(|c| {
                                let p = &c.data.profile;
                                let country = if p.country.is_empty() {
                                    dash()
                                } else {
                                    format::country_name(lang, &p.country)
                                };
                                let employees = p
                                    .employees
                                    .map(|n| format::count(lang, u64::from(n)))
                                    .unwrap_or_else(dash);
                                let turnover = p
                                    .turnover
                                    .as_ref()
                                    .map(|m| format::money(lang, &m.amount.to_string(), &m.currency))
                                    .unwrap_or_else(dash);
                                let year = format::plain(lang, &p.reporting_year.to_string());
                                let sites = format::count(lang, c.data.sites.len() as u64);
                                let customers = format::count(lang, c.data.customers.len() as u64);
                                view! {
                                    <div class="summary-item">
                                        <dt>{t("field-country")}</dt>
                                        <dd id="summary-country">{country}</dd>
                                    </div>
                                    <div class="summary-item">
                                        <dt>{t("field-employees")}</dt>
                                        <dd id="summary-employees">{employees}</dd>
                                    </div>
                                    <div class="summary-item">
                                        <dt>{t("field-turnover")}</dt>
                                        <dd id="summary-turnover">{turnover}</dd>
                                    </div>
                                    <div class="summary-item">
                                        <dt>{t("field-reporting_year")}</dt>
                                        <dd id="summary-year">{year}</dd>
                                    </div>
                                    <div class="summary-item">
                                        <dt>{t("summary-sites")}</dt>
                                        <dd id="summary-sites">{sites}</dd>
                                    </div>
                                    <div class="summary-item">
                                        <dt>{t("summary-customers")}</dt>
                                        <dd id="summary-customers">{customers}</dd>
                                    </div>
                                }
                            })
                    })
            }}
        </dl>
    }
}

/// The numbered title and "Remove" button of a site or customer card.
#[component]
fn RowHead(
    index: ReadSignal<usize>,
    title_key: &'static str,
    remove_key: &'static str,
    remove_class: &'static str,
    on_remove: impl Fn() + Send + Sync + 'static,
) -> impl IntoView {
    let i18n = use_app().i18n;
    view! {
        <div class="row-head">
            <h3 class="row-title">
                {move || {
                    let n = format::plain(i18n.lang(), &(index.get() + 1).to_string());
                    tf(title_key, &[("n", n)])
                }}
            </h3>
            <button
                type="button"
                class=remove_class
                title=move || t(remove_key)
                on:click=move |_| on_remove()
            >
                {move || t("action-remove")}
            </button>
        </div>
    }
}

#[component]
fn SiteRowView(draft: ProfileDraft, index: ReadSignal<usize>, row: SiteRow) -> impl IntoView {
    let errors = draft.errors;
    let path =
        move |name: &'static str| Signal::derive(move || format!("sites.{}.{name}", index.get()));
    let id = move |name: &str| format!("site-{}-{name}", row.key);
    let key = row.key;
    view! {
        <div class="row-card site-row">
            <RowHead
                index
                title_key="profile-site-title"
                remove_key="profile-remove-site"
                remove_class="btn btn-ghost btn-small site-remove"
                on_remove=move || draft.remove_site(key)
            />
            <div class="field-grid two">
                <Field label="field-name" field=path("name") errors input_id=id("name")>
                    <TextInput
                        value=row.name
                        errors
                        field=path("name")
                        {..}
                        id=id("name")
                        class="input site-name"
                        type="text"
                        dir="auto"
                    />
                </Field>
                <Field label="field-unlocode" field=path("unlocode") errors input_id=id("unlocode")>
                    <TextInput
                        value=row.unlocode
                        errors
                        field=path("unlocode")
                        {..}
                        id=id("unlocode")
                        class="input site-unlocode"
                        type="text"
                        dir="ltr"
                        spellcheck="false"
                    />
                </Field>
            </div>
            <Field label="field-address" field=path("address") errors input_id=id("address")>
                <TextInput
                    value=row.address
                    errors
                    field=path("address")
                    {..}
                    id=id("address")
                    class="input site-address"
                    type="text"
                    dir="auto"
                />
            </Field>
            <div class="field-grid two">
                <Field label="field-latitude" field=path("latitude") errors input_id=id("latitude")>
                    <TextInput
                        value=row.latitude
                        errors
                        field=path("latitude")
                        {..}
                        id=id("latitude")
                        class="input site-latitude"
                        type="text"
                        inputmode="decimal"
                        dir="ltr"
                    />
                </Field>
                <Field
                    label="field-longitude"
                    field=path("longitude")
                    errors
                    input_id=id("longitude")
                >
                    <TextInput
                        value=row.longitude
                        errors
                        field=path("longitude")
                        {..}
                        id=id("longitude")
                        class="input site-longitude"
                        type="text"
                        inputmode="decimal"
                        dir="ltr"
                    />
                </Field>
            </div>
        </div>
    }
}

#[component]
fn CustomerRowView(
    draft: ProfileDraft,
    index: ReadSignal<usize>,
    row: CustomerRow,
) -> impl IntoView {
    let errors = draft.errors;
    let path = move |name: &'static str| {
        Signal::derive(move || format!("customers.{}.{name}", index.get()))
    };
    let id = move |name: &str| format!("customer-{}-{name}", row.key);
    let key = row.key;
    view! {
        <div class="row-card customer-row">
            <RowHead
                index
                title_key="profile-customer-title"
                remove_key="profile-remove-customer"
                remove_class="btn btn-ghost btn-small customer-remove"
                on_remove=move || draft.remove_customer(key)
            />
            <div class="field-grid three">
                <Field label="field-name" field=path("name") errors input_id=id("name")>
                    <TextInput
                        value=row.name
                        errors
                        field=path("name")
                        {..}
                        id=id("name")
                        class="input customer-name"
                        type="text"
                        dir="auto"
                    />
                </Field>
                <Field label="field-country" field=path("country") errors input_id=id("country")>
                    <CountrySelect
                        value=row.country
                        errors
                        field=path("country")
                        first={EU_MEMBER_STATES}
                        allow_empty=true
                        {..}
                        id=id("country")
                        class="input select customer-country"
                    />
                </Field>
                <Field label="field-email" field=path("email") errors input_id=id("email")>
                    <TextInput
                        value=row.email
                        errors
                        field=path("email")
                        {..}
                        id=id("email")
                        class="input customer-email"
                        type="email"
                        dir="ltr"
                        autocomplete="email"
                    />
                </Field>
            </div>
        </div>
    }
}
