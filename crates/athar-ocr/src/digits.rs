//! The Eastern Arabic digit pass. Debian's Arabic language data for Tesseract (`ara`,
//! tessdata_fast) has only ٠ and ١ among the Eastern Arabic digits in its character set, so it
//! cannot output ٢ to ٩: it reads them as Western digits of another value or as Latin letters
//! (`٦٩٦٨٢٦٤٥٢٨` comes out as `7978575018`, `٣٥٬٤٧٧` as `YOEW`). A whitelist cannot help a
//! model that lacks the characters, so numbers are read again here.
//!
//! How: every word of an Arabic page that looks like a number (no Arabic letters, or an
//! unsure word) is cut out of the page, binarised (Otsu) and split into connected components,
//! left to right. Each component is compared with glyph templates of Eastern and Western
//! digits and separators rendered from four font families (`data/digit-templates.txt`):
//! shape on a 16 × 16 grid, aspect, height and vertical position relative to the digits'
//! height. A word whose components are mostly Eastern digits is rewritten with the nearest
//! Eastern glyphs; a word of Western digits is left to Tesseract, which reads those well.
//! Separators follow number syntax: the last one before one or two final digits is the
//! decimal sign `٫`, the others are thousands signs `٬`.

use athar_extract::{BBox, OcrLine, OcrWord, PageImage};
use serde::{Deserialize, Serialize};

use crate::deskew::otsu;

const N: usize = 16;
const TEMPLATES: &str = include_str!("../data/digit-templates.txt");

/// Weight of height and vertical position (relative to the digits' height) against shape:
/// they tell ٠ from ٥ and separators from digits once blur has rounded the shapes.
const REL_WEIGHT: f64 = 1.0;

/// Above this mean distance a word is not rewritten.
const MAX_MEAN_DISTANCE: f64 = 0.14;

#[derive(Debug, Clone)]
struct Template {
    glyph: char,
    aspect: f64,
    rel_h: f64,
    rel_cy: f64,
    grid: [f32; N * N],
}

fn parse_templates() -> Vec<Template> {
    TEMPLATES
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .filter_map(|l| {
            let cols: Vec<&str> = l.split('\t').collect();
            if cols.len() != 7 || cols[6].len() != N * N {
                return None;
            }
            let mut grid = [0f32; N * N];
            for (i, c) in cols[6].chars().enumerate() {
                grid[i] = c.to_digit(16)? as f32 / 15.0;
            }
            Some(Template {
                glyph: cols[0].chars().next()?,
                aspect: cols[3].parse().ok()?,
                rel_h: cols[4].parse().ok()?,
                rel_cy: cols[5].parse().ok()?,
                grid,
            })
        })
        .collect()
}

/// What the pass did on a page.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DigitPass {
    /// Words read again.
    pub candidates: usize,
    /// Words whose text was replaced.
    pub rewritten: usize,
}

/// The Eastern digit reader, with its templates parsed once.
pub struct DigitReader {
    templates: Vec<Template>,
}

impl Default for DigitReader {
    fn default() -> Self {
        Self::new()
    }
}

fn is_arabic_letter(c: char) -> bool {
    matches!(c, '\u{0620}'..='\u{064A}' | '\u{066E}'..='\u{06D3}' | '\u{06FA}'..='\u{06FF}')
}

fn is_eastern_digit(c: char) -> bool {
    matches!(c, '\u{0660}'..='\u{0669}' | '\u{06F0}'..='\u{06F9}')
}

/// A component of ink: its box in crop pixels and its mask.
#[derive(Debug, Clone)]
struct Component {
    x0: usize,
    y0: usize,
    x1: usize,
    y1: usize,
    pixels: Vec<(usize, usize)>,
}

