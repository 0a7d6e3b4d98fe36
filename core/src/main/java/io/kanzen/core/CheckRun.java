package io.kanzen.core;

import java.time.Instant;
import java.util.List;

/**
 * What is kept of one check once it is over (or while it runs): enough for "when did Kanzen last look, and how did
 * it go", across restarts.
 *
 * @param finishedAt null while it runs
 * @param series     series checked
 * @param searches   requests made to sources
 * @param found      releases found and judged
 * @param sent       grabs sent
 * @param problems   what went wrong for a source, a client or a series (the check went on)
 * @param error      why the check failed as a whole (an error, its deadline, Kanzen stopped in it); null when it ran
 *                   to the end
 */
public record CheckRun(long id, Instant startedAt, Instant finishedAt, boolean dryRun, int series, int searches, int found, int sent,
        List<Problem> problems, String error) {
    public CheckRun {
        problems = problems == null ? List.of() : List.copyOf(problems);
    }

    public boolean running() {
        return finishedAt == null;
    }

    public boolean failed() {
        return error != null;
    }
}
