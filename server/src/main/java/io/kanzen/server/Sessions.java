package io.kanzen.server;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Browser sessions: a random token in an HttpOnly, SameSite=Strict cookie, and per session a CSRF token that every
 * state-changing request made with the cookie must carry in {@code X-CSRF-Token}. In memory: a restart logs out.
 */
final class Sessions {
    static final String COOKIE = "kanzen_session";
    static final Duration LIFETIME = Duration.ofDays(7);

    record Session(String token, String user, String csrf, Instant expires) {}

    private static final SecureRandom RANDOM = new SecureRandom();
    private final Map<String, Session> byToken = new ConcurrentHashMap<>();
    private final Clock clock;

    Sessions(Clock clock) {
        this.clock = clock;
    }

    /** Opens a session and returns its cookie token. */
    String open(String user) {
        String token = random();
        byToken.put(token, new Session(token, user, random(), clock.instant().plus(LIFETIME)));
        return token;
    }

    Optional<Session> find(String token) {
        if (token == null) {
            return Optional.empty();
        }
        Session s = byToken.get(token);
        if (s == null || s.expires().isBefore(clock.instant())) {
            byToken.remove(token);
            return Optional.empty();
        }
        return Optional.of(s);
    }

    void close(String token) {
        if (token != null) {
            byToken.remove(token);
        }
    }

    /** Ends every session of {@code user} but the one of {@code keep} (null: all of them). */
    void closeAllOf(String user, String keep) {
        byToken.values().removeIf(s -> s.user().equals(user) && !s.token().equals(keep));
    }

    private static String random() {
        byte[] b = new byte[24];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}
