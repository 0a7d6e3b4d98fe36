package io.kanzen.api.source;

/** What a source can do; the host only calls the methods a source declares. */
public enum SourceCapability {
    /** {@link Source#search(SearchRequest)}: releases for a title (Prowlarr, EBDZ). */
    SEARCH_RELEASES,
    /** {@link Source#metadata(SeriesQuery)}: volume counts, status, dates (Nautiljon). */
    SERIES_METADATA
}
