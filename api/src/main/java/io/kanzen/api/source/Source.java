package io.kanzen.api.source;

import io.kanzen.api.Release;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A place to find releases or metadata. Safe for concurrent use. Failures are
 * {@link io.kanzen.api.PluginException}s with an {@link io.kanzen.api.ErrorKind}; "nothing found" is an empty
 * answer, never an exception.
 */
public interface Source extends AutoCloseable {
    /** What this source can do; constant for its lifetime. */
    Set<SourceCapability> capabilities();

    /** Only called when {@link #capabilities()} has {@link SourceCapability#SEARCH_RELEASES}. */
    default List<Release> search(SearchRequest request) {
        throw new UnsupportedOperationException("this source does not search releases");
    }

    /** Only called when {@link #capabilities()} has {@link SourceCapability#SERIES_METADATA}. */
    default Optional<SeriesMetadata> metadata(SeriesQuery query) {
        throw new UnsupportedOperationException("this source has no series metadata");
    }

    /** Checks that the settings work (address, credentials), throwing a PluginException when not. */
    void checkConnection();

    @Override
    default void close() {}
}
