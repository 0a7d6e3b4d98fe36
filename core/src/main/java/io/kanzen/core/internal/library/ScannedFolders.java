package io.kanzen.core.internal.library;

import io.kanzen.core.internal.storage.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/** Rows of {@code scanned_folder}: each folder of a library as it was when last listed (V21). */
final class ScannedFolders {
    private final Database db;

    ScannedFolders(Database db) {
        this.db = db;
    }

    /** A folder as last listed: its stamp (null: list it again) and the volume files directly in it. */
    record Folder(String path, String stamp, int files) {}

    Map<String, Folder> of(long libraryId) {
        return db.read(c -> {
            Map<String, Folder> out = new HashMap<>();
            try (PreparedStatement s = c.prepareStatement("SELECT path, stamp, files FROM scanned_folder WHERE library_id = ?")) {
                s.setLong(1, libraryId);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        out.put(r.getString(1), new Folder(r.getString(1), r.getString(2), r.getInt(3)));
                    }
                }
            }
            return out;
        });
    }

    /** Records the folders listed by a scan, inside its write transaction. */
    static void save(Connection c, long libraryId, Collection<Folder> listed) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO scanned_folder (library_id, path, stamp, files) VALUES (?, ?, ?, ?) "
                + "ON CONFLICT (library_id, path) DO UPDATE SET stamp = excluded.stamp, files = excluded.files")) {
            for (Folder f : listed) {
                s.setLong(1, libraryId);
                s.setString(2, f.path());
                s.setString(3, f.stamp());
                s.setInt(4, f.files());
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    /** Forgets folders that are gone, inside the scan's write transaction. */
    static void forget(Connection c, long libraryId, Collection<String> gone) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("DELETE FROM scanned_folder WHERE library_id = ? AND path = ?")) {
            for (String path : gone) {
                s.setLong(1, libraryId);
                s.setString(2, path);
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    /** The folder holding {@code path} ("" for the root), both relative to the library root. */
    static String parentOf(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }
}
