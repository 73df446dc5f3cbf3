//! Installation-level emissions from the sources of sheet B: calculation-based source streams,
//! PFC emissions and measurement-based sources, as the template computes them (IR 2025/2547
//! Annex II, Equations 5–6, 11–12, 16, 18, 20–26).
//!
//! Why this module exists: these figures make the installation's GHG balance (sheet C), and a
//! process's DirEm* may be attributed from them; each becomes a result node whose formula
//! shows AD, NCV, EF and the factors, so an SEE can be explained down to the source stream.

use rust_decimal::Decimal;

use crate::arith::{div, mul, num, pct, product};
use crate::error::CalcError;
use crate::model::{
    EfUnit, MeasuredGas, MeasuredSource, MonitoringMethod, PfcEmission, PfcMethod, SourceStream,
};
use crate::result::{Formula, NodeKind, ResultNode};

/// f: t CO2 per t C (IR 2025/2547 Annex II, Equation 12; the template's 3.664).
pub const CO2_PER_C: Decimal = Decimal::from_parts(3664, 0, 0, false, 3);
/// GWP-100 of N2O, CF4 and C2F6 in the CBAM methodology (IR 2025/2547 Annex II Table 6, AR5).
pub const GWP_N2O: Decimal = Decimal::from_parts(265, 0, 0, false, 0);
pub const GWP_CF4: Decimal = Decimal::from_parts(6630, 0, 0, false, 0);
pub const GWP_C2F6: Decimal = Decimal::from_parts(11100, 0, 0, false, 0);

/// Which balance line a source adds to (the template's `SUM_CO2`, `SUM_N2O`, `SUM_PFC`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Gas {
    Co2,
    N2o,
    Pfc,
}

/// One source's contribution.
#[derive(Debug, Clone)]
pub(crate) struct SourceEmission {
    pub gas: Gas,
    /// Fossil emissions, t CO2e (what counts).
    pub fossil: Decimal,
    /// Biomass emissions, t CO2e (reported, not counted).
    pub bio: Decimal,
    pub energy_fossil_tj: Decimal,
    pub energy_bio_tj: Decimal,
    pub node: ResultNode,
}

fn node(
    id: String,
    kind: NodeKind,
    subject: &str,
    value: Decimal,
    formula: Formula,
    inputs: Vec<String>,
) -> ResultNode {
    ResultNode {
        id,
        kind,
        subject: subject.to_string(),
        value,
        unit: "tCO2e".into(),
        formula,
        inputs,
        factors: Vec::new(),
        evidence: Vec::new(),
        children: Vec::new(),
        flags: Vec::new(),
    }
}

/// Emissions of source stream `i` (validated: the fields its method needs are present).
pub(crate) fn source_stream(i: usize, s: &SourceStream) -> Result<SourceEmission, CalcError> {
    let id = format!("source/{}", s.id);
    let at = id.as_str();
    let ad = s.activity_data.unwrap_or_default();
    let bio = pct(s.biomass_pct, Decimal::ZERO);
    let fossil_share = Decimal::ONE - bio;
    let ncv = s.ncv.unwrap_or_default();
    let ncv_tj = div(ncv, Decimal::ONE_THOUSAND, at)?;
    let f = |n: &str| format!("source_streams.{i}.{n}");
    let mut inputs = vec![f("activity_data")];
    let (base, symbolic, substituted) = match s.method {
        MonitoringMethod::Combustion | MonitoringMethod::ProcessEmissions => {
            let ef = s.ef.unwrap_or_default();
            let (factor_name, factor) = if s.method == MonitoringMethod::Combustion {
                inputs.push(f("oxidation_factor_pct"));
                ("OxF", pct(s.oxidation_factor_pct, Decimal::ONE))
            } else {
                inputs.push(f("conversion_factor_pct"));
                ("ConvF", pct(s.conversion_factor_pct, Decimal::ONE))
            };
            inputs.push(f("ef"));
            if s.ef_unit == Some(EfUnit::TCo2PerTj) {
                inputs.push(f("ncv"));
                (
                    product(&[ad, ncv_tj, ef, factor], at)?,
                    format!("AD × NCV / 1000 × EF × {factor_name} × (1 − BioC)"),
                    format!(
                        "{} × {} / 1000 × {} × {} × (1 − {})",
                        num(ad),
                        num(ncv),
                        num(ef),
                        num(factor),
                        num(bio)
                    ),
                )
            } else {
                (
                    product(&[ad, ef, factor], at)?,
                    format!("AD × EF × {factor_name} × (1 − BioC)"),
                    format!(
                        "{} × {} × {} × (1 − {})",
                        num(ad),
                        num(ef),
                        num(factor),
                        num(bio)
                    ),
                )
            }
        }
        MonitoringMethod::MassBalance => {
            let cc = s.carbon_content.unwrap_or_default();
            inputs.push(f("carbon_content"));
            (
                product(&[ad, cc, CO2_PER_C], at)?,
                "AD × C × 3.664 × (1 − BioC)".to_string(),
                format!("{} × {} × 3.664 × (1 − {})", num(ad), num(cc), num(bio)),
            )
        }
    };
    inputs.push(f("biomass_pct"));
    let fossil = mul(base, fossil_share, at)?;
    let bio_em = mul(base, bio, at)?;
    let energy = mul(ad, ncv_tj, at)?;
    let mut n = node(
        id.clone(),
        NodeKind::SourceStream,
        &s.id,
        fossil,
        Formula {
            symbolic,
            substituted,
        },
        inputs,
    );
    n.factors = s.factors.clone();
    n.evidence = s.evidence.clone();
    Ok(SourceEmission {
        gas: Gas::Co2,
        fossil,
        bio: bio_em,
        energy_fossil_tj: mul(energy, fossil_share, at)?,
        energy_bio_tj: mul(energy, bio, at)?,
        node: n,
    })
}

