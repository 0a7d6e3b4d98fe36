package io.kanzen.core.internal.clients;

import io.kanzen.api.VolumeRange;
import io.kanzen.core.Grab;
import io.kanzen.core.internal.storage.Database;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Rows of {@code grab}. */
public final class GrabStore {
    private static final String COLUMNS = "id, client, title, volume_from, volume_to, link, handle, state, message, created_at, updated_at, "
            + "series_id, source, release_title";

    /** What a grab is about, before it is sent. */
    public record Intent(String client, Long seriesId, String title, VolumeRange volume, String link, String source, String releaseTitle,
            String linkKey) {}

    private final Database db;

    public GrabStore(Database db) {
        this.db = db;
    }

    /** Records a grab about to be sent (state SENDING), and returns it with its id. */
    public Grab recordSending(Intent i, Instant now) {
        long id = db.write(c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO grab (client, title, volume_from, volume_to, link, state, created_at, "
                    + "updated_at, series_id, source, release_title, link_key) VALUES (?, ?, ?, ?, ?, 'SENDING', ?, ?, ?, ?, ?, ?)",
                    PreparedStatement.RETURN_GENERATED_KEYS)) {
                s.setString(1, i.client());
                s.setString(2, i.title());
                if (i.volume() == null) {
                    s.setNull(3, Types.REAL);
                    s.setNull(4, Types.REAL);
                } else {
                    s.setDouble(3, i.volume().from());
                    s.setDouble(4, i.volume().to());
                }
                s.setString(5, i.link());
                s.setString(6, now.toString());
                s.setString(7, now.toString());
                if (i.seriesId() == null) {
                    s.setNull(8, Types.INTEGER);
                } else {
                    s.setLong(8, i.seriesId());
                }
                s.setString(9, i.source());
                s.setString(10, i.releaseTitle());
                s.setString(11, i.linkKey());
                s.executeUpdate();
                try (ResultSet k = s.getGeneratedKeys()) {
                    k.next();
                    return k.getLong(1);
                }
            }
        });
        return new Grab(id, i.client(), i.title(), i.volume(), i.link(), null, Grab.State.SENDING, null, now, now, i.seriesId(), i.source(),
                i.releaseTitle());
    }

    public Grab markSent(Grab g, String handle, Instant now) {
        return update(g, Grab.State.SENT, handle, null, now);
    }

    /** A grab left SENDING, found at its client or sent again: SENT, with a word on how. */
    public Grab markSettled(Grab g, String handle, String message, Instant now) {
        return update(g, Grab.State.SENT, handle, message, now);
    }

    public Grab markFailed(Grab g, String message, Instant now) {
        return update(g, Grab.State.FAILED, g.handle(), message, now);
    }

    public Grab markImported(Grab g, String message, Instant now) {
        return update(g, Grab.State.IMPORTED, g.handle(), message, now);
    }

    public Grab markDownloadFailed(Grab g, String message, Instant now) {
        return update(g, Grab.State.DOWNLOAD_FAILED, g.handle(), message, now);
    }

    /** Newest first. */
    public List<Grab> all() {
        return select("SELECT " + COLUMNS + " FROM grab ORDER BY id DESC", -1);
    }

    /** Grabs the client accepted and that are not finished: what tracking polls. */
    public List<Grab> sent() {
        return select("SELECT " + COLUMNS + " FROM grab WHERE state = 'SENT' ORDER BY id", -1);
    }

    /** Grabs recorded but not known to be sent (Kanzen stopped in between, or is sending now), oldest first. */
    public List<Grab> sending() {
        return select("SELECT " + COLUMNS + " FROM grab WHERE state = 'SENDING' ORDER BY id", -1);
    }

    /** Every grab of a series, oldest first. */
    public List<Grab> ofSeries(long seriesId) {
        return select("SELECT " + COLUMNS + " FROM grab WHERE series_id = ? ORDER BY id", seriesId);
    }

    /** The link keys of a series' grabs that still hold their volumes (pending, sent or imported). */
    public List<String> heldLinkKeys(long seriesId) {
        return db.read(c -> {
            List<String> out = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT link_key FROM grab WHERE series_id = ? AND link_key IS NOT NULL "
                    + "AND state IN ('SENDING', 'SENT', 'IMPORTED')")) {
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

    public String linkKey(long grabId) {
        return db.read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT link_key FROM grab WHERE id = ?")) {
                s.setLong(1, grabId);
                try (ResultSet r = s.executeQuery()) {
                    return r.next() ? r.getString(1) : null;
                }
            }
        });
    }

    private List<Grab> select(String sql, long param) {
        return db.read(c -> {
            List<Grab> out = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement(sql)) {
                if (param >= 0) {
                    s.setLong(1, param);
                }
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        out.add(read(r));
                    }
                }
            }
            return out;
        });
    }

    private Grab update(Grab g, Grab.State state, String handle, String message, Instant now) {
        db.write(c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE grab SET state = ?, handle = ?, message = ?, updated_at = ? WHERE id = ?")) {
                s.setString(1, state.name());
                s.setString(2, handle);
                s.setString(3, message);
                s.setString(4, now.toString());
                s.setLong(5, g.id());
                s.executeUpdate();
            }
            return null;
        });
        return new Grab(g.id(), g.client(), g.title(), g.volume(), g.link(), handle, state, message, g.createdAt(), now, g.seriesId(), g.source(),
                g.releaseTitle());
    }

    private static Grab read(ResultSet r) throws SQLException {
        double from = r.getDouble(4);
        VolumeRange volume = r.wasNull() ? null : VolumeRange.of(from, r.getDouble(5));
        long series = r.getLong(12);
        Long seriesId = r.wasNull() ? null : series;
        return new Grab(r.getLong(1), r.getString(2), r.getString(3), volume, r.getString(6), r.getString(7),
                Grab.State.valueOf(r.getString(8)), r.getString(9), Instant.parse(r.getString(10)), Instant.parse(r.getString(11)),
                seriesId, r.getString(13), r.getString(14));
    }
}
