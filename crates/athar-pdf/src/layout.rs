//! Pagination: turns the blocks of a [`Document`] into pages of positioned elements.
//!
//! Layout is kept apart from PDF writing so that it can be tested on numbers (where did the
//! header row go, how wide is each line) and so that the page count is known before the
//! footers ("page n of N") are written. Coordinates are points from the top-left corner of
//! the page. Mirroring for right-to-left documents happens here and only here: everything is
//! placed from the *start* edge, and [`Composer::span`] turns a start offset into a left edge.

use crate::error::PdfError;
use crate::fonts::{Fonts, Weight};
use crate::model::{Align, Block, Direction, Document, Language, Table, TableStyle};
use crate::numbers::format_integer;
use crate::text::{layout_text, natural_width, Line, TextStyle};
use crate::Rgb;

pub(crate) const MM: f32 = 72.0 / 25.4;

pub(crate) const INK: Rgb = Rgb(0x1F, 0x29, 0x33);
pub(crate) const MUTED: Rgb = Rgb(0x5B, 0x67, 0x75);
pub(crate) const ACCENT: Rgb = Rgb(0x0B, 0x4F, 0x6C);
pub(crate) const RULE: Rgb = Rgb(0xC5, 0xCD, 0xD6);
const HEADER_FILL: Rgb = Rgb(0xE2, 0xE9, 0xF0);
const ZEBRA_FILL: Rgb = Rgb(0xF3, 0xF6, 0xF9);

pub(crate) const BODY_SIZE: f32 = 10.0;
const TABLE_SIZE: f32 = 9.0;
const SMALL_SIZE: f32 = 8.0;
const CELL_PAD_X: f32 = 4.0;
const CELL_PAD_Y: f32 = 2.5;

/// Something drawn on a page.
#[derive(Debug, Clone)]
pub(crate) enum Element {
    /// A line of text whose left edge is `x` and baseline `baseline`.
    Text { x: f32, baseline: f32, line: Line },
    Rect {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        fill: Rgb,
    },
    Rule {
        x1: f32,
        y1: f32,
        x2: f32,
        y2: f32,
        width: f32,
        colour: Rgb,
    },
}

#[derive(Debug, Clone, Default)]
pub(crate) struct Page {
    pub elements: Vec<Element>,
}

/// A horizontal alignment on the page (after resolving start/end against the direction).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Side {
    Left,
    Right,
    Centre,
}

/// Page size and the body rectangle, in points.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Geometry {
    pub width: f32,
    pub height: f32,
    pub left: f32,
    pub right: f32,
    pub top: f32,
    pub bottom: f32,
}

impl Geometry {
    fn of(doc: &Document) -> Result<Geometry, PdfError> {
        let p = &doc.page;
        let m = &p.margins;
        let (left_mm, right_mm) = match doc.direction {
            Direction::Ltr => (m.start, m.end),
            Direction::Rtl => (m.end, m.start),
        };
        let all = [p.width_mm, p.height_mm, m.top, m.bottom, m.start, m.end];
        if all.iter().any(|v| !v.is_finite() || *v < 0.0) {
            return Err(PdfError::PageTooSmall);
        }
        let g = Geometry {
            width: p.width_mm * MM,
            height: p.height_mm * MM,
            left: left_mm * MM,
            right: (p.width_mm - right_mm) * MM,
            top: m.top * MM,
            bottom: (p.height_mm - m.bottom) * MM,
        };
        // Room for a few words across, and for a table header and some rows down.
        if g.right - g.left < 100.0 || g.bottom - g.top < 150.0 {
            return Err(PdfError::PageTooSmall);
        }
        Ok(g)
    }

    pub(crate) fn body_width(&self) -> f32 {
        self.right - self.left
    }
}

/// A heading just placed, not yet followed by anything: if the next block has to start on a
/// new page, the heading moves there with it instead of staying alone at the bottom.
#[derive(Debug, Clone, Copy)]
struct PendingHeading {
    page: usize,
    first: usize,
    end: usize,
    top: f32,
}

impl Element {
    fn shifted(self, dy: f32) -> Element {
        match self {
            Element::Text { x, baseline, line } => Element::Text {
                x,
                baseline: baseline + dy,
                line,
            },
            Element::Rect { x, y, w, h, fill } => Element::Rect {
                x,
                y: y + dy,
                w,
                h,
                fill,
            },
            Element::Rule {
                x1,
                y1,
                x2,
                y2,
                width,
                colour,
            } => Element::Rule {
                x1,
                y1: y1 + dy,
                x2,
                y2: y2 + dy,
                width,
                colour,
            },
        }
    }
}

