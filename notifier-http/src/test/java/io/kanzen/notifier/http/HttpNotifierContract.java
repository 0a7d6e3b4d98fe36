package io.kanzen.notifier.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.kanzen.api.PluginConfig;
import io.kanzen.api.notify.Notifier;
import io.kanzen.api.notify.NotifierFactory;
import io.kanzen.testkit.NotifierContractTest;
import io.kanzen.testkit.SilentPeer;
import io.kanzen.testkit.daemon.LocalDaemon;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;

/** The notifier contract for one HTTP service, against a MockWebServer answering as the service documents. */
abstract class HttpNotifierContract extends NotifierContractTest {
    @StartStop
    final MockWebServer server = new MockWebServer();

    abstract NotifierFactory factory();

    /** The settings of a notifier whose service lives at {@code base} (ends with a slash). */
    abstract Map<String, String> settingsAt(String base);

    /** What the service answers to a message it took. */
    abstract MockResponse accepted();

    /** What the service answers to a wrong token. */
    abstract MockResponse refused();

    /** Checks the request as the service's API wants it; returns the text a person reads. */
    abstract String check(RecordedRequest request, JsonNode body);

    Notifier make(Map<String, String> settings) {
        NotifierFactory f = factory();
        return f.create(PluginConfig.of(f.configProperties(), settings), context);
    }

    static MockResponse json(int code, String body) {
        return new MockResponse.Builder().code(code).setHeader("Content-Type", "application/json").body(body).build();
    }

    @Override
    protected Notifier givenAPeerThatAccepts() {
        server.enqueue(accepted());
        return make(settingsAt(server.url("/").toString()));
    }

    @Override
    protected String receivedText() throws Exception {
        RecordedRequest r = server.takeRequest();
        JsonNode body = JsonPost.JSON.readTree(r.getBody() == null ? "" : r.getBody().utf8());
        return check(r, body);
    }

    @Override
    protected Notifier givenAPeerRefusingTheCredentials() {
        server.enqueue(refused());
        return make(settingsAt(server.url("/").toString()));
    }

    @Override
    protected Notifier givenAPeerThatIsDown() {
        return make(settingsAt("http://127.0.0.1:" + LocalDaemon.freePort() + "/"));
    }

    @Override
    protected Notifier givenAPeerThatNeverAnswers(SilentPeer peer) {
        return make(settingsAt(peer.url() + "/"));
    }
}
