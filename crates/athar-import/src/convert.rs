//! Column mapping and the conversion of rows to activity entries, with per-row errors.

use std::borrow::Cow;
use std::collections::{BTreeMap, HashSet};
use std::str::FromStr;

use athar_inventory::{
    ActivityEntry, ActivityKind, Amount, Combustion, DataQuality, Money, Origin, Period,
};
use athar_quantity::{Quantity, Unit};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use time::Date;

use crate::read::{ReadError, Table};

/// Which column (by header text) holds each field. Unset fields are inferred from the headers
/// ([`Mapping::infer`]); `quality` and `combustion` may stay unmapped (defaults: `measured`,
/// `stationary`), as may `id` (then `row-<n>`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Mapping {
    pub id: Option<String>,
    pub site: Option<String>,
    pub period_from: Option<String>,
    pub period_to: Option<String>,
    pub kind: Option<String>,
    pub quantity: Option<String>,
    pub unit: Option<String>,
    /// Fuel, gas, material, transport/travel mode, heat medium, process activity, or
    /// `waste_type:treatment`, depending on `kind`.
    pub item: Option<String>,
    pub combustion: Option<String>,
    pub quality: Option<String>,
}

/// Header names recognised per field (compared case-insensitively, spaces and `_` ignored).
const ALIASES: &[(&str, &[&str])] = &[
    (
        "id",
        &[
            "id",
            "rowid",
            "reference",
            "ref",
            "entryid",
            "المعرف",
            "الرقم",
            "مرجع",
        ],
    ),
    (
        "site",
        &["site", "facility", "plant", "الموقع", "المنشأة", "المصنع"],
    ),
    (
        "period_from",
        &[
            "periodfrom",
            "from",
            "start",
            "startdate",
            "datefrom",
            "من",
            "بداية",
            "تاريخالبداية",
        ],
    ),
    (
        "period_to",
        &[
            "periodto",
            "to",
            "end",
            "enddate",
            "dateto",
            "إلى",
            "الى",
            "نهاية",
            "تاريخالنهاية",
        ],
    ),
    (
        "kind",
        &[
            "kind",
            "type",
            "activity",
            "activitytype",
            "category",
            "النوع",
            "نوعالنشاط",
        ],
    ),
    (
        "quantity",
        &["quantity", "amount", "qty", "value", "الكمية", "القيمة"],
    ),
    ("unit", &["unit", "units", "uom", "الوحدة"]),
    (
        "item",
        &[
            "item",
            "fuel",
            "material",
            "gas",
            "mode",
            "medium",
            "الوقود",
            "المادة",
            "البند",
        ],
    ),
    ("combustion", &["combustion", "احتراق"]),
    (
        "quality",
        &["quality", "dataquality", "الجودة", "جودةالبيانات"],
    ),
];

fn norm(h: &str) -> String {
    h.chars()
        .filter(|c| !c.is_whitespace() && *c != '_' && *c != '-')
        .flat_map(char::to_lowercase)
        .collect()
}

/// Every field a mapping can set, in form order.
pub fn mapping_fields() -> impl Iterator<Item = &'static str> {
    ALIASES.iter().map(|(f, _)| *f)
}