/// Places blocks one under the other, starting a new page when the next piece does not fit.
pub(crate) struct Composer<'f> {
    pub fonts: &'f Fonts,
    pub direction: Direction,
    pub language: Language,
    pub geo: Geometry,
    pub pages: Vec<Page>,
    /// Top of the free space on the current page.
    pub y: f32,
    pending_heading: Option<PendingHeading>,
}

impl<'f> Composer<'f> {
    pub(crate) fn new(fonts: &'f Fonts, doc: &Document) -> Result<Self, PdfError> {
        let geo = Geometry::of(doc)?;
        Ok(Composer {
            fonts,
            direction: doc.direction,
            language: doc.language,
            geo,
            pages: vec![Page::default()],
            y: geo.top,
            pending_heading: None,
        })
    }

    pub(crate) fn style(size: f32, weight: Weight, colour: Rgb) -> TextStyle {
        TextStyle {
            size,
            weight,
            colour,
        }
    }

    pub(crate) fn lines(&self, text: &str, style: TextStyle, width: f32) -> Vec<Line> {
        layout_text(self.fonts, text, style, width, self.direction)
    }

    pub(crate) fn natural_width(&self, text: &str, style: TextStyle) -> f32 {
        natural_width(self.fonts, text, style, self.direction)
    }

    pub(crate) fn push(&mut self, e: Element) {
        if let Some(page) = self.pages.last_mut() {
            page.elements.push(e);
        }
    }

    pub(crate) fn new_page(&mut self) {
        let last = self.pages.len() - 1;
        let carried = match self.pending_heading.take() {
            Some(h)
                if h.page == last
                    && self.pages[last].elements.len() == h.end
                    && h.top > self.geo.top + 0.01 =>
            {
                let elements: Vec<Element> = self.pages[last].elements.drain(h.first..).collect();
                Some((elements, h.top))
            }
            _ => None,
        };
        let old_y = self.y;
        self.pages.push(Page::default());
        self.y = self.geo.top;
        if let Some((elements, top)) = carried {
            let dy = self.geo.top - top;
            for e in elements {
                self.push(e.shifted(dy));
            }
            self.y = old_y + dy;
            // Still waiting for its content: a subheading may follow.
            self.pending_heading = Some(PendingHeading {
                page: last + 1,
                first: 0,
                end: self.pages[last + 1].elements.len(),
                top: self.geo.top,
            });
        }
    }

    pub(crate) fn remaining(&self) -> f32 {
        self.geo.bottom - self.y
    }

    pub(crate) fn at_top(&self) -> bool {
        self.y <= self.geo.top + 0.01
    }

    /// Starts a new page unless `h` points fit here (or this page is still empty).
    pub(crate) fn ensure(&mut self, h: f32) {
        if h > self.remaining() + 0.01 && !self.at_top() {
            self.new_page();
        }
    }

    /// Vertical space between blocks; dropped at the top of a page.
    pub(crate) fn gap(&mut self, h: f32) {
        if !self.at_top() {
            self.y = (self.y + h).min(self.geo.bottom);
        }
    }

    /// The page side of a logical alignment.
    pub(crate) fn side(&self, align: Align) -> Side {
        match (align, self.direction) {
            (Align::Centre, _) => Side::Centre,
            (Align::Start, Direction::Ltr) | (Align::End | Align::Numeric, Direction::Rtl) => {
                Side::Left
            }
            (Align::Start, Direction::Rtl) | (Align::End | Align::Numeric, Direction::Ltr) => {
                Side::Right
            }
        }
    }

    /// The left edge of a box `w` wide whose start edge is `start` points from the start edge
    /// of the area `[left, left + width]`.
    pub(crate) fn span(&self, left: f32, width: f32, start: f32, w: f32) -> f32 {
        match self.direction {
            Direction::Ltr => left + start,
            Direction::Rtl => left + width - start - w,
        }
    }

    pub(crate) fn x_for(side: Side, left: f32, width: f32, line_width: f32) -> f32 {
        match side {
            Side::Left => left,
            Side::Right => left + width - line_width,
            Side::Centre => left + (width - line_width) / 2.0,
        }
    }

    /// Places `lines` in the box `[left, left + width]` from the cursor down, breaking pages
    /// between lines.
    pub(crate) fn place_lines(&mut self, lines: Vec<Line>, left: f32, width: f32, side: Side) {
        for line in lines {
            self.ensure(line.height());
            let x = Self::x_for(side, left, width, line.width);
            let baseline = self.y + line.ascent;
            self.y += line.height();
            self.push(Element::Text { x, baseline, line });
        }
    }

    fn paragraph(&mut self, text: &str, style: TextStyle) {
        let (left, width) = (self.geo.left, self.geo.body_width());
        let lines = self.lines(text, style, width);
        let side = self.side(Align::Start);
        self.place_lines(lines, left, width, side);
    }

