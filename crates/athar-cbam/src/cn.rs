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

/// CN codes whose default value (IR 2025/2621 Annexes I and IV) is split into variants, with
/// the variants as the factor packs name them (`cn:<code>-<variant>`). Kept here, not only in
/// the packs, so that the guided flow (wasm, without the packs) can ask which one applies and
/// validation can insist on an answer; a test checks it against the packs in `factors/`.
pub const DEFAULT_VARIANTS: &[(&str, &[&str])] = &[
    ("25231000", &["grey-clinker", "white-clinker"]),
    (
        "25239000",
        &["grey-hydraulic-cements", "white-hydraulic-cements"],
    ),
];

/// The default-value variants of `code` (spaces and dots ignored); empty when it has none.
pub fn default_variants(code: &str) -> &'static [&'static str] {
    let code = normalize_cn(code);
    DEFAULT_VARIANTS
        .iter()
        .find(|(c, _)| *c == code)
        .map_or(&[], |(_, v)| v)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_variant_list_is_the_one_in_the_factor_packs() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../factors");
        let mut found: Vec<(String, String)> = Vec::new();
        for pack in ["cbam-2621-annex-i", "cbam-2621-annex-iv"] {
            for file in std::fs::read_dir(root.join(pack)).unwrap() {
                let text = std::fs::read_to_string(file.unwrap().path()).unwrap();
                for token in text.split(|c: char| c == ',' || c.is_whitespace() || c == '"') {
                    let Some(rest) = token.strip_prefix("cn:") else {
                        continue;
                    };
                    if let Some((code, variant)) = rest.split_once('-') {
                        found.push((code.to_string(), variant.to_string()));
                    }
                }
            }
        }
        found.sort();
        found.dedup();
        let listed: Vec<(String, String)> = DEFAULT_VARIANTS
            .iter()
            .flat_map(|(c, vs)| vs.iter().map(|v| (c.to_string(), v.to_string())))
            .collect();
        assert_eq!(found, listed);
        assert_eq!(
            default_variants("2523 10 00"),
            &["grey-clinker", "white-clinker"]
        );
        assert!(default_variants("25232900").is_empty());
    }

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
