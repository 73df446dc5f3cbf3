//! Validation of the CBAM data: every problem is a [`FieldError`] with the path of the field
//! (`processes.0.production`, `precursors.2.values.see_direct`) and a Fluent key, so the
//! guided UI can show it next to the field and the template reader can point at the cell.
//!
//! Why this module exists: [`crate::compute`] must never run on data that would make it guess
//! (a missing NCV for an EF per TJ, a product whose CN code is not a CBAM good, a transfer to
//! a process that does not exist). The rules follow the template's own completeness checks
//! and the equations' needs; they are the same in the wasm UI and the engine.

use std::collections::{BTreeMap, BTreeSet};

use athar_domain::codes::{is_country, is_currency, normalize_unlocode};
use athar_domain::validation::is_email;
use athar_domain::{FieldError, Validate};
use rust_decimal::Decimal;

use crate::cn;
use crate::goods::{FunctionalUnit, GoodsCategory, ProductionRoute};
use crate::model::{
    ActivityUnit, EfUnit, Installation, MonitoringMethod, PfcMethod, PrecursorValues, Process,
    PurchasedPrecursor, RouteAmount,
};

/// Relative tolerance of the production and purchase balances (the template's control rows):
/// figures read from spreadsheets carry binary rounding.
pub const BALANCE_TOLERANCE: Decimal = Decimal::from_parts(1, 0, 0, false, 6);

struct Errors(Vec<FieldError>);

impl Errors {
    fn push(&mut self, field: impl Into<String>, key: &str) -> &mut FieldError {
        self.0.push(FieldError::new(field, key));
        self.0.last_mut().expect("just pushed")
    }

    fn required_text(&mut self, field: &str, value: &str) {
        if value.trim().is_empty() {
            self.push(field, "v-required");
        }
    }

    fn required<T>(&mut self, field: &str, value: &Option<T>) -> bool {
        if value.is_none() {
            self.push(field, "v-required");
            false
        } else {
            true
        }
    }

    fn non_negative(&mut self, field: &str, value: Option<Decimal>) {
        if value.is_some_and(|v| v.is_sign_negative() && !v.is_zero()) {
            self.push(field, "v-negative");
        }
    }

    fn range(&mut self, field: &str, value: Option<Decimal>, min: Decimal, max: Decimal) {
        if value.is_some_and(|v| v < min || v > max) {
            let e = FieldError::new(field, "v-number-range")
                .arg("min", min)
                .arg("max", max);
            self.0.push(e);
        }
    }

    fn fraction(&mut self, field: &str, value: Option<Decimal>) {
        self.range(field, value, Decimal::ZERO, Decimal::ONE);
    }

    fn percent(&mut self, field: &str, value: Option<Decimal>) {
        self.range(field, value, Decimal::ZERO, Decimal::ONE_HUNDRED);
    }

    fn unique_ids<'a>(&mut self, list: &str, ids: impl Iterator<Item = &'a str>) {
        let mut seen = BTreeSet::new();
        for (i, id) in ids.enumerate() {
            if id.trim().is_empty() {
                self.push(format!("{list}.{i}.id"), "v-required");
            } else if !seen.insert(id) {
                self.push(format!("{list}.{i}.id"), "cbam-v-id-duplicate")
                    .args
                    .push(("id".into(), id.to_string()));
            }
        }
    }
}

fn arg(e: &mut FieldError, name: &str, value: impl ToString) {
    e.args.push((name.to_string(), value.to_string()));
}

impl Validate for Installation {
    fn validate(&self) -> Vec<FieldError> {
        let mut e = Errors(Vec::new());
        about(&mut e, self);
        if self.reporting_period.end < self.reporting_period.start {
            e.push("reporting_period.end", "v-period-order");
        }
        goods(&mut e, self);
        sources(&mut e, self);
        processes(&mut e, self);
        precursors(&mut e, self);
        products(&mut e, self);
        e.0
    }
}

