package io.kanzen.server;

import io.kanzen.testkit.Fixtures;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

/**
 * A Prowlarr played by a MockWebServer from the fixtures of {@code /work/shared/fixtures/prowlarr}: every search
 * answers the fixture set in {@link #searchFixture}, after {@link #delayMillis} (a check long enough to be watched);
 * {@link #apiKeyRefused} makes every call a 401 with an empty body, as Prowlarr answers a wrong API key.
 */
public final class FakeProwlarr extends Dispatcher {
    public volatile String searchFixture = "prowlarr/search_one_piece_tome_100.json";
    public volatile long delayMillis;
    public volatile boolean apiKeyRefused;
    public final AtomicInteger searches = new AtomicInteger();

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        if (apiKeyRefused) {
            return new MockResponse.Builder().code(401).build();
        }
        String path = request.getUrl().encodedPath();
        String fixture = switch (path) {
            case "/api/v1/search" -> {
                searches.incrementAndGet();
                yield searchFixture;
            }
            case "/api/v1/system/status" -> "prowlarr/system_status.json";
            case "/api/v1/indexer" -> "prowlarr/indexer_list.json";
            default -> null;
        };
        if (fixture == null) {
            return new MockResponse.Builder().code(404).build();
        }
        return new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json").body(Fixtures.text(fixture))
                .headersDelay(delayMillis, TimeUnit.MILLISECONDS).build();
    }
}
