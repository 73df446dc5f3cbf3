//! The company's own data as VSME facts: B1 from the company profile, B3 energy and GHG and C3
//! targets from the GHG inventory, everything else as typed by the user.
//!
//! Why this module exists: the report's figures must never be retyped. B1's size, country,
//! NACE codes and sites are already in the profile; B3's figures are the inventory's results,
//! and every fact made from them keeps the result ids it came from
//! ([`Provenance::Inventory`]), so the UI and `athar explain` can walk from the report cell to
//! the bill. A person may still replace a computed figure, with a reason; the fact then says
//! so ([`Provenance::Override`]) and keeps the computed value, and the lead writes the reason
//! to the audit log. Datapoints no source computes are the user's typed facts.

use std::collections::BTreeMap;

use athar_domain::CompanyData;
use athar_inventory::Inventory;
use rust_decimal::{Decimal, RoundingStrategy};
use serde::{Deserialize, Serialize};
use time::Date;

use crate::energy::{energy_from_inventory, Carrier, EnergyFigures, EnergyGap};
use crate::fact::{
    Decimals, DimensionValue, Fact, FactPeriod, FactUnit, FactValue, Provenance, ReportInfo,
};
use crate::model::{FieldKind, Model};
use crate::template::{Domain, Resolution};

/// How GHG figures are rounded in the report: to the kilogram.
pub const GHG_DECIMALS: u32 = 3;
/// Energy to the kWh.
pub const ENERGY_DECIMALS: u32 = 3;
/// Significant digits of an intensity (tCO2e per unit of currency is a small number).
pub const INTENSITY_SIGNIFICANT_DIGITS: u32 = 6;

/// The identifier of the reporting company in XBRL (LEI, DUNS, EUID or PermID).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EntityId {
    /// `lei`, `duns`, `euid` or `permid` (see [`crate::model::TemplateRules::entity_schemes`]).
    pub scheme: String,
    pub identifier: String,
}

/// A GHG reduction target (VSME C3): baseline figures come from the base year's inventory;
/// target-year figures are the baseline reduced by these fractions (0.42 = 42 % less).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GhgTarget {
    pub base_year: i32,
    pub target_year: i32,
    /// Reduction of Scope 1 and Scope 2 emissions.
    pub scope1_2_reduction: Decimal,
    /// Reduction of Scope 3 emissions, if the target covers them.
    #[serde(default)]
    pub scope3_reduction: Option<Decimal>,
}

/// A person's replacement for a computed figure.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Override {
    pub value: Decimal,
    pub reason: String,
}

/// Everything the company report is made from.
#[derive(Debug, Clone, Copy)]
pub struct CompanyInputs<'a> {
    pub company: &'a CompanyData,
    pub entity: Option<&'a EntityId>,
    /// ISO 4217 currency of the report's monetary facts.
    pub currency: &'a str,
    pub period_start: Date,
    pub period_end: Date,
    /// The inventory of the reporting period.
    pub inventory: Option<&'a Inventory>,
    /// The inventory of the target's base year.
    pub baseline: Option<&'a Inventory>,
    pub target: Option<&'a GhgTarget>,
    /// Facts the user typed for datapoints no source computes.
    pub typed: &'a [Fact],
    /// Overrides by [`fact_key`].
    pub overrides: &'a BTreeMap<String, Override>,
}

/// The report's facts, and what could not be derived.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CompanyFacts {
    pub info: ReportInfo,
    pub facts: Vec<Fact>,
    pub energy: Option<EnergyFigures>,
    /// Typed facts left out because a source computes the same datapoint (override it
    /// instead), by [`fact_key`].
    pub ignored_typed: Vec<String>,
    pub energy_gaps: Vec<EnergyGap>,
}

