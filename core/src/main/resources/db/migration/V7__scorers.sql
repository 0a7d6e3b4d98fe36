-- Scorer plugins the user enabled, one row per instance, shaped as source_instance.
CREATE TABLE scorer_instance (
    name       TEXT NOT NULL PRIMARY KEY COLLATE NOCASE,
    kind       TEXT NOT NULL,
    settings   TEXT NOT NULL,
    created_at TEXT NOT NULL
);

-- Scorer kinds already met: a drop-in scorer with no required setting is enabled the first time it is found, and
-- stays removed once the user removes it.
CREATE TABLE scorer_seen (
    kind     TEXT NOT NULL PRIMARY KEY,
    seen_at  TEXT NOT NULL
);
