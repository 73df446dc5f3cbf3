//! The CBAM aggregated goods categories, their production routes and functional units, and
//! the default-value mark-up of each sector.
//!
//! Why this module exists: the Commission's communication template (V2.1.1, hidden sheet
//! `Parameters_Constants`, rows 89–127) keys everything — which routes a process can have,
//! which precursors are relevant, which qualifying parameters a product reports, whether
//! indirect emissions count — on the aggregated goods category. The calculation, the
//! validation and the template reader all need the same table, so it lives here once, as
//! code, in the template's order.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// An aggregated goods category (IR 2025/2547 Annex I; the template's `CONST_LIST_Goods`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum GoodsCategory {
    Cement,
    CementClinker,
    CalcinedClays,
    AluminousCement,
    IronOrSteelProducts,
    CrudeSteel,
    DirectReducedIron,
    PigIron,
    /// FeMn, FeCr, FeNi.
    Alloys,
    SinteredOre,
    Hydrogen,
    Ammonia,
    NitricAcid,
    Urea,
    MixedFertilisers,
    AluminiumProducts,
    UnwroughtAluminium,
    /// Electricity exported to the EU.
    Electricity,
}

/// The sector a category belongs to (IR 2025/2621 groups its mark-ups this way).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Sector {
    Cement,
    IronAndSteel,
    Aluminium,
    Fertilisers,
    Hydrogen,
    Electricity,
}

/// A production route of the template (`CONST_MATRIX_ProductionRoute`). Categories whose
/// routes are all treated alike ("All production routes") have none.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ProductionRoute {
    BasicOxygenSteelmaking,
    ElectricArcFurnace,
    BlastFurnace,
    SmeltingReduction,
    SteamReformingPartialOxidation,
    ElectrolysisOfWater,
    ChlorAlkaliElectrolysis,
    HaberBoschSteamReforming,
    HaberBoschGasification,
    PrimarySmelting,
    SecondaryMelting,
    Other,
    Unknown,
}

impl ProductionRoute {
    /// The kebab-case id used in JSON.
    pub fn id(self) -> &'static str {
        match self {
            R::BasicOxygenSteelmaking => "basic-oxygen-steelmaking",
            R::ElectricArcFurnace => "electric-arc-furnace",
            R::BlastFurnace => "blast-furnace",
            R::SmeltingReduction => "smelting-reduction",
            R::SteamReformingPartialOxidation => "steam-reforming-partial-oxidation",
            R::ElectrolysisOfWater => "electrolysis-of-water",
            R::ChlorAlkaliElectrolysis => "chlor-alkali-electrolysis",
            R::HaberBoschSteamReforming => "haber-bosch-steam-reforming",
            R::HaberBoschGasification => "haber-bosch-gasification",
            R::PrimarySmelting => "primary-smelting",
            R::SecondaryMelting => "secondary-melting",
            R::Other => "other",
            R::Unknown => "unknown",
        }
    }

    /// Fluent key of the route's name.
    pub fn key(self) -> &'static str {
        match self {
            R::BasicOxygenSteelmaking => "cbam-route-basic-oxygen-steelmaking",
            R::ElectricArcFurnace => "cbam-route-electric-arc-furnace",
            R::BlastFurnace => "cbam-route-blast-furnace",
            R::SmeltingReduction => "cbam-route-smelting-reduction",
            R::SteamReformingPartialOxidation => "cbam-route-steam-reforming-partial-oxidation",
            R::ElectrolysisOfWater => "cbam-route-electrolysis-of-water",
            R::ChlorAlkaliElectrolysis => "cbam-route-chlor-alkali-electrolysis",
            R::HaberBoschSteamReforming => "cbam-route-haber-bosch-steam-reforming",
            R::HaberBoschGasification => "cbam-route-haber-bosch-gasification",
            R::PrimarySmelting => "cbam-route-primary-smelting",
            R::SecondaryMelting => "cbam-route-secondary-melting",
            R::Other => "cbam-route-other",
            R::Unknown => "cbam-route-unknown",
        }
    }
}

