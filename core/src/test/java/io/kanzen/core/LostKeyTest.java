package io.kanzen.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A deleted or swapped {@code data/encryption_key}: no silent new key, a clear way out, nothing else lost. */
class LostKeyTest {
    @TempDir
    Path tmp;

    private Path data() {
        return tmp.resolve("data");
    }

    private String sealSomeSecrets() {
        try (Kanzen kanzen = Kanzen.builder().dataDirectory(data()).build()) {
            kanzen.accounts().setUp("admin", "kanzen-admin-pw");
            kanzen.pluginContext("ebdz").secrets().put("cookie", "session-123");
            return kanzen.accounts().apiKey();
        }
    }

    @Test
    void aDeletedKeyWithSealedSecretsStopsTheStartAndNamesTheFileAndTheWayOut() throws Exception {
        sealSomeSecrets();
        Path key = data().resolve("encryption_key");
        Files.delete(key);

        assertThatThrownBy(() -> Kanzen.builder().dataDirectory(data()).build()).isInstanceOf(KanzenException.class)
                .hasMessageContaining(key.toString()).hasMessageContaining("is missing").hasMessageContaining("Restore the file")
                .hasMessageContaining("kanzen secrets reset").hasMessageContaining("the API key");
        assertThat(key).doesNotExist(); // no new key made behind the user's back
    }

    @Test
    void anotherKeyInPlaceIsRefusedToo() throws Exception {
        sealSomeSecrets();
        Path key = data().resolve("encryption_key");
        Files.writeString(key, Base64.getEncoder().encodeToString(new byte[32]) + "\n");

        assertThatThrownBy(() -> Kanzen.builder().dataDirectory(data()).build()).isInstanceOf(KanzenException.class)
                .hasMessageContaining("is not the one that sealed").hasMessageContaining("kanzen secrets reset");
    }

    @Test
    void aResetClearsTheSealedValuesListsThemAndKeepsTheRest() throws Exception {
        String oldApiKey = sealSomeSecrets();
        Files.delete(data().resolve("encryption_key"));

        List<String> reenter = Kanzen.resetSecrets(data());

        assertThat(reenter).anySatisfy(w -> assertThat(w).contains("API key")).anySatisfy(w -> assertThat(w).contains("ebdz"));
        try (Kanzen kanzen = Kanzen.builder().dataDirectory(data()).build()) {
            assertThat(kanzen.accounts().verify("admin", "kanzen-admin-pw")).isTrue(); // a password hash is not sealed: kept
            assertThat(kanzen.accounts().apiKey()).isNotEqualTo(oldApiKey);
            assertThat(kanzen.pluginContext("ebdz").secrets().get("cookie")).isEmpty();
        }
        assertThat(Kanzen.resetSecrets(data())).containsExactly("the API key (a new one is made)"); // only the one made since
    }

    @Test
    void withNothingSealedAMissingKeyIsSimplyMadeAgain() throws Exception {
        try (Kanzen kanzen = Kanzen.builder().dataDirectory(data()).build()) {
            assertThat(kanzen.libraries()).isEmpty();
        }
        Files.delete(data().resolve("encryption_key"));
        try (Kanzen kanzen = Kanzen.builder().dataDirectory(data()).build()) {
            assertThat(data().resolve("encryption_key")).exists();
        }
    }
}