impl Component {
    fn h(&self) -> usize {
        self.y1 - self.y0 + 1
    }
    fn w(&self) -> usize {
        self.x1 - self.x0 + 1
    }
    fn merge(&mut self, other: Component) {
        self.x0 = self.x0.min(other.x0);
        self.y0 = self.y0.min(other.y0);
        self.x1 = self.x1.max(other.x1);
        self.y1 = self.y1.max(other.y1);
        self.pixels.extend(other.pixels);
    }

    /// The 16 × 16 ink coverage with the aspect kept, as the template generator computes it.
    fn grid(&self) -> [f32; N * N] {
        let (h, w) = (self.h() as f64, self.w() as f64);
        let side = h.max(w);
        let (ox, oy) = ((side - w) / 2.0, (side - h) / 2.0);
        let cell = side / N as f64;
        let mut grid = [0f32; N * N];
        for &(x, y) in &self.pixels {
            let gx = (((x - self.x0) as f64 + ox) / cell).min((N - 1) as f64) as usize;
            let gy = (((y - self.y0) as f64 + oy) / cell).min((N - 1) as f64) as usize;
            grid[gy * N + gx] += 1.0;
        }
        let area = (cell * cell) as f32;
        for v in &mut grid {
            *v = (*v / area).min(1.0);
        }
        grid
    }
}

/// A word's crop, binarised and scaled so that digits are at least 32 pixels tall.
struct Crop {
    w: usize,
    h: usize,
    ink: Vec<bool>,
}

fn crop(page: &PageImage, b: BBox) -> Option<Crop> {
    let pad = 2.0;
    let x0 = (b.x0 - pad).max(0.0) as usize;
    let y0 = (b.y0 - pad).max(0.0) as usize;
    let x1 = ((b.x1 + pad) as usize).min(page.width as usize);
    let y1 = ((b.y1 + pad) as usize).min(page.height as usize);
    if x1 <= x0 + 2 || y1 <= y0 + 2 {
        return None;
    }
    let (cw, ch) = (x1 - x0, y1 - y0);
    let scale = (32.0 / ch as f64).ceil().clamp(1.0, 4.0) as usize;
    let (w, h) = (cw * scale, ch * scale);
    let pw = page.width as usize;
    let mut gray = vec![0u8; w * h];
    for y in 0..h {
        let sy = (y as f64 + 0.5) / scale as f64 - 0.5;
        let y_lo = (sy.floor().max(0.0) as usize).min(ch - 1);
        let y_hi = (y_lo + 1).min(ch - 1);
        let fy = (sy - y_lo as f64).clamp(0.0, 1.0);
        for x in 0..w {
            let sx = (x as f64 + 0.5) / scale as f64 - 0.5;
            let x_lo = (sx.floor().max(0.0) as usize).min(cw - 1);
            let x_hi = (x_lo + 1).min(cw - 1);
            let fx = (sx - x_lo as f64).clamp(0.0, 1.0);
            let p = |xx: usize, yy: usize| f64::from(page.gray[(y0 + yy) * pw + x0 + xx]);
            let v = p(x_lo, y_lo) * (1.0 - fx) * (1.0 - fy)
                + p(x_hi, y_lo) * fx * (1.0 - fy)
                + p(x_lo, y_hi) * (1.0 - fx) * fy
                + p(x_hi, y_hi) * fx * fy;
            gray[y * w + x] = v.round() as u8;
        }
    }
    let t = otsu(&gray);
    // A crop without contrast has no ink.
    let (min, max) = gray
        .iter()
        .fold((255u8, 0u8), |(a, b), &v| (a.min(v), b.max(v)));
    if max.saturating_sub(min) < 60 {
        return None;
    }
    Some(Crop {
        w,
        h,
        ink: gray.iter().map(|&v| v <= t).collect(),
    })
}

