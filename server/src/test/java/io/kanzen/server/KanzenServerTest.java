package io.kanzen.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.kanzen.core.Kanzen;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KanzenServerTest {
    @TempDir
    Path tmp;

    @Test
    void the_server_answers_health_and_leads_from_the_root_to_the_monitor_page() throws Exception {
        Path series = Files.createDirectories(tmp.resolve("manga/Pluto <script>"));
        Files.createFile(series.resolve("Pluto T01.cbz"));
        Files.createFile(series.resolve("Pluto T03.cbz"));
        try (Kanzen kanzen = Kanzen.builder().dataDirectory(tmp.resolve("data")).build();
                KanzenServer server = KanzenServer.start(kanzen, "127.0.0.1", 0)) {
            kanzen.addLibrary("Manga", tmp.resolve("manga"));
            kanzen.scan(null);
            HttpClient http = HttpClient.newHttpClient();
            String base = "http://127.0.0.1:" + server.port();

            HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(base + "/health")).build(), HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> root = http.send(HttpRequest.newBuilder(URI.create(base + "/")).build(), HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(base + "/missing-monitor")).build(), HttpResponse.BodyHandlers.ofString());

            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).contains("\"status\":\"UP\"");
            assertThat(root.statusCode()).isEqualTo(302);
            assertThat(root.headers().firstValue("Location")).contains("/missing-monitor");
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("Pluto &lt;script&gt;").doesNotContain("<script>").contains("[2]");
        }
    }
}
