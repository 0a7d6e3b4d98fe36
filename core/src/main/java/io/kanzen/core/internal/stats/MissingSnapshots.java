package io.kanzen.core.internal.stats;

import io.kanzen.core.internal.storage.Database;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * How many volumes the monitored series lacked, over time ({@code missing_snapshot}): recorded after scans, checks and
 * imports, kept only when the count changed, one row per UTC day at most. Derived data: losing it loses a chart, no
 * more.
 */
public final class MissingSnapshots {
    /** One recorded count and when it was last seen. */
    public record Snapshot(Instant at, int missing, int monitored) {}

    private final Database db;
    private final Clock clock;

    public MissingSnapshots(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /**
     * Records the count unless it equals the last one recorded (then nothing is written). A change on a day that
     * already has a row replaces that row: the day keeps its last count.
     *
     * @return whether a row was written
     */
    public boolean record(int missing, int monitored) {
        Instant now = clock.instant();
        return db.write(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT missing, monitored FROM missing_snapshot ORDER BY at DESC LIMIT 1");
                    ResultSet r = s.executeQuery()) {
                if (r.next() && r.getInt(1) == missing && r.getInt(2) == monitored) {
                    return false;
                }
            }
            try (PreparedStatement s = c.prepareStatement("INSERT INTO missing_snapshot (day, at, missing, monitored) VALUES (?, ?, ?, ?) "
                    + "ON CONFLICT (day) DO UPDATE SET at = excluded.at, missing = excluded.missing, monitored = excluded.monitored")) {
                s.setString(1, now.atOffset(ZoneOffset.UTC).toLocalDate().toString());
                s.setString(2, now.toString());
                s.setInt(3, missing);
                s.setInt(4, monitored);
                s.executeUpdate();
            }
            return true;
        });
    }

    /** Every count recorded before {@code end}, oldest first (a row a day at most: a few hundred a year). */
    public List<Snapshot> before(Instant end) {
        return db.read(c -> {
            List<Snapshot> out = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT at, missing, monitored FROM missing_snapshot WHERE day <= ? ORDER BY at")) {
                s.setString(1, end.atOffset(ZoneOffset.UTC).toLocalDate().toString());
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        Instant at = Instant.parse(r.getString(1));
                        if (at.isBefore(end)) {
                            out.add(new Snapshot(at, r.getInt(2), r.getInt(3)));
                        }
                    }
                }
            }
            return out;
        });
    }
}
