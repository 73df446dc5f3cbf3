//! CBAM data of the company: its installations (one per installation and reporting period),
//! the EU carbon price it compares default values with, and the packages it exported.
//!
//! Why it is stored this way: an [`Installation`] is one document — sheets A to E and the
//! products of the Commission's communication template — that is typed in step by step,
//! imported from a workbook or exported into one, and always computed whole. It is kept as its
//! JSON (decimals as strings, so nothing is rounded), with the name and period beside it for
//! listing and for recognising a template imported again: re-importing the same installation
//! and period replaces it (audited as an update) instead of adding a twin. Every write is one
//! transaction that also appends to the audit log.

use athar_cbam::model::{format_date, Installation};
use rusqlite::{params, OptionalExtension, Transaction};
use rust_decimal::Decimal;
use serde::Serialize;

use crate::{audit, CompanyFile, Result, StoreError};

/// The source of an installation typed in the app.
pub const CBAM_MANUAL: &str = "manual";

const CARBON_PRICE: &str = "eu_carbon_price";

/// An installation as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InstallationRecord {
    pub id: String,
    pub installation: Installation,
    /// `manual`, or the template file it was last imported from.
    pub source: String,
    /// RFC 3339, UTC.
    pub created_at: String,
    pub updated_at: String,
}

/// One line of the list of installations.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct InstallationListing {
    pub id: String,
    pub name_en: String,
    /// `YYYY-MM-DD`.
    pub period_start: String,
    pub period_end: String,
    pub source: String,
    pub updated_at: String,
}

/// What a save did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CbamSaveOutcome {
    Created,
    Updated,
    Unchanged,
}

/// One export for one customer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CbamExportRecord {
    pub seq: u64,
    pub at: String,
    pub installation_id: String,
    /// Empty when the export was not addressed to a customer.
    pub customer: String,
    pub lang: String,
    /// File names written.
    pub files: Vec<String>,
}

fn corrupt(what: &str, e: impl std::fmt::Display) -> StoreError {
    StoreError::Corrupt(format!("{what}: {e}"))
}

fn to_json(inst: &Installation) -> Result<serde_json::Value> {
    serde_json::to_value(inst).map_err(|e| corrupt("CBAM installation", e))
}

fn parse(body: &str) -> Result<Installation> {
    serde_json::from_str(body).map_err(|e| corrupt("CBAM installation", e))
}

/// The next free id: `I1`, `I2`, …
fn next_id(tx: &Transaction<'_>) -> Result<String> {
    let mut stmt = tx.prepare("SELECT id FROM cbam_installations")?;
    let ids = stmt.query_map([], |r| r.get::<_, String>(0))?;
    let mut max = 0u64;
    for id in ids {
        if let Some(n) = id?.strip_prefix('I').and_then(|n| n.parse::<u64>().ok()) {
            max = max.max(n);
        }
    }
    Ok(format!("I{}", max + 1))
}

fn body_of(tx: &Transaction<'_>, id: &str) -> Result<Option<String>> {
    Ok(tx
        .query_row(
            "SELECT body FROM cbam_installations WHERE id = ?1",
            [id],
            |r| r.get(0),
        )
        .optional()?)
}

/// Writes `inst` under `id` (inserting or replacing), audited; nothing when unchanged.
fn write(
    tx: &Transaction<'_>,
    id: &str,
    inst: &Installation,
    source: &str,
    actor: &str,
) -> Result<CbamSaveOutcome> {
    let at = audit::now();
    let after = to_json(inst)?;
    let start = format_date(inst.reporting_period.start);
    let end = format_date(inst.reporting_period.end);
    let outcome =
        match body_of(tx, id)? {
            None => {
                tx.execute(
                    "INSERT INTO cbam_installations
                 (id, name_en, period_start, period_end, body, source, created_at, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7)",
                    params![
                        id,
                        inst.about.name_en,
                        start,
                        end,
                        after.to_string(),
                        source,
                        at
                    ],
                )?;
                audit::append(
                    tx,
                    actor,
                    "cbam_installation",
                    id,
                    "create",
                    None,
                    Some(&after),
                )?;
                CbamSaveOutcome::Created
            }
            Some(old) => {
                let before = parse(&old)?;
                if before == *inst {
                    return Ok(CbamSaveOutcome::Unchanged);
                }
                tx.execute(
                "UPDATE cbam_installations SET name_en = ?2, period_start = ?3, period_end = ?4,
                 body = ?5, source = ?6, updated_at = ?7 WHERE id = ?1",
                params![id, inst.about.name_en, start, end, after.to_string(), source, at],
            )?;
                audit::append(
                    tx,
                    actor,
                    "cbam_installation",
                    id,
                    "update",
                    Some(&to_json(&before)?),
                    Some(&after),
                )?;
                CbamSaveOutcome::Updated
            }
        };
    Ok(outcome)
}

