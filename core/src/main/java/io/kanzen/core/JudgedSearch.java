package io.kanzen.core;

import java.util.List;
import java.util.Map;

/**
 * A manual search's results judged for the library series its title names.
 *
 * @param seriesId    that series, null when the title names none (then nothing is judged)
 * @param seriesTitle its title in the library, or the title searched
 * @param releases    every release found, in the order found
 * @param problems    sources that failed (by name, with the reason), and scorers that did
 * @param typedProblems the sources' failures with their codes ({@code plugin.unavailable}...), for translation
 */
public record JudgedSearch(Long seriesId, String seriesTitle, List<JudgedRelease> releases, Map<String, String> problems,
        List<Problem> typedProblems) {
    public JudgedSearch {
        releases = List.copyOf(releases);
        problems = Map.copyOf(problems);
        typedProblems = typedProblems == null ? List.of() : List.copyOf(typedProblems);
    }

    public JudgedSearch(Long seriesId, String seriesTitle, List<JudgedRelease> releases, Map<String, String> problems) {
        this(seriesId, seriesTitle, releases, problems, List.of());
    }
}
