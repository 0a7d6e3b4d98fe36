package io.kanzen.api.scoring;

import java.util.Objects;

/** One reason a release was rejected, with a sentence for the user. */
public record Rejection(RejectionReason reason, String message) {
    public Rejection {
        Objects.requireNonNull(reason, "reason");
        if (message == null || message.isBlank()) {
            throw new IllegalArgumentException("a rejection explains itself");
        }
    }
}
