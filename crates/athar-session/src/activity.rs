//! Activity data, imports, the inventory and its explanations, as both front ends see them.
//!
//! Why this module exists: the activity table, the import wizard, the dashboard and the
//! "explain" drill-down of the desktop app, and `athar activity import` / `inventory` /
//! `explain` of the CLI, must compute exactly the same thing. Everything here loads from the
//! open company file, calls the pure engines (`athar-import`, `athar-inventory`) and turns
//! their typed errors into Fluent keys. The last computed inventory is kept, so drilling down
//! through a hundred thousand result nodes costs no recomputation; any change to the data
//! drops it.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use athar_inventory::{
    compute, ActivityEntry, ActivityKind, Amount, Category, EntryError, EntryErrorKind, FactorSet,
    Flag, Granularity, Gwp, Inventory, InventoryError, InventoryInput, Level, Money, Period,
    ResultNode, Source,
};
use athar_protocol::activity::{
    ActivityCatalog, ActivityFilter, ActivityPage, ActivityRow, ChildSummary, CompanyFactors,
    EntryProblem, ExplainArgs, ExplainView, Figure, ImportArgs, ImportPreview, ImportReport,
    InventoryArgs, InventoryView, MonthTotals, RowProblem, SaveEntryArgs, SaveFactorArgs,
    SaveSpendFactorArgs, ScopeFilter, ScopeTotals, SiteTotals, SourceTotal, MAX_CHILDREN,
    MAX_PROBLEMS,
};
use athar_protocol::UiError;
use athar_store::{CompanyFile, EntryQuery, ImportRow};
use rust_decimal::Decimal;

use crate::{store_error, Session};

/// Rows of a file shown in the import preview.
const SAMPLE_ROWS: usize = 20;

/// The most rows one page of the activity table holds.
const MAX_PAGE: u32 = 500;

/// The inventory last computed, with what it was computed for.
pub(crate) struct CachedInventory {
    year: i32,
    monthly: bool,
    inventory: Inventory,
}

/// The scope (and Scope 3 category) of an entry kind.
pub fn scope_of(kind: &ActivityKind) -> (ScopeFilter, Option<u8>) {
    match kind {
        ActivityKind::Fuel { .. }
        | ActivityKind::Process { .. }
        | ActivityKind::Refrigerant { .. } => (ScopeFilter::Scope1, None),
        ActivityKind::Electricity { .. } | ActivityKind::Heat { .. } => (ScopeFilter::Scope2, None),
        ActivityKind::PurchasedGoods { .. } => (ScopeFilter::Scope3, Some(1)),
        ActivityKind::UpstreamTransport { .. } => (ScopeFilter::Scope3, Some(4)),
        ActivityKind::Waste { .. } => (ScopeFilter::Scope3, Some(5)),
        ActivityKind::BusinessTravel { .. } => (ScopeFilter::Scope3, Some(6)),
    }
}

/// Entry kinds (`activity.type` as stored) of a scope.
fn kinds_of(scope: ScopeFilter) -> &'static [&'static str] {
    match scope {
        ScopeFilter::Scope1 => &["fuel", "process", "refrigerant"],
        ScopeFilter::Scope2 => &["electricity", "heat"],
        ScopeFilter::Scope3 => &[
            "purchased_goods",
            "upstream_transport",
            "waste",
            "business_travel",
        ],
    }
}

