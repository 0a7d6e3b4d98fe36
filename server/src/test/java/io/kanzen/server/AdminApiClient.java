package io.kanzen.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kanzen.core.Kanzen;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * The API of a test server called as its administrator would script it: the account is created through
 * {@code POST /api/setup} (the first-start screen's call), then every call carries the account's API key.
 */
final class AdminApiClient {
    static final String USER = "admin";
    static final String PASSWORD = "kanzen-admin-pw";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newHttpClient();
    private final KanzenServer server;
    private final String key;

    private AdminApiClient(KanzenServer server, String key) {
        this.server = server;
        this.key = key;
    }

    /** Creates the administrator of a server started on a fresh data directory and returns a client calling as them. */
    static AdminApiClient setUp(KanzenServer server, Kanzen kanzen) throws IOException, InterruptedException {
        HttpResponse<String> setup = new AdminApiClient(server, null).call("POST", "/api/setup",
                "{\"username\":\"" + USER + "\",\"password\":\"" + PASSWORD + "\"}");
        assertThat(setup.statusCode()).as("the administrator is created: " + setup.body()).isEqualTo(200);
        return new AdminApiClient(server, kanzen.accounts().apiKey());
    }

    /** The same server called without the key and without a session: what a stranger on the network gets. */
    AdminApiClient anonymous() {
        return new AdminApiClient(server, null);
    }

    /** The HTTP client the calls go through, for a response read its own way (a stream of server-sent events). */
    HttpClient http() {
        return http;
    }

    /** {@code method path} with {@code body} as JSON (none when null), as the administrator. */
    HttpResponse<String> call(String method, String path, String body) throws IOException, InterruptedException {
        return http.send(request(method, path, body), HttpResponse.BodyHandlers.ofString());
    }

    /** The request {@link #call} sends, for a test that sends it its own way (a stream of server-sent events). */
    HttpRequest request(String method, String path, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        if (key != null) {
            b.header("X-Api-Key", key);
        }
        return b.build();
    }

    /** {@code GET path}'s body, failing the test unless it answered 200. */
    JsonNode get(String path) throws IOException, InterruptedException {
        HttpResponse<String> r = call("GET", path, null);
        assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    /** A response's body as JSON. */
    static JsonNode json(HttpResponse<String> r) throws IOException {
        return JSON.readTree(r.body());
    }
}
