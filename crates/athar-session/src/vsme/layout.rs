//! The VSME datapoint model as the UI's forms need it: each presentation section turned into
//! fields, grids and row tables, with the options and units each field offers.
//!
//! Why the layout is decided here and not in the UI: the taxonomy's presentation says which
//! datapoints share a table and by which axis, in a shape (tables, axes, line-item headings)
//! a form should not have to interpret. The rules: a datapoint without breakdown is a field;
//! a table whose axis has a few fixed members (energy by renewable or not, C3 base and target
//! year) is a grid with the datapoints as rows; a table on a typed axis (sites, subsidiaries,
//! materials) or on a code list (waste types, pollutants, countries) is a list of rows the
//! user adds; a table listing only the axis's default member is plain fields.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use athar_protocol::vsme::{
    VsmeApplicability, VsmeAxis, VsmeBlock, VsmeCodeList, VsmeDatapoint, VsmeEnumeration,
    VsmeGroup, VsmeKind, VsmeMember, VsmeModel, VsmeSection,
};
use athar_vsme::model::{Applicability, CodeList, FieldKind, Model, RowKind, SectionRow, UnitRule};

pub fn kind(k: FieldKind) -> VsmeKind {
    match k {
        FieldKind::Text => VsmeKind::Text,
        FieldKind::TextBlock => VsmeKind::TextBlock,
        FieldKind::Boolean => VsmeKind::Boolean,
        FieldKind::Decimal => VsmeKind::Decimal,
        FieldKind::Monetary => VsmeKind::Monetary,
        FieldKind::Energy => VsmeKind::Energy,
        FieldKind::Mass => VsmeKind::Mass,
        FieldKind::Volume => VsmeKind::Volume,
        FieldKind::Area => VsmeKind::Area,
        FieldKind::Ghg => VsmeKind::Ghg,
        FieldKind::GhgPerMonetary => VsmeKind::GhgPerMonetary,
        FieldKind::Percent => VsmeKind::Percent,
        FieldKind::Year => VsmeKind::Year,
        FieldKind::Date => VsmeKind::Date,
        FieldKind::EnumSingle => VsmeKind::EnumSingle,
        FieldKind::EnumSet => VsmeKind::EnumSet,
    }
}

pub fn applicability(a: Applicability) -> VsmeApplicability {
    match a {
        Applicability::Always => VsmeApplicability::Always,
        Applicability::IfApplicable => VsmeApplicability::IfApplicable,
        Applicability::May => VsmeApplicability::May,
    }
}

fn code_list(c: CodeList) -> VsmeCodeList {
    match c {
        CodeList::Country => VsmeCodeList::Country,
        CodeList::Nace => VsmeCodeList::Nace,
        CodeList::Waste => VsmeCodeList::Waste,
        CodeList::Pollutant => VsmeCodeList::Pollutant,
    }
}

/// The units a datapoint offers, the default first; empty when there is no choice.
pub fn unit_choices(rule: &UnitRule) -> Vec<String> {
    match rule {
        UnitRule::Choice { allowed, default } if allowed.len() > 1 => {
            let mut out: Vec<String> = default.iter().cloned().collect();
            out.extend(
                allowed
                    .iter()
                    .filter(|u| Some(*u) != default.as_ref())
                    .cloned(),
            );
            out
        }
        _ => Vec::new(),
    }
}

