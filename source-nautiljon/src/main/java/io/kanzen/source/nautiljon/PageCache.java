package io.kanzen.source.nautiljon;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Pages kept on disk in the plugin's work folder, by URL, for a while: a fiche changes rarely, and every page not
 * fetched again is a request Nautiljon does not count against us. Written to a temporary file and moved, so a
 * crash never leaves half a page.
 */
final class PageCache {
    private final Path dir;
    private final Duration maxAge;
    private final Clock clock;

    PageCache(Path dir, Duration maxAge, Clock clock) {
        this.dir = dir;
        this.maxAge = maxAge;
        this.clock = clock;
    }

    Optional<String> get(String url) {
        Path file = file(url);
        try {
            if (!Files.isRegularFile(file)) {
                return Optional.empty();
            }
            if (Files.getLastModifiedTime(file).toInstant().plus(maxAge).isBefore(clock.instant())) {
                return Optional.empty();
            }
            return Optional.of(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return Optional.empty(); // an unreadable cache entry is a miss
        }
    }

    void put(String url, String page) {
        try {
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, "page", ".tmp");
            Files.writeString(tmp, page, StandardCharsets.UTF_8);
            Files.move(tmp, file(url), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            // caching is an optimisation: a full disk costs a request later, not a failure now
        }
    }

    private Path file(String url) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(url.getBytes(StandardCharsets.UTF_8));
            return dir.resolve(HexFormat.of().formatHex(d, 0, 16) + ".html");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
