package io.kanzen.core;

import java.util.List;

/**
 * How Kanzen is, for {@code /health} and {@code kanzen status}: {@link Status#UP}, {@link Status#DEGRADED} (it
 * works, but something needs a look: the reasons say what) or {@link Status#DOWN} (its database cannot be read).
 */
public record Health(Status status, List<Problem> problems) {
    public enum Status {
        UP, DEGRADED, DOWN
    }

    public Health {
        problems = List.copyOf(problems);
    }

    /** The problems' English messages: what {@code kanzen status} prints and {@code /health} lists as {@code reasons}. */
    public List<String> reasons() {
        return Problem.messages(problems);
    }
}