/// The unit in which a production process counts its activity level (IR 2025/2547 Art. 4).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum FunctionalUnit {
    /// Tonnes of goods (the general rule, Art. 4(2)); what the template uses.
    #[default]
    Tonne,
    /// MWh of electricity (the template's unit for electricity).
    Megawatthour,
    /// Tonnes of clinker contained in the goods (Art. 4(5): CN 2523 10 00, 2523 21 00,
    /// 2523 29 00, 2523 90 00); a product's SEE per tonne follows Equation 64.
    TonneClinker,
    /// Kilograms of nitrogen contained in the goods (Art. 4(4)(a): CN 2808 00 00, 2814,
    /// 3105); a product's SEE per tonne follows Equation 65.
    KilogramNitrogen,
}

impl FunctionalUnit {
    /// Unit symbol as shown in results (`t`, `MWh`, `t clinker`, `kg N`).
    pub fn symbol(self) -> &'static str {
        match self {
            FunctionalUnit::Tonne => "t",
            FunctionalUnit::Megawatthour => "MWh",
            FunctionalUnit::TonneClinker => "t clinker",
            FunctionalUnit::KilogramNitrogen => "kg N",
        }
    }
}

use GoodsCategory as G;
use ProductionRoute as R;

impl GoodsCategory {
    /// All categories in the template's order.
    pub const ALL: [GoodsCategory; 18] = [
        G::Cement,
        G::CementClinker,
        G::CalcinedClays,
        G::AluminousCement,
        G::IronOrSteelProducts,
        G::CrudeSteel,
        G::DirectReducedIron,
        G::PigIron,
        G::Alloys,
        G::SinteredOre,
        G::Hydrogen,
        G::Ammonia,
        G::NitricAcid,
        G::Urea,
        G::MixedFertilisers,
        G::AluminiumProducts,
        G::UnwroughtAluminium,
        G::Electricity,
    ];

