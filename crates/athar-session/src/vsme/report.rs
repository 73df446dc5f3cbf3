//! Assembling the company's VSME report from the company file: the profile, the inventories
//! of the reporting year and of the target's base year, the overrides, the stored (typed or
//! imported) facts, the answers and the settings.
//!
//! Why this module exists: the report screen, the exports and `athar vsme export` must report
//! exactly the same facts, so one function decides where each figure comes from
//! (docs/decisions/035-vsme-where-a-figure-comes-from.md):
//! 1. an override with a reason replaces a computed figure;
//! 2. the inventory's figures (B3 energy and GHG, C3 baseline and targets) are computed and a
//!    stored fact for the same datapoint is set aside (shown, and adoptable as an override);
//! 3. a stored fact (typed in the forms or imported from a template) is reported, and takes
//!    the place of a value the company profile would give (B1);
//! 4. the profile's values fill what remains;
//! 5. the base and target year of the GHG target come from the report settings.
//!
//! The functions take a [`CompanyFile`], not the session, so the CLI calls them too.

use std::collections::{BTreeMap, BTreeSet};

use athar_domain::CompanyData;
use athar_inventory::{Inventory, Period};
use athar_protocol::UiError;
use athar_store::{CompanyFile, EntryQuery, VsmeFactSource, VsmeReportSettings};
use athar_vsme::company::{company_facts, fact_key, CompanyInputs, EntityId, GhgTarget, Override};
use athar_vsme::completeness::{completeness, Completeness};
use athar_vsme::energy::EnergyFigures;
use athar_vsme::esrs_e1::{e1_view, E1View};
use athar_vsme::fact::{
    DimensionValue, Fact, FactPeriod, FactUnit, FactValue, Provenance, ReportInfo,
};
use athar_vsme::model::Model;
use time::{Date, Month};

use crate::activity::calculate;
use crate::store_error;

/// The axis whose members name the base year and the target year.
pub const SCOPES_AXIS: &str = "vsme:ReportingScopesAxis";
pub const BASELINE_MEMBER: &str = "vsme:BaselineYearMember";
pub const TARGET_MEMBER: &str = "vsme:TargetYearMember";
pub const BASE_YEAR_CONCEPT: &str = "vsme:GreenhouseGasEmissionReductionTargetBaseYear";
pub const TARGET_YEAR_CONCEPT: &str = "vsme:GreenhouseGasEmissionReductionTargetYear";

/// The report's settings with the profile's values where none is set.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Resolved {
    pub entity_name: String,
    pub entity: Option<EntityId>,
    pub currency: String,
    pub period_start: Date,
    pub period_end: Date,
    pub base_year: Option<i32>,
    pub target_year: Option<i32>,
    pub target: Option<GhgTarget>,
}

/// The calendar year of a reporting year.
fn year_bounds(year: i32) -> (Date, Date) {
    let start = Date::from_calendar_date(year, Month::January, 1).unwrap_or(Date::MIN);
    let end = Date::from_calendar_date(year, Month::December, 31).unwrap_or(Date::MAX);
    (start, end)
}

pub fn resolve(s: &VsmeReportSettings, data: &CompanyData) -> Resolved {
    let p = &data.profile;
    let (start, end) = year_bounds(p.reporting_year);
    fn nonempty(o: &Option<String>) -> Option<&str> {
        o.as_deref().map(str::trim).filter(|x| !x.is_empty())
    }
    let entity = match (nonempty(&s.entity_scheme), nonempty(&s.entity_identifier)) {
        (Some(scheme), Some(id)) => Some(EntityId {
            scheme: scheme.to_string(),
            identifier: id.to_string(),
        }),
        _ => None,
    };
    let target = match (s.target_base_year, s.target_year, s.scope12_reduction) {
        (Some(base_year), Some(target_year), Some(r)) => Some(GhgTarget {
            base_year,
            target_year,
            scope1_2_reduction: r,
            scope3_reduction: s.scope3_reduction,
        }),
        _ => None,
    };
    Resolved {
        entity_name: nonempty(&s.entity_name)
            .map(str::to_string)
            .unwrap_or_else(|| p.legal_name_en.clone()),
        entity,
        currency: nonempty(&s.currency)
            .map(str::to_string)
            .or_else(|| p.turnover.as_ref().map(|m| m.currency.clone()))
            .unwrap_or_else(|| "EUR".to_string()),
        period_start: s.period_start.unwrap_or(start),
        period_end: s.period_end.unwrap_or(end),
        base_year: s.target_base_year,
        target_year: s.target_year,
        target,
    }
}

