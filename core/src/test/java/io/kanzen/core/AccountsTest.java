package io.kanzen.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AccountsTest {
    @TempDir
    Path tmp;

    @Test
    void the_administrator_is_made_once_and_only_the_right_password_opens() throws Exception {
        try (Kanzen kanzen = Kanzen.builder().dataDirectory(tmp).build()) {
            Accounts a = kanzen.accounts();
            assertThat(a.isSetUp()).isFalse();
            a.setUp("admin", "correct horse battery");
            assertThat(a.verify("admin", "correct horse battery")).isTrue();
            assertThat(a.verify("admin", "wrong password")).isFalse();
            assertThat(a.verify("nobody", "correct horse battery")).isFalse();
            assertThatThrownBy(() -> a.setUp("other", "another password")).hasMessageContaining("already exists");
            String raw = new String(Files.readAllBytes(kanzen.databaseFile()), StandardCharsets.ISO_8859_1)
                    + (Files.exists(Path.of(kanzen.databaseFile() + "-wal")) ? new String(Files.readAllBytes(Path.of(kanzen.databaseFile() + "-wal")),
                            StandardCharsets.ISO_8859_1) : "");
            assertThat(raw).doesNotContain("correct horse battery").doesNotContain(a.apiKey());
        }
    }

    @Test
    void a_short_password_is_refused_and_the_api_key_stays_the_same_across_restarts() {
        String key;
        try (Kanzen kanzen = Kanzen.builder().dataDirectory(tmp).build()) {
            assertThatThrownBy(() -> kanzen.accounts().setUp("admin", "short")).hasMessageContaining("at least 8");
            kanzen.accounts().setUp("admin", "long enough password");
            key = kanzen.accounts().apiKey();
            assertThat(kanzen.accounts().isApiKey(key)).isTrue();
            assertThat(kanzen.accounts().isApiKey(key + "x")).isFalse();
        }
        try (Kanzen again = Kanzen.builder().dataDirectory(tmp).build()) {
            assertThat(again.accounts().apiKey()).isEqualTo(key);
        }
    }

    @Test
    void a_stored_hash_is_pbkdf2_with_its_rounds_and_salt() {
        String h = Accounts.hash("some password");
        assertThat(h).startsWith("pbkdf2-sha256$210000$");
        assertThat(Accounts.matches("some password", h)).isTrue();
        assertThat(Accounts.hash("some password")).isNotEqualTo(h); // salted
    }
}
