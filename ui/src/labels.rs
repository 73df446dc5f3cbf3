//! Names for the engine's codes in the reader's language: entry kinds, sources, scopes,
//! flags, fuels, data quality. Codes the locales do not name (a company's own material, a
//! refrigerant blend) are shown as they are.

use athar_inventory::{
    ActivityKind, Amount, Category, DataQuality, Flag, Level, Origin, ResultNode, Source,
};
use athar_protocol::activity::ScopeFilter;
use athar_protocol::Lang;
use rust_decimal::Decimal;

use crate::format;
use crate::i18n::{t, tf, use_i18n};

/// The entry kinds the form offers, as (code, Fluent key).
pub const KINDS: &[(&str, &str)] = &[
    ("fuel-stationary", "kind-fuel-stationary"),
    ("fuel-mobile", "kind-fuel-mobile"),
    ("process", "kind-process"),
    ("refrigerant", "kind-refrigerant"),
    ("electricity", "kind-electricity"),
    ("heat", "kind-heat"),
    ("purchased_goods", "kind-purchased-goods"),
    ("upstream_transport", "kind-upstream-transport"),
    ("waste", "kind-waste"),
    ("business_travel", "kind-business-travel"),
];

/// The form's kind code of an entry.
pub fn kind_code(k: &ActivityKind) -> &'static str {
    match k {
        ActivityKind::Fuel { combustion, .. } => match combustion {
            athar_inventory::Combustion::Stationary => "fuel-stationary",
            athar_inventory::Combustion::Mobile => "fuel-mobile",
        },
        ActivityKind::Process { .. } => "process",
        ActivityKind::Refrigerant { .. } => "refrigerant",
        ActivityKind::Electricity { .. } => "electricity",
        ActivityKind::Heat { .. } => "heat",
        ActivityKind::PurchasedGoods { .. } => "purchased_goods",
        ActivityKind::UpstreamTransport { .. } => "upstream_transport",
        ActivityKind::Waste { .. } => "waste",
        ActivityKind::BusinessTravel { .. } => "business_travel",
    }
}

pub fn kind_label(code: &str) -> String {
    KINDS
        .iter()
        .find(|(c, _)| *c == code)
        .map(|(_, k)| t(k))
        .unwrap_or_else(|| code.to_string())
}

/// The item of an entry (fuel, gas, material, mode...), named when the locales know it.
pub fn item_of(k: &ActivityKind) -> String {
    match k {
        ActivityKind::Fuel { fuel, .. } => fuel_label(fuel),
        ActivityKind::Process { activity } => process_label(activity),
        ActivityKind::Refrigerant { gas } => gas.clone(),
        ActivityKind::Electricity { instruments } if instruments.is_empty() => String::new(),
        ActivityKind::Electricity { instruments } => tf(
            "activity-instruments",
            &[("count", instruments.len().to_string())],
        ),
        ActivityKind::Heat { medium } => named("heat", medium),
        ActivityKind::PurchasedGoods { material } => material.clone(),
        ActivityKind::UpstreamTransport { mode } => named("transport", mode),
        ActivityKind::Waste {
            waste_type,
            treatment,
        } => format!("{waste_type} · {}", named("waste-treatment", treatment)),
        ActivityKind::BusinessTravel { mode } => named("travel", mode),
    }
}

/// `prefix-name` from the locales when defined, else the name itself.
fn named(prefix: &str, name: &str) -> String {
    let key = format!("{prefix}-{name}");
    if use_i18n().has(&key) {
        t(&key)
    } else {
        name.to_string()
    }
}

pub fn fuel_label(fuel: &str) -> String {
    named("fuel", fuel)
}

/// `carbonate:CaCO3` → "Carbonate: CaCO3" in the reader's language.
pub fn process_label(activity: &str) -> String {
    match activity.split_once(':') {
        Some((kind, name)) => tf(&format!("process-{kind}"), &[("name", name.to_string())]),
        None => activity.to_string(),
    }
}

pub fn scope_label(s: ScopeFilter) -> String {
    t(match s {
        ScopeFilter::Scope1 => "scope-1",
        ScopeFilter::Scope2 => "scope-2",
        ScopeFilter::Scope3 => "scope-3",
    })
}

pub fn scope3_category(n: u8) -> String {
    t(&format!("scope3-cat-{n}"))
}

pub fn source_key(s: Source) -> &'static str {
    match s {
        Source::StationaryCombustion => "source-stationary-combustion",
        Source::MobileCombustion => "source-mobile-combustion",
        Source::Process => "source-process",
        Source::Fugitive => "source-fugitive",
        Source::Electricity => "source-electricity",
        Source::Heat => "source-heat",
        Source::PurchasedGoods => "source-purchased-goods",
        Source::UpstreamTransport => "source-upstream-transport",
        Source::Waste => "source-waste",
        Source::BusinessTravel => "source-business-travel",
    }
}

pub fn category_label(c: Category) -> String {
    match c {
        Category::Scope1 => t("scope-1"),
        Category::Scope2Location => t("scope-2-location"),
        Category::Scope2Market => t("scope-2-market"),
        Category::Scope3Cat(n) => scope3_category(n),
        Category::Scope3 => t("scope-3"),
        Category::TotalLocation => t("total-location"),
        Category::TotalMarket => t("total-market"),
        Category::IntensityLocation => t("intensity-location"),
        Category::IntensityMarket => t("intensity-market"),
    }
}

