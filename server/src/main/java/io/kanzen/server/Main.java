package io.kanzen.server;

import io.kanzen.core.KanzenException;
import java.nio.file.Path;

/**
 * Runs the server: {@code KANZEN_PORT} (default 5000), {@code KANZEN_HOST} (default all interfaces),
 * {@code KANZEN_DATA} (default ./data), {@code KANZEN_PLUGINS} (default ./plugins), {@code KANZEN_TRUSTED_PROXIES}
 * (reverse proxies whose {@code X-Forwarded-For} is believed; default none). {@code kanzen serve} does the same
 * from the command line's launcher.
 */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        Path data = Path.of(env("KANZEN_DATA", "data"));
        Path plugins = Path.of(env("KANZEN_PLUGINS", "plugins"));
        int port;
        try {
            port = Integer.parseInt(env("KANZEN_PORT", "5000"));
        } catch (NumberFormatException e) {
            System.err.println("kanzen: KANZEN_PORT must be a port number");
            System.exit(2);
            return;
        }
        try {
            Serving.start(data, plugins, System.getenv("KANZEN_HOST"), port).closeOnShutdown();
        } catch (KanzenException e) {
            System.err.println("kanzen: " + e.getMessage());
            System.exit(1);
        } catch (RuntimeException e) {
            System.err.println("kanzen: cannot start: " + e.getMessage());
            System.exit(1);
        }
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }
}
