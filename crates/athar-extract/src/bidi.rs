//! Arabic in PDF text layers is drawn in visual order: glyphs left to right as they appear
//! on the page, so a right-to-left word comes out reversed and numbers inside Arabic text
//! land on the wrong side. This module puts a line back in logical (reading) order.
//!
//! How: the line, in visual order, is run through the Unicode Bidirectional Algorithm
//! (`unicode-bidi`) as if it were logical text, with the paragraph direction of its majority
//! of strong characters, and reordered for display. For the lines bills and invoices have
//! (Arabic words with numbers, dates and Latin codes, or Latin text with Arabic words) that
//! reordering is its own inverse: reversing the right-to-left runs back and leaving the
//! numbers' left-to-right order alone. Glyphs are kept as units so that a ligature whose
//! ToUnicode entry is already in logical order (`لا`) is not reversed inside.

use unicode_bidi::{bidi_class, BidiClass, Level, ParagraphBidiInfo};

fn is_rtl_char(c: char) -> bool {
    matches!(bidi_class(c), BidiClass::R | BidiClass::AL)
}

/// The direction of a line from its strong characters: right to left when they are mostly
/// Arabic or Hebrew.
pub fn is_rtl_line(text: &str) -> bool {
    let (mut r, mut l) = (0usize, 0usize);
    for c in text.chars() {
        match bidi_class(c) {
            BidiClass::R | BidiClass::AL => r += 1,
            BidiClass::L => l += 1,
            _ => {}
        }
    }
    r > l
}

/// Whether a line has any strong (directional) character.
pub fn has_strong(text: &str) -> bool {
    text.chars()
        .any(|c| matches!(bidi_class(c), BidiClass::R | BidiClass::AL | BidiClass::L))
}

/// Joins glyph units given in visual order (left to right on the page) into a string in
/// logical order. A line with no strong character (a table row of numbers) takes the
/// direction of its page, `page_rtl`, so that its cells come in the order of their header.
pub fn visual_to_logical(units: &[String], page_rtl: bool) -> String {
    let visual: String = units.concat();
    let rtl = if has_strong(&visual) {
        if !visual.chars().any(is_rtl_char) {
            return visual;
        }
        is_rtl_line(&visual)
    } else {
        page_rtl
    };
    if !rtl && !visual.chars().any(is_rtl_char) {
        return visual;
    }
    let level = if rtl { Level::rtl() } else { Level::ltr() };
    let info = ParagraphBidiInfo::new(&visual, Some(level));
    let (levels, _) = info.visual_runs(0..visual.len());
    // One level per unit: the level of its first byte.
    let mut unit_levels = Vec::with_capacity(units.len());
    let mut offset = 0;
    for u in units {
        if u.is_empty() {
            unit_levels.push(level);
        } else {
            unit_levels.push(levels[offset]);
        }
        offset += u.len();
    }
    let order = ParagraphBidiInfo::reorder_visual(&unit_levels);
    let mut out = String::with_capacity(visual.len());
    for i in order {
        // Mirrored glyphs (brackets) were drawn mirrored; their reversal puts them back.
        let u = &units[i];
        if unit_levels[i].is_rtl() && u.chars().count() == 1 {
            out.push(mirror(u.chars().next().unwrap_or(' ')));
        } else {
            out.push_str(u);
        }
    }
    out
}

/// The mirror image of a bracket, for brackets inside right-to-left runs.
fn mirror(c: char) -> char {
    match c {
        '(' => ')',
        ')' => '(',
        '[' => ']',
        ']' => '[',
        '{' => '}',
        '}' => '{',
        '<' => '>',
        '>' => '<',
        '«' => '»',
        '»' => '«',
        c => c,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn units(s: &str) -> Vec<String> {
        s.chars().map(|c| c.to_string()).collect()
    }

    /// What a PDF producer draws for a logical string: its display order.
    fn to_visual(logical: &str) -> Vec<String> {
        let level = if is_rtl_line(logical) {
            Level::rtl()
        } else {
            Level::ltr()
        };
        let info = ParagraphBidiInfo::new(logical, Some(level));
        info.reorder_line(0..logical.len())
            .chars()
            .map(|c| c.to_string())
            .collect()
    }

    #[test]
    fn arabic_lines_come_back_in_reading_order() {
        for logical in [
            "رقم العداد: 12345",
            "الاستهلاك ١٢٥٠ ك.و.س",
            "تاريخ الإصدار 05/03/2026",
            "المبلغ المستحق: 1,250.50 جنيه",
            "Supplier: شركة جنوب القاهرة",
            "Account 778899 الحساب",
            "Total amount",
        ] {
            assert_eq!(
                visual_to_logical(&to_visual(logical), false),
                logical,
                "{logical}"
            );
        }
    }

    #[test]
    fn a_ligature_unit_is_not_reversed_inside() {
        // "لا" drawn as one glyph whose ToUnicode gives lam + alef in logical order.
        let visual = vec!["م".to_string(), "لا".to_string(), "س".to_string()];
        assert_eq!(visual_to_logical(&visual, false), "سلام");
        assert_eq!(visual_to_logical(&units("abc"), true), "abc");
    }

    #[test]
    fn a_row_of_numbers_follows_its_page_direction() {
        // Cells drawn right to left: "4,782" is the first cell of an Arabic table row.
        let visual: Vec<String> = ["64,929", "\t", "69,711", "\t", "4,782"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        assert_eq!(visual_to_logical(&visual, true), "4,782\t69,711\t64,929");
        assert_eq!(visual_to_logical(&visual, false), "64,929\t69,711\t4,782");
    }
}
