-- QuantEnergx schema 13: refresh-token rotation and revocation.
-- A user's token generation is in every access token they get; raising it (sign-out,
-- password change, account disabled) makes all of them invalid at once.
ALTER TABLE users ADD COLUMN token_generation BIGINT NOT NULL DEFAULT 0;
-- Each refresh token is used once and replaced by one of the same family (all the tokens
-- descending from one sign-in); a token presented again after its use revokes its family.
ALTER TABLE refresh_tokens ADD COLUMN family TEXT NOT NULL DEFAULT '';
ALTER TABLE refresh_tokens ADD COLUMN used_at_ms BIGINT;
CREATE INDEX refresh_tokens_by_family ON refresh_tokens (family);
CREATE INDEX refresh_tokens_by_user ON refresh_tokens (user_id);
