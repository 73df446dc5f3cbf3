//! The packs against the official files, read in place from `shared/reference/` beside the
//! repository (nothing from there is copied into the repository).

use std::path::{Path, PathBuf};
use std::str::FromStr;

use athar_factors::{all_packs, pack, FactorRow, Pack, EMBEDDED};
use calamine::{open_workbook, Data, Reader, Xlsx};
use rust_decimal::Decimal;

#[path = "../examples/gen_cbam_2621/generate.rs"]
#[allow(dead_code)]
mod generate;

const REFERENCE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/reference");

fn reference(rel: &str) -> PathBuf {
    Path::new(REFERENCE).join(rel)
}

fn read(rel: &str) -> String {
    // The extracted legal texts mix CRLF and LF line ends.
    std::fs::read_to_string(reference(rel))
        .unwrap_or_else(|e| panic!("{rel}: {e}"))
        .replace("\r\n", "\n")
}

fn d(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

fn by_ref<'p>(p: &'p Pack, source_ref: &str) -> &'p FactorRow {
    let hits: Vec<_> = p
        .rows
        .iter()
        .filter(|r| r.source_ref == source_ref)
        .collect();
    assert_eq!(hits.len(), 1, "rows citing {source_ref:?}");
    hits[0]
}

#[test]
fn committed_cbam_packs_are_what_the_generator_makes() {
    let out = generate::generate(Path::new(REFERENCE)).expect("generate from the official files");
    assert_eq!(out.files.len(), 4);
    for (path, text) in &out.files {
        let spec = EMBEDDED
            .iter()
            .find(|s| s.path == path)
            .unwrap_or_else(|| panic!("{path} is not embedded"));
        assert!(
            spec.csv == text,
            "factors/{path} differs from the generator's output; run \
             `cargo run -p athar-factors --example gen_cbam_2621`"
        );
    }
}

/// A dozen and more Annex I cells: the workbook cell (read with calamine), the value printed in
/// the Official Journal (transcribed here by hand from IR 2025/2621) and the pack row citing
/// that cell must agree.
#[test]
fn annex_i_cells_match_the_workbook_and_the_official_journal() {
    let cases = [
        ("Egypt", "C5", "1.290"),        // 2523 10 00 white clinker, direct
        ("Egypt", "F5", "1.463"),        // idem, 2026 with mark-up
        ("Egypt", "H6", "1.651"),        // grey clinker, 2028 on
        ("Egypt", "F13", "2.515"),       // nitric acid, 2026 (workbook 2.5149)
        ("Uruguay", "F16", "1.667"),     // nitrate of potassium (workbook 1.6665)
        ("China", "H102", "4.167"),      // 7209 (workbook 4.1665)
        ("China", "H213", "9.107"),      // 7304 24 00 (workbook 9.1065)
        ("China", "E59", "5.559"),       // 7611 00 00 total
        ("Saudi Arabia", "H9", "0.495"), // 3102 10 12 (workbook 0.4949)
        ("Tunisia", "G29", "2.111"),     // 3102 60 00, 2027
        ("India", "G29", "1.990"),       // 3102 60 00, 2027
        ("Morocco", "F54", "0.825"),     // 7609 00 00, 2026
        ("Jordan", "G62", "0.840"),      // 7614, 2027
        ("_Other Countries and Territorie", "E4", "0.280"), // calcined clay total
        ("_Other Countries and Territorie", "F287", "4.488"), // 7326 90 92 (workbook 4.48756)
        ("_Other Countries and Territorie", "C290", "4.151"), // 7326 90 98 (workbook 4.1506)
    ];
    let path = reference(generate::WORKBOOK);
    let mut workbook: Xlsx<_> = open_workbook(&path).expect("open the Commission workbook");
    let annex_i = pack("cbam-2621-annex-i").unwrap();
    for (sheet, cell, published) in cases {
        let range = workbook.worksheet_range(sheet).unwrap();
        let col = u32::from(cell.as_bytes()[0] - b'A');
        let row: u32 = cell[1..].parse().unwrap();
        let x = match range.get_value((row - 1, col)) {
            Some(Data::Float(f)) => *f,
            other => panic!("{sheet}!{cell}: {other:?}"),
        };
        let published = d(published);
        let published_f: f64 = published.to_string().parse().unwrap();
        assert!(
            (x - published_f).abs() <= 0.0005 + 1e-9,
            "{sheet}!{cell}: workbook {x} vs OJ {published}"
        );
        let r = by_ref(annex_i, &format!("DVs_v20260204 '{sheet}'!{cell}"));
        assert_eq!(r.value, published, "{sheet}!{cell} ({})", r.id);
        assert_eq!(r.unit.to_string(), "tCO2e/t");
    }
}

