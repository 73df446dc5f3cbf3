//! From candidate values to one proposed value per field, and how a language model's
//! proposals are merged in. The rule (also in `docs/extraction.md` and decision 021):
//!
//! 1. **Parsers first.** Candidates of a field are grouped by normal form; a value seen
//!    several times gains a little confidence. The best value is the field's value. When a
//!    different value comes within [`CONFLICT_MARGIN`] of it, the field is marked
//!    [`MergeNote::Conflict`] and both are kept.
//! 2. **The model is asked** only for fields that are missing, in conflict, or below
//!    [`LOW_CONFIDENCE`] ([`wanted_fields`]).
//! 3. **Merging a proposal** ([`merge_proposals`]): it is normalised by the field's kind
//!    (dropped if it does not parse), looked up in the page text (not found: confidence
//!    halved), and capped at [`MODEL_MAX_CONFIDENCE`]. Then:
//!    - missing field: the proposal fills it ([`MergeNote::ModelFilled`]);
//!    - conflict: a proposal equal to one of the candidates settles it
//!      ([`MergeNote::ModelSettledConflict`]); otherwise it is only listed;
//!    - parser value below [`HIGH_CONFIDENCE`]: an equal proposal raises the confidence; a
//!      different, more confident one replaces it and the parser's value is kept as an
//!      alternative ([`MergeNote::ModelReplacedLowConfidence`]);
//!    - parser value at or above [`HIGH_CONFIDENCE`]: never replaced; a different proposal is
//!      listed and the field says [`MergeNote::ModelDisagrees`].

use std::collections::BTreeMap;

use crate::engine::{Proposal, WantReason, WantedField};
use crate::index::IndexedPage;
use crate::model::{
    round_confidence, Candidate, DocType, Field, FieldKind, FieldName, MergeNote, Origin,
    Provenance, TextMethod, Warning,
};
use crate::normalise::{comparison_form, normalise_value};
use crate::text::{find_dates, find_numbers};

/// A parser value at or above this is never replaced by the model.
pub const HIGH_CONFIDENCE: f64 = 0.8;
/// A parser value below this is sent to the model for a second opinion.
pub const LOW_CONFIDENCE: f64 = 0.6;
/// Two different values closer than this in confidence are a conflict.
pub const CONFLICT_MARGIN: f64 = 0.15;
/// A model proposal never counts as more certain than this.
pub const MODEL_MAX_CONFIDENCE: f64 = 0.9;
/// Bonus per extra sighting of the same value.
const REPEAT_BONUS: f64 = 0.03;

/// Chooses each field's value among the parsers' candidates (step 1 of the module rule).
pub fn resolve(candidates: Vec<(FieldName, Candidate)>) -> BTreeMap<FieldName, Field> {
    let mut by_field: BTreeMap<FieldName, Vec<Candidate>> = BTreeMap::new();
    for (name, c) in candidates {
        by_field.entry(name).or_default().push(c);
    }
    let mut out = BTreeMap::new();
    for (name, cands) in by_field {
        let kind = name.kind();
        // Group by comparison form, keeping the first-best candidate of each group.
        let mut groups: Vec<(String, Candidate, usize)> = Vec::new();
        for c in cands {
            let Some(key) = comparison_form(kind, &c.value) else {
                continue;
            };
            match groups.iter_mut().find(|(k, _, _)| *k == key) {
                Some((_, best, n)) => {
                    *n += 1;
                    if c.confidence > best.confidence {
                        *best = c;
                    }
                }
                None => groups.push((key, c, 1)),
            }
        }
        let mut scored: Vec<(f64, Candidate)> = groups
            .into_iter()
            .map(|(_, c, n)| {
                let bonus = REPEAT_BONUS * (n.saturating_sub(1).min(3)) as f64;
                ((c.confidence + bonus).min(0.99), c)
            })
            .collect();
        // Stable: equal scores keep document order (earlier page/line first).
        scored.sort_by(|a, b| b.0.total_cmp(&a.0));
        let mut it = scored.into_iter();
        let Some((score, best)) = it.next() else {
            continue;
        };
        let alternatives: Vec<Candidate> = it
            .map(|(s, mut c)| {
                c.confidence = round_confidence(s);
                c
            })
            .collect();
        let conflict = alternatives
            .first()
            .is_some_and(|a| a.confidence >= round_confidence(score - CONFLICT_MARGIN));
        out.insert(
            name,
            Field {
                value: best.value,
                confidence: round_confidence(score),
                page: best.page,
                source: best.source,
                note: conflict.then_some(MergeNote::Conflict),
                alternatives,
            },
        );
    }
    out
}

