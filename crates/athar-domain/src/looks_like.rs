//! What some bytes look like, by their first bytes. Readers of spreadsheets use it to say
//! "this .xlsx is really a JPEG" instead of a bare "not a workbook"; one function so every
//! reader names the same kinds with the same words (they are Fluent selector values).

/// `jpeg`, `png`, `pdf`, `xls` (an OLE container), `text` (valid UTF-8) or `other`.
pub fn looks_like(bytes: &[u8]) -> &'static str {
    if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        "jpeg"
    } else if bytes.starts_with(b"\x89PNG") {
        "png"
    } else if bytes.starts_with(b"%PDF") {
        "pdf"
    } else if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        "xls"
    } else if std::str::from_utf8(bytes).is_ok() {
        "text"
    } else {
        "other"
    }
}

#[cfg(test)]
mod tests {
    use super::looks_like;

    #[test]
    fn names_the_kinds_readers_report() {
        assert_eq!(looks_like(&[0xFF, 0xD8, 0xFF, 0xE0]), "jpeg");
        assert_eq!(looks_like(b"\x89PNG\r\n"), "png");
        assert_eq!(looks_like(b"%PDF-1.7"), "pdf");
        assert_eq!(looks_like(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1]), "xls");
        assert_eq!(looks_like(b"date,site\n"), "text");
        assert_eq!(looks_like(&[0x00, 0xFF, 0xFE, 0x80]), "other");
    }
}