/// 8-connected components, left to right; components stacked over each other are merged.
fn components(c: &Crop) -> Vec<Component> {
    let mut seen = vec![false; c.w * c.h];
    let mut out: Vec<Component> = Vec::new();
    for start in 0..c.w * c.h {
        if !c.ink[start] || seen[start] {
            continue;
        }
        seen[start] = true;
        let mut stack = vec![start];
        let mut comp = Component {
            x0: usize::MAX,
            y0: usize::MAX,
            x1: 0,
            y1: 0,
            pixels: Vec::new(),
        };
        while let Some(i) = stack.pop() {
            let (x, y) = (i % c.w, i / c.w);
            comp.x0 = comp.x0.min(x);
            comp.y0 = comp.y0.min(y);
            comp.x1 = comp.x1.max(x);
            comp.y1 = comp.y1.max(y);
            comp.pixels.push((x, y));
            for dy in -1i64..=1 {
                for dx in -1i64..=1 {
                    let (nx, ny) = (x as i64 + dx, y as i64 + dy);
                    if nx < 0 || ny < 0 || nx >= c.w as i64 || ny >= c.h as i64 {
                        continue;
                    }
                    let j = ny as usize * c.w + nx as usize;
                    if c.ink[j] && !seen[j] {
                        seen[j] = true;
                        stack.push(j);
                    }
                }
            }
        }
        out.push(comp);
    }
    // Specks.
    let tallest = out.iter().map(Component::h).max().unwrap_or(0);
    let min_px = (tallest * tallest / 150).max(4);
    out.retain(|c| c.pixels.len() >= min_px);
    out.sort_by_key(|c| c.x0);
    // Merge a fragment lying within a taller glyph's columns (a broken stroke); two glyphs of
    // similar height are never merged, even when their boxes overlap (kerned digits).
    let mut merged: Vec<Component> = Vec::new();
    for c in out {
        if let Some(last) = merged.last_mut() {
            let overlap = last.x1.min(c.x1) as i64 - last.x0.max(c.x0) as i64 + 1;
            let (small, big) = if c.h() < last.h() {
                (&c, &*last)
            } else {
                (&*last, &c)
            };
            let inside = overlap as f64 >= 0.9 * small.w() as f64;
            let vertical_gap = small.y0.max(big.y0) as i64 - small.y1.min(big.y1) as i64;
            if inside
                && (small.h() as f64) < 0.5 * big.h() as f64
                && vertical_gap < (big.h() / 4) as i64
            {
                last.merge(c);
                continue;
            }
        }
        merged.push(c);
    }
    merged
}

/// Splits a component that is too wide for one digit (touching digits: `٦٦`, `٧٧`) at the
/// columns with the least ink, into `parts` pieces.
fn split(comp: &Component, parts: usize) -> Vec<Component> {
    let w = comp.w();
    let mut ink = vec![0usize; w];
    for &(x, _) in &comp.pixels {
        ink[x - comp.x0] += 1;
    }
    let mut cuts = Vec::new();
    for k in 1..parts {
        let centre = w * k / parts;
        let lo = centre.saturating_sub(w / (2 * parts)).max(1);
        let hi = (centre + w / (2 * parts)).min(w - 1);
        let cut = (lo..=hi)
            .min_by_key(|&c| (ink[c], c.abs_diff(centre)))
            .unwrap_or(centre);
        cuts.push(comp.x0 + cut);
    }
    let mut pieces: Vec<Component> = (0..parts)
        .map(|_| Component {
            x0: usize::MAX,
            y0: usize::MAX,
            x1: 0,
            y1: 0,
            pixels: Vec::new(),
        })
        .collect();
    for &(x, y) in &comp.pixels {
        let i = cuts.iter().filter(|&&c| x >= c).count();
        let p = &mut pieces[i];
        p.x0 = p.x0.min(x);
        p.y0 = p.y0.min(y);
        p.x1 = p.x1.max(x);
        p.y1 = p.y1.max(y);
        p.pixels.push((x, y));
    }
    pieces.retain(|p| !p.pixels.is_empty());
    pieces
}

