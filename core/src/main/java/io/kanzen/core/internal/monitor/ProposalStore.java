package io.kanzen.core.internal.monitor;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kanzen.api.VolumeRange;
import io.kanzen.api.scoring.ScoreComponent;
import io.kanzen.core.Proposal;
import io.kanzen.core.internal.storage.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Rows of {@code proposal}: what manual mode offers to send. The rules live in {@link Proposals}. */
final class ProposalStore {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String COLUMNS = "id, series_id, series_title, volume_from, volume_to, release_title, source, link_shown, link_kind, size, "
            + "seeders, score, score_parts, state, state_reason, grab_id, created_at, updated_at, state_code";

    /** A release a check chose, as it is written: {@code linkSealed} is the real link sealed with the data directory's key. */
    record Row(long seriesId, String seriesTitle, VolumeRange volume, String releaseTitle, String source, String linkSealed, String linkShown,
            String linkKey, String linkKind, Long size, Integer seeders, int score, List<ScoreComponent> parts) {}

    private final Database db;

    ProposalStore(Database db) {
        this.db = db;
    }

    Database database() {
        return db;
    }

    /** Every proposal in {@code state} (all when null), newest first. */
    List<Proposal> list(Proposal.State state) {
        return db.read(c -> {
            String where = state == null ? "" : " WHERE state = ?";
            try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM proposal" + where + " ORDER BY series_title, volume_from, id DESC")) {
                if (state != null) {
                    s.setString(1, state.name());
                }
                return rows(s);
            }
        });
    }

    Optional<Proposal> byId(long id) {
        return db.read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM proposal WHERE id = ?")) {
                s.setLong(1, id);
                return rows(s).stream().findFirst();
            }
        });
    }

    /** The sealed link and stable key of one proposal. */
    record Link(String sealed, String key) {}

    Link link(long id) {
        return db.read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT link_sealed, link_key FROM proposal WHERE id = ?")) {
                s.setLong(1, id);
                try (ResultSet r = s.executeQuery()) {
                    return r.next() ? new Link(r.getString(1), r.getString(2)) : null;
                }
            }
        });
    }

    /** The pending proposals of one series by their release key, read inside a write. */
    static Map<String, Proposal> pendingByKey(Connection c, long seriesId) throws SQLException {
        Map<String, Proposal> out = new java.util.LinkedHashMap<>();
        try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + ", link_key FROM proposal WHERE series_id = ? AND state = 'PENDING'")) {
            s.setLong(1, seriesId);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.put(r.getString(20), row(r));
                }
            }
        }
        return out;
    }

    static long insert(Connection c, Row row, Instant now) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO proposal (series_id, series_title, volume_from, volume_to, release_title, source, "
                + "link_sealed, link_shown, link_key, link_kind, size, seeders, score, score_parts, state, created_at, updated_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
            s.setLong(1, row.seriesId());
            s.setString(2, row.seriesTitle());
            s.setDouble(3, row.volume().from());
            s.setDouble(4, row.volume().to());
            s.setString(5, row.releaseTitle());
            s.setString(6, row.source());
            s.setString(7, row.linkSealed());
            s.setString(8, row.linkShown());
            s.setString(9, row.linkKey());
            s.setString(10, row.linkKind());
            setLong(s, 11, row.size());
            setInt(s, 12, row.seeders());
            s.setInt(13, row.score());
            s.setString(14, json(row.parts()));
            s.setString(15, now.toString());
            s.setString(16, now.toString());
            s.executeUpdate();
            try (ResultSet keys = s.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    /** A pending proposal found again: what may have changed since (seeders, score, the link's form) is updated. */
    static void refresh(Connection c, long id, Row row, Instant now) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE proposal SET release_title = ?, source = ?, link_sealed = ?, link_shown = ?, "
                + "size = ?, seeders = ?, score = ?, score_parts = ?, updated_at = ? WHERE id = ? AND state = 'PENDING'")) {
            s.setString(1, row.releaseTitle());
            s.setString(2, row.source());
            s.setString(3, row.linkSealed());
            s.setString(4, row.linkShown());
            setLong(s, 5, row.size());
            setInt(s, 6, row.seeders());
            s.setInt(7, row.score());
            s.setString(8, json(row.parts()));
            s.setString(9, now.toString());
            s.setLong(10, id);
            s.executeUpdate();
        }
    }

    /**
     * Moves a proposal from {@code from} to {@code to}; false when it was not in {@code from} any more (another
     * request or process moved it first): what makes an approval happen once.
     */
    static boolean move(Connection c, long id, Proposal.State from, Proposal.State to, Why why, Long grabId, Instant now) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE proposal SET state = ?, state_reason = ?, state_code = ?, grab_id = COALESCE(?, grab_id), "
                + "updated_at = ? WHERE id = ? AND state = ?")) {
            s.setString(1, to.name());
            s.setString(2, why == null ? null : why.sentence());
            s.setString(3, why == null ? null : why.code());
            setLong(s, 4, grabId);
            s.setString(5, now.toString());
            s.setLong(6, id);
            s.setString(7, from.name());
            return s.executeUpdate() == 1;
        }
    }

    boolean move(long id, Proposal.State from, Proposal.State to, Why why, Long grabId, Instant now) {
        return db.write(c -> move(c, id, from, to, why, grabId, now));
    }

    /** Why a proposal moved: a stable code for the web UI and the English sentence for the CLI and the logs. */
    record Why(String code, String sentence) {}

    /** The proposals no longer pending, the most recently decided first, at most {@code limit}. */
    List<Proposal> decided(int limit) {
        return db.read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM proposal WHERE state <> 'PENDING' ORDER BY updated_at DESC, id DESC LIMIT ?")) {
                s.setInt(1, limit);
                return rows(s);
            }
        });
    }

    /** Whether a pending proposal holds exactly these volumes of the series (at most one may: the index says so). */
    static boolean pendingFor(Connection c, long seriesId, VolumeRange volume) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM proposal WHERE series_id = ? AND volume_from = ? AND volume_to = ? AND state = 'PENDING'")) {
            s.setLong(1, seriesId);
            s.setDouble(2, volume.from());
            s.setDouble(3, volume.to());
            try (ResultSet r = s.executeQuery()) {
                return r.next();
            }
        }
    }

    private static List<Proposal> rows(PreparedStatement s) throws SQLException {
        List<Proposal> out = new ArrayList<>();
        try (ResultSet r = s.executeQuery()) {
            while (r.next()) {
                out.add(row(r));
            }
        }
        return out;
    }

    private static Proposal row(ResultSet r) throws SQLException {
        long size = r.getLong(10);
        Long sizeOrNull = r.wasNull() ? null : size;
        int seeders = r.getInt(11);
        Integer seedersOrNull = r.wasNull() ? null : seeders;
        long grab = r.getLong(16);
        Long grabOrNull = r.wasNull() ? null : grab;
        return new Proposal(r.getLong(1), r.getLong(2), r.getString(3), VolumeRange.of(r.getDouble(4), r.getDouble(5)), r.getString(6),
                r.getString(7), r.getString(8), r.getString(9), sizeOrNull, seedersOrNull, r.getInt(12), parts(r.getString(13)),
                Proposal.State.valueOf(r.getString(14)), r.getString(15), r.getString(19), grabOrNull, Instant.parse(r.getString(17)), Instant.parse(r.getString(18)));
    }

    private static String json(List<ScoreComponent> parts) {
        try {
            return JSON.writeValueAsString(parts);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("score parts are plain values", e);
        }
    }

    private static List<ScoreComponent> parts(String json) {
        try {
            return JSON.readValue(json, new TypeReference<List<ScoreComponent>>() {});
        } catch (JsonProcessingException e) {
            return List.of(); // the explanation is lost, not the proposal
        }
    }

    private static void setLong(PreparedStatement s, int i, Long v) throws SQLException {
        if (v == null) {
            s.setNull(i, Types.INTEGER);
        } else {
            s.setLong(i, v);
        }
    }

    private static void setInt(PreparedStatement s, int i, Integer v) throws SQLException {
        if (v == null) {
            s.setNull(i, Types.INTEGER);
        } else {
            s.setInt(i, v);
        }
    }
}