/// Fields of `doc_type` the model should be asked about (step 2).
pub fn wanted_fields(doc_type: DocType, fields: &BTreeMap<FieldName, Field>) -> Vec<WantedField> {
    doc_type
        .fields()
        .iter()
        .filter_map(|name| {
            let (reason, candidates) = match fields.get(name) {
                None => (WantReason::Missing, Vec::new()),
                Some(f) if f.note == Some(MergeNote::Conflict) => (
                    WantReason::Conflict,
                    std::iter::once(f.value.clone())
                        .chain(f.alternatives.iter().map(|a| a.value.clone()))
                        .collect(),
                ),
                Some(f) if f.confidence < LOW_CONFIDENCE => {
                    (WantReason::LowConfidence, vec![f.value.clone()])
                }
                Some(_) => return None,
            };
            Some(WantedField {
                name: *name,
                kind: name.kind(),
                allowed: name
                    .kind()
                    .allowed_values()
                    .iter()
                    .map(|s| s.to_string())
                    .collect(),
                reason,
                candidates,
            })
        })
        .collect()
}

/// Finds a value (or the model's quote) in the pages, for provenance and the grounding
/// check. Returns the provenance of the first sighting.
fn locate(
    pages: &[IndexedPage],
    kind: FieldKind,
    value: &str,
    quote: Option<&str>,
    page_hint: Option<u32>,
) -> Option<(u32, Provenance)> {
    let order: Vec<&IndexedPage> = pages
        .iter()
        .filter(|p| Some(p.number) == page_hint)
        .chain(pages.iter().filter(|p| Some(p.number) != page_hint))
        .collect();
    let folded_value = crate::normalise::fold(value);
    for p in &order {
        for (i, l) in p.lines.iter().enumerate() {
            let hit: Option<(usize, usize)> = match kind {
                FieldKind::Decimal => {
                    let want = crate::normalise::parse_number(value);
                    find_numbers(&l.folded)
                        .into_iter()
                        .find(|m| Some(m.value) == want)
                        .map(|m| (m.start, m.end))
                }
                FieldKind::Date => find_dates(&l.folded)
                    .into_iter()
                    .find(|d| crate::normalise::iso_date(d.date) == value)
                    .map(|d| (d.start, d.end)),
                FieldKind::Text | FieldKind::Identifier => l
                    .folded
                    .find(&folded_value)
                    .filter(|_| !folded_value.is_empty())
                    .map(|b| {
                        let s = l.folded[..b].chars().count();
                        (s, s + folded_value.chars().count())
                    }),
                FieldKind::Unit | FieldKind::Currency | FieldKind::FuelType => None,
            };
            if let Some((s, e)) = hit {
                return Some((p.number, p.provenance(Origin::Model, i, s, e, "model")));
            }
        }
    }
    let quote = crate::normalise::fold(quote?);
    if quote.chars().count() < 3 {
        return None;
    }
    for p in &order {
        for (i, l) in p.lines.iter().enumerate() {
            if let Some(b) = l.folded.find(&quote) {
                let s = l.folded[..b].chars().count();
                let e = s + quote.chars().count();
                return Some((
                    p.number,
                    p.provenance(Origin::Model, i, s, e, "model:quote"),
                ));
            }
        }
    }
    None
}

