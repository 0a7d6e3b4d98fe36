-- The history page filters by type, series and dates, newest first (issue 14 point 7): each filter an index that
-- ends with the time, so a page of a long history is a short walk of an index, never a scan of the table.
CREATE INDEX history_by_kind_time ON history (kind, at);
CREATE INDEX history_by_series_time ON history (series_id, at);

-- How many volumes the monitored series lacked, for the "missing volumes over time" chart (issue 14 point 8).
-- Derived data kept small: a row is written only when the count changed since the last row, and at most one row per
-- UTC day (a second change the same day updates that day's row). `at` is when the count was last seen.
CREATE TABLE missing_snapshot (
    day       TEXT PRIMARY KEY,
    at        TEXT NOT NULL,
    missing   INTEGER NOT NULL,
    monitored INTEGER NOT NULL
);
