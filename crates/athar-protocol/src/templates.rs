//! Settings → templates: which blank official workbook an export fills. The CBAM
//! communication template and EFRAG's VSME template are chosen the same way (built into the
//! build when present, or a file the user downloaded), so both use these types.

use serde::{Deserialize, Serialize};

use crate::UiError;

/// A blank official template Athar can fill.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TemplateInfo {
    /// Its version (`2.1.1`, `1.3.0`); `None` when the file cannot be read as the template now.
    pub version: Option<String>,
    /// `None` for the template built into Athar.
    pub path: Option<String>,
}

/// The templates of one kind: built in, chosen, and the one exports use.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TemplateChoice {
    /// The blank template built into Athar, if this build has one.
    pub embedded: Option<TemplateInfo>,
    /// The file the user chose (the one downloaded from the Commission's or EFRAG's site), if
    /// any, and what is wrong with it now (moved, replaced by something else).
    pub chosen: Option<TemplateInfo>,
    pub chosen_problem: Option<UiError>,
    /// The template exports use: the chosen one when it is usable, else the built-in one.
    pub in_use: Option<TemplateInfo>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TemplateArgs {
    /// `None`: go back to the built-in template.
    pub path: Option<String>,
}
