package io.kanzen.notifier.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.kanzen.api.notify.NotifierFactory;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

class GotifyNotifierTest extends HttpNotifierContract {
    @Override
    NotifierFactory factory() {
        return GotifyNotifier.factory();
    }

    @Override
    Map<String, String> settingsAt(String base) {
        return Map.of("url", base + "gotify", "token", "AbCgotifyS3cret");
    }

    @Override
    MockResponse accepted() {
        return json(200, "{\"id\":25,\"appid\":5,\"message\":\"x\",\"title\":\"y\",\"priority\":5,\"date\":\"2026-11-24T12:00:01Z\"}");
    }

    @Override
    MockResponse refused() {
        return json(401, "{\"error\":\"Unauthorized\",\"errorCode\":401,"
                + "\"errorDescription\":\"you need to provide a valid access token or user credentials to access this api\"}");
    }

    @Override
    String check(RecordedRequest r, JsonNode body) {
        assertThat(r.getMethod()).isEqualTo("POST");
        assertThat(r.getUrl().encodedPath()).isEqualTo("/gotify/message");
        assertThat(r.getHeaders().get("X-Gotify-Key")).isEqualTo("AbCgotifyS3cret");
        assertThat(r.getUrl().queryParameter("token")).isNull(); // the header keeps it out of access logs
        assertThat(body.get("priority").asInt()).isEqualTo(5);
        assertThat(body.path("extras").path("client::display").path("contentType").asText()).isEqualTo("text/plain");
        return body.get("title").asText() + "\n" + body.get("message").asText();
    }

    @Override
    protected List<String> secrets() {
        return List.of("AbCgotifyS3cret");
    }
}
