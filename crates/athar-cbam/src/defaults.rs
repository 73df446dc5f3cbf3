//! Default values (IR 2025/2621): how the engine asks for them, and the comparison of each
//! good's actual SEE with the default that would apply.
//!
//! Why this module exists: defaults serve twice. A purchased precursor may have to be counted
//! at the default of its country (Annex I) or, origin unknown, at the Annex IV value, with the
//! year's mark-up. And for every good the SME wants to see the default it would otherwise be
//! charged at, the difference, and what that difference is worth in CBAM certificates. The
//! tables are large (57,000 Annex I rows) and live in `athar-factors`; the model and the
//! calculation build for the wasm UI, so they only see the small [`DefaultValues`] trait.
//! [`DefaultTable`] is an in-memory implementation (tests, or a few rows sent to the UI);
//! the `embedded-defaults` feature adds one backed by the embedded packs.

use std::collections::BTreeMap;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::arith::{mul, sub};
use crate::cn::normalize_cn;
use crate::error::CalcError;
use crate::goods::markup_rate;
use crate::model::Installation;
use crate::result::{CbamResults, DefaultSource};

/// What to look up.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DefaultQuery<'a> {
    /// Eight-digit CN code; lookups also try its 6- and 4-digit headings, as Annex I lists
    /// some goods by heading.
    pub cn_code: &'a str,
    /// Annex I/IV variant where a code is split (`grey-clinker`).
    pub variant: Option<&'a str>,
    /// Country of production; `None`: unknown, Annex IV.
    pub country: Option<&'a str>,
    /// Year whose mark-up applies.
    pub year: i32,
}

/// A default value found. Missing parts are `None` (the annex shows "–" or "N/A" and gives no
/// value anywhere), never zero.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DefaultValue {
    pub source: DefaultSource,
    /// The annex entry: `cn:25231000-grey-clinker`, `cn:7318`.
    pub activity: String,
    /// The region whose row was used (`EG`, `OTHER` for "Other countries and territories",
    /// `WORLD` for Annex IV).
    pub region: String,
    /// Whether the country had no value and `OTHER` was used.
    pub via_fallback: bool,
    pub direct: Option<Decimal>,
    pub indirect: Option<Decimal>,
    pub total: Option<Decimal>,
    /// The published total including the year's mark-up.
    pub total_with_markup: Option<Decimal>,
    /// Rows used, as `pack/id@version`.
    pub citations: Vec<String>,
}

/// Why no default value was found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum DefaultLookupError {
    #[error("no default value for {tried:?}")]
    NotFound { tried: Vec<String> },
    #[error("the CN code has several default values; choose one of {variants:?}")]
    Ambiguous { variants: Vec<String> },
}

impl DefaultLookupError {
    pub fn key(&self) -> &'static str {
        match self {
            DefaultLookupError::NotFound { .. } => "cbam-default-not-found",
            DefaultLookupError::Ambiguous { .. } => "cbam-default-ambiguous",
        }
    }

    pub fn args(&self) -> Vec<(String, String)> {
        match self {
            DefaultLookupError::NotFound { tried } => vec![("tried".into(), tried.join(", "))],
            DefaultLookupError::Ambiguous { variants } => {
                vec![("variants".into(), variants.join(", "))]
            }
        }
    }
}

/// A source of default values.
pub trait DefaultValues {
    fn lookup(&self, query: &DefaultQuery<'_>) -> Result<DefaultValue, DefaultLookupError>;
}

/// The CN headings to try for a code, most specific first: `72071111`, `720711`, `7207`.
pub fn cn_candidates(cn_code: &str) -> Vec<String> {
    let code = normalize_cn(cn_code);
    let mut out = vec![code.clone()];
    for len in [6, 4] {
        if code.len() > len {
            out.push(code[..len].to_string());
        }
    }
    out
}

/// The year whose default values and mark-up apply to a reporting year: default values apply
/// from 2026.
pub fn default_year(reporting_year: i32) -> i32 {
    reporting_year.max(2026)
}

/// Default values held in memory, keyed by annex entry (`cn:<code>[-<variant>]`) and region.
/// Annex I lookups fall back to region `OTHER`; Annex IV entries are stored under `WORLD`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DefaultTable {
    /// (activity, region) → value; the value's `total_with_markup` is per year in
    /// `markups`.
    pub entries: BTreeMap<(String, String), DefaultValue>,
    /// (activity, region, year) → total with mark-up.
    pub markups: BTreeMap<(String, String, i32), Decimal>,
}

