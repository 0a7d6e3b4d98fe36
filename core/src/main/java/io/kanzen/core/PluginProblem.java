package io.kanzen.core;

import java.nio.file.Files;
import java.nio.file.Path;

/** A plugin that was skipped, and why, in words for the user. {@code location} is its JAR, folder or class-path entry. */
public record PluginProblem(String location, String message) {
    /** What the skipped JAR says of itself (its version, the SPI range it was built for), when the location is a JAR. */
    public PluginManifest manifest() {
        try {
            Path p = Path.of(location);
            return Files.isRegularFile(p) ? PluginManifest.read(p) : PluginManifest.UNKNOWN;
        } catch (RuntimeException e) {
            return PluginManifest.UNKNOWN;
        }
    }
}
