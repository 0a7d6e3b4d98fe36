package io.kanzen.server;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * At most {@link #PER_ADDRESS} login attempts that did not succeed per address, and {@link #PER_ACCOUNT} per
 * account name, in {@link #WINDOW}; then the address (or the account) waits.
 *
 * <p>An attempt is charged <em>before</em> the password is checked ({@link #tryAttempt}), in one step under one
 * lock: parallel tries cannot all slip in between a check of the count and the record of their failure. A
 * success then clears the charges of its address and account. The per-account limit stops a guesser who spreads
 * tries over many addresses; it is higher so that one noisy address cannot lock the administrator out alone.
 */
final class LoginThrottle {
    static final int PER_ADDRESS = 5;
    static final int PER_ACCOUNT = 10;
    static final Duration WINDOW = Duration.ofMinutes(15);
    /** Past this many tracked keys, empty ones are dropped so random names cannot grow memory. */
    private static final int PRUNE_ABOVE = 10_000;

    /** Why an attempt was refused and how long to wait. */
    record Refusal(String who, Duration delay) {}

    private final Map<String, Deque<Instant>> byAddress = new HashMap<>();
    private final Map<String, Deque<Instant>> byAccount = new HashMap<>();
    private final Clock clock;

    LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    /**
     * Charges one attempt to the address and the account, or says why not: when either is at its limit nothing is
     * charged and the password must not be checked.
     */
    synchronized Optional<Refusal> tryAttempt(String address, String account) {
        Instant now = clock.instant();
        Deque<Instant> a = window(byAddress, address, now);
        Deque<Instant> u = window(byAccount, accountKey(account), now);
        if (a.size() >= PER_ADDRESS) {
            return Optional.of(new Refusal("address", Duration.between(now, a.peekFirst().plus(WINDOW))));
        }
        if (u.size() >= PER_ACCOUNT) {
            return Optional.of(new Refusal("account", Duration.between(now, u.peekFirst().plus(WINDOW))));
        }
        a.addLast(now);
        u.addLast(now);
        return Optional.empty();
    }

    /** The attempt charged by {@link #tryAttempt} was right: its address and account start afresh. */
    synchronized void succeeded(String address, String account) {
        byAddress.remove(address);
        byAccount.remove(accountKey(account));
    }

    private Deque<Instant> window(Map<String, Deque<Instant>> map, String key, Instant now) {
        if (map.size() > PRUNE_ABOVE) {
            map.values().removeIf(d -> d.isEmpty() || d.peekLast().isBefore(now.minus(WINDOW)));
        }
        Deque<Instant> d = map.computeIfAbsent(key, k -> new ArrayDeque<>());
        Instant horizon = now.minus(WINDOW);
        while (!d.isEmpty() && d.peekFirst().isBefore(horizon)) {
            d.removeFirst();
        }
        return d;
    }

    private static String accountKey(String account) {
        return account == null ? "" : account.strip().toLowerCase(Locale.ROOT);
    }
}
