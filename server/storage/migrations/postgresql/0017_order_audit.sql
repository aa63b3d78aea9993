-- QuantEnergx schema 17: the trading commands in the audit log. Each trading writer (one per
-- server start) keeps a chain of its own, so order entry never waits for the audit log's lock:
-- it is anchored by an order_chain_started entry of audit_log (its id is the chain's number),
-- its first entry's hash covers the anchor's, each later one the one before. An entry holds
-- the commands of one group commit, one per line ("AT_MS ACTION ORDER_ID USER ADDRESS
-- DETAIL"), and goes in with their orders, in the same transaction: a row per batch, not per
-- order, so the audit costs order entry little. Append-only, like audit_log.
CREATE TABLE order_audit (
    chain    BIGINT NOT NULL,  -- the id of its anchor in audit_log
    seq      BIGINT NOT NULL,  -- 1, 2, ... in its chain
    at_ms    BIGINT NOT NULL,
    commands BIGINT NOT NULL,  -- how many lines
    detail   TEXT NOT NULL,
    hash     BYTEA NOT NULL,
    PRIMARY KEY (chain, seq)
);
CREATE INDEX order_audit_time ON order_audit (at_ms);
CREATE TRIGGER order_audit_no_change BEFORE UPDATE OR DELETE ON order_audit
    FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
