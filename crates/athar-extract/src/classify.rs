//! What kind of document this is, from weighted English and Arabic keywords.
//!
//! Deterministic scoring: each type has keywords with weights; a keyword counts once however
//! often it occurs; a type's score is the sum of its keywords found in the folded text. The
//! best type wins if it scores at least [`MIN_SCORE`]; otherwise the document is
//! [`DocType::Other`]. Confidence grows with the winner's lead over the runner-up. Keywords
//! are listed in `docs/extraction.md`.

use crate::model::{round_confidence, DocType};
use crate::normalise::fold;
use crate::text::contains_word;

/// Below this the document is "other".
pub const MIN_SCORE: f64 = 3.0;

/// Keywords (folded, see [`crate::normalise::fold`]) and weights per type.
const KEYWORDS: &[(DocType, &[(&str, f64)])] = &[
    (
        DocType::ElectricityBill,
        &[
            ("electricity", 3.0),
            ("electric", 1.5),
            ("kwh", 3.0),
            ("kilowatt", 2.0),
            ("power distribution", 2.0),
            ("tariff", 1.0),
            ("meter reading", 1.0),
            ("كهرباء", 3.0),
            ("الكهرباء", 3.0),
            ("ك.و.س", 3.0),
            ("كيلووات", 2.0),
            ("كيلو وات", 2.0),
            ("توزيع الكهرباء", 2.0),
            ("قراءه العداد", 1.0),
            ("الشريحه", 1.0),
        ],
    ),
    (
        DocType::GasBill,
        &[
            ("natural gas", 3.0),
            ("gas bill", 3.0),
            ("gas consumption", 2.0),
            ("town gas", 2.0),
            ("m3", 1.5),
            ("m³", 1.5),
            ("scm", 1.5),
            ("cubic", 1.0),
            ("غاز طبيعي", 3.0),
            ("الغاز الطبيعي", 3.0),
            ("فاتوره غاز", 3.0),
            ("الغاز", 1.5),
            ("م3", 1.5),
            ("م³", 1.5),
            ("متر مكعب", 1.0),
            ("meter reading", 1.0),
            ("قراءه العداد", 1.0),
        ],
    ),
    (
        DocType::FuelInvoice,
        &[
            ("diesel", 3.0),
            ("gasoil", 3.0),
            ("gasoline", 3.0),
            ("petrol", 3.0),
            ("benzine", 3.0),
            ("octane", 2.0),
            ("fuel", 2.0),
            ("fuel oil", 2.0),
            ("mazut", 3.0),
            ("lpg", 2.0),
            ("litres", 1.5),
            ("liters", 1.5),
            ("ltr", 1.0),
            ("pump", 1.0),
            ("nozzle", 1.5),
            ("filling station", 2.0),
            ("petroleum", 1.5),
            ("سولار", 3.0),
            ("السولار", 3.0),
            ("بنزين", 3.0),
            ("مازوت", 3.0),
            ("وقود", 2.0),
            ("لتر", 1.5),
            ("محطه", 1.0),
            ("بترول", 1.5),
            ("بوتاجاز", 2.0),
        ],
    ),
    (
        DocType::MaterialInvoice,
        &[
            ("purchase order", 1.5),
            ("steel", 1.5),
            ("cement", 1.5),
            ("clinker", 1.5),
            ("aluminium", 1.5),
            ("aluminum", 1.5),
            ("raw material", 2.0),
            ("materials", 1.0),
            ("unit price", 1.0),
            ("tonnes", 1.0),
            ("صلب", 1.5),
            ("حديد", 1.5),
            ("اسمنت", 1.5),
            ("المنيوم", 1.5),
            ("خامات", 2.0),
            ("مواد", 1.0),
            ("سعر الوحده", 1.0),
        ],
    ),
    (
        DocType::TransportInvoice,
        &[
            ("freight", 3.0),
            ("shipping", 2.0),
            ("shipment", 2.0),
            ("transport", 2.0),
            ("bill of lading", 3.0),
            ("container", 1.5),
            ("trucking", 2.0),
            ("logistics", 2.0),
            ("consignee", 1.5),
            ("شحن", 2.0),
            ("نقل", 2.0),
            ("بوليصه", 2.0),
            ("حاويه", 1.5),
        ],
    ),
    (
        DocType::Receipt,
        &[
            ("receipt", 2.0),
            ("cash", 1.5),
            ("change", 1.0),
            ("cashier", 2.0),
            ("thank you", 1.5),
            ("gst", 1.5),
            ("tax invoice", 1.0),
            ("sdn bhd", 1.5),
            ("qty", 0.5),
            ("total", 0.5),
            ("ايصال", 2.0),
            ("نقدا", 1.5),
            ("شكرا", 1.5),
        ],
    ),
];