    fn title(&mut self, doc: &Document) {
        let (left, width) = (self.geo.left, self.geo.body_width());
        let side = self.side(Align::Start);
        let lines = self.lines(&doc.title, Self::style(18.0, Weight::Bold, ACCENT), width);
        self.place_lines(lines, left, width, side);
        if let Some(sub) = &doc.subtitle {
            self.y += 2.0;
            let lines = self.lines(sub, Self::style(11.0, Weight::Regular, MUTED), width);
            self.place_lines(lines, left, width, side);
        }
        self.y += 5.0;
        let y = self.y;
        self.push(Element::Rule {
            x1: left,
            y1: y,
            x2: left + width,
            y2: y,
            width: 1.2,
            colour: ACCENT,
        });
        self.y += 10.0;
    }

    /// How much of `next` must fit under a heading for the heading to stay on this page.
    fn lead_height(&self, next: Option<&Block>) -> f32 {
        let page = self.geo.bottom - self.geo.top;
        match next {
            Some(Block::BarChart(c)) => self.plan_chart(c).keep_height(page),
            // A header row and a row or two.
            Some(Block::Table(_)) => 4.0 * TABLE_SIZE * 1.9,
            _ => 3.0 * BODY_SIZE * 1.7,
        }
        .min(page / 2.0)
    }

    fn heading(&mut self, text: &str, size: f32, before: f32, next: Option<&Block>) {
        self.gap(before);
        let width = self.geo.body_width();
        let lines = self.lines(text, Self::style(size, Weight::Bold, ACCENT), width);
        let own: f32 = lines.iter().map(Line::height).sum();
        // Keep a heading with the beginning of what follows it.
        self.ensure(own + 3.0 + self.lead_height(next));
        let page = self.pages.len() - 1;
        let (first, top) = (self.pages[page].elements.len(), self.y);
        let (left, side) = (self.geo.left, self.side(Align::Start));
        self.place_lines(lines, left, width, side);
        self.y += 3.0;
        if self.pages.len() - 1 == page {
            // A subheading right under a heading: they travel together.
            let (first, top) = match self.pending_heading {
                Some(prev) if prev.page == page && prev.end == first => (prev.first, prev.top),
                _ => (first, top),
            };
            self.pending_heading = Some(PendingHeading {
                page,
                first,
                end: self.pages[page].elements.len(),
                top,
            });
        }
    }

    fn footnotes(&mut self, notes: &[String]) {
        let style = Self::style(SMALL_SIZE, Weight::Regular, MUTED);
        let gutter = 16.0;
        let (left, width) = (self.geo.left, self.geo.body_width());
        for (i, note) in notes.iter().enumerate() {
            let number = self.lines(&format_integer(i as u64 + 1, self.language), style, gutter);
            let text = self.lines(note, style, width - gutter);
            let mut first = true;
            for line in text {
                self.ensure(line.height());
                let baseline = self.y + line.ascent;
                if first {
                    if let Some(n) = number.first() {
                        let x = self.span(left, width, 0.0, n.width);
                        self.push(Element::Text {
                            x,
                            baseline,
                            line: n.clone(),
                        });
                    }
                    first = false;
                }
                let x = self.span(left, width, gutter, line.width);
                self.y += line.height();
                self.push(Element::Text { x, baseline, line });
            }
            self.y += 1.5;
        }
    }

    fn block(&mut self, block: &Block, next: Option<&Block>) -> Result<(), PdfError> {
        match block {
            Block::Heading(t) => self.heading(t, 14.0, 12.0, next),
            Block::Subheading(t) => self.heading(t, 11.5, 8.0, next),
            Block::Paragraph(t) => {
                self.paragraph(t, Self::style(BODY_SIZE, Weight::Regular, INK));
                self.y += 6.0;
            }
            Block::SmallPrint(t) => {
                self.gap(2.0);
                self.paragraph(t, Self::style(SMALL_SIZE, Weight::Regular, MUTED));
                self.y += 5.0;
            }
            Block::Footnotes(notes) => {
                self.gap(4.0);
                self.footnotes(notes);
                self.y += 4.0;
            }
            Block::KeyValues(pairs) => {
                let rows: Vec<Vec<String>> = pairs
                    .iter()
                    .map(|(k, v)| vec![k.clone(), v.clone()])
                    .collect();
                let spec = TableSpec {
                    weights: vec![1.0, 2.0],
                    aligns: vec![Align::Start, Align::Start],
                    header: None,
                    rows: &rows,
                    style: TableStyle::Rules,
                    first_column_bold: true,
                    size: BODY_SIZE,
                };
                self.table(&spec)?;
                self.y += 8.0;
            }
            Block::Table(t) => {
                self.gap(2.0);
                self.table(&TableSpec::of(t))?;
                self.y += 10.0;
            }
            Block::BarChart(c) => {
                self.gap(4.0);
                self.bar_chart(c);
                self.y += 10.0;
            }
            Block::PageBreak => {
                // A page break asked for after a heading leaves the heading where it is.
                self.pending_heading = None;
                if !self.at_top() {
                    self.new_page();
                }
            }
        }
        if !matches!(block, Block::Heading(_) | Block::Subheading(_)) {
            self.pending_heading = None;
        }
        Ok(())
    }

