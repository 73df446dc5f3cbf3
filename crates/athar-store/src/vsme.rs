//! The company's VSME report in the company file: facts typed in the forms or imported from an
//! EFRAG digital template, overrides of computed figures with their reasons, the answers to
//! the template's "If applicable" questions, and the report's settings (identifier, currency,
//! period, GHG reduction target).
//!
//! Why it is stored this way: a fact is addressed by its `fact_key` (concept and dimensions),
//! the key overrides and the forms use too, and kept whole as JSON so nothing of what a
//! template said (decimals, footnotes, the cell it came from) is lost. Figures the profile
//! and the inventory give are never stored: they are recomputed when the report is assembled,
//! so a corrected bill changes the report. Every write is one transaction with its audit
//! entries; an import replaces the previous import's facts all at once or not at all.

use std::collections::BTreeMap;

use athar_vsme::Fact;
use rusqlite::{params, Connection, OptionalExtension, Transaction};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use serde_json::json;
use time::Date;

use crate::{audit, CompanyFile, Result, StoreError};

/// Audit entities of this module (the session's caches ignore changes to them).
pub const VSME_AUDIT_PREFIX: &str = "vsme";
const FACT: &str = "vsme_fact";
const OVERRIDE: &str = "vsme_override";
const ANSWER: &str = "vsme_answer";
const REPORT: &str = "vsme_report";

/// Where a stored fact came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum VsmeFactSource {
    /// Typed in the report's forms.
    Typed,
    /// Read from an EFRAG digital template.
    Import,
}

impl VsmeFactSource {
    fn as_str(self) -> &'static str {
        match self {
            VsmeFactSource::Typed => "typed",
            VsmeFactSource::Import => "import",
        }
    }

    fn parse(s: &str) -> Result<Self> {
        match s {
            "typed" => Ok(VsmeFactSource::Typed),
            "import" => Ok(VsmeFactSource::Import),
            other => Err(StoreError::Corrupt(format!("vsme fact source {other:?}"))),
        }
    }
}

/// A fact as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredVsmeFact {
    pub key: String,
    pub source: VsmeFactSource,
    /// The imported template's file name.
    pub origin: Option<String>,
    pub fact: Fact,
    pub updated_at: String,
}

/// A typed fact to store (`Some`) or to remove (`None`) under `key`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VsmeFactChange {
    pub key: String,
    pub fact: Option<Fact>,
}

/// A replacement for a computed figure.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct VsmeOverrideRecord {
    pub value: Decimal,
    pub reason: String,
    pub updated_at: String,
}

/// What the report's facts share and the GHG reduction target. `None`: not set (the session
/// then takes the profile's name, reporting year and turnover currency).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct VsmeReportSettings {
    pub entity_name: Option<String>,
    /// `lei`, `duns`, `euid` or `permid`.
    pub entity_scheme: Option<String>,
    pub entity_identifier: Option<String>,
    pub currency: Option<String>,
    pub period_start: Option<Date>,
    pub period_end: Option<Date>,
    pub target_base_year: Option<i32>,
    pub target_year: Option<i32>,
    /// Fractions: 0.42 is 42 % less than the base year.
    pub scope12_reduction: Option<Decimal>,
    pub scope3_reduction: Option<Decimal>,
    /// The template last imported.
    pub template_file: Option<String>,
    pub template_version: Option<String>,
    pub imported_at: Option<String>,
}

/// What an import changed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct VsmeImportOutcome {
    pub inserted: u64,
    pub updated: u64,
    pub unchanged: u64,
    /// Facts of an earlier import the new template no longer has.
    pub removed: u64,
}

fn corrupt(what: &str, e: impl std::fmt::Display) -> StoreError {
    StoreError::Corrupt(format!("{what}: {e}"))
}

fn fact_json(f: &Fact) -> Result<String> {
    serde_json::to_string(f).map_err(|e| corrupt("vsme fact", e))
}

fn stored_json(source: VsmeFactSource, origin: Option<&str>, fact: &Fact) -> serde_json::Value {
    json!({ "source": source.as_str(), "origin": origin, "fact": fact })
}

