//! From a string to positioned glyphs: bidi, font choice, shaping and line breaking.
//!
//! krilla writes glyphs where it is told; everything that makes Arabic readable happens here.
//! For each paragraph: the Unicode bidi algorithm (unicode-bidi, with isolates) gives every
//! character a level; each character gets a font ([`Fonts::family_for`]); rustybuzz shapes
//! the logical runs once to measure them; lines are broken greedily at UAX #14 opportunities
//! (unicode-linebreak), or inside a word that is wider than the line; then each line is
//! reordered into visual runs and every run is shaped again in its own direction, so Arabic
//! letters join and ligate and numbers inside Arabic stay left to right. Each glyph keeps the
//! byte range of the text it came from, which krilla writes as ToUnicode/ActualText so the
//! text can be copied and extracted in logical order.

use std::ops::Range;

use krilla::text::{GlyphId, KrillaGlyph};
use unicode_bidi::{bidi_class, BidiClass, Level, ParagraphBidiInfo};
use unicode_linebreak::linebreaks;

use crate::fonts::{FaceId, Family, Fonts, Weight};
use crate::model::{Direction, Rgb};

/// Size, weight and colour of a piece of text.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct TextStyle {
    pub size: f32,
    pub weight: Weight,
    pub colour: Rgb,
}

/// Glyphs of one font and one direction, placed left to right from `x`.
#[derive(Debug, Clone)]
pub(crate) struct GlyphRun {
    pub face: FaceId,
    /// Font size in points (the style's size times the family's scale).
    pub size: f32,
    /// Offset from the left edge of the line, in points.
    pub x: f32,
    pub width: f32,
    /// The logical text of the run; glyph ranges index into it.
    pub text: String,
    /// Byte offset of `text` in its paragraph.
    #[cfg_attr(not(test), allow(dead_code))]
    pub start: usize,
    pub glyphs: Vec<KrillaGlyph>,
}

/// One laid-out line. `width` is the advance of its visible content.
#[derive(Debug, Clone)]
pub(crate) struct Line {
    pub runs: Vec<GlyphRun>,
    pub width: f32,
    pub ascent: f32,
    pub descent: f32,
    pub colour: Rgb,
}

impl Line {
    pub(crate) fn height(&self) -> f32 {
        self.ascent + self.descent
    }

    /// The logical text of the line, control characters removed (for tests).
    #[cfg(test)]
    pub(crate) fn logical_text(&self) -> String {
        let mut runs: Vec<&GlyphRun> = self.runs.iter().collect();
        runs.sort_by_key(|r| r.start);
        runs.iter().map(|r| r.text.as_str()).collect()
    }
}

/// Lays out `text` (paragraphs separated by `\n`) in lines at most `max_width` points wide.
/// `direction` is the document's: a paragraph runs right to left when the document does and
/// the paragraph has right-to-left letters, or when it has only right-to-left letters.
pub(crate) fn layout_text(
    fonts: &Fonts,
    text: &str,
    style: TextStyle,
    max_width: f32,
    direction: Direction,
) -> Vec<Line> {
    let cleaned: String = text
        .chars()
        .filter(|&c| c != '\r')
        .map(|c| if c == '\t' { ' ' } else { c })
        .collect();
    let mut lines = Vec::new();
    for para in cleaned.split(['\n', '\u{2029}']) {
        layout_paragraph(fonts, para, style, max_width, direction, &mut lines);
    }
    lines
}

/// The widest line of `text` when nothing wraps.
pub(crate) fn natural_width(
    fonts: &Fonts,
    text: &str,
    style: TextStyle,
    direction: Direction,
) -> f32 {
    layout_text(fonts, text, style, f32::INFINITY, direction)
        .iter()
        .map(|l| l.width)
        .fold(0.0, f32::max)
}

fn paragraph_is_rtl(text: &str, direction: Direction) -> bool {
    let (mut ltr, mut rtl) = (false, false);
    for c in text.chars() {
        match bidi_class(c) {
            BidiClass::L => ltr = true,
            BidiClass::R | BidiClass::AL => rtl = true,
            _ => {}
        }
    }
    match direction {
        Direction::Rtl => rtl,
        Direction::Ltr => rtl && !ltr,
    }
}

/// A logical stretch of one font at one bidi level.
struct Segment {
    bytes: Range<usize>,
    family: Family,
}