/// A component's best template: glyph and distance.
fn classify(
    templates: &[Template],
    comp: &Component,
    top: f64,
    height: f64,
    only: impl Fn(char) -> bool,
) -> Option<(char, f64)> {
    let grid = comp.grid();
    let aspect = comp.h() as f64 / comp.w() as f64;
    let rel_h = comp.h() as f64 / height;
    let rel_cy = ((comp.y0 + comp.y1) as f64 / 2.0 - top) / height;
    templates
        .iter()
        .filter(|t| only(t.glyph))
        .map(|t| {
            let shape: f64 = grid
                .iter()
                .zip(t.grid.iter())
                .map(|(a, b)| f64::from((a - b) * (a - b)))
                .sum::<f64>()
                / (N * N) as f64;
            let d = shape
                + REL_WEIGHT * (rel_h - t.rel_h).powi(2)
                + REL_WEIGHT * (rel_cy - t.rel_cy).powi(2)
                + 0.02 * (aspect.ln() - t.aspect.ln()).powi(2);
            (t.glyph, d)
        })
        .min_by(|a, b| a.1.total_cmp(&b.1))
}

/// What the reader made of a word.
#[derive(Debug, Clone, PartialEq)]
pub struct Reading {
    pub text: String,
    /// Mean template distance (lower is surer).
    pub distance: f64,
}

impl DigitReader {
    pub fn new() -> DigitReader {
        DigitReader {
            templates: parse_templates(),
        }
    }

    /// Reads the number in box `b` of the page if it is written with Eastern digits; `None`
    /// when it is written with Western digits, or is not a number.
    pub fn read_eastern(&self, page: &PageImage, b: BBox) -> Option<Reading> {
        let c = crop(page, b)?;
        let comps = components(&c);
        if comps.is_empty() || comps.len() > 24 {
            return None;
        }
        // The digits' height: from the top of the tall components to their median bottom.
        let tallest = comps.iter().map(Component::h).max()?;
        let tall: Vec<&Component> = comps
            .iter()
            .filter(|c| c.h() as f64 >= 0.55 * tallest as f64)
            .collect();
        let top = tall.iter().map(|c| c.y0).min()? as f64;
        let mut bottoms: Vec<usize> = tall.iter().map(|c| c.y1).collect();
        bottoms.sort_unstable();
        let height = (bottoms[bottoms.len() / 2] as f64 - top + 1.0).max(4.0);
        // Touching digits: every Eastern digit is taller than wide, so a tall component wider
        // than it is high holds two or three.
        let comps: Vec<Component> = comps
            .into_iter()
            .flat_map(|c| {
                let ratio = c.w() as f64 / c.h() as f64;
                if c.h() as f64 >= 0.6 * height && ratio > 1.05 {
                    split(&c, if ratio > 1.7 { 3 } else { 2 })
                } else {
                    vec![c]
                }
            })
            .collect();
        // Which script: glyphs that exist in one only decide.
        let mut eastern = 0;
        let mut western = 0;
        for comp in &comps {
            let (g, _) = classify(&self.templates, comp, top, height, |_| true)?;
            match g {
                '٢'..='٨' => eastern += 1,
                '0' | '2'..='8' => western += 1,
                _ => {}
            }
        }
        if eastern == 0 || eastern < western || (comps.len() >= 4 && eastern < 2) {
            return None;
        }
        // Each glyph: its best digit, best date sign and best separator.
        let mut options = Vec::with_capacity(comps.len());
        for comp in &comps {
            let mut o = vec![
                classify(&self.templates, comp, top, height, is_eastern_digit)?,
                classify(&self.templates, comp, top, height, |g| {
                    matches!(g, '/' | '-')
                })?,
                classify(&self.templates, comp, top, height, |g| {
                    matches!(g, '٫' | '٬')
                })?,
            ];
            o.sort_by(|a, b| a.1.total_cmp(&b.1));
            options.push(o);
        }
        let (glyphs, total) = choose_glyphs(&options);
        let distance = total / comps.len() as f64;
        if distance > MAX_MEAN_DISTANCE {
            return None;
        }
        Some(Reading {
            text: with_separators(&glyphs),
            distance,
        })
    }

