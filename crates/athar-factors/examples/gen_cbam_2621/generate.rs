//! Generation of the IR (EU) 2025/2621 packs; shared by the example's `main` and the crate's
//! tests (which check that the committed CSV files are exactly what this produces).

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::str::FromStr;

use athar_factors::{write_rows, FactorRow, GwpBasis, RatioUnit};
use calamine::{open_workbook, Data, Reader, Xlsx};
use rust_decimal::{Decimal, RoundingStrategy};
use time::macros::date;
use time::Date;

pub const DEFAULT_REFERENCE_DIR: &str =
    concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/reference");
pub const DEFAULT_FACTORS_DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../factors");

pub const WORKBOOK: &str = "cbam/default-values/DVs as adopted_v20260204.xlsx";
pub const ELECTRICITY_CSV: &str =
    "cbam/default-values/IR2025-2621_AnnexII_III_electricity_EF_extracted.csv";
pub const ANNEX_IV_JSON: &str =
    "cbam/default-values/annex_iv_precursor_defaults_2621_opencbam-0.1.0.json";

pub const ANNEX_I: (&str, &str) = ("cbam-2621-annex-i", "2026-02-04");
pub const ANNEX_II: (&str, &str) = ("cbam-2621-annex-ii", "2025-12-31");
pub const ANNEX_III: (&str, &str) = ("cbam-2621-annex-iii", "2025-12-31");
pub const ANNEX_IV: (&str, &str) = ("cbam-2621-annex-iv", "2025-12-31");

/// Commission reuse policy, Decision 2011/833/EU (see factors/README.md).
const LICENCE_EU: &str = "CC-BY-4.0";
const LICENCE_IEA: &str = "IEA data, CC BY-NC-SA 4.0 (non-commercial)";
const START: Date = date!(2026 - 01 - 01);

pub struct Output {
    /// (path under `factors/`, CSV text)
    pub files: Vec<(String, String)>,
    /// What was skipped and why, for the person running the generator.
    pub report: Vec<String>,
}

pub fn generate(reference: &Path) -> Result<Output, String> {
    let mut report = Vec::new();
    let annex_i = annex_i(&reference.join(WORKBOOK), &mut report)?;
    let (annex_ii, annex_iii) = annexes_ii_iii(&reference.join(ELECTRICITY_CSV))?;
    let annex_iv = annex_iv(&reference.join(ANNEX_IV_JSON))?;
    let mut files = Vec::new();
    for ((pack, version), rows) in [
        (ANNEX_I, annex_i),
        (ANNEX_II, annex_ii),
        (ANNEX_III, annex_iii),
        (ANNEX_IV, annex_iv),
    ] {
        report.push(format!("{pack}@{version}: {} rows", rows.len()));
        files.push((format!("{pack}/{version}.csv"), write_rows(&rows)));
    }
    Ok(Output { files, report })
}

