//! The CBAM CN code list: which 8-digit Combined Nomenclature codes are CBAM goods, and their
//! aggregated goods category.
//!
//! Why this module exists: a product's CN code decides whether it is a CBAM good at all, which
//! category (and so which routes, parameters and default values) it belongs to, and what the
//! importer declares. The list is transcribed from the Commission's template into
//! `data/cbam-cn-codes.tsv` (source and licence in its header) and embedded, so the wasm UI
//! validates exactly as the engine does. A test compares it with the official file in place.

use std::sync::OnceLock;

use crate::goods::GoodsCategory;

/// One CBAM good of the list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CnEntry {
    /// Eight digits, no spaces (`25232900`).
    pub code: &'static str,
    pub category: GoodsCategory,
    /// The template's English name of the code.
    pub name: &'static str,
}

/// The embedded list file.
pub const CN_LIST_TSV: &str = include_str!("../data/cbam-cn-codes.tsv");

/// Parses the list text: `#` comment lines, then `code<TAB>category<TAB>name` lines.
/// Returns the 1-based line number of the first bad line on error.
pub fn parse_list(text: &'static str) -> Result<Vec<CnEntry>, usize> {
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.starts_with('#') || line.is_empty() {
            continue;
        }
        let mut parts = line.split('\t');
        let (Some(code), Some(cat), Some(name), None) =
            (parts.next(), parts.next(), parts.next(), parts.next())
        else {
            return Err(i + 1);
        };
        let category = GoodsCategory::from_id(cat).ok_or(i + 1)?;
        if code.len() != 8 || !code.bytes().all(|b| b.is_ascii_digit()) || name.is_empty() {
            return Err(i + 1);
        }
        out.push(CnEntry {
            code,
            category,
            name,
        });
    }
    Ok(out)
}

/// The embedded list, in the template's order.
///
/// # Panics
/// If the embedded file is malformed: a build defect caught by this module's tests, never a
/// runtime condition.
pub fn cn_list() -> &'static [CnEntry] {
    static LIST: OnceLock<Vec<CnEntry>> = OnceLock::new();
    LIST.get_or_init(|| match parse_list(CN_LIST_TSV) {
        Ok(list) => list,
        Err(line) => panic!("data/cbam-cn-codes.tsv line {line} is malformed"),
    })
}

/// Removes spaces and dots people type in CN codes (`2523 29 00`, `7318.15.42`).
pub fn normalize_cn(input: &str) -> String {
    input
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '.' && *c != '\u{a0}')
        .collect()
}

/// The list entry for `code` (spaces and dots ignored).
pub fn lookup(code: &str) -> Option<&'static CnEntry> {
    let code = normalize_cn(code);
    cn_list().iter().find(|e| e.code == code)
}

/// The CN codes of one category, in list order.
pub fn codes_of(category: GoodsCategory) -> impl Iterator<Item = &'static CnEntry> {
    cn_list().iter().filter(move |e| e.category == category)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embedded_list_parses_and_has_every_category() {
        let list = cn_list();
        assert_eq!(list.len(), 569);
        for g in GoodsCategory::ALL {
            assert!(codes_of(g).next().is_some(), "{g:?} has no CN code");
        }
        let mut codes: Vec<_> = list.iter().map(|e| e.code).collect();
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes.len(), list.len(), "duplicate CN codes");
    }

    #[test]
    fn lookups_ignore_spacing() {
        let e = lookup("2523 29 00").unwrap();
        assert_eq!(e.category, GoodsCategory::Cement);
        assert_eq!(
            lookup("7318.15.42").unwrap().category,
            GoodsCategory::IronOrSteelProducts
        );
        assert!(lookup("84713000").is_none());
    }

    #[test]
    fn malformed_lines_are_reported() {
        assert_eq!(parse_list("# c\n2523290\tcement\tx\n"), Err(2));
        assert_eq!(parse_list("25232900\tconcrete\tx\n"), Err(1));
        assert_eq!(parse_list("25232900\tcement\n"), Err(1));
    }
}