    /// Reads again the number-like words of Arabic lines, replacing Tesseract's text when the
    /// number is written with Eastern digits. Neighbouring candidate words are read as one
    /// number first (Tesseract often cuts Eastern numbers in two), then one by one.
    ///
    /// `page` is the page before cleaning and `scale` how much the boxes' page was enlarged
    /// (boxes are divided by it to cut from `page`): the smoothing that helps Tesseract makes
    /// neighbouring digits touch.
    pub fn apply(&self, page: &PageImage, scale: f64, lines: &mut [OcrLine]) -> DigitPass {
        let mut pass = DigitPass::default();
        // Tesseract with Arabic loaded turns specks of English pages into Arabic letters: only
        // confident Arabic words count.
        let arabic_word = |w: &OcrWord| {
            w.confidence >= 0.6 && w.text.chars().filter(|c| is_arabic_letter(*c)).count() >= 2
        };
        let arabic_words = lines
            .iter()
            .flat_map(|l| l.words.iter())
            .filter(|w| arabic_word(w))
            .count();
        if arabic_words < 5 {
            return pass;
        }
        for line in lines.iter_mut() {
            // A line of Arabic text, or a row of numbers in an Arabic table.
            let latin = line.words.iter().any(|w| {
                w.confidence >= 0.6 && w.text.chars().filter(char::is_ascii_alphabetic).count() >= 3
            });
            if !line.words.iter().any(arabic_word) && latin {
                continue;
            }
            let h = (line.bbox.y1 - line.bbox.y0).max(1.0);
            let candidate: Vec<bool> = line
                .words
                .iter()
                .map(|w| {
                    let letters = w.text.chars().filter(|c| is_arabic_letter(*c)).count();
                    let numberish = w
                        .text
                        .chars()
                        .any(|c| c.is_ascii_alphanumeric() || is_eastern_digit(c));
                    (letters == 0 && numberish)
                        || (letters > 0 && w.confidence < 0.85 && w.text.chars().count() <= 12)
                })
                .collect();
            let mut new_words: Vec<OcrWord> = Vec::with_capacity(line.words.len());
            let mut i = 0;
            let mut changed = false;
            while i < line.words.len() {
                if !candidate[i] {
                    new_words.push(line.words[i].clone());
                    i += 1;
                    continue;
                }
                // The run of neighbouring candidates starting here.
                let mut j = i + 1;
                while j < line.words.len() && candidate[j] && {
                    let (a, b) = (&line.words[j - 1].bbox, &line.words[j].bbox);
                    (a.x0 - b.x1).max(b.x0 - a.x1) < 0.6 * h
                } {
                    j += 1;
                }
                pass.candidates += j - i;
                let run = &line.words[i..j];
                let joined = run
                    .iter()
                    .map(|w| w.bbox)
                    .reduce(BBox::union)
                    .unwrap_or(run[0].bbox);
                let unscale = |b: BBox| BBox {
                    x0: b.x0 / scale,
                    y0: b.y0 / scale,
                    x1: b.x1 / scale,
                    y1: b.y1 / scale,
                };
                let whole = if j - i > 1 {
                    self.read_eastern(page, unscale(joined))
                } else {
                    None
                };
                if let Some(reading) = whole {
                    new_words.push(OcrWord {
                        text: reading.text,
                        bbox: joined,
                        confidence: (0.95 - 4.0 * reading.distance).clamp(0.3, 0.95),
                    });
                    pass.rewritten += j - i;
                    changed = true;
                } else {
                    for w in run {
                        match self.read_eastern(page, unscale(w.bbox)) {
                            Some(reading) if reading.text != w.text => {
                                new_words.push(OcrWord {
                                    text: reading.text,
                                    bbox: w.bbox,
                                    confidence: (0.95 - 4.0 * reading.distance).clamp(0.3, 0.95),
                                });
                                pass.rewritten += 1;
                                changed = true;
                            }
                            _ => new_words.push(w.clone()),
                        }
                    }
                }
                i = j;
            }
            if changed {
                line.words = new_words;
                line.text = line
                    .words
                    .iter()
                    .map(|w| w.text.as_str())
                    .collect::<Vec<_>>()
                    .join(" ");
                line.confidence =
                    line.words.iter().map(|w| w.confidence).sum::<f64>() / line.words.len() as f64;
            }
        }
        pass
    }
}

