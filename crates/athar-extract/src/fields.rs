//! The deterministic field parsers: English and Arabic labels, and the value that follows a
//! label on its line (up to the next column gap) or on the next line.
//!
//! Why labels and not positions: bills from the same utility keep their wording but not
//! their layout across scans, photos and PDF producers, and a label is what a person looks for
//! too. Each rule gives a confidence (the label's weight, lowered for weaker rules and for
//! lines OCR was unsure of); every candidate is kept and [`crate::merge::resolve`] chooses.
//! Labels are in folded form (see [`crate::normalise::fold`]) and listed in
//! `docs/extraction.md`.

use crate::index::{IndexedLine, IndexedPage};
use crate::model::{Candidate, DocType, FieldKind, FieldName, Origin};
use crate::normalise::{
    clean_text, currency_words, fuel_words, iso_date, normalise_value, unit_words,
};
use crate::text::{char_slice, find_dates, find_numbers, find_word};

/// A label and the confidence of a value found after it.
type Label = (&'static str, f64);

const SUPPLIER_LABELS: &[Label] = &[
    // The CBAM communication template's installation sheet.
    ("name of the installation (english name)", 0.95),
    ("supplier", 0.85),
    ("vendor", 0.85),
    ("seller", 0.85),
    ("issued by", 0.85),
    ("company name", 0.85),
    ("المورد", 0.85),
    ("اسم المورد", 0.9),
    ("اسم الشركه", 0.85),
    ("البائع", 0.85),
    ("الشركه المورده", 0.9),
];

const ACCOUNT_LABELS: &[Label] = &[
    ("account number", 0.9),
    ("account no", 0.9),
    ("account #", 0.9),
    ("acct no", 0.85),
    ("customer number", 0.85),
    ("customer no", 0.85),
    ("customer id", 0.8),
    ("contract number", 0.8),
    ("contract no", 0.8),
    ("subscriber number", 0.85),
    ("subscriber no", 0.85),
    ("account", 0.6),
    ("رقم الحساب", 0.9),
    ("رقم حساب", 0.9),
    ("رقم المشترك", 0.9),
    ("رقم العميل", 0.85),
    ("كود المشترك", 0.85),
    ("كود العميل", 0.85),
    ("رقم التعاقد", 0.8),
    ("رقم العقد", 0.8),
];

const METER_LABELS: &[Label] = &[
    ("meter number", 0.9),
    ("meter no", 0.9),
    ("meter #", 0.9),
    ("meter serial", 0.85),
    ("meter id", 0.85),
    ("رقم العداد", 0.9),
    ("العداد رقم", 0.85),
];

const INVOICE_NUMBER_LABELS: &[Label] = &[
    ("invoice number", 0.9),
    ("invoice no", 0.9),
    ("invoice #", 0.9),
    ("invoice nr", 0.85),
    ("inv no", 0.85),
    ("bill number", 0.85),
    ("bill no", 0.85),
    ("receipt number", 0.85),
    ("receipt no", 0.85),
    ("document no", 0.7),
    ("invoice", 0.5),
    // Labels of European invoices (the invoice2data reference set).
    ("factuurnummer", 0.85),
    ("numero de facture", 0.85),
    ("numéro de facture", 0.85),
    ("rechnungsnummer", 0.85),
    ("رقم الفاتوره", 0.9),
    ("رقم الايصال", 0.85),
    ("فاتوره رقم", 0.85),
];

const ISSUE_DATE_LABELS: &[Label] = &[
    ("issue date", 0.9),
    ("date of issue", 0.9),
    ("invoice date", 0.9),
    ("bill date", 0.9),
    ("billing date", 0.85),
    ("statement date", 0.85),
    ("issued on", 0.85),
    ("date issued", 0.85),
    ("receipt date", 0.85),
    ("date", 0.65),
    ("factuurdatum", 0.85),
    ("factuur datum", 0.85),
    ("date de facture", 0.85),
    ("rechnungsdatum", 0.85),
    ("تاريخ الاصدار", 0.9),
    ("تاريخ اصدار الفاتوره", 0.9),
    ("تاريخ الفاتوره", 0.9),
    ("تاريخ الايصال", 0.85),
    ("التاريخ", 0.65),
    ("تاريخ", 0.6),
];

/// Words that make a "date" line about another date.
const NOT_ISSUE_DATE: &[&str] = &[
    "due",
    "reading",
    "period",
    "from",
    "start",
    "end",
    "payment",
    "delivery",
    "check in",
    "check out",
    "order",
    "استحقاق",
    "الاستحقاق",
    "قراءه",
    "القراءه",
    "الفتره",
    "فتره",
    "السداد",
    "بدايه",
    "نهايه",
];

const PERIOD_LABELS: &[Label] = &[
    ("billing period", 0.9),
    ("service period", 0.9),
    ("consumption period", 0.9),
    ("reporting period", 0.9),
    ("period", 0.8),
    ("فتره الاستهلاك", 0.9),
    ("فتره الفاتوره", 0.9),
    ("عن الفتره", 0.9),
    ("الفتره", 0.8),
];

const PERIOD_START_LABELS: &[Label] = &[
    ("period start", 0.85),
    ("start date", 0.8),
    ("from date", 0.8),
    ("previous reading date", 0.6),
    ("بدايه الفتره", 0.85),
    ("من تاريخ", 0.8),
    ("تاريخ القراءه السابقه", 0.6),
];

const PERIOD_END_LABELS: &[Label] = &[
    ("period end", 0.85),
    ("end date", 0.8),
    ("to date", 0.8),
    ("current reading date", 0.6),
    ("نهايه الفتره", 0.85),
    ("الي تاريخ", 0.8),
    ("حتي تاريخ", 0.8),
    ("تاريخ القراءه الحاليه", 0.6),
];

const CONSUMPTION_LABELS: &[Label] = &[
    ("total consumption", 0.9),
    ("consumption", 0.85),
    ("units consumed", 0.85),
    ("energy consumed", 0.85),
    ("energy consumption", 0.85),
    ("gas consumption", 0.85),
    ("اجمالي الاستهلاك", 0.9),
    ("كميه الاستهلاك", 0.9),
    ("الكميه المستهلكه", 0.9),
    ("الاستهلاك", 0.85),
];

/// Lines about meter readings, tariffs or prices hold numbers that are not the consumption.
const NOT_CONSUMPTION: &[&str] = &[
    "reading",
    "tariff",
    "price",
    "rate",
    "average",
    "previous",
    "charge",
    "قراءه",
    "القراءه",
    "سعر",
    "متوسط",
    "تعريفه",
    "السابق",
    "رسوم",
];

const PREVIOUS_READING: &[Label] = &[
    ("previous reading", 0.8),
    ("last reading", 0.8),
    ("القراءه السابقه", 0.8),
];

const CURRENT_READING: &[Label] = &[
    ("current reading", 0.8),
    ("present reading", 0.8),
    ("القراءه الحاليه", 0.8),
];

/// Words of bills whose consumption is the readings' difference times a factor.
const MULTIPLIER: &[&str] = &[
    "multiplier",
    "ct ratio",
    "meter factor",
    "معامل الضرب",
    "معامل",
];

const QUANTITY_LABELS: &[Label] = &[
    ("quantity", 0.85),
    ("qty", 0.8),
    ("volume", 0.8),
    ("litres", 0.75),
    ("liters", 0.75),
    ("الكميه", 0.85),
    ("كميه", 0.8),
    ("عدد اللترات", 0.85),
];

const AMOUNT_LABELS: &[Label] = &[
    ("total amount due", 0.92),
    ("amount due", 0.9),
    ("total due", 0.9),
    ("amount payable", 0.9),
    ("total payable", 0.9),
    ("grand total", 0.9),
    ("net total", 0.85),
    ("total amount", 0.88),
    ("invoice total", 0.88),
    ("total incl", 0.85),
    ("rounded total", 0.88),
    ("total", 0.75),
    ("amount", 0.55),
    ("totaal", 0.8),
    ("te betalen", 0.85),
    ("total ttc", 0.88),
    ("montant", 0.55),
    ("gesamtbetrag", 0.85),
    ("المبلغ المستحق", 0.92),
    ("المطلوب سداده", 0.9),
    ("اجمالي المبلغ", 0.9),
    ("اجمالي الفاتوره", 0.9),
    ("الاجمالي", 0.8),
    ("اجمالي", 0.75),
    ("صافي المبلغ", 0.85),
    ("المبلغ", 0.55),
];

/// Lines with these words hold another amount (unless they also say "including").
const NOT_AMOUNT: &[&str] = &[
    "subtotal",
    "sub total",
    "sub-total",
    "tax",
    "vat",
    "gst",
    "discount",
    "change",
    "cash",
    "tendered",
    "rounding",
    "qty",
    "quantity",
    "items",
    "item",
    "paid",
    "balance",
    "excl",
    "excluding",
    "before",
    "previous",
    "الضريبه",
    "ضريبه",
    "خصم",
    "الباقي",
    "عدد",
    "قبل",
    "السابق",
    "المدفوع",
];

const INCLUDING: &[&str] = &["incl", "including", "inclusive", "شامل", "شامله", "بعد"];

const FUEL_LINE_LABELS: &[&str] = &[
    "product",
    "item",
    "description",
    "fuel type",
    "fuel",
    "نوع الوقود",
    "الصنف",
    "البيان",
    "المنتج",
];

/// Headers of a table's unit column.
const UNIT_COLUMN: &[&str] = &["unit", "uom", "units", "الوحده", "وحده القياس"];

const ADDRESS_LABELS: &[Label] = &[("address", 0.8), ("العنوان", 0.8)];

/// Words that mark a company name.
const COMPANY_MARKERS: &[&str] = &[
    "company",
    "co.",
    "co",
    "ltd",
    "ltd.",
    "limited",
    "llc",
    "inc",
    "inc.",
    "s.a.e",
    "s.a.e.",
    "sae",
    "sdn bhd",
    "sdn. bhd.",
    "bhd",
    "enterprise",
    "enterprises",
    "trading",
    "corporation",
    "corp",
    "gmbh",
    "plc",
    "group",
    "store",
    "mart",
    "restaurant",
    "hardware",
    "petroleum",
    "electricity",
    "distribution",
    "gas",
    "شركه",
    "ش.م.م",
    "ش.م.م.",
    "ش.م.م.",
    "مؤسسه",
    "لتوزيع",
    "للتوزيع",
    "للبترول",
    "للغاز",
];

/// Lines that end an address block on a receipt.
const ADDRESS_STOP: &[&str] = &[
    "tel",
    "phone",
    "fax",
    "email",
    "e-mail",
    "www",
    "gst",
    "invoice",
    "receipt",
    "date",
    "cashier",
    "hp",
    "mobile",
    "tax",
    "هاتف",
    "تليفون",
    "فاكس",
    "الرقم الضريبي",
    "فاتوره",
    "ايصال",
];

/// Registration lines between a company name and its address.
const REGISTRATION: &[&str] = &["reg", "co no", "co. no", "company no", "gst", "sst", "roc"];

struct Ctx<'a> {
    pages: &'a [IndexedPage],
    out: Vec<(FieldName, Candidate)>,
}

