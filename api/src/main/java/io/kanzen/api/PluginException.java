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

    public PluginException(ErrorKind kind, String message) {
        this(kind, message, null, null);
    }

    public PluginException(ErrorKind kind, String message, Throwable cause) {
        this(kind, message, cause, null);
    }

    public PluginException(ErrorKind kind, String message, Throwable cause, Duration retryAfter) {
        super(Objects.requireNonNull(message, "message"), cause);
        this.kind = Objects.requireNonNull(kind, "kind");
        if (retryAfter != null && retryAfter.isNegative()) {
            throw new IllegalArgumentException("retryAfter must not be negative: " + retryAfter);
        }
        this.retryAfter = retryAfter;
    }

    public static PluginException rateLimited(String message, Duration retryAfter) {
        return new PluginException(ErrorKind.RATE_LIMITED, message, null, retryAfter);
    }

    public ErrorKind kind() {
        return kind;
    }

    /** How long the peer asked us to wait, when it said so. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
