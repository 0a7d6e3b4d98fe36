package io.kanzen.api.source;

/** Which series to describe: a title, or a page the user pinned on the metadata site. */
public record SeriesQuery(String title, String pinnedUrl) {
    public SeriesQuery {
        if ((title == null || title.isBlank()) && (pinnedUrl == null || pinnedUrl.isBlank())) {
            throw new IllegalArgumentException("a series query needs a title or a pinned URL");
        }
    }

    /** A query by title only. */
    public static SeriesQuery title(String title) {
        return new SeriesQuery(title, null);
    }
}
