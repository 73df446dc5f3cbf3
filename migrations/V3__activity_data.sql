-- Activity data (bills, meter readings, invoice lines) and the factor packs the file was
-- created or upgraded with. `entry` is the whole athar_inventory::ActivityEntry as JSON
-- (decimals as strings); the other columns repeat what queries and re-imports need.
CREATE TABLE activity_entries (
    id              TEXT PRIMARY KEY,
    site            TEXT NOT NULL,
    period_from     TEXT NOT NULL,
    period_to       TEXT NOT NULL,
    origin          TEXT NOT NULL,
    -- The import file's name, or 'manual'.
    source          TEXT NOT NULL,
    -- The row's id in its source (NULL for manual entries); re-imports match on it.
    external_row_id TEXT,
    entry           TEXT NOT NULL,
    UNIQUE (source, external_row_id)
);

CREATE INDEX activity_entries_period ON activity_entries (period_from, period_to);

CREATE TABLE factor_packs (
    pack_id    TEXT NOT NULL,
    version    TEXT NOT NULL,
    loaded_at  TEXT NOT NULL,
    csv_sha256 TEXT NOT NULL,
    PRIMARY KEY (pack_id, version)
);
