package io.kanzen.api;

import java.util.Locale;
import java.util.Optional;

/** The kinds of link a download client may accept. */
public enum LinkKind {
    MAGNET,
    /** An http(s) address answering a .torrent file (or redirecting to a magnet). */
    TORRENT_URL,
    /** The bytes of a .torrent file fetched by Kanzen itself. */
    TORRENT_FILE,
    ED2K;

    /** The kind of a textual link, or empty when it is none Kanzen knows. */
    public static Optional<LinkKind> of(String link) {
        if (link == null) {
            return Optional.empty();
        }
        String l = link.strip().toLowerCase(Locale.ROOT);
        if (l.startsWith("magnet:?")) {
            return Optional.of(MAGNET);
        }
        if (l.startsWith("ed2k://")) {
            return Optional.of(ED2K);
        }
        if (l.startsWith("http://") || l.startsWith("https://")) {
            return Optional.of(TORRENT_URL);
        }
        return Optional.empty();
    }
}
