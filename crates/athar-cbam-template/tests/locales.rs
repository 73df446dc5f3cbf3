//! Every Fluent key the CBAM crates use exists, in English and in Arabic, and the CBAM
//! message files parse and define the same messages in both languages.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn ids(text: &str) -> BTreeSet<String> {
    text.lines()
        .filter_map(|l| l.split_once(" ="))
        .map(|(id, _)| id.trim())
        .filter(|id| {
            !id.is_empty()
                && id
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        })
        .map(str::to_string)
        .collect()
}

fn messages(lang: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for e in std::fs::read_dir(root().join("locales").join(lang)).unwrap() {
        let p = e.unwrap().path();
        if p.extension().is_some_and(|x| x == "ftl") {
            out.extend(ids(&std::fs::read_to_string(p).unwrap()));
        }
    }
    out
}

/// Keys in string literals of a crate's sources: `"cbam-…"` and `"v-…"`.
fn used(dir: &Path, out: &mut BTreeSet<String>) {
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            used(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            let text = std::fs::read_to_string(&p).unwrap();
            for piece in text.split('"').skip(1).step_by(2) {
                let key = (piece.starts_with("cbam-") || piece.starts_with("v-"))
                    && !piece.starts_with("cbam-2621")
                    && piece.len() > 3
                    && piece
                        .chars()
                        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
                if key {
                    out.insert(piece.to_string());
                }
            }
        }
    }
}

#[test]
fn every_key_used_exists_in_both_languages() {
    let mut keys = BTreeSet::new();
    used(&root().join("crates/athar-cbam/src"), &mut keys);
    used(&root().join("crates/athar-cbam-template/src"), &mut keys);
    assert!(keys.len() > 80, "the key scan found only {}", keys.len());
    for lang in ["en", "ar"] {
        let defined = messages(lang);
        let missing: Vec<_> = keys.difference(&defined).collect();
        assert!(missing.is_empty(), "missing in locales/{lang}: {missing:?}");
    }
}

#[test]
fn cbam_messages_parse_and_match_between_languages() {
    let en = std::fs::read_to_string(root().join("locales/en/cbam.ftl")).unwrap();
    let ar = std::fs::read_to_string(root().join("locales/ar/cbam.ftl")).unwrap();
    for (lang, text) in [("en", &en), ("ar", &ar)] {
        if let Err((_, errors)) = fluent_bundle::FluentResource::try_new(text.clone()) {
            panic!("locales/{lang}/cbam.ftl: {errors:?}");
        }
    }
    assert_eq!(ids(&en), ids(&ar));
    assert!(
        ar.chars()
            .filter(|c| ('\u{0600}'..='\u{06FF}').contains(c))
            .count()
            > 1000
    );
}