fn about(e: &mut Errors, inst: &Installation) {
    let a = &inst.about;
    e.required_text("about.name_en", &a.name_en);
    if a.country.is_empty() {
        e.push("about.country", "v-required");
    } else if !is_country(&a.country) {
        e.push("about.country", "v-country-unknown")
            .args
            .push(("code".into(), a.country.clone()));
    }
    if !a.unlocode.is_empty() && normalize_unlocode(&a.unlocode).is_none() {
        e.push("about.unlocode", "v-unlocode-invalid")
            .args
            .push(("code".into(), a.unlocode.clone()));
    }
    match (a.latitude, a.longitude) {
        (Some(_), None) => {
            e.push("about.longitude", "v-coordinates-pair");
        }
        (None, Some(_)) => {
            e.push("about.latitude", "v-coordinates-pair");
        }
        _ => {}
    }
    e.range(
        "about.latitude",
        a.latitude,
        Decimal::from(-90),
        Decimal::from(90),
    );
    e.range(
        "about.longitude",
        a.longitude,
        Decimal::from(-180),
        Decimal::from(180),
    );
    if !a.representative.email.is_empty() && !is_email(&a.representative.email) {
        e.push("about.representative.email", "v-email-invalid");
    }
    if let Some(v) = &inst.verifier {
        if !v.representative.email.is_empty() && !is_email(&v.representative.email) {
            e.push("verifier.representative.email", "v-email-invalid");
        }
    }
}

fn check_routes(
    e: &mut Errors,
    field: &str,
    category: GoodsCategory,
    routes: impl Iterator<Item = ProductionRoute>,
) {
    let allowed = category.routes();
    let mut seen = BTreeSet::new();
    for r in routes {
        if !allowed.contains(&r) {
            let err = e.push(field, "cbam-v-route-category");
            arg(err, "route", r.id());
            arg(err, "category", category.id());
        } else if !seen.insert(r) {
            e.push(field, "v-duplicate")
                .args
                .push(("value".into(), r.id().to_string()));
        }
    }
}

fn route_amounts(e: &mut Errors, field: &str, category: GoodsCategory, amounts: &[RouteAmount]) {
    let allowed = category.routes();
    let mut seen = BTreeSet::new();
    for (i, r) in amounts.iter().enumerate() {
        let f = format!("{field}.{i}");
        e.non_negative(&format!("{f}.amount"), Some(r.amount));
        let ok = match r.route {
            None => allowed.is_empty(),
            Some(route) => allowed.contains(&route),
        };
        if !ok {
            let err = e.push(format!("{f}.route"), "cbam-v-route-category");
            arg(err, "route", r.route.map(|x| x.id()).unwrap_or_default());
            arg(err, "category", category.id());
        } else if !seen.insert(r.route) {
            e.push(format!("{f}.route"), "v-duplicate").args.push((
                "value".into(),
                r.route.map(|x| x.id()).unwrap_or_default().to_string(),
            ));
        }
    }
}

fn goods(e: &mut Errors, inst: &Installation) {
    e.unique_ids("goods", inst.goods.iter().map(|g| g.id.as_str()));
    let mut seen = BTreeSet::new();
    for (i, g) in inst.goods.iter().enumerate() {
        if !seen.insert(g.category) {
            e.push(format!("goods.{i}.category"), "v-duplicate")
                .args
                .push(("value".into(), g.category.id().to_string()));
        }
        check_routes(
            e,
            &format!("goods.{i}.routes"),
            g.category,
            g.routes.iter().copied(),
        );
    }
}

