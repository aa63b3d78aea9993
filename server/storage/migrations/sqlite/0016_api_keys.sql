-- QuantEnergx schema 16: API keys for programs. A key is shown once; only its SHA-256 is
-- kept. Its scopes (permission names, comma-separated) narrow its user's role; it works
-- until it expires or is revoked.
CREATE TABLE api_keys (
    id              INTEGER PRIMARY KEY,
    user_id         INTEGER NOT NULL REFERENCES users (id),
    name            TEXT NOT NULL,
    key_hash        BLOB NOT NULL UNIQUE,
    scopes          TEXT NOT NULL,
    created_at_ms   INTEGER NOT NULL,
    expires_at_ms   INTEGER NOT NULL,
    last_used_at_ms INTEGER,
    revoked_at_ms   INTEGER
);
CREATE INDEX api_keys_by_user ON api_keys (user_id);
