//! Messages of the sustainability report (VSME) screen.
//!
//! Why these types mirror `athar-vsme` instead of reusing it: the UI is wasm and must not pull
//! in the template reader (calamine, zip). The shell turns the engine's model into
//! [`VsmeModel`] — sections already laid out as fields, grids and row tables, so the UI
//! generates its forms without knowing the taxonomy — and its facts into [`VsmeFact`]s.
//! Facts are addressed by [`fact_key`], the same key the engine and the store use.

use std::collections::BTreeMap;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::{Lang, UiError};

/// How a datapoint is entered and shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum VsmeKind {
    Text,
    TextBlock,
    Boolean,
    /// A count or ratio without unit.
    Decimal,
    /// In the report currency.
    Monetary,
    Energy,
    Mass,
    Volume,
    Area,
    Ghg,
    /// tCO2e per unit of the report currency.
    GhgPerMonetary,
    /// Typed and shown in percent; the fact holds the fraction.
    Percent,
    Year,
    Date,
    EnumSingle,
    EnumSet,
}

impl VsmeKind {
    pub fn is_numeric(self) -> bool {
        matches!(
            self,
            VsmeKind::Decimal
                | VsmeKind::Monetary
                | VsmeKind::Energy
                | VsmeKind::Mass
                | VsmeKind::Volume
                | VsmeKind::Area
                | VsmeKind::Ghg
                | VsmeKind::GhgPerMonetary
                | VsmeKind::Percent
        )
    }
}

/// The template's marker for a datapoint.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum VsmeApplicability {
    Always,
    IfApplicable,
    May,
}

/// The EU code lists some options come from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum VsmeCodeList {
    Country,
    Nace,
    Waste,
    Pollutant,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct VsmeDatapoint {
    /// `vsme:GrossScope1GreenhouseGasEmissions`.
    pub concept: String,
    /// Fluent key of the label.
    pub key: String,
    pub kind: VsmeKind,
    pub applicability: VsmeApplicability,
    /// `B3`, `C1`; `None` for the general sections.
    pub module: Option<String>,
    /// Paragraph of the standard, e.g. `29(a)`.
    pub paragraph: Option<String>,
    /// Measured at the period's end rather than over the period.
    pub instant: bool,
    /// Units to choose from (UTR qnames, the default first); empty when there is no choice
    /// (the report currency, a count, or not a number).
    pub units: Vec<String>,
    /// Computed by Athar from the inventory: read-only, with "explain" and "override".
    pub computed: bool,
}

/// An option of an enumeration or a member of an axis.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct VsmeMember {
    /// `vsme:ConsolidatedMember`, `country:IT`, `nace:NACE_C2410`.
    pub qname: String,
    /// Fluent key; `None` for members of a code list (shown by code and English label).
    pub key: Option<String>,
    pub label_en: String,
    /// `IT`, `C24.10`, `16 08 06`.
    pub code: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct VsmeAxis {
    pub concept: String,
    pub key: String,
    /// Rows are named by the user (a site's number) rather than chosen from members.
    pub typed: bool,
    /// Members in taxonomy order (qnames, see [`VsmeModel::members`]).
    pub members: Vec<String>,
    /// The member meaning "no breakdown": facts for it carry no dimension.
    pub default_member: Option<String>,
    pub code_list: Option<VsmeCodeList>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct VsmeEnumeration {
    pub concept: String,
    pub multiple: bool,
    /// Options in taxonomy order (qnames).
    pub options: Vec<String>,
    pub code_list: Option<VsmeCodeList>,
}

/// An "If applicable" group of the template and its yes/no question.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct VsmeGroup {
    pub id: String,
    /// Fluent key of the heading.
    pub key: String,
    pub applicability: VsmeApplicability,
    /// Fluent key of the template's question, if it has one.
    pub question_key: Option<String>,
}

