package io.kanzen.server;

import io.kanzen.testkit.Fixtures;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

/**
 * A Prowlarr played by a MockWebServer from the shared fixtures: its status and its indexer list (Nyaa.si,
 * Torrent9, NZBIndex), for the API key it was given; another key gets Prowlarr's empty 401.
 */
public final class FakeProwlarr extends Dispatcher {
    private final String apiKey;

    public FakeProwlarr(String apiKey) {
        this.apiKey = apiKey;
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        if (!apiKey.equals(request.getHeaders().get("X-Api-Key"))) {
            return new MockResponse.Builder().code(401).build();
        }
        String path = request.getUrl().encodedPath();
        String file = switch (path) {
            case "/api/v1/system/status" -> "system_status.json";
            case "/api/v1/indexer" -> "indexer_list.json";
            default -> null;
        };
        if (file == null) {
            return new MockResponse.Builder().code(404).build();
        }
        return new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json; charset=utf-8")
                .body(Fixtures.text("prowlarr/" + file)).build();
    }
}
