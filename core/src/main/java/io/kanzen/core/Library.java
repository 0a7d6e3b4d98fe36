package io.kanzen.core;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;

/**
 * A root folder of series, as the user named it. {@code lastScan} is null until the first scan.
 * {@code chapterBased}: the files of its series folders are chapters, so a bare number ({@code Berserk 05.cbz})
 * is a chapter; in the usual, volume-based library it is a volume.
 */
public record Library(long id, String name, Path root, Instant lastScan, boolean chapterBased) {
    public Library {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(root, "root");
    }

    /** A volume-based library. */
    public Library(long id, String name, Path root, Instant lastScan) {
        this(id, name, root, lastScan, false);
    }
}
