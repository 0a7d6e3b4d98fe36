package io.kanzen.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kanzen.core.Kanzen;
import io.kanzen.testkit.Fixtures;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The REST API over HTTP: a real server, a real SQLite file, first-start setup, sessions, the key, bad input. */
class KanzenServerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    Path tmp;
    @StartStop
    final MockWebServer prowlarr = new MockWebServer();
    private Kanzen kanzen;
    private KanzenServer server;
    private String base;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws Exception {
        Path series = Files.createDirectories(tmp.resolve("manga/One Piece"));
        for (int v : new int[] {98, 99, 101}) {
            Files.write(series.resolve("One Piece - Tome " + v + ".cbz"), new byte[] {1});
        }
        kanzen = Kanzen.builder().dataDirectory(tmp.resolve("data")).build();
        server = KanzenServer.start(kanzen, "127.0.0.1", 0);
        base = "http://127.0.0.1:" + server.port();
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

    private String setUpAndGetKey() throws Exception {
        HttpResponse<String> setup = call("POST", "/api/setup", "{\"username\":\"admin\",\"password\":\"kanzen-admin-pw\"}", Map.of());
        assertThat(setup.statusCode()).isEqualTo(200);
        return kanzen.accounts().apiKey();
    }

    @Test
    void health_is_open_and_the_root_leads_to_the_monitor_page() throws Exception {
        assertThat(call("GET", "/health", null, Map.of()).body()).contains("\"status\":\"UP\"");
        HttpResponse<String> root = call("GET", "/", null, Map.of());
        assertThat(root.statusCode()).isEqualTo(302);
        assertThat(root.headers().firstValue("Location")).contains("/missing-monitor");
        assertThat(call("GET", "/missing-monitor", null, Map.of()).body()).contains("<title>Kanzen");
    }

    @Test
    void before_setup_every_call_is_refused_and_says_how_to_begin() throws Exception {
        assertThat(JSON.readTree(call("GET", "/api/session", null, Map.of()).body()).path("setup_needed").asBoolean()).isTrue();
        HttpResponse<String> r = call("GET", "/api/missing-monitor/stats", null, Map.of());
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(JSON.readTree(r.body()).path("error").asText()).contains("no administrator yet");
        assertThat(call("POST", "/api/setup", "{\"username\":\"admin\",\"password\":\"short\"}", Map.of()).statusCode()).isEqualTo(400);
    }

    @Test
    void a_session_cookie_needs_the_csrf_token_to_change_anything_and_the_key_does_not() throws Exception {
        HttpResponse<String> setup = call("POST", "/api/setup", "{\"username\":\"admin\",\"password\":\"kanzen-admin-pw\"}", Map.of());
        String cookie = setup.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(cookie).contains("HttpOnly").contains("SameSite=Strict");
        String session = cookie.substring(0, cookie.indexOf(';'));
        String csrf = JSON.readTree(setup.body()).path("csrf").asText();
        String lib = "{\"name\":\"Manga\",\"path\":\"" + tmp.resolve("manga").toString().replace("\\", "\\\\") + "\"}";

        assertThat(call("GET", "/api/missing-monitor/stats", null, Map.of("Cookie", session)).statusCode()).isEqualTo(200);
        assertThat(call("POST", "/api/libraries", lib, Map.of("Cookie", session)).statusCode()).isEqualTo(403);
        assertThat(call("POST", "/api/libraries", lib, Map.of("Cookie", session, "X-CSRF-Token", csrf)).statusCode()).isEqualTo(201);
        String key = kanzen.accounts().apiKey();
        assertThat(call("POST", "/api/libraries/scan", "{}", Map.of("X-Api-Key", key)).statusCode()).isEqualTo(200);
        assertThat(call("GET", "/api/missing-monitor/stats", null, Map.of("X-Api-Key", key + "x")).statusCode()).isEqualTo(401);

        JsonNode series = JSON.readTree(call("GET", "/api/missing-monitor/series", null, Map.of("X-Api-Key", key)).body());
        assertThat(series.get(0).path("title").asText()).isEqualTo("One Piece");
        assertThat(series.get(0).path("missing").size()).isEqualTo(98);
    }

    @Test
    void the_series_list_comes_whole_or_by_pages_with_a_total() throws Exception {
        for (String title : java.util.List.of("Berserk", "Vagabond", "Monster")) {
            Files.write(Files.createDirectories(tmp.resolve("manga/" + title)).resolve(title + " - Tome 2.cbz"), new byte[] {1});
        }
        String key = setUpAndGetKey();
        kanzen.addLibrary("Manga", tmp.resolve("manga"));
        kanzen.scan(null);
        Map<String, String> auth = Map.of("X-Api-Key", key);

        assertThat(JSON.readTree(call("GET", "/api/missing-monitor/series", null, auth).body()).size()).isEqualTo(4);
        HttpResponse<String> page = call("GET", "/api/missing-monitor/series?offset=1&limit=2", null, auth);
        JsonNode body = JSON.readTree(page.body());
        assertThat(body.path("total").asInt()).isEqualTo(4);
        assertThat(page.headers().firstValue("X-Total-Count")).hasValue("4");
        assertThat(body.path("items")).extracting(n -> n.path("title").asText()).containsExactly("Monster", "One Piece");
        assertThat(JSON.readTree(call("GET", "/api/missing-monitor/series?q=berserk&limit=10", null, auth).body()).path("total").asInt())
                .isEqualTo(1);
        assertThat(call("GET", "/api/missing-monitor/series?limit=0", null, auth).statusCode()).isEqualTo(400);

        Files.write(tmp.resolve("manga/Berserk/Berserk - Tome 1.cbz"), new byte[] {1});
        kanzen.scan(null);
        JsonNode after = JSON.readTree(call("GET", "/api/missing-monitor/series?q=berserk", null, auth).body());
        assertThat(after.get(0).path("missing").size()).as("a scan is seen at once").isZero();
    }

    @Test
    void bad_input_gets_a_json_error_naming_the_field_and_never_a_stack_trace() throws Exception {
        String key = setUpAndGetKey();
        Map<String, String> auth = Map.of("X-Api-Key", key, "Content-Type", "application/json");

        HttpResponse<String> malformed = call("POST", "/api/missing-monitor/search", "{\"title\": ", auth);
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(malformed.body()).path("error").asText()).startsWith("the body is not valid JSON");

        HttpResponse<String> missing = call("POST", "/api/missing-monitor/search", "{}", auth);
        assertThat(JSON.readTree(missing.body()).path("field").asText()).isEqualTo("title");

        HttpResponse<String> badLink = call("POST", "/api/missing-monitor/download", "{\"link\":\"ftp://x\",\"title\":\"X\"}", auth);
        assertThat(badLink.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(badLink.body()).path("field").asText()).isEqualTo("link");

        HttpResponse<String> badConfig = call("POST", "/api/missing-monitor/config", "{\"enabled\":true,\"checkInterval\":\"1s\"}", auth);
        assertThat(badConfig.statusCode()).isEqualTo(400);
        assertThat(badConfig.body()).contains("checkInterval");

        HttpResponse<String> noSeries = call("POST", "/api/missing-monitor/series/999/monitor", "{\"enabled\":false}", auth);
        assertThat(noSeries.statusCode()).isEqualTo(404);

        HttpResponse<String> nowhere = call("GET", "/api/nope", null, auth);
        assertThat(nowhere.statusCode()).isEqualTo(404);
        assertThat(nowhere.body()).contains("\"error\"");

        HttpResponse<String> huge = call("POST", "/api/missing-monitor/search", "{\"title\":\"" + "x".repeat(2_000_000) + "\"}", auth);
        assertThat(huge.statusCode()).isEqualTo(413);

        for (HttpResponse<String> r : java.util.List.of(malformed, missing, badLink, badConfig, noSeries, nowhere)) {
            assertThat(r.body()).doesNotContain("Exception").doesNotContain("\tat ");
        }
    }

    @Test
    void a_search_answers_the_sources_results_and_a_down_client_is_503() throws Exception {
        String key = setUpAndGetKey();
        Map<String, String> auth = Map.of("X-Api-Key", key, "Content-Type", "application/json");
        kanzen.saveSource("prowlarr", "prowlarr", Map.of("url", prowlarr.url("/").toString(), "apiKey", "k"));
        prowlarr.enqueue(new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json")
                .body(Fixtures.text("prowlarr/search_one_piece_tome_100.json")).build());

        JsonNode r = JSON.readTree(call("POST", "/api/missing-monitor/search", "{\"title\":\"One Piece\",\"volume_num\":100,\"sources\":[\"prowlarr\"]}",
                auth).body());
        assertThat(r.path("results").size()).isEqualTo(3);
        assertThat(r.path("results").get(0).path("volume").asText()).isEqualTo("100");

        kanzen.saveClient("qbittorrent", "qbittorrent", Map.of("url", "http://127.0.0.1:1", "password", "x"));
        HttpResponse<String> down = call("POST", "/api/missing-monitor/download",
                "{\"link\":\"magnet:?xt=urn:btih:0123456789abcdef0123456789abcdef01234567\",\"title\":\"One Piece\",\"volume_num\":100}", auth);
        assertThat(down.statusCode()).isEqualTo(503); // the client is down: its failure, in words
        assertThat(JSON.readTree(down.body()).path("error").asText()).contains("qBittorrent does not answer");
    }

    @Test
    void a_check_is_kept_and_served_and_a_backed_off_source_makes_health_degraded_but_still_200() throws Exception {
        String key = setUpAndGetKey();
        Map<String, String> auth = Map.of("X-Api-Key", key, "Content-Type", "application/json");
        assertThat(call("GET", "/api/missing-monitor/last-check", null, auth).statusCode()).isEqualTo(404);
        kanzen.addLibrary("Manga", tmp.resolve("manga"));
        kanzen.scan(null);
        kanzen.saveSource("prowlarr", "prowlarr", Map.of("url", prowlarr.url("/").toString(), "apiKey", "k"));
        prowlarr.enqueue(new MockResponse.Builder().code(500).body("down").build());

        HttpResponse<String> started = call("POST", "/api/missing-monitor/run-check", "{}", auth);
        assertThat(started.statusCode()).isEqualTo(202);
        JsonNode last = null;
        for (int i = 0; i < 100; i++) {
            HttpResponse<String> r = call("GET", "/api/missing-monitor/last-check", null, auth);
            last = r.statusCode() == 200 ? JSON.readTree(r.body()) : null;
            if (last != null && !last.get("running").asBoolean()) {
                break;
            }
            Thread.sleep(100);
        }

        assertThat(last).isNotNull();
        assertThat(last.get("failed").asBoolean()).isFalse();
        assertThat(last.get("series").asInt()).isEqualTo(1);
        assertThat(last.get("problems").toString()).contains("prowlarr");
        HttpResponse<String> health = call("GET", "/health", null, Map.of());
        assertThat(health.statusCode()).isEqualTo(200);
        JsonNode h = JSON.readTree(health.body());
        assertThat(h.get("status").asText()).isEqualTo("DEGRADED");
        assertThat(h.get("reasons").toString()).contains("source prowlarr is backed off");
    }

    @Test
    void a_hand_grab_of_an_owned_volume_is_409_with_its_reason_unless_forced_and_unknown_downloads_are_404() throws Exception {
        String key = setUpAndGetKey();
        Map<String, String> auth = Map.of("X-Api-Key", key, "Content-Type", "application/json");
        kanzen.addLibrary("Manga", tmp.resolve("manga"));
        kanzen.scan(null);
        kanzen.saveClient("qbittorrent", "qbittorrent", Map.of("url", "http://127.0.0.1:1", "password", "x"));
        String grab = "{\"link\":\"magnet:?xt=urn:btih:0123456789abcdef0123456789abcdef01234567\",\"title\":\"One Piece\",\"volume_num\":99";

        HttpResponse<String> owned = call("POST", "/api/missing-monitor/download", grab + "}", auth);
        assertThat(owned.statusCode()).isEqualTo(409);
        assertThat(JSON.readTree(owned.body()).path("reason").asText()).isEqualTo("owned");
        assertThat(JSON.readTree(owned.body()).path("error").asText()).contains("volume 99 of One Piece is already in the library");
        HttpResponse<String> forced = call("POST", "/api/missing-monitor/download", grab + ", \"force\": true}", auth);
        assertThat(forced.statusCode()).isEqualTo(503); // sent on: the (down) client answers now

        assertThat(call("POST", "/api/missing-monitor/downloads/999/cancel", null, auth).statusCode()).isEqualTo(404);
        HttpResponse<String> link = call("POST", "/api/missing-monitor/downloads/999/link", "{\"series\":\"One Piece\"}", auth);
        assertThat(link.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(call("POST", "/api/missing-monitor/downloads/poll", null, auth).body()).path("events").isArray()).isTrue();
    }

    @Test
    void secrets_are_masked_in_the_settings_api() throws Exception {
        String key = setUpAndGetKey();
        Map<String, String> auth = Map.of("X-Api-Key", key, "Content-Type", "application/json");
        call("POST", "/api/plugins/sources/prowlarr", "{\"kind\":\"prowlarr\",\"settings\":{\"url\":\"http://p:9696\",\"apiKey\":\"very-secret-key\"}}", auth);
        String listed = call("GET", "/api/plugins/sources", null, auth).body();
        assertThat(listed).contains("****").doesNotContain("very-secret-key");
    }

    @Test
    void the_plugins_api_lists_the_loaded_plugins_with_what_they_make() throws Exception {
        Map<String, String> auth = Map.of("X-Api-Key", setUpAndGetKey());
        JsonNode plugins = JSON.readTree(call("GET", "/api/plugins", null, auth).body());

        JsonNode torznab = null;
        for (JsonNode p : plugins.path("loaded")) {
            if (p.path("name").asText().equals("torznab")) {
                torznab = p;
            }
        }
        assertThat(torznab).as("the bundled torznab plugin in " + plugins).isNotNull();
        assertThat(torznab.path("status").asText()).isEqualTo("loaded");
        assertThat(torznab.path("kinds").toString()).isEqualTo("[\"source:torznab\"]");
        assertThat(torznab.path("spi_version").asText()).isEqualTo(io.kanzen.api.SpiVersion.CURRENT);
        assertThat(plugins.path("skipped").isArray()).isTrue();
    }

    @Test
    void five_wrong_passwords_make_the_address_wait() throws Exception {
        setUpAndGetKey();
        for (int i = 0; i < 5; i++) {
            assertThat(call("POST", "/api/login", "{\"username\":\"admin\",\"password\":\"wrong-password\"}", Map.of()).statusCode()).isEqualTo(401);
        }
        HttpResponse<String> sixth = call("POST", "/api/login", "{\"username\":\"admin\",\"password\":\"kanzen-admin-pw\"}", Map.of());
        assertThat(sixth.statusCode()).isEqualTo(429);
        assertThat(sixth.headers().firstValue("Retry-After")).isPresent();
    }

    @Test
    void the_openapi_description_lists_every_route_of_the_api() throws Exception {
        JsonNode spec = JSON.readTree(call("GET", "/api/openapi.json", null, Map.of()).body());
        for (String path : java.util.List.of("/api/missing-monitor/config", "/api/missing-monitor/series", "/api/missing-monitor/series/{id}/monitor",
                "/api/missing-monitor/search", "/api/missing-monitor/download", "/api/missing-monitor/run-check", "/api/missing-monitor/stats",
                "/api/missing-monitor/history", "/api/missing-monitor/downloads", "/api/missing-monitor/progress", "/api/libraries",
                "/api/plugins", "/api/plugins/sources", "/api/plugins/clients", "/health")) {
            assertThat(spec.path("paths").has(path)).as(path).isTrue();
        }
    }

    @Test
    void the_openapi_description_names_each_path_once() throws Exception {
        // a second entry for a path is valid JSON, and a reader keeps only the last: the other description is lost
        com.fasterxml.jackson.databind.ObjectMapper strict = new com.fasterxml.jackson.databind.ObjectMapper()
                .enable(com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        JsonNode spec = strict.readTree(call("GET", "/api/openapi.json", null, Map.of()).body());
        assertThat(spec.path("paths").size()).isGreaterThan(50);
    }
}