/// The inventories the report rests on. An inventory is computed only for a year with
/// activity data: an empty year would report zeros as if they were measured.
#[derive(Default)]
pub struct Inventories {
    /// The calendar year of the reporting period's end.
    pub year: i32,
    pub current: Option<Inventory>,
    pub base_year: Option<i32>,
    pub baseline: Option<Inventory>,
    /// Why an inventory could not be computed (entries the engine cannot calculate).
    pub problems: Vec<UiError>,
}

fn has_entries(f: &CompanyFile, year: i32) -> Result<bool, UiError> {
    let Some(period) = Period::year(year) else {
        return Ok(false);
    };
    let (_, n) = f
        .query_entries(&EntryQuery {
            from: Some(period.from),
            to: Some(period.to),
            limit: 0,
            ..EntryQuery::default()
        })
        .map_err(store_error)?;
    Ok(n > 0)
}

fn inventory_of(
    f: &CompanyFile,
    year: i32,
    problems: &mut Vec<UiError>,
) -> Result<Option<Inventory>, UiError> {
    if !has_entries(f, year)? {
        return Ok(None);
    }
    match calculate(f, year, false) {
        Ok(inv) => Ok(Some(inv)),
        Err(e) => {
            problems.push(UiError::from(e).arg("year", year));
            Ok(None)
        }
    }
}

/// Computes the inventories of the reporting year and of the target's base year.
pub fn inventories(f: &CompanyFile, r: &Resolved) -> Result<Inventories, UiError> {
    let year = r.period_end.year();
    let mut problems = Vec::new();
    let current = inventory_of(f, year, &mut problems)?;
    let baseline = match r.base_year {
        Some(b) if b == year => current.clone(),
        Some(b) => inventory_of(f, b, &mut problems)?,
        None => None,
    };
    Ok(Inventories {
        year,
        current,
        base_year: r.base_year,
        baseline,
        problems,
    })
}

/// The report as assembled.
#[derive(Debug, Clone)]
pub struct Report {
    pub info: ReportInfo,
    pub settings: VsmeReportSettings,
    pub resolved: Resolved,
    /// Facts as reported, sorted by key.
    pub facts: Vec<Fact>,
    /// Keys of reported facts stored in the file, and how they got there.
    pub stored: BTreeMap<String, VsmeFactSource>,
    /// Keys of stored facts that take the place of a profile value.
    pub replaces_profile: BTreeSet<String>,
    /// Stored facts not reported because Athar computes the datapoint.
    pub set_aside: Vec<(String, Fact, VsmeFactSource)>,
    pub stale_overrides: Vec<String>,
    pub energy: Option<EnergyFigures>,
    pub answers: BTreeMap<String, bool>,
    pub completeness: Completeness,
    pub e1: E1View,
    pub inventory_year: Option<i32>,
    pub problems: Vec<UiError>,
}

fn company_error(e: athar_vsme::company::CompanyError) -> UiError {
    let mut u = UiError::new(e.key());
    for (k, v) in e.args() {
        u = u.arg(&k, v);
    }
    u
}

/// The period of a fact on the scopes axis: the base or the target year of the settings.
pub fn scope_period(
    dims: &BTreeMap<String, DimensionValue>,
    r: &Resolved,
) -> Option<Result<FactPeriod, &'static str>> {
    let member = match dims.get(SCOPES_AXIS)? {
        DimensionValue::Member(m) => m.as_str(),
        DimensionValue::Typed(_) => return None,
    };
    let (name, year) = match member {
        BASELINE_MEMBER => ("BaselineYearMember", r.base_year),
        TARGET_MEMBER => ("TargetYearMember", r.target_year),
        _ => return None,
    };
    Some(
        year.map(|year| FactPeriod::Year {
            name: name.to_string(),
            year,
        })
        .ok_or(if member == BASELINE_MEMBER {
            "vsme-error-base-year-first"
        } else {
            "vsme-error-target-year-first"
        }),
    )
}

