-- QuantEnergx schema 3 (PostgreSQL): pre-trade risk limits per user and product (DE.BASE,
-- TTF, ...), in the product's quantity unit and currency, as integer counts of 10^-8.
-- NULL: no limit.
CREATE TABLE risk_limits (
    user_id                  BIGINT NOT NULL REFERENCES users (id),
    product                  TEXT   NOT NULL,
    max_order_quantity_units BIGINT,
    max_notional_units       BIGINT,
    max_position_units       BIGINT,
    credit_limit_units       BIGINT,
    PRIMARY KEY (user_id, product)
);
