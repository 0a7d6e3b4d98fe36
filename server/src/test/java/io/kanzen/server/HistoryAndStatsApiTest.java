package io.kanzen.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kanzen.core.Kanzen;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** /api/history and /api/stats over HTTP, on a history made by real checks, grabs and imports at chosen instants. */
class HistoryAndStatsApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    Path tmp;
    private final HistoryPeers peers = new HistoryPeers();
    private final HistoryPeers.MovableClock clock = new HistoryPeers.MovableClock(Instant.parse("2026-11-20T10:00:00Z"));
    private Kanzen kanzen;
    private KanzenServer server;
    private AdminApiClient api;
    private int missingAtStart;

    @BeforeEach
    void start() throws Exception {
        kanzen = Kanzen.builder().dataDirectory(tmp.resolve("data")).clock(clock).classpathPlugins(false).plugin(peers).build();
        missingAtStart = peers.makeHistory(kanzen, clock, tmp);
        server = KanzenServer.start(kanzen, "127.0.0.1", 0);
        api = AdminApiClient.setUp(server, kanzen);
    }

    @AfterEach
    void stop() {
        server.close();
        kanzen.close();
    }

    private HttpResponse<String> call(String path, String body) throws Exception {
        return api.call(body == null ? "GET" : "POST", path, body);
    }

    private JsonNode get(String path) throws Exception {
        HttpResponse<String> r = call(path, null);
        assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    private static List<String> texts(JsonNode items, String field) {
        List<String> out = new ArrayList<>();
        items.forEach(i -> out.add(i.path(field).isNull() ? null : i.path(field).asText()));
        return out;
    }

    @Test
    void aPageHasTheTotalOfTheFilterAndTheNextPageFollows() throws Exception {
        JsonNode first = get("/api/history?limit=2");
        long total = first.path("total").asLong();
        assertThat(total).isGreaterThan(4);
        assertThat(first.path("items")).hasSize(2);
        assertThat(first.path("items").get(0).path("at").asText()).isEqualTo("2026-11-22T09:00:00Z");

        JsonNode second = get("/api/history?limit=2&offset=2");
        assertThat(second.path("total").asLong()).isEqualTo(total);
        assertThat(second.path("offset").asInt()).isEqualTo(2);
        assertThat(texts(second.path("items"), "id")).doesNotContainAnyElementsOf(texts(first.path("items"), "id"));
        assertThat(get("/api/history?limit=500").path("items")).hasSize((int) total);
    }

    @Test
    void typeSeriesPeriodAndOutcomeFilterTheEvents() throws Exception {
        assertThat(texts(get("/api/history?type=grab").path("items"), "series")).containsExactly("One Piece", "Berserk");
        assertThat(texts(get("/api/history?type=grab,import").path("items"), "type")).containsExactly("import", "grab", "grab");
        assertThat(texts(get("/api/history?type=grab&type=import").path("items"), "type")).containsExactly("import", "grab", "grab");

        long berserk = kanzen.series().stream().filter(s -> s.title().equals("Berserk")).findFirst().orElseThrow().id();
        JsonNode ofBerserk = get("/api/history?series=" + berserk).path("items");
        assertThat(texts(ofBerserk, "series")).isNotEmpty().containsOnly("Berserk");
        assertThat(texts(ofBerserk, "type")).containsExactly("download_failed", "grab", "search");

        JsonNode the21st = get("/api/history?from=2026-11-21&to=2026-11-21&tz=UTC").path("items");
        assertThat(texts(the21st, "type")).containsExactly("failure", "grab");
        assertThat(texts(the21st, "volume")).containsExactly("5", "3");
        assertThat(texts(get("/api/history?from=2026-11-21&to=2026-11-21&tz=Pacific/Kiritimati").path("items"), "at"))
                .as("the 21st at UTC+14 is from the 20th 10:00 to the 21st 10:00 UTC").containsExactly("2026-11-20T11:00:00Z", "2026-11-20T11:00:00Z");

        assertThat(texts(get("/api/history?outcome=failure").path("items"), "type")).containsExactly("download_failed", "failure");
        assertThat(get("/api/history/series")).extracting(n -> n.path("title").asText()).containsExactly("Berserk", "One Piece");
    }

    @Test
    void eachEventCarriesItsCodeAndParametersBesideTheEnglishMessageInThePagesTheExportsAndASeriesHistory() throws Exception {
        JsonNode failures = get("/api/history?outcome=failure").path("items");
        JsonNode refused = failures.get(1);
        assertThat(refused.path("type").asText()).isEqualTo("failure");
        assertThat(refused.path("code").asText()).as("the client's failure, by its kind").isEqualTo("plugin.badResponse");
        assertThat(refused.path("params").path("name").asText()).isEqualTo("client");
        assertThat(refused.path("params").path("series").asText()).isEqualTo("One Piece");
        assertThat(refused.path("params").path("volume").asText()).isEqualTo("5");
        assertThat(refused.path("params").path("step").asText()).isEqualTo("send");
        assertThat(refused.path("params").path("detail").asText()).isEqualTo("the client refused the link");
        assertThat(refused.path("message").asText()).as("the English message stays for the CLI").contains("the client refused the link");
        assertThat(failures.get(0).path("code").asText()).isEqualTo("download.failedBlocklisted");

        JsonNode grab = get("/api/history?type=grab").path("items").get(1);
        assertThat(grab.path("code").asText()).isEqualTo("grab.sent");
        assertThat(grab.path("params").path("release").asText()).isEqualTo("Berserk Tome 01 FR");
        assertThat(texts(get("/api/history?limit=500").path("items"), "code")).doesNotContainNull();

        String csv = call("/api/history/export?format=csv&type=grab", null).body();
        assertThat(csv.lines().skip(1).toList()).anySatisfy(l -> assertThat(l).endsWith(",grab.byHand,\"{\"\"series\"\":\"\"One Piece\"\",\"\"volume\"\":\"\"3\"\",\"\"client\"\":\"\"client\"\"}\""));

        long berserk = kanzen.series().stream().filter(s -> s.title().equals("Berserk")).findFirst().orElseThrow().id();
        JsonNode ofSeries = get("/api/series/" + berserk + "/history");
        assertThat(ofSeries).isNotEmpty().allSatisfy(e -> assertThat(e.path("code").asText()).isNotEmpty());
        assertThat(ofSeries).anySatisfy(e -> assertThat(e.path("params").path("series").asText()).isEqualTo("Berserk"));
    }

    @Test
    void badFiltersAreRefusedNamingTheField() throws Exception {
        for (String[] c : new String[][] {{"type=grabbed", "type", "input.choice"}, {"limit=501", "limit", "input.range"},
                {"offset=-1", "offset", "input.range"}, {"from=21/11/2026", "from", "input.date"}, {"tz=Mars/Olympus", "tz", "input.timeZone"},
                {"from=2026-11-22&to=2026-11-21", "to", "input.period"}, {"outcome=maybe", "outcome", "input.choice"},
                {"series=abc", "series", "input.wholeNumber"}}) {
            HttpResponse<String> r = call("/api/history?" + c[0], null);
            assertThat(r.statusCode()).as(c[0]).isEqualTo(400);
            JsonNode error = JSON.readTree(r.body());
            assertThat(error.path("field").asText()).as(c[0]).isEqualTo(c[1]);
            assertThat(error.path("code").asText()).as(c[0]).isEqualTo(c[2]);
        }
        assertThat(call("/api/history/export?format=xml", null).statusCode()).isEqualTo(400);
        assertThat(call("/api/stats/daily?days=0", null).statusCode()).isEqualTo(400);
    }

    @Test
    void theExportsHaveEveryFilteredEventAsAnAttachment() throws Exception {
        HttpResponse<String> csv = call("/api/history/export?format=csv&type=grab", null);
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(csv.headers().firstValue("Content-Disposition").orElse("")).isEqualTo("attachment; filename=kanzen-history.csv");
        assertThat(csv.body().lines().toList()).hasSize(3).first().isEqualTo("at,kind,success,series,source,client,query,results,volume,message,code,params");
        assertThat(csv.body().lines().skip(1).toList()).satisfiesExactly(l -> assertThat(l).startsWith("2026-11-21T12:00:00Z,grab,true,One Piece,"),
                l -> assertThat(l).startsWith("2026-11-20T11:00:00Z,grab,true,Berserk,releases,client"));

        HttpResponse<String> json = call("/api/history/export?format=json&outcome=failure", null);
        assertThat(json.headers().firstValue("Content-Disposition").orElse("")).isEqualTo("attachment; filename=kanzen-history.json");
        assertThat(JSON.readTree(json.body())).isEqualTo(get("/api/history?outcome=failure").path("items"));
        assertThat(JSON.readTree(call("/api/history/export?format=json&type=stalled", null).body())).isEmpty();
    }

    @Test
    void theDailyFiguresComeFromTheHistoryAndTheMissingCounts() throws Exception {
        JsonNode daily = get("/api/stats/daily?days=5&tz=UTC");
        assertThat(daily.path("empty").asBoolean()).isFalse();
        JsonNode items = daily.path("items");
        assertThat(texts(items, "day")).containsExactly("2026-11-19", "2026-11-20", "2026-11-21", "2026-11-22", "2026-11-23");
        assertThat(texts(items, "sent")).containsExactly("0", "1", "1", "0", "0");
        assertThat(texts(items, "imported")).containsExactly("0", "0", "0", "1", "0");
        assertThat(texts(items, "failed")).as("a refused send, then a failed download").containsExactly("0", "0", "1", "1", "0");
        String before = String.valueOf(missingAtStart);
        String after = String.valueOf(missingAtStart - 1);
        assertThat(texts(items, "missing")).containsExactly(null, before, before, after, after);
    }

    @Test
    void eachSourceHasItsSuccessRate() throws Exception {
        JsonNode items = get("/api/stats/sources?days=30").path("items");
        assertThat(texts(items, "source")).as("most downloads first").containsExactly(null, "releases");
        assertThat(items.get(0).path("sent").asInt()).as("sent by hand, one refused").isEqualTo(2);
        assertThat(items.get(0).path("successRate").asDouble()).isEqualTo(0.5);
        assertThat(items.get(1).path("searches").asInt()).isEqualTo(1);
        assertThat(items.get(1).path("successRate").asDouble()).isEqualTo(0.0);
    }

    @Test
    void theOpenapiDescriptionListsTheseRoutes() throws Exception {
        JsonNode paths = get("/api/openapi.json").path("paths");
        for (String path : List.of("/api/history", "/api/history/export", "/api/history/series", "/api/stats/daily", "/api/stats/sources")) {
            assertThat(paths.has(path)).as(path).isTrue();
        }
    }

    @Test
    void withoutHistoryTheStatisticsSayTheyAreEmpty() throws Exception {
        try (Kanzen fresh = Kanzen.builder().dataDirectory(tmp.resolve("fresh")).classpathPlugins(false).build();
                KanzenServer other = KanzenServer.start(fresh, "127.0.0.1", 0)) {
            AdminApiClient freshApi = AdminApiClient.setUp(other, fresh);
            for (String path : List.of("/api/stats/daily", "/api/stats/sources")) {
                assertThat(freshApi.get(path).path("empty").asBoolean()).as(path).isTrue();
            }
        }
    }
}
