package io.kanzen.source.prowlarr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kanzen.api.ErrorKind;
import io.kanzen.api.HttpSettings;
import io.kanzen.api.PluginException;
import io.kanzen.api.RateLimiter;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/**
 * GET requests to Prowlarr's JSON API with the {@code X-Api-Key} header (never in the URL, so it stays out of
 * logs), each after the rate limiter, and Prowlarr's failures as {@link PluginException}s.
 */
final class ProwlarrApi {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI base;
    private final String apiKey;
    private final HttpSettings http;
    private final RateLimiter limiter;
    private final HttpClient client;

    ProwlarrApi(URI base, String apiKey, HttpSettings http, RateLimiter limiter) {
        this.base = base;
        this.apiKey = apiKey;
        this.http = http;
        this.limiter = limiter;
        this.client = HttpClient.newBuilder().connectTimeout(http.connectTimeout()).followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1).build();
    }

    /** {@code params} values are lists so that arrays go as repeated keys ({@code categories=7000&categories=7030}). */
    JsonNode get(String path, Map<String, List<String>> params) {
        StringJoiner q = new StringJoiner("&");
        params.forEach((k, values) -> values.forEach(v -> q.add(k + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8))));
        String b = base.toString().endsWith("/") ? base.toString().substring(0, base.toString().length() - 1) : base.toString();
        URI uri = URI.create(b + path + (q.length() == 0 ? "" : "?" + q));
        limiter.acquire();
        HttpResponse<String> r;
        try {
            r = client.send(HttpRequest.newBuilder(uri).timeout(http.readTimeout()).header("X-Api-Key", apiKey)
                    .header("Accept", "application/json").header("User-Agent", http.userAgent()).GET().build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpConnectTimeoutException | ConnectException e) {
            throw new PluginException(ErrorKind.UNAVAILABLE, "Prowlarr does not answer at " + base + " (is it running?)", e);
        } catch (HttpTimeoutException e) {
            throw new PluginException(ErrorKind.UNAVAILABLE, "Prowlarr at " + base + " did not reply in time", e);
        } catch (IOException e) {
            throw new PluginException(ErrorKind.UNAVAILABLE, "the connection to Prowlarr at " + base + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PluginException(ErrorKind.UNAVAILABLE, "interrupted while asking Prowlarr", e);
        }
        return read(r);
    }

    private static JsonNode read(HttpResponse<String> r) {
        int status = r.statusCode();
        String body = r.body() == null ? "" : r.body();
        if (status == 401 || status == 403) {
            throw new PluginException(ErrorKind.AUTHENTICATION, "Prowlarr refused the API key (Settings → General → API Key)");
        }
        if (status == 429) {
            Duration wait = r.headers().firstValue("Retry-After").map(ProwlarrApi::seconds).orElse(null);
            throw PluginException.rateLimited("Prowlarr asks Kanzen to slow down", wait);
        }
        if (status >= 500) {
            throw new PluginException(ErrorKind.UNAVAILABLE, "Prowlarr failed on its side (HTTP " + status + ")");
        }
        JsonNode json;
        try {
            json = JSON.readTree(body);
        } catch (IOException e) {
            json = null;
        }
        if (status == 400 || status == 404 || status == 409) {
            String message = json != null && json.hasNonNull("message") ? json.get("message").asText() : "HTTP " + status;
            if (message.toLowerCase(Locale.ROOT).contains("unavailable")) {
                throw new PluginException(ErrorKind.UNAVAILABLE, "Prowlarr: " + message);
            }
            throw new PluginException(ErrorKind.BAD_RESPONSE, "Prowlarr refused the request: " + message);
        }
        if (status != 200) {
            throw new PluginException(ErrorKind.BAD_RESPONSE, "Prowlarr answered HTTP " + status);
        }
        if (json == null || json.isMissingNode()) {
            throw new PluginException(ErrorKind.BAD_RESPONSE, "Prowlarr's answer is not JSON (is the address Prowlarr's, without a login page in front?)");
        }
        return json;
    }

    private static Duration seconds(String retryAfter) {
        try {
            return Duration.ofSeconds(Long.parseLong(retryAfter.strip()));
        } catch (NumberFormatException e) {
            return null; // an HTTP date: rare from Prowlarr; the host's backoff applies instead
        }
    }
}
