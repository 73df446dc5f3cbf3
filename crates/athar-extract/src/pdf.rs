//! PDF pages: the text layer with positions, and the page image of scanned pages.
//!
//! Why our own content-stream walk instead of lopdf's `extract_text`: we need where each
//! glyph is (to group glyphs into lines, to insert the spaces PDF producers leave out, and to
//! give a field's box for review), and we need each glyph as a unit so that the visual order
//! PDF producers use for Arabic can be put back in logical order ([`crate::bidi`]) without
//! breaking ligatures. lopdf still does the parsing, decompression, fonts' ToUnicode maps and
//! encryption. A page whose text layer is (nearly) empty and which draws one large image is a
//! scan: that image is decoded for OCR ([`crate::raster`]).

use std::collections::BTreeMap;

use lopdf::content::Content;
use lopdf::Encoding;
use lopdf::{Dictionary, Document, Object, ObjectId};

use crate::bidi::visual_to_logical;
use crate::engine::PageImage;
use crate::error::ExtractError;
use crate::model::{BBox, CoordUnit, TextLine, TextMethod, TextPage};
use crate::raster::{self, Limits};

/// Bound on what one stream may inflate to (content streams, images).
const MAX_STREAM_BYTES: usize = 256 * 1024 * 1024;
/// Form XObjects nested deeper than this are ignored (guards against cycles).
const MAX_FORM_DEPTH: usize = 4;
/// Pages with fewer non-blank characters than this count as having no text layer.
pub const MIN_TEXT_CHARS: usize = 20;

/// What one PDF page gives.
#[derive(Debug, Clone)]
pub enum PdfPage {
    /// A page with a text layer.
    Text(TextPage),
    /// A scanned page: its image, to OCR; `size` is the page size in points.
    Scan {
        number: u32,
        image: PageImage,
        /// The text layer, if any (a few characters, a stamp).
        text: TextPage,
    },
    /// A page with neither text nor a readable image; `reason` is a Fluent key.
    Unreadable {
        text: TextPage,
        reason: &'static str,
    },
}

/// Opens a PDF, checking for encryption and damage.
pub fn open(bytes: &[u8], max_pages: usize) -> Result<Document, ExtractError> {
    let doc = Document::load_mem(bytes).map_err(|e| match e {
        lopdf::Error::InvalidPassword | lopdf::Error::Decryption(_) => ExtractError::EncryptedPdf,
        other => ExtractError::DamagedPdf {
            detail: other.to_string(),
        },
    })?;
    // lopdf opens documents encrypted with an empty user password (owner-only protection)
    // by itself; one that needs a real password stays without a decryption state.
    if doc.trailer.has(b"Encrypt") && doc.encryption_state.is_none() {
        return Err(ExtractError::EncryptedPdf);
    }
    let pages = doc.get_pages().len();
    if pages == 0 {
        return Err(ExtractError::DamagedPdf {
            detail: "no pages".into(),
        });
    }
    if pages > max_pages {
        return Err(ExtractError::TooManyPages {
            pages,
            max: max_pages,
        });
    }
    Ok(doc)
}

/// Reads every page of `doc`: text layers, or page images of scans.
pub fn read_pages(doc: &Document, limits: &Limits) -> Result<Vec<PdfPage>, ExtractError> {
    let mut out = Vec::new();
    for (number, page_id) in doc.get_pages() {
        out.push(read_page(doc, number, page_id, limits)?);
    }
    Ok(out)
}

