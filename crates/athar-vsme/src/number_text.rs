//! Number ↔ text as EFRAG's converter writes them.
//!
//! Why this module exists: a number from a template cell becomes text in two places where the
//! output must equal EFRAG's converter byte for byte: the value of a fact read as text (a
//! postal code typed as a number, a site identifier) and the facts snapshot
//! (`athar vsme facts --json`). The converter is Python: integers print as integers, floats as
//! Python's `repr` (shortest round-trip digits, `1e-05` below 10⁻⁴, `10.0` for a whole float).
//! Percentages are shown multiplied by 100 in *floating point*, and the snapshot keeps that
//! float's text (0.9271523178807947 × 100 gives 92.71523178807946); [`efrag_percent_text`]
//! reproduces it with one `f64` multiplication, for display text only — facts keep the exact
//! decimal value of the cell.

use rust_decimal::Decimal;

/// How the converter prints a cell number: an integer cell (Excel writes whole numbers
/// without a decimal point) as an integer, anything else as Python's float `repr`.
pub fn cell_number_text(d: Decimal) -> String {
    let n = d.normalize();
    if n.fract().is_zero() && n.abs() < Decimal::from(10_000_000_000_000_000i64) {
        return n.trunc().to_string();
    }
    python_float_repr(n)
}

/// Python's `repr(float(d))` for a decimal that already has the float's shortest digits.
pub fn python_float_repr(d: Decimal) -> String {
    let n = d.normalize();
    if n.is_zero() {
        return "0.0".to_string();
    }
    let negative = n.is_sign_negative();
    let mantissa = n.mantissa().unsigned_abs().to_string();
    let digits = mantissa.trim_end_matches('0');
    let trailing_zeros = (mantissa.len() - digits.len()) as i64;
    // value = digits × 10^exp
    let exp = trailing_zeros - i64::from(n.scale());
    // decimal exponent of the first digit
    let point = digits.len() as i64 + exp - 1;
    let sign = if negative { "-" } else { "" };
    if !(-4..16).contains(&point) {
        let (first, rest) = digits.split_at(1);
        let mant = if rest.is_empty() {
            first.to_string()
        } else {
            format!("{first}.{rest}")
        };
        return format!(
            "{sign}{mant}e{}{:02}",
            if point < 0 { '-' } else { '+' },
            point.abs()
        );
    }
    let plain = if exp >= 0 {
        format!("{digits}{}.0", "0".repeat(exp as usize))
    } else {
        let frac_len = (-exp) as usize;
        if digits.len() > frac_len {
            let (i, f) = digits.split_at(digits.len() - frac_len);
            format!("{i}.{f}")
        } else {
            format!("0.{}{digits}", "0".repeat(frac_len - digits.len()))
        }
    };
    format!("{sign}{plain}")
}

/// The converter's display text of a percentage cell holding the fraction `fraction`.
pub fn efrag_percent_text(fraction: Decimal) -> String {
    // Through the decimal text: `Decimal::to_f64` does not always round to the nearest
    // double, parsing does.
    let Ok(f) = fraction.to_string().parse::<f64>() else {
        return python_float_repr(fraction * Decimal::ONE_HUNDRED);
    };
    let shown = f * 100.0;
    match crate::template::float_to_decimal(shown) {
        Some(d) => python_float_repr(d),
        None => python_float_repr(fraction * Decimal::ONE_HUNDRED),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    #[test]
    fn python_repr_of_floats() {
        assert_eq!(python_float_repr(d("10")), "10.0");
        assert_eq!(python_float_repr(d("0.1")), "0.1");
        assert_eq!(
            python_float_repr(d("0.014893617021276596")),
            "0.014893617021276596"
        );
        assert_eq!(python_float_repr(d("0.0001")), "0.0001");
        assert_eq!(python_float_repr(d("0.00001")), "1e-05");
        assert_eq!(python_float_repr(d("0.000012")), "1.2e-05");
        assert_eq!(
            python_float_repr(d("1234567890123456")),
            "1234567890123456.0"
        );
        assert_eq!(
            python_float_repr(d("12345678901234567")),
            "1.2345678901234567e+16"
        );
        assert_eq!(python_float_repr(d("-2.5")), "-2.5");
    }

    #[test]
    fn cell_numbers_print_as_the_converter_prints_them() {
        assert_eq!(cell_number_text(d("150")), "150");
        assert_eq!(cell_number_text(d("150.000")), "150");
        assert_eq!(cell_number_text(d("10.03334136")), "10.03334136");
        assert_eq!(cell_number_text(d("0")), "0");
    }

    #[test]
    fn percentages_keep_the_float_artefacts_of_the_converter() {
        assert_eq!(
            efrag_percent_text(d("0.9271523178807947")),
            "92.71523178807946"
        );
        assert_eq!(
            efrag_percent_text(d("0.2840909090909091")),
            "28.40909090909091"
        );
        assert_eq!(efrag_percent_text(d("0.1")), "10.0");
    }
}
