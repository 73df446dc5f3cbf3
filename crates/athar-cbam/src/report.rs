//! The JSON documents of `athar cbam report --json` and `athar cbam check --json`.
//!
//! Why this module exists: the CLI's output is a stable interface (docs/cli.md) used by tests
//! and consultants' scripts; building it here, from the model and the results, keeps the CLI
//! verb a one-liner and lets the UI and the PDF summary show the same figures.
//! Numbers are decimal strings at full precision without trailing zeros: SEE in t CO2e per
//! tonne (per MWh for electricity), totals in t CO2e, shares as fractions.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::model::{format_date, Installation};
use crate::result::CbamResults;

mod plain {
    use rust_decimal::Decimal;
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(d: &Decimal, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&d.normalize().to_string())
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Decimal, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

/// `installation` of the report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportInstallation {
    pub name: String,
    pub country: String,
    pub city: String,
    pub unlocode: String,
    pub period_start: String,
    pub period_end: String,
}

/// One entry of `products`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportProduct {
    /// Name of the production process.
    pub process: String,
    /// Aggregated goods category id (`cement`, `iron-or-steel-products`).
    pub category: String,
    pub cn_code: String,
    pub product_name: String,
    #[serde(with = "plain")]
    pub see_direct: Decimal,
    #[serde(with = "plain")]
    pub see_indirect: Decimal,
    #[serde(with = "plain")]
    pub see_total: Decimal,
    #[serde(with = "plain")]
    pub default_share: Decimal,
}

/// `totals` of the report: the installation's emissions in the reporting period, t CO2e.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportTotals {
    #[serde(with = "plain")]
    pub direct: Decimal,
    #[serde(with = "plain")]
    pub indirect: Decimal,
    #[serde(with = "plain")]
    pub total: Decimal,
}

/// `athar cbam report --json`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Report {
    pub installation: ReportInstallation,
    pub products: Vec<ReportProduct>,
    pub totals: ReportTotals,
}

/// Where a received template's summary disagrees with the recomputation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Discrepancy {
    /// `Summary_Products!I10`.
    pub cell: String,
    /// What the cell holds (`product/1/see-direct`), a result id where there is one.
    pub what: String,
    /// The cached value in the workbook, as text (`""` if empty).
    pub theirs: String,
    pub ours: String,
}

/// `athar cbam check TEMPLATE.xlsx --json`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CheckReport {
    pub installation: ReportInstallation,
    pub products: Vec<ReportProduct>,
    pub totals: ReportTotals,
    pub discrepancies: Vec<Discrepancy>,
}

impl Report {
    pub fn new(inst: &Installation, results: &CbamResults) -> Report {
        Report {
            installation: ReportInstallation {
                name: inst.about.name_en.clone(),
                country: inst.about.country.clone(),
                city: inst.about.city.clone(),
                unlocode: inst.about.unlocode.clone(),
                period_start: format_date(inst.reporting_period.start),
                period_end: format_date(inst.reporting_period.end),
            },
            products: results
                .products
                .iter()
                .map(|p| ReportProduct {
                    process: p.process_name.clone(),
                    category: p.category.id().to_string(),
                    cn_code: p.cn_code.clone(),
                    product_name: p.name.clone(),
                    see_direct: p.see_direct,
                    see_indirect: p.see_indirect,
                    see_total: p.see_total,
                    default_share: p.default_share,
                })
                .collect(),
            totals: ReportTotals {
                direct: results.installation.total_direct,
                indirect: results.installation.total_indirect,
                total: results.installation.total,
            },
        }
    }

    pub fn with_discrepancies(self, discrepancies: Vec<Discrepancy>) -> CheckReport {
        CheckReport {
            installation: self.installation,
            products: self.products,
            totals: self.totals,
            discrepancies,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compute;
    use crate::synthetic::{synthetic_installation, SyntheticSpec};

    #[test]
    fn json_has_exactly_the_documented_keys() {
        let inst = synthetic_installation(&SyntheticSpec::new(2, 1, 2));
        let results = compute(&inst, None).unwrap();
        let json = serde_json::to_value(Report::new(&inst, &results)).unwrap();
        let keys = |v: &serde_json::Value| -> Vec<String> {
            let mut k: Vec<String> = v.as_object().unwrap().keys().cloned().collect();
            k.sort();
            k
        };
        assert_eq!(keys(&json), ["installation", "products", "totals"]);
        assert_eq!(
            keys(&json["products"][0]),
            [
                "category",
                "cn_code",
                "default_share",
                "process",
                "product_name",
                "see_direct",
                "see_indirect",
                "see_total"
            ]
        );
        assert_eq!(keys(&json["totals"]), ["direct", "indirect", "total"]);
        assert!(json["products"][0]["see_direct"].is_string());
        assert_eq!(json["products"][0]["category"], "crude-steel");
        let check =
            serde_json::to_value(Report::new(&inst, &results).with_discrepancies(vec![])).unwrap();
        assert_eq!(
            keys(&check),
            ["discrepancies", "installation", "products", "totals"]
        );
        // Deterministic: the same input prints the same bytes.
        let again = serde_json::to_string(&Report::new(&inst, &compute(&inst, None).unwrap()));
        assert_eq!(
            serde_json::to_string(&Report::new(&inst, &results)).unwrap(),
            again.unwrap()
        );
    }
}