fn read_page(
    doc: &Document,
    number: u32,
    page_id: ObjectId,
    limits: &Limits,
) -> Result<PdfPage, ExtractError> {
    let page = doc.get_dictionary(page_id).map_err(damaged)?;
    let (width, height) = page_size(doc, page);
    let mut walker = Walker {
        doc,
        glyphs: Vec::new(),
        images: Vec::new(),
        fonts: BTreeMap::new(),
    };
    let content = doc
        .get_page_content_with_limit(page_id, MAX_STREAM_BYTES)
        .map_err(damaged)?;
    let resources = page_resources(doc, page_id);
    walker.walk(&content, &resources, IDENTITY, 0);
    let lines = build_lines(walker.glyphs, height);
    let text = TextPage {
        number,
        method: TextMethod::TextLayer,
        width,
        height,
        unit: CoordUnit::Points,
        lines,
    };
    if text.char_count() >= MIN_TEXT_CHARS {
        return Ok(PdfPage::Text(text));
    }
    // A scan: the largest image drawn on the page, if it covers a good part of it.
    let page_area = (width * height).max(1.0);
    let best = walker
        .images
        .iter()
        .max_by(|a, b| a.area.total_cmp(&b.area))
        .cloned();
    let Some(placed) = best.filter(|p| p.area >= 0.25 * page_area) else {
        let reason = if text.char_count() > 0 || !walker.images.is_empty() {
            "doc-warn-page-no-text"
        } else {
            "doc-warn-page-empty"
        };
        return Ok(PdfPage::Unreadable { text, reason });
    };
    let dpi_from_page = |px: u32, pt: f64| -> Option<u32> {
        (pt > 1.0).then(|| (f64::from(px) * 72.0 / pt).round() as u32)
    };
    match decode_image(doc, placed.id, limits) {
        Ok(mut image) => {
            image.dpi = dpi_from_page(image.width, placed.drawn_width);
            if placed.rotation != 0 {
                image = raster::rotate(image, placed.rotation);
            }
            Ok(PdfPage::Scan {
                number,
                image,
                text,
            })
        }
        Err(ImageProblem::Fatal(e)) => Err(e),
        Err(ImageProblem::Unsupported) => Ok(PdfPage::Unreadable {
            text,
            reason: "doc-warn-image-unsupported",
        }),
    }
}

fn damaged(e: lopdf::Error) -> ExtractError {
    ExtractError::DamagedPdf {
        detail: e.to_string(),
    }
}

/// MediaBox width and height in points (inherited from the page tree if need be).
fn page_size(doc: &Document, page: &Dictionary) -> (f64, f64) {
    let mut node = Some(page);
    let mut depth = 0;
    while let Some(n) = node {
        if let Ok(obj) = n.get(b"MediaBox") {
            let arr = doc
                .dereference(obj)
                .ok()
                .and_then(|(_, o)| o.as_array().ok());
            if let Some(arr) = arr {
                let v: Vec<f64> = arr
                    .iter()
                    .filter_map(|o| o.as_float().ok().map(f64::from))
                    .collect();
                if v.len() == 4 {
                    return ((v[2] - v[0]).abs(), (v[3] - v[1]).abs());
                }
            }
        }
        depth += 1;
        if depth > 32 {
            break;
        }
        node = n
            .get(b"Parent")
            .and_then(Object::as_reference)
            .and_then(|id| doc.get_dictionary(id))
            .ok();
    }
    (612.0, 792.0)
}

/// The page's resource dictionary: its own, then what it inherits. Categories (`/Font`,
/// `/XObject`) are resolved to dictionaries and merged name by name, the nearest first.
/// (lopdf's `Dictionary::extend` would turn a name found twice into an array.)
fn page_resources(doc: &Document, page_id: ObjectId) -> Dictionary {
    let mut dicts: Vec<&Dictionary> = Vec::new();
    if let Ok((inline, refs)) = doc.get_page_resources(page_id) {
        dicts.extend(inline);
        let mut seen = Vec::new();
        for id in refs {
            if !seen.contains(&id) {
                seen.push(id);
                if let Ok(d) = doc.get_dictionary(id) {
                    dicts.push(d);
                }
            }
        }
    }
    let mut out = Dictionary::new();
    for d in dicts {
        for (key, value) in d.iter() {
            let resolved = doc.dereference(value).map(|(_, o)| o).unwrap_or(value);
            match (out.get_mut(key), resolved) {
                (Ok(Object::Dictionary(have)), Object::Dictionary(more)) => {
                    for (k, v) in more.iter() {
                        if !have.has(k) {
                            have.set(k.clone(), v.clone());
                        }
                    }
                }
                (Ok(_), _) => {}
                (Err(_), v) => out.set(key.clone(), v.clone()),
            }
        }
    }
    out
}

type Matrix = [f64; 6];
const IDENTITY: Matrix = [1.0, 0.0, 0.0, 1.0, 0.0, 0.0];

