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
            + "series_id, source, release_title, content_path, import_error";

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
                i.releaseTitle(), null, null);
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

    public Grab markCancelled(Grab g, String message, Instant now) {
        return update(g, Grab.State.CANCELLED, g.handle(), message, now);
    }

    public Grab markDownloadFailed(Grab g, String message, Instant now) {
        return update(g, Grab.State.DOWNLOAD_FAILED, g.handle(), message, now);
    }

    /** What tracking remembers of a sent grab between polls. */
    public record Tracking(String contentPath, long size, Double progress, Instant progressChangedAt) {}

    /** The tracking row of a grab; progress and its time are null before the first poll. */
    public Tracking tracking(long grabId) {
        return db.read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT content_path, size, progress, progress_changed_at FROM grab WHERE id = ?")) {
                s.setLong(1, grabId);
                try (ResultSet r = s.executeQuery()) {
                    if (!r.next()) {
                        return new Tracking(null, -1, null, null);
                    }
                    long size = r.getLong(2);
                    long sz = r.wasNull() ? -1 : size;
                    double p = r.getDouble(3);
                    Double progress = r.wasNull() ? null : p;
                    String at = r.getString(4);
                    return new Tracking(r.getString(1), sz, progress, at == null ? null : Instant.parse(at));
                }
            }
        });
    }

    /**
     * Records what a poll saw: the path and size when the client gave them, and the progress, whose time moves only
     * when the progress does (that time is what a stall is measured from).
     */
    public void recordPoll(long grabId, String contentPath, long size, double progress, Instant now) {
        db.write(c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE grab SET content_path = coalesce(?, content_path), "
                    + "size = CASE WHEN ? > 0 THEN ? ELSE size END, "
                    + "progress_changed_at = CASE WHEN progress IS NULL OR progress <> ? THEN ? ELSE progress_changed_at END, "
                    + "progress = ? WHERE id = ?")) {
                s.setString(1, contentPath);
                s.setLong(2, size);
                s.setLong(3, size);
                s.setDouble(4, progress);
                s.setString(5, now.toString());
                s.setDouble(6, progress);
                s.setLong(7, grabId);
                s.executeUpdate();
            }
            return null;
        });
    }

    /** Sets or clears (null) the reason the last import failed. */
    public void recordImportError(long grabId, String error) {
        db.write(c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE grab SET import_error = ? WHERE id = ?")) {
                s.setString(1, error);
                s.setLong(2, grabId);
                s.executeUpdate();
            }
            return null;
        });
    }

    /** Ties a grab to a series and volume (a hand grab sent without one), with the key of its link. */
    public void link(long grabId, long seriesId, VolumeRange volume, String linkKey) {
        db.write(c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE grab SET series_id = ?, volume_from = ?, volume_to = ?, "
                    + "link_key = coalesce(link_key, ?) WHERE id = ?")) {
                s.setLong(1, seriesId);
                if (volume == null) {
                    s.setNull(2, Types.REAL);
                    s.setNull(3, Types.REAL);
                } else {
                    s.setDouble(2, volume.from());
                    s.setDouble(3, volume.to());
                }
                s.setString(4, linkKey);
                s.setLong(5, grabId);
                s.executeUpdate();
            }
            return null;
        });
    }

    /** Puts a finished or failed grab back to SENT with a new handle (a retry), progress forgotten. */
    public Grab resend(Grab g, String handle, Instant now) {
        db.write(c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE grab SET progress = NULL, progress_changed_at = NULL, import_error = NULL "
                    + "WHERE id = ?")) {
                s.setLong(1, g.id());
                s.executeUpdate();
            }
            return null;
        });
        return update(g, Grab.State.SENT, handle, null, now);
    }

    public java.util.Optional<Grab> byId(long id) {
        return select("SELECT " + COLUMNS + " FROM grab WHERE id = ?", id).stream().findFirst();
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
            try (PreparedStatement s = c.prepareStatement("UPDATE grab SET state = ?, handle = ?, message = ?, updated_at = ?, "
                    + "import_error = CASE WHEN ? = 'IMPORTED' THEN NULL ELSE import_error END WHERE id = ?")) {
                s.setString(1, state.name());
                s.setString(2, handle);
                s.setString(3, message);
                s.setString(4, now.toString());
                s.setString(5, state.name());
                s.setLong(6, g.id());
                s.executeUpdate();
            }
            return null;
        });
        return new Grab(g.id(), g.client(), g.title(), g.volume(), g.link(), handle, state, message, g.createdAt(), now, g.seriesId(), g.source(),
                g.releaseTitle(), g.contentPath(), state == Grab.State.IMPORTED ? null : g.importError());
    }

    private static Grab read(ResultSet r) throws SQLException {
        double from = r.getDouble(4);
        VolumeRange volume = r.wasNull() ? null : VolumeRange.of(from, r.getDouble(5));
        long series = r.getLong(12);
        Long seriesId = r.wasNull() ? null : series;
        return new Grab(r.getLong(1), r.getString(2), r.getString(3), volume, r.getString(6), r.getString(7),
                Grab.State.valueOf(r.getString(8)), r.getString(9), Instant.parse(r.getString(10)), Instant.parse(r.getString(11)),
                seriesId, r.getString(13), r.getString(14), r.getString(15), r.getString(16));
    }
}
