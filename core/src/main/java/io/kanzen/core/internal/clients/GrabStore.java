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
    private final Database db;

    public GrabStore(Database db) {
        this.db = db;
    }

    /** Records a grab about to be sent, and returns it with its id. */
    public Grab recordSending(String client, String title, VolumeRange volume, String link, Instant now) {
        long id = db.write(c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO grab (client, title, volume_from, volume_to, link, state, created_at, "
                    + "updated_at) VALUES (?, ?, ?, ?, ?, 'SENDING', ?, ?)", PreparedStatement.RETURN_GENERATED_KEYS)) {
                s.setString(1, client);
                s.setString(2, title);
                if (volume == null) {
                    s.setNull(3, Types.REAL);
                    s.setNull(4, Types.REAL);
                } else {
                    s.setDouble(3, volume.from());
                    s.setDouble(4, volume.to());
                }
                s.setString(5, link);
                s.setString(6, now.toString());
                s.setString(7, now.toString());
                s.executeUpdate();
                try (ResultSet k = s.getGeneratedKeys()) {
                    k.next();
                    return k.getLong(1);
                }
            }
        });
        return new Grab(id, client, title, volume, link, null, Grab.State.SENDING, null, now, now);
    }

    public Grab markSent(Grab g, String handle, Instant now) {
        update(g.id(), Grab.State.SENT, handle, null, now);
        return new Grab(g.id(), g.client(), g.title(), g.volume(), g.link(), handle, Grab.State.SENT, null, g.createdAt(), now);
    }

    public Grab markFailed(Grab g, String message, Instant now) {
        update(g.id(), Grab.State.FAILED, null, message, now);
        return new Grab(g.id(), g.client(), g.title(), g.volume(), g.link(), null, Grab.State.FAILED, message, g.createdAt(), now);
    }

    /** Newest first. */
    public List<Grab> all() {
        return db.read(c -> {
            List<Grab> out = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT id, client, title, volume_from, volume_to, link, handle, state, message, "
                    + "created_at, updated_at FROM grab ORDER BY id DESC");
                    ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.add(read(r));
                }
            }
            return out;
        });
    }

    private void update(long id, Grab.State state, String handle, String message, Instant now) {
        db.write(c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE grab SET state = ?, handle = ?, message = ?, updated_at = ? WHERE id = ?")) {
                s.setString(1, state.name());
                s.setString(2, handle);
                s.setString(3, message);
                s.setString(4, now.toString());
                s.setLong(5, id);
                s.executeUpdate();
            }
            return null;
        });
    }

    private static Grab read(ResultSet r) throws SQLException {
        double from = r.getDouble(4);
        VolumeRange volume = r.wasNull() ? null : VolumeRange.of(from, r.getDouble(5));
        return new Grab(r.getLong(1), r.getString(2), r.getString(3), volume, r.getString(6), r.getString(7),
                Grab.State.valueOf(r.getString(8)), r.getString(9), Instant.parse(r.getString(10)), Instant.parse(r.getString(11)));
    }
}
