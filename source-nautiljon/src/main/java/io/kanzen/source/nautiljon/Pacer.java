package io.kanzen.source.nautiljon;

import io.kanzen.api.ErrorKind;
import io.kanzen.api.PluginException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Keeps at least a minimum interval between two requests to Nautiljon, which bans addresses that go too fast. It
 * applies on top of the host's rate limiter, so the plugin stays polite whatever the host is set to.
 */
final class Pacer {
    interface Sleeper {
        void sleep(Duration d) throws InterruptedException;
    }

    private final Duration interval;
    private final Clock clock;
    private final Sleeper sleeper;
    private Instant last;

    Pacer(Duration interval, Clock clock, Sleeper sleeper) {
        this.interval = interval;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    static Pacer of(Duration interval, Clock clock) {
        return new Pacer(interval, clock, d -> Thread.sleep(d.toMillis()));
    }

    /** Waits until the interval since the previous request has passed, then counts this one. */
    synchronized void await() {
        if (last != null) {
            Duration since = Duration.between(last, clock.instant());
            if (since.compareTo(interval) < 0) {
                try {
                    sleeper.sleep(interval.minus(since));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new PluginException(ErrorKind.UNAVAILABLE, "interrupted while waiting to ask Nautiljon", e);
                }
            }
        }
        last = clock.instant();
    }
}
