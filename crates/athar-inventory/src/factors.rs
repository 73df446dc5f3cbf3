//! The factors one calculation may use, and the lookup rules over them.
//!
//! Why this module exists: a GHG inventory mixes factors from several places — the shipped
//! packs (IPCC/IR 2025/2547 fuel factors, grid averages, GWPs), the company's own and its
//! suppliers' specific factors (a gas bill's NCV, a supplier's product footprint), and
//! spend-based factors, whose unit (mass per currency unit) the pack format cannot express.
//! [`FactorSet`] puts them in one priority order (specific before default), indexes them once,
//! and answers the engine's lookups with the row *and* everything the result must say about
//! it: region fallback, validity outside the period, GWP basis. Ambiguity is an error, never
//! a silent pick.

use std::collections::HashMap;

use athar_factors::{FactorRow, GwpBasis, Pack};
use athar_quantity::{Dimension, Unit};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use time::Date;

/// Whether a factor is a published default or specific to the company or its supplier.
/// Specific factors count as primary data in the data-quality share.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SourceKind {
    Default,
    Specific,
}

/// A spend-based factor: mass of CO2e per unit of a currency (e.g. US EPA USEEIO supply-chain
/// factors, kg CO2e per USD of a given price year). Kept outside the pack format because its
/// denominator is money, which `athar-quantity` units do not cover.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SpendFactor {
    /// The set it belongs to (cited like a pack id).
    pub pack: String,
    pub id: String,
    pub version: String,
    /// `material:<x>`, `transport:<mode>`, `waste:<type>:<treatment>`, `travel:<mode>`.
    pub activity: String,
    pub region: String,
    /// CO2e mass (in `mass_unit`) per one unit of `currency`.
    pub value: Decimal,
    pub mass_unit: Unit,
    pub currency: String,
    pub gwp_basis: GwpBasis,
    pub source: String,
    pub source_ref: String,
    pub licence: String,
    pub notes: String,
    pub kind: SourceKind,
}

/// How results cite a factor: what a reader needs without the pack at hand.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FactorCitation {
    pub pack: String,
    pub id: String,
    pub version: String,
    pub activity: String,
    pub parameter: String,
    pub region: String,
    pub value: Decimal,
    pub unit: String,
    pub gas: String,
    pub gwp_basis: GwpBasis,
    pub source: String,
    pub source_ref: String,
    pub licence: String,
    pub notes: String,
    pub kind: SourceKind,
}

impl FactorCitation {
    /// `pack/id@version`, the key results use.
    pub fn key(&self) -> String {
        cite_key(&self.pack, &self.id, &self.version)
    }

    pub(crate) fn of_row(row: &FactorRow, kind: SourceKind) -> Self {
        FactorCitation {
            pack: row.pack.clone(),
            id: row.id.clone(),
            version: row.version.clone(),
            activity: row.activity.clone(),
            parameter: row.parameter.clone(),
            region: row.region.clone(),
            value: row.value,
            unit: row.unit.to_string(),
            gas: row.gas.clone(),
            gwp_basis: row.gwp_basis,
            source: row.source.clone(),
            source_ref: row.source_ref.clone(),
            licence: row.licence.clone(),
            notes: row.notes.clone(),
            kind,
        }
    }

    pub(crate) fn of_spend(f: &SpendFactor) -> Self {
        FactorCitation {
            pack: f.pack.clone(),
            id: f.id.clone(),
            version: f.version.clone(),
            activity: f.activity.clone(),
            parameter: "ef_spend".to_string(),
            region: f.region.clone(),
            value: f.value,
            unit: format!("{}CO2e/{}", f.mass_unit, f.currency),
            gas: "CO2e".to_string(),
            gwp_basis: f.gwp_basis,
            source: f.source.clone(),
            source_ref: f.source_ref.clone(),
            licence: f.licence.clone(),
            notes: f.notes.clone(),
            kind: f.kind,
        }
    }
}

pub(crate) fn cite_key(pack: &str, id: &str, version: &str) -> String {
    format!("{pack}/{id}@{version}")
}

