//! The vocabulary every part of extraction shares: document types, field names and the kind
//! of value each holds, a proposed [`Field`] with its confidence and [`Provenance`], the text
//! of a page with line boxes, and the [`Extraction`] that `athar extract FILE --json` prints.
//!
//! Why a module of its own: the deterministic parsers, the language-model assistant (another
//! crate, through [`crate::FieldAssist`]), the OCR engine (through [`crate::PageOcr`]), the
//! benchmark and the review UI all speak these types, so they are kept in one place and kept
//! stable. Values are normalised text (ISO dates, plain decimals, ISO 4217 codes, unit
//! symbols of `athar-quantity`, fuel activity ids of the factor packs), so that a proposal can
//! be compared, stored and turned into an activity entry without guessing.

use std::collections::BTreeMap;
use std::fmt;

use serde::{Deserialize, Serialize};

/// What a document is. Serialised in snake_case (`electricity_bill`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DocType {
    ElectricityBill,
    GasBill,
    /// A fuel invoice, or a fuel station receipt.
    FuelInvoice,
    /// An invoice for purchased materials or goods.
    MaterialInvoice,
    /// A transport or freight invoice.
    TransportInvoice,
    /// A supplier's filled-in CBAM communication template (xlsx).
    CbamTemplate,
    /// A shop receipt that is not about fuel (company, date, address, total).
    Receipt,
    Other,
}

impl DocType {
    pub const ALL: [DocType; 8] = [
        DocType::ElectricityBill,
        DocType::GasBill,
        DocType::FuelInvoice,
        DocType::MaterialInvoice,
        DocType::TransportInvoice,
        DocType::CbamTemplate,
        DocType::Receipt,
        DocType::Other,
    ];

    /// The snake_case id, as serialised.
    pub fn id(self) -> &'static str {
        match self {
            DocType::ElectricityBill => "electricity_bill",
            DocType::GasBill => "gas_bill",
            DocType::FuelInvoice => "fuel_invoice",
            DocType::MaterialInvoice => "material_invoice",
            DocType::TransportInvoice => "transport_invoice",
            DocType::CbamTemplate => "cbam_template",
            DocType::Receipt => "receipt",
            DocType::Other => "other",
        }
    }

    /// Parses [`DocType::id`].
    pub fn from_id(id: &str) -> Option<DocType> {
        DocType::ALL.into_iter().find(|t| t.id() == id)
    }

    /// The Fluent key of the type's name (`doc-type-electricity_bill`).
    pub fn key(self) -> String {
        format!("doc-type-{}", self.id())
    }

    /// The fields a document of this type should yield, in display order.
    pub fn fields(self) -> &'static [FieldName] {
        use FieldName::*;
        match self {
            DocType::ElectricityBill | DocType::GasBill => &[
                Supplier,
                AccountNumber,
                MeterNumber,
                PeriodStart,
                PeriodEnd,
                IssueDate,
                Consumption,
                ConsumptionUnit,
                Amount,
                Currency,
            ],
            DocType::FuelInvoice => &[
                Supplier,
                IssueDate,
                FuelType,
                Quantity,
                QuantityUnit,
                Amount,
                Currency,
            ],
            DocType::Receipt => &[Supplier, IssueDate, Address, Amount],
            DocType::MaterialInvoice | DocType::TransportInvoice | DocType::Other => {
                &[Supplier, InvoiceNumber, IssueDate, Amount, Currency]
            }
            DocType::CbamTemplate => &[Supplier, PeriodStart, PeriodEnd],
        }
    }
}

impl fmt::Display for DocType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

