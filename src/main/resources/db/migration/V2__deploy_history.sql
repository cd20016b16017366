-- Deploys: one row per deploy, rollback or recovery, the journal of its steps, the deploy lock of
-- each app and the append-only audit log.
-- Portable SQL only (SQLite and PostgreSQL), as in V1: TEXT/INTEGER/BIGINT, instants as epoch
-- milliseconds, JSON as TEXT.
-- Secret values are never kept here: records name environment variables, never their values.

CREATE TABLE deploys (
    id             TEXT   NOT NULL PRIMARY KEY,
    app            TEXT   NOT NULL,
    kind           TEXT   NOT NULL,
    version        TEXT   NOT NULL,
    images_json    TEXT   NOT NULL,
    who            TEXT   NOT NULL,
    started_at_ms  BIGINT NOT NULL,
    finished_at_ms BIGINT,
    outcome        TEXT   NOT NULL,
    failed_step    TEXT,
    failure        TEXT
);

CREATE INDEX deploys_by_app_and_start ON deploys (app, started_at_ms);
CREATE INDEX deploys_by_app_and_outcome ON deploys (app, outcome);

CREATE TABLE deploy_steps (
    deploy_id TEXT    NOT NULL REFERENCES deploys (id) ON DELETE CASCADE,
    seq       INTEGER NOT NULL,
    step      TEXT    NOT NULL,
    state     TEXT    NOT NULL,
    at_ms     BIGINT  NOT NULL,
    detail    TEXT    NOT NULL,
    PRIMARY KEY (deploy_id, seq)
);

-- At most one row per app: the primary key is what makes taking the lock atomic.
CREATE TABLE deploy_locks (
    app      TEXT   NOT NULL PRIMARY KEY,
    holder   TEXT   NOT NULL,
    hostname TEXT   NOT NULL,
    pid      BIGINT NOT NULL,
    since_ms BIGINT NOT NULL,
    message  TEXT   NOT NULL
);

-- Append-only: dray inserts rows and reads them, it never updates or deletes one.
CREATE TABLE audit_log (
    seq    BIGINT NOT NULL PRIMARY KEY,
    at_ms  BIGINT NOT NULL,
    host   TEXT   NOT NULL,
    app    TEXT   NOT NULL,
    action TEXT   NOT NULL,
    detail TEXT   NOT NULL
);

CREATE INDEX audit_log_by_app ON audit_log (app, seq);
