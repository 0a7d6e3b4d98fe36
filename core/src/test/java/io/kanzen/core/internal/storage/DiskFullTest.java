package io.kanzen.core.internal.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kanzen.core.KanzenException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real full file system: a small tmpfs mounted for the test (skipped where mounting is not permitted). */
class DiskFullTest {
    @TempDir
    Path tmp;

    @Test
    void once_space_is_freed_after_the_disk_was_full_writes_work_again_without_a_restart() throws Exception {
        Path mount = Files.createDirectories(tmp.resolve("small"));
        mountTmpfs(mount);
        try (Database db = Database.open(mount.resolve("data"))) {
            insert(db, "before", 10);
            Path filler = fill(mount);

            assertThatThrownBy(() -> {
                for (int i = 0; i < 1000; i++) {
                    insert(db, "while-full-" + i, 64 * 1024);
                }
            }).isInstanceOf(KanzenException.class).hasMessageContaining("database write failed");
            Files.delete(filler);

            insert(db, "after", 64 * 1024);
            insert(db, "and-after", 64 * 1024);
            assertThat(count(db)).isGreaterThanOrEqualTo(3);
            assertThat(value(db, "after")).hasSize(64 * 1024);
        } finally {
            run("umount", "-l", mount.toString());
        }
    }

    static void insert(Database db, String name, int size) {
        db.write(c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO plugin_secret (scope, name, value) VALUES ('test', ?, ?)")) {
                s.setString(1, name);
                s.setString(2, "x".repeat(size));
                s.executeUpdate();
            }
            return null;
        });
    }

    static int count(Database db) {
        return db.read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT count(*) FROM plugin_secret"); ResultSet r = s.executeQuery()) {
                r.next();
                return r.getInt(1);
            }
        });
    }

    static String value(Database db, String name) {
        return db.read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT value FROM plugin_secret WHERE name = ?")) {
                s.setString(1, name);
                try (ResultSet r = s.executeQuery()) {
                    return r.next() ? r.getString(1) : null;
                }
            }
        });
    }

    private static Path fill(Path mount) throws IOException {
        Path filler = mount.resolve("filler");
        byte[] chunk = new byte[64 * 1024];
        try (OutputStream out = Files.newOutputStream(filler)) {
            while (true) {
                out.write(chunk);
            }
        } catch (IOException full) {
            return filler; // No space left on device: the disk is full
        }
    }

    private static void mountTmpfs(Path mount) throws Exception {
        String out = run("mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", mount.toString());
        Assumptions.assumeTrue(out == null, () -> "cannot mount a small tmpfs here (" + out + "): the injected-failure test covers recovery");
    }

    /** Runs a command; null when it succeeded, else what it said. */
    private static String run(String... command) throws Exception {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0 ? null : output;
        } catch (IOException e) {
            return e.getMessage();
        }
    }
}
