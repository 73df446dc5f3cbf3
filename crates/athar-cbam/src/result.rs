//! The computed embedded emissions: a graph of result nodes with stable ids, each with its
//! formula (in symbols and with the numbers substituted), the model fields, factor rows and
//! evidence documents it used directly, and its children.
//!
//! Why this module exists: the importer, the verifier and the SME owner all ask "where does
//! this 2.41 come from?". [`CbamResults::explain`] walks from a product's SEE down to the
//! process balance, each precursor's contribution, the directly attributable emissions, the
//! source stream, its NCV and EF (and the factor row they came from), and the document that
//! shows the activity data, without recomputing anything. Values keep full precision.
//!
//! Ids: `product/<id>/see-direct|see-indirect|see-total`, `process/<id>/see-direct|
//! see-indirect|attr-direct|attr-indirect|al|dir-em|heat-import|heat-export|waste-gas-import|
//! waste-gas-export|electricity-export`, `process/<id>/input/<process|precursor>:<id>/direct|
//! indirect`, `precursor/<id>/see-direct|see-indirect`, `source/<id>`, `pfc/<id>`,
//! `measured/<id>`, `installation/co2|biomass|n2o|pfc|direct|indirect|total`.

use std::collections::{BTreeMap, BTreeSet};

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::goods::{FunctionalUnit, GoodsCategory};
use crate::model::{ElectricityEfSource, Evidence};

/// What a node is (the UI names it with a Fluent key per kind plus the subject's name).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum NodeKind {
    SourceStream,
    Pfc,
    MeasuredSource,
    InstallationCo2,
    InstallationBiomass,
    InstallationN2o,
    InstallationPfc,
    InstallationDirect,
    InstallationIndirect,
    InstallationTotal,
    ActivityLevel,
    DirectlyAttributable,
    HeatImport,
    HeatExport,
    WasteGasImport,
    WasteGasExport,
    ElectricityExport,
    AttributedDirect,
    AttributedIndirect,
    PrecursorInputDirect,
    PrecursorInputIndirect,
    PrecursorSeeDirect,
    PrecursorSeeIndirect,
    ProcessSeeDirect,
    ProcessSeeIndirect,
    ProductSeeDirect,
    ProductSeeIndirect,
    ProductSeeTotal,
}

impl NodeKind {
    /// Fluent key naming the node (its message takes `$subject`, the item's id or name).
    pub fn key(self) -> &'static str {
        match self {
            NodeKind::SourceStream => "cbam-node-source-stream",
            NodeKind::Pfc => "cbam-node-pfc",
            NodeKind::MeasuredSource => "cbam-node-measured-source",
            NodeKind::InstallationCo2 => "cbam-node-installation-co2",
            NodeKind::InstallationBiomass => "cbam-node-installation-biomass",
            NodeKind::InstallationN2o => "cbam-node-installation-n2o",
            NodeKind::InstallationPfc => "cbam-node-installation-pfc",
            NodeKind::InstallationDirect => "cbam-node-installation-direct",
            NodeKind::InstallationIndirect => "cbam-node-installation-indirect",
            NodeKind::InstallationTotal => "cbam-node-installation-total",
            NodeKind::ActivityLevel => "cbam-node-activity-level",
            NodeKind::DirectlyAttributable => "cbam-node-directly-attributable",
            NodeKind::HeatImport => "cbam-node-heat-import",
            NodeKind::HeatExport => "cbam-node-heat-export",
            NodeKind::WasteGasImport => "cbam-node-waste-gas-import",
            NodeKind::WasteGasExport => "cbam-node-waste-gas-export",
            NodeKind::ElectricityExport => "cbam-node-electricity-export",
            NodeKind::AttributedDirect => "cbam-node-attributed-direct",
            NodeKind::AttributedIndirect => "cbam-node-attributed-indirect",
            NodeKind::PrecursorInputDirect => "cbam-node-input-direct",
            NodeKind::PrecursorInputIndirect => "cbam-node-input-indirect",
            NodeKind::PrecursorSeeDirect => "cbam-node-precursor-see-direct",
            NodeKind::PrecursorSeeIndirect => "cbam-node-precursor-see-indirect",
            NodeKind::ProcessSeeDirect => "cbam-node-process-see-direct",
            NodeKind::ProcessSeeIndirect => "cbam-node-process-see-indirect",
            NodeKind::ProductSeeDirect => "cbam-node-product-see-direct",
            NodeKind::ProductSeeIndirect => "cbam-node-product-see-indirect",
            NodeKind::ProductSeeTotal => "cbam-node-product-see-total",
        }
    }
}

