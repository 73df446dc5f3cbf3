//! [`DefaultValues`] backed by the IR 2025/2621 packs embedded in `athar-factors`
//! (`cbam-2621-annex-i`, `cbam-2621-annex-iv`). Behind the `embedded-defaults` feature so
//! that the wasm UI, which only needs the model, does not carry 57,000 rows.
//!
//! Annex I's rule "where no value is provided or the field shows '–', take 'Other countries
//! and territories'" applies per field: each of direct, indirect, total and total with mark-up
//! is looked up in the country, then `OTHER` (the pack's fallback region), and the rows used
//! are cited one by one.

use std::collections::BTreeSet;

use athar_factors::{FactorQuery, Pack};
use time::{Date, Month};

use crate::defaults::{
    default_year, lookup_with, DefaultLookupError, DefaultQuery, DefaultValue, DefaultValues,
};
use crate::result::DefaultSource;

/// The embedded Annex I and Annex IV tables.
pub struct EmbeddedDefaults {
    annex_i: &'static Pack,
    annex_iv: &'static Pack,
    activities_i: BTreeSet<&'static str>,
    activities_iv: BTreeSet<&'static str>,
}

impl EmbeddedDefaults {
    /// `None` if a pack is missing from the build (a build defect the tests catch).
    pub fn new() -> Option<Self> {
        let annex_i = athar_factors::pack("cbam-2621-annex-i")?;
        let annex_iv = athar_factors::pack("cbam-2621-annex-iv")?;
        let acts = |p: &'static Pack| p.rows.iter().map(|r| r.activity.as_str()).collect();
        Some(EmbeddedDefaults {
            annex_i,
            annex_iv,
            activities_i: acts(annex_i),
            activities_iv: acts(annex_iv),
        })
    }

    fn find(
        &self,
        pack: &'static Pack,
        activity: &str,
        region: &str,
        date: Date,
    ) -> Option<DefaultValue> {
        let mut citations = Vec::new();
        let mut via_fallback = false;
        let mut get = |parameter: &str| {
            let found = pack
                .find(&FactorQuery::new(activity, parameter, region).on(date))
                .ok()?;
            via_fallback |= found.via_fallback;
            citations.push(format!(
                "{}/{}@{}",
                pack.id, found.row.id, found.row.version
            ));
            Some(found.row.value)
        };
        let direct = get("see_direct");
        let indirect = get("see_indirect");
        let total = get("see_total");
        let total_with_markup = get("see_total_markup");
        if direct.is_none() && indirect.is_none() && total.is_none() && total_with_markup.is_none()
        {
            return None;
        }
        Some(DefaultValue {
            source: if std::ptr::eq(pack, self.annex_i) {
                DefaultSource::AnnexI
            } else {
                DefaultSource::AnnexIv
            },
            activity: activity.to_string(),
            region: region.to_string(),
            via_fallback,
            direct,
            indirect,
            total,
            total_with_markup,
            citations,
        })
    }
}

impl DefaultValues for EmbeddedDefaults {
    fn lookup(&self, query: &DefaultQuery<'_>) -> Result<DefaultValue, DefaultLookupError> {
        let year = default_year(query.year);
        let date = Date::from_calendar_date(year, Month::July, 1)
            .map_err(|_| DefaultLookupError::NotFound { tried: Vec::new() })?;
        let (pack, activities) = if query.country.is_some() {
            (self.annex_i, &self.activities_i)
        } else {
            (self.annex_iv, &self.activities_iv)
        };
        lookup_with(
            || Box::new(activities.iter().copied()),
            |activity, region| self.find(pack, activity, region, date),
            query,
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal::Decimal;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    fn q<'a>(
        cn: &'a str,
        country: Option<&'a str>,
        variant: Option<&'a str>,
        year: i32,
    ) -> DefaultQuery<'a> {
        DefaultQuery {
            cn_code: cn,
            variant,
            country,
            year,
        }
    }

    #[test]
    fn egyptian_portland_cement() {
        let t = EmbeddedDefaults::new().unwrap();
        let v = t.lookup(&q("25232900", Some("EG"), None, 2026)).unwrap();
        assert_eq!(v.source, DefaultSource::AnnexI);
        assert_eq!(
            (v.direct, v.indirect, v.total),
            (Some(d("1.240")), Some(d("0.050")), Some(d("1.290")))
        );
        assert_eq!(v.total_with_markup, Some(d("1.419")));
        assert!(!v.via_fallback);
        let v2027 = t.lookup(&q("25232900", Some("EG"), None, 2027)).unwrap();
        assert_eq!(v2027.total_with_markup, Some(d("1.548")));
        assert_eq!(v.citations.len(), 4);
        assert!(v.citations[0].starts_with("cbam-2621-annex-i/2621-I:EG:25232900:direct@"));
    }

    #[test]
    fn missing_fields_come_from_other_countries() {
        let t = EmbeddedDefaults::new().unwrap();
        // Albania: white Portland cement shows "–" for direct/indirect/total.
        let v = t.lookup(&q("25232100", Some("AL"), None, 2026)).unwrap();
        assert!(v.via_fallback);
        assert!(v.direct.is_some());
        assert!(v.citations.iter().any(|c| c.contains(":OTHER:")));
        // A country not in Annex I at all.
        let v = t.lookup(&q("72071111", Some("AQ"), None, 2026)).unwrap();
        assert!(v.via_fallback);
        assert_eq!(v.direct, Some(d("3.996")));
    }

    #[test]
    fn clinker_variants_and_headings() {
        let t = EmbeddedDefaults::new().unwrap();
        assert!(matches!(
            t.lookup(&q("25231000", Some("EG"), None, 2026)),
            Err(DefaultLookupError::Ambiguous { .. })
        ));
        let v = t
            .lookup(&q("25231000", Some("EG"), Some("grey-clinker"), 2026))
            .unwrap();
        assert_eq!(v.direct, Some(d("1.240")));
        // Screws are listed by 6-digit heading 7318 15.
        let v = t.lookup(&q("73181542", Some("EG"), None, 2026)).unwrap();
        assert!(v.activity.starts_with("cn:731815"));
    }

    #[test]
    fn every_synthetic_good_made_in_egypt_has_a_default() {
        let inst = crate::synthetic::synthetic_installation(&crate::synthetic::SyntheticSpec::new(
            3, 2, 12,
        ));
        let results = crate::compute(&inst, None).unwrap();
        let t = EmbeddedDefaults::new().unwrap();
        let cmp = crate::compare_with_defaults(&inst, &results, &t, Some(d("75"))).unwrap();
        assert_eq!(cmp.len(), 12);
        for c in &cmp {
            assert!(c.default.is_some(), "{}: {:?}", c.cn_code, c.lookup_error);
            assert!(c.cost_default.is_some());
            assert_eq!(c.markup_rate, d("0.1"));
        }
    }

    #[test]
    fn annex_iv_for_unknown_origin() {
        let t = EmbeddedDefaults::new().unwrap();
        let v = t
            .lookup(&q("25231000", None, Some("grey-clinker"), 2026))
            .unwrap();
        assert_eq!(v.source, DefaultSource::AnnexIv);
        assert_eq!(v.region, "WORLD");
        assert_eq!(
            (v.total, v.total_with_markup),
            (Some(d("1.440")), Some(d("1.584")))
        );
        assert_eq!(v.direct, None);
    }
}
