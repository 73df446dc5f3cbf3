//! From a cell's text to an enumeration option or an axis member.
//!
//! Why this module exists: the template's drop-downs hold labels, not qnames, and the labels do
//! not always match the taxonomy's ("Sustainability report prepared on a consolidated basis"
//! for "Consolidated"). EFRAG's converter resolves them in a fixed order, and reading a
//! template the same way is what makes our facts equal theirs:
//!
//! 1. a standard label of a member of the domain, in any language, exactly, then with runs
//!    of white space collapsed and dashes normalised, then without a `[member]` suffix, then
//!    in lower case;
//! 2. the converter's configured alias for the cell text ([`crate::model::TemplateRules`]);
//! 3. for enumerations only, the closest label (Python `difflib.get_close_matches`, cutoff
//!    0.6), reported as a warning.
//!
//! Code-list members are also found by their code (`16 08 06`, `G47.22`, `IT`), which keeps
//! templates filled in another language readable.

use std::collections::{BTreeMap, BTreeSet};

use crate::model::{CodeList, Model};

/// How a text resolved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Resolution {
    Exact(String),
    Alias(String),
    /// The closest label, and which label matched.
    Closest {
        member: String,
        label: String,
    },
    Ambiguous(Vec<String>),
    None,
}

/// Labels of one domain, indexed for lookup.
pub struct Domain {
    members: Vec<String>,
    exact: BTreeMap<String, BTreeSet<String>>,
    pretend: BTreeMap<String, BTreeSet<String>>,
    codes: BTreeMap<String, String>,
    /// (label, member) pairs for closest matching, label without suffix.
    fuzzy: Vec<(String, String)>,
}

impl Domain {
    pub fn new(model: &Model, members: &[String]) -> Self {
        let mut exact: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        let mut pretend: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        let mut codes = BTreeMap::new();
        let mut fuzzy = Vec::new();
        for q in members {
            let Some(m) = model.member(q) else { continue };
            let mut labels = vec![m.label_en.clone()];
            labels.extend(m.labels.values().cloned());
            for l in labels {
                exact.entry(l.clone()).or_default().insert(q.clone());
                let n = normalize(&l);
                for key in [n.clone(), n.to_lowercase()] {
                    pretend.entry(key).or_default().insert(q.clone());
                }
                fuzzy.push((l, q.clone()));
            }
            if let Some(code) = &m.code {
                codes.insert(code_key(code), q.clone());
                if q.starts_with("nace:") {
                    // "G - 47.22" is how the template writes a NACE code.
                    codes.insert(code_key(&nace_display(code)), q.clone());
                }
            }
        }
        Domain {
            members: members.to_vec(),
            exact,
            pretend,
            codes,
            fuzzy,
        }
    }

    pub fn members(&self) -> &[String] {
        &self.members
    }

    /// Resolve `text` (steps 1 and 2; step 3 when `closest`).
    pub fn resolve(&self, model: &Model, text: &str, closest: bool) -> Resolution {
        let unique = |set: &BTreeSet<String>| -> Resolution {
            match set.len() {
                1 => Resolution::Exact(set.iter().next().cloned().unwrap_or_default()),
                _ => Resolution::Ambiguous(set.iter().cloned().collect()),
            }
        };
        if let Some(set) = self.exact.get(text) {
            return unique(set);
        }
        let n = normalize(text);
        let no_suffix = strip_suffix(&n);
        for key in [n.clone(), no_suffix.clone(), no_suffix.to_lowercase()] {
            if let Some(set) = self.pretend.get(&key) {
                return unique(set);
            }
        }
        if let Some(alias) = model.rules.cell_value_labels.get(text) {
            let a = normalize(&strip_suffix(alias));
            for key in [a.clone(), a.to_lowercase()] {
                if let Some(set) = self.pretend.get(&key) {
                    return match unique(set) {
                        Resolution::Exact(m) => Resolution::Alias(m),
                        other => other,
                    };
                }
            }
        }
        if let Some(m) = self.by_code(text) {
            return Resolution::Exact(m);
        }
        if closest {
            if let Some((label, member)) = self.closest(text) {
                return Resolution::Closest { member, label };
            }
        }
        Resolution::None
    }

