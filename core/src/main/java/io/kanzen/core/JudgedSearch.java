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
 */
public record JudgedSearch(Long seriesId, String seriesTitle, List<JudgedRelease> releases, Map<String, String> problems) {
    public JudgedSearch {
        releases = List.copyOf(releases);
        problems = Map.copyOf(problems);
    }
}
