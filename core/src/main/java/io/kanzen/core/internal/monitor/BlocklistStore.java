package io.kanzen.core.internal.monitor;

import io.kanzen.core.internal.storage.Database;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

/** Rows of {@code blocklist}: releases never to grab again for a series. */
public final class BlocklistStore {
    private final Database db;

    public BlocklistStore(Database db) {
        this.db = db;
    }

    public void add(long seriesId, String linkKey, String releaseTitle, String reason, Instant now) {
        db.write(c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT OR IGNORE INTO blocklist (series_id, link_key, release_title, reason, created_at) "
                    + "VALUES (?, ?, ?, ?, ?)")) {
                s.setLong(1, seriesId);
                s.setString(2, linkKey);
                s.setString(3, releaseTitle);
                s.setString(4, reason);
                s.setString(5, now.toString());
                s.executeUpdate();
            }
            return null;
        });
    }

    public Set<String> keys(long seriesId) {
        return db.read(c -> {
            Set<String> out = new HashSet<>();
            try (PreparedStatement s = c.prepareStatement("SELECT link_key FROM blocklist WHERE series_id = ?")) {
                s.setLong(1, seriesId);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        out.add(r.getString(1));
                    }
                }
            }
            return out;
        });
    }

    /** Takes a release off a series' blocklist (a retry by hand). */
    public void remove(long seriesId, String linkKey) {
        db.write(c -> {
            try (PreparedStatement s = c.prepareStatement("DELETE FROM blocklist WHERE series_id = ? AND link_key = ?")) {
                s.setLong(1, seriesId);
                s.setString(2, linkKey);
                s.executeUpdate();
            }
            return null;
        });
    }
}