/// An engine problem with one entry as a message for the user.
pub fn entry_error(e: &EntryErrorKind) -> UiError {
    use EntryErrorKind as K;
    match e {
        K::DuplicateId => UiError::new("entry-err-duplicate-id"),
        K::InvalidPeriod { from, to } => UiError::new("entry-err-invalid-period")
            .arg("from", from)
            .arg("to", to),
        K::OutsideReportingPeriod { from, to } => UiError::new("entry-err-outside-period")
            .arg("from", from)
            .arg("to", to),
        K::Negative => UiError::new("entry-err-negative"),
        K::UnitNotAccepted {
            activity,
            unit,
            expected,
            ..
        } => UiError::new("entry-err-unit-not-accepted")
            .arg("activity", activity)
            .arg("unit", unit)
            .arg("expected", expected),
        K::SpendNotAccepted { activity } => {
            UiError::new("entry-err-spend-not-accepted").arg("activity", activity)
        }
        K::NoConversion {
            activity,
            unit,
            region,
            hint,
        } => UiError::new("entry-err-no-conversion")
            .arg("activity", activity)
            .arg("unit", unit)
            .arg("region", region)
            .arg("hint", hint),
        K::FactorNotFound {
            activity,
            parameter,
            region,
        } => UiError::new("entry-err-factor-not-found")
            .arg("activity", activity)
            .arg("parameter", parameter)
            .arg("region", region),
        K::AmbiguousFactor { ids } => {
            UiError::new("entry-err-ambiguous-factor").arg("ids", ids.join(", "))
        }
        K::PinnedFactorNotFound { id, version } => UiError::new("entry-err-pinned-not-found")
            .arg("id", id)
            .arg("version", version),
        K::FactorUnit {
            factor,
            unit,
            reason,
        } => UiError::new("entry-err-factor-unit")
            .arg("factor", factor)
            .arg("unit", unit)
            .arg("reason", reason),
        K::CurrencyMismatch {
            entry,
            factor,
            factor_currency,
        } => UiError::new("entry-err-currency")
            .arg("currency", entry)
            .arg("factor", factor)
            .arg("factor_currency", factor_currency),
        K::Instrument { instrument, reason } => UiError::new("entry-err-instrument")
            .arg("instrument", instrument)
            .arg("reason", reason),
        K::InstrumentsExceedConsumption {
            covered,
            consumption,
        } => UiError::new("entry-err-instruments-exceed")
            .arg("covered", covered)
            .arg("consumption", consumption),
        K::Overflow => UiError::new("entry-err-overflow"),
        K::Quantity(q) => UiError::new("entry-err-quantity").arg("detail", q),
    }
}

/// Problems that make an entry wrong in itself (as opposed to a factor not yet entered),
/// with the form field they belong to.
fn blocking_field(e: &EntryErrorKind) -> Option<&'static str> {
    use EntryErrorKind as K;
    match e {
        K::InvalidPeriod { .. } => Some("entry.period_to"),
        K::Negative | K::UnitNotAccepted { .. } | K::SpendNotAccepted { .. } | K::Quantity(_) => {
            Some("entry.amount")
        }
        K::Instrument { .. } | K::InstrumentsExceedConsumption { .. } => Some("entry.instruments"),
        _ => None,
    }
}

/// Why an inventory could not be computed: the entries at fault, or one message.
pub enum InventoryFailure {
    Entries(Vec<EntryProblem>),
    Other(UiError),
}

impl From<InventoryFailure> for UiError {
    fn from(f: InventoryFailure) -> UiError {
        match f {
            InventoryFailure::Entries(problems) => {
                let mut e = UiError::new("error-inventory-entries").arg("count", problems.len());
                if let Some(first) = problems.first() {
                    e = e.arg("first", &first.entry);
                }
                e
            }
            InventoryFailure::Other(e) => e,
        }
    }
}

fn inventory_failure(e: InventoryError) -> InventoryFailure {
    match e {
        InventoryError::Entries(errs) => InventoryFailure::Entries(
            errs.iter()
                .map(|EntryError { entry, kind }| EntryProblem {
                    entry: entry.clone(),
                    error: entry_error(kind),
                })
                .collect(),
        ),
        InventoryError::InvalidRevenue => {
            InventoryFailure::Other(UiError::new("error-inventory-revenue"))
        }
        other => InventoryFailure::Other(UiError::new("error-inventory").arg("detail", other)),
    }
}

/// Computes the inventory of calendar year `year` from the open file's entries, profile and
/// company factors. Entries that only partly fall in the year are apportioned by days.
pub fn calculate(f: &CompanyFile, year: i32, monthly: bool) -> Result<Inventory, InventoryFailure> {
    let other = |e| InventoryFailure::Other(store_error(e));
    let data = f.load().map_err(other)?;
    let period = Period::year(year).ok_or_else(|| {
        InventoryFailure::Other(UiError::new("error-inventory-year").arg("year", year))
    })?;
    let (entries, _) = f
        .query_entries(&EntryQuery {
            from: Some(period.from),
            to: Some(period.to),
            limit: u32::MAX,
            ..EntryQuery::default()
        })
        .map_err(other)?;
    let company = f.company_factors().map_err(other)?;
    let pack = company.pack();
    let factors = FactorSet::embedded(&[&pack], company.spend);
    let input = InventoryInput {
        company_country: data.profile.country.clone(),
        site_countries: BTreeMap::new(),
        reporting_period: period,
        granularity: if monthly {
            Granularity::Month
        } else {
            Granularity::Whole
        },
        gwp: Gwp::Ar5,
        net_revenue: data
            .profile
            .turnover
            .as_ref()
            .map(|m| Money::new(m.amount, m.currency.clone())),
        entries: entries.into_iter().map(|s| s.entry).collect(),
    };
    compute(input, &factors).map_err(inventory_failure)
}

