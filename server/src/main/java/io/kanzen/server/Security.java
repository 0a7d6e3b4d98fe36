package io.kanzen.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.kanzen.core.Kanzen;
import io.kanzen.core.KanzenException;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Who may call the API: a request carries the API key ({@code X-Api-Key}) or a session cookie; with the cookie, a
 * request that changes something also carries the session's CSRF token. The first visit creates the
 * administrator (or {@code KANZEN_ADMIN_PASSWORD} does at start); logins are throttled per address.
 */
final class Security {
    private static final Set<String> OPEN = Set.of("/api/session", "/api/setup", "/api/login", "/api/logout", "/api/openapi.json");

    private final Kanzen kanzen;
    private final Sessions sessions;
    private final LoginThrottle throttle;

    Security(Kanzen kanzen, Clock clock) {
        this.kanzen = kanzen;
        this.sessions = new Sessions(clock);
        this.throttle = new LoginThrottle(clock);
    }

    void register(RoutesConfig r) {
        r.before("/api/*", this::guard);
        r.get("/api/session", ctx -> {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("setup_needed", !kanzen.accounts().isSetUp());
            Optional<Sessions.Session> s = sessions.find(ctx.cookie(Sessions.COOKIE));
            out.put("user", s.map(Sessions.Session::user).orElse(null));
            out.put("csrf", s.map(Sessions.Session::csrf).orElse(null));
            ctx.json(out);
        });
        r.post("/api/setup", ctx -> {
            if (kanzen.accounts().isSetUp()) {
                throw new ApiException(409, "the administrator already exists: log in", null);
            }
            JsonNode body = Api.body(ctx);
            String user = Api.required(body, "username");
            try {
                kanzen.accounts().setUp(user, Api.required(body, "password"));
            } catch (KanzenException e) {
                throw ApiException.badInput("password", e.getMessage());
            }
            startSession(ctx, user);
        });
        r.post("/api/login", ctx -> {
            Optional<Duration> wait = throttle.blocked(ctx.ip());
            if (wait.isPresent()) {
                ctx.header("Retry-After", Long.toString(Math.max(1, wait.get().toSeconds())));
                throw new ApiException(429, "too many failed logins from this address: try again in " + Math.max(1, wait.get().toMinutes())
                        + " minute(s)", null);
            }
            JsonNode body = Api.body(ctx);
            String user = Api.required(body, "username");
            if (!kanzen.accounts().verify(user, Api.required(body, "password"))) {
                throttle.failed(ctx.ip());
                throw new ApiException(401, "wrong user name or password", null);
            }
            throttle.succeeded(ctx.ip());
            startSession(ctx, user);
        });
        r.post("/api/logout", ctx -> {
            sessions.close(ctx.cookie(Sessions.COOKIE));
            ctx.header("Set-Cookie", Sessions.COOKIE + "=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0");
            ctx.json(Map.of("ok", true));
        });
    }

    private void startSession(Context ctx, String user) {
        String token = sessions.open(user);
        ctx.header("Set-Cookie", Sessions.COOKIE + "=" + token + "; Path=/; HttpOnly; SameSite=Strict; Max-Age=" + Sessions.LIFETIME.toSeconds());
        ctx.json(Map.of("user", user, "csrf", sessions.find(token).orElseThrow().csrf()));
    }

    private void guard(Context ctx) {
        if (OPEN.contains(ctx.path())) {
            return;
        }
        if (kanzen.accounts().isApiKey(ctx.header("X-Api-Key"))) {
            return; // a key is not sent by a browser on its own: no CSRF risk
        }
        Optional<Sessions.Session> session = sessions.find(ctx.cookie(Sessions.COOKIE));
        if (session.isEmpty()) {
            throw new ApiException(401, kanzen.accounts().isSetUp() ? "log in, or send the API key in X-Api-Key"
                    : "Kanzen has no administrator yet: open the web UI to create one", null);
        }
        boolean changes = ctx.method() != HandlerType.GET && ctx.method() != HandlerType.HEAD && ctx.method() != HandlerType.OPTIONS;
        if (changes && !session.get().csrf().equals(ctx.header("X-CSRF-Token"))) {
            throw new ApiException(403, "missing or wrong X-CSRF-Token (GET /api/session gives it)", null);
        }
    }
}
