-- QuantEnergx schema 4 (PostgreSQL): each account's self-trade prevention.
ALTER TABLE users ADD COLUMN self_trade TEXT NOT NULL DEFAULT 'cancel_newest'
    CHECK (self_trade IN ('cancel_newest', 'cancel_oldest'));