fn figure(inv: &Inventory, id: String) -> Figure {
    match inv.get(&id) {
        Some(n) => Figure {
            value: n.value,
            unit: n.unit.to_string(),
            id,
        },
        None => Figure {
            id,
            value: Decimal::ZERO,
            unit: "tCO2e".into(),
        },
    }
}

fn totals(inv: &Inventory, who: &str, label: &str) -> ScopeTotals {
    let f = |c: Category| figure(inv, format!("{}/{who}/{label}", c.id()));
    ScopeTotals {
        scope1: f(Category::Scope1),
        scope2_location: f(Category::Scope2Location),
        scope2_market: f(Category::Scope2Market),
        scope3: f(Category::Scope3),
        total_location: f(Category::TotalLocation),
        total_market: f(Category::TotalMarket),
    }
}

fn flag_name(f: &Flag) -> &'static str {
    match f {
        Flag::DefaultFactor { .. } => "default_factor",
        Flag::MarketGridAverageFallback { .. } => "market_grid_average_fallback",
        Flag::ResidualMix { .. } => "residual_mix",
        Flag::RegionFallback { .. } => "region_fallback",
        Flag::FactorOutsideValidity { .. } => "factor_outside_validity",
        Flag::GwpBasisMismatch { .. } => "gwp_basis_mismatch",
        Flag::Co2Only { .. } => "co2_only",
        Flag::Apportioned { .. } => "apportioned",
    }
}

/// The dashboard's summary of an inventory.
pub fn inventory_view(inv: &Inventory, year: i32, monthly: bool, entries: u64) -> InventoryView {
    let label = inv.reporting_period.label();
    let mut by_source: BTreeMap<Source, (Decimal, u64)> = BTreeMap::new();
    let mut flags: BTreeMap<String, u64> = BTreeMap::new();
    let mut sites = BTreeSet::new();
    let mut months = BTreeSet::new();
    for node in inv.nodes.values() {
        match &node.level {
            Level::Line { source } => {
                // Electricity has a location and a market line: count the location one.
                if !node.id.ends_with("/market") {
                    let e = by_source.entry(*source).or_default();
                    e.0 += node.value;
                    e.1 += 1;
                }
                for f in &node.flags {
                    *flags.entry(flag_name(f).to_string()).or_default() += 1;
                }
            }
            Level::Sum {
                category: Category::Scope1,
            } => {
                if let Some(site) = &node.site {
                    sites.insert(site.to_string());
                }
                if monthly && node.period != inv.reporting_period {
                    months.insert(node.period.label());
                }
            }
            _ => {}
        }
    }
    let scope3_categories: BTreeMap<u8, Figure> = inv
        .nodes
        .values()
        .filter_map(|n| match n.level {
            Level::Sum {
                category: Category::Scope3Cat(c),
            } if n.site.is_none() && n.period == inv.reporting_period => Some((
                c,
                Figure {
                    id: n.id.to_string(),
                    value: n.value,
                    unit: n.unit.to_string(),
                },
            )),
            _ => None,
        })
        .collect();
    let intensity = |c: Category| {
        let id = format!("{}/all/{label}", c.id());
        inv.get(&id).map(|_| figure(inv, id))
    };
    let all = totals(inv, "all", &label);
    let quality = inv.get(&all.total_location.id).map(|n| n.quality.clone());
    InventoryView {
        year,
        monthly,
        entries,
        intensity_location: intensity(Category::IntensityLocation),
        intensity_market: intensity(Category::IntensityMarket),
        totals: Some(all),
        scope3_categories: scope3_categories.into_iter().collect(),
        by_source: by_source
            .into_iter()
            .map(|(source, (value, lines))| SourceTotal {
                source,
                value: value.normalize(),
                lines,
            })
            .collect(),
        by_site: sites
            .into_iter()
            .map(|site| SiteTotals {
                totals: totals(inv, &site, &label),
                site,
            })
            .collect(),
        by_month: months
            .into_iter()
            .map(|m| MonthTotals {
                totals: totals(inv, "all", &m),
                label: m,
            })
            .collect(),
        quality,
        flags,
        problems: Vec::new(),
    }
}

