//! `athar-extract`'s [`FieldAssist`] on a loaded [`Model`]: its request (document type, page
//! texts, wanted fields with their kinds, closed value lists and conflicting candidates)
//! becomes a [`ProposalRequest`], and the answer becomes its [`Proposal`]s.
//!
//! What is asked follows the reason: a missing or uncertain field gets the grammar of its kind,
//! a conflict may only be settled with one of the parsers' candidates.

use std::collections::BTreeMap;

use athar_extract::{
    AssistRequest, DocType, EngineError, FieldAssist, FieldKind as ExtractKind, FieldName,
    Proposal, WantReason,
};
use rust_decimal::prelude::ToPrimitive;

use crate::engine::{Model, Progress, ProposalRequest, Proposals};
use crate::error::LlmError;
use crate::schema::{FieldKind, FieldRequest};

/// Longest free text asked for: a supplier's name.
const TEXT_CHARS: u16 = 80;
/// An address runs longer.
const ADDRESS_CHARS: u16 = 160;
/// Account, meter and invoice numbers.
const IDENTIFIER_CHARS: u16 = 32;

/// The model as an extraction assistant.
#[derive(Debug)]
pub struct ModelAssist {
    model: Model,
    last: Option<Proposals>,
}

impl ModelAssist {
    pub fn new(model: Model) -> Self {
        ModelAssist { model, last: None }
    }

    pub fn model(&self) -> &Model {
        &self.model
    }

    /// The full answer of the last [`FieldAssist::propose`] call (raw JSON, counters), for
    /// benchmarks and diagnostics.
    pub fn last_run(&self) -> Option<&Proposals> {
        self.last.as_ref()
    }

    /// Like [`FieldAssist::propose`], reporting progress and keeping the typed error.
    pub fn propose_with_progress(
        &mut self,
        request: &AssistRequest,
        progress: &mut dyn FnMut(Progress),
    ) -> Result<Vec<Proposal>, LlmError> {
        let (query, pages) = to_request(request);
        if query.fields.is_empty() {
            return Ok(Vec::new());
        }
        let answer = self.model.propose(&query, progress)?;
        let proposals = to_proposals(&answer, &pages);
        self.last = Some(answer);
        Ok(proposals)
    }
}

impl FieldAssist for ModelAssist {
    fn propose(&mut self, request: &AssistRequest) -> Result<Vec<Proposal>, EngineError> {
        self.propose_with_progress(request, &mut |_| {})
            .map_err(engine_error)
    }
}

/// The model's error as extraction's engine error: a model the user must fix is
/// `Unavailable`, anything else `Failed`.
pub fn engine_error(e: LlmError) -> EngineError {
    match e {
        LlmError::Missing { .. } | LlmError::NotGguf { .. } | LlmError::Unreadable { .. } => {
            EngineError::Unavailable {
                detail: e.to_string(),
            }
        }
        _ => EngineError::Failed {
            detail: e.to_string(),
        },
    }
}

/// Where each page starts in the joined text: (byte offset, page number).
type PageStarts = Vec<(usize, u32)>;