impl<'a> Ctx<'a> {
    fn line(&self, r: &Region) -> &'a IndexedLine {
        &self.pages[r.page].lines[r.line]
    }

    /// Records a candidate read at folded chars `s..e` of region `r`'s line.
    fn push_at(
        &mut self,
        field: FieldName,
        value: String,
        weight: f64,
        r: &Region,
        (s, e): (usize, usize),
        rule: &str,
    ) {
        let p = &self.pages[r.page];
        let quality = 0.6 + 0.4 * p.line_quality(r.line).clamp(0.0, 1.0);
        self.out.push((
            field,
            Candidate {
                value,
                confidence: crate::model::round_confidence(weight * r.factor * quality),
                page: Some(p.number),
                source: p.provenance(Origin::Parser, r.line, s, e, rule),
            },
        ));
    }
}

/// Candidates for every field of `doc_type`.
pub(crate) fn parse_fields(
    doc_type: DocType,
    pages: &[IndexedPage],
) -> Vec<(FieldName, Candidate)> {
    let mut ctx = Ctx {
        pages,
        out: Vec::new(),
    };
    for field in doc_type.fields() {
        match field {
            FieldName::Supplier => supplier(&mut ctx),
            FieldName::AccountNumber => identifier(&mut ctx, *field, ACCOUNT_LABELS, &["meter"]),
            FieldName::MeterNumber => identifier(&mut ctx, *field, METER_LABELS, &["reading"]),
            FieldName::InvoiceNumber => {
                identifier(&mut ctx, *field, INVOICE_NUMBER_LABELS, &["date", "total"])
            }
            FieldName::IssueDate => issue_date(&mut ctx, doc_type),
            FieldName::PeriodStart => period(&mut ctx),
            FieldName::Consumption => consumption(&mut ctx, doc_type),
            FieldName::Quantity => quantity(&mut ctx),
            FieldName::FuelType => fuel(&mut ctx),
            FieldName::Amount => amount(&mut ctx),
            FieldName::Currency => currency(&mut ctx),
            FieldName::Address => address(&mut ctx),
            // Found together with the fields above.
            FieldName::PeriodEnd | FieldName::ConsumptionUnit | FieldName::QuantityUnit => {}
        }
    }
    ctx.out
}