impl DefaultTable {
    pub fn insert(&mut self, value: DefaultValue) {
        self.entries
            .insert((value.activity.clone(), value.region.clone()), value);
    }

    pub fn insert_markup(&mut self, activity: &str, region: &str, year: i32, total: Decimal) {
        self.markups
            .insert((activity.to_string(), region.to_string(), year), total);
    }

    fn find(&self, activity: &str, region: &str, year: i32) -> Option<DefaultValue> {
        let mut v = self
            .entries
            .get(&(activity.to_string(), region.to_string()))?
            .clone();
        v.total_with_markup = self
            .markups
            .get(&(activity.to_string(), region.to_string(), year))
            .copied();
        Some(v)
    }
}

/// The annex entries for one CN heading: `cn:<code>` and any `cn:<code>-<variant>`.
fn activities_for<'a>(
    all: impl Iterator<Item = &'a str>,
    code: &str,
    variant: Option<&str>,
) -> Vec<String> {
    let plain = format!("cn:{code}");
    let prefix = format!("cn:{code}-");
    let mut found: Vec<String> = all
        .filter(|a| *a == plain || a.starts_with(&prefix))
        .map(str::to_string)
        .collect();
    found.sort();
    found.dedup();
    if let Some(v) = variant {
        // The requested variant, or the undivided entry where the code is not split.
        let wanted = format!("cn:{code}-{v}");
        let keep = if found.contains(&wanted) {
            wanted
        } else {
            plain
        };
        found.retain(|a| *a == keep);
    }
    found
}

/// Shared lookup rule: try each CN heading; at a heading, one entry (or the requested variant)
/// must match; try the country, then `OTHER` (Annex I) — or `WORLD` (Annex IV).
pub fn lookup_with<'a>(
    activities: impl Fn() -> Box<dyn Iterator<Item = &'a str> + 'a>,
    find: impl Fn(&str, &str) -> Option<DefaultValue>,
    query: &DefaultQuery<'_>,
) -> Result<DefaultValue, DefaultLookupError> {
    let regions: Vec<&str> = match query.country {
        Some(c) => vec![c, "OTHER"],
        None => vec!["WORLD"],
    };
    let mut tried = Vec::new();
    for code in cn_candidates(query.cn_code) {
        let entries = activities_for(activities(), &code, query.variant);
        if entries.len() > 1 {
            return Err(DefaultLookupError::Ambiguous {
                variants: entries
                    .iter()
                    .filter_map(|a| a.split_once('-').map(|(_, v)| v.to_string()))
                    .collect(),
            });
        }
        let Some(activity) = entries.first() else {
            tried.push(format!("cn:{code}"));
            continue;
        };
        for (i, region) in regions.iter().enumerate() {
            tried.push(format!("{activity}@{region}"));
            if let Some(mut v) = find(activity, region) {
                v.via_fallback |= i > 0;
                return Ok(v);
            }
        }
    }
    Err(DefaultLookupError::NotFound { tried })
}

impl DefaultValues for DefaultTable {
    fn lookup(&self, query: &DefaultQuery<'_>) -> Result<DefaultValue, DefaultLookupError> {
        let year = default_year(query.year);
        lookup_with(
            || Box::new(self.entries.keys().map(|(a, _)| a.as_str())),
            |activity, region| self.find(activity, region, year),
            query,
        )
    }
}

