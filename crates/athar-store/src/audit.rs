//! The audit log: every change to a company file, as a SHA-256 hash chain.
//!
//! Entry n stores `hash_n = SHA-256(json([seq, at, actor, entity, entity_id, action, before,
//! after, hash_{n-1}]))`, with 64 zeros before the first entry. Editing any column of an entry
//! breaks its own hash; removing one leaves a gap in `seq` or a `prev_hash` that no longer
//! matches; removing the newest entries is caught by `audit_head`. Verification reports the
//! first entry at fault. (Someone holding the key could rewrite the whole chain; the log
//! guards against silent edits, not against the key's owner.)

use rusqlite::{params, Connection, OptionalExtension, Transaction};
use serde::Serialize;
use sha2::{Digest, Sha256};

use crate::{CompanyFile, Result};

const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AuditEntry {
    pub seq: u64,
    pub at: String,
    pub actor: String,
    pub entity: String,
    pub entity_id: String,
    pub action: String,
    pub before: Option<String>,
    pub after: Option<String>,
    pub prev_hash: String,
    pub hash: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum AuditFault {
    /// The entry's content or hash was changed.
    Edited,
    /// The entry is missing (a gap in the sequence) or entries were reordered.
    Missing,
    /// Entries after the previous one were removed from the end of the log.
    Truncated,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AuditVerification {
    pub entries: u64,
    /// The first bad entry's sequence number and what is wrong with it.
    pub first_bad: Option<(u64, AuditFault)>,
}

impl AuditVerification {
    pub fn intact(&self) -> bool {
        self.first_bad.is_none()
    }
}

#[allow(clippy::too_many_arguments)]
fn entry_hash(
    seq: u64,
    at: &str,
    actor: &str,
    entity: &str,
    entity_id: &str,
    action: &str,
    before: Option<&str>,
    after: Option<&str>,
    prev_hash: &str,
) -> String {
    let canonical = serde_json::to_vec(&(
        seq, at, actor, entity, entity_id, action, before, after, prev_hash,
    ))
    .expect("tuples of strings serialise");
    hex::encode(Sha256::digest(canonical))
}

/// The current time in RFC 3339, UTC, as every stored timestamp is written.
pub(crate) fn now() -> String {
    time::OffsetDateTime::now_utc()
        .format(&time::format_description::well_known::Rfc3339)
        .unwrap_or_default()
}

/// Appends one entry inside the caller's transaction.
pub(crate) fn append(
    tx: &Transaction<'_>,
    actor: &str,
    entity: &str,
    entity_id: &str,
    action: &str,
    before: Option<&serde_json::Value>,
    after: Option<&serde_json::Value>,
) -> Result<u64> {
    let head: Option<(u64, String)> = tx
        .query_row("SELECT seq, hash FROM audit_head WHERE id = 1", [], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
        .optional()?;
    let (prev_seq, prev_hash) = head.unwrap_or((0, GENESIS.to_string()));
    let seq = prev_seq + 1;
    let at = now();
    let before = before.map(|v| v.to_string());
    let after = after.map(|v| v.to_string());
    let hash = entry_hash(
        seq,
        &at,
        actor,
        entity,
        entity_id,
        action,
        before.as_deref(),
        after.as_deref(),
        &prev_hash,
    );
    tx.execute(
        "INSERT INTO audit_log (seq, at, actor, entity, entity_id, action, before, after, prev_hash, hash)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
        params![seq, at, actor, entity, entity_id, action, before, after, prev_hash, hash],
    )?;
    tx.execute(
        "INSERT INTO audit_head (id, seq, hash) VALUES (1, ?1, ?2)
         ON CONFLICT (id) DO UPDATE SET seq = excluded.seq, hash = excluded.hash",
        params![seq, hash],
    )?;
    Ok(seq)
}

fn read_entries(conn: &Connection) -> Result<Vec<AuditEntry>> {
    let mut stmt = conn.prepare(
        "SELECT seq, at, actor, entity, entity_id, action, before, after, prev_hash, hash
         FROM audit_log ORDER BY seq",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok(AuditEntry {
            seq: r.get(0)?,
            at: r.get(1)?,
            actor: r.get(2)?,
            entity: r.get(3)?,
            entity_id: r.get(4)?,
            action: r.get(5)?,
            before: r.get(6)?,
            after: r.get(7)?,
            prev_hash: r.get(8)?,
            hash: r.get(9)?,
        })
    })?;
    Ok(rows.collect::<std::result::Result<_, _>>()?)
}

/// Walks the chain from the first entry and stops at the first fault.
pub fn verify_entries(entries: &[AuditEntry], head: Option<(u64, String)>) -> AuditVerification {
    let mut prev = GENESIS.to_string();
    let total = entries.len() as u64;
    for (i, e) in entries.iter().enumerate() {
        let expected_seq = i as u64 + 1;
        if e.seq != expected_seq || e.prev_hash != prev {
            // A gap, or the entry before it vanished: the chain no longer links here.
            let missing = if e.seq != expected_seq {
                expected_seq
            } else {
                e.seq
            };
            let fault = if e.seq == expected_seq && e.prev_hash != prev && i > 0 {
                // The link is broken although the sequence is whole: the previous entry's
                // hash was changed, or this entry's prev_hash was.
                AuditFault::Edited
            } else {
                AuditFault::Missing
            };
            return AuditVerification {
                entries: total,
                first_bad: Some((missing, fault)),
            };
        }
        let recomputed = entry_hash(
            e.seq,
            &e.at,
            &e.actor,
            &e.entity,
            &e.entity_id,
            &e.action,
            e.before.as_deref(),
            e.after.as_deref(),
            &e.prev_hash,
        );
        if recomputed != e.hash {
            return AuditVerification {
                entries: total,
                first_bad: Some((e.seq, AuditFault::Edited)),
            };
        }
        prev = e.hash.clone();
    }
    let last = entries.last().map(|e| (e.seq, e.hash.clone()));
    match (head, last) {
        (None, None) => AuditVerification {
            entries: 0,
            first_bad: None,
        },
        (Some((hseq, hhash)), Some((lseq, lhash))) if hseq == lseq && hhash == lhash => {
            AuditVerification {
                entries: total,
                first_bad: None,
            }
        }
        (Some((hseq, _)), Some((lseq, _))) if hseq > lseq => AuditVerification {
            entries: total,
            first_bad: Some((lseq + 1, AuditFault::Truncated)),
        },
        (Some(_), None) => AuditVerification {
            entries: 0,
            first_bad: Some((1, AuditFault::Truncated)),
        },
        (_, Some((lseq, _))) => AuditVerification {
            entries: total,
            first_bad: Some((lseq, AuditFault::Edited)),
        },
    }
}

impl CompanyFile {
    /// All audit entries, oldest first.
    pub fn audit_entries(&self) -> Result<Vec<AuditEntry>> {
        read_entries(&self.conn)
    }

    pub fn audit_count(&self) -> Result<u64> {
        Ok(self
            .conn
            .query_row("SELECT count(*) FROM audit_log", [], |r| r.get(0))?)
    }

    /// Checks the hash chain.
    pub fn verify_audit(&self) -> Result<AuditVerification> {
        let entries = read_entries(&self.conn)?;
        let head = self
            .conn
            .query_row("SELECT seq, hash FROM audit_head WHERE id = 1", [], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })
            .optional()?;
        Ok(verify_entries(&entries, head))
    }
}
