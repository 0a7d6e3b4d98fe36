package io.kanzen.api.source;

import java.util.function.Consumer;

/**
 * A source that searches a local index it fills itself, such as a crawl of a forum (EBDZ). {@link #search} reads
 * the index only; {@link #refreshIndex} is what goes to the network, when the host (a schedule, or the user)
 * decides.
 */
public interface IndexedSource extends Source {
    /**
     * Brings the index up to date, reading only what changed since the last refresh, and resuming where an
     * interrupted one stopped.
     *
     * @param progress receives one line per step, for the user to follow
     * @throws io.kanzen.api.PluginException when the peer fails; what was indexed before the failure stays
     */
    IndexReport refreshIndex(Consumer<String> progress);
}
