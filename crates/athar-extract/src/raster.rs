//! Page images: decoding JPEG, PNG and TIFF files and the images embedded in scanned PDFs
//! (DCT, Flate or raw pixels in grey, RGB, CMYK or indexed colour, CCITT fax) into the grey
//! [`PageImage`] OCR takes.
//!
//! Why the limits: a 20,000 × 20,000 image is 400 million pixels, over a gigabyte decoded.
//! The size is read from the header and checked against [`Limits::max_pixels`] before any
//! pixel is decoded, and the decoder is given an allocation limit too, so a hostile or
//! mistaken file is a typed error, not an out-of-memory kill. Images larger than OCR needs are
//! scaled down to [`Limits::ocr_pixels`].

use std::io::Cursor;

use image::{DynamicImage, ImageDecoder};

use crate::engine::PageImage;
use crate::error::ExtractError;
use crate::model::FileKind;

/// Size limits for decoding.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Images with more pixels than this are refused (checked before decoding).
    pub max_pixels: u64,
    /// Decoded images are scaled down to at most this many pixels for OCR (a 300 dpi A4
    /// page is 8.7 million).
    pub ocr_pixels: u64,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_pixels: 60_000_000,
            ocr_pixels: 12_000_000,
        }
    }
}

impl Limits {
    /// Refuses an image of `width × height` before it is decoded.
    pub fn check(&self, width: u64, height: u64) -> Result<(), ExtractError> {
        if width == 0 || height == 0 || width.saturating_mul(height) > self.max_pixels {
            return Err(ExtractError::ImageTooLarge {
                width,
                height,
                max_pixels: self.max_pixels,
            });
        }
        Ok(())
    }
}

fn damaged(format: FileKind, e: impl std::fmt::Display) -> ExtractError {
    ExtractError::DamagedImage {
        format,
        detail: e.to_string(),
    }
}

/// Decodes a JPEG, PNG or TIFF file (the first page of a TIFF) to grey, applying its EXIF
/// orientation, within `limits`.
pub fn decode(bytes: &[u8], kind: FileKind, limits: &Limits) -> Result<PageImage, ExtractError> {
    let cursor = Cursor::new(bytes);
    let img = match kind {
        FileKind::Jpeg => decode_with(
            image::codecs::jpeg::JpegDecoder::new(cursor).map_err(|e| damaged(kind, e))?,
            kind,
            limits,
        )?,
        FileKind::Png => decode_with(
            image::codecs::png::PngDecoder::new(cursor).map_err(|e| damaged(kind, e))?,
            kind,
            limits,
        )?,
        FileKind::Tiff => decode_with(
            image::codecs::tiff::TiffDecoder::new(cursor).map_err(|e| damaged(kind, e))?,
            kind,
            limits,
        )?,
        _ => return Err(damaged(kind, "not an image")),
    };
    Ok(shrink(to_page(img), limits))
}

fn decode_with(
    mut decoder: impl ImageDecoder,
    kind: FileKind,
    limits: &Limits,
) -> Result<DynamicImage, ExtractError> {
    let (w, h) = decoder.dimensions();
    limits.check(u64::from(w), u64::from(h))?;
    let mut l = image::Limits::default();
    // Room for the decoded image at 8 bytes a pixel (16-bit RGBA) and the decoder's buffers.
    l.max_alloc = Some(limits.max_pixels.saturating_mul(8) + (64 << 20));
    decoder.set_limits(l).map_err(|e| damaged(kind, e))?;
    let orientation = decoder.orientation().ok();
    let mut img = DynamicImage::from_decoder(decoder).map_err(|e| damaged(kind, e))?;
    if let Some(o) = orientation {
        img.apply_orientation(o);
    }
    Ok(img)
}

fn to_page(img: DynamicImage) -> PageImage {
    let gray = img.into_luma8();
    let (width, height) = gray.dimensions();
    PageImage {
        width,
        height,
        dpi: None,
        gray: gray.into_raw(),
    }
}

/// Scales an image down to at most [`Limits::ocr_pixels`], keeping its aspect.
pub fn shrink(page: PageImage, limits: &Limits) -> PageImage {
    let pixels = u64::from(page.width) * u64::from(page.height);
    if pixels <= limits.ocr_pixels {
        return page;
    }
    let f = (limits.ocr_pixels as f64 / pixels as f64).sqrt();
    let w = ((f64::from(page.width) * f) as u32).max(1);
    let h = ((f64::from(page.height) * f) as u32).max(1);
    let Some(buf) = image::GrayImage::from_raw(page.width, page.height, page.gray) else {
        return PageImage {
            width: 0,
            height: 0,
            dpi: None,
            gray: Vec::new(),
        };
    };
    let small = image::imageops::resize(&buf, w, h, image::imageops::FilterType::Triangle);
    PageImage {
        width: w,
        height: h,
        dpi: page.dpi.map(|d| (f64::from(d) * f).round() as u32),
        gray: small.into_raw(),
    }
}