/// `a × b`: apply `a`, then `b` (PDF row-vector convention).
fn mul(a: &Matrix, b: &Matrix) -> Matrix {
    [
        a[0] * b[0] + a[1] * b[2],
        a[0] * b[1] + a[1] * b[3],
        a[2] * b[0] + a[3] * b[2],
        a[2] * b[1] + a[3] * b[3],
        a[4] * b[0] + a[5] * b[2] + b[4],
        a[4] * b[1] + a[5] * b[3] + b[5],
    ]
}

/// One shown glyph, in user space (PDF origin, bottom left).
#[derive(Debug, Clone)]
struct Glyph {
    text: String,
    x: f64,
    y: f64,
    /// Advance width in user space.
    w: f64,
    /// Font size in user space.
    size: f64,
}

#[derive(Debug, Clone)]
struct PlacedImage {
    id: ObjectId,
    area: f64,
    drawn_width: f64,
    /// Clockwise rotation needed to make the image upright, from the drawing matrix.
    rotation: u16,
}

/// How to read a font's codes: code length, Unicode mapping, widths.
struct FontInfo {
    /// For one-byte fonts, the text of each code, decoded once.
    table: Vec<String>,
    /// For two-byte (CID) fonts, the ToUnicode map.
    cmap: Option<Encoding<'static>>,
    two_byte: bool,
    widths: Widths,
}

impl FontInfo {
    fn decode(&self, code: &[u8]) -> String {
        if self.two_byte {
            self.cmap
                .as_ref()
                .and_then(|e| e.bytes_to_string(code).ok())
                .unwrap_or_default()
        } else {
            code.first()
                .and_then(|b| self.table.get(usize::from(*b)))
                .cloned()
                .unwrap_or_default()
        }
    }
}

enum Widths {
    Simple {
        first: i64,
        widths: Vec<f64>,
        missing: f64,
    },
    Cid {
        map: BTreeMap<u32, f64>,
        default: f64,
    },
}

impl Widths {
    fn get(&self, code: u32) -> f64 {
        match self {
            Widths::Simple {
                first,
                widths,
                missing,
            } => {
                let i = i64::from(code) - first;
                if i >= 0 {
                    widths.get(i as usize).copied().unwrap_or(*missing)
                } else {
                    *missing
                }
            }
            Widths::Cid { map, default } => map.get(&code).copied().unwrap_or(*default),
        }
    }
}

fn num(o: &Object) -> Option<f64> {
    o.as_float().ok().map(f64::from)
}

fn font_info<'a>(doc: &'a Document, font: &'a Dictionary) -> FontInfo {
    let subtype = font
        .get(b"Subtype")
        .and_then(Object::as_name)
        .unwrap_or(b"");
    let two_byte = subtype == b"Type0";
    // A ToUnicode map says what each code means, whatever the /Encoding: prefer it (subset
    // fonts of office suites name WinAnsi but number their glyphs 1, 2, 3...). lopdf reads
    // /Encoding first, so it is asked about a copy without it.
    let to_unicode = font.has(b"ToUnicode").then(|| {
        let mut copy = font.clone();
        copy.remove(b"Encoding");
        match copy.get_font_encoding_with_limit(doc, MAX_STREAM_BYTES) {
            Ok(Encoding::UnicodeMapEncoding(map)) => Some(Encoding::UnicodeMapEncoding(map)),
            _ => None,
        }
    });
    let to_unicode = to_unicode.flatten();
    let (table, cmap) = if two_byte {
        (Vec::new(), to_unicode)
    } else {
        let encoding = to_unicode.or_else(|| {
            font.get_font_encoding_with_limit(doc, MAX_STREAM_BYTES)
                .ok()
        });
        let table = (0u8..=255)
            .map(|b| {
                encoding
                    .as_ref()
                    .and_then(|e| e.bytes_to_string(&[b]).ok())
                    .unwrap_or_default()
            })
            .collect();
        (table, None)
    };
    let deref = |o: &'a Object| doc.dereference(o).ok().map(|(_, o)| o);
    let widths = if two_byte {
        let desc = font
            .get(b"DescendantFonts")
            .ok()
            .and_then(deref)
            .and_then(|o| o.as_array().ok())
            .and_then(|a| a.first())
            .and_then(deref)
            .and_then(|o| o.as_dict().ok());
        let default = desc
            .and_then(|d| d.get(b"DW").ok())
            .and_then(num)
            .unwrap_or(1000.0);
        let mut map = BTreeMap::new();
        if let Some(w) = desc
            .and_then(|d| d.get(b"W").ok())
            .and_then(deref)
            .and_then(|o| o.as_array().ok())
        {
            let mut i = 0;
            while i < w.len() {
                let Some(first) = num(&w[i]) else { break };
                let first = first as u32;
                match w.get(i + 1).and_then(deref) {
                    Some(Object::Array(list)) => {
                        for (k, v) in list.iter().enumerate().take(65_536) {
                            if let Some(v) = num(v) {
                                map.insert(first + k as u32, v);
                            }
                        }
                        i += 2;
                    }
                    Some(last) => {
                        let (Some(last), Some(v)) = (num(last), w.get(i + 2).and_then(num)) else {
                            break;
                        };
                        let last = (last as u32).min(first.saturating_add(65_536));
                        for c in first..=last {
                            map.insert(c, v);
                        }
                        i += 3;
                    }
                    None => break,
                }
            }
        }
        Widths::Cid { map, default }
    } else {
        let first = font.get(b"FirstChar").ok().and_then(num).unwrap_or(0.0) as i64;
        let widths = font
            .get(b"Widths")
            .ok()
            .and_then(deref)
            .and_then(|o| o.as_array().ok())
            .map(|a| a.iter().map(|o| num(o).unwrap_or(0.0)).collect())
            .unwrap_or_default();
        let missing = font
            .get(b"FontDescriptor")
            .ok()
            .and_then(deref)
            .and_then(|o| o.as_dict().ok())
            .and_then(|d| d.get(b"MissingWidth").ok())
            .and_then(num)
            .unwrap_or(500.0);
        Widths::Simple {
            first,
            widths,
            missing,
        }
    };
    FontInfo {
        table,
        cmap,
        two_byte,
        widths,
    }
}

