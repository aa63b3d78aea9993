-- QuantEnergx schema 6 (PostgreSQL): settlement prices per instrument and trading day, for
-- end-of-day marks (as 10^-8 units).
CREATE TABLE settlement_prices (
    symbol      TEXT   NOT NULL REFERENCES instruments (symbol),
    trading_day TEXT   NOT NULL,
    price_units BIGINT NOT NULL,
    PRIMARY KEY (symbol, trading_day)
);
