//! Settings → templates, shared by CBAM and VSME: what the built-in, the chosen and the
//! in-use template are, and remembering a file the user chose after checking it. Each kind
//! passes its own reader, which checks the file and returns its version.

use std::path::{Path, PathBuf};

use athar_protocol::templates::{TemplateChoice, TemplateInfo};
use athar_protocol::UiError;

/// The templates of one kind: `embedded` (if this build has one) and the `chosen` file (if
/// any), read with `read`. A chosen file that no longer reads is reported and not used.
pub fn choice(
    embedded: Option<TemplateInfo>,
    chosen: Option<&Path>,
    read: impl Fn(&Path) -> Result<Option<String>, UiError>,
) -> TemplateChoice {
    let (chosen, chosen_problem) = match chosen {
        Some(p) => {
            let (version, problem) = match read(p) {
                Ok(v) => (v, None),
                Err(e) => (None, Some(e)),
            };
            (
                Some(TemplateInfo {
                    version,
                    path: Some(p.display().to_string()),
                }),
                problem,
            )
        }
        None => (None, None),
    };
    let in_use = match (&chosen, &chosen_problem) {
        (Some(c), None) => Some(c.clone()),
        (Some(_), Some(_)) => None,
        (None, _) => embedded.clone(),
    };
    TemplateChoice {
        embedded,
        chosen,
        chosen_problem,
        in_use,
    }
}

/// The file to remember for `path` (checked with `read`, made absolute), or `None` to go
/// back to the built-in template when `path` is absent or blank.
pub fn checked_choice(
    path: Option<&str>,
    read: impl Fn(&Path) -> Result<Option<String>, UiError>,
) -> Result<Option<PathBuf>, UiError> {
    match path.map(str::trim).filter(|p| !p.is_empty()) {
        Some(p) => {
            let path = PathBuf::from(p);
            read(&path)?;
            Ok(Some(std::fs::canonicalize(&path).unwrap_or(path)))
        }
        None => Ok(None),
    }
}