/// Assembles the report (see the module comment for the order of sources).
pub fn assemble(f: &CompanyFile, inv: &Inventories) -> Result<Report, UiError> {
    let model = Model::get();
    let mut data = f.load().map_err(store_error)?;
    let settings = f.vsme_settings().map_err(store_error)?;
    let r = resolve(&settings, &data);
    let stored = f.vsme_facts().map_err(store_error)?;
    let overrides = f.vsme_overrides().map_err(store_error)?;
    let answers = f.vsme_answers().map_err(store_error)?;
    let mut problems = inv.problems.clone();

    // A turnover in another currency than the report's cannot be reported as it is.
    if let Some(t) = data
        .profile
        .turnover
        .as_ref()
        .filter(|t| t.currency != r.currency)
    {
        problems.push(
            UiError::new("vsme-note-turnover-currency")
                .arg("found", &t.currency)
                .arg("expected", &r.currency),
        );
        data.profile.turnover = None;
    }
    let no_overrides = BTreeMap::new();
    let mut inputs = CompanyInputs {
        company: &data,
        entity: r.entity.as_ref(),
        currency: &r.currency,
        period_start: r.period_start,
        period_end: r.period_end,
        inventory: inv.current.as_ref(),
        baseline: inv.baseline.as_ref(),
        target: r.target.as_ref(),
        typed: &[],
        overrides: &no_overrides,
    };
    let plain = company_facts(&inputs).map_err(company_error)?;
    // Overrides apply to computed numbers that still exist.
    let numeric: BTreeSet<String> = plain
        .facts
        .iter()
        .filter(|f| f.number().is_some())
        .map(fact_key)
        .collect();
    let mut valid = BTreeMap::new();
    let mut stale_overrides = Vec::new();
    for (k, o) in &overrides {
        if numeric.contains(k) {
            valid.insert(
                k.clone(),
                Override {
                    value: o.value,
                    reason: o.reason.clone(),
                },
            );
        } else {
            stale_overrides.push(k.clone());
        }
    }
    let derived = if valid.is_empty() {
        plain
    } else {
        inputs.overrides = &valid;
        company_facts(&inputs).map_err(company_error)?
    };
    let mut info = derived.info.clone();
    info.entity_name = r.entity_name.clone();

    let mut facts: BTreeMap<String, Fact> = derived
        .facts
        .into_iter()
        .map(|f| (fact_key(&f), f))
        .collect();
    let mut stored_keys = BTreeMap::new();
    let mut replaces_profile = BTreeSet::new();
    let mut set_aside = Vec::new();
    for s in stored {
        let mut fact = s.fact;
        if fact.concept == BASE_YEAR_CONCEPT || fact.concept == TARGET_YEAR_CONCEPT {
            // The settings hold these years (step 5).
            continue;
        }
        if let Some(Ok(p)) = scope_period(&fact.dimensions, &r) {
            fact.period = p;
        }
        if let Some(FactUnit::Currency { code }) = &fact.unit {
            if *code != r.currency {
                problems.push(
                    UiError::new("vsme-note-fact-currency")
                        .arg("concept", &fact.concept)
                        .arg("found", code)
                        .arg("expected", &r.currency),
                );
                continue;
            }
        }
        if fact.provenance.is_none() {
            fact.provenance = Some(Provenance::User);
        }
        match facts.get(&s.key) {
            Some(d) if matches!(d.provenance, Some(Provenance::Profile { .. })) => {
                replaces_profile.insert(s.key.clone());
            }
            Some(_) => {
                set_aside.push((s.key, fact, s.source));
                continue;
            }
            None => {}
        }
        stored_keys.insert(s.key.clone(), s.source);
        facts.insert(s.key, fact);
    }
    for (concept, year) in [
        (BASE_YEAR_CONCEPT, r.base_year),
        (TARGET_YEAR_CONCEPT, r.target_year),
    ] {
        if let Some(y) = year {
            facts.insert(
                concept.to_string(),
                Fact::new(concept, FactValue::Year(y)).with_provenance(Provenance::User),
            );
        }
    }
    let facts: Vec<Fact> = facts.into_values().collect();
    let energy = derived.energy;
    let e1 = e1_view(&facts, energy.as_ref());
    let completeness = completeness(&facts, &answers);
    debug_assert!(facts.iter().all(|f| model.datapoint(&f.concept).is_some()));
    Ok(Report {
        info,
        settings,
        inventory_year: inv.current.as_ref().map(|_| inv.year),
        resolved: r,
        facts,
        stored: stored_keys,
        replaces_profile,
        set_aside,
        stale_overrides,
        energy,
        answers,
        completeness,
        e1,
        problems,
    })
}
