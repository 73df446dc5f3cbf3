//! The report laid out as data, for the PDF and the screens: sections in the standard's order,
//! labelled values, tables for the datapoints reported per site, waste type, pollutant or
//! country, chart series, and the ESRS E1 view.
//!
//! Why this module exists: the PDF (athar-pdf) and the UI should only lay out and translate;
//! which datapoint goes in which section, how a value is rounded and what its unit is, belongs
//! with the model. Labels are Fluent keys ([`Label::Key`]) so one view serves English and
//! Arabic; code-list members (countries, NACE, waste codes, pollutants) carry their code and
//! English label ([`Label::Code`]) and the UI may name countries itself.

use std::collections::BTreeMap;

use rust_decimal::{Decimal, RoundingStrategy};
use serde::{Deserialize, Serialize};

use crate::energy::EnergyFigures;
use crate::esrs_e1::{e1_view, E1View};
use crate::fact::{
    Decimals, DimensionValue, Fact, FactPeriod, FactUnit, FactValue, Provenance, ReportInfo,
};
use crate::model::{Model, RowKind};

/// A label: a Fluent key, or a code-list member shown by code and English label.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Label {
    Key {
        key: String,
    },
    Code {
        code: String,
        label_en: String,
    },
    /// Text as given (a site identifier, a year).
    Text {
        text: String,
    },
}

/// A value ready to print.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ViewValue {
    /// Rounded to its decimals; a percentage already ×100.
    Number {
        value: Decimal,
        percent: bool,
    },
    Text {
        text: String,
    },
    YesNo {
        yes: bool,
    },
    Options {
        options: Vec<Label>,
    },
    Date {
        iso: String,
    },
    Year {
        year: i32,
    },
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ViewRow {
    pub label: Label,
    /// Reporting scope, breakdown member or year the row is for.
    pub qualifiers: Vec<Label>,
    pub value: ViewValue,
    /// `tCO2e`, `MWh`, `EGP`, `tCO2e/EGP`; empty for counts.
    pub unit: String,
    pub provenance: Option<Provenance>,
}

/// A table cell: the value and its unit.
pub type ViewCell = Option<(ViewValue, String)>;

/// A table row: the member labels, then a cell per column.
pub type ViewTableRow = (Vec<Label>, Vec<ViewCell>);

/// Datapoints reported per site, waste type, pollutant... as one table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ViewTable {
    /// Axis labels (row headings), then the datapoints (columns).
    pub axes: Vec<Label>,
    pub columns: Vec<Label>,
    /// One per dimension combination: its member labels and a cell per column.
    pub rows: Vec<ViewTableRow>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ViewSection {
    pub key: String,
    pub module: Option<String>,
    pub rows: Vec<ViewRow>,
    pub tables: Vec<ViewTable>,
}

/// Series for the charts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Charts {
    /// Scope 1, Scope 2 location-based, Scope 2 market-based, Scope 3 (tCO2e).
    pub ghg_by_scope: Vec<(Label, Decimal)>,
    /// Electricity and fuels (first label), renewable or not (second), in MWh.
    pub energy_mix: Vec<(Label, Label, Decimal)>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportView {
    pub entity_name: String,
    pub period_start: String,
    pub period_end: String,
    pub sections: Vec<ViewSection>,
    pub charts: Charts,
    pub e1: E1View,
}

fn member_label(model: &Model, q: &str) -> Label {
    match model.member(q) {
        Some(m) => match &m.key {
            Some(k) => Label::Key { key: k.clone() },
            None => Label::Code {
                code: m.code.clone().unwrap_or_default(),
                label_en: m.label_en.clone(),
            },
        },
        None => Label::Text {
            text: crate::model::local_name(q).to_string(),
        },
    }
}

