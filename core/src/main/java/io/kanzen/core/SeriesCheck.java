package io.kanzen.core;

import io.kanzen.api.scoring.Decision;
import java.util.List;

/**
 * What a check did for one series: the wanted volumes, every release judged (accepted or rejected, with reasons),
 * the ones chosen, the grabs sent (none in a dry run), and what went wrong.
 */
public record SeriesCheck(long seriesId, String title, List<Integer> wanted, List<Decision> decisions, List<Decision> chosen, List<Grab> grabs,
        List<Problem> problems) {
    public SeriesCheck {
        wanted = List.copyOf(wanted);
        decisions = List.copyOf(decisions);
        chosen = List.copyOf(chosen);
        grabs = List.copyOf(grabs);
        problems = List.copyOf(problems);
    }
}
