package io.kanzen.source.anilist;

import io.kanzen.api.ErrorKind;
import io.kanzen.api.PluginException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** At least {@code interval} between two requests, on top of the host's limiter (AniList's real limit is 30/min). */
final class Pacer {
    private final Duration interval;
    private final Clock clock;
    private Instant last;

    Pacer(Duration interval, Clock clock) {
        this.interval = interval;
        this.clock = clock;
    }

    synchronized void await() {
        if (last != null) {
            Duration left = interval.minus(Duration.between(last, clock.instant()));
            if (!left.isNegative() && !left.isZero()) {
                try {
                    Thread.sleep(left.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new PluginException(ErrorKind.UNAVAILABLE, "interrupted while waiting to ask AniList", e);
                }
            }
        }
        last = clock.instant();
    }
}
