//! Writing laid-out pages with krilla: glyph runs (krilla embeds and subsets the fonts and
//! writes ToUnicode maps from the text ranges we give each glyph), filled rectangles and
//! rules, and the document metadata.

use krilla::color::rgb;
use krilla::geom::{PathBuilder, Point, Rect};
use krilla::metadata::{DateTime, Metadata, TextDirection};
use krilla::num::NormalizedF32;
use krilla::page::PageSettings;
use krilla::paint::{Fill, Stroke};
use krilla::surface::Surface;

use crate::error::PdfError;
use crate::fonts::Fonts;
use crate::layout::{Element, Geometry, Page};
use crate::model::{Direction, Document, Rgb};

fn colour(c: Rgb) -> rgb::Color {
    rgb::Color::new(c.0, c.1, c.2)
}

fn fill(c: Rgb) -> Fill {
    Fill {
        paint: colour(c).into(),
        opacity: NormalizedF32::ONE,
        rule: Default::default(),
    }
}

fn metadata(doc: &Document) -> Metadata {
    let mut m = Metadata::new()
        .title(doc.title.clone())
        .language(doc.language.tag().to_string())
        .creator("Athar".to_string())
        .text_direction(match doc.direction {
            Direction::Ltr => TextDirection::LeftToRight,
            Direction::Rtl => TextDirection::RightToLeft,
        });
    if let Some(author) = &doc.author {
        m = m.authors(vec![author.clone()]);
    }
    if let Some(t) = doc.created {
        let offset = t.offset();
        m = m.creation_date(
            DateTime::new(t.year().clamp(0, 9999) as u16)
                .month(u8::from(t.month()))
                .day(t.day())
                .hour(t.hour())
                .minute(t.minute())
                .second(t.second())
                .utc_offset_hour(offset.whole_hours())
                .utc_offset_minute(offset.minutes_past_hour().unsigned_abs()),
        );
    }
    m
}

fn draw(surface: &mut Surface, fonts: &Fonts, element: &Element) {
    match element {
        Element::Rect {
            x,
            y,
            w,
            h,
            fill: f,
        } => {
            let mut pb = PathBuilder::new();
            if let Some(r) = Rect::from_xywh(*x, *y, *w, *h) {
                pb.push_rect(r);
            }
            if let Some(path) = pb.finish() {
                surface.set_stroke(None);
                surface.set_fill(Some(fill(*f)));
                surface.draw_path(&path);
            }
        }
        Element::Rule {
            x1,
            y1,
            x2,
            y2,
            width,
            colour: c,
        } => {
            let mut pb = PathBuilder::new();
            pb.move_to(*x1, *y1);
            pb.line_to(*x2, *y2);
            if let Some(path) = pb.finish() {
                surface.set_fill(None);
                surface.set_stroke(Some(Stroke {
                    paint: colour(*c).into(),
                    width: *width,
                    ..Stroke::default()
                }));
                surface.draw_path(&path);
            }
        }
        Element::Text { x, baseline, line } => {
            surface.set_stroke(None);
            surface.set_fill(Some(fill(line.colour)));
            for run in &line.runs {
                if run.glyphs.is_empty() {
                    continue;
                }
                surface.draw_glyphs(
                    Point::from_xy(x + run.x, *baseline),
                    &run.glyphs,
                    fonts.face(run.face).pdf.clone(),
                    &run.text,
                    run.size,
                    false,
                );
            }
        }
    }
}

/// Writes `pages` as a PDF.
pub(crate) fn write(
    fonts: &Fonts,
    doc: &Document,
    geo: &Geometry,
    pages: &[Page],
) -> Result<Vec<u8>, PdfError> {
    let mut pdf = krilla::Document::new();
    pdf.set_metadata(metadata(doc));
    let settings = PageSettings::from_wh(geo.width, geo.height).ok_or(PdfError::PageTooSmall)?;
    for page in pages {
        let mut p = pdf.start_page_with(settings.clone());
        let mut surface = p.surface();
        for e in &page.elements {
            draw(&mut surface, fonts, e);
        }
        surface.finish();
        p.finish();
    }
    pdf.finish().map_err(|e| PdfError::Write {
        detail: e.to_string(),
    })
}
