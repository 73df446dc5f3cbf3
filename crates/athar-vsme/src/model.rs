//! The VSME datapoint model: every reportable datapoint of the VSME XBRL taxonomy 2026-05-01
//! (modules B1–B11 and C1–C9), with its data type, unit rule, period type, dimensions,
//! applicability, module and paragraph, the presentation sections the UI builds its forms
//! from, the enumerations with their options, and where each datapoint sits in EFRAG's
//! digital template 1.3.0.
//!
//! Why this module exists: the forms, the template reader and writer, the completeness view
//! and the Inline XBRL writer must all agree on what a datapoint is. They read one model,
//! `data/vsme-2026-05-01.json`, which the generator `examples/gen_vsme_model` makes from
//! EFRAG's published files (MIT) in `shared/reference/vsme/`; `tests/model_sources.rs` fails
//! when the committed file and the generator's output differ. The model is data, not code, so
//! a UI can lay out a section from [`Section::rows`] without a hand-written form per datapoint.
//!
//! Labels: English labels come from the taxonomy and are also Fluent messages
//! (`locales/en/vsme.ftl`, keys in [`Datapoint::key`], [`Section::key`], [`Member::key`],
//! [`Axis::key`], [`Group::key`]); the Arabic messages are ours. Members of the large EU code
//! lists (countries, NACE, waste codes, pollutants) carry their English label and code only:
//! the UI names countries with the platform's `Intl.DisplayNames`, and NACE and EU waste codes
//! are official EU lists without an Arabic version (decision record 030).

use std::collections::BTreeMap;
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

/// The committed model file.
pub const MODEL_JSON: &str = include_str!("../data/vsme-2026-05-01.json");

/// The whole model.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Model {
    /// Where the data comes from and under which licence.
    pub source: String,
    pub taxonomy: TaxonomyInfo,
    /// Presentation groups of the taxonomy, in presentation order.
    pub sections: Vec<Section>,
    /// One per reportable concept, in first-presentation order.
    pub datapoints: Vec<Datapoint>,
    pub hypercubes: Vec<Hypercube>,
    pub axes: Vec<Axis>,
    /// Domain members used by enumerations and dimensions, sorted by qname.
    pub members: Vec<Member>,
    pub enumerations: Vec<Enumeration>,
    /// Applicability groups of the digital template 1.3.0 (its "Always to be reported",
    /// "If applicable" and "May (optional)" headings), in sheet and row order.
    pub groups: Vec<Group>,
    /// The named ranges of template 1.3.0 that hold datapoints, sorted by name.
    pub template_fields: Vec<TemplateField>,
    /// UTR units the VSME numeric types can take, sorted by qname.
    pub units: Vec<UnitDef>,
    /// ISO 4217 codes valid for monetary facts (UTR).
    pub currencies: Vec<String>,
    /// The converter settings of EFRAG's `disclosures/vsme.json` that decide how template cells
    /// become facts.
    pub rules: TemplateRules,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TaxonomyInfo {
    pub version: String,
    pub entry_point: String,
    /// Entry points of earlier VSME taxonomies that templates 1.0.0 to 1.2.x name.
    pub older_entry_points: Vec<String>,
    /// Prefix → namespace URI.
    pub namespaces: BTreeMap<String, String>,
}

/// A presentation group ("[1100] B3 - Environment - Estimated Greenhouse Gas Emissions").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Section {
    /// Role id, e.g. `role-110`.
    pub id: String,
    /// The number in brackets, e.g. 1100.
    pub code: u32,
    /// `B1`..`B11`, `C1`..`C9`, or `None` for the general and "other" sections.
    pub module: Option<String>,
    pub key: String,
    pub title_en: String,
    pub rows: Vec<SectionRow>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SectionRow {
    pub concept: String,
    pub depth: u8,
    pub kind: RowKind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RowKind {
    /// A heading.
    Abstract,
    /// A hypercube: the rows below it up to the next row of the same depth form a table.
    Table,
    /// A dimension of the table above.
    Axis,
    /// A member of the axis above.
    Member,
    /// A datapoint (see [`Model::datapoint`]).
    Item,
}

/// How a datapoint is entered and shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FieldKind {
    /// One line of text.
    Text,
    /// Free text, possibly long (XBRL text block).
    TextBlock,
    /// Yes or no.
    Boolean,
    /// A number without unit (a count or a ratio).
    Decimal,
    /// An amount in the report currency.
    Monetary,
    Energy,
    Mass,
    Volume,
    Area,
    Ghg,
    /// tCO2e per unit of currency.
    GhgPerMonetary,
    /// A percentage; XBRL stores the fraction (25 % is 0.25).
    Percent,
    /// A calendar year.
    Year,
    Date,
    /// One option of an enumeration.
    EnumSingle,
    /// Any number of options of an enumeration.
    EnumSet,
}

