package io.kanzen.testkit;

import io.kanzen.api.ConfigProperty;
import io.kanzen.api.ConfigType;
import io.kanzen.api.ErrorKind;
import io.kanzen.api.HttpSettings;
import io.kanzen.api.LinkKind;
import io.kanzen.api.NameParser;
import io.kanzen.api.Plugin;
import io.kanzen.api.PluginException;
import io.kanzen.api.RateLimiter;
import io.kanzen.api.Release;
import io.kanzen.api.SpiVersion;
import io.kanzen.api.source.SearchRequest;
import io.kanzen.api.source.Source;
import io.kanzen.api.source.SourceCapability;
import io.kanzen.api.source.SourceFactory;
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
 * The kit's own check that its contracts can be passed: a small but real source over HTTP. Its peer answers
 * {@code GET /search?q=…} with one release a line, {@code title|link}, and wants the key in {@code X-Api-Key}.
 */
public class FakePlugin implements Plugin {
    static final List<ConfigProperty> SETTINGS = List.of(
            ConfigProperty.of("url", "Address", ConfigType.URL).asRequired(),
            ConfigProperty.of("apiKey", "API key", ConfigType.STRING).asRequired().asSecret());

    @Override
    public String name() {
        return "fake";
    }

    @Override
    public String spiVersion() {
        return SpiVersion.CURRENT;
    }

    @Override
    public List<SourceFactory> sourceFactories() {
        return List.of(SourceFactory.of("fake", SETTINGS, (config, context) -> {
            URI url = URI.create(config.string("url"));
            return new LineSource(url, config.string("apiKey"), context.http(), context.rateLimiter(url.getHost()), context.nameParser());
        }));
    }

    /** What a broken source gets wrong, for the kit's proof that each contract catches it. */
    enum Flaw {
        /** Shows its key in {@code toString()}. */
        LEAKS_THE_KEY,
        /** Asks the peer without the limiter. */
        SKIPS_THE_LIMITER,
        /** Waits five minutes whatever the host's read timeout. */
        IGNORES_THE_TIMEOUT,
        /** Lets a parsing error out as it is. */
        THROWS_ON_GARBAGE
    }

    static final class LineSource implements Source {
        private final URI base;
        private final String apiKey;
        private final HttpSettings http;
        private final RateLimiter limiter;
        private final NameParser parser;
        private final HttpClient client;
        private final Set<Flaw> flaws;

        LineSource(URI base, String apiKey, HttpSettings http, RateLimiter limiter, NameParser parser) {
            this(base, apiKey, http, limiter, parser, Set.of());
        }

        LineSource(URI base, String apiKey, HttpSettings http, RateLimiter limiter, NameParser parser, Set<Flaw> flaws) {
            this.flaws = flaws;
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
                if (flaws.contains(Flaw.THROWS_ON_GARBAGE)) {
                    LinkKind.of(parts[1]).orElseThrow(); // ArrayIndexOutOfBounds or NoSuchElement on a line of garbage
                }
                if (parts.length != 2 || LinkKind.of(parts[1]).isEmpty()) {
                    throw new PluginException(ErrorKind.BAD_RESPONSE, "the peer's answer is not a list of releases");
                }
                out.add(new Release("fake", parts[0], parts[1], LinkKind.of(parts[1]).get(), -1, null, null, null, null, null, null,
                        "torrent", parser.parse(parts[0])));
            }
            return out;
        }

        @Override
        public void checkConnection() {
            get("search?q=test");
        }

        private String get(String pathAndQuery) {
            if (!flaws.contains(Flaw.SKIPS_THE_LIMITER)) {
                limiter.acquire();
            }
            HttpResponse<String> r;
            try {
                r = client.send(HttpRequest.newBuilder(base.resolve(pathAndQuery))
                        .timeout(flaws.contains(Flaw.IGNORES_THE_TIMEOUT) ? Duration.ofMinutes(5) : http.readTimeout())
                        .header("X-Api-Key", apiKey).header("User-Agent", http.userAgent()).build(), HttpResponse.BodyHandlers.ofString());
            } catch (HttpTimeoutException e) {
                throw new PluginException(ErrorKind.UNAVAILABLE, "the peer did not answer in time", e);
            } catch (IOException e) {
                throw new PluginException(ErrorKind.UNAVAILABLE, "the peer cannot be reached: " + e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new PluginException(ErrorKind.UNAVAILABLE, "interrupted while waiting for the peer", e);
            }
            return switch (r.statusCode()) {
                case 200 -> r.body();
                case 401, 403 -> throw new PluginException(ErrorKind.AUTHENTICATION, "the peer refused the API key");
                case 429 -> throw PluginException.rateLimited("the peer asks to slow down",
                        r.headers().firstValue("Retry-After").map(s -> Duration.ofSeconds(Long.parseLong(s.strip()))).orElse(null));
                default -> throw new PluginException(ErrorKind.UNAVAILABLE, "the peer answered HTTP " + r.statusCode());
            };
        }

        @Override
        public String toString() {
            return flaws.contains(Flaw.LEAKS_THE_KEY) ? "LineSource{" + base + ", key=" + apiKey + "}" : "LineSource{" + base + "}";
        }
    }
}
