package io.kanzen.source.nautiljon;

import io.kanzen.api.source.Source;
import io.kanzen.testkit.SourceContractTest;
import io.kanzen.testkit.TestPluginContext;
import io.kanzen.testkit.daemon.LocalDaemon;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;

class NautiljonContractTest extends SourceContractTest {
    @StartStop
    final MockWebServer server = new MockWebServer();

    @Override
    protected Source givenAPeerWithNoMatch() {
        FakeNautiljon site = new FakeNautiljon();
        site.results = FakeNautiljon.NO_RESULT;
        server.setDispatcher(site);
        return FakeNautiljon.source(server, TestPluginContext.create());
    }

    @Override
    protected Source givenAPeerRefusingTheCredentials() {
        server.enqueue(new MockResponse.Builder().code(401).body("<html>login</html>").build());
        return FakeNautiljon.source(server, TestPluginContext.create());
    }

    @Override
    protected Source givenAPeerRateLimitingFor(int seconds) {
        server.enqueue(new MockResponse.Builder().code(429).setHeader("Retry-After", Integer.toString(seconds)).build());
        return FakeNautiljon.source(server, TestPluginContext.create());
    }

    @Override
    protected Source givenAPeerThatIsDown() {
        return FakeNautiljon.source("http://127.0.0.1:" + LocalDaemon.freePort() + "/", TestPluginContext.create());
    }
}
