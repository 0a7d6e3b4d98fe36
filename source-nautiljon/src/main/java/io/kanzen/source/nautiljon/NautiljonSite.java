package io.kanzen.source.nautiljon;

import io.kanzen.api.ErrorKind;
import io.kanzen.api.HttpSettings;
import io.kanzen.api.PluginException;
import io.kanzen.api.RateLimiter;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * Pages of nautiljon.com, politely: the host's limiter, then at least the configured interval between requests,
 * and a cache. A ban page ("interdite pour abus") or a Cloudflare challenge stops every later call (the stop is
 * written in the work folder, so a restart keeps it) until a connection test succeeds again.
 */
final class NautiljonSite {
    /** What a page fetch gives: the page, or nothing when Nautiljon says the page does not exist. */
    record Page(String url, String html) {}

    private static final String BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36";

    private final URI base;
    private final HttpSettings http;
    private final RateLimiter limiter;
    private final Pacer pacer;
    private final PageCache cache;
    private final Path blockedMarker;
    private final HttpClient client;

    NautiljonSite(URI base, HttpSettings http, RateLimiter limiter, Pacer pacer, PageCache cache, Path workDirectory) {
        this.base = base;
        this.http = http;
        this.limiter = limiter;
        this.pacer = pacer;
        this.cache = cache;
        this.blockedMarker = workDirectory.resolve("blocked.txt");
        this.client = HttpClient.newBuilder().connectTimeout(http.connectTimeout()).followRedirects(HttpClient.Redirect.NORMAL)
                .version(HttpClient.Version.HTTP_1_1).build();
    }

    URI base() {
        return base;
    }

    /** A page, from the cache when fresh. Empty when Nautiljon answers its "page does not exist". */
    Optional<Page> page(String pathAndQuery, boolean cacheable) {
        String url = resolve(pathAndQuery);
        if (cacheable) {
            Optional<String> cached = cache.get(url);
            if (cached.isPresent()) {
                return Optional.of(new Page(url, cached.get()));
            }
        }
        refuseWhileBlocked();
        Optional<Page> page = fetch(url);
        if (cacheable) {
            page.ifPresent(p -> cache.put(url, p.html()));
        }
        return page;
    }

    /** Fetches the home of the manga section, ignoring a previous ban: the user asked to test the connection. */
    void check() {
        try {
            Files.deleteIfExists(blockedMarker);
        } catch (IOException ignored) {
            // the fetch below decides
        }
        if (fetch(resolve("/mangas/")).isEmpty()) {
            throw new PluginException(ErrorKind.BAD_RESPONSE, "Nautiljon answers, but not its manga section");
        }
    }

    String resolve(String pathAndQuery) {
        return pathAndQuery.startsWith("http") ? pathAndQuery : base.resolve(pathAndQuery).toString();
    }

    private Optional<Page> fetch(String url) {
        limiter.acquire();
        pacer.await();
        HttpResponse<String> r;
        try {
            r = client.send(HttpRequest.newBuilder(URI.create(url)).timeout(http.readTimeout())
                    .header("User-Agent", BROWSER)
                    .header("Accept-Language", "fr-FR,fr;q=0.9")
                    .header("Referer", base.toString())
                    .header("Cookie", "cookieconsent_status=dismiss")
                    .GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpConnectTimeoutException | ConnectException e) {
            throw new PluginException(ErrorKind.UNAVAILABLE, "Nautiljon does not answer (" + base.getHost() + ")", e);
        } catch (HttpTimeoutException e) {
            throw new PluginException(ErrorKind.UNAVAILABLE, "Nautiljon did not reply in time", e);
        } catch (IOException e) {
            throw new PluginException(ErrorKind.UNAVAILABLE, "the connection to Nautiljon failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PluginException(ErrorKind.UNAVAILABLE, "interrupted while asking Nautiljon", e);
        }
        String body = r.body() == null ? "" : r.body();
        String lower = body.toLowerCase(Locale.ROOT);
        if (lower.contains("interdite pour abus")) {
            block("Nautiljon has banned this address for abuse (too many requests). Every Nautiljon call is stopped; "
                    + "when the ban is lifted, test the connection to resume.");
        }
        if (lower.contains("just a moment") && (lower.contains("cf-chl") || lower.contains("challenges.cloudflare.com"))
                || lower.contains("sorry, you have been blocked")) {
            block("Nautiljon put a Cloudflare challenge in front of Kanzen. Every Nautiljon call is stopped; "
                    + "test the connection later to resume.");
        }
        if (r.statusCode() == 429) {
            Duration wait = r.headers().firstValue("Retry-After").flatMap(NautiljonSite::seconds).orElse(null);
            throw PluginException.rateLimited("Nautiljon asks Kanzen to slow down", wait);
        }
        if (r.statusCode() == 404 || lower.contains("la page spécifiée n'existe pas") || lower.contains("la page spécifiée n&#039;existe pas")) {
            return Optional.empty();
        }
        if (r.statusCode() == 401) {
            throw new PluginException(ErrorKind.AUTHENTICATION, "Nautiljon asks for a login (HTTP 401)");
        }
        if (r.statusCode() == 403) {
            throw new PluginException(ErrorKind.BLOCKED, "Nautiljon refuses Kanzen (HTTP 403)");
        }
        if (r.statusCode() >= 500) {
            throw new PluginException(ErrorKind.UNAVAILABLE, "Nautiljon failed on its side (HTTP " + r.statusCode() + ")");
        }
        if (r.statusCode() != 200 || !lower.contains("<html")) {
            throw new PluginException(ErrorKind.BAD_RESPONSE, "Nautiljon answered something that is not a page (HTTP " + r.statusCode() + ")");
        }
        return Optional.of(new Page(url, body));
    }

    private void refuseWhileBlocked() {
        if (Files.exists(blockedMarker)) {
            String why;
            try {
                why = Files.readString(blockedMarker, StandardCharsets.UTF_8).strip();
            } catch (IOException e) {
                why = "Nautiljon calls are stopped after a ban";
            }
            throw new PluginException(ErrorKind.BLOCKED, why);
        }
    }

    private void block(String message) {
        try {
            Files.createDirectories(blockedMarker.getParent());
            Files.writeString(blockedMarker, message, StandardCharsets.UTF_8);
        } catch (IOException ignored) {
            // the exception below still stops this call
        }
        throw new PluginException(ErrorKind.BLOCKED, message);
    }

    private static Optional<Duration> seconds(String v) {
        try {
            return Optional.of(Duration.ofSeconds(Long.parseLong(v.strip())));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
