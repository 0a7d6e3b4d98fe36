package io.kanzen.api.source;

import io.kanzen.api.VolumeRange;

/**
 * A search for releases of one series. {@code volume} narrows the query when the source supports it; a
 * source may ignore it and return every release of the series (the engine matches volumes itself).
 */
public record SearchRequest(String query, VolumeRange volume, int limit) {
    public SearchRequest {
        if (query == null || query.isBlank()) {
            throw new IllegalArgumentException("a search needs a query");
        }
        query = query.strip();
        if (limit <= 0) {
            throw new IllegalArgumentException("limit must be positive");
        }
    }

    /** The whole series, up to 100 results. */
    public static SearchRequest of(String query) {
        return new SearchRequest(query, null, 100);
    }
}