/// One node of `inv` with its direct inputs and children (largest first, capped).
pub fn explain_view(
    inv: &Inventory,
    id: &str,
    sources: &BTreeMap<String, String>,
) -> Option<ExplainView> {
    let node = inv.get(id)?;
    let mut children: Vec<&ResultNode> = node.children.iter().filter_map(|c| inv.get(c)).collect();
    children.sort_by(|a, b| b.value.cmp(&a.value).then_with(|| a.id.cmp(&b.id)));
    let children_total = children.len() as u64;
    let entries: Vec<ActivityEntry> = node
        .entries
        .iter()
        .filter_map(|e| inv.entries.get(e).cloned())
        .collect();
    Some(ExplainView {
        sources: entries
            .iter()
            .filter_map(|e| sources.get(&e.id).map(|s| (e.id.clone(), s.clone())))
            .collect(),
        entries,
        factors: node
            .factors
            .iter()
            .filter_map(|f| inv.factors.get(&**f).cloned())
            .collect(),
        children: children
            .into_iter()
            .take(MAX_CHILDREN)
            .map(|c| ChildSummary {
                id: c.id.to_string(),
                value: c.value,
                unit: c.unit.to_string(),
                flags: c.flags.clone(),
            })
            .collect(),
        children_total,
        node: ResultNode {
            children: Vec::new(),
            ..node.clone()
        },
    })
}

fn read_error(e: athar_import::ReadError, path: &Path) -> UiError {
    let mut err = UiError::new(e.key()).arg("path", path.display());
    for (k, v) in e.args() {
        err = err.arg(&k, v);
    }
    err
}

fn row_problem(e: &athar_import::RowError) -> RowProblem {
    let mut error = UiError::new(e.key)
        .arg("row", e.row)
        .arg("column", &e.column);
    for (k, v) in &e.args {
        error = error.arg(k, v);
    }
    RowProblem {
        row: e.row,
        column: e.column.clone(),
        error,
    }
}

fn mapping(args: &ImportArgs) -> Result<athar_import::Mapping, UiError> {
    let known: BTreeSet<&str> = athar_import::mapping_fields().collect();
    let chosen: BTreeMap<&String, &String> = args
        .mapping
        .iter()
        .filter(|(field, column)| known.contains(field.as_str()) && !column.trim().is_empty())
        .collect();
    let json = serde_json::to_string(&chosen).expect("a map of strings serialises");
    athar_import::Mapping::from_json(&json).map_err(|e| read_error(e, Path::new(&args.path)))
}