/// A field with the column index it reads from.
#[derive(Debug, Clone, Default)]
struct Columns(BTreeMap<&'static str, usize>);

impl Mapping {
    /// Parses a JSON mapping file: `{"quantity": "kWh used", "unit": "Unit", ...}`.
    pub fn from_json(text: &str) -> Result<Mapping, ReadError> {
        serde_json::from_str(text).map_err(|e| ReadError::BadMapping {
            detail: e.to_string(),
        })
    }

    fn get(&self, field: &str) -> Option<&String> {
        match field {
            "id" => self.id.as_ref(),
            "site" => self.site.as_ref(),
            "period_from" => self.period_from.as_ref(),
            "period_to" => self.period_to.as_ref(),
            "kind" => self.kind.as_ref(),
            "quantity" => self.quantity.as_ref(),
            "unit" => self.unit.as_ref(),
            "item" => self.item.as_ref(),
            "combustion" => self.combustion.as_ref(),
            "quality" => self.quality.as_ref(),
            _ => None,
        }
    }

    /// This mapping with unset fields filled from `headers` by name.
    pub fn infer(&self, headers: &[String]) -> Mapping {
        let find = |field: &str| -> Option<String> {
            if let Some(v) = self.get(field) {
                return Some(v.clone());
            }
            let aliases = ALIASES.iter().find(|(f, _)| *f == field)?.1;
            headers
                .iter()
                .find(|h| aliases.contains(&norm(h).as_str()))
                .cloned()
        };
        Mapping {
            id: find("id"),
            site: find("site"),
            period_from: find("period_from"),
            period_to: find("period_to"),
            kind: find("kind"),
            quantity: find("quantity"),
            unit: find("unit"),
            item: find("item"),
            combustion: find("combustion"),
            quality: find("quality"),
        }
    }

    fn columns(&self, headers: &[String]) -> Result<Columns, Vec<RowError>> {
        let mut cols = Columns::default();
        let mut errors = Vec::new();
        for (field, _) in ALIASES {
            match self.get(field) {
                Some(name) => match headers.iter().position(|h| norm(h) == norm(name)) {
                    Some(i) => {
                        cols.0.insert(field, i);
                    }
                    None => errors.push(RowError::new(0, name, "import-column-not-found")),
                },
                None if REQUIRED.contains(field) => {
                    errors.push(
                        RowError::new(0, field, "import-column-unmapped").arg("field", *field),
                    );
                }
                None => {}
            }
        }
        if errors.is_empty() {
            Ok(cols)
        } else {
            Err(errors)
        }
    }
}

/// The fields a mapping must set (the others have defaults).
pub const REQUIRED: &[&str] = &[
    "site",
    "period_from",
    "period_to",
    "kind",
    "quantity",
    "unit",
];

/// A problem with one row (row 0: the header or the mapping). `key` is a Fluent key whose
/// arguments are `row`, `column` and `args`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RowError {
    pub row: u64,
    pub column: String,
    pub key: &'static str,
    pub args: BTreeMap<String, String>,
}

impl RowError {
    fn new(row: u64, column: &str, key: &'static str) -> Self {
        RowError {
            row,
            column: column.to_string(),
            key,
            args: BTreeMap::new(),
        }
    }

    fn arg(mut self, name: &str, value: impl ToString) -> Self {
        self.args.insert(name.to_string(), value.to_string());
        self
    }
}

/// A row turned into an entry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ConvertedRow {
    pub row: u64,
    pub external_id: String,
    pub entry: ActivityEntry,
}

/// The valid rows and the errors of the others.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Converted {
    /// The mapping as applied (explicit fields plus those inferred from the headers).
    pub mapping: Mapping,
    pub rows: Vec<ConvertedRow>,
    pub errors: Vec<RowError>,
}

/// Converts every row. Rows with errors are left out and reported; the others are kept.
/// A mapping that does not fit the headers gives only row-0 errors and no rows.
pub fn convert(table: &Table, mapping: &Mapping, source: &str) -> Converted {
    convert_first(table, mapping, source, usize::MAX)
}

/// The first `n` data rows converted, for showing before an import.
pub fn preview(table: &Table, mapping: &Mapping, source: &str, n: usize) -> Converted {
    convert_first(table, mapping, source, n)
}

fn convert_first(table: &Table, mapping: &Mapping, source: &str, n: usize) -> Converted {
    let mapping = mapping.infer(&table.headers);
    let mut out = Converted {
        mapping: mapping.clone(),
        ..Converted::default()
    };
    let cols = match mapping.columns(&table.headers) {
        Ok(c) => c,
        Err(errors) => {
            out.errors = errors;
            return out;
        }
    };
    let mut seen = HashSet::with_capacity(table.rows.len().min(n));
    for (i, cells) in table.rows.iter().enumerate().take(n) {
        if cells.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let row = Table::row_number(i);
        let r = RowReader {
            row,
            cells,
            cols: &cols,
            headers: &table.headers,
        };
        match r.entry(source) {
            Ok((external_id, entry)) => {
                if !seen.insert(external_id.clone()) {
                    out.errors.push(
                        RowError::new(row, &r.header("id"), "import-duplicate-id")
                            .arg("id", &external_id),
                    );
                    continue;
                }
                out.rows.push(ConvertedRow {
                    row,
                    external_id,
                    entry,
                });
            }
            Err(mut errs) => out.errors.append(&mut errs),
        }
    }
    out
}

