package io.kanzen.source.ebdz;

import io.kanzen.api.Ed2kLink;
import io.kanzen.api.ErrorKind;
import io.kanzen.api.PluginException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.text.Normalizer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The crawl, kept in a SQLite file of the plugin's work folder: threads, their ed2k links (one row per hash and
 * size, whichever thread had it first), a full-text index on file names and thread titles, and where an
 * interrupted crawl of each forum should resume. A thread is written in one transaction: a crash never leaves
 * half of its links.
 */
final class LinkIndex implements AutoCloseable {
    /** What the index remembers of a thread, to tell whether it changed. */
    record Known(int replies, String lastPost) {}

    /** One search hit. */
    record Hit(String name, String link, long size, String hash, long tid, String threadTitle) {}

    private final Connection db;

    LinkIndex(Path file) {
        try {
            // the driver is made directly: DriverManager would find the host's copy first, which a drop-in plugin's
            // class loader may not use
            db = new org.sqlite.JDBC().connect("jdbc:sqlite:" + file, new java.util.Properties());
            try (Statement s = db.createStatement()) {
                s.execute("PRAGMA journal_mode=WAL");
                s.execute("PRAGMA busy_timeout=5000");
                s.execute("PRAGMA synchronous=NORMAL"); // WAL stays consistent after a crash; a power cut may lose the last threads, re-read next time
                s.execute("CREATE TABLE IF NOT EXISTS thread (tid INTEGER PRIMARY KEY, fid INTEGER NOT NULL, title TEXT NOT NULL, "
                        + "replies INTEGER NOT NULL, last_post TEXT NOT NULL, cover TEXT, description TEXT, indexed_at TEXT NOT NULL)");
                s.execute("CREATE TABLE IF NOT EXISTS link (hash TEXT NOT NULL, size INTEGER NOT NULL, name TEXT NOT NULL, link TEXT NOT NULL, "
                        + "tid INTEGER NOT NULL, PRIMARY KEY (hash, size))");
                s.execute("CREATE INDEX IF NOT EXISTS link_by_thread ON link (tid)");
                s.execute("CREATE VIRTUAL TABLE IF NOT EXISTS link_text USING fts5(name, title, hash UNINDEXED, size UNINDEXED, "
                        + "tokenize = 'unicode61 remove_diacritics 2')");
                s.execute("CREATE TABLE IF NOT EXISTS crawl_position (fid INTEGER PRIMARY KEY, next_url TEXT NOT NULL)");
            }
        } catch (SQLException e) {
            throw new PluginException(ErrorKind.CONFIGURATION, "cannot open the EBDZ index at " + file + ": " + e.getMessage(), e);
        }
    }

    synchronized Optional<Known> known(long tid) {
        return query(() -> {
            try (PreparedStatement s = db.prepareStatement("SELECT replies, last_post FROM thread WHERE tid = ?")) {
                s.setLong(1, tid);
                try (ResultSet r = s.executeQuery()) {
                    return r.next() ? Optional.of(new Known(r.getInt(1), r.getString(2))) : Optional.<Known>empty();
                }
            }
        });
    }

