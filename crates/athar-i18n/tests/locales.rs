//! Keeps English and Arabic in step, and keeps user-visible text in Fluent.
//!
//! - every message in `locales/en` exists in `locales/ar` and the other way round;
//! - every `.ftl` file on disk is embedded (listed in `SOURCES`);
//! - every key the code asks for (`t("…")`, `UiError::new("…")`, `FieldError::new(_, "…")`)
//!   exists;
//! - no string literal in `ui/src` looks like text for a person (a capitalised word or a
//!   non-ASCII letter) unless its line is marked `// i18n-ok`.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use athar_i18n::{message_ids, Localizer, SOURCES};
use athar_protocol::Lang;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())) {
        let p = e.unwrap().path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

#[test]
fn english_and_arabic_define_the_same_messages() {
    let en: BTreeSet<_> = message_ids(Lang::En).into_iter().collect();
    let ar: BTreeSet<_> = message_ids(Lang::Ar).into_iter().collect();
    let only_en: Vec<_> = en.difference(&ar).collect();
    let only_ar: Vec<_> = ar.difference(&en).collect();
    assert!(
        only_en.is_empty() && only_ar.is_empty(),
        "only in en: {only_en:?}\nonly in ar: {only_ar:?}"
    );
    assert!(en.len() > 50, "suspiciously few messages: {}", en.len());
    for lang in [Lang::En, Lang::Ar] {
        let ids = message_ids(lang);
        let unique: BTreeSet<_> = ids.iter().collect();
        assert_eq!(unique.len(), ids.len(), "duplicate ids in {}", lang.code());
    }
}

#[test]
fn every_ftl_file_is_embedded_and_parses() {
    for lang in ["en", "ar"] {
        for e in std::fs::read_dir(root().join("locales").join(lang)).unwrap() {
            let name = e.unwrap().file_name().to_string_lossy().into_owned();
            if name.ends_with(".ftl") {
                assert!(
                    SOURCES
                        .iter()
                        .any(|(l, n, _)| l.code() == lang && *n == name),
                    "locales/{lang}/{name} is not listed in athar_i18n::SOURCES"
                );
            }
        }
    }
    for (lang, name, text) in SOURCES {
        if let Err((_, errs)) = fluent_bundle::FluentResource::try_new(text.to_string()) {
            panic!("locales/{}/{name}: {errs:?}", lang.code());
        }
    }
    // Arabic messages are really Arabic.
    let ar = Localizer::new(Lang::Ar);
    assert!(ar
        .t("error-wrong-passphrase")
        .chars()
        .any(|c| ('\u{0600}'..='\u{06FF}').contains(&c)));
}

#[test]
fn every_key_the_code_uses_exists() {
    let en: BTreeSet<_> = message_ids(Lang::En).into_iter().collect();
    let patterns = [
        regex::Regex::new(r#"\btf?\(\s*"([a-z0-9-]+)""#).unwrap(),
        regex::Regex::new(r#"UiError::new\(\s*"([a-z0-9-]+)""#).unwrap(),
        regex::Regex::new(r#"FieldError::new\([^;]*?,\s*"([a-z0-9-]+)"\s*\)"#).unwrap(),
        regex::Regex::new(r#"l\.(?:t|format)\(\s*"([a-z0-9-]+)""#).unwrap(),
        // Keys handed to UI components as properties, e.g. `title_key="profile-site-title"`.
        regex::Regex::new(r#"\b\w+_key\s*=\s*"([a-z0-9-]+)""#).unwrap(),
    ];
    let mut files = Vec::new();
    for dir in ["crates", "ui/src", "src-tauri/src"] {
        rust_files(&root().join(dir), &mut files);
    }
    let mut missing = Vec::new();
    let mut seen = 0;
    for f in &files {
        let text = std::fs::read_to_string(f).unwrap();
        for re in &patterns {
            for cap in re.captures_iter(&text) {
                seen += 1;
                if !en.contains(&cap[1]) {
                    missing.push(format!("{}: {}", f.display(), &cap[1]));
                }
            }
        }
    }
    assert!(
        seen > 40,
        "the key scan found only {seen} uses; is the pattern broken?"
    );
    assert!(
        missing.is_empty(),
        "keys used but not defined in locales/en:\n{}",
        missing.join("\n")
    );
}

/// String literals in Rust source with their line numbers. Skips comments and char literals.
fn string_literals(src: &str) -> Vec<(usize, String)> {
    let b: Vec<char> = src.chars().collect();
    let (mut i, mut line, mut out) = (0, 1, Vec::new());
    while i < b.len() {
        let c = b[i];
        if c == '\n' {
            line += 1;
        }
        if c == '/' && b.get(i + 1) == Some(&'/') {
            while i < b.len() && b[i] != '\n' {
                i += 1;
            }
            continue;
        }
        if c == '/' && b.get(i + 1) == Some(&'*') {
            i += 2;
            while i + 1 < b.len() && !(b[i] == '*' && b[i + 1] == '/') {
                if b[i] == '\n' {
                    line += 1;
                }
                i += 1;
            }
            i += 2;
            continue;
        }
        if c == '\'' {
            if b.get(i + 1) == Some(&'\\') {
                i += 2;
                while i < b.len() && b[i] != '\'' {
                    i += 1;
                }
                i += 1;
                continue;
            }
            if b.get(i + 2) == Some(&'\'') {
                i += 3;
                continue;
            }
        }
        if c == 'r'
            && (b.get(i + 1) == Some(&'"') || b.get(i + 1) == Some(&'#'))
            && (i == 0 || !b[i - 1].is_alphanumeric())
        {
            let mut j = i + 1;
            let mut hashes = 0;
            while b.get(j) == Some(&'#') {
                hashes += 1;
                j += 1;
            }
            if b.get(j) == Some(&'"') {
                let start_line = line;
                let mut s = String::new();
                j += 1;
                loop {
                    if j >= b.len() {
                        break;
                    }
                    if b[j] == '"' && (0..hashes).all(|k| b.get(j + 1 + k) == Some(&'#')) {
                        j += 1 + hashes;
                        break;
                    }
                    if b[j] == '\n' {
                        line += 1;
                    }
                    s.push(b[j]);
                    j += 1;
                }
                out.push((start_line, s));
                i = j;
                continue;
            }
        }
        if c == '"' {
            let start_line = line;
            let mut s = String::new();
            i += 1;
            while i < b.len() && b[i] != '"' {
                if b[i] == '\\' {
                    s.push(b[i]);
                    i += 1;
                }
                if i < b.len() {
                    if b[i] == '\n' {
                        line += 1;
                    }
                    s.push(b[i]);
                }
                i += 1;
            }
            i += 1;
            out.push((start_line, s));
            continue;
        }
        i += 1;
    }
    out
}

fn looks_like_prose(s: &str) -> bool {
    let caps = regex::Regex::new(r"[A-Z][a-z]").unwrap();
    caps.is_match(s) || s.chars().any(|c| c.is_alphabetic() && !c.is_ascii())
}

#[test]
fn the_literal_scanner_catches_prose() {
    let src = "let a = \"Save changes\"; // note\nlet b = \"btn-primary\"; let c = '\"'; let d = \"حفظ\";\nlet e = r#\"Open \"file\"\"#;";
    let flagged: Vec<_> = string_literals(src)
        .into_iter()
        .filter(|(_, s)| looks_like_prose(s))
        .collect();
    assert_eq!(flagged.len(), 3, "{flagged:?}");
    assert_eq!(flagged[0], (1, "Save changes".to_string()));
    assert_eq!(flagged[1].0, 2);
    assert_eq!(flagged[2].0, 3);
}

#[test]
fn ui_text_goes_through_fluent() {
    let mut files = Vec::new();
    rust_files(&root().join("ui/src"), &mut files);
    assert!(!files.is_empty(), "no UI sources found");
    let mut offenders = Vec::new();
    for f in files {
        let text = std::fs::read_to_string(&f).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        for (line, lit) in string_literals(&text) {
            let src_line = lines.get(line - 1).copied().unwrap_or_default();
            if looks_like_prose(&lit) && !src_line.contains("i18n-ok") {
                offenders.push(format!("{}:{line}: \"{lit}\"", f.display()));
            }
        }
    }
    assert!(
        offenders.is_empty(),
        "user-visible text must come from locales/*.ftl (or mark the line // i18n-ok):\n{}",
        offenders.join("\n")
    );
}