/// The name of a field. Serialised in snake_case; used as the key of [`Extraction::fields`].
///
/// A receipt's "company" is [`FieldName::Supplier`], its "date" [`FieldName::IssueDate`] and
/// its "total" [`FieldName::Amount`]: one vocabulary for every type, so that the review screen
/// and the conversion to activity data need one mapping.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FieldName {
    /// Who issued the document (utility, fuel company, shop).
    Supplier,
    /// The customer account number (a utility bill's "account", "subscriber" or "contract").
    AccountNumber,
    /// The meter number.
    MeterNumber,
    /// The invoice or receipt number.
    InvoiceNumber,
    /// The date the document was issued.
    IssueDate,
    /// First day of the billed period.
    PeriodStart,
    /// Last day of the billed period.
    PeriodEnd,
    /// Metered consumption of the period (a decimal).
    Consumption,
    /// Unit of [`FieldName::Consumption`] (`kWh`, `MWh`, `m3`, `Nm3`...).
    ConsumptionUnit,
    /// The fuel bought, as a factor-pack activity id (`fuel:gas-diesel-oil`).
    FuelType,
    /// Quantity of fuel (a decimal).
    Quantity,
    /// Unit of [`FieldName::Quantity`] (`L`, `kg`, `t`, `m3`).
    QuantityUnit,
    /// Total amount payable (a decimal).
    Amount,
    /// ISO 4217 code of [`FieldName::Amount`].
    Currency,
    /// The issuer's address (receipts).
    Address,
}

impl FieldName {
    pub const ALL: [FieldName; 15] = [
        FieldName::Supplier,
        FieldName::AccountNumber,
        FieldName::MeterNumber,
        FieldName::InvoiceNumber,
        FieldName::IssueDate,
        FieldName::PeriodStart,
        FieldName::PeriodEnd,
        FieldName::Consumption,
        FieldName::ConsumptionUnit,
        FieldName::FuelType,
        FieldName::Quantity,
        FieldName::QuantityUnit,
        FieldName::Amount,
        FieldName::Currency,
        FieldName::Address,
    ];

    pub fn id(self) -> &'static str {
        match self {
            FieldName::Supplier => "supplier",
            FieldName::AccountNumber => "account_number",
            FieldName::MeterNumber => "meter_number",
            FieldName::InvoiceNumber => "invoice_number",
            FieldName::IssueDate => "issue_date",
            FieldName::PeriodStart => "period_start",
            FieldName::PeriodEnd => "period_end",
            FieldName::Consumption => "consumption",
            FieldName::ConsumptionUnit => "consumption_unit",
            FieldName::FuelType => "fuel_type",
            FieldName::Quantity => "quantity",
            FieldName::QuantityUnit => "quantity_unit",
            FieldName::Amount => "amount",
            FieldName::Currency => "currency",
            FieldName::Address => "address",
        }
    }

    pub fn from_id(id: &str) -> Option<FieldName> {
        FieldName::ALL.into_iter().find(|f| f.id() == id)
    }

    /// The Fluent key of the field's label (`doc-field-issue_date`).
    pub fn key(self) -> String {
        format!("doc-field-{}", self.id())
    }

    /// What kind of value the field holds, which fixes its normal form.
    pub fn kind(self) -> FieldKind {
        match self {
            FieldName::Supplier | FieldName::Address => FieldKind::Text,
            FieldName::AccountNumber | FieldName::MeterNumber | FieldName::InvoiceNumber => {
                FieldKind::Identifier
            }
            FieldName::IssueDate | FieldName::PeriodStart | FieldName::PeriodEnd => FieldKind::Date,
            FieldName::Consumption | FieldName::Quantity | FieldName::Amount => FieldKind::Decimal,
            FieldName::ConsumptionUnit | FieldName::QuantityUnit => FieldKind::Unit,
            FieldName::Currency => FieldKind::Currency,
            FieldName::FuelType => FieldKind::FuelType,
        }
    }
}

impl fmt::Display for FieldName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

/// The kind of a field's value and therefore its normal form (see [`crate::normalise_value`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FieldKind {
    /// Free text; whitespace collapsed.
    Text,
    /// Account, meter or invoice number: ASCII digits, no spaces.
    Identifier,
    /// `YYYY-MM-DD`.
    Date,
    /// A plain decimal: ASCII digits, `.` as separator, no grouping (`12500.75`).
    Decimal,
    /// A unit symbol of `athar-quantity` (`kWh`, `m3`, `L`...).
    Unit,
    /// An ISO 4217 code (`EGP`).
    Currency,
    /// A fuel activity id of the factor packs (`fuel:natural-gas`).
    FuelType,
}

