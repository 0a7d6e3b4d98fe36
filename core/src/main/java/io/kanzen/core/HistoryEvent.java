package io.kanzen.core;

import io.kanzen.api.VolumeRange;
import java.time.Instant;

/**
 * One thing the monitor did.
 *
 * @param results for a search, how many releases it found
 */
public record HistoryEvent(long id, Instant at, Kind kind, boolean success, Long seriesId, String seriesTitle, String source, String client,
        String query, Integer results, VolumeRange volume, String message) {
    public enum Kind {
        SEARCH,
        GRAB,
        FAILURE,
        IMPORT
    }
}