/// A classification: the type, its confidence and every type's score (for the benchmark and
/// for debugging).
#[derive(Debug, Clone, PartialEq)]
pub struct Classification {
    pub doc_type: DocType,
    pub confidence: f64,
    pub scores: Vec<(DocType, f64)>,
}

/// Classifies the text of all pages.
pub fn classify(text: &str) -> Classification {
    let folded = fold(text);
    let mut scores: Vec<(DocType, f64)> = KEYWORDS
        .iter()
        .map(|(t, words)| {
            let s: f64 = words
                .iter()
                .filter(|(w, _)| contains_word(&folded, w))
                .map(|(_, weight)| weight)
                .sum();
            (*t, s)
        })
        .collect();
    // Stable order for ties: the order of KEYWORDS.
    scores.sort_by(|a, b| b.1.total_cmp(&a.1));
    let (best, top) = scores[0];
    let second = scores.get(1).map_or(0.0, |s| s.1);
    if top < MIN_SCORE {
        return Classification {
            doc_type: DocType::Other,
            confidence: round_confidence(0.5 + (MIN_SCORE - top) / (2.0 * MIN_SCORE)),
            scores,
        };
    }
    let lead = (top - second) / top;
    Classification {
        doc_type: best,
        confidence: round_confidence((0.5 + 0.5 * lead).min(0.95) * (top / (top + 1.0))),
        scores,
    }
}

/// The classification of a CBAM communication template (recognised by its sheets).
pub fn cbam_template() -> Classification {
    Classification {
        doc_type: DocType::CbamTemplate,
        confidence: 0.95,
        scores: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn types_from_english_and_arabic_keywords() {
        assert_eq!(
            classify("North Cairo Electricity Distribution\nConsumption 1,250 kWh").doc_type,
            DocType::ElectricityBill
        );
        assert_eq!(
            classify("شركة شمال القاهرة لتوزيع الكهرباء\nالاستهلاك ١٢٥٠ ك.و.س").doc_type,
            DocType::ElectricityBill
        );
        assert_eq!(
            classify("Town Gas\nNatural gas consumption 320 m3").doc_type,
            DocType::GasBill
        );
        assert_eq!(
            classify("فاتورة غاز طبيعي\nالاستهلاك ٣٢٠ م٣").doc_type,
            DocType::GasBill
        );
        assert_eq!(
            classify("Misr Petroleum\nDiesel 500 litres").doc_type,
            DocType::FuelInvoice
        );
        assert_eq!(classify("سولار ٥٠٠ لتر").doc_type, DocType::FuelInvoice);
        assert_eq!(
            classify("Freight invoice\nBill of lading 123").doc_type,
            DocType::TransportInvoice
        );
        assert_eq!(
            classify("ABC SDN BHD\nCASH RECEIPT\nTotal 12.00\nThank you").doc_type,
            DocType::Receipt
        );
        let other = classify("Hello world");
        assert_eq!(other.doc_type, DocType::Other);
        assert!(other.confidence > 0.5);
    }
}