fn sources(e: &mut Errors, inst: &Installation) {
    let ids = inst
        .source_streams
        .iter()
        .map(|s| s.id.as_str())
        .chain(inst.pfc_emissions.iter().map(|p| p.id.as_str()))
        .chain(inst.measured_sources.iter().map(|m| m.id.as_str()));
    let mut seen = BTreeSet::new();
    for id in ids {
        if !seen.insert(id) {
            e.push("source_streams", "cbam-v-id-duplicate")
                .args
                .push(("id".into(), id.to_string()));
        }
    }
    for (i, s) in inst.source_streams.iter().enumerate() {
        let f = |n: &str| format!("source_streams.{i}.{n}");
        e.required_text(&f("id"), &s.id);
        e.required_text(&f("name"), &s.name);
        if e.required(&f("activity_data"), &s.activity_data)
            && s.method != MonitoringMethod::MassBalance
        {
            e.non_negative(&f("activity_data"), s.activity_data);
        }
        e.non_negative(&f("ncv"), s.ncv);
        e.percent(&f("biomass_pct"), s.biomass_pct);
        match s.method {
            MonitoringMethod::Combustion | MonitoringMethod::ProcessEmissions => {
                e.required(&f("ef"), &s.ef);
                e.non_negative(&f("ef"), s.ef);
                if e.required(&f("ef_unit"), &s.ef_unit) {
                    let consistent = match s.ef_unit {
                        Some(EfUnit::TCo2PerTj) => true,
                        Some(EfUnit::TCo2PerTonne) => s.activity_unit == ActivityUnit::Tonne,
                        Some(EfUnit::TCo2PerThousandNm3) => {
                            s.activity_unit == ActivityUnit::ThousandNm3
                        }
                        None => true,
                    };
                    if !consistent {
                        let err = e.push(f("ef_unit"), "cbam-v-ef-unit-mismatch");
                        let unit = match s.activity_unit {
                            ActivityUnit::Tonne => "t",
                            ActivityUnit::ThousandNm3 => "1000 Nm3",
                        };
                        arg(err, "unit", unit);
                    }
                    if s.ef_unit == Some(EfUnit::TCo2PerTj) {
                        e.required(&f("ncv"), &s.ncv);
                    }
                }
                if s.method == MonitoringMethod::Combustion {
                    e.percent(&f("oxidation_factor_pct"), s.oxidation_factor_pct);
                } else {
                    e.percent(&f("conversion_factor_pct"), s.conversion_factor_pct);
                }
            }
            MonitoringMethod::MassBalance => {
                e.required(&f("carbon_content"), &s.carbon_content);
                e.non_negative(&f("carbon_content"), s.carbon_content);
            }
        }
    }
    for (i, p) in inst.pfc_emissions.iter().enumerate() {
        let f = |n: &str| format!("pfc_emissions.{i}.{n}");
        e.required_text(&f("id"), &p.id);
        e.required(&f("aluminium_t"), &p.aluminium_t);
        e.non_negative(&f("aluminium_t"), p.aluminium_t);
        match p.method {
            PfcMethod::Slope => {
                e.required(&f("anode_effect_frequency"), &p.anode_effect_frequency);
                e.required(&f("anode_effect_duration"), &p.anode_effect_duration);
                e.required(&f("sef_cf4"), &p.sef_cf4);
            }
            PfcMethod::Overvoltage => {
                e.required(&f("aeo"), &p.aeo);
                if e.required(&f("current_efficiency"), &p.current_efficiency)
                    && p.current_efficiency.is_some_and(|c| c <= Decimal::ZERO)
                {
                    e.push(f("current_efficiency"), "v-positive");
                }
                e.required(&f("ovc"), &p.ovc);
            }
        }
        for (n, v) in [
            ("anode_effect_frequency", p.anode_effect_frequency),
            ("anode_effect_duration", p.anode_effect_duration),
            ("sef_cf4", p.sef_cf4),
            ("aeo", p.aeo),
            ("ovc", p.ovc),
            ("f_c2f6", p.f_c2f6),
        ] {
            e.non_negative(&f(n), v);
        }
        e.required(&f("f_c2f6"), &p.f_c2f6);
        if let Some(c) = p.collection_efficiency {
            if c <= Decimal::ZERO || c > Decimal::ONE {
                e.push(f("collection_efficiency"), "v-number-range")
                    .args
                    .extend([("min".into(), "0".into()), ("max".into(), "1".into())]);
            }
        }
    }
    for (i, m) in inst.measured_sources.iter().enumerate() {
        let f = |n: &str| format!("measured_sources.{i}.{n}");
        e.required_text(&f("id"), &m.id);
        e.required_text(&f("name"), &m.name);
        for (n, v) in [
            ("concentration_g_per_nm3", m.concentration_g_per_nm3),
            ("hours", m.hours),
            ("flue_gas_flow", m.flue_gas_flow),
        ] {
            if e.required(&f(n), &v) {
                e.non_negative(&f(n), v);
            }
        }
        e.percent(&f("biomass_pct"), m.biomass_pct);
        e.non_negative(&f("energy_fossil_tj"), m.energy_fossil_tj);
        e.non_negative(&f("energy_bio_tj"), m.energy_bio_tj);
    }
}

