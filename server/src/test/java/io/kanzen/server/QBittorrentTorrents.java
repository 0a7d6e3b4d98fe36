package io.kanzen.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kanzen.testkit.daemon.QBittorrentDaemon;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

/** What a real qbittorrent-nox holds, asked through its own Web API: the proof a download reached it (or did not). */
public final class QBittorrentTorrents {
    private QBittorrentTorrents() {}

    /** The names of the torrents qBittorrent has (a magnet without metadata yet is named by its dn or hash). */
    public static List<String> names(QBittorrentDaemon daemon) throws Exception {
        HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        String base = daemon.url().replaceAll("/$", "");
        HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v2/auth/login")).header("Referer", base)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + QBittorrentDaemon.USER + "&password=" + QBittorrentDaemon.PASSWORD)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (login.statusCode() != 200) {
            throw new IllegalStateException("qBittorrent refused the test's login: " + login.statusCode() + " " + login.body());
        }
        HttpResponse<String> info = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v2/torrents/info")).header("Referer", base).build(),
                HttpResponse.BodyHandlers.ofString());
        List<String> out = new ArrayList<>();
        for (JsonNode t : new ObjectMapper().readTree(info.body())) {
            out.add(t.path("name").asText());
        }
        return out;
    }

    /** Removes every torrent, so that each test starts from an empty client. */
    public static void clear(QBittorrentDaemon daemon) throws Exception {
        HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        String base = daemon.url().replaceAll("/$", "");
        http.send(HttpRequest.newBuilder(URI.create(base + "/api/v2/auth/login")).header("Referer", base)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + QBittorrentDaemon.USER + "&password=" + QBittorrentDaemon.PASSWORD)).build(),
                HttpResponse.BodyHandlers.ofString());
        http.send(HttpRequest.newBuilder(URI.create(base + "/api/v2/torrents/delete")).header("Referer", base)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("hashes=all&deleteFiles=true")).build(), HttpResponse.BodyHandlers.ofString());
    }
}
