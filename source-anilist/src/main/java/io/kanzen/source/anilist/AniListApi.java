package io.kanzen.source.anilist;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * POSTs GraphQL queries to AniList, each after the host's limiter and the pacer, answering {@code data}; AniList's
 * failures become {@link PluginException}s. AniList answers errors as {@code {"errors":[{"message","status"}]}}
 * with the same HTTP status (429 with {@code Retry-After}, 404 for a missing {@code Media}, 400 for a bad query).
 */
final class AniListApi {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI url;
    private final HttpSettings http;
    private final RateLimiter limiter;
    private final Pacer pacer;
    private final Clock clock;
    private final HttpClient client;

    AniListApi(URI url, HttpSettings http, RateLimiter limiter, Pacer pacer, Clock clock) {
        this.url = url;
        this.http = http;
        this.limiter = limiter;
        this.pacer = pacer;
        this.clock = clock;
        this.client = HttpClient.newBuilder().connectTimeout(http.connectTimeout()).followRedirects(HttpClient.Redirect.NORMAL)
                .version(HttpClient.Version.HTTP_1_1).build();
    }

    /** The {@code data} of the answer; null when AniList says 404 (a {@code Media} by id that does not exist). */
    JsonNode query(String query, Map<String, Object> variables) {
        ObjectNode body = JSON.createObjectNode();
        body.put("query", query);
        body.set("variables", JSON.valueToTree(variables));
        limiter.acquire();
        pacer.await();
        HttpResponse<String> r;
        try {
            r = client.send(HttpRequest.newBuilder(url).timeout(http.readTimeout()).header("User-Agent", http.userAgent())
                    .header("Content-Type", "application/json").header("Accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body), StandardCharsets.UTF_8)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpConnectTimeoutException | ConnectException e) {
            throw new PluginException(ErrorKind.UNAVAILABLE, "AniList does not answer at " + url, e);
        } catch (HttpTimeoutException e) {
            throw new PluginException(ErrorKind.UNAVAILABLE, "AniList did not reply in time", e);
        } catch (IOException e) {
            throw new PluginException(ErrorKind.UNAVAILABLE, "the connection to AniList failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PluginException(ErrorKind.UNAVAILABLE, "interrupted while asking AniList", e);
        }
        return read(r);
    }

    private JsonNode read(HttpResponse<String> r) {
        int status = r.statusCode();
        JsonNode json;
        try {
            json = r.body() == null || r.body().isBlank() ? null : JSON.readTree(r.body());
        } catch (IOException e) {
            json = null;
        }
        String said = json == null ? null : json.path("errors").path(0).path("message").asText(null);
        if (status == 429) {
            Duration wait = r.headers().firstValue("Retry-After").map(this::retryAfter).orElse(null);
            throw PluginException.rateLimited("AniList asks Kanzen to slow down", wait);
        }
        if (status == 401) {
            throw new PluginException(ErrorKind.AUTHENTICATION, "AniList refused the request" + (said == null ? "" : ": " + said));
        }
        if (status == 403) {
            // AniList needs no account for public data: a 403 is a block (abuse, region), not a key problem
            throw new PluginException(ErrorKind.BLOCKED, "AniList refuses Kanzen's requests" + (said == null ? "" : ": " + said));
        }
        if (status == 404 && json != null) {
            return null;
        }
        if (status >= 500) {
            throw new PluginException(ErrorKind.UNAVAILABLE, "AniList failed on its side (HTTP " + status + ")");
        }
        if (status != 200) {
            throw new PluginException(ErrorKind.BAD_RESPONSE, "AniList refused the query (HTTP " + status + ")" + (said == null ? "" : ": " + said));
        }
        if (json == null || !json.path("data").isObject()) {
            throw new PluginException(ErrorKind.BAD_RESPONSE, "AniList's answer is not the GraphQL JSON expected");
        }
        return json.get("data");
    }

    private Duration retryAfter(String value) {
        String v = value.strip();
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(v)));
        } catch (NumberFormatException notSeconds) {
            try {
                Duration d = Duration.between(clock.instant(), ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
                return d.isNegative() ? Duration.ZERO : d;
            } catch (DateTimeParseException notADate) {
                return null; // the host's own backoff applies
            }
        }
    }
}