#[derive(Clone)]
struct TextState {
    /// Key of the current font in [`Walker::fonts`].
    font: Option<String>,
    size: f64,
    char_space: f64,
    word_space: f64,
    scale: f64,
    leading: f64,
    rise: f64,
}

struct Walker<'a> {
    doc: &'a Document,
    glyphs: Vec<Glyph>,
    images: Vec<PlacedImage>,
    fonts: BTreeMap<String, FontInfo>,
}

impl<'a> Walker<'a> {
    fn walk(&mut self, content: &[u8], resources: &Dictionary, base: Matrix, depth: usize) {
        // A content stream that does not parse yields what was read before the damage.
        let ops = match Content::decode(content) {
            Ok(c) => c.operations,
            Err(_) => return,
        };
        let fonts = resources
            .get(b"Font")
            .ok()
            .and_then(|o| self.doc.dereference(o).ok())
            .and_then(|(_, o)| o.as_dict().ok())
            .cloned()
            .unwrap_or_default();
        let xobjects = resources
            .get(b"XObject")
            .ok()
            .and_then(|o| self.doc.dereference(o).ok())
            .and_then(|(_, o)| o.as_dict().ok())
            .cloned()
            .unwrap_or_default();
        let mut ctm = base;
        let mut stack: Vec<(Matrix, TextState)> = Vec::new();
        let mut ts = TextState {
            font: None,
            size: 0.0,
            char_space: 0.0,
            word_space: 0.0,
            scale: 1.0,
            leading: 0.0,
            rise: 0.0,
        };
        let mut tm = IDENTITY;
        let mut tlm = IDENTITY;
        for op in ops {
            let o = &op.operands;
            let f = |i: usize| o.get(i).and_then(num).unwrap_or(0.0);
            match op.operator.as_str() {
                "q" if stack.len() < 64 => stack.push((ctm, ts.clone())),
                "Q" => {
                    if let Some((m, t)) = stack.pop() {
                        ctm = m;
                        ts = t;
                    }
                }
                "cm" => ctm = mul(&[f(0), f(1), f(2), f(3), f(4), f(5)], &ctm),
                "BT" => {
                    tm = IDENTITY;
                    tlm = IDENTITY;
                }
                "Tf" => {
                    let name = o.first().and_then(|n| n.as_name().ok()).unwrap_or(b"");
                    ts.size = f(1);
                    // Fonts are keyed by object id, or, when given inline in the resources,
                    // by where that dictionary lives.
                    ts.font = match fonts.get(name) {
                        Ok(Object::Reference(id)) => {
                            let key = format!("r{}/{}", id.0, id.1);
                            if !self.fonts.contains_key(&key) {
                                if let Ok(dict) = self.doc.get_dictionary(*id) {
                                    self.fonts.insert(key.clone(), font_info(self.doc, dict));
                                }
                            }
                            Some(key)
                        }
                        Ok(Object::Dictionary(dict)) => {
                            let key = format!("i{:p}", dict as *const Dictionary);
                            if !self.fonts.contains_key(&key) {
                                self.fonts.insert(key.clone(), font_info(self.doc, dict));
                            }
                            Some(key)
                        }
                        _ => None,
                    };
                }
                "Tc" => ts.char_space = f(0),
                "Tw" => ts.word_space = f(0),
                "Tz" => ts.scale = f(0) / 100.0,
                "TL" => ts.leading = f(0),
                "Ts" => ts.rise = f(0),
                "Td" => {
                    tlm = mul(&[1.0, 0.0, 0.0, 1.0, f(0), f(1)], &tlm);
                    tm = tlm;
                }
                "TD" => {
                    ts.leading = -f(1);
                    tlm = mul(&[1.0, 0.0, 0.0, 1.0, f(0), f(1)], &tlm);
                    tm = tlm;
                }
                "Tm" => {
                    tlm = [f(0), f(1), f(2), f(3), f(4), f(5)];
                    tm = tlm;
                }
                "T*" => {
                    tlm = mul(&[1.0, 0.0, 0.0, 1.0, 0.0, -ts.leading], &tlm);
                    tm = tlm;
                }
                "Tj" | "'" | "\"" => {
                    if op.operator == "'" || op.operator == "\"" {
                        if op.operator == "\"" {
                            ts.word_space = f(0);
                            ts.char_space = f(1);
                        }
                        tlm = mul(&[1.0, 0.0, 0.0, 1.0, 0.0, -ts.leading], &tlm);
                        tm = tlm;
                    }
                    if let Some(s) = o.last().and_then(|s| s.as_str().ok()) {
                        self.show(s, &ts, &mut tm, &ctm);
                    }
                }
                "TJ" => {
                    if let Some(arr) = o.first().and_then(|a| a.as_array().ok()) {
                        for item in arr {
                            match item {
                                Object::String(s, _) => self.show(s, &ts, &mut tm, &ctm),
                                other => {
                                    if let Some(n) = num(other) {
                                        let tx = -n / 1000.0 * ts.size * ts.scale;
                                        tm = mul(&[1.0, 0.0, 0.0, 1.0, tx, 0.0], &tm);
                                    }
                                }
                            }
                        }
                    }
                }
                "Do" => {
                    let name = o.first().and_then(|n| n.as_name().ok()).unwrap_or(b"");
                    let Some(id) = xobjects.get(name).ok().and_then(|o| o.as_reference().ok())
                    else {
                        continue;
                    };
                    let Ok(stream) = self.doc.get_object(id).and_then(Object::as_stream) else {
                        continue;
                    };
                    match stream.dict.get(b"Subtype").and_then(Object::as_name) {
                        Ok(b"Image") => {
                            // The image fills the unit square mapped by the CTM.
                            let corners =
                                [(0.0, 0.0), (1.0, 0.0), (0.0, 1.0), (1.0, 1.0)].map(|(x, y)| {
                                    (
                                        x * ctm[0] + y * ctm[2] + ctm[4],
                                        x * ctm[1] + y * ctm[3] + ctm[5],
                                    )
                                });
                            let xs = corners.map(|c| c.0);
                            let ys = corners.map(|c| c.1);
                            let w = xs.iter().cloned().fold(f64::MIN, f64::max)
                                - xs.iter().cloned().fold(f64::MAX, f64::min);
                            let h = ys.iter().cloned().fold(f64::MIN, f64::max)
                                - ys.iter().cloned().fold(f64::MAX, f64::min);
                            self.images.push(PlacedImage {
                                id,
                                area: w * h,
                                drawn_width: w,
                                rotation: rotation_of(&ctm),
                            });
                        }
                        Ok(b"Form") if depth < MAX_FORM_DEPTH => {
                            let matrix = stream
                                .dict
                                .get(b"Matrix")
                                .and_then(Object::as_array)
                                .ok()
                                .map(|a| a.iter().map(|o| num(o).unwrap_or(0.0)).collect())
                                .filter(|v: &Vec<f64>| v.len() == 6)
                                .map(|v| [v[0], v[1], v[2], v[3], v[4], v[5]])
                                .unwrap_or(IDENTITY);
                            let form_resources = stream
                                .dict
                                .get(b"Resources")
                                .ok()
                                .and_then(|o| self.doc.dereference(o).ok())
                                .and_then(|(_, o)| o.as_dict().ok())
                                .cloned()
                                .unwrap_or_else(|| resources.clone());
                            if let Ok(content) =
                                stream.decompressed_content_with_limit(MAX_STREAM_BYTES)
                            {
                                self.walk(&content, &form_resources, mul(&matrix, &ctm), depth + 1);
                            } else if stream.filters().map(|f| f.is_empty()).unwrap_or(true) {
                                let content = stream.content.clone();
                                self.walk(&content, &form_resources, mul(&matrix, &ctm), depth + 1);
                            }
                        }
                        _ => {}
                    }
                }
                _ => {}
            }
        }
    }

