package io.kanzen.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kanzen.core.Kanzen;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the Configuration and Réglages pages call: library edit, a peer's setting choices, names checked on save. */
class SettingsApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String KEY = "0123456789abcdef0123456789abcdef";
    @TempDir
    Path tmp;
    @StartStop
    final MockWebServer prowlarr = new MockWebServer();
    private Kanzen kanzen;
    private KanzenServer server;
    private AdminApiClient api;

    @BeforeEach
    void start() throws Exception {
        prowlarr.setDispatcher(new FakeProwlarr(KEY));
        kanzen = Kanzen.builder().dataDirectory(tmp.resolve("data")).build();
        server = KanzenServer.start(kanzen, "127.0.0.1", 0);
        api = AdminApiClient.setUp(server, kanzen);
    }

    @AfterEach
    void stop() {
        server.close();
        kanzen.close();
    }

    private static JsonNode json(HttpResponse<String> r) throws Exception {
        return JSON.readTree(r.body());
    }

    private static String quoted(Object o) throws Exception {
        return JSON.writeValueAsString(o);
    }

    @Test
    void aLibraryIsEditedOverHttpAndItsFolderIsShownAsAPathNeverAsAFileUri() throws Exception {
        Path first = Files.createDirectories(tmp.resolve("manga/Pluto"));
        Files.createFile(first.resolve("Pluto T01.cbz"));
        Path second = Files.createDirectories(tmp.resolve("mangas"));
        HttpResponse<String> added = api.call("POST", "/api/libraries", "{\"name\":\"Manga\",\"path\":" + quoted(tmp.resolve("manga").toString()) + "}");
        assertThat(added.statusCode()).isEqualTo(201);
        assertThat(json(added).path("root").asText()).isEqualTo(tmp.resolve("manga").toRealPath().toString());

        HttpResponse<String> edited = api.call("PUT", "/api/libraries/manga", "{\"name\":\"Mangas\",\"path\":" + quoted(second.toString())
                + ",\"chapters\":true}");

        assertThat(edited.statusCode()).as(edited.body()).isEqualTo(200);
        assertThat(json(edited).path("name").asText()).isEqualTo("Mangas");
        assertThat(json(edited).path("chapterBased").asBoolean()).isTrue();
        HttpResponse<String> listed = api.call("GET", "/api/libraries", null);
        assertThat(listed.body()).doesNotContain("file:");
        assertThat(json(listed).get(0).path("root").asText()).isEqualTo(second.toRealPath().toString());

        HttpResponse<String> renamedOnly = api.call("PUT", "/api/libraries/Mangas", "{\"name\":\"Bédés\"}");
        assertThat(json(renamedOnly).path("root").asText()).as("a field left out keeps its value").isEqualTo(second.toRealPath().toString());
        assertThat(json(renamedOnly).path("chapterBased").asBoolean()).isTrue();
    }

    @Test
    void aLibraryEditWithAFolderThatDoesNotExistIsRefusedNamingThePathField() throws Exception {
        Files.createDirectories(tmp.resolve("manga"));
        api.call("POST", "/api/libraries", "{\"name\":\"Manga\",\"path\":" + quoted(tmp.resolve("manga").toString()) + "}");

        HttpResponse<String> refused = api.call("PUT", "/api/libraries/Manga", "{\"path\":" + quoted(tmp.resolve("nope").toString()) + "}");
        HttpResponse<String> unknown = api.call("PUT", "/api/libraries/Other", "{\"name\":\"X\"}");

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(json(refused).path("field").asText()).isEqualTo("path");
        assertThat(json(refused).path("error").asText()).contains("does not exist");
        assertThat(json(refused).path("code").asText()).isEqualTo("library.pathMissing");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(json(unknown).path("code").asText()).isEqualTo("library.notFound");
        assertThat(json(api.call("GET", "/api/libraries", null)).get(0).path("root").asText()).endsWith("manga");
    }

    @Test
    void twoProwlarrInstancesEachOfferTheIndexersOfTheirPeerAsChoices() throws Exception {
        String url = prowlarr.url("/").toString();
        for (String name : List.of("prowlarr-home", "prowlarr-friend")) {
            HttpResponse<String> saved = api.call("POST", "/api/plugins/sources/" + name,
                    quoted(Map.of("kind", "prowlarr", "settings", Map.of("url", url, "apiKey", KEY))));
            assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
        }

        JsonNode listed = json(api.call("GET", "/api/plugins/sources", null)).path("configured");
        HttpResponse<String> choices = api.call("GET", "/api/plugins/sources/prowlarr-friend/choices/indexerIds", null);
        HttpResponse<String> none = api.call("GET", "/api/plugins/sources/prowlarr-friend/choices/url", null);
        HttpResponse<String> missing = api.call("GET", "/api/plugins/sources/nowhere/choices/indexerIds", null);

        assertThat(listed.findValuesAsText("kind")).containsExactly("prowlarr", "prowlarr");
        assertThat(listed.toString()).doesNotContain(KEY);
        assertThat(choices.statusCode()).as(choices.body()).isEqualTo(200);
        assertThat(json(choices).path("choices").findValuesAsText("value")).containsExactly("1", "3", "5");
        assertThat(json(choices).path("choices").findValuesAsText("label")).first().asString().startsWith("Nyaa.si");
        assertThat(json(none).path("choices")).isEmpty();
        assertThat(missing.statusCode()).isEqualTo(404);
    }

    @Test
    void aPeersValuesComeWithThePluginsTextsInEachLanguageAndTheSettingsWithTheirFixedValuesAndTheKindsName() throws Exception {
        HttpResponse<String> saved = api.call("POST", "/api/plugins/sources/prowlarr",
                quoted(Map.of("kind", "prowlarr", "settings", Map.of("url", prowlarr.url("/").toString(), "apiKey", KEY))));
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);

        JsonNode categories = json(api.call("GET", "/api/plugins/sources/prowlarr/choices/categories", null)).path("choices");
        JsonNode books = java.util.stream.StreamSupport.stream(categories.spliterator(), false).filter(c -> c.path("value").asText().equals("7030"))
                .findFirst().orElseThrow();
        assertThat(books.path("texts").path("fr").asText()).isEqualTo("7030 Livres/Bandes dessinées");
        assertThat(books.path("texts").path("en").asText()).isEqualTo("7030 Books/Comics");
        JsonNode tracker = java.util.stream.StreamSupport.stream(categories.spliterator(), false).filter(c -> c.path("value").asText().equals("100031"))
                .findFirst().orElseThrow();
        assertThat(tracker.path("texts").path("fr").asText()).as("a value the plugin does not name keeps the peer's label")
                .isEqualTo(tracker.path("label").asText());

        JsonNode scorers = json(api.call("GET", "/api/plugins/scorers", null)).path("kinds");
        assertThat(scorers.findValues("texts").stream().filter(t -> t.has("fr") && t.path("en").asText().equals("filters")).findFirst())
                .as("the filters kind's name in French").hasValueSatisfying(t -> assertThat(t.path("fr").asText()).isEqualTo("filtres"));
        JsonNode events = java.util.stream.StreamSupport.stream(json(api.call("GET", "/api/notifiers", null)).path("kinds").get(0).path("properties").spliterator(), false)
                .filter(p -> p.path("key").asText().equals("events")).findFirst().orElseThrow().path("choices");
        assertThat(events.findValuesAsText("value")).containsExactly("grabbed", "imported", "failed", "check-problems", "new-volume", "peer-down");
        assertThat(events.get(0).path("texts").path("fr").asText()).isEqualTo("envoyé");
        assertThat(json(api.call("GET", "/api/plugins", null)).path("loaded").findValues("kind_texts"))
                .anySatisfy(k -> assertThat(k.path("scorer:filters").path("fr").asText()).isEqualTo("filtres"));
    }

    @Test
    void thePeerRefusingTheKeyIsAnErrorOfTheChoicesNotAnEmptyList() throws Exception {
        api.call("POST", "/api/plugins/sources/prowlarr", quoted(Map.of("kind", "prowlarr", "settings",
                Map.of("url", prowlarr.url("/").toString(), "apiKey", "wrong-key-wrong-key-wrong-key-00"))));

        HttpResponse<String> refused = api.call("GET", "/api/plugins/sources/prowlarr/choices/indexerIds", null);

        assertThat(refused.statusCode()).isBetween(400, 599);
        assertThat(json(refused).path("error").asText()).isNotBlank();
        assertThat(json(refused).path("code").asText()).startsWith("plugin.");
    }

    @Test
    void monitorSettingsNamingAnUnknownClientOrSourceAreRefusedWithTheirFieldAndNothingIsSaved() throws Exception {
        HttpResponse<String> client = api.call("POST", "/api/missing-monitor/config", "{\"preferredClient\":\"nowhere\"}");
        HttpResponse<String> source = api.call("POST", "/api/missing-monitor/config", "{\"sources\":[\"nyaa\"]}");

        assertThat(client.statusCode()).isEqualTo(400);
        assertThat(json(client).path("field").asText()).isEqualTo("preferredClient");
        assertThat(json(client).path("code").asText()).isEqualTo("setting.unknownClient");
        assertThat(json(client).path("params").path("value").asText()).isEqualTo("nowhere");
        assertThat(source.statusCode()).isEqualTo(400);
        assertThat(json(source).path("field").asText()).isEqualTo("sources");
        assertThat(json(source).path("code").asText()).isEqualTo("setting.unknownSource");
        JsonNode config = json(api.call("GET", "/api/missing-monitor/config", null)).path("config");
        assertThat(config.path("preferredClient").isNull()).isTrue();
        assertThat(config.path("sources")).isEmpty();
    }

    @Test
    void anIntervalOfTwoHoursIsSavedAndReadBackAsTheServerWritesIt() throws Exception {
        HttpResponse<String> saved = api.call("POST", "/api/missing-monitor/config", "{\"checkInterval\":\"2h\"}");
        HttpResponse<String> tooShort = api.call("POST", "/api/missing-monitor/config", "{\"checkInterval\":\"2m\"}");

        assertThat(saved.statusCode()).isEqualTo(200);
        assertThat(json(api.call("GET", "/api/missing-monitor/config", null)).path("config").path("checkInterval").asText()).isEqualTo("2h");
        assertThat(tooShort.statusCode()).isEqualTo(400);
        assertThat(json(tooShort).path("field").asText()).isEqualTo("checkInterval");
    }
}