/// Merges the model's proposals into the parsers' fields (step 3). Returns warnings for
/// proposals that were dropped.
pub(crate) fn merge_proposals(
    doc_type: DocType,
    fields: &mut BTreeMap<FieldName, Field>,
    proposals: Vec<Proposal>,
    pages: &[IndexedPage],
) -> Vec<Warning> {
    let mut warnings = Vec::new();
    let mut seen: Vec<FieldName> = Vec::new();
    for p in proposals {
        if !doc_type.fields().contains(&p.name) || seen.contains(&p.name) {
            continue;
        }
        seen.push(p.name);
        let kind = p.name.kind();
        let Some(value) = normalise_value(kind, &p.value) else {
            warnings.push(Warning {
                key: "doc-warn-model-value-dropped".into(),
                args: vec![
                    ("field".into(), p.name.id().into()),
                    ("value".into(), p.value.clone()),
                ],
            });
            continue;
        };
        let mut confidence = p.confidence.clamp(0.0, 1.0).min(MODEL_MAX_CONFIDENCE);
        let located = locate(pages, kind, &value, p.quote.as_deref(), p.page);
        let inferred_kind = matches!(
            kind,
            FieldKind::Unit | FieldKind::Currency | FieldKind::FuelType
        );
        let (page, source) = match located {
            Some((n, prov)) => (Some(n), prov),
            None => {
                if !inferred_kind {
                    confidence *= 0.5;
                }
                (
                    p.page.filter(|n| pages.iter().any(|pg| pg.number == *n)),
                    Provenance {
                        origin: Origin::Model,
                        method: pages.first().map_or(TextMethod::None, |pg| pg.method),
                        text: p.quote.clone().unwrap_or_default(),
                        span: None,
                        bbox: None,
                        rule: if inferred_kind {
                            "model".into()
                        } else {
                            "model:not-found-in-text".into()
                        },
                    },
                )
            }
        };
        let proposal = Candidate {
            value,
            confidence: round_confidence(confidence),
            page,
            source,
        };
        merge_one(fields, p.name, proposal);
    }
    warnings
}