    /// Running header and footer on every page, now that the page count is known.
    fn decorate(&mut self, doc: &Document) {
        let total = self.pages.len();
        let style = Self::style(SMALL_SIZE, Weight::Regular, MUTED);
        let (left, width) = (self.geo.left, self.geo.body_width());
        let start_side = self.side(Align::Start);
        let end_side = self.side(Align::End);
        let header = doc
            .running_header
            .as_ref()
            .and_then(|h| self.lines(h, style, width).into_iter().next());
        let footer_y = self.geo.bottom + 10.0;
        for index in 0..total {
            let mut extra = Vec::new();
            if let Some(line) = &header {
                let rule_y = self.geo.top - 8.0;
                let baseline = rule_y - 4.0 - line.descent;
                extra.push(Element::Text {
                    x: Self::x_for(start_side, left, width, line.width),
                    baseline,
                    line: line.clone(),
                });
                extra.push(Element::Rule {
                    x1: left,
                    y1: rule_y,
                    x2: left + width,
                    y2: rule_y,
                    width: 0.5,
                    colour: RULE,
                });
            }
            extra.push(Element::Rule {
                x1: left,
                y1: footer_y,
                x2: left + width,
                y2: footer_y,
                width: 0.5,
                colour: RULE,
            });
            let mut label_width = 0.0;
            if let Some(template) = &doc.page_label {
                let text = template
                    .replace("{page}", &format_integer(index as u64 + 1, self.language))
                    .replace("{pages}", &format_integer(total as u64, self.language));
                if let Some(line) = self.lines(&text, style, width).into_iter().next() {
                    label_width = line.width;
                    extra.push(Element::Text {
                        x: Self::x_for(end_side, left, width, line.width),
                        baseline: footer_y + 4.0 + line.ascent,
                        line,
                    });
                }
            }
            if let Some(note) = &doc.footer {
                let mut y = footer_y + 4.0;
                let room = (width - label_width - 12.0).max(width / 3.0);
                for line in self.lines(note, style, room).into_iter().take(2) {
                    extra.push(Element::Text {
                        x: Self::x_for(start_side, left, room, line.width)
                            + if start_side == Side::Right {
                                width - room
                            } else {
                                0.0
                            },
                        baseline: y + line.ascent,
                        line: line.clone(),
                    });
                    y += line.height();
                }
            }
            self.pages[index].elements.extend(extra);
        }
    }
}

/// A table as the layout sees it: relative widths, alignments, optional header.
pub(crate) struct TableSpec<'a> {
    pub weights: Vec<f32>,
    pub aligns: Vec<Align>,
    pub header: Option<Vec<String>>,
    pub rows: &'a [Vec<String>],
    pub style: TableStyle,
    pub first_column_bold: bool,
    pub size: f32,
}

impl<'a> TableSpec<'a> {
    fn of(t: &'a Table) -> Self {
        TableSpec {
            weights: t.columns.iter().map(|c| c.width).collect(),
            aligns: t.columns.iter().map(|c| c.align).collect(),
            header: Some(t.columns.iter().map(|c| c.header.clone()).collect()),
            rows: &t.rows,
            style: t.style,
            first_column_bold: false,
            size: TABLE_SIZE,
        }
    }
}

/// Where a line of a numeric cell lines up: the left edge of its decimal separator, or the
/// right edge of its last digit when it has none.
fn numeric_anchor(line: &Line) -> Option<f32> {
    let mut last_digit: Option<f32> = None;
    for run in &line.runs {
        let mut x = run.x;
        for g in &run.glyphs {
            let advance = g.x_advance * run.size;
            let c = run.text[g.text_range.start..].chars().next();
            match c {
                Some('.' | '\u{066B}') => return Some(x),
                Some(c) if c.is_numeric() => {
                    last_digit = Some(last_digit.map_or(x + advance, |d: f32| d.max(x + advance)))
                }
                _ => {}
            }
            x += advance;
        }
    }
    last_digit
}

