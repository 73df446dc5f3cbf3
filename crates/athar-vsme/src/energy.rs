//! Energy consumption in MWh from the GHG inventory: the B3 energy datapoints and ESRS E1-5.
//!
//! Why this module exists: the inventory computes emissions, not energy, but VSME B3 asks for
//! both, and the energy must come from the same activity data (never retyped). Every inventory
//! line of a fuel, electricity or heat entry is converted to MWh here: an entry in energy units
//! directly; a fuel in mass or volume through the NCV (and density) factor rows the line itself
//! cites, so the energy rests on the same factor versions as its emissions. An entry whose
//! energy cannot be derived that way is a [`EnergyGap`], never a guess.
//!
//! Renewable or not: a fuel is renewable if its factor-pack name is an IPCC 2006 biomass fuel
//! ([`FuelFamily::of`]); purchased electricity is renewable for the part covered by energy
//! attribute certificates or PPAs (the only renewable evidence the inventory holds), and the
//! rest counts as non-renewable fossil, which [`EnergyFigures::grid_mix_unknown`] flags
//! (decision record 032).

use std::collections::BTreeMap;

use athar_inventory::{ActivityKind, Amount, Flag, InstrumentKind, Inventory, Level, ResultNode};
use athar_quantity::{Dimension, Quantity, Rate, RatioUnit, Unit};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// Families of fuels as ESRS E1-5 breaks fossil energy down.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FuelFamily {
    Coal,
    Oil,
    NaturalGas,
    OtherFossil,
    Renewable,
}

impl FuelFamily {
    /// The family of a factor-pack fuel name (IPCC 2006 Vol. 2 Table 1.2 fuel names, as the
    /// packs spell them).
    pub fn of(fuel: &str) -> FuelFamily {
        const COAL: &[&str] = &[
            "anthracite",
            "coking-coal",
            "other-bituminous-coal",
            "sub-bituminous-coal",
            "lignite",
            "oil-shale-and-tar-sands",
            "brown-coal-briquettes",
            "patent-fuel",
            "coke-oven-coke-and-lignite-coke",
            "gas-coke",
            "coal-tar",
            "gas-works-gas",
            "coke-oven-gas",
            "blast-furnace-gas",
            "oxygen-steel-furnace-gas",
        ];
        const OIL: &[&str] = &[
            "crude-oil",
            "orimulsion",
            "natural-gas-liquids",
            "motor-gasoline",
            "aviation-gasoline",
            "jet-gasoline",
            "jet-kerosene",
            "kerosene-other-than-jet-kerosene",
            "shale-oil",
            "gas-diesel-oil",
            "residual-fuel-oil",
            "liquefied-petroleum-gases",
            "ethane",
            "naphtha",
            "bitumen",
            "lubricants",
            "petroleum-coke",
            "refinery-feedstocks",
            "refinery-gas",
            "paraffin-waxes",
            "white-spirit-and-sbp",
            "other-petroleum-products",
        ];
        const GAS: &[&str] = &["natural-gas", "methane"];
        const BIOMASS: &[&str] = &[
            "wood-wood-waste",
            "sulphite-lyes-black-liquor",
            "other-primary-solid-biomass",
            "charcoal",
            "biogasoline",
            "biodiesels",
            "other-liquid-biofuels",
            "landfill-gas",
            "sludge-gas",
            "other-biogas",
            "municipal-waste-biomass-fraction",
        ];
        if COAL.contains(&fuel) {
            FuelFamily::Coal
        } else if OIL.contains(&fuel) {
            FuelFamily::Oil
        } else if GAS.contains(&fuel) {
            FuelFamily::NaturalGas
        } else if BIOMASS.contains(&fuel) {
            FuelFamily::Renewable
        } else {
            FuelFamily::OtherFossil
        }
    }
}

/// What an energy line is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(tag = "carrier", rename_all = "snake_case")]
pub enum Carrier {
    /// Purchased electricity.
    Electricity,
    Fuel {
        family: FuelFamily,
    },
    /// Purchased heat, steam or cooling.
    Heat,
}

/// The energy of one inventory line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EnergyLine {
    /// The inventory line (`line/E-17/location`, `line/F-3`).
    pub result_id: String,
    pub entry: String,
    pub carrier: Carrier,
    pub mwh: Decimal,
    pub renewable_mwh: Decimal,
    /// The factor rows the conversion used (`pack/id@version`), empty for energy units.
    pub factors: Vec<String>,
}

/// Why an entry's energy is not known.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "gap", rename_all = "snake_case")]
pub enum EnergyGap {
    /// A fuel in mass or volume whose line cites no net calorific value to convert it.
    NoCalorificValue { entry: String, fuel: String },
    /// A fuel bought by spend: no quantity.
    SpendOnly { entry: String },
    /// The quantity and the cited factor do not convert (units of other dimensions).
    Unconvertible { entry: String, detail: String },
}

