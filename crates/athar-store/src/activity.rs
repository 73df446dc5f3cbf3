//! Activity entries (typed in or imported) and the record of embedded factor packs; every
//! change audited in the same transaction.
//!
//! An entry is stored whole, as the JSON of [`ActivityEntry`] (decimals as strings), next to
//! the columns queries and re-imports need: site, period, origin, source (the import file's
//! name or `manual`) and the row's external id. `UNIQUE (source, external_row_id)` makes a
//! re-import of the same rows an update or a no-op, never a duplicate.

use athar_inventory::{ActivityEntry, Origin};
use rusqlite::{params, OptionalExtension, Transaction};
use serde::Serialize;
use sha2::{Digest, Sha256};

use crate::{audit, CompanyFile, Result, StoreError};

/// The source of entries typed in by a person.
pub const MANUAL_SOURCE: &str = "manual";

/// An entry as stored, with where it came from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StoredEntry {
    pub source: String,
    pub external_row_id: Option<String>,
    pub entry: ActivityEntry,
}

/// Which entries [`CompanyFile::query_entries`] returns. `None` = no condition.
#[derive(Debug, Clone, Copy, Default)]
pub struct EntryQuery<'a> {
    pub site: Option<&'a str>,
    /// Entries whose period overlaps `from..=to`.
    pub from: Option<time::Date>,
    pub to: Option<time::Date>,
    /// Entry kinds (`fuel`, `electricity`, ... as serialised in `activity.type`).
    pub kinds: Option<&'a [&'a str]>,
    /// Text found in the id, the source file's name or the entry.
    pub text: Option<&'a str>,
    pub offset: u32,
    pub limit: u32,
}

/// What the activity table's filters can offer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EntryFacets {
    pub total: u64,
    pub sites: Vec<String>,
    /// Newest first.
    pub years: Vec<i32>,
}

/// One row handed to [`CompanyFile::import_entries`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportRow {
    /// The row's id in its source file (an id column, or `row-<n>`).
    pub external_row_id: String,
    pub entry: ActivityEntry,
}

/// What an import changed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct ImportOutcome {
    pub inserted: u64,
    pub unchanged: u64,
    pub updated: u64,
}

fn origin_name(o: &Origin) -> &'static str {
    match o {
        Origin::Manual => "manual",
        Origin::Import { .. } => "import",
        Origin::Document => "document",
    }
}

fn entry_json(e: &ActivityEntry) -> serde_json::Value {
    serde_json::to_value(e).expect("entries serialise")
}

fn parse_entry(s: &str) -> Result<ActivityEntry> {
    serde_json::from_str(s).map_err(|e| StoreError::Corrupt(format!("activity entry: {e}")))
}

fn date(d: time::Date) -> String {
    d.format(time::macros::format_description!("[year]-[month]-[day]"))
        .unwrap_or_default()
}

fn insert(
    tx: &Transaction<'_>,
    e: &ActivityEntry,
    source: &str,
    external: Option<&str>,
) -> Result<()> {
    let taken: bool = tx.query_row(
        "SELECT count(*) > 0 FROM activity_entries WHERE id = ?1",
        [&e.id],
        |r| r.get(0),
    )?;
    if taken {
        return Err(StoreError::EntryIdTaken(e.id.clone()));
    }
    tx.execute(
        "INSERT INTO activity_entries (id, site, period_from, period_to, origin, source, external_row_id, entry)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        params![
            e.id,
            e.site,
            date(e.period.from),
            date(e.period.to),
            origin_name(&e.origin),
            source,
            external,
            entry_json(e).to_string()
        ],
    )?;
    Ok(())
}

