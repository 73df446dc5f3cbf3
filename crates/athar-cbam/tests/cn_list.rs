//! `data/cbam-cn-codes.tsv` is a faithful transcription of the template's hidden CN code
//! sheet: same codes, same order, same names, same categories. The official file is read in
//! place from `shared/reference/` (never copied into the repository).

use athar_cbam::cn::cn_list;
use athar_cbam::GoodsCategory;

const OFFICIAL: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../../shared/reference/cbam/cn-codes/Parameters_CNCodes_from_template_v2.1.1.csv"
);

/// The template's category labels (`CONST_LIST_Goods`), as the sheet writes them.
fn category(label: &str) -> GoodsCategory {
    use GoodsCategory as G;
    match label.trim() {
        "Cement" => G::Cement,
        "Cement clinker" => G::CementClinker,
        "Calcined clays" => G::CalcinedClays,
        "Aluminous cement" => G::AluminousCement,
        "Iron or steel products" => G::IronOrSteelProducts,
        "Crude steel" => G::CrudeSteel,
        "Direct reduced iron" => G::DirectReducedIron,
        "Pig iron" => G::PigIron,
        "Alloys (FeMn, FeCr, FeNi)" => G::Alloys,
        "Sintered Ore" => G::SinteredOre,
        "Hydrogen" => G::Hydrogen,
        "Ammonia" => G::Ammonia,
        "Nitric acid" => G::NitricAcid,
        "Urea" => G::Urea,
        "Mixed fertilisers" => G::MixedFertilisers,
        "Aluminium products" => G::AluminiumProducts,
        "Unwrought aluminium" => G::UnwroughtAluminium,
        "Electricity (export to EU)" => G::Electricity,
        other => panic!("unknown category {other:?} in the official file"),
    }
}

#[test]
fn the_transcription_matches_the_official_sheet() {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_path(OFFICIAL)
        .unwrap_or_else(|e| panic!("{OFFICIAL}: {e}"));
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    // Three header rows (hidden markers, range names, column names), then one row per code.
    let official: Vec<(String, GoodsCategory, String)> = rows[3..]
        .iter()
        .map(|r| (r[3].to_string(), category(&r[4]), r[2].to_string()))
        .collect();
    let ours: Vec<(String, GoodsCategory, String)> = cn_list()
        .iter()
        .map(|e| (e.code.to_string(), e.category, e.name.to_string()))
        .collect();
    assert_eq!(ours.len(), official.len());
    for (o, t) in ours.iter().zip(&official) {
        assert_eq!(o, t);
    }
}