impl EnergyGap {
    pub fn entry(&self) -> &str {
        match self {
            EnergyGap::NoCalorificValue { entry, .. }
            | EnergyGap::SpendOnly { entry }
            | EnergyGap::Unconvertible { entry, .. } => entry,
        }
    }
}

/// Renewable and non-renewable MWh.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct EnergySplit {
    pub renewable: Decimal,
    pub non_renewable: Decimal,
}

impl EnergySplit {
    pub fn total(&self) -> Decimal {
        self.renewable + self.non_renewable
    }
}

/// The energy the inventory's activity data adds up to, in MWh.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EnergyFigures {
    pub electricity: EnergySplit,
    pub fuels: EnergySplit,
    /// Fuel energy by family (ESRS E1-5 breakdown).
    pub fuels_by_family: BTreeMap<FuelFamily, Decimal>,
    pub heat: EnergySplit,
    pub lines: Vec<EnergyLine>,
    pub gaps: Vec<EnergyGap>,
    /// Some purchased electricity has no certificate or PPA: it counts as non-renewable
    /// because the grid's mix is not known to the inventory.
    pub grid_mix_unknown: bool,
}

impl EnergyFigures {
    pub fn total(&self) -> Decimal {
        self.electricity.total() + self.fuels.total() + self.heat.total()
    }

    pub fn renewable(&self) -> Decimal {
        self.electricity.renewable + self.fuels.renewable + self.heat.renewable
    }

    /// Line ids that make up a carrier's figure.
    pub fn line_ids(&self, pick: impl Fn(&Carrier) -> bool) -> Vec<String> {
        self.lines
            .iter()
            .filter(|l| pick(&l.carrier))
            .map(|l| l.result_id.clone())
            .collect()
    }
}

/// The energy of every fuel, electricity and heat line of `inv`, in MWh.
pub fn energy_from_inventory(inv: &Inventory) -> EnergyFigures {
    let mut out = EnergyFigures {
        electricity: EnergySplit::default(),
        fuels: EnergySplit::default(),
        fuels_by_family: BTreeMap::new(),
        heat: EnergySplit::default(),
        lines: Vec::new(),
        gaps: Vec::new(),
        grid_mix_unknown: false,
    };
    for node in inv.nodes.values() {
        let Level::Line { .. } = node.level else {
            continue;
        };
        // Electricity has a location and a market line; count it once.
        if node.id.ends_with("/market") {
            continue;
        }
        let Some(entry) = node.entries.first().and_then(|e| inv.entries.get(e)) else {
            continue;
        };
        let share = apportioned_share(node);
        let carrier = match &entry.activity {
            ActivityKind::Electricity { .. } => Carrier::Electricity,
            ActivityKind::Heat { .. } => Carrier::Heat,
            ActivityKind::Fuel { fuel, .. } => Carrier::Fuel {
                family: FuelFamily::of(fuel),
            },
            _ => continue,
        };
        let quantity = match &entry.amount {
            Amount::Quantity(q) => *q,
            Amount::Spend(_) => {
                push_gap(
                    &mut out,
                    EnergyGap::SpendOnly {
                        entry: entry.id.clone(),
                    },
                );
                continue;
            }
        };
        let (energy, factors) = match &entry.activity {
            ActivityKind::Fuel {
                fuel,
                normalisation,
                ..
            } => {
                let q = match (quantity.unit, normalisation) {
                    (Unit::CubicMetre, Some(n)) => quantity.normalise(n).unwrap_or(quantity),
                    _ => quantity,
                };
                match fuel_energy(inv, node, &q) {
                    Ok(x) => x,
                    Err(gap) => {
                        push_gap(
                            &mut out,
                            gap.unwrap_or(EnergyGap::NoCalorificValue {
                                entry: entry.id.clone(),
                                fuel: fuel.clone(),
                            }),
                        );
                        continue;
                    }
                }
            }
            _ => match quantity.to(Unit::MegawattHour) {
                Ok(q) => (q.value, Vec::new()),
                Err(e) => {
                    push_gap(
                        &mut out,
                        EnergyGap::Unconvertible {
                            entry: entry.id.clone(),
                            detail: e.to_string(),
                        },
                    );
                    continue;
                }
            },
        };
        let mwh = energy * share;
        let renewable = match (&entry.activity, carrier) {
            (_, Carrier::Fuel { family }) => {
                if family == FuelFamily::Renewable {
                    mwh
                } else {
                    Decimal::ZERO
                }
            }
            (ActivityKind::Electricity { instruments }, _) => {
                let covered = renewable_cover(&quantity_of(entry), instruments);
                if covered < energy {
                    out.grid_mix_unknown = true;
                }
                covered.min(energy) * share
            }
            _ => Decimal::ZERO,
        };
        let split = match carrier {
            Carrier::Electricity => &mut out.electricity,
            Carrier::Fuel { family } => {
                *out.fuels_by_family.entry(family).or_default() += mwh;
                &mut out.fuels
            }
            Carrier::Heat => &mut out.heat,
        };
        split.renewable += renewable;
        split.non_renewable += mwh - renewable;
        out.lines.push(EnergyLine {
            result_id: node.id.to_string(),
            entry: entry.id.clone(),
            carrier,
            mwh,
            renewable_mwh: renewable,
            factors,
        });
    }
    out
}

