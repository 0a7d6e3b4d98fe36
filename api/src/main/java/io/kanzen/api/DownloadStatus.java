package io.kanzen.api;

import java.util.Objects;

/**
 * A download as the client reports it.
 *
 * @param progress      0 to 1
 * @param size          total bytes, -1 when unknown
 * @param contentPath   where the finished files are, when the client says
 * @param message       the client's own words on a failure, or null
 * @param speed         bytes received per second now, -1 when the client does not say
 * @param etaSeconds    seconds left at the current pace, -1 when unknown (nothing coming in, or the client does not say)
 */
public record DownloadStatus(DownloadHandle handle, DownloadState state, double progress, String name, long size, String contentPath,
        String message, long speed, long etaSeconds) {
    /** What {@link #etaSeconds} holds when the time left is not known. */
    public static final long UNKNOWN = -1;

    public DownloadStatus {
        Objects.requireNonNull(handle, "handle");
        Objects.requireNonNull(state, "state");
        if (!(progress >= 0 && progress <= 1)) {
            throw new IllegalArgumentException("progress is between 0 and 1: " + progress);
        }
        if (size < -1) {
            throw new IllegalArgumentException("size is -1 or a byte count");
        }
        if (speed < -1) {
            throw new IllegalArgumentException("speed is -1 or bytes per second: " + speed);
        }
        if (etaSeconds < -1) {
            throw new IllegalArgumentException("etaSeconds is -1 or a count of seconds: " + etaSeconds);
        }
    }

    /** A status without speed nor time left (clients written before they were asked for). */
    public DownloadStatus(DownloadHandle handle, DownloadState state, double progress, String name, long size, String contentPath, String message) {
        this(handle, state, progress, name, size, contentPath, message, UNKNOWN, UNKNOWN);
    }

    /** The status of a download the client no longer knows (removed by the user, or never added). */
    public static DownloadStatus missing(DownloadHandle handle) {
        return new DownloadStatus(handle, DownloadState.MISSING, 0, null, -1, null, "the client does not know this download");
    }
}
