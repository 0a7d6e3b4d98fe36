package io.kanzen.core;

import io.kanzen.api.VolumeRange;
import java.time.Instant;

/**
 * One thing the monitor did.
 *
 * @param results for a search, how many releases it found
 * @param grabId  the download the event is about, or null
 */
public record HistoryEvent(long id, Instant at, Kind kind, boolean success, Long seriesId, String seriesTitle, String source, String client,
        String query, Integer results, VolumeRange volume, String message, Long grabId) {
    /** An event about no download in particular. */
    public HistoryEvent(long id, Instant at, Kind kind, boolean success, Long seriesId, String seriesTitle, String source, String client,
            String query, Integer results, VolumeRange volume, String message) {
        this(id, at, kind, success, seriesId, seriesTitle, source, client, query, results, volume, message, null);
    }

    /** One kind per thing a listener (the UI, a notifier) may want to tell apart. */
    public enum Kind {
        SEARCH,
        GRAB,
        /** A search, a metadata request, an index refresh or a send failed. */
        FAILURE,
        /** A finished download was placed in the library. */
        IMPORT,
        /** A finished download could not be placed (path, permissions, space); retried at the next poll. */
        IMPORT_FAILED,
        /** The client failed or lost the download: the release is blocklisted and the volume wanted again. */
        DOWNLOAD_FAILED,
        /** No progress for the stall timeout: the download is given up, its release blocklisted. */
        STALLED,
        /** The user cancelled, retried, blocklisted or linked a download by hand. */
        DOWNLOAD_CONTROL
    }
}
