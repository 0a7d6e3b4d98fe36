package io.kanzen.core;

import java.time.Instant;
import java.util.List;

/**
 * One check of the monitored series.
 *
 * @param searches requests made to sources (one per series and source, plus per-volume fallbacks)
 * @param problems what failed beyond one series (a source backing off, a client down)
 * @param downloads what following the downloads did first (imports, failures, stalls)
 */
public record CheckReport(Instant startedAt, Instant finishedAt, boolean dryRun, List<SeriesCheck> series, int searches, int grabs,
        List<Problem> problems, TrackReport downloads) {
    public CheckReport {
        series = List.copyOf(series);
        problems = List.copyOf(problems);
        downloads = downloads == null ? TrackReport.EMPTY : downloads;
    }

    /** A check that did not follow the downloads (a dry run). */
    public CheckReport(Instant startedAt, Instant finishedAt, boolean dryRun, List<SeriesCheck> series, int searches, int grabs,
            List<Problem> problems) {
        this(startedAt, finishedAt, dryRun, series, searches, grabs, problems, TrackReport.EMPTY);
    }
}
