//! Messages of the activity-data, import, inventory and explain screens.
//!
//! Entries travel as `athar_inventory::ActivityEntry` itself, so the form the user fills in
//! and the record the engine computes with are one type. An inventory, which may hold a
//! hundred thousand result nodes, never crosses the boundary whole: the shell keeps it and
//! sends a dashboard summary ([`InventoryView`]) and one node at a time ([`ExplainView`]).

use std::collections::BTreeMap;

use athar_factors::FactorRow;
use athar_inventory::{
    ActivityEntry, FactorCitation, Flag, Quality, ResultNode, Source, SpendFactor,
};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::UiError;

/// Which scope an entry counts in (Scope 3 entries also have a category).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ScopeFilter {
    Scope1,
    Scope2,
    Scope3,
}

/// The activity table's filters and page. `None` = no filter.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActivityFilter {
    pub site: Option<String>,
    /// Entries whose period overlaps this calendar year...
    pub year: Option<i32>,
    /// ...and, with a year, this month (1–12).
    pub month: Option<u8>,
    pub scope: Option<ScopeFilter>,
    /// Free text matched against id, item and source file.
    pub text: Option<String>,
    pub offset: u32,
    pub limit: u32,
}

/// One row of the activity table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActivityRow {
    pub entry: ActivityEntry,
    /// `manual`, or the imported file's name.
    pub source: String,
    pub scope: ScopeFilter,
    /// GHG Protocol Scope 3 category (1–15) for Scope 3 entries.
    pub category: Option<u8>,
}

/// A page of the activity table and what its filters can choose from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActivityPage {
    pub rows: Vec<ActivityRow>,
    /// Rows matching the filters (all pages).
    pub matching: u64,
    /// All entries in the file.
    pub total: u64,
    /// Sites named by entries or the profile, sorted.
    pub sites: Vec<String>,
    /// Calendar years entries fall in, newest first.
    pub years: Vec<i32>,
}

/// Add (`original_id: None`) or replace an entry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SaveEntryArgs {
    pub original_id: Option<String>,
    pub entry: ActivityEntry,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EntryIdArgs {
    pub id: String,
}

/// What the entry form offers: the items of each kind the shipped and company factors know,
/// and the sites of the profile.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActivityCatalog {
    /// Fuel names (`natural-gas`), for `fuel:<name>` factors.
    pub fuels: Vec<String>,
    /// Process activities (`carbonate:CaCO3`).
    pub processes: Vec<String>,
    /// Gases with a GWP (`HFC-134a`, `R-410A`).
    pub gases: Vec<String>,
    /// Heat media with a factor (`steam`).
    pub heat_media: Vec<String>,
    /// Scope 3 items with a company or spend factor, by kind: `material`, `transport`,
    /// `waste`, `travel` → names (`waste` names are `<type>:<treatment>`).
    pub scope3_items: BTreeMap<String, Vec<String>>,
    pub sites: Vec<String>,
    /// Currencies of the spend factors, for spend-based entries.
    pub spend_currencies: Vec<String>,
}

/// Column mapping: field (`site`, `period_from`, `quantity`, …) → the column's header text.
pub type ColumnMapping = BTreeMap<String, String>;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportArgs {
    pub path: String,
    /// Fields the user mapped; the rest are recognised from the headers.
    pub mapping: ColumnMapping,
}

/// A problem in one row of an import (row 0: the mapping itself).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RowProblem {
    pub row: u64,
    pub column: String,
    pub error: UiError,
}

/// The import wizard's view of a file before anything is saved.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportPreview {
    pub path: String,
    pub file_name: String,
    /// `csv` or `xlsx` (and the sheet read, for workbooks).
    pub format: String,
    pub headers: Vec<String>,
    /// The first rows as read, cell by cell.
    pub sample: Vec<Vec<String>>,
    /// The mapping as it will be applied (the user's fields plus those recognised).
    pub mapping: ColumnMapping,
    /// The fields a mapping may set, required ones first.
    pub fields: Vec<String>,
    pub required: Vec<String>,
    pub rows_total: u64,
    /// Converted rows among the sample.
    pub preview: Vec<ActivityEntry>,
    /// Problems of all rows (not only the sample), capped at `MAX_PROBLEMS`.
    pub problems: Vec<RowProblem>,
    pub problems_total: u64,
    pub rows_valid: u64,
}