/// A piece of a section's form, in presentation order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "block", rename_all = "snake_case")]
pub enum VsmeBlock {
    /// One datapoint without breakdown; `depth` indents a datapoint that details the one
    /// above it (the "other" legal form under the legal form).
    Field { concept: String, depth: u8 },
    /// Datapoints (rows) broken down by the members of one axis (columns): energy by
    /// renewable or not, C3 figures for the base year and the target year.
    Grid {
        axis: String,
        members: Vec<String>,
        concepts: Vec<String>,
    },
    /// Rows the user adds and removes (a site, a subsidiary, a waste type, a pollutant, a
    /// country), one column per datapoint. On a typed axis the row is named by a number; on
    /// an axis with members the user picks the member.
    Rows { axis: String, concepts: Vec<String> },
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct VsmeSection {
    pub id: String,
    /// The taxonomy's number, e.g. 1100.
    pub code: u32,
    /// Fluent key of the title.
    pub key: String,
    pub module: Option<String>,
    pub blocks: Vec<VsmeBlock>,
}

/// The datapoint model, laid out for forms.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct VsmeModel {
    /// `2026-05-01`.
    pub taxonomy: String,
    pub sections: Vec<VsmeSection>,
    pub datapoints: Vec<VsmeDatapoint>,
    pub axes: Vec<VsmeAxis>,
    /// Every option and axis member, sorted by qname.
    pub members: Vec<VsmeMember>,
    pub enumerations: Vec<VsmeEnumeration>,
    pub groups: Vec<VsmeGroup>,
    /// Identifier schemes: `lei`, `duns`, `euid`, `permid`.
    pub schemes: Vec<String>,
    /// UTR unit qname → symbol shown (`utr:MWh` → `MWh`).
    pub unit_symbols: BTreeMap<String, String>,
}

impl VsmeModel {
    pub fn datapoint(&self, concept: &str) -> Option<&VsmeDatapoint> {
        self.datapoints.iter().find(|d| d.concept == concept)
    }

    pub fn axis(&self, concept: &str) -> Option<&VsmeAxis> {
        self.axes.iter().find(|a| a.concept == concept)
    }

    pub fn enumeration(&self, concept: &str) -> Option<&VsmeEnumeration> {
        self.enumerations.iter().find(|e| e.concept == concept)
    }

    pub fn member(&self, qname: &str) -> Option<&VsmeMember> {
        self.members
            .binary_search_by(|m| m.qname.as_str().cmp(qname))
            .ok()
            .map(|i| &self.members[i])
    }
}

/// The value of a dimension.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(tag = "kind", content = "value", rename_all = "snake_case")]
pub enum VsmeDim {
    /// A member of an axis (`vsme:RenewableEnergyMember`).
    Member(String),
    /// The row name on a typed axis (`1`).
    Typed(String),
}

/// `concept[axis=member,axis2="typed"]`, axes sorted: the key under which facts, overrides
/// and form fields are addressed (as `athar_vsme::fact_key`).
pub fn fact_key(concept: &str, dimensions: &BTreeMap<String, VsmeDim>) -> String {
    if dimensions.is_empty() {
        return concept.to_string();
    }
    let dims: Vec<String> = dimensions
        .iter()
        .map(|(a, v)| match v {
            VsmeDim::Member(m) => format!("{a}={m}"),
            VsmeDim::Typed(t) => format!("{a}=\"{t}\""),
        })
        .collect();
    format!("{concept}[{}]", dims.join(","))
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", content = "value", rename_all = "snake_case")]
pub enum VsmeValue {
    /// As stored: percentages as fractions.
    Number(Decimal),
    Text(String),
    Bool(bool),
    /// `YYYY-MM-DD`.
    Date(String),
    Year(i32),
    /// Option qnames, sorted.
    Members(Vec<String>),
}

/// Where a reported figure comes from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum VsmeSource {
    /// A field of the company profile (`profile.employees`, `sites.0.address`).
    Profile { field: String },
    /// Results of the GHG inventory, each explainable.
    Inventory {
        results: Vec<String>,
        formula: Option<String>,
    },
    /// Typed in the report's forms (or the report's settings).
    User,
    /// A cell of an imported template.
    Template { cell: String },
    /// A computed figure replaced by a person.
    Override {
        source: Box<VsmeSource>,
        computed: String,
        reason: String,
    },
}

