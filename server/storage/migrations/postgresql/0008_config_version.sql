-- QuantEnergx schema 8 (PostgreSQL): a counter that every change to what the trading service
-- caches (users and their settings, risk limits, credit lines) raises in the same
-- transaction, so a running server polls one row to learn that an admin changed something.
CREATE TABLE config_version (
    id      INTEGER PRIMARY KEY CHECK (id = 1),
    version BIGINT  NOT NULL
);
INSERT INTO config_version VALUES (1, 0);
CREATE FUNCTION qx_config_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE config_version SET version = version + 1;
    RETURN NULL;
END
$$;
CREATE TRIGGER users_changed AFTER INSERT OR UPDATE OR DELETE ON users
    FOR EACH STATEMENT EXECUTE FUNCTION qx_config_changed();
CREATE TRIGGER risk_limits_changed AFTER INSERT OR UPDATE OR DELETE ON risk_limits
    FOR EACH STATEMENT EXECUTE FUNCTION qx_config_changed();
CREATE TRIGGER credit_lines_changed AFTER INSERT OR UPDATE OR DELETE ON credit_lines
    FOR EACH STATEMENT EXECUTE FUNCTION qx_config_changed();
