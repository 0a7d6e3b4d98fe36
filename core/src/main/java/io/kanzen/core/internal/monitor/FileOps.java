package io.kanzen.core.internal.monitor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The three file operations an import needs, behind a seam so that a test can play a file system that refuses
 * links and renames across directories (as two disks or two Docker volumes do).
 */
public interface FileOps {
    /** A hard link {@code link} to {@code existing}; fails if {@code link} exists or links cannot be made there. */
    void link(Path link, Path existing) throws IOException;

    /** An atomic rename; fails (never copies) when source and target are on different file systems. */
    void rename(Path source, Path target) throws IOException;

    /** A byte copy to a new file. */
    void copy(Path source, Path target) throws IOException;

    FileOps REAL = new FileOps() {
        @Override
        public void link(Path link, Path existing) throws IOException {
            Files.createLink(link, existing);
        }

        @Override
        public void rename(Path source, Path target) throws IOException {
            Files.move(source, target, StandardCopyOption.ATOMIC_MOVE);
        }

        @Override
        public void copy(Path source, Path target) throws IOException {
            Files.copy(source, target);
        }
    };
}
