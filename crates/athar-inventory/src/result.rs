//! The computed inventory: a graph of result nodes, each with its provenance.
//!
//! Why this module exists: "every number is explainable" is the product's promise. Each line,
//! subtotal and total is a [`ResultNode`] with a stable id (`line/E-17/market`,
//! `scope1/site-3/2026`, `total-location/all/2026`), its formula in symbols and with the numbers
//! substituted, the entries, factors and instruments it used directly, and its children.
//! [`Inventory::explain`] walks that graph down to every input, so a CLI
//! (`athar explain RESULT_ID`) and the UI can show where a number came from without
//! recomputing anything. Values keep full `rust_decimal` precision; [`display`] rounds for
//! presentation only.

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

use rust_decimal::{Decimal, RoundingStrategy};
use serde::{Deserialize, Serialize};

use crate::entry::{ActivityEntry, Money, Period};
use crate::factors::FactorCitation;

/// GWP-100 values the CO2e figures rest on. CBAM (IR 2025/2547 Table 6) uses AR5.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Gwp {
    #[serde(rename = "AR5")]
    Ar5,
    #[serde(rename = "AR6")]
    Ar6,
}

impl Gwp {
    pub fn basis(self) -> athar_factors::GwpBasis {
        match self {
            Gwp::Ar5 => athar_factors::GwpBasis::Ar5,
            Gwp::Ar6 => athar_factors::GwpBasis::Ar6,
        }
    }
}

/// What a result node adds up. Ids start with [`Category::id`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Category {
    Scope1,
    Scope2Location,
    Scope2Market,
    /// Scope 3 category 1..15 (GHG Protocol Scope 3 Standard).
    Scope3Cat(u8),
    Scope3,
    TotalLocation,
    TotalMarket,
    IntensityLocation,
    IntensityMarket,
}

impl Category {
    pub fn id(self) -> String {
        match self {
            Category::Scope1 => "scope1".into(),
            Category::Scope2Location => "scope2-location".into(),
            Category::Scope2Market => "scope2-market".into(),
            Category::Scope3Cat(n) => format!("scope3-cat{n}"),
            Category::Scope3 => "scope3".into(),
            Category::TotalLocation => "total-location".into(),
            Category::TotalMarket => "total-market".into(),
            Category::IntensityLocation => "intensity-location".into(),
            Category::IntensityMarket => "intensity-market".into(),
        }
    }
}

/// Where a node sits in the graph.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "level", rename_all = "snake_case")]
pub enum Level {
    /// One entry's emissions (electricity has a location and a market line).
    Line { source: Source },
    /// A category (or scope 3, or total) for one site (`site = Some`) or all sites.
    Sum { category: Category },
    /// Emissions per unit of net revenue.
    Intensity { category: Category },
}

/// The emission source of a line (GHG Protocol source categories).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Source {
    StationaryCombustion,
    MobileCombustion,
    Process,
    Fugitive,
    Electricity,
    Heat,
    PurchasedGoods,
    UpstreamTransport,
    Waste,
    BusinessTravel,
}

/// Something a reader must know about a line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "flag", rename_all = "snake_case")]
pub enum Flag {
    /// No supplier-specific factor was given; a published default was used.
    DefaultFactor { factor: Arc<str> },
    /// Market-based Scope 2: part of the consumption had no instrument, supplier rate or
    /// residual mix, so the grid average was used (GHG Protocol Scope 2 Guidance, step 4).
    MarketGridAverageFallback { energy: Arc<str>, factor: Arc<str> },
    /// Market-based Scope 2: the residual mix was used for uncovered consumption.
    ResidualMix { factor: Arc<str> },
    /// The factor is for another region than the site's country.
    RegionFallback {
        factor: Arc<str>,
        requested: Arc<str>,
        used: Arc<str>,
    },
    /// No factor row is valid in the entry's period; the nearest in time was used.
    FactorOutsideValidity {
        factor: Arc<str>,
        valid_from: Option<Arc<str>>,
        valid_to: Option<Arc<str>>,
    },
    /// The factor is CO2e on another (or an unstated) GWP basis than the inventory's.
    GwpBasisMismatch {
        factor: Arc<str>,
        factor_basis: Arc<str>,
    },
    /// The combustion factor counts CO2 only; CH4 and N2O from combustion are not included.
    Co2Only { factor: Arc<str> },
    /// The entry's period spans result periods (or the end of the reporting period): this
    /// line counts `days` of its `of_days` days, pro rata.
    Apportioned { days: u32, of_days: u32 },
}

/// Data quality of a node, as tonnes CO2e so that it adds up through the graph. Shares are
/// these divided by [`ResultNode::value`].
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Quality {
    /// From activity data flagged `measured`.
    pub measured_tco2e: Decimal,
    /// Computed with specific (company/supplier/instrument) factors.
    pub specific_factor_tco2e: Decimal,
    /// Both: primary data.
    pub primary_tco2e: Decimal,
    /// Number of lines below (a line counts 1).
    pub lines: u64,
    /// Lines flagged [`Flag::DefaultFactor`] or [`Flag::MarketGridAverageFallback`].
    pub default_factor_lines: u64,
}

