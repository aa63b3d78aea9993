-- QuantEnergx schema 5 (PostgreSQL): the sum of price × quantity over an order's fills, so
-- the average fill price is exact (10^-8 units, as every decimal here).
ALTER TABLE orders ADD COLUMN filled_value_units BIGINT NOT NULL DEFAULT 0;
