package io.kanzen.server;

import io.javalin.Javalin;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.json.JavalinJackson;
import io.kanzen.api.ErrorKind;
import io.kanzen.api.PluginException;
import io.kanzen.core.Health;
import io.kanzen.core.InvalidSettingException;
import io.kanzen.core.Kanzen;
import io.kanzen.core.KanzenException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The HTTP face of Kanzen: the REST API under {@code /api}, the web UI at {@code /missing-monitor}, {@code /health}. */
public final class KanzenServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(KanzenServer.class);
    /** Larger bodies are refused: no request of this API needs more. */
    static final long MAX_REQUEST_BYTES = 1024 * 1024;
    /** Enough for 20 clients at once beside Jetty's acceptor and selector. */
    static final int MAX_THREADS = 32;

    private final Javalin app;

    private KanzenServer(Javalin app) {
        this.app = app;
    }

    /** Starts on {@code port} (0 for any free port) on all interfaces, or on {@code host} when given; trusts no proxy. */
    public static KanzenServer start(Kanzen kanzen, String host, int port) {
        return start(kanzen, host, port, null);
    }

    /**
     * Like {@link #start(Kanzen, String, int)}, believing {@code X-Forwarded-For} from the reverse proxies listed in
     * {@code trustedProxies} (addresses separated by commas; null or empty for none).
     */
    public static KanzenServer start(Kanzen kanzen, String host, int port, String trustedProxies) {
        // branch startup (issue 16): Jetty's MemoryUtils asks the JVM, through JMX, whether references are compressed, to
        // pad its queues to a cache line; starting the platform MBean server for that costs a tenth of a second of every
        // start (and its MXBeans stay in memory). 16 references per 64-byte line is its answer for a heap under 32 GB.
        System.getProperties().putIfAbsent("org.eclipse.jetty.util.referencesPerCacheLine", "16");
        Security security = new Security(kanzen, Clock.systemUTC(), ClientAddress.fromSetting(trustedProxies));
        Api api = new Api(kanzen);
        String ui = resource("/public/index.html");
        Javalin app = Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.http.maxRequestSize = MAX_REQUEST_BYTES;
            cfg.http.prefer405over404 = true;
            // branch start (issue 16): a home server's pool (Jetty's default keeps 8 threads and allows 200), idle ones let go
            cfg.jetty.threadPool = new QueuedThreadPool(MAX_THREADS, 2, 60_000);
            cfg.jetty.modifyServer(server -> server.setErrorHandler(new JsonErrorHandler()));
            cfg.jetty.modifyHttpConfiguration(http -> {
                http.setSendServerVersion(false);
                http.setRequestHeaderSize(16 * 1024); // a longer URI is a 414, in JSON
            });
            cfg.jsonMapper(new JavalinJackson(new ObjectMapper().registerModule(new JavaTimeModule())
                    .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS), false));
            // the UI's files and the vendored libraries (charts, pinned WebJars: /webjars/<name>/<version>/...), read
            // through the class loader rather than Javalin's static files (see ClassPathFiles: memory and start-up)
            ClassPathFiles.register(cfg.routes, "/assets", "public/assets", "max-age=0");
            ClassPathFiles.register(cfg.routes, "/webjars", "META-INF/resources/webjars", "max-age=31622400");
            cfg.routes.before(SecurityHeaders::apply);
            cfg.routes.get("/", ctx -> ctx.redirect("/missing-monitor"));
            cfg.routes.get("/missing-monitor", ctx -> ctx.html(ui));
            cfg.routes.get("/health", ctx -> {
                // DEGRADED is still 200: the server works and a monitor should not restart it; only DOWN is 503
                Health health = kanzen.health();
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("status", health.status().name());
                body.put("reasons", health.reasons()); // English texts, as monitors and older readers know them
                body.put("problems", health.problems()); // the same with code and params, for the web UI (problem.<code>)
                ctx.status(health.status() == Health.Status.DOWN ? 503 : 200).json(body);
            });
            cfg.routes.get("/api/openapi.json", ctx -> ctx.contentType("application/json").result(resource("/openapi.json")));
            security.register(cfg.routes);
            api.register(cfg.routes);
            cfg.routes.exception(HttpResponseException.class, (e, ctx) -> error(ctx, e.getStatus(), switch (e.getStatus()) {
                case 404 -> "endpoint.notFound";
                case 405 -> "method.notAllowed";
                default -> "http." + e.getStatus();
            }, Map.of("path", ctx.path()), e.getMessage(), null));
            cfg.routes.exception(ApiException.class, (e, ctx) -> error(ctx, e.status, e.code, e.params, e.getMessage(), e.field));
            cfg.routes.exception(InvalidSettingException.class, (e, ctx) -> error(ctx, 400, e.code(), e.params(), e.getMessage(), e.field()));
            cfg.routes.exception(KanzenException.class, (e, ctx) -> error(ctx, status(e), e.code(), e.params(), e.getMessage(), null));
            cfg.routes.exception(IllegalArgumentException.class, (e, ctx) -> error(ctx, 400, "input.invalid", Map.of("detail", String.valueOf(e.getMessage())),
                    e.getMessage(), null));
            cfg.routes.exception(PluginException.class, (e, ctx) -> error(ctx, status(e), KanzenException.codeOf(e), KanzenException.paramsOf(e),
                    e.getMessage(), null));
            cfg.routes.exception(Exception.class, (e, ctx) -> {
                LOG.error("unexpected failure on {} {}", ctx.method(), ctx.path(), e);
                error(ctx, 500, "internal", Map.of(), "internal error: see the server log", null);
            });
            cfg.routes.error(404, ctx -> {
                if (ctx.result() == null || !ctx.result().startsWith("{")) {
                    error(ctx, 404, "endpoint.notFound", Map.of("path", ctx.path()), "no such endpoint: " + ctx.method() + " " + ctx.path(), null);
                }
            });
            cfg.routes.error(405, ctx -> {
                if (ctx.result() == null || !ctx.result().startsWith("{")) {
                    error(ctx, 405, "method.notAllowed", Map.of("method", ctx.method().name(), "path", ctx.path()),
                            "method " + ctx.method() + " is not allowed on " + ctx.path(), null);
                }
            });
        });
        if (host == null) {
            app.start(port);
        } else {
            app.start(host, port);
        }
        return new KanzenServer(app);
    }

    /** A peer's failure is the peer's: 503 when it is down, 502 otherwise; "no such thing" is 404; the rest is bad input. */
    private static int status(KanzenException e) {
        if (e.getCause() instanceof PluginException p) {
            return status(p);
        }
        return e.code().endsWith("notFound") || e.code().endsWith("notFoundTitle") || e.code().equals("plugin.notInstalled")
                || e.getMessage().startsWith("no ") ? 404 : 400;
    }

    /** Settings a plugin cannot use, or a URL it may not fetch, are the caller's to fix: 400. */
    private static int status(PluginException p) {
        return switch (p.kind()) {
            case CONFIGURATION -> 400;
            case UNAVAILABLE, RATE_LIMITED -> 503;
            default -> 502;
        };
    }

    /**
     * The one shape of every error: {@code error} (an English sentence, for API users and logs), {@code code} (stable,
     * the web UI's text key {@code error.<code>}), {@code params} (what the text needs) and, for bad input, {@code field}.
     */
    private static void error(Context ctx, int status, String code, Map<String, String> params, String message, String field) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", message == null ? "error" : message);
        body.put("code", code == null ? KanzenException.GENERIC : code);
        body.put("params", params == null ? Map.of() : params);
        if (field != null) {
            body.put("field", field);
        }
        ctx.status(status).json(body);
    }

    static String resource(String path) {
        try (InputStream in = KanzenServer.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public int port() {
        return app.port();
    }

    @Override
    public void close() {
        app.stop();
    }
}