fn push_gap(out: &mut EnergyFigures, gap: EnergyGap) {
    if !out.gaps.contains(&gap) {
        out.gaps.push(gap);
    }
}

fn quantity_of(entry: &athar_inventory::ActivityEntry) -> Option<Quantity> {
    match &entry.amount {
        Amount::Quantity(q) => q.to(Unit::MegawattHour).ok(),
        Amount::Spend(_) => None,
    }
}

/// MWh of an electricity entry covered by certificates and PPAs, in claim order.
fn renewable_cover(
    total: &Option<Quantity>,
    instruments: &[athar_inventory::Instrument],
) -> Decimal {
    let Some(total) = total else {
        return Decimal::ZERO;
    };
    let mut remaining = total.value;
    let mut renewable = Decimal::ZERO;
    for i in instruments {
        if remaining <= Decimal::ZERO {
            break;
        }
        let covers = match &i.covers {
            Some(q) => match q.to(Unit::MegawattHour) {
                Ok(q) => q.value.min(remaining),
                Err(_) => continue,
            },
            None => remaining,
        };
        if matches!(
            i.kind,
            InstrumentKind::Certificate { .. } | InstrumentKind::Ppa
        ) {
            renewable += covers;
        }
        remaining -= covers;
    }
    renewable
}

/// The share of its entry a line counts (apportioned lines count their days).
fn apportioned_share(node: &ResultNode) -> Decimal {
    node.flags
        .iter()
        .find_map(|f| match f {
            Flag::Apportioned { days, of_days } if *of_days > 0 => {
                Some(Decimal::from(*days) / Decimal::from(*of_days))
            }
            _ => None,
        })
        .unwrap_or(Decimal::ONE)
}

/// The energy of a fuel quantity through the line's own NCV (and density) rows.
fn fuel_energy(
    inv: &Inventory,
    node: &ResultNode,
    q: &Quantity,
) -> Result<(Decimal, Vec<String>), Option<EnergyGap>> {
    if q.dimension() == Dimension::Energy {
        return q
            .to(Unit::MegawattHour)
            .map(|m| (m.value, Vec::new()))
            .map_err(|_| None);
    }
    let entry = node.entries.first().cloned().unwrap_or_default();
    let unconvertible = |detail: String| {
        Some(EnergyGap::Unconvertible {
            entry: entry.clone(),
            detail,
        })
    };
    let rate_of = |parameter: &str| -> Option<(Rate, String)> {
        node.factors.iter().find_map(|k| {
            let f = inv.factors.get(&**k)?;
            (f.parameter == parameter)
                .then(|| {
                    Some((
                        Rate::new(f.value, f.unit.parse::<RatioUnit>().ok()?),
                        k.to_string(),
                    ))
                })
                .flatten()
        })
    };
    let Some((ncv, ncv_key)) = rate_of("ncv") else {
        return Err(None);
    };
    let mut used = vec![ncv_key];
    let mut input = *q;
    if ncv.unit.denominator.unit.dimension() != q.dimension() {
        let Some((density, key)) = rate_of("density") else {
            return Err(None);
        };
        input = density.apply(q).map_err(|e| unconvertible(e.to_string()))?;
        used.push(key);
    }
    let energy = ncv
        .apply(&input)
        .and_then(|e| e.to(Unit::MegawattHour))
        .map_err(|e| unconvertible(e.to_string()))?;
    used.sort();
    Ok((energy.value, used))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fuel_families_follow_ipcc_names() {
        assert_eq!(FuelFamily::of("natural-gas"), FuelFamily::NaturalGas);
        assert_eq!(FuelFamily::of("gas-diesel-oil"), FuelFamily::Oil);
        assert_eq!(FuelFamily::of("lignite"), FuelFamily::Coal);
        assert_eq!(FuelFamily::of("wood-wood-waste"), FuelFamily::Renewable);
        assert_eq!(FuelFamily::of("waste-tyres"), FuelFamily::OtherFossil);
    }
}