/// The extraction request as a model request; page texts are joined with a marker line so
/// the model knows where pages end.
pub fn to_request(request: &AssistRequest) -> (ProposalRequest, PageStarts) {
    let mut text = String::new();
    let mut starts = Vec::new();
    for page in &request.pages {
        if request.pages.len() > 1 {
            text.push_str(&format!("--- page {} ---\n", page.number));
        }
        starts.push((text.len(), page.number));
        text.push_str(&page.text);
        text.push('\n');
    }
    let fields = request
        .wanted
        .iter()
        .map(|w| {
            let kind = match w.name.kind() {
                ExtractKind::Text if w.name == FieldName::Address => FieldKind::Text {
                    max_chars: ADDRESS_CHARS,
                },
                ExtractKind::Text => FieldKind::Text {
                    max_chars: TEXT_CHARS,
                },
                ExtractKind::Identifier => FieldKind::Identifier {
                    max_chars: IDENTIFIER_CHARS,
                },
                ExtractKind::Date => FieldKind::Date,
                ExtractKind::Decimal => FieldKind::Decimal,
                closed @ (ExtractKind::Unit | ExtractKind::Currency | ExtractKind::FuelType) => {
                    let values = if w.allowed.is_empty() {
                        closed
                            .allowed_values()
                            .iter()
                            .map(|v| v.to_string())
                            .collect()
                    } else {
                        w.allowed.clone()
                    };
                    FieldKind::OneOf { values }
                }
            };
            let field = FieldRequest::new(w.name.id(), description(w.name), kind);
            if w.reason == WantReason::Conflict && !w.candidates.is_empty() {
                field.with_candidates(w.candidates.clone())
            } else {
                field
            }
        })
        .collect();
    let known = request
        .known
        .iter()
        .map(|(name, value)| (name.id().to_string(), value.clone()))
        .collect();
    (
        ProposalRequest {
            doc_type: doc_type_words(request.doc_type).to_string(),
            text,
            fields,
            known,
        },
        starts,
    )
}

/// The answer as extraction proposals, with the page and quote where the value was found in
/// the text.
pub fn to_proposals(answer: &Proposals, pages: &PageStarts) -> Vec<Proposal> {
    let by_name: BTreeMap<&str, FieldName> = FieldName::ALL.iter().map(|f| (f.id(), *f)).collect();
    answer
        .fields
        .iter()
        .filter_map(|(name, p)| {
            let field = *by_name.get(name.as_str())?;
            let page = p.in_text.and_then(|(start, _)| {
                pages
                    .iter()
                    .rev()
                    .find(|(offset, _)| *offset <= start)
                    .map(|(_, number)| *number)
            });
            Some(Proposal {
                name: field,
                value: p.value.to_text(),
                confidence: p.confidence.to_f64().unwrap_or(0.0),
                page,
                quote: p.in_text.map(|_| p.written.clone()),
            })
        })
        .collect()
}

fn doc_type_words(t: DocType) -> &'static str {
    match t {
        DocType::ElectricityBill => "electricity bill",
        DocType::GasBill => "natural gas bill",
        DocType::FuelInvoice => "fuel invoice or receipt",
        DocType::MaterialInvoice => "invoice for materials",
        DocType::TransportInvoice => "transport or freight invoice",
        DocType::CbamTemplate => "CBAM supplier template",
        DocType::Receipt => "receipt",
        DocType::Other => "invoice",
    }
}

