//! The document a caller builds: a language, a direction, page settings and a list of blocks.
//!
//! It says *what* the report contains, never *where* it goes: positions, page breaks, line
//! breaks and mirroring for right-to-left are decided by the layout, so the CBAM and VSME
//! exporters describe a report once and get it in English or Arabic.

use rust_decimal::Decimal;

/// The language of a document: it chooses digits and separators in numbers, the PDF's `/Lang`,
/// and the default direction.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Language {
    English,
    Arabic,
}

impl Language {
    /// The BCP 47 tag written into the PDF.
    pub fn tag(self) -> &'static str {
        match self {
            Language::English => "en",
            Language::Arabic => "ar",
        }
    }

    /// The usual writing direction of the language.
    pub fn direction(self) -> Direction {
        match self {
            Language::English => Direction::Ltr,
            Language::Arabic => Direction::Rtl,
        }
    }
}

/// The direction of the whole document. In `Rtl` the layout is mirrored: text starts at the
/// right, table columns run right to left and chart bars grow from the right.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Direction {
    Ltr,
    Rtl,
}

/// A colour, 8 bits per channel.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Rgb(pub u8, pub u8, pub u8);

/// Page margins in millimetres. `start` is the left margin in a left-to-right document and
/// the right margin in a right-to-left one.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Margins {
    pub top: f32,
    pub bottom: f32,
    pub start: f32,
    pub end: f32,
}

/// Page size and margins in millimetres.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PageSetup {
    pub width_mm: f32,
    pub height_mm: f32,
    pub margins: Margins,
}

impl PageSetup {
    /// A4 portrait with 20 mm margins at top and bottom (room for the running header and the
    /// footer) and 18 mm at the sides.
    pub fn a4() -> Self {
        PageSetup {
            width_mm: 210.0,
            height_mm: 297.0,
            margins: Margins {
                top: 20.0,
                bottom: 20.0,
                start: 18.0,
                end: 18.0,
            },
        }
    }
}

impl Default for PageSetup {
    fn default() -> Self {
        PageSetup::a4()
    }
}

/// Where text sits in a table column. `Start` and `End` follow the document direction;
/// `Numeric` lines numbers up on their decimal separator and puts the block at the end side.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Align {
    Start,
    End,
    Centre,
    Numeric,
}

/// A table column: its header, its share of the table width (relative to the other columns)
/// and its alignment.
#[derive(Debug, Clone, PartialEq)]
pub struct Column {
    pub header: String,
    pub width: f32,
    pub align: Align,
}

impl Column {
    pub fn new(header: impl Into<String>, width: f32, align: Align) -> Self {
        Column {
            header: header.into(),
            width,
            align,
        }
    }
}

/// How rows are told apart: alternate shading or a thin rule under each row.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TableStyle {
    Zebra,
    Rules,
}

/// A table. Every row has one cell per column; cells wrap inside their column; the header row
/// is repeated at the top of every page the table runs onto.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    pub columns: Vec<Column>,
    pub rows: Vec<Vec<String>>,
    pub style: TableStyle,
}

/// One bar: a label, a value, and a colour (`None` takes the next colour of the palette).
#[derive(Debug, Clone, PartialEq)]
pub struct Bar {
    pub label: String,
    pub value: Decimal,
    pub colour: Option<Rgb>,
}

/// A horizontal bar chart. Values are printed at the end of each bar with `decimals`
/// decimal places in the document's digits; `axis_label` (a unit such as "tCO2e/t") goes
/// under the axis.
#[derive(Debug, Clone, PartialEq)]
pub struct BarChart {
    pub title: Option<String>,
    pub axis_label: Option<String>,
    pub bars: Vec<Bar>,
    pub decimals: u32,
}

/// The pieces a report is made of, in reading order.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    Heading(String),
    Subheading(String),
    Paragraph(String),
    /// Label–value pairs, labels in bold, as a two-column list.
    KeyValues(Vec<(String, String)>),
    Table(Table),
    BarChart(BarChart),
    /// Smaller grey text: methods, sources, disclaimers.
    SmallPrint(String),
    /// Numbered notes in small print (1, 2, … in the document's digits).
    Footnotes(Vec<String>),
    /// Continue on a new page.
    PageBreak,
}

/// A whole report. `created` is written as the PDF creation date when given; leave it `None`
/// (or pass a fixed date) to get byte-identical output for the same input.
///
/// `page_label` is the text at the end side of the footer, with `{page}` and `{pages}`
/// replaced by the page number and the page count in the document's digits, e.g.
/// `"Page {page} of {pages}"` or `"صفحة {page} من {pages}"`: take it from Fluent's
/// `pdf-page-of` with the arguments `page = "{page}"` and `pages = "{pages}"` (the isolation
/// marks Fluent puts around them are bidi controls the layout understands).
#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    pub language: Language,
    pub direction: Direction,
    pub title: String,
    pub subtitle: Option<String>,
    pub author: Option<String>,
    pub created: Option<time::OffsetDateTime>,
    pub page: PageSetup,
    pub running_header: Option<String>,
    pub footer: Option<String>,
    pub page_label: Option<String>,
    pub blocks: Vec<Block>,
}

impl Document {
    /// An empty A4 document in `language`, in that language's direction.
    pub fn new(language: Language, title: impl Into<String>) -> Self {
        Document {
            language,
            direction: language.direction(),
            title: title.into(),
            subtitle: None,
            author: None,
            created: None,
            page: PageSetup::a4(),
            running_header: None,
            footer: None,
            page_label: None,
            blocks: Vec::new(),
        }
    }

    /// Appends a block.
    pub fn push(&mut self, block: Block) -> &mut Self {
        self.blocks.push(block);
        self
    }
}