/// Rotates clockwise by 90, 180 or 270 degrees.
pub fn rotate(page: PageImage, degrees: u16) -> PageImage {
    let dpi = page.dpi;
    let Some(buf) = image::GrayImage::from_raw(page.width, page.height, page.gray) else {
        return PageImage {
            width: 0,
            height: 0,
            dpi,
            gray: Vec::new(),
        };
    };
    let out = match degrees {
        90 => image::imageops::rotate90(&buf),
        180 => image::imageops::rotate180(&buf),
        270 => image::imageops::rotate270(&buf),
        _ => buf,
    };
    let (width, height) = out.dimensions();
    PageImage {
        width,
        height,
        dpi,
        gray: out.into_raw(),
    }
}

/// Colour spaces of raw PDF image samples.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Colour {
    Gray,
    Rgb,
    Cmyk,
    /// A palette of `base` colours, `lookup` holding the base components of each index.
    Indexed {
        base: Box<Colour>,
        lookup: Vec<u8>,
    },
}

impl Colour {
    fn components(&self) -> usize {
        match self {
            Colour::Gray | Colour::Indexed { .. } => 1,
            Colour::Rgb => 3,
            Colour::Cmyk => 4,
        }
    }
}

fn luma(r: u8, g: u8, b: u8) -> u8 {
    ((u32::from(r) * 299 + u32::from(g) * 587 + u32::from(b) * 114) / 1000) as u8
}

fn gray_of(colour: &Colour, px: &[u8]) -> u8 {
    match colour {
        Colour::Gray => px[0],
        Colour::Rgb => luma(px[0], px[1], px[2]),
        Colour::Cmyk => {
            let k = u32::from(px[3]);
            let c = |v: u8| (255 - (u32::from(v) + k).min(255)) as u8;
            luma(c(px[0]), c(px[1]), c(px[2]))
        }
        Colour::Indexed { base, lookup } => {
            let n = base.components();
            let i = usize::from(px[0]) * n;
            match lookup.get(i..i + n) {
                Some(entry) => gray_of(base, entry),
                None => 255,
            }
        }
    }
}

/// Raw samples (after the stream filters) to grey. `invert` applies a `/Decode [1 0]`
/// array (and the convention of image masks). `None` when the data is short or the depth is
/// not 1, 2, 4 or 8 bits.
pub fn from_raw(
    data: &[u8],
    width: u32,
    height: u32,
    bpc: u8,
    colour: Colour,
    invert: bool,
) -> Option<PageImage> {
    if !matches!(bpc, 1 | 2 | 4 | 8) || width == 0 || height == 0 {
        return None;
    }
    let comps = colour.components();
    let row_bits = usize::try_from(width).ok()? * comps * usize::from(bpc);
    let row_bytes = row_bits.div_ceil(8);
    if data.len() < row_bytes * height as usize {
        return None;
    }
    let max = (1u16 << bpc) - 1;
    let mut gray = Vec::with_capacity(width as usize * height as usize);
    let mut px = vec![0u8; comps];
    for y in 0..height as usize {
        let row = &data[y * row_bytes..(y + 1) * row_bytes];
        for x in 0..width as usize {
            for (c, slot) in px.iter_mut().enumerate() {
                let bit = (x * comps + c) * usize::from(bpc);
                let byte = row[bit / 8];
                let v = if bpc == 8 {
                    byte
                } else {
                    let shift = 8 - usize::from(bpc) - (bit % 8);
                    let raw = (u16::from(byte) >> shift) & max;
                    if matches!(colour, Colour::Indexed { .. }) {
                        raw as u8
                    } else {
                        (raw * 255 / max) as u8
                    }
                };
                *slot = v;
            }
            let g = gray_of(&colour, &px);
            gray.push(if invert { 255 - g } else { g });
        }
    }
    PageImage::new(width, height, None, gray)
}

