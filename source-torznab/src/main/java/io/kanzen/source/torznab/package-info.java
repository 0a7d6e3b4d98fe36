/**
 * A generic Torznab/Newznab release source: Jackett (one indexer or the aggregate), Prowlarr's per-indexer feeds,
 * NZBHydra 2 and any indexer speaking the protocol. See {@code docs/sources.md}.
 */
package io.kanzen.source.torznab;