/// ISO 3166-1 alpha-2 (or EU/OTHER/XK) for the country names used by the workbook's sheets
/// and the annexes' tables.
pub fn region_code(name: &str) -> Option<&'static str> {
    Some(match name.trim() {
        "Albania" => "AL",
        "Algeria" => "DZ",
        "Angola" => "AO",
        "Argentina" => "AR",
        "Armenia" => "AM",
        "Australia" => "AU",
        "Azerbaijan" => "AZ",
        "Bahrain" => "BH",
        "Bangladesh" => "BD",
        "Belarus" => "BY",
        "Benin" => "BJ",
        "Bolivia" => "BO",
        "Bosnia and Herzegovina" => "BA",
        "Botswana" => "BW",
        "Brazil" => "BR",
        "Brunei" => "BN",
        "Burkina Faso" => "BF",
        "Cambodia" => "KH",
        "Cameroon" => "CM",
        "Canada" => "CA",
        "Chad" => "TD",
        "Chile" => "CL",
        "China" => "CN",
        "Colombia" => "CO",
        "Congo" => "CG",
        "Congo, Democratic Republic of" | "Democratic Republic of the Cong" => "CD",
        "Costa Rica" => "CR",
        "Côte d'Ivoire" | "Ivory Coast" => "CI",
        "Cuba" => "CU",
        "Curaçao" => "CW",
        "Dominican Republic" => "DO",
        "Ecuador" => "EC",
        "Egypt" => "EG",
        "El Salvador" => "SV",
        "Equatorial Guinea" => "GQ",
        "Eritrea" => "ER",
        "Eswatini" => "SZ",
        "Ethiopia" => "ET",
        "European Union" => "EU",
        "Gabon" => "GA",
        "Georgia" => "GE",
        "Ghana" => "GH",
        "Gibraltar" => "GI",
        "Greenland" => "GL",
        "Guatemala" => "GT",
        "Guyana" => "GY",
        "Haiti" => "HT",
        "Honduras" => "HN",
        "Hong Kong" => "HK",
        "India" => "IN",
        "Indonesia" => "ID",
        "Iran" | "Iran, Islamic Republic of" => "IR",
        "Iraq" => "IQ",
        "Israel" => "IL",
        "Jamaica" => "JM",
        "Japan" => "JP",
        "Jordan" => "JO",
        "Kazakhstan" => "KZ",
        "Kenya" => "KE",
        "Korea, Republic of (South Korea)" | "South Korea" => "KR",
        "Kosovo" => "XK",
        "Kuwait" => "KW",
        "Kyrgyzstan" => "KG",
        "Laos" => "LA",
        "Lebanon" => "LB",
        "Libya" => "LY",
        "Madagascar" => "MG",
        "Malaysia" => "MY",
        "Mali" => "ML",
        "Mauritania" => "MR",
        "Mauritius" => "MU",
        "Mexico" => "MX",
        "Moldova" | "Moldova, Republic of" => "MD",
        "Mongolia" => "MN",
        "Montenegro" => "ME",
        "Morocco" => "MA",
        "Mozambique" => "MZ",
        "Myanmar" | "Myanmar_Burma" => "MM",
        "Namibia" => "NA",
        "Nepal" => "NP",
        "New Zealand" => "NZ",
        "Nicaragua" => "NI",
        "Niger" => "NE",
        "Nigeria" => "NG",
        "North Korea" | "North Korea (Democratic People’s Republic of Korea)" => "KP",
        "North Macedonia" => "MK",
        "Occupied Palestinian Territory" => "PS",
        "Oman" => "OM",
        "Pakistan" => "PK",
        "Panama" => "PA",
        "Papua New Guinea" => "PG",
        "Paraguay" => "PY",
        "Peru" => "PE",
        "Philippines" => "PH",
        "Qatar" => "QA",
        "Russia" | "Russian Federation" => "RU",
        "Rwanda" => "RW",
        "Saudi Arabia" => "SA",
        "Senegal" => "SN",
        "Serbia" => "RS",
        "Sierra Leone" => "SL",
        "Singapore" => "SG",
        "South Africa" => "ZA",
        "South Sudan" => "SS",
        "Sri Lanka" => "LK",
        "Sudan" => "SD",
        "Suriname" => "SR",
        "Syria" => "SY",
        "Taiwan" => "TW",
        "Tajikistan" => "TJ",
        "Tanzania" | "Tanzania, United Republic of" => "TZ",
        "Thailand" => "TH",
        "Togo" => "TG",
        "Trinidad and Tobago" => "TT",
        "Tunisia" => "TN",
        "Türkiye" => "TR",
        "Turkmenistan" => "TM",
        "Uganda" => "UG",
        "Ukraine" => "UA",
        "United Arab Emirates" => "AE",
        "United Kingdom" => "GB",
        "United States" => "US",
        "Uruguay" => "UY",
        "Uzbekistan" => "UZ",
        "Venezuela" => "VE",
        "Vietnam" | "Viet Nam" => "VN",
        "Yemen" => "YE",
        "Zambia" => "ZM",
        "Zimbabwe" => "ZW",
        "Other countries and territories" | "_Other Countries and Territorie" => "OTHER",
        _ => return None,
    })
}

