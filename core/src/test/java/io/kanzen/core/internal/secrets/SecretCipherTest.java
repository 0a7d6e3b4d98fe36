package io.kanzen.core.internal.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kanzen.core.KanzenException;
import io.kanzen.core.internal.storage.Database;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretCipherTest {
    @TempDir
    Path data;

    @Test
    void a_sealed_secret_opens_to_the_same_text_and_does_not_contain_it() {
        SecretCipher cipher = SecretCipher.loadOrCreate(data);

        String sealed = cipher.seal("mot de passe é 🔑");

        assertThat(sealed).startsWith("enc:v1:").doesNotContain("mot de passe");
        assertThat(cipher.open(sealed)).isEqualTo("mot de passe é 🔑");
        assertThat(cipher.seal("same")).isNotEqualTo(cipher.seal("same")); // a fresh IV each time
    }

    @Test
    void the_key_file_is_created_readable_by_its_owner_only_and_reused() throws Exception {
        SecretCipher first = SecretCipher.loadOrCreate(data);
        Path key = data.resolve("encryption_key");

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key))).isEqualTo("rw-------");
        assertThat(SecretCipher.loadOrCreate(data).open(first.seal("x"))).isEqualTo("x");
    }

    @Test
    void a_secret_sealed_with_another_key_gives_a_clear_error_not_garbage(@TempDir Path other) {
        String sealed = SecretCipher.loadOrCreate(other).seal("hunter2");

        assertThatThrownBy(() -> SecretCipher.loadOrCreate(data).open(sealed))
                .isInstanceOf(KanzenException.class)
                .hasMessageContaining("encrypted with another key")
                .hasMessageContaining("restore the original key file");
    }

    @Test
    void a_tampered_secret_is_refused() {
        SecretCipher cipher = SecretCipher.loadOrCreate(data);
        String sealed = cipher.seal("hunter2");
        char last = sealed.charAt(sealed.length() - 3);
        String tampered = sealed.substring(0, sealed.length() - 3) + (last == 'A' ? 'B' : 'A') + sealed.substring(sealed.length() - 2);

        assertThatThrownBy(() -> cipher.open(tampered)).isInstanceOf(KanzenException.class).hasMessageContaining("does not match the key");
    }

    @Test
    void a_damaged_key_file_is_named_in_the_error() throws Exception {
        Files.writeString(data.resolve("encryption_key"), "c2hvcnQ=\n");

        assertThatThrownBy(() -> SecretCipher.loadOrCreate(data))
                .isInstanceOf(KanzenException.class)
                .hasMessageContaining("encryption_key is damaged");
    }

    @Test
    void plugin_secrets_are_stored_encrypted_and_scoped_per_plugin() throws Exception {
        try (Database db = Database.open(data)) {
            SecretCipher cipher = SecretCipher.loadOrCreate(data);
            DatabaseSecretStore ebdz = new DatabaseSecretStore(db, cipher, "ebdz");
            DatabaseSecretStore prowlarr = new DatabaseSecretStore(db, cipher, "prowlarr");

            ebdz.put("session", "mybbuser=1_very-secret-cookie");

            assertThat(ebdz.get("session")).contains("mybbuser=1_very-secret-cookie");
            assertThat(prowlarr.get("session")).isEmpty();
            ebdz.remove("session");
            assertThat(ebdz.get("session")).isEmpty();
            ebdz.put("session", "again-very-secret-cookie");
        }
        byte[] everything = concat(data.resolve("manga_library.db"), data.resolve("manga_library.db-wal"));
        assertThat(new String(everything, StandardCharsets.ISO_8859_1)).doesNotContain("very-secret-cookie");
    }

    private static byte[] concat(Path... files) throws Exception {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (Path f : files) {
            if (Files.exists(f)) {
                out.write(Files.readAllBytes(f));
            }
        }
        return out.toByteArray();
    }
}
