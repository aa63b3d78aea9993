-- QuantEnergx schema 4: each account's self-trade prevention: when its order would trade
-- against another of its own orders, cancel the newest (the incoming one) or the oldest (the
-- resting one).
ALTER TABLE users ADD COLUMN self_trade TEXT NOT NULL DEFAULT 'cancel_newest'
    CHECK (self_trade IN ('cancel_newest', 'cancel_oldest'));