    fn show(&mut self, bytes: &[u8], ts: &TextState, tm: &mut Matrix, ctm: &Matrix) {
        let Some(font) = ts.font.as_ref().and_then(|k| self.fonts.get(k)) else {
            return;
        };
        let step = if font.two_byte { 2 } else { 1 };
        for chunk in bytes.chunks(step) {
            let code = chunk.iter().fold(0u32, |acc, b| acc * 256 + u32::from(*b));
            let text = font.decode(chunk);
            let w0 = font.widths.get(code) / 1000.0;
            let word_space = if !font.two_byte && code == 32 {
                ts.word_space
            } else {
                0.0
            };
            let tx = (w0 * ts.size + ts.char_space + word_space) * ts.scale;
            let trm = mul(
                &mul(&[ts.size * ts.scale, 0.0, 0.0, ts.size, 0.0, ts.rise], tm),
                ctm,
            );
            let m = mul(tm, ctm);
            let sx = (m[0] * m[0] + m[1] * m[1]).sqrt();
            let size = (trm[2] * trm[2] + trm[3] * trm[3]).sqrt();
            let text = letters_of_presentation_forms(&text);
            if !text.is_empty() && size > 0.0 {
                self.glyphs.push(Glyph {
                    text,
                    x: trm[4],
                    y: trm[5],
                    w: tx * sx,
                    size,
                });
            }
            *tm = mul(&[1.0, 0.0, 0.0, 1.0, tx, 0.0], tm);
        }
    }
}

