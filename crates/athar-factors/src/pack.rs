//! A loaded pack and the lookups the engine uses.

use serde::{Deserialize, Serialize};
use time::Date;

use crate::load::{parse_rows, write_rows, LoadError};
use crate::row::{format_date, FactorRow, GwpBasis};

/// One version of one factor pack: its rows and the rules that come with it.
///
/// Everything here is plain data (serde), so a pack can be stored as it is, e.g. copied into
/// a company file; [`Pack::to_csv`] gives back the pack file text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Pack {
    pub id: String,
    pub version: String,
    pub title: String,
    /// Region to try when a lookup finds no row for the requested region, as the pack's source
    /// prescribes (IR 2025/2621 Annex I: "Other countries and territories" → `OTHER`).
    pub fallback_region: Option<String>,
    pub rows: Vec<FactorRow>,
}

/// What to look up in a pack.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FactorQuery<'a> {
    pub activity: &'a str,
    pub parameter: &'a str,
    pub region: &'a str,
    /// Only rows valid on this date; `None` ignores validity periods.
    pub date: Option<Date>,
    /// Only rows on this GWP basis; `None` accepts any.
    pub gwp_basis: Option<GwpBasis>,
}

impl<'a> FactorQuery<'a> {
    pub fn new(activity: &'a str, parameter: &'a str, region: &'a str) -> Self {
        FactorQuery {
            activity,
            parameter,
            region,
            date: None,
            gwp_basis: None,
        }
    }

    pub fn on(mut self, date: Date) -> Self {
        self.date = Some(date);
        self
    }

    pub fn gwp(mut self, basis: GwpBasis) -> Self {
        self.gwp_basis = Some(basis);
        self
    }

    fn matches(&self, row: &FactorRow, region: &str) -> bool {
        row.activity == self.activity
            && row.parameter == self.parameter
            && row.region == region
            && self.date.is_none_or(|d| row.is_valid_on(d))
            && self.gwp_basis.is_none_or(|b| row.gwp_basis == b)
    }
}

/// A lookup result: the row, and whether the pack's fallback region supplied it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FactorMatch<'p> {
    pub row: &'p FactorRow,
    /// `true` when the requested region had no row and the pack's fallback region was used.
    pub via_fallback: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LookupError {
    #[error("pack {pack}: no {parameter} for {activity} in {regions:?}{}", date.as_ref().map(|d| format!(" on {d}")).unwrap_or_default())]
    NotFound {
        pack: String,
        activity: String,
        parameter: String,
        /// The regions tried, in order (the requested one, then the fallback).
        regions: Vec<String>,
        date: Option<String>,
    },
    #[error("pack {pack}: several rows match: {ids:?}")]
    Ambiguous { pack: String, ids: Vec<String> },
}

impl Pack {
    /// Loads pack file text. Every row must carry this pack's id and version.
    pub fn from_csv(
        id: &str,
        version: &str,
        title: &str,
        fallback_region: Option<&str>,
        file: &str,
        text: &str,
    ) -> Result<Pack, LoadError> {
        Ok(Pack {
            id: id.to_string(),
            version: version.to_string(),
            title: title.to_string(),
            fallback_region: fallback_region.map(str::to_string),
            rows: parse_rows(file, id, version, text)?,
        })
    }

    /// The pack file text for these rows.
    pub fn to_csv(&self) -> String {
        write_rows(&self.rows)
    }

    /// The row with this id.
    pub fn get(&self, id: &str) -> Option<&FactorRow> {
        self.rows.iter().find(|r| r.id == id)
    }

    /// All rows for an activity and parameter in a region, whatever their dates.
    pub fn rows_for<'p>(
        &'p self,
        activity: &'p str,
        parameter: &'p str,
        region: &'p str,
    ) -> impl Iterator<Item = &'p FactorRow> + 'p {
        self.rows.iter().filter(move |r| {
            r.activity == activity && r.parameter == parameter && r.region == region
        })
    }

    /// The one row for `query`: in the requested region, else (only if the pack defines one)
    /// in its fallback region. More than one matching row is an error, never a silent pick.
    pub fn find(&self, query: &FactorQuery<'_>) -> Result<FactorMatch<'_>, LookupError> {
        let mut regions = vec![query.region.to_string()];
        if let Some(fallback) = &self.fallback_region {
            if fallback != query.region {
                regions.push(fallback.clone());
            }
        }
        for (i, region) in regions.iter().enumerate() {
            let mut hits = self.rows.iter().filter(|r| query.matches(r, region));
            let Some(first) = hits.next() else {
                continue;
            };
            let rest: Vec<&FactorRow> = hits.collect();
            if !rest.is_empty() {
                return Err(LookupError::Ambiguous {
                    pack: self.id.clone(),
                    ids: std::iter::once(first)
                        .chain(rest)
                        .map(|r| r.id.clone())
                        .collect(),
                });
            }
            return Ok(FactorMatch {
                row: first,
                via_fallback: i > 0,
            });
        }
        Err(LookupError::NotFound {
            pack: self.id.clone(),
            activity: query.activity.to_string(),
            parameter: query.parameter.to_string(),
            regions,
            date: query.date.map(format_date),
        })
    }
}
