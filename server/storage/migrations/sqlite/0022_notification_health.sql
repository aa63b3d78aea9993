-- QuantEnergx schema 22 (SQLite): the notification channels as they run.
-- A channel's configuration changing raises the configuration version, so every server
-- starts, restarts or stops its dispatcher for it within its settings poll, without a restart.
CREATE TRIGGER notification_channels_set AFTER INSERT ON notification_channels
    BEGIN UPDATE config_version SET version = version + 1; END;
CREATE TRIGGER notification_channels_changed AFTER UPDATE ON notification_channels
    BEGIN UPDATE config_version SET version = version + 1; END;
CREATE TRIGGER notification_channels_removed AFTER DELETE ON notification_channels
    BEGIN UPDATE config_version SET version = version + 1; END;
-- Each server's dispatcher per channel, as it last said: its breaker (closed, open,
-- half_open), the last message it had taken and the last failure with the provider's words,
-- when it last wrote here (a server that stopped stops writing). For `notify status` and the
-- admins' health route; a cluster has a row per server.
CREATE TABLE notification_channel_health (
    channel            TEXT    NOT NULL,
    instance           TEXT    NOT NULL,
    running            INTEGER NOT NULL DEFAULT 1,
    breaker            TEXT    NOT NULL DEFAULT 'closed',
    sent               INTEGER NOT NULL DEFAULT 0,
    failed             INTEGER NOT NULL DEFAULT 0,
    last_sent_at_ms    INTEGER,
    last_failed_at_ms  INTEGER,
    last_error         TEXT    NOT NULL DEFAULT '',
    updated_at_ms      INTEGER NOT NULL,
    PRIMARY KEY (channel, instance)
);
