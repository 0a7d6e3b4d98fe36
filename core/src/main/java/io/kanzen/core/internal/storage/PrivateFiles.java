package io.kanzen.core.internal.storage;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * The data directory holds the database (with the history and grabs), the encryption key and the settings: only
 * the account that runs Kanzen may read them. The directory is kept at 0700 and its files at 0600 where the file
 * system has POSIX permissions; elsewhere (Windows) the folder's ACL is the user's to set.
 */
public final class PrivateFiles {
    static final Set<PosixFilePermission> OWNER_ONLY_DIR = PosixFilePermissions.fromString("rwx------");
    static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");

    private PrivateFiles() {}

    /** Creates {@code dir} when missing and makes it owner-only. */
    public static void privateDirectory(Path dir) throws IOException {
        Files.createDirectories(dir);
        if (isPosix(dir)) {
            Files.setPosixFilePermissions(dir, OWNER_ONLY_DIR);
        }
    }

    /** Makes {@code file} owner-only when it exists. */
    public static void restrict(Path file) throws IOException {
        if (Files.exists(file) && isPosix(file)) {
            Files.setPosixFilePermissions(file, OWNER_ONLY_FILE);
        }
    }

    /** Creates an empty owner-only file when missing (before a library such as SQLite creates it with the umask's mode). */
    public static void createPrivate(Path file) throws IOException {
        if (Files.exists(file)) {
            restrict(file);
            return;
        }
        if (isPosix(file.getParent())) {
            try {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY_FILE));
            } catch (java.nio.file.FileAlreadyExistsException raced) {
                restrict(file);
            }
        } else {
            Files.createFile(file);
        }
    }

    /**
     * Replaces {@code target} with {@code bytes} all at once: written and synced to an owner-only temporary file
     * beside it, then moved over it, so a crash or a full disk leaves the old file or the new one, never half.
     */
    public static void writeAtomically(Path target, byte[] bytes) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Path tmp = isPosix(dir) ? Files.createTempFile(dir, "." + target.getFileName(), ".tmp", PosixFilePermissions.asFileAttribute(OWNER_ONLY_FILE))
                : Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ch.write(java.nio.ByteBuffer.wrap(bytes));
                ch.force(true);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static boolean isPosix(Path p) {
        return Files.getFileAttributeView(p, PosixFileAttributeView.class) != null;
    }
}
