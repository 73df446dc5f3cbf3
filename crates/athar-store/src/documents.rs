//! Documents kept as evidence: the original bytes of a bill or invoice, what extraction read
//! from it, and what the reviewer accepted.
//!
//! Why inside the company file: an original is company data like any other, so it is kept
//! encrypted with the rest and never as a plaintext file on disk. Content is stored once:
//! the id comes from the SHA-256 of the bytes, and adding the same bytes again (under any
//! name) finds the stored document. Every write appends to the audit log in the same
//! transaction; the audit records the file's name, kind, size and hash, not its bytes.

use rusqlite::{params, OptionalExtension};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::{audit, CompanyFile, Result, StoreError};

/// Where a document is in its life.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DocumentStatus {
    /// Stored; not read yet.
    Added,
    /// Read; waiting for review.
    Extracted,
    /// Could not be read (the error says why); the original is kept.
    Failed,
    /// Reviewed: its values became an activity entry.
    Accepted,
}

impl DocumentStatus {
    pub fn id(self) -> &'static str {
        match self {
            DocumentStatus::Added => "added",
            DocumentStatus::Extracted => "extracted",
            DocumentStatus::Failed => "failed",
            DocumentStatus::Accepted => "accepted",
        }
    }

    fn parse(s: &str) -> Result<Self> {
        Ok(match s {
            "added" => DocumentStatus::Added,
            "extracted" => DocumentStatus::Extracted,
            "failed" => DocumentStatus::Failed,
            "accepted" => DocumentStatus::Accepted,
            other => return Err(StoreError::Corrupt(format!("document status {other}"))),
        })
    }
}

/// A stored document without its bytes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StoredDocument {
    pub id: String,
    pub sha256: String,
    pub file_name: String,
    pub file_kind: String,
    pub size: u64,
    pub added_at: String,
    pub status: DocumentStatus,
    /// `athar_extract::Extraction` as JSON.
    pub extraction: Option<String>,
    /// Why extraction failed: a Fluent key and its arguments.
    pub error: Option<(String, Vec<(String, String)>)>,
    pub extracted_at: Option<String>,
}

/// What the reviewer did with one field.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FieldReview {
    pub field: String,
    /// The value extraction proposed, if any.
    pub proposed: Option<String>,
    pub confidence: Option<f64>,
    pub page: Option<u32>,
    /// The value accepted.
    pub value: String,
}

impl FieldReview {
    /// `accepted` (as proposed), `edited` or `added` (nothing was proposed).
    pub fn state(&self) -> &'static str {
        match &self.proposed {
            None => "added",
            Some(p) if *p == self.value => "accepted",
            Some(_) => "edited",
        }
    }
}

/// What reading a document gave: the Extraction JSON, or a Fluent key and its arguments.
pub type ExtractionOutcome<'a> = std::result::Result<&'a str, (&'a str, &'a [(String, String)])>;

/// The id of a document with these bytes.
pub fn document_id(bytes: &[u8]) -> (String, String) {
    let sha = hex::encode(Sha256::digest(bytes));
    (format!("DOC-{}", &sha[..16]), sha)
}

const COLUMNS: &str =
    "id, sha256, file_name, file_kind, size, added_at, status, extraction, error, extracted_at";

fn row(r: &rusqlite::Row<'_>) -> rusqlite::Result<(StoredDocument, String, Option<String>)> {
    Ok((
        StoredDocument {
            id: r.get(0)?,
            sha256: r.get(1)?,
            file_name: r.get(2)?,
            file_kind: r.get(3)?,
            size: r.get::<_, i64>(4)?.max(0) as u64,
            added_at: r.get(5)?,
            status: DocumentStatus::Added,
            extraction: r.get(7)?,
            error: None,
            extracted_at: r.get(9)?,
        },
        r.get(6)?,
        r.get(8)?,
    ))
}

fn finish(
    (mut d, status, error): (StoredDocument, String, Option<String>),
) -> Result<StoredDocument> {
    d.status = DocumentStatus::parse(&status)?;
    d.error = error
        .map(|e| {
            serde_json::from_str(&e)
                .map_err(|e| StoreError::Corrupt(format!("document error: {e}")))
        })
        .transpose()?;
    Ok(d)
}

fn summary(d: &StoredDocument) -> serde_json::Value {
    serde_json::json!({
        "file_name": d.file_name,
        "file_kind": d.file_kind,
        "size": d.size,
        "sha256": d.sha256,
        "status": d.status.id(),
    })
}

