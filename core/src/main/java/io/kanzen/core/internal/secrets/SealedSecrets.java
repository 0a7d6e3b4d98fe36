package io.kanzen.core.internal.secrets;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kanzen.core.KanzenException;
import io.kanzen.core.internal.storage.Database;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Every value in the database sealed with the data directory's key, and the two things to do about a lost key:
 * refuse to start (so nothing is silently replaced: the API key, the peers' passwords) or, when the user says
 * so, clear them all and say what to enter again.
 */
public final class SealedSecrets {
    /** One sealed value: what a user calls it, and the id of the key that sealed it. */
    public record Sealed(String what, String keyId) {}

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> INSTANCE_TABLES = List.of("source_instance", "download_client");

    private SealedSecrets() {}

    /** The sealed values stored in {@code db}. */
    public static List<Sealed> inventory(Database db) {
        return db.read(SealedSecrets::inventory);
    }

    private static List<Sealed> inventory(Connection c) throws SQLException {
        List<Sealed> out = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT sealed FROM api_key"); ResultSet r = s.executeQuery()) {
            while (r.next()) {
                out.add(new Sealed("the API key (a new one is made)", keyIdOf(r.getString(1))));
            }
        }
        try (PreparedStatement s = c.prepareStatement("SELECT scope, name, value FROM plugin_secret ORDER BY scope, name");
                ResultSet r = s.executeQuery()) {
            while (r.next()) {
                if (SecretCipher.isSealed(r.getString(3))) {
                    out.add(new Sealed("what plugin " + r.getString(1) + " kept (" + r.getString(2) + "; it makes it again)", keyIdOf(r.getString(3))));
                }
            }
        }
        for (String table : INSTANCE_TABLES) {
            String role = table.equals("source_instance") ? "source" : "download client";
            try (PreparedStatement s = c.prepareStatement("SELECT name, settings FROM " + table + " ORDER BY name"); ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    settings(r.getString(1), r.getString(2)).forEach((k, v) -> {
                        if (SecretCipher.isSealed(v)) {
                            out.add(new Sealed("the " + k + " of " + role + " '" + r0(r) + "'", keyIdOf(v)));
                        }
                    });
                }
            }
        }
        return out;
    }

    /**
     * Refuses to go on when sealed values exist and the key file is missing or is another key than theirs: a new
     * key would make them unreadable for good. The message names the file and both ways out.
     */
    public static void checkKey(Database db, Path keyFile, String keyIdOrNull) {
        List<Sealed> sealed = inventory(db);
        if (sealed.isEmpty()) {
            return;
        }
        Set<String> ids = new LinkedHashSet<>();
        sealed.forEach(s -> ids.add(s.keyId()));
        if (keyIdOrNull != null && ids.equals(Set.of(keyIdOrNull))) {
            return;
        }
        String problem = keyIdOrNull == null
                ? "the encryption key " + keyFile + " is missing"
                : "the encryption key " + keyFile + " (id " + keyIdOrNull + ") is not the one that sealed the stored secrets (id "
                        + String.join(", ", ids) + ")";
        throw new KanzenException(problem + ", and " + sealed.size() + " secret(s) in the database need it. Restore the file from a backup"
                + " (same data directory), or run 'kanzen secrets reset' to clear them and enter again: "
                + String.join("; ", sealed.stream().map(Sealed::what).distinct().toList()) + ".");
    }

    /**
     * Clears every sealed value: the API key row, plugin secrets, and secret settings of sources and clients (the
     * rest of their settings stays). A key file that cannot be read is moved aside so that a new one is made.
     *
     * @return what the user must enter again
     */
    public static List<String> reset(Database db, Path keyFile) {
        List<String> cleared = db.write(c -> {
            List<String> what = inventory(c).stream().map(Sealed::what).distinct().toList();
            try (PreparedStatement s = c.prepareStatement("DELETE FROM api_key")) {
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement("DELETE FROM plugin_secret")) {
                s.executeUpdate();
            }
            for (String table : INSTANCE_TABLES) {
                Map<String, String> rewritten = new LinkedHashMap<>();
                try (PreparedStatement s = c.prepareStatement("SELECT name, settings FROM " + table); ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        Map<String, String> kept = new TreeMap<>(settings(r.getString(1), r.getString(2)));
                        if (kept.values().removeIf(SecretCipher::isSealed)) {
                            rewritten.put(r.getString(1), json(kept));
                        }
                    }
                }
                for (var e : rewritten.entrySet()) {
                    try (PreparedStatement s = c.prepareStatement("UPDATE " + table + " SET settings = ? WHERE name = ?")) {
                        s.setString(1, e.getValue());
                        s.setString(2, e.getKey());
                        s.executeUpdate();
                    }
                }
            }
            return what;
        });
        if (Files.exists(keyFile)) {
            try {
                SecretCipher.loadOrCreate(keyFile.getParent());
            } catch (KanzenException unreadable) {
                try {
                    Files.move(keyFile, keyFile.resolveSibling(keyFile.getFileName() + ".unreadable-" + System.currentTimeMillis()));
                } catch (java.io.IOException e) {
                    throw new KanzenException("cannot move the unreadable key " + keyFile + " aside: " + e.getMessage(), e);
                }
            }
        }
        return new ArrayList<>(cleared);
    }

    private static String r0(ResultSet r) {
        try {
            return r.getString(1);
        } catch (SQLException e) {
            return "?";
        }
    }

    private static Map<String, String> settings(String name, String json) {
        try {
            return JSON.readValue(json, new TypeReference<LinkedHashMap<String, String>>() {});
        } catch (JsonProcessingException e) {
            throw new KanzenException("secrets.damaged", KanzenException.pairs("name", name), "the stored settings of '" + name + "' are damaged; set it up again", e);
        }
    }

    private static String json(Map<String, String> settings) {
        try {
            return JSON.writeValueAsString(settings);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String keyIdOf(String sealed) {
        if (!SecretCipher.isSealed(sealed)) {
            return "?";
        }
        String rest = sealed.substring("enc:v1:".length());
        int colon = rest.indexOf(':');
        return colon < 0 ? "?" : rest.substring(0, colon);
    }
}
