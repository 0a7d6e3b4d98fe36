package io.kanzen.core.internal.instances;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kanzen.api.ConfigProperty;
import io.kanzen.core.KanzenException;
import io.kanzen.core.PluginCall;
import io.kanzen.core.internal.secrets.SecretCipher;
import io.kanzen.core.internal.storage.Database;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Rows of {@code download_client}, {@code source_instance}, {@code scorer_instance} or {@code notifier_instance}: settings as JSON, secret values sealed with the data
 * directory's key.
 */
public final class InstanceStore {
    /**
     * One stored client, secrets already opened: for making the client, never for showing.
     *
     * @param deadlines the host's deadlines for this instance's calls, where they differ from the defaults
     */
    public record Row(String name, String kind, Map<String, String> settings, Map<PluginCall, Duration> deadlines) {
        public Row {
            deadlines = deadlines == null ? Map.of() : Map.copyOf(deadlines);
        }

        public Duration deadline(PluginCall call) {
            return deadlines.getOrDefault(call, call.defaultDeadline());
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private final Database db;
    private final SecretCipher cipher;
    private final String table;
    private volatile Boolean keepsDeadlines;

    private InstanceStore(Database db, SecretCipher cipher, String table) {
        this.db = db;
        this.cipher = cipher;
        this.table = table;
    }

    public static InstanceStore downloadClients(Database db, SecretCipher cipher) {
        return new InstanceStore(db, cipher, "download_client");
    }

    public static InstanceStore sources(Database db, SecretCipher cipher) {
        return new InstanceStore(db, cipher, "source_instance");
    }

    public static InstanceStore scorers(Database db, SecretCipher cipher) {
        return new InstanceStore(db, cipher, "scorer_instance");
    }

    public static InstanceStore notifiers(Database db, SecretCipher cipher) {
        return new InstanceStore(db, cipher, "notifier_instance");
    }

    /** Inserts or replaces; the settings are already validated. */
    public void save(String name, String kind, Map<String, String> settings, List<ConfigProperty> properties, Instant now) {
        Map<String, String> stored = new TreeMap<>();
        settings.forEach((k, v) -> stored.put(k, isSecret(k, properties) ? cipher.seal(v) : v));
        String json;
        try {
            json = JSON.writeValueAsString(stored);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        db.write(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "INSERT INTO " + table + " (name, kind, settings, created_at) VALUES (?, ?, ?, ?) "
                            + "ON CONFLICT (name) DO UPDATE SET kind = excluded.kind, settings = excluded.settings")) {
                s.setString(1, name);
                s.setString(2, kind);
                s.setString(3, json);
                s.setString(4, now.toString());
                s.executeUpdate();
            }
            return null;
        });
    }

    /** Sets the host's deadlines of one instance (the settings are kept); false when there is no such instance. */
    public boolean saveDeadlines(String name, Map<PluginCall, Duration> deadlines) {
        if (!keepsDeadlines()) {
            throw new KanzenException("deadlines are not kept for these plugins");
        }
        Map<String, String> stored = new TreeMap<>();
        deadlines.forEach((k, v) -> stored.put(k.key(), v.toString()));
        String json;
        try {
            json = JSON.writeValueAsString(stored);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return db.write(c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE " + table + " SET deadlines = ? WHERE name = ?")) {
                s.setString(1, json);
                s.setString(2, name);
                return s.executeUpdate() > 0;
            }
        });
    }

    public boolean remove(String name) {
        return db.write(c -> {
            try (PreparedStatement s = c.prepareStatement("DELETE FROM " + table + " WHERE name = ?")) {
                s.setString(1, name);
                return s.executeUpdate() > 0;
            }
        });
    }

    public List<Row> all() {
        // a role whose table has no deadlines column (added after V9) is called under the defaults; asked before the
        // read below, never inside it (a reader connection inside another could wait for itself)
        String deadlinesColumn = keepsDeadlines() ? "deadlines" : "NULL";
        return db.read(c -> {
            List<Row> out = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT name, kind, settings, " + deadlinesColumn + " FROM "
                    + table + " ORDER BY name");
                    ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.add(new Row(r.getString(1), r.getString(2), open(r.getString(1), r.getString(3)), deadlines(r.getString(4))));
                }
            }
            return out;
        });
    }

    public Optional<Row> byName(String name) {
        return all().stream().filter(r -> r.name().equalsIgnoreCase(name)).findFirst();
    }

    private Map<String, String> open(String name, String json) {
        Map<String, String> raw;
        try {
            raw = JSON.readValue(json, new TypeReference<LinkedHashMap<String, String>>() {});
        } catch (JsonProcessingException e) {
            throw new KanzenException("secrets.damaged", KanzenException.pairs("name", name), "the stored settings of '" + name + "' are damaged; set it up again", e);
        }
        Map<String, String> out = new LinkedHashMap<>();
        raw.forEach((k, v) -> out.put(k, SecretCipher.isSealed(v) ? cipher.open(v) : v));
        return out;
    }

    /** Whether this role's table has the {@code deadlines} column (V9 added it to the tables that existed then). */
    private boolean keepsDeadlines() {
        Boolean known = keepsDeadlines;
        if (known == null) {
            known = db.read(c -> {
                try (PreparedStatement s = c.prepareStatement("SELECT count(*) FROM pragma_table_info(?) WHERE name = 'deadlines'")) {
                    s.setString(1, table);
                    try (ResultSet r = s.executeQuery()) {
                        return r.next() && r.getInt(1) > 0;
                    }
                }
            });
            keepsDeadlines = known;
        }
        return known;
    }

    private static Map<PluginCall, Duration> deadlines(String json) {
        Map<PluginCall, Duration> out = new java.util.EnumMap<>(PluginCall.class);
        if (json == null || json.isBlank()) {
            return out;
        }
        try {
            Map<String, String> raw = JSON.readValue(json, new TypeReference<LinkedHashMap<String, String>>() {});
            raw.forEach((k, v) -> out.put(PluginCall.of(k), Duration.parse(v)));
        } catch (JsonProcessingException | RuntimeException e) {
            return Map.of(); // damaged: the defaults are safe, and saving deadlines again repairs it
        }
        return out;
    }

    private static boolean isSecret(String key, List<ConfigProperty> properties) {
        return properties.stream().anyMatch(p -> p.key().equals(key) && p.secret());
    }

}