/// A fact's value for print, and its unit.
pub fn view_value(f: &Fact) -> (ViewValue, String) {
    let model = Model::get();
    let unit = match &f.unit {
        _ if f.shown_as_percent => "%".to_string(),
        Some(FactUnit::Measure { measure }) if measure == "xbrli:pure" => String::new(),
        Some(FactUnit::Measure { measure }) => model
            .unit(measure)
            .map(|u| {
                if u.symbol.is_empty() {
                    u.unit_id.clone()
                } else {
                    u.symbol.clone()
                }
            })
            .unwrap_or_else(|| measure.clone()),
        Some(FactUnit::Currency { code }) => code.clone(),
        Some(FactUnit::PerCurrency { numerator, code }) => {
            format!("{}/{code}", crate::model::local_name(numerator))
        }
        None => String::new(),
    };
    let v = match &f.value {
        FactValue::Number(n) => {
            let (mut v, places) = if f.shown_as_percent {
                (
                    *n * Decimal::ONE_HUNDRED,
                    f.decimals.map(|d| match d {
                        Decimals::Places(p) => Decimals::Places(p - 2),
                        x => x,
                    }),
                )
            } else {
                (*n, f.decimals)
            };
            if let Some(Decimals::Places(p)) = places {
                if p >= 0 {
                    v = v.round_dp_with_strategy(p as u32, RoundingStrategy::MidpointAwayFromZero);
                }
            }
            ViewValue::Number {
                value: v,
                percent: f.shown_as_percent,
            }
        }
        FactValue::Text(t) => ViewValue::Text { text: t.clone() },
        FactValue::Bool(b) => ViewValue::YesNo { yes: *b },
        FactValue::Date(d) => ViewValue::Date {
            iso: crate::fact::iso_date::format(*d),
        },
        FactValue::Year(y) => ViewValue::Year { year: *y },
        FactValue::Members(ms) => ViewValue::Options {
            options: ms.iter().map(|m| member_label(model, m)).collect(),
        },
    };
    (v, unit)
}

/// The report as sections of labelled values and tables.
pub fn report_view(
    info: &ReportInfo,
    facts: &[Fact],
    energy: Option<&EnergyFigures>,
) -> ReportView {
    let model = Model::get();
    let mut used = vec![false; facts.len()];
    let mut sections = Vec::new();
    for s in &model.sections {
        let items: Vec<&str> = s
            .rows
            .iter()
            .filter(|r| r.kind == RowKind::Item)
            .map(|r| r.concept.as_str())
            .collect();
        let mut rows = Vec::new();
        // Facts with a typed or a code-list axis go into a table.
        let mut table_facts: Vec<usize> = Vec::new();
        for c in &items {
            for (i, f) in facts.iter().enumerate() {
                if used[i] || f.concept != *c {
                    continue;
                }
                used[i] = true;
                let tabular = f.dimensions.iter().any(|(axis, v)| {
                    matches!(v, DimensionValue::Typed(_))
                        || model.axis(axis).is_some_and(|a| a.code_list.is_some())
                });
                if tabular {
                    table_facts.push(i);
                    continue;
                }
                let d = model.datapoint(c).expect("section items are datapoints");
                let mut qualifiers: Vec<Label> = f
                    .dimensions
                    .values()
                    .filter_map(|v| match v {
                        DimensionValue::Member(m) => Some(member_label(model, m)),
                        DimensionValue::Typed(_) => None,
                    })
                    .collect();
                if let FactPeriod::Year { .. } = f.period {
                    qualifiers.push(Label::Text {
                        text: info.duration(&f.period).1.year().to_string(),
                    });
                }
                let (value, unit) = view_value(f);
                rows.push(ViewRow {
                    label: Label::Key { key: d.key.clone() },
                    qualifiers,
                    value,
                    unit,
                    provenance: f.provenance.clone(),
                });
            }
        }
        let tables = tables_of(model, facts, &table_facts);
        if rows.is_empty() && tables.is_empty() {
            continue;
        }
        sections.push(ViewSection {
            key: s.key.clone(),
            module: s.module.clone(),
            rows,
            tables,
        });
    }
    let current = |c: &str| {
        facts
            .iter()
            .find(|f| {
                f.concept == c && f.dimensions.is_empty() && f.period == FactPeriod::Reporting
            })
            .and_then(Fact::number)
    };
    let key = |k: &str| Label::Key { key: k.to_string() };
    let mut ghg_by_scope = Vec::new();
    for c in [
        "vsme:GrossScope1GreenhouseGasEmissions",
        "vsme:GrossLocationBasedScope2GreenhouseGasEmissions",
        "vsme:GrossMarketBasedScope2GreenhouseGasEmissions",
        "vsme:GrossScope3GreenhouseGasEmissions",
    ] {
        if let (Some(v), Some(d)) = (current(c), model.datapoint(c)) {
            ghg_by_scope.push((key(&d.key), v));
        }
    }
    let mut energy_mix = Vec::new();
    for c in [
        "vsme:EnergyConsumptionFromElectricity",
        "vsme:EnergyConsumptionFromFuels",
    ] {
        for (m, k) in [
            ("vsme:RenewableEnergyMember", "vsme-m-renewable-energy"),
            (
                "vsme:NonRenewableEnergyMember",
                "vsme-m-non-renewable-energy",
            ),
        ] {
            let v = facts
                .iter()
                .find(|f| {
                    f.concept == c
                        && f.dimensions
                            .values()
                            .any(|x| *x == DimensionValue::Member(m.into()))
                })
                .and_then(Fact::number);
            if let (Some(v), Some(d)) = (v, model.datapoint(c)) {
                energy_mix.push((key(&d.key), key(k), v));
            }
        }
    }
    ReportView {
        entity_name: info.entity_name.clone(),
        period_start: crate::fact::iso_date::format(info.period_start),
        period_end: crate::fact::iso_date::format(info.period_end),
        sections,
        charts: Charts {
            ghg_by_scope,
            energy_mix,
        },
        e1: e1_view(facts, energy),
    }
}

