package io.kanzen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.kanzen.core.CheckReport;
import io.kanzen.core.Kanzen;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.CountDownLatch;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CLI in its own JVM beside a "server" (this JVM, owner of the data directory) that is checking: read commands
 * work, a real check says another process checks and exits 1.
 */
class CliBesideAnotherProcessTest {
    @TempDir
    Path tmp;
    @StartStop
    final MockWebServer prowlarr = new MockWebServer();

    @Test
    void read_commands_work_beside_the_server_and_a_check_while_it_checks_says_so_and_exits_1() throws Exception {
        Path data = tmp.resolve("data");
        Path series = Files.createDirectories(tmp.resolve("manga/One Piece"));
        Files.write(series.resolve("One Piece T01.cbz"), new byte[] {1});
        Files.write(series.resolve("One Piece T03.cbz"), new byte[] {1});
        try (Kanzen server = Kanzen.builder().dataDirectory(data).owner(true).build()) {
            server.addLibrary("Manga", tmp.resolve("manga"));
            server.scan(null);
            server.saveSource("prowlarr", "prowlarr", Map.of("url", prowlarr.url("/").toString(), "apiKey", "k"));
            // a Prowlarr that answers only when told keeps the server's real check (and its check lock) busy while the CLI runs
            CountDownLatch answer = new CountDownLatch(1);
            prowlarr.setDispatcher(new Dispatcher() {
                @Override
                public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                    answer.await(90, TimeUnit.SECONDS);
                    return new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json").body("[]").build();
                }
            });
            CompletableFuture<CheckReport> running = server.checkNow();

            Result series1 = cli(data, "series");
            Result check = cli(data, "check");

            assertThat(series1.exit()).isZero();
            assertThat(series1.out()).contains("One Piece");
            assertThat(check.exit()).isEqualTo(1);
            assertThat(check.err()).contains("kanzen: a check is already running in process " + ProcessHandle.current().pid())
                    .doesNotContain("Exception");
            assertThat(cli(data, "check", "--dry-run").exit()).isZero(); // a dry run sends nothing: it may run beside

            answer.countDown();
            running.get(60, TimeUnit.SECONDS);
        }
        Result last = cli(data, "check", "--last");
        assertThat(last.exit()).isZero();
        assertThat(last.out()).contains("last check").contains("1 series checked");
    }

    private record Result(int exit, String out, String err) {}

    private Result cli(Path data, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), Main.class.getName(), "--data-dir", data.toString(), "--plugins-dir",
                tmp.resolve("plugins").toString()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile(tmp, "cli", ".out");
        Path err = Files.createTempFile(tmp, "cli", ".err");
        Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }
}