/// What each field means, for the instruction.
fn description(f: FieldName) -> &'static str {
    match f {
        FieldName::Supplier => "the company that issued the document",
        FieldName::AccountNumber => "the customer account or subscriber number",
        FieldName::MeterNumber => "the meter number",
        FieldName::InvoiceNumber => "the invoice or receipt number",
        FieldName::IssueDate => "the date the document was issued",
        FieldName::PeriodStart => "the first day of the billing period",
        FieldName::PeriodEnd => "the last day of the billing period",
        FieldName::Consumption => "the energy or gas consumed in the period",
        FieldName::ConsumptionUnit => "the unit of the consumption",
        FieldName::FuelType => "the fuel bought",
        FieldName::Quantity => "the quantity of fuel",
        FieldName::QuantityUnit => "the unit of the fuel quantity",
        FieldName::Amount => "the total amount to pay",
        FieldName::Currency => "the currency of the amount",
        FieldName::Address => "the address of the issuer",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use athar_extract::{AssistPage, WantedField};
    use rust_decimal::Decimal;

    use crate::engine::{Proposal as ModelProposal, RunStats};
    use crate::output::ProposedValue;

    fn request() -> AssistRequest {
        AssistRequest {
            doc_type: DocType::ElectricityBill,
            pages: vec![
                AssistPage {
                    number: 1,
                    text: "North Cairo Electricity\nMeter 5512".into(),
                },
                AssistPage {
                    number: 2,
                    text: "Total due 1,250.00 EGP".into(),
                },
            ],
            wanted: vec![
                WantedField {
                    name: FieldName::Amount,
                    kind: ExtractKind::Decimal,
                    allowed: vec![],
                    reason: WantReason::Conflict,
                    candidates: vec!["1250".into(), "1520".into()],
                },
                WantedField {
                    name: FieldName::ConsumptionUnit,
                    kind: ExtractKind::Unit,
                    allowed: vec!["kWh".into(), "MWh".into()],
                    reason: WantReason::Missing,
                    candidates: vec![],
                },
                WantedField {
                    name: FieldName::MeterNumber,
                    kind: ExtractKind::Identifier,
                    allowed: vec![],
                    reason: WantReason::LowConfidence,
                    candidates: vec!["5512".into()],
                },
            ],
            known: vec![(FieldName::Currency, "EGP".into())],
        }
    }

    #[test]
    fn conflicts_become_choices_and_closed_kinds_enums() {
        let (q, starts) = to_request(&request());
        assert_eq!(q.doc_type, "electricity bill");
        assert_eq!(
            q.text,
            "--- page 1 ---\nNorth Cairo Electricity\nMeter 5512\n--- page 2 ---\nTotal due 1,250.00 EGP\n"
        );
        assert_eq!(starts, vec![(15, 1), (65, 2)]);
        assert_eq!(q.fields[0].name, "amount");
        assert_eq!(q.fields[0].candidates, vec!["1250", "1520"]);
        assert_eq!(
            q.fields[1].kind,
            FieldKind::OneOf {
                values: vec!["kWh".into(), "MWh".into()]
            }
        );
        // Low confidence: the model reads on its own, not restricted to the one candidate.
        assert!(q.fields[2].candidates.is_empty());
        assert_eq!(q.fields[2].kind, FieldKind::Identifier { max_chars: 32 });
        assert_eq!(q.known, vec![("currency".to_string(), "EGP".to_string())]);
    }

    #[test]
    fn proposals_carry_page_and_quote_when_found_in_the_text() {
        let (q, starts) = to_request(&request());
        let at = q.text.find("1,250.00").unwrap();
        let mut fields = BTreeMap::new();
        fields.insert(
            "amount".to_string(),
            ModelProposal {
                value: ProposedValue::Decimal(Decimal::new(1250, 0)),
                confidence: Decimal::new(9125, 4),
                written: "1,250.00".into(),
                in_text: Some((at, at + 8)),
            },
        );
        fields.insert(
            "meter_number".to_string(),
            ModelProposal {
                value: ProposedValue::Text("5521".into()),
                confidence: Decimal::new(5, 1),
                written: "5521".into(),
                in_text: None,
            },
        );
        let answer = Proposals {
            fields,
            not_found: vec!["consumption_unit".into()],
            rejected: vec![],
            raw: String::new(),
            stats: RunStats::default(),
        };
        let p = to_proposals(&answer, &starts);
        assert_eq!(p.len(), 2);
        assert_eq!(p[0].name, FieldName::Amount);
        assert_eq!(p[0].value, "1250");
        assert_eq!(p[0].confidence, 0.9125);
        assert_eq!(p[0].page, Some(2));
        assert_eq!(p[0].quote.as_deref(), Some("1,250.00"));
        assert_eq!(p[1].name, FieldName::MeterNumber);
        assert_eq!(p[1].page, None);
        assert_eq!(p[1].quote, None);
    }

    #[test]
    fn model_file_problems_are_unavailable_others_failed() {
        let missing = engine_error(LlmError::Missing {
            path: "/x.gguf".into(),
        });
        assert!(matches!(missing, EngineError::Unavailable { .. }));
        assert!(matches!(
            engine_error(LlmError::DeadEnd),
            EngineError::Failed { .. }
        ));
    }
}
