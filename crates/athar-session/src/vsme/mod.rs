//! The sustainability report (VSME) as both front ends see it: the model for the forms, the
//! report's state, typed facts, overrides, answers, settings, template import, the exports and
//! the choice of a newer EFRAG template.
//!
//! Why this module exists: the report screen of the desktop app and `athar vsme` must show and
//! write the same report. The pure engine (`athar-vsme`) knows datapoints and facts; this
//! module loads the company file, assembles the report ([`report`]), converts to and from the
//! protocol ([`convert`], [`layout`]), and writes files ([`export`], [`pdf`]). The inventories
//! the report rests on are kept between calls and recomputed only when something other than
//! the report changed in the file (the audit log says when).

pub mod convert;
mod e1_workbook;
pub mod export;
pub mod layout;
pub mod pdf;
pub mod report;
pub mod templates;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use athar_domain::FieldError;
use athar_protocol::templates::{TemplateArgs, TemplateChoice};
use athar_protocol::vsme::{
    SaveVsmeFactsArgs, SaveVsmeSettingsArgs, VsmeAnswerArgs, VsmeExportArgs, VsmeExported,
    VsmeImportArgs, VsmeImportReport, VsmeImported, VsmeKeyArgs, VsmeMessage, VsmeModel,
    VsmeOverrideArgs, VsmeSetAside, VsmeSettings, VsmeSeverity, VsmeState,
};
use athar_protocol::UiError;
use athar_store::{CompanyFile, VsmeFactChange, VsmeReportSettings};
use athar_vsme::company::fact_key;
use athar_vsme::fact::{FactValue, Provenance};
use athar_vsme::model::Model;
use athar_vsme::template::Severity;

use crate::{store_error, Session};
use report::{Inventories, Report, BASE_YEAR_CONCEPT, TARGET_YEAR_CONCEPT};

/// The inventories last computed for the report, and what they were computed from.
pub(crate) struct VsmeCache {
    path: PathBuf,
    /// `CompanyFile::last_change_outside_vsme` when computed.
    seq: u64,
    year: i32,
    base_year: Option<i32>,
    inventories: Inventories,
}

fn keyed(key: &str, args: Vec<(String, String)>) -> UiError {
    let mut u = UiError::new(key);
    for (k, v) in args {
        u = u.arg(&k, v);
    }
    u
}

/// The state of an assembled report for the screen.
pub fn state(r: &Report) -> VsmeState {
    let s = &r.settings;
    VsmeState {
        settings: settings_to_protocol(s),
        entity_name: r.info.entity_name.clone(),
        currency: r.info.currency.clone(),
        period_start: convert::iso_date(r.info.period_start),
        period_end: convert::iso_date(r.info.period_end),
        facts: r
            .facts
            .iter()
            .map(|f| {
                let key = fact_key(f);
                let stored = r.stored.get(&key).copied();
                let replaces = r.replaces_profile.contains(&key);
                convert::fact_to_protocol(f, &key, stored, replaces)
            })
            .collect(),
        set_aside: r
            .set_aside
            .iter()
            .map(|(key, f, src)| VsmeSetAside {
                key: key.clone(),
                concept: f.concept.clone(),
                value: convert::value_to_protocol(&f.value),
                stored: convert::stored_to_protocol(*src),
            })
            .collect(),
        stale_overrides: r.stale_overrides.clone(),
        answers: r.answers.clone(),
        completeness: convert::completeness_to_protocol(&r.completeness),
        e1: convert::e1_to_protocol(&r.e1),
        inventory_year: r.inventory_year,
        problems: r.problems.clone(),
        energy_gaps: r
            .energy
            .as_ref()
            .map(|e| e.gaps.iter().map(|g| g.entry().to_string()).collect())
            .unwrap_or_default(),
        imported: s.template_file.as_ref().map(|f| VsmeImported {
            file_name: f.clone(),
            version: s.template_version.clone(),
            at: s.imported_at.clone().unwrap_or_default(),
        }),
    }
}

