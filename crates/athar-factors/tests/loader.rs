//! The loader's validation, on small inline pack files.

use athar_factors::{FactorQuery, GwpBasis, LoadErrorKind, LookupError, Pack};
use time::macros::date;

const HEADER: &str = "id,pack,version,activity,parameter,route,region,valid_from,valid_to,value,unit,gas,gwp_basis,source,source_ref,licence,notes\n";

fn line(id: &str, region: &str, from: &str, to: &str, value: &str, unit: &str) -> String {
    format!(
        "{id},p,1,fuel:x,ef,,{region},{from},{to},\"{value}\",{unit},CO2,n.a.,Doc,\"Table 1, row x\",CC-BY-4.0,\n"
    )
}

fn load(body: &str) -> Result<Pack, athar_factors::LoadError> {
    Pack::from_csv(
        "p",
        "1",
        "test",
        Some("OTHER"),
        "p/1.csv",
        &format!("{HEADER}{body}"),
    )
}

fn kind(body: &str) -> (u64, LoadErrorKind) {
    let e = load(body).expect_err("must be rejected");
    assert_eq!(e.file, "p/1.csv");
    (e.line, *e.kind)
}

#[test]
fn loads_a_valid_file() {
    let pack = load(
        &(line("a", "EG", "2026-01-01", "", "56.1", "tCO2/TJ")
            + &line("b", "OTHER", "", "", "0.5", "kgCO2e/kWh")),
    )
    .unwrap();
    assert_eq!(pack.rows.len(), 2);
    let a = pack.get("a").unwrap();
    assert_eq!(a.value.to_string(), "56.1");
    assert_eq!(a.unit.to_string(), "tCO2/TJ");
    assert_eq!(a.source_ref, "Table 1, row x");
    assert_eq!(a.valid_from, Some(date!(2026 - 01 - 01)));
    assert_eq!(a.valid_to, None);
    assert_eq!(a.gwp_basis, GwpBasis::NotApplicable);
    assert_eq!(a.key().to_string(), "a@1");
}

#[test]
fn rejects_malformed_values() {
    for bad in ["", "1,5", "1e3", "abc", "1.", ".5", "--1", "1 000", "0x10"] {
        let body = line("a", "EG", "", "", bad, "tCO2/TJ");
        let (l, k) = kind(&body);
        assert_eq!(l, 2, "{bad}");
        if bad.is_empty() {
            assert_eq!(k, LoadErrorKind::EmptyField { column: "value" });
        } else {
            assert_eq!(
                k,
                LoadErrorKind::InvalidValue {
                    value: bad.to_string()
                },
                "{bad}"
            );
        }
    }
}

#[test]
fn rejects_malformed_units() {
    for bad in ["tCO2", "MWH", "tCO2/TJ/t", "furlongs/t"] {
        let (l, k) = kind(&line("a", "EG", "", "", "1", bad));
        assert_eq!(l, 2);
        assert!(
            matches!(k, LoadErrorKind::InvalidUnit { ref value, .. } if value == bad),
            "{bad}: {k:?}"
        );
    }
}

#[test]
fn rejects_malformed_dates_and_periods() {
    for bad in ["2026-13-01", "2026-1-1", "01/01/2026", "2026-02-30"] {
        let (_, k) = kind(&line("a", "EG", bad, "", "1", "GJ/t"));
        assert_eq!(
            k,
            LoadErrorKind::InvalidDate {
                column: "valid_from",
                value: bad.to_string()
            }
        );
        let (_, k) = kind(&line("a", "EG", "", bad, "1", "GJ/t"));
        assert_eq!(
            k,
            LoadErrorKind::InvalidDate {
                column: "valid_to",
                value: bad.to_string()
            }
        );
    }
    let (_, k) = kind(&line("a", "EG", "2027-01-01", "2026-12-31", "1", "GJ/t"));
    assert!(matches!(k, LoadErrorKind::InvalidPeriod { .. }));
}

#[test]
fn rejects_empty_required_fields_and_whitespace() {
    let (l, k) = kind(
        &(line("a", "EG", "", "", "1", "GJ/t")
            + ",p,1,fuel:x,ef,,EG,,,1,GJ/t,CO2,n.a.,Doc,ref,CC,\n"),
    );
    assert_eq!((l, k), (3, LoadErrorKind::EmptyField { column: "id" }));
    let (_, k) = kind("a,p,1,fuel:x,ef,,EG,,,1,GJ/t,CO2,n.a.,,ref,CC,\n");
    assert_eq!(k, LoadErrorKind::EmptyField { column: "source" });
    let (_, k) = kind("a,p,1,fuel:x,ef,,EG,,,1,GJ/t,CO2,n.a.,Doc,ref,,\n");
    assert_eq!(k, LoadErrorKind::EmptyField { column: "licence" });
    let (_, k) = kind("a,p,1,fuel:x,ef,,EG,,,1,GJ/t,CO2,n.a.,Doc,,CC,\n");
    assert_eq!(
        k,
        LoadErrorKind::EmptyField {
            column: "source_ref"
        }
    );
    let (_, k) = kind("a ,p,1,fuel:x,ef,,EG,,,1,GJ/t,CO2,n.a.,Doc,ref,CC,\n");
    assert_eq!(k, LoadErrorKind::Whitespace { column: "id" });
}