fn read_fact(
    conn: &Connection,
    key: &str,
) -> Result<Option<(VsmeFactSource, Option<String>, Fact)>> {
    let row: Option<(String, Option<String>, String)> = conn
        .query_row(
            "SELECT source, origin, fact FROM vsme_facts WHERE fact_key = ?1",
            [key],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .optional()?;
    row.map(|(s, o, f)| {
        Ok((
            VsmeFactSource::parse(&s)?,
            o,
            serde_json::from_str(&f).map_err(|e| corrupt("vsme fact", e))?,
        ))
    })
    .transpose()
}

/// Writes one fact and its audit entry; returns whether anything changed.
fn put_fact(
    tx: &Transaction<'_>,
    key: &str,
    source: VsmeFactSource,
    origin: Option<&str>,
    fact: &Fact,
    at: &str,
    actor: &str,
) -> Result<bool> {
    let before = read_fact(tx, key)?;
    if let Some((s, o, f)) = &before {
        if *s == source && o.as_deref() == origin && f == fact {
            return Ok(false);
        }
    }
    tx.execute(
        "INSERT INTO vsme_facts (fact_key, source, origin, fact, updated_at) VALUES (?1, ?2, ?3, ?4, ?5)
         ON CONFLICT (fact_key) DO UPDATE SET source = excluded.source, origin = excluded.origin,
             fact = excluded.fact, updated_at = excluded.updated_at",
        params![key, source.as_str(), origin, fact_json(fact)?, at],
    )?;
    let before = before.map(|(s, o, f)| stored_json(s, o.as_deref(), &f));
    audit::append(
        tx,
        actor,
        FACT,
        key,
        if before.is_some() { "update" } else { "create" },
        before.as_ref(),
        Some(&stored_json(source, origin, fact)),
    )?;
    Ok(true)
}

fn remove_fact(tx: &Transaction<'_>, key: &str, actor: &str) -> Result<bool> {
    let Some((s, o, f)) = read_fact(tx, key)? else {
        return Ok(false);
    };
    tx.execute("DELETE FROM vsme_facts WHERE fact_key = ?1", [key])?;
    audit::append(
        tx,
        actor,
        FACT,
        key,
        "delete",
        Some(&stored_json(s, o.as_deref(), &f)),
        None,
    )?;
    Ok(true)
}

fn date_text(d: Option<Date>) -> Option<String> {
    d.map(|d| format!("{:04}-{:02}-{:02}", d.year(), d.month() as u8, d.day()))
}

fn parse_date(s: Option<String>) -> Result<Option<Date>> {
    const FORMAT: &[time::format_description::BorrowedFormatItem<'static>] =
        time::macros::format_description!("[year]-[month]-[day]");
    s.map(|s| Date::parse(&s, FORMAT).map_err(|e| corrupt("vsme report date", e)))
        .transpose()
}

fn parse_decimal(s: Option<String>) -> Result<Option<Decimal>> {
    s.map(|s| {
        s.parse::<Decimal>()
            .map_err(|e| corrupt("vsme report decimal", e))
    })
    .transpose()
}

fn read_settings(conn: &Connection) -> Result<VsmeReportSettings> {
    type Row = (
        (
            Option<String>,
            Option<String>,
            Option<String>,
            Option<String>,
        ),
        (Option<String>, Option<String>, Option<i32>, Option<i32>),
        (Option<String>, Option<String>),
        (Option<String>, Option<String>, Option<String>),
    );
    let row: Option<Row> = conn
        .query_row(
            "SELECT entity_name, entity_scheme, entity_identifier, currency,
                    period_start, period_end, target_base_year, target_year,
                    scope12_reduction, scope3_reduction,
                    template_file, template_version, imported_at
             FROM vsme_report WHERE id = 1",
            [],
            |r| {
                Ok((
                    (r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?),
                    (r.get(4)?, r.get(5)?, r.get(6)?, r.get(7)?),
                    (r.get(8)?, r.get(9)?),
                    (r.get(10)?, r.get(11)?, r.get(12)?),
                ))
            },
        )
        .optional()?;
    let Some(row) = row else {
        return Ok(VsmeReportSettings::default());
    };
    let (
        (entity_name, entity_scheme, entity_identifier, currency),
        (start, end, target_base_year, target_year),
        (s12, s3),
        (template_file, template_version, imported_at),
    ) = row;
    Ok(VsmeReportSettings {
        entity_name,
        entity_scheme,
        entity_identifier,
        currency,
        period_start: parse_date(start)?,
        period_end: parse_date(end)?,
        target_base_year,
        target_year,
        scope12_reduction: parse_decimal(s12)?,
        scope3_reduction: parse_decimal(s3)?,
        template_file,
        template_version,
        imported_at,
    })
}

fn write_settings(
    tx: &Transaction<'_>,
    s: &VsmeReportSettings,
    actor: &str,
    at: &str,
) -> Result<bool> {
    let before = read_settings(tx)?;
    if before == *s {
        return Ok(false);
    }
    let existed: bool = tx.query_row(
        "SELECT count(*) > 0 FROM vsme_report WHERE id = 1",
        [],
        |r| r.get(0),
    )?;
    tx.execute(
        "INSERT INTO vsme_report (id, entity_name, entity_scheme, entity_identifier, currency,
             period_start, period_end, target_base_year, target_year, scope12_reduction,
             scope3_reduction, template_file, template_version, imported_at, updated_at)
         VALUES (1, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)
         ON CONFLICT (id) DO UPDATE SET entity_name = excluded.entity_name,
             entity_scheme = excluded.entity_scheme, entity_identifier = excluded.entity_identifier,
             currency = excluded.currency, period_start = excluded.period_start,
             period_end = excluded.period_end, target_base_year = excluded.target_base_year,
             target_year = excluded.target_year, scope12_reduction = excluded.scope12_reduction,
             scope3_reduction = excluded.scope3_reduction, template_file = excluded.template_file,
             template_version = excluded.template_version, imported_at = excluded.imported_at,
             updated_at = excluded.updated_at",
        params![
            s.entity_name,
            s.entity_scheme,
            s.entity_identifier,
            s.currency,
            date_text(s.period_start),
            date_text(s.period_end),
            s.target_base_year,
            s.target_year,
            s.scope12_reduction.map(|d| d.to_string()),
            s.scope3_reduction.map(|d| d.to_string()),
            s.template_file,
            s.template_version,
            s.imported_at,
            at,
        ],
    )?;
    let value = |v: &VsmeReportSettings| {
        json!({
            "entity_name": v.entity_name,
            "entity_scheme": v.entity_scheme,
            "entity_identifier": v.entity_identifier,
            "currency": v.currency,
            "period_start": date_text(v.period_start),
            "period_end": date_text(v.period_end),
            "target_base_year": v.target_base_year,
            "target_year": v.target_year,
            "scope12_reduction": v.scope12_reduction.map(|d| d.to_string()),
            "scope3_reduction": v.scope3_reduction.map(|d| d.to_string()),
            "template_file": v.template_file,
            "template_version": v.template_version,
            "imported_at": v.imported_at,
        })
    };
    audit::append(
        tx,
        actor,
        REPORT,
        "1",
        if existed { "update" } else { "create" },
        existed.then(|| value(&before)).as_ref(),
        Some(&value(s)),
    )?;
    Ok(true)
}

impl CompanyFile {
    /// The stored facts, by key.
    pub fn vsme_facts(&self) -> Result<Vec<StoredVsmeFact>> {
        let mut stmt = self.conn.prepare(
            "SELECT fact_key, source, origin, fact, updated_at FROM vsme_facts ORDER BY fact_key",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, Option<String>>(2)?,
                r.get::<_, String>(3)?,
                r.get::<_, String>(4)?,
            ))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (key, source, origin, fact, updated_at) = row?;
            out.push(StoredVsmeFact {
                source: VsmeFactSource::parse(&source)?,
                fact: serde_json::from_str(&fact).map_err(|e| corrupt("vsme fact", e))?,
                key,
                origin,
                updated_at,
            });
        }
        Ok(out)
    }

    /// Stores typed facts and removes others, in one transaction; unchanged facts write
    /// nothing. Returns how many changed.
    pub fn save_vsme_facts(&mut self, changes: &[VsmeFactChange], actor: &str) -> Result<u64> {
        let tx = self.conn.transaction()?;
        let at = audit::now();
        let mut changed = 0;
        for c in changes {
            let did = match &c.fact {
                Some(f) => put_fact(&tx, &c.key, VsmeFactSource::Typed, None, f, &at, actor)?,
                None => remove_fact(&tx, &c.key, actor)?,
            };
            changed += u64::from(did);
        }
        tx.commit()?;
        Ok(changed)
    }

    /// Stores the facts of an imported template (keyed by `fact_key`) and its settings: the
    /// previous import's facts the template no longer has are removed, a typed fact with the
    /// same key is replaced. All or nothing.
    pub fn import_vsme_facts(
        &mut self,
        file_name: &str,
        facts: &[(String, Fact)],
        settings: &VsmeReportSettings,
        actor: &str,
    ) -> Result<VsmeImportOutcome> {
        let tx = self.conn.transaction()?;
        let at = audit::now();
        let mut out = VsmeImportOutcome::default();
        let new_keys: std::collections::BTreeSet<&str> =
            facts.iter().map(|(k, _)| k.as_str()).collect();
        let old: Vec<String> = {
            let mut stmt = tx.prepare("SELECT fact_key FROM vsme_facts WHERE source = 'import'")?;
            let rows = stmt.query_map([], |r| r.get::<_, String>(0))?;
            rows.collect::<std::result::Result<_, _>>()?
        };
        for key in old.iter().filter(|k| !new_keys.contains(k.as_str())) {
            out.removed += u64::from(remove_fact(&tx, key, actor)?);
        }
        for (key, fact) in facts {
            let existed = read_fact(&tx, key)?.is_some();
            if put_fact(
                &tx,
                key,
                VsmeFactSource::Import,
                Some(file_name),
                fact,
                &at,
                actor,
            )? {
                if existed {
                    out.updated += 1;
                } else {
                    out.inserted += 1;
                }
            } else {
                out.unchanged += 1;
            }
        }
        write_settings(&tx, settings, actor, &at)?;
        tx.commit()?;
        Ok(out)
    }

    /// The overrides of computed figures, by fact key.
    pub fn vsme_overrides(&self) -> Result<BTreeMap<String, VsmeOverrideRecord>> {
        let mut stmt = self.conn.prepare(
            "SELECT fact_key, value, reason, updated_at FROM vsme_overrides ORDER BY fact_key",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, String>(3)?,
            ))
        })?;
        let mut out = BTreeMap::new();
        for row in rows {
            let (key, value, reason, updated_at) = row?;
            let value = value
                .parse::<Decimal>()
                .map_err(|e| corrupt("vsme override", e))?;
            out.insert(
                key,
                VsmeOverrideRecord {
                    value,
                    reason,
                    updated_at,
                },
            );
        }
        Ok(out)
    }

    /// Replaces a computed figure; the reason goes to the audit log with the value.
    pub fn set_vsme_override(
        &mut self,
        key: &str,
        value: Decimal,
        reason: &str,
        actor: &str,
    ) -> Result<()> {
        let reason = reason.trim();
        if reason.is_empty() {
            return Err(StoreError::Corrupt("an override needs a reason".into()));
        }
        let tx = self.conn.transaction()?;
        let at = audit::now();
        let before = override_json(&tx, key)?;
        let after = json!({ "value": value.to_string(), "reason": reason });
        if before.as_ref() == Some(&after) {
            return Ok(());
        }
        tx.execute(
            "INSERT INTO vsme_overrides (fact_key, value, reason, updated_at) VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT (fact_key) DO UPDATE SET value = excluded.value, reason = excluded.reason,
                 updated_at = excluded.updated_at",
            params![key, value.to_string(), reason, at],
        )?;
        audit::append(
            &tx,
            actor,
            OVERRIDE,
            key,
            if before.is_some() { "update" } else { "create" },
            before.as_ref(),
            Some(&after),
        )?;
        tx.commit()?;
        Ok(())
    }

    /// Goes back to the computed figure.
    pub fn clear_vsme_override(&mut self, key: &str, actor: &str) -> Result<()> {
        let tx = self.conn.transaction()?;
        let Some(before) = override_json(&tx, key)? else {
            return Ok(());
        };
        tx.execute("DELETE FROM vsme_overrides WHERE fact_key = ?1", [key])?;
        audit::append(&tx, actor, OVERRIDE, key, "delete", Some(&before), None)?;
        tx.commit()?;
        Ok(())
    }

    /// Answers to the "If applicable" questions, by group id.
    pub fn vsme_answers(&self) -> Result<BTreeMap<String, bool>> {
        let mut stmt = self
            .conn
            .prepare("SELECT group_id, applies FROM vsme_answers ORDER BY group_id")?;
        let rows = stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, bool>(1)?)))?;
        Ok(rows.collect::<std::result::Result<_, _>>()?)
    }

    /// Records (`Some`) or withdraws (`None`) the answer for `group`.
    pub fn set_vsme_answer(
        &mut self,
        group: &str,
        applies: Option<bool>,
        actor: &str,
    ) -> Result<()> {
        let before = self.vsme_answers()?.get(group).copied();
        if before == applies {
            return Ok(());
        }
        let tx = self.conn.transaction()?;
        let at = audit::now();
        match applies {
            Some(a) => {
                tx.execute(
                    "INSERT INTO vsme_answers (group_id, applies, updated_at) VALUES (?1, ?2, ?3)
                     ON CONFLICT (group_id) DO UPDATE SET applies = excluded.applies,
                         updated_at = excluded.updated_at",
                    params![group, a, at],
                )?;
            }
            None => {
                tx.execute("DELETE FROM vsme_answers WHERE group_id = ?1", [group])?;
            }
        }
        let action = match (before, applies) {
            (None, _) => "create",
            (_, None) => "delete",
            _ => "update",
        };
        audit::append(
            &tx,
            actor,
            ANSWER,
            group,
            action,
            before.map(|b| json!({ "applies": b })).as_ref(),
            applies.map(|a| json!({ "applies": a })).as_ref(),
        )?;
        tx.commit()?;
        Ok(())
    }

    /// The report's settings (defaults when never saved).
    pub fn vsme_settings(&self) -> Result<VsmeReportSettings> {
        read_settings(&self.conn)
    }

    /// Saves the report's settings; returns whether they changed.
    pub fn save_vsme_settings(&mut self, s: &VsmeReportSettings, actor: &str) -> Result<bool> {
        let tx = self.conn.transaction()?;
        let at = audit::now();
        let changed = write_settings(&tx, s, actor, &at)?;
        tx.commit()?;
        Ok(changed)
    }

    /// The sequence number of the newest audit entry that is not about the VSME report: it
    /// changes whenever the profile, the activity data or the factors change, so a cache of
    /// inventories computed for the report can tell when it is stale.
    pub fn last_change_outside_vsme(&self) -> Result<u64> {
        let seq: Option<u64> = self
            .conn
            .query_row(
                "SELECT seq FROM audit_log WHERE entity NOT LIKE 'vsme%' ORDER BY seq DESC LIMIT 1",
                [],
                |r| r.get(0),
            )
            .optional()?;
        Ok(seq.unwrap_or(0))
    }
}

