-- QuantEnergx schema 18: adding or revoking an API key raises the configuration version, like
-- a change to a user, so every server learns of it at its next settings poll (requests are
-- checked against the keys it keeps in memory). Noting a key's last use does not.
CREATE TRIGGER api_keys_inserted AFTER INSERT ON api_keys
    BEGIN UPDATE config_version SET version = version + 1; END;
CREATE TRIGGER api_keys_revoked AFTER UPDATE OF revoked_at_ms ON api_keys
    BEGIN UPDATE config_version SET version = version + 1; END;
CREATE TRIGGER api_keys_deleted AFTER DELETE ON api_keys
    BEGIN UPDATE config_version SET version = version + 1; END;
