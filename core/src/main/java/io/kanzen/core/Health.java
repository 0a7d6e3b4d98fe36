package io.kanzen.core;

import java.util.List;

/**
 * How Kanzen is, for {@code /health} and {@code kanzen status}: {@link Status#UP}, {@link Status#DEGRADED} (it
 * works, but something needs a look: the reasons say what) or {@link Status#DOWN} (its database cannot be read).
 */
public record Health(Status status, List<String> reasons) {
    public enum Status {
        UP, DEGRADED, DOWN
    }

    public Health {
        reasons = List.copyOf(reasons);
    }
}
