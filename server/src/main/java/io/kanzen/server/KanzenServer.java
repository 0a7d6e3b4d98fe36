package io.kanzen.server;

import io.javalin.Javalin;
import io.kanzen.core.Kanzen;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The HTTP face of Kanzen. For now: the health endpoint and a status page; the REST API and the web UI grow
 * here with the server issue.
 */
public final class KanzenServer implements AutoCloseable {
    private final Javalin app;

    private KanzenServer(Javalin app) {
        this.app = app;
    }

    /** Starts on {@code port} (0 for any free port) on all interfaces, or on {@code host} when given. */
    public static KanzenServer start(Kanzen kanzen, String host, int port) {
        Javalin app = Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.routes.get("/", ctx -> ctx.redirect("/missing-monitor"));
            cfg.routes.get("/health", ctx -> {
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("status", "UP");
                body.put("libraries", kanzen.libraries().size());
                ctx.json(body);
            });
            cfg.routes.get("/missing-monitor", ctx -> ctx.html(StatusPage.render(kanzen)));
        });
        if (host == null) {
            app.start(port);
        } else {
            app.start(host, port);
        }
        return new KanzenServer(app);
    }

    public int port() {
        return app.port();
    }

    @Override
    public void close() {
        app.stop();
    }
}
