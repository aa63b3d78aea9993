-- QuantEnergx schema 22 (PostgreSQL): the notification channels as they run.
-- A channel's configuration changing raises the configuration version, so every server
-- starts, restarts or stops its dispatcher for it within its settings poll, without a restart.
CREATE TRIGGER notification_channels_changed AFTER INSERT OR UPDATE OR DELETE
    ON notification_channels FOR EACH STATEMENT EXECUTE FUNCTION qx_config_changed();
-- Each server's dispatcher per channel, as it last said: its breaker (closed, open,
-- half_open), the last message it had taken and the last failure with the provider's words,
-- when it last wrote here (a server that stopped stops writing). For `notify status` and the
-- admins' health route; a cluster has a row per server.
CREATE TABLE notification_channel_health (
    channel            TEXT    NOT NULL,
    instance           TEXT    NOT NULL,
    running            BIGINT  NOT NULL DEFAULT 1,
    breaker            TEXT    NOT NULL DEFAULT 'closed',
    sent               BIGINT  NOT NULL DEFAULT 0,
    failed             BIGINT  NOT NULL DEFAULT 0,
    last_sent_at_ms    BIGINT,
    last_failed_at_ms  BIGINT,
    last_error         TEXT    NOT NULL DEFAULT '',
    updated_at_ms      BIGINT  NOT NULL,
    PRIMARY KEY (channel, instance)
);