/// Process and precursor names share one namespace: the template keys flows by name.
fn names(inst: &Installation) -> BTreeMap<String, Vec<String>> {
    let mut out: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for (i, p) in inst.processes.iter().enumerate() {
        out.entry(p.name.trim().to_lowercase())
            .or_default()
            .push(format!("processes.{i}.name"));
    }
    for (i, p) in inst.precursors.iter().enumerate() {
        out.entry(p.name.trim().to_lowercase())
            .or_default()
            .push(format!("precursors.{i}.name"));
    }
    out
}

fn balance(
    e: &mut Errors,
    field: String,
    key: &str,
    total: Decimal,
    parts: impl Iterator<Item = Decimal>,
) {
    let Some(used) = parts
        .into_iter()
        .try_fold(Decimal::ZERO, |a, b| a.checked_add(b))
    else {
        return;
    };
    let Some(diff) = total.checked_sub(used) else {
        return;
    };
    let tolerance = total
        .abs()
        .checked_mul(BALANCE_TOLERANCE)
        .unwrap_or(Decimal::MAX);
    if diff.abs() > tolerance {
        e.push(field, key)
            .args
            .push(("difference".into(), diff.normalize().to_string()));
    }
}

fn processes(e: &mut Errors, inst: &Installation) {
    e.unique_ids("processes", inst.processes.iter().map(|p| p.id.as_str()));
    for (name, fields) in names(inst) {
        if !name.is_empty() && fields.len() > 1 {
            for f in &fields[1..] {
                e.push(f.clone(), "v-duplicate")
                    .args
                    .push(("value".into(), name.clone()));
            }
        }
    }
    let ids: BTreeSet<&str> = inst.processes.iter().map(|p| p.id.as_str()).collect();
    let source_ids: BTreeSet<&str> = inst
        .source_streams
        .iter()
        .map(|s| s.id.as_str())
        .chain(inst.pfc_emissions.iter().map(|p| p.id.as_str()))
        .chain(inst.measured_sources.iter().map(|m| m.id.as_str()))
        .collect();
    let mut attributed: BTreeMap<&str, Decimal> = BTreeMap::new();
    for (i, p) in inst.processes.iter().enumerate() {
        process(e, i, p, &ids, &source_ids);
        for s in &p.direct.sources {
            let sum = attributed.entry(s.source.as_str()).or_default();
            *sum = sum.checked_add(s.share).unwrap_or(Decimal::MAX);
        }
    }
    for (source, share) in attributed {
        if share > Decimal::ONE {
            e.push("processes", "cbam-v-source-overattributed")
                .args
                .push(("source".into(), source.to_string()));
        }
    }
}

