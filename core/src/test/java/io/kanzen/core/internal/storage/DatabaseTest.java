package io.kanzen.core.internal.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseTest {
    @TempDir
    Path data;

    @Test
    void a_new_database_is_a_file_in_wal_mode_with_the_latest_schema() {
        try (Database db = Database.open(data)) {
            assertThat(db.file()).isEqualTo(data.resolve("manga_library.db")).exists();
            assertThat(query(db, "PRAGMA journal_mode")).isEqualTo("wal");
            assertThat(query(db, "SELECT max(CAST(version AS INTEGER)) FROM flyway_schema_history WHERE success = 1"))
                    .isEqualTo(String.valueOf(latestMigration()));
        }
    }

    @Test
    void a_database_with_every_migration_is_known_current_without_flyway_and_an_older_one_is_not() throws Exception {
        org.sqlite.SQLiteDataSource ds = new org.sqlite.SQLiteDataSource();
        ds.setUrl("jdbc:sqlite:" + data.resolve("manga_library.db"));
        assertThat(MigrationScripts.isCurrent(ds)).as("no file yet").isFalse();
        try (Database old = Database.open(data, "1")) {
            assertThat(MigrationScripts.isCurrent(ds)).as("only V1").isFalse();
        }
        try (Database current = Database.open(data)) {
            assertThat(MigrationScripts.isCurrent(ds)).isTrue();
        }
        assertThat(MigrationScripts.latestShipped()).hasValue(latestMigration());
    }

    @Test
    void a_write_that_reads_first_waits_for_another_processs_write_instead_of_failing_busy() throws Exception {
        try (Database here = Database.open(data); Database beside = Database.open(data)) { // beside: as a command line's connections
            java.util.concurrent.CountDownLatch read = new java.util.concurrent.CountDownLatch(1);
            ExecutorService other = Executors.newSingleThreadExecutor();
            try {
                Future<?> besideWrites = other.submit(() -> {
                    read.await();
                    return beside.write(c -> insertLibrary(c, "Beside"));
                });
                here.write(c -> {
                    single(c, "SELECT count(*) FROM library"); // a snapshot, were the transaction still only reading
                    read.countDown();
                    pause(300); // the other write commits now, or waits for this one
                    return insertLibrary(c, "Here");
                });
                besideWrites.get(15, java.util.concurrent.TimeUnit.SECONDS);
            } finally {
                other.shutdownNow();
            }
            assertThat(query(here, "SELECT group_concat(name, ',') FROM (SELECT name FROM library ORDER BY name)")).isEqualTo("Beside,Here");
        }
    }

    private static void pause(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int insertLibrary(java.sql.Connection c, String name) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO library (name, root_path, created_at) VALUES (?, ?, '2026-12-02')")) {
            s.setString(1, name);
            s.setString(2, "/manga/" + name);
            return s.executeUpdate();
        }
    }

    /** The highest version among the migration scripts shipped: V7__x.sql is 7. */
    private static int latestMigration() {
        try (var files = java.nio.file.Files.list(Path.of(Database.class.getResource("/db/migration").toURI()))) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.matches("V\\d+__.*\\.sql"))
                    .mapToInt(n -> Integer.parseInt(n.substring(1, n.indexOf("__")))).max().orElseThrow();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void upgrading_from_the_first_schema_keeps_every_row_and_adds_the_new_columns() {
        try (Database v1 = Database.open(data, "1")) {
            v1.write(c -> {
                try (Statement s = c.createStatement()) {
                    s.execute("INSERT INTO library (id, name, root_path, created_at) VALUES (1, 'Manga', '/srv/manga', '2026-01-01T00:00:00Z')");
                    s.execute("INSERT INTO series (id, library_id, title, title_key, folder) VALUES (1, 1, 'One Piece', 'one piece', 'One Piece')");
                    s.execute("INSERT INTO volume_file (library_id, series_id, path, size, modified_ms, volume_from, volume_to) "
                            + "VALUES (1, 1, 'One Piece/One Piece T01.cbz', 1000, 5, 1, 1)");
                }
                return null;
            });
            assertThatThrownBy(() -> v1.read(c -> single(c, "SELECT language FROM volume_file"))).hasMessageContaining("language");
        }

        try (Database latest = Database.open(data)) {
            assertThat(query(latest, "SELECT path || '|' || size || '|' || volume_from FROM volume_file"))
                    .isEqualTo("One Piece/One Piece T01.cbz|1000|1.0");
            assertThat(query(latest, "SELECT coalesce(language, 'none') FROM volume_file")).isEqualTo("none");
            assertThat(query(latest, "SELECT count(*) FROM plugin_secret")).isEqualTo("0");
        }
    }

    @Test
    void a_failing_write_leaves_no_half_written_rows() {
        try (Database db = Database.open(data)) {
            assertThatThrownBy(() -> db.write(c -> {
                try (Statement s = c.createStatement()) {
                    s.execute("INSERT INTO library (name, root_path, created_at) VALUES ('A', '/a', 'now')");
                    s.execute("INSERT INTO library (name, root_path, created_at) VALUES ('A', '/b', 'now')"); // same name: fails
                }
                return null;
            })).hasMessageContaining("UNIQUE");

            assertThat(query(db, "SELECT count(*) FROM library")).isEqualTo("0");
        }
    }

    @Test
    void concurrent_writers_queue_instead_of_failing_with_sqlite_busy() throws Exception {
        try (Database db = Database.open(data)) {
            ExecutorService pool = Executors.newFixedThreadPool(8);
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < 50; i++) {
                        int n = i;
                        db.write(c -> {
                            try (PreparedStatement s = c.prepareStatement("INSERT INTO plugin_secret (scope, name, value) VALUES (?, ?, 'x')")) {
                                s.setString(1, "t" + thread);
                                s.setString(2, "k" + n);
                                return s.executeUpdate();
                            }
                        });
                        db.read(c -> single(c, "SELECT count(*) FROM plugin_secret"));
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get(); // rethrows any SQLITE_BUSY
            }
            pool.shutdown();
            assertThat(query(db, "SELECT count(*) FROM plugin_secret")).isEqualTo("400");
        }
    }

    private static String query(Database db, String sql) {
        return db.read(c -> single(c, sql));
    }

    static String single(java.sql.Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getString(1);
        }
    }
}
