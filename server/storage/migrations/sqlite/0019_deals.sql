-- QuantEnergx schema 19: deals, the bilateral (over-the-counter) trades booked by hand or from
-- a broker's confirmation. Each is in one user's position like a fill of the book; its price
-- and quantity are in units of 1e-8 like the trades'. A deal is cancelled, never deleted or
-- changed otherwise; at most one live deal is booked from a document. Booking or cancelling a
-- deal raises the configuration version, so every server (and one that learns of a deal the
-- command line booked) brings its positions up to date at its next settings poll.
CREATE TABLE deals (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id         INTEGER NOT NULL,            -- whose position it is in
    symbol          TEXT    NOT NULL,
    side            TEXT    NOT NULL CHECK (side IN ('buy', 'sell')),
    quantity_units  INTEGER NOT NULL CHECK (quantity_units > 0),
    price_units     INTEGER NOT NULL,
    counterparty    TEXT    NOT NULL,
    broker          TEXT    NOT NULL DEFAULT '',
    trade_date      TEXT    NOT NULL,            -- YYYY-MM-DD
    external_id     TEXT    NOT NULL DEFAULT '', -- the trade's id at the counterparty or broker
    document_id     TEXT,                        -- the confirmation it was booked from
    booked_by       INTEGER NOT NULL,
    booked_at_ms    INTEGER NOT NULL,
    status          TEXT    NOT NULL DEFAULT 'live' CHECK (status IN ('live', 'cancelled')),
    cancelled_by    INTEGER,
    cancelled_at_ms INTEGER,
    cancel_reason   TEXT    NOT NULL DEFAULT ''
);
CREATE INDEX deals_by_user ON deals (user_id, id);
CREATE INDEX deals_live ON deals (status, symbol, booked_at_ms);
CREATE UNIQUE INDEX deals_by_document ON deals (document_id)
    WHERE document_id IS NOT NULL AND status = 'live';
CREATE TRIGGER deals_no_delete BEFORE DELETE ON deals
BEGIN SELECT RAISE(ABORT, 'a deal is cancelled, never deleted'); END;
CREATE TRIGGER deals_only_cancelled BEFORE UPDATE ON deals
    WHEN OLD.status <> 'live' OR NEW.status <> 'cancelled' OR NEW.id <> OLD.id
      OR NEW.user_id <> OLD.user_id OR NEW.symbol <> OLD.symbol OR NEW.side <> OLD.side
      OR NEW.quantity_units <> OLD.quantity_units OR NEW.price_units <> OLD.price_units
      OR NEW.counterparty <> OLD.counterparty OR NEW.trade_date <> OLD.trade_date
BEGIN SELECT RAISE(ABORT, 'a live deal can only be cancelled'); END;
CREATE TRIGGER deals_booked AFTER INSERT ON deals
    BEGIN UPDATE config_version SET version = version + 1; END;
CREATE TRIGGER deals_cancelled AFTER UPDATE OF status ON deals
    BEGIN UPDATE config_version SET version = version + 1; END;