/// The value as the Official Journal prints it: the workbook's number without binary
/// floating-point noise (rounded to 8 decimals), then rounded half away from zero to the 3
/// decimals of the published tables. Returns (published, workbook).
pub fn published_value(x: f64) -> (Decimal, Decimal) {
    let shortest = Decimal::from_str(&format!("{x}"))
        .or_else(|_| Decimal::from_scientific(&format!("{x:e}")))
        .expect("a finite workbook number is a decimal");
    let clean = shortest
        .round_dp_with_strategy(8, RoundingStrategy::MidpointAwayFromZero)
        .normalize();
    let mut published = clean.round_dp_with_strategy(3, RoundingStrategy::MidpointAwayFromZero);
    published.rescale(3);
    (published, clean)
}

/// `2523 10 00` / 28141000 → `25231000`.
pub fn cn_digits(cell: &Data) -> Option<String> {
    let s = match cell {
        Data::String(s) => s.clone(),
        Data::Int(i) => i.to_string(),
        Data::Float(f) if f.fract() == 0.0 => format!("{f:.0}"),
        _ => return None,
    };
    let digits: String = s.chars().filter(|c| !c.is_whitespace()).collect();
    (!digits.is_empty() && digits.chars().all(|c| c.is_ascii_digit())).then_some(digits)
}

fn slug(s: &str) -> String {
    let mut out = String::new();
    for c in s.to_lowercase().chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') {
            out.push('-');
        }
    }
    out.trim_matches('-').to_string()
}

/// The activity key of a CN code; codes that the annexes split by description (white and
/// grey clinker and hydraulic cements) get the description appended.
pub fn activity(cn: &str, description: &str, split: &BTreeSet<String>) -> String {
    if split.contains(cn) {
        format!("cn:{cn}-{}", slug(description))
    } else {
        format!("cn:{cn}")
    }
}

fn route(cell: &str) -> Option<String> {
    let letters: Vec<String> = cell
        .split('/')
        .map(|p| {
            p.trim()
                .trim_start_matches('(')
                .trim_end_matches(')')
                .to_string()
        })
        .collect();
    let ok = letters
        .iter()
        .all(|l| !l.is_empty() && l.chars().all(|c| c.is_ascii_uppercase()));
    (ok && cell.contains('(')).then(|| letters.join("/"))
}

fn cell_text(cell: Option<&Data>) -> String {
    match cell {
        Some(Data::String(s)) => s.trim_matches(|c: char| c.is_whitespace()).to_string(),
        Some(Data::Empty) | None => String::new(),
        Some(other) => other.to_string(),
    }
}

fn excel_column(col: u32) -> char {
    (b'A' + col as u8) as char
}

struct Column {
    index: u32,
    parameter: &'static str,
    id_suffix: &'static str,
    valid_from: Date,
    valid_to: Option<Date>,
}

const VALUE_COLUMNS: [Column; 6] = [
    Column {
        index: 2,
        parameter: "see_direct",
        id_suffix: "direct",
        valid_from: START,
        valid_to: None,
    },
    Column {
        index: 3,
        parameter: "see_indirect",
        id_suffix: "indirect",
        valid_from: START,
        valid_to: None,
    },
    Column {
        index: 4,
        parameter: "see_total",
        id_suffix: "total",
        valid_from: START,
        valid_to: None,
    },
    Column {
        index: 5,
        parameter: "see_total_markup",
        id_suffix: "total-2026",
        valid_from: START,
        valid_to: Some(date!(2026 - 12 - 31)),
    },
    Column {
        index: 6,
        parameter: "see_total_markup",
        id_suffix: "total-2027",
        valid_from: date!(2027 - 01 - 01),
        valid_to: Some(date!(2027 - 12 - 31)),
    },
    Column {
        index: 7,
        parameter: "see_total_markup",
        id_suffix: "total-2028",
        valid_from: date!(2028 - 01 - 01),
        valid_to: None,
    },
];

