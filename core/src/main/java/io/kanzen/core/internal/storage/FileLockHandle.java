package io.kanzen.core.internal.storage;

import io.kanzen.core.KanzenException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Optional;

/**
 * An OS file lock on one file of the data directory ({@link FileChannel#tryLock}): released by the OS when the
 * process dies, however it dies, so a crash never leaves a stale lock. The file says who holds it (process id and
 * since when), for the message the next one shows.
 */
public final class FileLockHandle implements AutoCloseable {
    private final FileChannel channel;
    private final FileLock lock;

    private FileLockHandle(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** The lock, or empty when another process (or another Kanzen of this process) holds it. */
    public static Optional<FileLockHandle> tryAcquire(Path file, Instant now) {
        FileChannel channel;
        try {
            Files.createDirectories(file.getParent());
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new KanzenException("cannot open the lock file " + file + ": " + e.getMessage(), e);
        }
        try {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                channel.close();
                return Optional.empty();
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(("pid " + ProcessHandle.current().pid() + " since " + now + "\n").getBytes(StandardCharsets.UTF_8)), 0);
            channel.force(false);
            return Optional.of(new FileLockHandle(channel, lock));
        } catch (OverlappingFileLockException e) {
            closeQuietly(channel);
            return Optional.empty();
        } catch (IOException e) {
            closeQuietly(channel);
            throw new KanzenException("cannot lock " + file + ": " + e.getMessage(), e);
        }
    }

    /** Who holds the lock, as its file says ("pid 4242 since ..."), or "another process" when it cannot be read. */
    public static String holder(Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8).strip();
            return text.startsWith("pid ") ? "process " + text.substring(4) : "another process";
        } catch (IOException | RuntimeException e) {
            return "another process";
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException ignored) {
            // the channel's close releases it anyway
        }
        closeQuietly(channel);
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // nothing more to do
        }
    }
}
