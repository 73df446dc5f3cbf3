//! The packs compiled into the binary.

use std::sync::OnceLock;

use crate::load::LoadError;
use crate::pack::Pack;
use crate::row::FactorRow;

/// A pack file embedded at build time, with the metadata that is not in its rows.
#[derive(Debug, Clone, Copy)]
pub struct PackSpec {
    pub id: &'static str,
    pub version: &'static str,
    pub title: &'static str,
    pub fallback_region: Option<&'static str>,
    /// Path under the repository's `factors/` folder.
    pub path: &'static str,
    pub csv: &'static str,
}

impl PackSpec {
    pub fn load(&self) -> Result<Pack, LoadError> {
        Pack::from_csv(
            self.id,
            self.version,
            self.title,
            self.fallback_region,
            self.path,
            self.csv,
        )
    }
}

macro_rules! spec {
    ($id:literal, $version:literal, $title:literal, $fallback:expr) => {
        PackSpec {
            id: $id,
            version: $version,
            title: $title,
            fallback_region: $fallback,
            path: concat!($id, "/", $version, ".csv"),
            csv: include_str!(concat!("../../../factors/", $id, "/", $version, ".csv")),
        }
    };
}

/// Every pack shipped with Athar. Adding a version of a pack means adding a file under
/// `factors/` and a line here; old versions stay so old results remain explainable.
pub const EMBEDDED: &[PackSpec] = &[
    spec!(
        "ir2025-2547-standard-factors",
        "2025-12-22",
        "IR (EU) 2025/2547 Annex II section G: standard factors (fuel EF and NCV, carbonates, iron and steel materials, GWPs)",
        None
    ),
    spec!(
        "cbam-2621-annex-i",
        "2026-02-04",
        "IR (EU) 2025/2621 Annex I: CBAM default values per country and CN code",
        Some("OTHER")
    ),
    spec!(
        "cbam-2621-annex-ii",
        "2025-12-31",
        "IR (EU) 2025/2621 Annex II: default grid emission factors for indirect emissions",
        Some("OTHER")
    ),
    spec!(
        "cbam-2621-annex-iii",
        "2025-12-31",
        "IR (EU) 2025/2621 Annex III: default emission factors of imported electricity",
        None
    ),
    spec!(
        "cbam-2621-annex-iv",
        "2025-12-31",
        "IR (EU) 2025/2621 Annex IV: default values of precursors of unknown origin",
        None
    ),
    spec!(
        "grid-ember",
        "co2js-27cbe8328a",
        "Ember yearly average grid emission intensity (via co2.js), for location-based Scope 2",
        None
    ),
    spec!(
        "ipcc-gwp100",
        "1",
        "IPCC GWP-100: AR5 WG1 Table 8.A.1 and AR6 WG1 Table 7.SM.7",
        None
    ),
    spec!(
        "eu-red2-energy-content",
        "2018-12-21",
        "Directive (EU) 2018/2001 Annex III: energy content of fuels per litre (NCV by volume)",
        None
    ),
];

/// Loads every embedded pack afresh.
pub fn load_embedded() -> Result<Vec<Pack>, LoadError> {
    EMBEDDED.iter().map(PackSpec::load).collect()
}

/// Every embedded pack, loaded once per process.
///
/// # Panics
/// If an embedded pack file is invalid. That is a build defect, not a runtime condition: the
/// crate's tests load every embedded pack, so such a binary is never released.
pub fn all_packs() -> &'static [Pack] {
    static PACKS: OnceLock<Vec<Pack>> = OnceLock::new();
    PACKS.get_or_init(|| match load_embedded() {
        Ok(packs) => packs,
        Err(e) => panic!("embedded factor pack is invalid: {e}"),
    })
}

/// The newest embedded version of pack `id` (versions are compared as strings; every pack
/// names its versions so that this orders them).
pub fn pack(id: &str) -> Option<&'static Pack> {
    all_packs()
        .iter()
        .filter(|p| p.id == id)
        .max_by(|a, b| a.version.cmp(&b.version))
}

/// The row cited as `id`@`version`, in whichever embedded pack holds it.
pub fn find_row(id: &str, version: &str) -> Option<(&'static Pack, &'static FactorRow)> {
    all_packs()
        .iter()
        .filter(|p| p.version == version)
        .find_map(|p| p.get(id).map(|r| (p, r)))
}
