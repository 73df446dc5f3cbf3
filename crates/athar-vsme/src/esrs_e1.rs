//! The same figures in ESRS E1 terms: E1-5 energy consumption and mix, E1-6 gross Scope 1,
//! 2 (location- and market-based), 3 and total GHG emissions, and GHG intensity per net revenue,
//! each named by its concept in the ESRS Set 1 XBRL taxonomy (2023-12-22).
//!
//! Why this module exists: some EU customers ask their suppliers in ESRS terms (they copy the
//! figures into their own ESRS E1 value-chain disclosures). The numbers are the VSME ones —
//! no second calculation — laid out on the ESRS lines. The ESRS labels are those of the
//! taxonomy outline in `shared/reference/vsme/esrs-set1/` (the tests check each label is
//! there, under E1-5 or E1-6); the concept names follow the taxonomy's naming and are
//! corroborated by public ESRS reports and tools (decision record 033 lists which).

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::energy::{EnergyFigures, FuelFamily};
use crate::fact::{DimensionValue, Fact, FactPeriod, FactUnit};

/// One line of the E1 view.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct E1Line {
    /// `E1-5` or `E1-6`.
    pub disclosure: String,
    /// `esrs:GrossScope1GreenhouseGasEmissions`.
    pub esrs_concept: String,
    /// The taxonomy's English label.
    pub esrs_label: String,
    /// Fluent key of Athar's label (English and Arabic).
    pub key: String,
    /// `None`: not derivable from the data (shown as "not reported").
    pub value: Option<Decimal>,
    /// `MWh`, `tCO2e`, `%`, `tCO2e/EUR`.
    pub unit: String,
    /// Where the value comes from: VSME concepts or inventory line ids.
    pub sources: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct E1View {
    pub lines: Vec<E1Line>,
    /// Purchased electricity without certificates or PPAs is shown as fossil (the grid mix is
    /// unknown); the nuclear share is then not known either.
    pub grid_mix_unknown: bool,
}

impl E1View {
    pub fn line(&self, esrs_concept: &str) -> Option<&E1Line> {
        self.lines.iter().find(|l| l.esrs_concept == esrs_concept)
    }
}

/// (ESRS concept, ESRS label, our key).
pub const E1_5: &[(&str, &str, &str)] = &[
    ("esrs:EnergyConsumptionRelatedToOwnOperations", "Energy consumption related to own operations", "vsme-e1-energy-total"),
    ("esrs:EnergyConsumptionFromFossilSources", "Energy consumption from fossil sources", "vsme-e1-energy-fossil"),
    ("esrs:FuelConsumptionFromCoalAndCoalProducts", "Fuel consumption from coal and coal products", "vsme-e1-fuel-coal"),
    ("esrs:FuelConsumptionFromCrudeOilAndPetroleumProducts", "Fuel consumption from crude oil and petroleum products", "vsme-e1-fuel-oil"),
    ("esrs:FuelConsumptionFromNaturalGas", "Fuel consumption from natural gas", "vsme-e1-fuel-gas"),
    ("esrs:FuelConsumptionFromOtherFossilSources", "Fuel consumption from other fossil sources", "vsme-e1-fuel-other-fossil"),
    ("esrs:ConsumptionOfPurchasedOrAcquiredElectricityHeatSteamOrCoolingFromFossilSources", "Consumption of purchased or acquired electricity, heat, steam, or cooling from fossil sources", "vsme-e1-purchased-fossil"),
    ("esrs:PercentageOfFossilSourcesInTotalEnergyConsumption", "Percentage of fossil sources in total energy consumption", "vsme-e1-share-fossil"),
    ("esrs:EnergyConsumptionFromNuclearSources", "Energy consumption from nuclear sources", "vsme-e1-energy-nuclear"),
    ("esrs:EnergyConsumptionFromRenewableSources", "Energy consumption from renewable sources", "vsme-e1-energy-renewable"),
    ("esrs:FuelConsumptionFromRenewableSources", "Fuel consumption from renewable sources", "vsme-e1-fuel-renewable"),
    ("esrs:ConsumptionOfPurchasedOrAcquiredElectricityHeatSteamAndCoolingFromRenewableSources", "Consumption of purchased or acquired electricity, heat, steam, and cooling from renewable sources", "vsme-e1-purchased-renewable"),
    ("esrs:ConsumptionOfSelfgeneratedNonfuelRenewableEnergy", "Consumption of self-generated non-fuel renewable energy", "vsme-e1-self-generated-renewable"),
    ("esrs:PercentageOfRenewableSourcesInTotalEnergyConsumption", "Percentage of renewable sources in total energy consumption", "vsme-e1-share-renewable"),
];

