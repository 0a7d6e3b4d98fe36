package io.kanzen.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kanzen.core.Kanzen;
import io.kanzen.testkit.Fixtures;
import io.kanzen.testkit.daemon.QBittorrentDaemon;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The manual search judged and the download queue over HTTP (branch queue): a fixture Prowlarr, a library on disk
 * and a real qbittorrent-nox.
 */
class QueueApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static QBittorrentDaemon qbittorrent;
    @TempDir
    Path tmp;
    @StartStop
    final MockWebServer prowlarr = new MockWebServer();
    private Kanzen kanzen;
    private KanzenServer server;
    private AdminApiClient api;

    @BeforeAll
    static void startQBittorrent() throws Exception {
        qbittorrent = new QBittorrentDaemon(Files.createTempDirectory("kanzen-queue-qbt-"));
        qbittorrent.start();
    }

    @AfterAll
    static void stopQBittorrent() {
        qbittorrent.stop();
    }

    @BeforeEach
    void start() throws Exception {
        Path series = Files.createDirectories(tmp.resolve("manga/One Piece"));
        for (int v : new int[] {98, 99, 101}) {
            Files.write(series.resolve("One Piece - Tome " + v + ".cbz"), new byte[] {1});
        }
        kanzen = Kanzen.builder().dataDirectory(tmp.resolve("data")).build();
        server = KanzenServer.start(kanzen, "127.0.0.1", 0);
        api = AdminApiClient.setUp(server, kanzen);
        kanzen.addLibrary("Manga", tmp.resolve("manga"));
        kanzen.scan(null);
        kanzen.saveSource("prowlarr", "prowlarr", Map.of("url", prowlarr.url("/").toString(), "apiKey", "k"));
        kanzen.saveClient("qbittorrent", "qbittorrent", Map.of("url", qbittorrent.url(), "username", QBittorrentDaemon.USER,
                "password", QBittorrentDaemon.PASSWORD));
    }

    @AfterEach
    void stop() {
        server.close();
        kanzen.close();
    }

    private static JsonNode titled(JsonNode results, String prefix) {
        for (JsonNode r : results) {
            if (r.path("title").asText().startsWith(prefix)) {
                return r;
            }
        }
        throw new AssertionError("no result titled " + prefix + " in " + results);
    }

    @Test
    void a_manual_search_answers_the_old_fields_and_the_engines_verdict_for_the_series_named() throws Exception {
        prowlarr.enqueue(new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json")
                .body(Fixtures.text("prowlarr/search_one_piece_tome_100.json")).build());

        HttpResponse<String> answer = api.call("POST", "/api/missing-monitor/search", "{\"title\":\"one piece\",\"volume_num\":100,\"sources\":[\"prowlarr\"]}");

        assertThat(answer.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(answer.body());
        assertThat(body.path("series").path("title").asText()).isEqualTo("One Piece");
        JsonNode results = body.path("results");
        assertThat(results.size()).isEqualTo(3);
        JsonNode single = titled(results, "One Piece Tome 100 FR CBZ");
        // the fields the search always had
        assertThat(single.path("source").asText()).isEqualTo("prowlarr");
        assertThat(single.path("volume").asText()).isEqualTo("100");
        assertThat(single.path("seeders").asInt()).isEqualTo(42);
        assertThat(single.path("link").asText()).isNotBlank();
        // and what the engine says
        assertThat(single.path("accepted").asBoolean()).isTrue();
        assertThat(single.path("score").asInt()).isPositive();
        assertThat(single.path("score_breakdown").size()).isPositive();
        assertThat(single.path("score_breakdown").findValuesAsText("code")).as("each part's text code").contains("series.same", "volumes.one");
        assertThat(single.path("score_breakdown").findValues("params")).anySatisfy(v -> assertThat(v.path("volumes").asText()).isNotBlank());
        assertThat(single.path("language").asText()).isEqualTo("fr");
        assertThat(single.path("edition").asText()).isEqualTo("regular");
        assertThat(single.path("publish_date").asText()).isEqualTo("2024-03-14T19:22:05Z");
        assertThat(single.path("owned").size()).isZero();
        assertThat(single.path("held").asBoolean()).isFalse();
        JsonNode pack = titled(results, "One Piece Tomes 1 à 100");
        assertThat(pack.path("owned")).extracting(JsonNode::asInt).containsExactly(98, 99);
        assertThat(pack.path("accepted").asBoolean()).isFalse();
        assertThat(pack.path("rejection_reasons").get(0).path("reason").asText()).isNotBlank();
        assertThat(pack.path("rejection_reasons").get(0).path("code").asText()).isNotBlank();
    }

    @Test
    void a_search_of_a_title_outside_the_library_is_read_but_not_judged_and_the_sources_offered_find_releases() throws Exception {
        prowlarr.enqueue(new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json")
                .body(Fixtures.text("prowlarr/search_berserk.json")).build());

        JsonNode body = JSON.readTree(api.call("POST", "/api/missing-monitor/search", "{\"title\":\"Berserk\"}").body());

        assertThat(body.path("series").isNull()).isTrue();
        assertThat(body.path("results").size()).isPositive();
        assertThat(body.path("results").get(0).path("accepted").isNull()).isTrue();
        assertThat(body.path("results").get(0).has("edition")).isTrue();
        assertThat(JSON.readTree(api.call("GET", "/api/search/sources", null).body()).path("sources"))
                .extracting(JsonNode::asText).containsExactly("prowlarr");
    }

    @Test
    void a_failed_search_answers_no_result_and_the_sources_problem() throws Exception {
        prowlarr.enqueue(new MockResponse.Builder().code(500).body("down").build());

        JsonNode body = JSON.readTree(api.call("POST", "/api/missing-monitor/search", "{\"title\":\"One Piece\",\"sources\":[\"prowlarr\"]}").body());

        assertThat(body.path("results").size()).isZero();
        assertThat(body.path("problems").path("prowlarr").asText()).isNotBlank();
        assertThat(body.path("problem_details").get(0).path("code").asText()).isEqualTo("plugin.unavailable");
    }

    @Test
    void the_queue_shows_a_real_download_with_its_speed_and_time_left_and_cancelling_removes_it_from_qbittorrent() throws Exception {
        String hash = "2c5690b7ec44759083a6daea530c8470aabbccdd";
        HttpResponse<String> sent = api.call("POST", "/api/missing-monitor/download",
                "{\"link\":\"magnet:?xt=urn:btih:" + hash + "&dn=One+Piece+T100\",\"title\":\"One Piece\",\"volume_num\":100,\"client\":\"qbittorrent\"}");
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(200);
        long id = JSON.readTree(sent.body()).path("id").asLong();

        JsonNode row = null;
        for (JsonNode d : JSON.readTree(api.call("GET", "/api/missing-monitor/downloads", null).body())) {
            if (d.path("id").asLong() == id) {
                row = d;
            }
        }
        assertThat(row).isNotNull();
        assertThat(row.path("client").asText()).isEqualTo("qbittorrent");
        assertThat(row.path("client_state").asText()).isNotEqualTo("missing");
        assertThat(row.path("speed").asLong()).isZero(); // a magnet nobody seeds: nothing comes in
        assertThat(row.path("eta").asLong()).isEqualTo(-1);
        assertThat(row.has("size")).isTrue();

        assertThat(api.call("POST", "/api/missing-monitor/downloads/" + id + "/cancel", null).statusCode()).isEqualTo(200);

        for (int i = 0; i < 100 && torrentsInQBittorrent().contains(hash); i++) {
            Thread.sleep(100);
        }
        assertThat(torrentsInQBittorrent()).doesNotContain(hash);
        JsonNode after = JSON.readTree(api.call("GET", "/api/missing-monitor/downloads", null).body());
        assertThat(after.findValuesAsText("state")).contains("cancelled");
    }

    private List<String> torrentsInQBittorrent() throws Exception {
        HttpClient c = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager()).build();
        c.send(HttpRequest.newBuilder(URI.create(qbittorrent.url() + "/api/v2/auth/login")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + QBittorrentDaemon.USER + "&password=" + QBittorrentDaemon.PASSWORD)).build(),
                HttpResponse.BodyHandlers.ofString());
        String list = c.send(HttpRequest.newBuilder(URI.create(qbittorrent.url() + "/api/v2/torrents/info")).build(), HttpResponse.BodyHandlers.ofString())
                .body();
        return JSON.readTree(list).findValuesAsText("hash");
    }
}
