package io.kanzen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.kanzen.core.Kanzen;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kanzen serve}: the server started from the command line, in its own JVM as a user starts it. */
class ServeCommandTest {
    private static final Pattern RUNNING = Pattern.compile("Kanzen is running on http://localhost:(\\d+)/");

    @TempDir
    Path tmp;

    @Test
    void serveStartsTheServerWhichAnswersHealthAndStopsOnSigtermReleasingTheDataDirectory() throws Exception {
        Path data = tmp.resolve("data");
        Process server = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), Main.class.getName(), "--data-dir", data.toString(), "--plugins-dir",
                tmp.resolve("plugins").toString(), "serve", "--port", "0", "--host", "127.0.0.1"))
                .redirectErrorStream(true).start();
        try {
            StringBuilder log = new StringBuilder();
            CompletableFuture<Integer> port = CompletableFuture.supplyAsync(() -> {
                try (BufferedReader lines = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line; (line = lines.readLine()) != null;) {
                        log.append(line).append('\n');
                        Matcher m = RUNNING.matcher(line);
                        if (m.find()) {
                            return Integer.parseInt(m.group(1));
                        }
                    }
                    throw new IllegalStateException("the server ended without saying where it runs:\n" + log);
                } catch (java.io.IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            int p = port.get(90, TimeUnit.SECONDS);

            HttpResponse<String> health = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + p + "/health")).build(), HttpResponse.BodyHandlers.ofString());

            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).contains("\"status\":\"UP\"");
            assertThat(log).as("a server's log: time-stamped INFO lines").containsPattern("\\d\\d:\\d\\d:\\d\\d\\.\\d{3} INFO ");

            server.destroy(); // SIGTERM, as systemd or Ctrl-C stop it
            assertThat(server.waitFor(60, TimeUnit.SECONDS)).isTrue();
            // the shutdown hook closed Kanzen: the data directory's owner lock is free again
            try (Kanzen again = Kanzen.builder().dataDirectory(data).owner(true).build()) {
                assertThat(again.dataDirectory()).isEqualTo(data);
            }
        } finally {
            server.destroyForcibly();
        }
    }

    @Test
    void aPortOutOfRangeIsASentenceAndExit1() {
        try (Console console = new Console(tmp.resolve("data"))) {
            assertThat(console.run("serve", "--port", "70000")).isEqualTo(1);
            assertThat(console.stderr()).contains("kanzen: the port must be between 0 and 65535, not 70000").doesNotContain("Exception");
        }
    }
}
