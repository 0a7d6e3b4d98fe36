-- Notifiers the user configured (Discord, ntfy, email...), one row per instance, shaped as source_instance.
-- Settings hold the plugin's own values and the host's `events` and `language`; secret values are sealed.
CREATE TABLE notifier_instance (
    name       TEXT NOT NULL PRIMARY KEY COLLATE NOCASE,
    kind       TEXT NOT NULL,
    settings   TEXT NOT NULL,
    created_at TEXT NOT NULL,
    -- the host's deadlines for this instance's calls, as the other instance tables have them (V9)
    deadlines  TEXT NOT NULL DEFAULT '{}'
);
