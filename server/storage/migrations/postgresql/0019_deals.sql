-- QuantEnergx schema 19 (PostgreSQL): deals, the bilateral (over-the-counter) trades booked by
-- hand or from a broker's confirmation. Each is in one user's position like a fill of the
-- book; its price and quantity are in units of 1e-8 like the trades'. A deal is cancelled,
-- never deleted or changed otherwise; at most one live deal is booked from a document.
-- Booking or cancelling a deal raises the configuration version, so every server (and one
-- that learns of a deal the command line booked) brings its positions up to date at its next
-- settings poll.
CREATE TABLE deals (
    id              BIGSERIAL PRIMARY KEY,
    user_id         BIGINT NOT NULL,            -- whose position it is in
    symbol          TEXT   NOT NULL,
    side            TEXT   NOT NULL CHECK (side IN ('buy', 'sell')),
    quantity_units  BIGINT NOT NULL CHECK (quantity_units > 0),
    price_units     BIGINT NOT NULL,
    counterparty    TEXT   NOT NULL,
    broker          TEXT   NOT NULL DEFAULT '',
    trade_date      TEXT   NOT NULL,            -- YYYY-MM-DD
    external_id     TEXT   NOT NULL DEFAULT '', -- the trade's id at the counterparty or broker
    document_id     TEXT,                       -- the confirmation it was booked from
    booked_by       BIGINT NOT NULL,
    booked_at_ms    BIGINT NOT NULL,
    status          TEXT   NOT NULL DEFAULT 'live' CHECK (status IN ('live', 'cancelled')),
    cancelled_by    BIGINT,
    cancelled_at_ms BIGINT,
    cancel_reason   TEXT   NOT NULL DEFAULT ''
);
CREATE INDEX deals_by_user ON deals (user_id, id);
CREATE INDEX deals_live ON deals (status, symbol, booked_at_ms);
CREATE UNIQUE INDEX deals_by_document ON deals (document_id)
    WHERE document_id IS NOT NULL AND status = 'live';
CREATE FUNCTION qx_deal_only_cancelled() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        RAISE EXCEPTION 'a deal is cancelled, never deleted';
    END IF;
    IF OLD.status <> 'live' OR NEW.status <> 'cancelled' OR NEW.id <> OLD.id
       OR NEW.user_id <> OLD.user_id OR NEW.symbol <> OLD.symbol OR NEW.side <> OLD.side
       OR NEW.quantity_units <> OLD.quantity_units OR NEW.price_units <> OLD.price_units
       OR NEW.counterparty <> OLD.counterparty OR NEW.trade_date <> OLD.trade_date THEN
        RAISE EXCEPTION 'a live deal can only be cancelled';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER deals_only_cancelled BEFORE UPDATE OR DELETE ON deals
    FOR EACH ROW EXECUTE FUNCTION qx_deal_only_cancelled();
CREATE TRIGGER deals_booked AFTER INSERT ON deals
    FOR EACH STATEMENT EXECUTE FUNCTION qx_config_changed();
CREATE TRIGGER deals_cancelled AFTER UPDATE OF status ON deals
    FOR EACH STATEMENT EXECUTE FUNCTION qx_config_changed();