/// Splits `range` of `para` into stretches of one font, skipping invisible characters.
fn segments(
    para: &str,
    range: Range<usize>,
    families: &[(usize, Option<Family>)],
    levels: &[Level],
) -> Vec<Segment> {
    let mut out: Vec<Segment> = Vec::new();
    let first = families.partition_point(|(b, _)| *b < range.start);
    for (i, &(byte, family)) in families.iter().enumerate().skip(first) {
        if byte >= range.end {
            break;
        }
        let end = families
            .get(i + 1)
            .map_or(para.len(), |(b, _)| *b)
            .min(range.end);
        let Some(family) = family else { continue };
        match out.last_mut() {
            Some(seg)
                if seg.family == family
                    && seg.bytes.end == byte
                    && levels[seg.bytes.start] == levels[byte] =>
            {
                seg.bytes.end = end
            }
            _ => out.push(Segment {
                bytes: byte..end,
                family,
            }),
        }
    }
    out
}

/// A glyph as the shaper gives it, in font units; `cluster` is a byte offset in the shaped
/// text.
struct Shaped {
    glyph: u32,
    cluster: usize,
    x_advance: i32,
    x_offset: i32,
    y_offset: i32,
    y_advance: i32,
}

fn shape(fonts: &Fonts, face: FaceId, text: &str, rtl: bool) -> Vec<Shaped> {
    let output = fonts.shape(face, text, rtl);
    output
        .glyph_infos()
        .iter()
        .zip(output.glyph_positions())
        .map(|(info, pos)| Shaped {
            glyph: info.glyph_id,
            cluster: info.cluster as usize,
            x_advance: pos.x_advance,
            x_offset: pos.x_offset,
            y_offset: pos.y_offset,
            y_advance: pos.y_advance,
        })
        .collect()
}

/// Shapes `para[bytes]` into a run placed at `x`.
fn shape_run(
    fonts: &Fonts,
    para: &str,
    bytes: Range<usize>,
    face: FaceId,
    rtl: bool,
    size: f32,
    x: f32,
) -> GlyphRun {
    let text = &para[bytes.clone()];
    let shaped = shape(fonts, face, text, rtl);
    let upm = fonts.face(face).units_per_em;
    let mut starts: Vec<usize> = shaped.iter().map(|g| g.cluster).collect();
    starts.sort_unstable();
    starts.dedup();
    let glyphs: Vec<KrillaGlyph> = shaped
        .iter()
        .map(|g| {
            let next = starts.partition_point(|&s| s <= g.cluster);
            let end = starts.get(next).copied().unwrap_or(text.len());
            KrillaGlyph::new(
                GlyphId::new(g.glyph),
                g.x_advance as f32 / upm,
                g.x_offset as f32 / upm,
                g.y_offset as f32 / upm,
                g.y_advance as f32 / upm,
                g.cluster..end,
                None,
            )
        })
        .collect();
    let width = glyphs.iter().map(|g| g.x_advance * size).sum();
    GlyphRun {
        face,
        size,
        x,
        width,
        text: text.to_string(),
        start: bytes.start,
        glyphs,
    }
}