/// Every clean single-line row of Tables 1–4 and 6 of IR 2025/2547 Annex II section G, as
/// printed, is in the pack with the same values.
#[test]
fn standard_factors_match_the_legal_text() {
    let text = read("cbam/legal/IR_(EU)_2025_2547_-_definitive-period_methodology.txt");
    let start = text
        .find("G. STANDARD FACTORS USED IN THE MONITORING")
        .unwrap();
    let end = text[start..].find("ANNEX III").unwrap() + start;
    let section = &text[start..end];
    let p = pack("ir2025-2547-standard-factors").unwrap();
    let find = |table: &str, name: &str, column_start: &str| -> Option<Decimal> {
        let prefix = format!("{table}, row '{name}', column '{column_start}");
        p.rows
            .iter()
            .find(|r| r.source_ref.starts_with(&prefix))
            .map(|r| r.value)
    };
    let num = |s: &str| d(&s.replace(',', "."));
    let mut table = "";
    let mut checked = 0;
    for line in section.lines() {
        let line = line.trim_end();
        if let Some(t) = [
            "Table 1", "Table 2", "Table 3", "Table 4", "Table 5", "Table 6",
        ]
        .iter()
        .find(|t| line == **t)
        {
            table = t;
            continue;
        }
        let words: Vec<&str> = line.split(' ').collect();
        match table {
            "Table 1" | "Table 2" if line.ends_with(" IPCC 2006 GL") => {
                let n = words.len();
                let (ef, ncv) = (words[n - 5], words[n - 4]);
                let name = words[..n - 5].join(" ");
                // Lines continued from a footnote marker ("(\n1\n)) 112 15,6 ...") are
                // checked by hand below.
                let balanced = name.matches('(').count() == name.matches(')').count();
                if !balanced || !name.starts_with(|c: char| c.is_ascii_uppercase()) {
                    continue;
                }
                let (ef_col, ncv_col) = if table == "Table 1" {
                    ("Emission", "Net")
                } else {
                    ("Preliminary", "NCV")
                };
                assert_eq!(
                    find(table, &name, ef_col),
                    Some(num(ef)),
                    "{table} {name} EF"
                );
                if ncv == "n.a." {
                    assert_eq!(find(table, &name, ncv_col), None, "{table} {name} NCV");
                } else {
                    assert_eq!(
                        find(table, &name, ncv_col),
                        Some(num(ncv)),
                        "{table} {name} NCV"
                    );
                }
                checked += 1;
            }
            "Table 3" | "Table 4" if words.len() == 2 && words[1].contains(',') => {
                assert_eq!(
                    find(table, words[0], "Emission"),
                    Some(num(words[1])),
                    "{line}"
                );
                checked += 1;
            }
            "Table 5"
                if words.len() >= 3
                    && words[words.len() - 2..].iter().all(|w| {
                        w.contains(',') && w.replace(',', "").bytes().all(|b| b.is_ascii_digit())
                    }) =>
            {
                let n = words.len();
                let name = words[..n - 2].join(" ");
                assert_eq!(
                    find(table, &name, "Carbon"),
                    Some(num(words[n - 2])),
                    "{line}"
                );
                assert_eq!(
                    find(table, &name, "Emission"),
                    Some(num(words[n - 1])),
                    "{line}"
                );
                checked += 1;
            }
            "Table 6" if words.len() >= 4 && words[words.len() - 3] == "CO2e/t" => {
                let value: String = words[1..words.len() - 4].concat();
                assert_eq!(
                    p.get(&format!("2547-G6-{}-gwp100", words[0].to_lowercase()))
                        .map(|r| r.value),
                    Some(d(&value)),
                    "{line}"
                );
                checked += 1;
            }
            _ => {}
        }
    }
    // The rows printed on one clean line of Tables 1-4 and 6.
    assert_eq!(checked, 63, "the legal text parser drifted");
    // Rows whose printed line is split by footnote markers, checked by hand.
    assert_eq!(
        p.get("2547-G1-carbon-monoxide-ef").unwrap().value,
        d("155.2")
    );
    assert_eq!(p.get("2547-G1-methane-ncv").unwrap().value, d("50.0"));
    assert_eq!(p.get("2547-G2-landfill-gas-ef").unwrap().value, d("54.6"));
    assert_eq!(p.get("2547-G5-pig-iron-ef").unwrap().value, d("0.15"));
    assert!(section.contains("Pig iron 0,0409 0,15"));
}