/// Why the company's facts cannot be made.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum CompanyError {
    #[error("an override of {key} has no reason")]
    OverrideWithoutReason { key: String },
    #[error("no computed figure {key} to override")]
    NothingToOverride { key: String },
    #[error("the turnover is in {found}, the report in {expected}")]
    CurrencyMismatch { expected: String, found: String },
    #[error("{currency} is not an ISO 4217 currency")]
    UnknownCurrency { currency: String },
    #[error("unknown entity identifier scheme {scheme}")]
    UnknownScheme { scheme: String },
    #[error("the reporting period starts after it ends")]
    PeriodReversed,
    #[error("a typed fact names {concept}, which is not a VSME datapoint")]
    UnknownDatapoint { concept: String },
}

impl CompanyError {
    pub fn key(&self) -> &'static str {
        match self {
            CompanyError::OverrideWithoutReason { .. } => "vsme-error-override-reason",
            CompanyError::NothingToOverride { .. } => "vsme-error-override-target",
            CompanyError::CurrencyMismatch { .. } => "vsme-error-currency-mismatch",
            CompanyError::UnknownCurrency { .. } => "vsme-error-unknown-currency",
            CompanyError::UnknownScheme { .. } => "vsme-error-unknown-scheme",
            CompanyError::PeriodReversed => "vsme-error-period-order",
            CompanyError::UnknownDatapoint { .. } => "vsme-error-unknown-datapoint",
        }
    }

    pub fn args(&self) -> Vec<(String, String)> {
        let a = |k: &str, v: &str| (k.to_string(), v.to_string());
        match self {
            CompanyError::OverrideWithoutReason { key }
            | CompanyError::NothingToOverride { key } => vec![a("key", key)],
            CompanyError::CurrencyMismatch { expected, found } => {
                vec![a("expected", expected), a("found", found)]
            }
            CompanyError::UnknownCurrency { currency } => vec![a("currency", currency)],
            CompanyError::UnknownScheme { scheme } => vec![a("scheme", scheme)],
            CompanyError::PeriodReversed => vec![],
            CompanyError::UnknownDatapoint { concept } => vec![a("concept", concept)],
        }
    }
}

/// A stable key of a fact's aspects: `vsme:GrossScope1GreenhouseGasEmissions`,
/// `vsme:GrossScope1GreenhouseGasEmissions[vsme:ReportingScopesAxis=vsme:BaselineYearMember]`.
/// Overrides and stored facts are addressed by it.
pub fn fact_key(f: &Fact) -> String {
    let mut k = f.concept.clone();
    if !f.dimensions.is_empty() {
        let dims: Vec<String> = f
            .dimensions
            .iter()
            .map(|(a, v)| match v {
                DimensionValue::Member(m) => format!("{a}={m}"),
                DimensionValue::Typed(t) => format!("{a}=\"{t}\""),
            })
            .collect();
        k.push_str(&format!("[{}]", dims.join(",")));
    }
    k
}

/// The report's metadata from the company profile.
pub fn report_info(inputs: &CompanyInputs<'_>) -> Result<ReportInfo, CompanyError> {
    let model = Model::get();
    if inputs.period_start > inputs.period_end {
        return Err(CompanyError::PeriodReversed);
    }
    if !model.currencies.iter().any(|c| c == inputs.currency) {
        return Err(CompanyError::UnknownCurrency {
            currency: inputs.currency.to_string(),
        });
    }
    let (entity_scheme, entity_identifier) = match inputs.entity {
        Some(e) => {
            let scheme = model
                .rules
                .entity_schemes
                .get(&e.scheme.to_lowercase())
                .cloned()
                .ok_or_else(|| CompanyError::UnknownScheme {
                    scheme: e.scheme.clone(),
                })?;
            (scheme, e.identifier.clone())
        }
        None => (String::new(), String::new()),
    };
    let p = &inputs.company.profile;
    Ok(ReportInfo {
        entity_name: p.legal_name_en.clone(),
        entity_identifier,
        entity_scheme,
        currency: inputs.currency.to_string(),
        period_start: inputs.period_start,
        period_end: inputs.period_end,
        entry_point: model.taxonomy.entry_point.clone(),
        template_version: None,
    })
}

