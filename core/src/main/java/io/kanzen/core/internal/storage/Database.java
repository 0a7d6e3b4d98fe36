package io.kanzen.core.internal.storage;

import io.kanzen.core.KanzenException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.locks.ReentrantLock;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The SQLite file {@code manga_library.db}. SQLite allows one writer at a time, so every write goes through
 * a single connection behind a fair lock: concurrent writers queue here instead of failing with SQLITE_BUSY.
 * Readers use their own connections and, thanks to WAL, never wait for the writer.
 */
public final class Database implements AutoCloseable {
    public static final String FILE_NAME = "manga_library.db";
    private static final int READERS = 4;

    private final Path file;
    private final SQLiteDataSource dataSource;
    private final ReentrantLock writeLock = new ReentrantLock(true);
    private final Connection writer;
    private final BlockingQueue<Connection> readers = new ArrayBlockingQueue<>(READERS);
    private final List<Connection> allReaders = new ArrayList<>();
    private volatile boolean closed;
    /** A connection kept only to ask {@code PRAGMA data_version}, which changes when any other connection commits. */
    private Connection watcher;

    private Database(Path file, SQLiteDataSource dataSource, Connection writer) {
        this.file = file;
        this.dataSource = dataSource;
        this.writer = writer;
    }

    /** Opens (creating if needed) the database in {@code dataDirectory} and brings its schema up to date. */
    public static Database open(Path dataDirectory) {
        return open(dataDirectory, null);
    }

    /**
     * Like {@link #open(Path)}, but migrates only up to {@code targetVersion} when it is not null: used to build
     * an older schema in upgrade tests.
     */
    public static Database open(Path dataDirectory, String targetVersion) {
        Path file = dataDirectory.resolve(FILE_NAME);
        try {
            Files.createDirectories(dataDirectory);
        } catch (Exception e) {
            throw new KanzenException("cannot create the data directory " + dataDirectory + ": " + e.getMessage(), e);
        }
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.enforceForeignKeys(true);
        config.setBusyTimeout(10_000);
        SQLiteDataSource dataSource = new SQLiteDataSource(config);
        dataSource.setUrl("jdbc:sqlite:" + file);
        migrate(dataSource, file, targetVersion);
        try {
            Connection writer = dataSource.getConnection();
            writer.setAutoCommit(false);
            return new Database(file, dataSource, writer);
        } catch (SQLException e) {
            throw new KanzenException("cannot open " + file + ": " + e.getMessage(), e);
        }
    }

    private static void migrate(SQLiteDataSource dataSource, Path file, String targetVersion) {
        if (targetVersion == null && MigrationScripts.isCurrent(dataSource)) {
            return; // Flyway's start-up is most of a short command's time: not paid when there is nothing to do
        }
        var configuration = Flyway.configure(Database.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .loggers("slf4j");
        if (targetVersion != null) {
            configuration.target(targetVersion);
        }
        try {
            configuration.load().migrate();
        } catch (FlywayException e) {
            throw new KanzenException("cannot bring the database " + file + " up to date: " + e.getMessage(), e);
        }
    }

    public Path file() {
        return file;
    }

    /**
     * A number that changes whenever anything was committed to the database since the last call saw it, by this
     * process or another one (a CLI beside the server): what derived state (the wanted list, the counts) is keyed
     * on. Costs one tiny query.
     */
    public synchronized long dataVersion() {
        ensureOpen();
        try {
            if (watcher == null) {
                watcher = dataSource.getConnection();
            }
            try (var s = watcher.createStatement(); var r = s.executeQuery("PRAGMA data_version")) {
                r.next();
                return r.getLong(1);
            }
        } catch (SQLException e) {
            closeWatcher();
            throw new KanzenException("database read failed: " + e.getMessage(), e);
        }
    }

    private synchronized void closeWatcher() {
        if (watcher != null) {
            try {
                watcher.close();
            } catch (SQLException ignored) {
                // a new one is opened at the next call
            }
            watcher = null;
        }
    }

    /**
     * Runs {@code work} in one transaction on the writer connection: all of it is committed, or none of it
     * when it throws (no half-written rows).
     */
    public <T> T write(SqlWork<T> work) {
        ensureOpen();
        writeLock.lock();
        try {
            try {
                T result = work.run(writer);
                writer.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(e);
                if (e instanceof RuntimeException re) {
                    throw re;
                }
                throw new KanzenException("database write failed: " + e.getMessage(), e);
            }
        } finally {
            writeLock.unlock();
        }
    }

    /** Runs {@code work} on a reader connection; it sees the last committed state. */
    public <T> T read(SqlWork<T> work) {
        ensureOpen();
        Connection c = borrowReader();
        try {
            return work.run(c);
        } catch (SQLException e) {
            throw new KanzenException("database read failed: " + e.getMessage(), e);
        } finally {
            readers.offer(c);
        }
    }

    private Connection borrowReader() {
        Connection c = readers.poll();
        if (c != null) {
            return c;
        }
        synchronized (allReaders) {
            if (allReaders.size() < READERS) {
                try {
                    c = dataSource.getConnection();
                    try (var s = c.createStatement()) {
                        s.execute("PRAGMA query_only = true"); // a reader can never write by mistake
                    }
                    allReaders.add(c);
                    return c;
                } catch (SQLException e) {
                    throw new KanzenException("cannot open a database connection: " + e.getMessage(), e);
                }
            }
        }
        try {
            return readers.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KanzenException("interrupted while waiting for the database", e);
        }
    }

    private void rollbackQuietly(Exception cause) {
        try {
            writer.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("the database is closed");
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        writeLock.lock();
        try {
            writer.close();
        } catch (SQLException ignored) {
            // closing anyway
        } finally {
            writeLock.unlock();
        }
        closeWatcher();
        synchronized (allReaders) {
            for (Connection c : allReaders) {
                try {
                    c.close();
                } catch (SQLException ignored) {
                    // closing anyway
                }
            }
        }
    }
}
