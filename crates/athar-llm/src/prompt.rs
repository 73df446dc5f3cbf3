//! The instruction the model reads: the document's type, its text, and the fields wanted.
//!
//! Kept apart from the engine so the wording can be read and tested without a model. The
//! document text is user data: [`crate::engine`] tokenizes it with special-token parsing off,
//! so a bill that contains `<end_of_turn>` cannot end the instruction early.

use crate::schema::{FieldKind, FieldRequest};

/// The instruction split around the document text, so the three parts can be tokenized
/// separately.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Instruction {
    pub before_text: String,
    pub after_text: String,
}

/// Builds the instruction for a document of type `doc_type` (e.g. "electricity bill"), with
/// the values already read (`known`, name and value) as context.
pub fn instruction(
    doc_type: &str,
    fields: &[FieldRequest],
    known: &[(String, String)],
) -> Instruction {
    let before_text =
        format!("This is the text of a document of type: {doc_type}.\n\n<document>\n");
    let mut after = String::from("\n</document>\n\n");
    if !known.is_empty() {
        after.push_str("Already read from the document:\n");
        for (name, value) in known {
            after.push_str(&format!("- {name}: {value}\n"));
        }
        after.push('\n');
    }
    after.push_str(
        "Fill in these fields from the document as a JSON object. Copy each value as it is \
         written in the document. Write dates as YYYY-MM-DD. Write null when the document does \
         not give the value.\n",
    );
    for f in fields {
        after.push_str(&format!("- {}: {}", f.name, f.description));
        let choices: Option<&[String]> = if !f.candidates.is_empty() {
            Some(&f.candidates)
        } else if let FieldKind::OneOf { values } = &f.kind {
            Some(values)
        } else {
            None
        };
        if let Some(choices) = choices {
            let quoted: Vec<String> = choices
                .iter()
                .map(|c| serde_json::Value::String(c.clone()).to_string())
                .collect();
            after.push_str(&format!(" (one of {})", quoted.join(", ")));
        } else {
            match f.kind {
                FieldKind::Decimal => after.push_str(" (a number)"),
                FieldKind::Date => after.push_str(" (a date)"),
                _ => {}
            }
        }
        after.push('\n');
    }
    Instruction {
        before_text,
        after_text: after,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_every_field_with_its_choices() {
        let fields = vec![
            FieldRequest::new(
                "supplier",
                "the company that issued the bill",
                FieldKind::Text { max_chars: 60 },
            ),
            FieldRequest::new("amount", "the total to pay", FieldKind::Decimal)
                .with_candidates(vec!["1,234.50".into(), "1,243.50".into()]),
            FieldRequest::new(
                "unit",
                "the unit of consumption",
                FieldKind::OneOf {
                    values: vec!["kWh".into(), "MWh".into()],
                },
            ),
            FieldRequest::new("issue_date", "the date of issue", FieldKind::Date),
        ];
        let i = instruction(
            "electricity bill",
            &fields,
            &[("currency".into(), "EGP".into())],
        );
        assert!(i
            .before_text
            .starts_with("This is the text of a document of type: electricity bill."));
        assert!(i.before_text.ends_with("<document>\n"));
        assert!(i.after_text.starts_with(
            "\n</document>\n\nAlready read from the document:\n- currency: EGP\n\nFill in"
        ));
        assert!(i
            .after_text
            .contains("- supplier: the company that issued the bill\n"));
        assert!(i
            .after_text
            .contains("- amount: the total to pay (one of \"1,234.50\", \"1,243.50\")\n"));
        assert!(i
            .after_text
            .contains("- unit: the unit of consumption (one of \"kWh\", \"MWh\")\n"));
        assert!(i
            .after_text
            .contains("- issue_date: the date of issue (a date)\n"));
    }
}
