package io.kanzen.core.internal.storage;

import io.kanzen.core.KanzenException;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The SQLite file {@code manga_library.db}. SQLite allows one writer at a time, so every write goes through
 * a single connection behind a fair lock: concurrent writers queue here instead of failing with SQLITE_BUSY.
 * Readers use their own connections and, thanks to WAL, never wait for the writer.
 *
 * <p>After a failure of the file itself (disk full, an I/O error), a connection can stay unusable (SQLite rolled
 * back on its own while the driver still believes a transaction is open): such a connection is closed and the next
 * write or read opens a fresh one, so Kanzen recovers by itself once the cause is gone. The outage is logged once,
 * and its end too.
 */
public final class Database implements AutoCloseable {
    public static final String FILE_NAME = "manga_library.db";
    private static final Logger LOG = LoggerFactory.getLogger(Database.class);
    private static final int READERS = 4;
    /** SQLITE_CONSTRAINT: the data's fault, not the connection's. */
    private static final int CONSTRAINT = 19;

    private final Path file;
    private final Connections connections;
    private final ReentrantLock writeLock = new ReentrantLock(true);
    private Connection writer; // guarded by writeLock; null after a failure, until the next write opens one
    private volatile boolean failing;
    private final BlockingQueue<Connection> readers = new ArrayBlockingQueue<>(READERS);
    private final List<Connection> allReaders = new ArrayList<>();
    private volatile boolean closed;
    /** A connection kept only to ask {@code PRAGMA data_version}, which changes when any other connection commits. */
    private Connection watcher;

    /** Where connections come from: the data source, or a test's failing stand-in. */
    @FunctionalInterface
    interface Connections {
        Connection open() throws SQLException;
    }

    private Database(Path file, Connections connections, Connection writer) {
        this.file = file;
        this.connections = connections;
        this.writer = writer;
    }

    /** Opens (creating if needed) the database in {@code dataDirectory} and brings its schema up to date. */
    public static Database open(Path dataDirectory) {
        return open(dataDirectory, (String) null);
    }

    /**
     * Like {@link #open(Path)}, but migrates only up to {@code targetVersion} when it is not null: used to build
     * an older schema in upgrade tests.
     */
    public static Database open(Path dataDirectory, String targetVersion) {
        Path file = dataDirectory.resolve(FILE_NAME);
        try {
            PrivateFiles.privateDirectory(dataDirectory);
            PrivateFiles.createPrivate(file); // before SQLite makes it with the umask's mode; its -wal and -shm copy this mode
            PrivateFiles.restrict(file.resolveSibling(FILE_NAME + "-wal"));
            PrivateFiles.restrict(file.resolveSibling(FILE_NAME + "-shm"));
        } catch (Exception e) {
            throw new KanzenException("cannot prepare the data directory " + dataDirectory + ": " + e.getMessage(), e);
        }
        SqliteNativeLibrary.useCopyIn(dataDirectory); // before the driver's first connection: no extraction to /tmp at each start
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.enforceForeignKeys(true);
        config.setBusyTimeout(10_000);
        SQLiteDataSource dataSource = new SQLiteDataSource(config);
        dataSource.setUrl("jdbc:sqlite:" + file);
        migrate(dataSource, file, targetVersion);
        return over(file, dataSource::getConnection);
    }

    /** Over connections that come from {@code connections} (the schema already there): for tests that inject failures. */
    static Database over(Path file, Connections connections) {
        try {
            return new Database(file, connections, writerFrom(connections));
        } catch (SQLException e) {
            throw new KanzenException("cannot open " + file + ": " + e.getMessage(), e);
        }
    }

    private static Connection writerFrom(Connections connections) throws SQLException {
        Connection c = connections.open();
        c.setAutoCommit(false);
        return c;
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
                watcher = connections.open();
            }
            try (var s = watcher.createStatement(); var r = s.executeQuery("PRAGMA data_version")) {
                r.next();
                return r.getLong(1);
            }
        } catch (SQLException e) {
            closeWatcher();
            throw new KanzenException("database.read", KanzenException.pairs("detail", e.getMessage()), "database read failed: " + e.getMessage(), e);
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
            Connection c;
            try {
                c = writer != null ? writer : (writer = writerFrom(connections));
            } catch (SQLException e) {
                failed(e);
                throw new KanzenException("database.write", KanzenException.pairs("detail", e.getMessage()), "database write failed: " + e.getMessage(), e);
            }
            try {
                takeWriteLock(c);
                T result = work.run(c);
                c.commit();
                recovered();
                return result;
            } catch (SQLException | RuntimeException e) {
                boolean rolledBack = rollbackQuietly(c, e);
                if (e instanceof SQLException sql && sql.getErrorCode() != CONSTRAINT || !rolledBack) {
                    failed(e);
                    writer = null; // this connection may be stuck in a state only a new one clears
                    closeQuietly(c);
                }
                if (e instanceof RuntimeException re) {
                    throw re;
                }
                throw new KanzenException("database.write", KanzenException.pairs("detail", e.getMessage()), "database write failed: " + e.getMessage(), e);
            }
        } finally {
            writeLock.unlock();
        }
    }

    /**
     * Makes the transaction a writing one before {@code work} reads anything. SQLite's transactions here are deferred:
     * one that reads first holds a snapshot, and when it then writes after another connection (a command line beside
     * the server) committed, SQLite answers SQLITE_BUSY at once instead of waiting the busy timeout. A write first
     * (one that changes nothing) waits for the lock, then reads the latest state.
     */
    private static void takeWriteLock(Connection c) throws SQLException {
        try (var s = c.createStatement()) {
            s.execute("UPDATE library SET id = id WHERE 0");
        }
    }

    /** Runs {@code work} on a reader connection; it sees the last committed state. */
    public <T> T read(SqlWork<T> work) {
        ensureOpen();
        Connection c = borrowReader();
        boolean keep = true;
        try {
            return work.run(c);
        } catch (SQLException e) {
            keep = e.getErrorCode() == CONSTRAINT;
            throw new KanzenException("database.read", KanzenException.pairs("detail", e.getMessage()), "database read failed: " + e.getMessage(), e);
        } finally {
            if (keep) {
                readers.offer(c);
            } else { // the next read opens a fresh one
                synchronized (allReaders) {
                    allReaders.remove(c);
                }
                closeQuietly(c);
            }
        }
    }

    private void failed(Exception e) {
        if (!failing) {
            failing = true;
            LOG.warn("writing the database {} failed ({}); the next writes use a fresh connection, and work again once the cause is gone",
                    file, e.getMessage());
        }
    }

    private void recovered() {
        if (failing) {
            failing = false;
            LOG.info("writing the database {} works again", file);
        }
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException ignored) {
            // it is being dropped
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
                    c = connections.open();
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

    private static boolean rollbackQuietly(Connection c, Exception cause) {
        try {
            c.rollback();
            return true;
        } catch (SQLException e) {
            cause.addSuppressed(e);
            return false;
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
            if (writer != null) {
                writer.close();
            }
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