/// What a result node is, in words: "Scope 1 · Site A · 2026", "Line E-17 (market-based)".
pub fn node_title(n: &ResultNode) -> String {
    let mut parts = Vec::new();
    match &n.level {
        Level::Line { source } => {
            let entry = n.entries.first().cloned().unwrap_or_default();
            parts.push(tf("explain-line", &[("entry", entry)]));
            parts.push(t(source_key(*source)));
            if n.id.ends_with("/market") {
                parts.push(t("scope-2-market"));
            } else if n.id.ends_with("/location") {
                parts.push(t("scope-2-location"));
            }
        }
        Level::Sum { category } | Level::Intensity { category } => {
            parts.push(category_label(*category));
            parts.push(match &n.site {
                Some(s) => s.to_string(),
                None => t("all-sites"),
            });
        }
    }
    parts.join(" · ")
}

pub fn quality_key(q: DataQuality) -> &'static str {
    match q {
        DataQuality::Measured => "quality-measured",
        DataQuality::Calculated => "quality-calculated",
        DataQuality::Estimated => "quality-estimated",
    }
}

pub fn origin_label(o: &Origin, source: &str) -> String {
    match o {
        Origin::Manual => t("origin-manual"),
        Origin::Import { file, row } => match row {
            Some(r) => tf(
                "origin-import-row",
                &[("file", file.clone()), ("row", r.to_string())],
            ),
            None => tf("origin-import", &[("file", file.clone())]),
        },
        Origin::Document => {
            if source.is_empty() {
                t("origin-document")
            } else {
                tf("origin-import", &[("file", source.to_string())])
            }
        }
    }
}

/// A flag as a sentence.
pub fn flag_text(f: &Flag) -> String {
    match f {
        Flag::DefaultFactor { factor } => {
            tf("flag-default-factor", &[("factor", factor.to_string())])
        }
        Flag::MarketGridAverageFallback { energy, factor } => tf(
            "flag-market-grid-fallback",
            &[
                ("energy", energy.to_string()),
                ("factor", factor.to_string()),
            ],
        ),
        Flag::ResidualMix { factor } => tf("flag-residual-mix", &[("factor", factor.to_string())]),
        Flag::RegionFallback {
            factor,
            requested,
            used,
        } => tf(
            "flag-region-fallback",
            &[
                ("factor", factor.to_string()),
                ("requested", requested.to_string()),
                ("used", used.to_string()),
            ],
        ),
        Flag::FactorOutsideValidity { factor, .. } => {
            tf("flag-outside-validity", &[("factor", factor.to_string())])
        }
        Flag::GwpBasisMismatch {
            factor,
            factor_basis,
        } => tf(
            "flag-gwp-mismatch",
            &[
                ("factor", factor.to_string()),
                ("basis", factor_basis.to_string()),
            ],
        ),
        Flag::Co2Only { factor } => tf("flag-co2-only", &[("factor", factor.to_string())]),
        Flag::Apportioned { days, of_days } => tf(
            "flag-apportioned",
            &[("days", days.to_string()), ("of", of_days.to_string())],
        ),
    }
}

/// The flag kinds counted on the dashboard, with their Fluent keys.
pub fn flag_kind_key(kind: &str) -> String {
    format!("flagkind-{}", kind.replace('_', "-"))
}

/// An amount as the reader writes it: "1,200.5 kWh" or "EGP 3,000".
pub fn amount(lang: Lang, a: &Amount) -> String {
    match a {
        Amount::Quantity(q) => format!("{} {}", format::number(lang, &q.value.to_string()), q.unit),
        Amount::Spend(m) => format::money(lang, &m.amount.to_string(), &m.currency),
    }
}

/// Emissions for display: tonnes with three decimals (full precision stays in the data).
pub fn tonnes(lang: Lang, v: Decimal) -> String {
    format::number(lang, &athar_inventory::display(v, 3).to_string())
}

/// A result id in words: `scope1/Plant A/2026-03` → "Scope 1 · Plant A · March 2026",
/// `line/E-7@2026-01/market` → "Entry E-7 · January 2026 · Scope 2 (market-based)".
pub fn result_label(lang: Lang, id: &str) -> String {
    let period = |p: &str| -> String {
        match (p.get(..4), p.get(5..7).and_then(|m| m.parse::<u8>().ok())) {
            (Some(y), Some(m)) if p.len() == 7 => {
                format!("{} {}", t(&format!("month-{m}")), format::plain(lang, y))
            }
            _ if p.len() == 4 => format::plain(lang, p),
            _ => p.to_string(),
        }
    };
    let mut parts: Vec<&str> = id.split('/').collect();
    if parts.first() == Some(&"line") {
        let mut out = Vec::new();
        let entry = parts.get(1).copied().unwrap_or_default();
        match entry.split_once('@') {
            Some((e, p)) => {
                out.push(tf("explain-line", &[("entry", e.to_string())]));
                out.push(period(p));
            }
            None => out.push(tf("explain-line", &[("entry", entry.to_string())])),
        }
        match parts.get(2).copied() {
            Some("location") => out.push(t("scope-2-location")),
            Some("market") => out.push(t("scope-2-market")),
            _ => {}
        }
        return out.join(" · ");
    }
    if parts.len() < 3 {
        return id.to_string();
    }
    let p = parts.pop().unwrap_or_default();
    let cat = parts.remove(0);
    let site = parts.join("/");
    let category = match cat {
        "scope1" => t("scope-1"),
        "scope2-location" => t("scope-2-location"),
        "scope2-market" => t("scope-2-market"),
        "scope3" => t("scope-3"),
        "total-location" => t("total-location"),
        "total-market" => t("total-market"),
        "intensity-location" => t("intensity-location"),
        "intensity-market" => t("intensity-market"),
        c => match c.strip_prefix("scope3-cat").and_then(|n| n.parse().ok()) {
            Some(n) => scope3_category(n),
            None => c.to_string(),
        },
    };
    let site = if site == "all" { t("all-sites") } else { site };
    format!("{category} · {site} · {}", period(p))
}
