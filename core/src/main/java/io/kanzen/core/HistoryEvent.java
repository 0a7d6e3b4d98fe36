package io.kanzen.core;

import io.kanzen.api.VolumeRange;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One thing the monitor did.
 *
 * @param results for a search, how many releases it found
 * @param grabId  the download the event is about, or null
 * @param code    what happened, stable for a front end to say it in its user's language ({@link HistoryCodes}, or a
 *                failure's code as {@link KanzenException#codeOf} gives it); null for events stored before codes
 * @param params  what the text of the code needs (series, volume, client, release...)
 * @param message the English sentence, for the CLI and the logs
 */
public record HistoryEvent(long id, Instant at, Kind kind, boolean success, Long seriesId, String seriesTitle, String source, String client,
        String query, Integer results, VolumeRange volume, String message, Long grabId, String code, Map<String, String> params) {
    public HistoryEvent {
        params = params == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }

    /** An event without a code, as stored before codes existed. */
    public HistoryEvent(long id, Instant at, Kind kind, boolean success, Long seriesId, String seriesTitle, String source, String client,
            String query, Integer results, VolumeRange volume, String message, Long grabId) {
        this(id, at, kind, success, seriesId, seriesTitle, source, client, query, results, volume, message, grabId, null, null);
    }

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