impl FieldKind {
    pub fn is_numeric(self) -> bool {
        matches!(
            self,
            FieldKind::Decimal
                | FieldKind::Monetary
                | FieldKind::Energy
                | FieldKind::Mass
                | FieldKind::Volume
                | FieldKind::Area
                | FieldKind::Ghg
                | FieldKind::GhgPerMonetary
                | FieldKind::Percent
        )
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PeriodType {
    Instant,
    Duration,
}

/// Whether a datapoint must be reported (the digital template's markers).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Applicability {
    /// "Always to be reported".
    Always,
    /// "If applicable": the company says whether it applies; if it does, it is reported.
    IfApplicable,
    /// "May (optional)".
    May,
}

/// Which unit a numeric datapoint takes when nothing else says.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "rule", rename_all = "snake_case")]
pub enum UnitRule {
    /// Not numeric.
    None,
    /// The report currency (ISO 4217).
    Currency,
    /// `numerator` per unit of the report currency.
    PerCurrency { numerator: String },
    /// The unit is chosen among `allowed` (UTR units of the data type, narrowed by the
    /// taxonomy's measurement guidance); `default` when no unit is given.
    Choice {
        allowed: Vec<String>,
        default: Option<String>,
    },
}

/// A reportable datapoint (one taxonomy concept).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Datapoint {
    /// `vsme:GrossScope1GreenhouseGasEmissions`.
    pub concept: String,
    /// Fluent key of the label.
    pub key: String,
    /// The label the taxonomy's presentation shows (sometimes its verbose label).
    pub label_en: String,
    /// Standard labels by language (used to resolve footnote references by label).
    pub labels: BTreeMap<String, String>,
    pub kind: FieldKind,
    /// XBRL data type, e.g. `dtr-types:ghgEmissionsItemType`.
    pub data_type: String,
    pub base_type: String,
    pub period: PeriodType,
    pub unit: UnitRule,
    /// Units the taxonomy's measurement guidance names (`None`: it names none).
    pub required_units: Option<Vec<String>>,
    /// The enumeration of an [`FieldKind::EnumSingle`] or [`FieldKind::EnumSet`] datapoint:
    /// its concept is this datapoint's concept (see [`Model::enumeration`]).
    pub enumerated: bool,
    /// Axes this datapoint can be reported with (explicit and typed), sorted.
    pub dimensions: Vec<String>,
    /// `B1`..`B11`, `C1`..`C9`, or `None` for the "other information" datapoints.
    pub module: Option<String>,
    /// `24(e)(i)`, `30`, `50-53`; `None` where the taxonomy cites no VSME paragraph.
    pub paragraph: Option<String>,
    /// The VSME reference as the taxonomy gives it.
    pub reference: String,
    pub applicability: Applicability,
    /// Section ids in which the datapoint appears.
    pub sections: Vec<String>,
}

/// A table (hypercube) of the taxonomy.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Hypercube {
    pub concept: String,
    pub section: String,
    /// Template 1.3.0 has a named range for this table (its rows are read as a table).
    pub in_template: bool,
    pub axes: Vec<String>,
    pub primary_items: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Axis {
    pub concept: String,
    pub key: String,
    pub label_en: String,
    /// `Some(element)` for a typed axis (the value is written as `<element>value</element>`).
    pub typed_element: Option<String>,
    /// Members of an explicit axis, in taxonomy order (union over its tables).
    pub members: Vec<String>,
    /// The member meaning "no breakdown"; facts with it carry no dimension.
    pub default_member: Option<String>,
    pub code_list: Option<CodeList>,
}

/// The EU code lists the taxonomy imports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CodeList {
    /// ISO 3166-1 (`country:EG`).
    Country,
    /// NACE Rev. 2.1 (`nace:NACE_C2410`).
    Nace,
    /// European List of Waste (`waste:W-160806-...`).
    Waste,
    /// E-PRTR pollutants.
    Pollutant,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Member {
    /// `vsme:ConsolidatedMember`, `country:IT`, `waste:W-160806-...`.
    pub qname: String,
    /// Fluent key; `None` for members of a [`CodeList`].
    pub key: Option<String>,
    pub label_en: String,
    /// Standard labels in the taxonomy's other languages (used to read templates filled in
    /// another language); empty for code-list members.
    pub labels: BTreeMap<String, String>,
    /// Code of a code-list member: `IT`, `C24.10`, `16 08 06`.
    pub code: Option<String>,
}