pub fn settings_to_protocol(s: &VsmeReportSettings) -> VsmeSettings {
    let text = |o: &Option<String>| o.clone().unwrap_or_default();
    VsmeSettings {
        entity_name: text(&s.entity_name),
        entity_scheme: text(&s.entity_scheme),
        entity_identifier: text(&s.entity_identifier),
        currency: text(&s.currency),
        period_start: s
            .period_start
            .map(crate::vsme::convert::iso_date)
            .unwrap_or_default(),
        period_end: s
            .period_end
            .map(crate::vsme::convert::iso_date)
            .unwrap_or_default(),
        target_base_year: s.target_base_year,
        target_year: s.target_year,
        scope12_reduction: s.scope12_reduction,
        scope3_reduction: s.scope3_reduction,
    }
}

/// Checks the settings form; problems name the form's fields (`settings.currency`, ...).
pub fn settings_from_protocol(
    v: &VsmeSettings,
    keep: &VsmeReportSettings,
) -> Result<VsmeReportSettings, UiError> {
    let model = Model::get();
    let mut fields = Vec::new();
    let opt = |s: &str| Some(s.trim().to_string()).filter(|s| !s.is_empty());
    let scheme = opt(&v.entity_scheme).map(|s| s.to_lowercase());
    let identifier = opt(&v.entity_identifier);
    if let Some(s) = &scheme {
        if !model.rules.entity_schemes.contains_key(s) {
            fields.push(
                FieldError::new("settings.entity_scheme", "vsme-error-unknown-scheme")
                    .arg("scheme", s),
            );
        }
    }
    if scheme.is_some() != identifier.is_some() {
        let field = if scheme.is_some() {
            "settings.entity_identifier"
        } else {
            "settings.entity_scheme"
        };
        fields.push(FieldError::new(field, "v-required"));
    }
    let currency = opt(&v.currency).map(|c| c.to_uppercase());
    if let Some(c) = &currency {
        if !model.currencies.contains(c) {
            fields.push(
                FieldError::new("settings.currency", "vsme-error-unknown-currency")
                    .arg("currency", c),
            );
        }
    }
    let date = |field: &'static str, s: &str, fields: &mut Vec<FieldError>| {
        let t = athar_domain::numerals::to_ascii_digits(s.trim());
        if t.is_empty() {
            return None;
        }
        let d = crate::vsme::convert::parse_iso_date(&t);
        if d.is_none() {
            fields.push(FieldError::new(field, "v-date"));
        }
        d
    };
    let start = date("settings.period_start", &v.period_start, &mut fields);
    let end = date("settings.period_end", &v.period_end, &mut fields);
    if start.is_some() != end.is_some() {
        let field = if start.is_some() {
            "settings.period_end"
        } else {
            "settings.period_start"
        };
        fields.push(FieldError::new(field, "v-required"));
    }
    if let (Some(s), Some(e)) = (start, end) {
        if s > e {
            fields.push(FieldError::new("settings.period_end", "v-period-order"));
        }
    }
    for (field, y) in [
        ("settings.target_base_year", v.target_base_year),
        ("settings.target_year", v.target_year),
    ] {
        if y.is_some_and(|y| !(1990..=2100).contains(&y)) {
            fields.push(FieldError::new(field, "v-vsme-year"));
        }
    }
    if let (Some(b), Some(t)) = (v.target_base_year, v.target_year) {
        if t <= b {
            fields.push(FieldError::new(
                "settings.target_year",
                "vsme-error-target-after-base",
            ));
        }
    }
    for (field, r) in [
        ("settings.scope12_reduction", v.scope12_reduction),
        ("settings.scope3_reduction", v.scope3_reduction),
    ] {
        if r.is_some_and(|r| r < rust_decimal::Decimal::ZERO || r > rust_decimal::Decimal::ONE) {
            fields.push(FieldError::new(field, "vsme-error-reduction-range"));
        }
    }
    if !fields.is_empty() {
        return Err(UiError::invalid(fields));
    }
    Ok(VsmeReportSettings {
        entity_name: opt(&v.entity_name),
        entity_scheme: scheme,
        entity_identifier: identifier,
        currency,
        period_start: start,
        period_end: end,
        target_base_year: v.target_base_year,
        target_year: v.target_year,
        scope12_reduction: v.scope12_reduction,
        scope3_reduction: v.scope3_reduction,
        template_file: keep.template_file.clone(),
        template_version: keep.template_version.clone(),
        imported_at: keep.imported_at.clone(),
    })
}