impl Quality {
    pub(crate) fn add(&mut self, other: &Quality) -> Option<()> {
        self.measured_tco2e = self.measured_tco2e.checked_add(other.measured_tco2e)?;
        self.specific_factor_tco2e = self
            .specific_factor_tco2e
            .checked_add(other.specific_factor_tco2e)?;
        self.primary_tco2e = self.primary_tco2e.checked_add(other.primary_tco2e)?;
        self.lines += other.lines;
        self.default_factor_lines += other.default_factor_lines;
        Some(())
    }

    /// Share of primary data in `total` (None when the total is zero).
    pub fn primary_share(&self, total: Decimal) -> Option<Decimal> {
        (!total.is_zero()).then(|| self.primary_tco2e / total)
    }
}

/// A formula in symbols and with the numbers substituted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Formula {
    pub symbolic: Cow<'static, str>,
    pub substituted: String,
}

/// One result: a line, a subtotal, a total or an intensity.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ResultNode {
    /// Stable id (see the crate docs); shared, cheap to clone.
    pub id: Arc<str>,
    #[serde(flatten)]
    pub level: Level,
    /// `None`: all sites.
    pub site: Option<Arc<str>>,
    pub period: Period,
    /// Full precision; round with [`display`] for presentation only.
    pub value: Decimal,
    /// `tCO2e`, or `tCO2e/<currency>` for intensities.
    pub unit: Cow<'static, str>,
    pub formula: Formula,
    /// Activity entries used directly (lines).
    pub entries: Vec<String>,
    /// Factors used directly, as `pack/id@version` (keys of [`Inventory::factors`]).
    pub factors: Vec<Arc<str>>,
    /// Contractual instruments used directly, as `entry-id/instrument-id`.
    pub instruments: Vec<String>,
    /// Results this one adds up or divides.
    pub children: Vec<Arc<str>>,
    pub quality: Quality,
    pub flags: Vec<Flag>,
}

/// A computed inventory: every node by id, and the inputs they cite.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Inventory {
    pub company_country: String,
    pub reporting_period: Period,
    pub gwp: Gwp,
    pub net_revenue: Option<Money>,
    pub nodes: BTreeMap<Arc<str>, ResultNode>,
    /// The entries the lines cite, by id.
    pub entries: BTreeMap<String, ActivityEntry>,
    /// The factors the lines cite, by `pack/id@version`.
    pub factors: BTreeMap<String, FactorCitation>,
}

/// A result with everything below it, down to the entries and factor rows.
#[derive(Debug, Clone, Serialize)]
pub struct Explanation<'a> {
    pub node: &'a ResultNode,
    pub entries: Vec<&'a ActivityEntry>,
    pub factors: Vec<&'a FactorCitation>,
    pub children: Vec<Explanation<'a>>,
}

impl Explanation<'_> {
    /// Every entry id reached, sorted.
    pub fn entry_ids(&self) -> BTreeSet<String> {
        let mut out = BTreeSet::new();
        self.walk(&mut |e| {
            out.extend(e.entries.iter().map(|x| x.id.clone()));
        });
        out
    }

    /// Every factor reached, as `pack/id@version`, sorted.
    pub fn factor_keys(&self) -> BTreeSet<String> {
        let mut out = BTreeSet::new();
        self.walk(&mut |e| {
            out.extend(e.factors.iter().map(|f| f.key()));
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

impl Inventory {
    pub fn get(&self, id: &str) -> Option<&ResultNode> {
        self.nodes.get(id)
    }

    /// The value of a node, full precision.
    pub fn value(&self, id: &str) -> Option<Decimal> {
        self.nodes.get(id).map(|n| n.value)
    }

    /// The node `id` and everything it rests on. `None` if there is no such result.
    pub fn explain(&self, id: &str) -> Option<Explanation<'_>> {
        let node = self.nodes.get(id)?;
        Some(Explanation {
            node,
            entries: node
                .entries
                .iter()
                .filter_map(|e| self.entries.get(e))
                .collect(),
            factors: node
                .factors
                .iter()
                .filter_map(|f| self.factors.get(&**f))
                .collect(),
            children: node
                .children
                .iter()
                .filter_map(|c| self.explain(c))
                .collect(),
        })
    }

    /// Ids of all nodes, sorted (for listings).
    pub fn ids(&self) -> impl Iterator<Item = &str> {
        self.nodes.keys().map(|k| &**k)
    }
}

/// Rounds a value for display: `dp` decimal places, half away from zero (1.0005 → 1.001 at
/// 3 dp). Calculations never call this; they keep full precision.
pub fn display(value: Decimal, dp: u32) -> Decimal {
    value.round_dp_with_strategy(dp, RoundingStrategy::MidpointAwayFromZero)
}
