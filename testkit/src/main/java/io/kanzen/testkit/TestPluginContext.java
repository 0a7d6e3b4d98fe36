package io.kanzen.testkit;

import io.kanzen.api.ErrorKind;
import io.kanzen.api.HttpSettings;
import io.kanzen.api.OutboundHttp;
import io.kanzen.api.PluginException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import io.kanzen.api.NameParser;
import io.kanzen.api.PluginContext;
import io.kanzen.api.RateLimiter;
import io.kanzen.api.SecretStore;
import io.kanzen.core.Kanzen;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A {@link PluginContext} for plugin tests, in the manner of Micrometer's {@code SimpleMeterRegistry}: secrets in a
 * map, a temporary work directory, the host's real name parser, and rate limiters that count what they were asked,
 * so a test can check that every call to a peer went through its limiter.
 */
public final class TestPluginContext implements PluginContext {
    private final Clock clock;
    private final Path workDirectory;
    private final NameParser parser;
    private final HttpSettings http;
    private final Map<String, AtomicInteger> acquired = new ConcurrentHashMap<>();
    private final Map<String, String> secrets = new ConcurrentHashMap<>();

    private TestPluginContext(Clock clock, Path workDirectory, NameParser parser, HttpSettings http) {
        this.clock = clock;
        this.workDirectory = workDirectory;
        this.parser = parser;
        this.http = http;
    }

    /**
     * System clock, a fresh temporary directory, the parser the host hands plugins ({@link Kanzen#standardParser()}:
     * releases read here as they will be in use), short timeouts.
     */
    public static TestPluginContext create() {
        try {
            return new TestPluginContext(Clock.systemUTC(), Files.createTempDirectory("kanzen-plugin-"), Kanzen.standardParser(),
                    new HttpSettings(Duration.ofSeconds(3), Duration.ofSeconds(10), "Kanzen-test"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public TestPluginContext withClock(Clock newClock) {
        return new TestPluginContext(newClock, workDirectory, parser, http);
    }

    public TestPluginContext withNameParser(NameParser newParser) {
        return new TestPluginContext(clock, workDirectory, newParser, http);
    }

    public TestPluginContext withHttp(HttpSettings newHttp) {
        return new TestPluginContext(clock, workDirectory, parser, newHttp);
    }

    /** How many permits the limiter of {@code key} handed out. */
    public int acquired(String key) {
        AtomicInteger n = acquired.get(key);
        return n == null ? 0 : n.get();
    }

    /** How many permits every limiter together handed out. */
    public int acquiredInAll() {
        return acquired.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    /** Every limiter key asked for, with its count. */
    public Map<String, Integer> acquiredByKey() {
        Map<String, Integer> out = new java.util.TreeMap<>();
        acquired.forEach((k, v) -> out.put(k, v.get()));
        return out;
    }

    @Override
    public Clock clock() {
        return clock;
    }

    @Override
    public RateLimiter rateLimiter(String key) {
        AtomicInteger counter = acquired.computeIfAbsent(key, k -> new AtomicInteger());
        return counter::incrementAndGet;
    }

    @Override
    public Path workDirectory() {
        return workDirectory;
    }

    @Override
    public SecretStore secrets() {
        return new SecretStore() {
            @Override
            public Optional<String> get(String key) {
                return Optional.ofNullable(secrets.get(key));
            }

            @Override
            public void put(String key, String value) {
                secrets.put(key, value);
            }

            @Override
            public void remove(String key) {
                secrets.remove(key);
            }
        };
    }

    @Override
    public HttpSettings http() {
        return http;
    }

    @Override
    public NameParser nameParser() {
        return parser;
    }

    /**
     * A plain fetch with no address policy (plugin tests talk to MockWebServer on loopback), one hop per call like
     * the host's: a plugin that follows redirects by itself is exercised the same way.
     */
    @Override
    public OutboundHttp outbound() {
        HttpClient client = HttpClient.newBuilder().connectTimeout(http.connectTimeout()).followRedirects(HttpClient.Redirect.NEVER).build();
        return (uri, headers, maxBytes) -> {
            HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(http.readTimeout()).header("User-Agent", http.userAgent()).GET();
            headers.forEach(b::header);
            try {
                HttpResponse<byte[]> r = client.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
                if (r.body().length > maxBytes) {
                    throw new PluginException(ErrorKind.BAD_RESPONSE, uri.getHost() + " answered more than " + maxBytes + " bytes");
                }
                Map<String, java.util.List<String>> names = new java.util.LinkedHashMap<>();
                r.headers().map().forEach((k, v) -> names.put(k.toLowerCase(java.util.Locale.ROOT), v));
                return new OutboundHttp.Response(uri, r.statusCode(), names, r.body());
            } catch (IOException e) {
                throw new PluginException(ErrorKind.UNAVAILABLE, "cannot fetch from " + uri.getHost() + ": " + e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new PluginException(ErrorKind.UNAVAILABLE, "interrupted", e);
            }
        };
    }
}