fn override_json(conn: &Connection, key: &str) -> Result<Option<serde_json::Value>> {
    let row: Option<(String, String)> = conn
        .query_row(
            "SELECT value, reason FROM vsme_overrides WHERE fact_key = ?1",
            [key],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    Ok(row.map(|(v, r)| json!({ "value": v, "reason": r })))
}

#[cfg(test)]
mod tests {
    use super::*;
    use athar_vsme::{FactUnit, FactValue};

    fn file(dir: &std::path::Path) -> CompanyFile {
        CompanyFile::create(
            &dir.join("c.athar"),
            "a long passphrase 2026",
            athar_domain::NewCompany {
                name: "Nile Dates".into(),
                country: "EG".into(),
                reporting_year: 2026,
            },
            "test",
        )
        .unwrap()
    }

    fn fact(concept: &str, v: i64) -> Fact {
        Fact::new(concept, FactValue::Number(Decimal::from(v)))
            .with_unit(FactUnit::measure("utr:t"))
    }

    fn audit_entities(f: &CompanyFile) -> Vec<(String, String, String)> {
        f.audit_entries()
            .unwrap()
            .into_iter()
            .filter(|e| e.entity.starts_with("vsme"))
            .map(|e| (e.entity, e.entity_id, e.action))
            .collect()
    }

    #[test]
    fn typed_facts_are_upserted_removed_and_audited() {
        let dir = tempfile::tempdir().unwrap();
        let mut f = file(dir.path());
        let a = fact("vsme:A", 1);
        let change = |k: &str, f: Option<Fact>| VsmeFactChange {
            key: k.into(),
            fact: f,
        };
        assert_eq!(
            f.save_vsme_facts(&[change("vsme:A", Some(a.clone()))], "t")
                .unwrap(),
            1
        );
        // The same value again writes nothing.
        assert_eq!(
            f.save_vsme_facts(&[change("vsme:A", Some(a.clone()))], "t")
                .unwrap(),
            0
        );
        f.save_vsme_facts(&[change("vsme:A", Some(fact("vsme:A", 2)))], "t")
            .unwrap();
        let stored = f.vsme_facts().unwrap();
        assert_eq!(stored.len(), 1);
        assert_eq!(stored[0].fact.number(), Some(Decimal::from(2)));
        assert_eq!(stored[0].source, VsmeFactSource::Typed);
        f.save_vsme_facts(&[change("vsme:A", None)], "t").unwrap();
        assert!(f.vsme_facts().unwrap().is_empty());
        assert_eq!(
            audit_entities(&f),
            vec![
                ("vsme_fact".into(), "vsme:A".into(), "create".into()),
                ("vsme_fact".into(), "vsme:A".into(), "update".into()),
                ("vsme_fact".into(), "vsme:A".into(), "delete".into()),
            ]
        );
        assert!(f.verify_audit().unwrap().intact());
    }

    #[test]
    fn an_import_replaces_the_previous_import_and_typed_facts_with_its_keys() {
        let dir = tempfile::tempdir().unwrap();
        let mut f = file(dir.path());
        f.save_vsme_facts(
            &[
                VsmeFactChange {
                    key: "vsme:A".into(),
                    fact: Some(fact("vsme:A", 1)),
                },
                VsmeFactChange {
                    key: "vsme:T".into(),
                    fact: Some(fact("vsme:T", 9)),
                },
            ],
            "t",
        )
        .unwrap();
        let settings = VsmeReportSettings {
            currency: Some("EUR".into()),
            template_file: Some("one.xlsx".into()),
            ..VsmeReportSettings::default()
        };
        let first = vec![
            ("vsme:A".to_string(), fact("vsme:A", 5)),
            ("vsme:B".to_string(), fact("vsme:B", 6)),
        ];
        let out = f
            .import_vsme_facts("one.xlsx", &first, &settings, "t")
            .unwrap();
        assert_eq!((out.inserted, out.updated, out.removed), (1, 1, 0));
        let second = vec![("vsme:A".to_string(), fact("vsme:A", 5))];
        let out = f
            .import_vsme_facts("one.xlsx", &second, &settings, "t")
            .unwrap();
        assert_eq!((out.unchanged, out.removed), (1, 1));
        let keys: Vec<(String, VsmeFactSource)> = f
            .vsme_facts()
            .unwrap()
            .into_iter()
            .map(|s| (s.key, s.source))
            .collect();
        assert_eq!(
            keys,
            vec![
                ("vsme:A".into(), VsmeFactSource::Import),
                ("vsme:T".into(), VsmeFactSource::Typed)
            ]
        );
        assert_eq!(f.vsme_settings().unwrap(), settings);
    }

    #[test]
    fn overrides_answers_and_settings_are_audited() {
        let dir = tempfile::tempdir().unwrap();
        let mut f = file(dir.path());
        let before = f.last_change_outside_vsme().unwrap();
        assert!(f
            .set_vsme_override("vsme:G", Decimal::ONE, "  ", "t")
            .is_err());
        f.set_vsme_override("vsme:G", Decimal::from(12), "meter replaced", "t")
            .unwrap();
        assert_eq!(
            f.vsme_overrides().unwrap()["vsme:G"].reason,
            "meter replaced"
        );
        f.clear_vsme_override("vsme:G", "t").unwrap();
        assert!(f.vsme_overrides().unwrap().is_empty());
        f.set_vsme_answer("env-16-g", Some(true), "t").unwrap();
        f.set_vsme_answer("env-16-g", Some(false), "t").unwrap();
        assert!(!f.vsme_answers().unwrap()["env-16-g"]);
        f.set_vsme_answer("env-16-g", None, "t").unwrap();
        assert!(f.vsme_answers().unwrap().is_empty());
        let s = VsmeReportSettings {
            entity_scheme: Some("lei".into()),
            entity_identifier: Some("5299000J2N45DDNE4Y28".into()),
            period_start: Some(time::macros::date!(2026 - 01 - 01)),
            period_end: Some(time::macros::date!(2026 - 12 - 31)),
            target_base_year: Some(2024),
            target_year: Some(2030),
            scope12_reduction: Some(Decimal::new(42, 2)),
            ..VsmeReportSettings::default()
        };
        assert!(f.save_vsme_settings(&s, "t").unwrap());
        assert!(!f.save_vsme_settings(&s, "t").unwrap());
        assert_eq!(f.vsme_settings().unwrap(), s);
        let entries = audit_entities(&f);
        assert_eq!(
            entries.iter().map(|e| e.2.as_str()).collect::<Vec<_>>(),
            ["create", "delete", "create", "update", "delete", "create"]
        );
        let log = f.audit_entries().unwrap();
        assert!(log.iter().any(|e| e
            .after
            .as_deref()
            .is_some_and(|a| a.contains("meter replaced"))));
        // VSME changes do not count as changes to the inventory's inputs.
        assert_eq!(f.last_change_outside_vsme().unwrap(), before);
        assert!(f.verify_audit().unwrap().intact());
    }
}
