package io.kanzen.source.nautiljon;

import io.kanzen.api.source.Source;
import io.kanzen.testkit.SourceContractTest;
import io.kanzen.testkit.TestPluginContext;
import io.kanzen.testkit.daemon.LocalDaemon;
import java.util.Set;
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
        return FakeNautiljon.source(server, context);
    }

    @Override
    protected Source givenAPeerRefusingTheCredentials() {
        server.enqueue(new MockResponse.Builder().code(401).body("<html>login</html>").build());
        return FakeNautiljon.source(server, context);
    }

    @Override
    protected Source givenAPeerRateLimitingFor(int seconds) {
        server.enqueue(new MockResponse.Builder().code(429).setHeader("Retry-After", Integer.toString(seconds)).build());
        return FakeNautiljon.source(server, context);
    }

    @Override
    protected Source givenAPeerThatIsDown() {
        return FakeNautiljon.source("http://127.0.0.1:" + LocalDaemon.freePort() + "/", context);
    }

    @Override
    protected Source givenAPeerAnsweringGarbage() {
        server.setDispatcher(new mockwebserver3.Dispatcher() {
            @Override
            public MockResponse dispatch(mockwebserver3.RecordedRequest request) {
                return FakeNautiljon.html(200, "{\"error\": \"not a page\"");
            }
        });
        return FakeNautiljon.source(server, context);
    }

    @Override
    protected Source givenAPeerThatNeverAnswers(String address, TestPluginContext slowContext) {
        return FakeNautiljon.source(address, slowContext);
    }

    @Override
    protected int requestsReceivedByThePeer() {
        return server.getRequestCount();
    }

    @Override
    protected Set<String> secretValues() {
        return Set.of(); // Nautiljon is read as a guest
    }
}