fn process(
    e: &mut Errors,
    i: usize,
    p: &Process,
    ids: &BTreeSet<&str>,
    source_ids: &BTreeSet<&str>,
) {
    let f = |n: &str| format!("processes.{i}.{n}");
    e.required_text(&f("name"), &p.name);
    if !p.category.allows(p.functional_unit) {
        let err = e.push(f("functional_unit"), "cbam-v-functional-unit");
        arg(err, "unit", p.functional_unit.symbol());
        arg(err, "category", p.category.id());
    }
    let mut seen = BTreeSet::new();
    for g in &p.included {
        if !seen.insert(*g) {
            e.push(f("included"), "v-duplicate")
                .args
                .push(("value".into(), g.id().to_string()));
        }
    }
    route_amounts(e, &f("production"), p.category, &p.production);
    let al = p.activity_level().unwrap_or(Decimal::MAX);
    if p.production.is_empty() || al <= Decimal::ZERO {
        e.push(f("production"), "cbam-v-activity-level-zero");
    }
    e.non_negative(&f("produced_for_market"), p.produced_for_market);
    e.non_negative(&f("non_cbam_use"), p.non_cbam_use);
    let mut targets = BTreeSet::new();
    for (t, tr) in p.transfers.iter().enumerate() {
        let tf = format!("processes.{i}.transfers.{t}");
        e.non_negative(&format!("{tf}.amount"), Some(tr.amount));
        if tr.to == p.id {
            e.push(format!("{tf}.to"), "cbam-v-transfer-self");
        } else if !ids.contains(tr.to.as_str()) {
            e.push(format!("{tf}.to"), "cbam-v-process-unknown")
                .args
                .push(("id".into(), tr.to.clone()));
        } else if !targets.insert(tr.to.as_str()) {
            e.push(format!("{tf}.to"), "v-duplicate")
                .args
                .push(("value".into(), tr.to.clone()));
        }
    }
    if let Some(market) = p.produced_for_market {
        balance(
            e,
            f("production"),
            "cbam-v-production-balance",
            al,
            std::iter::once(market)
                .chain(p.transfers.iter().map(|t| t.amount))
                .chain(p.non_cbam_use),
        );
    }
    e.non_negative(&f("direct.entered"), p.direct.entered);
    for (s, share) in p.direct.sources.iter().enumerate() {
        let sf = format!("processes.{i}.direct.sources.{s}");
        if !source_ids.contains(share.source.as_str()) {
            e.push(format!("{sf}.source"), "cbam-v-source-unknown")
                .args
                .push(("id".into(), share.source.clone()));
        }
        e.fraction(&format!("{sf}.share"), Some(share.share));
    }
    let h = &p.heat;
    for (n, v) in [
        ("heat.imported_tj", h.imported_tj),
        ("heat.imported_ef", h.imported_ef),
        ("heat.exported_tj", h.exported_tj),
        ("heat.exported_ef", h.exported_ef),
        ("waste_gas.imported_tj", p.waste_gas.imported_tj),
        ("waste_gas.exported_tj", p.waste_gas.exported_tj),
        ("waste_gas.imported_ef", p.waste_gas.imported_ef),
        ("waste_gas.exported_ef", p.waste_gas.exported_ef),
        ("electricity.consumed_mwh", p.electricity.consumed_mwh),
        ("electricity.ef", p.electricity.ef),
        ("electricity.exported_mwh", p.electricity.exported_mwh),
        ("electricity.exported_ef", p.electricity.exported_ef),
    ] {
        e.non_negative(&f(n), v);
    }
    let positive = |v: Option<Decimal>| v.is_some_and(|x| x > Decimal::ZERO);
    if positive(h.imported_tj) {
        e.required(&f("heat.imported_ef"), &h.imported_ef);
    }
    if positive(h.exported_tj) {
        e.required(&f("heat.exported_ef"), &h.exported_ef);
    }
    let el = &p.electricity;
    if positive(el.consumed_mwh) {
        e.required(&f("electricity.ef"), &el.ef);
        e.required(&f("electricity.ef_source"), &el.ef_source);
    }
    if positive(el.exported_mwh) {
        e.required(&f("electricity.exported_ef"), &el.exported_ef);
    }
}