impl Composer<'_> {
    /// Lays out a table: cells wrap in their columns, rows never split unless taller than a
    /// page, and the header row is repeated at the top of each page.
    pub(crate) fn table(&mut self, spec: &TableSpec) -> Result<(), PdfError> {
        let ncols = spec.weights.len();
        if ncols == 0 {
            return Err(PdfError::TableWithoutColumns);
        }
        for (i, row) in spec.rows.iter().enumerate() {
            if row.len() != ncols {
                return Err(PdfError::TableShape {
                    row: i + 1,
                    expected: ncols,
                    found: row.len(),
                });
            }
        }
        let total: f32 = spec.weights.iter().sum();
        let (left, width) = (self.geo.left, self.geo.body_width());
        let mut widths = Vec::with_capacity(ncols);
        for (i, w) in spec.weights.iter().enumerate() {
            let cw = w / total * width;
            if !w.is_finite()
                || *w <= 0.0
                || !cw.is_finite()
                || cw < 2.0 * CELL_PAD_X + spec.size * 1.5
            {
                return Err(PdfError::ColumnTooNarrow { column: i + 1 });
            }
            widths.push(cw);
        }
        // Left edge of every column, mirrored in right-to-left documents.
        let mut lefts = Vec::with_capacity(ncols);
        let mut start = 0.0;
        for w in &widths {
            lefts.push(self.span(left, width, start, *w));
            start += w;
        }

        let cell_lines = |this: &Self, text: &str, col: usize, bold: bool| {
            let weight = if bold { Weight::Bold } else { Weight::Regular };
            this.lines(
                text,
                Self::style(spec.size, weight, INK),
                widths[col] - 2.0 * CELL_PAD_X,
            )
        };
        let header: Option<Vec<Vec<Line>>> = spec.header.as_ref().map(|h| {
            h.iter()
                .enumerate()
                .map(|(c, t)| cell_lines(self, t, c, true))
                .collect()
        });
        let body: Vec<Vec<Vec<Line>>> = spec
            .rows
            .iter()
            .map(|row| {
                row.iter()
                    .enumerate()
                    .map(|(c, t)| cell_lines(self, t, c, spec.first_column_bold && c == 0))
                    .collect()
            })
            .collect();

        // Numeric columns: line the single-line cells up on their decimal separator, the
        // block at the end side of the column.
        let mut anchors: Vec<Option<(f32, f32)>> = vec![None; ncols];
        for c in 0..ncols {
            if spec.aligns[c] != Align::Numeric {
                continue;
            }
            let (mut before, mut after) = (0f32, 0f32);
            for row in &body {
                if let [line] = row[c].as_slice() {
                    if let Some(a) = numeric_anchor(line) {
                        before = before.max(a);
                        after = after.max(line.width - a);
                    }
                }
            }
            if before + after <= widths[c] - 2.0 * CELL_PAD_X + 0.01 {
                let x = match self.side(Align::Numeric) {
                    Side::Right => lefts[c] + widths[c] - CELL_PAD_X - after,
                    _ => lefts[c] + CELL_PAD_X + before,
                };
                anchors[c] = Some((x, before));
            }
        }

        let header_height = header.as_ref().map_or(0.0, |h| row_height(h));
        let table_left = lefts.iter().copied().fold(f32::INFINITY, f32::min);
        let draw_header = |this: &mut Self| {
            if let Some(h) = &header {
                let y = this.y;
                this.push(Element::Rect {
                    x: table_left,
                    y,
                    w: width,
                    h: header_height,
                    fill: HEADER_FILL,
                });
                let top = first_ascent(h);
                for (c, lines) in h.iter().enumerate() {
                    let side = this.side(spec.aligns[c]);
                    let mut ly = y + CELL_PAD_Y + baseline_shift(lines, top);
                    for line in lines {
                        let x = Self::x_for(
                            side,
                            lefts[c] + CELL_PAD_X,
                            widths[c] - 2.0 * CELL_PAD_X,
                            line.width,
                        );
                        this.push(Element::Text {
                            x,
                            baseline: ly + line.ascent,
                            line: line.clone(),
                        });
                        ly += line.height();
                    }
                }
                this.y += header_height;
                let y = this.y;
                this.push(Element::Rule {
                    x1: table_left,
                    y1: y,
                    x2: table_left + width,
                    y2: y,
                    width: 0.8,
                    colour: MUTED,
                });
            }
        };

        // A header taller than half a page (absurdly long titles) is not repeated, so that
        // continuation pages always have room for rows.
        let body_height = self.geo.bottom - self.geo.top;
        let repeat = header_height <= body_height / 2.0;
        let turn_page = |this: &mut Self| {
            this.new_page();
            if repeat {
                draw_header(this);
            }
        };
        let first_row = body.first().map_or(0.0, |r| row_height(r));
        self.ensure(header_height + first_row.min(body_height - header_height));
        draw_header(self);

        for (r, cells) in body.into_iter().enumerate() {
            let mut rest: Vec<Vec<Line>> = cells;
            let full = row_height(&rest);
            let page_room = body_height - if repeat { header_height } else { 0.0 };
            // True right after a page turn: whatever fits must be placed here.
            let mut fresh = false;
            if full > self.remaining() + 0.01 && full <= page_room {
                turn_page(self);
                fresh = true;
            }
            loop {
                // Take from each cell the lines that fit on this page.
                let avail = self.remaining() - 2.0 * CELL_PAD_Y;
                let mut counts: Vec<usize> = rest
                    .iter()
                    .map(|lines| {
                        let mut used = 0.0;
                        lines
                            .iter()
                            .take_while(|l| {
                                used += l.height();
                                used <= avail + 0.01
                            })
                            .count()
                    })
                    .collect();
                if counts.iter().all(|n| *n == 0) && (self.at_top() || fresh) {
                    // A line taller than a page: draw it anyway rather than loop.
                    counts = rest.iter().map(|l| l.len().min(1)).collect();
                }
                let any = counts.iter().any(|n| *n > 0);
                let piece: Vec<Vec<Line>> = rest
                    .iter_mut()
                    .zip(&counts)
                    .map(|(lines, n)| lines.drain(..*n).collect())
                    .collect();
                let done = rest.iter().all(Vec::is_empty);
                if !any && !done {
                    turn_page(self);
                    fresh = true;
                    continue;
                }
                let h = row_height(&piece);
                let y = self.y;
                if spec.style == TableStyle::Zebra && r % 2 == 1 {
                    self.push(Element::Rect {
                        x: table_left,
                        y,
                        w: width,
                        h,
                        fill: ZEBRA_FILL,
                    });
                }
                let top = first_ascent(&piece);
                for (c, lines) in piece.into_iter().enumerate() {
                    let side = self.side(spec.aligns[c]);
                    let single = lines.len() == 1;
                    let mut ly = y + CELL_PAD_Y + baseline_shift(&lines, top);
                    for line in lines {
                        let x = match (anchors[c], single, numeric_anchor(&line)) {
                            (Some((ax, _)), true, Some(a)) => ax - a,
                            _ => Self::x_for(
                                side,
                                lefts[c] + CELL_PAD_X,
                                widths[c] - 2.0 * CELL_PAD_X,
                                line.width,
                            ),
                        };
                        let baseline = ly + line.ascent;
                        ly += line.height();
                        self.push(Element::Text { x, baseline, line });
                    }
                }
                self.y += h;
                if spec.style == TableStyle::Rules {
                    let y = self.y;
                    self.push(Element::Rule {
                        x1: table_left,
                        y1: y,
                        x2: table_left + width,
                        y2: y,
                        width: 0.4,
                        colour: RULE,
                    });
                }
                if done {
                    break;
                }
                turn_page(self);
                fresh = true;
            }
        }
        Ok(())
    }
}