fn mapping_map(m: &athar_import::Mapping) -> BTreeMap<String, String> {
    match serde_json::to_value(m) {
        Ok(serde_json::Value::Object(o)) => o
            .into_iter()
            .filter_map(|(k, v)| v.as_str().map(|s| (k, s.to_string())))
            .collect(),
        _ => BTreeMap::new(),
    }
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// Reads and converts an import file: the table, the rows and the problems.
pub fn read_import(
    args: &ImportArgs,
) -> Result<(athar_import::Table, athar_import::Converted, String), UiError> {
    let path = Path::new(args.path.trim());
    let mapping = mapping(args)?;
    let table = athar_import::read_file(path).map_err(|e| read_error(e, path))?;
    let source = file_name(path);
    let converted = athar_import::convert(&table, &mapping, &source);
    Ok((table, converted, source))
}

fn problems(c: &athar_import::Converted) -> (Vec<RowProblem>, u64) {
    (
        c.errors
            .iter()
            .take(MAX_PROBLEMS)
            .map(row_problem)
            .collect(),
        c.errors.len() as u64,
    )
}

impl Session {
    fn file(&self) -> Result<&CompanyFile, UiError> {
        self.company_file()
            .ok_or_else(|| UiError::new("error-no-company-open"))
    }

    fn file_mut(&mut self) -> Result<&mut CompanyFile, UiError> {
        self.inventory = None;
        self.open
            .as_mut()
            .map(|o| &mut o.file)
            .ok_or_else(|| UiError::new("error-no-company-open"))
    }

    /// A page of the activity table.
    pub fn list_activity(&self, filter: &ActivityFilter) -> Result<ActivityPage, UiError> {
        let f = self.file()?;
        let (from, to) = match (filter.year, filter.month) {
            (Some(y), Some(m)) => {
                let month = time::Month::try_from(m)
                    .map_err(|_| UiError::new("error-inventory-year").arg("year", y))?;
                let from = time::Date::from_calendar_date(y, month, 1)
                    .map_err(|_| UiError::new("error-inventory-year").arg("year", y))?;
                let to =
                    time::Date::from_calendar_date(y, month, time::util::days_in_month(month, y))
                        .map_err(|_| UiError::new("error-inventory-year").arg("year", y))?;
                (Some(from), Some(to))
            }
            (Some(y), None) => {
                let p = Period::year(y)
                    .ok_or_else(|| UiError::new("error-inventory-year").arg("year", y))?;
                (Some(p.from), Some(p.to))
            }
            _ => (None, None),
        };
        let limit = if filter.limit == 0 {
            MAX_PAGE
        } else {
            filter.limit.min(MAX_PAGE)
        };
        let (rows, matching) = f
            .query_entries(&EntryQuery {
                site: filter.site.as_deref(),
                from,
                to,
                kinds: filter.scope.map(kinds_of),
                text: filter.text.as_deref(),
                offset: filter.offset,
                limit,
            })
            .map_err(store_error)?;
        let facets = f.entry_facets().map_err(store_error)?;
        let data = f.load().map_err(store_error)?;
        let sites: BTreeSet<String> = facets
            .sites
            .into_iter()
            .chain(data.sites.iter().map(|s| s.name.clone()))
            .collect();
        Ok(ActivityPage {
            rows: rows
                .into_iter()
                .map(|s| {
                    let (scope, category) = scope_of(&s.entry.activity);
                    ActivityRow {
                        entry: s.entry,
                        source: s.source,
                        scope,
                        category,
                    }
                })
                .collect(),
            matching,
            total: facets.total,
            sites: sites.into_iter().collect(),
            years: facets.years,
        })
    }

    /// Checks an entry the way the engine will see it: its own problems block saving; a
    /// factor that is missing does not (it can be added later, and the dashboard says so).
    fn check_entry(&self, e: &ActivityEntry) -> Result<(), UiError> {
        let mut fields = Vec::new();
        if e.id.trim().is_empty() {
            fields.push(athar_domain::FieldError::new("entry.id", "v-required"));
        }
        if e.site.trim().is_empty() {
            fields.push(athar_domain::FieldError::new("entry.site", "v-required"));
        }
        let item_empty = match &e.activity {
            ActivityKind::Fuel { fuel, .. } => fuel.trim().is_empty(),
            ActivityKind::Process { activity } => activity.trim().is_empty(),
            ActivityKind::Refrigerant { gas } => gas.trim().is_empty(),
            ActivityKind::Electricity { .. } => false,
            ActivityKind::Heat { medium } => medium.trim().is_empty(),
            ActivityKind::PurchasedGoods { material } => material.trim().is_empty(),
            ActivityKind::UpstreamTransport { mode } => mode.trim().is_empty(),
            ActivityKind::Waste {
                waste_type,
                treatment,
            } => waste_type.trim().is_empty() || treatment.trim().is_empty(),
            ActivityKind::BusinessTravel { mode } => mode.trim().is_empty(),
        };
        if item_empty {
            fields.push(athar_domain::FieldError::new("entry.item", "v-required"));
        }
        if e.period.to < e.period.from {
            fields.push(athar_domain::FieldError::new(
                "entry.period_to",
                "v-period-order",
            ));
        }
        let value = match &e.amount {
            Amount::Quantity(q) => q.value,
            Amount::Spend(m) => m.amount,
        };
        if value < Decimal::ZERO {
            fields.push(athar_domain::FieldError::new("entry.amount", "v-negative"));
        }
        if let Amount::Spend(m) = &e.amount {
            if !athar_domain::codes::CURRENCIES.contains(&m.currency.as_str()) {
                fields.push(
                    athar_domain::FieldError::new("entry.currency", "v-currency-unknown")
                        .arg("code", &m.currency),
                );
            }
        }
        if !fields.is_empty() {
            return Err(UiError::invalid(fields));
        }
        let data = self.file()?.load().map_err(store_error)?;
        let company = self.file()?.company_factors().map_err(store_error)?;
        let pack = company.pack();
        let factors = FactorSet::embedded(&[&pack], company.spend);
        let input = InventoryInput {
            company_country: data.profile.country,
            site_countries: BTreeMap::new(),
            reporting_period: e.period,
            granularity: Granularity::Whole,
            gwp: Gwp::Ar5,
            net_revenue: None,
            entries: vec![e.clone()],
        };
        if let Err(InventoryError::Entries(errs)) = compute(input, &factors) {
            let mut fields = Vec::new();
            for err in &errs {
                if let Some(field) = blocking_field(&err.kind) {
                    let ui = entry_error(&err.kind);
                    let mut fe = athar_domain::FieldError::new(field, &ui.key);
                    for (k, v) in ui.args {
                        fe = fe.arg(&k, v);
                    }
                    fields.push(fe);
                }
            }
            if !fields.is_empty() {
                return Err(UiError::invalid(fields));
            }
        }
        Ok(())
    }

    /// Adds or replaces an entry typed in the form. An entry created by hand is `manual`.
    pub fn save_entry(&mut self, args: SaveEntryArgs) -> Result<ActivityEntry, UiError> {
        let mut entry = args.entry;
        entry.id = entry.id.trim().to_string();
        entry.site = entry.site.trim().to_string();
        self.check_entry(&entry)?;
        let actor = self.actor.clone();
        let f = self.file_mut()?;
        match args.original_id {
            Some(orig) => f.update_entry(&orig, &entry, &actor),
            None => f.add_entry(&entry, &actor),
        }
        .map_err(|e| match e {
            athar_store::StoreError::EntryIdTaken(id) => {
                UiError::invalid(vec![athar_domain::FieldError::new(
                    "entry.id",
                    "error-entry-id-taken",
                )
                .arg("id", id)])
            }
            other => store_error(other),
        })?;
        Ok(entry)
    }

    pub fn delete_entry(&mut self, id: &str) -> Result<(), UiError> {
        let actor = self.actor.clone();
        self.file_mut()?
            .delete_entry(id, &actor)
            .map_err(store_error)
    }

    /// What the entry form can offer.
    pub fn activity_catalog(&self) -> Result<ActivityCatalog, UiError> {
        let f = self.file()?;
        let company = f.company_factors().map_err(store_error)?;
        let data = f.load().map_err(store_error)?;
        let facets = f.entry_facets().map_err(store_error)?;
        let mut cat = ActivityCatalog::default();
        let mut fuels = BTreeSet::new();
        let mut processes = BTreeSet::new();
        let mut gases = BTreeSet::new();
        let mut heat = BTreeSet::new();
        let mut scope3: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        let activities = athar_factors::all_packs()
            .iter()
            .flat_map(|p| p.rows.iter())
            .chain(company.factors.iter())
            .map(|r| r.activity.as_str())
            .chain(company.spend.iter().map(|s| s.activity.as_str()));
        for a in activities {
            let Some((kind, name)) = a.split_once(':') else {
                continue;
            };
            let name = name.to_string();
            match kind {
                "fuel" => {
                    fuels.insert(name);
                }
                "carbonate" | "oxide" | "material" if a != "material:" => {
                    processes.insert(a.to_string());
                    if kind == "material" {
                        scope3.entry("material".into()).or_default().insert(name);
                    }
                }
                "gas" => {
                    gases.insert(name);
                }
                "heat" => {
                    heat.insert(name);
                }
                "transport" | "waste" | "travel" => {
                    scope3.entry(kind.into()).or_default().insert(name);
                }
                _ => {}
            }
        }
        cat.fuels = fuels.into_iter().collect();
        cat.processes = processes.into_iter().collect();
        cat.gases = gases.into_iter().collect();
        cat.heat_media = heat.into_iter().collect();
        cat.scope3_items = scope3
            .into_iter()
            .map(|(k, v)| (k, v.into_iter().collect()))
            .collect();
        cat.sites = data
            .sites
            .iter()
            .map(|s| s.name.clone())
            .chain(facets.sites)
            .collect::<BTreeSet<_>>()
            .into_iter()
            .collect();
        cat.spend_currencies = company
            .spend
            .iter()
            .map(|s| s.currency.clone())
            .collect::<BTreeSet<_>>()
            .into_iter()
            .collect();
        Ok(cat)
    }

    /// What importing `args.path` would do; nothing is saved.
    pub fn preview_import(&self, args: &ImportArgs) -> Result<ImportPreview, UiError> {
        self.file()?;
        let path = Path::new(args.path.trim());
        let (table, converted, source) = read_import(args)?;
        let sample: Vec<Vec<String>> = table.rows.iter().take(SAMPLE_ROWS).cloned().collect();
        let last_sample_row = athar_import::Table::row_number(SAMPLE_ROWS.saturating_sub(1));
        let (problems, problems_total) = problems(&converted);
        let format = match path.extension().and_then(|e| e.to_str()) {
            Some(e) if e.eq_ignore_ascii_case("xlsx") => "xlsx",
            _ => "csv",
        };
        Ok(ImportPreview {
            path: args.path.clone(),
            file_name: source,
            format: format.to_string(),
            headers: table.headers.clone(),
            sample,
            mapping: mapping_map(&converted.mapping),
            fields: athar_import::mapping_fields().map(String::from).collect(),
            required: athar_import::REQUIRED
                .iter()
                .map(|s| s.to_string())
                .collect(),
            rows_total: table.rows.len() as u64,
            preview: converted
                .rows
                .iter()
                .filter(|r| r.row <= last_sample_row)
                .map(|r| r.entry.clone())
                .collect(),
            problems,
            problems_total,
            rows_valid: converted.rows.len() as u64,
        })
    }

    /// Imports the valid rows of `args.path` in one transaction.
    pub fn commit_import(&mut self, args: &ImportArgs) -> Result<ImportReport, UiError> {
        self.file()?;
        let (_, converted, source) = read_import(args)?;
        let rows: Vec<ImportRow> = converted
            .rows
            .iter()
            .map(|r| ImportRow {
                external_row_id: r.external_id.clone(),
                entry: r.entry.clone(),
            })
            .collect();
        let actor = self.actor.clone();
        let outcome = self
            .file_mut()?
            .import_entries(&source, &rows, &actor)
            .map_err(store_error)?;
        let (problems, problems_total) = problems(&converted);
        Ok(ImportReport {
            file_name: source,
            inserted: outcome.inserted,
            unchanged: outcome.unchanged,
            updated: outcome.updated,
            problems,
            problems_total,
        })
    }

    fn cached_inventory(
        &mut self,
        year: i32,
        monthly: bool,
    ) -> Result<&Inventory, InventoryFailure> {
        let fresh = self
            .inventory
            .as_ref()
            .is_some_and(|c| c.year == year && c.monthly == monthly);
        if !fresh {
            let f = self
                .company_file()
                .ok_or_else(|| InventoryFailure::Other(UiError::new("error-no-company-open")))?;
            let inventory = calculate(f, year, monthly)?;
            self.inventory = Some(CachedInventory {
                year,
                monthly,
                inventory,
            });
        }
        Ok(&self.inventory.as_ref().expect("just computed").inventory)
    }

    /// The dashboard of year `args.year`. Entries the engine cannot calculate are listed in
    /// `problems` (and there are no totals) rather than failing the whole screen.
    pub fn inventory(&mut self, args: InventoryArgs) -> Result<InventoryView, UiError> {
        let f = self.file()?;
        let period = Period::year(args.year)
            .ok_or_else(|| UiError::new("error-inventory-year").arg("year", args.year))?;
        let (_, entries) = f
            .query_entries(&EntryQuery {
                from: Some(period.from),
                to: Some(period.to),
                limit: 0,
                ..EntryQuery::default()
            })
            .map_err(store_error)?;
        match self.cached_inventory(args.year, args.monthly) {
            Ok(inv) => Ok(inventory_view(inv, args.year, args.monthly, entries)),
            Err(InventoryFailure::Entries(problems)) => Ok(InventoryView {
                year: args.year,
                monthly: args.monthly,
                entries,
                totals: None,
                intensity_location: None,
                intensity_market: None,
                scope3_categories: Vec::new(),
                by_source: Vec::new(),
                by_site: Vec::new(),
                by_month: Vec::new(),
                quality: None,
                flags: BTreeMap::new(),
                problems,
            }),
            Err(InventoryFailure::Other(e)) => Err(e),
        }
    }

    /// One result of the inventory of `args.year`, with what it rests on.
    pub fn explain(&mut self, args: &ExplainArgs) -> Result<ExplainView, UiError> {
        let sources: BTreeMap<String, String> = {
            let inv = self
                .cached_inventory(args.year, args.monthly)
                .map_err(UiError::from)?;
            let ids: Vec<String> = inv
                .get(&args.id)
                .map(|n| n.entries.clone())
                .unwrap_or_default();
            let f = self.file()?;
            ids.into_iter()
                .filter_map(|id| f.entry_source(&id).ok().flatten().map(|s| (id, s)))
                .collect()
        };
        let inv = self
            .cached_inventory(args.year, args.monthly)
            .map_err(UiError::from)?;
        explain_view(inv, &args.id, &sources)
            .ok_or_else(|| UiError::new("error-result-not-found").arg("id", &args.id))
    }

    pub fn company_factors(&self) -> Result<CompanyFactors, UiError> {
        let set = self.file()?.company_factors().map_err(store_error)?;
        Ok(CompanyFactors {
            factors: set.factors,
            spend: set.spend,
        })
    }

    pub fn save_company_factor(&mut self, args: SaveFactorArgs) -> Result<CompanyFactors, UiError> {
        let mut row = args.factor;
        row.id = row.id.trim().to_string();
        row.pack = athar_store::COMPANY_PACK.to_string();
        row.version = "1".to_string();
        // The pack validator's rules (id, region, unit, gas, dates), as for shipped packs.
        let text = athar_factors::write_rows(std::slice::from_ref(&row));
        if let Err(e) = athar_factors::parse_rows("company", athar_store::COMPANY_PACK, "1", &text)
        {
            return Err(UiError::invalid(vec![factor_field_error(&e.kind)]));
        }
        let actor = self.actor.clone();
        self.file_mut()?
            .save_company_factor(args.original_id.as_deref(), row, &actor)
            .map_err(factor_store_error)?;
        self.company_factors()
    }

    pub fn save_spend_factor(
        &mut self,
        args: SaveSpendFactorArgs,
    ) -> Result<CompanyFactors, UiError> {
        let mut f = args.factor;
        f.id = f.id.trim().to_string();
        let mut fields = Vec::new();
        if f.id.is_empty() {
            fields.push(athar_domain::FieldError::new("factor.id", "v-required"));
        }
        if !f.activity.contains(':') {
            fields.push(athar_domain::FieldError::new(
                "factor.activity",
                "v-factor-activity",
            ));
        }
        if f.value < Decimal::ZERO {
            fields.push(athar_domain::FieldError::new("factor.value", "v-negative"));
        }
        if !athar_domain::codes::CURRENCIES.contains(&f.currency.as_str()) {
            fields.push(
                athar_domain::FieldError::new("factor.currency", "v-currency-unknown")
                    .arg("code", &f.currency),
            );
        }
        if f.source.trim().is_empty() {
            fields.push(athar_domain::FieldError::new("factor.source", "v-required"));
        }
        if !fields.is_empty() {
            return Err(UiError::invalid(fields));
        }
        let actor = self.actor.clone();
        self.file_mut()?
            .save_spend_factor(args.original_id.as_deref(), f, &actor)
            .map_err(factor_store_error)?;
        self.company_factors()
    }

    pub fn delete_company_factor(&mut self, id: &str) -> Result<CompanyFactors, UiError> {
        let actor = self.actor.clone();
        self.file_mut()?
            .retire_company_factor(id, &actor)
            .map_err(factor_store_error)?;
        self.company_factors()
    }
}

fn factor_store_error(e: athar_store::StoreError) -> UiError {
    match e {
        athar_store::StoreError::EntryIdTaken(id) => {
            UiError::invalid(vec![athar_domain::FieldError::new(
                "factor.id",
                "error-factor-id-taken",
            )
            .arg("id", id)])
        }
        athar_store::StoreError::EntryNotFound(id) => {
            UiError::new("error-factor-not-found").arg("id", id)
        }
        other => store_error(other),
    }
}

/// A factor row the pack validator rejected, as a problem of the form field at fault.
fn factor_field_error(kind: &athar_factors::LoadErrorKind) -> athar_domain::FieldError {
    use athar_domain::FieldError;
    use athar_factors::LoadErrorKind as K;
    match kind {
        K::EmptyField { column } | K::Whitespace { column } => {
            FieldError::new(format!("factor.{column}"), "v-required")
        }
        K::InvalidValue { .. } => FieldError::new("factor.value", "v-number"),
        K::InvalidUnit { value, .. } => {
            FieldError::new("factor.unit", "v-factor-unit").arg("unit", value)
        }
        K::InvalidDate { column, .. } => FieldError::new(format!("factor.{column}"), "v-date"),
        K::InvalidPeriod { .. } => FieldError::new("factor.valid_to", "v-period-order"),
        K::InvalidRegion { value } => {
            FieldError::new("factor.region", "v-factor-region").arg("region", value)
        }
        K::InvalidGwpBasis { .. } => FieldError::new("factor.gwp_basis", "v-required"),
        K::InvalidRoute { .. } => FieldError::new("factor.route", "v-factor-route"),
        other => FieldError::new("factor.id", "v-factor-invalid").arg("detail", other),
    }
}