impl CompanyFile {
    /// Stores `bytes` as a document named `file_name` whose content is `file_kind`. Returns
    /// the document and `true`, or the document already holding these bytes and `false`
    /// (nothing is written then).
    pub fn add_document(
        &mut self,
        file_name: &str,
        file_kind: &str,
        bytes: &[u8],
        actor: &str,
    ) -> Result<(StoredDocument, bool)> {
        let (id, sha) = document_id(bytes);
        if let Some(existing) = self.document_by_hash(&sha)? {
            return Ok((existing, false));
        }
        let tx = self.conn.transaction()?;
        let at = audit::now();
        tx.execute(
            "INSERT INTO documents (id, sha256, file_name, file_kind, size, bytes, added_at, status)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 'added')",
            params![id, sha, file_name, file_kind, bytes.len() as i64, bytes, at],
        )?;
        let doc = StoredDocument {
            id: id.clone(),
            sha256: sha,
            file_name: file_name.to_string(),
            file_kind: file_kind.to_string(),
            size: bytes.len() as u64,
            added_at: at,
            status: DocumentStatus::Added,
            extraction: None,
            error: None,
            extracted_at: None,
        };
        audit::append(
            &tx,
            actor,
            "document",
            &id,
            "create",
            None,
            Some(&summary(&doc)),
        )?;
        tx.commit()?;
        Ok((doc, true))
    }

    fn document_by_hash(&self, sha: &str) -> Result<Option<StoredDocument>> {
        self.conn
            .query_row(
                &format!("SELECT {COLUMNS} FROM documents WHERE sha256 = ?1"),
                [sha],
                row,
            )
            .optional()?
            .map(finish)
            .transpose()
    }

    /// Every document, oldest first (without bytes).
    pub fn documents(&self) -> Result<Vec<StoredDocument>> {
        let mut stmt = self.conn.prepare(&format!(
            "SELECT {COLUMNS} FROM documents ORDER BY added_at, id"
        ))?;
        let rows = stmt.query_map([], row)?;
        rows.map(|r| finish(r?)).collect()
    }

    pub fn document(&self, id: &str) -> Result<Option<StoredDocument>> {
        self.conn
            .query_row(
                &format!("SELECT {COLUMNS} FROM documents WHERE id = ?1"),
                [id],
                row,
            )
            .optional()?
            .map(finish)
            .transpose()
    }

    /// The original bytes of document `id`.
    pub fn document_bytes(&self, id: &str) -> Result<Option<Vec<u8>>> {
        Ok(self
            .conn
            .query_row("SELECT bytes FROM documents WHERE id = ?1", [id], |r| {
                r.get(0)
            })
            .optional()?)
    }

    /// Records what extraction read (`Ok`, the Extraction JSON) or why it could not
    /// (`Err`, a Fluent key and arguments). An accepted document keeps its status.
    pub fn save_document_extraction(
        &mut self,
        id: &str,
        outcome: ExtractionOutcome<'_>,
        actor: &str,
    ) -> Result<StoredDocument> {
        let before = self
            .document(id)?
            .ok_or_else(|| StoreError::EntryNotFound(id.into()))?;
        let tx = self.conn.transaction()?;
        let at = audit::now();
        let (status, extraction, error) = match outcome {
            Ok(json) => (DocumentStatus::Extracted, Some(json.to_string()), None),
            Err((key, args)) => (
                DocumentStatus::Failed,
                None,
                Some(serde_json::to_string(&(key, args)).unwrap_or_default()),
            ),
        };
        let status = if before.status == DocumentStatus::Accepted {
            DocumentStatus::Accepted
        } else {
            status
        };
        tx.execute(
            "UPDATE documents SET status = ?2, extraction = ?3, error = ?4, extracted_at = ?5
             WHERE id = ?1",
            params![id, status.id(), extraction, error, at],
        )?;
        let after = serde_json::json!({
            "status": status.id(),
            "error": error,
            "extraction_sha256": extraction.as_ref().map(|e| hex::encode(Sha256::digest(e.as_bytes()))),
        });
        audit::append(
            &tx,
            actor,
            "document",
            id,
            "extract",
            Some(&summary(&before)),
            Some(&after),
        )?;
        tx.commit()?;
        self.document(id)?
            .ok_or_else(|| StoreError::EntryNotFound(id.into()))
    }