/// (ESRS concept, ESRS label, our key, VSME concept).
pub const E1_6: &[(&str, &str, &str, &str)] = &[
    (
        "esrs:GrossScope1GreenhouseGasEmissions",
        "Gross Scope 1 greenhouse gas emissions",
        "vsme-e1-scope1",
        "vsme:GrossScope1GreenhouseGasEmissions",
    ),
    (
        "esrs:GrossLocationBasedScope2GreenhouseGasEmissions",
        "Gross location-based Scope 2 greenhouse gas emissions",
        "vsme-e1-scope2-location",
        "vsme:GrossLocationBasedScope2GreenhouseGasEmissions",
    ),
    (
        "esrs:GrossMarketBasedScope2GreenhouseGasEmissions",
        "Gross market-based Scope 2 greenhouse gas emissions",
        "vsme-e1-scope2-market",
        "vsme:GrossMarketBasedScope2GreenhouseGasEmissions",
    ),
    (
        "esrs:GrossScope3GreenhouseGasEmissions",
        "Gross Scope 3 greenhouse gas emissions",
        "vsme-e1-scope3",
        "vsme:GrossScope3GreenhouseGasEmissions",
    ),
    (
        "esrs:LocationBasedGreenhouseGasEmissions",
        "Location-based greenhouse gas emissions",
        "vsme-e1-total-location",
        "vsme:TotalGrossLocationBasedGHGEmissions",
    ),
    (
        "esrs:MarketBasedGreenhouseGasEmissions",
        "Market-based greenhouse gas emissions",
        "vsme-e1-total-market",
        "vsme:TotalGrossMarketBasedGHGEmissions",
    ),
    (
        "esrs:GHGEmissionsIntensityLocationbasedTotalGHGEmissionsPerNetRevenue",
        "GHG emissions intensity, location-based (total GHG emissions per net revenue)",
        "vsme-e1-intensity-location",
        "vsme:TotalLocationBasedGreenhouseGasEmissionsIntensityValue",
    ),
    (
        "esrs:GHGEmissionsIntensityMarketbasedTotalGHGEmissionsPerNetRevenue",
        "GHG emissions intensity, market-based (total GHG emissions per net revenue)",
        "vsme-e1-intensity-market",
        "vsme:TotalMarketBasedGreenhouseGasEmissionsIntensityValue",
    ),
];

/// The current-period, breakdown-free fact of a concept, or one with a breakdown member.
fn current(facts: &[Fact], concept: &str, member: Option<&str>) -> Option<Decimal> {
    facts
        .iter()
        .find(|f| {
            f.concept == concept
                && f.period == FactPeriod::Reporting
                && match member {
                    None => f.dimensions.is_empty(),
                    Some(m) => f
                        .dimensions
                        .values()
                        .any(|v| *v == DimensionValue::Member(m.into())),
                }
        })
        .and_then(Fact::number)
}

fn share(part: Option<Decimal>, total: Option<Decimal>) -> Option<Decimal> {
    match (part, total) {
        (Some(p), Some(t)) if !t.is_zero() => Some((p / t * Decimal::ONE_HUNDRED).round_dp(2)),
        _ => None,
    }
}

