package io.kanzen.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kanzen.core.Kanzen;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** /api/notifiers over HTTP with the bundled plugins: a Discord webhook played by a MockWebServer. */
class NotifierApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    Path tmp;
    @StartStop
    final MockWebServer discord = new MockWebServer();
    private Kanzen kanzen;
    private KanzenServer server;
    private AdminApiClient api;

    @BeforeEach
    void start() throws Exception {
        kanzen = Kanzen.builder().dataDirectory(tmp.resolve("data")).build();
        server = KanzenServer.start(kanzen, "127.0.0.1", 0);
        api = AdminApiClient.setUp(server, kanzen);
    }

    @AfterEach
    void stop() {
        server.close();
        kanzen.close();
    }

    @Test
    void a_notifier_is_saved_listed_without_its_secret_tested_and_removed() throws Exception {
        String webhook = discord.url("/api/webhooks/77/t0p-s3cret-token").toString();
        HttpResponse<String> saved = api.call("POST", "/api/notifiers/salon", "{\"kind\":\"discord\",\"settings\":{\"webhookUrl\":\"" + webhook
                + "\",\"language\":\"en\"},\"events\":[\"grabbed\",\"imported\"]}");
        assertThat(saved.statusCode()).isEqualTo(200);
        assertThat(saved.body()).doesNotContain("t0p-s3cret-token").contains("\"events\":\"grabbed,imported\"");

        HttpResponse<String> listed = api.call("GET", "/api/notifiers", null);
        assertThat(listed.body()).doesNotContain("t0p-s3cret-token");
        JsonNode all = JSON.readTree(listed.body());
        assertThat(all.path("configured").get(0).path("settings").path("webhookUrl").asText()).isEqualTo("****");
        assertThat(all.path("kinds").findValuesAsText("kind")).contains("webhook", "discord", "ntfy", "gotify", "telegram", "email");

        discord.enqueue(new MockResponse.Builder().code(200).body("{\"id\":\"1\"}").build());
        assertThat(api.call("POST", "/api/notifiers/salon/test", null).statusCode()).isEqualTo(200);
        RecordedRequest sent = discord.takeRequest();
        assertThat(JSON.readTree(sent.getBody().utf8()).path("embeds").get(0).path("title").asText()).isEqualTo("Kanzen test");

        discord.enqueue(new MockResponse.Builder().code(401).body("{\"message\": \"Invalid Webhook Token\", \"code\": 50027}").build());
        HttpResponse<String> refused = api.call("POST", "/api/notifiers/salon/test", null);
        assertThat(refused.statusCode()).isEqualTo(502);
        assertThat(JSON.readTree(refused.body()).path("error").asText()).contains("Invalid Webhook Token").doesNotContain("t0p-s3cret-token");

        assertThat(api.call("DELETE", "/api/notifiers/salon", null).statusCode()).isEqualTo(204);
        assertThat(api.call("DELETE", "/api/notifiers/salon", null).statusCode()).isEqualTo(404);
    }

    @Test
    void an_unknown_event_is_refused_in_words() throws Exception {
        HttpResponse<String> r = api.call("POST", "/api/notifiers", "{\"name\":\"x\",\"kind\":\"webhook\",\"settings\":{\"url\":\"http://127.0.0.1:9/\","
                + "\"events\":\"grabbed,teleported\"}}");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(r.body()).path("error").asText()).contains("unknown event(s) teleported");
    }

    @Test
    void the_openapi_description_lists_the_notifier_routes() throws Exception {
        JsonNode paths = JSON.readTree(api.call("GET", "/api/openapi.json", null).body()).path("paths");
        assertThat(paths.path("/api/notifiers").has("get")).isTrue();
        assertThat(paths.path("/api/notifiers").has("post")).isTrue();
        assertThat(paths.path("/api/notifiers/{name}").has("delete")).isTrue();
        assertThat(paths.path("/api/notifiers/{name}/test").has("post")).isTrue();
    }
}