fn tables_of(model: &Model, facts: &[Fact], indices: &[usize]) -> Vec<ViewTable> {
    // One table per set of axes.
    let mut by_axes: BTreeMap<Vec<String>, Vec<usize>> = BTreeMap::new();
    for &i in indices {
        by_axes
            .entry(facts[i].dimensions.keys().cloned().collect())
            .or_default()
            .push(i);
    }
    let mut out = Vec::new();
    for (axes, list) in by_axes {
        let mut columns: Vec<String> = Vec::new();
        for &i in &list {
            if !columns.contains(&facts[i].concept) {
                columns.push(facts[i].concept.clone());
            }
        }
        let mut rows: BTreeMap<String, ViewTableRow> = BTreeMap::new();
        for &i in &list {
            let f = &facts[i];
            let row_key = format!("{:?}", f.dimensions);
            let labels: Vec<Label> = f
                .dimensions
                .values()
                .map(|v| match v {
                    DimensionValue::Member(m) => member_label(model, m),
                    DimensionValue::Typed(t) => Label::Text { text: t.clone() },
                })
                .collect();
            let entry = rows
                .entry(row_key)
                .or_insert_with(|| (labels, vec![None; columns.len()]));
            let col = columns.iter().position(|c| *c == f.concept).unwrap_or(0);
            entry.1[col] = Some(view_value(f));
        }
        out.push(ViewTable {
            axes: axes
                .iter()
                .map(|a| Label::Key {
                    key: model.axis(a).map(|x| x.key.clone()).unwrap_or_default(),
                })
                .collect(),
            columns: columns
                .iter()
                .map(|c| Label::Key {
                    key: model
                        .datapoint(c)
                        .map(|d| d.key.clone())
                        .unwrap_or_default(),
                })
                .collect(),
            rows: rows.into_values().collect(),
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::template::facts_from_template;

    #[test]
    fn the_samples_view_has_sections_tables_and_charts() {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../../shared/reference/vsme/templates/VSME-Digital-Template-Sample-1.3.0.xlsx"
        );
        let t = facts_from_template(&std::fs::read(path).unwrap()).unwrap();
        let v = report_view(&t.info, &t.facts, None);
        let waste = v
            .sections
            .iter()
            .find(|s| s.key == "vsme-sec-1190")
            .unwrap();
        assert_eq!(waste.tables.len(), 1);
        assert_eq!(waste.tables[0].rows.len(), 7);
        let ghg = v
            .sections
            .iter()
            .find(|s| s.key == "vsme-sec-1100")
            .unwrap();
        assert!(ghg.rows.iter().any(|r| r.value
            == ViewValue::Number {
                value: Decimal::from(100),
                percent: false
            }
            && r.unit == "tCO2e"));
        assert_eq!(v.charts.ghg_by_scope.len(), 3);
        assert_eq!(v.charts.energy_mix.len(), 4);
        // Every fact is somewhere in the view.
        let rows: usize = v
            .sections
            .iter()
            .map(|s| {
                s.rows.len()
                    + s.tables
                        .iter()
                        .map(|t| {
                            t.rows
                                .iter()
                                .map(|r| r.1.iter().flatten().count())
                                .sum::<usize>()
                        })
                        .sum::<usize>()
            })
            .sum();
        assert_eq!(rows, t.facts.len());
    }
}
