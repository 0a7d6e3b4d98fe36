package io.kanzen.core.internal.stats;

import io.kanzen.core.HistoryEvent;
import io.kanzen.core.HistoryFilter;
import io.kanzen.core.HistoryPage;
import io.kanzen.core.internal.monitor.HistoryStore;
import io.kanzen.core.internal.storage.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The history as the history page reads it: filtered by type, series, period and outcome in SQL (each filter has an
 * index ending with the time, see V15), newest first, a bounded page at a time with the total the filter matches.
 */
public final class HistoryQueries {
    /** How many events an export reads per query: the connection is given back between batches. */
    static final int EXPORT_BATCH = 500;

    private final Database db;

    public HistoryQueries(Database db) {
        this.db = db;
    }

    public HistoryPage page(HistoryFilter filter, int offset, int limit) {
        if (offset < 0 || limit < 1 || limit > HistoryPage.MAX_LIMIT) {
            throw new IllegalArgumentException("offset is 0 or more and limit between 1 and " + HistoryPage.MAX_LIMIT);
        }
        Where where = Where.of(filter);
        return db.read(c -> {
            long total;
            try (PreparedStatement s = where.prepare(c, "SELECT count(*) FROM history" + where.sql())) {
                try (ResultSet r = s.executeQuery()) {
                    total = r.next() ? r.getLong(1) : 0;
                }
            }
            List<HistoryEvent> items = new ArrayList<>();
            try (PreparedStatement s = where.prepare(c, "SELECT " + HistoryStore.COLUMNS + " FROM history" + where.sql()
                    + " ORDER BY at DESC, id DESC LIMIT ? OFFSET ?")) {
                int next = where.args().size() + 1;
                s.setInt(next, limit);
                s.setInt(next + 1, offset);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        items.add(HistoryStore.event(r));
                    }
                }
            }
            return new HistoryPage(items, total, offset, limit);
        });
    }

    /**
     * Hands every event the filter matches to {@code out}, newest first, reading them in batches that continue after
     * the last one seen (so an export of a long history neither holds a connection nor walks past skipped rows).
     */
    public void each(HistoryFilter filter, Consumer<HistoryEvent> out) {
        Where where = Where.of(filter);
        HistoryEvent last = null;
        while (true) {
            HistoryEvent after = last;
            List<HistoryEvent> batch = db.read(c -> {
                String sql = "SELECT " + HistoryStore.COLUMNS + " FROM history" + where.sql();
                if (after != null) {
                    sql += (where.sql().isEmpty() ? " WHERE " : " AND ") + "(at < ? OR (at = ? AND id < ?))";
                }
                try (PreparedStatement s = where.prepare(c, sql + " ORDER BY at DESC, id DESC LIMIT " + EXPORT_BATCH)) {
                    if (after != null) {
                        int next = where.args().size() + 1;
                        s.setString(next, after.at().toString());
                        s.setString(next + 1, after.at().toString());
                        s.setLong(next + 2, after.id());
                    }
                    List<HistoryEvent> events = new ArrayList<>();
                    try (ResultSet r = s.executeQuery()) {
                        while (r.next()) {
                            events.add(HistoryStore.event(r));
                        }
                    }
                    return events;
                }
            });
            batch.forEach(out);
            if (batch.size() < EXPORT_BATCH) {
                return;
            }
            last = batch.get(batch.size() - 1);
        }
    }

    /** The series the history speaks of, by id, in title order: the choices of the history page's series filter. */
    public Map<Long, String> series() {
        return db.read(c -> {
            Map<Long, String> out = new LinkedHashMap<>();
            try (PreparedStatement s = c.prepareStatement("SELECT series_id, max(series_title) AS title FROM history WHERE series_id IS NOT NULL "
                    + "GROUP BY series_id ORDER BY title COLLATE NOCASE, series_id"); ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.put(r.getLong(1), r.getString(2));
                }
            }
            return out;
        });
    }

    /**
     * The SQL condition of a filter and its arguments. Times are stored as {@link Instant#toString()}; a bound is
     * written to the second without the zone letter, so that it compares right with stored times that carry a
     * fraction of a second ({@code 12:00:00.5Z} sorts before {@code 12:00:00Z} as text, but after {@code 12:00:00}).
     */
    record Where(String sql, List<Object> args) {
        static Where of(HistoryFilter f) {
            List<String> conditions = new ArrayList<>();
            List<Object> args = new ArrayList<>();
            if (!f.kinds().isEmpty()) {
                conditions.add("kind IN (" + String.join(", ", f.kinds().stream().map(k -> "?").toList()) + ")");
                f.kinds().stream().map(Enum::name).sorted().forEach(args::add);
            }
            if (f.seriesId() != null) {
                conditions.add("series_id = ?");
                args.add(f.seriesId());
            }
            if (f.from() != null) {
                conditions.add("at >= ?");
                args.add(bound(f.from()));
            }
            if (f.to() != null) {
                conditions.add("at < ?");
                args.add(bound(f.to()));
            }
            if (f.success() != null) {
                conditions.add("success = ?");
                args.add(f.success() ? 1 : 0);
            }
            return new Where(conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions), List.copyOf(args));
        }

        PreparedStatement prepare(Connection c, String sql) throws SQLException {
            PreparedStatement s = c.prepareStatement(sql);
            for (int i = 0; i < args.size(); i++) {
                s.setObject(i + 1, args.get(i));
            }
            return s;
        }
    }

    private static final DateTimeFormatter SECOND = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss").withZone(ZoneOffset.UTC);

    /** An instant as the text every stored time of that second or later sorts at or after. */
    static String bound(Instant at) {
        return SECOND.format(at);
    }
}
