//! The Tesseract engine: orientation, skew, recognition in English and Arabic, and the
//! Eastern Arabic digit pass, behind [`athar_extract::PageOcr`].
//!
//! Tesseract is created once and reused page after page (loading `ara+eng` takes longer than
//! reading a page). Words and lines come from Tesseract's TSV output, which lists words in
//! reading order (right to left in Arabic lines) with boxes and confidences.

use athar_extract::{BBox, EngineError, OcrLine, OcrPage, OcrWord, PageImage, PageOcr};

use crate::clean::{clean, Cleaning};
use crate::deskew::{estimate_skew, rotate_small, MIN_CORRECTION_DEGREES};
use crate::digits::{DigitPass, DigitReader};
use crate::osd::{Osd, MIN_ORIENTATION_CONFIDENCE};

/// How to run Tesseract.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OcrSettings {
    /// Tesseract languages, `+`-joined (`ara+eng`).
    pub languages: String,
    /// Languages for pages OSD finds written in Latin script only (`eng`): the Arabic model
    /// turns specks of English pages into Arabic letters, and one model is faster. Empty: use
    /// `languages` everywhere.
    pub latin_languages: String,
    /// Folder of the `.traineddata` files; Tesseract's default (Debian:
    /// `/usr/share/tesseract-ocr/5/tessdata`) when `None`.
    pub datapath: Option<String>,
    /// Detect quarter-turn orientation with OSD.
    pub detect_orientation: bool,
    /// Correct small skew before recognition.
    pub deskew: bool,
    /// Re-read numbers in Arabic lines with the Eastern digit reader.
    pub eastern_digits: bool,
    /// How pages are cleaned before recognition.
    pub cleaning: Cleaning,
}

impl Default for OcrSettings {
    fn default() -> Self {
        OcrSettings {
            languages: "ara+eng".into(),
            latin_languages: "eng".into(),
            datapath: None,
            detect_orientation: true,
            deskew: true,
            eastern_digits: true,
            cleaning: Cleaning::default(),
        }
    }
}

/// Tesseract behind [`PageOcr`].
pub struct TesseractOcr {
    settings: OcrSettings,
    api: Option<tesseract::Tesseract>,
    /// Loaded the first time a Latin-script page comes.
    latin_api: Option<tesseract::Tesseract>,
    /// Whether the page being read is Latin-script only.
    latin_page: bool,
    osd: Option<Osd>,
    digits: DigitReader,
    /// What the digit pass changed on the last page (for the benchmark).
    pub last_digit_pass: DigitPass,
}

fn failed(e: impl std::fmt::Display) -> EngineError {
    EngineError::Failed {
        detail: e.to_string(),
    }
}

impl TesseractOcr {
    /// Loads the language data. A missing language is [`EngineError::Unavailable`].
    pub fn new(settings: OcrSettings) -> Result<TesseractOcr, EngineError> {
        let api = Self::load(&settings)?;
        let osd = if settings.detect_orientation {
            Some(
                Osd::new(settings.datapath.as_deref())
                    .map_err(|detail| EngineError::Unavailable { detail })?,
            )
        } else {
            None
        };
        Ok(TesseractOcr {
            settings,
            api: Some(api),
            latin_api: None,
            latin_page: false,
            osd,
            digits: DigitReader::new(),
            last_digit_pass: DigitPass::default(),
        })
    }

    fn load(settings: &OcrSettings) -> Result<tesseract::Tesseract, EngineError> {
        Self::load_languages(settings, &settings.languages)
    }

    fn load_languages(
        settings: &OcrSettings,
        languages: &str,
    ) -> Result<tesseract::Tesseract, EngineError> {
        tesseract::Tesseract::new(settings.datapath.as_deref(), Some(languages)).map_err(|e| {
            EngineError::Unavailable {
                detail: format!("Tesseract languages {languages}: {e}"),
            }
        })
    }

    /// Decodes an image file (JPEG, PNG, TIFF) and reads it.
    pub fn recognise_file_bytes(&mut self, bytes: &[u8]) -> Result<OcrPage, EngineError> {
        let kind = athar_extract::sniff::sniff(bytes).map_err(failed)?;
        let image = athar_extract::raster::decode(bytes, kind, &athar_extract::Limits::default())
            .map_err(failed)?;
        self.recognise_page(&image)
    }