/// Char ranges of the tab-separated segments (table cells, columns) of a folded line.
fn segments(folded: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, c) in folded.chars().enumerate() {
        if c == '\t' {
            out.push((start, i));
            start = i + 1;
        }
    }
    out.push((start, folded.chars().count()));
    out
}

/// A label found in a line.
#[derive(Debug, Clone, Copy)]
struct Hit {
    page: usize,
    line: usize,
    /// Index of the segment holding the label.
    seg: usize,
    label_end: usize,
    weight: f64,
}

/// Where a value is looked for, and how much a value found there is trusted.
#[derive(Debug, Clone, Copy)]
struct Region {
    page: usize,
    line: usize,
    start: usize,
    end: usize,
    factor: f64,
    /// For a cell under a table header: the header line.
    header: Option<usize>,
}

fn is_separator(c: char) -> bool {
    matches!(c, ' ' | ':' | '-' | '#' | '.' | '|' | '=' | '،' | ',')
}

/// The words around a label that decide whether it is about something else: up to two words
/// before it in its segment, and the words after it up to the first one with a digit (at
/// most three). "Due date", "Total qty", "الإجمالي قبل الضريبة".
fn label_window(folded: &str, seg: (usize, usize), label: (usize, usize)) -> String {
    let chars: Vec<char> = folded.chars().collect();
    let before: String = chars[seg.0..label.0].iter().collect();
    let before_words: Vec<&str> = before.split_whitespace().collect();
    let keep = before_words.len().saturating_sub(2);
    let after: String = chars[label.1..seg.1].iter().collect();
    let mut after_words = Vec::new();
    for w in after.split_whitespace().take(3) {
        if w.chars().any(|c| c.is_ascii_digit()) {
            break;
        }
        after_words.push(w);
    }
    let label_text: String = chars[label.0..label.1].iter().collect();
    format!(
        "{} {} {}",
        before_words[keep..].join(" "),
        label_text,
        after_words.join(" ")
    )
}

/// Every label hit, the best label per segment, skipping labels whose window (see
/// [`label_window`]) has an excluded word.
fn label_hits(pages: &[IndexedPage], labels: &[Label], exclude: &[&str]) -> Vec<Hit> {
    let mut out = Vec::new();
    for (pi, p) in pages.iter().enumerate() {
        for (li, l) in p.lines.iter().enumerate() {
            for (si, seg) in segments(&l.folded).into_iter().enumerate() {
                let text = char_slice(&l.folded, seg.0, seg.1);
                let mut best: Option<(usize, usize, f64)> = None;
                for (label, weight) in labels {
                    if let Some((s, e)) = find_word(&text, label) {
                        match best {
                            Some((_, _, bw)) if bw >= *weight => {}
                            _ => best = Some((s, e, *weight)),
                        }
                    }
                }
                let Some((s, e, weight)) = best else { continue };
                let window = label_window(&l.folded, seg, (seg.0 + s, seg.0 + e));
                if exclude.iter().any(|x| find_word(&window, x).is_some()) {
                    continue;
                }
                out.push(Hit {
                    page: pi,
                    line: li,
                    seg: si,
                    label_end: seg.0 + e,
                    weight,
                });
            }
        }
    }
    out
}

/// Regions to read a hit's value from, best first: the rest of the label's cell; the next
/// cell; the cell below (a table header over a row of values); the start of the next line.
fn regions(pages: &[IndexedPage], hit: &Hit) -> Vec<Region> {
    let p = &pages[hit.page];
    let line = &p.lines[hit.line];
    let segs = segments(&line.folded);
    let chars: Vec<char> = line.folded.chars().collect();
    let (_, seg_end) = segs[hit.seg];
    let mut s = hit.label_end;
    while s < seg_end && is_separator(chars[s]) {
        s += 1;
    }
    let mut out = Vec::new();
    let region = |line: usize, start: usize, end: usize, factor: f64| Region {
        page: hit.page,
        line,
        start,
        end,
        factor,
        header: None,
    };
    if s < seg_end {
        out.push(region(hit.line, s, seg_end, 1.0));
    }
    if let Some(&(ns, ne)) = segs.get(hit.seg + 1) {
        out.push(region(hit.line, ns, ne, 0.95));
    }
    if let Some(next) = p.lines.get(hit.line + 1) {
        let nsegs = segments(&next.folded);
        // Cells with text, so that an empty cell or a stray mark does not shift columns.
        let filled = |folded: &str, segs: &[(usize, usize)]| -> Vec<usize> {
            segs.iter()
                .enumerate()
                .filter(|(_, (a, b))| {
                    char_slice(folded, *a, *b)
                        .chars()
                        .any(char::is_alphanumeric)
                })
                .map(|(i, _)| i)
                .collect()
        };
        let head = filled(&line.folded, &segs);
        let row = filled(&next.folded, &nsegs);
        let column = head.iter().position(|&i| i == hit.seg);
        if let (true, Some(col)) = (head.len() >= 2 && head.len() == row.len(), column) {
            let (ns, ne) = nsegs[row[col]];
            out.push(Region {
                header: Some(hit.line),
                ..region(hit.line + 1, ns, ne, 0.9)
            });
        } else if s >= seg_end && segs.len() == 1 {
            let (ns, ne) = nsegs[0];
            out.push(region(hit.line + 1, ns, ne, 0.8));
        }
    }
    out
}

fn region_text(ctx: &Ctx, r: &Region) -> String {
    char_slice(&ctx.line(r).folded, r.start, r.end)
}

/// The printed text (case and digits kept) of folded chars `s..e` of a line.
fn printed(line: &IndexedLine, s: usize, e: usize) -> String {
    if e == 0 || s >= e || e > line.map.len() {
        return String::new();
    }
    char_slice(&line.text, line.map[s], line.map[e - 1] + 1)
}