/// Arabic presentation forms (the shaped glyph forms some producers map glyphs to, `ﺷﺮﻛﺔ`)
/// become the letters they show (`شركة`, NFKC); control characters are dropped. Other text
/// is left as printed.
fn letters_of_presentation_forms(text: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_control() || c == '\u{FFFD}' || c == '\u{FEFF}' {
            continue;
        }
        if matches!(c, '\u{FB50}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFE}') {
            out.extend(std::iter::once(c).nfkc());
        } else {
            out.push(c);
        }
    }
    out
}

/// The clockwise rotation (0, 90, 180, 270) that makes an image drawn with `m` upright.
fn rotation_of(m: &Matrix) -> u16 {
    let (a, b) = (m[0], m[1]);
    let (c, d) = (m[2], m[3]);
    if a.abs() >= b.abs() && d.abs() >= c.abs() {
        if a < 0.0 && d < 0.0 {
            180
        } else {
            0
        }
    } else if b > 0.0 {
        // x axis maps to up: image is rotated 90° anticlockwise on the page.
        270
    } else {
        90
    }
}

/// Groups glyphs into lines by baseline, orders each line left to right, inserts spaces at
/// gaps, and restores logical order of right-to-left text.
fn build_lines(mut glyphs: Vec<Glyph>, page_height: f64) -> Vec<TextLine> {
    glyphs.retain(|g| g.x.is_finite() && g.y.is_finite() && g.size.is_finite());
    // Top to bottom (PDF y grows upwards), then left to right.
    glyphs.sort_by(|a, b| b.y.total_cmp(&a.y).then(a.x.total_cmp(&b.x)));
    let mut lines: Vec<Vec<Glyph>> = Vec::new();
    for g in glyphs {
        match lines.last_mut() {
            Some(line)
                if {
                    let ly = line[0].y;
                    let ls = line[0].size.min(g.size);
                    (ly - g.y).abs() <= 0.4 * ls
                } =>
            {
                line.push(g)
            }
            _ => lines.push(vec![g]),
        }
    }
    // First the units of every line, then the page's direction, then logical order.
    let mut prepared: Vec<(Vec<Glyph>, Vec<String>)> = Vec::new();
    for mut line in lines {
        line.sort_by(|a, b| a.x.total_cmp(&b.x));
        // Drop duplicated glyphs (fake bold drawn twice at the same place).
        line.dedup_by(|b, a| a.text == b.text && (a.x - b.x).abs() < 0.1 * a.size.max(1.0));
        let mut units: Vec<String> = Vec::new();
        let mut end_prev: Option<f64> = None;
        let size = line.iter().map(|g| g.size).fold(0.0, f64::max);
        for g in &line {
            if let Some(e) = end_prev {
                let gap = g.x - e;
                let last_blank = units.last().is_some_and(|u| u.trim().is_empty());
                if !last_blank && !g.text.trim().is_empty() {
                    if gap > 1.5 * size {
                        units.push("\t".into());
                    } else if gap > 0.2 * g.size {
                        units.push(" ".into());
                    }
                }
            }
            units.push(g.text.clone());
            end_prev = Some(g.x + g.w.max(0.0));
        }
        prepared.push((line, units));
    }
    let (rtl, ltr) = prepared.iter().fold((0, 0), |(r, l), (_, units)| {
        let text = units.concat();
        match (
            crate::bidi::has_strong(&text),
            crate::bidi::is_rtl_line(&text),
        ) {
            (false, _) => (r, l),
            (true, true) => (r + 1, l),
            (true, false) => (r, l + 1),
        }
    });
    let page_rtl = rtl > ltr;
    let mut out = Vec::new();
    for (line, units) in prepared {
        let size = line.iter().map(|g| g.size).fold(0.0, f64::max);
        let text = visual_to_logical(&units, page_rtl);
        let text = text.trim().to_string();
        if text.is_empty() {
            continue;
        }
        let x0 = line.iter().map(|g| g.x).fold(f64::MAX, f64::min);
        let x1 = line
            .iter()
            .map(|g| g.x + g.w.max(0.0))
            .fold(f64::MIN, f64::max);
        let base = line[0].y;
        out.push(TextLine {
            text,
            bbox: Some(BBox {
                x0,
                y0: page_height - (base + 0.8 * size),
                x1,
                y1: page_height - (base - 0.2 * size),
            }),
            confidence: None,
        });
    }
    out
}

