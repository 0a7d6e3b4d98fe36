package io.kanzen.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kanzen.core.Kanzen;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every error answers {@code {error, code, params, field}}: the English sentence for API users, a stable code and its
 * parameters for the web UI to say it in French; and the settings forms get each plugin's French and English texts.
 */
class ErrorCodesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    Path tmp;
    private Kanzen kanzen;
    private KanzenServer server;
    private String base;
    private final HttpClient http = HttpClient.newHttpClient();
    private Map<String, String> auth;

    @BeforeEach
    void start() throws Exception {
        kanzen = Kanzen.builder().dataDirectory(tmp.resolve("data")).build();
        server = KanzenServer.start(kanzen, "127.0.0.1", 0);
        base = "http://127.0.0.1:" + server.port();
        assertThat(call("POST", "/api/setup", "{\"username\":\"admin\",\"password\":\"kanzen-admin-pw\"}", Map.of()).statusCode()).isEqualTo(200);
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

    private JsonNode error(String method, String path, String body, Map<String, String> headers, int status) throws Exception {
        HttpResponse<String> r = call(method, path, body, headers);
        assertThat(r.statusCode()).as(method + " " + path + ": " + r.body()).isEqualTo(status);
        JsonNode e = JSON.readTree(r.body());
        assertThat(e.path("error").asText()).as("the English sentence stays").isNotBlank();
        assertThat(e.path("params").isObject()).as("params: " + r.body()).isTrue();
        return e;
    }

    @Test
    void aMissingFieldIsInputRequiredNamingTheField() throws Exception {
        JsonNode e = error("POST", "/api/missing-monitor/search", "{}", auth, 400);

        assertThat(e.path("code").asText()).isEqualTo("input.required");
        assertThat(e.path("field").asText()).isEqualTo("title");
        assertThat(e.path("params").path("field").asText()).isEqualTo("title");
        assertThat(e.path("error").asText()).isEqualTo("title is required");
    }

    @Test
    void aWrongPasswordAndAMissingLoginHaveTheirOwnCodes() throws Exception {
        assertThat(error("POST", "/api/login", "{\"username\":\"admin\",\"password\":\"nope-nope\"}", Map.of(), 401).path("code").asText())
                .isEqualTo("login.wrong");
        assertThat(error("GET", "/api/missing-monitor/stats", null, Map.of(), 401).path("code").asText()).isEqualTo("auth.required");
        assertThat(error("POST", "/api/setup", "{\"username\":\"admin\",\"password\":\"kanzen-admin-pw\"}", Map.of(), 409).path("code").asText())
                .isEqualTo("admin.exists");
    }

    @Test
    void somethingNotFoundNamesWhat() throws Exception {
        JsonNode lib = error("DELETE", "/api/libraries/Nowhere", null, auth, 404);
        assertThat(lib.path("code").asText()).isEqualTo("library.notFound");
        assertThat(lib.path("params").path("name").asText()).isEqualTo("Nowhere");

        JsonNode series = error("POST", "/api/missing-monitor/series/999/monitor", "{\"enabled\":false}", auth, 404);
        assertThat(series.path("code").asText()).isEqualTo("series.notFound");
        assertThat(series.path("params").path("id").asText()).isEqualTo("999");

        assertThat(error("GET", "/api/no-such-thing", null, auth, 404).path("code").asText()).isEqualTo("endpoint.notFound");
        assertThat(error("GET", "/api/missing-monitor/last-check", null, auth, 404).path("code").asText()).isEqualTo("check.none");
    }

    @Test
    void aBadPluginSettingPointsAtItsFieldWithItsLabel() throws Exception {
        JsonNode e = error("POST", "/api/plugins/clients/qbit", "{\"kind\":\"qbittorrent\",\"settings\":{\"url\":\"ftp://x\",\"password\":\"p\"}}",
                auth, 400);

        assertThat(e.path("code").asText()).isEqualTo("setting.notUrl");
        assertThat(e.path("field").asText()).isEqualTo("url");
        assertThat(e.path("params").path("label").asText()).isEqualTo("Web UI address");

        JsonNode required = error("POST", "/api/plugins/sources/p", "{\"kind\":\"prowlarr\",\"settings\":{}}", auth, 400);
        assertThat(required.path("code").asText()).isEqualTo("setting.required");
        assertThat(required.path("field").asText()).isEqualTo("apiKey");

        JsonNode unknown = error("POST", "/api/plugins/sources/p", "{\"kind\":\"no-such-plugin\",\"settings\":{}}", auth, 404);
        assertThat(unknown.path("code").asText()).isEqualTo("plugin.notInstalled");
        assertThat(unknown.path("params").path("kind").asText()).isEqualTo("no-such-plugin");
    }

    @Test
    void aMonitorSettingThatNamesNoConfiguredSourceIsRefusedOnItsField() throws Exception {
        JsonNode e = error("POST", "/api/missing-monitor/config", "{\"sources\":[\"ghost\"]}", auth, 400);

        assertThat(e.path("code").asText()).isEqualTo("setting.unknownSource");
        assertThat(e.path("field").asText()).isEqualTo("sources");
        assertThat(e.path("params").path("value").asText()).isEqualTo("ghost");
    }

    @Test
    void theSettingsFormsGetEveryPluginSettingInFrenchAndEnglish() throws Exception {
        JsonNode kinds = JSON.readTree(call("GET", "/api/plugins/sources", null, auth).body()).path("kinds");
        JsonNode prowlarr = null;
        for (JsonNode k : kinds) {
            if (k.path("kind").asText().equals("prowlarr")) {
                prowlarr = k;
            }
        }
        assertThat(prowlarr).isNotNull();
        JsonNode apiKey = null;
        for (JsonNode p : prowlarr.path("properties")) {
            if (p.path("key").asText().equals("apiKey")) {
                apiKey = p;
            }
        }
        assertThat(apiKey).isNotNull();
        assertThat(apiKey.path("texts").path("fr").path("label").asText()).isEqualTo("Clé d'API");
        assertThat(apiKey.path("texts").path("en").path("label").asText()).isEqualTo("API key");
        assertThat(apiKey.path("label").asText()).as("kept for older readers").isEqualTo("API key");

        JsonNode notifiers = JSON.readTree(call("GET", "/api/notifiers", null, auth).body()).path("kinds");
        assertThat(notifiers.toString()).contains("\"Événements\"", "\"Jeton du bot\"");
    }

    @Test
    void aSourceThatFailsInAManualSearchIsSaidWithItsCode() throws Exception {
        kanzen.saveSource("prowlarr", "prowlarr", Map.of("url", "http://127.0.0.1:9", "apiKey", "k"));

        JsonNode r = JSON.readTree(call("POST", "/api/missing-monitor/search", "{\"title\":\"Naruto\"}", auth).body());

        assertThat(r.path("problems").path("prowlarr").asText()).as("the English reason stays").isNotBlank();
        JsonNode p = r.path("problem_details").path(0);
        assertThat(p.path("code").asText()).isEqualTo("plugin.unavailable");
        assertThat(p.path("params").path("name").asText()).isEqualTo("prowlarr");
        assertThat(p.path("message").asText()).startsWith("prowlarr: ");
    }
}