fn rewrite(tx: &Transaction<'_>, old_id: &str, e: &ActivityEntry) -> Result<()> {
    if old_id != e.id {
        let taken: bool = tx.query_row(
            "SELECT count(*) > 0 FROM activity_entries WHERE id = ?1",
            [&e.id],
            |r| r.get(0),
        )?;
        if taken {
            return Err(StoreError::EntryIdTaken(e.id.clone()));
        }
    }
    tx.execute(
        "UPDATE activity_entries SET id = ?2, site = ?3, period_from = ?4, period_to = ?5,
                origin = ?6, entry = ?7 WHERE id = ?1",
        params![
            old_id,
            e.id,
            e.site,
            date(e.period.from),
            date(e.period.to),
            origin_name(&e.origin),
            entry_json(e).to_string()
        ],
    )?;
    Ok(())
}

fn stored(tx: &rusqlite::Connection, id: &str) -> Result<Option<ActivityEntry>> {
    tx.query_row(
        "SELECT entry FROM activity_entries WHERE id = ?1",
        [id],
        |r| r.get::<_, String>(0),
    )
    .optional()?
    .map(|s| parse_entry(&s))
    .transpose()
}

/// Records the embedded packs not yet listed in `factor_packs`, as one audit entry.
pub(crate) fn record_factor_packs(tx: &Transaction<'_>, actor: &str) -> Result<usize> {
    let at = crate::audit::now();
    let mut added = Vec::new();
    for spec in athar_factors::EMBEDDED {
        let known: bool = tx.query_row(
            "SELECT count(*) > 0 FROM factor_packs WHERE pack_id = ?1 AND version = ?2",
            params![spec.id, spec.version],
            |r| r.get(0),
        )?;
        if known {
            continue;
        }
        let sha = hex::encode(Sha256::digest(spec.csv.as_bytes()));
        tx.execute(
            "INSERT INTO factor_packs (pack_id, version, loaded_at, csv_sha256) VALUES (?1, ?2, ?3, ?4)",
            params![spec.id, spec.version, at, sha],
        )?;
        added.push(serde_json::json!({
            "pack_id": spec.id, "version": spec.version, "loaded_at": at, "csv_sha256": sha
        }));
    }
    if !added.is_empty() {
        audit::append(
            tx,
            actor,
            "factor_packs",
            "embedded",
            "record",
            None,
            Some(&serde_json::Value::Array(added.clone())),
        )?;
    }
    Ok(added.len())
}

/// A row of `factor_packs`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FactorPackRecord {
    pub pack_id: String,
    pub version: String,
    pub loaded_at: String,
    pub csv_sha256: String,
}

