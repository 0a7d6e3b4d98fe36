-- The monitor engine: per-series settings, cached metadata, a richer grab, the blocklist, history and backoff.

-- Per series: whether it is monitored and how. Absent row = monitored with the global defaults.
CREATE TABLE series_monitor (
    series_id INTEGER PRIMARY KEY REFERENCES series (id) ON DELETE CASCADE,
    enabled   INTEGER NOT NULL DEFAULT 1,
    settings  TEXT NOT NULL DEFAULT '{}'
);

-- What the metadata source said of a series, so a check does not ask Nautiljon every time.
CREATE TABLE series_metadata (
    series_id      INTEGER PRIMARY KEY REFERENCES series (id) ON DELETE CASCADE,
    source         TEXT NOT NULL,
    url            TEXT,
    title          TEXT,
    alt_titles     TEXT NOT NULL DEFAULT '[]',
    vo_count       INTEGER,
    vo_status      TEXT,
    vf_count       INTEGER,
    vf_status      TEXT,
    next_vf_volume REAL,
    next_vf_date   TEXT,
    fetched_at     TEXT NOT NULL
);

-- grab gains the series, the source and the release's own title, and the states a download goes through.
-- SQLite cannot change a CHECK constraint in place: the table is rebuilt, rows kept.
CREATE TABLE grab_new (
    id            INTEGER PRIMARY KEY,
    client        TEXT NOT NULL,
    title         TEXT NOT NULL,
    volume_from   REAL,
    volume_to     REAL,
    link          TEXT NOT NULL,
    handle        TEXT,
    state         TEXT NOT NULL CHECK (state IN ('SENDING', 'SENT', 'FAILED', 'IMPORTED', 'DOWNLOAD_FAILED')),
    message       TEXT,
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL,
    series_id     INTEGER REFERENCES series (id) ON DELETE SET NULL,
    source        TEXT,
    release_title TEXT,
    link_key      TEXT
);
INSERT INTO grab_new (id, client, title, volume_from, volume_to, link, handle, state, message, created_at, updated_at)
    SELECT id, client, title, volume_from, volume_to, link, handle, state, message, created_at, updated_at FROM grab;
DROP TABLE grab;
ALTER TABLE grab_new RENAME TO grab;
CREATE INDEX grab_by_handle ON grab (client, handle);
CREATE INDEX grab_by_series ON grab (series_id, state);

-- Releases never to grab again for a series (a failed download), by a stable key of the release.
CREATE TABLE blocklist (
    id            INTEGER PRIMARY KEY,
    series_id     INTEGER REFERENCES series (id) ON DELETE CASCADE,
    link_key      TEXT NOT NULL,
    release_title TEXT,
    reason        TEXT NOT NULL,
    created_at    TEXT NOT NULL,
    UNIQUE (series_id, link_key)
);

-- Everything the monitor did: searches, grabs, failures, imports.
CREATE TABLE history (
    id           INTEGER PRIMARY KEY,
    at           TEXT NOT NULL,
    kind         TEXT NOT NULL CHECK (kind IN ('SEARCH', 'GRAB', 'FAILURE', 'IMPORT')),
    success      INTEGER NOT NULL,
    series_id    INTEGER,
    series_title TEXT,
    source       TEXT,
    client       TEXT,
    query        TEXT,
    results      INTEGER,
    volume_from  REAL,
    volume_to    REAL,
    message      TEXT
);
CREATE INDEX history_by_time ON history (at);

-- A source that failed waits before it is asked again: 1, 5, 15, 30 min, 1, 3, 6, 12, 24 h.
CREATE TABLE source_backoff (
    source     TEXT PRIMARY KEY,
    failures   INTEGER NOT NULL,
    retry_at   TEXT NOT NULL,
    last_error TEXT
);