/// The facts of the company's report.
pub fn company_facts(inputs: &CompanyInputs<'_>) -> Result<CompanyFacts, CompanyError> {
    let model = Model::get();
    let info = report_info(inputs)?;
    let mut derived: Vec<Fact> = Vec::new();
    profile_facts(model, inputs, &mut derived)?;
    let mut energy = None;
    let mut energy_gaps = Vec::new();
    if let Some(inv) = inputs.inventory {
        let e = energy_from_inventory(inv);
        energy_facts(&e, &mut derived);
        energy_gaps = e.gaps.clone();
        ghg_facts(inv, inputs.currency, None, &mut derived);
        energy = Some(e);
    }
    if let (Some(base), Some(target)) = (inputs.baseline, inputs.target) {
        target_facts(base, target, inputs.currency, &mut derived);
    }

    // Overrides replace computed figures, keeping what was computed.
    for (key, o) in inputs.overrides {
        if o.reason.trim().is_empty() {
            return Err(CompanyError::OverrideWithoutReason { key: key.clone() });
        }
        let f = derived
            .iter_mut()
            .find(|f| fact_key(f) == *key)
            .ok_or_else(|| CompanyError::NothingToOverride { key: key.clone() })?;
        let computed = match &f.value {
            FactValue::Number(n) => n.to_string(),
            other => format!("{other:?}"),
        };
        f.value = FactValue::Number(o.value);
        f.provenance = Some(Provenance::Override {
            source: Box::new(f.provenance.clone().unwrap_or(Provenance::User)),
            computed,
            reason: o.reason.trim().to_string(),
        });
    }

    let derived_keys: std::collections::BTreeSet<String> = derived.iter().map(fact_key).collect();
    let mut ignored_typed = Vec::new();
    let mut facts = derived;
    for t in inputs.typed {
        if model.datapoint(&t.concept).is_none() {
            return Err(CompanyError::UnknownDatapoint {
                concept: t.concept.clone(),
            });
        }
        let k = fact_key(t);
        if derived_keys.contains(&k) {
            ignored_typed.push(k);
            continue;
        }
        let mut t = t.clone();
        if t.provenance.is_none() {
            t.provenance = Some(Provenance::User);
        }
        if let Some(FactUnit::Currency { code }) = &t.unit {
            if code != inputs.currency {
                return Err(CompanyError::CurrencyMismatch {
                    expected: inputs.currency.to_string(),
                    found: code.clone(),
                });
            }
        }
        facts.push(t);
    }
    facts.sort_by_key(|f| (f.concept.clone(), fact_key(f)));
    Ok(CompanyFacts {
        info,
        facts,
        energy,
        ignored_typed,
        energy_gaps,
    })
}

fn profile(field: &str) -> Provenance {
    Provenance::Profile {
        field: field.to_string(),
    }
}

fn members(v: &[&str]) -> FactValue {
    let mut v: Vec<String> = v.iter().map(|s| s.to_string()).collect();
    v.sort();
    FactValue::Members(v)
}

