//! Reading and converting spreadsheets: valid rows kept, bad rows and bad files named.

use athar_import::{convert, preview, read_csv, read_file, read_xlsx, Mapping, ReadError};
use athar_inventory::{ActivityKind, Amount};

const CSV: &str = "\
id,site,period_from,period_to,kind,quantity,unit,fuel
E-1,site-1,2026-01-01,2026-01-31,electricity,100,MWh,
G-1,site-1,2026-01-01,2026-01-31,fuel,5000,Nm3,natural-gas
BAD-1,site-1,2026-01-01,2026-01-31,electricity,-3,MWh,
BAD-2,site-1,2026-13-01,2026-01-31,electricity,3,MWh,
BAD-3,site-1,2026-01-01,2026-01-31,electricity,3,furlongs,
";

#[test]
fn valid_rows_are_kept_and_bad_rows_named() {
    let table = read_csv(CSV.as_bytes()).unwrap();
    let out = convert(&table, &Mapping::default(), "bills.csv");
    let ids: Vec<_> = out.rows.iter().map(|r| r.external_id.as_str()).collect();
    assert_eq!(ids, ["E-1", "G-1"]);
    assert!(matches!(
        out.rows[0].entry.activity,
        ActivityKind::Electricity { .. }
    ));
    assert!(matches!(&out.rows[0].entry.amount, Amount::Quantity(q) if q.to_string() == "100 MWh"));
    let errs: Vec<_> = out
        .errors
        .iter()
        .map(|e| (e.row, e.column.as_str(), e.key))
        .collect();
    assert_eq!(
        errs,
        [
            (4, "quantity", "import-negative-quantity"),
            (5, "period_from", "import-bad-date"),
            (6, "unit", "import-unknown-unit"),
        ]
    );
    assert_eq!(
        preview(&table, &Mapping::default(), "bills.csv", 1)
            .rows
            .len(),
        1
    );
}

#[test]
fn arabic_headers_and_an_explicit_mapping() {
    let csv =
        "الموقع,من,إلى,النوع,الكمية,الوحدة\nsite-1,2026-01-01,2026-01-31,electricity,١٠٠,MWh\n";
    let out = convert(
        &read_csv(csv.as_bytes()).unwrap(),
        &Mapping::default(),
        "ar.csv",
    );
    assert!(out.errors.is_empty(), "{:?}", out.errors);
    assert_eq!(out.rows[0].external_id, "row-2");

    let csv = "Plant;Start;End;What;kWh used;U\nP1;01/01/2026;31/01/2026;electricity;1000;kWh\n";
    let mapping = Mapping::from_json(
        r#"{"site":"Plant","period_from":"Start","period_to":"End","kind":"What","quantity":"kWh used","unit":"U"}"#,
    )
    .unwrap();
    let out = convert(&read_csv(csv.as_bytes()).unwrap(), &mapping, "m.csv");
    assert!(out.errors.is_empty(), "{:?}", out.errors);
    assert_eq!(out.rows[0].entry.site, "P1");

    let out = convert(
        &read_csv(b"a,b\n1,2\n").unwrap(),
        &Mapping::default(),
        "x.csv",
    );
    assert!(out.rows.is_empty());
    assert!(out
        .errors
        .iter()
        .all(|e| e.key == "import-column-unmapped" && e.row == 0));
    assert!(matches!(
        Mapping::from_json("{\"nope\": 1}"),
        Err(ReadError::BadMapping { .. })
    ));
}

#[test]
fn bad_files_are_typed_errors() {
    let dir = tempfile::tempdir().unwrap();
    let write = |name: &str, bytes: &[u8]| {
        let p = dir.path().join(name);
        std::fs::write(&p, bytes).unwrap();
        p
    };
    let jpeg = write(
        "photo.xlsx",
        &[0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, b'J', b'F', b'I', b'F'],
    );
    assert!(matches!(
        read_file(&jpeg),
        Err(ReadError::NotXlsx { looks_like: "jpeg" })
    ));
    let csv = write("data.xlsx", CSV.as_bytes());
    assert!(matches!(
        read_file(&csv),
        Err(ReadError::NotXlsx { looks_like: "text" })
    ));
    let truncated = write("cut.xlsx", b"PK\x03\x04\x14\x00\x00\x00\x08\x00junk");
    let e = read_file(&truncated).unwrap_err();
    assert!(matches!(e, ReadError::CorruptXlsx { .. }), "{e:?}");
    assert_eq!(e.key(), "import-corrupt-xlsx");
    for name in ["empty.xlsx", "empty.csv"] {
        let p = write(name, b"");
        assert!(matches!(read_file(&p), Err(ReadError::Empty)), "{name}");
    }
    assert!(matches!(read_csv(b"\n\n"), Err(ReadError::Empty)));
    assert!(matches!(read_xlsx(b""), Err(ReadError::Empty)));
    let other = write("notes.docx", b"x");
    assert!(matches!(
        read_file(&other),
        Err(ReadError::UnsupportedExtension)
    ));
    assert!(matches!(
        read_csv(b"a,b\n\xff\xfe,1\n"),
        Err(ReadError::Csv { .. })
    ));
}
