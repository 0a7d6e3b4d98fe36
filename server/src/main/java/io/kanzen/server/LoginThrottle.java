package io.kanzen.server;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** At most {@link #MAX_FAILURES} failed logins per address in {@link #WINDOW}; then the address waits. */
final class LoginThrottle {
    static final int MAX_FAILURES = 5;
    static final Duration WINDOW = Duration.ofMinutes(15);

    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();
    private final Clock clock;

    LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    /** How long the address must still wait, when it must. */
    synchronized Optional<Duration> blocked(String address) {
        Deque<Instant> f = prune(address);
        if (f.size() < MAX_FAILURES) {
            return Optional.empty();
        }
        return Optional.of(Duration.between(clock.instant(), f.peekFirst().plus(WINDOW)));
    }

    synchronized void failed(String address) {
        prune(address).addLast(clock.instant());
    }

    synchronized void succeeded(String address) {
        failures.remove(address);
    }

    private Deque<Instant> prune(String address) {
        Deque<Instant> f = failures.computeIfAbsent(address, a -> new ArrayDeque<>());
        Instant horizon = clock.instant().minus(WINDOW);
        while (!f.isEmpty() && f.peekFirst().isBefore(horizon)) {
            f.removeFirst();
        }
        return f;
    }
}
