package io.kanzen.core;

import io.kanzen.api.Release;
import java.util.List;
import java.util.Map;

/**
 * What a search found, best first, and the sources that failed (by name, with the reason): one failing source
 * never hides what the others found.
 */
public record SearchResults(List<Release> releases, Map<String, String> problems) {
    public SearchResults {
        releases = List.copyOf(releases);
        problems = Map.copyOf(problems);
    }
}
