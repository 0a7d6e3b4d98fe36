package io.kanzen.api;

/**
 * How a client names a download it accepted: the torrent info-hash for BitTorrent clients, the MD4 file hash
 * for ed2k. Lower-case hex, so that history can be joined to the client's queue.
 */
public record DownloadHandle(String client, String id) {
    public DownloadHandle {
        if (client == null || client.isBlank()) {
            throw new IllegalArgumentException("a handle names its client");
        }
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("a handle has an id");
        }
        id = id.strip().toLowerCase(java.util.Locale.ROOT);
    }
}
