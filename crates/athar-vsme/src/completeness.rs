//! What the report still lacks: the "Always to be reported" datapoints without a fact, and the
//! "If applicable" groups for which the company has not yet said whether they apply.
//!
//! Why this module exists: an SME cannot read the standard to find what is required. The
//! digital template marks each group "Always", "If applicable" or "May"; the model carries
//! these marks per template cell ([`crate::model::TemplateField`]), and this module compares
//! them with the facts. A Basic-Module-only report (option A) leaves the Comprehensive
//! Module's datapoints (C1–C9) out.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::fact::{DimensionValue, Fact, FactValue};
use crate::model::{Applicability, Model, TemplateField};

/// A datapoint the report lacks.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Missing {
    /// The template field (named range of template 1.3.0).
    pub field: String,
    pub concept: String,
    /// Fluent key of the datapoint's label.
    pub label_key: String,
    /// The fixed member of the field, if any (`vsme:BaselineYearMember`).
    pub member: Option<String>,
    pub group: Option<String>,
}

/// An "If applicable" group waiting for a yes or no.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Question {
    pub group: String,
    /// Fluent key of the group heading.
    pub group_key: String,
    /// Fluent key of the template's question, if it has one.
    pub question_key: Option<String>,
    /// The datapoint that answers it, when the answer is itself reported.
    pub concept: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Completeness {
    pub missing_always: Vec<Missing>,
    pub needs_answer: Vec<Question>,
    /// "If applicable" datapoints of groups answered "yes" that have no fact yet.
    pub missing_applicable: Vec<Missing>,
    /// Whether only the Basic Module is reported (the C modules are then not asked for).
    pub basic_only: bool,
}

impl Completeness {
    pub fn is_complete(&self) -> bool {
        self.missing_always.is_empty()
            && self.needs_answer.is_empty()
            && self.missing_applicable.is_empty()
    }
}

/// Compares `facts` with the template's markers. `answers`: group id → whether it applies.
pub fn completeness(facts: &[Fact], answers: &BTreeMap<String, bool>) -> Completeness {
    let model = Model::get();
    let basic_only = facts.iter().any(|f| {
        f.concept == "vsme:BasisForPreparation"
            && f.value == FactValue::Members(vec!["vsme:OptionABasicModuleOnlyMember".into()])
    });
    let in_scope = |field: &TemplateField| {
        let module = model
            .datapoint(&field.concept)
            .and_then(|d| d.module.clone())
            .unwrap_or_default();
        !(basic_only && module.starts_with('C'))
    };
    let has = |field: &TemplateField| facts.iter().any(|f| covers(model, field, f));
    let missing = |field: &TemplateField| Missing {
        field: field.name.clone(),
        concept: field.concept.clone(),
        label_key: model
            .datapoint(&field.concept)
            .map(|d| d.key.clone())
            .unwrap_or_default(),
        member: field.member.clone(),
        group: field.group.clone(),
    };

    let mut out = Completeness {
        basic_only,
        ..Completeness::default()
    };
    let mut applicable_groups: BTreeMap<String, bool> = BTreeMap::new();
    for field in model.template_fields.iter().filter(|f| in_scope(f)) {
        let Some(group) = &field.group else { continue };
        if field.applicability == Applicability::IfApplicable && has(field) {
            applicable_groups.insert(group.clone(), true);
        }
    }
    for field in model.template_fields.iter().filter(|f| in_scope(f)) {
        match field.applicability {
            Applicability::Always => {
                if !has(field) {
                    out.missing_always.push(missing(field));
                }
            }
            Applicability::IfApplicable => {
                let Some(group) = &field.group else { continue };
                let applies = answers
                    .get(group)
                    .copied()
                    .or_else(|| applicable_groups.get(group).copied());
                match applies {
                    Some(true) => {
                        if !has(field) {
                            out.missing_applicable.push(missing(field));
                        }
                    }
                    Some(false) => {}
                    None => {
                        let Some(g) = model.group(group) else {
                            continue;
                        };
                        let q = Question {
                            group: g.id.clone(),
                            group_key: g.key.clone(),
                            question_key: g.gate.as_ref().map(|x| x.key.clone()),
                            concept: g.gate.as_ref().and_then(|x| x.concept.clone()),
                        };
                        if !out.needs_answer.contains(&q) {
                            out.needs_answer.push(q);
                        }
                    }
                }
            }
            Applicability::May => {}
        }
    }
    out.missing_always.sort();
    out.missing_always.dedup();
    out.missing_applicable.sort();
    out.missing_applicable.dedup();
    out.needs_answer.sort();
    out
}

/// Whether `f` fills `field`: same concept and, for a field with a fixed member, that member
/// (a field at the axis default takes facts without that axis). Table fields take any row.
fn covers(model: &Model, field: &TemplateField, f: &Fact) -> bool {
    if f.concept != field.concept {
        return false;
    }
    let Some(member) = &field.member else {
        return true;
    };
    let axis = model
        .explicit_axes_of(&field.concept)
        .into_iter()
        .find(|a| a.members.contains(member));
    match axis {
        Some(a) if a.default_member.as_deref() == Some(member.as_str()) => {
            !f.dimensions.contains_key(&a.concept)
        }
        Some(a) => f.dimensions.get(&a.concept) == Some(&DimensionValue::Member(member.clone())),
        None => true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal::Decimal;

    #[test]
    fn empty_report_lacks_the_always_datapoints_and_asks_the_if_applicable_groups() {
        let c = completeness(&[], &BTreeMap::new());
        assert!(c
            .missing_always
            .iter()
            .any(|m| m.concept == "vsme:GrossScope1GreenhouseGasEmissions"));
        assert!(c.needs_answer.iter().any(|q| q.group == "env-16-g"));
        assert!(!c.is_complete());
    }

    #[test]
    fn facts_and_answers_close_the_gaps() {
        let s1 = Fact::new(
            "vsme:GrossScope1GreenhouseGasEmissions",
            FactValue::Number(Decimal::ONE),
        );
        let mut answers = BTreeMap::new();
        answers.insert("env-16-g".to_string(), false);
        let c = completeness(&[s1], &answers);
        assert!(!c
            .missing_always
            .iter()
            .any(|m| m.concept == "vsme:GrossScope1GreenhouseGasEmissions"));
        assert!(!c.needs_answer.iter().any(|q| q.group == "env-16-g"));

        answers.insert("env-16-g".to_string(), true);
        let c = completeness(&[], &answers);
        assert!(c
            .missing_applicable
            .iter()
            .any(|m| { m.field == "GrossScope1GreenhouseGasEmissions_BaselineYearMember" }));
    }

    #[test]
    fn basic_module_only_leaves_the_comprehensive_module_out() {
        let a = Fact::new(
            "vsme:BasisForPreparation",
            FactValue::Members(vec!["vsme:OptionABasicModuleOnlyMember".into()]),
        );
        let c = completeness(&[a], &BTreeMap::new());
        assert!(c.basic_only);
        let model = Model::get();
        assert!(c.missing_always.iter().all(|m| !model
            .datapoint(&m.concept)
            .and_then(|d| d.module.clone())
            .unwrap_or_default()
            .starts_with('C')));
    }
}
