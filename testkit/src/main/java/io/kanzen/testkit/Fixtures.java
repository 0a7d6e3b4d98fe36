package io.kanzen.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The peers' recorded or reconstructed answers, shipped with the test kit so that every module's tests (and a
 * plugin author's) read the same files: {@code prowlarr/}, {@code nautiljon/}, {@code mybb/}, {@code amule-ec/}.
 * Each folder's README says what is real and what is reconstructed.
 */
public final class Fixtures {
    private static final String ROOT = "/io/kanzen/testkit/fixtures/";

    private Fixtures() {}

    /** A fixture as UTF-8 text, such as {@code text("prowlarr/search_empty.json")}. */
    public static String text(String path) {
        return new String(bytes(path), StandardCharsets.UTF_8);
    }

    public static byte[] bytes(String path) {
        try (InputStream in = Fixtures.class.getResourceAsStream(ROOT + path)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + path + " in the test kit");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
