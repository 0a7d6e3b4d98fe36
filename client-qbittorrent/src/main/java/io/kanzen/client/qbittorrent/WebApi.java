package io.kanzen.client.qbittorrent;

import io.kanzen.api.ErrorKind;
import io.kanzen.api.HttpSettings;
import io.kanzen.api.PluginException;
import io.kanzen.api.RateLimiter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.StringJoiner;
import java.util.UUID;

/**
 * One logged-in session with qBittorrent's Web API v2: the SID cookie, a new login when it expires ({@code 403}),
 * and the peer's failures turned into {@link PluginException}s that say what to do. Every request waits for the
 * rate limiter first.
 */
final class WebApi {
    record Response(int status, String body) {}

    private final URI base;
    private final String user;
    private final String password;
    private final HttpSettings http;
    private final RateLimiter limiter;
    private final HttpClient client;
    private boolean loggedIn;
    private String apiVersion;

    WebApi(URI base, String user, String password, HttpSettings http, RateLimiter limiter) {
        this.base = base;
        this.user = user;
        this.password = password;
        this.http = http;
        this.limiter = limiter;
        this.client = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .connectTimeout(http.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    /** Logs in (again) and reads the Web API version. */
    synchronized void login() {
        loggedIn = false;
        Response r = send(form("/api/v2/auth/login", Map.of("username", user, "password", password)));
        if (r.status() == 403 && r.body().toLowerCase().contains("banned")) {
            throw new PluginException(ErrorKind.BLOCKED, "qBittorrent has banned this address after too many failed logins "
                    + "(WebUI\\BanDuration); wait until the ban ends or restart qBittorrent");
        }
        if (r.status() == 401 || r.status() == 200 && r.body().strip().equals("Fails.")) {
            throw new PluginException(ErrorKind.AUTHENTICATION, "qBittorrent refused the user name or password");
        }
        if (r.status() != 200 && r.status() != 204) {
            throw unexpected("login", r);
        }
        loggedIn = true;
        Response version = send(HttpRequest.newBuilder(uri("/api/v2/app/webapiVersion")).GET());
        apiVersion = version.status() == 200 ? version.body().strip() : "unknown";
    }

    /** The Web API version ("2.8.19" for qBittorrent 4.5.2), read at login. */
    synchronized String apiVersion() {
        ensureLoggedIn();
        return apiVersion;
    }

    synchronized Response get(String path, Map<String, String> query) {
        String q = query.isEmpty() ? "" : "?" + encode(query);
        return authenticated(() -> HttpRequest.newBuilder(uri(path + q)).GET());
    }

    synchronized Response post(String path, Map<String, String> fields) {
        return authenticated(() -> form(path, fields));
    }

    /** A multipart POST with a file part, as {@code torrents/add} needs for .torrent uploads. */
    synchronized Response postFile(String path, Map<String, String> fields, String fileField, String fileName, byte[] file) {
        return authenticated(() -> multipart(path, fields, fileField, fileName, file));
    }

    private interface RequestMaker {
        HttpRequest.Builder make();
    }

    private Response authenticated(RequestMaker request) {
        ensureLoggedIn();
        Response r = send(request.make());
        if (r.status() == 403) { // the session expired or qBittorrent restarted: log in once more
            login();
            r = send(request.make());
            if (r.status() == 403) {
                throw new PluginException(ErrorKind.AUTHENTICATION, "qBittorrent refuses this session even after a new login");
            }
        }
        if (r.status() == 401) {
            throw new PluginException(ErrorKind.CONFIGURATION, "qBittorrent refused the request at its CSRF or Host-header check: "
                    + "use the address qBittorrent listens on, without a proxy rewriting the Host header");
        }
        if (r.status() >= 500) {
            throw new PluginException(ErrorKind.UNAVAILABLE, "qBittorrent failed on its side (HTTP " + r.status() + ")");
        }
        return r;
    }

    private void ensureLoggedIn() {
        if (!loggedIn) {
            login();
        }
    }

    private Response send(HttpRequest.Builder request) {
        limiter.acquire();
        try {
            HttpResponse<String> r = client.send(request.timeout(http.readTimeout()).header("User-Agent", http.userAgent()).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Response(r.statusCode(), r.body() == null ? "" : r.body());
        } catch (HttpConnectTimeoutException | ConnectException e) {
            loggedIn = false;
            throw new PluginException(ErrorKind.UNAVAILABLE, "qBittorrent does not answer at " + base + " (is it running?)", e);
        } catch (HttpTimeoutException e) {
            throw new PluginException(ErrorKind.UNAVAILABLE, "qBittorrent at " + base + " did not reply in time", e);
        } catch (IOException e) {
            loggedIn = false;
            throw new PluginException(ErrorKind.UNAVAILABLE, "the connection to qBittorrent at " + base + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PluginException(ErrorKind.UNAVAILABLE, "interrupted while talking to qBittorrent", e);
        }
    }

    static PluginException unexpected(String what, Response r) {
        String body = r.body().length() > 200 ? r.body().substring(0, 200) + "…" : r.body();
        return new PluginException(ErrorKind.BAD_RESPONSE, "qBittorrent answered " + what + " with HTTP " + r.status() + ": " + body.strip());
    }

    private HttpRequest.Builder form(String path, Map<String, String> fields) {
        return HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encode(fields)));
    }

    private HttpRequest.Builder multipart(String path, Map<String, String> fields, String fileField, String fileName, byte[] file) {
        String boundary = "kanzen-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        fields.forEach((k, v) -> write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + k + "\"\r\n\r\n" + v + "\r\n"));
        write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField + "\"; filename=\""
                + fileName.replace("\"", "") + "\"\r\nContent-Type: application/x-bittorrent\r\n\r\n");
        body.writeBytes(file);
        write(body, "\r\n--" + boundary + "--\r\n");
        return HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
    }

    private static void write(ByteArrayOutputStream out, String s) {
        out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
    }

    private URI uri(String pathAndQuery) {
        String b = base.toString();
        return URI.create((b.endsWith("/") ? b.substring(0, b.length() - 1) : b) + pathAndQuery);
    }

    private static String encode(Map<String, String> fields) {
        StringJoiner j = new StringJoiner("&");
        fields.forEach((k, v) -> j.add(URLEncoder.encode(k, StandardCharsets.UTF_8) + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return j.toString();
    }
}
