package io.kanzen.api.scoring;

import java.util.List;

/** A relevance score with the reasons that make it up; {@code total} is the sum of the components. */
public record Score(int total, List<ScoreComponent> breakdown) {
    public Score {
        breakdown = List.copyOf(breakdown);
        int sum = breakdown.stream().mapToInt(ScoreComponent::points).sum();
        if (sum != total) {
            throw new IllegalArgumentException("total " + total + " is not the sum of its components (" + sum + ")");
        }
    }

    public static Score of(List<ScoreComponent> breakdown) {
        return new Score(breakdown.stream().mapToInt(ScoreComponent::points).sum(), breakdown);
    }
}
