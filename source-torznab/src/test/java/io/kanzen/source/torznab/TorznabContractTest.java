package io.kanzen.source.torznab;

import static io.kanzen.source.torznab.TorznabFixtures.xml;

import io.kanzen.api.source.Source;
import io.kanzen.testkit.SourceContractTest;
import io.kanzen.testkit.TestPluginContext;
import io.kanzen.testkit.daemon.LocalDaemon;
import java.util.Map;
import java.util.Set;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;

class TorznabContractTest extends SourceContractTest {
    @StartStop
    final MockWebServer server = new MockWebServer();

    private Source source() {
        return TorznabFixtures.source(server.url("/api/v2.0/indexers/all/results/torznab").toString(), context, Map.of());
    }

    @Override
    protected Source givenAPeerWithNoMatch() {
        server.enqueue(xml(200, "jackett_search_empty.xml"));
        return source();
    }

    @Override
    protected Source givenAPeerRefusingTheCredentials() {
        server.enqueue(xml(401, "jackett_error_invalid_api_key.xml"));
        return source();
    }

    @Override
    protected Source givenAPeerRateLimitingFor(int seconds) {
        server.enqueue(new MockResponse.Builder().code(429).setHeader("Retry-After", Integer.toString(seconds))
                .body(io.kanzen.testkit.Fixtures.text("torznab/prowlarr_error_query_limit_429.xml")).build());
        return source();
    }

    @Override
    protected Source givenAPeerThatIsDown() {
        return TorznabFixtures.source("http://127.0.0.1:" + LocalDaemon.freePort(), context, Map.of());
    }

    @Override
    protected Source givenAPeerAnsweringGarbage() {
        server.enqueue(new MockResponse.Builder().code(200).setHeader("Content-Type", "application/rss+xml")
                .body("<?xml version=\"1.0\"?><rss><channel><item><title>One Piece T").build());
        return source();
    }

    @Override
    protected Source givenAPeerThatNeverAnswers(String address, TestPluginContext slowContext) {
        return TorznabFixtures.source(address, slowContext, Map.of());
    }

    @Override
    protected int requestsReceivedByThePeer() {
        return server.getRequestCount();
    }

    @Override
    protected Set<String> secretValues() {
        return Set.of(TorznabFixtures.API_KEY);
    }
}
