-- The company's own emission factors (pack `company`): rows in the factor-pack format
-- (`kind = 'factor'`, body = athar_factors::FactorRow as JSON) and spend factors
-- (`kind = 'spend'`, body = athar_inventory::SpendFactor). A change adds a version and
-- retires the previous one, so a result that cited `id@version` can still be explained.
CREATE TABLE company_factors (
    id         TEXT NOT NULL,
    version    INTEGER NOT NULL,
    kind       TEXT NOT NULL CHECK (kind IN ('factor', 'spend')),
    body       TEXT NOT NULL,
    created_at TEXT NOT NULL,
    retired_at TEXT,
    PRIMARY KEY (id, version)
);

CREATE INDEX company_factors_current ON company_factors (retired_at, id);