    /// A code-list member named by its leading code: `16 08 06 - ...` or `160806 ...`
    /// (waste), `G - 47.22 ...` (NACE), `IT` (country).
    fn by_code(&self, text: &str) -> Option<String> {
        if self.codes.is_empty() {
            return None;
        }
        let t = normalize(text);
        let digits: String = t
            .split_whitespace()
            .take_while(|w| w.chars().all(|c| c.is_ascii_digit()))
            .collect();
        let nace_head = {
            let mut parts = t.splitn(2, " - ");
            match (parts.next(), parts.next()) {
                (Some(s), Some(rest)) if s.len() == 1 => {
                    format!("{s} - {}", rest.split_whitespace().next().unwrap_or(""))
                }
                _ => String::new(),
            }
        };
        let head = t.split(" - ").next().unwrap_or(&t).to_string();
        [digits, nace_head, head, t.clone()]
            .iter()
            .filter(|k| !k.is_empty())
            .find_map(|k| self.codes.get(&code_key(k)).cloned())
    }

    /// The closest label with a ratio of at least 0.6, as `difflib.get_close_matches(n=1)`:
    /// the highest ratio, ties to the greater label.
    fn closest(&self, text: &str) -> Option<(String, String)> {
        let a: Vec<char> = text.chars().collect();
        let mut best: Option<(f64, &str, &str)> = None;
        let mut seen = BTreeSet::new();
        for (label, member) in &self.fuzzy {
            for candidate in [label.as_str()] {
                if !seen.insert((candidate, member.as_str())) {
                    continue;
                }
                let b: Vec<char> = candidate.chars().collect();
                let r = ratio(&b, &a);
                if r < 0.6 {
                    continue;
                }
                let better = match best {
                    None => true,
                    Some((br, bl, _)) => r > br || (r == br && candidate > bl),
                };
                if better {
                    best = Some((r, candidate, member));
                }
            }
        }
        best.map(|(_, l, m)| (l.to_string(), m.to_string()))
    }
}

/// White space runs collapsed, ends trimmed, Unicode dashes as `-`.
pub fn normalize(text: &str) -> String {
    let t: String = text
        .chars()
        .map(|c| match c {
            '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{FE58}' | '\u{FE63}' | '\u{FF0D}' => '-',
            c if c.is_whitespace() => ' ',
            c => c,
        })
        .collect();
    t.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `Label [member]` → `Label`.
pub fn strip_suffix(text: &str) -> String {
    let t = text.trim_end();
    if t.ends_with(']') {
        if let Some(i) = t.rfind('[') {
            let before = t[..i].trim_end();
            if !before.is_empty() {
                return before.to_string();
            }
        }
    }
    t.to_string()
}

fn code_key(code: &str) -> String {
    code.chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '.')
        .collect::<String>()
        .to_ascii_uppercase()
}

/// `G47.22` → `G - 47.22`.
fn nace_display(code: &str) -> String {
    let mut chars = code.chars();
    match (chars.next(), chars.as_str()) {
        (Some(s), rest) if !rest.is_empty() => format!("{s} - {rest}"),
        (Some(s), _) => s.to_string(),
        _ => String::new(),
    }
}

/// Python's `difflib.SequenceMatcher(None, a, b).ratio()` without junk heuristics (they only
/// apply from 200 characters on, longer than any label): 2·M / (len a + len b), M the
/// characters of the matching blocks found by recursive longest common substrings.
pub fn ratio(a: &[char], b: &[char]) -> f64 {
    let total = a.len() + b.len();
    if total == 0 {
        return 1.0;
    }
    let mut matches = 0usize;
    let mut queue = vec![(0usize, a.len(), 0usize, b.len())];
    while let Some((alo, ahi, blo, bhi)) = queue.pop() {
        let (i, j, k) = longest_match(a, b, alo, ahi, blo, bhi);
        if k > 0 {
            matches += k;
            if alo < i && blo < j {
                queue.push((alo, i, blo, j));
            }
            if i + k < ahi && j + k < bhi {
                queue.push((i + k, ahi, j + k, bhi));
            }
        }
    }
    2.0 * matches as f64 / total as f64
}

