-- Libraries, their series and the volume files found on disk.
CREATE TABLE library (
    id           INTEGER PRIMARY KEY,
    name         TEXT NOT NULL UNIQUE,
    root_path    TEXT NOT NULL UNIQUE,
    created_at   TEXT NOT NULL,
    last_scan_at TEXT
);

CREATE TABLE series (
    id         INTEGER PRIMARY KEY,
    library_id INTEGER NOT NULL REFERENCES library (id) ON DELETE CASCADE,
    title      TEXT NOT NULL,
    -- lower case, accents and punctuation removed: a folder "One Piece" and a loose "one.piece.v01.cbz" meet here
    title_key  TEXT NOT NULL,
    -- the series folder relative to the library root; NULL for series made of loose files only
    folder     TEXT,
    UNIQUE (library_id, title_key)
);

CREATE TABLE volume_file (
    id           INTEGER PRIMARY KEY,
    library_id   INTEGER NOT NULL REFERENCES library (id) ON DELETE CASCADE,
    series_id    INTEGER NOT NULL REFERENCES series (id) ON DELETE CASCADE,
    -- relative to the library root, '/' separated
    path         TEXT NOT NULL,
    size         INTEGER NOT NULL,
    modified_ms  INTEGER NOT NULL,
    volume_from  REAL,
    volume_to    REAL,
    chapter_from REAL,
    chapter_to   REAL,
    special      INTEGER NOT NULL DEFAULT 0,
    UNIQUE (library_id, path)
);

CREATE INDEX volume_file_series ON volume_file (series_id);
