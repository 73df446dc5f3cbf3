//! Cleaning a page before Tesseract sees it: scans and photos at 150 or 200 dpi are scaled
//! to about 300 dpi (Tesseract reads small text badly), smoothed to remove sensor and JPEG
//! noise, and binarised with Otsu's threshold (light table shading and paper texture go, ink
//! stays). Measured on the generated corpus, this turned unreadable 150 dpi photos with
//! shaded tables into mostly correct text (see `docs/extraction.md`).

use crate::deskew::otsu;
use athar_extract::PageImage;

/// How a page is cleaned; the defaults are what the corpus benchmark measured best.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cleaning {
    /// Pages below this resolution are scaled up to it (0: never).
    pub target_dpi: u32,
    /// Passes of a 3 × 3 binomial filter (each adds about 0.7 pixel of Gaussian blur).
    pub smoothing_passes: u8,
    /// Binarise with Otsu's threshold.
    pub binarise: bool,
    /// Erase table rules (only on a binarised page).
    pub remove_rules: bool,
}

impl Default for Cleaning {
    fn default() -> Self {
        Cleaning {
            target_dpi: 300,
            smoothing_passes: 4,
            binarise: true,
            remove_rules: true,
        }
    }
}

/// The cleaned page, and the factor it was scaled by.
pub fn clean(page: &PageImage, dpi: u32, how: &Cleaning) -> (PageImage, f64) {
    let target = f64::from(how.target_dpi);
    let factor = if target > 0.0 && f64::from(dpi) < 0.85 * target {
        (target / f64::from(dpi.max(50))).min(3.0)
    } else {
        1.0
    };
    let (w, h, mut gray) = if factor > 1.0 {
        upscale(page, factor)
    } else {
        (page.width as usize, page.height as usize, page.gray.clone())
    };
    for _ in 0..how.smoothing_passes {
        gray = smooth3(&gray, w, h);
    }
    if how.binarise {
        let t = otsu(&gray);
        for v in gray.iter_mut() {
            *v = if *v > t { 255 } else { 0 };
        }
        if how.remove_rules {
            remove_rules(&mut gray, w, h, f64::from(dpi) * factor);
        }
    }
    (
        PageImage {
            width: w as u32,
            height: h as u32,
            dpi: Some((f64::from(dpi) * factor).round() as u32),
            gray,
        },
        factor,
    )
}

/// The height, in pixels, of the taller letters on a page: the upper quartile of connected
/// components of ink of letter size on a reduced, binarised copy (the median would be pulled
/// down by Arabic dots). `None` on a page with little text.
/// Used to judge the scale of photos and images that do not say their resolution.
pub fn letter_height(page: &PageImage) -> Option<f64> {
    let step = ((page.width.max(page.height) as usize) / 1600).max(1);
    let (w, h) = (page.width as usize / step, page.height as usize / step);
    if w < 16 || h < 16 {
        return None;
    }
    let pw = page.width as usize;
    let small: Vec<u8> = (0..h)
        .flat_map(|y| (0..w).map(move |x| (x, y)))
        .map(|(x, y)| page.gray[y * step * pw + x * step])
        .collect();
    let t = otsu(&small);
    let ink: Vec<bool> = small.iter().map(|&v| v <= t).collect();
    let mut seen = vec![false; w * h];
    let mut heights = Vec::new();
    let mut stack = Vec::new();
    for start in 0..w * h {
        if !ink[start] || seen[start] {
            continue;
        }
        seen[start] = true;
        stack.push(start);
        let (mut y0, mut y1, mut x0, mut x1) = (usize::MAX, 0, usize::MAX, 0);
        while let Some(i) = stack.pop() {
            let (x, y) = (i % w, i / w);
            y0 = y0.min(y);
            y1 = y1.max(y);
            x0 = x0.min(x);
            x1 = x1.max(x);
            for (dx, dy) in [(-1i64, 0i64), (1, 0), (0, -1), (0, 1)] {
                let (nx, ny) = (x as i64 + dx, y as i64 + dy);
                if nx >= 0 && ny >= 0 && (nx as usize) < w && (ny as usize) < h {
                    let j = ny as usize * w + nx as usize;
                    if ink[j] && !seen[j] {
                        seen[j] = true;
                        stack.push(j);
                    }
                }
            }
        }
        let (ch, cw) = (y1 - y0 + 1, x1 - x0 + 1);
        // Letters: not specks, not rules, not pictures.
        if (3..=80).contains(&ch) && cw <= 4 * ch {
            heights.push(ch);
        }
    }
    if heights.len() < 30 {
        return None;
    }
    heights.sort_unstable();
    Some((heights[heights.len() * 3 / 4] * step) as f64)
}