struct RowReader<'a> {
    row: u64,
    cells: &'a [String],
    cols: &'a Columns,
    headers: &'a [String],
}

impl RowReader<'_> {
    fn header(&self, field: &str) -> String {
        self.cols
            .0
            .get(field)
            .and_then(|i| self.headers.get(*i))
            .cloned()
            .unwrap_or_else(|| field.to_string())
    }

    /// The trimmed text of `field`'s cell, Eastern digits made Western; `None` when empty.
    /// Borrowed when there is nothing to change (the common case, and the import's hot path).
    fn cell(&self, field: &str) -> Option<Cow<'_, str>> {
        let i = *self.cols.0.get(field)?;
        let v = self.cells.get(i)?.trim();
        if v.is_empty() {
            return None;
        }
        Some(if v.is_ascii() {
            Cow::Borrowed(v)
        } else {
            Cow::Owned(athar_domain::numerals::to_ascii_digits(v))
        })
    }

    fn err(&self, field: &str, key: &'static str) -> RowError {
        RowError::new(self.row, &self.header(field), key)
    }

    fn required(&self, field: &str, errors: &mut Vec<RowError>) -> Option<Cow<'_, str>> {
        let v = self.cell(field);
        if v.is_none() {
            errors.push(self.err(field, "import-missing-value"));
        }
        v
    }

    fn date(&self, field: &str, errors: &mut Vec<RowError>) -> Option<Date> {
        let v = self.required(field, errors)?;
        match parse_date(&v) {
            Some(d) => Some(d),
            None => {
                errors.push(self.err(field, "import-bad-date").arg("value", &v));
                None
            }
        }
    }

    fn entry(&self, source: &str) -> Result<(String, ActivityEntry), Vec<RowError>> {
        let mut errors = Vec::new();
        let external_id = self
            .cell("id")
            .map(Cow::into_owned)
            .unwrap_or_else(|| format!("row-{}", self.row));
        let site = self.required("site", &mut errors).map(Cow::into_owned);
        let from = self.date("period_from", &mut errors);
        let to = self.date("period_to", &mut errors);
        if let (Some(f), Some(t)) = (from, to) {
            if t < f {
                errors.push(
                    self.err("period_to", "import-period-reversed")
                        .arg("from", f)
                        .arg("to", t),
                );
            }
        }
        let kind_text = self.required("kind", &mut errors);
        let item = self.cell("item");
        let activity = kind_text
            .as_deref()
            .and_then(|k| match self.kind(k, item.as_deref()) {
                Ok(a) => Some(a),
                Err(e) => {
                    errors.push(e);
                    None
                }
            });
        let quantity = self.required("quantity", &mut errors).and_then(|q| {
            // Plain `1234.5` parses as it is; only other spellings need normalising.
            let parsed = Decimal::from_str(&q)
                .or_else(|_| Decimal::from_str(&athar_domain::numerals::normalize_number(&q)));
            match parsed {
                Ok(d) if d.is_sign_negative() && !d.is_zero() => {
                    errors.push(
                        self.err("quantity", "import-negative-quantity")
                            .arg("value", &q),
                    );
                    None
                }
                Ok(d) => Some(d),
                Err(_) => {
                    errors.push(self.err("quantity", "import-bad-number").arg("value", &q));
                    None
                }
            }
        });
        let amount = self.required("unit", &mut errors).and_then(|u| {
            if let Ok(unit) = Unit::from_str(&u) {
                return quantity.map(|q| Amount::Quantity(Quantity::new(q, unit)));
            }
            if u.len() == 3 && u.chars().all(|c| c.is_ascii_uppercase()) {
                return quantity.map(|q| Amount::Spend(Money::new(q, u.into_owned())));
            }
            errors.push(self.err("unit", "import-unknown-unit").arg("value", &u));
            None
        });
        let quality = match self.cell("quality").map(|q| norm(&q)) {
            None => Some(DataQuality::Measured),
            Some(q) => match q.as_str() {
                "measured" | "metered" | "invoiced" | "مقاس" | "مقاسة" => {
                    Some(DataQuality::Measured)
                }
                "calculated" | "محسوب" | "محسوبة" => Some(DataQuality::Calculated),
                "estimated" | "estimate" | "مقدر" | "مقدرة" | "تقديري" => {
                    Some(DataQuality::Estimated)
                }
                _ => {
                    errors.push(
                        self.err("quality", "import-unknown-quality")
                            .arg("value", &q),
                    );
                    None
                }
            },
        };
        match (site, from, to, activity, amount, quality) {
            (Some(site), Some(from), Some(to), Some(activity), Some(amount), Some(quality))
                if errors.is_empty() =>
            {
                Ok((
                    external_id.clone(),
                    ActivityEntry {
                        id: external_id,
                        site,
                        period: Period::new(from, to),
                        amount,
                        origin: Origin::Import {
                            file: source.to_string(),
                            row: Some(self.row),
                        },
                        evidence: None,
                        quality,
                        activity,
                        factor: None,
                    },
                ))
            }
            _ => Err(errors),
        }
    }

    fn kind(&self, kind: &str, item: Option<&str>) -> Result<ActivityKind, RowError> {
        let need_item = || {
            item.map(str::to_string)
                .ok_or_else(|| self.err("item", "import-missing-value"))
        };
        let k = norm(kind);
        Ok(match k.as_str() {
            "electricity" | "كهرباء" | "الكهرباء" => ActivityKind::Electricity {
                instruments: Vec::new(),
            },
            "fuel" | "وقود" => {
                let combustion = match self.cell("combustion").map(|c| norm(&c)).as_deref() {
                    None | Some("stationary") | Some("ثابت") => Combustion::Stationary,
                    Some("mobile") | Some("متحرك") => Combustion::Mobile,
                    Some(other) => {
                        return Err(self
                            .err("combustion", "import-unknown-combustion")
                            .arg("value", other))
                    }
                };
                ActivityKind::Fuel {
                    fuel: need_item()?,
                    combustion,
                    normalisation: None,
                }
            }
            "process" => ActivityKind::Process {
                activity: need_item()?,
            },
            "refrigerant" => ActivityKind::Refrigerant { gas: need_item()? },
            "heat" | "steam" | "cooling" => ActivityKind::Heat {
                medium: item.map(str::to_string).unwrap_or_else(|| k.clone()),
            },
            "purchasedgoods" | "material" => ActivityKind::PurchasedGoods {
                material: need_item()?,
            },
            "upstreamtransport" | "transport" => {
                ActivityKind::UpstreamTransport { mode: need_item()? }
            }
            "waste" => {
                let item = need_item()?;
                let (waste_type, treatment) = item
                    .split_once(':')
                    .ok_or_else(|| self.err("item", "import-bad-waste").arg("value", &item))?;
                ActivityKind::Waste {
                    waste_type: waste_type.trim().to_string(),
                    treatment: treatment.trim().to_string(),
                }
            }
            "businesstravel" | "travel" => ActivityKind::BusinessTravel { mode: need_item()? },
            _ => {
                return Err(self.err("kind", "import-unknown-kind").arg("value", kind));
            }
        })
    }
}

/// `YYYY-MM-DD`, `YYYY/MM/DD`, `DD/MM/YYYY` or `DD.MM.YYYY`, with an optional time part
/// (`2026-01-31T00:00:00`, `2026-01-31 00:00:00`) ignored.
fn parse_date(s: &str) -> Option<Date> {
    let s = s.split(['T', ' ']).next()?;
    let mut parts = s.split(['-', '/', '.']);
    let (a, b, c) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() {
        return None;
    }
    let (y, m, d) = if a.len() == 4 {
        (a, b, c)
    } else if c.len() == 4 {
        (c, b, a)
    } else {
        return None;
    };
    let month = time::Month::try_from(m.parse::<u8>().ok()?).ok()?;
    Date::from_calendar_date(y.parse().ok()?, month, d.parse().ok()?).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates() {
        let d = |s| parse_date(s).map(|d| d.to_string());
        assert_eq!(d("2026-01-31").as_deref(), Some("2026-01-31"));
        assert_eq!(d("31/01/2026").as_deref(), Some("2026-01-31"));
        assert_eq!(d("2026-01-31T00:00:00").as_deref(), Some("2026-01-31"));
        assert_eq!(d("2026-02-30"), None);
        assert_eq!(d("January"), None);
    }
}
