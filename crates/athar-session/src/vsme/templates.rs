//! The blank EFRAG template the export fills: the one built into Athar, or a newer one the
//! user chose in Settings → templates (its path is remembered in the preferences).
//!
//! Why a user may supply one: EFRAG publishes corrected template versions (1.3.0 now) without
//! a new Athar release. A chosen file is accepted only if Athar can fill it — it names the
//! VSME 2026-05-01 entry point and has the named ranges the export writes — which a dry run of
//! the fill checks; its version is read from the template's own version cell.

use std::path::Path;

use athar_protocol::templates::TemplateInfo;
use athar_protocol::UiError;
use athar_vsme::fact::ReportInfo;
use athar_vsme::model::Model;
use athar_xlsx_fill::{CellContent, Workbook};

/// The named cell holding the template's version (`1.3.0`).
const VERSION_NAME: &str = "template_reporting_template_version";

fn keyed(key: &str, args: Vec<(String, String)>) -> UiError {
    let mut u = UiError::new(key);
    for (k, v) in args {
        u = u.arg(&k, v);
    }
    u
}

/// The version a template states, if it states one.
pub fn template_version(bytes: &[u8]) -> Option<String> {
    let wb = Workbook::from_bytes(bytes.to_vec()).ok()?;
    match wb.named_cell(VERSION_NAME).ok()??.content {
        CellContent::Text(t) if !t.trim().is_empty() => Some(t.trim().to_string()),
        CellContent::Number(n) => Some(n),
        _ => None,
    }
}

/// Checks that `bytes` is a blank (or filled) VSME digital template the export can fill, and
/// returns its version.
pub fn check_template(bytes: &[u8]) -> Result<Option<String>, UiError> {
    Workbook::from_bytes(bytes.to_vec()).map_err(|e| keyed(e.key(), e.args()))?;
    let m = Model::get();
    let probe = ReportInfo {
        entity_name: "Athar".into(),
        entity_identifier: "0".into(),
        entity_scheme: m
            .rules
            .entity_schemes
            .values()
            .next()
            .cloned()
            .unwrap_or_default(),
        currency: "EUR".into(),
        period_start: time::macros::date!(2026 - 01 - 01),
        period_end: time::macros::date!(2026 - 12 - 31),
        entry_point: m.taxonomy.entry_point.clone(),
        template_version: None,
    };
    athar_vsme::fill_template(bytes, &probe, &[]).map_err(|e| keyed(e.key(), e.args()))?;
    Ok(template_version(bytes))
}

/// Reads and checks the template file at `path`.
pub fn read_template(path: &Path) -> Result<(Vec<u8>, Option<String>), UiError> {
    let bytes = std::fs::read(path).map_err(|e| {
        UiError::new("vsme-error-template-unreadable")
            .arg("path", path.display())
            .arg("detail", e)
    })?;
    let version = check_template(&bytes)?;
    Ok((bytes, version))
}

/// The template built into this build of Athar.
pub fn embedded() -> Option<TemplateInfo> {
    athar_vsme::embedded_template().map(|b| TemplateInfo {
        version: template_version(b),
        path: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const REFERENCE: &str = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/reference/vsme/templates/"
    );

    #[test]
    fn efrags_template_passes_and_other_files_are_refused() {
        let (_, version) =
            read_template(&Path::new(REFERENCE).join("VSME-Digital-Template-1.3.0.xlsx")).unwrap();
        assert_eq!(version.as_deref(), Some("1.3.0"));
        // Template 1.0.0 is for an older taxonomy: it can be read, not filled.
        let e = read_template(&Path::new(REFERENCE).join("VSME-Digital-Template-1.0.0.xlsx"))
            .unwrap_err();
        assert_eq!(e.key, "vsme-error-wrong-template");
        let dir = tempfile::tempdir().unwrap();
        let fake = dir.path().join("notes.xlsx");
        std::fs::write(&fake, b"just text").unwrap();
        assert!(read_template(&fake).unwrap_err().key.starts_with("xlsx-"));
        assert_eq!(
            read_template(&dir.path().join("gone.xlsx"))
                .unwrap_err()
                .key,
            "vsme-error-template-unreadable"
        );
    }
}
