package io.kanzen.testkit;

import com.sun.net.httpserver.HttpServer;
import io.kanzen.api.PluginConfig;
import io.kanzen.api.PluginContext;
import io.kanzen.api.source.Source;
import io.kanzen.api.source.SourceFactory;
import io.kanzen.testkit.daemon.LocalDaemon;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** The kit's contracts against its own {@link FakePlugin}, its peer being the JDK's small HTTP server. */
class FakeSourceContractTest extends SourceContractTest {
    static final String KEY = "s3cret-key-0123456789";
    private HttpServer server;
    private final AtomicInteger requests = new AtomicInteger();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    /** Every request gets {@code code}, {@code headers} and {@code body}. */
    private String peerAnswering(int code, Map<String, String> headers, String body) {
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            headers.forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(code, bytes.length == 0 ? -1 : bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    /** The source under test; {@link ContractsCatchFlawsTest} overrides it with flawed ones. */
    Source source(String url, PluginContext context) {
        SourceFactory factory = new FakePlugin().sourceFactories().get(0);
        return factory.create(PluginConfig.of(factory.configProperties(), Map.of("url", url, "apiKey", KEY)), context);
    }

    @Override
    protected Source givenAPeerWithNoMatch() {
        return source(peerAnswering(200, Map.of(), ""), context);
    }

    @Override
    protected Source givenAPeerRefusingTheCredentials() {
        return source(peerAnswering(401, Map.of(), ""), context);
    }

    @Override
    protected Source givenAPeerRateLimitingFor(int seconds) {
        return source(peerAnswering(429, Map.of("Retry-After", Integer.toString(seconds)), ""), context);
    }

    @Override
    protected Source givenAPeerThatIsDown() {
        return source("http://127.0.0.1:" + LocalDaemon.freePort() + "/", context);
    }

    @Override
    protected Source givenAPeerAnsweringGarbage() {
        return source(peerAnswering(200, Map.of(), "<html><body>Maintenance</body></html>"), context);
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
