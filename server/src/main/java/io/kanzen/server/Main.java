package io.kanzen.server;

import io.kanzen.core.Kanzen;
import io.kanzen.core.KanzenException;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the server: {@code KANZEN_PORT} (default 5000), {@code KANZEN_HOST} (default all interfaces),
 * {@code KANZEN_DATA} (default ./data), {@code KANZEN_PLUGINS} (default ./plugins), {@code KANZEN_TRUSTED_PROXIES}
 * (reverse proxies whose {@code X-Forwarded-For} is believed; default none).
 */
public final class Main {
    private static final Logger LOG = LoggerFactory.getLogger(Main.class);

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
            // the owner lock: a second server on the same data directory stops here with a sentence, exit 1
            Kanzen kanzen = Kanzen.builder().dataDirectory(data).pluginsDirectory(plugins).owner(true).build();
            kanzen.startScheduler(); // automatic checks at the interval of data/missing_monitor_config.json
            String adminPassword = System.getenv("KANZEN_ADMIN_PASSWORD");
            if (adminPassword != null && !adminPassword.isBlank() && !kanzen.accounts().isSetUp()) {
                kanzen.accounts().setUp(System.getenv().getOrDefault("KANZEN_ADMIN_USER", "admin"), adminPassword);
            }
            KanzenServer server = KanzenServer.start(kanzen, System.getenv("KANZEN_HOST"), port, System.getenv("KANZEN_TRUSTED_PROXIES"));
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                server.close();
                kanzen.close();
            }, "kanzen-shutdown"));
            LOG.info("Kanzen is running on http://localhost:{}/missing-monitor (data: {})", server.port(), kanzen.dataDirectory());
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
