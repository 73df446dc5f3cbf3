//! Pages prepared for matching: each line folded (see [`crate::normalise::fold`]) with a map
//! back to the printed text, so that a match found in folded text becomes a [`Provenance`]
//! with a span of the page text and the line's box.

use crate::model::{BBox, Origin, Provenance, TextMethod, TextPage};
use crate::normalise::fold_with_map;

#[derive(Debug, Clone)]
pub(crate) struct IndexedLine {
    pub text: String,
    pub folded: String,
    /// For each char of `folded`, the char index in `text` it came from.
    pub map: Vec<usize>,
    /// Char offset of the line in the page text.
    pub start: usize,
    pub bbox: Option<BBox>,
    pub confidence: Option<f64>,
}

#[derive(Debug, Clone)]
pub(crate) struct IndexedPage {
    pub number: u32,
    pub method: TextMethod,
    pub lines: Vec<IndexedLine>,
}

impl IndexedPage {
    pub fn new(page: &TextPage) -> IndexedPage {
        let mut start = 0;
        let mut lines = Vec::with_capacity(page.lines.len());
        for l in &page.lines {
            let (folded, map) = fold_with_map(&l.text);
            let len = l.text.chars().count();
            lines.push(IndexedLine {
                text: l.text.clone(),
                folded,
                map,
                start,
                bbox: l.bbox,
                confidence: l.confidence,
            });
            start += len + 1;
        }
        IndexedPage {
            number: page.number,
            method: page.method,
            lines,
        }
    }

    /// Provenance of folded chars `fstart..fend` of line `line`.
    pub fn provenance(
        &self,
        origin: Origin,
        line: usize,
        fstart: usize,
        fend: usize,
        rule: &str,
    ) -> Provenance {
        let l = &self.lines[line];
        let span = if fend > fstart && fend <= l.map.len() {
            Some([l.start + l.map[fstart], l.start + l.map[fend - 1] + 1])
        } else {
            None
        };
        Provenance {
            origin,
            method: self.method,
            text: l.text.clone(),
            span,
            bbox: l.bbox.map(BBox::rounded),
            rule: rule.to_string(),
        }
    }

    /// Provenance of a run of whole lines `first..=last` (an address over several lines).
    pub fn provenance_lines(
        &self,
        origin: Origin,
        first: usize,
        last: usize,
        rule: &str,
    ) -> Provenance {
        let text = self.lines[first..=last]
            .iter()
            .map(|l| l.text.as_str())
            .collect::<Vec<_>>()
            .join("\n");
        let end = self.lines[last].start + self.lines[last].text.chars().count();
        let bbox = self.lines[first..=last]
            .iter()
            .filter_map(|l| l.bbox)
            .reduce(BBox::union);
        Provenance {
            origin,
            method: self.method,
            text,
            span: Some([self.lines[first].start, end]),
            bbox: bbox.map(BBox::rounded),
            rule: rule.to_string(),
        }
    }

    /// Mean OCR confidence of a line, or 1 for a text layer.
    pub fn line_quality(&self, line: usize) -> f64 {
        self.lines[line].confidence.unwrap_or(1.0)
    }
}