/// The options of an enumeration datapoint.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Enumeration {
    /// The enumeration datapoint's concept.
    pub concept: String,
    pub multiple: bool,
    /// Options in taxonomy order (the digital template's tick-box lists follow it).
    pub members: Vec<String>,
    pub code_list: Option<CodeList>,
}

/// An applicability group of the digital template: a heading with its marker.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Group {
    /// `env-16-g`: sheet, row and column of the heading in template 1.3.0.
    pub id: String,
    pub key: String,
    pub sheet: String,
    pub row: u32,
    pub col: u32,
    pub heading_en: String,
    pub applicability: Applicability,
    /// The template's yes/no question that opens an "If applicable" group, if it has one.
    pub gate: Option<Gate>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Gate {
    pub key: String,
    pub row: u32,
    pub text_en: String,
    /// The datapoint that answers the question, when the template has one on its row (else
    /// the question exists only in the template).
    pub concept: Option<String>,
}

/// A named range of template 1.3.0 that holds a datapoint.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TemplateField {
    /// The range name: the concept's local name, or `Concept_Member` for a cell with a fixed
    /// dimension member (`GrossScope1GreenhouseGasEmissions_BaselineYearMember`).
    pub name: String,
    pub concept: String,
    /// The fixed member, if any.
    pub member: Option<String>,
    pub sheet: String,
    /// First cell, 1-based.
    pub row: u32,
    pub col: u32,
    pub rows: u32,
    pub cols: u32,
    pub group: Option<String>,
    pub applicability: Applicability,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UnitDef {
    /// `utr:tCO2e`, `xbrli:pure`.
    pub qname: String,
    pub namespace: String,
    pub unit_id: String,
    /// Local name of the UTR item type, e.g. `massItemType`.
    pub item_type: String,
    pub symbol: String,
    pub name: String,
}

/// EFRAG's converter settings (`src/mireport/data/disclosures/vsme.json`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TemplateRules {
    /// Named range of the taxonomy entry point.
    pub entry_point_range: String,
    pub currency_range: String,
    pub entity_identifier_range: String,
    pub entity_scheme_range: String,
    pub period_start_range: String,
    pub period_end_range: String,
    pub entity_name_range: String,
    /// Scheme label as typed in the template (lower case, no spaces) → scheme URI.
    pub entity_schemes: BTreeMap<String, String>,
    /// Data type → unit used when no other rule applies.
    pub data_type_units: BTreeMap<String, String>,
    /// Concept → unit used when the template's unit cell cannot be read.
    pub concept_units: BTreeMap<String, String>,
    /// Cell text → taxonomy label, for template options whose text differs from the label.
    pub cell_value_labels: BTreeMap<String, String>,
    /// Unit spellings in unit cells → UTR unit id spelling.
    pub cell_unit_replacements: Vec<(String, String)>,
    /// Named ranges of older templates → concept local name in this taxonomy.
    pub name_aliases: BTreeMap<String, String>,
}