fn identifier_in(text: &str) -> Option<(usize, usize)> {
    // The first token with three digits, made of letters, digits, '-' and '/', or groups of
    // digits separated by single spaces ("1234 5678 90").
    let chars: Vec<char> = text.chars().collect();
    let is_id = |c: char| c.is_ascii_alphanumeric() || c == '-' || c == '/';
    let mut i = 0;
    while i < chars.len() {
        if is_id(chars[i]) && (i == 0 || !is_id(chars[i - 1])) {
            let mut e = i;
            while e < chars.len() && is_id(chars[e]) {
                e += 1;
            }
            while e + 1 < chars.len()
                && chars[e] == ' '
                && chars[e + 1].is_ascii_digit()
                && chars[i..e].iter().all(|c| c.is_ascii_digit() || *c == ' ')
            {
                let mut f = e + 1;
                while f < chars.len() && chars[f].is_ascii_digit() {
                    f += 1;
                }
                if f < chars.len() && chars[f].is_alphabetic() {
                    break;
                }
                e = f;
            }
            let token: String = chars[i..e].iter().collect();
            if token.chars().filter(char::is_ascii_digit).count() >= 3 {
                let lead = token.len() - token.trim_start_matches(['-', '/']).len();
                let trail = token.len() - token.trim_end_matches(['-', '/']).len();
                return Some((i + lead, e - trail));
            }
            i = e;
        } else {
            i += 1;
        }
    }
    None
}

fn identifier(ctx: &mut Ctx, field: FieldName, labels: &[Label], exclude: &[&str]) {
    for hit in label_hits(ctx.pages, labels, exclude) {
        for r in regions(ctx.pages, &hit) {
            let text = region_text(ctx, &r);
            let Some((s, e)) = identifier_in(&text) else {
                continue;
            };
            if r.factor < 0.9 && s > 2 {
                continue;
            }
            let raw = printed(ctx.line(&r), r.start + s, r.start + e);
            if let Some(v) = normalise_value(FieldKind::Identifier, &raw) {
                let rule = format!("label:{}", field.id());
                ctx.push_at(field, v, hit.weight, &r, (r.start + s, r.start + e), &rule);
                break;
            }
        }
    }
}

fn issue_date(ctx: &mut Ctx, doc_type: DocType) {
    let mut found = false;
    for hit in label_hits(ctx.pages, ISSUE_DATE_LABELS, NOT_ISSUE_DATE) {
        for r in regions(ctx.pages, &hit) {
            let text = region_text(ctx, &r);
            if let Some(d) = find_dates(&text)
                .into_iter()
                .next()
                .filter(|d| d.start <= 30)
            {
                let (s, e) = (r.start + d.start, r.start + d.end);
                ctx.push_at(
                    FieldName::IssueDate,
                    iso_date(d.date),
                    hit.weight,
                    &r,
                    (s, e),
                    "label:issue_date",
                );
                found = true;
                break;
            }
        }
    }
    if found {
        return;
    }
    // No label: the first date of the document, which on receipts is the date of sale.
    let weight = match doc_type {
        DocType::Receipt | DocType::FuelInvoice => 0.5,
        _ => 0.3,
    };
    for (pi, p) in ctx.pages.iter().enumerate() {
        for (li, l) in p.lines.iter().enumerate() {
            if NOT_ISSUE_DATE
                .iter()
                .any(|x| find_word(&l.folded, x).is_some())
            {
                continue;
            }
            if let Some(d) = find_dates(&l.folded).into_iter().next() {
                let r = Region {
                    page: pi,
                    line: li,
                    start: 0,
                    end: l.folded.chars().count(),
                    factor: 1.0,
                    header: None,
                };
                ctx.push_at(
                    FieldName::IssueDate,
                    iso_date(d.date),
                    weight,
                    &r,
                    (d.start, d.end),
                    "first-date",
                );
                return;
            }
        }
    }
}

fn period(ctx: &mut Ctx) {
    for hit in label_hits(ctx.pages, PERIOD_LABELS, &[]) {
        // The rest of the line (all its cells), then the next line.
        let line = &ctx.pages[hit.page].lines[hit.line];
        let mut dates: Vec<(Region, usize, usize, time::Date)> = Vec::new();
        let mut look = vec![Region {
            page: hit.page,
            line: hit.line,
            start: hit.label_end,
            end: line.folded.chars().count(),
            factor: 1.0,
            header: None,
        }];
        if let Some(next) = ctx.pages[hit.page].lines.get(hit.line + 1) {
            look.push(Region {
                page: hit.page,
                line: hit.line + 1,
                start: 0,
                end: next.folded.chars().count(),
                factor: 0.9,
                header: None,
            });
        }
        for r in look {
            if dates.len() >= 2 {
                break;
            }
            let text = region_text(ctx, &r);
            for d in find_dates(&text) {
                dates.push((r, r.start + d.start, r.start + d.end, d.date));
            }
        }
        if dates.len() >= 2 {
            let (a, b) = (dates[0], dates[1]);
            let (start, end) = if a.3 <= b.3 { (a, b) } else { (b, a) };
            ctx.push_at(
                FieldName::PeriodStart,
                iso_date(start.3),
                hit.weight,
                &start.0,
                (start.1, start.2),
                "label:period",
            );
            ctx.push_at(
                FieldName::PeriodEnd,
                iso_date(end.3),
                hit.weight,
                &end.0,
                (end.1, end.2),
                "label:period",
            );
        }
    }
    for (field, labels) in [
        (FieldName::PeriodStart, PERIOD_START_LABELS),
        (FieldName::PeriodEnd, PERIOD_END_LABELS),
    ] {
        for hit in label_hits(ctx.pages, labels, &[]) {
            for r in regions(ctx.pages, &hit) {
                let text = region_text(ctx, &r);
                if let Some(d) = find_dates(&text).into_iter().next() {
                    let rule = format!("label:{}", field.id());
                    ctx.push_at(
                        field,
                        iso_date(d.date),
                        hit.weight,
                        &r,
                        (r.start + d.start, r.start + d.end),
                        &rule,
                    );
                    break;
                }
            }
        }
    }
}

/// A number of a region that is not part of a date, with the unit that follows or precedes
/// it (a currency after it is not a unit: `L.E.` is Egyptian pounds, not litres).
#[derive(Debug, Clone, Copy)]
struct Num {
    start: usize,
    end: usize,
    value: rust_decimal::Decimal,
    unit: Option<&'static str>,
    currency: bool,
}

fn starts_with_word(text: &str, w: &str) -> bool {
    text.starts_with(w)
        && !text[w.len()..]
            .chars()
            .next()
            .is_some_and(char::is_alphanumeric)
}

fn ends_with_word(text: &str, w: &str) -> bool {
    text.ends_with(w)
        && !text[..text.len() - w.len()]
            .chars()
            .next_back()
            .is_some_and(char::is_alphanumeric)
}

