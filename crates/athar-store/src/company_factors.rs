//! The company's own emission factors: a supplier's product footprint, the NCV printed on a
//! gas bill, a freight forwarder's t.km factor, spend factors for purchases.
//!
//! Why versions: a result cites a factor as `company/<id>@<version>`. Changing a factor adds
//! a new version and retires the old one instead of overwriting it, so what an old report
//! cited can still be looked up; calculations use only the current versions.

use athar_factors::FactorRow;
use athar_inventory::SpendFactor;
use rusqlite::{params, OptionalExtension, Transaction};

use crate::{audit, CompanyFile, Result, StoreError};

/// The pack id of company factors, as results cite them.
pub const COMPANY_PACK: &str = "company";

/// The current company factors.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CompanyFactorSet {
    pub factors: Vec<FactorRow>,
    pub spend: Vec<SpendFactor>,
}

impl CompanyFactorSet {
    /// The factor rows as a pack for `athar_inventory::FactorSet`.
    pub fn pack(&self) -> athar_factors::Pack {
        athar_factors::Pack {
            id: COMPANY_PACK.to_string(),
            version: "current".to_string(),
            title: "Company and supplier factors".to_string(),
            fallback_region: None,
            rows: self.factors.clone(),
        }
    }
}

const FACTOR: &str = "factor";
const SPEND: &str = "spend";

fn corrupt(e: serde_json::Error) -> StoreError {
    StoreError::Corrupt(format!("company factor: {e}"))
}

/// The current version of `id` (any kind), with its kind and body.
fn current(tx: &rusqlite::Connection, id: &str) -> Result<Option<(u32, String, String)>> {
    Ok(tx
        .query_row(
            "SELECT version, kind, body FROM company_factors WHERE id = ?1 AND retired_at IS NULL",
            [id],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .optional()?)
}

fn next_version(tx: &Transaction<'_>, id: &str) -> Result<u32> {
    let v: Option<u32> = tx.query_row(
        "SELECT max(version) FROM company_factors WHERE id = ?1",
        [id],
        |r| r.get(0),
    )?;
    Ok(v.unwrap_or(0) + 1)
}

/// Retires the current version of `id`; returns its body.
fn retire(tx: &Transaction<'_>, id: &str, at: &str) -> Result<Option<serde_json::Value>> {
    let Some((_, _, body)) = current(tx, id)? else {
        return Ok(None);
    };
    tx.execute(
        "UPDATE company_factors SET retired_at = ?2 WHERE id = ?1 AND retired_at IS NULL",
        params![id, at],
    )?;
    Ok(Some(serde_json::from_str(&body).map_err(corrupt)?))
}

impl CompanyFile {
    /// The current company factors, by id.
    pub fn company_factors(&self) -> Result<CompanyFactorSet> {
        let mut stmt = self.conn.prepare(
            "SELECT kind, body FROM company_factors WHERE retired_at IS NULL ORDER BY id",
        )?;
        let rows = stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?;
        let mut out = CompanyFactorSet::default();
        for row in rows {
            let (kind, body) = row?;
            if kind == SPEND {
                out.spend
                    .push(serde_json::from_str(&body).map_err(corrupt)?);
            } else {
                out.factors
                    .push(serde_json::from_str(&body).map_err(corrupt)?);
            }
        }
        Ok(out)
    }

    /// Every version of company factor `id` ever stored, oldest first (kind, body as JSON).
    pub fn company_factor_history(&self, id: &str) -> Result<Vec<serde_json::Value>> {
        let mut stmt = self
            .conn
            .prepare("SELECT body FROM company_factors WHERE id = ?1 ORDER BY version")?;
        let rows = stmt.query_map([id], |r| r.get::<_, String>(0))?;
        rows.map(|b| serde_json::from_str(&b?).map_err(corrupt))
            .collect()
    }

    /// Adds factor `row` (replacing the current version of `original_id`, when given): the
    /// store sets the pack and the next version. Returns the row as stored.
    pub fn save_company_factor(
        &mut self,
        original_id: Option<&str>,
        mut row: FactorRow,
        actor: &str,
    ) -> Result<FactorRow> {
        row.pack = COMPANY_PACK.to_string();
        let tx = self.conn.transaction()?;
        let version = next_version(&tx, &row.id)?;
        row.version = version.to_string();
        let body = serde_json::to_value(&row).map_err(corrupt)?;
        save(&tx, original_id, &row.id, version, FACTOR, &body, actor)?;
        tx.commit()?;
        Ok(row)
    }

    /// As [`Self::save_company_factor`], for a spend factor.
    pub fn save_spend_factor(
        &mut self,
        original_id: Option<&str>,
        mut factor: SpendFactor,
        actor: &str,
    ) -> Result<SpendFactor> {
        factor.pack = COMPANY_PACK.to_string();
        let tx = self.conn.transaction()?;
        let version = next_version(&tx, &factor.id)?;
        factor.version = version.to_string();
        let body = serde_json::to_value(&factor).map_err(corrupt)?;
        save(&tx, original_id, &factor.id, version, SPEND, &body, actor)?;
        tx.commit()?;
        Ok(factor)
    }

    /// Retires company factor `id` (its versions stay for old results).
    pub fn retire_company_factor(&mut self, id: &str, actor: &str) -> Result<()> {
        let tx = self.conn.transaction()?;
        let at = audit::now();
        let before = retire(&tx, id, &at)?.ok_or_else(|| StoreError::EntryNotFound(id.into()))?;
        audit::append(
            &tx,
            actor,
            "company_factor",
            id,
            "retire",
            Some(&before),
            None,
        )?;
        tx.commit()?;
        Ok(())
    }
}

fn save(
    tx: &Transaction<'_>,
    original_id: Option<&str>,
    id: &str,
    version: u32,
    kind: &str,
    body: &serde_json::Value,
    actor: &str,
) -> Result<()> {
    let at = audit::now();
    // A new id must be free; a changed id must not take another factor's.
    if original_id != Some(id) && current(tx, id)?.is_some() {
        return Err(StoreError::EntryIdTaken(id.to_string()));
    }
    let before = match original_id {
        Some(orig) => {
            Some(retire(tx, orig, &at)?.ok_or_else(|| StoreError::EntryNotFound(orig.into()))?)
        }
        None => None,
    };
    tx.execute(
        "INSERT INTO company_factors (id, version, kind, body, created_at) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![id, version, kind, body.to_string(), at],
    )?;
    audit::append(
        tx,
        actor,
        "company_factor",
        id,
        if before.is_some() { "update" } else { "create" },
        before.as_ref(),
        Some(body),
    )?;
    Ok(())
}
