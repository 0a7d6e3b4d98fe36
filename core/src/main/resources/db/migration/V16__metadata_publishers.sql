-- The series page shows who publishes each edition: the metadata source says it, it was not kept (issue 14).
-- JSON arrays of names; NULL for rows fetched before this version (filled at their next refresh).
ALTER TABLE series_metadata ADD COLUMN vo_publishers TEXT;
ALTER TABLE series_metadata ADD COLUMN vf_publishers TEXT;

-- A series' page lists its own history: without an index that is a scan of every event.
CREATE INDEX IF NOT EXISTS history_of_series ON history (series_id, id);