fn profile_facts(
    model: &Model,
    inputs: &CompanyInputs<'_>,
    out: &mut Vec<Fact>,
) -> Result<(), CompanyError> {
    let p = &inputs.company.profile;
    let country = format!("country:{}", p.country);
    if model.member(&country).is_some() {
        out.push(
            Fact::new(
                "vsme:CountryOfPrimaryOperationsAndLocationOfSignificantAssets",
                members(&[&country]),
            )
            .with_provenance(profile("profile.country")),
        );
    }
    let nace: Vec<String> = p
        .nace_codes
        .iter()
        .filter_map(|c| {
            model
                .members
                .iter()
                .find(|m| m.qname.starts_with("nace:") && m.code.as_deref() == Some(c.as_str()))
                .map(|m| m.qname.clone())
        })
        .collect();
    if !nace.is_empty() {
        let refs: Vec<&str> = nace.iter().map(String::as_str).collect();
        out.push(
            Fact::new("vsme:NaceSectorClassificationCodes", members(&refs))
                .with_provenance(profile("profile.nace_codes")),
        );
    }
    if let Some(t) = &p.turnover {
        if t.currency != inputs.currency {
            return Err(CompanyError::CurrencyMismatch {
                expected: inputs.currency.to_string(),
                found: t.currency.clone(),
            });
        }
        out.push(
            Fact::new("vsme:Turnover", FactValue::Number(t.amount))
                .with_unit(FactUnit::Currency {
                    code: t.currency.clone(),
                })
                .with_decimals(Decimals::Places(0))
                .with_provenance(profile("profile.turnover")),
        );
    }
    if let Some(n) = p.employees {
        out.push(
            Fact::new(
                "vsme:NumberOfEmployees",
                FactValue::Number(Decimal::from(n)),
            )
            .with_unit(FactUnit::measure("xbrli:pure"))
            .with_decimals(Decimals::Places(0))
            .with_provenance(profile("profile.employees")),
        );
    }
    if !p.legal_form.trim().is_empty() {
        let enumeration = model
            .enumeration("vsme:UndertakingsLegalForm")
            .map(|e| e.members.clone())
            .unwrap_or_default();
        let domain = Domain::new(model, &enumeration);
        match domain.resolve(model, &p.legal_form, false) {
            Resolution::Exact(m) | Resolution::Alias(m) => out.push(
                Fact::new("vsme:UndertakingsLegalForm", FactValue::Members(vec![m]))
                    .with_provenance(profile("profile.legal_form")),
            ),
            _ => {
                out.push(
                    Fact::new(
                        "vsme:UndertakingsLegalForm",
                        FactValue::Members(vec!["vsme:OtherUndertakingsLegalFormMember".into()]),
                    )
                    .with_provenance(profile("profile.legal_form")),
                );
                out.push(
                    Fact::new(
                        "vsme:OtherUndertakingsLegalForm",
                        FactValue::Text(p.legal_form.trim().to_string()),
                    )
                    .with_provenance(profile("profile.legal_form")),
                );
            }
        }
    }
    for (i, site) in inputs.company.sites.iter().enumerate() {
        let id = DimensionValue::Typed((i + 1).to_string());
        let field = |f: &str| profile(&format!("sites.{i}.{f}"));
        let axis = "vsme:IdentifierOfSiteTypedAxis";
        if !site.address.trim().is_empty() {
            out.push(
                Fact::new(
                    "vsme:AddressOfSite",
                    FactValue::Text(site.address.trim().into()),
                )
                .with_dimension(axis, id.clone())
                .with_provenance(field("address")),
            );
        }
        let country = site.unlocode.get(..2).map(|c| format!("country:{c}"));
        if let Some(c) = country.filter(|c| model.member(c).is_some()) {
            out.push(
                Fact::new("vsme:CountryOfSite", FactValue::Members(vec![c]))
                    .with_dimension(axis, id.clone())
                    .with_provenance(field("unlocode")),
            );
        }
        if let (Some(lat), Some(lon)) = (site.latitude, site.longitude) {
            out.push(
                Fact::new(
                    "vsme:GPSLocationOfSite",
                    FactValue::Text(format!("{lat}, {lon}")),
                )
                .with_dimension(axis, id.clone())
                .with_provenance(field("latitude")),
            );
        }
    }
    Ok(())
}

fn inventory(results: Vec<String>) -> Provenance {
    let formula = (results.len() > 1).then(|| results.join(" + "));
    Provenance::Inventory { results, formula }
}

fn round(v: Decimal, dp: u32) -> Decimal {
    v.round_dp_with_strategy(dp, RoundingStrategy::MidpointAwayFromZero)
}

