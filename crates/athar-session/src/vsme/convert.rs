//! Between the engine's facts and the protocol's: facts for the screen, and what a form sent
//! turned into a checked fact.
//!
//! Why this module exists: the form sends text as typed (Eastern Arabic digits, a percentage
//! rather than a fraction, a unit picked from a list); the engine wants a fact with the XBRL
//! meaning (the fraction, decimals from the digits typed, the report currency, the base year's
//! period). Every problem is a field error whose field is the fact key, so the form can show
//! it beside the input.

use std::collections::BTreeMap;
use std::str::FromStr;

use athar_domain::numerals::{normalize_number, to_ascii_digits};
use athar_domain::FieldError;
use athar_protocol::vsme::{
    VsmeDim, VsmeE1Line, VsmeE1View, VsmeFact, VsmeFactInput, VsmeInput, VsmeMissing, VsmeQuestion,
    VsmeSource, VsmeStored, VsmeValue,
};
use athar_store::VsmeFactSource;
use athar_vsme::completeness::{Completeness, Missing, Question};
use athar_vsme::esrs_e1::E1View;
use athar_vsme::fact::{
    Decimals, DimensionValue, Fact, FactPeriod, FactUnit, FactValue, Provenance,
};
use athar_vsme::model::{FieldKind, Model, UnitRule};
use athar_vsme::report_view::{view_value, ViewValue};
use rust_decimal::Decimal;

use super::report::{scope_period, Resolved};

pub fn dim_to_protocol(d: &DimensionValue) -> VsmeDim {
    match d {
        DimensionValue::Member(m) => VsmeDim::Member(m.clone()),
        DimensionValue::Typed(t) => VsmeDim::Typed(t.clone()),
    }
}

pub fn dim_from_protocol(d: &VsmeDim) -> DimensionValue {
    match d {
        VsmeDim::Member(m) => DimensionValue::Member(m.clone()),
        VsmeDim::Typed(t) => DimensionValue::Typed(t.clone()),
    }
}

pub fn value_to_protocol(v: &FactValue) -> VsmeValue {
    match v {
        FactValue::Number(n) => VsmeValue::Number(*n),
        FactValue::Text(t) => VsmeValue::Text(t.clone()),
        FactValue::Bool(b) => VsmeValue::Bool(*b),
        FactValue::Date(d) => VsmeValue::Date(crate::vsme::convert::iso_date(*d)),
        FactValue::Year(y) => VsmeValue::Year(*y),
        FactValue::Members(m) => VsmeValue::Members(m.clone()),
    }
}

pub fn source_to_protocol(p: &Provenance) -> VsmeSource {
    match p {
        Provenance::Template { cell } => VsmeSource::Template { cell: cell.clone() },
        Provenance::Profile { field } => VsmeSource::Profile {
            field: field.clone(),
        },
        Provenance::Inventory { results, formula } => VsmeSource::Inventory {
            results: results.clone(),
            formula: formula.clone(),
        },
        Provenance::User => VsmeSource::User,
        Provenance::Override {
            source,
            computed,
            reason,
        } => VsmeSource::Override {
            source: Box::new(source_to_protocol(source)),
            computed: computed.clone(),
            reason: reason.clone(),
        },
    }
}

pub fn stored_to_protocol(s: VsmeFactSource) -> VsmeStored {
    match s {
        VsmeFactSource::Typed => VsmeStored::Typed,
        VsmeFactSource::Import => VsmeStored::Import,
    }
}

/// A reported fact for the screen.
pub fn fact_to_protocol(
    f: &Fact,
    key: &str,
    stored: Option<VsmeFactSource>,
    replaces_profile: bool,
) -> VsmeFact {
    let model = Model::get();
    let (shown, unit) = view_value(f);
    let measure = match (&f.unit, model.datapoint(&f.concept).map(|d| &d.unit)) {
        (Some(FactUnit::Measure { measure }), Some(UnitRule::Choice { allowed, .. }))
            if allowed.len() > 1 =>
        {
            Some(measure.clone())
        }
        _ => None,
    };
    VsmeFact {
        key: key.to_string(),
        concept: f.concept.clone(),
        dimensions: f
            .dimensions
            .iter()
            .map(|(a, v)| (a.clone(), dim_to_protocol(v)))
            .collect(),
        year: match &f.period {
            FactPeriod::Year { year, .. } => Some(*year),
            FactPeriod::Reporting => None,
        },
        value: value_to_protocol(&f.value),
        shown: match shown {
            ViewValue::Number { value, .. } => Some(value),
            _ => None,
        },
        unit,
        measure,
        source: f.provenance.as_ref().map(source_to_protocol),
        stored: stored.map(stored_to_protocol),
        replaces_profile,
        footnotes: f.footnotes.clone(),
    }
}