fn merge_one(fields: &mut BTreeMap<FieldName, Field>, name: FieldName, proposal: Candidate) {
    let kind = name.kind();
    let same = |a: &str, b: &str| comparison_form(kind, a) == comparison_form(kind, b);
    let Some(field) = fields.get_mut(&name) else {
        fields.insert(
            name,
            Field {
                value: proposal.value,
                confidence: proposal.confidence,
                page: proposal.page,
                source: proposal.source,
                note: Some(MergeNote::ModelFilled),
                alternatives: Vec::new(),
            },
        );
        return;
    };
    if field.note == Some(MergeNote::Conflict) {
        if same(&field.value, &proposal.value) {
            field.confidence = round_confidence(field.confidence.max(proposal.confidence));
            field.note = Some(MergeNote::ModelSettledConflict);
        } else if let Some(i) = field
            .alternatives
            .iter()
            .position(|a| same(&a.value, &proposal.value))
        {
            let chosen = field.alternatives.remove(i);
            let previous = field.candidate();
            field.value = chosen.value;
            field.confidence = round_confidence(chosen.confidence.max(proposal.confidence));
            field.page = chosen.page;
            field.source = chosen.source;
            field.alternatives.insert(0, previous);
            field.note = Some(MergeNote::ModelSettledConflict);
        } else {
            field.alternatives.push(proposal);
        }
        return;
    }
    if same(&field.value, &proposal.value) {
        // Two independent readers agree.
        let agreed = 1.0 - (1.0 - field.confidence) * (1.0 - proposal.confidence * 0.5);
        field.confidence = round_confidence(agreed.min(0.99));
        return;
    }
    if field.confidence < HIGH_CONFIDENCE && proposal.confidence > field.confidence {
        let previous = field.candidate();
        field.value = proposal.value;
        field.confidence = proposal.confidence;
        field.page = proposal.page;
        field.source = proposal.source;
        field.alternatives.insert(0, previous);
        field.note = Some(MergeNote::ModelReplacedLowConfidence);
    } else {
        field.alternatives.push(proposal);
        field.note = Some(MergeNote::ModelDisagrees);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{CoordUnit, TextLine, TextPage};

    fn page(lines: &[&str]) -> IndexedPage {
        IndexedPage::new(&TextPage {
            number: 1,
            method: TextMethod::TextLayer,
            width: 595.0,
            height: 842.0,
            unit: CoordUnit::Points,
            lines: lines
                .iter()
                .map(|t| TextLine {
                    text: t.to_string(),
                    bbox: None,
                    confidence: None,
                })
                .collect(),
        })
    }

    fn cand(value: &str, confidence: f64) -> Candidate {
        Candidate {
            value: value.into(),
            confidence,
            page: Some(1),
            source: Provenance {
                origin: Origin::Parser,
                method: TextMethod::TextLayer,
                text: value.into(),
                span: None,
                bbox: None,
                rule: "test".into(),
            },
        }
    }

    fn proposal(name: FieldName, value: &str, confidence: f64) -> Proposal {
        Proposal {
            name,
            value: value.into(),
            confidence,
            page: None,
            quote: None,
        }
    }

    #[test]
    fn close_different_values_are_a_conflict_and_repeats_count() {
        let f = resolve(vec![
            (FieldName::Amount, cand("100", 0.7)),
            (FieldName::Amount, cand("120", 0.75)),
        ]);
        assert_eq!(f[&FieldName::Amount].value, "120");
        assert_eq!(f[&FieldName::Amount].note, Some(MergeNote::Conflict));
        let f = resolve(vec![
            (FieldName::Amount, cand("100", 0.7)),
            (FieldName::Amount, cand("100.00", 0.7)),
            (FieldName::Amount, cand("120", 0.4)),
        ]);
        assert_eq!(f[&FieldName::Amount].value, "100");
        assert_eq!(f[&FieldName::Amount].confidence, 0.73);
        assert_eq!(f[&FieldName::Amount].note, None);
        assert_eq!(f[&FieldName::Amount].alternatives.len(), 1);
    }

    #[test]
    fn model_fills_gaps_settles_conflicts_and_never_silently_overrides() {
        let pages = [page(&[
            "Total 100.00 EGP",
            "Paid 120.00",
            "Date 05/03/2026",
        ])];
        let mut fields = resolve(vec![
            (FieldName::Amount, cand("100", 0.7)),
            (FieldName::Amount, cand("120", 0.65)),
            (FieldName::Supplier, cand("Cairo Electricity", 0.9)),
        ]);
        let wanted = wanted_fields(DocType::Receipt, &fields);
        let reasons: Vec<_> = wanted.iter().map(|w| (w.name, w.reason)).collect();
        assert_eq!(
            reasons,
            [
                (FieldName::IssueDate, WantReason::Missing),
                (FieldName::Address, WantReason::Missing),
                (FieldName::Amount, WantReason::Conflict),
            ]
        );
        let warnings = merge_proposals(
            DocType::Receipt,
            &mut fields,
            vec![
                proposal(FieldName::Amount, "120.00", 0.8),
                proposal(FieldName::Supplier, "Someone Else", 0.9),
                proposal(FieldName::IssueDate, "5 March 2026", 0.7),
                proposal(FieldName::Address, "1 Nowhere St", 0.6),
                proposal(FieldName::Currency, "EGP", 0.9),
            ],
            &pages,
        );
        assert!(warnings.is_empty());
        let amount = &fields[&FieldName::Amount];
        assert_eq!(
            (amount.value.as_str(), amount.note),
            ("120", Some(MergeNote::ModelSettledConflict))
        );
        let supplier = &fields[&FieldName::Supplier];
        assert_eq!(supplier.value, "Cairo Electricity");
        assert_eq!(supplier.note, Some(MergeNote::ModelDisagrees));
        assert_eq!(supplier.alternatives[0].value, "Someone Else");
        let date = &fields[&FieldName::IssueDate];
        assert_eq!(date.value, "2026-03-05");
        assert_eq!(date.note, Some(MergeNote::ModelFilled));
        assert_eq!(date.source.span, Some([34, 44]), "located in the page text");
        assert_eq!(date.confidence, 0.7);
        // Not in the text: halved.
        assert_eq!(fields[&FieldName::Address].confidence, 0.3);
        // Not a receipt field: ignored.
        assert!(!fields.contains_key(&FieldName::Currency));
    }

    #[test]
    fn low_confidence_values_can_be_replaced_and_say_so() {
        let pages = [page(&["Account 12345", "Meter 999"])];
        let mut fields = resolve(vec![(FieldName::AccountNumber, cand("999", 0.5))]);
        let warnings = merge_proposals(
            DocType::ElectricityBill,
            &mut fields,
            vec![
                proposal(FieldName::AccountNumber, "12345", 0.8),
                proposal(FieldName::PeriodStart, "not a date", 0.8),
            ],
            &pages,
        );
        let f = &fields[&FieldName::AccountNumber];
        assert_eq!(f.value, "12345");
        assert_eq!(f.note, Some(MergeNote::ModelReplacedLowConfidence));
        assert_eq!(f.alternatives[0].value, "999");
        assert_eq!(warnings.len(), 1);
        assert_eq!(warnings[0].key, "doc-warn-model-value-dropped");
    }
}