/// A row found by a lookup, with what the result has to say about it.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Found<'p> {
    pub row: &'p FactorRow,
    pub kind: SourceKind,
    /// The region the row is for, when it is not the one asked for first.
    pub region_fallback: bool,
    /// No row was valid on the date; this is the nearest one.
    pub outside_validity: bool,
    /// The row is CO2e on another GWP basis than requested (or unstated).
    pub gwp_mismatch: bool,
}

/// Why a lookup found nothing usable.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum LookupProblem {
    Ambiguous(Vec<String>),
}

/// Which side of a row's unit a lookup filters on.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Want {
    pub denominator: Option<Dimension>,
    pub numerator: Option<Dimension>,
}

/// The factors available to one calculation, in priority order, indexed.
pub struct FactorSet<'p> {
    packs: Vec<(&'p Pack, SourceKind)>,
    /// (activity, parameter) → rows, in pack priority order.
    index: HashMap<(String, String), Vec<(usize, &'p FactorRow)>>,
    by_key: HashMap<(String, String), (usize, &'p FactorRow)>,
    spend: Vec<SpendFactor>,
}

impl<'p> FactorSet<'p> {
    /// `specific` packs (company and supplier factors) are searched before `defaults`; within
    /// each list, in the order given. CBAM good rows (`cn:*`) are not indexed: the inventory
    /// never needs them.
    pub fn new(specific: &[&'p Pack], defaults: &[&'p Pack], spend: Vec<SpendFactor>) -> Self {
        let packs: Vec<(&'p Pack, SourceKind)> = specific
            .iter()
            .map(|p| (*p, SourceKind::Specific))
            .chain(defaults.iter().map(|p| (*p, SourceKind::Default)))
            .collect();
        let mut index: HashMap<(String, String), Vec<(usize, &'p FactorRow)>> = HashMap::new();
        let mut by_key = HashMap::new();
        for (i, (pack, _)) in packs.iter().enumerate() {
            for row in &pack.rows {
                if row.activity.starts_with("cn:") {
                    continue;
                }
                index
                    .entry((row.activity.clone(), row.parameter.clone()))
                    .or_default()
                    .push((i, row));
                by_key
                    .entry((row.id.clone(), row.version.clone()))
                    .or_insert((i, row));
            }
        }
        FactorSet {
            packs,
            index,
            by_key,
            spend,
        }
    }

    /// Every embedded pack as defaults, plus the given specific packs and spend factors.
    pub fn embedded(specific: &[&'p Pack], spend: Vec<SpendFactor>) -> FactorSet<'p>
    where
        'static: 'p,
    {
        let defaults: Vec<&'p Pack> = athar_factors::all_packs().iter().collect();
        FactorSet::new(specific, &defaults, spend)
    }

    pub(crate) fn kind_of(&self, pack_index: usize) -> SourceKind {
        self.packs[pack_index].1
    }

    /// A pinned row, by id and version.
    pub(crate) fn pinned(&self, id: &str, version: &str) -> Option<(&'p FactorRow, SourceKind)> {
        self.by_key
            .get(&(id.to_string(), version.to_string()))
            .map(|(i, r)| (*r, self.kind_of(*i)))
    }

    pub(crate) fn pinned_spend(&self, id: &str, version: &str) -> Option<&SpendFactor> {
        self.spend
            .iter()
            .find(|f| f.id == id && f.version == version)
    }

    /// Spend factors for `activity` in the first of `regions` that has one.
    pub(crate) fn spend_for(
        &self,
        activity: &str,
        regions: &[&str],
    ) -> Result<Option<(&SpendFactor, bool)>, LookupProblem> {
        for (ri, region) in regions.iter().enumerate() {
            for kind in [SourceKind::Specific, SourceKind::Default] {
                let hits: Vec<&SpendFactor> = self
                    .spend
                    .iter()
                    .filter(|f| f.kind == kind && f.activity == activity && f.region == *region)
                    .collect();
                match hits.as_slice() {
                    [] => {}
                    [one] => return Ok(Some((one, ri > 0))),
                    many => {
                        return Err(LookupProblem::Ambiguous(
                            many.iter()
                                .map(|f| cite_key(&f.pack, &f.id, &f.version))
                                .collect(),
                        ))
                    }
                }
            }
        }
        Ok(None)
    }

    /// The row for `activity`/`parameter` whose unit fits `want`: first pack in priority order
    /// that has one, in the first of `regions` (then the pack's own fallback region) that has
    /// one. Among rows of that region, the one valid on `date`; if none is, the latest that
    /// started before `date` (else the earliest), flagged. Rows on the requested GWP basis are
    /// preferred; with `strict_gwp` (GWP values) no other basis is accepted.
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn find(
        &self,
        activity: &str,
        parameter: &str,
        regions: &[&str],
        date: Date,
        want: Want,
        gwp: GwpBasis,
        strict_gwp: bool,
    ) -> Result<Option<Found<'p>>, LookupProblem> {
        let Some(rows) = self
            .index
            .get(&(activity.to_string(), parameter.to_string()))
        else {
            return Ok(None);
        };
        let fits = |r: &FactorRow| {
            want.denominator
                .is_none_or(|d| r.unit.denominator.unit.dimension() == d)
                && want
                    .numerator
                    .is_none_or(|d| r.unit.numerator.unit.dimension() == d)
        };
        for (pi, (pack, kind)) in self.packs.iter().enumerate() {
            let mut tried: Vec<&str> = Vec::with_capacity(regions.len() + 1);
            let fallback = pack.fallback_region.as_deref();
            for region in regions.iter().copied().chain(fallback) {
                if tried.contains(&region) {
                    continue;
                }
                tried.push(region);
                let mut cands: Vec<&'p FactorRow> = rows
                    .iter()
                    .filter(|(i, r)| *i == pi && r.region == region && fits(r))
                    .map(|(_, r)| *r)
                    .collect();
                if strict_gwp {
                    cands.retain(|r| r.gwp_basis == gwp);
                } else if cands.iter().any(|r| r.gwp_basis == gwp) {
                    cands.retain(|r| r.gwp_basis == gwp);
                }
                if cands.is_empty() {
                    continue;
                }
                let valid: Vec<&'p FactorRow> = cands
                    .iter()
                    .copied()
                    .filter(|r| r.is_valid_on(date))
                    .collect();
                let (row, outside_validity) = match valid.as_slice() {
                    [one] => (*one, false),
                    [] => (nearest(&cands, date)?, true),
                    many => {
                        return Err(LookupProblem::Ambiguous(
                            many.iter().map(|r| r.id.clone()).collect(),
                        ))
                    }
                };
                let gwp_mismatch = match row.gwp_basis {
                    GwpBasis::NotApplicable => false,
                    GwpBasis::Unstated => true,
                    b => b != gwp,
                };
                return Ok(Some(Found {
                    row,
                    kind: *kind,
                    region_fallback: region != regions[0],
                    outside_validity,
                    gwp_mismatch,
                }));
            }
        }
        Ok(None)
    }
}

/// The row nearest to `date` among rows none of which is valid on it: the latest that started
/// before, else the earliest that starts after. Two with the same start are ambiguous.
fn nearest<'p>(cands: &[&'p FactorRow], date: Date) -> Result<&'p FactorRow, LookupProblem> {
    let before = cands
        .iter()
        .copied()
        .filter(|r| r.valid_from.is_none_or(|f| f <= date));
    let pick: Vec<&'p FactorRow> = if before.clone().next().is_some() {
        let best = before.clone().map(|r| r.valid_from).max().flatten();
        before.filter(|r| r.valid_from == best).collect()
    } else {
        let best = cands.iter().map(|r| r.valid_from).min().flatten();
        cands
            .iter()
            .copied()
            .filter(|r| r.valid_from == best)
            .collect()
    };
    match pick.as_slice() {
        [one] => Ok(one),
        many => Err(LookupProblem::Ambiguous(
            many.iter().map(|r| r.id.clone()).collect(),
        )),
    }
}
