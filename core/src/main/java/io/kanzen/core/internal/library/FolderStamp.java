package io.kanzen.core.internal.library;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * What a folder looks like from outside, to tell whether its entries may have changed since it was listed. Adding,
 * removing or renaming an entry sets the folder's modification time; the change time ({@code ctime}) moves with any
 * change of the folder itself and cannot be set back by a program (a restore that puts an old modification time back
 * still shows); the identity (device and inode) changes when another folder takes its place. A file written in place
 * changes none of them: see {@link LibraryScanner}.
 *
 * @param modifiedNanos the modification time
 * @param changedNanos  the change time, or 0 where the file system does not give it
 * @param identity      the file key (device and inode), or "" where there is none
 */
record FolderStamp(long modifiedNanos, long changedNanos, String identity) {
    /**
     * Modification times are as coarse as 2 seconds on some file systems (FAT, some network mounts): an entry added
     * within that window after the folder was read could leave the time as it was. A folder modified this recently
     * is listed again at the next scan rather than trusted (git's "racy" rule).
     */
    static final long SETTLE_NANOS = TimeUnit.SECONDS.toNanos(2);

    FolderStamp {
        identity = identity == null ? "" : identity;
    }

    /** The folder's stamp, following a link to it; fails when it cannot be read. */
    static FolderStamp read(Path folder) throws IOException {
        if (Unix.VIEW) {
            Map<String, Object> a = Files.readAttributes(folder, "unix:lastModifiedTime,ctime,fileKey");
            Object key = a.get("fileKey");
            return new FolderStamp(nanos((FileTime) a.get("lastModifiedTime")), nanos((FileTime) a.get("ctime")),
                    key == null ? "" : key.toString());
        }
        return of(Files.readAttributes(folder, BasicFileAttributes.class));
    }

    private static FolderStamp of(BasicFileAttributes attrs) {
        Object key = attrs.fileKey();
        return new FolderStamp(nanos(attrs.lastModifiedTime()), 0, key == null ? "" : key.toString());
    }

    /** Whether the folder was last modified long enough before {@code nowNanos} (epoch nanoseconds) to be trusted. */
    boolean settledAt(long nowNanos) {
        return modifiedNanos < nowNanos - SETTLE_NANOS;
    }

    /** The form kept in the database and compared. */
    String text() {
        return modifiedNanos + "/" + changedNanos + "/" + identity;
    }

    private static long nanos(FileTime t) {
        return t == null ? 0 : t.to(TimeUnit.NANOSECONDS);
    }

    /** Whether the default file system has the "unix" attribute view (ctime); elsewhere the basic attributes do. */
    private static final class Unix {
        static final boolean VIEW = java.nio.file.FileSystems.getDefault().supportedFileAttributeViews().contains("unix");
    }
}
