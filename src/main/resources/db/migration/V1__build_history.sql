-- Build history: one row per build, its stages and their BuildKit steps.
-- Portable SQL only (SQLite and PostgreSQL): TEXT/INTEGER/BIGINT, booleans as INTEGER 0/1,
-- instants as epoch milliseconds, durations as milliseconds, JSON as TEXT.

CREATE TABLE builds (
    id            TEXT    NOT NULL PRIMARY KEY,
    service       TEXT    NOT NULL,
    repository    TEXT,
    started_at_ms BIGINT  NOT NULL,
    duration_ms   BIGINT  NOT NULL,
    outcome       TEXT    NOT NULL,
    failure       TEXT,
    git_ref       TEXT,
    git_sha       TEXT,
    tags_json     TEXT    NOT NULL,
    image_id      TEXT,
    digest        TEXT,
    size_bytes    BIGINT  NOT NULL,
    layer_count   INTEGER NOT NULL
);

CREATE INDEX builds_by_start ON builds (started_at_ms);
CREATE INDEX builds_by_service_and_start ON builds (service, started_at_ms);

CREATE TABLE build_stages (
    build_id     TEXT    NOT NULL REFERENCES builds (id) ON DELETE CASCADE,
    stage_index  INTEGER NOT NULL,
    name         TEXT    NOT NULL,
    ran_steps    INTEGER NOT NULL,
    cache_pushed INTEGER NOT NULL,
    duration_ms  BIGINT  NOT NULL,
    PRIMARY KEY (build_id, stage_index)
);

CREATE TABLE build_steps (
    build_id    TEXT    NOT NULL,
    stage_index INTEGER NOT NULL,
    step_index  INTEGER NOT NULL,
    name        TEXT    NOT NULL,
    cached      INTEGER NOT NULL,
    duration_ms BIGINT  NOT NULL,
    error       TEXT,
    PRIMARY KEY (build_id, stage_index, step_index),
    FOREIGN KEY (build_id, stage_index)
        REFERENCES build_stages (build_id, stage_index) ON DELETE CASCADE
);
