//! The unit of a numeric fact read from a template.
//!
//! Why this module exists: units are where a template and the taxonomy disagree most ("cubic
//! meters (m³)" in a cell, `utr:m3` in XBRL; a waste row in tonnes that also matches the
//! volume concept sharing its cells). EFRAG's converter decides in a fixed order and the facts
//! must match its output, so the order is kept here in one place:
//!
//! 1. the unit cell (`Concept_unit` range): its text, or the text in brackets, as a UTR unit
//!    id, after the converter's spelling replacements; it must suit the data type;
//! 2. the converter's unit for the concept;
//! 3. the unit the taxonomy's measurement guidance names, when it names exactly one;
//! 4. tCO2e per report currency for intensities;
//! 5. the converter's unit for the data type, else `xbrli:pure`.

use crate::fact::FactUnit;
use crate::model::{Datapoint, FieldKind, Model, UnitRule};

/// A unit id written in a cell, as a UTR qname.
pub fn unit_from_text(model: &Model, text: &str) -> Option<String> {
    let text = text.trim();
    if text.is_empty() {
        return None;
    }
    let mut candidates = vec![text.to_string()];
    let mut rest = text;
    while let Some(open) = rest.find('(') {
        let Some(close) = rest[open..].find(')') else {
            break;
        };
        candidates.push(rest[open + 1..open + close].to_string());
        rest = &rest[open + close + 1..];
    }
    let find = |cands: &[String]| -> Vec<String> {
        let mut found: Vec<String> = cands.iter().filter_map(|c| unit_qname(model, c)).collect();
        found.dedup();
        found
    };
    let mut found = find(&candidates);
    if found.is_empty() {
        let replaced: Vec<String> = candidates
            .iter()
            .map(|c| {
                let mut s = c.clone();
                for (from, to) in &model.rules.cell_unit_replacements {
                    s = s.replace(from.as_str(), to);
                }
                s
            })
            .collect();
        found = find(&replaced);
    }
    // Several different units in one cell: not a unit.
    (found.len() == 1).then(|| found.remove(0))
}

/// A UTR unit by id (`kg`) or qname (`utr:kg`).
fn unit_qname(model: &Model, id: &str) -> Option<String> {
    let id = id.trim();
    if id.contains(':') {
        return model.unit(id).map(|u| u.qname.clone());
    }
    let mut hits = model.units.iter().filter(|u| u.unit_id == id);
    let first = hits.next()?;
    // An id in two namespaces is ambiguous.
    hits.next().is_none().then(|| first.qname.clone())
}

/// Whether `unit` suits the datapoint's data type (the UTR lists units for it, or none).
pub fn unit_suits(model: &Model, d: &Datapoint, unit: &str) -> bool {
    let type_local = crate::model::local_name(&d.data_type);
    let mut listed = model
        .units
        .iter()
        .filter(|u| u.item_type == type_local)
        .peekable();
    if listed.peek().is_none() {
        return true;
    }
    listed.any(|u| u.qname == unit)
}

/// What the unit cell said.
pub enum CellUnit {
    /// No unit cell for this fact.
    Absent,
    /// A unit cell that is empty.
    Empty,
    Text(String),
}

