package io.kanzen.server;

import io.kanzen.core.Kanzen;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running server and the Kanzen it serves: what both entry points start, this module's {@link Main} (the
 * environment's settings) and the command line's {@code kanzen serve} (its options). The administrator given by
 * {@code KANZEN_ADMIN_PASSWORD} (and {@code KANZEN_ADMIN_USER}) is created at the first start; reverse proxies
 * listed in {@code KANZEN_TRUSTED_PROXIES} are believed.
 */
public final class Serving implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Serving.class);

    private final Kanzen kanzen;
    private final KanzenServer server;

    private Serving(Kanzen kanzen, KanzenServer server) {
        this.kanzen = kanzen;
        this.server = server;
    }

    /**
     * Opens the data directory as its owner (a second server on it stops here with a sentence: a
     * {@link io.kanzen.core.KanzenException}), starts the scheduler and the HTTP server on {@code host} (null: all
     * interfaces) and {@code port} (0: any free one).
     */
    public static Serving start(Path data, Path plugins, String host, int port) {
        Kanzen kanzen = Kanzen.builder().dataDirectory(data).pluginsDirectory(plugins).owner(true).build();
        try {
            kanzen.startScheduler(); // automatic checks at the interval of data/missing_monitor_config.json
            String adminPassword = System.getenv("KANZEN_ADMIN_PASSWORD");
            if (adminPassword != null && !adminPassword.isBlank() && !kanzen.accounts().isSetUp()) {
                kanzen.accounts().setUp(System.getenv().getOrDefault("KANZEN_ADMIN_USER", "admin"), adminPassword);
            }
            KanzenServer server = KanzenServer.start(kanzen, host, port, System.getenv("KANZEN_TRUSTED_PROXIES"));
            LOG.info("Kanzen is running on http://localhost:{}/missing-monitor (data: {})", server.port(), kanzen.dataDirectory());
            return new Serving(kanzen, server);
        } catch (RuntimeException e) {
            kanzen.close(); // the owner lock is released: a corrected start can follow in the same process
            throw e;
        }
    }

    /** Stops the server and closes the data directory when the process is asked to stop (SIGTERM, Ctrl-C). */
    public Serving closeOnShutdown() {
        Runtime.getRuntime().addShutdownHook(new Thread(this::close, "kanzen-shutdown"));
        return this;
    }

    public int port() {
        return server.port();
    }

    @Override
    public void close() {
        server.close();
        kanzen.close();
    }
}
