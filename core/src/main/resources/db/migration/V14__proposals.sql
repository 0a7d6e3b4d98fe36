-- Manual mode (automatic download off): what a check would have sent, kept as proposals for the user to approve or
-- reject. One row per chosen release; a later check refreshes the pending ones of its series, a volume owned or
-- grabbed since supersedes its proposal. The link is sealed with the data directory's key (a Prowlarr link carries
-- its API key); link_key is the release's stable key, the one the blocklist and the grabs use.
CREATE TABLE proposal (
    id            INTEGER PRIMARY KEY,
    series_id     INTEGER NOT NULL REFERENCES series (id) ON DELETE CASCADE,
    series_title  TEXT NOT NULL,
    volume_from   REAL NOT NULL,
    volume_to     REAL NOT NULL,
    release_title TEXT NOT NULL,
    source        TEXT NOT NULL,
    link_sealed   TEXT NOT NULL,
    link_shown    TEXT NOT NULL,
    link_key      TEXT NOT NULL,
    link_kind     TEXT NOT NULL,
    size          INTEGER,
    seeders       INTEGER,
    score         INTEGER NOT NULL,
    score_parts   TEXT NOT NULL DEFAULT '[]',
    state         TEXT NOT NULL CHECK (state IN ('PENDING', 'APPROVED', 'REJECTED', 'SUPERSEDED')),
    state_reason  TEXT,
    grab_id       INTEGER,
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL
);
-- never two pending proposals for the same volume of a series
CREATE UNIQUE INDEX proposal_pending_volume ON proposal (series_id, volume_from, volume_to) WHERE state = 'PENDING';
CREATE INDEX proposal_by_state ON proposal (state, series_id);
