-- The company's VSME sustainability report (issue #7).
--
-- vsme_facts: facts typed in the report's forms (`source = 'typed'`) or read from an EFRAG
-- digital template (`source = 'import'`, `origin` = the template's file name), one per
-- `fact_key` (concept plus dimensions, see athar_vsme::fact_key); `fact` is the whole
-- athar_vsme::Fact as JSON (decimals as strings). Figures the profile and the GHG inventory
-- give are not stored: they are computed each time the report is assembled.
CREATE TABLE vsme_facts (
    fact_key   TEXT PRIMARY KEY,
    source     TEXT NOT NULL CHECK (source IN ('typed', 'import')),
    origin     TEXT,
    fact       TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

-- A person's replacement for a computed figure, with the reason (also in the audit log).
CREATE TABLE vsme_overrides (
    fact_key   TEXT PRIMARY KEY,
    value      TEXT NOT NULL,
    reason     TEXT NOT NULL CHECK (length(trim(reason)) > 0),
    updated_at TEXT NOT NULL
);

-- The company's answers to the template's "If applicable" questions (group id of the model).
CREATE TABLE vsme_answers (
    group_id   TEXT PRIMARY KEY,
    applies    INTEGER NOT NULL CHECK (applies IN (0, 1)),
    updated_at TEXT NOT NULL
);

-- What every fact of the report shares, and the GHG reduction target. One row.
CREATE TABLE vsme_report (
    id                 INTEGER PRIMARY KEY CHECK (id = 1),
    -- Empty: the profile's legal name.
    entity_name        TEXT,
    -- lei, duns, euid or permid, and the identifier in that scheme.
    entity_scheme      TEXT,
    entity_identifier  TEXT,
    currency           TEXT,
    period_start       TEXT,
    period_end         TEXT,
    target_base_year   INTEGER,
    target_year        INTEGER,
    -- Reductions as fractions (0.42 = 42 % less than the base year).
    scope12_reduction  TEXT,
    scope3_reduction   TEXT,
    -- The template last imported: its file name, version and when.
    template_file      TEXT,
    template_version   TEXT,
    imported_at        TEXT,
    updated_at         TEXT NOT NULL
);
