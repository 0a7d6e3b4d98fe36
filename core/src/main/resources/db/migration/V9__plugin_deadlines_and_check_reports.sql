-- The host's deadlines for one instance's calls (JSON: {"search": "PT2M"}), where they differ from the defaults.
-- Host settings, not plugin settings: a plugin never sees them.
ALTER TABLE source_instance ADD COLUMN deadlines TEXT NOT NULL DEFAULT '{}';
ALTER TABLE download_client ADD COLUMN deadlines TEXT NOT NULL DEFAULT '{}';
ALTER TABLE scorer_instance ADD COLUMN deadlines TEXT NOT NULL DEFAULT '{}';

-- One row per check (real or dry run), so the last one's report survives a restart and /health can tell a
-- check that failed or never ended. finished_at is NULL while it runs (or when the process died in it).
CREATE TABLE check_run (
    id          INTEGER PRIMARY KEY,
    started_at  TEXT NOT NULL,
    finished_at TEXT,
    dry_run     INTEGER NOT NULL,
    series      INTEGER NOT NULL DEFAULT 0,
    searches    INTEGER NOT NULL DEFAULT 0,
    found       INTEGER NOT NULL DEFAULT 0,
    sent        INTEGER NOT NULL DEFAULT 0,
    problems    TEXT NOT NULL DEFAULT '[]',
    -- why the check failed as a whole (an exception, its deadline), NULL when it ran to the end
    error       TEXT
);