fn layout_paragraph(
    fonts: &Fonts,
    para: &str,
    style: TextStyle,
    max_width: f32,
    direction: Direction,
    out: &mut Vec<Line>,
) {
    let rtl = paragraph_is_rtl(para, direction);
    let bidi = ParagraphBidiInfo::new(para, Some(if rtl { Level::rtl() } else { Level::ltr() }));

    // A font for every character.
    let mut previous = if rtl { Family::Arabic } else { Family::Latin };
    let families: Vec<(usize, Option<Family>)> = para
        .char_indices()
        .map(|(b, c)| {
            let f = fonts.family_for(c, previous);
            if let Some(f) = f {
                previous = f;
            }
            (b, f)
        })
        .collect();
    // Arabic documents use the taller Arabic line box everywhere, so rows and lines keep one
    // rhythm whether or not a given line has Arabic letters.
    let has_arabic =
        direction == Direction::Rtl || families.iter().any(|(_, f)| *f == Some(Family::Arabic));
    let (ascent, descent) = fonts.line_metrics(has_arabic);
    let line_of = |runs: Vec<GlyphRun>, width: f32| Line {
        runs,
        width,
        ascent: ascent * style.size,
        descent: descent * style.size,
        colour: style.colour,
    };
    let n = families.len();
    if n == 0 {
        out.push(line_of(Vec::new(), 0.0));
        return;
    }
    let char_index = |byte: usize| families.partition_point(|(b, _)| *b < byte);
    let byte_of = |i: usize| families.get(i).map_or(para.len(), |(b, _)| *b);

    // Measure: advance of every character, from shaping the logical segments once.
    let mut advance = vec![0f32; n];
    let mut starts_cluster = vec![false; n];
    for seg in segments(para, 0..para.len(), &families, &bidi.levels) {
        let face = FaceId::of(seg.family, style.weight);
        let upm = fonts.face(face).units_per_em;
        let size = style.size * seg.family.scale();
        let seg_rtl = bidi.levels[seg.bytes.start].is_rtl();
        for g in shape(fonts, face, &para[seg.bytes.clone()], seg_rtl) {
            let i = char_index(seg.bytes.start + g.cluster);
            if i < n {
                advance[i] += g.x_advance as f32 / upm * size;
                starts_cluster[i] = true;
            }
        }
    }
    // Invisible characters have no glyph; a line may still start at them.
    for (i, (_, f)) in families.iter().enumerate() {
        if f.is_none() {
            starts_cluster[i] = true;
        }
    }
    let mut prefix = vec![0f32; n + 1];
    for i in 0..n {
        prefix[i + 1] = prefix[i] + advance[i];
    }
    let width = |a: usize, b: usize| prefix[b] - prefix[a];
    let is_space = |i: usize| para[byte_of(i)..].starts_with(char::is_whitespace);
    let trim = |a: usize, mut b: usize| {
        while b > a && is_space(b - 1) {
            b -= 1;
        }
        b
    };
    let fits = |w: f32| w <= max_width + 0.01;

    // Break greedily at the allowed opportunities.
    let candidates: Vec<usize> = linebreaks(para).map(|(b, _)| char_index(b)).collect();
    let mut ranges: Vec<Range<usize>> = Vec::new();
    let mut start = 0;
    let mut next_candidate = 0;
    while start < n {
        let mut best = None;
        while let Some(&c) = candidates.get(next_candidate) {
            if c <= start {
                next_candidate += 1;
                continue;
            }
            if fits(width(start, trim(start, c))) {
                best = Some(c);
                next_candidate += 1;
            } else {
                break;
            }
        }
        let end = match best {
            Some(c) => c,
            None => {
                // A word wider than the line: cut it between clusters, at least one cluster.
                let mut end = start + 1;
                while end < n && !starts_cluster[end] {
                    end += 1;
                }
                let mut k = end;
                while k < n {
                    k += 1;
                    while k < n && !starts_cluster[k] {
                        k += 1;
                    }
                    if fits(width(start, k)) {
                        end = k;
                    } else {
                        break;
                    }
                }
                end
            }
        };
        ranges.push(start..trim(start, end));
        start = end;
    }

    for r in ranges {
        if r.is_empty() {
            out.push(line_of(Vec::new(), 0.0));
            continue;
        }
        let bytes = byte_of(r.start)..byte_of(r.end);
        let (levels, visual) = bidi.visual_runs(bytes);
        let mut runs = Vec::new();
        let mut x = 0.0;
        for run in visual {
            let level = levels[run.start];
            let mut segs = segments(para, run, &families, &levels);
            if level.is_rtl() {
                segs.reverse();
            }
            for seg in segs {
                let face = FaceId::of(seg.family, style.weight);
                let size = style.size * seg.family.scale();
                let glyph_run = shape_run(fonts, para, seg.bytes, face, level.is_rtl(), size, x);
                x += glyph_run.width;
                runs.push(glyph_run);
            }
        }
        out.push(line_of(runs, x));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::numbers::ltr;

    const BODY: TextStyle = TextStyle {
        size: 10.0,
        weight: Weight::Regular,
        colour: Rgb(0, 0, 0),
    };

    fn fonts() -> Fonts {
        Fonts::load().unwrap()
    }

    #[test]
    fn long_text_wraps_within_the_width() {
        let f = fonts();
        let text = "Embedded emissions are computed per production process and divided by the activity level of the process.";
        let one = layout_text(&f, text, BODY, f32::INFINITY, Direction::Ltr);
        assert_eq!(one.len(), 1);
        let lines = layout_text(&f, text, BODY, 120.0, Direction::Ltr);
        assert!(lines.len() >= 4, "{} lines", lines.len());
        for l in &lines {
            assert!(l.width <= 120.01, "line too wide: {}", l.width);
        }
        // Nothing is lost or duplicated: the lines together hold every word.
        let joined: Vec<String> = lines.iter().map(|l| l.logical_text()).collect();
        assert_eq!(joined.join(" "), text);
    }

    #[test]
    fn a_word_wider_than_the_line_is_cut() {
        let f = fonts();
        let lines = layout_text(
            &f,
            "7318159500731815950073181595",
            BODY,
            40.0,
            Direction::Ltr,
        );
        assert!(lines.len() > 1);
        assert!(lines.iter().all(|l| l.width <= 40.01 && !l.runs.is_empty()));
        let joined: String = lines.iter().map(|l| l.logical_text()).collect();
        assert_eq!(joined, "7318159500731815950073181595");
    }

    #[test]
    fn arabic_is_shaped_right_to_left_with_numbers_left_to_right() {
        let f = fonts();
        let text = format!("رمز السلعة {} والقيمة ١٢٫٥", ltr("7318 15 95"));
        let lines = layout_text(&f, &text, BODY, f32::INFINITY, Direction::Rtl);
        assert_eq!(lines.len(), 1);
        let line = &lines[0];
        // Visual order from the left: the Arabic-Indic number, then the Arabic words in
        // between, then the isolated code, then the first Arabic words at the right.
        let code = line
            .runs
            .iter()
            .position(|r| r.text.contains("7318"))
            .unwrap();
        let first_words = line
            .runs
            .iter()
            .position(|r| r.text.starts_with("رمز"))
            .unwrap();
        let number = line.runs.iter().position(|r| r.text.contains('١')).unwrap();
        assert!(
            number < code && code < first_words,
            "{:?}",
            line.runs.iter().map(|r| &r.text).collect::<Vec<_>>()
        );
        // The code keeps its groups in reading order (one left-to-right run).
        assert_eq!(line.runs[code].text, "7318 15 95");
        // Joining: an Arabic word of four letters is drawn with contextual forms, so its
        // glyphs differ from the isolated letters.
        let isolated = shape(
            &f,
            FaceId::of(Family::Arabic, Weight::Regular),
            "ر م ز",
            true,
        );
        let joined = shape(&f, FaceId::of(Family::Arabic, Weight::Regular), "رمز", true);
        let isolated_m = isolated.iter().find(|g| g.cluster == 3).unwrap().glyph;
        let joined_m = joined.iter().find(|g| g.cluster == 2).unwrap().glyph;
        assert_ne!(isolated_m, joined_m, "meem did not take its joining form");
        // Runs of a right-to-left line are placed right to left: x grows with visual order.
        for w in line.runs.windows(2) {
            assert!(w[0].x < w[1].x);
        }
    }

    #[test]
    fn lam_alef_takes_its_ligature_forms() {
        let f = fonts();
        let face = FaceId::of(Family::Arabic, Weight::Regular);
        let glyphs =
            |t: &str| -> Vec<u32> { shape(&f, face, t, true).iter().map(|g| g.glyph).collect() };
        let isolated: Vec<u32> = glyphs("ل ا")
            .into_iter()
            .filter(|g| !glyphs(" ").contains(g))
            .collect();
        let lam_alef = glyphs("لا");
        let lam_beh = glyphs("لب");
        // Naskh draws lam-alef with dedicated glyphs: neither letter keeps its isolated
        // form, and the lam differs from the lam joined to another letter.
        assert!(
            lam_alef.iter().all(|g| !isolated.contains(g)),
            "{lam_alef:?} {isolated:?}"
        );
        assert!(
            lam_alef.iter().all(|g| !lam_beh.contains(g)),
            "{lam_alef:?} {lam_beh:?}"
        );
    }

    #[test]
    fn unisolated_codes_in_arabic_would_be_reversed_which_is_why_ltr_exists() {
        let f = fonts();
        // Without isolation the groups of the code are reordered by the bidi algorithm.
        let bare = layout_text(&f, "الرمز 7318 15 95", BODY, f32::INFINITY, Direction::Rtl);
        let isolated = layout_text(
            &f,
            &format!("الرمز {}", ltr("7318 15 95")),
            BODY,
            f32::INFINITY,
            Direction::Rtl,
        );
        let visual = |l: &Line| -> String { l.runs.iter().map(|r| r.text.clone()).collect() };
        assert!(visual(&isolated[0]).starts_with("7318 15 95"));
        assert!(!visual(&bare[0]).starts_with("7318 15 95"));
    }

    #[test]
    fn a_cell_with_only_digits_is_left_to_right_even_in_an_arabic_document() {
        let f = fonts();
        let lines = layout_text(&f, "7318 15 95", BODY, f32::INFINITY, Direction::Rtl);
        let visual: String = lines[0].runs.iter().map(|r| r.text.clone()).collect();
        assert_eq!(visual, "7318 15 95");
    }

    #[test]
    fn newlines_make_paragraphs() {
        let f = fonts();
        let lines = layout_text(&f, "one\n\ntwo", BODY, 200.0, Direction::Ltr);
        assert_eq!(lines.len(), 3);
        assert!(lines[1].runs.is_empty());
    }
}
