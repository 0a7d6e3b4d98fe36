package io.kanzen.source.torznab;

import io.kanzen.api.ErrorKind;
import io.kanzen.api.HttpSettings;
import io.kanzen.api.PluginException;
import io.kanzen.api.RateLimiter;
import java.io.ByteArrayInputStream;
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
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.StringJoiner;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * GET requests to a Torznab endpoint ({@code {url}{apiPath}?t=…}), each after the rate limiter, answering the root
 * element of the XML, with the protocol's failures as {@link PluginException}s. The key has to travel in the query
 * ({@code apikey=}: Jackett and NZBHydra read no header), so no message here ever quotes a request URI.
 */
final class TorznabApi {
    private final URI base;
    private final String endpoint;
    private final String apiKey;
    private final HttpSettings http;
    private final RateLimiter limiter;
    private final Clock clock;
    private final HttpClient client;

    TorznabApi(URI base, String apiPath, String apiKey, HttpSettings http, RateLimiter limiter, Clock clock) {
        this.base = base;
        String b = base.toString().endsWith("/") ? base.toString().substring(0, base.toString().length() - 1) : base.toString();
        this.endpoint = b + (apiPath.startsWith("/") ? apiPath : "/" + apiPath);
        this.apiKey = apiKey == null || apiKey.isBlank() ? null : apiKey;
        this.http = http;
        this.limiter = limiter;
        this.clock = clock;
        this.client = HttpClient.newBuilder().connectTimeout(http.connectTimeout()).followRedirects(HttpClient.Redirect.NORMAL)
                .version(HttpClient.Version.HTTP_1_1).build();
    }

    /** The feed's address as the user typed it: what messages may show. */
    URI base() {
        return base;
    }

    /** Asks {@code t=function} with {@code params} (in order); answers the XML root of a 200 that is not an error. */
    Element get(String function, Map<String, String> params) {
        StringJoiner q = new StringJoiner("&");
        q.add("t=" + function);
        params.forEach((k, v) -> q.add(k + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8)));
        if (apiKey != null) {
            q.add("apikey=" + URLEncoder.encode(apiKey, StandardCharsets.UTF_8));
        }
        URI uri = URI.create(endpoint + "?" + q);
        limiter.acquire();
        HttpResponse<byte[]> r;
        try {
            r = client.send(HttpRequest.newBuilder(uri).timeout(http.readTimeout()).header("User-Agent", http.userAgent())
                    .header("Accept", "application/rss+xml, application/xml, text/xml").GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (HttpConnectTimeoutException | ConnectException e) {
            throw new PluginException(ErrorKind.UNAVAILABLE, "the Torznab feed at " + base + " does not answer (is it running?)", safe(e));
        } catch (HttpTimeoutException e) {
            throw new PluginException(ErrorKind.UNAVAILABLE, "the Torznab feed at " + base + " did not reply in time", safe(e));
        } catch (IOException e) {
            throw new PluginException(ErrorKind.UNAVAILABLE, "the connection to the Torznab feed at " + base + " failed", safe(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PluginException(ErrorKind.UNAVAILABLE, "interrupted while asking the Torznab feed at " + base, e);
        }
        return read(r);
    }

    private Element read(HttpResponse<byte[]> r) {
        int status = r.statusCode();
        Element root = parse(r.body());
        Duration wait = r.headers().firstValue("Retry-After").map(this::retryAfter).orElse(null);
        if (root != null && root.getLocalName() != null && root.getLocalName().equals("error")) {
            throw error(root.getAttribute("code"), root.getAttribute("description"), wait);
        }
        if (status == 401 || status == 403) {
            throw new PluginException(ErrorKind.AUTHENTICATION, "the Torznab feed at " + base + " refused the API key");
        }
        if (status == 429) {
            throw PluginException.rateLimited("the Torznab feed at " + base + " asks Kanzen to slow down", wait);
        }
        if (status >= 500 || status == 410) {
            throw new PluginException(ErrorKind.UNAVAILABLE, "the Torznab feed at " + base + " failed on its side (HTTP " + status + ")");
        }
        if (status != 200) {
            throw new PluginException(ErrorKind.BAD_RESPONSE, "the Torznab feed at " + base + " answered HTTP " + status
                    + (status == 404 ? " (is the address the feed's, without /api?)" : ""));
        }
        if (root == null) {
            throw new PluginException(ErrorKind.BAD_RESPONSE, "the answer of " + base
                    + " is not Torznab XML (is the address the feed's, without a login page in front?)");
        }
        return root;
    }

    /**
     * The protocol's error codes (Newznab API spec, section "Error codes"): 100-102 credentials, 429/500/501 limits
     * (Prowlarr uses 429), 900 unknown, 910 API disabled, 2xx/300 a request the feed cannot serve.
     */
    private PluginException error(String code, String description, Duration wait) {
        String said = "the Torznab feed at " + base + " says: " + (description == null || description.isBlank() ? "error " + code : description);
        return switch (code == null ? "" : code.strip()) {
            case "100", "102" -> new PluginException(ErrorKind.AUTHENTICATION, said);
            case "101" -> new PluginException(ErrorKind.BLOCKED, said);
            case "429", "500", "501" -> new PluginException(ErrorKind.RATE_LIMITED, said, null, wait);
            case "900", "910" -> new PluginException(ErrorKind.UNAVAILABLE, said);
            case "203" -> new PluginException(ErrorKind.CONFIGURATION, said);
            default -> new PluginException(ErrorKind.BAD_RESPONSE, said);
        };
    }

    /** Seconds, or an HTTP date (RFC 9110); null when unreadable, so that the host's own backoff applies. */
    private Duration retryAfter(String value) {
        String v = value.strip();
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(v)));
        } catch (NumberFormatException notSeconds) {
            try {
                Duration d = Duration.between(clock.instant(), ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
                return d.isNegative() ? Duration.ZERO : d;
            } catch (DateTimeParseException notADate) {
                return null;
            }
        }
    }

    /** The root element, or null when the bytes are not well-formed XML. DTDs are refused (no entity tricks). */
    private static Element parse(byte[] body) {
        if (body == null || body.length == 0) {
            return null;
        }
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setExpandEntityReferences(false);
            DocumentBuilder b = f.newDocumentBuilder();
            b.setErrorHandler(new DefaultHandler()); // silent: the JDK default prints to stderr
            return b.parse(new ByteArrayInputStream(body)).getDocumentElement();
        } catch (SAXException | IOException e) {
            return null;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML parser lacks a standard feature", e);
        }
    }

    /** The cause, unless its text quotes the key (a request URI in an exception message): then nothing. */
    private Throwable safe(Throwable e) {
        if (apiKey == null) {
            return e;
        }
        for (Throwable c = e; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (String.valueOf(c).contains(apiKey)) {
                return null;
            }
        }
        return e;
    }
}