    /** Replaces a thread and its links, all or nothing. */
    synchronized void putThread(long fid, ForumPages.ThreadRow row, ForumPages.Thread thread, Instant now) {
        query(() -> {
            db.setAutoCommit(false);
            try {
                try (PreparedStatement s = db.prepareStatement("DELETE FROM link_text WHERE rowid IN "
                        + "(SELECT f.rowid FROM link_text f JOIN link l ON l.hash = f.hash AND l.size = f.size WHERE l.tid = ?)")) {
                    s.setLong(1, row.tid());
                    s.executeUpdate();
                }
                try (PreparedStatement s = db.prepareStatement("DELETE FROM link WHERE tid = ?")) {
                    s.setLong(1, row.tid());
                    s.executeUpdate();
                }
                try (PreparedStatement s = db.prepareStatement("INSERT OR REPLACE INTO thread (tid, fid, title, replies, last_post, cover, "
                        + "description, indexed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                    s.setLong(1, row.tid());
                    s.setLong(2, fid);
                    s.setString(3, row.title());
                    s.setInt(4, row.replies());
                    s.setString(5, row.lastPost());
                    s.setString(6, thread.cover());
                    s.setString(7, thread.description());
                    s.setString(8, now.toString());
                    s.executeUpdate();
                }
                try (PreparedStatement link = db.prepareStatement("INSERT OR IGNORE INTO link (hash, size, name, link, tid) VALUES (?, ?, ?, ?, ?)");
                        PreparedStatement text = db.prepareStatement("INSERT INTO link_text (name, title, hash, size) VALUES (?, ?, ?, ?)")) {
                    for (Ed2kLink l : thread.links()) {
                        link.setString(1, l.hash());
                        link.setLong(2, l.size());
                        link.setString(3, l.name());
                        link.setString(4, l.link());
                        link.setLong(5, row.tid());
                        if (link.executeUpdate() == 1) { // a link already indexed from another thread stays there
                            text.setString(1, l.name());
                            text.setString(2, row.title());
                            text.setString(3, l.hash());
                            text.setLong(4, l.size());
                            text.executeUpdate();
                        }
                    }
                }
                db.commit();
            } catch (SQLException | RuntimeException e) {
                db.rollback();
                throw e;
            } finally {
                db.setAutoCommit(true);
            }
            return null;
        });
    }

    /** Links whose file name or thread title holds every word of the query (accents and case aside). */
    synchronized List<Hit> search(String query, int limit) {
        List<String> words = words(query);
        if (words.isEmpty()) {
            return List.of();
        }
        StringBuilder match = new StringBuilder();
        for (String w : words) {
            match.append(match.length() == 0 ? "" : " AND ").append('"').append(w).append('"');
        }
        return query(() -> {
            List<Hit> out = new ArrayList<>();
            try (PreparedStatement s = db.prepareStatement("SELECT l.name, l.link, l.size, l.hash, l.tid, t.title FROM link_text f "
                    + "JOIN link l ON l.hash = f.hash AND l.size = f.size JOIN thread t ON t.tid = l.tid "
                    + "WHERE link_text MATCH ? ORDER BY rank LIMIT ?")) {
                s.setString(1, match.toString());
                s.setInt(2, limit);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        out.add(new Hit(r.getString(1), r.getString(2), r.getLong(3), r.getString(4), r.getLong(5), r.getString(6)));
                    }
                }
            }
            return out;
        });
    }

    synchronized int linkCount() {
        return query(() -> {
            try (Statement s = db.createStatement(); ResultSet r = s.executeQuery("SELECT count(*) FROM link")) {
                return r.next() ? r.getInt(1) : 0;
            }
        });
    }

    synchronized Optional<String> resumeAt(long fid) {
        return query(() -> {
            try (PreparedStatement s = db.prepareStatement("SELECT next_url FROM crawl_position WHERE fid = ?")) {
                s.setLong(1, fid);
                try (ResultSet r = s.executeQuery()) {
                    return r.next() ? Optional.of(r.getString(1)) : Optional.<String>empty();
                }
            }
        });
    }

    /** Where the crawl of a forum goes on after a crash; null when the forum was read to its end. */
    synchronized void saveResumePoint(long fid, String nextUrl) {
        query(() -> {
            try (PreparedStatement s = db.prepareStatement(nextUrl == null ? "DELETE FROM crawl_position WHERE fid = ?"
                    : "INSERT OR REPLACE INTO crawl_position (fid, next_url) VALUES (?, ?)")) {
                s.setLong(1, fid);
                if (nextUrl != null) {
                    s.setString(2, nextUrl);
                }
                s.executeUpdate();
            }
            return null;
        });
    }

    static List<String> words(String text) {
        String n = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
        List<String> out = new ArrayList<>();
        for (String w : n.split("[^\\p{L}\\p{N}]+")) {
            if (!w.isEmpty()) {
                out.add(w);
            }
        }
        return out;
    }

    @Override
    public synchronized void close() {
        try {
            db.close();
        } catch (SQLException ignored) {
            // closing: nothing left to save
        }
    }

    private interface Work<T> {
        T run() throws SQLException;
    }

    private <T> T query(Work<T> work) {
        try {
            return work.run();
        } catch (SQLException e) {
            throw new PluginException(ErrorKind.UNAVAILABLE, "the EBDZ index failed: " + e.getMessage(), e);
        }
    }
}