/// Rounds to `digits` significant digits; returns the value and its decimal places.
fn round_significant(v: Decimal, digits: u32) -> (Decimal, i32) {
    if v.is_zero() {
        return (v, digits as i32);
    }
    let n = v.abs().normalize();
    // Position of the first significant digit: 10^exp ≤ n < 10^(exp+1).
    let int_digits = n.trunc().to_string().trim_start_matches('0').len() as i32;
    let exp = if int_digits > 0 {
        int_digits - 1
    } else {
        let frac = n.to_string();
        let after = frac.split('.').nth(1).unwrap_or("");
        -((after.len() - after.trim_start_matches('0').len()) as i32) - 1
    };
    let dp = (digits as i32 - 1 - exp).max(0);
    (round(v, dp as u32), dp)
}

fn ghg(concept: &str, value: Decimal, results: Vec<String>, scope: Option<(&str, i32)>) -> Fact {
    let mut f = Fact::new(concept, FactValue::Number(round(value, GHG_DECIMALS)))
        .with_unit(FactUnit::measure("utr:tCO2e"))
        .with_decimals(Decimals::Places(GHG_DECIMALS as i32))
        .with_provenance(inventory(results));
    if let Some((member, year)) = scope {
        f = f.with_dimension(
            "vsme:ReportingScopesAxis",
            DimensionValue::Member(format!("vsme:{member}")),
        );
        f.period = FactPeriod::Year {
            name: member.to_string(),
            year,
        };
    }
    f
}

/// Scope totals of an inventory: (value, result ids) per VSME concept.
fn scope_figures(inv: &Inventory) -> Vec<(&'static str, Decimal, Vec<String>)> {
    let period = inv.reporting_period.label();
    let id = |c: &str| format!("{c}/all/{period}");
    let get = |c: &str| inv.value(&id(c)).map(|v| (v, vec![id(c)]));
    let sum = |a: &str, b: &str| match (get(a), get(b)) {
        (Some((x, mut ia)), Some((y, ib))) => {
            ia.extend(ib);
            Some((x + y, ia))
        }
        (Some(x), None) => Some(x),
        (None, Some(y)) => Some(y),
        _ => None,
    };
    let mut out = Vec::new();
    let mut push = |c: &'static str, v: Option<(Decimal, Vec<String>)>| {
        if let Some((v, ids)) = v {
            out.push((c, v, ids));
        }
    };
    push("vsme:GrossScope1GreenhouseGasEmissions", get("scope1"));
    push(
        "vsme:GrossLocationBasedScope2GreenhouseGasEmissions",
        get("scope2-location"),
    );
    push(
        "vsme:GrossMarketBasedScope2GreenhouseGasEmissions",
        get("scope2-market"),
    );
    push(
        "vsme:TotalGrossLocationBasedScope1AndScope2GHGEmissions",
        sum("scope1", "scope2-location"),
    );
    push(
        "vsme:TotalGrossMarketBasedScope1AndScope2GHGEmissions",
        sum("scope1", "scope2-market"),
    );
    push("vsme:GrossScope3GreenhouseGasEmissions", get("scope3"));
    push(
        "vsme:TotalGrossLocationBasedGHGEmissions",
        get("total-location"),
    );
    push(
        "vsme:TotalGrossMarketBasedGHGEmissions",
        get("total-market"),
    );
    out
}

