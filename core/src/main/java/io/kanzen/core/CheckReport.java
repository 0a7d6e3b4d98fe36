package io.kanzen.core;

import java.time.Instant;
import java.util.List;

/**
 * One check of the monitored series.
 *
 * @param searches requests made to sources (one per series and source, plus per-volume fallbacks)
 * @param problems what failed beyond one series (a source backing off, a client down)
 */
public record CheckReport(Instant startedAt, Instant finishedAt, boolean dryRun, List<SeriesCheck> series, int searches, int grabs,
        List<String> problems) {
    public CheckReport {
        series = List.copyOf(series);
        problems = List.copyOf(problems);
    }
}