/// Decodes CCITT fax data (PDF `CCITTFaxDecode`) by wrapping it in a one-strip TIFF and
/// handing it to the TIFF decoder.
pub fn decode_ccitt(
    data: &[u8],
    columns: u64,
    rows: u64,
    k: i64,
    black_is_1: bool,
    limits: &Limits,
) -> Result<PageImage, ExtractError> {
    limits.check(columns, rows)?;
    let compression: u16 = if k < 0 { 4 } else { 3 };
    // Tag, type, count, value. Type 3 = SHORT, 4 = LONG.
    let header_len = 8u32;
    let entries: Vec<(u16, u16, u32, u32)> = vec![
        (256, 4, 1, columns as u32),
        (257, 4, 1, rows as u32),
        (258, 3, 1, 1),
        (259, 3, 1, u32::from(compression)),
        (262, 3, 1, if black_is_1 { 1 } else { 0 }),
        (273, 4, 1, 0), // strip offset, set below
        (277, 3, 1, 1),
        (278, 4, 1, rows as u32),
        (279, 4, 1, data.len() as u32),
        (292, 4, 1, if k > 0 { 1 } else { 0 }),
    ];
    let ifd_len = 2 + entries.len() as u32 * 12 + 4;
    let data_offset = header_len + ifd_len;
    let mut tiff = Vec::with_capacity(data_offset as usize + data.len());
    tiff.extend_from_slice(b"II*\0");
    tiff.extend_from_slice(&header_len.to_le_bytes());
    tiff.extend_from_slice(&(entries.len() as u16).to_le_bytes());
    for (tag, ty, count, value) in entries {
        let value = if tag == 273 { data_offset } else { value };
        tiff.extend_from_slice(&tag.to_le_bytes());
        tiff.extend_from_slice(&ty.to_le_bytes());
        tiff.extend_from_slice(&count.to_le_bytes());
        if ty == 3 {
            tiff.extend_from_slice(&(value as u16).to_le_bytes());
            tiff.extend_from_slice(&[0, 0]);
        } else {
            tiff.extend_from_slice(&value.to_le_bytes());
        }
    }
    tiff.extend_from_slice(&0u32.to_le_bytes());
    tiff.extend_from_slice(data);
    decode(&tiff, FileKind::Tiff, limits)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn png_header(width: u32, height: u32) -> Vec<u8> {
        // A PNG whose IHDR claims a size; no pixel data follows.
        let mut v = b"\x89PNG\r\n\x1a\n".to_vec();
        let mut ihdr = b"IHDR".to_vec();
        ihdr.extend_from_slice(&width.to_be_bytes());
        ihdr.extend_from_slice(&height.to_be_bytes());
        ihdr.extend_from_slice(&[8, 0, 0, 0, 0]);
        v.extend_from_slice(&13u32.to_be_bytes());
        v.extend_from_slice(&ihdr);
        v.extend_from_slice(&crc32(&ihdr).to_be_bytes());
        // An empty zlib stream as image data, then the end.
        for (kind, data) in [
            (&b"IDAT"[..], &b"\x78\x9c\x03\x00\x00\x00\x00\x01"[..]),
            (&b"IEND"[..], &b""[..]),
        ] {
            let mut chunk = kind.to_vec();
            chunk.extend_from_slice(data);
            v.extend_from_slice(&(data.len() as u32).to_be_bytes());
            v.extend_from_slice(&chunk);
            v.extend_from_slice(&crc32(&chunk).to_be_bytes());
        }
        v
    }

    fn crc32(data: &[u8]) -> u32 {
        let mut crc = 0xFFFF_FFFFu32;
        for b in data {
            crc ^= u32::from(*b);
            for _ in 0..8 {
                crc = if crc & 1 != 0 {
                    (crc >> 1) ^ 0xEDB8_8320
                } else {
                    crc >> 1
                };
            }
        }
        !crc
    }

    #[test]
    fn a_huge_image_is_refused_before_decoding() {
        let err = decode(
            &png_header(20_000, 20_000),
            FileKind::Png,
            &Limits::default(),
        )
        .unwrap_err();
        assert_eq!(err.key(), "doc-image-too-large");
        assert!(err.args().contains(&("width".into(), "20000".into())));
    }

    #[test]
    fn a_truncated_image_is_a_typed_error() {
        let mut png = Vec::new();
        image::GrayImage::from_pixel(40, 30, image::Luma([200u8]))
            .write_to(&mut Cursor::new(&mut png), image::ImageFormat::Png)
            .unwrap();
        let ok = decode(&png, FileKind::Png, &Limits::default()).unwrap();
        assert_eq!((ok.width, ok.height, ok.gray[0]), (40, 30, 200));
        let err = decode(&png[..png.len() / 2], FileKind::Png, &Limits::default()).unwrap_err();
        assert_eq!(err.key(), "doc-damaged-image");
    }

    #[test]
    fn raw_samples_in_several_colour_spaces() {
        let rgb = from_raw(&[255, 0, 0, 0, 0, 255], 2, 1, 8, Colour::Rgb, false).unwrap();
        assert_eq!(rgb.gray, [76, 29]);
        let bits = from_raw(&[0b1010_0000], 3, 1, 1, Colour::Gray, false).unwrap();
        assert_eq!(bits.gray, [255, 0, 255]);
        let indexed = from_raw(
            &[1, 0],
            2,
            1,
            8,
            Colour::Indexed {
                base: Box::new(Colour::Rgb),
                lookup: vec![0, 0, 0, 255, 255, 255],
            },
            false,
        )
        .unwrap();
        assert_eq!(indexed.gray, [255, 0]);
        assert!(
            from_raw(&[0, 0], 2, 2, 8, Colour::Gray, false).is_none(),
            "short data"
        );
    }

    #[test]
    fn big_images_are_shrunk_for_ocr() {
        let page = PageImage::new(4000, 4000, Some(600), vec![255; 16_000_000]).unwrap();
        let small = shrink(page, &Limits::default());
        assert!(u64::from(small.width) * u64::from(small.height) <= 12_000_000);
        assert_eq!(small.dpi, Some(520));
    }
}
