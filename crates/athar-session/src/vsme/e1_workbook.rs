//! The ESRS E1 view as a small workbook of its own, beside EFRAG's template.
//!
//! Why a second workbook (docs/decisions/037-esrs-e1-view-in-its-own-workbook.md): the E1
//! lines are not VSME datapoints, so EFRAG's template has no cells for them, and adding a sheet
//! to EFRAG's protected workbook would make it a different file from the one customers and
//! EFRAG's converter know. Customers who ask in ESRS terms copy these lines into their own
//! value-chain disclosures, so the sheet names each line by its ESRS concept.
//!
//! Written with rust_xlsxwriter (already in the workspace for athar-import's benchmark,
//! maintained, pure Rust). An xlsx number cell is an IEEE double: each value is converted once,
//! at the cell; the figures have at most 15 significant digits, so the text Excel shows is the
//! decimal Athar computed.

use athar_i18n::Localizer;
use athar_protocol::{Lang, UiError};
use athar_vsme::model::Model;
use rust_decimal::prelude::ToPrimitive;
use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, Workbook};
use time::OffsetDateTime;

use super::report::Report;

fn xlsx_error(e: rust_xlsxwriter::XlsxError) -> UiError {
    UiError::new("vsme-error-write").arg("detail", e)
}

/// The workbook's bytes.
pub fn e1_workbook(r: &Report, lang: Lang, at: OffsetDateTime) -> Result<Vec<u8>, UiError> {
    let l = Localizer::new(lang).plain();
    let mut wb = Workbook::new();
    let created = ExcelDateTime::from_ymd(at.year() as u16, at.month() as u8, at.day())
        .and_then(|d| d.and_hms(u16::from(at.hour()), at.minute(), at.second()))
        .map_err(xlsx_error)?;
    wb.set_properties(
        &DocProperties::new()
            .set_title(l.t("vsme-e1-sheet-title"))
            .set_author(&r.info.entity_name)
            .set_creation_datetime(&created),
    );
    let bold = Format::new().set_bold();
    let wrap = Format::new().set_text_wrap();
    let sheet = wb.add_worksheet();
    sheet.set_name("ESRS E1").map_err(xlsx_error)?;
    if lang == Lang::Ar {
        sheet.set_right_to_left(true);
    }
    for (col, width) in [
        (0, 10.0),
        (1, 52.0),
        (2, 60.0),
        (3, 16.0),
        (4, 12.0),
        (5, 60.0),
    ] {
        sheet.set_column_width(col, width).map_err(xlsx_error)?;
    }
    let start = crate::vsme::convert::iso_date(r.info.period_start);
    let end = crate::vsme::convert::iso_date(r.info.period_end);
    sheet
        .write_string_with_format(0, 0, l.t("vsme-e1-sheet-title"), &bold)
        .map_err(xlsx_error)?;
    sheet
        .write_string(
            1,
            0,
            format!(
                "{} · {start} – {end} · {}",
                r.info.entity_name, r.info.currency
            ),
        )
        .map_err(xlsx_error)?;
    let headers = [
        "vsme-e1-col-disclosure",
        "vsme-pdf-col-line",
        "vsme-pdf-col-concept",
        "vsme-pdf-col-value",
        "vsme-pdf-col-unit",
        "vsme-e1-col-sources",
    ];
    for (col, key) in headers.iter().enumerate() {
        sheet
            .write_string_with_format(3, col as u16, l.t(key), &bold)
            .map_err(xlsx_error)?;
    }
    let mut row = 4;
    for line in &r.e1.lines {
        sheet
            .write_string(row, 0, &line.disclosure)
            .map_err(xlsx_error)?;
        sheet
            .write_string(row, 1, l.t(&line.key))
            .map_err(xlsx_error)?;
        sheet
            .write_string(row, 2, &line.esrs_concept)
            .map_err(xlsx_error)?;
        match line.value.and_then(|v| v.to_f64()) {
            Some(v) => sheet.write_number(row, 3, v).map_err(xlsx_error)?,
            None => sheet
                .write_string(row, 3, l.t("vsme-pdf-not-reported"))
                .map_err(xlsx_error)?,
        };
        sheet.write_string(row, 4, &line.unit).map_err(xlsx_error)?;
        sheet
            .write_string_with_format(row, 5, line.sources.join(", "), &wrap)
            .map_err(xlsx_error)?;
        row += 1;
    }
    row += 1;
    if r.e1.grid_mix_unknown {
        sheet
            .write_string(row, 0, l.t("vsme-e1-note-grid-mix"))
            .map_err(xlsx_error)?;
        row += 1;
    }
    sheet
        .write_string(
            row,
            0,
            l.format(
                "vsme-e1-sheet-note",
                &[("taxonomy".into(), Model::get().taxonomy.version.clone())],
            ),
        )
        .map_err(xlsx_error)?;
    wb.save_to_buffer().map_err(xlsx_error)
}
