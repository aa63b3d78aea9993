-- QuantEnergx schema 1: users, the instrument listing, orders, refresh tokens.
-- Decimals are stored as integer counts of 10^-8 (exact, as core::Decimal); times as
-- milliseconds since the Unix epoch, UTC.

CREATE TABLE users (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    username      TEXT    NOT NULL UNIQUE,
    role          TEXT    NOT NULL CHECK (role IN ('viewer', 'trader', 'risk', 'admin')),
    password_hash TEXT    NOT NULL,        -- Argon2id, PHC string with its parameters
    disabled      INTEGER NOT NULL DEFAULT 0,
    created_at_ms INTEGER NOT NULL
);

CREATE TABLE instruments (
    symbol           TEXT PRIMARY KEY,
    commodity        TEXT NOT NULL,
    last_trading_day TEXT,
    definition       TEXT NOT NULL         -- the JSON served by GET /api/v1/instruments
);

CREATE TABLE orders (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id         INTEGER NOT NULL REFERENCES users (id),
    client_order_id TEXT    NOT NULL,
    request_hash    BLOB    NOT NULL,      -- SHA-256 of the order entry, for idempotent replays
    symbol          TEXT    NOT NULL REFERENCES instruments (symbol),
    side            TEXT    NOT NULL CHECK (side IN ('buy', 'sell')),
    type            TEXT    NOT NULL,
    quantity_units  INTEGER NOT NULL CHECK (quantity_units > 0),
    price_units     INTEGER NOT NULL,
    filled_units    INTEGER NOT NULL DEFAULT 0,
    status          TEXT    NOT NULL,
    created_at_ms   INTEGER NOT NULL,
    updated_at_ms   INTEGER NOT NULL,
    UNIQUE (user_id, client_order_id)
);
CREATE INDEX orders_by_user ON orders (user_id, id);

CREATE TABLE refresh_tokens (
    token_hash    BLOB    PRIMARY KEY,     -- SHA-256 of the token; the token itself is never kept
    user_id       INTEGER NOT NULL REFERENCES users (id),
    issued_at_ms  INTEGER NOT NULL,
    expires_at_ms INTEGER NOT NULL,
    revoked_at_ms INTEGER
);
