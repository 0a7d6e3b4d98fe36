package io.kanzen.client.qbittorrent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kanzen.api.DownloadHandle;
import io.kanzen.api.DownloadRequest;
import io.kanzen.api.DownloadState;
import io.kanzen.api.DownloadStatus;
import io.kanzen.api.ErrorKind;
import io.kanzen.api.LinkKind;
import io.kanzen.api.PluginException;
import io.kanzen.api.client.DownloadClient;
import java.io.IOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * qBittorrent through its Web API v2, for versions 4.1 to 5.2. A download is named by its info-hash, which Kanzen
 * knows before adding (from the magnet or the .torrent), so submitting twice finds the first and status needs
 * no guessing.
 */
final class QBittorrentClient implements DownloadClient {
    static final String NAME = "qbittorrent";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long APPEAR_TIMEOUT_NANOS = 5_000_000_000L;

    private final WebApi api;
    private final TorrentFetcher fetcher;
    private final String defaultCategory;
    private final String defaultSavePath;
    private final Set<String> knownCategories = Collections.newSetFromMap(new ConcurrentHashMap<>());

    QBittorrentClient(WebApi api, TorrentFetcher fetcher, String defaultCategory, String defaultSavePath) {
        this.api = api;
        this.fetcher = fetcher;
        this.defaultCategory = blankToNull(defaultCategory);
        this.defaultSavePath = blankToNull(defaultSavePath);
    }

    @Override
    public Set<LinkKind> accepts() {
        return Set.of(LinkKind.MAGNET, LinkKind.TORRENT_URL, LinkKind.TORRENT_FILE);
    }

    @Override
    public DownloadHandle submit(DownloadRequest request) {
        String magnet = null;
        byte[] torrent = null;
        InfoHash hash;
        switch (request.kind()) {
            case MAGNET -> {
                magnet = request.link().strip();
                hash = InfoHash.ofMagnet(magnet); // a bad magnet is the caller's input: IllegalArgumentException
            }
            case TORRENT_FILE -> {
                torrent = request.torrentFile();
                hash = InfoHash.ofTorrent(torrent);
            }
            case TORRENT_URL -> {
                TorrentFetcher.Fetched fetched = fetcher.fetch(request.link());
                magnet = fetched.magnet();
                torrent = fetched.torrent();
                try {
                    hash = magnet != null ? InfoHash.ofMagnet(magnet) : InfoHash.ofTorrent(torrent);
                } catch (IllegalArgumentException e) { // what the URL answered is the peer's fault
                    throw new PluginException(ErrorKind.BAD_RESPONSE, "the torrent URL answered an unusable torrent: " + e.getMessage(), e);
                }
            }
            default -> throw new IllegalArgumentException("qBittorrent does not download " + request.kind() + " links");
        }
        DownloadHandle handle = new DownloadHandle(NAME, hash.hex());
        if (find(hash) != null) {
            return handle; // already there: adding again is a success, not a second download
        }
        String category = request.category() != null ? request.category() : defaultCategory;
        if (category != null) {
            ensureCategory(category);
        }
        Map<String, String> fields = new LinkedHashMap<>();
        if (magnet != null) {
            fields.put("urls", magnet);
        }
        if (category != null) {
            fields.put("category", category);
        }
        if (!request.tags().isEmpty()) {
            fields.put("tags", String.join(",", request.tags()));
        }
        String savePath = request.savePath() != null ? request.savePath() : defaultSavePath;
        if (savePath != null) {
            fields.put("savepath", savePath);
        }
        // 4.x reads "paused", 5.x reads "stopped"; each ignores the other
        fields.put("paused", Boolean.toString(request.paused()));
        fields.put("stopped", Boolean.toString(request.paused()));
        WebApi.Response r = torrent != null
                ? api.postFile("/api/v2/torrents/add", fields, "torrents", hash.hex() + ".torrent", torrent)
                : api.post("/api/v2/torrents/add", fields);
        if (r.status() == 415) {
            throw new PluginException(ErrorKind.BAD_RESPONSE, "qBittorrent says the torrent file is not valid");
        }
        boolean added = r.status() == 200 && r.body().strip().equals("Ok.") || r.status() == 202
                || r.status() == 200 && r.body().contains("\"success_count\"") && !r.body().contains("\"success_count\":0");
        // qBittorrent lists a new torrent a moment after answering; "Fails." says nothing of why (a duplicate added by
        // someone else in between looks the same), so the list is what decides
        if (!appears(hash) && !added) {
            throw new PluginException(ErrorKind.BAD_RESPONSE, "qBittorrent did not add the torrent (" + r.body().strip() + ")");
        }
        return handle;
    }