/// Whether glyphs form a number: digits with thousands groups of three and at most one
/// decimal part of one or two digits, or a date (`d/m/y`, `y-m-d`: one kind of sign, three
/// parts).
fn well_formed(glyphs: &[char]) -> bool {
    let is_sep = |g: &char| matches!(g, '٫' | '٬');
    let is_date_sign = |g: &char| matches!(g, '/' | '-');
    if glyphs.iter().any(is_date_sign) {
        if glyphs.iter().any(is_sep) {
            return false;
        }
        let signs: Vec<char> = glyphs.iter().copied().filter(is_date_sign).collect();
        if signs.len() != 2 || signs[0] != signs[1] {
            return false;
        }
        let parts: Vec<usize> = glyphs.split(is_date_sign).map(<[char]>::len).collect();
        return matches!(parts.as_slice(), [1..=2, 1..=2, 2 | 4] | [4, 1..=2, 1..=2]);
    }
    let groups: Vec<&[char]> = glyphs.split(is_sep).collect();
    if groups.iter().any(|g| g.is_empty()) {
        return false;
    }
    match groups.len() {
        1 => true,
        n => {
            let last = groups[n - 1].len();
            let middle_ok = groups[1..n - 1].iter().all(|g| g.len() == 3);
            groups[0].len() <= 3 && middle_ok && (last == 3 || (1..=2).contains(&last))
        }
    }
}

/// Chooses a reading for each glyph among its options (best first): the choice that makes a
/// well-formed number with the smallest total distance. Small glyphs look alike once blurred
/// (٠, ٬, `-`); number syntax tells them apart. Returns the glyphs and the total distance.
fn choose_glyphs(options: &[Vec<(char, f64)>]) -> (Vec<char>, f64) {
    // Glyphs whose second option is nearly as good as the first.
    let open: Vec<usize> = (0..options.len())
        .filter(|&i| options[i].len() > 1 && options[i][1].1 < options[i][0].1 + 0.04)
        .take(8)
        .collect();
    let mut best: Option<(Vec<char>, f64, bool)> = None;
    for mask in 0u32..(1 << open.len()) {
        let mut glyphs: Vec<char> = options.iter().map(|o| o[0].0).collect();
        let mut total: f64 = options.iter().map(|o| o[0].1).sum();
        for (k, &i) in open.iter().enumerate() {
            if mask & (1 << k) != 0 {
                glyphs[i] = options[i][1].0;
                total += options[i][1].1 - options[i][0].1;
            }
        }
        let ok = well_formed(&glyphs);
        let better = match &best {
            None => true,
            Some((_, t, b_ok)) => (ok && !b_ok) || (ok == *b_ok && total < *t),
        };
        if better {
            best = Some((glyphs, total, ok));
        }
    }
    best.map(|(g, t, _)| (g, t)).unwrap_or_default()
}