/// Assembles the report of `f`, computing the inventories it needs.
pub fn report_of(f: &CompanyFile) -> Result<Report, UiError> {
    let data = f.load().map_err(store_error)?;
    let settings = f.vsme_settings().map_err(store_error)?;
    let inv = report::inventories(f, &report::resolve(&settings, &data))?;
    report::assemble(f, &inv)
}

/// What an import of a template would store. Nothing is written until [`import`].
pub struct ImportPlan {
    /// The template as read, with the reader's messages.
    pub template: athar_vsme::TemplateFacts,
    /// The facts to store, by fact key.
    pub facts: Vec<(String, athar_vsme::Fact)>,
    /// The report settings the template implies (entity, period, currency, years).
    pub settings: VsmeReportSettings,
}

/// Reads `path` into an [`ImportPlan`] on top of the `current` settings.
pub fn read_import(path: &Path, current: &VsmeReportSettings) -> Result<ImportPlan, UiError> {
    let bytes = std::fs::read(path).map_err(|e| {
        UiError::new("vsme-error-template-unreadable")
            .arg("path", path.display())
            .arg("detail", e)
    })?;
    let t = athar_vsme::facts_from_template(&bytes).map_err(|e| {
        let mut u = keyed(e.key(), e.args());
        u = u.arg("path", path.display());
        u
    })?;
    let model = Model::get();
    if !model.currencies.contains(&t.info.currency) {
        return Err(UiError::new("vsme-error-unknown-currency").arg("currency", &t.info.currency));
    }
    let scheme = model
        .rules
        .entity_schemes
        .iter()
        .find(|(_, uri)| **uri == t.info.entity_scheme)
        .map(|(k, _)| k.clone());
    let year_of = |concept: &str| {
        t.facts
            .iter()
            .find_map(|f| match (&f.value, f.concept == concept) {
                (FactValue::Year(y), true) => Some(*y),
                _ => None,
            })
    };
    let mut settings = current.clone();
    settings.entity_name = Some(t.info.entity_name.clone()).filter(|n| !n.trim().is_empty());
    settings.entity_scheme = scheme;
    settings.entity_identifier = Some(t.info.entity_identifier.clone());
    settings.currency = Some(t.info.currency.clone());
    settings.period_start = Some(t.info.period_start);
    settings.period_end = Some(t.info.period_end);
    if let Some(y) = year_of(BASE_YEAR_CONCEPT) {
        settings.target_base_year = Some(y);
    }
    if let Some(y) = year_of(TARGET_YEAR_CONCEPT) {
        settings.target_year = Some(y);
    }
    settings.template_file = Some(
        path.file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default(),
    );
    settings.template_version = t.info.template_version.clone();
    settings.imported_at = Some(
        time::OffsetDateTime::now_utc()
            .format(&time::format_description::well_known::Rfc3339)
            .unwrap_or_default(),
    );
    let mut by_key: BTreeMap<String, athar_vsme::Fact> = BTreeMap::new();
    for f in &t.facts {
        if f.concept == BASE_YEAR_CONCEPT || f.concept == TARGET_YEAR_CONCEPT {
            continue;
        }
        by_key.insert(fact_key(f), f.clone());
    }
    Ok(ImportPlan {
        template: t,
        facts: by_key.into_iter().collect(),
        settings,
    })
}

/// Imports a template into `f` (all or nothing). Returns the report for the messages.
pub fn import(
    f: &mut CompanyFile,
    path: &Path,
    actor: &str,
) -> Result<
    (
        athar_vsme::TemplateFacts,
        athar_store::VsmeImportOutcome,
        usize,
    ),
    UiError,
> {
    let current = f.vsme_settings().map_err(store_error)?;
    let ImportPlan {
        template: t,
        facts,
        settings,
    } = read_import(path, &current)?;
    let file_name = settings.template_file.clone().unwrap_or_default();
    let outcome = f
        .import_vsme_facts(&file_name, &facts, &settings, actor)
        .map_err(store_error)?;
    Ok((t, outcome, facts.len()))
}

pub fn message(m: &athar_vsme::template::Message) -> VsmeMessage {
    VsmeMessage {
        severity: match m.severity {
            Severity::Info => VsmeSeverity::Info,
            Severity::Warning => VsmeSeverity::Warning,
            Severity::Error => VsmeSeverity::Error,
        },
        message: keyed(&m.key, m.args.clone()),
        cell: m.cell.clone(),
    }
}

