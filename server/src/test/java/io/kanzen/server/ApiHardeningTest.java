package io.kanzen.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kanzen.core.Kanzen;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Headers, errors in JSON whatever fails, settings kept whole, libraries and volumes checked: over real HTTP. */
class ApiHardeningTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    Path tmp;
    private Kanzen kanzen;
    private KanzenServer server;
    private String base;
    private Map<String, String> auth;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws Exception {
        kanzen = Kanzen.builder().dataDirectory(tmp.resolve("data")).build();
        server = KanzenServer.start(kanzen, "127.0.0.1", 0);
        base = "http://127.0.0.1:" + server.port();
        kanzen.accounts().setUp("admin", "kanzen-admin-pw");
        auth = Map.of("X-Api-Key", kanzen.accounts().apiKey(), "Content-Type", "application/json");
    }

    @AfterEach
    void stop() {
        server.close();
        kanzen.close();
    }

    private HttpResponse<String> call(String method, String path, String body, Map<String, String> headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(b::header);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String field(HttpResponse<String> r) throws Exception {
        return JSON.readTree(r.body()).path("field").asText(null);
    }

    private static void assertJsonError(HttpResponse<String> r, int status) throws Exception {
        assertThat(r.statusCode()).as(r.uri().toString()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        assertThat(JSON.readTree(r.body()).path("error").asText()).isNotBlank();
        assertThat(r.body()).doesNotContain("<html").doesNotContain("Exception").doesNotContain("jetty");
    }

    @Test
    void everyAnswerCarriesTheSecurityHeadersAndThePageHasNoInlineScript() throws Exception {
        for (String path : List.of("/missing-monitor", "/assets/js/main.js", "/api/session", "/health", "/nope")) {
            HttpResponse<String> r = call("GET", path, null, Map.of());
            assertThat(r.headers().firstValue("Content-Security-Policy")).as(path)
                    .hasValueSatisfying(csp -> assertThat(csp).contains("script-src 'self'").contains("frame-ancestors 'none'").doesNotContain("unsafe-inline"));
            assertThat(r.headers().firstValue("X-Content-Type-Options")).as(path).contains("nosniff");
            assertThat(r.headers().firstValue("Referrer-Policy")).as(path).contains("no-referrer");
        }
        String page = call("GET", "/missing-monitor", null, Map.of()).body();
        assertThat(page).doesNotContainPattern("<script(?![^>]*\\bsrc=)").doesNotContainPattern("\\son[a-z]+\\s*=").doesNotContain("javascript:");
    }

    @Test
    void theUisFilesAndTheWebJarsAreServedWithTheirTypeAndNothingOutsideTheirFolders() throws Exception {
        HttpResponse<String> script = call("GET", "/assets/js/main.js", null, Map.of());
        assertThat(script.statusCode()).isEqualTo(200);
        assertThat(script.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/javascript"));
        assertThat(script.headers().firstValue("Cache-Control")).contains("max-age=0");
        assertThat(script.body()).contains("import");
        assertThat(call("GET", "/assets/app.css", null, Map.of()).headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("text/css"));
        HttpResponse<String> chart = call("GET", "/webjars/chart.js/4.4.1/dist/chart.umd.js", null, Map.of());
        assertThat(chart.statusCode()).isEqualTo(200);
        assertThat(chart.headers().firstValue("Cache-Control")).contains("max-age=31622400"); // its path names its version
        for (String outside : List.of("/assets/js", "/assets/js/", "/assets/nope.js", "/assets/%2e%2e/openapi.json", "/assets/js/..%2fmain.js",
                "/assets/..%2f..%2fio/kanzen/server/KanzenServer.class", "/webjars/chart.js/4.4.1/dist", "/assets/js/main.js.class")) {
            assertJsonError(call("GET", outside, null, Map.of()), 404);
        }
    }

    @Test
    void errorsAreJsonWithTheRightStatusEvenWhenJettyAnswersThem() throws Exception {
        assertJsonError(call("GET", "/no-such-page", null, Map.of()), 404);
        assertJsonError(call("GET", "/api/no-such-route", null, auth), 404);
        assertJsonError(call("PUT", "/api/libraries", "{}", auth), 405);
        assertJsonError(call("POST", "/api/missing-monitor/search", "{\"title\":\"" + "x".repeat(2_000_000) + "\"}", auth), 413);
        assertJsonError(call("GET", "/api/libraries?q=" + "a".repeat(40_000), null, auth), 414);
        assertJsonError(call("GET", "/api/libraries", null, Map.of("X-Api-Key", auth.get("X-Api-Key"), "X-Big", "b".repeat(40_000))), 431);
    }

    @Test
    void invalidPluginSettingsAre400NamingWhatIsWrong() throws Exception {
        HttpResponse<String> r = call("POST", "/api/plugins/sources/prowlarr", "{\"kind\":\"prowlarr\",\"settings\":{\"url\":\"not a url\"}}", auth);
        assertJsonError(r, 400);
        assertThat(r.body()).contains("url");
    }

    @Test
    void aStoredSecretIsNotSentToAChangedAddressUnlessEnteredAgain() throws Exception {
        assertThat(call("POST", "/api/plugins/sources/prowlarr", "{\"kind\":\"prowlarr\",\"settings\":{\"url\":\"http://127.0.0.1:9696\",\"apiKey\":\"k1\"}}",
                auth).statusCode()).isEqualTo(200);
        HttpResponse<String> moved = call("POST", "/api/plugins/sources/prowlarr",
                "{\"kind\":\"prowlarr\",\"settings\":{\"url\":\"http://attacker.example\",\"apiKey\":\"****\"}}", auth);
        assertJsonError(moved, 400);
        assertThat(field(moved)).isEqualTo("apiKey");
        assertThat(call("POST", "/api/plugins/sources/prowlarr", "{\"kind\":\"prowlarr\",\"settings\":{\"url\":\"http://127.0.0.1:9696\",\"apiKey\":\"****\"}}",
                auth).statusCode()).isEqualTo(200);
    }

    @Test
    void theSettingsUpdateOnlyTheFieldsGivenAndRefuseUnknownNames() throws Exception {
        assertThat(call("POST", "/api/missing-monitor/config", "{\"autoDownload\":true,\"minScore\":30}", auth).statusCode()).isEqualTo(200);
        assertThat(call("POST", "/api/missing-monitor/config", "{\"checkInterval\":\"12h\"}", auth).statusCode()).isEqualTo(200);
        JsonNode cfg = JSON.readTree(call("GET", "/api/missing-monitor/config", null, auth).body()).path("config");
        assertThat(cfg.path("checkInterval").asText()).isEqualTo("12h");
        assertThat(cfg.path("autoDownload").asBoolean()).isTrue(); // not turned off by its absence
        assertThat(cfg.path("minScore").asInt()).isEqualTo(30);

        Map<String, String> bad = Map.of("{\"autoDownlod\":true}", "autoDownlod", "{\"sources\":[\"nyaa\"]}", "sources",
                "{\"preferredClient\":\"qbit\"}", "preferredClient", "{\"language\":\"xx\"}", "language", "{\"checkInterval\":\"6 weeks\"}",
                "checkInterval", "{\"autoDownload\":\"maybe\"}", "autoDownload");
        for (var e : bad.entrySet()) {
            HttpResponse<String> r = call("POST", "/api/missing-monitor/config", e.getKey(), auth);
            assertJsonError(r, 400);
            assertThat(field(r)).as(e.getKey()).isEqualTo(e.getValue());
        }
        assertThat(JSON.readTree(call("GET", "/api/missing-monitor/config", null, auth).body()).path("config").path("checkInterval").asText())
                .isEqualTo("12h");
    }

    @Test
    void aDamagedSettingsFileIsReportedAndTheLastGoodSettingsStay() throws Exception {
        call("POST", "/api/missing-monitor/config", "{\"autoDownload\":true,\"checkInterval\":\"3h\"}", auth);
        Files.writeString(tmp.resolve("data/missing_monitor_config.json"), "{ broken");
        JsonNode r = JSON.readTree(call("GET", "/api/missing-monitor/config", null, auth).body());
        assertThat(r.path("problem").asText()).contains("invalid").contains("last good");
        assertThat(r.path("config").path("checkInterval").asText()).isEqualTo("3h");
    }

    @Test
    void librariesAreExistingAbsoluteFoldersThatDoNotOverlapAndCanBeRemoved() throws Exception {
        Path manga = Files.createDirectories(tmp.resolve("manga/shonen"));
        String add = "{\"name\":\"%s\",\"path\":\"%s\"}";
        assertJsonError(call("POST", "/api/libraries", add.formatted("Etc", "../../etc"), auth), 400);
        assertJsonError(call("POST", "/api/libraries", add.formatted("Gone", tmp.resolve("gone")), auth), 400);
        assertThat(call("POST", "/api/libraries", add.formatted("Manga", tmp.resolve("manga")), auth).statusCode()).isEqualTo(201);
        HttpResponse<String> inside = call("POST", "/api/libraries", add.formatted("Shonen", manga), auth);
        assertJsonError(inside, 400);
        assertThat(inside.body()).contains("overlaps");
        assertJsonError(call("POST", "/api/libraries", add.formatted("Around", tmp), auth), 400);

        assertThat(call("DELETE", "/api/libraries/Manga", null, auth).statusCode()).isEqualTo(204);
        assertThat(JSON.readTree(call("GET", "/api/libraries", null, auth).body())).isEmpty();
        assertThat(manga).isDirectory(); // the folder is untouched
        assertJsonError(call("DELETE", "/api/libraries/Manga", null, auth), 404);
        assertThat(call("POST", "/api/libraries", add.formatted("Shonen", manga), auth).statusCode()).isEqualTo(201);
    }

    @Test
    void volumeNumbersAreBoundedAndFinite() throws Exception {
        for (String v : List.of("1e308", "\"NaN\"", "\"Infinity\"", "99999", "\"0x1p3\"", "\"1-5000\"", "-1")) {
            HttpResponse<String> r = call("POST", "/api/missing-monitor/download",
                    "{\"link\":\"magnet:?xt=urn:btih:0123456789abcdef0123456789abcdef01234567\",\"title\":\"X\",\"volume_num\":" + v + "}", auth);
            assertJsonError(r, 400);
            assertThat(field(r)).as(v).isEqualTo("volume_num");
        }
    }

    @Test
    void theHistoryExportNeutralisesFormulas() throws Exception {
        call("POST", "/api/missing-monitor/download", "{\"link\":\"magnet:?xt=urn:btih:0123456789abcdef0123456789abcdef01234567\",\"title\":\"=cmd|' /C calc'!A0\"}",
                auth); // no client: recorded as a failure, with its title
        String csv = call("GET", "/api/missing-monitor/history?format=csv", null, auth).body();
        assertThat(csv).contains("'=cmd").doesNotContain(",=cmd");
    }
}
