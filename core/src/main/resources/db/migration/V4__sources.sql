-- Sources the user configured (Prowlarr, EBDZ, Nautiljon), one row per instance, shaped as download_client.
CREATE TABLE source_instance (
    name       TEXT NOT NULL PRIMARY KEY COLLATE NOCASE,
    kind       TEXT NOT NULL,
    settings   TEXT NOT NULL,
    created_at TEXT NOT NULL
);