impl Model {
    /// The embedded model, parsed once.
    pub fn get() -> &'static Model {
        static MODEL: OnceLock<Model> = OnceLock::new();
        MODEL.get_or_init(|| {
            // The file is generated and checked by the crate's tests; a parse failure is a
            // build defect, not bad input.
            serde_json::from_str(MODEL_JSON).expect("data/vsme-2026-05-01.json is a valid model")
        })
    }

    pub fn datapoint(&self, concept: &str) -> Option<&Datapoint> {
        self.datapoints.iter().find(|d| d.concept == concept)
    }

    /// A domain member (members are sorted by qname).
    pub fn member(&self, qname: &str) -> Option<&Member> {
        self.members
            .binary_search_by(|m| m.qname.as_str().cmp(qname))
            .ok()
            .map(|i| &self.members[i])
    }

    pub fn axis(&self, concept: &str) -> Option<&Axis> {
        self.axes.iter().find(|a| a.concept == concept)
    }

    pub fn enumeration(&self, concept: &str) -> Option<&Enumeration> {
        self.enumerations.iter().find(|e| e.concept == concept)
    }

    pub fn section(&self, id: &str) -> Option<&Section> {
        self.sections.iter().find(|s| s.id == id)
    }

    pub fn group(&self, id: &str) -> Option<&Group> {
        self.groups.iter().find(|g| g.id == id)
    }

    pub fn unit(&self, qname: &str) -> Option<&UnitDef> {
        self.units.iter().find(|u| u.qname == qname)
    }

    pub fn template_field(&self, name: &str) -> Option<&TemplateField> {
        self.template_fields
            .binary_search_by(|f| f.name.as_str().cmp(name))
            .ok()
            .map(|i| &self.template_fields[i])
    }

    /// Hypercubes (tables) in which `concept` is a primary item.
    pub fn hypercubes_of(&self, concept: &str) -> impl Iterator<Item = &Hypercube> {
        let concept = concept.to_string();
        self.hypercubes
            .iter()
            .filter(move |h| h.primary_items.contains(&concept))
    }

    /// Explicit axes `concept` is reported with, with their default member.
    pub fn explicit_axes_of(&self, concept: &str) -> Vec<&Axis> {
        self.datapoint(concept)
            .map(|d| {
                d.dimensions
                    .iter()
                    .filter_map(|a| self.axis(a))
                    .filter(|a| a.typed_element.is_none())
                    .collect()
            })
            .unwrap_or_default()
    }

    /// `https://xbrl.efrag.org/taxonomy/vsme/2026-05-01/vsme#ConsolidatedMember` for
    /// `vsme:ConsolidatedMember` (the value of an enumeration fact).
    pub fn expanded_name(&self, qname: &str) -> Option<String> {
        let (prefix, local) = qname.split_once(':')?;
        let ns = self.taxonomy.namespaces.get(prefix)?;
        Some(format!("{ns}#{local}"))
    }

    /// The qname for an expanded name (inverse of [`Model::expanded_name`]).
    pub fn qname_of_expanded(&self, expanded: &str) -> Option<String> {
        let (ns, local) = expanded.rsplit_once('#')?;
        let prefix = self
            .taxonomy
            .namespaces
            .iter()
            .find(|(_, uri)| uri.as_str() == ns)?
            .0;
        Some(format!("{prefix}:{local}"))
    }
}

/// `GrossScope1GreenhouseGasEmissions` → `gross-scope1-greenhouse-gas-emissions`;
/// `GHGEmissions` → `ghg-emissions`; `B6-WaterMember` → `b6-water-member`.
pub fn kebab(local_name: &str) -> String {
    let chars: Vec<char> = local_name.chars().collect();
    let mut out = String::new();
    for (i, &c) in chars.iter().enumerate() {
        if c == '-' || c == '_' || c == ' ' {
            if !out.ends_with('-') && !out.is_empty() {
                out.push('-');
            }
            continue;
        }
        if c.is_ascii_uppercase() && i > 0 {
            let prev = chars[i - 1];
            let next = chars.get(i + 1).copied();
            let boundary = prev.is_ascii_lowercase()
                || prev.is_ascii_digit()
                || (prev.is_ascii_uppercase() && next.is_some_and(|n| n.is_ascii_lowercase()));
            if boundary && !out.ends_with('-') {
                out.push('-');
            }
        }
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        }
    }
    out
}

/// The local name of `prefix:local`.
pub fn local_name(qname: &str) -> &str {
    qname.split_once(':').map_or(qname, |(_, l)| l)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kebab_splits_words_acronyms_and_separators() {
        assert_eq!(
            kebab("GrossScope1GreenhouseGasEmissions"),
            "gross-scope1-greenhouse-gas-emissions"
        );
        assert_eq!(
            kebab("TotalGrossLocationBasedScope1AndScope2GHGEmissions"),
            "total-gross-location-based-scope1-and-scope2-ghg-emissions"
        );
        assert_eq!(kebab("B6-WaterMember"), "b6-water-member");
        assert_eq!(
            kebab("Full-TimeEquivalentFTEMember"),
            "full-time-equivalent-fte-member"
        );
        assert_eq!(
            kebab("URLOrLinkToThePubliclyAvailableDisclosure"),
            "url-or-link-to-the-publicly-available-disclosure"
        );
    }

    #[test]
    fn expanded_names_round_trip() {
        let m = Model::get();
        let e = m.expanded_name("vsme:ConsolidatedMember").unwrap();
        assert_eq!(
            e,
            "https://xbrl.efrag.org/taxonomy/vsme/2026-05-01/vsme#ConsolidatedMember"
        );
        assert_eq!(m.qname_of_expanded(&e).unwrap(), "vsme:ConsolidatedMember");
        assert_eq!(
            m.expanded_name("country:IT").unwrap(),
            "https://xbrl.org/2024/iso3166#IT"
        );
    }
}