fn ghg_facts(inv: &Inventory, currency: &str, scope: Option<(&str, i32)>, out: &mut Vec<Fact>) {
    let figures = scope_figures(inv);
    for (concept, v, ids) in &figures {
        out.push(ghg(concept, *v, ids.clone(), scope));
    }
    if scope.is_some() {
        return;
    }
    // Intensities per turnover, in the report currency.
    let Some(revenue) = inv.net_revenue.as_ref().filter(|m| m.currency == currency) else {
        return;
    };
    if revenue.amount <= Decimal::ZERO {
        return;
    }
    let by = |c: &str| figures.iter().find(|f| f.0 == c);
    for (concept, numerator) in [
        (
            "vsme:Scope1AndScope2GreenhouseGasEmissionsIntensityValueLocationBased",
            "vsme:TotalGrossLocationBasedScope1AndScope2GHGEmissions",
        ),
        (
            "vsme:Scope1AndScope2GreenhouseGasEmissionsIntensityValueMarketBased",
            "vsme:TotalGrossMarketBasedScope1AndScope2GHGEmissions",
        ),
        (
            "vsme:TotalLocationBasedGreenhouseGasEmissionsIntensityValue",
            "vsme:TotalGrossLocationBasedGHGEmissions",
        ),
        (
            "vsme:TotalMarketBasedGreenhouseGasEmissionsIntensityValue",
            "vsme:TotalGrossMarketBasedGHGEmissions",
        ),
    ] {
        let Some((_, v, ids)) = by(numerator) else {
            continue;
        };
        let (value, dp) = round_significant(*v / revenue.amount, INTENSITY_SIGNIFICANT_DIGITS);
        out.push(
            Fact::new(concept, FactValue::Number(value))
                .with_unit(FactUnit::PerCurrency {
                    numerator: "utr:tCO2e".into(),
                    code: currency.to_string(),
                })
                .with_decimals(Decimals::Places(dp))
                .with_provenance(Provenance::Inventory {
                    results: ids.clone(),
                    formula: Some(format!(
                        "({}) / {} {}",
                        ids.join(" + "),
                        revenue.amount,
                        revenue.currency
                    )),
                }),
        );
    }
}

fn energy_facts(e: &EnergyFigures, out: &mut Vec<Fact>) {
    let mwh = |concept: &str, v: Decimal, ids: Vec<String>, member: Option<&str>| {
        let mut f = Fact::new(concept, FactValue::Number(round(v, ENERGY_DECIMALS)))
            .with_unit(FactUnit::measure("utr:MWh"))
            .with_decimals(Decimals::Places(ENERGY_DECIMALS as i32))
            .with_provenance(Provenance::Inventory {
                formula: (ids.len() > 1).then(|| "Σ MWh of the lines".to_string()),
                results: ids,
            });
        if let Some(m) = member {
            f = f.with_dimension(
                "vsme:BreakdownOfEnergyConsumptionAxis",
                DimensionValue::Member(format!("vsme:{m}")),
            );
        }
        f
    };
    if e.lines.is_empty() {
        return;
    }
    out.push(mwh(
        "vsme:TotalEnergyConsumption",
        e.total(),
        e.line_ids(|_| true),
        None,
    ));
    for (concept, split, pick) in [
        (
            "vsme:EnergyConsumptionFromElectricity",
            e.electricity,
            (|c: &Carrier| *c == Carrier::Electricity) as fn(&Carrier) -> bool,
        ),
        (
            "vsme:EnergyConsumptionFromFuels",
            e.fuels,
            (|c: &Carrier| matches!(c, Carrier::Fuel { .. })) as fn(&Carrier) -> bool,
        ),
    ] {
        let ids = e.line_ids(pick);
        if ids.is_empty() {
            continue;
        }
        out.push(mwh(concept, split.total(), ids.clone(), None));
        out.push(mwh(
            concept,
            split.renewable,
            ids.clone(),
            Some("RenewableEnergyMember"),
        ));
        out.push(mwh(
            concept,
            split.non_renewable,
            ids,
            Some("NonRenewableEnergyMember"),
        ));
    }
}

