-- Documents (bills, invoices, receipts) kept as evidence inside the encrypted company file.
-- The original bytes are stored once per content: `sha256` is unique, so adding the same
-- file again finds the stored document instead of keeping a second copy.
CREATE TABLE documents (
    -- "DOC-" and the first 16 hex digits of the SHA-256; cited by activity entries'
    -- evidence (athar_inventory::Evidence.document_id).
    id          TEXT PRIMARY KEY,
    sha256      TEXT NOT NULL UNIQUE,
    file_name   TEXT NOT NULL,
    -- What the bytes are (athar_extract::FileKind id), whatever the name says.
    file_kind   TEXT NOT NULL,
    size        INTEGER NOT NULL,
    bytes       BLOB NOT NULL,
    added_at    TEXT NOT NULL,
    -- added | extracted | failed | accepted
    status      TEXT NOT NULL,
    -- athar_extract::Extraction as JSON, once extraction ran.
    extraction  TEXT,
    -- {"key": ..., "args": [[k, v], ...]} when extraction failed.
    error       TEXT,
    extracted_at TEXT
);

-- What the reviewer did with each proposed field when accepting a document.
CREATE TABLE document_fields (
    document_id TEXT NOT NULL REFERENCES documents (id),
    field       TEXT NOT NULL,
    proposed    TEXT,
    confidence  REAL,
    page        INTEGER,
    -- accepted (as proposed) | edited | added (nothing was proposed)
    state       TEXT NOT NULL,
    value       TEXT NOT NULL,
    -- The activity entry the values became.
    entry_id    TEXT NOT NULL,
    reviewed_at TEXT NOT NULL,
    PRIMARY KEY (document_id, field)
);