/// Something a reader must know about a node.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "flag", rename_all = "snake_case")]
pub enum Flag {
    /// Equation 55 gave a negative value, which is set to zero.
    ClampedToZero { computed: Decimal },
    /// The precursor comes from the EU or an Annex III country and counts as zero.
    ZeroRatedOrigin { country: String },
    /// A default value: Annex I of the country (`region` may be `OTHER`), Annex IV, or a value
    /// the supplier marked as default.
    DefaultValue {
        source: DefaultSource,
        #[serde(default)]
        region: Option<String>,
        #[serde(default)]
        markup: Option<Decimal>,
    },
    /// Annex IV gives only a total; it is counted as direct emissions.
    TotalOnlyCountedAsDirect,
    /// Annex I gives no indirect default for the good ("N/A"); none is counted.
    NoIndirectDefault,
    /// Default values apply from 2026; an earlier reporting year used the 2026 values.
    DefaultYear { reporting_year: i32, used_year: i32 },
    /// The good's category does not count indirect emissions in the definitive period
    /// (they are reported all the same).
    IndirectNotCounted,
    /// No installation-level figure was entered or computed from sources; the sum over the
    /// production processes is shown instead.
    FromProcesses,
}

impl Flag {
    /// Fluent key of the note shown with the node.
    pub fn key(&self) -> &'static str {
        match self {
            Flag::ClampedToZero { .. } => "cbam-flag-clamped-to-zero",
            Flag::ZeroRatedOrigin { .. } => "cbam-flag-zero-rated-origin",
            Flag::DefaultValue { .. } => "cbam-flag-default-value",
            Flag::TotalOnlyCountedAsDirect => "cbam-flag-total-only",
            Flag::NoIndirectDefault => "cbam-flag-no-indirect-default",
            Flag::DefaultYear { .. } => "cbam-flag-default-year",
            Flag::IndirectNotCounted => "cbam-flag-indirect-not-counted",
            Flag::FromProcesses => "cbam-flag-from-processes",
        }
    }

    /// Arguments of [`Flag::key`].
    pub fn args(&self) -> Vec<(String, String)> {
        let a = |k: &str, v: String| (k.to_string(), v);
        match self {
            Flag::ClampedToZero { computed } => {
                vec![a("computed", computed.normalize().to_string())]
            }
            Flag::ZeroRatedOrigin { country } => vec![a("country", country.clone())],
            Flag::DefaultValue {
                source,
                region,
                markup,
            } => vec![
                a("source", source.id().to_string()),
                a("region", region.clone().unwrap_or_default()),
                a(
                    "markup",
                    markup
                        .and_then(|m| m.checked_mul(Decimal::ONE_HUNDRED))
                        .map_or_else(|| "none".to_string(), |m| m.normalize().to_string()),
                ),
            ],
            Flag::DefaultYear {
                reporting_year,
                used_year,
            } => vec![
                a("year", reporting_year.to_string()),
                a("used", used_year.to_string()),
            ],
            Flag::TotalOnlyCountedAsDirect
            | Flag::NoIndirectDefault
            | Flag::IndirectNotCounted
            | Flag::FromProcesses => Vec::new(),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum DefaultSource {
    /// IR 2025/2621 Annex I (country of production).
    AnnexI,
    /// IR 2025/2621 Annex IV (origin unknown).
    AnnexIv,
    /// The supplier's communication marks the value as a default value.
    Supplier,
}

impl DefaultSource {
    pub fn id(self) -> &'static str {
        match self {
            DefaultSource::AnnexI => "annex-i",
            DefaultSource::AnnexIv => "annex-iv",
            DefaultSource::Supplier => "supplier",
        }
    }
}

/// A formula in symbols and with the numbers substituted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Formula {
    pub symbolic: String,
    pub substituted: String,
}

