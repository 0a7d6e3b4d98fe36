package io.kanzen.api.source;

import java.util.List;

/** What a metadata source knows of a series. {@code vf} and {@code vo} may be null when the site has none. */
public record SeriesMetadata(
        String title,
        List<String> alternativeTitles,
        String url,
        EditionInfo vo,
        EditionInfo vf,
        List<String> authors,
        List<String> genres,
        String coverUrl) {
    public SeriesMetadata {
        if (title == null || title.isBlank()) {
            throw new IllegalArgumentException("metadata needs a title");
        }
        alternativeTitles = alternativeTitles == null ? List.of() : List.copyOf(alternativeTitles);
        authors = authors == null ? List.of() : List.copyOf(authors);
        genres = genres == null ? List.of() : List.copyOf(genres);
    }
}
