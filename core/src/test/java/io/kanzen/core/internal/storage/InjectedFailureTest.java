package io.kanzen.core.internal.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kanzen.core.KanzenException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * An I/O error injected at commit, over a real SQLite file: a connection that met it stays broken for good (as
 * sqlite-jdbc's does after SQLITE_FULL), so only a fresh connection can recover.
 */
class InjectedFailureTest {
    @TempDir
    Path data;

    @Test
    void after_an_io_error_the_writer_recovers_on_a_fresh_connection_once_the_cause_is_gone() {
        Database.open(data).close(); // the schema
        AtomicBoolean diskBroken = new AtomicBoolean();
        AtomicInteger opened = new AtomicInteger();
        SQLiteDataSource real = new SQLiteDataSource(new SQLiteConfig());
        real.setUrl("jdbc:sqlite:" + data.resolve(Database.FILE_NAME));

        try (Database db = Database.over(data.resolve(Database.FILE_NAME), () -> {
            opened.incrementAndGet();
            return breakable(real.getConnection(), diskBroken);
        })) {
            DiskFullTest.insert(db, "before", 10);
            diskBroken.set(true);
            assertThatThrownBy(() -> DiskFullTest.insert(db, "during", 10)).isInstanceOf(KanzenException.class)
                    .hasMessageContaining("disk I/O error");
            assertThatThrownBy(() -> DiskFullTest.insert(db, "still-during", 10)).isInstanceOf(KanzenException.class);

            diskBroken.set(false);
            DiskFullTest.insert(db, "after", 10);

            assertThat(DiskFullTest.value(db, "before")).isNotNull();
            assertThat(DiskFullTest.value(db, "during")).isNull(); // nothing half written
            assertThat(DiskFullTest.value(db, "after")).isNotNull();
            assertThat(opened.get()).isGreaterThan(2); // the broken writers were replaced
        }
    }

    @Test
    void a_constraint_violation_keeps_the_writer_connection() {
        AtomicInteger opened = new AtomicInteger();
        Database.open(data).close();
        SQLiteDataSource real = new SQLiteDataSource(new SQLiteConfig());
        real.setUrl("jdbc:sqlite:" + data.resolve(Database.FILE_NAME));
        try (Database db = Database.over(data.resolve(Database.FILE_NAME), () -> {
            opened.incrementAndGet();
            return real.getConnection();
        })) {
            DiskFullTest.insert(db, "same", 10);
            assertThatThrownBy(() -> DiskFullTest.insert(db, "same", 10)).isInstanceOf(KanzenException.class);
            DiskFullTest.insert(db, "other", 10);
            assertThat(opened.get()).isEqualTo(1);
        }
    }

    /** A connection whose commit fails while the disk is broken, and then forever: it is poisoned. */
    private static Connection breakable(Connection real, AtomicBoolean diskBroken) {
        AtomicBoolean poisoned = new AtomicBoolean();
        return (Connection) Proxy.newProxyInstance(InjectedFailureTest.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("commit") && (diskBroken.get() || poisoned.get())) {
                        poisoned.set(true);
                        throw new SQLException("[SQLITE_IOERR] disk I/O error", null, 10);
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
