-- QuantEnergx schema 7: counterparties and their credit lines. A user trades for a
-- counterparty (the firm; NULL: the user alone); a credit line caps what the counterparty's
-- users together may have at risk in one currency (10^-8 units).
ALTER TABLE users ADD COLUMN counterparty TEXT CHECK (counterparty IS NULL OR length(counterparty) BETWEEN 1 AND 64);
CREATE INDEX users_counterparty ON users (counterparty);
CREATE TABLE credit_lines (
    counterparty TEXT    NOT NULL,
    currency     TEXT    NOT NULL CHECK (length(currency) = 3),
    limit_units  INTEGER NOT NULL CHECK (limit_units > 0),
    PRIMARY KEY (counterparty, currency)
);
