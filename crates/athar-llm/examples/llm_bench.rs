//! Model time per document, with and without the top-token-first grammar check.
//!
//! ```text
//! cargo run --release -p athar-llm --example llm_bench -- [MODEL.gguf] [THREADS] [first]
//! ```
//!
//! Without a path it uses the test model (`ATHAR_TEST_GGUF` or the PyPI package). Prints one
//! line per document and mode, then the means, as Markdown table rows.

use std::num::NonZeroU32;
use std::path::PathBuf;
use std::time::Instant;

use athar_llm::{
    FieldKind, FieldRequest, Model, ModelOptions, ProposalRequest, Proposals, Sampling,
};

const EN_BILL: &str = "\
North Cairo Electricity Distribution Company
Monthly electricity bill
Customer: Delta Textiles SAE
Account number: 40-118-2231
Meter number: 7781203
Billing period: 01/03/2026 to 31/03/2026
Issue date: 05/04/2026
Previous reading: 152340  Current reading: 164840
Consumption: 12,500 kWh
Energy charge 15,000.00  Customer service 75.50  Stamp duty 1,800.00
Amount due: 16,875.50 EGP
Pay before 20/04/2026 at any branch or online.
";

const AR_BILL: &str = "\
شركة جنوب القاهرة لتوزيع الكهرباء
فاتورة استهلاك الكهرباء الشهرية
اسم المشترك: مصنع النور للبلاستيك
رقم الحساب: ٣٣٠٢١٤٥٥٨
رقم العداد: ٩٩٨١٢٠٤
فترة الفاتورة: من ٠١/٠٢/٢٠٢٦ إلى ٢٨/٠٢/٢٠٢٦
تاريخ الإصدار: ٠٣/٠٣/٢٠٢٦
القراءة السابقة: ٤٥٠١٢  القراءة الحالية: ٥٣٢١٢
الاستهلاك: ٨٬٢٠٠ ك.و.س
المبلغ المستحق: ١١٬٠٧٠٫٠٠ جنيه
";

const FUEL: &str = "\
Misr Petroleum Company - Station 114 Ismailia Road
Tax invoice no. 2026/00871
Date: 12/03/2026
Product: Diesel (Solar)
Quantity: 1,200.00 L  Unit price: 17.75
Total: 21,300.00 EGP
";

fn bill_fields() -> Vec<FieldRequest> {
    vec![
        FieldRequest::new(
            "supplier",
            "the company that issued the document",
            FieldKind::Text { max_chars: 80 },
        ),
        FieldRequest::new(
            "account_number",
            "the customer account or subscriber number",
            FieldKind::Identifier { max_chars: 32 },
        ),
        FieldRequest::new(
            "meter_number",
            "the meter number",
            FieldKind::Identifier { max_chars: 32 },
        ),
        FieldRequest::new(
            "period_start",
            "the first day of the billing period",
            FieldKind::Date,
        ),
        FieldRequest::new(
            "period_end",
            "the last day of the billing period",
            FieldKind::Date,
        ),
        FieldRequest::new(
            "consumption",
            "the energy consumed in the period",
            FieldKind::Decimal,
        ),
        FieldRequest::new("amount", "the total amount to pay", FieldKind::Decimal),
    ]
}

fn fuel_fields() -> Vec<FieldRequest> {
    vec![
        FieldRequest::new(
            "supplier",
            "the company that issued the document",
            FieldKind::Text { max_chars: 80 },
        ),
        FieldRequest::new(
            "issue_date",
            "the date the document was issued",
            FieldKind::Date,
        ),
        FieldRequest::new(
            "fuel_type",
            "the fuel bought",
            FieldKind::OneOf {
                values: vec![
                    "fuel:gas-diesel-oil".into(),
                    "fuel:motor-gasoline".into(),
                    "fuel:natural-gas".into(),
                ],
            },
        ),
        FieldRequest::new("quantity", "the quantity of fuel", FieldKind::Decimal),
        FieldRequest::new("amount", "the total amount to pay", FieldKind::Decimal),
    ]
}

fn main() {
    let mut args = std::env::args().skip(1);
    let path = match args.next() {
        Some(p) => PathBuf::from(p),
        None => athar_llm::test_model::locate().unwrap_or_else(|e| {
            eprintln!("no model: {e}");
            std::process::exit(2)
        }),
    };
    let threads: u32 = args.next().and_then(|t| t.parse().ok()).unwrap_or(1);
    // `first`: only the default mode (top token first, forced literals).
    let only_first = args.next().as_deref() == Some("first");
    let docs = [
        (
            "en electricity bill",
            "electricity bill",
            EN_BILL,
            bill_fields(),
        ),
        (
            "ar electricity bill",
            "electricity bill",
            AR_BILL,
            bill_fields(),
        ),
        ("en fuel invoice", "fuel invoice", FUEL, fuel_fields()),
    ];
    println!("| document | sampling | prompt tok | prompt ms | sampled tok | forced tok | answer ms | answer tok/s | full passes | total ms |");
    println!("|---|---|---|---|---|---|---|---|---|---|");
    for (sampling, force_literals) in [
        (Sampling::TopTokenFirst, true),
        (Sampling::FullVocabulary, true),
        (Sampling::TopTokenFirst, false),
    ]
    .into_iter()
    .take(if only_first { 1 } else { 3 })
    {
        let options = ModelOptions {
            sampling,
            force_literals,
            ..ModelOptions::with_threads(NonZeroU32::new(threads).unwrap_or(NonZeroU32::MIN))
        };
        let mode = if force_literals {
            format!("{sampling:?}")
        } else {
            format!("{sampling:?}, no forcing")
        };
        let model = Model::load(&path, options).expect("model loads");
        eprintln!("{mode}: model loaded in {:.0} ms", model.load_ms());
        let (mut gen_ms, mut gen_tok, mut total_ms) = (0.0, 0u32, 0.0);
        for (name, doc_type, text, fields) in &docs {
            let request = ProposalRequest {
                doc_type: doc_type.to_string(),
                text: text.to_string(),
                fields: fields.clone(),
                known: Vec::new(),
            };
            let started = Instant::now();
            let answer: Proposals = model.propose(&request, &mut |_| {}).expect("answer");
            let ms = started.elapsed().as_secs_f64() * 1000.0;
            let s = &answer.stats;
            println!(
                "| {name} | {mode} | {} | {:.0} | {} | {} | {:.0} | {:.1} | {} | {:.0} |",
                s.prompt_tokens,
                s.prompt_ms,
                s.generated_tokens,
                s.forced_tokens,
                s.generate_ms,
                f64::from(s.generated_tokens + s.forced_tokens) / (s.generate_ms / 1000.0),
                s.full_vocabulary_passes,
                ms
            );
            eprintln!("  {name}: {}", answer.raw);
            gen_ms += s.generate_ms;
            gen_tok += s.generated_tokens + s.forced_tokens;
            total_ms += ms;
        }
        println!(
            "| mean | {mode} | | | | | | {:.1} | | {:.0} |",
            f64::from(gen_tok) / (gen_ms / 1000.0),
            total_ms / docs.len() as f64
        );
    }
}
