package io.kanzen.source.prowlarr;

import static io.kanzen.source.prowlarr.ProwlarrFixtures.file;
import static io.kanzen.source.prowlarr.ProwlarrFixtures.json;

import io.kanzen.api.source.Source;
import io.kanzen.testkit.SourceContractTest;
import io.kanzen.testkit.TestPluginContext;
import io.kanzen.testkit.daemon.LocalDaemon;
import java.util.Map;
import java.util.Set;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;

class ProwlarrContractTest extends SourceContractTest {
    @StartStop
    final MockWebServer server = new MockWebServer();

    private Source source() {
        return ProwlarrFixtures.source(server.url("/").toString(), context, Map.of());
    }

    @Override
    protected Source givenAPeerWithNoMatch() {
        server.enqueue(json(200, file("search_empty.json")));
        return source();
    }

    @Override
    protected Source givenAPeerRefusingTheCredentials() {
        server.enqueue(new MockResponse.Builder().code(401).build()); // Prowlarr's 401 has an empty body
        return source();
    }

    @Override
    protected Source givenAPeerRateLimitingFor(int seconds) {
        server.enqueue(new MockResponse.Builder().code(429).setHeader("Retry-After", Integer.toString(seconds)).build());
        return source();
    }

    @Override
    protected Source givenAPeerThatIsDown() {
        return ProwlarrFixtures.source("http://127.0.0.1:" + LocalDaemon.freePort(), context, Map.of());
    }

    @Override
    protected Source givenAPeerAnsweringGarbage() {
        server.enqueue(json(200, "[{\"title\": \"One Piece T"));
        return source();
    }

    @Override
    protected Source givenAPeerThatNeverAnswers(String address, TestPluginContext slowContext) {
        return ProwlarrFixtures.source(address, slowContext, Map.of());
    }

    @Override
    protected int requestsReceivedByThePeer() {
        return server.getRequestCount();
    }

    @Override
    protected Set<String> secretValues() {
        return Set.of(ProwlarrFixtures.API_KEY);
    }
}
