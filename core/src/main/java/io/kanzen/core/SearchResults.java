package io.kanzen.core;

import io.kanzen.api.Release;
import java.util.List;
import java.util.Map;

/**
 * What a search found, best first, and the sources that failed (by name, with the reason): one failing source
 * never hides what the others found.
 *
 * @param problems      the English reason per failed source
 * @param typedProblems the same failures with their codes ({@code plugin.unavailable}...) and the source's name
 */
public record SearchResults(List<Release> releases, Map<String, String> problems, List<Problem> typedProblems) {
    public SearchResults {
        releases = List.copyOf(releases);
        problems = Map.copyOf(problems);
        typedProblems = typedProblems == null ? List.of() : List.copyOf(typedProblems);
    }

    public SearchResults(List<Release> releases, Map<String, String> problems) {
        this(releases, problems, List.of());
    }
}
