-- QuantEnergx schema 3: pre-trade risk limits per user and product (DE.BASE, TTF, ...), in
-- the product's quantity unit and currency, as integer counts of 10^-8. NULL: no limit.
CREATE TABLE risk_limits (
    user_id                  INTEGER NOT NULL REFERENCES users (id),
    product                  TEXT    NOT NULL,
    max_order_quantity_units INTEGER,
    max_notional_units       INTEGER,
    max_position_units       INTEGER,
    credit_limit_units       INTEGER,
    PRIMARY KEY (user_id, product)
);