fn missing(m: &Missing) -> VsmeMissing {
    VsmeMissing {
        concept: m.concept.clone(),
        label_key: m.label_key.clone(),
        member: m.member.clone(),
        group: m.group.clone(),
    }
}

fn question(q: &Question) -> VsmeQuestion {
    VsmeQuestion {
        group: q.group.clone(),
        group_key: q.group_key.clone(),
        question_key: q.question_key.clone(),
    }
}

pub fn completeness_to_protocol(c: &Completeness) -> athar_protocol::vsme::VsmeCompleteness {
    athar_protocol::vsme::VsmeCompleteness {
        missing_always: c.missing_always.iter().map(missing).collect(),
        needs_answer: c.needs_answer.iter().map(question).collect(),
        missing_applicable: c.missing_applicable.iter().map(missing).collect(),
        basic_only: c.basic_only,
        complete: c.is_complete(),
    }
}

pub fn e1_to_protocol(e: &E1View) -> VsmeE1View {
    VsmeE1View {
        lines: e
            .lines
            .iter()
            .map(|l| VsmeE1Line {
                disclosure: l.disclosure.clone(),
                esrs_concept: l.esrs_concept.clone(),
                key: l.key.clone(),
                value: l.value,
                unit: l.unit.clone(),
                sources: l.sources.clone(),
            })
            .collect(),
        grid_mix_unknown: e.grid_mix_unknown,
    }
}

