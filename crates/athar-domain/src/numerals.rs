//! Arabic-script users type digits as ٠١٢٣٤٥٦٧٨٩ (Arabic-Indic) or ۰۱۲۳۴۵۶۷۸۹ (Persian), with
//! ٫ as decimal and ٬ as thousands separator. Every numeric input goes through
//! [`normalize_number`] so that both scripts are accepted.

/// Maps Eastern Arabic and Persian digits to ASCII digits, leaving anything else as it is.
pub fn to_ascii_digits(input: &str) -> String {
    if input.is_ascii() {
        // Nothing to map (the common case on import): a plain copy.
        return input.to_string();
    }
    input
        .chars()
        .map(|c| match c {
            '\u{0660}'..='\u{0669}' => char::from(b'0' + (c as u32 - 0x0660) as u8),
            '\u{06F0}'..='\u{06F9}' => char::from(b'0' + (c as u32 - 0x06F0) as u8),
            other => other,
        })
        .collect()
}

/// Normalises a typed number: ASCII digits, `.` as decimal separator, thousands separators
/// (`,`, `٬`, spaces, narrow no-break spaces) removed, Arabic decimal separator `٫` to `.`.
pub fn normalize_number(input: &str) -> String {
    to_ascii_digits(input.trim())
        .chars()
        .filter(|c| !matches!(c, ',' | '\u{066C}' | ' ' | '\u{00A0}' | '\u{202F}' | '_'))
        .map(|c| if c == '\u{066B}' { '.' } else { c })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn eastern_digits_become_ascii() {
        assert_eq!(to_ascii_digits("٢٠٢٦"), "2026");
        assert_eq!(to_ascii_digits("۱۲۳"), "123");
        assert_eq!(normalize_number("١٬٢٣٤٫٥"), "1234.5");
        assert_eq!(normalize_number(" 1,250,000.75 "), "1250000.75");
    }
}