#[test]
fn rejects_bad_region_gwp_route_and_pack() {
    let (_, k) = kind(&line("a", "XX", "", "", "1", "GJ/t"));
    assert_eq!(k, LoadErrorKind::InvalidRegion { value: "XX".into() });
    let (_, k) = kind(&line("a", "eg", "", "", "1", "GJ/t"));
    assert_eq!(k, LoadErrorKind::InvalidRegion { value: "eg".into() });
    let (_, k) = kind("a,p,1,fuel:x,ef,,EG,,,1,GJ/t,CO2,AR4,Doc,ref,CC,\n");
    assert_eq!(
        k,
        LoadErrorKind::InvalidGwpBasis {
            value: "AR4".into()
        }
    );
    let (_, k) = kind("a,p,1,fuel:x,ef,(C),EG,,,1,GJ/t,CO2,n.a.,Doc,ref,CC,\n");
    assert_eq!(
        k,
        LoadErrorKind::InvalidRoute {
            value: "(C)".into()
        }
    );
    let (_, k) = kind("a,q,1,fuel:x,ef,,EG,,,1,GJ/t,CO2,n.a.,Doc,ref,CC,\n");
    assert!(matches!(k, LoadErrorKind::WrongPack { .. }));
    let (_, k) = kind("a,p,2,fuel:x,ef,,EG,,,1,GJ/t,CO2,n.a.,Doc,ref,CC,\n");
    assert!(matches!(k, LoadErrorKind::WrongPack { .. }));
}

#[test]
fn rejects_duplicate_id_and_version() {
    let body = line("a", "EG", "", "", "1", "GJ/t")
        + &line("b", "EG", "", "", "2", "GJ/t")
        + &line("a", "MA", "", "", "3", "GJ/t");
    let e = load(&body).unwrap_err();
    assert_eq!(e.line, 4);
    assert_eq!(
        *e.kind,
        LoadErrorKind::Duplicate {
            id: "a".into(),
            version: "1".into(),
            first_line: 2
        }
    );
    assert_eq!(
        e.to_string(),
        "p/1.csv:4: duplicate factor a@1 (first on line 2)"
    );
}

#[test]
fn rejects_wrong_header_ragged_rows_and_empty_files() {
    let e = Pack::from_csv("p", "1", "t", None, "f.csv", "id,pack\na,p\n").unwrap_err();
    assert!(matches!(*e.kind, LoadErrorKind::Header { .. }));
    assert_eq!(e.line, 1);
    let (l, k) = kind("a,p,1\n");
    assert_eq!(l, 2);
    assert!(matches!(k, LoadErrorKind::Csv(_)), "{k:?}");
    let e = Pack::from_csv("p", "1", "t", None, "f.csv", HEADER).unwrap_err();
    assert_eq!(*e.kind, LoadErrorKind::NoRows);
}

#[test]
fn looks_up_by_region_date_and_fallback() {
    let body = line("eg-2026", "EG", "2026-01-01", "2026-12-31", "1", "tCO2e/t")
        + &line("eg-2027", "EG", "2027-01-01", "", "2", "tCO2e/t")
        + &line("other", "OTHER", "2026-01-01", "", "9", "tCO2e/t");
    let pack = load(&body).unwrap();
    let q = FactorQuery::new("fuel:x", "ef", "EG");
    let m = pack.find(&q.clone().on(date!(2026 - 06 - 30))).unwrap();
    assert_eq!((m.row.id.as_str(), m.via_fallback), ("eg-2026", false));
    let m = pack.find(&q.clone().on(date!(2031 - 01 - 01))).unwrap();
    assert_eq!(m.row.id, "eg-2027");
    // No row for Morocco: the pack's fallback region answers, and says so.
    let m = pack
        .find(&FactorQuery::new("fuel:x", "ef", "MA").on(date!(2026 - 06 - 30)))
        .unwrap();
    assert_eq!((m.row.id.as_str(), m.via_fallback), ("other", true));
    // Before any validity period: nothing, not even the fallback.
    let e = pack.find(&q.clone().on(date!(2025 - 12 - 31))).unwrap_err();
    assert!(matches!(e, LookupError::NotFound { ref regions, .. } if regions == &["EG", "OTHER"]));
    // Without a date, two Egyptian rows match: ambiguous, never a silent pick.
    assert!(matches!(pack.find(&q), Err(LookupError::Ambiguous { .. })));
    assert_eq!(pack.rows_for("fuel:x", "ef", "EG").count(), 2);
}

#[test]
fn csv_round_trip_gives_the_same_rows() {
    let body = line("a", "EG", "2026-01-01", "2026-12-31", "56.10", "t CO2 / TJ")
        + "b,p,1,cn:25231000,see_total,C/F,WORLD,,,1.330,tCO2e/t,CO2e,AR5,Doc,\"Sheet 'Egypt'!E5\",CC-BY-4.0,\"a note, with a comma\"\n";
    let pack = load(&body).unwrap();
    let text = pack.to_csv();
    assert!(text.starts_with(HEADER), "{text}");
    assert!(text.contains(",56.10,tCO2/TJ,"), "{text}");
    let again = Pack::from_csv("p", "1", "test", Some("OTHER"), "again.csv", &text).unwrap();
    assert_eq!(again, pack);
    assert_eq!(again.get("b").unwrap().route.as_deref(), Some("C/F"));
}