/// The glyphs as text, separators by number syntax: the last separator before one or two
/// final digits is the decimal sign, the others group thousands.
fn with_separators(glyphs: &[char]) -> String {
    let seps: Vec<usize> = glyphs
        .iter()
        .enumerate()
        .filter(|(_, g)| matches!(g, '٫' | '٬'))
        .map(|(i, _)| i)
        .collect();
    let mut out: String = glyphs.iter().collect();
    if let Some(&last) = seps.last() {
        let after = glyphs.len() - last - 1;
        out = glyphs
            .iter()
            .enumerate()
            .map(|(i, g)| match g {
                '٫' | '٬' if i == last && (1..=2).contains(&after) => '٫',
                '٫' | '٬' => '٬',
                g => *g,
            })
            .collect();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn templates_cover_every_glyph() {
        let t = parse_templates();
        for g in "٠١٢٣٤٥٦٧٨٩٫٬0123456789/-.,".chars() {
            assert!(t.iter().filter(|t| t.glyph == g).count() >= 16, "{g}");
        }
    }

    #[test]
    fn separators_follow_number_syntax() {
        assert_eq!(
            with_separators(&['٣', '٧', '٫', '٩', '٣', '٦', '٬', '٥', '٦']),
            "٣٧٬٩٣٦٫٥٦"
        );
        assert_eq!(with_separators(&['١', '٬', '٢', '٥', '٠']), "١٬٢٥٠");
        assert_eq!(with_separators(&['٢', '٦', '/', '١', '١']), "٢٦/١١");
    }

    #[test]
    fn number_syntax_tells_small_glyphs_apart() {
        assert!(well_formed(&['١', '٬', '٢', '٥', '٠']));
        assert!(well_formed(&['٨', '٦', '٩', '٫', '٨', '٣']));
        assert!(well_formed(&[
            '٢', '١', '/', '٠', '٦', '/', '٢', '٠', '٢', '٥'
        ]));
        assert!(!well_formed(&[
            '٢', '١', '/', '-', '٦', '/', '٢', '٠', '٢', '٥'
        ]));
        assert!(!well_formed(&['١', '٦', '/', '١', '٬', '/', '٢']));
        assert!(!well_formed(&['١', '٬', '٢', '٣', '٤', '٥']));
        assert!(!well_formed(&['١', '٬', '٢', '٬', '٣']));
        let o = |v: &[(char, f64)]| v.to_vec();
        // The fourth glyph looks a little more like `-` than ٠, but only ٠ makes a date.
        let date = [
            o(&[('٢', 0.01), ('/', 0.3), ('٬', 0.3)]),
            o(&[('١', 0.01), ('/', 0.2), ('٬', 0.3)]),
            o(&[('/', 0.02), ('١', 0.2), ('٬', 0.3)]),
            o(&[('-', 0.04), ('٠', 0.05), ('٬', 0.06)]),
            o(&[('٦', 0.01), ('/', 0.3), ('٬', 0.3)]),
            o(&[('/', 0.02), ('١', 0.2), ('٬', 0.3)]),
            o(&[('٢', 0.01), ('/', 0.3), ('٬', 0.3)]),
            o(&[('٠', 0.02), ('٬', 0.1), ('-', 0.1)]),
        ];
        assert_eq!(
            choose_glyphs(&date).0,
            ['٢', '١', '/', '٠', '٦', '/', '٢', '٠']
        );
        // A separator where the groups need one: with a ٠ the first group would have six
        // digits before a thousands sign.
        let amount = [
            o(&[('٣', 0.01), ('/', 0.3)]),
            o(&[('٧', 0.01), ('/', 0.3)]),
            o(&[('٠', 0.05), ('٬', 0.06)]),
            o(&[('٩', 0.01), ('/', 0.3)]),
            o(&[('٣', 0.01), ('/', 0.3)]),
            o(&[('٦', 0.01), ('/', 0.3)]),
            o(&[('٬', 0.01), ('٠', 0.3)]),
            o(&[('٥', 0.01), ('/', 0.3)]),
            o(&[('٠', 0.01), ('٬', 0.3)]),
            o(&[('٠', 0.01), ('٬', 0.3)]),
        ];
        assert_eq!(with_separators(&choose_glyphs(&amount).0), "٣٧٬٩٣٦٬٥٠٠");
    }
}