#[allow(clippy::too_many_arguments)]
fn row(
    id: String,
    (pack, version): (&str, &str),
    activity: String,
    parameter: &str,
    route: Option<String>,
    region: &str,
    valid: (Option<Date>, Option<Date>),
    value: Decimal,
    unit: &str,
    gas: &str,
    gwp: GwpBasis,
    source: &str,
    source_ref: String,
    licence: &str,
    notes: String,
) -> FactorRow {
    FactorRow {
        id,
        pack: pack.to_string(),
        version: version.to_string(),
        activity,
        parameter: parameter.to_string(),
        route,
        region: region.to_string(),
        valid_from: valid.0,
        valid_to: valid.1,
        value,
        unit: RatioUnit::from_str(unit).expect("a valid unit literal"),
        gas: gas.to_string(),
        gwp_basis: gwp,
        source: source.to_string(),
        source_ref,
        licence: licence.to_string(),
        notes,
    }
}

/// Annex I from the Commission workbook: one row per numeric cell of columns C–H of every
/// country sheet. Cells showing "–", "_", "N/A", "see below" or an error carry no value and
/// give no row (the lookup then falls back to `OTHER`, as Annex I prescribes).
fn annex_i(path: &Path, report: &mut Vec<String>) -> Result<Vec<FactorRow>, String> {
    let mut workbook: Xlsx<_> =
        open_workbook(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let sheets: Vec<String> = workbook
        .sheet_names()
        .into_iter()
        .filter(|s| s != "Overview" && s != "Version History")
        .collect();
    let mut ranges = Vec::new();
    for sheet in &sheets {
        let region =
            region_code(sheet).ok_or_else(|| format!("no region code for sheet {sheet:?}"))?;
        let range = workbook
            .worksheet_range(sheet)
            .map_err(|e| format!("sheet {sheet:?}: {e}"))?;
        ranges.push((sheet.clone(), region, range));
    }

    // CN codes listed more than once in a sheet are told apart by their description.
    let mut split = BTreeSet::new();
    for (_, _, range) in &ranges {
        let mut seen = BTreeSet::new();
        for r in range.rows() {
            if let Some(cn) = r.first().and_then(cn_digits) {
                if !matches!(r.get(2), None | Some(Data::Empty)) && !seen.insert(cn.clone()) {
                    split.insert(cn);
                }
            }
        }
    }

    let mut rows = Vec::new();
    let mut skipped: BTreeMap<String, usize> = BTreeMap::new();
    for (sheet, region, range) in &ranges {
        let (start_row, start_col) = range.start().unwrap_or((0, 0));
        if start_col != 0 {
            return Err(format!("sheet {sheet:?} does not start in column A"));
        }
        for (i, r) in range.rows().enumerate() {
            let excel_row = start_row + i as u32 + 1;
            // Title and header rows come first; goods rows have a CN code and a value column.
            let Some(cn) = r.first().and_then(cn_digits) else {
                continue;
            };
            if matches!(r.get(2), None | Some(Data::Empty)) {
                continue;
            }
            let description = cell_text(r.get(1));
            let act = activity(&cn, &description, &split);
            let route = route(&cell_text(r.get(8)));
            for col in &VALUE_COLUMNS {
                let cell = r.get(col.index as usize);
                let x = match cell {
                    Some(Data::Float(f)) => *f,
                    Some(Data::Int(n)) => *n as f64,
                    other => {
                        *skipped.entry(cell_text(other)).or_default() += 1;
                        continue;
                    }
                };
                let (value, workbook_value) = published_value(x);
                let notes = if workbook_value == value.normalize() {
                    String::new()
                } else {
                    format!("workbook {workbook_value}")
                };
                let cn_part = act.trim_start_matches("cn:");
                rows.push(row(
                    format!("2621-I:{region}:{cn_part}:{}", col.id_suffix),
                    ANNEX_I,
                    act.clone(),
                    col.parameter,
                    route.clone(),
                    region,
                    (Some(col.valid_from), col.valid_to),
                    value,
                    "tCO2e/t",
                    "CO2e",
                    GwpBasis::Ar5,
                    "IR (EU) 2025/2621 Annex I",
                    format!(
                        "DVs_v20260204 '{sheet}'!{}{excel_row}",
                        excel_column(col.index)
                    ),
                    LICENCE_EU,
                    notes,
                ));
            }
        }
    }
    report.push(format!(
        "Annex I: {} sheets; CN codes split by description: {split:?}",
        ranges.len()
    ));
    report.push(format!(
        "Annex I cells without a value (skipped): {skipped:?}"
    ));
    Ok(rows)
}

fn annexes_ii_iii(path: &Path) -> Result<(Vec<FactorRow>, Vec<FactorRow>), String> {
    let mut reader =
        csv::Reader::from_path(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut ii = Vec::new();
    let mut iii = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| format!("{}: {e}", path.display()))?;
        let (annex, name, value) = (&record[0], &record[1], &record[2]);
        let region =
            region_code(name).ok_or_else(|| format!("no region code for {name:?} ({annex})"))?;
        let value = Decimal::from_str_exact(value).map_err(|e| format!("{name}: {value}: {e}"))?;
        let (pack, label, list, activity) = match annex {
            "II_indirect_grid_EF" => (ANNEX_II, "II", &mut ii, "electricity:cbam-indirect"),
            "III_imported_electricity_EF" => {
                (ANNEX_III, "III", &mut iii, "electricity:cbam-imported")
            }
            other => return Err(format!("unknown annex {other:?}")),
        };
        list.push(row(
            format!("2621-{label}:{region}"),
            pack,
            activity.to_string(),
            "ef",
            None,
            region,
            (Some(START), None),
            value,
            "tCO2e/MWh",
            "CO2e",
            GwpBasis::Unstated,
            &format!("IR (EU) 2025/2621 Annex {label}"),
            format!("Annex {label} table, row '{name}', column 'Emission factor (tCO2eq/MWh)'"),
            LICENCE_IEA,
            String::new(),
        ));
    }
    Ok((ii, iii))
}