    private boolean appears(InfoHash hash) {
        long deadline = System.nanoTime() + APPEAR_TIMEOUT_NANOS;
        while (find(hash) == null) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new PluginException(ErrorKind.UNAVAILABLE, "interrupted while waiting for qBittorrent", e);
            }
        }
        return true;
    }

    @Override
    public DownloadStatus status(DownloadHandle handle) {
        JsonNode t = find(new InfoHash(handle.id()));
        if (t == null) {
            return DownloadStatus.missing(handle);
        }
        double progress = Math.max(0, Math.min(1, t.path("progress").asDouble(0)));
        long size = t.path("total_size").asLong(-1);
        DownloadState state = TorrentStates.of(t.path("state").asText(null), progress);
        String contentPath = t.hasNonNull("content_path") ? t.get("content_path").asText() : null;
        String message = state == DownloadState.FAILED ? "qBittorrent reports " + t.path("state").asText() : null;
        long speed = t.path("dlspeed").isNumber() ? Math.max(0, t.path("dlspeed").asLong()) : DownloadStatus.UNKNOWN;
        return new DownloadStatus(handle, state, progress, t.path("name").asText(null), size <= 0 ? -1 : size, contentPath, message,
                speed, eta(t.path("eta"), progress));
    }

    /** qBittorrent's {@code eta}, whose 8640000 (100 days) means "never at this pace"; a finished torrent has none left. */
    static long eta(JsonNode eta, double progress) {
        if (progress >= 1) {
            return 0;
        }
        if (!eta.isNumber() || eta.asLong() < 0 || eta.asLong() >= INFINITE_ETA) {
            return DownloadStatus.UNKNOWN;
        }
        return eta.asLong();
    }

    /** What qBittorrent answers as the ETA of a torrent that gets nothing. */
    static final long INFINITE_ETA = 8_640_000;

    @Override
    public void remove(DownloadHandle handle, boolean deleteFiles) {
        InfoHash hash = new InfoHash(handle.id());
        if (find(hash) == null) {
            return; // already gone
        }
        WebApi.Response r = api.post("/api/v2/torrents/delete", Map.of("hashes", hash.hex(), "deleteFiles", Boolean.toString(deleteFiles)));
        if (r.status() != 200) {
            throw WebApi.unexpected("the removal", r);
        }
    }

    @Override
    public void checkConnection() {
        api.login();
    }

    /** The Web API version, for the connection test's answer. */
    String apiVersion() {
        return api.apiVersion();
    }

    private JsonNode find(InfoHash hash) {
        WebApi.Response r = api.get("/api/v2/torrents/info", Map.of("hashes", hash.hex()));
        if (r.status() != 200) {
            throw WebApi.unexpected("the torrent list", r);
        }
        try {
            JsonNode list = JSON.readTree(r.body());
            if (list == null || !list.isArray()) {
                throw new PluginException(ErrorKind.BAD_RESPONSE, "qBittorrent's torrent list is not a JSON array");
            }
            for (JsonNode t : list) {
                if (hash.hex().equalsIgnoreCase(t.path("hash").asText())) {
                    return t;
                }
            }
            return null;
        } catch (IOException e) {
            throw new PluginException(ErrorKind.BAD_RESPONSE, "qBittorrent's torrent list is not valid JSON", e);
        }
    }

    private void ensureCategory(String category) {
        if (knownCategories.contains(category)) {
            return;
        }
        WebApi.Response r = api.post("/api/v2/torrents/createCategory", Map.of("category", category, "savePath", ""));
        // 409 "Unable to create category" is an existing one; an invalid name is 409 too, and the add then says so
        if (r.status() != 200 && r.status() != 204 && r.status() != 409) {
            throw WebApi.unexpected("the category creation", r);
        }
        knownCategories.add(category);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
