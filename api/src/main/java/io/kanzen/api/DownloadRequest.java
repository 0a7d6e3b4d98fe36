package io.kanzen.api;

import java.util.List;
import java.util.Objects;

/**
 * What to hand a download client.
 *
 * @param torrentFile the .torrent bytes when {@code kind} is {@link LinkKind#TORRENT_FILE}, otherwise null
 * @param category    the client category or label; null for none
 * @param savePath    where the client should save; null for its default
 */
public record DownloadRequest(
        String link,
        LinkKind kind,
        byte[] torrentFile,
        String title,
        VolumeRange volume,
        String category,
        List<String> tags,
        String savePath,
        boolean paused) {

    public DownloadRequest {
        Objects.requireNonNull(kind, "kind");
        if (kind == LinkKind.TORRENT_FILE) {
            if (torrentFile == null || torrentFile.length == 0) {
                throw new IllegalArgumentException("a TORRENT_FILE request carries the torrent's bytes");
            }
        } else if (link == null || LinkKind.of(link).orElse(null) != kind) {
            throw new IllegalArgumentException("the link is not a " + kind + " link");
        }
        if (title == null || title.isBlank()) {
            throw new IllegalArgumentException("a download request needs a title");
        }
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    /** A request for a textual link (magnet, torrent URL, ed2k) with no category, tags or save path. */
    public static DownloadRequest of(String link, String title, VolumeRange volume) {
        LinkKind kind = LinkKind.of(link).orElseThrow(() -> new IllegalArgumentException("not a magnet, http(s) or ed2k link"));
        return new DownloadRequest(link, kind, null, title, volume, null, List.of(), null, false);
    }
}
