package com.example.kanzen;

import com.sun.net.httpserver.HttpServer;
import io.kanzen.api.PluginConfig;
import io.kanzen.api.PluginContext;
import io.kanzen.api.source.Source;
import io.kanzen.api.source.SourceFactory;
import io.kanzen.testkit.SourceContractTest;
import io.kanzen.testkit.TestPluginContext;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The test kit's source contract (no match, refused key, 429, down, garbage, a silent peer, the limiter, secrets)
 * against a local fake of the site: the JDK's own small HTTP server. MockWebServer works as well.
 */
class LinesContractTest extends SourceContractTest {
    private static final String KEY = "0123456789abcdef";
    private final AtomicInteger requests = new AtomicInteger();
    private HttpServer site;

    @BeforeEach
    void start() throws IOException {
        site = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        site.start();
    }

    @AfterEach
    void stop() {
        site.stop(0);
    }

    /** The site answers every request with {@code code}, {@code headers} and {@code body}; returns its address. */
    private String siteAnswering(int code, Map<String, String> headers, String body) {
        site.createContext("/", exchange -> {
            requests.incrementAndGet();
            headers.forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(code, bytes.length == 0 ? -1 : bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        return "http://127.0.0.1:" + site.getAddress().getPort() + "/";
    }

    /** Made as Kanzen makes it: settings validated against the factory's properties, then create. */
    static Source source(String url, PluginContext context) {
        SourceFactory factory = new LinesPlugin().sourceFactories().get(0);
        return factory.create(PluginConfig.of(factory.configProperties(), Map.of("url", url, "apiKey", KEY)), context);
    }

    @Override
    protected Source givenAPeerWithNoMatch() {
        return source(siteAnswering(200, Map.of(), ""), context);
    }

    @Override
    protected Source givenAPeerRefusingTheCredentials() {
        return source(siteAnswering(401, Map.of(), ""), context);
    }

    @Override
    protected Source givenAPeerRateLimitingFor(int seconds) {
        return source(siteAnswering(429, Map.of("Retry-After", Integer.toString(seconds)), ""), context);
    }

    @Override
    protected Source givenAPeerThatIsDown() {
        try (ServerSocket s = new ServerSocket(0)) { // a port nobody listens on once closed
            return source("http://127.0.0.1:" + s.getLocalPort() + "/", context);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    protected Source givenAPeerAnsweringGarbage() {
        return source(siteAnswering(200, Map.of(), "<html><body>Maintenance</body></html>"), context);
    }

    @Override
    protected Source givenAPeerThatNeverAnswers(String address, TestPluginContext slowContext) {
        return source(address, slowContext);
    }

    @Override
    protected int requestsReceivedByThePeer() {
        return requests.get();
    }

    @Override
    protected Set<String> secretValues() {
        return Set.of(KEY);
    }
}
