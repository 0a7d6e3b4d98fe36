package io.kanzen.api;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The one failure type of the SPI. The message is shown to users as is, so it says what happened in plain
 * words and never carries a secret.
 */
public class PluginException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final ErrorKind kind;
    private final transient Duration retryAfter;

    /** A failure of {@code kind}; {@code message} is shown to users as is. */
    public PluginException(ErrorKind kind, String message) {
        this(kind, message, null, null);
    }

    /** A failure of {@code kind} caused by {@code cause} (kept for the logs; its text must not hold a secret either). */
    public PluginException(ErrorKind kind, String message, Throwable cause) {
        this(kind, message, cause, null);
    }

    /**
     * A failure with how long the peer asked to wait.
     *
     * @param retryAfter null when the peer did not say; never negative
     */
    public PluginException(ErrorKind kind, String message, Throwable cause, Duration retryAfter) {
        super(Objects.requireNonNull(message, "message"), cause);
        this.kind = Objects.requireNonNull(kind, "kind");
        if (retryAfter != null && retryAfter.isNegative()) {
            throw new IllegalArgumentException("retryAfter must not be negative: " + retryAfter);
        }
        this.retryAfter = retryAfter;
    }

    /** The peer asked to slow down (HTTP 429); {@code retryAfter} is its {@code Retry-After}, or null. */
    public static PluginException rateLimited(String message, Duration retryAfter) {
        return new PluginException(ErrorKind.RATE_LIMITED, message, null, retryAfter);
    }

    /** What went wrong, for the engine's policy (retry, back off, alert). */
    public ErrorKind kind() {
        return kind;
    }

    /** How long the peer asked us to wait, when it said so. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