/// The tallest ascent among the first lines of a row's cells: the first baselines of all
/// cells sit that far below the top padding, so Latin and Arabic cells line up.
fn first_ascent(cells: &[Vec<Line>]) -> f32 {
    cells
        .iter()
        .filter_map(|lines| lines.first())
        .map(|l| l.ascent)
        .fold(0.0, f32::max)
}

fn baseline_shift(lines: &[Line], top: f32) -> f32 {
    lines.first().map_or(0.0, |l| top - l.ascent)
}

fn row_height(cells: &[Vec<Line>]) -> f32 {
    let top = first_ascent(cells);
    let content = cells
        .iter()
        .map(|lines| baseline_shift(lines, top) + lines.iter().map(Line::height).sum::<f32>())
        .fold(0.0, f32::max);
    content + 2.0 * CELL_PAD_Y
}

/// Lays out the whole document: pages of elements, headers and footers included.
pub(crate) fn compose(fonts: &Fonts, doc: &Document) -> Result<(Geometry, Vec<Page>), PdfError> {
    let mut c = Composer::new(fonts, doc)?;
    c.title(doc);
    for (i, block) in doc.blocks.iter().enumerate() {
        c.block(block, doc.blocks.get(i + 1))?;
    }
    // A page break at the very end leaves no empty page behind.
    while c.pages.len() > 1 && c.pages.last().is_some_and(|p| p.elements.is_empty()) {
        c.pages.pop();
    }
    c.decorate(doc);
    Ok((c.geo, c.pages))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Bar, BarChart, Column};
    use rust_decimal::Decimal;

    fn texts(page: &Page) -> Vec<(f32, f32, &Line)> {
        page.elements
            .iter()
            .filter_map(|e| match e {
                Element::Text { x, baseline, line } => Some((*x, *baseline, line)),
                _ => None,
            })
            .collect()
    }

    fn find<'a>(page: &'a Page, needle: &str) -> Vec<(f32, f32, &'a Line)> {
        texts(page)
            .into_iter()
            .filter(|(_, _, l)| l.logical_text().contains(needle))
            .collect()
    }

    fn table(rows: Vec<Vec<String>>) -> Table {
        Table {
            columns: vec![
                Column::new("Code", 1.0, Align::Start),
                Column::new("Description", 2.0, Align::Start),
                Column::new("Value", 1.0, Align::Numeric),
            ],
            rows,
            style: TableStyle::Rules,
        }
    }

    fn compose_doc(doc: &Document) -> (Geometry, Vec<Page>) {
        compose(&Fonts::load().unwrap(), doc).unwrap()
    }

    #[test]
    fn text_wider_than_a_column_wraps_inside_it() {
        let long = "Self-tapping screws of stainless steel with cross-recessed heads, for sheet metal and other thin materials";
        let mut doc = Document::new(Language::English, "Wrap");
        doc.push(Block::Table(table(vec![vec![
            "7318 14 10".into(),
            long.into(),
            "1.25".into(),
        ]])));
        let (geo, pages) = compose_doc(&doc);
        // The description column is half of the body width, starting after the first quarter.
        let col_left = geo.left + geo.body_width() / 4.0;
        let col_right = col_left + geo.body_width() / 2.0;
        let lines: Vec<_> = texts(&pages[0])
            .into_iter()
            .filter(|(x, _, _)| *x >= col_left && *x < col_right)
            .filter(|(_, _, l)| !l.logical_text().contains("Description"))
            .collect();
        assert!(
            lines.len() >= 3,
            "expected the text to wrap, got {} lines",
            lines.len()
        );
        for (x, _, l) in &lines {
            assert!(*x >= col_left + CELL_PAD_X - 0.01);
            assert!(
                x + l.width <= col_right - CELL_PAD_X + 0.01,
                "line overflows its column"
            );
        }
        // Lines break after spaces and hyphens; together they hold the whole text.
        let joined: String = lines.iter().map(|(_, _, l)| l.logical_text()).collect();
        assert_eq!(joined.replace(' ', ""), long.replace(' ', ""));
        // The value and code cells sit on the first line of the row.
        let code = find(&pages[0], "7318 14 10")[0];
        assert!((code.1 - lines[0].1).abs() < 0.01);
    }

    #[test]
    fn a_table_longer_than_a_page_continues_with_its_header() {
        let rows = (0..150)
            .map(|i| {
                vec![
                    format!("{i:04}"),
                    format!("Good number {i}"),
                    format!("{i}.50"),
                ]
            })
            .collect();
        let mut doc = Document::new(Language::English, "Long table");
        doc.push(Block::Table(table(rows)));
        let (geo, pages) = compose_doc(&doc);
        assert!(pages.len() >= 3, "{} pages", pages.len());
        for (n, page) in pages.iter().enumerate() {
            let headers = find(page, "Description");
            assert_eq!(
                headers.len(),
                1,
                "page {} has {} header rows",
                n + 1,
                headers.len()
            );
            if n > 0 {
                // On continuation pages the header is the first thing in the body.
                let first_body_text = texts(page)
                    .into_iter()
                    .filter(|(_, b, _)| *b > geo.top && *b < geo.bottom)
                    .map(|(_, b, _)| b)
                    .fold(f32::INFINITY, f32::min);
                assert!((headers[0].1 - first_body_text).abs() < 0.01);
            }
            for (_, b, l) in texts(page) {
                if l.logical_text().starts_with("Good number") {
                    assert!(b > headers[0].1, "a row above the header on page {}", n + 1);
                    assert!(
                        b + l.descent <= geo.bottom + 0.01,
                        "a row runs into the footer"
                    );
                }
            }
        }
        // Every row is there exactly once.
        let total: usize = pages.iter().map(|p| find(p, "Good number").len()).sum();
        assert_eq!(total, 150);
    }

    #[test]
    fn numeric_columns_line_up_on_the_decimal_separator() {
        let rows = ["1.25", "12.5", "1,234.125", "7"]
            .iter()
            .enumerate()
            .map(|(i, v)| vec![i.to_string(), "x".into(), v.to_string()])
            .collect();
        let mut doc = Document::new(Language::English, "Numbers");
        doc.push(Block::Table(table(rows)));
        let (_, pages) = compose_doc(&doc);
        let anchor = |v: &str| {
            let (x, _, l) = find(&pages[0], v)[0];
            x + numeric_anchor(l).unwrap()
        };
        let a = anchor("1.25");
        for v in ["12.5", "1,234.125", "7"] {
            assert!((anchor(v) - a).abs() < 0.01, "{v} is not aligned");
        }
    }

    #[test]
    fn right_to_left_mirrors_tables_and_charts() {
        let mut doc = Document::new(Language::Arabic, "تجربة");
        doc.push(Block::Table(Table {
            columns: vec![
                Column::new("الرمز", 1.0, Align::Start),
                Column::new("السلعة", 2.0, Align::Start),
            ],
            rows: vec![vec!["7318 15 95".into(), "مسامير".into()]],
            style: TableStyle::Zebra,
        }));
        doc.push(Block::BarChart(BarChart {
            title: None,
            axis_label: None,
            bars: vec![Bar {
                label: "مسامير".into(),
                value: Decimal::new(25, 1),
                colour: None,
            }],
            decimals: 1,
        }));
        let (geo, pages) = compose_doc(&doc);
        let first = find(&pages[0], "الرمز")[0];
        let second = find(&pages[0], "السلعة")[0];
        assert!(first.0 > second.0, "the first column must be at the right");
        // Start-aligned text ends at the right margin.
        assert!((first.0 + first.2.width - (geo.right - CELL_PAD_X)).abs() < 0.01);
        let bar = pages[0]
            .elements
            .iter()
            .find_map(|e| match e {
                Element::Rect { x, w, h, .. } if *h == 11.0 => Some((*x, *w)),
                _ => None,
            })
            .unwrap();
        let label = find(&pages[0], "مسامير").into_iter().last().unwrap();
        assert!(
            label.0 > bar.0 + bar.1,
            "the label must be right of the bar"
        );
        let value = find(&pages[0], "٢٫٥")[0];
        assert!(
            value.0 + value.2.width < bar.0,
            "the value must be left of the bar end"
        );
    }

    #[test]
    fn headings_are_not_left_alone_at_the_bottom_of_a_page() {
        let mut doc = Document::new(Language::English, "Orphans");
        let rows = (0..30)
            .map(|i| vec![format!("row-{i}"), "x".into(), "1".into()])
            .collect();
        doc.push(Block::Table(table(rows)));
        doc.push(Block::Heading("Chart heading".into()));
        doc.push(Block::Subheading("Chart subheading".into()));
        doc.push(Block::BarChart(BarChart {
            title: Some("Chart title".into()),
            axis_label: Some("unit".into()),
            bars: (0..25)
                .map(|i| Bar {
                    label: format!("bar {i}"),
                    value: Decimal::from(i),
                    colour: None,
                })
                .collect(),
            decimals: 0,
        }));
        let (_, pages) = compose_doc(&doc);
        let page_of = |needle: &str| {
            pages
                .iter()
                .position(|p| !find(p, needle).is_empty())
                .unwrap()
        };
        // The table fills most of page 1; the chart cannot fit under it, and the headings go
        // to page 2 with it.
        assert_eq!(
            page_of("row-29"),
            0,
            "the table must end on page 1 for this test"
        );
        assert_eq!(page_of("Chart title"), 1);
        assert_eq!(page_of("Chart heading"), 1);
        assert_eq!(page_of("Chart subheading"), 1);
        let y = |needle: &str| find(&pages[1], needle)[0].1;
        assert!(y("Chart heading") < y("Chart subheading"));
        assert!(y("Chart subheading") < y("Chart title"));
    }

    #[test]
    fn page_labels_count_pages_in_the_document_digits() {
        let mut doc = Document::new(Language::Arabic, "تجربة");
        doc.page_label = Some("صفحة {page} من {pages}".into());
        doc.push(Block::Paragraph("أ".into()));
        doc.push(Block::PageBreak);
        doc.push(Block::Paragraph("ب".into()));
        let (_, pages) = compose_doc(&doc);
        assert_eq!(pages.len(), 2);
        assert_eq!(find(&pages[1], "صفحة ٢ من ٢").len(), 1);
    }

    #[test]
    fn bad_tables_and_pages_are_errors() {
        let fonts = Fonts::load().unwrap();
        let mut doc = Document::new(Language::English, "Bad");
        doc.push(Block::Table(table(vec![
            vec!["a".into(), "b".into(), "1".into()],
            vec!["a".into(), "b".into()],
        ])));
        assert_eq!(
            compose(&fonts, &doc).unwrap_err(),
            PdfError::TableShape {
                row: 2,
                expected: 3,
                found: 2
            }
        );
        let mut narrow = table(vec![]);
        narrow.columns[2].width = 0.0;
        doc.blocks = vec![Block::Table(narrow)];
        assert_eq!(
            compose(&fonts, &doc).unwrap_err(),
            PdfError::ColumnTooNarrow { column: 3 }
        );
        doc.blocks = vec![Block::Table(Table {
            columns: vec![],
            rows: vec![],
            style: TableStyle::Zebra,
        })];
        assert_eq!(
            compose(&fonts, &doc).unwrap_err(),
            PdfError::TableWithoutColumns
        );
        doc.blocks.clear();
        doc.page.margins.start = 180.0;
        assert_eq!(compose(&fonts, &doc).unwrap_err(), PdfError::PageTooSmall);
        doc.page.margins.start = f32::NAN;
        assert_eq!(compose(&fonts, &doc).unwrap_err(), PdfError::PageTooSmall);
    }
}
