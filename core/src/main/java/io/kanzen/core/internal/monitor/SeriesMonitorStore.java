package io.kanzen.core.internal.monitor;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kanzen.core.SeriesSettings;
import io.kanzen.core.internal.storage.Database;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.Map;

/** Rows of {@code series_monitor}: per-series settings as JSON. A series without a row is monitored with the defaults. */
public final class SeriesMonitorStore {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Database db;

    public SeriesMonitorStore(Database db) {
        this.db = db;
    }

    public Map<Long, SeriesSettings> all() {
        return db.read(c -> {
            Map<Long, SeriesSettings> out = new HashMap<>();
            try (PreparedStatement s = c.prepareStatement("SELECT series_id, enabled, settings FROM series_monitor");
                    ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    SeriesSettings settings;
                    try {
                        settings = JSON.readValue(r.getString(3), SeriesSettings.class);
                    } catch (JsonProcessingException | IllegalArgumentException e) {
                        settings = SeriesSettings.DEFAULTS; // a damaged row falls back to the defaults rather than stopping checks
                    }
                    out.put(r.getLong(1), settings.withEnabled(r.getInt(2) == 1));
                }
            }
            return out;
        });
    }

    public SeriesSettings get(long seriesId) {
        return all().getOrDefault(seriesId, SeriesSettings.DEFAULTS);
    }

    public void put(long seriesId, SeriesSettings settings) {
        String json;
        try {
            json = JSON.writeValueAsString(settings);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        db.write(c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT OR REPLACE INTO series_monitor (series_id, enabled, settings) VALUES (?, ?, ?)")) {
                s.setLong(1, seriesId);
                s.setInt(2, settings.enabled() ? 1 : 0);
                s.setString(3, json);
                s.executeUpdate();
            }
            return null;
        });
    }

    /** Several series' settings in one transaction: all are written or none. */
    public void putAll(Map<Long, SeriesSettings> bySeries) {
        Map<Long, String> json = new HashMap<>();
        for (Map.Entry<Long, SeriesSettings> e : bySeries.entrySet()) {
            try {
                json.put(e.getKey(), JSON.writeValueAsString(e.getValue()));
            } catch (JsonProcessingException x) {
                throw new IllegalStateException(x);
            }
        }
        db.write(c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT OR REPLACE INTO series_monitor (series_id, enabled, settings) VALUES (?, ?, ?)")) {
                for (Map.Entry<Long, SeriesSettings> e : bySeries.entrySet()) {
                    s.setLong(1, e.getKey());
                    s.setInt(2, e.getValue().enabled() ? 1 : 0);
                    s.setString(3, json.get(e.getKey()));
                    s.addBatch();
                }
                s.executeBatch();
            }
            return null;
        });
    }
}
