-- Download clients the user configured, one row per instance (a user may run two qBittorrents).
-- Secret settings (passwords) are AES-GCM sealed inside the JSON (enc:v1:...), never stored in clear.
CREATE TABLE download_client (
    name       TEXT NOT NULL PRIMARY KEY COLLATE NOCASE,
    kind       TEXT NOT NULL,
    settings   TEXT NOT NULL,
    created_at TEXT NOT NULL
);

-- Every download Kanzen sent. The row is written (state SENDING) before the client is called, so a crash
-- between the two leaves a trace instead of a silent second grab; the client's id links it to the download.
CREATE TABLE grab (
    id          INTEGER PRIMARY KEY,
    client      TEXT NOT NULL,
    title       TEXT NOT NULL,
    volume_from REAL,
    volume_to   REAL,
    link        TEXT NOT NULL,
    handle      TEXT,
    state       TEXT NOT NULL CHECK (state IN ('SENDING', 'SENT', 'FAILED')),
    message     TEXT,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);
CREATE INDEX grab_by_handle ON grab (client, handle);