/// The outcome of the ladder.
pub enum UnitOutcome {
    Unit(FactUnit),
    /// The fact cannot be made (the cell's unit does not suit a table item, or nothing
    /// decides between several units).
    NoFact(UnitProblem),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UnitProblem {
    EmptyUnitCell,
    Unsuitable { unit: String },
    Unresolved,
}

/// The unit of a numeric, non-monetary fact. `in_table`: the unit cell belongs to the fact's
/// table row (a unit that does not suit then means "this row is for the other concept").
pub fn resolve_unit(
    model: &Model,
    d: &Datapoint,
    cell: CellUnit,
    in_table: bool,
    currency: &str,
) -> UnitOutcome {
    match cell {
        CellUnit::Absent => {}
        CellUnit::Empty => return UnitOutcome::NoFact(UnitProblem::EmptyUnitCell),
        CellUnit::Text(text) => match unit_from_text(model, &text) {
            Some(u) if unit_suits(model, d, &u) => {
                return UnitOutcome::Unit(FactUnit::Measure { measure: u });
            }
            Some(u) => {
                if in_table {
                    return UnitOutcome::NoFact(UnitProblem::Unsuitable { unit: u });
                }
                return fallback(model, d);
            }
            None => {
                if let Some(u) = model.rules.concept_units.get(&d.concept) {
                    if unit_suits(model, d, u) {
                        return UnitOutcome::Unit(FactUnit::measure(u));
                    }
                }
            }
        },
    }
    if let Some(req) = &d.required_units {
        return match req.as_slice() {
            [one] => UnitOutcome::Unit(FactUnit::measure(one)),
            _ => UnitOutcome::NoFact(UnitProblem::Unresolved),
        };
    }
    if let UnitRule::PerCurrency { numerator } = &d.unit {
        return UnitOutcome::Unit(FactUnit::PerCurrency {
            numerator: numerator.clone(),
            code: currency.to_string(),
        });
    }
    fallback(model, d)
}

fn fallback(model: &Model, d: &Datapoint) -> UnitOutcome {
    if let Some(u) = model.rules.data_type_units.get(&d.data_type) {
        if unit_suits(model, d, u) {
            return UnitOutcome::Unit(FactUnit::measure(u));
        }
    }
    match &d.unit {
        UnitRule::Choice { allowed, .. } if d.kind != FieldKind::Decimal => allowed
            .first()
            .map_or(UnitOutcome::NoFact(UnitProblem::Unresolved), |u| {
                UnitOutcome::Unit(FactUnit::measure(u))
            }),
        _ => UnitOutcome::Unit(FactUnit::measure("xbrli:pure")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unit_texts_of_the_template_become_utr_units() {
        let m = Model::get();
        assert_eq!(
            unit_from_text(m, "metric tonnes (t)").as_deref(),
            Some("utr:t")
        );
        assert_eq!(
            unit_from_text(m, "kilograms (kg)").as_deref(),
            Some("utr:kg")
        );
        assert_eq!(
            unit_from_text(m, "cubic meters (m³)").as_deref(),
            Some("utr:m3")
        );
        assert_eq!(
            unit_from_text(m, "squared meters (m2)").as_deref(),
            Some("utr:sqm")
        );
        assert_eq!(
            unit_from_text(m, "hectares (ha)").as_deref(),
            Some("utr:ha")
        );
        assert_eq!(unit_from_text(m, "bananas"), None);
    }

    #[test]
    fn a_table_row_in_tonnes_is_not_a_volume() {
        let m = Model::get();
        let vol = m
            .datapoint("vsme:WasteDivertedToRecycleOrReuseVolume")
            .unwrap();
        let mass = m
            .datapoint("vsme:WasteDivertedToRecycleOrReuseMass")
            .unwrap();
        let t = || CellUnit::Text("metric tonnes (t)".into());
        assert!(matches!(
            resolve_unit(m, vol, t(), true, "EUR"),
            UnitOutcome::NoFact(UnitProblem::Unsuitable { .. })
        ));
        assert!(matches!(
            resolve_unit(m, mass, t(), true, "EUR"),
            UnitOutcome::Unit(FactUnit::Measure { ref measure }) if measure == "utr:t"
        ));
    }

    #[test]
    fn guidance_type_and_currency_rules() {
        let m = Model::get();
        let d = m.datapoint("vsme:EnergyConsumptionFromFuels").unwrap();
        assert!(matches!(
            resolve_unit(m, d, CellUnit::Absent, false, "EUR"),
            UnitOutcome::Unit(FactUnit::Measure { ref measure }) if measure == "utr:MWh"
        ));
        let d = m
            .datapoint("vsme:TotalLocationBasedGreenhouseGasEmissionsIntensityValue")
            .unwrap();
        assert!(matches!(
            resolve_unit(m, d, CellUnit::Absent, false, "EGP"),
            UnitOutcome::Unit(FactUnit::PerCurrency { ref code, .. }) if code == "EGP"
        ));
        let d = m.datapoint("vsme:NumberOfEmployees").unwrap();
        assert!(matches!(
            resolve_unit(m, d, CellUnit::Absent, false, "EUR"),
            UnitOutcome::Unit(FactUnit::Measure { ref measure }) if measure == "xbrli:pure"
        ));
        // Several units named and no unit cell: no fact.
        let d = m.datapoint("vsme:TotalWasteGeneratedMass").unwrap();
        assert!(matches!(
            resolve_unit(m, d, CellUnit::Absent, false, "EUR"),
            UnitOutcome::NoFact(UnitProblem::Unresolved)
        ));
    }
}