impl CompanyFile {
    /// The embedded factor packs recorded in the file, by pack and version.
    pub fn factor_packs(&self) -> Result<Vec<FactorPackRecord>> {
        let mut stmt = self.conn.prepare(
            "SELECT pack_id, version, loaded_at, csv_sha256 FROM factor_packs ORDER BY pack_id, version",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok(FactorPackRecord {
                pack_id: r.get(0)?,
                version: r.get(1)?,
                loaded_at: r.get(2)?,
                csv_sha256: r.get(3)?,
            })
        })?;
        Ok(rows.collect::<std::result::Result<_, _>>()?)
    }

    /// Records embedded packs the file does not list yet (after creation or an upgrade by a
    /// newer build). Returns how many were added.
    pub(crate) fn record_embedded_packs(&mut self, actor: &str) -> Result<usize> {
        let tx = self.conn.transaction()?;
        let n = record_factor_packs(&tx, actor)?;
        tx.commit()?;
        Ok(n)
    }

    /// Every activity entry, ordered by period start, then id.
    pub fn list_entries(&self) -> Result<Vec<StoredEntry>> {
        let mut stmt = self.conn.prepare(
            "SELECT source, external_row_id, entry FROM activity_entries ORDER BY period_from, id",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, Option<String>>(1)?,
                r.get::<_, String>(2)?,
            ))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (source, external_row_id, entry) = row?;
            out.push(StoredEntry {
                source,
                external_row_id,
                entry: parse_entry(&entry)?,
            });
        }
        Ok(out)
    }

    /// The entries matching `q`, ordered by period start, then id, and how many match in all.
    pub fn query_entries(&self, q: &EntryQuery<'_>) -> Result<(Vec<StoredEntry>, u64)> {
        let mut sql = String::from(" FROM activity_entries WHERE 1 = 1");
        let mut args: Vec<rusqlite::types::Value> = Vec::new();
        let mut arg = |sql: &mut String, clause: &str, v: rusqlite::types::Value| {
            args.push(v);
            sql.push_str(&clause.replace('?', &format!("?{}", args.len())));
        };
        if let Some(site) = q.site {
            arg(&mut sql, " AND site = ?", site.to_string().into());
        }
        if let Some(from) = q.from {
            arg(&mut sql, " AND period_to >= ?", date(from).into());
        }
        if let Some(to) = q.to {
            arg(&mut sql, " AND period_from <= ?", date(to).into());
        }
        if let Some(kinds) = q.kinds {
            sql.push_str(" AND json_extract(entry, '$.activity.type') IN (");
            for (i, k) in kinds.iter().enumerate() {
                if i > 0 {
                    sql.push_str(", ");
                }
                arg(&mut sql, "?", k.to_string().into());
            }
            sql.push(')');
        }
        if let Some(text) = q.text.map(str::trim).filter(|t| !t.is_empty()) {
            let like = format!(
                "%{}%",
                text.replace('\\', "\\\\")
                    .replace('%', "\\%")
                    .replace('_', "\\_")
            );
            // One parameter, used three times: `?` is numbered, so repeat its number.
            arg(&mut sql, " AND (id LIKE ? ESCAPE '\\'", like.into());
            let n = format!("?{}", args.len());
            sql.push_str(&format!(
                " OR source LIKE {n} ESCAPE '\\' OR entry LIKE {n} ESCAPE '\\')"
            ));
        }
        let matching: u64 = self.conn.query_row(
            &format!("SELECT count(*){sql}"),
            rusqlite::params_from_iter(args.iter()),
            |r| r.get(0),
        )?;
        let page = format!(
            "SELECT source, external_row_id, entry{sql} ORDER BY period_from, id LIMIT {} OFFSET {}",
            q.limit, q.offset
        );
        let mut stmt = self.conn.prepare(&page)?;
        let rows = stmt.query_map(rusqlite::params_from_iter(args.iter()), |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, Option<String>>(1)?,
                r.get::<_, String>(2)?,
            ))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (source, external_row_id, entry) = row?;
            out.push(StoredEntry {
                source,
                external_row_id,
                entry: parse_entry(&entry)?,
            });
        }
        Ok((out, matching))
    }

    /// How many entries there are, the sites they name and the calendar years they touch.
    pub fn entry_facets(&self) -> Result<EntryFacets> {
        let total: u64 = self
            .conn
            .query_row("SELECT count(*) FROM activity_entries", [], |r| r.get(0))?;
        let strings = |sql: &str| -> Result<Vec<String>> {
            let mut stmt = self.conn.prepare(sql)?;
            let rows = stmt.query_map([], |r| r.get::<_, String>(0))?;
            Ok(rows.collect::<std::result::Result<_, _>>()?)
        };
        let sites = strings("SELECT DISTINCT site FROM activity_entries ORDER BY site")?;
        let mut years: Vec<i32> = strings(
            "SELECT substr(period_from, 1, 4) FROM activity_entries
             UNION SELECT substr(period_to, 1, 4) FROM activity_entries",
        )?
        .iter()
        .filter_map(|y| y.parse().ok())
        .collect();
        years.sort_unstable_by(|a, b| b.cmp(a));
        years.dedup();
        Ok(EntryFacets {
            total,
            sites,
            years,
        })
    }

    /// Where entry `id` came from: `manual` or the imported file's name.
    pub fn entry_source(&self, id: &str) -> Result<Option<String>> {
        Ok(self
            .conn
            .query_row(
                "SELECT source FROM activity_entries WHERE id = ?1",
                [id],
                |r| r.get(0),
            )
            .optional()?)
    }

    /// One entry by id.
    pub fn entry(&self, id: &str) -> Result<Option<ActivityEntry>> {
        stored(&self.conn, id)
    }

    /// Adds an entry typed in by a person (source `manual`).
    pub fn add_entry(&mut self, entry: &ActivityEntry, actor: &str) -> Result<()> {
        let tx = self.conn.transaction()?;
        insert(&tx, entry, MANUAL_SOURCE, None)?;
        audit::append(
            &tx,
            actor,
            "activity_entry",
            &entry.id,
            "create",
            None,
            Some(&entry_json(entry)),
        )?;
        tx.commit()?;
        Ok(())
    }

    /// Replaces the entry with id `id` by `entry` (which may carry a new id).
    pub fn update_entry(&mut self, id: &str, entry: &ActivityEntry, actor: &str) -> Result<()> {
        let tx = self.conn.transaction()?;
        let before = stored(&tx, id)?.ok_or_else(|| StoreError::EntryNotFound(id.into()))?;
        if &before == entry {
            return Ok(());
        }
        rewrite(&tx, id, entry)?;
        audit::append(
            &tx,
            actor,
            "activity_entry",
            id,
            "update",
            Some(&entry_json(&before)),
            Some(&entry_json(entry)),
        )?;
        tx.commit()?;
        Ok(())
    }

    pub fn delete_entry(&mut self, id: &str, actor: &str) -> Result<()> {
        let tx = self.conn.transaction()?;
        let before = stored(&tx, id)?.ok_or_else(|| StoreError::EntryNotFound(id.into()))?;
        tx.execute("DELETE FROM activity_entries WHERE id = ?1", [id])?;
        audit::append(
            &tx,
            actor,
            "activity_entry",
            id,
            "delete",
            Some(&entry_json(&before)),
            None,
        )?;
        tx.commit()?;
        Ok(())
    }

    /// Imports `rows` from `source` (the file's name) in one transaction. A row whose
    /// (source, external id) is already stored with identical content is unchanged; with
    /// different content it is updated (audited with before and after); otherwise inserted.
    /// An entry id already used by another row fails the whole import
    /// ([`StoreError::EntryIdTaken`]) and changes nothing.
    pub fn import_entries(
        &mut self,
        source: &str,
        rows: &[ImportRow],
        actor: &str,
    ) -> Result<ImportOutcome> {
        let tx = self.conn.transaction()?;
        let mut out = ImportOutcome::default();
        for row in rows {
            let existing: Option<(String, String)> = tx
                .query_row(
                    "SELECT id, entry FROM activity_entries WHERE source = ?1 AND external_row_id = ?2",
                    params![source, row.external_row_id],
                    |r| Ok((r.get(0)?, r.get(1)?)),
                )
                .optional()?;
            match existing {
                None => {
                    insert(&tx, &row.entry, source, Some(&row.external_row_id))?;
                    audit::append(
                        &tx,
                        actor,
                        "activity_entry",
                        &row.entry.id,
                        "import",
                        None,
                        Some(&entry_json(&row.entry)),
                    )?;
                    out.inserted += 1;
                }
                Some((id, json)) => {
                    let before = parse_entry(&json)?;
                    if before == row.entry {
                        out.unchanged += 1;
                        continue;
                    }
                    rewrite(&tx, &id, &row.entry)?;
                    audit::append(
                        &tx,
                        actor,
                        "activity_entry",
                        &id,
                        "update",
                        Some(&entry_json(&before)),
                        Some(&entry_json(&row.entry)),
                    )?;
                    out.updated += 1;
                }
            }
        }
        tx.commit()?;
        Ok(out)
    }
}