/// The E1 view of a report's facts; `energy`, when the figures come from the inventory, adds
/// the fuel families of E1-5.
pub fn e1_view(facts: &[Fact], energy: Option<&EnergyFigures>) -> E1View {
    let mut lines = Vec::new();
    let r = |v: Decimal| v.round_dp(3);
    let (
        total,
        fossil,
        renewable,
        families,
        fuel_renewable,
        purchased_fossil,
        purchased_renewable,
        grid_unknown,
        sources,
    ) = match energy {
        Some(e) => {
            let fam =
                |f: FuelFamily| Some(r(e.fuels_by_family.get(&f).copied().unwrap_or_default()));
            (
                Some(r(e.total())),
                Some(r(e.total() - e.renewable())),
                Some(r(e.renewable())),
                Some([
                    fam(FuelFamily::Coal),
                    fam(FuelFamily::Oil),
                    fam(FuelFamily::NaturalGas),
                    fam(FuelFamily::OtherFossil),
                ]),
                Some(r(e.fuels.renewable)),
                Some(r(e.electricity.non_renewable + e.heat.non_renewable)),
                Some(r(e.electricity.renewable + e.heat.renewable)),
                e.grid_mix_unknown,
                e.lines
                    .iter()
                    .map(|l| l.result_id.clone())
                    .collect::<Vec<_>>(),
            )
        }
        None => {
            // From the VSME facts (an imported template): totals and the breakdown only.
            let el = "vsme:EnergyConsumptionFromElectricity";
            let fu = "vsme:EnergyConsumptionFromFuels";
            let ren = Some("vsme:RenewableEnergyMember");
            let non = Some("vsme:NonRenewableEnergyMember");
            let add = |a: Option<Decimal>, b: Option<Decimal>| match (a, b) {
                (None, None) => None,
                (a, b) => Some(a.unwrap_or_default() + b.unwrap_or_default()),
            };
            let renewable = add(current(facts, el, ren), current(facts, fu, ren));
            (
                current(facts, "vsme:TotalEnergyConsumption", None),
                add(current(facts, el, non), current(facts, fu, non)),
                renewable,
                None,
                current(facts, fu, ren),
                current(facts, el, non),
                current(facts, el, ren),
                false,
                vec![
                    "vsme:TotalEnergyConsumption".to_string(),
                    el.to_string(),
                    fu.to_string(),
                ],
            )
        }
    };
    let self_generated = current(
        facts,
        "vsme:EnergyConsumptionFromSelfGeneratedElectricity",
        Some("vsme:RenewableEnergyMember"),
    );
    let renewable_total = match (renewable, self_generated) {
        (Some(a), Some(b)) => Some(a + b),
        (a, None) => a,
        (None, b) => b,
    };
    for (concept, label, key) in E1_5 {
        let (value, unit) = match *key {
            "vsme-e1-energy-total" => (total, "MWh"),
            "vsme-e1-energy-fossil" => (fossil, "MWh"),
            "vsme-e1-fuel-coal" => (families.and_then(|f| f[0]), "MWh"),
            "vsme-e1-fuel-oil" => (families.and_then(|f| f[1]), "MWh"),
            "vsme-e1-fuel-gas" => (families.and_then(|f| f[2]), "MWh"),
            "vsme-e1-fuel-other-fossil" => (families.and_then(|f| f[3]), "MWh"),
            "vsme-e1-purchased-fossil" => (purchased_fossil, "MWh"),
            "vsme-e1-share-fossil" => (share(fossil, total), "%"),
            // The inventory knows no nuclear share of the grid.
            "vsme-e1-energy-nuclear" => (None, "MWh"),
            "vsme-e1-energy-renewable" => (renewable_total, "MWh"),
            "vsme-e1-fuel-renewable" => (fuel_renewable, "MWh"),
            "vsme-e1-purchased-renewable" => (purchased_renewable, "MWh"),
            "vsme-e1-self-generated-renewable" => (self_generated, "MWh"),
            "vsme-e1-share-renewable" => (share(renewable_total, total), "%"),
            _ => (None, ""),
        };
        lines.push(E1Line {
            disclosure: "E1-5".into(),
            esrs_concept: concept.to_string(),
            esrs_label: label.to_string(),
            key: key.to_string(),
            value,
            unit: unit.to_string(),
            sources: sources.clone(),
        });
    }
    for (concept, label, key, vsme) in E1_6 {
        let fact = facts.iter().find(|f| {
            f.concept == *vsme && f.period == FactPeriod::Reporting && f.dimensions.is_empty()
        });
        let unit = match fact.and_then(|f| f.unit.as_ref()) {
            Some(FactUnit::PerCurrency { code, .. }) => format!("tCO2e/{code}"),
            _ => "tCO2e".to_string(),
        };
        lines.push(E1Line {
            disclosure: "E1-6".into(),
            esrs_concept: concept.to_string(),
            esrs_label: label.to_string(),
            key: key.to_string(),
            value: fact.and_then(Fact::number),
            unit,
            sources: vec![vsme.to_string()],
        });
    }
    E1View {
        lines,
        grid_mix_unknown: grid_unknown,
    }
}