    /// The kebab-case id used in JSON and in `data/cbam-cn-codes.tsv`.
    pub fn id(self) -> &'static str {
        match self {
            G::Cement => "cement",
            G::CementClinker => "cement-clinker",
            G::CalcinedClays => "calcined-clays",
            G::AluminousCement => "aluminous-cement",
            G::IronOrSteelProducts => "iron-or-steel-products",
            G::CrudeSteel => "crude-steel",
            G::DirectReducedIron => "direct-reduced-iron",
            G::PigIron => "pig-iron",
            G::Alloys => "alloys",
            G::SinteredOre => "sintered-ore",
            G::Hydrogen => "hydrogen",
            G::Ammonia => "ammonia",
            G::NitricAcid => "nitric-acid",
            G::Urea => "urea",
            G::MixedFertilisers => "mixed-fertilisers",
            G::AluminiumProducts => "aluminium-products",
            G::UnwroughtAluminium => "unwrought-aluminium",
            G::Electricity => "electricity",
        }
    }

    pub fn from_id(id: &str) -> Option<GoodsCategory> {
        GoodsCategory::ALL.into_iter().find(|g| g.id() == id)
    }

    /// Fluent key of the category's name.
    pub fn key(self) -> &'static str {
        match self {
            G::Cement => "cbam-category-cement",
            G::CementClinker => "cbam-category-cement-clinker",
            G::CalcinedClays => "cbam-category-calcined-clays",
            G::AluminousCement => "cbam-category-aluminous-cement",
            G::IronOrSteelProducts => "cbam-category-iron-or-steel-products",
            G::CrudeSteel => "cbam-category-crude-steel",
            G::DirectReducedIron => "cbam-category-direct-reduced-iron",
            G::PigIron => "cbam-category-pig-iron",
            G::Alloys => "cbam-category-alloys",
            G::SinteredOre => "cbam-category-sintered-ore",
            G::Hydrogen => "cbam-category-hydrogen",
            G::Ammonia => "cbam-category-ammonia",
            G::NitricAcid => "cbam-category-nitric-acid",
            G::Urea => "cbam-category-urea",
            G::MixedFertilisers => "cbam-category-mixed-fertilisers",
            G::AluminiumProducts => "cbam-category-aluminium-products",
            G::UnwroughtAluminium => "cbam-category-unwrought-aluminium",
            G::Electricity => "cbam-category-electricity",
        }
    }

    pub fn sector(self) -> Sector {
        match self {
            G::Cement | G::CementClinker | G::CalcinedClays | G::AluminousCement => Sector::Cement,
            G::IronOrSteelProducts
            | G::CrudeSteel
            | G::DirectReducedIron
            | G::PigIron
            | G::Alloys
            | G::SinteredOre => Sector::IronAndSteel,
            G::Hydrogen => Sector::Hydrogen,
            G::Ammonia | G::NitricAcid | G::Urea | G::MixedFertilisers => Sector::Fertilisers,
            G::AluminiumProducts | G::UnwroughtAluminium => Sector::Aluminium,
            G::Electricity => Sector::Electricity,
        }
    }

    /// The routes a process of this category distinguishes, in the template's order (its
    /// production-level slots 1..n). Empty: "All production routes".
    pub fn routes(self) -> &'static [ProductionRoute] {
        match self {
            G::CrudeSteel => &[
                R::BasicOxygenSteelmaking,
                R::ElectricArcFurnace,
                R::Other,
                R::Unknown,
            ],
            G::PigIron => &[R::BlastFurnace, R::SmeltingReduction, R::Other, R::Unknown],
            G::Hydrogen => &[
                R::SteamReformingPartialOxidation,
                R::ElectrolysisOfWater,
                R::ChlorAlkaliElectrolysis,
                R::Other,
                R::Unknown,
            ],
            G::Ammonia => &[
                R::HaberBoschSteamReforming,
                R::HaberBoschGasification,
                R::Other,
                R::Unknown,
            ],
            G::UnwroughtAluminium => &[
                R::PrimarySmelting,
                R::SecondaryMelting,
                R::Other,
                R::Unknown,
            ],
            _ => &[],
        }
    }

    /// The precursors relevant for this category (template `Parameters_Constants` R..T).
    pub fn relevant_precursors(self) -> &'static [GoodsCategory] {
        match self {
            G::Cement => &[G::CementClinker, G::CalcinedClays],
            G::IronOrSteelProducts => &[G::CrudeSteel],
            G::CrudeSteel => &[G::PigIron, G::DirectReducedIron, G::Alloys],
            G::DirectReducedIron => &[G::SinteredOre, G::Hydrogen],
            G::PigIron => &[G::SinteredOre, G::Alloys],
            G::Alloys => &[G::SinteredOre],
            G::Ammonia => &[G::Hydrogen],
            G::NitricAcid | G::Urea => &[G::Ammonia],
            G::MixedFertilisers => &[G::Ammonia, G::NitricAcid, G::Urea],
            G::AluminiumProducts => &[G::UnwroughtAluminium],
            _ => &[],
        }
    }

    /// The unit of the activity level the template uses for this category.
    pub fn default_functional_unit(self) -> FunctionalUnit {
        match self {
            G::Electricity => FunctionalUnit::Megawatthour,
            _ => FunctionalUnit::Tonne,
        }
    }

    /// Whether a process of this category may count its activity level in `unit`.
    pub fn allows(self, unit: FunctionalUnit) -> bool {
        match unit {
            FunctionalUnit::Tonne => self != G::Electricity,
            FunctionalUnit::Megawatthour => self == G::Electricity,
            FunctionalUnit::TonneClinker => self == G::Cement,
            FunctionalUnit::KilogramNitrogen => self.sector() == Sector::Fertilisers,
        }
    }

    /// Whether indirect emissions count towards the embedded emissions in the definitive
    /// period (Reg. (EU) 2023/956 Annex II; template column C "definitive"). They are
    /// computed and reported for every good regardless.
    pub fn indirect_counts(self) -> bool {
        matches!(self.sector(), Sector::Cement | Sector::Fertilisers)
    }
}

