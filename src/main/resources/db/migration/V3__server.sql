-- dray server: the hashes of its API tokens and the webhook deliveries it has seen.
-- Portable SQL only (SQLite and PostgreSQL), as in V1: TEXT/BIGINT, instants as epoch milliseconds.

-- Only the SHA-256 (hex) of a token is kept: the token itself is shown once and never stored.
CREATE TABLE api_tokens (
    name          TEXT   NOT NULL PRIMARY KEY,
    sha256        TEXT   NOT NULL,
    created_at_ms BIGINT NOT NULL
);

-- One row per webhook delivery id seen (e.g. GitHub's X-GitHub-Delivery), so a replay is refused.
CREATE TABLE webhook_deliveries (
    delivery_id TEXT   NOT NULL PRIMARY KEY,
    seen_at_ms  BIGINT NOT NULL
);

CREATE INDEX webhook_deliveries_by_time ON webhook_deliveries (seen_at_ms);
