-- QuantEnergx schema 14: TOTP multi-factor sign-in and recovery codes.
-- The secret is set at enrolment and counts once confirmed (totp_enabled); the last step
-- whose code was accepted keeps a code from being used twice.
ALTER TABLE users ADD COLUMN totp_secret BLOB;
ALTER TABLE users ADD COLUMN totp_enabled INTEGER NOT NULL DEFAULT 0;
ALTER TABLE users ADD COLUMN totp_last_step INTEGER NOT NULL DEFAULT 0;
-- Single-use recovery codes, kept as SHA-256 hashes only.
CREATE TABLE recovery_codes (
    code_hash  BLOB    PRIMARY KEY,
    user_id    INTEGER NOT NULL REFERENCES users (id),
    used_at_ms INTEGER
);
CREATE INDEX recovery_codes_by_user ON recovery_codes (user_id);