/// The most row problems an import reports one by one.
pub const MAX_PROBLEMS: usize = 500;

/// What an import saved.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportReport {
    pub file_name: String,
    pub inserted: u64,
    pub unchanged: u64,
    pub updated: u64,
    pub problems: Vec<RowProblem>,
    pub problems_total: u64,
}

/// Which inventory: a calendar year, with per-month results or not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct InventoryArgs {
    pub year: i32,
    pub monthly: bool,
}

/// A figure on the dashboard: its result id (for "explain") and value.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Figure {
    pub id: String,
    pub value: Decimal,
    pub unit: String,
}

/// The headline figures of one site or of all sites.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScopeTotals {
    pub scope1: Figure,
    pub scope2_location: Figure,
    pub scope2_market: Figure,
    pub scope3: Figure,
    pub total_location: Figure,
    pub total_market: Figure,
}

/// Emissions of one source (stationary combustion, electricity, ...). Electricity counts its
/// location-based lines here; its market-based figure is in the totals.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SourceTotal {
    pub source: Source,
    pub value: Decimal,
    pub lines: u64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SiteTotals {
    pub site: String,
    pub totals: ScopeTotals,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MonthTotals {
    /// `2026-03`.
    pub label: String,
    pub totals: ScopeTotals,
}

/// How many lines carry each kind of flag (`default_factor`, `apportioned`, ...).
pub type FlagCounts = BTreeMap<String, u64>;

/// An entry the engine cannot calculate, with the reason.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EntryProblem {
    pub entry: String,
    pub error: UiError,
}

/// The inventory dashboard.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InventoryView {
    pub year: i32,
    pub monthly: bool,
    pub entries: u64,
    /// Empty when some entries cannot be calculated (then `problems` says which).
    pub totals: Option<ScopeTotals>,
    pub intensity_location: Option<Figure>,
    pub intensity_market: Option<Figure>,
    /// Scope 3 category (1–15) and its figure, by category. (A list, not a map: JSON object
    /// keys are strings.)
    pub scope3_categories: Vec<(u8, Figure)>,
    pub by_source: Vec<SourceTotal>,
    pub by_site: Vec<SiteTotals>,
    pub by_month: Vec<MonthTotals>,
    pub quality: Option<Quality>,
    pub flags: FlagCounts,
    pub problems: Vec<EntryProblem>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExplainArgs {
    pub year: i32,
    pub monthly: bool,
    pub id: String,
}

/// A node the explained one rests on, as a line to click.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChildSummary {
    pub id: String,
    pub value: Decimal,
    pub unit: String,
    pub flags: Vec<Flag>,
}

/// One result with everything it rests on directly. `node.children` is emptied; the
/// children are in `children`, largest first, at most `MAX_CHILDREN`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExplainView {
    pub node: ResultNode,
    pub entries: Vec<ActivityEntry>,
    pub factors: Vec<FactorCitation>,
    pub children: Vec<ChildSummary>,
    pub children_total: u64,
    /// Where the entries came from: entry id → `manual` or the imported file's name.
    pub sources: BTreeMap<String, String>,
}

/// The most children an explanation lists.
pub const MAX_CHILDREN: usize = 300;

/// The company's own factors (pack `company`): factor rows, e.g. a supplier's product
/// footprint or the NCV printed on a gas bill, and spend factors. Each change makes a new
/// version of the row, so results keep citing the row they used.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CompanyFactors {
    pub factors: Vec<FactorRow>,
    pub spend: Vec<SpendFactor>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SaveFactorArgs {
    /// `None`: a new factor. The store sets `pack` and `version`.
    pub original_id: Option<String>,
    pub factor: FactorRow,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SaveSpendFactorArgs {
    pub original_id: Option<String>,
    pub factor: SpendFactor,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FactorIdArgs {
    pub id: String,
}
