package io.kanzen.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kanzen.core.Kanzen;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** /api/overview and the check's server-sent events over HTTP, with a Prowlarr played from its fixtures. */
class OverviewApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    Path tmp;
    @StartStop
    final MockWebServer prowlarrServer = new MockWebServer();
    private final FakeProwlarr prowlarr = new FakeProwlarr();
    private Kanzen kanzen;
    private KanzenServer server;
    private AdminApiClient api;

    @BeforeEach
    void start() throws Exception {
        prowlarrServer.setDispatcher(prowlarr);
        for (String title : List.of("One Piece", "Berserk")) {
            Path series = Files.createDirectories(tmp.resolve("manga/" + title));
            Files.write(series.resolve(title + " - Tome 3.cbz"), new byte[] {1});
        }
        kanzen = Kanzen.builder().dataDirectory(tmp.resolve("data")).build();
        kanzen.addLibrary("Manga", tmp.resolve("manga"));
        kanzen.scan(null);
        kanzen.saveSource("prowlarr", "prowlarr", Map.of("url", prowlarrServer.url("/").toString(), "apiKey", "0123456789abcdef0123"));
        server = KanzenServer.start(kanzen, "127.0.0.1", 0);
        api = AdminApiClient.setUp(server, kanzen);
    }

    @AfterEach
    void stop() {
        server.close();
        kanzen.close();
    }

    private JsonNode overview() throws Exception {
        HttpResponse<String> r = api.call("GET", "/api/overview", null);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    @Test
    void beforeAnyCheckTheOverviewHasTheFiguresAndNoLastCheck() throws Exception {
        JsonNode o = overview();
        assertThat(o.path("stats").path("seriesMonitored").asInt()).isEqualTo(2);
        assertThat(o.path("stats").path("volumesMissing").asInt()).isEqualTo(4); // 1 and 2 of each
        assertThat(o.path("last_check").isNull()).isTrue();
        assertThat(o.path("running").asBoolean()).isFalse();
        assertThat(o.path("monitor").path("auto_download").asBoolean()).isFalse();
        assertThat(o.path("health").asText()).isEqualTo("UP");
        assertThat(o.path("problems")).isEmpty();
    }

    @Test
    void aCheckIsWatchedLiveThroughServerSentEventsAndItsSummaryArrivesWhenItEnds() throws Exception {
        prowlarr.delayMillis = 800; // each search takes a while: the check is seen running
        List<String> lines = new CopyOnWriteArrayList<>();
        HttpRequest events = HttpRequest.newBuilder(api.request("GET", Api.MM + "/events", null), (name, value) -> true)
                .header("Accept", "text/event-stream").build(); // as a browser's EventSource asks
        HttpResponse<Stream<String>> stream = api.http().send(events, HttpResponse.BodyHandlers.ofLines());
        assertThat(stream.statusCode()).isEqualTo(200);
        assertThat(stream.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/event-stream"));
        Thread reader = new Thread(() -> stream.body().forEach(lines::add));
        reader.setDaemon(true);
        reader.start();
        waitUntil(() -> !data(lines, "progress").isEmpty(), Duration.ofSeconds(5));

        assertThat(api.call("POST", Api.MM + "/run-check", null).statusCode()).isEqualTo(202);

        waitUntil(() -> !data(lines, "finished").isEmpty(), Duration.ofSeconds(20));
        List<JsonNode> progress = data(lines, "progress");
        assertThat(progress).anySatisfy(p -> {
            assertThat(p.path("running").asBoolean()).isTrue();
            assertThat(p.path("series_total").asInt()).isEqualTo(2);
        });
        JsonNode finished = data(lines, "finished").get(0);
        assertThat(finished.path("last_check").path("series").asInt()).isEqualTo(2);
        assertThat(finished.path("last_check").path("searches").asInt()).isEqualTo(2);
        assertThat(finished.path("last_check").path("failed").asBoolean()).isFalse();
        assertThat(finished.path("last_check").path("duration_ms").asLong()).isPositive();
        stream.body().close();
    }

    @Test
    void aCheckWhoseSourceRefusesTheApiKeyShowsItsProblemLinkedToTheSettings() throws Exception {
        prowlarr.apiKeyRefused = true;

        kanzen.check(false, null);

        JsonNode o = overview();
        JsonNode last = o.path("last_check");
        assertThat(last.path("problems")).isNotEmpty();
        assertThat(last.path("problems").findValuesAsText("kind")).as("a source refusing its key is fixed in its settings").containsOnly("source");
        JsonNode byHealth = o.path("problems").get(0);
        assertThat(byHealth.path("message").asText()).contains("prowlarr").contains("backed off");
        assertThat(byHealth.path("kind").asText()).isEqualTo("source");
        assertThat(byHealth.path("fix").asText()).isEqualTo("#/settings");
        JsonNode aboutSeries = last.path("problems").get(0);
        assertThat(aboutSeries.path("code").asText()).isEqualTo("plugin.authentication");
        assertThat(aboutSeries.path("fix").asText()).isEqualTo("#/settings");
        long seriesId = aboutSeries.path("series_id").asLong();
        assertThat(kanzen.series()).anyMatch(s -> s.id() == seriesId && s.title().equals(aboutSeries.path("params").path("series").asText()));
        assertThat(o.path("health").asText()).isEqualTo("DEGRADED");
    }

    @Test
    void anInvalidSettingsFileIsAProblemFixedOnTheConfigPage() throws Exception {
        Files.writeString(tmp.resolve("data/missing_monitor_config.json"), "{ not json");
        JsonNode p = overview().path("problems").get(0);
        assertThat(p.path("kind").asText()).isEqualTo("config");
        assertThat(p.path("fix").asText()).isEqualTo("#/config");
    }

    @Test
    void theEventsNeedTheKeyOrASession() throws Exception {
        AdminApiClient stranger = api.anonymous();
        HttpResponse<String> r = stranger.call("GET", Api.MM + "/events", null);
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(stranger.call("GET", "/api/overview", null).statusCode()).isEqualTo(401);
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition, Duration atMost) throws InterruptedException {
        long end = System.nanoTime() + atMost.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited " + atMost).isLessThan(end);
            Thread.sleep(50);
        }
    }

    /** The data of the events of one type, each sent as a plain "message" (what EventSource.onmessage hears). */
    private static List<JsonNode> data(List<String> lines, String type) {
        List<JsonNode> out = new java.util.ArrayList<>();
        for (int i = 0; i < lines.size() - 1; i++) {
            if (lines.get(i).equals("event: message") && lines.get(i + 1).startsWith("data: ")) {
                try {
                    JsonNode d = JSON.readTree(lines.get(i + 1).substring(6));
                    if (d.path("type").asText().equals(type)) {
                        out.add(d);
                    }
                } catch (java.io.IOException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return out;
    }
}