/// One result.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ResultNode {
    pub id: String,
    pub kind: NodeKind,
    /// Id of the model item the node is about (process, precursor, product, source id), or
    /// empty for installation totals.
    pub subject: String,
    /// Full precision.
    pub value: Decimal,
    /// `tCO2e`, `tCO2e/t`, `tCO2e/t clinker`, `t`, `MWh`.
    pub unit: String,
    pub formula: Formula,
    /// Model fields used directly, as paths (`processes.0.direct.entered`).
    pub inputs: Vec<String>,
    /// Factor rows used directly, as `pack/id@version`.
    pub factors: Vec<String>,
    pub evidence: Vec<Evidence>,
    pub children: Vec<String>,
    pub flags: Vec<Flag>,
}

/// Installation-level totals (sheet C and Summary_Processes 2).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InstallationResult {
    /// Fuel input from sheet B (fossil + biomass), TJ.
    pub fuel_input_tj: Decimal,
    /// CO2 (fossil) from sources, after any manual entry.
    pub co2: Decimal,
    pub biomass: Decimal,
    pub n2o: Decimal,
    pub pfc: Decimal,
    /// Total direct emissions = CO2 + N2O + PFC (biomass excluded).
    pub direct: Decimal,
    /// Total indirect emissions as entered; `None` if not entered.
    pub indirect_entered: Option<Decimal>,
    /// By monitoring methodology (sheet C 2(b)).
    pub calculation_based: Decimal,
    pub measurement_based: Decimal,
    /// Sums over the production processes of attributed emissions (Summary_Processes row 81).
    pub attributed_direct: Decimal,
    pub attributed_indirect: Decimal,
    /// What the report shows: installation figures, falling back to the process sums.
    pub total_direct: Decimal,
    pub total_indirect: Decimal,
    pub total: Decimal,
}

/// What a process consumed from one precursor (Equations 60–61).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InputResult {
    /// `process:<id>` or `precursor:<id>`.
    pub from: String,
    /// M_i, in the precursor's functional unit.
    pub mass: Decimal,
    /// m_i = M_i / AL (Equation 61).
    pub mass_share: Decimal,
    /// m_i × SEE_i.
    pub see_direct: Decimal,
    pub see_indirect: Decimal,
}

/// Results of one production process.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProcessResult {
    pub id: String,
    pub name: String,
    pub category: GoodsCategory,
    pub functional_unit: FunctionalUnit,
    pub activity_level: Decimal,
    pub directly_attributable: Decimal,
    pub heat_import: Decimal,
    pub heat_export: Decimal,
    pub waste_gas_import: Decimal,
    pub waste_gas_export: Decimal,
    pub electricity_export: Decimal,
    /// Equation 55 (after setting a negative value to zero).
    pub attributed_direct: Decimal,
    /// Equation 56.
    pub attributed_indirect: Decimal,
    /// Equation 63: AttrEm / AL ("SE" in the template).
    pub specific_direct: Decimal,
    pub specific_indirect: Decimal,
    /// Equation 59.
    pub see_direct: Decimal,
    pub see_indirect: Decimal,
    pub see_total: Decimal,
    /// MWh per functional unit consumed in the process.
    pub specific_electricity: Decimal,
    /// Including precursors; `None` when a precursor's electricity use is unknown.
    pub embedded_electricity: Option<Decimal>,
    /// Shares of SEE resting on default values (0..1).
    pub default_share_direct: Decimal,
    pub default_share_indirect: Decimal,
    pub default_share_total: Decimal,
    pub ef_source: Option<ElectricityEfSource>,
    pub inputs: Vec<InputResult>,
}

