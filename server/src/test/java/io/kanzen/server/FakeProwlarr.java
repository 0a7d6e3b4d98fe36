package io.kanzen.server;

import io.kanzen.testkit.Fixtures;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

/**
 * A Prowlarr played by a MockWebServer from the fixtures of {@code /work/shared/fixtures/prowlarr}: its status, its
 * indexer list (Nyaa.si, Torrent9, NZBIndex), and every search answered with {@link #searchFixture} after
 * {@link #delayMillis} (a check long enough to be watched). A wrong API key (when one was given) or
 * {@link #apiKeyRefused} gets Prowlarr's empty 401.
 */
public final class FakeProwlarr extends Dispatcher {
    private final String apiKey;
    public volatile String searchFixture = "prowlarr/search_one_piece_tome_100.json";
    public volatile long delayMillis;
    public volatile boolean apiKeyRefused;
    public final AtomicInteger searches = new AtomicInteger();

    /** Any API key is taken. */
    public FakeProwlarr() {
        this(null);
    }

    /** Only {@code apiKey} is taken. */
    public FakeProwlarr(String apiKey) {
        this.apiKey = apiKey;
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        if (apiKeyRefused || apiKey != null && !apiKey.equals(request.getHeaders().get("X-Api-Key"))) {
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
        return new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json; charset=utf-8")
                .body(Fixtures.text(fixture)).headersDelay(delayMillis, TimeUnit.MILLISECONDS).build();
    }
}