fn annex_iv(path: &Path) -> Result<Vec<FactorRow>, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let entries: Vec<serde_json::Value> =
        serde_json::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))?;
    let field = |e: &serde_json::Value, k: &str| e[k].as_str().map(str::to_string);
    let mut seen = BTreeSet::new();
    let mut split = BTreeSet::new();
    for e in &entries {
        let cn: String = field(e, "cn_code")
            .unwrap_or_default()
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect();
        if !seen.insert(cn.clone()) {
            split.insert(cn);
        }
    }
    let mut rows = Vec::new();
    for (n, e) in entries.iter().enumerate() {
        let cn_text = field(e, "cn_code").ok_or(format!("entry {n}: no cn_code"))?;
        let cn: String = cn_text.chars().filter(|c| !c.is_whitespace()).collect();
        let description = field(e, "description").unwrap_or_default();
        let act = activity(&cn, &description, &split);
        let route = field(e, "route");
        for (key, parameter, suffix, valid) in [
            ("highest", "see_total", "total", (Some(START), None)),
            (
                "markup_2026",
                "see_total_markup",
                "total-2026",
                (Some(START), Some(date!(2026 - 12 - 31))),
            ),
            (
                "markup_2027",
                "see_total_markup",
                "total-2027",
                (Some(date!(2027 - 01 - 01)), Some(date!(2027 - 12 - 31))),
            ),
            (
                "markup_2028",
                "see_total_markup",
                "total-2028",
                (Some(date!(2028 - 01 - 01)), None),
            ),
        ] {
            let text = field(e, key).ok_or(format!("entry {n}: no {key}"))?;
            let value =
                Decimal::from_str_exact(&text).map_err(|err| format!("entry {n}: {key}: {err}"))?;
            let column = match key {
                "highest" => "Highest default value",
                "markup_2026" => "2026 Default Value (including mark-up)",
                "markup_2027" => "2027 Default Value (including mark-up)",
                _ => "2028 and onwards Default Value (including mark-up)",
            };
            rows.push(row(
                format!("2621-IV:{}:{suffix}", act.trim_start_matches("cn:")),
                ANNEX_IV,
                act.clone(),
                parameter,
                route.clone(),
                "WORLD",
                valid,
                value,
                "tCO2e/t",
                "CO2e",
                GwpBasis::Ar5,
                "IR (EU) 2025/2621 Annex IV",
                format!("Annex IV table, row '{cn_text} {description}', column '{column}'"),
                LICENCE_EU,
                format!("Precursor whose country of production cannot be identified. Transcribed via opencbam 0.1.0 (Apache-2.0), entry {n}."),
            ));
        }
    }
    Ok(rows)
}
