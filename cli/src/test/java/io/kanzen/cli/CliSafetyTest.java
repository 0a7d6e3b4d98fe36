package io.kanzen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.kanzen.core.Kanzen;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI facing a lost key, hostile names, and account chores. */
class CliSafetyTest {
    @TempDir
    Path tmp;
    private final InputStream oldIn = System.in;

    @AfterEach
    void restoreIn() {
        System.setIn(oldIn);
    }

    private static void stdin(String text) {
        System.setIn(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    private Path dataWithSealedSecrets() {
        Path data = tmp.resolve("data");
        try (Kanzen kanzen = Kanzen.builder().dataDirectory(data).build()) {
            kanzen.accounts().setUp("admin", "kanzen-admin-pw");
            kanzen.pluginContext("ebdz").secrets().put("cookie", "abc");
        }
        return data;
    }

    @Test
    void withTheKeyDeletedEveryCommandRefusesNamingTheFileUntilSecretsAreResetAfterConfirmation() throws Exception {
        Path data = dataWithSealedSecrets();
        Files.delete(data.resolve("encryption_key"));
        try (Console c = new Console(data)) {
            assertThat(c.run("library", "list")).isEqualTo(1);
            assertThat(c.stderr()).contains("encryption_key").contains("is missing").contains("kanzen secrets reset");

            stdin("no\n");
            assertThat(c.run("secrets", "reset")).isEqualTo(1);
            assertThat(c.stderr()).contains("nothing cleared");
            assertThat(c.run("library", "list")).isEqualTo(1); // still refused: nothing was cleared

            stdin("reset\n");
            assertThat(c.run("secrets", "reset")).isZero();
            assertThat(c.stdout()).contains("enter again").contains("API key").contains("ebdz");
            assertThat(c.run("library", "list")).isZero();
            assertThat(c.run("secrets", "reset", "--yes")).isZero();
            assertThat(c.stdout()).contains("nothing to enter again");
        }
    }

    @Test
    void controlCharactersFromFileNamesArePrintedEscaped() throws Exception {
        Path series = Files.createDirectories(tmp.resolve("manga/Evil\u001b[2J\u001b]0;owned\u0007 Title"));
        Files.write(series.resolve("Evil T01.cbz"), new byte[] {1});
        Files.write(series.resolve("Evil T03.cbz"), new byte[] {1});
        try (Console c = new Console(tmp.resolve("data"))) {
            assertThat(c.run("library", "add", "Manga", tmp.resolve("manga").toString())).isZero();
            assertThat(c.run("scan")).isZero();
            assertThat(c.run("missing")).isZero();
            assertThat(c.stdout()).doesNotContain("\u001b").doesNotContain("\u0007").contains("\\x1b[2J");
        }
    }

    @Test
    void thePasswordChangesFromStandardInputAndTheApiKeyRotates() throws Exception {
        Path data = dataWithSealedSecrets();
        try (Console c = new Console(data)) {
            assertThat(c.run("account", "api-key")).isZero();
            String key = c.stdout().strip();
            assertThat(c.run("account", "api-key", "--rotate")).isZero();
            assertThat(c.stdout().strip()).hasSize(48).isNotEqualTo(key);

            stdin("wrong-password\nnew-password-1\n");
            assertThat(c.run("account", "password")).isEqualTo(1);
            assertThat(c.stderr()).contains("current password is wrong");
            stdin("kanzen-admin-pw\nnew-password-1\n");
            assertThat(c.run("account", "password")).isZero();
        }
        try (Kanzen kanzen = Kanzen.builder().dataDirectory(data).build()) {
            assertThat(kanzen.accounts().verify("admin", "new-password-1")).isTrue();
        }
    }
}