fn target_facts(base: &Inventory, t: &GhgTarget, currency: &str, out: &mut Vec<Fact>) {
    let _ = currency;
    out.push(
        Fact::new(
            "vsme:GreenhouseGasEmissionReductionTargetBaseYear",
            FactValue::Year(t.base_year),
        )
        .with_provenance(Provenance::User),
    );
    out.push(
        Fact::new(
            "vsme:GreenhouseGasEmissionReductionTargetYear",
            FactValue::Year(t.target_year),
        )
        .with_provenance(Provenance::User),
    );
    let figures = scope_figures(base);
    for (concept, v, ids) in &figures {
        out.push(ghg(
            concept,
            *v,
            ids.clone(),
            Some(("BaselineYearMember", t.base_year)),
        ));
    }
    let reduction = |concept: &str| -> Option<Decimal> {
        if concept.contains("Scope3") {
            t.scope3_reduction
        } else if concept.contains("GHGEmissions") && !concept.contains("Scope1And") {
            // Totals with Scope 3: only when Scope 3 has a target too.
            t.scope3_reduction.map(|_| t.scope1_2_reduction)
        } else {
            Some(t.scope1_2_reduction)
        }
    };
    let by = |c: &str| figures.iter().find(|f| f.0 == c).map(|f| f.1);
    for (concept, v, ids) in &figures {
        let Some(r) = reduction(concept) else {
            continue;
        };
        let target = if *concept == "vsme:TotalGrossLocationBasedGHGEmissions"
            || *concept == "vsme:TotalGrossMarketBasedGHGEmissions"
        {
            // Sum of the reduced parts.
            let s2 = if concept.contains("Location") {
                "vsme:GrossLocationBasedScope2GreenhouseGasEmissions"
            } else {
                "vsme:GrossMarketBasedScope2GreenhouseGasEmissions"
            };
            let s12 = by("vsme:GrossScope1GreenhouseGasEmissions").unwrap_or_default()
                + by(s2).unwrap_or_default();
            let s3 = by("vsme:GrossScope3GreenhouseGasEmissions").unwrap_or_default();
            s12 * (Decimal::ONE - t.scope1_2_reduction)
                + s3 * (Decimal::ONE - t.scope3_reduction.unwrap_or_default())
        } else {
            *v * (Decimal::ONE - r)
        };
        let mut f = ghg(
            concept,
            target,
            ids.clone(),
            Some(("TargetYearMember", t.target_year)),
        );
        f.provenance = Some(Provenance::Inventory {
            results: ids.clone(),
            formula: Some(format!("({}) × (1 − {r})", ids.join(" + "))),
        });
        out.push(f);
    }
}

/// Whether a datapoint is one Athar computes (the UI shows it read-only, with "explain" and
/// "override").
pub fn is_computed(concept: &str) -> bool {
    let Some(d) = Model::get().datapoint(concept) else {
        return false;
    };
    matches!(d.kind, FieldKind::Ghg | FieldKind::GhgPerMonetary)
        || matches!(
            concept,
            "vsme:TotalEnergyConsumption"
                | "vsme:EnergyConsumptionFromElectricity"
                | "vsme:EnergyConsumptionFromFuels"
        )
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    #[test]
    fn significant_rounding_of_small_intensities() {
        let d = |s| Decimal::from_str(s).unwrap();
        assert_eq!(
            round_significant(d("0.0148936170212765"), 6),
            (d("0.0148936"), 7)
        );
        assert_eq!(round_significant(d("1234.56789"), 6), (d("1234.57"), 2));
        assert_eq!(
            round_significant(d("0.000012345678"), 3),
            (d("0.0000123"), 7)
        );
    }

    #[test]
    fn fact_keys_name_concept_and_dimensions() {
        let f = Fact::new(
            "vsme:GrossScope1GreenhouseGasEmissions",
            FactValue::Number(Decimal::ONE),
        )
        .with_dimension(
            "vsme:ReportingScopesAxis",
            DimensionValue::Member("vsme:BaselineYearMember".into()),
        );
        assert_eq!(
            fact_key(&f),
            "vsme:GrossScope1GreenhouseGasEmissions[vsme:ReportingScopesAxis=vsme:BaselineYearMember]"
        );
    }
}
