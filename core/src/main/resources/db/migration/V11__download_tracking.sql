-- Tracking on its own clock, imports that tell the truth, hand grabs that count (issue 13).

-- grab gains what tracking learns between polls (where the client puts the files, how far it got and since when),
-- the last import failure (shown in the downloads view, retried at the next poll) and the CANCELLED state.
-- SQLite cannot change a CHECK constraint in place: the table is rebuilt, rows kept.
CREATE TABLE grab_new (
    id                  INTEGER PRIMARY KEY,
    client              TEXT NOT NULL,
    title               TEXT NOT NULL,
    volume_from         REAL,
    volume_to           REAL,
    link                TEXT NOT NULL,
    handle              TEXT,
    state               TEXT NOT NULL CHECK (state IN ('SENDING', 'SENT', 'FAILED', 'IMPORTED', 'DOWNLOAD_FAILED', 'CANCELLED')),
    message             TEXT,
    created_at          TEXT NOT NULL,
    updated_at          TEXT NOT NULL,
    series_id           INTEGER REFERENCES series (id) ON DELETE SET NULL,
    source              TEXT,
    release_title       TEXT,
    link_key            TEXT,
    content_path        TEXT,
    size                INTEGER,
    progress            REAL,
    progress_changed_at TEXT,
    import_error        TEXT
);
INSERT INTO grab_new (id, client, title, volume_from, volume_to, link, handle, state, message, created_at, updated_at, series_id, source,
        release_title, link_key)
    SELECT id, client, title, volume_from, volume_to, link, handle, state, message, created_at, updated_at, series_id, source,
        release_title, link_key FROM grab;
DROP TABLE grab;
ALTER TABLE grab_new RENAME TO grab;
CREATE INDEX grab_by_handle ON grab (client, handle);
CREATE INDEX grab_by_series ON grab (series_id, state);
CREATE INDEX grab_by_state ON grab (state);

-- history: the kinds are checked by the code's enum, not by a CHECK list that every new kind of event would have to
-- rebuild; each row may name the grab it is about, so a notifier or the UI can link an event to its download.
CREATE TABLE history_new (
    id           INTEGER PRIMARY KEY,
    at           TEXT NOT NULL,
    kind         TEXT NOT NULL,
    success      INTEGER NOT NULL,
    series_id    INTEGER,
    series_title TEXT,
    source       TEXT,
    client       TEXT,
    query        TEXT,
    results      INTEGER,
    volume_from  REAL,
    volume_to    REAL,
    message      TEXT,
    grab_id      INTEGER
);
INSERT INTO history_new (id, at, kind, success, series_id, series_title, source, client, query, results, volume_from, volume_to, message)
    SELECT id, at, kind, success, series_id, series_title, source, client, query, results, volume_from, volume_to, message FROM history;
DROP TABLE history;
ALTER TABLE history_new RENAME TO history;
CREATE INDEX history_by_time ON history (at);