/// How a stored fact got into the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum VsmeStored {
    Typed,
    Import,
}

/// One reported fact.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct VsmeFact {
    pub key: String,
    pub concept: String,
    pub dimensions: BTreeMap<String, VsmeDim>,
    /// The year of a base-year or target-year figure.
    pub year: Option<i32>,
    pub value: VsmeValue,
    /// The number as shown: rounded to its decimals, ×100 for a percentage.
    pub shown: Option<Decimal>,
    /// `tCO2e`, `MWh`, `EUR`, `tCO2e/EUR`, `%`; empty for counts and non-numbers.
    pub unit: String,
    /// The unit's UTR qname, when it was chosen from a list (`utr:kWh`).
    pub measure: Option<String>,
    pub source: Option<VsmeSource>,
    /// Stored in the file (typed or imported) rather than computed.
    pub stored: Option<VsmeStored>,
    /// The stored fact takes the place of a value from the company profile.
    pub replaces_profile: bool,
    pub footnotes: Vec<String>,
}

/// A stored (typed or imported) fact that is not reported because Athar computes the
/// datapoint; it can be adopted as an override.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct VsmeSetAside {
    pub key: String,
    pub concept: String,
    pub value: VsmeValue,
    pub stored: VsmeStored,
}

/// A datapoint the report lacks.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct VsmeMissing {
    pub concept: String,
    pub label_key: String,
    /// The breakdown it is asked for (`vsme:BaselineYearMember`), if any.
    pub member: Option<String>,
    pub group: Option<String>,
}

/// An "If applicable" group waiting for a yes or no.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct VsmeQuestion {
    pub group: String,
    pub group_key: String,
    pub question_key: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct VsmeCompleteness {
    pub missing_always: Vec<VsmeMissing>,
    pub needs_answer: Vec<VsmeQuestion>,
    pub missing_applicable: Vec<VsmeMissing>,
    /// Only the Basic Module is reported (C1–C9 are not asked for).
    pub basic_only: bool,
    pub complete: bool,
}

/// A line of the ESRS E1 view.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct VsmeE1Line {
    /// `E1-5` or `E1-6`.
    pub disclosure: String,
    /// `esrs:GrossScope1GreenhouseGasEmissions`.
    pub esrs_concept: String,
    /// Fluent key of the label.
    pub key: String,
    pub value: Option<Decimal>,
    pub unit: String,
    /// VSME concepts or inventory result ids the value comes from.
    pub sources: Vec<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct VsmeE1View {
    pub lines: Vec<VsmeE1Line>,
    /// Purchased electricity without certificates is counted as fossil.
    pub grid_mix_unknown: bool,
}

/// The report's settings as the form edits them.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct VsmeSettings {
    /// Empty: the profile's legal name.
    pub entity_name: String,
    /// `lei`, `duns`, `euid`, `permid`, or empty.
    pub entity_scheme: String,
    pub entity_identifier: String,
    /// ISO 4217.
    pub currency: String,
    /// `YYYY-MM-DD`.
    pub period_start: String,
    pub period_end: String,
    pub target_base_year: Option<i32>,
    pub target_year: Option<i32>,
    /// Fractions (0.42 = 42 % less than the base year).
    pub scope12_reduction: Option<Decimal>,
    pub scope3_reduction: Option<Decimal>,
}

/// The template last imported.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct VsmeImported {
    pub file_name: String,
    pub version: Option<String>,
    /// RFC 3339.
    pub at: String,
}

