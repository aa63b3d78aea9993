-- QuantEnergx schema 8: a counter that every change to what the trading service caches
-- (users and their settings, risk limits, credit lines) raises in the same transaction, so a
-- running server polls one row to learn that an admin changed something.
CREATE TABLE config_version (
    id      INTEGER PRIMARY KEY CHECK (id = 1),
    version INTEGER NOT NULL
);
INSERT INTO config_version VALUES (1, 0);
CREATE TRIGGER users_inserted AFTER INSERT ON users
    BEGIN UPDATE config_version SET version = version + 1; END;
CREATE TRIGGER users_updated AFTER UPDATE ON users
    BEGIN UPDATE config_version SET version = version + 1; END;
CREATE TRIGGER users_deleted AFTER DELETE ON users
    BEGIN UPDATE config_version SET version = version + 1; END;
CREATE TRIGGER risk_limits_inserted AFTER INSERT ON risk_limits
    BEGIN UPDATE config_version SET version = version + 1; END;
CREATE TRIGGER risk_limits_updated AFTER UPDATE ON risk_limits
    BEGIN UPDATE config_version SET version = version + 1; END;
CREATE TRIGGER risk_limits_deleted AFTER DELETE ON risk_limits
    BEGIN UPDATE config_version SET version = version + 1; END;
CREATE TRIGGER credit_lines_inserted AFTER INSERT ON credit_lines
    BEGIN UPDATE config_version SET version = version + 1; END;
CREATE TRIGGER credit_lines_updated AFTER UPDATE ON credit_lines
    BEGIN UPDATE config_version SET version = version + 1; END;
CREATE TRIGGER credit_lines_deleted AFTER DELETE ON credit_lines
    BEGIN UPDATE config_version SET version = version + 1; END;