    /// Records the review of document `id`: each field's fate and the activity entry the
    /// values became; the document is then `accepted`.
    pub fn record_document_review(
        &mut self,
        id: &str,
        entry_id: &str,
        fields: &[FieldReview],
        actor: &str,
    ) -> Result<()> {
        let before = self
            .document(id)?
            .ok_or_else(|| StoreError::EntryNotFound(id.into()))?;
        let tx = self.conn.transaction()?;
        let at = audit::now();
        tx.execute("DELETE FROM document_fields WHERE document_id = ?1", [id])?;
        for f in fields {
            tx.execute(
                "INSERT INTO document_fields
                 (document_id, field, proposed, confidence, page, state, value, entry_id, reviewed_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                params![
                    id,
                    f.field,
                    f.proposed,
                    f.confidence,
                    f.page,
                    f.state(),
                    f.value,
                    entry_id,
                    at
                ],
            )?;
        }
        tx.execute(
            "UPDATE documents SET status = 'accepted' WHERE id = ?1",
            [id],
        )?;
        let after = serde_json::json!({
            "status": "accepted",
            "entry_id": entry_id,
            "fields": fields.iter().map(|f| serde_json::json!({
                "field": f.field, "state": f.state(), "value": f.value,
            })).collect::<Vec<_>>(),
        });
        audit::append(
            &tx,
            actor,
            "document",
            id,
            "accept",
            Some(&summary(&before)),
            Some(&after),
        )?;
        tx.commit()?;
        Ok(())
    }

    /// The reviewed fields of document `id` with their state, and the entry they became.
    pub fn document_review(&self, id: &str) -> Result<Vec<(FieldReview, String, String)>> {
        let mut stmt = self.conn.prepare(
            "SELECT field, proposed, confidence, page, value, state, entry_id
             FROM document_fields WHERE document_id = ?1 ORDER BY field",
        )?;
        let rows = stmt.query_map([id], |r| {
            Ok((
                FieldReview {
                    field: r.get(0)?,
                    proposed: r.get(1)?,
                    confidence: r.get(2)?,
                    page: r.get(3)?,
                    value: r.get(4)?,
                },
                r.get(5)?,
                r.get(6)?,
            ))
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::CompanyFile;

    fn company(dir: &std::path::Path) -> CompanyFile {
        CompanyFile::create(
            &dir.join("docs.athar"),
            "a long passphrase 2026",
            athar_domain::NewCompany {
                name: "Nile Dates".into(),
                country: "EG".into(),
                reporting_year: 2026,
            },
            "t",
        )
        .unwrap()
    }

    #[test]
    fn the_same_bytes_are_stored_once_and_every_write_is_audited() {
        let dir = tempfile::tempdir().unwrap();
        let mut f = company(dir.path());
        let (a, new) = f
            .add_document("bill.pdf", "pdf", b"%PDF-1.4 x", "t")
            .unwrap();
        assert!(new);
        assert!(a.id.starts_with("DOC-") && a.id.len() == 20);
        let (b, new) = f
            .add_document("copy.pdf", "pdf", b"%PDF-1.4 x", "t")
            .unwrap();
        assert!(!new);
        assert_eq!(b.id, a.id);
        assert_eq!(b.file_name, "bill.pdf");
        assert_eq!(f.documents().unwrap().len(), 1);
        assert_eq!(f.document_bytes(&a.id).unwrap().unwrap(), b"%PDF-1.4 x");

        let failed = f
            .save_document_extraction(&a.id, Err(("doc-err-encrypted", &[])), "t")
            .unwrap();
        assert_eq!(failed.status, DocumentStatus::Failed);
        assert_eq!(failed.error, Some(("doc-err-encrypted".into(), vec![])));
        let done = f
            .save_document_extraction(&a.id, Ok(r#"{"doc_type":"gas_bill"}"#), "t")
            .unwrap();
        assert_eq!(done.status, DocumentStatus::Extracted);
        assert_eq!(done.error, None);

        let fields = vec![
            FieldReview {
                field: "consumption".into(),
                proposed: Some("120".into()),
                confidence: Some(0.9),
                page: Some(1),
                value: "120".into(),
            },
            FieldReview {
                field: "period_end".into(),
                proposed: Some("2026-01-31".into()),
                confidence: Some(0.4),
                page: Some(1),
                value: "2026-02-28".into(),
            },
        ];
        f.record_document_review(&a.id, "D-1", &fields, "t")
            .unwrap();
        let review = f.document_review(&a.id).unwrap();
        let states: Vec<&str> = review.iter().map(|(_, s, _)| s.as_str()).collect();
        assert_eq!(states, ["accepted", "edited"]);
        assert_eq!(
            f.document(&a.id).unwrap().unwrap().status,
            DocumentStatus::Accepted
        );
        // A later extraction does not put an accepted document back in the queue.
        let again = f.save_document_extraction(&a.id, Ok("{}"), "t").unwrap();
        assert_eq!(again.status, DocumentStatus::Accepted);
        let audit = f.verify_audit().unwrap();
        assert!(audit.intact());
    }
}
