package io.kanzen.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.kanzen.testkit.daemon.QBittorrentDaemon;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.CookieManager;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.Random;
import java.util.StringJoiner;
import java.util.TreeMap;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A real BitTorrent transfer on loopback (shared/design/clients.md §1.4): a real .cbz, its .torrent served over HTTP
 * (a torrent URL, as a source gives), a seeding qbittorrent-nox, and the Web API calls a test makes by hand.
 */
final class Seeding implements AutoCloseable {
    static final int PIECE = 16 * 1024;

    final byte[] cbz;
    final byte[] torrent;
    final String hash;
    final String fileName;
    private final HttpServer http;

    /** A .cbz of {@code pages} random "pages", its .torrent, and the seeder seeding it from {@code seedDir}. */
    Seeding(String fileName, int pages, QBittorrentDaemon seeder, Path seedDir) throws Exception {
        this.fileName = fileName;
        this.cbz = cbz(pages);
        Files.createDirectories(seedDir);
        Files.write(seedDir.resolve(fileName), cbz);
        this.torrent = torrent(fileName, cbz);
        this.hash = infoHash(fileName, cbz);
        http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        http.createContext("/t.torrent", ex -> {
            ex.getResponseHeaders().add("Content-Type", "application/x-bittorrent");
            ex.sendResponseHeaders(200, torrent.length);
            ex.getResponseBody().write(torrent);
            ex.close();
        });
        http.start();
        WebUi s = new WebUi(seeder);
        s.addTorrent(torrent, seedDir);
        s.awaitProgress(hash, 1.0, 30_000);
    }

    String torrentUrl() {
        return "http://127.0.0.1:" + http.getAddress().getPort() + "/t.torrent";
    }

    @Override
    public void close() {
        http.stop(0);
    }

    private static byte[] cbz(int pages) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Random random = new Random();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (int i = 1; i <= pages; i++) {
                byte[] page = new byte[48 * 1024];
                random.nextBytes(page);
                zip.putNextEntry(new ZipEntry(String.format("%03d.jpg", i)));
                zip.write(page);
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    private static Map<String, Object> info(String name, byte[] content) throws Exception {
        MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
        ByteArrayOutputStream pieces = new ByteArrayOutputStream();
        for (int i = 0; i < content.length; i += PIECE) {
            pieces.writeBytes(sha1.digest(Arrays.copyOfRange(content, i, Math.min(content.length, i + PIECE))));
        }
        Map<String, Object> info = new TreeMap<>();
        info.put("length", (long) content.length);
        info.put("name", name);
        info.put("piece length", (long) PIECE);
        info.put("pieces", pieces.toByteArray());
        return info;
    }

    private static byte[] torrent(String name, byte[] content) throws Exception {
        Map<String, Object> t = new TreeMap<>();
        t.put("created by", "kanzen tests");
        t.put("info", info(name, content));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        encode(t, out);
        return out.toByteArray();
    }

    private static String infoHash(String name, byte[] content) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        encode(info(name, content), out);
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(out.toByteArray()));
    }

    @SuppressWarnings("unchecked")
    private static void encode(Object value, ByteArrayOutputStream out) {
        if (value instanceof Long n) {
            out.writeBytes(("i" + n + "e").getBytes(StandardCharsets.US_ASCII));
        } else if (value instanceof String s) {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            out.writeBytes((b.length + ":").getBytes(StandardCharsets.US_ASCII));
            out.writeBytes(b);
        } else if (value instanceof byte[] b) {
            out.writeBytes((b.length + ":").getBytes(StandardCharsets.US_ASCII));
            out.writeBytes(b);
        } else if (value instanceof Map<?, ?> m) {
            out.write('d');
            ((Map<String, Object>) m).forEach((k, v) -> {
                encode(k, out);
                encode(v, out);
            });
            out.write('e');
        } else {
            throw new IllegalArgumentException(String.valueOf(value));
        }
    }

    /** The few Web API calls a test makes itself: add a seed, add a peer, read a torrent, delete one. */
    static final class WebUi {
        private final QBittorrentDaemon daemon;
        private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

        WebUi(QBittorrentDaemon daemon) throws Exception {
            this.daemon = daemon;
            post("/api/v2/auth/login", Map.of("username", QBittorrentDaemon.USER, "password", QBittorrentDaemon.PASSWORD));
        }

        void addTorrent(byte[] torrent, Path savePath) throws Exception {
            String boundary = "b" + UUID.randomUUID();
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"savepath\"\r\n\r\n" + savePath + "\r\n").getBytes(StandardCharsets.UTF_8));
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"torrents\"; filename=\"t.torrent\"\r\n"
                    + "Content-Type: application/x-bittorrent\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.writeBytes(torrent);
            body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
            HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(daemon.url() + "/api/v2/torrents/add"))
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary).POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                    .build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IllegalStateException("add: " + r.statusCode() + " " + r.body());
            }
        }

        void addPeer(String hash, int port) throws Exception {
            post("/api/v2/torrents/addPeers", Map.of("hashes", hash, "peers", "127.0.0.1:" + port));
        }

        void delete(String hash, boolean deleteFiles) throws Exception {
            post("/api/v2/torrents/delete", Map.of("hashes", hash, "deleteFiles", Boolean.toString(deleteFiles)));
        }

        /** The torrent's entry in torrents/info, or null when the client does not have it. */
        JsonNode info(String hash) throws Exception {
            HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(daemon.url() + "/api/v2/torrents/info?hashes=" + hash)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonNode list = Json.MAPPER.readTree(r.body());
            return list.isArray() && list.size() > 0 ? list.get(0) : null;
        }

        /** Waits until the torrent reaches {@code progress}; returns when it did (System.nanoTime). */
        long awaitProgress(String hash, double progress, long timeoutMillis) throws Exception {
            long deadline = System.nanoTime() + timeoutMillis * 1_000_000;
            while (System.nanoTime() < deadline) {
                JsonNode t = info(hash);
                if (t != null && t.path("progress").asDouble() >= progress) {
                    return System.nanoTime();
                }
                Thread.sleep(100);
            }
            throw new AssertionError(hash + " did not reach " + progress + " in " + timeoutMillis + " ms: " + info(hash));
        }

        private void post(String path, Map<String, String> fields) throws Exception {
            StringJoiner j = new StringJoiner("&");
            fields.forEach((k, v) -> j.add(URLEncoder.encode(k, StandardCharsets.UTF_8) + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8)));
            HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(daemon.url() + path))
                    .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(j.toString())).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IllegalStateException(path + ": " + r.statusCode() + " " + r.body());
            }
        }
    }
}
