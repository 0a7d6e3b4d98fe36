package io.kanzen.source.ebdz;

import io.kanzen.api.source.Source;
import io.kanzen.testkit.SourceContractTest;
import io.kanzen.testkit.TestPluginContext;
import io.kanzen.testkit.daemon.LocalDaemon;
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
        return FakeForum.source(server, TestPluginContext.create());
    }

    @Override
    protected Source givenAPeerRefusingTheCredentials() {
        server.setDispatcher(forum);
        return FakeForum.source(server.url("/forum/").toString(), TestPluginContext.create(), "mauvais");
    }

    @Override
    protected Source givenAPeerRateLimitingFor(int seconds) {
        server.enqueue(new MockResponse.Builder().code(429).setHeader("Retry-After", Integer.toString(seconds)).build());
        return FakeForum.source(server, TestPluginContext.create());
    }

    @Override
    protected Source givenAPeerThatIsDown() {
        return FakeForum.source("http://127.0.0.1:" + LocalDaemon.freePort() + "/forum/", TestPluginContext.create(), "x");
    }
}
