-- The company profile, its sites and EU customers, and file-level settings.
-- Decimals are stored as TEXT so no value ever passes through a float.
CREATE TABLE company (
    id                  INTEGER PRIMARY KEY CHECK (id = 1),
    legal_name_en       TEXT    NOT NULL,
    legal_name_ar       TEXT    NOT NULL DEFAULT '',
    legal_form          TEXT    NOT NULL DEFAULT '',
    registration_number TEXT    NOT NULL DEFAULT '',
    country             TEXT    NOT NULL,
    city                TEXT    NOT NULL DEFAULT '',
    address             TEXT    NOT NULL DEFAULT '',
    nace_codes          TEXT    NOT NULL DEFAULT '[]',
    employees           INTEGER,
    turnover_amount     TEXT,
    turnover_currency   TEXT,
    reporting_year      INTEGER NOT NULL
);

CREATE TABLE sites (
    id        INTEGER PRIMARY KEY,
    name      TEXT NOT NULL,
    address   TEXT NOT NULL DEFAULT '',
    unlocode  TEXT NOT NULL DEFAULT '',
    latitude  TEXT,
    longitude TEXT
);

CREATE TABLE customers (
    id      INTEGER PRIMARY KEY,
    name    TEXT NOT NULL,
    country TEXT NOT NULL,
    email   TEXT NOT NULL DEFAULT ''
);

CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
