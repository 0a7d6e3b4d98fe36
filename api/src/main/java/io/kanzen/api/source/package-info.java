/**
 * Sources: places to find releases ({@link io.kanzen.api.source.SourceCapability#SEARCH_RELEASES}: Prowlarr,
 * Torznab, EBDZ) or series metadata ({@link io.kanzen.api.source.SourceCapability#SERIES_METADATA}: Nautiljon,
 * AniList). A source that keeps a local index implements {@link io.kanzen.api.source.IndexedSource}.
 */
package io.kanzen.api.source;