enum ImageProblem {
    Fatal(ExtractError),
    Unsupported,
}

/// Decodes an image XObject to grey pixels.
fn decode_image(doc: &Document, id: ObjectId, limits: &Limits) -> Result<PageImage, ImageProblem> {
    let stream = doc
        .get_object(id)
        .and_then(Object::as_stream)
        .map_err(|e| ImageProblem::Fatal(damaged(e)))?;
    let dict = &stream.dict;
    let get_i = |k: &[u8]| dict.get(k).ok().and_then(|o| o.as_i64().ok());
    let width = get_i(b"Width").unwrap_or(0).max(0) as u64;
    let height = get_i(b"Height").unwrap_or(0).max(0) as u64;
    limits.check(width, height).map_err(ImageProblem::Fatal)?;
    let filters: Vec<Vec<u8>> = stream
        .filters()
        .map(|f| f.into_iter().map(<[u8]>::to_vec).collect())
        .unwrap_or_default();
    let last = filters.last().map(Vec::as_slice);
    match last {
        Some(b"DCTDecode") => {
            let data = if filters.len() > 1 {
                // Flate around DCT: undo the outer filters only.
                let mut s = stream.clone();
                s.dict.set(
                    "Filter",
                    Object::Array(
                        filters[..filters.len() - 1]
                            .iter()
                            .map(|f| Object::Name(f.clone()))
                            .collect(),
                    ),
                );
                s.decompressed_content_with_limit(MAX_STREAM_BYTES)
                    .map_err(|_| ImageProblem::Unsupported)?
            } else {
                stream.content.clone()
            };
            raster::decode(&data, crate::model::FileKind::Jpeg, limits).map_err(ImageProblem::Fatal)
        }
        Some(b"JPXDecode") | Some(b"JBIG2Decode") => Err(ImageProblem::Unsupported),
        Some(b"CCITTFaxDecode") => {
            let params = dict
                .get(b"DecodeParms")
                .ok()
                .and_then(|o| doc.dereference(o).ok())
                .map(|(_, o)| o)
                .and_then(|o| match o {
                    Object::Array(a) => a.last().and_then(|o| o.as_dict().ok()),
                    Object::Dictionary(d) => Some(d),
                    _ => None,
                });
            let k = params
                .and_then(|p| p.get(b"K").ok())
                .and_then(|o| o.as_i64().ok())
                .unwrap_or(0);
            let black_is_1 = params
                .and_then(|p| p.get(b"BlackIs1").ok())
                .and_then(|o| o.as_bool().ok())
                .unwrap_or(false);
            let cols = params
                .and_then(|p| p.get(b"Columns").ok())
                .and_then(|o| o.as_i64().ok())
                .unwrap_or(1728)
                .max(0) as u64;
            let rows = params
                .and_then(|p| p.get(b"Rows").ok())
                .and_then(|o| o.as_i64().ok())
                .map(|r| r.max(0) as u64)
                .unwrap_or(height);
            raster::decode_ccitt(&stream.content, cols, rows, k, black_is_1, limits)
                .map_err(|_| ImageProblem::Unsupported)
        }
        _ => {
            let data = if filters.is_empty() {
                stream.content.clone()
            } else {
                stream
                    .decompressed_content_with_limit(MAX_STREAM_BYTES)
                    .map_err(|_| ImageProblem::Unsupported)?
            };
            let bpc = get_i(b"BitsPerComponent").unwrap_or(8);
            let image_mask = dict
                .get(b"ImageMask")
                .ok()
                .and_then(|o| o.as_bool().ok())
                .unwrap_or(false);
            let colour = if image_mask {
                raster::Colour::Gray
            } else {
                colour_space(doc, dict.get(b"ColorSpace").ok())
            };
            let decode_inverted = dict
                .get(b"Decode")
                .ok()
                .and_then(|o| o.as_array().ok())
                .and_then(|a| a.first().and_then(num))
                .is_some_and(|v| v > 0.5);
            raster::from_raw(
                &data,
                width as u32,
                height as u32,
                bpc as u8,
                colour,
                decode_inverted || image_mask,
            )
            .ok_or(ImageProblem::Unsupported)
        }
    }
}

