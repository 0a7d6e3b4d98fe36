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

    /** What is kept of a series' metadata. */
    public record Entry(String source, String url, String title, List<String> alternativeTitles, EditionInfo vo, EditionInfo vf, Instant fetchedAt) {}

    private final Database db;

    public MetadataCache(Database db) {
        this.db = db;
    }

    private static final String COLUMNS = "series_id, source, url, title, alt_titles, vo_count, vo_status, vf_count, vf_status, "
            + "next_vf_volume, next_vf_date, fetched_at FROM series_metadata";

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
        List<String> alt;
        try {
            alt = JSON.readValue(r.getString(5), new TypeReference<List<String>>() {});
        } catch (JsonProcessingException e) {
            alt = List.of();
        }
        int vo = r.getInt(6);
        Integer voCount = r.wasNull() ? null : vo;
        int vf = r.getInt(8);
        Integer vfCount = r.wasNull() ? null : vf;
        double next = r.getDouble(10);
        boolean hasNext = !r.wasNull() && r.getString(11) != null;
        EditionInfo.VolumeDate nextVf = hasNext ? new EditionInfo.VolumeDate(next, LocalDate.parse(r.getString(11))) : null;
        return new Entry(r.getString(2), r.getString(3), r.getString(4), alt,
                new EditionInfo(voCount, status(r.getString(7)), List.of(), null, null),
                new EditionInfo(vfCount, status(r.getString(9)), List.of(), null, nextVf), Instant.parse(r.getString(12)));
    }

    public void put(long seriesId, String source, SeriesMetadata m, Instant now) {
        String alt;
        try {
            alt = JSON.writeValueAsString(m.alternativeTitles());
        } catch (JsonProcessingException e) {
            alt = "[]";
        }
        String altJson = alt;
        db.write(c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT OR REPLACE INTO series_metadata (series_id, source, url, title, alt_titles, vo_count, "
                    + "vo_status, vf_count, vf_status, next_vf_volume, next_vf_date, fetched_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
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
}
