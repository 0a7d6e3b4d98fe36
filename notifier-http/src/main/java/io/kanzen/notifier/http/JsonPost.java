package io.kanzen.notifier.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * One JSON POST to a notification service, after its rate limiter, with the service's failures as
 * {@link PluginException}s. Messages name the service and its host only: a webhook or bot URL carries a token, so the
 * full address is never shown.
 */
final class JsonPost {
    static final ObjectMapper JSON = new ObjectMapper();

    private final String service;
    private final HttpSettings http;
    private final RateLimiter limiter;
    private final HttpClient client;

    JsonPost(String service, HttpSettings http, RateLimiter limiter) {
        this.service = service;
        this.http = http;
        this.limiter = limiter;
        this.client = HttpClient.newBuilder().connectTimeout(http.connectTimeout()).followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1).build();
    }

    /** The limiter key of a peer: its host and port, never the path (it may hold a token). */
    static String peer(URI uri) {
        return uri.getHost() + ":" + (uri.getPort() != -1 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80);
    }

    /**
     * Posts {@code body}; a 2xx answer is success, anything else is thrown.
     *
     * @param reason reads the service's own words out of an error answer (its JSON), or null
     */
    JsonNode post(URI uri, Map<String, String> headers, Object body, Function<JsonNode, Optional<String>> reason) {
        String json;
        try {
            json = JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(http.readTimeout()).header("Content-Type", "application/json; charset=utf-8")
                .header("Accept", "application/json").header("User-Agent", http.userAgent())
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        headers.forEach(request::header);
        String where = uri.getScheme() + "://" + peer(uri);
        limiter.acquire();
        HttpResponse<String> r;
        try {
            r = client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpConnectTimeoutException | ConnectException e) {
            throw new PluginException(ErrorKind.UNAVAILABLE, service + " does not answer at " + where);
        } catch (HttpTimeoutException e) {
            throw new PluginException(ErrorKind.UNAVAILABLE, service + " at " + where + " did not reply in time");
        } catch (IOException e) {
            throw new PluginException(ErrorKind.UNAVAILABLE, "the connection to " + service + " at " + where + " failed");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PluginException(ErrorKind.UNAVAILABLE, "interrupted while sending to " + service);
        }
        return read(r, reason);
    }

    private JsonNode read(HttpResponse<String> r, Function<JsonNode, Optional<String>> reason) {
        int status = r.statusCode();
        JsonNode json = parse(r.body());
        if (status >= 200 && status < 300) {
            return json;
        }
        String said = reason == null ? "" : reason.apply(json).filter(s -> !s.isBlank()).map(s -> ": " + shorten(s)).orElse("");
        if (status == 401 || status == 403) {
            throw new PluginException(ErrorKind.AUTHENTICATION, service + " refused the credentials (HTTP " + status + ")" + said);
        }
        if (status == 429) {
            Duration wait = r.headers().firstValue("Retry-After").flatMap(JsonPost::seconds)
                    .or(() -> retryAfterIn(json)).orElse(null);
            throw PluginException.rateLimited(service + " asks Kanzen to slow down" + said, wait);
        }
        if (status >= 500) {
            throw new PluginException(ErrorKind.UNAVAILABLE, service + " failed on its side (HTTP " + status + ")" + said);
        }
        if (status == 404) {
            throw new PluginException(ErrorKind.CONFIGURATION, service + " knows no such address (HTTP 404)" + said + "; check the settings");
        }
        throw new PluginException(ErrorKind.BAD_RESPONSE, service + " refused the message (HTTP " + status + ")" + said);
    }

    private static JsonNode parse(String body) {
        try {
            return body == null || body.isBlank() ? JSON.missingNode() : JSON.readTree(body);
        } catch (IOException e) {
            return JSON.missingNode();
        }
    }

    /** Discord ({@code retry_after}) and Telegram ({@code parameters.retry_after}) say the wait in the body. */
    private static Optional<Duration> retryAfterIn(JsonNode json) {
        JsonNode n = json.has("retry_after") ? json.get("retry_after") : json.path("parameters").path("retry_after");
        if (!n.isNumber()) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofMillis((long) Math.ceil(n.asDouble() * 1000)));
    }

    private static Optional<Duration> seconds(String header) {
        try {
            return Optional.of(Duration.ofMillis((long) Math.ceil(Double.parseDouble(header.strip()) * 1000)));
        } catch (NumberFormatException e) {
            return Optional.empty(); // an HTTP date: the host's backoff applies instead
        }
    }

    private static String shorten(String s) {
        String one = s.replaceAll("\\s+", " ").strip();
        return one.length() > 200 ? one.substring(0, 200) + "…" : one;
    }
}
