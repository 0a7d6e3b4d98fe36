package io.kanzen.source.anilist;

import static io.kanzen.source.anilist.AniListFixtures.json;

import io.kanzen.api.source.Source;
import io.kanzen.testkit.SourceContractTest;
import io.kanzen.testkit.TestPluginContext;
import io.kanzen.testkit.daemon.LocalDaemon;
import java.util.Set;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;

class AniListContractTest extends SourceContractTest {
    @StartStop
    final MockWebServer server = new MockWebServer();

    private Source source() {
        return AniListFixtures.source(server.url("/").toString(), context);
    }

    @Override
    protected Source givenAPeerWithNoMatch() {
        server.enqueue(json(200, "search_empty.json"));
        return source();
    }

    /** AniList asks no key for public data; a proxy in front of it may still want one. */
    @Override
    protected Source givenAPeerRefusingTheCredentials() {
        server.enqueue(new MockResponse.Builder().code(401).body("{\"errors\":[{\"message\":\"Unauthorized.\",\"status\":401}],\"data\":null}").build());
        return source();
    }

    @Override
    protected Source givenAPeerRateLimitingFor(int seconds) {
        server.enqueue(new MockResponse.Builder().code(429).body(io.kanzen.testkit.Fixtures.text("anilist/error_429_too_many_requests.json")).setHeader("Retry-After", Integer.toString(seconds))
                .setHeader("X-RateLimit-Remaining", "0").build());
        return source();
    }

    @Override
    protected Source givenAPeerThatIsDown() {
        return AniListFixtures.source("http://127.0.0.1:" + LocalDaemon.freePort() + "/", context);
    }

    @Override
    protected Source givenAPeerAnsweringGarbage() {
        server.enqueue(new MockResponse.Builder().code(200).setHeader("Content-Type", "text/html")
                .body("<!DOCTYPE html><html><head><title>AniList</title></head><body>Maintenance</body></html>").build());
        return source();
    }

    @Override
    protected Source givenAPeerThatNeverAnswers(String address, TestPluginContext slowContext) {
        return AniListFixtures.source(address, slowContext);
    }

    @Override
    protected int requestsReceivedByThePeer() {
        return server.getRequestCount();
    }

    @Override
    protected Set<String> secretValues() {
        return Set.of(); // AniList's public data needs no key
    }
}
