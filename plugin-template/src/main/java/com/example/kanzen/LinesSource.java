package com.example.kanzen;

import io.kanzen.api.ErrorKind;
import io.kanzen.api.HttpSettings;
import io.kanzen.api.LinkKind;
import io.kanzen.api.NameParser;
import io.kanzen.api.PluginException;
import io.kanzen.api.RateLimiter;
import io.kanzen.api.Release;
import io.kanzen.api.source.SearchRequest;
import io.kanzen.api.source.Source;
import io.kanzen.api.source.SourceCapability;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Searches a site that answers {@code GET /search?q=…} (key in {@code X-Api-Key}) with one release a line,
 * {@code title|link}. Everything the test kit's contracts ask of a source is here:
 * <ul>
 *   <li>the limiter before every request, the host's timeouts, an interruptible HTTP client (the JDK's);</li>
 *   <li>every failure a {@link PluginException} with an {@link ErrorKind} and a message for users;</li>
 *   <li>nothing found is an empty list; the key never in a message, a URL or {@code toString()}.</li>
 * </ul>
 */
final class LinesSource implements Source {
    private final URI base;
    private final String apiKey;
    private final HttpSettings http;
    private final RateLimiter limiter;
    private final NameParser parser;
    private final HttpClient client;

    LinesSource(URI base, String apiKey, HttpSettings http, RateLimiter limiter, NameParser parser) {
        this.base = base;
        this.apiKey = apiKey;
        this.http = http;
        this.limiter = limiter;
        this.parser = parser;
        this.client = HttpClient.newBuilder().connectTimeout(http.connectTimeout()).build();
    }

    @Override
    public Set<SourceCapability> capabilities() {
        return Set.of(SourceCapability.SEARCH_RELEASES);
    }

    @Override
    public List<Release> search(SearchRequest request) {
        String body = get("search?q=" + URLEncoder.encode(request.query(), StandardCharsets.UTF_8));
        List<Release> out = new ArrayList<>();
        for (String line : body.lines().filter(l -> !l.isBlank()).toList()) {
            String[] parts = line.split("\\|");
            if (parts.length != 2 || LinkKind.of(parts[1]).isEmpty()) {
                throw new PluginException(ErrorKind.BAD_RESPONSE, "the site's answer is not a list of releases (is the address right?)");
            }
            // the host's parser reads the title as the library scanner reads file names (series, volume, language...)
            out.add(new Release("lines", parts[0], parts[1], LinkKind.of(parts[1]).get(), -1, null, null, null, null, null, null,
                    "torrent", parser.parse(parts[0])));
        }
        return out;
    }

    @Override
    public void checkConnection() {
        get("search?q=test");
    }

    private String get(String pathAndQuery) {
        limiter.acquire();
        HttpResponse<String> r;
        try {
            r = client.send(HttpRequest.newBuilder(base.resolve(pathAndQuery)).timeout(http.readTimeout())
                    .header("X-Api-Key", apiKey).header("User-Agent", http.userAgent()).build(), HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            throw new PluginException(ErrorKind.UNAVAILABLE, "the site at " + base + " did not answer in time", e);
        } catch (IOException e) {
            throw new PluginException(ErrorKind.UNAVAILABLE, "the site at " + base + " cannot be reached", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // keep the flag: the host is stopping this thread
            throw new PluginException(ErrorKind.UNAVAILABLE, "interrupted while waiting for the site", e);
        }
        return switch (r.statusCode()) {
            case 200 -> r.body();
            case 401, 403 -> throw new PluginException(ErrorKind.AUTHENTICATION, "the site refused the API key");
            case 429 -> throw PluginException.rateLimited("the site asks Kanzen to slow down",
                    r.headers().firstValue("Retry-After").map(LinesSource::seconds).orElse(null));
            default -> throw new PluginException(ErrorKind.UNAVAILABLE, "the site answered HTTP " + r.statusCode());
        };
    }

    private static Duration seconds(String value) {
        try {
            return Duration.ofSeconds(Long.parseLong(value.strip()));
        } catch (NumberFormatException e) {
            return null; // an HTTP date or garbage: Kanzen's own backoff applies
        }
    }

    @Override
    public String toString() {
        return "LinesSource{" + base + "}"; // never the key
    }
}
