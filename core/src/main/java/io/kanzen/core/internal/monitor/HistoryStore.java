package io.kanzen.core.internal.monitor;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kanzen.api.VolumeRange;
import io.kanzen.core.HistoryEvent;
import io.kanzen.core.internal.storage.Database;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rows of {@code history}, and the stream of what happens: listeners (the notifications) hear of each event once it
 * is stored.
 */
public final class HistoryStore {
    private static final Logger LOG = LoggerFactory.getLogger(HistoryStore.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Database db;
    private final List<Consumer<HistoryEvent>> listeners = new CopyOnWriteArrayList<>();

    public HistoryStore(Database db) {
        this.db = db;
    }

    /**
     * Hears of every event added from now on, in the thread that added it, right after it is stored. A listener must
     * return quickly; whatever it throws is logged and never reaches the one who added the event.
     */
    public void addListener(Consumer<HistoryEvent> listener) {
        listeners.add(listener);
    }

    /**
     * Stores an event and tells the listeners. {@code code} and {@code params} say what happened for a front end
     * ({@link io.kanzen.core.HistoryCodes}, or a failure's code); {@code message} says it in English for the CLI and logs.
     */
    public void add(HistoryEvent.Kind kind, boolean success, Long seriesId, String seriesTitle, String source, String client, String query,
            Integer results, VolumeRange volume, String code, Map<String, String> params, String message, Instant at) {
        add(kind, success, seriesId, seriesTitle, source, client, query, results, volume, code, params, message, at, null);
    }

    /** An event about one download: {@code grabId} ties it to the grab. */
    public void add(HistoryEvent.Kind kind, boolean success, Long seriesId, String seriesTitle, String source, String client, String query,
            Integer results, VolumeRange volume, String code, Map<String, String> params, String message, Instant at, Long grabId) {
        HistoryEvent stored = insert(kind, success, seriesId, seriesTitle, source, client, query, results, volume, code, params, message, at,
                grabId);
        for (Consumer<HistoryEvent> listener : listeners) {
            try {
                listener.accept(stored);
            } catch (RuntimeException e) {
                LOG.warn("a history listener failed on event {}: {}", stored.id(), e.toString());
            }
        }
    }

    /**
     * Stores an event without telling the listeners: for what the listeners themselves record (a notifier that
     * failed), so that a failure is never notified in a loop.
     */
    public void addUnheard(HistoryEvent.Kind kind, boolean success, Long seriesId, String seriesTitle, String source, String client,
            String query, Integer results, VolumeRange volume, String code, Map<String, String> params, String message, Instant at) {
        insert(kind, success, seriesId, seriesTitle, source, client, query, results, volume, code, params, message, at, null);
    }

    private HistoryEvent insert(HistoryEvent.Kind kind, boolean success, Long seriesId, String seriesTitle, String source, String client,
            String query, Integer results, VolumeRange volume, String code, Map<String, String> params, String message, Instant at, Long grabId) {
        if (code == null || code.isBlank()) {
            throw new IllegalArgumentException("a history event needs a code");
        }
        Map<String, String> given = params == null ? Map.of() : params;
        long id = db.write(c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO history (at, kind, success, series_id, series_title, source, client, query, "
                    + "results, volume_from, volume_to, message, grab_id, code, params) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                s.setString(1, at.toString());
                s.setString(2, kind.name());
                s.setInt(3, success ? 1 : 0);
                if (seriesId == null) {
                    s.setNull(4, Types.INTEGER);
                } else {
                    s.setLong(4, seriesId);
                }
                s.setString(5, seriesTitle);
                s.setString(6, source);
                s.setString(7, client);
                s.setString(8, query);
                if (results == null) {
                    s.setNull(9, Types.INTEGER);
                } else {
                    s.setInt(9, results);
                }
                if (volume == null) {
                    s.setNull(10, Types.REAL);
                    s.setNull(11, Types.REAL);
                } else {
                    s.setDouble(10, volume.from());
                    s.setDouble(11, volume.to());
                }
                s.setString(12, message);
                if (grabId == null) {
                    s.setNull(13, Types.INTEGER);
                } else {
                    s.setLong(13, grabId);
                }
                s.setString(14, code);
                s.setString(15, json(given));
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement("SELECT last_insert_rowid()"); ResultSet r = s.executeQuery()) {
                return r.next() ? r.getLong(1) : -1L;
            }
        });
        return new HistoryEvent(id, at, kind, success, seriesId, seriesTitle, source, client, query, results, volume, message, grabId, code, given);
    }

    private static String json(Map<String, String> params) {
        try {
            return JSON.writeValueAsString(params);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of texts is always JSON", e);
        }
    }

    /** The stored parameters; none when absent (an event from before codes) or unreadable (logged: the event still shows). */
    private static Map<String, String> params(String json) {
        if (json == null || json.isBlank()) {
            return Map.of();
        }
        try {
            return JSON.readValue(json, new TypeReference<Map<String, String>>() {});
        } catch (JsonProcessingException e) {
            LOG.warn("unreadable parameters of a history event ({}): {}", json, e.getOriginalMessage());
            return Map.of();
        }
    }

    /** Newest first; {@code success} null for all, true for successes only, false for errors only. */
    public List<HistoryEvent> list(Boolean success, int limit) {
        return db.read(c -> {
            List<HistoryEvent> out = new ArrayList<>();
            String where = success == null ? "" : " WHERE success = " + (success ? 1 : 0);
            try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM history" + where + " ORDER BY id DESC LIMIT ?")) {
                s.setInt(1, limit);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        out.add(event(r));
                    }
                }
            }
            return out;
        });
    }

    /** The columns {@link #event(ResultSet)} reads, in its order. */
    public static final String COLUMNS = "id, at, kind, success, series_id, series_title, source, client, query, results, volume_from, volume_to, "
            + "message, grab_id, code, params";

    /** The event of the current row of a query selecting {@link #COLUMNS}. */
    public static HistoryEvent event(ResultSet r) throws java.sql.SQLException {
        long series = r.getLong(5);
        Long seriesId = r.wasNull() ? null : series;
        int results = r.getInt(10);
        Integer count = r.wasNull() ? null : results;
        double from = r.getDouble(11);
        VolumeRange volume = r.wasNull() ? null : VolumeRange.of(from, r.getDouble(12));
        long grab = r.getLong(14);
        Long grabId = r.wasNull() ? null : grab;
        return new HistoryEvent(r.getLong(1), Instant.parse(r.getString(2)), HistoryEvent.Kind.valueOf(r.getString(3)), r.getInt(4) == 1, seriesId,
                r.getString(6), r.getString(7), r.getString(8), r.getString(9), count, volume, r.getString(13), grabId, r.getString(15),
                params(r.getString(16)));
    }

    public int count(HistoryEvent.Kind kind, boolean success) {
        return db.read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT count(*) FROM history WHERE kind = ? AND success = ?")) {
                s.setString(1, kind.name());
                s.setInt(2, success ? 1 : 0);
                try (ResultSet r = s.executeQuery()) {
                    return r.next() ? r.getInt(1) : 0;
                }
            }
        });
    }

    // ---- series branch: one series' history for its page

    /** One series' events, newest first. */
    public List<HistoryEvent> ofSeries(long seriesId, int limit) {
        return db.read(c -> {
            List<HistoryEvent> out = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM history WHERE series_id = ? ORDER BY id DESC LIMIT ?")) {
                s.setLong(1, seriesId);
                s.setInt(2, limit);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        out.add(event(r));
                    }
                }
            }
            return out;
        });
    }
}
