package io.kanzen.server;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kanzen.core.Kanzen;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** First-start setup from afar, the login throttle under parallel fire, password change and key rotation: over real HTTP. */
class SecurityTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ADMIN = "{\"username\":\"admin\",\"password\":\"kanzen-admin-pw\"}";
    @TempDir
    java.nio.file.Path tmp;
    private Kanzen kanzen;
    private KanzenServer server;
    private String base;
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private final HttpClient http = HttpClient.newHttpClient();

    private void start(String trustedProxies) {
        log.start();
        ((Logger) LoggerFactory.getLogger(Security.class)).addAppender(log);
        kanzen = Kanzen.builder().dataDirectory(tmp.resolve("data")).build();
        server = KanzenServer.start(kanzen, "127.0.0.1", 0, trustedProxies);
        base = "http://127.0.0.1:" + server.port();
    }

    @AfterEach
    void stop() {
        ((Logger) LoggerFactory.getLogger(Security.class)).detachAppender(log);
        if (server != null) {
            server.close();
        }
        if (kanzen != null) {
            kanzen.close();
        }
    }

    private HttpResponse<String> call(String method, String path, String body, Map<String, String> headers) throws Exception {
        return http.send(request(method, path, body, headers), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest request(String method, String path, String body, Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(b::header);
        return b.build();
    }

    private String tokenFromTheLog() {
        Pattern p = Pattern.compile("setup token ([0-9a-f]{32})");
        for (ILoggingEvent e : log.list) {
            Matcher m = p.matcher(e.getFormattedMessage());
            if (m.find()) {
                return m.group(1);
            }
        }
        throw new AssertionError("no setup token in the log: " + log.list);
    }

    @Test
    void aVisitorThroughAProxyCannotCreateTheAdministratorWithoutTheTokenPrintedInTheLog() throws Exception {
        start(null);
        Map<String, String> proxied = Map.of("X-Forwarded-For", "203.0.113.9"); // a same-host proxy makes visitors look local
        JsonNode session = JSON.readTree(call("GET", "/api/session", null, proxied).body());
        assertThat(session.path("setup_token_needed").asBoolean()).isTrue();
        assertThat(session.toString()).doesNotContain(tokenFromTheLog()); // shown nowhere but the log

        HttpResponse<String> refused = call("POST", "/api/setup", ADMIN, proxied);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(JSON.readTree(refused.body()).path("field").asText()).isEqualTo("setup_token");
        HttpResponse<String> wrong = call("POST", "/api/setup",
                "{\"username\":\"admin\",\"password\":\"kanzen-admin-pw\",\"setup_token\":\"0123456789abcdef0123456789abcdef\"}", proxied);
        assertThat(wrong.statusCode()).isEqualTo(403);
        assertThat(kanzen.accounts().isSetUp()).isFalse();

        HttpResponse<String> ok = call("POST", "/api/setup",
                "{\"username\":\"admin\",\"password\":\"kanzen-admin-pw\",\"setup_token\":\"" + tokenFromTheLog() + "\"}", proxied);
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(kanzen.accounts().isSetUp()).isTrue();
    }

    @Test
    void fromThisMachineTheAdministratorIsCreatedWithoutAToken() throws Exception {
        start(null);
        assertThat(JSON.readTree(call("GET", "/api/session", null, Map.of()).body()).path("setup_token_needed").asBoolean()).isFalse();
        assertThat(call("POST", "/api/setup", ADMIN, Map.of()).statusCode()).isEqualTo(200);
    }

    @Test
    void behindATrustedProxyTheForwardedAddressDecides() throws Exception {
        start("127.0.0.1");
        assertThat(call("POST", "/api/setup", ADMIN, Map.of("X-Forwarded-For", "192.168.1.20")).statusCode()).isEqualTo(403);
        assertThat(call("POST", "/api/setup", ADMIN, Map.of()).statusCode()).isEqualTo(403); // the proxy did not say for whom
        // a forged first hop is not believed: the proxy appends the real caller last
        assertThat(call("POST", "/api/setup", ADMIN, Map.of("X-Forwarded-For", "127.0.0.1, 192.168.1.20")).statusCode()).isEqualTo(403);
        assertThat(call("POST", "/api/setup", ADMIN, Map.of("X-Forwarded-For", "192.168.1.20, 127.0.0.1")).statusCode()).isEqualTo(200);
    }

    @Test
    void twoHundredParallelLoginsFromOneAddressCheckAtMostFivePasswords() throws Exception {
        start(null);
        assertThat(call("POST", "/api/setup", ADMIN, Map.of()).statusCode()).isEqualTo(200);
        // 32 attempts in flight at every moment (not 200 connections opened at once: on a loaded machine the
        // accept queue overflows and resets some, which says nothing of the throttle)
        ExecutorService pool = Executors.newFixedThreadPool(32);
        HttpClient parallel = HttpClient.newBuilder().build();
        try {
            List<CompletableFuture<HttpResponse<String>>> tries = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                HttpRequest attempt = request("POST", "/api/login", "{\"username\":\"admin\",\"password\":\"guess-number-" + i + "\"}", Map.of());
                tries.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        return parallel.send(attempt, HttpResponse.BodyHandlers.ofString());
                    } catch (java.io.IOException | InterruptedException e) {
                        throw new java.util.concurrent.CompletionException(e);
                    }
                }, pool));
            }
            int checked = 0;
            int throttled = 0;
            for (CompletableFuture<HttpResponse<String>> t : tries) {
                int status = t.join().statusCode();
                if (status == 401) {
                    checked++;
                } else if (status == 429) {
                    throttled++;
                }
            }
            assertThat(checked).isEqualTo(LoginThrottle.PER_ADDRESS); // each 401 is one password checked
            assertThat(throttled).isEqualTo(200 - LoginThrottle.PER_ADDRESS);
        } finally {
            pool.shutdownNow();
        }
        // even the right password now waits
        assertThat(call("POST", "/api/login", ADMIN, Map.of()).statusCode()).isEqualTo(429);
    }

    @Test
    void guessesSpreadOverManyAddressesAreThrottledPerAccount() throws Exception {
        start("127.0.0.1");
        assertThat(call("POST", "/api/setup", ADMIN, Map.of("X-Forwarded-For", "127.0.0.1")).statusCode()).isEqualTo(200);
        for (int i = 0; i < LoginThrottle.PER_ACCOUNT; i++) {
            HttpResponse<String> r = call("POST", "/api/login", "{\"username\":\"admin\",\"password\":\"wrong-password\"}",
                    Map.of("X-Forwarded-For", "198.51.100." + i));
            assertThat(r.statusCode()).isEqualTo(401);
        }
        HttpResponse<String> next = call("POST", "/api/login", "{\"username\":\"Admin\",\"password\":\"wrong-password\"}",
                Map.of("X-Forwarded-For", "198.51.100.200"));
        assertThat(next.statusCode()).isEqualTo(429);
        assertThat(JSON.readTree(next.body()).path("error").asText()).contains("account");
        // another account name from a fresh address is not held up
        assertThat(call("POST", "/api/login", "{\"username\":\"other\",\"password\":\"wrong-password\"}",
                Map.of("X-Forwarded-For", "198.51.100.201")).statusCode()).isEqualTo(401);
    }

    @Test
    void thePasswordChangesAndTheApiKeyRotatesAndTheOldOnesStopWorking() throws Exception {
        start(null);
        HttpResponse<String> setup = call("POST", "/api/setup", ADMIN, Map.of());
        String cookie = setup.headers().firstValue("Set-Cookie").orElseThrow();
        String session = cookie.substring(0, cookie.indexOf(';'));
        String csrf = JSON.readTree(setup.body()).path("csrf").asText();
        Map<String, String> browser = Map.of("Cookie", session, "X-CSRF-Token", csrf);
        HttpResponse<String> other = call("POST", "/api/login", ADMIN, Map.of());
        String otherSession = other.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];

        HttpResponse<String> wrong = call("POST", "/api/account/password", "{\"current_password\":\"nope-nope\",\"new_password\":\"a-new-password\"}", browser);
        assertThat(wrong.statusCode()).isEqualTo(403);
        HttpResponse<String> weak = call("POST", "/api/account/password", "{\"current_password\":\"kanzen-admin-pw\",\"new_password\":\"short\"}", browser);
        assertThat(weak.statusCode()).isEqualTo(400);
        assertThat(call("POST", "/api/account/password", "{\"current_password\":\"kanzen-admin-pw\",\"new_password\":\"a-new-password\"}",
                Map.of("Cookie", session)).statusCode()).isEqualTo(403); // no CSRF token
        assertThat(call("POST", "/api/account/password", "{\"current_password\":\"kanzen-admin-pw\",\"new_password\":\"a-new-password\"}",
                browser).statusCode()).isEqualTo(200);
        assertThat(call("POST", "/api/login", ADMIN, Map.of()).statusCode()).isEqualTo(401);
        assertThat(call("POST", "/api/login", "{\"username\":\"admin\",\"password\":\"a-new-password\"}", Map.of()).statusCode()).isEqualTo(200);
        assertThat(call("GET", "/api/missing-monitor/stats", null, Map.of("Cookie", session)).statusCode()).isEqualTo(200); // kept
        assertThat(call("GET", "/api/missing-monitor/stats", null, Map.of("Cookie", otherSession)).statusCode()).isEqualTo(401); // ended

        String oldKey = kanzen.accounts().apiKey();
        HttpResponse<String> rotated = call("POST", "/api/account/api-key/rotate", null, Map.of("X-Api-Key", oldKey));
        assertThat(rotated.statusCode()).isEqualTo(200);
        String newKey = JSON.readTree(rotated.body()).path("api_key").asText();
        assertThat(newKey).hasSize(48).isNotEqualTo(oldKey);
        assertThat(call("GET", "/api/missing-monitor/stats", null, Map.of("X-Api-Key", oldKey)).statusCode()).isEqualTo(401);
        assertThat(call("GET", "/api/missing-monitor/stats", null, Map.of("X-Api-Key", newKey)).statusCode()).isEqualTo(200);
    }

    @Test
    void anUnreadableApiKeyLetsNobodyInAndTellsAnUnauthenticatedCallerNothingAboutFilesOrKeys() throws Exception {
        try (Kanzen first = Kanzen.builder().dataDirectory(tmp.resolve("data")).build()) {
            first.accounts().setUp("admin", "kanzen-admin-pw");
            first.accounts().apiKey();
        }
        // damage the sealed key but keep its key id: the start-up check passes, opening it fails
        try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + tmp.resolve("data/manga_library.db"));
                var s = c.createStatement()) {
            s.executeUpdate("UPDATE api_key SET sealed = substr(sealed, 1, 16) || 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'");
        }
        start(null);
        HttpResponse<String> r = call("GET", "/api/missing-monitor/stats", null, Map.of("X-Api-Key", "anything"));
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.body()).doesNotContain("encryption_key").doesNotContain(tmp.toString()).doesNotContain("key id").doesNotContain("(id ");
    }
}