    /// Orientation, skew, recognition and the digit pass on one page image.
    pub fn recognise_page(&mut self, image: &PageImage) -> Result<OcrPage, EngineError> {
        if image.width < 8 || image.height < 8 {
            return Err(failed("the image is too small to read"));
        }
        let (page, rotation, skew) = self.prepare(image);
        let dpi = page.dpi.unwrap_or_else(|| estimated_dpi(&page));
        let (clean, factor) = clean(&page, dpi, &self.settings.cleaning);
        let tsv = self.tsv(&clean, clean.dpi.unwrap_or(dpi))?;
        let mut lines = parse_tsv(&tsv);
        self.last_digit_pass = if self.settings.eastern_digits {
            self.digits.apply(&page, factor, &mut lines)
        } else {
            DigitPass::default()
        };
        if factor != 1.0 {
            // Boxes in the pixels of the upright page, not of the scaled copy.
            for l in &mut lines {
                l.bbox = scale_box(l.bbox, factor);
                for w in &mut l.words {
                    w.bbox = scale_box(w.bbox, factor);
                }
            }
        }
        let words: Vec<f64> = lines
            .iter()
            .flat_map(|l| l.words.iter().map(|w| w.confidence))
            .collect();
        let mean_confidence = if words.is_empty() {
            0.0
        } else {
            words.iter().sum::<f64>() / words.len() as f64
        };
        Ok(OcrPage {
            width: page.width,
            height: page.height,
            rotation,
            skew_degrees: skew,
            mean_confidence,
            lines,
        })
    }

    /// The page as Tesseract is given it: upright, deskewed, with table rules removed.
    /// Returns the image, the quarter-turn rotation applied and the skew corrected.
    pub fn prepare(&mut self, image: &PageImage) -> (PageImage, u16, f64) {
        let mut rotation = 0;
        let mut upright = None;
        self.latin_page = false;
        if let Some(osd) = self.osd.as_mut() {
            if let Some(found) = osd.detect(image) {
                if found.rotation != 0 && found.confidence >= MIN_ORIENTATION_CONFIDENCE {
                    rotation = found.rotation;
                    upright = Some(athar_extract::raster::rotate(image.clone(), rotation));
                }
                self.latin_page = found.script == "Latin" && found.script_confidence >= 1.0;
            }
        }
        let mut page = upright.unwrap_or_else(|| image.clone());
        let mut skew = 0.0;
        if self.settings.deskew {
            skew = estimate_skew(&page);
            if skew.abs() >= MIN_CORRECTION_DEGREES {
                page = rotate_small(&page, skew);
            } else {
                skew = 0.0;
            }
        }
        (page, rotation, skew)
    }

    fn tsv(&mut self, page: &PageImage, dpi: u32) -> Result<String, EngineError> {
        let latin = self.latin_page && !self.settings.latin_languages.is_empty();
        let slot = if latin {
            &mut self.latin_api
        } else {
            &mut self.api
        };
        let api = match slot.take() {
            Some(api) => api,
            None if latin => Self::load_languages(&self.settings, &self.settings.latin_languages)?,
            None => Self::load(&self.settings)?,
        };
        let (w, h) = (page.width as i32, page.height as i32);
        let mut api = api
            .set_frame(&page.gray, w, h, 1, w)
            .map_err(failed)?
            .set_source_resolution(dpi as i32)
            .recognize()
            .map_err(failed)?;
        let tsv = api.get_tsv_text(0).map_err(failed)?;
        if latin {
            self.latin_api = Some(api);
        } else {
            self.api = Some(api);
        }
        Ok(tsv)
    }
}

impl PageOcr for TesseractOcr {
    fn recognise(&mut self, image: &PageImage) -> Result<OcrPage, EngineError> {
        self.recognise_page(image)
    }
}

fn scale_box(b: BBox, factor: f64) -> BBox {
    BBox {
        x0: b.x0 / factor,
        y0: b.y0 / factor,
        x1: b.x1 / factor,
        y1: b.y1 / factor,
    }
}

/// A resolution for an image that does not say. A page shaped like A4 or Letter is taken to
/// be one (its width is about 8.3 inches); anything else (a receipt, a photo of part of a
/// page) from the height of its letters: the upper quartile of letter heights is about 0.11
/// inch in print of 10 to 12 points, English or Arabic (measured on the corpus scans).
fn estimated_dpi(page: &PageImage) -> u32 {
    let (short, long) = (
        page.width.min(page.height) as f64,
        page.width.max(page.height) as f64,
    );
    let page_shaped = (0.62..=0.82).contains(&(short / long));
    if !page_shaped {
        if let Some(h) = crate::clean::letter_height(page) {
            return ((h / 0.11).round() as u32).clamp(70, 600);
        }
    }
    ((short / 8.27).round() as u32).clamp(70, 600)
}