impl Session {
    fn vsme_file(&self) -> Result<&CompanyFile, UiError> {
        Ok(&self.opened()?.file)
    }

    fn vsme_file_mut(&mut self) -> Result<&mut CompanyFile, UiError> {
        Ok(&mut self.opened_mut()?.file)
    }

    /// The report, with the inventories kept from the last call when nothing they rest on
    /// changed.
    fn vsme_report(&mut self) -> Result<Report, UiError> {
        let f = self.vsme_file()?;
        let data = f.load().map_err(store_error)?;
        let settings = f.vsme_settings().map_err(store_error)?;
        let resolved = report::resolve(&settings, &data);
        let seq = f.last_change_outside_vsme().map_err(store_error)?;
        let path = f.path().to_path_buf();
        let fresh = self.vsme.as_ref().is_some_and(|c| {
            c.path == path
                && c.seq == seq
                && c.year == resolved.period_end.year()
                && c.base_year == resolved.base_year
        });
        if !fresh {
            let inventories = report::inventories(f, &resolved)?;
            self.vsme = Some(VsmeCache {
                path,
                seq,
                year: resolved.period_end.year(),
                base_year: resolved.base_year,
                inventories,
            });
        }
        let f = self.vsme_file()?;
        let inv = &self.vsme.as_ref().expect("just filled").inventories;
        report::assemble(f, inv)
    }

    pub fn vsme_model(&self) -> VsmeModel {
        layout::vsme_model().clone()
    }

    pub fn vsme_state(&mut self) -> Result<VsmeState, UiError> {
        Ok(state(&self.vsme_report()?))
    }

    /// Stores or removes typed facts. Datapoints Athar computes cannot be typed (override
    /// them instead); the GHG target's years are report settings.
    pub fn save_vsme_facts(&mut self, args: &SaveVsmeFactsArgs) -> Result<VsmeState, UiError> {
        let f = self.vsme_file()?;
        let data = f.load().map_err(store_error)?;
        let mut settings = f.vsme_settings().map_err(store_error)?;
        let resolved = report::resolve(&settings, &data);
        let mut changes = Vec::new();
        let mut fields = Vec::new();
        let mut years_changed = false;
        for input in &args.facts {
            if athar_vsme::company::is_computed(&input.concept) {
                let key = athar_protocol::vsme::fact_key(&input.concept, &input.dimensions);
                fields.push(FieldError::new(key, "vsme-error-computed"));
                continue;
            }
            match convert::fact_from_input(input, &resolved) {
                Ok((key, fact)) => {
                    let year = match fact.as_ref().map(|f| &f.value) {
                        Some(FactValue::Year(y)) => Some(*y),
                        _ => None,
                    };
                    if input.concept == BASE_YEAR_CONCEPT {
                        settings.target_base_year = year;
                        years_changed = true;
                    } else if input.concept == TARGET_YEAR_CONCEPT {
                        settings.target_year = year;
                        years_changed = true;
                    } else {
                        changes.push(VsmeFactChange { key, fact });
                    }
                }
                Err(e) => fields.push(e),
            }
        }
        if !fields.is_empty() {
            return Err(UiError::invalid(fields));
        }
        let actor = self.actor.clone();
        let f = self.vsme_file_mut()?;
        f.save_vsme_facts(&changes, &actor).map_err(store_error)?;
        if years_changed {
            f.save_vsme_settings(&settings, &actor)
                .map_err(store_error)?;
        }
        self.vsme_state()
    }

    /// Replaces a computed figure, with a reason.
    pub fn set_vsme_override(&mut self, args: &VsmeOverrideArgs) -> Result<VsmeState, UiError> {
        let value = convert::parse_number(&args.value)
            .ok_or_else(|| UiError::invalid(vec![FieldError::new("override.value", "v-number")]))?;
        if args.reason.trim().is_empty() {
            return Err(UiError::invalid(vec![FieldError::new(
                "override.reason",
                "vsme-error-override-reason",
            )
            .arg("key", &args.key)]));
        }
        let r = self.vsme_report()?;
        let computed = r.facts.iter().any(|f| {
            fact_key(f) == args.key
                && f.number().is_some()
                && matches!(
                    f.provenance,
                    Some(Provenance::Inventory { .. }) | Some(Provenance::Override { .. })
                )
        });
        if !computed {
            return Err(UiError::new("vsme-error-override-target").arg("key", &args.key));
        }
        let actor = self.actor.clone();
        self.vsme_file_mut()?
            .set_vsme_override(&args.key, value, &args.reason, &actor)
            .map_err(store_error)?;
        self.vsme_state()
    }

