-- QuantEnergx schema 15: the audit log. Append-only: each entry's hash covers the previous
-- entry's hash and its own fields, so changing, removing or inserting an entry anywhere
-- breaks the chain from there on (quantenergx-server audit verify). Entries are numbered by
-- the writer under a lock, one after the other, never by the database.
CREATE TABLE audit_log (
    id     BIGINT PRIMARY KEY,
    at_ms  BIGINT NOT NULL,
    actor  TEXT NOT NULL,   -- a user name, or "cli" for the admin command line
    source TEXT NOT NULL,   -- the client's address, or "local"
    action TEXT NOT NULL,   -- login, login_failed, token_reused, user_added, keys_rotated...
    target TEXT NOT NULL,   -- what it concerned (a user, a key id), or empty
    detail TEXT NOT NULL,   -- more, as JSON, or empty
    hash   BYTEA NOT NULL
);
CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the audit log is append-only';
END;
$$;
CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