impl CompanyFile {
    /// The installations, newest reporting period first, then by name.
    pub fn cbam_installations(&self) -> Result<Vec<InstallationListing>> {
        let mut stmt = self.conn.prepare(
            "SELECT id, name_en, period_start, period_end, source, updated_at
             FROM cbam_installations ORDER BY period_start DESC, name_en, id",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok(InstallationListing {
                id: r.get(0)?,
                name_en: r.get(1)?,
                period_start: r.get(2)?,
                period_end: r.get(3)?,
                source: r.get(4)?,
                updated_at: r.get(5)?,
            })
        })?;
        Ok(rows.collect::<std::result::Result<_, _>>()?)
    }

    /// Installation `id`, if there is one.
    pub fn cbam_installation(&self, id: &str) -> Result<Option<InstallationRecord>> {
        let row: Option<(String, String, String, String)> = self
            .conn
            .query_row(
                "SELECT body, source, created_at, updated_at FROM cbam_installations WHERE id = ?1",
                [id],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
            )
            .optional()?;
        row.map(|(body, source, created_at, updated_at)| {
            Ok(InstallationRecord {
                id: id.to_string(),
                installation: parse(&body)?,
                source,
                created_at,
                updated_at,
            })
        })
        .transpose()
    }

    /// Saves `inst` as installation `id` (a new installation with the next free id when
    /// `None`). Returns the id and what changed; an unchanged installation writes nothing.
    pub fn save_cbam_installation(
        &mut self,
        id: Option<&str>,
        inst: &Installation,
        source: &str,
        actor: &str,
    ) -> Result<(String, CbamSaveOutcome)> {
        let tx = self.conn.transaction()?;
        let id = match id {
            Some(id) => id.to_string(),
            None => next_id(&tx)?,
        };
        let outcome = write(&tx, &id, inst, source, actor)?;
        tx.commit()?;
        Ok((id, outcome))
    }

    /// Saves an installation read from a template: it replaces the stored installation with
    /// the same English name and reporting period, if there is one, else it is added.
    pub fn import_cbam_installation(
        &mut self,
        inst: &Installation,
        source: &str,
        actor: &str,
    ) -> Result<(String, CbamSaveOutcome)> {
        let tx = self.conn.transaction()?;
        let same: Option<String> = tx
            .query_row(
                "SELECT id FROM cbam_installations
                 WHERE name_en = ?1 AND period_start = ?2 AND period_end = ?3
                 ORDER BY id LIMIT 1",
                params![
                    inst.about.name_en,
                    format_date(inst.reporting_period.start),
                    format_date(inst.reporting_period.end)
                ],
                |r| r.get(0),
            )
            .optional()?;
        let id = match same {
            Some(id) => id,
            None => next_id(&tx)?,
        };
        let outcome = write(&tx, &id, inst, source, actor)?;
        tx.commit()?;
        Ok((id, outcome))
    }

    /// Deletes installation `id` (its export log stays); `false` if there was none.
    pub fn delete_cbam_installation(&mut self, id: &str, actor: &str) -> Result<bool> {
        let tx = self.conn.transaction()?;
        let Some(body) = body_of(&tx, id)? else {
            return Ok(false);
        };
        let before = to_json(&parse(&body)?)?;
        tx.execute("DELETE FROM cbam_installations WHERE id = ?1", [id])?;
        audit::append(
            &tx,
            actor,
            "cbam_installation",
            id,
            "delete",
            Some(&before),
            None,
        )?;
        tx.commit()?;
        Ok(true)
    }

    /// The EU carbon price (EUR per t CO2e) the user entered, if any.
    pub fn cbam_carbon_price(&self) -> Result<Option<Decimal>> {
        let v: Option<String> = self
            .conn
            .query_row(
                "SELECT value FROM cbam_settings WHERE key = ?1",
                [CARBON_PRICE],
                |r| r.get(0),
            )
            .optional()?;
        v.map(|s| s.parse().map_err(|e| corrupt("EU carbon price", e)))
            .transpose()
    }

    /// Sets (or, with `None`, clears) the EU carbon price; audited when it changes.
    pub fn set_cbam_carbon_price(&mut self, price: Option<Decimal>, actor: &str) -> Result<()> {
        let before = self.cbam_carbon_price()?;
        if before == price {
            return Ok(());
        }
        let tx = self.conn.transaction()?;
        match price {
            Some(p) => tx.execute(
                "INSERT INTO cbam_settings (key, value) VALUES (?1, ?2)
                 ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                params![CARBON_PRICE, p.normalize().to_string()],
            )?,
            None => tx.execute("DELETE FROM cbam_settings WHERE key = ?1", [CARBON_PRICE])?,
        };
        let json = |p: Option<Decimal>| p.map(|p| serde_json::json!(p.normalize().to_string()));
        audit::append(
            &tx,
            actor,
            "cbam_setting",
            CARBON_PRICE,
            if price.is_some() { "set" } else { "clear" },
            json(before).as_ref(),
            json(price).as_ref(),
        )?;
        tx.commit()?;
        Ok(())
    }

    /// Notes that `files` were written for `customer` from installation `installation_id`.
    pub fn record_cbam_export(
        &mut self,
        installation_id: &str,
        customer: &str,
        lang: &str,
        files: &[String],
        actor: &str,
    ) -> Result<u64> {
        let tx = self.conn.transaction()?;
        let at = audit::now();
        let files_json = serde_json::json!(files);
        tx.execute(
            "INSERT INTO cbam_exports (at, installation_id, customer, lang, files)
             VALUES (?1, ?2, ?3, ?4, ?5)",
            params![at, installation_id, customer, lang, files_json.to_string()],
        )?;
        let seq = tx.last_insert_rowid() as u64;
        audit::append(
            &tx,
            actor,
            "cbam_export",
            &seq.to_string(),
            "export",
            None,
            Some(&serde_json::json!({
                "installation": installation_id,
                "customer": customer,
                "lang": lang,
                "files": files,
            })),
        )?;
        tx.commit()?;
        Ok(seq)
    }

    /// The exports of installation `installation_id`, newest first.
    pub fn cbam_exports(&self, installation_id: &str) -> Result<Vec<CbamExportRecord>> {
        let mut stmt = self.conn.prepare(
            "SELECT seq, at, installation_id, customer, lang, files FROM cbam_exports
             WHERE installation_id = ?1 ORDER BY seq DESC",
        )?;
        let rows = stmt.query_map([installation_id], |r| {
            Ok((
                r.get::<_, u64>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, String>(3)?,
                r.get::<_, String>(4)?,
                r.get::<_, String>(5)?,
            ))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (seq, at, installation_id, customer, lang, files) = row?;
            out.push(CbamExportRecord {
                seq,
                at,
                installation_id,
                customer,
                lang,
                files: serde_json::from_str(&files).map_err(|e| corrupt("CBAM export", e))?,
            });
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use athar_cbam::synthetic::{synthetic_installation, SyntheticSpec};
    use athar_domain::NewCompany;

    fn file(dir: &std::path::Path) -> CompanyFile {
        CompanyFile::create(
            &dir.join("c.athar"),
            "a long enough passphrase",
            NewCompany {
                name: "Nile Cement".into(),
                country: "EG".into(),
                reporting_year: 2026,
            },
            "test",
        )
        .unwrap()
    }

    fn actions(f: &CompanyFile, entity: &str) -> Vec<String> {
        f.audit_entries()
            .unwrap()
            .into_iter()
            .filter(|e| e.entity == entity)
            .map(|e| e.action)
            .collect()
    }

    #[test]
    fn installations_are_saved_reimported_and_deleted_with_audit() {
        let dir = tempfile::tempdir().unwrap();
        let mut f = file(dir.path());
        let inst = synthetic_installation(&SyntheticSpec::new(2, 1, 3));
        let (id, outcome) = f
            .save_cbam_installation(None, &inst, CBAM_MANUAL, "test")
            .unwrap();
        assert_eq!((id.as_str(), outcome), ("I1", CbamSaveOutcome::Created));
        let stored = f.cbam_installation(&id).unwrap().unwrap();
        assert_eq!(stored.installation, inst);
        assert_eq!(stored.source, CBAM_MANUAL);
        // Saving the same data again writes nothing.
        let (_, outcome) = f
            .save_cbam_installation(Some(&id), &inst, CBAM_MANUAL, "test")
            .unwrap();
        assert_eq!(outcome, CbamSaveOutcome::Unchanged);

        // The same installation and period from a template replaces it.
        let mut changed = inst.clone();
        changed.products[0].name = "Renamed".into();
        let (same, outcome) = f
            .import_cbam_installation(&changed, "t.xlsx", "test")
            .unwrap();
        assert_eq!((same.as_str(), outcome), ("I1", CbamSaveOutcome::Updated));
        assert_eq!(f.cbam_installation("I1").unwrap().unwrap().source, "t.xlsx");
        // Another period is another installation.
        let mut next_year = inst.clone();
        next_year.reporting_period = athar_cbam::model::ReportingPeriod::year(2027).unwrap();
        let (other, _) = f
            .import_cbam_installation(&next_year, "t.xlsx", "test")
            .unwrap();
        assert_eq!(other, "I2");
        let list = f.cbam_installations().unwrap();
        assert_eq!(
            list.iter().map(|l| l.id.as_str()).collect::<Vec<_>>(),
            ["I2", "I1"]
        );
        assert!(f.delete_cbam_installation("I1", "test").unwrap());
        assert!(!f.delete_cbam_installation("I1", "test").unwrap());
        assert!(f.cbam_installation("I1").unwrap().is_none());
        assert_eq!(
            actions(&f, "cbam_installation"),
            ["create", "update", "create", "delete"]
        );
        assert!(f.verify_audit().unwrap().intact());
    }

    #[test]
    fn carbon_price_and_exports_are_audited() {
        let dir = tempfile::tempdir().unwrap();
        let mut f = file(dir.path());
        assert_eq!(f.cbam_carbon_price().unwrap(), None);
        let price: Decimal = "78.50".parse().unwrap();
        f.set_cbam_carbon_price(Some(price), "test").unwrap();
        f.set_cbam_carbon_price(Some(price), "test").unwrap();
        assert_eq!(f.cbam_carbon_price().unwrap(), Some(price));
        f.set_cbam_carbon_price(None, "test").unwrap();
        assert_eq!(f.cbam_carbon_price().unwrap(), None);
        assert_eq!(actions(&f, "cbam_setting"), ["set", "clear"]);

        let files = vec!["a.xlsx".to_string(), "a.pdf".to_string()];
        f.record_cbam_export("I1", "Rheinstahl", "en", &files, "test")
            .unwrap();
        f.record_cbam_export("I1", "", "ar", &files[..1], "test")
            .unwrap();
        let log = f.cbam_exports("I1").unwrap();
        assert_eq!(log.len(), 2);
        assert_eq!(log[0].lang, "ar");
        assert_eq!(log[1].files, files);
        assert_eq!(actions(&f, "cbam_export").len(), 2);
        assert!(f.verify_audit().unwrap().intact());
    }
}
