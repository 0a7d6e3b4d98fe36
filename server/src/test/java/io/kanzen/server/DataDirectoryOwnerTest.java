package io.kanzen.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kanzen.core.Kanzen;
import io.kanzen.core.KanzenException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One server per data directory: a second one, in another JVM or this one, stops with a sentence. */
class DataDirectoryOwnerTest {
    @TempDir
    Path tmp;

    @Test
    void a_second_server_on_the_same_data_directory_exits_1_with_a_clear_message_and_no_stack_trace() throws Exception {
        Path data = tmp.resolve("data");
        try (Kanzen first = Kanzen.builder().dataDirectory(data).owner(true).build()) {
            Process second = serverProcess(data);
            assertThat(second.waitFor(60, TimeUnit.SECONDS)).isTrue();
            String stderr = Files.readString(tmp.resolve("second.err"), StandardCharsets.UTF_8);

            assertThat(second.exitValue()).isEqualTo(1);
            assertThat(stderr).contains("kanzen: the data directory").contains("is already in use by another Kanzen server")
                    .contains("process " + ProcessHandle.current().pid()).doesNotContain("Exception").doesNotContain("\tat ");
        }
    }

    @Test
    void the_owner_lock_is_freed_when_the_owner_closes_and_never_blocks_readers() {
        Path data = tmp.resolve("data");
        try (Kanzen owner = Kanzen.builder().dataDirectory(data).owner(true).build();
                Kanzen reader = Kanzen.builder().dataDirectory(data).build()) { // the CLI's read commands
            assertThat(reader.libraries()).isEmpty();
            assertThatThrownBy(() -> Kanzen.builder().dataDirectory(data).owner(true).build()).isInstanceOf(KanzenException.class)
                    .hasMessageContaining("already in use");
        }
        try (Kanzen again = Kanzen.builder().dataDirectory(data).owner(true).build()) {
            assertThat(again.dataDirectory()).isEqualTo(data.toAbsolutePath());
        }
    }

    private Process serverProcess(Path data) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), Main.class.getName()));
        pb.environment().put("KANZEN_DATA", data.toString());
        pb.environment().put("KANZEN_PLUGINS", tmp.resolve("plugins").toString());
        pb.environment().put("KANZEN_PORT", "0");
        pb.environment().put("KANZEN_HOST", "127.0.0.1");
        pb.redirectError(tmp.resolve("second.err").toFile()).redirectOutput(tmp.resolve("second.out").toFile());
        return pb.start();
    }
}
