package io.kanzen.source.ebdz;

import io.kanzen.api.source.Source;
import io.kanzen.testkit.SourceContractTest;
import io.kanzen.testkit.TestPluginContext;
import io.kanzen.testkit.daemon.LocalDaemon;
import java.util.Set;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;

class EbdzContractTest extends SourceContractTest {
    @StartStop
    final MockWebServer server = new MockWebServer();
    private final FakeForum forum = new FakeForum();

    @Override
    protected Source givenAPeerWithNoMatch() {
        forum.emptyForum = true;
        server.setDispatcher(forum);
        return FakeForum.source(server, context);
    }

    @Override
    protected Source givenAPeerRefusingTheCredentials() {
        server.setDispatcher(forum);
        return FakeForum.source(server.url("/forum/").toString(), context, "mauvais");
    }

    @Override
    protected Source givenAPeerRateLimitingFor(int seconds) {
        server.enqueue(new MockResponse.Builder().code(429).setHeader("Retry-After", Integer.toString(seconds)).build());
        return FakeForum.source(server, context);
    }

    @Override
    protected Source givenAPeerThatIsDown() {
        return FakeForum.source("http://127.0.0.1:" + LocalDaemon.freePort() + "/forum/", context, "x");
    }

    @Override
    protected Source givenAPeerAnsweringGarbage() {
        server.setDispatcher(new mockwebserver3.Dispatcher() {
            @Override
            public MockResponse dispatch(mockwebserver3.RecordedRequest request) {
                return new MockResponse.Builder().code(200).setHeader("Content-Type", "text/html").body("<html><body>It works!</body></html>").build();
            }
        });
        return FakeForum.source(server, context);
    }

    @Override
    protected Source givenAPeerThatNeverAnswers(String address, TestPluginContext slowContext) {
        return FakeForum.source(address + "forum/", slowContext, FakeForum.PASSWORD);
    }

    @Override
    protected int requestsReceivedByThePeer() {
        return server.getRequestCount();
    }

    @Override
    protected Set<String> secretValues() {
        return Set.of(FakeForum.PASSWORD, "mauvais");
    }
}
