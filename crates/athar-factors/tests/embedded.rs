//! Every embedded pack loads, and the lookups the engine will make give the published values.

use std::collections::HashSet;
use std::str::FromStr;

use athar_factors::{
    all_packs, find_row, load_embedded, pack, FactorQuery, GwpBasis, LookupError, Pack, EMBEDDED,
};
use athar_quantity::{Quantity, Unit};
use rust_decimal::Decimal;
use time::macros::date;

fn d(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

#[test]
fn every_embedded_pack_loads_cleanly() {
    let packs = load_embedded().unwrap_or_else(|e| panic!("{e}"));
    let counts: Vec<(&str, usize)> = packs
        .iter()
        .map(|p| (p.id.as_str(), p.rows.len()))
        .collect();
    assert_eq!(
        counts,
        [
            ("ir2025-2547-standard-factors", 135),
            ("cbam-2621-annex-i", 57439),
            ("cbam-2621-annex-ii", 127),
            ("cbam-2621-annex-iii", 18),
            ("cbam-2621-annex-iv", 1040),
            ("grid-ember", 23),
            ("ipcc-gwp100", 44),
            ("eu-red2-energy-content", 2),
        ]
    );
    // Ids are unique across packs, so (id, version) cites one row.
    let mut ids = HashSet::new();
    for p in all_packs() {
        for r in &p.rows {
            assert!(ids.insert((&r.id, &r.version)), "{} appears twice", r.id);
        }
    }
    for spec in EMBEDDED {
        assert_eq!(spec.path, format!("{}/{}.csv", spec.id, spec.version));
    }
}

#[test]
fn packs_survive_a_csv_round_trip() {
    for p in all_packs() {
        let spec = EMBEDDED.iter().find(|s| s.id == p.id).unwrap();
        let again = Pack::from_csv(
            &p.id,
            &p.version,
            &p.title,
            spec.fallback_region,
            "rt",
            &p.to_csv(),
        )
        .unwrap();
        assert!(again == *p, "{} changes in a round trip", p.id);
    }
    // The generated packs are written by the same writer, so they are byte-identical.
    let annex_ii = pack("cbam-2621-annex-ii").unwrap();
    assert_eq!(annex_ii.to_csv(), EMBEDDED[2].csv);
    // And a pack serialises as plain data, e.g. for copying into a company file.
    let json = serde_json::to_string(pack("grid-ember").unwrap()).unwrap();
    let back: Pack = serde_json::from_str(&json).unwrap();
    assert_eq!(&back, pack("grid-ember").unwrap());
}

#[test]
fn cbam_default_values_with_fallback_and_mark_up_years() {
    let annex_i = pack("cbam-2621-annex-i").unwrap();
    let q = FactorQuery::new("cn:25231000-grey-clinker", "see_total_markup", "EG");
    let by_year = |y| {
        annex_i
            .find(&q.clone().on(date!(2026 - 07 - 01).replace_year(y).unwrap()))
            .unwrap()
    };
    assert_eq!(by_year(2026).row.value, d("1.397"));
    assert_eq!(by_year(2027).row.value, d("1.524"));
    assert_eq!(by_year(2028).row.value, d("1.651"));
    assert_eq!(by_year(2035).row.value, d("1.651"));
    assert!(!by_year(2026).via_fallback);
    assert_eq!(by_year(2026).row.route.as_deref(), Some("A"));
    // Egypt shows "–" for calcined clay: "Other countries and territories" applies.
    let m = annex_i
        .find(&FactorQuery::new("cn:25070080", "see_total", "EG").on(date!(2026 - 03 - 01)))
        .unwrap();
    assert!(m.via_fallback);
    assert_eq!((m.row.region.as_str(), m.row.value), ("OTHER", d("0.280")));
    // A country without a sheet (Palestine) also falls back.
    let m = annex_i
        .find(&FactorQuery::new("cn:28141000", "see_direct", "PS").on(date!(2026 - 03 - 01)))
        .unwrap();
    assert!(m.via_fallback);
    // Before the definitive period there is no default value.
    assert!(matches!(
        annex_i
            .find(&FactorQuery::new("cn:28141000", "see_direct", "EG").on(date!(2025 - 12 - 31))),
        Err(LookupError::NotFound { .. })
    ));
    // Steel has no indirect default value (N/A): not found anywhere, never a zero.
    assert!(annex_i
        .find(&FactorQuery::new("cn:72024100", "see_indirect", "EG").on(date!(2026 - 03 - 01)))
        .is_err());
    // Citation by (id, version).
    let (p, r) = find_row("2621-I:EG:25231000-white-clinker:direct", "2026-02-04").unwrap();
    assert_eq!((p.id.as_str(), r.value), ("cbam-2621-annex-i", d("1.290")));
    assert_eq!(r.source_ref, "DVs_v20260204 'Egypt'!C5");
    assert!(find_row("2621-I:EG:25231000-white-clinker:direct", "1999-01-01").is_none());
}

#[test]
fn electricity_defaults_fall_back_only_where_the_annex_says() {
    let ii = pack("cbam-2621-annex-ii").unwrap();
    let m = ii
        .find(&FactorQuery::new("electricity:cbam-indirect", "ef", "EG"))
        .unwrap();
    assert!(!m.via_fallback);
    let m = ii
        .find(&FactorQuery::new("electricity:cbam-indirect", "ef", "FR"))
        .unwrap();
    assert!(m.via_fallback);
    assert_eq!(m.row.value, d("0.465"));
    let iii = pack("cbam-2621-annex-iii").unwrap();
    assert_eq!(
        iii.find(&FactorQuery::new("electricity:cbam-imported", "ef", "MA"))
            .unwrap()
            .row
            .value,
        d("0.907")
    );
    assert!(iii
        .find(&FactorQuery::new("electricity:cbam-imported", "ef", "SA"))
        .is_err());
}

#[test]
fn fuel_factors_compute_natural_gas_emissions() {
    let p = pack("ir2025-2547-standard-factors").unwrap();
    let ncv = p
        .find(&FactorQuery::new("fuel:natural-gas", "ncv", "WORLD").on(date!(2026 - 05 - 01)))
        .unwrap()
        .row;
    let ef = p
        .find(&FactorQuery::new("fuel:natural-gas", "ef", "WORLD"))
        .unwrap()
        .row;
    let energy = ncv
        .rate()
        .apply(&Quantity::new(d("250"), Unit::Tonne))
        .unwrap();
    assert_eq!(
        energy.to(Unit::Terajoule).unwrap(),
        Quantity::new(d("12"), Unit::Terajoule)
    );
    let co2 = ef.rate().apply(&energy).unwrap();
    assert_eq!(
        co2.to(Unit::Tonne).unwrap(),
        Quantity::new(d("673.2"), Unit::Tonne)
    );
    assert_eq!(ef.unit.numerator.substance.as_deref(), Some("CO2"));
    // Applying an energy factor to a mass is refused.
    assert!(ef
        .rate()
        .apply(&Quantity::new(d("1"), Unit::Tonne))
        .is_err());
}

#[test]
fn gwps_by_basis_and_blends_from_components() {
    let p = pack("ipcc-gwp100").unwrap();
    let gwp = |gas: &str, basis| {
        p.find(&FactorQuery::new(&format!("gas:{gas}"), "gwp100", "WORLD").gwp(basis))
            .unwrap_or_else(|e| panic!("{gas} {basis}: {e}"))
            .row
            .value
    };
    assert!(matches!(
        p.find(&FactorQuery::new("gas:CH4", "gwp100", "WORLD")),
        Err(LookupError::Ambiguous { .. })
    ));
    assert_eq!(gwp("CH4", GwpBasis::Ar5), d("28"));
    assert_eq!(gwp("CH4-fossil", GwpBasis::Ar6), d("29.8"));
    assert_eq!(gwp("CH4-non-fossil", GwpBasis::Ar6), d("27.0"));
    assert_eq!(gwp("N2O", GwpBasis::Ar6), d("273"));
    assert_eq!(gwp("SF6", GwpBasis::Ar5), d("23500"));
    let blends: [(&str, &[(&str, &str)]); 4] = [
        (
            "R-404A",
            &[
                ("HFC-125", "0.44"),
                ("HFC-143a", "0.52"),
                ("HFC-134a", "0.04"),
            ],
        ),
        (
            "R-407C",
            &[
                ("HFC-32", "0.23"),
                ("HFC-125", "0.25"),
                ("HFC-134a", "0.52"),
            ],
        ),
        ("R-410A", &[("HFC-32", "0.5"), ("HFC-125", "0.5")]),
        ("R-507A", &[("HFC-125", "0.5"), ("HFC-143a", "0.5")]),
    ];
    for basis in [GwpBasis::Ar5, GwpBasis::Ar6] {
        for (blend, parts) in blends {
            let sum: Decimal = parts.iter().map(|(g, w)| gwp(g, basis) * d(w)).sum();
            assert_eq!(gwp(blend, basis), sum, "{blend} {basis}");
        }
    }
    // The CBAM methodology's Table 6 is AR5.
    let g = pack("ir2025-2547-standard-factors").unwrap();
    for gas in ["N2O", "CF4", "C2F6"] {
        let table6 = g
            .get(&format!("2547-G6-{}-gwp100", gas.to_lowercase()))
            .unwrap()
            .value;
        assert_eq!(table6, gwp(gas, GwpBasis::Ar5), "{gas}");
    }
}