/// Erases table rules: runs of ink longer than an inch across or a third of an inch down,
/// which no letter or digit has at bill sizes. Tesseract reads rules as `|`, `_` or `!` and
/// breaks lines at them.
fn remove_rules(gray: &mut [u8], w: usize, h: usize, dpi: f64) {
    let min_across = (dpi.max(100.0)).max(0.12 * w as f64) as usize;
    let min_down = (dpi.max(100.0) / 3.0) as usize;
    let mut erase = vec![false; w * h];
    for y in 0..h {
        let row = &gray[y * w..(y + 1) * w];
        let mut x = 0;
        while x < w {
            if row[x] == 0 {
                let start = x;
                while x < w && row[x] == 0 {
                    x += 1;
                }
                if x - start >= min_across {
                    erase[y * w + start..y * w + x]
                        .iter_mut()
                        .for_each(|e| *e = true);
                }
            } else {
                x += 1;
            }
        }
    }
    for x in 0..w {
        let mut y = 0;
        while y < h {
            if gray[y * w + x] == 0 {
                let start = y;
                while y < h && gray[y * w + x] == 0 {
                    y += 1;
                }
                if y - start >= min_down {
                    for yy in start..y {
                        erase[yy * w + x] = true;
                    }
                }
            } else {
                y += 1;
            }
        }
    }
    for (g, e) in gray.iter_mut().zip(erase) {
        if e {
            *g = 255;
        }
    }
}

/// Bilinear scaling up by `factor`.
fn upscale(page: &PageImage, factor: f64) -> (usize, usize, Vec<u8>) {
    let (sw, sh) = (page.width as usize, page.height as usize);
    let w = ((sw as f64) * factor).round() as usize;
    let h = ((sh as f64) * factor).round() as usize;
    // Source position and weight of every output column, computed once.
    let cols: Vec<(usize, usize, u32)> = (0..w)
        .map(|x| {
            let sx = ((x as f64 + 0.5) / factor - 0.5).clamp(0.0, (sw - 1) as f64);
            let x0 = sx.floor() as usize;
            (x0, (x0 + 1).min(sw - 1), ((sx - x0 as f64) * 256.0) as u32)
        })
        .collect();
    let mut out = vec![0u8; w * h];
    for y in 0..h {
        let sy = ((y as f64 + 0.5) / factor - 0.5).clamp(0.0, (sh - 1) as f64);
        let y0 = sy.floor() as usize;
        let y1 = (y0 + 1).min(sh - 1);
        let fy = ((sy - y0 as f64) * 256.0) as u32;
        let r0 = &page.gray[y0 * sw..(y0 + 1) * sw];
        let r1 = &page.gray[y1 * sw..(y1 + 1) * sw];
        let row = &mut out[y * w..(y + 1) * w];
        for (o, &(x0, x1, fx)) in row.iter_mut().zip(&cols) {
            let top = u32::from(r0[x0]) * (256 - fx) + u32::from(r0[x1]) * fx;
            let bottom = u32::from(r1[x0]) * (256 - fx) + u32::from(r1[x1]) * fx;
            *o = ((top * (256 - fy) + bottom * fy) >> 16) as u8;
        }
    }
    (w, h, out)
}

/// A 3 × 3 binomial smoothing ([1 2 1] across and down): takes out pixel noise, keeps
/// strokes.
fn smooth3(gray: &[u8], w: usize, h: usize) -> Vec<u8> {
    let mut across = vec![0u16; w * h];
    for y in 0..h {
        let row = &gray[y * w..(y + 1) * w];
        for x in 0..w {
            let l = row[x.saturating_sub(1)];
            let r = row[(x + 1).min(w - 1)];
            across[y * w + x] = u16::from(l) + 2 * u16::from(row[x]) + u16::from(r);
        }
    }
    let mut out = vec![0u8; w * h];
    for y in 0..h {
        let up = y.saturating_sub(1) * w;
        let mid = y * w;
        let down = (y + 1).min(h - 1) * w;
        for x in 0..w {
            let v = u32::from(across[up + x])
                + 2 * u32::from(across[mid + x])
                + u32::from(across[down + x]);
            out[mid + x] = (v / 16) as u8;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_rules_are_erased_and_text_kept() {
        let (w, h) = (600usize, 300usize);
        let mut gray = vec![255u8; w * h];
        for x in 10..590 {
            gray[100 * w + x] = 0; // a rule across
        }
        for y in 20..280 {
            gray[y * w + 300] = 0; // a rule down
        }
        for y in 150..180 {
            gray[y * w + 50] = 0; // a letter's stroke
        }
        remove_rules(&mut gray, w, h, 300.0);
        assert_eq!(gray[100 * w + 200], 255);
        assert_eq!(gray[200 * w + 300], 255);
        assert_eq!(gray[160 * w + 50], 0);
    }

    #[test]
    fn low_resolution_pages_are_scaled_and_binarised() {
        let mut gray = vec![230u8; 100 * 80];
        for x in 20..60 {
            gray[40 * 100 + x] = 30;
            gray[41 * 100 + x] = 40;
        }
        let page = PageImage::new(100, 80, Some(150), gray).unwrap();
        let how = Cleaning {
            smoothing_passes: 1,
            ..Cleaning::default()
        };
        let (cleaned, factor) = clean(&page, 150, &how);
        assert_eq!(factor, 2.0);
        assert_eq!(
            (cleaned.width, cleaned.height, cleaned.dpi),
            (200, 160, Some(300))
        );
        assert!(cleaned.gray.iter().all(|&v| v == 0 || v == 255));
        assert_eq!(cleaned.gray[81 * 200 + 80], 0, "the stroke is ink");
        assert_eq!(cleaned.gray[10 * 200 + 10], 255, "the paper is white");
        let (same, f) = clean(&page, 300, &how);
        assert_eq!((same.width, f), (100, 1.0));
    }
}
