package io.kanzen.api.scoring;

import java.util.Objects;
import java.util.Optional;

/**
 * What a {@link Scorer} says of one release: score parts to add, and a reason to turn it down, or none.
 *
 * @param score     the parts this scorer adds (may be empty: {@link Score#of} an empty list)
 * @param rejection a sentence for the user when the scorer turns the release down, else null
 * @since SPI 1.1
 */
public record ScorerVerdict(Score score, String rejection) {
    public ScorerVerdict {
        Objects.requireNonNull(score, "score");
        if (rejection != null && rejection.isBlank()) {
            throw new IllegalArgumentException("a rejection explains itself");
        }
    }

    public static ScorerVerdict accept(Score score) {
        return new ScorerVerdict(score, null);
    }

    public static ScorerVerdict reject(Score score, String why) {
        return new ScorerVerdict(score, Objects.requireNonNull(why, "why"));
    }

    public Optional<String> rejectionReason() {
        return Optional.ofNullable(rejection);
    }
}
