package io.kanzen.api;

/** Where a download is, in words common to every client. */
public enum DownloadState {
    QUEUED,
    DOWNLOADING,
    STALLED,
    PAUSED,
    COMPLETED,
    FAILED,
    /** The client no longer knows the download (removed by hand). */
    MISSING
}