fn colour_space(doc: &Document, cs: Option<&Object>) -> raster::Colour {
    let Some((_, cs)) = cs.and_then(|o| doc.dereference(o).ok()) else {
        return raster::Colour::Gray;
    };
    match cs {
        Object::Name(n) => match n.as_slice() {
            b"DeviceRGB" | b"CalRGB" => raster::Colour::Rgb,
            b"DeviceCMYK" => raster::Colour::Cmyk,
            _ => raster::Colour::Gray,
        },
        Object::Array(a) => match a.first().and_then(|o| o.as_name().ok()) {
            Some(b"ICCBased") => {
                let n = a
                    .get(1)
                    .and_then(|o| doc.dereference(o).ok())
                    .and_then(|(_, o)| o.as_stream().ok())
                    .and_then(|s| s.dict.get(b"N").ok())
                    .and_then(|o| o.as_i64().ok())
                    .unwrap_or(3);
                match n {
                    1 => raster::Colour::Gray,
                    4 => raster::Colour::Cmyk,
                    _ => raster::Colour::Rgb,
                }
            }
            Some(b"CalRGB") => raster::Colour::Rgb,
            Some(b"Indexed") => {
                let base = colour_space(doc, a.get(1));
                let lookup = a
                    .get(3)
                    .and_then(|o| doc.dereference(o).ok())
                    .and_then(|(_, o)| match o {
                        Object::String(s, _) => Some(s.clone()),
                        Object::Stream(s) => s.decompressed_content().ok(),
                        _ => None,
                    })
                    .unwrap_or_default();
                raster::Colour::Indexed {
                    base: Box::new(base),
                    lookup,
                }
            }
            _ => raster::Colour::Gray,
        },
        _ => raster::Colour::Gray,
    }
}
