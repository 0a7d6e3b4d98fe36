package io.kanzen.api;

import java.time.Instant;
import java.util.Objects;

/**
 * One search result of a source. Only {@code source}, {@code title} and {@code link} are always known; the
 * rest is null (or -1 for {@code size}) when the source does not say it. A missing seeder count is not zero.
 *
 * @param parsed what the title says, filled by the host's {@link NameParser}
 */
public record Release(
        String source,
        String title,
        String link,
        LinkKind linkKind,
        long size,
        Integer seeders,
        Integer leechers,
        Instant publishDate,
        String guid,
        String infoHash,
        String indexer,
        String protocol,
        ParsedName parsed) {

    public Release {
        requireText(source, "source");
        requireText(title, "title");
        requireText(link, "link");
        Objects.requireNonNull(linkKind, "linkKind");
        if (size < -1) {
            throw new IllegalArgumentException("size is -1 (unknown) or a byte count: " + size);
        }
        if (seeders != null && seeders < 0 || leechers != null && leechers < 0) {
            throw new IllegalArgumentException("peer counts are not negative");
        }
        parsed = parsed == null ? ParsedName.EMPTY : parsed;
    }

    /** The same release read by another parser (the host re-reads titles with its own). */
    public Release withParsed(ParsedName name) {
        return new Release(source, title, link, linkKind, size, seeders, leechers, publishDate, guid, infoHash, indexer, protocol, name);
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("a release needs a " + name);
        }
    }
}
