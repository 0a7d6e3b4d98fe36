package io.kanzen.api;

import java.util.List;

/**
 * A volume the user does not have and wants, as the scorer sees it.
 *
 * @param titles   the series title first, then its alternative titles (romaji, French, English...)
 * @param language the language of the collected edition ({@code fr} for VF), or null for any
 */
public record WantedVolume(long seriesId, List<String> titles, double volume, String language) {
    public WantedVolume {
        if (titles == null || titles.isEmpty() || titles.stream().anyMatch(t -> t == null || t.isBlank())) {
            throw new IllegalArgumentException("a wanted volume needs at least one non-blank series title");
        }
        titles = List.copyOf(titles);
        if (!Double.isFinite(volume) || volume < 0) {
            throw new IllegalArgumentException("volume must be a number >= 0: " + volume);
        }
    }

    /** The series' own title (the first of {@code titles}). */
    public String seriesTitle() {
        return titles.get(0);
    }
}