fn precursors(e: &mut Errors, inst: &Installation) {
    e.unique_ids("precursors", inst.precursors.iter().map(|p| p.id.as_str()));
    let ids: BTreeSet<&str> = inst.processes.iter().map(|p| p.id.as_str()).collect();
    for (i, p) in inst.precursors.iter().enumerate() {
        precursor(e, i, p, &ids);
    }
}

fn precursor(e: &mut Errors, i: usize, p: &PurchasedPrecursor, ids: &BTreeSet<&str>) {
    let f = |n: &str| format!("precursors.{i}.{n}");
    e.required_text(&f("name"), &p.name);
    if let Some(c) = &p.country {
        if !is_country(c) {
            e.push(f("country"), "v-country-unknown")
                .args
                .push(("code".into(), c.clone()));
        }
    }
    check_routes(e, &f("routes"), p.category, p.routes.iter().copied());
    if let Some(code) = &p.cn_code {
        cn_code(e, &f("cn_code"), code, p.category);
    }
    route_amounts(e, &f("purchased"), p.category, &p.purchased);
    let mut seen = BTreeSet::new();
    for (c, use_) in p.consumption.iter().enumerate() {
        let cf = format!("precursors.{i}.consumption.{c}");
        e.non_negative(&format!("{cf}.amount"), Some(use_.amount));
        if !ids.contains(use_.process.as_str()) {
            e.push(format!("{cf}.process"), "cbam-v-process-unknown")
                .args
                .push(("id".into(), use_.process.clone()));
        } else if !seen.insert(use_.process.as_str()) {
            e.push(format!("{cf}.process"), "v-duplicate")
                .args
                .push(("value".into(), use_.process.clone()));
        }
    }
    e.non_negative(&f("other_use"), p.other_use);
    if !p.purchased.is_empty() {
        let total = p
            .purchased
            .iter()
            .try_fold(Decimal::ZERO, |a, r| a.checked_add(r.amount))
            .unwrap_or(Decimal::MAX);
        balance(
            e,
            f("purchased"),
            "cbam-v-purchase-balance",
            total,
            p.consumption.iter().map(|c| c.amount).chain(p.other_use),
        );
    }
    match &p.values {
        PrecursorValues::Given {
            see_direct,
            indirect,
            ..
        } => {
            e.non_negative(&f("values.see_direct"), Some(*see_direct));
            e.non_negative(
                &f("values.indirect.electricity_mwh_per_t"),
                Some(indirect.electricity_mwh_per_t),
            );
            e.non_negative(&f("values.indirect.ef"), Some(indirect.ef));
        }
        PrecursorValues::CountryDefault { variant } => {
            if p.cn_code.is_none() {
                e.push(f("cn_code"), "cbam-v-cn-required-for-default");
            }
            if p.country.is_none() {
                e.push(f("country"), "cbam-v-country-required-for-default");
            }
            default_variant(e, &f("values.variant"), p.cn_code.as_deref(), variant);
        }
        PrecursorValues::UnknownOriginDefault { variant } => {
            if p.cn_code.is_none() {
                e.push(f("cn_code"), "cbam-v-cn-required-for-default");
            }
            if p.country.is_some() {
                e.push(f("country"), "cbam-v-annex-iv-country-known");
            }
            default_variant(e, &f("values.variant"), p.cn_code.as_deref(), variant);
        }
    }
    if p.uses_defaults() && p.default_justification.is_none() {
        e.push(f("default_justification"), "cbam-v-justification-required");
    }
}

fn cn_code(e: &mut Errors, field: &str, code: &str, category: GoodsCategory) {
    match cn::lookup(code) {
        None => {
            e.push(field, "cbam-v-cn-unknown")
                .args
                .push(("code".into(), code.to_string()));
        }
        Some(entry) if entry.category != category => {
            let err = e.push(field, "cbam-v-cn-category");
            arg(err, "code", entry.code);
            arg(err, "category", entry.category.id());
            arg(err, "expected", category.id());
        }
        Some(_) => {}
    }
}