impl FieldKind {
    /// The values a field of this kind may take when the set is closed (for a model's
    /// grammar); empty when it is open.
    pub fn allowed_values(self) -> &'static [&'static str] {
        match self {
            FieldKind::Unit => crate::normalise::UNIT_SYMBOLS,
            FieldKind::Currency => crate::normalise::CURRENCY_CODES,
            FieldKind::FuelType => crate::normalise::FUEL_TYPES,
            _ => &[],
        }
    }
}

/// A box on a page, origin at the top left, in the page's [`CoordUnit`].
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct BBox {
    pub x0: f64,
    pub y0: f64,
    pub x1: f64,
    pub y1: f64,
}

impl BBox {
    /// The smallest box holding both.
    pub fn union(self, other: BBox) -> BBox {
        BBox {
            x0: self.x0.min(other.x0),
            y0: self.y0.min(other.y0),
            x1: self.x1.max(other.x1),
            y1: self.y1.max(other.y1),
        }
    }

    /// Rounded to 0.1 so that output is stable and short.
    pub fn rounded(self) -> BBox {
        let r = |v: f64| (v * 10.0).round() / 10.0;
        BBox {
            x0: r(self.x0),
            y0: r(self.y0),
            x1: r(self.x1),
            y1: r(self.y1),
        }
    }
}

/// How a page's text was obtained.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TextMethod {
    /// The PDF's own text layer.
    TextLayer,
    /// Optical character recognition of the page image.
    Ocr,
    /// Cells of a spreadsheet (csv, xlsx), one line per row.
    Spreadsheet,
    /// No text could be obtained (an image page without an OCR engine).
    None,
}

impl TextMethod {
    pub fn id(self) -> &'static str {
        match self {
            TextMethod::TextLayer => "text_layer",
            TextMethod::Ocr => "ocr",
            TextMethod::Spreadsheet => "spreadsheet",
            TextMethod::None => "none",
        }
    }

    /// The Fluent key saying how a page was read (`doc-method-ocr`).
    pub fn key(self) -> String {
        format!("doc-method-{}", self.id())
    }
}

/// Units of page coordinates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CoordUnit {
    /// PDF points (1/72 inch), origin top left.
    Points,
    /// Image pixels, origin top left.
    Pixels,
    /// Spreadsheet cells: x = column, y = row (0-based).
    Cells,
}

/// One line of text on a page, in logical (reading) order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TextLine {
    pub text: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub bbox: Option<BBox>,
    /// OCR confidence of the line, 0 to 1; `None` for a text layer.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub confidence: Option<f64>,
}

/// The text of one page. [`TextPage::text`] joins the lines with `\n`; spans in
/// [`Provenance`] are character offsets into it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TextPage {
    /// 1-based page number.
    pub number: u32,
    pub method: TextMethod,
    pub width: f64,
    pub height: f64,
    pub unit: CoordUnit,
    pub lines: Vec<TextLine>,
}

impl TextPage {
    /// The page text: lines joined with `\n`.
    pub fn text(&self) -> String {
        let mut out = String::new();
        for (i, l) in self.lines.iter().enumerate() {
            if i > 0 {
                out.push('\n');
            }
            out.push_str(&l.text);
        }
        out
    }

    /// Number of characters (not bytes) of text, blanks excluded.
    pub fn char_count(&self) -> usize {
        self.lines
            .iter()
            .map(|l| l.text.chars().filter(|c| !c.is_whitespace()).count())
            .sum()
    }
}

/// Who proposed a value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Origin {
    /// The deterministic parsers of this crate.
    Parser,
    /// The language model, through [`crate::FieldAssist`].
    Model,
}

/// Where a value came from: the page, the matched text, its character span in
/// [`TextPage::text`] and its box when the page has positions.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Provenance {
    pub origin: Origin,
    /// How the page's text was obtained.
    pub method: TextMethod,
    /// The text the value was read from, as printed (label and value).
    pub text: String,
    /// `[start, end)` character offsets into the page text.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub span: Option<[usize; 2]>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub bbox: Option<BBox>,
    /// The parser rule or label that matched (`label:account_number/en`), for debugging.
    pub rule: String,
}

/// A value seen for a field that was not chosen (a conflicting parse, or a model proposal the
/// merge rule did not take).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Candidate {
    pub value: String,
    pub confidence: f64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub page: Option<u32>,
    pub source: Provenance,
}

