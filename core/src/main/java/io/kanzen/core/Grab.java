package io.kanzen.core;

import io.kanzen.api.VolumeRange;
import java.time.Instant;

/**
 * A download Kanzen sent (or tried to send) to a client.
 *
 * @param title        the series title
 * @param link         the link, with any API key in it masked
 * @param handle       the client's id for the download (info-hash, MD4), null until the client accepted it
 * @param volume       null when the release covers no known volume
 * @param seriesId     the library series it is for, null for a grab made by hand without one
 * @param source       the source that found it, null for a link given by hand
 * @param releaseTitle the release's own name, when it came from a source
 * @param contentPath  where the client last said the files are (as the client sees them), null until it said
 * @param importError  why the last import attempt failed (retried at the next poll), null when none failed
 */
public record Grab(long id, String client, String title, VolumeRange volume, String link, String handle, State state, String message,
        Instant createdAt, Instant updatedAt, Long seriesId, String source, String releaseTitle, String contentPath, String importError) {
    /** Whether the grab is tied to a library series, so that it can be imported; a hand grab may not be. */
    public boolean linked() {
        return seriesId != null;
    }

    public enum State {
        /** Recorded, the client not yet answered (or Kanzen stopped in between): the volume counts as taken. */
        SENDING,
        /** The client accepted it; tracking follows it. */
        SENT,
        /** The client refused it. */
        FAILED,
        /** Downloaded and moved into the library. */
        IMPORTED,
        /** The client lost or failed the download: the release is blocklisted and the volume wanted again. */
        DOWNLOAD_FAILED,
        /** Cancelled by the user: removed from its client, the volume wanted again, the release not blocklisted. */
        CANCELLED;

        /** Whether a grab in this state keeps its volumes from being grabbed again. */
        public boolean holdsVolume() {
            return this == SENDING || this == SENT || this == IMPORTED;
        }

        /** Whether tracking still follows it. */
        public boolean active() {
            return this == SENT;
        }
    }
}