#[test]
fn electricity_annexes_match_the_extracted_table_and_the_legal_text() {
    let ii = pack("cbam-2621-annex-ii").unwrap();
    let iii = pack("cbam-2621-annex-iii").unwrap();
    let mut reader = csv::Reader::from_path(reference(generate::ELECTRICITY_CSV)).unwrap();
    let mut n = 0;
    for record in reader.records() {
        let record = record.unwrap();
        let (p, label) = if &record[0] == "II_indirect_grid_EF" {
            (ii, "II")
        } else {
            (iii, "III")
        };
        let region = generate::region_code(&record[1]).unwrap();
        let r = p.get(&format!("2621-{label}:{region}")).unwrap();
        assert_eq!(r.value, d(&record[2]), "{}", &record[1]);
        assert_eq!(r.licence, "IEA data, CC BY-NC-SA 4.0 (non-commercial)");
        n += 1;
    }
    assert_eq!(n, ii.rows.len() + iii.rows.len());
    let text = read("cbam/legal/IR_(EU)_2025_2621_-_default_values.txt");
    let annex_ii = &text[text.find("\nANNEX II \n").unwrap()..text.find("\nANNEX III \n").unwrap()];
    let annex_iii =
        &text[text.find("\nANNEX III \n").unwrap()..text.find("\nANNEX IV \n").unwrap()];
    for (section, p, line, id) in [
        (annex_ii, ii, "\nAlgeria 0,498\n", "2621-II:DZ"),
        (annex_ii, ii, "\nZimbabwe 0,573\n", "2621-II:ZW"),
        (
            annex_ii,
            ii,
            "\nOther countries and territories 0,465\n",
            "2621-II:OTHER",
        ),
        (annex_iii, iii, "\nEgypt 0,442\n", "2621-III:EG"),
        (annex_iii, iii, "\nTürkiye 0,718\n", "2621-III:TR"),
        (annex_iii, iii, "\nEuropean Union 0,612\n", "2621-III:EU"),
    ] {
        assert!(section.contains(line), "{line:?} not in the legal text");
        let printed = line.trim().rsplit(' ').next().unwrap().replace(',', ".");
        assert_eq!(p.get(id).unwrap().value, d(&printed), "{id}");
    }
}