/// What the merge of parser and model did to a field, shown by the review screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MergeNote {
    /// The parsers found different values with similar confidence; none settled it.
    Conflict,
    /// The parsers found nothing; the model filled the field.
    ModelFilled,
    /// The parsers found different values; the model's answer picked one of them.
    ModelSettledConflict,
    /// The parsers' value had low confidence and the model proposed another, more confident
    /// one, which replaced it (the parsers' value is kept among the alternatives).
    ModelReplacedLowConfidence,
    /// The model disagrees with a confident parser value, which was kept.
    ModelDisagrees,
}

impl MergeNote {
    pub fn id(self) -> &'static str {
        match self {
            MergeNote::Conflict => "conflict",
            MergeNote::ModelFilled => "model_filled",
            MergeNote::ModelSettledConflict => "model_settled_conflict",
            MergeNote::ModelReplacedLowConfidence => "model_replaced_low_confidence",
            MergeNote::ModelDisagrees => "model_disagrees",
        }
    }

    /// The Fluent key of the note shown next to the field (`doc-note-conflict`).
    pub fn key(self) -> String {
        format!("doc-note-{}", self.id())
    }
}

/// A proposed value of a field.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Field {
    /// The value in its normal form (see [`FieldKind`]).
    pub value: String,
    /// 0 to 1, rounded to two decimals.
    pub confidence: f64,
    /// 1-based page the value was read from.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub page: Option<u32>,
    pub source: Provenance,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<MergeNote>,
    /// Other values seen, best first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub alternatives: Vec<Candidate>,
}

impl Field {
    pub fn candidate(&self) -> Candidate {
        Candidate {
            value: self.value.clone(),
            confidence: self.confidence,
            page: self.page,
            source: self.source.clone(),
        }
    }
}

/// What a file is, judged from its bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FileKind {
    Pdf,
    Jpeg,
    Png,
    Tiff,
    Xlsx,
    Csv,
}

impl FileKind {
    pub fn id(self) -> &'static str {
        match self {
            FileKind::Pdf => "pdf",
            FileKind::Jpeg => "jpeg",
            FileKind::Png => "png",
            FileKind::Tiff => "tiff",
            FileKind::Xlsx => "xlsx",
            FileKind::Csv => "csv",
        }
    }

    pub fn is_image(self) -> bool {
        matches!(self, FileKind::Jpeg | FileKind::Png | FileKind::Tiff)
    }
}

impl fmt::Display for FileKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

/// A page as the output lists it: number, how its text was got, its size and its text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PageSummary {
    pub number: u32,
    pub method: TextMethod,
    pub width: f64,
    pub height: f64,
    pub unit: CoordUnit,
    pub text: String,
    /// Mean OCR confidence of the page, 0 to 1 (OCR pages only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ocr_confidence: Option<f64>,
}

/// Something the user should know that did not stop extraction (a page OCR could not read,
/// the model being unavailable, a file whose name says PDF but whose bytes are a JPEG).
/// `key` is a Fluent key in `documents.ftl`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Warning {
    pub key: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub args: Vec<(String, String)>,
}

/// The result of extracting one document; what `athar extract FILE --json` prints.
///
/// Everything but `timings_ms` is a function of the input bytes and the engines' outputs:
/// maps are `BTreeMap`s and confidences are rounded, so the JSON is byte-identical run to run.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Extraction {
    pub file_kind: FileKind,
    pub doc_type: DocType,
    pub doc_type_confidence: f64,
    pub pages: Vec<PageSummary>,
    pub fields: BTreeMap<FieldName, Field>,
    /// Fields of [`DocType::fields`] that nothing proposed.
    pub missing: Vec<FieldName>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<Warning>,
    /// Milliseconds per stage: `read`, `text`, `ocr`, `classify`, `fields`, `model`, `total`.
    pub timings_ms: BTreeMap<String, u64>,
}

/// Rounds a confidence to two decimals and clamps it to `[0, 1]`.
pub fn round_confidence(c: f64) -> f64 {
    if c.is_nan() {
        return 0.0;
    }
    (c.clamp(0.0, 1.0) * 100.0).round() / 100.0
}