fn numbers_in(region: &str) -> Vec<Num> {
    let dates = find_dates(region);
    let units = unit_words();
    let currencies = currency_words();
    let chars: Vec<char> = region.chars().collect();
    let mut out = Vec::new();
    for n in find_numbers(region) {
        if dates.iter().any(|d| n.start < d.end && d.start < n.end) {
            continue;
        }
        let after: String = chars[n.end..].iter().collect();
        let after = after.trim_start_matches([' ', '(']);
        let before: String = chars[..n.start].iter().collect();
        let before = before.trim_end_matches([' ', ':']);
        let currency = currencies
            .iter()
            .any(|(w, _)| starts_with_word(after, w) || ends_with_word(before, w));
        let unit = if currency {
            None
        } else {
            units
                .iter()
                .find(|(w, _)| starts_with_word(after, w))
                .or_else(|| {
                    units
                        .iter()
                        .find(|(w, _)| w.chars().count() > 1 && ends_with_word(before, w))
                })
                .map(|(_, s)| *s)
        };
        out.push(Num {
            start: n.start,
            end: n.end,
            value: n.value,
            unit,
            currency,
        });
    }
    out
}

/// A unit named anywhere in a text (a column header "Consumption (kWh)").
fn unit_in(text: &str) -> Option<&'static str> {
    unit_words()
        .into_iter()
        .filter(|(w, _)| w.chars().count() > 1)
        .find(|(w, _)| find_word(text, w).is_some())
        .map(|(_, s)| s)
}

fn units_for(doc_type: DocType) -> &'static [&'static str] {
    match doc_type {
        DocType::ElectricityBill => &["kWh", "MWh"],
        DocType::GasBill => &["m3", "Nm3", "kWh", "MWh", "GJ", "MJ"],
        _ => &["L", "kg", "t", "m3", "Nm3", "kWh", "MWh", "GJ", "MJ"],
    }
}

/// A labelled quantity with its unit: consumption of a bill, quantity of fuel.
fn measured(
    ctx: &mut Ctx,
    value_field: FieldName,
    unit_field: FieldName,
    labels: &[Label],
    exclude: &[&str],
    allowed: &[&str],
) -> bool {
    let mut found = false;
    for hit in label_hits(ctx.pages, labels, exclude) {
        let label_line = &ctx.pages[hit.page].lines[hit.line];
        let segs = segments(&label_line.folded);
        let label_cell = char_slice(&label_line.folded, segs[hit.seg].0, segs[hit.seg].1);
        let label_unit = unit_in(&label_cell).filter(|u| allowed.contains(u));
        for r in regions(ctx.pages, &hit) {
            let text = region_text(ctx, &r);
            let nums: Vec<Num> = numbers_in(&text)
                .into_iter()
                .filter(|n| !n.currency)
                .collect();
            // A number with an allowed unit; else the one with the most digits (a stray mark
            // read as `0` next to the value must not win).
            let digits = |n: &Num| {
                text.chars()
                    .skip(n.start)
                    .take(n.end - n.start)
                    .filter(char::is_ascii_digit)
                    .count()
            };
            let Some(n) = nums
                .iter()
                .find(|n| n.unit.is_some_and(|u| allowed.contains(&u)))
                .or_else(|| {
                    nums.iter()
                        .filter(|n| n.unit.is_none())
                        .max_by_key(|n| (digits(n), std::cmp::Reverse(n.start)))
                })
                .copied()
            else {
                continue;
            };
            let unit = n
                .unit
                .filter(|u| allowed.contains(u))
                .or(label_unit)
                .or_else(|| unit_in(&text).filter(|u| allowed.contains(u)))
                .or_else(|| {
                    // OCR reads a superscript ³ as anything: "m?", "m*", "m°".
                    let after: String = text.chars().skip(n.end).collect();
                    let after = after.trim_start();
                    let mut cs = after.chars();
                    (cs.next() == Some('m')
                        && cs.next().is_some_and(|c| !c.is_alphanumeric() && c != ' ')
                        && allowed.contains(&"m3"))
                    .then_some("m3")
                })
                .or_else(|| {
                    // A table with a "Unit" column: the unit is in that column of the row.
                    let header = &ctx.pages[r.page].lines[r.header?];
                    let row = ctx.line(&r);
                    let cells = |folded: &str| -> Vec<(usize, usize)> {
                        segments(folded)
                            .into_iter()
                            .filter(|(a, b)| {
                                char_slice(folded, *a, *b)
                                    .chars()
                                    .any(char::is_alphanumeric)
                            })
                            .collect()
                    };
                    let col = cells(&header.folded).into_iter().position(|(a, b)| {
                        let cell = char_slice(&header.folded, a, b);
                        UNIT_COLUMN.contains(&cell.trim())
                    })?;
                    let (a, b) = *cells(&row.folded).get(col)?;
                    crate::normalise::unit_symbol(&char_slice(&row.folded, a, b))
                        .filter(|u| allowed.contains(u))
                });
            let (s, e) = (r.start + n.start, r.start + n.end);
            let rule = format!("label:{}", value_field.id());
            let w = if unit.is_some() {
                hit.weight
            } else {
                hit.weight * 0.8
            };
            ctx.push_at(
                value_field,
                n.value.normalize().to_string(),
                w,
                &r,
                (s, e),
                &rule,
            );
            if let Some(u) = unit {
                ctx.push_at(unit_field, u.to_string(), hit.weight, &r, (s, e), &rule);
            }
            found = true;
            break;
        }
    }
    found
}

/// Numbers followed by one of `allowed` units anywhere, on lines without `exclude` words.
fn unlabelled_measures(
    ctx: &mut Ctx,
    value_field: FieldName,
    unit_field: FieldName,
    exclude: &[&str],
    allowed: &[&str],
    weight: f64,
) {
    for (pi, p) in ctx.pages.iter().enumerate() {
        for (li, l) in p.lines.iter().enumerate() {
            if exclude.iter().any(|x| find_word(&l.folded, x).is_some()) {
                continue;
            }
            for n in numbers_in(&l.folded) {
                let Some(u) = n.unit.filter(|u| allowed.contains(u)) else {
                    continue;
                };
                let r = Region {
                    page: pi,
                    line: li,
                    start: 0,
                    end: l.folded.chars().count(),
                    factor: 1.0,
                    header: None,
                };
                ctx.push_at(
                    value_field,
                    n.value.normalize().to_string(),
                    weight,
                    &r,
                    (n.start, n.end),
                    "number-with-unit",
                );
                ctx.push_at(
                    unit_field,
                    u.to_string(),
                    weight,
                    &r,
                    (n.start, n.end),
                    "number-with-unit",
                );
            }
        }
    }
}