/// The mark-up on default values (IR 2025/2621 Annex I headings) for goods of `sector` in
/// `year`: cement, iron and steel, aluminium and hydrogen 10 % in 2026, 20 % in 2027, 30 %
/// from 2028; fertilisers 1 %. Years before 2026 take the 2026 rate (default values apply
/// from 2026). Electricity has no Annex I mark-up.
pub fn markup_rate(sector: Sector, year: i32) -> Decimal {
    match sector {
        Sector::Fertilisers => Decimal::new(1, 2),
        Sector::Electricity => Decimal::ZERO,
        Sector::Cement | Sector::IronAndSteel | Sector::Aluminium | Sector::Hydrogen => {
            match year {
                ..=2026 => Decimal::new(10, 2),
                2027 => Decimal::new(20, 2),
                _ => Decimal::new(30, 2),
            }
        }
    }
}

/// Countries whose goods are outside CBAM (Reg. (EU) 2023/956 Annex III point 1): precursors
/// from there, as from the EU, count as zero (IR 2025/2547 Annex III B).
pub const EXEMPT_COUNTRIES: [&str; 4] = ["CH", "IS", "LI", "NO"];

/// Whether a precursor produced in `country` (ISO 3166 alpha-2) counts as zero: an EU member
/// state or an Annex III exempt country.
pub fn is_zero_rated_origin(country: &str) -> bool {
    athar_domain::codes::is_eu_member(country) || EXEMPT_COUNTRIES.contains(&country)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_round_trip_and_are_unique() {
        let mut seen = std::collections::BTreeSet::new();
        for g in GoodsCategory::ALL {
            assert_eq!(GoodsCategory::from_id(g.id()), Some(g));
            assert!(seen.insert(g.id()));
            let json = serde_json::to_string(&g).unwrap();
            assert_eq!(json, format!("\"{}\"", g.id()));
        }
    }

    #[test]
    fn route_ids_are_their_json_names() {
        for g in GoodsCategory::ALL {
            for r in g.routes() {
                assert_eq!(serde_json::to_string(r).unwrap(), format!("\"{}\"", r.id()));
            }
        }
    }

    #[test]
    fn markups_follow_the_annex_headings() {
        assert_eq!(markup_rate(Sector::Cement, 2026), Decimal::new(10, 2));
        assert_eq!(markup_rate(Sector::IronAndSteel, 2027), Decimal::new(20, 2));
        assert_eq!(markup_rate(Sector::Aluminium, 2031), Decimal::new(30, 2));
        assert_eq!(markup_rate(Sector::Fertilisers, 2028), Decimal::new(1, 2));
        assert_eq!(markup_rate(Sector::Hydrogen, 2024), Decimal::new(10, 2));
    }

    #[test]
    fn zero_rated_origins() {
        assert!(is_zero_rated_origin("DE"));
        assert!(is_zero_rated_origin("NO"));
        assert!(!is_zero_rated_origin("EG"));
        assert!(!is_zero_rated_origin("TR"));
    }

    #[test]
    fn functional_units_fit_their_sectors() {
        assert!(G::Cement.allows(FunctionalUnit::TonneClinker));
        assert!(!G::CrudeSteel.allows(FunctionalUnit::TonneClinker));
        assert!(G::Urea.allows(FunctionalUnit::KilogramNitrogen));
        assert!(G::Electricity.allows(FunctionalUnit::Megawatthour));
        assert!(!G::Electricity.allows(FunctionalUnit::Tonne));
    }
}
