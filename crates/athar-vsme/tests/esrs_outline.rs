//! The ESRS E1 lines of the E1 view against the ESRS Set 1 taxonomy outline, read in place:
//! each label is a line item of E1-5 (energy) or E1-6 (GHG emissions).

use athar_vsme::esrs_e1::{E1_5, E1_6};

const OUTLINE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../../shared/reference/vsme/esrs-set1/esrs-2023-12-22-outline.txt"
);

/// The outline's lines from the disclosure heading `start` to the next heading `end`.
fn section(text: &str, start: &str, end: &str) -> String {
    let from = text
        .find(start)
        .unwrap_or_else(|| panic!("{start} not in the outline"));
    let to = text[from..].find(end).map_or(text.len(), |i| from + i);
    text[from..to].to_string()
}

fn item_labels(section: &str) -> Vec<String> {
    section
        .lines()
        .filter_map(|l| l.split_once("∟ "))
        .map(|(_, rest)| {
            // "🔋 Energy consumption from fossil sources¹ [energy, single item]"
            let t = rest.split(" [").next().unwrap_or(rest);
            let t = t.trim_start_matches(|c: char| !c.is_ascii_alphanumeric());
            t.trim_end_matches('¹').trim().to_string()
        })
        .collect()
}

#[test]
fn e1_labels_are_line_items_of_e1_5_and_e1_6() {
    let text = std::fs::read_to_string(OUTLINE).unwrap();
    let e1_5 = item_labels(&section(
        &text,
        "E1-5 Energy consumption and mix - general",
        "E1-6 Gross",
    ));
    let e1_6 = item_labels(&section(
        &text,
        "E1-6 Gross Scopes 1, 2, 3 and Total GHG emissions - general",
        "E1-7 ",
    ));
    for (concept, label, _) in E1_5 {
        assert!(
            e1_5.iter().any(|l| l == label),
            "{concept}: {label:?} is not an E1-5 item"
        );
    }
    for (concept, label, _, _) in E1_6 {
        assert!(
            e1_6.iter().any(|l| l == label),
            "{concept}: {label:?} is not an E1-6 item"
        );
    }
}
