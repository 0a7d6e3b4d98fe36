package io.kanzen.client.qbittorrent;

import io.kanzen.api.DownloadState;

/** qBittorrent's torrent states (4.x and 5.x names) in Kanzen's words. */
final class TorrentStates {
    private TorrentStates() {}

    static DownloadState of(String state, double progress) {
        switch (state == null ? "unknown" : state) {
            case "error":
            case "missingFiles":
                return DownloadState.FAILED;
            case "uploading":
            case "stalledUP":
            case "queuedUP":
            case "forcedUP":
            case "checkingUP":
            case "pausedUP":
            case "stoppedUP":
                return DownloadState.COMPLETED;
            case "pausedDL":
            case "stoppedDL":
                return progress >= 1 ? DownloadState.COMPLETED : DownloadState.PAUSED;
            case "queuedDL":
                return DownloadState.QUEUED;
            case "stalledDL":
                return DownloadState.STALLED;
            case "downloading":
            case "forcedDL":
            case "metaDL":
            case "forcedMetaDL":
            case "allocating":
            case "checkingDL":
            case "checkingResumeData":
            case "moving":
                return progress >= 1 ? DownloadState.COMPLETED : DownloadState.DOWNLOADING;
            default:
                return progress >= 1 ? DownloadState.COMPLETED : DownloadState.QUEUED;
        }
    }
}