/// The longest common block of `a[alo..ahi]` and `b[blo..bhi]`: earliest in `a`, then
/// earliest in `b` (difflib's `find_longest_match` without junk).
fn longest_match(
    a: &[char],
    b: &[char],
    alo: usize,
    ahi: usize,
    blo: usize,
    bhi: usize,
) -> (usize, usize, usize) {
    let (mut besti, mut bestj, mut bestsize) = (alo, blo, 0usize);
    // j2len[j] = length of the match ending at a[i-1], b[j-1]
    let mut j2len: BTreeMap<usize, usize> = BTreeMap::new();
    for (i, ai) in a.iter().enumerate().take(ahi).skip(alo) {
        let mut newj2len = BTreeMap::new();
        for (j, bj) in b.iter().enumerate().take(bhi).skip(blo) {
            if ai != bj {
                continue;
            }
            let k = j
                .checked_sub(1)
                .and_then(|p| j2len.get(&p))
                .copied()
                .unwrap_or(0)
                + 1;
            newj2len.insert(j, k);
            if k > bestsize {
                besti = i + 1 - k;
                bestj = j + 1 - k;
                bestsize = k;
            }
        }
        j2len = newj2len;
    }
    (besti, bestj, bestsize)
}

/// The domain of an explicit axis or an enumeration, and its code list.
pub fn domain_members(model: &Model, concept: &str) -> (Vec<String>, Option<CodeList>) {
    if let Some(e) = model.enumeration(concept) {
        return (e.members.clone(), e.code_list);
    }
    if let Some(a) = model.axis(concept) {
        return (a.members.clone(), a.code_list);
    }
    (Vec::new(), None)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chars(s: &str) -> Vec<char> {
        s.chars().collect()
    }

    #[test]
    fn ratio_matches_python_difflib() {
        // Values printed by Python 3.11's difflib.SequenceMatcher(None, a, b).ratio().
        assert!((ratio(&chars("abcd"), &chars("bcde")) - 0.75).abs() < 1e-12);
        assert!((ratio(&chars("Consolidated"), &chars("Consolidated basis")) - 0.8).abs() < 1e-12);
        assert_eq!(ratio(&chars(""), &chars("")), 1.0);
        assert_eq!(ratio(&chars("abc"), &chars("xyz")), 0.0);
    }

    #[test]
    fn labels_resolve_exactly_by_alias_by_code_and_closest() {
        let m = Model::get();
        let (members, _) = domain_members(m, "vsme:BasisForReporting");
        let d = Domain::new(m, &members);
        assert_eq!(
            d.resolve(
                m,
                "Sustainability report prepared on a consolidated basis",
                false
            ),
            Resolution::Alias("vsme:ConsolidatedMember".into())
        );
        assert_eq!(
            d.resolve(m, "  consolidated ", false),
            Resolution::Exact("vsme:ConsolidatedMember".into())
        );
        assert!(matches!(
            d.resolve(m, "Consolidatd", true),
            Resolution::Closest { ref member, .. } if member == "vsme:ConsolidatedMember"
        ));
        assert_eq!(d.resolve(m, "Consolidatd", false), Resolution::None);

        let (members, _) = domain_members(m, "vsme:TypeOfWasteAxis");
        let d = Domain::new(m, &members);
        assert_eq!(
            d.resolve(
                m,
                "    20 01 01 - Non-Hazardous - Paper and cardboard",
                false
            ),
            Resolution::Exact("waste:W-200101-Non-Hazardous-PaperAndCardboardMember".into())
        );
        // Another language's text with the same code.
        assert_eq!(
            d.resolve(m, "20 01 01 - Nicht gefährlich - Papier und Pappe", false),
            Resolution::Exact("waste:W-200101-Non-Hazardous-PaperAndCardboardMember".into())
        );

        let (members, _) = domain_members(m, "vsme:NaceSectorClassificationCodes");
        let d = Domain::new(m, &members);
        assert_eq!(
            d.resolve(m, "G - 47.22 Retail sale of meat and meat products", false),
            Resolution::Exact("nace:NACE_G4722".into())
        );
    }
}