const ISO: &[time::format_description::BorrowedFormatItem<'static>] =
    time::macros::format_description!("[year]-[month]-[day]");

/// `2026-12-31`.
pub fn iso_date(d: time::Date) -> String {
    d.format(ISO)
        .unwrap_or_else(|_| format!("{:04}-{:02}-{:02}", d.year(), d.month() as u8, d.day()))
}

/// A date typed as `2026-12-31`.
pub fn parse_iso_date(s: &str) -> Option<time::Date> {
    time::Date::parse(s.trim(), ISO).ok()
}

/// The decimal places of a number as typed ("12.50" has 2).
fn places(n: Decimal) -> i32 {
    n.scale() as i32
}

/// A number as typed, in Western or Eastern Arabic digits.
pub fn parse_number(text: &str) -> Option<Decimal> {
    let t = normalize_number(text);
    if t.is_empty() || t.contains(['e', 'E']) {
        return None;
    }
    Decimal::from_str(&t).ok()
}

/// The fact key of a form's input and the checked fact, or `None` when the input clears the
/// datapoint.
pub fn fact_from_input(
    input: &VsmeFactInput,
    r: &Resolved,
) -> Result<(String, Option<Fact>), FieldError> {
    let model = Model::get();
    let Some(d) = model.datapoint(&input.concept) else {
        let key = input.concept.clone();
        return Err(
            FieldError::new(key, "vsme-error-unknown-datapoint").arg("concept", &input.concept)
        );
    };
    // Dimensions: each on an axis of the datapoint; the axis default means no breakdown.
    let mut dims = BTreeMap::new();
    for (axis, v) in &input.dimensions {
        let raw_key = athar_protocol::vsme::fact_key(&input.concept, &input.dimensions);
        let bad = || FieldError::new(raw_key.clone(), "vsme-error-dimension").arg("axis", axis);
        if !d.dimensions.contains(axis) {
            return Err(bad());
        }
        let a = model.axis(axis).ok_or_else(bad)?;
        match v {
            VsmeDim::Member(m) => {
                if a.typed_element.is_some() || !a.members.contains(m) {
                    return Err(bad());
                }
                if a.default_member.as_ref() != Some(m) {
                    dims.insert(axis.clone(), DimensionValue::Member(m.clone()));
                }
            }
            VsmeDim::Typed(t) => {
                let t = t.trim();
                if a.typed_element.is_none() || t.is_empty() {
                    return Err(bad());
                }
                dims.insert(axis.clone(), DimensionValue::Typed(t.to_string()));
            }
        }
    }
    let mut fact = Fact::new(&d.concept, FactValue::Bool(false));
    fact.dimensions = dims;
    let key = athar_vsme::company::fact_key(&fact);
    let err = |k: &str| FieldError::new(key.clone(), k);
    let Some(value) = &input.value else {
        return Ok((key, None));
    };
    let text = match value {
        VsmeInput::Text(t) => {
            let t = t.trim();
            if t.is_empty() {
                return Ok((key, None));
            }
            Some(t.to_string())
        }
        _ => None,
    };
    match (d.kind, value) {
        (FieldKind::Boolean, VsmeInput::Bool(b)) => fact.value = FactValue::Bool(*b),
        (FieldKind::Text | FieldKind::TextBlock, VsmeInput::Text(_)) => {
            fact.value = FactValue::Text(text.unwrap_or_default());
        }
        (FieldKind::Year, VsmeInput::Text(_)) => {
            let y: i32 = to_ascii_digits(&text.unwrap_or_default())
                .parse()
                .map_err(|_| err("v-vsme-year"))?;
            if !(1900..=2100).contains(&y) {
                return Err(err("v-vsme-year"));
            }
            fact.value = FactValue::Year(y);
        }
        (FieldKind::Date, VsmeInput::Text(_)) => {
            let t = to_ascii_digits(&text.unwrap_or_default());
            let date = crate::vsme::convert::parse_iso_date(&t).ok_or_else(|| err("v-date"))?;
            fact.value = FactValue::Date(date);
        }
        (FieldKind::EnumSingle | FieldKind::EnumSet, VsmeInput::Members(ms)) => {
            let options = model
                .enumeration(&d.concept)
                .map(|e| e.members.as_slice())
                .unwrap_or_default();
            let mut ms: Vec<String> = ms.clone();
            ms.sort();
            ms.dedup();
            if ms.is_empty() {
                return Ok((key, None));
            }
            if ms.iter().any(|m| !options.contains(m))
                || (d.kind == FieldKind::EnumSingle && ms.len() > 1)
            {
                return Err(err("vsme-error-option"));
            }
            fact.value = FactValue::Members(ms);
        }
        (k, VsmeInput::Text(_)) if k.is_numeric() => {
            let n = parse_number(&text.unwrap_or_default()).ok_or_else(|| err("v-number"))?;
            let no_negative = matches!(
                k,
                FieldKind::Energy
                    | FieldKind::Mass
                    | FieldKind::Volume
                    | FieldKind::Area
                    | FieldKind::Ghg
                    | FieldKind::GhgPerMonetary
            );
            if no_negative && n < Decimal::ZERO {
                return Err(err("v-negative"));
            }
            if k == FieldKind::Percent {
                fact.value = FactValue::Number((n / Decimal::ONE_HUNDRED).normalize());
                fact.decimals = Some(Decimals::Places(places(n) + 2));
                fact.shown_as_percent = true;
            } else {
                fact.value = FactValue::Number(n);
                fact.decimals = Some(Decimals::Places(places(n)));
            }
            fact.unit = Some(match &d.unit {
                UnitRule::Currency => FactUnit::Currency {
                    code: r.currency.clone(),
                },
                UnitRule::PerCurrency { numerator } => FactUnit::PerCurrency {
                    numerator: numerator.clone(),
                    code: r.currency.clone(),
                },
                UnitRule::Choice { allowed, default } => {
                    let chosen = match &input.unit {
                        Some(u) if allowed.contains(u) => u.clone(),
                        Some(_) => return Err(err("vsme-error-unit")),
                        None => default
                            .clone()
                            .or_else(|| allowed.first().cloned())
                            .unwrap_or_else(|| "xbrli:pure".into()),
                    };
                    FactUnit::measure(&chosen)
                }
                UnitRule::None => FactUnit::measure("xbrli:pure"),
            });
        }
        _ => return Err(err("vsme-error-value-type").arg("concept", &d.concept)),
    }
    if let Some(p) = scope_period(&fact.dimensions, r) {
        fact.period = p.map_err(err)?;
    }
    fact.provenance = Some(Provenance::User);
    if let Err(e) = athar_vsme::ixbrl::check_facts(std::slice::from_ref(&fact)) {
        let mut fe = FieldError::new(key.clone(), e.key());
        for (k, v) in e.args() {
            fe = fe.arg(&k, v);
        }
        return Err(fe);
    }
    Ok((key, Some(fact)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    fn resolved() -> Resolved {
        Resolved {
            entity_name: "Nile Dates".into(),
            entity: None,
            currency: "EGP".into(),
            period_start: date!(2026 - 01 - 01),
            period_end: date!(2026 - 12 - 31),
            base_year: Some(2024),
            target_year: None,
            target: None,
        }
    }

    fn input(concept: &str, v: VsmeInput) -> VsmeFactInput {
        VsmeFactInput {
            concept: concept.into(),
            dimensions: BTreeMap::new(),
            value: Some(v),
            unit: None,
        }
    }

    fn text(s: &str) -> VsmeInput {
        VsmeInput::Text(s.into())
    }

    #[test]
    fn numbers_take_their_decimals_unit_and_eastern_digits() {
        let (key, f) =
            fact_from_input(&input("vsme:Turnover", text("١٢٬٥٠٠٫٥")), &resolved()).unwrap();
        let f = f.unwrap();
        assert_eq!(key, "vsme:Turnover");
        assert_eq!(f.value, FactValue::Number(Decimal::new(125005, 1)));
        assert_eq!(f.decimals, Some(Decimals::Places(1)));
        assert_eq!(f.unit, Some(FactUnit::Currency { code: "EGP".into() }));
        // A percentage is stored as its fraction.
        let f = fact_from_input(
            &input(
                "vsme:PercentageOfEmployeesCoveredByCollectiveBargainingAgreements",
                text("92.72"),
            ),
            &resolved(),
        )
        .unwrap()
        .1
        .unwrap();
        assert_eq!(f.value, FactValue::Number(Decimal::new(9272, 4)));
        assert_eq!(f.decimals, Some(Decimals::Places(4)));
        assert!(f.shown_as_percent);
        // A unit from the list, or the default.
        let mut i = input("vsme:WasteDivertedToRecycleOrReuseMass", text("3"));
        i.dimensions.insert(
            "vsme:TypeOfWasteAxis".into(),
            VsmeDim::Member("waste:W-WasteCategoriesMember".into()),
        );
        let f = fact_from_input(&i, &resolved()).unwrap().1.unwrap();
        assert_eq!(f.unit, Some(FactUnit::measure("utr:kg")));
        i.unit = Some("utr:t".into());
        let f = fact_from_input(&i, &resolved()).unwrap().1.unwrap();
        assert_eq!(f.unit, Some(FactUnit::measure("utr:t")));
        i.unit = Some("utr:MWh".into());
        assert_eq!(
            fact_from_input(&i, &resolved()).unwrap_err().key,
            "vsme-error-unit"
        );
    }

    #[test]
    fn bad_input_is_a_field_error_on_the_fact_key() {
        let e = fact_from_input(&input("vsme:Assets", text("12x")), &resolved()).unwrap_err();
        assert_eq!(
            (e.field.as_str(), e.key.as_str()),
            ("vsme:Assets", "v-number")
        );
        let e = fact_from_input(
            &input(
                "vsme:UndertakingsLegalForm",
                VsmeInput::Members(vec!["vsme:Nope".into()]),
            ),
            &resolved(),
        )
        .unwrap_err();
        assert_eq!(e.key, "vsme-error-option");
        let mut i = input("vsme:AddressOfSite", text("Somewhere"));
        i.dimensions.insert(
            "vsme:TypeOfWasteAxis".into(),
            VsmeDim::Member("waste:W-WasteCategoriesMember".into()),
        );
        assert_eq!(
            fact_from_input(&i, &resolved()).unwrap_err().key,
            "vsme-error-dimension"
        );
        // Clearing a field is not an error.
        assert_eq!(
            fact_from_input(&input("vsme:Assets", text("  ")), &resolved()).unwrap(),
            ("vsme:Assets".to_string(), None)
        );
    }

    #[test]
    fn base_and_target_year_figures_need_their_year() {
        let mut i = input("vsme:GrossScope1GreenhouseGasEmissions", text("5"));
        i.dimensions.insert(
            "vsme:ReportingScopesAxis".into(),
            VsmeDim::Member("vsme:BaselineYearMember".into()),
        );
        let (key, f) = fact_from_input(&i, &resolved()).unwrap();
        let f = f.unwrap();
        assert_eq!(
            key,
            "vsme:GrossScope1GreenhouseGasEmissions[vsme:ReportingScopesAxis=vsme:BaselineYearMember]"
        );
        assert_eq!(
            f.period,
            FactPeriod::Year {
                name: "BaselineYearMember".into(),
                year: 2024
            }
        );
        i.dimensions.insert(
            "vsme:ReportingScopesAxis".into(),
            VsmeDim::Member("vsme:TargetYearMember".into()),
        );
        assert_eq!(
            fact_from_input(&i, &resolved()).unwrap_err().key,
            "vsme-error-target-year-first"
        );
        // The axis default is no breakdown at all.
        i.dimensions.insert(
            "vsme:ReportingScopesAxis".into(),
            VsmeDim::Member("vsme:CurrentlyStatedMember".into()),
        );
        let (key, _) = fact_from_input(&i, &resolved()).unwrap();
        assert_eq!(key, "vsme:GrossScope1GreenhouseGasEmissions");
    }

    #[test]
    fn protocol_fact_keys_equal_the_engines() {
        let f = Fact::new("vsme:AddressOfSite", FactValue::Text("x".into())).with_dimension(
            "vsme:IdentifierOfSiteTypedAxis",
            DimensionValue::Typed("3".into()),
        );
        let dims = f
            .dimensions
            .iter()
            .map(|(a, v)| (a.clone(), dim_to_protocol(v)))
            .collect();
        assert_eq!(
            athar_protocol::vsme::fact_key(&f.concept, &dims),
            athar_vsme::company::fact_key(&f)
        );
    }
}