/// Annex IV rows printed on one line in the legal text agree with the pack (which was built
/// from the opencbam JSON).
#[test]
fn annex_iv_matches_the_legal_text() {
    let text = read("cbam/legal/IR_(EU)_2025_2621_-_default_values.txt");
    let section = &text[text.find("\nANNEX IV \n").unwrap()..];
    let p = pack("cbam-2621-annex-iv").unwrap();
    let mut checked = 0;
    for line in section.lines() {
        let words: Vec<&str> = line.trim_end().split(' ').collect();
        let values: Vec<&str> = words
            .iter()
            .rev()
            .skip_while(|w| w.starts_with('('))
            .take(4)
            .copied()
            .collect();
        let is_value = |w: &&str| {
            w.len() >= 5
                && w.as_bytes()[w.len() - 4] == b','
                && w.replace(',', "").bytes().all(|b| b.is_ascii_digit())
        };
        if values.len() < 4
            || !values.iter().all(is_value)
            || !words[0].bytes().all(|b| b.is_ascii_digit())
            || words[0].len() != 4
        {
            continue;
        }
        let cn: Vec<&str> = words
            .iter()
            .take_while(|w| w.len() == 2 || w.len() == 4)
            .take_while(|w| w.bytes().all(|b| b.is_ascii_digit()))
            .copied()
            .collect();
        let prefix = format!("Annex IV table, row '{} ", cn.join(" "));
        let rows: Vec<&FactorRow> = p
            .rows
            .iter()
            .filter(|r| r.source_ref.starts_with(&prefix))
            .collect();
        if rows.len() != 4 {
            continue; // CN codes split by description (clinker, cements) are checked below
        }
        let expect = |param_suffix: &str| {
            rows.iter()
                .find(|r| r.id.ends_with(param_suffix))
                .unwrap()
                .value
        };
        // values are in reverse order: 2028, 2027, 2026, highest
        assert_eq!(
            expect(":total-2028"),
            d(&values[0].replace(',', ".")),
            "{line}"
        );
        assert_eq!(
            expect(":total-2027"),
            d(&values[1].replace(',', ".")),
            "{line}"
        );
        assert_eq!(
            expect(":total-2026"),
            d(&values[2].replace(',', ".")),
            "{line}"
        );
        assert_eq!(expect(":total"), d(&values[3].replace(',', ".")), "{line}");
        checked += 1;
    }
    // Rows whose description wraps over several lines are skipped here; all rows are compared
    // with the opencbam transcription by `committed_cbam_packs_are_what_the_generator_makes`.
    assert!(checked >= 40, "only {checked} Annex IV rows compared");
    assert!(section.contains("2523 10 00 Grey clinker 1,440 1,584 1,728 1,872 (A)"));
    assert_eq!(
        p.get("2621-IV:25231000-grey-clinker:total").unwrap().value,
        d("1.440")
    );
    assert_eq!(
        p.get("2621-IV:25231000-grey-clinker:total-2028")
            .unwrap()
            .value,
        d("1.872")
    );
}

#[test]
fn grid_factors_match_the_co2js_ember_file() {
    let json: serde_json::Value =
        serde_json::from_str(&read("factors/ember_average_intensities_latest.co2js.json")).unwrap();
    let p = pack("grid-ember").unwrap();
    for r in &p.rows {
        let key = r.source_ref.split('\'').nth(1).unwrap();
        let entry = &json[key];
        let year = entry["year"].as_i64().unwrap();
        assert_eq!(
            r.value.to_string(),
            entry["emissions_intensity_gco2_per_kwh"].to_string(),
            "{}",
            r.id
        );
        assert_eq!(r.valid_from.unwrap().year() as i64, year, "{}", r.id);
        if !entry["country_code"].as_str().unwrap().is_empty() {
            assert_eq!(entry["country_code"].as_str().unwrap(), key);
        }
        assert!(r.licence.starts_with("CC-BY-SA-4.0"));
    }
    for region in ["EG", "SA", "AE", "MA", "TN", "JO", "TR"] {
        assert_eq!(
            p.rows.iter().filter(|r| r.region == region).count(),
            1,
            "{region}"
        );
    }
}

#[test]
fn nothing_test_only_is_shipped() {
    for p in all_packs() {
        for r in &p.rows {
            let cited = format!("{} {} {}", r.source, r.source_ref, r.licence);
            assert!(
                !cited.contains("IFI"),
                "{}: IFI grid factors are test-only",
                r.id
            );
            assert!(
                !cited.contains("derived.csv"),
                "{}: third-party flattening is test-only",
                r.id
            );
            assert!(
                !cited.contains("Electricity Maps"),
                "{}: ODbL data not shipped",
                r.id
            );
        }
    }
}
