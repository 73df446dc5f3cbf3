//! Small-angle skew: a page scanned or photographed a few degrees off. The angle is found
//! with projection profiles (text lines give the sharpest row histogram when the projection
//! follows them) on a reduced copy of the page, and the page is rotated back with bilinear
//! sampling. Orientation in quarter turns is Tesseract's OSD job ([`crate::osd`]); this only
//! handles what is left, up to [`MAX_SKEW_DEGREES`].
//!
//! Pure Rust on purpose: it is arithmetic on a grey buffer, testable without Tesseract.

use athar_extract::PageImage;

/// Angles beyond this are not searched.
pub const MAX_SKEW_DEGREES: f64 = 6.0;
/// Angles below this are left alone (Tesseract copes, and rotating blurs a little).
pub const MIN_CORRECTION_DEGREES: f64 = 0.3;

/// Otsu's threshold of a grey histogram.
pub fn otsu(gray: &[u8]) -> u8 {
    let mut hist = [0u64; 256];
    for &g in gray {
        hist[g as usize] += 1;
    }
    let total = gray.len() as f64;
    let sum: f64 = hist
        .iter()
        .enumerate()
        .map(|(i, &n)| i as f64 * n as f64)
        .sum();
    let (mut sum_b, mut w_b, mut best, mut best_t) = (0.0, 0.0, 0.0, 127u8);
    for (t, &n) in hist.iter().enumerate() {
        w_b += n as f64;
        if w_b == 0.0 {
            continue;
        }
        let w_f = total - w_b;
        if w_f == 0.0 {
            break;
        }
        sum_b += t as f64 * n as f64;
        let m_b = sum_b / w_b;
        let m_f = (sum - sum_b) / w_f;
        let between = w_b * w_f * (m_b - m_f) * (m_b - m_f);
        if between > best {
            best = between;
            best_t = t as u8;
        }
    }
    best_t
}

/// Dark pixels of a reduced copy (at most about 1,000 pixels wide), as (x, y) in the
/// reduced scale, and the scale.
fn ink_points(page: &PageImage) -> Vec<(f64, f64)> {
    let step = (page.width as usize / 1000).max(1);
    let t = otsu(&page.gray);
    let w = page.width as usize;
    let mut pts = Vec::new();
    for y in (0..page.height as usize).step_by(step) {
        let row = &page.gray[y * w..(y + 1) * w];
        for x in (0..w).step_by(step) {
            if row[x] <= t {
                pts.push(((x / step) as f64, (y / step) as f64));
            }
        }
    }
    // Bound the work on very dark pages.
    if pts.len() > 300_000 {
        let keep = pts.len() / 300_000 + 1;
        pts = pts.into_iter().step_by(keep).collect();
    }
    pts
}

fn profile_score(pts: &[(f64, f64)], degrees: f64, bins: &mut Vec<f64>) -> f64 {
    let (s, c) = degrees.to_radians().sin_cos();
    // Projected rows fit in [-extent, extent]: points lie within the reduced page.
    let extent = pts
        .iter()
        .map(|&(x, y)| x.abs() + y.abs())
        .fold(0.0, f64::max)
        .ceil() as usize
        + 2;
    bins.clear();
    bins.resize(2 * extent + 1, 0.0);
    for &(x, y) in pts {
        let row = (y * c - x * s).round() as i64 + extent as i64;
        if let Some(b) = bins.get_mut(row as usize) {
            *b += 1.0;
        }
    }
    bins.iter().map(|v| v * v).sum()
}

/// The skew of the text lines in degrees (positive: lines go down to the right), or 0 when
/// the page has too little ink to tell.
pub fn estimate_skew(page: &PageImage) -> f64 {
    let pts = ink_points(page);
    if pts.len() < 500 {
        return 0.0;
    }
    let mut bins = Vec::new();
    let mut search = |from: f64, to: f64, step: f64| {
        let mut best = (f64::MIN, 0.0);
        let mut a = from;
        while a <= to + 1e-9 {
            let s = profile_score(&pts, a, &mut bins);
            if s > best.0 {
                best = (s, a);
            }
            a += step;
        }
        best.1
    };
    let coarse = search(-MAX_SKEW_DEGREES, MAX_SKEW_DEGREES, 0.5);
    let fine = search(coarse - 0.5, coarse + 0.5, 0.1);
    (fine * 100.0).round() / 100.0
}

/// Rotates the page by `-degrees` about its centre so that lines skewed by `degrees` become
/// horizontal; the size is kept and uncovered corners are white.
pub fn rotate_small(page: &PageImage, degrees: f64) -> PageImage {
    let (w, h) = (page.width as usize, page.height as usize);
    let (s, c) = degrees.to_radians().sin_cos();
    let (cx, cy) = (w as f64 / 2.0, h as f64 / 2.0);
    let mut out = vec![255u8; w * h];
    for yo in 0..h {
        let dy = yo as f64 - cy;
        for xo in 0..w {
            let dx = xo as f64 - cx;
            // Inverse mapping: the source pixel that lands on (xo, yo).
            let xs = dx * c - dy * s + cx;
            let ys = dx * s + dy * c + cy;
            if xs < 0.0 || ys < 0.0 || xs >= (w - 1) as f64 || ys >= (h - 1) as f64 {
                continue;
            }
            let (x0, y0) = (xs as usize, ys as usize);
            let (fx, fy) = (xs - x0 as f64, ys - y0 as f64);
            let p = |x: usize, y: usize| f64::from(page.gray[y * w + x]);
            let v = p(x0, y0) * (1.0 - fx) * (1.0 - fy)
                + p(x0 + 1, y0) * fx * (1.0 - fy)
                + p(x0, y0 + 1) * (1.0 - fx) * fy
                + p(x0 + 1, y0 + 1) * fx * fy;
            out[yo * w + xo] = v.round() as u8;
        }
    }
    PageImage {
        width: page.width,
        height: page.height,
        dpi: page.dpi,
        gray: out,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A white page with dark horizontal bars (text lines), then skewed.
    fn lined_page(skew: f64) -> PageImage {
        let (w, h) = (800u32, 600u32);
        let mut gray = vec![255u8; (w * h) as usize];
        for line in 0..12 {
            let y0 = 40 + line * 45;
            for y in y0..y0 + 12 {
                for x in 60..740 {
                    if (x / 9) % 4 != 3 {
                        gray[(y * w + x) as usize] = 20;
                    }
                }
            }
        }
        let flat = PageImage::new(w, h, None, gray).unwrap();
        rotate_small(&flat, -skew)
    }

    #[test]
    fn finds_and_corrects_a_small_skew() {
        for skew in [-3.0, -1.2, 0.0, 2.0, 4.5] {
            let page = lined_page(skew);
            let found = estimate_skew(&page);
            assert!((found - skew).abs() <= 0.2, "skew {skew}: found {found}");
            let fixed = rotate_small(&page, found);
            assert!(estimate_skew(&fixed).abs() <= 0.2);
        }
    }

    #[test]
    fn a_blank_page_has_no_skew() {
        let page = PageImage::new(100, 100, None, vec![255; 10_000]).unwrap();
        assert_eq!(estimate_skew(&page), 0.0);
        assert_eq!(otsu(&[0, 0, 255, 255]), 0);
    }
}
