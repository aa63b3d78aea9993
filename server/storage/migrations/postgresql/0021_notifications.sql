-- QuantEnergx schema 21 (PostgreSQL): notifications.
-- An event that notifies a user (an order filled, a deal booked, a limit breached, ...) is a
-- row of `notifications`, written in the same transaction as its cause, so an event that rolls
-- back notifies no one; the row is also the user's inbox. `event_key` names the event and its
-- recipient ("order.filled:ORDER"). It is not a unique key: the trading write that carries
-- most notifications makes each event once by construction, and a unique index there would
-- cost the group commit (and PostgreSQL's COPY) dearly. A notification written twice all the
-- same (a rejected order sent again) is found when planned: its messages' idempotency keys
-- are unique, and a notification whose every message another holds already is deleted.
-- The dispatcher plans each one afterwards (`planned`): one row of `notification_deliveries`
-- per channel the user's preference names -- the outbox -- each under the idempotency key
-- EVENT_KEY:CHANNEL, sent by whichever server claims it first.
CREATE TABLE notifications (
    id            BIGSERIAL PRIMARY KEY,
    event_key     TEXT    NOT NULL,
    user_id       BIGINT  NOT NULL,
    type          TEXT    NOT NULL,
    severity      TEXT    NOT NULL CHECK (severity IN ('info', 'warning', 'critical')),
    facts         TEXT    NOT NULL DEFAULT '{}',  -- JSON: what the message says
    created_at_ms BIGINT  NOT NULL,
    planned       BIGINT  NOT NULL DEFAULT 0,
    read_at_ms    BIGINT
);
CREATE INDEX notifications_by_user ON notifications (user_id, id);
CREATE INDEX notifications_unplanned ON notifications (id) WHERE planned = 0;
-- The outbox: a message to send on one channel. `state`: pending (to send at due_at_ms),
-- sending (claimed by `claimed_by` until claimed_until_ms), sent (the provider took it),
-- in_doubt (a send whose outcome is unknown on a channel that cannot deduplicate: not
-- retried blindly), dead (given up after the configured attempts), discarded (by an admin),
-- skipped (nothing to send to: no address). `status` is what the provider reports after:
-- queued, sent, delivered, read or failed, never moving back. `digest` marks a message that
-- waits for the user's next digest (due_at_ms) and goes out in one message with the others.
CREATE TABLE notification_deliveries (
    id               BIGSERIAL PRIMARY KEY,
    notification_id  BIGINT  NOT NULL,
    user_id          BIGINT  NOT NULL,
    channel          TEXT    NOT NULL,
    idempotency_key  TEXT    NOT NULL UNIQUE,
    state            TEXT    NOT NULL DEFAULT 'pending'
                     CHECK (state IN ('pending', 'sending', 'sent', 'in_doubt', 'dead',
                                      'discarded', 'skipped')),
    status           TEXT    NOT NULL DEFAULT 'queued',
    digest           BIGINT  NOT NULL DEFAULT 0,
    attempts         BIGINT  NOT NULL DEFAULT 0,
    due_at_ms        BIGINT  NOT NULL,
    claimed_by       TEXT    NOT NULL DEFAULT '',
    claimed_until_ms BIGINT  NOT NULL DEFAULT 0,
    provider_id      TEXT    NOT NULL DEFAULT '',
    last_error       TEXT    NOT NULL DEFAULT '',
    created_at_ms    BIGINT  NOT NULL,
    updated_at_ms    BIGINT  NOT NULL
);
CREATE INDEX notification_deliveries_due ON notification_deliveries (state, due_at_ms);
CREATE INDEX notification_deliveries_by_provider_id ON notification_deliveries (channel, provider_id);
-- A user's choice per event type (user 0: the defaults an admin sets for everyone): the
-- channels (comma-separated wire names), the least severity notified, quiet hours (HH:MM on
-- the user's clock, both or neither) and a digest interval in minutes (0: none).
CREATE TABLE notification_preferences (
    user_id        BIGINT  NOT NULL,
    event_type     TEXT    NOT NULL,
    channels       TEXT    NOT NULL DEFAULT '',
    min_severity   TEXT    NOT NULL DEFAULT 'info',
    quiet_start    TEXT,
    quiet_end      TEXT,
    digest_minutes BIGINT  NOT NULL DEFAULT 0,
    updated_at_ms  BIGINT  NOT NULL,
    PRIMARY KEY (user_id, event_type)
);
-- Preferences and critical types decide which events are written at all (a user who wants
-- none of a kind gets no row), so every server follows a change within its settings poll.
CREATE TRIGGER notification_preferences_changed AFTER INSERT OR UPDATE OR DELETE
    ON notification_preferences FOR EACH STATEMENT EXECUTE FUNCTION qx_config_changed();
-- Event types an admin marked critical: they bypass quiet hours and digests.
CREATE TABLE notification_critical_types (
    event_type TEXT PRIMARY KEY
);
CREATE TRIGGER notification_critical_changed AFTER INSERT OR DELETE
    ON notification_critical_types FOR EACH STATEMENT EXECUTE FUNCTION qx_config_changed();
-- Where and how to reach a user: language (en, de, fr), time zone (IANA), an email address,
-- phone numbers for SMS and WhatsApp (E.164), the Telegram chat bound by the link, and when
-- the user last wrote on WhatsApp (the 24-hour window in which free text may be sent).
CREATE TABLE notification_contacts (
    user_id              BIGINT  PRIMARY KEY,
    language             TEXT    NOT NULL DEFAULT 'en',
    time_zone            TEXT    NOT NULL DEFAULT 'UTC',
    email                TEXT    NOT NULL DEFAULT '',
    phone                TEXT    NOT NULL DEFAULT '',
    whatsapp             TEXT    NOT NULL DEFAULT '',
    telegram_chat        TEXT    NOT NULL DEFAULT '',
    whatsapp_inbound_ms  BIGINT  NOT NULL DEFAULT 0,
    updated_at_ms        BIGINT  NOT NULL
);
-- A channel's configuration: enabled, its settings (JSON, nothing secret: base URL, sender,
-- rates, attempts) and its secrets (JSON sealed with AES-256-GCM under the server's secret
-- key; written, never read back out through the API).
CREATE TABLE notification_channels (
    channel       TEXT    PRIMARY KEY,
    enabled       BIGINT  NOT NULL DEFAULT 0,
    settings      TEXT    NOT NULL DEFAULT '{}',
    secrets       BYTEA,
    updated_at_ms BIGINT  NOT NULL
);
-- One-time tokens of the Telegram deep link (t.me/BOT?start=TOKEN), by their SHA-256.
CREATE TABLE telegram_links (
    token_hash    TEXT    PRIMARY KEY,
    user_id       BIGINT  NOT NULL,
    expires_at_ms BIGINT  NOT NULL
);
