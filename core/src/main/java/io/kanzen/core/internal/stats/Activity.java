package io.kanzen.core.internal.stats;

import io.kanzen.core.DailyActivity;
import io.kanzen.core.HistoryEvent;
import io.kanzen.core.SourceActivity;
import io.kanzen.core.internal.storage.Database;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The statistics page's figures, counted in SQL from the rows that record what happened: the history (sent, imported,
 * failed, searches), the grabs (what became of each source's downloads) and the missing-volume snapshots. Nothing is
 * estimated: a day without events counts zero, a day before the first snapshot has no missing count.
 */
public final class Activity {
    /** The longest period asked at once: a year of days. */
    public static final int MAX_DAYS = 366;

    private final Database db;
    private final MissingSnapshots snapshots;
    private final Clock clock;

    public Activity(Database db, MissingSnapshots snapshots, Clock clock) {
        this.db = db;
        this.snapshots = snapshots;
        this.clock = clock;
    }

    /**
     * The last {@code days} days in {@code zone}, today included, oldest first. Events are counted per ten minutes of
     * UTC time in SQL, then each ten minutes is given to its day in the zone: exact for every zone whose offset is a
     * multiple of ten minutes (all but Nepal's and the Chatham Islands').
     */
    public List<DailyActivity> daily(int days, ZoneId zone) {
        checkDays(days);
        LocalDate today = clock.instant().atZone(zone).toLocalDate();
        LocalDate first = today.minusDays(days - 1L);
        Instant start = first.atStartOfDay(zone).toInstant();
        Instant end = today.plusDays(1).atStartOfDay(zone).toInstant();
        Map<LocalDate, int[]> counts = new TreeMap<>();
        for (LocalDate d = first; !d.isAfter(today); d = d.plusDays(1)) {
            counts.put(d, new int[3]);
        }
        db.read(c -> {
            // a send that failed is a FAILURE without a query (searches, metadata, index refreshes and notifiers have
            // one) about a series or a client (a failed check has neither)
            try (PreparedStatement s = c.prepareStatement("SELECT substr(at, 1, 15) AS slot, CASE"
                    + " WHEN kind = 'GRAB' AND success = 1 THEN 0"
                    + " WHEN kind = 'IMPORT' AND success = 1 THEN 1"
                    + " ELSE 2 END AS what, count(*) FROM history"
                    + " WHERE kind IN ('GRAB', 'IMPORT', 'IMPORT_FAILED', 'DOWNLOAD_FAILED', 'STALLED', 'FAILURE') AND at >= ? AND at < ?"
                    + " AND (kind <> 'FAILURE' OR (query IS NULL AND (series_id IS NOT NULL OR client IS NOT NULL)))"
                    + " GROUP BY slot, what")) {
                s.setString(1, HistoryQueries.bound(start));
                s.setString(2, HistoryQueries.bound(end));
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        Instant slot = Instant.parse(r.getString(1) + "0:00Z");
                        int[] day = counts.get(slot.atZone(zone).toLocalDate());
                        if (day != null) {
                            day[r.getInt(2)] += r.getInt(3);
                        }
                    }
                }
            }
            return null;
        });
        List<MissingSnapshots.Snapshot> recorded = snapshots.before(end);
        List<DailyActivity> out = new ArrayList<>();
        int next = 0;
        Integer missing = null;
        for (Map.Entry<LocalDate, int[]> e : counts.entrySet()) {
            Instant dayEnd = e.getKey().plusDays(1).atStartOfDay(zone).toInstant();
            while (next < recorded.size() && recorded.get(next).at().isBefore(dayEnd)) {
                missing = recorded.get(next++).missing(); // the last count seen by the end of the day
            }
            int[] n = e.getValue();
            out.add(new DailyActivity(e.getKey(), n[0], n[1], n[2], missing));
        }
        return out;
    }

    /**
     * Per source over the last {@code days} days: its searches from the history, and the downloads of its releases
     * sent in the period from the grabs, by what became of them. Links sent by hand are the source null. Sources with
     * most downloads first, then by name, links sent by hand last.
     */
    public List<SourceActivity> sources(int days) {
        checkDays(days);
        Instant start = clock.instant().minus(java.time.Duration.ofDays(days));
        Map<String, int[]> by = new LinkedHashMap<>(); // searches, failures, sent, imported, failed, active
        db.read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT source, state, count(*) FROM grab WHERE created_at >= ? GROUP BY source, state")) {
                s.setString(1, HistoryQueries.bound(start));
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        int[] n = by.computeIfAbsent(r.getString(1), k -> new int[6]);
                        int count = r.getInt(3);
                        n[2] += count;
                        switch (r.getString(2)) {
                            case "IMPORTED" -> n[3] += count;
                            case "FAILED", "DOWNLOAD_FAILED" -> n[4] += count;
                            case "SENDING", "SENT" -> n[5] += count;
                            default -> { } // cancelled by the user: sent, but neither a success nor the source's failure
                        }
                    }
                }
            }
            // a search or a metadata request or index refresh that failed is a FAILURE naming its source and a query
            try (PreparedStatement s = c.prepareStatement("SELECT source, success, count(*) FROM history WHERE at >= ? AND source IS NOT NULL"
                    + " AND (kind = ? OR (kind = ? AND query IS NOT NULL)) GROUP BY source, success")) {
                s.setString(1, HistoryQueries.bound(start));
                s.setString(2, HistoryEvent.Kind.SEARCH.name());
                s.setString(3, HistoryEvent.Kind.FAILURE.name());
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        by.computeIfAbsent(r.getString(1), k -> new int[6])[r.getInt(2) == 1 ? 0 : 1] += r.getInt(3);
                    }
                }
            }
            return null;
        });
        List<SourceActivity> out = new ArrayList<>();
        by.forEach((source, n) -> out.add(new SourceActivity(source, n[0], n[1], n[2], n[3], n[4], n[5])));
        out.sort(java.util.Comparator.comparingInt(SourceActivity::sent).reversed()
                .thenComparing(SourceActivity::source, java.util.Comparator.nullsLast(String.CASE_INSENSITIVE_ORDER)));
        return out;
    }

    private static void checkDays(int days) {
        if (days < 1 || days > MAX_DAYS) {
            throw new IllegalArgumentException("days is between 1 and " + MAX_DAYS);
        }
    }
}
