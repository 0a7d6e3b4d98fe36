package io.kanzen.core.internal.monitor;

import io.kanzen.api.PluginException;
import io.kanzen.core.internal.storage.Database;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Escalating waits for a source that fails: 1, 5, 15, 30 minutes, then 1, 3, 6, 12, 24 hours, or longer when the
 * peer asked for it ({@code Retry-After}). Kept in {@code source_backoff}, so a restart does not hammer a source
 * that is down; a success clears it.
 */
public final class Backoff {
    static final List<Duration> STEPS = List.of(Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(15), Duration.ofMinutes(30),
            Duration.ofHours(1), Duration.ofHours(3), Duration.ofHours(6), Duration.ofHours(12), Duration.ofHours(24));

    /** When a source may be asked again, and why it waits. */
    public record Wait(Instant until, int failures, String lastError) {}

    private final Database db;

    public Backoff(Database db) {
        this.db = db;
    }

    /** The wait in force for a source at {@code now}, if any. */
    public Optional<Wait> waiting(String source, Instant now) {
        return current(source).filter(w -> w.until().isAfter(now));
    }

    public void failed(String source, PluginException e, Instant now) {
        int failures = current(source).map(Wait::failures).orElse(0) + 1;
        Duration step = STEPS.get(Math.min(failures, STEPS.size()) - 1);
        Duration wait = e.retryAfter().filter(r -> r.compareTo(step) > 0).orElse(step);
        db.write(c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT OR REPLACE INTO source_backoff (source, failures, retry_at, last_error) VALUES (?, ?, ?, ?)")) {
                s.setString(1, source);
                s.setInt(2, failures);
                s.setString(3, now.plus(wait).toString());
                s.setString(4, e.getMessage());
                s.executeUpdate();
            }
            return null;
        });
    }

    public void succeeded(String source) {
        if (current(source).isEmpty()) {
            return; // nothing to clear: a check's searches, which mostly succeed, queue for no write
        }
        db.write(c -> {
            try (PreparedStatement s = c.prepareStatement("DELETE FROM source_backoff WHERE source = ?")) {
                s.setString(1, source);
                s.executeUpdate();
            }
            return null;
        });
    }

    /** Every source waiting at {@code now}, by name. */
    public java.util.Map<String, Wait> waits(Instant now) {
        return db.read(c -> {
            java.util.Map<String, Wait> out = new java.util.TreeMap<>();
            try (PreparedStatement s = c.prepareStatement("SELECT source, retry_at, failures, last_error FROM source_backoff");
                    ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    Wait w = new Wait(Instant.parse(r.getString(2)), r.getInt(3), r.getString(4));
                    if (w.until().isAfter(now)) {
                        out.put(r.getString(1), w);
                    }
                }
            }
            return out;
        });
    }

    private Optional<Wait> current(String source) {
        return db.read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT retry_at, failures, last_error FROM source_backoff WHERE source = ?")) {
                s.setString(1, source);
                try (ResultSet r = s.executeQuery()) {
                    return r.next() ? Optional.of(new Wait(Instant.parse(r.getString(1)), r.getInt(2), r.getString(3))) : Optional.<Wait>empty();
                }
            }
        });
    }
}