/// One good's actual SEE next to the default that would apply.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DefaultComparison {
    pub product: String,
    pub cn_code: String,
    /// `None` with `lookup_error` when no default applies.
    pub default: Option<DefaultValue>,
    #[serde(default)]
    pub lookup_error: Option<DefaultLookupError>,
    pub year: i32,
    /// The year's mark-up rate (0.10 = 10 %).
    pub markup_rate: Decimal,
    pub actual_direct: Decimal,
    pub actual_indirect: Decimal,
    pub actual_total: Decimal,
    /// Actual minus default (without mark-up), per part; `None` where the default lacks it.
    pub difference_direct: Option<Decimal>,
    pub difference_indirect: Option<Decimal>,
    pub difference_total: Option<Decimal>,
    /// Actual total minus the published total with mark-up.
    pub difference_total_with_markup: Option<Decimal>,
    /// Emissions that need certificates, per tonne: direct, plus indirect for cement and
    /// fertilisers (Reg. (EU) 2023/956 Annex II).
    pub chargeable_actual: Decimal,
    pub chargeable_default: Option<Decimal>,
    /// With an EU carbon price (per t CO2e): certificate cost per tonne of good, gross of
    /// free-allocation adjustment and of any carbon price paid abroad.
    pub cost_actual: Option<Decimal>,
    pub cost_default: Option<Decimal>,
    pub saving: Option<Decimal>,
}