/// The blocks of one section, in presentation order.
fn blocks(model: &Model, rows: &[SectionRow]) -> Vec<VsmeBlock> {
    let mut out = Vec::new();
    // Tables of the section: (axis, listed members).
    let mut tables: Vec<(String, Vec<String>)> = Vec::new();
    let mut i = 0;
    while i < rows.len() {
        let r = &rows[i];
        if r.kind == RowKind::Table {
            let mut axis = None;
            let mut members = Vec::new();
            let mut j = i + 1;
            while j < rows.len() && rows[j].depth > r.depth {
                match rows[j].kind {
                    RowKind::Axis if axis.is_none() => axis = Some(rows[j].concept.clone()),
                    RowKind::Member => members.push(rows[j].concept.clone()),
                    _ => {}
                }
                j += 1;
            }
            if let Some(a) = axis {
                tables.push((a, members));
            }
            i = j;
            continue;
        }
        i += 1;
    }
    let table_of = |concept: &str| {
        let d = model.datapoint(concept)?;
        tables.iter().find(|(a, _)| d.dimensions.contains(a))
    };
    let mut placed: Vec<String> = Vec::new();
    for r in rows.iter().filter(|r| r.kind == RowKind::Item) {
        let Some(d) = model.datapoint(&r.concept) else {
            continue;
        };
        let depth = rows
            .iter()
            .filter(|x| x.kind == RowKind::Item)
            .map(|x| x.depth)
            .min()
            .map_or(0, |min| r.depth.saturating_sub(min));
        let Some((axis, members)) = table_of(&d.concept) else {
            out.push(VsmeBlock::Field {
                concept: d.concept.clone(),
                depth,
            });
            continue;
        };
        if placed.contains(axis) {
            continue;
        }
        placed.push(axis.clone());
        let concepts: Vec<String> = rows
            .iter()
            .filter(|x| x.kind == RowKind::Item)
            .filter(|x| table_of(&x.concept).is_some_and(|(a, _)| a == axis))
            .map(|x| x.concept.clone())
            .collect();
        let Some(ax) = model.axis(axis) else { continue };
        let only_default = !members.is_empty()
            && members
                .iter()
                .all(|m| Some(m) == ax.default_member.as_ref());
        if ax.typed_element.is_some() || (ax.code_list.is_some() && members.is_empty()) {
            out.push(VsmeBlock::Rows {
                axis: axis.clone(),
                concepts,
            });
        } else if only_default || members.is_empty() {
            out.extend(
                concepts
                    .into_iter()
                    .map(|concept| VsmeBlock::Field { concept, depth: 0 }),
            );
        } else {
            out.push(VsmeBlock::Grid {
                axis: axis.clone(),
                members: members.clone(),
                concepts,
            });
        }
    }
    out
}

fn build() -> VsmeModel {
    let m = Model::get();
    VsmeModel {
        taxonomy: m.taxonomy.version.clone(),
        sections: m
            .sections
            .iter()
            .map(|s| VsmeSection {
                id: s.id.clone(),
                code: s.code,
                key: s.key.clone(),
                module: s.module.clone(),
                blocks: blocks(m, &s.rows),
            })
            .filter(|s| !s.blocks.is_empty())
            .collect(),
        datapoints: m
            .datapoints
            .iter()
            .map(|d| VsmeDatapoint {
                concept: d.concept.clone(),
                key: d.key.clone(),
                kind: kind(d.kind),
                applicability: applicability(d.applicability),
                module: d.module.clone(),
                paragraph: d.paragraph.clone(),
                instant: d.period == athar_vsme::model::PeriodType::Instant,
                units: unit_choices(&d.unit),
                computed: athar_vsme::company::is_computed(&d.concept),
            })
            .collect(),
        axes: m
            .axes
            .iter()
            .map(|a| VsmeAxis {
                concept: a.concept.clone(),
                key: a.key.clone(),
                typed: a.typed_element.is_some(),
                members: a.members.clone(),
                default_member: a.default_member.clone(),
                code_list: a.code_list.map(code_list),
            })
            .collect(),
        members: m
            .members
            .iter()
            .map(|x| VsmeMember {
                qname: x.qname.clone(),
                key: x.key.clone(),
                label_en: x.label_en.clone(),
                code: x.code.clone(),
            })
            .collect(),
        enumerations: m
            .enumerations
            .iter()
            .map(|e| VsmeEnumeration {
                concept: e.concept.clone(),
                multiple: e.multiple,
                options: e.members.clone(),
                code_list: e.code_list.map(code_list),
            })
            .collect(),
        groups: m
            .groups
            .iter()
            .map(|g| VsmeGroup {
                id: g.id.clone(),
                key: g.key.clone(),
                applicability: applicability(g.applicability),
                question_key: g.gate.as_ref().map(|x| x.key.clone()),
            })
            .collect(),
        schemes: m.rules.entity_schemes.keys().cloned().collect(),
        unit_symbols: m
            .units
            .iter()
            .map(|u| {
                let shown = if u.symbol.is_empty() {
                    u.unit_id.clone()
                } else {
                    u.symbol.clone()
                };
                (u.qname.clone(), shown)
            })
            .collect::<BTreeMap<_, _>>(),
    }
}

