package io.kanzen.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.kanzen.core.Kanzen;
import io.kanzen.core.KanzenException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who may call the API: a request carries the API key ({@code X-Api-Key}) or a session cookie; with the cookie, a
 * request that changes something also carries the session's CSRF token. The first visit creates the
 * administrator (or {@code KANZEN_ADMIN_PASSWORD} does at start): from this machine freely, from elsewhere only
 * with the one-time setup token printed in the server's log at start, so that whoever reaches a fresh server
 * first over the network does not become its administrator. Logins are throttled per address and per account.
 */
final class Security {
    private static final Logger LOG = LoggerFactory.getLogger(Security.class);
    private static final Set<String> OPEN = Set.of("/api/session", "/api/setup", "/api/login", "/api/logout", "/api/openapi.json");

    private final Kanzen kanzen;
    private final Sessions sessions;
    private final LoginThrottle throttle;
    private final ClientAddress addresses;
    /** Made at start when no administrator exists; null otherwise. Printed in the log only. */
    private final String setupToken;

    Security(Kanzen kanzen, Clock clock, ClientAddress addresses) {
        this.kanzen = kanzen;
        this.sessions = new Sessions(clock);
        this.throttle = new LoginThrottle(clock);
        this.addresses = addresses;
        if (kanzen.accounts().isSetUp()) {
            this.setupToken = null;
        } else {
            byte[] b = new byte[16];
            new SecureRandom().nextBytes(b);
            this.setupToken = HexFormat.of().formatHex(b);
            LOG.warn("Kanzen has no administrator yet. Create it in the web UI from this machine, or from another one with the setup token {}"
                    + " (valid until the administrator exists; or set KANZEN_ADMIN_PASSWORD)", setupToken);
        }
    }

    void register(RoutesConfig r) {
        r.before("/api/*", this::guard);
        r.get("/api/session", ctx -> {
            Map<String, Object> out = new LinkedHashMap<>();
            boolean setupNeeded = !kanzen.accounts().isSetUp();
            out.put("setup_needed", setupNeeded);
            out.put("setup_token_needed", setupNeeded && !addresses.of(ctx).local());
            Optional<Sessions.Session> s = sessions.find(ctx.cookie(Sessions.COOKIE));
            out.put("user", s.map(Sessions.Session::user).orElse(null));
            out.put("csrf", s.map(Sessions.Session::csrf).orElse(null));
            ctx.json(out);
        });
        r.post("/api/setup", ctx -> {
            if (kanzen.accounts().isSetUp()) {
                throw new ApiException(409, "admin.exists", null, "the administrator already exists: log in", null);
            }
            JsonNode body = Api.body(ctx);
            if (!addresses.of(ctx).local() && !isSetupToken(Api.text(body, "setup_token", null))) {
                throw new ApiException(403, "setup.tokenNeeded", null, "from another machine, creating the administrator needs the setup token printed in the server's"
                        + " log at start (or set KANZEN_ADMIN_PASSWORD)", "setup_token");
            }
            String user = Api.required(body, "username");
            try {
                kanzen.accounts().setUp(user, Api.required(body, "password"));
            } catch (KanzenException e) {
                throw ApiException.badInput("password", e.code(), e.params(), e.getMessage());
            }
            startSession(ctx, user);
        });
        r.post("/api/login", ctx -> {
            JsonNode body = Api.body(ctx);
            String user = Api.required(body, "username");
            String password = Api.required(body, "password");
            String address = addresses.of(ctx).address();
            Optional<LoginThrottle.Refusal> refusal = throttle.tryAttempt(address, user);
            if (refusal.isPresent()) {
                long seconds = Math.max(1, refusal.get().delay().toSeconds());
                ctx.header("Retry-After", Long.toString(seconds));
                throw new ApiException(429, "login.throttled", Map.of("who", refusal.get().who(), "minutes", Math.max(1, (seconds + 59) / 60)),
                        "too many failed logins for this " + refusal.get().who() + ": try again in " + Math.max(1, (seconds + 59) / 60) + " minute(s)", null);
            }
            if (!kanzen.accounts().verify(user, password)) {
                throw new ApiException(401, "login.wrong", null, "wrong user name or password", null);
            }
            throttle.succeeded(address, user);
            startSession(ctx, user);
        });
        r.post("/api/account/password", ctx -> { // behind the guard: a session (with CSRF) or the key
            JsonNode body = Api.body(ctx);
            Optional<Sessions.Session> current = sessions.find(ctx.cookie(Sessions.COOKIE));
            String user = current.map(Sessions.Session::user).or(() -> kanzen.accounts().administrator())
                    .orElseThrow(() -> new ApiException(409, "admin.none", null, "there is no administrator yet", null));
            String address = addresses.of(ctx).address();
            Optional<LoginThrottle.Refusal> refusal = throttle.tryAttempt(address, user); // the current password is guessable here too
            if (refusal.isPresent()) {
                ctx.header("Retry-After", Long.toString(Math.max(1, refusal.get().delay().toSeconds())));
                throw new ApiException(429, "password.throttled", null, "too many wrong passwords: try again later", null);
            }
            String old = Api.required(body, "current_password");
            String next = Api.required(body, "new_password");
            if (!kanzen.accounts().verify(user, old)) {
                throw new ApiException(403, "password.wrong", Map.of("field", "current_password"), "the current password is wrong", "current_password");
            }
            throttle.succeeded(address, user);
            try {
                kanzen.accounts().changePassword(user, old, next);
            } catch (KanzenException e) {
                throw ApiException.badInput("new_password", e.code(), e.params(), e.getMessage());
            }
            sessions.closeAllOf(user, current.map(Sessions.Session::token).orElse(null)); // other browsers must log in again
            ctx.json(Map.of("ok", true));
        });
        r.post("/api/account/api-key/rotate", ctx -> ctx.json(Map.of("api_key", kanzen.accounts().rotateApiKey())));
        r.post("/api/logout", ctx -> {
            sessions.close(ctx.cookie(Sessions.COOKIE));
            ctx.header("Set-Cookie", Sessions.COOKIE + "=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0");
            ctx.json(Map.of("ok", true));
        });
    }

    private boolean isSetupToken(String candidate) {
        return setupToken != null && candidate != null
                && MessageDigest.isEqual(setupToken.getBytes(StandardCharsets.UTF_8), candidate.strip().getBytes(StandardCharsets.UTF_8));
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
            boolean setUp = kanzen.accounts().isSetUp();
            throw new ApiException(401, setUp ? "auth.required" : "admin.none", null, setUp ? "log in, or send the API key in X-Api-Key"
                    : "Kanzen has no administrator yet: open the web UI to create one", null);
        }
        boolean changes = ctx.method() != HandlerType.GET && ctx.method() != HandlerType.HEAD && ctx.method() != HandlerType.OPTIONS;
        if (changes && !session.get().csrf().equals(ctx.header("X-CSRF-Token"))) {
            throw new ApiException(403, "auth.csrf", null, "missing or wrong X-CSRF-Token (GET /api/session gives it)", null);
        }
    }
}
