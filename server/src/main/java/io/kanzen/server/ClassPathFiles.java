package io.kanzen.server;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Serves the files of a class-path folder under a URL prefix (the web UI's {@code /assets}, the WebJars'
 * {@code /webjars}), read through the class loader from the JAR the classes already come from.
 *
 * <p>Why not Javalin's static files: with {@code Location.CLASSPATH} Jetty's resource factory mounts the shaded JAR
 * (~9,300 entries) as a zip file system for each root it resolves, and keeps the mounts: about 75,000 index nodes and
 * their names, some 20 MB of live heap in an idle server, and ~100 ms of its start (issue 16, goals 2 and 4).
 *
 * <p>Only names of a known file type made of plain path segments are served (no {@code ..}, no empty segment, no
 * folder): anything else is the same JSON 404 as an unknown endpoint.
 */
final class ClassPathFiles {
    private static final Pattern SAFE_PATH = Pattern.compile("[A-Za-z0-9_@+-][A-Za-z0-9_.@+-]*(/[A-Za-z0-9_@+-][A-Za-z0-9_.@+-]*)*");
    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("js", "text/javascript"), Map.entry("mjs", "text/javascript"), Map.entry("css", "text/css"),
            Map.entry("html", "text/html"), Map.entry("json", "application/json"), Map.entry("map", "application/json"),
            Map.entry("svg", "image/svg+xml"), Map.entry("png", "image/png"), Map.entry("ico", "image/x-icon"),
            Map.entry("woff2", "font/woff2"), Map.entry("txt", "text/plain"));

    private ClassPathFiles() {
    }

    /**
     * Answers {@code GET urlPrefix/<path>} with the class-path file {@code folder/<path>}.
     *
     * @param cacheControl what browsers may keep: {@code max-age=0} for files that change with each release, a year
     *                     for versioned paths (a WebJar's path names its version)
     */
    static void register(RoutesConfig routes, String urlPrefix, String folder, String cacheControl) {
        routes.get(urlPrefix + "/<path>", ctx -> serve(ctx, folder, cacheControl));
        routes.head(urlPrefix + "/<path>", ctx -> serve(ctx, folder, cacheControl)); // the same headers; Jetty sends no body
    }

    private static void serve(Context ctx, String folder, String cacheControl) throws IOException {
        String path = ctx.pathParam("path");
        String type = type(path);
        if (type == null || !SAFE_PATH.matcher(path).matches() || path.contains("..")) {
            ctx.status(404);
            return;
        }
        try (InputStream in = ClassPathFiles.class.getClassLoader().getResourceAsStream(folder + "/" + path)) {
            if (in == null) {
                ctx.status(404);
                return;
            }
            byte[] body = in.readAllBytes();
            ctx.header("Cache-Control", cacheControl);
            ctx.contentType(type);
            ctx.result(body);
        }
    }

    /** The content type of a file name by its extension, or null for a type this server does not serve. */
    static String type(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? null : TYPES.get(path.substring(dot + 1).toLowerCase(Locale.ROOT));
    }
}
