-- QuantEnergx schema 2: the matching engine's state of each order, trades, and each book's
-- counters, so books rebuild after a restart exactly as they were.

ALTER TABLE orders ADD COLUMN time_in_force TEXT NOT NULL DEFAULT 'gtc';
ALTER TABLE orders ADD COLUMN stop_price_units INTEGER;
ALTER TABLE orders ADD COLUMN display_units INTEGER;
ALTER TABLE orders ADD COLUMN expires_at_ms INTEGER;
ALTER TABLE orders ADD COLUMN reason TEXT NOT NULL DEFAULT '';
-- Open quantity (hidden iceberg part included) and the part shown in the book.
ALTER TABLE orders ADD COLUMN remaining_units INTEGER;
ALTER TABLE orders ADD COLUMN visible_units INTEGER;
-- Place in the price level's queue: orders rebuild in ascending priority.
ALTER TABLE orders ADD COLUMN priority INTEGER NOT NULL DEFAULT 0;
ALTER TABLE orders ADD COLUMN pending_stop INTEGER NOT NULL DEFAULT 0;
UPDATE orders SET remaining_units = quantity_units - filled_units,
                  visible_units = quantity_units - filled_units;
CREATE INDEX orders_live ON orders (status, priority);

CREATE TABLE trades (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    symbol          TEXT    NOT NULL REFERENCES instruments (symbol),
    price_units     INTEGER NOT NULL,
    quantity_units  INTEGER NOT NULL CHECK (quantity_units > 0),
    buy_order_id    INTEGER NOT NULL REFERENCES orders (id),
    sell_order_id   INTEGER NOT NULL REFERENCES orders (id),
    aggressor_side  TEXT    NOT NULL CHECK (aggressor_side IN ('buy', 'sell')),
    book_sequence   INTEGER NOT NULL,
    executed_at_ms  INTEGER NOT NULL
);
CREATE INDEX trades_by_symbol ON trades (symbol, id);
CREATE INDEX trades_by_buy_order ON trades (buy_order_id);
CREATE INDEX trades_by_sell_order ON trades (sell_order_id);

CREATE TABLE book_state (
    symbol           TEXT PRIMARY KEY REFERENCES instruments (symbol),
    last_sequence    INTEGER NOT NULL,
    last_trade_units INTEGER
);