/// Bidirectional marks Tesseract puts around numbers in Arabic lines.
fn clean_word(text: &str) -> String {
    text.chars()
        .filter(|c| !matches!(c, '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'))
        .collect::<String>()
        .trim()
        .to_string()
}

/// Lines and words of Tesseract's TSV output (level 4 = line, 5 = word).
pub fn parse_tsv(tsv: &str) -> Vec<OcrLine> {
    let mut lines: Vec<(String, OcrLine)> = Vec::new();
    for row in tsv.lines() {
        let cols: Vec<&str> = row.split('\t').collect();
        if cols.len() < 12 {
            continue;
        }
        let Ok(level) = cols[0].parse::<u8>() else {
            continue;
        };
        let key = format!("{}/{}/{}", cols[2], cols[3], cols[4]);
        let num = |i: usize| cols[i].parse::<f64>().unwrap_or(0.0);
        let bbox = BBox {
            x0: num(6),
            y0: num(7),
            x1: num(6) + num(8),
            y1: num(7) + num(9),
        };
        match level {
            4 => lines.push((
                key,
                OcrLine {
                    text: String::new(),
                    bbox,
                    confidence: 0.0,
                    words: Vec::new(),
                },
            )),
            5 => {
                let text = clean_word(cols[11]);
                if text.is_empty() {
                    continue;
                }
                if let Some((_, line)) = lines.iter_mut().rev().find(|(k, _)| *k == key) {
                    line.words.push(OcrWord {
                        text,
                        bbox,
                        confidence: (num(10) / 100.0).clamp(0.0, 1.0),
                    });
                }
            }
            _ => {}
        }
    }
    lines
        .into_iter()
        .filter_map(|(_, mut l)| {
            if l.words.is_empty() {
                return None;
            }
            l.text = l
                .words
                .iter()
                .map(|w| w.text.as_str())
                .collect::<Vec<_>>()
                .join(" ");
            l.confidence = l.words.iter().map(|w| w.confidence).sum::<f64>() / l.words.len() as f64;
            Some(l)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tsv_rows_become_lines_of_words() {
        let tsv = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n\
            1\t1\t0\t0\t0\t0\t0\t0\t800\t600\t-1\t\n\
            4\t1\t1\t1\t1\t0\t10\t20\t300\t30\t-1\t\n\
            5\t1\t1\t1\t1\t1\t200\t20\t110\t30\t96.5\tالمبلغ\n\
            5\t1\t1\t1\t1\t2\t10\t22\t80\t28\t71.0\t\u{200E}1,250\u{200F}\n\
            4\t1\t1\t1\t2\t0\t10\t60\t100\t30\t-1\t\n\
            5\t1\t1\t1\t2\t1\t10\t60\t100\t30\t-1\t \n";
        let lines = parse_tsv(tsv);
        assert_eq!(lines.len(), 1, "a line without words is dropped");
        assert_eq!(lines[0].text, "المبلغ 1,250");
        assert_eq!(lines[0].bbox.x1, 310.0);
        assert!((lines[0].confidence - 0.8375).abs() < 1e-9);
        assert_eq!(lines[0].words[1].bbox.y1, 50.0);
    }

    #[test]
    fn a_resolution_for_images_that_do_not_say() {
        // A blank A4 page at 300 dpi: no letters to measure, so its size decides.
        let page = PageImage::new(2480, 3508, None, vec![255; 2480 * 3508]).unwrap();
        assert_eq!(estimated_dpi(&page), 300);
        // A receipt-shaped image with rows of 33-pixel "letters": 0.11 inch at 300 dpi.
        let (w, h) = (1200usize, 2400usize);
        let mut gray = vec![255u8; w * h];
        for row in 0..10 {
            for letter in 0..40 {
                let (x0, y0) = (20 + letter * 28, 30 + row * 80);
                for y in y0..y0 + 33 {
                    for x in x0..x0 + 14 {
                        gray[y * w + x] = 0;
                    }
                }
            }
        }
        let page = PageImage::new(w as u32, h as u32, None, gray).unwrap();
        assert_eq!(estimated_dpi(&page), 300);
    }
}