/// The model for the UI, built once.
pub fn vsme_model() -> &'static VsmeModel {
    static MODEL: OnceLock<VsmeModel> = OnceLock::new();
    MODEL.get_or_init(build)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn section(m: &VsmeModel, code: u32) -> &VsmeSection {
        m.sections.iter().find(|s| s.code == code).unwrap()
    }

    #[test]
    fn every_datapoint_has_a_place_in_a_form() {
        let m = vsme_model();
        let mut placed = std::collections::BTreeSet::new();
        for s in &m.sections {
            for b in &s.blocks {
                match b {
                    VsmeBlock::Field { concept, .. } => {
                        placed.insert(concept.clone());
                    }
                    VsmeBlock::Grid { concepts, .. } | VsmeBlock::Rows { concepts, .. } => {
                        placed.extend(concepts.iter().cloned());
                    }
                }
            }
        }
        let all: std::collections::BTreeSet<String> =
            m.datapoints.iter().map(|d| d.concept.clone()).collect();
        assert_eq!(placed, all);
        assert_eq!(all.len(), 143);
    }

    #[test]
    fn tables_become_fields_grids_and_rows() {
        let m = vsme_model();
        // B3 GHG: the table lists only "currently stated", the axis default: plain fields.
        let ghg = section(m, 1100);
        assert!(ghg
            .blocks
            .iter()
            .all(|b| matches!(b, VsmeBlock::Field { .. })));
        assert_eq!(ghg.blocks.len(), 8);
        // C3 targets: base and target year columns.
        let c3 = section(m, 1240);
        assert!(
            matches!(&c3.blocks[..], [VsmeBlock::Grid { members, concepts, .. }]
            if members == &["vsme:BaselineYearMember", "vsme:TargetYearMember"] && concepts.len() == 8)
        );
        // Energy: total, renewable, non-renewable.
        let energy = section(m, 1090);
        assert!(
            matches!(&energy.blocks[..], [VsmeBlock::Grid { members, .. }] if members.len() == 3)
        );
        // Sites and waste: rows the user adds.
        assert!(matches!(&section(m, 1030).blocks[..],
            [VsmeBlock::Rows { axis, concepts }] if axis == "vsme:IdentifierOfSiteTypedAxis" && concepts.len() == 5));
        assert!(matches!(&section(m, 1190).blocks[..],
            [VsmeBlock::Rows { axis, .. }] if axis == "vsme:TypeOfWasteAxis"));
        // The legal form's "other" text is indented under it.
        let b1 = section(m, 1010);
        assert!(b1.blocks.iter().any(|b| matches!(b,
            VsmeBlock::Field { concept, depth: 1 } if concept == "vsme:OtherUndertakingsLegalForm")));
    }

    #[test]
    fn units_offer_the_default_first_and_computed_datapoints_are_marked() {
        let m = vsme_model();
        let waste = m
            .datapoint("vsme:WasteDivertedToRecycleOrReuseMass")
            .unwrap();
        assert_eq!(waste.units.first().map(String::as_str), Some("utr:kg"));
        assert!(waste.units.contains(&"utr:t".to_string()));
        assert!(m.datapoint("vsme:Turnover").unwrap().units.is_empty());
        assert!(
            m.datapoint("vsme:GrossScope1GreenhouseGasEmissions")
                .unwrap()
                .computed
        );
        assert!(!m.datapoint("vsme:NumberOfEmployees").unwrap().computed);
        assert_eq!(m.unit_symbols["utr:MWh"], "MWh");
        assert!(m.member("country:EG").is_some());
    }
}
