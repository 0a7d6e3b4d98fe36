package io.kanzen.core.internal.monitor;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kanzen.api.source.EditionInfo;
import io.kanzen.api.source.PublicationStatus;
import io.kanzen.api.source.SeriesMetadata;
import io.kanzen.core.internal.storage.Database;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Rows of {@code series_metadata}: the facts a check needs, kept so that Nautiljon is asked once a day at most. */
public final class MetadataCache {
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * A French volume the metadata source now shows that it did not before: announced (with its date) or out.
     *
     * @param date the announced date, or null for a volume now out
     */
    public record Announcement(long seriesId, String title, double volume, LocalDate date) {}

    /** What is kept of a series' metadata. */
    public record Entry(String source, String url, String title, List<String> alternativeTitles, EditionInfo vo, EditionInfo vf, Instant fetchedAt) {}

    private final Database db;
    private final List<java.util.function.Consumer<Announcement>> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();

    public MetadataCache(Database db) {
        this.db = db;
    }

    /** Hears of each new French volume seen by {@link #put}, after it is stored; never on a series' first fetch. */
    public void addAnnouncementListener(java.util.function.Consumer<Announcement> listener) {
        listeners.add(listener);
    }

    private static final String COLUMNS = "series_id, source, url, title, alt_titles, vo_count, vo_status, vf_count, vf_status, "
            + "next_vf_volume, next_vf_date, fetched_at, vo_publishers, vf_publishers FROM series_metadata";

    public Optional<Entry> get(long seriesId) {
        return db.read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " WHERE series_id = ?")) {
                s.setLong(1, seriesId);
                try (ResultSet r = s.executeQuery()) {
                    return r.next() ? Optional.of(entry(r)) : Optional.<Entry>empty();
                }
            }
        });
    }

    /** Every series' entry in one query, for the wanted list of the whole library. */
    public Map<Long, Entry> all() {
        return db.read(c -> {
            Map<Long, Entry> out = new HashMap<>();
            try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS); ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.put(r.getLong(1), entry(r));
                }
            }
            return out;
        });
    }

    private static Entry entry(ResultSet r) throws java.sql.SQLException {
        List<String> alt = names(r.getString(5));
        int vo = r.getInt(6);
        Integer voCount = r.wasNull() ? null : vo;
        int vf = r.getInt(8);
        Integer vfCount = r.wasNull() ? null : vf;
        double next = r.getDouble(10);
        boolean hasNext = !r.wasNull() && r.getString(11) != null;
        EditionInfo.VolumeDate nextVf = hasNext ? new EditionInfo.VolumeDate(next, LocalDate.parse(r.getString(11))) : null;
        return new Entry(r.getString(2), r.getString(3), r.getString(4), alt,
                new EditionInfo(voCount, status(r.getString(7)), names(r.getString(13)), null, null),
                new EditionInfo(vfCount, status(r.getString(9)), names(r.getString(14)), null, nextVf), Instant.parse(r.getString(12)));
    }

    /** A JSON array of names; empty when absent (a row from before publishers were kept) or damaged. */
    private static List<String> names(String json) {
        if (json == null) {
            return List.of();
        }
        try {
            return JSON.readValue(json, new TypeReference<List<String>>() {});
        } catch (JsonProcessingException e) {
            return List.of();
        }
    }

    private static String namesJson(EditionInfo e) {
        try {
            return e == null ? null : JSON.writeValueAsString(e.publishers());
        } catch (JsonProcessingException x) {
            return null;
        }
    }

    public void put(long seriesId, String source, SeriesMetadata m, Instant now) {
        Optional<Entry> before = listeners.isEmpty() ? Optional.empty() : get(seriesId);
        store(seriesId, source, m, now);
        before.flatMap(old -> announcement(seriesId, old, m)).ifPresent(a -> listeners.forEach(l -> {
            try {
                l.accept(a);
            } catch (RuntimeException e) {
                org.slf4j.LoggerFactory.getLogger(MetadataCache.class).warn("an announcement listener failed: {}", e.toString());
            }
        }));
    }

    /** A next volume that was not announced before, else a count of volumes out that grew. */
    static Optional<Announcement> announcement(long seriesId, Entry old, SeriesMetadata m) {
        if (m.vf() == null) {
            return Optional.empty();
        }
        String title = m.title() != null ? m.title() : old.title();
        EditionInfo.VolumeDate next = m.vf().nextVolume();
        EditionInfo.VolumeDate oldNext = old.vf() == null ? null : old.vf().nextVolume();
        if (next != null && (oldNext == null || oldNext.volume() != next.volume())) {
            return Optional.of(new Announcement(seriesId, title, next.volume(), next.date()));
        }
        Integer count = m.vf().volumeCount();
        Integer oldCount = old.vf() == null ? null : old.vf().volumeCount();
        if (count != null && oldCount != null && count > oldCount) {
            return Optional.of(new Announcement(seriesId, title, count, null));
        }
        return Optional.empty();
    }

    private void store(long seriesId, String source, SeriesMetadata m, Instant now) {
        String alt;
        try {
            alt = JSON.writeValueAsString(m.alternativeTitles());
        } catch (JsonProcessingException e) {
            alt = "[]";
        }
        String altJson = alt;
        db.write(c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT OR REPLACE INTO series_metadata (series_id, source, url, title, alt_titles, vo_count, "
                    + "vo_status, vf_count, vf_status, next_vf_volume, next_vf_date, fetched_at, vo_publishers, vf_publishers) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                s.setLong(1, seriesId);
                s.setString(2, source);
                s.setString(3, m.url());
                s.setString(4, m.title());
                s.setString(5, altJson);
                setCount(s, 6, m.vo());
                s.setString(7, m.vo() == null ? null : m.vo().status().name());
                setCount(s, 8, m.vf());
                s.setString(9, m.vf() == null ? null : m.vf().status().name());
                EditionInfo.VolumeDate next = m.vf() == null ? null : m.vf().nextVolume();
                if (next == null) {
                    s.setNull(10, Types.REAL);
                    s.setNull(11, Types.VARCHAR);
                } else {
                    s.setDouble(10, next.volume());
                    s.setString(11, next.date().toString());
                }
                s.setString(12, now.toString());
                s.setString(13, namesJson(m.vo()));
                s.setString(14, namesJson(m.vf()));
                s.executeUpdate();
            }
            return null;
        });
    }

    private static void setCount(PreparedStatement s, int index, EditionInfo e) throws java.sql.SQLException {
        if (e == null || e.volumeCount() == null) {
            s.setNull(index, Types.INTEGER);
        } else {
            s.setInt(index, e.volumeCount());
        }
    }

    private static PublicationStatus status(String s) {
        try {
            return s == null ? PublicationStatus.UNKNOWN : PublicationStatus.valueOf(s);
        } catch (IllegalArgumentException e) {
            return PublicationStatus.UNKNOWN;
        }
    }

    /** Forgets what was kept of a series (its pinned page changed): the next check asks the source again. */
    public void forget(long seriesId) {
        db.write(c -> {
            try (PreparedStatement s = c.prepareStatement("DELETE FROM series_metadata WHERE series_id = ?")) {
                s.setLong(1, seriesId);
                s.executeUpdate();
            }
            return null;
        });
    }
}
