//! The four embedded fonts and the choice of font for each character.
//!
//! Reports must render the same on every machine and offline, so the fonts are compiled in
//! (`assets/fonts/`, OFL, see its README). Noto Sans has Latin, Greek and Cyrillic but no
//! Arabic; Noto Naskh Arabic has Arabic but no Latin letters or brackets: each character is
//! given the font that has it, preferring the font of its neighbours for shared characters
//! (spaces, digits, punctuation) so a run of Arabic stays in one font and shapes as a whole.

use std::cell::RefCell;
use std::collections::BTreeMap;

use rustybuzz::{Direction as ShapeDirection, GlyphBuffer, ShapePlan, UnicodeBuffer};
use unicode_script::{Script, UnicodeScript};

use crate::error::PdfError;

const NOTO_SANS_REGULAR: &[u8] = include_bytes!("../../../assets/fonts/NotoSans-Regular.ttf");
const NOTO_SANS_BOLD: &[u8] = include_bytes!("../../../assets/fonts/NotoSans-Bold.ttf");
const NOTO_NASKH_REGULAR: &[u8] =
    include_bytes!("../../../assets/fonts/NotoNaskhArabic-Regular.ttf");
const NOTO_NASKH_BOLD: &[u8] = include_bytes!("../../../assets/fonts/NotoNaskhArabic-Bold.ttf");

/// Latin (with Greek and Cyrillic) or Arabic.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) enum Family {
    Latin,
    Arabic,
}

