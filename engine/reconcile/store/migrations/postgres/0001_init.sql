-- The prediction store, PostgreSQL flavour: money is NUMERIC (exact, no
-- fixed scale), times are TIMESTAMPTZ, tags and cloud ids JSONB so they
-- can be queried in SQL.

CREATE TABLE runs (
    id           BIGINT      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    repo         TEXT        NOT NULL,
    commit_sha   TEXT        NOT NULL,
    pull_request TEXT        NOT NULL,
    recorded_at  TIMESTAMPTZ NOT NULL,
    source       TEXT        NOT NULL,
    catalog      TEXT        NOT NULL,
    priced_as_of JSONB       NOT NULL,
    currency     TEXT        NOT NULL,
    UNIQUE (repo, commit_sha)
);

CREATE INDEX runs_repo_recorded_at ON runs (repo, recorded_at);

CREATE TABLE resources (
    id        BIGINT  GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    run_id    BIGINT  NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
    address   TEXT    NOT NULL,
    type      TEXT    NOT NULL,
    provider  TEXT    NOT NULL,
    region    TEXT    NOT NULL,
    action    TEXT    NOT NULL,
    monthly   NUMERIC NOT NULL,
    priced    BOOLEAN NOT NULL,
    cloud_ids JSONB   NOT NULL,
    tags      JSONB   NOT NULL,
    UNIQUE (run_id, address)
);

CREATE TABLE components (
    resource_id BIGINT  NOT NULL REFERENCES resources (id) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    name        TEXT    NOT NULL,
    unit        TEXT    NOT NULL,
    quantity    NUMERIC NOT NULL,
    unit_price  NUMERIC NOT NULL,
    monthly     NUMERIC NOT NULL,
    usage_key   TEXT    NOT NULL,
    usage_given BOOLEAN NOT NULL,
    unpriced    TEXT    NOT NULL,
    PRIMARY KEY (resource_id, position)
);

CREATE TABLE reconciliations (
    id                 BIGINT      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    repo               TEXT        NOT NULL,
    ran_at             TIMESTAMPTZ NOT NULL,
    period_start       TIMESTAMPTZ NOT NULL,
    period_end         TIMESTAMPTZ NOT NULL,
    basis              TEXT        NOT NULL,
    currency           TEXT        NOT NULL,
    files              JSONB       NOT NULL,
    resources          INTEGER     NOT NULL,
    found              INTEGER     NOT NULL,
    predicted          NUMERIC     NOT NULL,
    actual_list        NUMERIC     NOT NULL,
    actual_effective   NUMERIC     NOT NULL,
    actual_billed      NUMERIC     NOT NULL,
    wape               NUMERIC     NOT NULL,
    bias               NUMERIC     NOT NULL,
    coverage_predicted NUMERIC     NOT NULL,
    coverage_billed    NUMERIC     NOT NULL,
    no_actual          BOOLEAN     NOT NULL
);

CREATE INDEX reconciliations_repo_ran_at ON reconciliations (repo, ran_at);

CREATE TABLE reconciled_resources (
    reconciliation_id BIGINT  NOT NULL REFERENCES reconciliations (id) ON DELETE CASCADE,
    repo              TEXT    NOT NULL,
    address           TEXT    NOT NULL,
    type              TEXT    NOT NULL,
    predicted         NUMERIC NOT NULL,
    actual_list       NUMERIC NOT NULL,
    actual_effective  NUMERIC NOT NULL,
    actual_billed     NUMERIC NOT NULL,
    PRIMARY KEY (reconciliation_id, repo, address)
);
