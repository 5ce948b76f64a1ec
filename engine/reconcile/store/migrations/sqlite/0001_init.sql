-- The prediction store, SQLite flavour. Money is TEXT (a decimal string,
-- exact) and times are TEXT in a fixed-width UTC form that sorts as time;
-- STRICT tables keep SQLite from turning either into a REAL.

CREATE TABLE runs (
    id           INTEGER PRIMARY KEY,
    repo         TEXT    NOT NULL,
    commit_sha   TEXT    NOT NULL,
    pull_request TEXT    NOT NULL,
    recorded_at  TEXT    NOT NULL,
    source       TEXT    NOT NULL,
    catalog      TEXT    NOT NULL,
    priced_as_of TEXT    NOT NULL, -- JSON object: source → date
    currency     TEXT    NOT NULL,
    UNIQUE (repo, commit_sha)
) STRICT;

CREATE INDEX runs_repo_recorded_at ON runs (repo, recorded_at);

CREATE TABLE resources (
    id        INTEGER PRIMARY KEY,
    run_id    INTEGER NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
    address   TEXT    NOT NULL,
    type      TEXT    NOT NULL,
    provider  TEXT    NOT NULL,
    region    TEXT    NOT NULL,
    action    TEXT    NOT NULL,
    monthly   TEXT    NOT NULL,
    priced    INTEGER NOT NULL,
    cloud_ids TEXT    NOT NULL, -- JSON array, sorted
    tags      TEXT    NOT NULL, -- JSON object
    UNIQUE (run_id, address)
) STRICT;

CREATE TABLE components (
    resource_id INTEGER NOT NULL REFERENCES resources (id) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    name        TEXT    NOT NULL,
    unit        TEXT    NOT NULL,
    quantity    TEXT    NOT NULL,
    unit_price  TEXT    NOT NULL,
    monthly     TEXT    NOT NULL,
    usage_key   TEXT    NOT NULL,
    usage_given INTEGER NOT NULL,
    unpriced    TEXT    NOT NULL,
    PRIMARY KEY (resource_id, position)
) STRICT;

CREATE TABLE reconciliations (
    id                 INTEGER PRIMARY KEY,
    repo               TEXT    NOT NULL,
    ran_at             TEXT    NOT NULL,
    period_start       TEXT    NOT NULL,
    period_end         TEXT    NOT NULL,
    basis              TEXT    NOT NULL,
    currency           TEXT    NOT NULL,
    files              TEXT    NOT NULL, -- JSON array of file names
    resources          INTEGER NOT NULL,
    found              INTEGER NOT NULL,
    predicted          TEXT    NOT NULL,
    actual_list        TEXT    NOT NULL,
    actual_effective   TEXT    NOT NULL,
    actual_billed      TEXT    NOT NULL,
    wape               TEXT    NOT NULL,
    bias               TEXT    NOT NULL,
    coverage_predicted TEXT    NOT NULL,
    coverage_billed    TEXT    NOT NULL,
    no_actual          INTEGER NOT NULL
) STRICT;

CREATE INDEX reconciliations_repo_ran_at ON reconciliations (repo, ran_at);

CREATE TABLE reconciled_resources (
    reconciliation_id INTEGER NOT NULL REFERENCES reconciliations (id) ON DELETE CASCADE,
    repo              TEXT    NOT NULL,
    address           TEXT    NOT NULL,
    type              TEXT    NOT NULL,
    predicted         TEXT    NOT NULL,
    actual_list       TEXT    NOT NULL,
    actual_effective  TEXT    NOT NULL,
    actual_billed     TEXT    NOT NULL,
    PRIMARY KEY (reconciliation_id, repo, address)
) STRICT;
