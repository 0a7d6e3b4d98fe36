package io.kanzen.bench.decisions;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * Prowlarr's {@code /api/v1/search} on 127.0.0.1 over a {@link Scenario}, in the JSON shape Prowlarr gives
 * ({@code shared/fixtures/prowlarr}): null fields left out, download links proxied through Prowlarr with the API
 * key in them, a magnet-only release carrying its magnet as guid. The proxy links answer a .torrent or a redirect
 * to a magnet. Every search query is recorded.
 */
public final class FakeProwlarr implements AutoCloseable {
    public static final String API_KEY = "0123456789abcdef0123456789abcdef";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Scenario scenario;
    private final HttpServer server;
    private final List<String> queries = new CopyOnWriteArrayList<>();
    private final List<String> fetches = new CopyOnWriteArrayList<>();

    public FakeProwlarr(Scenario scenario) throws IOException {
        this.scenario = scenario;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "fake-prowlarr");
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/", this::handle);
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The search queries received so far, in order. */
    public List<String> queries() {
        return List.copyOf(queries);
    }

    /** The download links fetched so far (release ids). */
    public List<String> fetches() {
        return List.copyOf(fetches);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange ex) throws IOException {
        try {
            String path = ex.getRequestURI().getPath();
            List<String[]> params = params(ex.getRequestURI().getRawQuery());
            if (path.matches("/\\d+/download")) {
                download(ex, params);
                return;
            }
            String key = ex.getRequestHeaders().getFirst("X-Api-Key");
            if (!API_KEY.equals(key) && !API_KEY.equals(param(params, "apikey"))) {
                send(ex, 401, "application/json", new byte[0]);
                return;
            }
            switch (path) {
                case "/api/v1/system/status" -> send(ex, 200, "application/json",
                        "{\"appName\":\"Prowlarr\",\"instanceName\":\"Prowlarr\",\"version\":\"2.3.5.5327\"}".getBytes(StandardCharsets.UTF_8));
                case "/api/v1/indexer" -> send(ex, 200, "application/json", indexers());
                case "/api/v1/search" -> search(ex, params);
                default -> send(ex, 404, "application/json", "{\"message\":\"NotFound\"}".getBytes(StandardCharsets.UTF_8));
            }
        } catch (RuntimeException e) {
            send(ex, 500, "text/plain", String.valueOf(e).getBytes(StandardCharsets.UTF_8));
        } finally {
            ex.close();
        }
    }

    private void search(HttpExchange ex, List<String[]> params) throws IOException {
        String query = param(params, "query");
        if (query == null || query.isBlank()) {
            send(ex, 400, "application/json", "{\"message\":\"query is required\"}".getBytes(StandardCharsets.UTF_8));
            return;
        }
        queries.add(query);
        List<Integer> indexerIds = new ArrayList<>();
        for (String[] p : params) {
            if (p[0].equals("indexerIds") && p[1].matches("\\d+")) {
                indexerIds.add(Integer.parseInt(p[1]));
            }
        }
        String limit = param(params, "limit");
        int cap = limit != null && limit.matches("\\d{1,6}") ? Integer.parseInt(limit) : Scenario.RESULT_CAP;
        ArrayNode out = JSON.createArrayNode();
        for (PlannedRelease r : scenario.search(query, indexerIds, cap)) {
            out.add(resource(r));
        }
        send(ex, 200, "application/json", JSON.writeValueAsBytes(out));
    }