fn consumption(ctx: &mut Ctx, doc_type: DocType) {
    let allowed = units_for(doc_type);
    if !measured(
        ctx,
        FieldName::Consumption,
        FieldName::ConsumptionUnit,
        CONSUMPTION_LABELS,
        NOT_CONSUMPTION,
        allowed,
    ) {
        unlabelled_measures(
            ctx,
            FieldName::Consumption,
            FieldName::ConsumptionUnit,
            NOT_CONSUMPTION,
            allowed,
            0.5,
        );
    }
    readings_difference(ctx);
}

/// The first number after one of `labels`, with where it was read.
fn labelled_number(
    ctx: &Ctx,
    labels: &[Label],
) -> Option<(Region, usize, usize, rust_decimal::Decimal)> {
    for hit in label_hits(ctx.pages, labels, &[]) {
        for r in regions(ctx.pages, &hit) {
            let text = region_text(ctx, &r);
            if let Some(n) = numbers_in(&text)
                .into_iter()
                .find(|n| n.unit.is_none() && !n.currency)
            {
                return Some((r, r.start + n.start, r.start + n.end, n.value));
            }
        }
    }
    None
}

/// Consumption as current minus previous meter reading, a second witness for the printed
/// consumption. When the printed one has the same digits but another value (OCR read
/// `36,855` as `36.855`), the difference is preferred. Not used when the bill names a meter
/// multiplier.
fn readings_difference(ctx: &mut Ctx) {
    let multiplier = ctx.pages.iter().any(|p| {
        p.lines
            .iter()
            .any(|l| MULTIPLIER.iter().any(|m| find_word(&l.folded, m).is_some()))
    });
    if multiplier {
        return;
    }
    let (Some(prev), Some(cur)) = (
        labelled_number(ctx, PREVIOUS_READING),
        labelled_number(ctx, CURRENT_READING),
    ) else {
        return;
    };
    let diff = cur.3 - prev.3;
    if diff <= rust_decimal::Decimal::ZERO {
        return;
    }
    let diff_digits: String = diff
        .normalize()
        .to_string()
        .chars()
        .filter(char::is_ascii_digit)
        .collect();
    // A printed consumption with the same digits but another value was misread.
    let misread = ctx
        .out
        .iter()
        .filter(|(f, c)| {
            *f == FieldName::Consumption
                && crate::normalise::parse_number(&c.value) != Some(diff)
                && c.value
                    .chars()
                    .filter(char::is_ascii_digit)
                    .collect::<String>()
                    == diff_digits
        })
        .map(|(_, c)| c.confidence)
        .fold(None, |a: Option<f64>, c| Some(a.map_or(c, |a| a.max(c))));
    let (r, s, e, _) = cur;
    let p = &ctx.pages[r.page];
    let confidence = match misread {
        Some(c) => (c + 0.05).min(0.9),
        None => 0.5 * (0.6 + 0.4 * p.line_quality(r.line).clamp(0.0, 1.0)),
    };
    ctx.out.push((
        FieldName::Consumption,
        Candidate {
            value: diff.normalize().to_string(),
            confidence: crate::model::round_confidence(confidence),
            page: Some(p.number),
            source: p.provenance(Origin::Parser, r.line, s, e, "readings-difference"),
        },
    ));
}

fn quantity(ctx: &mut Ctx) {
    let allowed = units_for(DocType::FuelInvoice);
    measured(
        ctx,
        FieldName::Quantity,
        FieldName::QuantityUnit,
        QUANTITY_LABELS,
        &["price", "سعر"],
        allowed,
    );
    unlabelled_measures(
        ctx,
        FieldName::Quantity,
        FieldName::QuantityUnit,
        &["price", "سعر", "rate"],
        &["L", "kg", "t"],
        0.6,
    );
}

fn fuel(ctx: &mut Ctx) {
    let words = fuel_words();
    for (pi, p) in ctx.pages.iter().enumerate() {
        for (li, l) in p.lines.iter().enumerate() {
            // On the label's line, or under it (a table's "Product" column).
            let labelled = FUEL_LINE_LABELS
                .iter()
                .any(|x| find_word(&l.folded, x).is_some())
                || li
                    .checked_sub(1)
                    .and_then(|prev| p.lines.get(prev))
                    .is_some_and(|prev| {
                        FUEL_LINE_LABELS
                            .iter()
                            .any(|x| find_word(&prev.folded, x).is_some())
                    });
            if let Some((id, (s, e))) = words
                .iter()
                .find_map(|(w, id)| find_word(&l.folded, w).map(|span| (id, span)))
            {
                let r = Region {
                    page: pi,
                    line: li,
                    start: 0,
                    end: l.folded.chars().count(),
                    factor: 1.0,
                    header: None,
                };
                let weight = if labelled { 0.85 } else { 0.7 };
                ctx.push_at(
                    FieldName::FuelType,
                    id.to_string(),
                    weight,
                    &r,
                    (s, e),
                    "fuel-word",
                );
            }
        }
    }
}

fn amount(ctx: &mut Ctx) {
    let mut hits: Vec<(Region, usize, usize, rust_decimal::Decimal, f64)> = Vec::new();
    for hit in label_hits(ctx.pages, AMOUNT_LABELS, &[]) {
        let line = &ctx.pages[hit.page].lines[hit.line];
        let segs = segments(&line.folded);
        let seg = segs[hit.seg];
        let window = label_window(&line.folded, seg, (seg.0, hit.label_end));
        let including = INCLUDING.iter().any(|x| find_word(&window, x).is_some());
        if !including && NOT_AMOUNT.iter().any(|x| find_word(&window, x).is_some()) {
            continue;
        }
        for r in regions(ctx.pages, &hit) {
            let text = region_text(ctx, &r);
            let nums: Vec<Num> = numbers_in(&text)
                .into_iter()
                .filter(|n| n.unit.is_none())
                .collect();
            // The last number of the cell: amounts are right-aligned after labels like
            // "Total 3 items"; prefer one with decimals or a currency.
            let Some(n) = nums
                .iter()
                .rev()
                .find(|n| n.value.scale() > 0 || n.currency)
                .or_else(|| nums.last())
                .copied()
            else {
                continue;
            };
            hits.push((r, r.start + n.start, r.start + n.end, n.value, hit.weight));
            break;
        }
    }
    // Of several totals, the largest is the amount payable (totals before tax or discount are
    // smaller); it gets a small bonus.
    let max = hits.iter().map(|h| h.3).max();
    for (r, s, e, value, w) in hits {
        let bonus = if Some(value) == max { 0.05 } else { 0.0 };
        ctx.push_at(
            FieldName::Amount,
            value.normalize().to_string(),
            (w + bonus).min(0.95),
            &r,
            (s, e),
            "label:amount",
        );
    }
}

