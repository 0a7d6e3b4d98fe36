package io.kanzen.bench.decisions;

/** How a release's link reaches the download client, in the shapes Prowlarr gives them. */
public enum LinkStyle {
    /** The guid is the magnet itself (a Cardigann tracker's magnet-only release); no downloadUrl. */
    MAGNET,
    /** downloadUrl is a Prowlarr proxy link answering a real bencoded .torrent. */
    TORRENT_FILE,
    /** downloadUrl is a Prowlarr proxy link answering a redirect to a magnet. */
    REDIRECT_TO_MAGNET
}
