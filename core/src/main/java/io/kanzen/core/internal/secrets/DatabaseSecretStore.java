package io.kanzen.core.internal.secrets;

import io.kanzen.api.SecretStore;
import io.kanzen.core.internal.storage.Database;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Objects;
import java.util.Optional;

/** A plugin's {@link SecretStore}: rows of {@code plugin_secret} under the plugin's scope, sealed by the cipher. */
public final class DatabaseSecretStore implements SecretStore {
    private final Database database;
    private final SecretCipher cipher;
    private final String scope;

    public DatabaseSecretStore(Database database, SecretCipher cipher, String scope) {
        this.database = Objects.requireNonNull(database);
        this.cipher = Objects.requireNonNull(cipher);
        if (scope == null || scope.isBlank()) {
            throw new IllegalArgumentException("a secret store needs a scope");
        }
        this.scope = scope;
    }

    @Override
    public Optional<String> get(String key) {
        String sealed = database.read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT value FROM plugin_secret WHERE scope = ? AND name = ?")) {
                s.setString(1, scope);
                s.setString(2, key);
                try (ResultSet r = s.executeQuery()) {
                    return r.next() ? r.getString(1) : null;
                }
            }
        });
        return Optional.ofNullable(sealed).map(cipher::open);
    }

    @Override
    public void put(String key, String value) {
        Objects.requireNonNull(key, "key");
        String sealed = cipher.seal(Objects.requireNonNull(value, "value"));
        database.write(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "INSERT INTO plugin_secret (scope, name, value) VALUES (?, ?, ?) "
                            + "ON CONFLICT (scope, name) DO UPDATE SET value = excluded.value")) {
                s.setString(1, scope);
                s.setString(2, key);
                s.setString(3, sealed);
                return s.executeUpdate();
            }
        });
    }

    @Override
    public void remove(String key) {
        database.write(c -> {
            try (PreparedStatement s = c.prepareStatement("DELETE FROM plugin_secret WHERE scope = ? AND name = ?")) {
                s.setString(1, scope);
                s.setString(2, key);
                return s.executeUpdate();
            }
        });
    }
}