fn currency(ctx: &mut Ctx) {
    let words = currency_words();
    // code -> (count, first sighting, sighting on an amount line)
    let mut seen: Vec<(&'static str, usize, Region, usize, usize, bool)> = Vec::new();
    for (pi, p) in ctx.pages.iter().enumerate() {
        for (li, l) in p.lines.iter().enumerate() {
            let amount_line = AMOUNT_LABELS
                .iter()
                .any(|(x, _)| find_word(&l.folded, x).is_some());
            for (w, code) in &words {
                // "$" and "£" are not letters: match them anywhere; words as words.
                let span = if w.chars().all(|c| !c.is_alphanumeric()) {
                    l.folded.find(w).map(|b| {
                        let s = l.folded[..b].chars().count();
                        (s, s + w.chars().count())
                    })
                } else {
                    find_word(&l.folded, w)
                };
                let Some((s, e)) = span else { continue };
                // Latin codes and words only as printed in capitals ("EGP", "LE"): "try" or
                // "mad" in a sentence is not a currency.
                if w.chars().all(|c| c.is_ascii_alphabetic())
                    && !printed(l, s, e).chars().all(|c| c.is_ascii_uppercase())
                {
                    continue;
                }
                let r = Region {
                    page: pi,
                    line: li,
                    start: 0,
                    end: l.folded.chars().count(),
                    factor: 1.0,
                    header: None,
                };
                match seen.iter_mut().find(|c| c.0 == *code) {
                    Some(c) => {
                        c.1 += 1;
                        if amount_line && !c.5 {
                            (c.2, c.3, c.4, c.5) = (r, s, e, true);
                        }
                    }
                    None => seen.push((code, 1, r, s, e, amount_line)),
                }
                break;
            }
        }
    }
    for (code, n, r, s, e, amount_line) in seen {
        let w = if amount_line {
            0.85
        } else {
            (0.5 + 0.05 * n as f64).min(0.7)
        };
        ctx.push_at(
            FieldName::Currency,
            code.to_string(),
            w,
            &r,
            (s, e),
            "currency-word",
        );
    }
}

/// The supplier: after a label, or the company-looking line near the top of the first page.
fn supplier(ctx: &mut Ctx) {
    for hit in label_hits(
        ctx.pages,
        SUPPLIER_LABELS,
        &["accreditation", "verifier", "registration"],
    ) {
        if let Some(r) = regions(ctx.pages, &hit).into_iter().next() {
            let value = clean_text(&printed(ctx.line(&r), r.start, r.end));
            if value.chars().filter(|c| c.is_alphabetic()).count() >= 3 {
                ctx.push_at(
                    FieldName::Supplier,
                    value,
                    hit.weight,
                    &r,
                    (r.start, r.end),
                    "label:supplier",
                );
            }
        }
    }
    let Some(p) = ctx.pages.first() else { return };
    let mut first_text: Option<Region> = None;
    for li in 0..p.lines.len().min(12) {
        let l = &p.lines[li];
        for (s, e) in segments(&l.folded) {
            let seg = char_slice(&l.folded, s, e);
            let letters = seg.chars().filter(|c| c.is_alphabetic()).count();
            let digits = seg.chars().filter(|c| c.is_ascii_digit()).count();
            if letters < 3 || digits * 2 > letters {
                continue;
            }
            let r = Region {
                page: 0,
                line: li,
                start: s,
                end: e,
                factor: 1.0,
                header: None,
            };
            let marker = COMPANY_MARKERS.iter().any(|m| find_word(&seg, m).is_some());
            let is_label = SUPPLIER_LABELS
                .iter()
                .chain(AMOUNT_LABELS)
                .chain(ISSUE_DATE_LABELS)
                .any(|(x, _)| find_word(&seg, x).is_some());
            if marker && !is_label {
                let value = clean_text(&printed(l, s, e));
                let w = if li < 4 { 0.75 } else { 0.6 };
                ctx.push_at(FieldName::Supplier, value, w, &r, (s, e), "company-line");
                return;
            }
            if first_text.is_none() && !seg.contains(':') && !is_label {
                first_text = Some(r);
            }
        }
    }
    if let Some(r) = first_text {
        let value = clean_text(&printed(ctx.line(&r), r.start, r.end));
        ctx.push_at(
            FieldName::Supplier,
            value,
            0.35,
            &r,
            (r.start, r.end),
            "first-line",
        );
    }
}

/// The address: after a label, or the lines under the company name on a receipt.
fn address(ctx: &mut Ctx) {
    for hit in label_hits(
        ctx.pages,
        ADDRESS_LABELS,
        &["email", "e-mail", "ip", "delivery"],
    ) {
        if let Some(r) = regions(ctx.pages, &hit).into_iter().next() {
            let value = clean_text(&printed(ctx.line(&r), r.start, r.end));
            if value.chars().count() >= 5 {
                ctx.push_at(
                    FieldName::Address,
                    value,
                    hit.weight,
                    &r,
                    (r.start, r.end),
                    "label:address",
                );
            }
        }
    }
    let Some(p) = ctx.pages.first() else { return };
    let Some(company_line) = ctx
        .out
        .iter()
        .filter(|(f, c)| *f == FieldName::Supplier && c.page == Some(p.number))
        .max_by(|a, b| a.1.confidence.total_cmp(&b.1.confidence))
        .and_then(|(_, c)| p.lines.iter().position(|l| l.text == c.source.text))
    else {
        return;
    };
    let mut first = None;
    let mut last = None;
    let mut parts: Vec<String> = Vec::new();
    for (li, l) in p.lines.iter().enumerate().skip(company_line + 1).take(8) {
        let stop = ADDRESS_STOP
            .iter()
            .any(|x| find_word(&l.folded, x).is_some())
            || !find_dates(&l.folded).is_empty();
        let registration = REGISTRATION
            .iter()
            .any(|x| find_word(&l.folded, x).is_some())
            || (l.folded.starts_with('(') && l.folded.ends_with(')'));
        if first.is_none() && registration && !stop {
            continue;
        }
        if stop || registration || parts.len() >= 4 {
            break;
        }
        first.get_or_insert(li);
        last = Some(li);
        parts.push(clean_text(&l.text));
    }
    let (Some(first), Some(last)) = (first, last) else {
        return;
    };
    let value = clean_text(&parts.join(" "));
    if value.chars().count() < 8 {
        return;
    }
    let w = if value.chars().any(|c| c.is_ascii_digit()) {
        0.6
    } else {
        0.45
    };
    let quality = 0.6 + 0.4 * p.line_quality(first).clamp(0.0, 1.0);
    ctx.out.push((
        FieldName::Address,
        Candidate {
            value,
            confidence: crate::model::round_confidence(w * quality),
            page: Some(p.number),
            source: p.provenance_lines(Origin::Parser, first, last, "lines-under-company"),
        },
    ));
}

/// Folded label lists, for `docs/extraction.md` and the tests.
pub fn label_table() -> Vec<(&'static str, Vec<&'static str>)> {
    let l = |v: &[Label]| v.iter().map(|(s, _)| *s).collect::<Vec<_>>();
    vec![
        ("supplier", l(SUPPLIER_LABELS)),
        ("account_number", l(ACCOUNT_LABELS)),
        ("meter_number", l(METER_LABELS)),
        ("invoice_number", l(INVOICE_NUMBER_LABELS)),
        ("issue_date", l(ISSUE_DATE_LABELS)),
        ("period", l(PERIOD_LABELS)),
        ("period_start", l(PERIOD_START_LABELS)),
        ("period_end", l(PERIOD_END_LABELS)),
        ("consumption", l(CONSUMPTION_LABELS)),
        ("quantity", l(QUANTITY_LABELS)),
        ("amount", l(AMOUNT_LABELS)),
        ("address", l(ADDRESS_LABELS)),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::merge::resolve;
    use crate::model::{CoordUnit, TextLine, TextMethod, TextPage};
    use std::collections::BTreeMap;

    fn fields(doc_type: DocType, lines: &[&str]) -> BTreeMap<FieldName, String> {
        let page = TextPage {
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
        };
        let pages = [IndexedPage::new(&page)];
        resolve(parse_fields(doc_type, &pages))
            .into_iter()
            .map(|(k, f)| (k, f.value))
            .collect()
    }

    #[test]
    fn an_english_electricity_bill() {
        let f = fields(
            DocType::ElectricityBill,
            &[
                "North Cairo Electricity Distribution Company",
                "Account No: 1234 5678 90\tIssue date: 05/03/2026",
                "Meter number: MT-778899",
                "Billing period: 01/02/2026 to 28/02/2026",
                "Previous reading 10,000\tCurrent reading 11,250",
                "Consumption\t1,250 kWh",
                "Subtotal 1,100.00",
                "Total amount due\tEGP 1,254.00",
            ],
        );
        assert_eq!(
            f[&FieldName::Supplier],
            "North Cairo Electricity Distribution Company"
        );
        assert_eq!(f[&FieldName::AccountNumber], "1234567890");
        assert_eq!(f[&FieldName::MeterNumber], "MT-778899");
        assert_eq!(f[&FieldName::IssueDate], "2026-03-05");
        assert_eq!(f[&FieldName::PeriodStart], "2026-02-01");
        assert_eq!(f[&FieldName::PeriodEnd], "2026-02-28");
        assert_eq!(f[&FieldName::Consumption], "1250");
        assert_eq!(f[&FieldName::ConsumptionUnit], "kWh");
        assert_eq!(f[&FieldName::Amount], "1254");
        assert_eq!(f[&FieldName::Currency], "EGP");
    }

    #[test]
    fn an_arabic_gas_bill_with_eastern_digits() {
        let f = fields(
            DocType::GasBill,
            &[
                "شركة القاهرة لتوزيع الغاز الطبيعي",
                "رقم المشترك: ٤٥٦٧٨٩١٢",
                "رقم العداد: ٩٨٧٦٥",
                "تاريخ الإصدار: ٥ مارس ٢٠٢٦",
                "الفترة من ٠١/٠٢/٢٠٢٦ إلى ٢٨/٠٢/٢٠٢٦",
                "كمية الاستهلاك\t٣٢٠ م٣",
                "المبلغ المستحق\t١٬٢٥٠٫٥٠ جنيه",
            ],
        );
        assert_eq!(f[&FieldName::Supplier], "شركة القاهرة لتوزيع الغاز الطبيعي");
        assert_eq!(f[&FieldName::AccountNumber], "45678912");
        assert_eq!(f[&FieldName::MeterNumber], "98765");
        assert_eq!(f[&FieldName::IssueDate], "2026-03-05");
        assert_eq!(f[&FieldName::PeriodStart], "2026-02-01");
        assert_eq!(f[&FieldName::PeriodEnd], "2026-02-28");
        assert_eq!(f[&FieldName::Consumption], "320");
        assert_eq!(f[&FieldName::ConsumptionUnit], "m3");
        assert_eq!(f[&FieldName::Amount], "1250.5");
        assert_eq!(f[&FieldName::Currency], "EGP");
    }

    #[test]
    fn a_fuel_invoice() {
        let f = fields(
            DocType::FuelInvoice,
            &[
                "Misr Petroleum Company",
                "Invoice date 2026-03-05",
                "Product\tDiesel (Solar)",
                "Quantity\t500 L",
                "Unit price 15.50",
                "Total\t7,750.00 EGP",
            ],
        );
        assert_eq!(f[&FieldName::Supplier], "Misr Petroleum Company");
        assert_eq!(f[&FieldName::IssueDate], "2026-03-05");
        assert_eq!(f[&FieldName::FuelType], "fuel:gas-diesel-oil");
        assert_eq!(f[&FieldName::Quantity], "500");
        assert_eq!(f[&FieldName::QuantityUnit], "L");
        assert_eq!(f[&FieldName::Amount], "7750");
        assert_eq!(f[&FieldName::Currency], "EGP");
    }

    #[test]
    fn a_receipt() {
        let f = fields(
            DocType::Receipt,
            &[
                "TAN WOON YANN",
                "YONGFATT ENTERPRISE",
                "(JM0517726)",
                "NO 122.124. JALAN DEDAP 13",
                "81100 JOHOR BAHRU",
                "TEL : 07-3527 818",
                "25/12/2018 8:13:39 PM",
                "TOTAL QTY 3",
                "TOTAL\t80.90",
                "CASH\t100.00",
                "CHANGE\t19.10",
            ],
        );
        assert_eq!(f[&FieldName::Supplier], "YONGFATT ENTERPRISE");
        assert_eq!(
            f[&FieldName::Address],
            "NO 122.124. JALAN DEDAP 13 81100 JOHOR BAHRU"
        );
        assert_eq!(f[&FieldName::IssueDate], "2018-12-25");
        assert_eq!(f[&FieldName::Amount], "80.9");
    }
}
