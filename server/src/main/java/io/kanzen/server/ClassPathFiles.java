package io.kanzen.server;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Serves the files of a class-path folder under a URL prefix (the web UI's {@code /assets}, the WebJars'
 * {@code /webjars}), read through the class loader from the JAR the classes already come from.
 *
 * <p>Why not Javalin's static files: with {@code Location.CLASSPATH} Jetty's resource factory mounts the shaded JAR
 * (~9,300 entries) as a zip file system for each root it resolves, and keeps the mounts: about 75,000 index nodes and
 * their names, some 20 MB of live heap in an idle server, and ~100 ms of its start (issue 16, goals 2 and 4).
 *
 * <p>Each file carries a strong {@code ETag} (a hash of its bytes, {@link EntityTags}), and a request whose
 * {@code If-None-Match} names it gets a 304 with the same headers and no body: with {@code max-age=0} a browser
 * revalidates the UI's files at each page load, and this keeps that to a few hundred bytes a file, as Javalin's static
 * files did. A file's tag is computed the first time it is asked for and kept for the life of the server (one short
 * string per file the JAR holds and a browser asked for; the files do not change under a running server, except
 * {@code target/classes} in development, where a restart forgets the tags). Javalin gzips a larger answer under the
 * same tag; {@code If-None-Match} compares tags weakly, so the browser's decoded copy revalidates all the same.
 *
 * <p>Only names of a known file type made of plain path segments are served (no {@code ..}, no empty segment, no
 * folder): anything else is the same JSON 404 as an unknown endpoint, whatever the request's {@code If-None-Match}.
 */
final class ClassPathFiles {
    private static final Pattern SAFE_PATH = Pattern.compile("[A-Za-z0-9_@+-][A-Za-z0-9_.@+-]*(/[A-Za-z0-9_@+-][A-Za-z0-9_.@+-]*)*");
    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("js", "text/javascript"), Map.entry("mjs", "text/javascript"), Map.entry("css", "text/css"),
            Map.entry("html", "text/html"), Map.entry("json", "application/json"), Map.entry("map", "application/json"),
            Map.entry("svg", "image/svg+xml"), Map.entry("png", "image/png"), Map.entry("ico", "image/x-icon"),
            Map.entry("woff2", "font/woff2"), Map.entry("txt", "text/plain"));

    private final String folder;
    private final String cacheControl;
    /** The tags of the files served so far, by path under {@link #folder}; only files that exist. */
    private final Map<String, String> tags = new ConcurrentHashMap<>();

    private ClassPathFiles(String folder, String cacheControl) {
        this.folder = folder;
        this.cacheControl = cacheControl;
    }

    /**
     * Answers {@code GET urlPrefix/<path>} with the class-path file {@code folder/<path>}.
     *
     * @param cacheControl what browsers may keep: {@code max-age=0} for files that change with each release, a year
     *                     for versioned paths (a WebJar's path names its version)
     */
    static void register(RoutesConfig routes, String urlPrefix, String folder, String cacheControl) {
        ClassPathFiles files = new ClassPathFiles(folder, cacheControl);
        routes.get(urlPrefix + "/<path>", files::serve);
        routes.head(urlPrefix + "/<path>", files::serve); // the same headers; Jetty sends no body
    }

    private void serve(Context ctx) throws IOException {
        String path = ctx.pathParam("path");
        String type = type(path);
        if (type == null || !SAFE_PATH.matcher(path).matches() || path.contains("..")) {
            ctx.status(404);
            return;
        }
        String tag = tags.get(path);
        byte[] body = null;
        if (tag == null) {
            body = read(path);
            if (body == null) {
                ctx.status(404);
                return;
            }
            tag = EntityTags.of(body);
            tags.put(path, tag);
        }
        if (EntityTags.matchedBy(ctx.header("If-None-Match"), tag)) {
            ctx.header("Cache-Control", cacheControl);
            ctx.header("ETag", tag);
            ctx.status(304); // the browser's copy is current: no body (and, once the tag is known, no read)
            return;
        }
        if (body == null) {
            body = read(path);
            if (body == null) { // gone from target/classes under a development server
                tags.remove(path);
                ctx.status(404);
                return;
            }
        }
        ctx.header("Cache-Control", cacheControl);
        ctx.header("ETag", tag);
        ctx.contentType(type);
        ctx.result(body);
    }

    /** The bytes of the class-path file {@code folder/path}, or null when there is none. */
    private byte[] read(String path) throws IOException {
        try (InputStream in = ClassPathFiles.class.getClassLoader().getResourceAsStream(folder + "/" + path)) {
            return in == null ? null : in.readAllBytes();
        }
    }

    /** The content type of a file name by its extension, or null for a type this server does not serve. */
    static String type(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? null : TYPES.get(path.substring(dot + 1).toLowerCase(Locale.ROOT));
    }
}