/// Compares every product's SEE with the default of the installation's country for the
/// reporting year (its mark-up included), and prices both at `eu_carbon_price` if given.
pub fn compare_with_defaults(
    inst: &Installation,
    results: &CbamResults,
    defaults: &dyn DefaultValues,
    eu_carbon_price: Option<Decimal>,
) -> Result<Vec<DefaultComparison>, CalcError> {
    let year = default_year(results.reporting_year);
    let mut out = Vec::new();
    for (p, r) in inst.products.iter().zip(&results.products) {
        let at = format!("product/{}/defaults", p.id);
        let at = at.as_str();
        let rate = markup_rate(r.category.sector(), year);
        let found = defaults.lookup(&DefaultQuery {
            cn_code: &p.cn_code,
            variant: p.default_variant.as_deref(),
            country: Some(&inst.about.country),
            year,
        });
        let (default, lookup_error) = match found {
            Ok(v) => (Some(v), None),
            Err(e) => (None, Some(e)),
        };
        let diff = |actual: Decimal, dv: Option<Decimal>| -> Result<Option<Decimal>, CalcError> {
            dv.map(|v| sub(actual, v, at)).transpose()
        };
        let dv = default.as_ref();
        let counts_indirect = r.indirect_counts;
        let chargeable_actual = if counts_indirect {
            r.see_total
        } else {
            r.see_direct
        };
        let chargeable_default = match dv {
            None => None,
            Some(v) if counts_indirect => match v.total_with_markup {
                Some(t) => Some(t),
                None => v
                    .total
                    .map(|t| mul(t, Decimal::ONE + rate, at))
                    .transpose()?,
            },
            Some(v) => v
                .direct
                .map(|d| mul(d, Decimal::ONE + rate, at))
                .transpose()?,
        };
        let cost_actual = eu_carbon_price
            .map(|pr| mul(pr, chargeable_actual, at))
            .transpose()?;
        let cost_default = match (eu_carbon_price, chargeable_default) {
            (Some(pr), Some(c)) => Some(mul(pr, c, at)?),
            _ => None,
        };
        let saving = match (cost_default, cost_actual) {
            (Some(d), Some(a)) => Some(sub(d, a, at)?),
            _ => None,
        };
        out.push(DefaultComparison {
            product: p.id.clone(),
            cn_code: p.cn_code.clone(),
            difference_direct: diff(r.see_direct, dv.and_then(|v| v.direct))?,
            difference_indirect: diff(r.see_indirect, dv.and_then(|v| v.indirect))?,
            difference_total: diff(r.see_total, dv.and_then(|v| v.total))?,
            difference_total_with_markup: diff(r.see_total, dv.and_then(|v| v.total_with_markup))?,
            default,
            lookup_error,
            year,
            markup_rate: rate,
            actual_direct: r.see_direct,
            actual_indirect: r.see_indirect,
            actual_total: r.see_total,
            chargeable_actual,
            chargeable_default,
            cost_actual,
            cost_default,
            saving,
        });
    }
    Ok(out)
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    /// A small table: grey/white clinker and Portland cement for EG and OTHER, a steel
    /// heading, and an Annex IV clinker value.
    pub(crate) fn table() -> DefaultTable {
        let mut t = DefaultTable::default();
        let mut add = |activity: &str,
                       region: &str,
                       source: DefaultSource,
                       dir: Option<&str>,
                       ind: Option<&str>,
                       tot: Option<&str>,
                       markups: &[(i32, &str)]| {
            t.insert(DefaultValue {
                source,
                activity: activity.into(),
                region: region.into(),
                via_fallback: false,
                direct: dir.map(d),
                indirect: ind.map(d),
                total: tot.map(d),
                total_with_markup: None,
                citations: vec![format!("test/{activity}@{region}")],
            });
            for (y, v) in markups {
                t.insert_markup(activity, region, *y, d(v));
            }
        };
        use DefaultSource::{AnnexI, AnnexIv};
        add(
            "cn:25231000-grey-clinker",
            "EG",
            AnnexI,
            Some("1.24"),
            Some("0.03"),
            Some("1.27"),
            &[(2026, "1.397"), (2027, "1.524")],
        );
        add(
            "cn:25231000-white-clinker",
            "EG",
            AnnexI,
            Some("1.29"),
            Some("0.04"),
            Some("1.33"),
            &[(2026, "1.463")],
        );
        add(
            "cn:25232900",
            "EG",
            AnnexI,
            Some("1.24"),
            Some("0.05"),
            Some("1.29"),
            &[(2026, "1.419")],
        );
        add(
            "cn:25232900",
            "OTHER",
            AnnexI,
            Some("1.5"),
            Some("0.1"),
            Some("1.6"),
            &[(2026, "1.76")],
        );
        add(
            "cn:7318",
            "OTHER",
            AnnexI,
            Some("3.962"),
            None,
            Some("3.962"),
            &[(2026, "4.358")],
        );
        add(
            "cn:25231000-grey-clinker",
            "WORLD",
            AnnexIv,
            None,
            None,
            Some("1.44"),
            &[(2026, "1.584")],
        );
        t
    }

    #[test]
    fn lookups_fall_back_to_other_and_to_headings() {
        let t = table();
        let q = |cn, country, variant| DefaultQuery {
            cn_code: cn,
            variant,
            country,
            year: 2026,
        };
        let v = t.lookup(&q("25232900", Some("EG"), None)).unwrap();
        assert_eq!((v.region.as_str(), v.via_fallback), ("EG", false));
        assert_eq!(v.total_with_markup, Some(d("1.419")));
        let v = t.lookup(&q("25232900", Some("TR"), None)).unwrap();
        assert_eq!((v.region.as_str(), v.via_fallback), ("OTHER", true));
        let v = t.lookup(&q("73181542", Some("EG"), None)).unwrap();
        assert_eq!(v.activity, "cn:7318");
        assert_eq!(v.indirect, None);
        assert!(matches!(
            t.lookup(&q("25231000", Some("EG"), None)),
            Err(DefaultLookupError::Ambiguous { .. })
        ));
        let v = t
            .lookup(&q("25231000", Some("EG"), Some("white-clinker")))
            .unwrap();
        assert_eq!(v.direct, Some(d("1.29")));
        let v = t
            .lookup(&q("25231000", None, Some("grey-clinker")))
            .unwrap();
        assert_eq!(
            (v.region.as_str(), v.total_with_markup),
            ("WORLD", Some(d("1.584")))
        );
        assert!(matches!(
            t.lookup(&q("76011010", Some("EG"), None)),
            Err(DefaultLookupError::NotFound { .. })
        ));
    }

    #[test]
    fn candidates_go_from_code_to_heading() {
        assert_eq!(cn_candidates("7207 11 11"), ["72071111", "720711", "7207"]);
        assert_eq!(default_year(2023), 2026);
        assert_eq!(default_year(2027), 2027);
    }
}