    /** One {@code ReleaseResource} as Prowlarr serializes it. */
    private ObjectNode resource(PlannedRelease r) {
        ObjectNode o = JSON.createObjectNode();
        String indexerName = scenario.indexers().get(r.indexerId());
        String site = indexerName.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "") + ".example";
        String proxy = url() + "/" + r.indexerId() + "/download?apikey=" + API_KEY + "&link="
                + Base64.getUrlEncoder().withoutPadding().encodeToString(("r" + r.id()).getBytes(StandardCharsets.UTF_8))
                + "&file=" + URLEncoder.encode(r.title(), StandardCharsets.UTF_8);
        boolean torrent = r.protocol().equals("torrent");
        o.put("guid", torrent && r.link() == LinkStyle.MAGNET ? Torrents.magnet(r.infoHash(), r.title()) : "https://" + site + "/torrents/" + r.id());
        Duration age = Duration.between(r.published(), ScenarioGenerator.NOW);
        o.put("age", age.toDays());
        o.put("ageHours", Math.round(age.toMinutes() / 60.0 * 1000) / 1000.0);
        o.put("ageMinutes", (double) age.toMinutes());
        o.put("size", r.size());
        o.put("files", 1);
        o.put("grabs", r.seeders() * 3 + r.id() % 17);
        o.put("indexerId", r.indexerId());
        o.put("indexer", indexerName);
        o.put("title", r.title());
        o.put("sortTitle", r.title().toLowerCase(Locale.ROOT));
        o.put("imdbId", 0);
        o.put("tmdbId", 0);
        o.put("tvdbId", 0);
        o.put("tvMazeId", 0);
        o.put("publishDate", r.published().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString());
        if (!torrent || r.link() != LinkStyle.MAGNET) {
            o.put("downloadUrl", proxy);
        }
        o.put("infoUrl", "https://" + site + "/view/" + r.id());
        o.putArray("indexerFlags");
        ArrayNode categories = o.putArray("categories");
        categories.addObject().put("id", 7030).put("name", "Books/Comics").putArray("subCategories");
        if (torrent) {
            o.put("magnetUrl", proxy);
            o.put("infoHash", r.infoHash().toUpperCase(Locale.ROOT));
            o.put("seeders", r.seeders());
            o.put("leechers", r.leechers());
        }
        o.put("protocol", r.protocol());
        o.put("fileName", r.title() + (torrent ? ".torrent" : ".nzb"));
        return o;
    }

    /** A proxied download link: the .torrent, or a redirect to the magnet, as Prowlarr's proxy answers. */
    private void download(HttpExchange ex, List<String[]> params) throws IOException {
        String link = param(params, "link");
        int id = -1;
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(link == null ? "" : link), StandardCharsets.UTF_8);
            id = decoded.startsWith("r") ? Integer.parseInt(decoded.substring(1)) : -1;
        } catch (IllegalArgumentException e) {
            // an unknown link: 404 below
        }
        PlannedRelease r = scenario.release(id).orElse(null);
        if (r == null || !API_KEY.equals(param(params, "apikey"))) {
            send(ex, r == null ? 404 : 401, "text/plain", new byte[0]);
            return;
        }
        fetches.add(Integer.toString(id));
        byte[] torrent = scenario.torrents().get(r.id());
        if (torrent != null) {
            ex.getResponseHeaders().add("Content-Disposition", "attachment; filename=\"" + r.infoHash() + ".torrent\"");
            send(ex, 200, "application/x-bittorrent", torrent);
        } else {
            ex.getResponseHeaders().add("Location", Torrents.magnet(r.infoHash(), r.title()));
            send(ex, 301, "text/plain", new byte[0]);
        }
    }

    private byte[] indexers() throws IOException {
        ArrayNode out = JSON.createArrayNode();
        scenario.indexers().forEach((id, name) -> {
            ObjectNode i = out.addObject();
            i.put("id", id);
            i.put("name", name);
            i.put("enable", true);
            i.put("protocol", id == 4 ? "usenet" : "torrent");
        });
        return JSON.writeValueAsBytes(out);
    }

    private static List<String[]> params(String raw) {
        List<String[]> out = new ArrayList<>();
        if (raw == null) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            out.add(new String[] {k, v});
        }
        return out;
    }

    private static String param(List<String[]> params, String key) {
        return params.stream().filter(p -> p[0].equals(key)).map(p -> p[1]).findFirst().orElse(null);
    }

    private static void send(HttpExchange ex, int status, String type, byte[] body) throws IOException {
        ex.getResponseHeaders().add("Content-Type", type);
        ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        }
    }
}
