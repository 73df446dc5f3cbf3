-- CBAM: the installations of the company, one row per installation and reporting period, with
-- the whole `athar_cbam::Installation` as JSON (sheets A–E and the products of the
-- Commission's communication template); the EU carbon price the user compares defaults with;
-- and a log of the packages exported for EU customers. Every write is audited.
CREATE TABLE cbam_installations (
    id           TEXT PRIMARY KEY,
    -- Copied from the body for listing and for matching a re-imported template.
    name_en      TEXT NOT NULL,
    period_start TEXT NOT NULL,
    period_end   TEXT NOT NULL,
    body         TEXT NOT NULL,
    -- `manual`, or the file name of the template it was last imported from.
    source       TEXT NOT NULL,
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL
);

CREATE INDEX cbam_installations_period ON cbam_installations (period_start, period_end, name_en);

-- Settings of the CBAM screens that belong to the company (not to the computer): the EU
-- carbon price (EUR per t CO2e) used for the certificate-cost comparison.
CREATE TABLE cbam_settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

-- What was exported for whom: one row per export and customer (customer '' when the export
-- was not addressed to one); `files` is a JSON list of the file names written.
CREATE TABLE cbam_exports (
    seq             INTEGER PRIMARY KEY AUTOINCREMENT,
    at              TEXT NOT NULL,
    installation_id TEXT NOT NULL,
    customer        TEXT NOT NULL,
    lang            TEXT NOT NULL,
    files           TEXT NOT NULL
);

CREATE INDEX cbam_exports_installation ON cbam_exports (installation_id, seq);
