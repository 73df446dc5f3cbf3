//! What a file really is, from its first bytes, whatever its name says. A `.pdf` that is a
//! JPEG photo is read as the photo (with a warning that the name and the content differ),
//! because that is what the user meant to give us; bytes that are none of the supported
//! formats are a typed error naming what they look like.

use crate::error::ExtractError;
use crate::model::FileKind;

/// The kind of `bytes`, or why it is not supported.
pub fn sniff(bytes: &[u8]) -> Result<FileKind, ExtractError> {
    if bytes.is_empty() {
        return Err(ExtractError::Empty);
    }
    let head = &bytes[..bytes.len().min(1024)];
    if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        return Ok(FileKind::Jpeg);
    }
    if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        return Ok(FileKind::Png);
    }
    if bytes.starts_with(b"II*\0") || bytes.starts_with(b"MM\0*") {
        return Ok(FileKind::Tiff);
    }
    // The PDF header may follow some junk (ISO 32000-1 allows readers to look for it in the
    // first 1024 bytes).
    if head.windows(5).any(|w| w == b"%PDF-") {
        return Ok(FileKind::Pdf);
    }
    if bytes.starts_with(b"PK\x03\x04") {
        // An Office Open XML workbook names its parts `xl/...`; the first entries of the zip
        // are enough to tell it from a docx or a plain archive.
        let window = &bytes[..bytes.len().min(64 * 1024)];
        if window.windows(3).any(|w| w == b"xl/") {
            return Ok(FileKind::Xlsx);
        }
        return Err(ExtractError::Unsupported { looks_like: "zip" });
    }
    if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        return Err(ExtractError::Unsupported { looks_like: "xls" });
    }
    if bytes.starts_with(b"GIF8") {
        return Err(ExtractError::Unsupported { looks_like: "gif" });
    }
    if bytes.len() >= 12 && &bytes[0..4] == b"RIFF" && &bytes[8..12] == b"WEBP" {
        return Err(ExtractError::Unsupported { looks_like: "webp" });
    }
    if bytes.len() >= 12 && &bytes[4..8] == b"ftyp" {
        return Err(ExtractError::Unsupported { looks_like: "heic" });
    }
    let text = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let sample = &text[..text.len().min(64 * 1024)];
    let utf8_ok = match std::str::from_utf8(sample) {
        Ok(_) => true,
        // A multi-byte char cut by the sample window is fine.
        Err(e) => e.error_len().is_none(),
    };
    if utf8_ok && !sample.contains(&0) {
        return Ok(FileKind::Csv);
    }
    Err(ExtractError::Unsupported {
        looks_like: "binary",
    })
}

/// The kind a file name's extension promises, if it is one we know.
pub fn kind_from_name(name: &str) -> Option<FileKind> {
    let ext = name.rsplit_once('.')?.1.to_ascii_lowercase();
    Some(match ext.as_str() {
        "pdf" => FileKind::Pdf,
        "jpg" | "jpeg" => FileKind::Jpeg,
        "png" => FileKind::Png,
        "tif" | "tiff" => FileKind::Tiff,
        "xlsx" | "xlsm" => FileKind::Xlsx,
        "csv" | "txt" => FileKind::Csv,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_from_bytes_not_names() {
        assert!(matches!(sniff(b""), Err(ExtractError::Empty)));
        assert_eq!(sniff(b"%PDF-1.7\n...").unwrap(), FileKind::Pdf);
        assert_eq!(
            sniff(b"\xFF\xD8\xFF\xE0\0\x10JFIF").unwrap(),
            FileKind::Jpeg
        );
        assert_eq!(sniff(b"\x89PNG\r\n\x1a\n\0").unwrap(), FileKind::Png);
        assert_eq!(sniff(b"II*\0\x08\0\0\0").unwrap(), FileKind::Tiff);
        assert_eq!(
            sniff(b"PK\x03\x04....xl/workbook.xml").unwrap(),
            FileKind::Xlsx
        );
        assert_eq!(
            sniff("date,kWh\n2026-01-01,١٢٠\n".as_bytes()).unwrap(),
            FileKind::Csv
        );
        assert!(matches!(
            sniff(b"PK\x03\x04....word/document.xml"),
            Err(ExtractError::Unsupported { looks_like: "zip" })
        ));
        assert!(matches!(
            sniff(&[0u8, 159, 146, 150]),
            Err(ExtractError::Unsupported {
                looks_like: "binary"
            })
        ));
        assert_eq!(kind_from_name("bill.PDF"), Some(FileKind::Pdf));
        assert_eq!(kind_from_name("noext"), None);
    }
}