/// Where the default value of `code` is split (grey or white clinker), which one applies must
/// be said; otherwise the calculation could only stop with "ambiguous".
fn default_variant(e: &mut Errors, field: &str, code: Option<&str>, variant: &Option<String>) {
    let Some(code) = code else { return };
    let variants = cn::default_variants(code);
    if variants.is_empty() {
        return;
    }
    if !variant.as_deref().is_some_and(|v| variants.contains(&v)) {
        let err = e.push(field, "cbam-v-variant-required");
        arg(err, "code", cn::normalize_cn(code));
    }
}

fn products(e: &mut Errors, inst: &Installation) {
    e.unique_ids("products", inst.products.iter().map(|p| p.id.as_str()));
    for (i, p) in inst.products.iter().enumerate() {
        let f = |n: &str| format!("products.{i}.{n}");
        e.required_text(&f("name"), &p.name);
        let process = inst.processes.iter().find(|x| x.id == p.process);
        match process {
            None => {
                e.push(f("process"), "cbam-v-process-unknown")
                    .args
                    .push(("id".into(), p.process.clone()));
            }
            Some(proc_) => {
                if p.cn_code.trim().is_empty() {
                    e.push(f("cn_code"), "v-required");
                } else {
                    cn_code(e, &f("cn_code"), &p.cn_code, proc_.category);
                }
                match proc_.functional_unit {
                    FunctionalUnit::TonneClinker => {
                        e.required(
                            &f("parameters.clinker_factor"),
                            &p.parameters.clinker_factor,
                        );
                    }
                    FunctionalUnit::KilogramNitrogen => {
                        e.required(&f("parameters.n_contained"), &p.parameters.n_contained);
                    }
                    FunctionalUnit::Tonne | FunctionalUnit::Megawatthour => {}
                }
            }
        }
        let q = &p.parameters;
        for (n, v) in [
            ("mn", q.mn),
            ("cr", q.cr),
            ("ni", q.ni),
            ("other_alloys", q.other_alloys),
            ("carbon", q.carbon),
            ("other_materials", q.other_materials),
            ("pre_consumer_scrap", q.pre_consumer_scrap),
            ("non_aluminium_elements", q.non_aluminium_elements),
            ("clinker_factor", q.clinker_factor),
            ("concentration", q.concentration),
            ("nitric_acid", q.nitric_acid),
            ("urea", q.urea),
            ("n_contained", q.n_contained),
            ("n_ammonium", q.n_ammonium),
            ("n_nitrate", q.n_nitrate),
            ("n_urea", q.n_urea),
            ("n_other", q.n_other),
        ] {
            e.fraction(&f(&format!("parameters.{n}")), v);
        }
        e.non_negative(&f("parameters.scrap_per_t_steel"), q.scrap_per_t_steel);
        e.non_negative(
            &f("parameters.scrap_per_t_aluminium"),
            q.scrap_per_t_aluminium,
        );
        if let Some(cp) = &p.carbon_price {
            if !cp.currency.is_empty() && !is_currency(&cp.currency) {
                e.push(f("carbon_price.currency"), "v-currency-unknown")
                    .args
                    .push(("code".into(), cp.currency.clone()));
            }
            e.fraction(&f("carbon_price.share_covered"), cp.share_covered);
            e.fraction(&f("carbon_price.rebate_share"), cp.rebate_share);
            e.non_negative(&f("carbon_price.amount_per_unit"), cp.amount_per_unit);
            e.non_negative(&f("carbon_price.rebate_per_unit"), cp.rebate_per_unit);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::*;
    use crate::synthetic::{synthetic_installation, SyntheticSpec};

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    fn keys(inst: &Installation) -> Vec<(String, String)> {
        inst.validate()
            .into_iter()
            .map(|e| (e.field, e.key))
            .collect()
    }

    #[test]
    fn a_synthetic_installation_is_valid() {
        let inst = synthetic_installation(&SyntheticSpec::new(4, 6, 9));
        assert_eq!(keys(&inst), Vec::<(String, String)>::new());
    }

    #[test]
    fn each_rule_points_at_its_field() {
        let mut inst = synthetic_installation(&SyntheticSpec::new(2, 2, 2));
        inst.about.country = "XX".into();
        inst.source_streams[0].ncv = None;
        let own = inst.processes[0].id.clone();
        inst.processes[0].transfers.push(Transfer {
            to: own,
            amount: d("1"),
        });
        inst.processes[1].production.clear();
        inst.precursors[0].values = PrecursorValues::CountryDefault { variant: None };
        inst.precursors[0].cn_code = None;
        inst.precursors[0].default_justification = None;
        inst.products[0].cn_code = "84713000".into();
        inst.products[1].process = "nowhere".into();
        let got = keys(&inst);
        for want in [
            ("about.country", "v-country-unknown"),
            ("source_streams.0.ncv", "v-required"),
            ("processes.0.transfers.1.to", "cbam-v-transfer-self"),
            ("processes.1.production", "cbam-v-activity-level-zero"),
            ("precursors.0.cn_code", "cbam-v-cn-required-for-default"),
            (
                "precursors.0.default_justification",
                "cbam-v-justification-required",
            ),
            ("products.0.cn_code", "cbam-v-cn-unknown"),
            ("products.1.process", "cbam-v-process-unknown"),
        ] {
            assert!(
                got.contains(&(want.0.to_string(), want.1.to_string())),
                "missing {want:?} in {got:?}"
            );
        }
    }

    #[test]
    fn a_split_default_value_needs_its_variant() {
        let mut inst = synthetic_installation(&SyntheticSpec::new(4, 6, 9));
        let p = &mut inst.precursors[0];
        p.category = GoodsCategory::CementClinker;
        p.cn_code = Some("2523 10 00".into());
        p.country = Some("EG".into());
        p.default_justification = Some(DefaultJustification::DataGaps);
        p.values = PrecursorValues::CountryDefault { variant: None };
        let want = (
            "precursors.0.values.variant".to_string(),
            "cbam-v-variant-required".to_string(),
        );
        assert!(keys(&inst).contains(&want), "{:?}", keys(&inst));
        inst.precursors[0].values = PrecursorValues::CountryDefault {
            variant: Some("blue-clinker".into()),
        };
        assert!(keys(&inst).contains(&want));
        inst.precursors[0].values = PrecursorValues::CountryDefault {
            variant: Some("white-clinker".into()),
        };
        assert!(!keys(&inst).iter().any(|k| k.0.ends_with("values.variant")));
    }

    #[test]
    fn product_cn_code_must_match_the_process_category() {
        let mut inst = synthetic_installation(&SyntheticSpec::new(1, 0, 1));
        inst.products[0].cn_code = "25232900".into(); // cement, process makes steel products
        assert!(keys(&inst).contains(&("products.0.cn_code".into(), "cbam-v-cn-category".into())));
    }

    #[test]
    fn production_balance_is_checked_when_market_share_is_given() {
        let mut inst = synthetic_installation(&SyntheticSpec::new(1, 0, 1));
        let al = inst.processes[0].activity_level().unwrap();
        inst.processes[0].produced_for_market = Some(al - d("5"));
        assert!(keys(&inst).contains(&(
            "processes.0.production".into(),
            "cbam-v-production-balance".into()
        )));
        inst.processes[0].non_cbam_use = Some(d("5"));
        assert!(!keys(&inst)
            .iter()
            .any(|(_, k)| k == "cbam-v-production-balance"));
    }
}
