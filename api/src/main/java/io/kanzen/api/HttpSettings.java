package io.kanzen.api;

import java.time.Duration;
import java.util.Objects;

/** What the host wants every HTTP client of a plugin to use. */
public record HttpSettings(Duration connectTimeout, Duration readTimeout, String userAgent) {
    public static final HttpSettings DEFAULT =
            new HttpSettings(Duration.ofSeconds(10), Duration.ofSeconds(30), "Kanzen/" + SpiVersion.CURRENT);

    public HttpSettings {
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(readTimeout, "readTimeout");
        if (connectTimeout.isNegative() || connectTimeout.isZero() || readTimeout.isNegative() || readTimeout.isZero()) {
            throw new IllegalArgumentException("timeouts must be positive");
        }
        if (userAgent == null || userAgent.isBlank()) {
            throw new IllegalArgumentException("userAgent must not be blank");
        }
    }
}
