package io.kanzen.core;

import io.kanzen.api.VolumeRange;
import java.time.Instant;

/**
 * A download Kanzen sent (or tried to send) to a client.
 *
 * @param link   the link, with any API key in it masked
 * @param handle the client's id for the download (info-hash, MD4), null until the client accepted it
 * @param volume null when the release covers no known volume
 */
public record Grab(long id, String client, String title, VolumeRange volume, String link, String handle, State state, String message,
        Instant createdAt, Instant updatedAt) {
    public enum State {
        /** Recorded, the client not yet answered (or Kanzen stopped in between). */
        SENDING,
        SENT,
        FAILED
    }
}
