-- QuantEnergx schema 7 (PostgreSQL): counterparties and their credit lines (see the SQLite
-- migration of the same number).
ALTER TABLE users ADD COLUMN counterparty TEXT
    CHECK (counterparty IS NULL OR length(counterparty) BETWEEN 1 AND 64);
CREATE INDEX users_counterparty ON users (counterparty);
CREATE TABLE credit_lines (
    counterparty TEXT   NOT NULL,
    currency     TEXT   NOT NULL CHECK (length(currency) = 3),
    limit_units  BIGINT NOT NULL CHECK (limit_units > 0),
    PRIMARY KEY (counterparty, currency)
);
