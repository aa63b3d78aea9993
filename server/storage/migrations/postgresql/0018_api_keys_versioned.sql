-- QuantEnergx schema 18 (PostgreSQL): adding or revoking an API key raises the configuration
-- version, like a change to a user, so every server learns of it at its next settings poll
-- (requests are checked against the keys it keeps in memory). Noting a key's last use does not.
CREATE TRIGGER api_keys_inserted AFTER INSERT OR DELETE ON api_keys
    FOR EACH STATEMENT EXECUTE FUNCTION qx_config_changed();
CREATE TRIGGER api_keys_revoked AFTER UPDATE OF revoked_at_ms ON api_keys
    FOR EACH STATEMENT EXECUTE FUNCTION qx_config_changed();
