-- QuantEnergx schema 10: settings every server of a cluster must agree on, set by the first
-- to start (such as the id of the key that signs access tokens: a token one server issued
-- must be good at every other).
CREATE TABLE cluster_settings (
    name  TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
