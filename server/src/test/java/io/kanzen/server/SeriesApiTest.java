package io.kanzen.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kanzen.core.Kanzen;
import io.kanzen.testkit.Fixtures;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** /api/series over HTTP: a real server and SQLite file, a library on disk, a fixture Prowlarr played by MockWebServer. */
class SeriesApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    Path tmp;
    @StartStop
    final MockWebServer prowlarr = new MockWebServer();
    private Kanzen kanzen;
    private KanzenServer server;
    private AdminApiClient api;
    private long onePiece;
    private long berserk;

    @BeforeEach
    void start() throws Exception {
        Path op = Files.createDirectories(tmp.resolve("manga/One Piece"));
        for (int v : new int[] {98, 99, 101}) {
            Files.write(op.resolve("One Piece - Tome " + v + ".cbz"), new byte[] {1});
        }
        Files.write(Files.createDirectories(tmp.resolve("manga/Berserk")).resolve("Berserk - Tome 2.cbz"), new byte[] {1});
        prowlarr.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                String body = String.valueOf(request.getUrl()).contains("One") ? Fixtures.text("prowlarr/search_one_piece_tome_100.json") : "[]";
                return new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json").body(body).build();
            }
        });
        kanzen = Kanzen.builder().dataDirectory(tmp.resolve("data")).build();
        server = KanzenServer.start(kanzen, "127.0.0.1", 0);
        api = AdminApiClient.setUp(server, kanzen);
        kanzen.addLibrary("Manga", tmp.resolve("manga"));
        kanzen.scan(null);
        kanzen.saveSource("prowlarr", "prowlarr", Map.of("url", prowlarr.url("/").toString(), "apiKey", "k"));
        onePiece = kanzen.series().stream().filter(s -> s.title().equals("One Piece")).findFirst().orElseThrow().id();
        berserk = kanzen.series().stream().filter(s -> s.title().equals("Berserk")).findFirst().orElseThrow().id();
    }

    @AfterEach
    void stop() {
        server.close();
        kanzen.close();
    }

    private JsonNode json(String method, String path, String body) throws Exception {
        HttpResponse<String> r = api.call(method, path, body);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    @Test
    void theSeriesPageGivesTheVolumeGridAndTheFormsChoices() throws Exception {
        JsonNode d = json("GET", "/api/series/" + onePiece, null);

        assertThat(d.path("title").asText()).isEqualTo("One Piece");
        assertThat(d.path("missing")).extracting(JsonNode::asText).containsExactly("1-97", "100");
        assertThat(d.path("volumes").size()).isEqualTo(101);
        assertThat(d.path("volumes").get(97).path("state").asText()).isEqualTo("owned");
        assertThat(d.path("volumes").get(99).path("state").asText()).isEqualTo("missing");
        assertThat(d.path("metadata").isNull()).isTrue();
        assertThat(d.path("choices").path("sources")).extracting(JsonNode::asText).containsExactly("prowlarr");
        assertThat(d.path("choices").path("languages")).extracting(JsonNode::asText).contains("fr", "en");
        assertThat(d.path("settings").has("pinnedUrl")).isTrue();
        assertThat(api.call("GET", "/api/series/424242", null).statusCode()).isEqualTo(404);
    }

    @Test
    void settingsAreSavedFieldByFieldAndABadValueNamesItsField() throws Exception {
        JsonNode saved = json("POST", "/api/series/" + onePiece + "/settings",
                "{\"edition\":\"vo\",\"sources\":[\"prowlarr\"],\"minMegabytes\":\"20\",\"aliases\":\"Wan Pisu, OP\"}");
        assertThat(saved.path("settings").path("edition").asText()).isEqualTo("vo");
        assertThat(kanzen.seriesSettings(onePiece).sources()).containsExactly("prowlarr");
        assertThat(kanzen.seriesSettings(onePiece).minMegabytes()).isEqualTo(20);
        assertThat(kanzen.seriesSettings(onePiece).aliases()).containsExactly("Wan Pisu", "OP");

        HttpResponse<String> bad = api.call("POST", "/api/series/" + onePiece + "/settings", "{\"client\":\"transmission\"}");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(bad.body()).path("field").asText()).isEqualTo("client");
        assertThat(JSON.readTree(bad.body()).path("error").asText()).contains("transmission");
        assertThat(JSON.readTree(bad.body()).path("code").asText()).isEqualTo("setting.unknownClient");
        assertThat(JSON.readTree(bad.body()).path("params").path("value").asText()).isEqualTo("transmission");
        HttpResponse<String> size = api.call("POST", "/api/series/" + onePiece + "/settings", "{\"maxMegabytes\":\"dix\"}");
        assertThat(JSON.readTree(size.body()).path("field").asText()).isEqualTo("maxMegabytes");
        assertThat(JSON.readTree(size.body()).path("code").asText()).isEqualTo("setting.notNumber");
        assertThat(JSON.readTree(api.call("GET", "/api/series/424242", null).body()).path("code").asText()).isEqualTo("series.notFound");
        assertThat(kanzen.seriesSettings(onePiece).edition()).as("nothing lost").isEqualTo("vo");
    }

    @Test
    void searchNowListsEveryCandidateWithItsDecisionAndReasonsAndSendsNothing() throws Exception {
        JsonNode found = json("POST", "/api/series/" + onePiece + "/search", "{}");

        assertThat(found.path("wanted_ranges")).extracting(JsonNode::asText).containsExactly("1-97", "100");
        List<JsonNode> candidates = new ArrayList<>();
        found.path("candidates").forEach(candidates::add);
        assertThat(candidates).extracting(c -> c.path("title").asText()).contains("One Piece Tome 100 FR CBZ",
                "One Piece Tomes 1 à 100 - Intégrale FR (CBZ)");
        assertThat(candidates).filteredOn(c -> c.path("chosen").asBoolean()).extracting(c -> c.path("volume").asText()).containsExactly("100");
        JsonNode pack = candidates.stream().filter(c -> c.path("volume").asText().equals("1-100")).findFirst().orElseThrow();
        assertThat(pack.path("accepted").asBoolean()).isFalse();
        assertThat(pack.path("rejection_reasons").get(0).path("reason").asText()).isEqualTo("VOLUME_NOT_WANTED");
        assertThat(pack.path("rejection_reasons").get(0).path("code").asText()).as("the detail's text code").isEqualTo("owned.many");
        assertThat(pack.path("rejection_reasons").get(0).path("params").path("volumes").asText()).contains("98, 99");
        assertThat(pack.path("rejections").get(0).asText()).contains("98, 99");
        assertThat(kanzen.downloads()).isEmpty();
        assertThat(api.call("POST", "/api/series/424242/search", "{}").statusCode()).isEqualTo(404);
    }

    @Test
    void theListIsSplitIntoMonitoredAndNotAndSeveralSeriesChangeAtOnce() throws Exception {
        JsonNode changed = json("POST", "/api/series/actions", "{\"action\":\"unmonitor\",\"ids\":[" + berserk + "]}");
        assertThat(changed.path("changed").asInt()).isEqualTo(1);

        JsonNode monitored = json("GET", "/api/series?monitored=yes&limit=10", null);
        assertThat(monitored.path("items")).extracting(n -> n.path("title").asText()).containsExactly("One Piece");
        assertThat(monitored.path("items").get(0).path("missing")).extracting(JsonNode::asText).containsExactly("1-97", "100");
        assertThat(monitored.path("monitored_total").asInt()).isEqualTo(1);
        assertThat(monitored.path("unmonitored_total").asInt()).isEqualTo(1);
        assertThat(json("GET", "/api/series?monitored=no", null).path("items")).extracting(n -> n.path("title").asText()).containsExactly("Berserk");
        assertThat(json("GET", "/api/series?q=BERS&monitored=all", null).path("total").asInt()).isEqualTo(1);
        assertThat(json("GET", "/api/series?offset=1&limit=1", null).path("items").size()).isEqualTo(1);

        json("POST", "/api/series/actions", "{\"action\":\"monitor\",\"ids\":[" + berserk + ", " + onePiece + "]}");
        assertThat(kanzen.seriesDetail(berserk).monitored()).isTrue();

        HttpResponse<String> unknown = api.call("POST", "/api/series/actions", "{\"action\":\"unmonitor\",\"ids\":[" + berserk + ", 424242]}");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(kanzen.seriesDetail(berserk).monitored()).as("nothing changed").isTrue();
        assertThat(JSON.readTree(api.call("POST", "/api/series/actions", "{\"action\":\"paint\",\"ids\":[1]}").body()).path("field").asText())
                .isEqualTo("action");
        assertThat(JSON.readTree(api.call("POST", "/api/series/actions", "{\"action\":\"monitor\",\"ids\":[]}").body()).path("field").asText())
                .isEqualTo("ids");
    }

    @Test
    void searchingChosenSeriesIsARealCheckOfThoseOnly() throws Exception {
        JsonNode report = json("POST", "/api/series/actions", "{\"action\":\"search\",\"ids\":[" + berserk + "]}");

        assertThat(report.path("series")).extracting(n -> n.path("title").asText()).containsExactly("Berserk");
        assertThat(report.path("searches").asInt()).isEqualTo(1);
        assertThat(prowlarr.getRequestCount()).isEqualTo(1);
        JsonNode history = json("GET", "/api/series/" + berserk + "/history", null);
        assertThat(history).extracting(n -> n.path("kind").asText()).contains("SEARCH");
        assertThat(json("GET", "/api/series/" + onePiece + "/history", null)).isEmpty();
    }
}