impl Family {
    /// Naskh letters are small on their em compared with Latin letters at the same size
    /// (Arabic bodies sit around the Latin x-height), so Arabic is set 12 % larger to read
    /// at the same size as the Latin beside it, as bilingual typesetting usually does.
    pub(crate) fn scale(self) -> f32 {
        match self {
            Family::Latin => 1.0,
            Family::Arabic => 1.12,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) enum Weight {
    Regular,
    Bold,
}

/// Index of a face in [`Fonts::faces`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) struct FaceId(usize);

impl FaceId {
    pub(crate) fn of(family: Family, weight: Weight) -> FaceId {
        FaceId(match (family, weight) {
            (Family::Latin, Weight::Regular) => 0,
            (Family::Latin, Weight::Bold) => 1,
            (Family::Arabic, Weight::Regular) => 2,
            (Family::Arabic, Weight::Bold) => 3,
        })
    }
}

/// One font: the shaper's view, the PDF writer's view, and its vertical metrics in ems.
pub(crate) struct Face {
    pub(crate) shaper: rustybuzz::Face<'static>,
    pub(crate) pdf: krilla::text::Font,
    pub(crate) units_per_em: f32,
    /// Height above the baseline, in ems.
    pub(crate) ascent: f32,
    /// Depth below the baseline, in ems (positive).
    pub(crate) descent: f32,
}

impl Face {
    fn load(name: &'static str, data: &'static [u8]) -> Result<Face, PdfError> {
        let shaper = rustybuzz::Face::from_slice(data, 0).ok_or(PdfError::Font { font: name })?;
        let pdf = krilla::text::Font::new(data.into(), 0).ok_or(PdfError::Font { font: name })?;
        let units_per_em = shaper.units_per_em() as f32;
        if units_per_em <= 0.0 {
            return Err(PdfError::Font { font: name });
        }
        let ascent = shaper.ascender() as f32 / units_per_em;
        let descent = -(shaper.descender() as f32) / units_per_em;
        Ok(Face {
            shaper,
            pdf,
            units_per_em,
            ascent,
            descent,
        })
    }

    pub(crate) fn has(&self, c: char) -> bool {
        self.shaper.glyph_index(c).is_some()
    }
}

/// The embedded faces, loaded once per rendering, with their shaping plans.
pub(crate) struct Fonts {
    faces: [Face; 4],
    /// Compiling a shaping plan (which OpenType features of which lookups apply) costs more
    /// than shaping a cell, and a report shapes thousands of short runs with a handful of
    /// (face, direction, script) combinations: plans are made once and reused.
    plans: RefCell<BTreeMap<(FaceId, bool, rustybuzz::Script), ShapePlan>>,
}

impl Fonts {
    pub(crate) fn load() -> Result<Fonts, PdfError> {
        Ok(Fonts {
            faces: [
                Face::load("NotoSans-Regular", NOTO_SANS_REGULAR)?,
                Face::load("NotoSans-Bold", NOTO_SANS_BOLD)?,
                Face::load("NotoNaskhArabic-Regular", NOTO_NASKH_REGULAR)?,
                Face::load("NotoNaskhArabic-Bold", NOTO_NASKH_BOLD)?,
            ],
            plans: RefCell::new(BTreeMap::new()),
        })
    }

    /// Shapes `text` with face `id` in the given direction, reusing the shaping plan.
    pub(crate) fn shape(&self, id: FaceId, text: &str, rtl: bool) -> GlyphBuffer {
        let face = &self.face(id).shaper;
        let mut buffer = UnicodeBuffer::new();
        buffer.push_str(text);
        buffer.set_direction(if rtl {
            ShapeDirection::RightToLeft
        } else {
            ShapeDirection::LeftToRight
        });
        buffer.guess_segment_properties();
        let key = (id, rtl, buffer.script());
        let mut plans = self.plans.borrow_mut();
        let plan = plans.entry(key).or_insert_with(|| {
            ShapePlan::new(
                face,
                buffer.direction(),
                Some(buffer.script()),
                buffer.language().as_ref(),
                &[],
            )
        });
        rustybuzz::shape_with_plan(face, plan, buffer)
    }

    pub(crate) fn face(&self, id: FaceId) -> &Face {
        &self.faces[id.0]
    }

    /// Ascent and descent (in ems of the text size) of a line with or without Arabic.
    pub(crate) fn line_metrics(&self, has_arabic: bool) -> (f32, f32) {
        let latin = self.face(FaceId::of(Family::Latin, Weight::Regular));
        if has_arabic {
            let arabic = self.face(FaceId::of(Family::Arabic, Weight::Regular));
            let k = Family::Arabic.scale();
            (
                latin.ascent.max(arabic.ascent * k),
                latin.descent.max(arabic.descent * k),
            )
        } else {
            (latin.ascent, latin.descent)
        }
    }

    /// The family for `c`, given the family of the previous visible character. `None` for
    /// characters that are not drawn (bidi controls, other format and control characters).
    pub(crate) fn family_for(&self, c: char, previous: Family) -> Option<Family> {
        if is_invisible(c) {
            return None;
        }
        let latin = self.face(FaceId::of(Family::Latin, Weight::Regular));
        let arabic = self.face(FaceId::of(Family::Arabic, Weight::Regular));
        let preferred = match c.script() {
            Script::Arabic => Family::Arabic,
            Script::Common | Script::Inherited | Script::Unknown => previous,
            _ => Family::Latin,
        };
        let has = |f: Family| match f {
            Family::Latin => latin.has(c),
            Family::Arabic => arabic.has(c),
        };
        Some(if has(preferred) {
            preferred
        } else if has(Family::Latin) {
            Family::Latin
        } else if has(Family::Arabic) {
            Family::Arabic
        } else {
            // Neither font has it: the Latin font's "missing glyph" box is drawn.
            Family::Latin
        })
    }
}

/// Characters that steer layout but have no glyph: bidi embeddings, overrides, isolates and
/// marks, and other control characters.
pub(crate) fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{200E}' | '\u{200F}' | '\u{061C}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'
    ) || c.is_control()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_fonts_load_and_cover_their_scripts() {
        let fonts = Fonts::load().unwrap();
        let latin = fonts.face(FaceId::of(Family::Latin, Weight::Bold));
        let arabic = fonts.face(FaceId::of(Family::Arabic, Weight::Bold));
        for c in "AZaz09ÄłřΩЖ€%()".chars() {
            assert!(latin.has(c), "Noto Sans lacks {c}");
        }
        for c in "ابتثجحخدذرزسشصضطظعغفقكلمنهوي٠٩٫٬،؟".chars() {
            assert!(arabic.has(c), "Noto Naskh Arabic lacks {c}");
        }
    }

    #[test]
    fn characters_get_the_font_that_has_them() {
        let fonts = Fonts::load().unwrap();
        assert_eq!(fonts.family_for('م', Family::Latin), Some(Family::Arabic));
        assert_eq!(fonts.family_for('٣', Family::Latin), Some(Family::Arabic));
        assert_eq!(fonts.family_for('M', Family::Arabic), Some(Family::Latin));
        // Shared characters follow their neighbour when that font has them...
        assert_eq!(fonts.family_for(' ', Family::Arabic), Some(Family::Arabic));
        assert_eq!(fonts.family_for('7', Family::Arabic), Some(Family::Arabic));
        assert_eq!(fonts.family_for('7', Family::Latin), Some(Family::Latin));
        // ...and fall back when it does not (Naskh has no brackets).
        assert_eq!(fonts.family_for('(', Family::Arabic), Some(Family::Latin));
        assert_eq!(fonts.family_for('\u{2066}', Family::Latin), None);
    }
}
