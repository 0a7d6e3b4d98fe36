package io.kanzen.source.ebdz;

import io.kanzen.api.ErrorKind;
import io.kanzen.api.HttpSettings;
import io.kanzen.api.PluginException;
import io.kanzen.api.RateLimiter;
import java.io.IOException;
import java.net.ConnectException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/**
 * A member session on the forum, logged in like a browser: a cookie jar, {@code my_post_key} read from the index,
 * the quick-login POST with the same {@code sid} cookie, success seen in the {@code mybbuser} cookie and a logout
 * link on the next page. A page that comes back as a guest's (expired session) makes one new login and one retry.
 * Every request waits for the host's limiter and the plugin's own interval.
 */
final class ForumSession {
    private static final String BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36";

    private final URI base;
    private final String username;
    private final String password;
    private final HttpSettings http;
    private final RateLimiter limiter;
    private final Pacing pacing;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient client;
    private boolean loggedIn;

    /** Waits between two requests; the tests pass one that does not. */
    interface Pacing {
        void await();
    }

    ForumSession(URI base, String username, String password, HttpSettings http, RateLimiter limiter, Pacing pacing) {
        this.base = base;
        this.username = username;
        this.password = password;
        this.http = http;
        this.limiter = limiter;
        this.pacing = pacing;
        this.client = HttpClient.newBuilder().cookieHandler(cookies).connectTimeout(http.connectTimeout())
                .followRedirects(HttpClient.Redirect.NORMAL).version(HttpClient.Version.HTTP_1_1).build();
    }

    URI base() {
        return base;
    }

    synchronized void login() {
        loggedIn = false;
        String index = send(get("index.php")).body();
        if (ForumPages.loggedIn(index)) {
            loggedIn = true; // the cookies still hold a session
            return;
        }
        String key = ForumPages.postKey(index).orElseThrow(() -> new PluginException(ErrorKind.BAD_RESPONSE,
                "the forum's index has no my_post_key: is the address the forum's (…/forum/)?"));
        Map<String, String> form = new LinkedHashMap<>();
        form.put("action", "do_login");
        form.put("url", base.resolve("index.php").toString());
        form.put("quick_login", "1");
        form.put("my_post_key", key);
        form.put("quick_username", username);
        form.put("quick_password", password);
        form.put("quick_remember", "yes");
        form.put("submit", "Se connecter");
        HttpResponse<String> reply = send(HttpRequest.newBuilder(base.resolve("member.php"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encode(form))));
        if (!hasCookie("mybbuser")) {
            String why = ForumPages.loginError(reply.body()).orElse("no session cookie came back");
            throw new PluginException(ErrorKind.AUTHENTICATION, "the forum refused the login: " + why);
        }
        // the reply itself is a redirect page rendered for a guest: the next page tells
        if (!ForumPages.loggedIn(send(get("index.php")).body())) {
            throw new PluginException(ErrorKind.AUTHENTICATION, "the forum accepted the login but the next page is a guest's");
        }
        loggedIn = true;
    }

    /** A member's page; an expired session is renewed once. */
    synchronized String page(String pathOrUrl) {
        if (!loggedIn) {
            login();
        }
        String html = send(get(pathOrUrl)).body();
        if (!ForumPages.loggedIn(html)) {
            login();
            html = send(get(pathOrUrl)).body();
            if (!ForumPages.loggedIn(html)) {
                throw new PluginException(ErrorKind.AUTHENTICATION, "the forum shows this page to guests only, even after a new login: "
                        + "the account may lack access to it");
            }
        }
        return html;
    }

    private HttpRequest.Builder get(String pathOrUrl) {
        return HttpRequest.newBuilder(pathOrUrl.startsWith("http") ? URI.create(pathOrUrl) : base.resolve(pathOrUrl)).GET();
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        limiter.acquire();
        pacing.await();
        HttpResponse<String> r;
        try {
            r = client.send(request.timeout(http.readTimeout()).header("User-Agent", BROWSER).header("Accept-Language", "fr-FR,fr;q=0.9")
                    .build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpConnectTimeoutException | ConnectException e) {
            throw new PluginException(ErrorKind.UNAVAILABLE, "the forum does not answer (" + base.getHost() + ")", e);
        } catch (HttpTimeoutException e) {
            throw new PluginException(ErrorKind.UNAVAILABLE, "the forum did not reply in time", e);
        } catch (IOException e) {
            throw new PluginException(ErrorKind.UNAVAILABLE, "the connection to the forum failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PluginException(ErrorKind.UNAVAILABLE, "interrupted while reading the forum", e);
        }
        int status = r.statusCode();
        if (status == 429) {
            Duration wait = r.headers().firstValue("Retry-After").map(v -> {
                try {
                    return Duration.ofSeconds(Long.parseLong(v.strip()));
                } catch (NumberFormatException e) {
                    return null;
                }
            }).orElse(null);
            throw PluginException.rateLimited("the forum asks Kanzen to slow down", wait);
        }
        String lower = r.body() == null ? "" : r.body().toLowerCase(java.util.Locale.ROOT);
        if (status == 403 && (lower.contains("cf-chl") || lower.contains("just a moment") || lower.contains("banned"))) {
            throw new PluginException(ErrorKind.BLOCKED, "the forum blocks Kanzen (HTTP 403 with a challenge or ban page)");
        }
        if (status == 401 || status == 403) {
            throw new PluginException(ErrorKind.AUTHENTICATION, "the forum refuses access (HTTP " + status + ")");
        }
        if (status >= 500) {
            throw new PluginException(ErrorKind.UNAVAILABLE, "the forum failed on its side (HTTP " + status + ")");
        }
        if (status != 200) {
            throw new PluginException(ErrorKind.BAD_RESPONSE, "the forum answered HTTP " + status);
        }
        return r;
    }

    private boolean hasCookie(String name) {
        for (HttpCookie c : cookies.getCookieStore().getCookies()) {
            if (c.getName().equals(name) && !c.getValue().isBlank()) {
                return true;
            }
        }
        return false;
    }

    private static String encode(Map<String, String> form) {
        StringJoiner j = new StringJoiner("&");
        form.forEach((k, v) -> j.add(URLEncoder.encode(k, StandardCharsets.UTF_8) + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return j.toString();
    }
}