/// Everything the report screen shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct VsmeState {
    pub settings: VsmeSettings,
    /// The name the report is made out to.
    pub entity_name: String,
    /// The report's currency and period as used: the settings, else the profile's turnover
    /// currency (EUR without one) and reporting year.
    pub currency: String,
    pub period_start: String,
    pub period_end: String,
    /// Facts as reported, by key.
    pub facts: Vec<VsmeFact>,
    pub set_aside: Vec<VsmeSetAside>,
    /// Overrides whose computed figure no longer exists (the data changed).
    pub stale_overrides: Vec<String>,
    pub answers: BTreeMap<String, bool>,
    pub completeness: VsmeCompleteness,
    pub e1: VsmeE1View,
    /// The calendar year whose inventory gives B3, if it has activity data.
    pub inventory_year: Option<i32>,
    /// Why the inventory (or the base year's) could not be computed.
    pub problems: Vec<UiError>,
    /// Activity entries whose energy could not be converted to MWh.
    pub energy_gaps: Vec<String>,
    pub imported: Option<VsmeImported>,
}

/// A value typed in a form: numbers, years and dates as typed (Western or Eastern Arabic
/// digits), checked by the shell.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", content = "value", rename_all = "snake_case")]
pub enum VsmeInput {
    Text(String),
    Bool(bool),
    Members(Vec<String>),
}

/// A datapoint of a form: set to `value`, or removed when `value` is `None`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct VsmeFactInput {
    pub concept: String,
    pub dimensions: BTreeMap<String, VsmeDim>,
    pub value: Option<VsmeInput>,
    /// A unit chosen from the datapoint's `units`; the default when `None`.
    pub unit: Option<String>,
}

/// Problems are field errors whose field is the fact key.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SaveVsmeFactsArgs {
    pub facts: Vec<VsmeFactInput>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct VsmeOverrideArgs {
    pub key: String,
    /// The figure as typed.
    pub value: String,
    pub reason: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct VsmeKeyArgs {
    pub key: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct VsmeAnswerArgs {
    pub group: String,
    /// `None` withdraws the answer.
    pub applies: Option<bool>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SaveVsmeSettingsArgs {
    pub settings: VsmeSettings,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct VsmeImportArgs {
    pub path: String,
}

/// Severity of a message about an imported template.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum VsmeSeverity {
    Info,
    Warning,
    Error,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct VsmeMessage {
    pub severity: VsmeSeverity,
    pub message: UiError,
    /// The cell it is about.
    pub cell: Option<String>,
}

/// What an import stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct VsmeImportReport {
    pub file_name: String,
    pub version: Option<String>,
    pub facts: u64,
    pub inserted: u64,
    pub updated: u64,
    pub unchanged: u64,
    pub removed: u64,
    pub messages: Vec<VsmeMessage>,
    pub state: VsmeState,
}

/// One file (or email package) of an export.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "item", rename_all = "snake_case")]
pub enum VsmeExportItem {
    /// EFRAG's digital template, filled.
    Template,
    /// The ESRS E1 view as a workbook.
    EsrsE1 {
        lang: Lang,
    },
    Pdf {
        lang: Lang,
    },
    /// Inline XBRL (XHTML).
    Xbrl {
        lang: Lang,
    },
    /// The .eml draft and the .zip for one customer (by name), with the template, the PDF
    /// and the Inline XBRL attached.
    Mail {
        customer: String,
        lang: Lang,
    },
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct VsmeExportArgs {
    /// The folder to write into (existing files are never overwritten).
    pub dir: String,
    pub item: VsmeExportItem,
}

/// A fact the template has no place for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct VsmeSkipped {
    pub concept: String,
    /// Fluent key of the reason.
    pub reason: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct VsmeExported {
    /// Paths written.
    pub files: Vec<String>,
    pub skipped: Vec<VsmeSkipped>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fact_keys_name_concept_and_sorted_dimensions() {
        let mut d = BTreeMap::new();
        assert_eq!(fact_key("vsme:A", &d), "vsme:A");
        d.insert(
            "vsme:ReportingScopesAxis".to_string(),
            VsmeDim::Member("vsme:BaselineYearMember".into()),
        );
        d.insert(
            "vsme:IdentifierOfSiteTypedAxis".to_string(),
            VsmeDim::Typed("2".into()),
        );
        assert_eq!(
            fact_key("vsme:A", &d),
            "vsme:A[vsme:IdentifierOfSiteTypedAxis=\"2\",vsme:ReportingScopesAxis=vsme:BaselineYearMember]"
        );
    }
}