    pub fn clear_vsme_override(&mut self, args: &VsmeKeyArgs) -> Result<VsmeState, UiError> {
        let actor = self.actor.clone();
        self.vsme_file_mut()?
            .clear_vsme_override(&args.key, &actor)
            .map_err(store_error)?;
        self.vsme_state()
    }

    pub fn answer_vsme_group(&mut self, args: &VsmeAnswerArgs) -> Result<VsmeState, UiError> {
        if Model::get().group(&args.group).is_none() {
            return Err(UiError::new("vsme-error-unknown-group").arg("group", &args.group));
        }
        let actor = self.actor.clone();
        self.vsme_file_mut()?
            .set_vsme_answer(&args.group, args.applies, &actor)
            .map_err(store_error)?;
        self.vsme_state()
    }

    pub fn save_vsme_settings(
        &mut self,
        args: &SaveVsmeSettingsArgs,
    ) -> Result<VsmeState, UiError> {
        let current = self.vsme_file()?.vsme_settings().map_err(store_error)?;
        let s = settings_from_protocol(&args.settings, &current)?;
        let actor = self.actor.clone();
        self.vsme_file_mut()?
            .save_vsme_settings(&s, &actor)
            .map_err(store_error)?;
        self.vsme_state()
    }

    pub fn import_vsme_template(
        &mut self,
        args: &VsmeImportArgs,
    ) -> Result<VsmeImportReport, UiError> {
        let path = PathBuf::from(args.path.trim());
        let actor = self.actor.clone();
        let (t, outcome, facts) = import(self.vsme_file_mut()?, &path, &actor)?;
        Ok(VsmeImportReport {
            file_name: path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default(),
            version: t.info.template_version.clone(),
            facts: facts as u64,
            inserted: outcome.inserted,
            updated: outcome.updated,
            unchanged: outcome.unchanged,
            removed: outcome.removed,
            messages: t.messages.iter().map(message).collect(),
            state: self.vsme_state()?,
        })
    }

    /// The blank template the export fills: the chosen file, else the built-in one.
    fn vsme_blank(&self) -> Result<Vec<u8>, UiError> {
        match &self.prefs.vsme_template {
            Some(p) => templates::read_template(p).map(|(b, _)| b),
            None => athar_vsme::embedded_template()
                .map(<[u8]>::to_vec)
                .ok_or_else(|| UiError::new("vsme-error-no-template")),
        }
    }

    pub fn export_vsme(&mut self, args: &VsmeExportArgs) -> Result<VsmeExported, UiError> {
        let r = self.vsme_report()?;
        let customers = self.vsme_file()?.load().map_err(store_error)?.customers;
        let needs_template = matches!(
            args.item,
            athar_protocol::vsme::VsmeExportItem::Template
                | athar_protocol::vsme::VsmeExportItem::Mail { .. }
        );
        let blank = if needs_template {
            Some(self.vsme_blank())
        } else {
            None
        };
        let source = match &blank {
            Some(Ok(b)) => export::TemplateSource::Bytes(b),
            Some(Err(e)) => export::TemplateSource::Missing(e.clone()),
            None => export::TemplateSource::Missing(UiError::new("vsme-error-no-template")),
        };
        export::write_item(
            &r,
            &customers,
            &source,
            Path::new(args.dir.trim()),
            &args.item,
            time::OffsetDateTime::now_utc(),
        )
    }

    pub fn vsme_templates(&self) -> TemplateChoice {
        crate::templates::choice(
            templates::embedded(),
            self.prefs.vsme_template.as_deref(),
            |p| templates::read_template(p).map(|(_, v)| v),
        )
    }

    /// Uses the template file at `args.path` for exports (after checking it), or the built-in
    /// one when `None`; remembered in the preferences.
    pub fn set_vsme_template(&mut self, args: &TemplateArgs) -> Result<TemplateChoice, UiError> {
        self.prefs.vsme_template = crate::templates::checked_choice(args.path.as_deref(), |p| {
            templates::read_template(p).map(|(_, v)| v)
        })?;
        self.save_prefs()?;
        Ok(self.vsme_templates())
    }
}