/// PFC emissions of entry `i`, t CO2e (Equations 20–26).
pub(crate) fn pfc(i: usize, p: &PfcEmission) -> Result<SourceEmission, CalcError> {
    let id = format!("pfc/{}", p.id);
    let at = id.as_str();
    let f = |n: &str| format!("pfc_emissions.{i}.{n}");
    let al = p.aluminium_t.unwrap_or_default();
    let (cf4, cf4_sym, cf4_sub, mut inputs) = match p.method {
        PfcMethod::Slope => {
            let (fr, du, sef) = (
                p.anode_effect_frequency.unwrap_or_default(),
                p.anode_effect_duration.unwrap_or_default(),
                p.sef_cf4.unwrap_or_default(),
            );
            (
                div(product(&[al, fr, du, sef], at)?, Decimal::ONE_THOUSAND, at)?,
                "Pr_Al × frequency × duration × SEF_CF4 / 1000",
                format!(
                    "{} × {} × {} × {} / 1000",
                    num(al),
                    num(fr),
                    num(du),
                    num(sef)
                ),
                vec![
                    f("anode_effect_frequency"),
                    f("anode_effect_duration"),
                    f("sef_cf4"),
                ],
            )
        }
        PfcMethod::Overvoltage => {
            let (aeo, ce, ovc) = (
                p.aeo.unwrap_or_default(),
                p.current_efficiency.unwrap_or_default(),
                p.ovc.unwrap_or_default(),
            );
            (
                div(
                    product(&[al, div(aeo, ce, at)?, ovc], at)?,
                    Decimal::ONE_THOUSAND,
                    at,
                )?,
                "Pr_Al × (AEO / CE) × OVC / 1000",
                format!(
                    "{} × ({} / {}) × {} / 1000",
                    num(al),
                    num(aeo),
                    num(ce),
                    num(ovc)
                ),
                vec![f("aeo"), f("current_efficiency"), f("ovc")],
            )
        }
    };
    inputs.insert(0, f("aluminium_t"));
    inputs.push(f("f_c2f6"));
    inputs.push(f("collection_efficiency"));
    let fc2f6 = p.f_c2f6.unwrap_or_default();
    let collection = p.collection_efficiency.unwrap_or(Decimal::ONE);
    let c2f6 = mul(cf4, fc2f6, at)?;
    let co2e = div(
        mul(cf4, GWP_CF4, at)?
            .checked_add(mul(c2f6, GWP_C2F6, at)?)
            .ok_or_else(|| crate::error::overflow(at))?,
        collection,
        at,
    )?;
    let formula = Formula {
        symbolic: format!("(CF4 × 6630 + CF4 × F_C2F6 × 11100) / CE_coll; CF4 = {cf4_sym}"),
        substituted: format!(
            "({c} × 6630 + {c} × {} × 11100) / {}; CF4 = {cf4_sub}",
            num(fc2f6),
            num(collection),
            c = num(cf4)
        ),
    };
    let mut n = node(id, NodeKind::Pfc, &p.id, co2e, formula, inputs);
    n.evidence = p.evidence.clone();
    Ok(SourceEmission {
        gas: Gas::Pfc,
        fossil: co2e,
        bio: Decimal::ZERO,
        energy_fossil_tj: Decimal::ZERO,
        energy_bio_tj: Decimal::ZERO,
        node: n,
    })
}

