package io.kanzen.core;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;

/** A root folder of series, as the user named it. {@code lastScan} is null until the first scan. */
public record Library(long id, String name, Path root, Instant lastScan) {
    public Library {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(root, "root");
    }
}
