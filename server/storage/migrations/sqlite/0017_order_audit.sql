-- QuantEnergx schema 17: the trading commands in the audit log. Each trading writer (one per
-- server start) keeps a chain of its own, so order entry never waits for the audit log's lock:
-- it is anchored by an order_chain_started entry of audit_log (its id is the chain's number),
-- its first entry's hash covers the anchor's, each later one the one before. An entry holds
-- the commands of one group commit, one per line ("AT_MS ACTION ORDER_ID USER ADDRESS
-- DETAIL"), and goes in with their orders, in the same transaction: a row per batch, not per
-- order, so the audit costs order entry little; here without a rowid, one B-tree fewer to
-- write per commit. Append-only, like audit_log.
CREATE TABLE order_audit (
    chain    INTEGER NOT NULL,  -- the id of its anchor in audit_log
    seq      INTEGER NOT NULL,  -- 1, 2, ... in its chain
    at_ms    INTEGER NOT NULL,
    commands INTEGER NOT NULL,  -- how many lines
    detail   TEXT NOT NULL,
    hash     BLOB NOT NULL,
    PRIMARY KEY (chain, seq)
) WITHOUT ROWID;
CREATE INDEX order_audit_time ON order_audit (at_ms);
CREATE TRIGGER order_audit_no_update BEFORE UPDATE ON order_audit
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER order_audit_no_delete BEFORE DELETE ON order_audit
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