/// Emissions of measured source `i`, t CO2e (Equations 16, 18).
pub(crate) fn measured(i: usize, m: &MeasuredSource) -> Result<SourceEmission, CalcError> {
    let id = format!("measured/{}", m.id);
    let at = id.as_str();
    let f = |n: &str| format!("measured_sources.{i}.{n}");
    let (c, h, q) = (
        m.concentration_g_per_nm3.unwrap_or_default(),
        m.hours.unwrap_or_default(),
        m.flue_gas_flow.unwrap_or_default(),
    );
    let bio = pct(m.biomass_pct, Decimal::ZERO);
    let (gas, gwp) = match m.gas {
        MeasuredGas::Co2 => (Gas::Co2, Decimal::ONE),
        MeasuredGas::N2o => (Gas::N2o, GWP_N2O),
    };
    let tonnes = div(product(&[c, h, q], at)?, Decimal::ONE_THOUSAND, at)?;
    let fossil = product(&[tonnes, Decimal::ONE - bio, gwp], at)?;
    let bio_em = product(&[tonnes, bio, gwp], at)?;
    let formula = Formula {
        symbolic: "conc × hours × flow / 1000 × (1 − bio) × GWP".into(),
        substituted: format!(
            "{} × {} × {} / 1000 × (1 − {}) × {}",
            num(c),
            num(h),
            num(q),
            num(bio),
            num(gwp)
        ),
    };
    let mut n = node(
        id,
        NodeKind::MeasuredSource,
        &m.id,
        fossil,
        formula,
        vec![
            f("concentration_g_per_nm3"),
            f("hours"),
            f("flue_gas_flow"),
            f("biomass_pct"),
        ],
    );
    n.evidence = m.evidence.clone();
    Ok(SourceEmission {
        gas,
        fossil,
        bio: bio_em,
        energy_fossil_tj: m.energy_fossil_tj.unwrap_or_default(),
        energy_bio_tj: m.energy_bio_tj.unwrap_or_default(),
        node: n,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::ActivityUnit;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    fn stream(method: MonitoringMethod) -> SourceStream {
        SourceStream {
            id: "S1".into(),
            method,
            name: "x".into(),
            activity_data: Some(d("25000")),
            activity_unit: ActivityUnit::Tonne,
            ncv: Some(d("20")),
            ef: Some(d("83")),
            ef_unit: Some(EfUnit::TCo2PerTj),
            carbon_content: None,
            oxidation_factor_pct: None,
            conversion_factor_pct: None,
            biomass_pct: Some(d("15")),
            factors: vec![],
            evidence: vec![],
        }
    }

    #[test]
    fn combustion_with_biomass_splits_fossil_and_bio() {
        // The cement example's household waste: 25 000 t × 20 GJ/t × 83 t/TJ, 15 % biomass.
        let e = source_stream(0, &stream(MonitoringMethod::Combustion)).unwrap();
        assert_eq!(e.fossil, d("35275"));
        assert_eq!(e.bio, d("6225"));
        assert_eq!(e.energy_fossil_tj, d("425"));
        assert_eq!(e.energy_bio_tj, d("75"));
        assert_eq!(
            e.node.formula.substituted,
            "25000 × 20 / 1000 × 83 × 1 × (1 − 0.15)"
        );
    }

    #[test]
    fn mass_balance_uses_carbon_content() {
        let mut s = stream(MonitoringMethod::MassBalance);
        s.activity_data = Some(d("-1000"));
        s.carbon_content = Some(d("0.5"));
        s.biomass_pct = None;
        let e = source_stream(0, &s).unwrap();
        assert_eq!(e.fossil, d("-1832"));
    }

    #[test]
    fn pfc_slope_and_overvoltage() {
        let p = PfcEmission {
            id: "F1".into(),
            method: PfcMethod::Slope,
            technology: String::new(),
            aluminium_t: Some(d("100000")),
            anode_effect_frequency: Some(d("0.5")),
            anode_effect_duration: Some(d("2")),
            sef_cf4: Some(d("0.1")),
            aeo: Some(d("10")),
            current_efficiency: Some(d("0.5")),
            ovc: Some(d("0.01")),
            f_c2f6: Some(d("0.1")),
            collection_efficiency: Some(d("0.5")),
            evidence: vec![],
        };
        // CF4 = 100000 × 0.5 × 2 × 0.1 / 1000 = 10 t; (10 × 6630 + 1 × 11100) / 0.5
        assert_eq!(pfc(0, &p).unwrap().fossil, d("154800"));
        let o = PfcEmission {
            method: PfcMethod::Overvoltage,
            ..p
        };
        // CF4 = 100000 × (10 / 0.5) × 0.01 / 1000 = 20 t
        assert_eq!(pfc(0, &o).unwrap().fossil, d("309600"));
    }

    #[test]
    fn measured_n2o_uses_its_gwp() {
        let m = MeasuredSource {
            id: "M1".into(),
            name: "stack".into(),
            gas: MeasuredGas::N2o,
            biomass_pct: None,
            concentration_g_per_nm3: Some(d("2")),
            hours: Some(d("1000")),
            flue_gas_flow: Some(d("50")),
            energy_fossil_tj: None,
            energy_bio_tj: None,
            evidence: vec![],
        };
        // 2 × 1000 × 50 / 1000 = 100 t N2O × 265
        let e = measured(0, &m).unwrap();
        assert_eq!(e.fossil, d("26500"));
        assert_eq!(e.gas, Gas::N2o);
    }
}