/// Results of one purchased precursor, per tonne.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PrecursorResult {
    pub id: String,
    pub name: String,
    pub see_direct: Decimal,
    pub see_indirect: Decimal,
    pub electricity_mwh_per_t: Option<Decimal>,
    /// Whether SEE (direct) / (indirect) rest on default values.
    pub default_direct: bool,
    pub default_indirect: bool,
    pub zero_rated: bool,
    pub ef_source: Option<ElectricityEfSource>,
}

/// Results of one product, per tonne of product (per MWh for electricity).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProductResult {
    pub id: String,
    pub process: String,
    pub process_name: String,
    pub category: GoodsCategory,
    pub cn_code: String,
    pub name: String,
    pub see_direct: Decimal,
    pub see_indirect: Decimal,
    pub see_total: Decimal,
    /// `tCO2e/t` or `tCO2e/MWh`.
    pub unit: String,
    /// Clinker or nitrogen content per tonne when the process counts in clinker or N
    /// (Equations 64–65), else `None`.
    pub content_factor: Option<Decimal>,
    pub default_share_direct: Decimal,
    /// Share of SEE (total) resting on default values.
    pub default_share: Decimal,
    pub embedded_electricity: Option<Decimal>,
    pub ef_source: Option<ElectricityEfSource>,
    /// Whether indirect emissions count for this category in the definitive period.
    pub indirect_counts: bool,
}

/// The outcome of [`crate::compute`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CbamResults {
    pub reporting_year: i32,
    pub installation: InstallationResult,
    pub processes: Vec<ProcessResult>,
    pub precursors: Vec<PrecursorResult>,
    pub products: Vec<ProductResult>,
    pub nodes: BTreeMap<String, ResultNode>,
}

/// A node with everything below it.
#[derive(Debug, Clone, Serialize)]
pub struct Explanation<'a> {
    pub node: &'a ResultNode,
    pub children: Vec<Explanation<'a>>,
}

impl Explanation<'_> {
    /// Every factor row reached, sorted.
    pub fn factors(&self) -> BTreeSet<String> {
        let mut out = BTreeSet::new();
        self.walk(&mut |e| out.extend(e.node.factors.iter().cloned()));
        out
    }

    /// Every evidence document reached, sorted.
    pub fn evidence(&self) -> BTreeSet<Evidence> {
        let mut out = BTreeSet::new();
        self.walk(&mut |e| out.extend(e.node.evidence.iter().cloned()));
        out
    }

    /// Every node id reached (this one included), sorted.
    pub fn ids(&self) -> BTreeSet<String> {
        let mut out = BTreeSet::new();
        self.walk(&mut |e| {
            out.insert(e.node.id.clone());
        });
        out
    }

    fn walk(&self, f: &mut impl FnMut(&Explanation<'_>)) {
        f(self);
        for c in &self.children {
            c.walk(f);
        }
    }
}

impl CbamResults {
    pub fn get(&self, id: &str) -> Option<&ResultNode> {
        self.nodes.get(id)
    }

    pub fn value(&self, id: &str) -> Option<Decimal> {
        self.nodes.get(id).map(|n| n.value)
    }

    pub fn process(&self, id: &str) -> Option<&ProcessResult> {
        self.processes.iter().find(|p| p.id == id)
    }

    pub fn product(&self, id: &str) -> Option<&ProductResult> {
        self.products.iter().find(|p| p.id == id)
    }

    pub fn precursor(&self, id: &str) -> Option<&PrecursorResult> {
        self.precursors.iter().find(|p| p.id == id)
    }

    /// The node `id` and everything it rests on; `None` if there is no such node. The graph
    /// has no cycles ([`crate::compute`] rejects them).
    pub fn explain(&self, id: &str) -> Option<Explanation<'_>> {
        let node = self.nodes.get(id)?;
        Some(Explanation {
            node,
            children: node
                .children
                .iter()
                .filter_map(|c| self.explain(c))
                .collect(),
        })
    }
}
