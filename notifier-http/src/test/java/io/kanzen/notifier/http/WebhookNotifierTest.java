package io.kanzen.notifier.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.kanzen.api.notify.NotifierFactory;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

class WebhookNotifierTest extends HttpNotifierContract {
    @Override
    NotifierFactory factory() {
        return WebhookNotifier.factory();
    }

    @Override
    Map<String, String> settingsAt(String base) {
        return Map.of("url", base + "hooks/kanzen", "authorization", "Bearer hook-s3cret");
    }

    @Override
    MockResponse accepted() {
        return new MockResponse.Builder().code(204).build();
    }

    @Override
    MockResponse refused() {
        return json(401, "{\"error\":\"bad token\"}");
    }

    @Override
    protected io.kanzen.api.notify.Notifier givenAPeerRateLimiting() {
        server.enqueue(new MockResponse.Builder().code(429).setHeader("Retry-After", "30").build());
        return make(settingsAt(server.url("/").toString()));
    }

    @Override
    String check(RecordedRequest r, JsonNode body) {
        assertThat(r.getMethod()).isEqualTo("POST");
        assertThat(r.getUrl().encodedPath()).isEqualTo("/hooks/kanzen");
        assertThat(r.getHeaders().get("Authorization")).isEqualTo("Bearer hook-s3cret");
        assertThat(r.getHeaders().get("Content-Type")).startsWith("application/json");
        assertThat(body.get("event").asText()).isEqualTo("imported");
        assertThat(body.get("series").asText()).isEqualTo("One Piece");
        assertThat(body.get("volume").asText()).isEqualTo("3");
        assertThat(body.get("language").asText()).isEqualTo("fr");
        assertThat(body.get("at").asText()).isEqualTo("2026-11-24T12:00:00Z");
        return body.get("title").asText() + "\n" + body.get("message").asText();
    }

    @Override
    protected List<String> secrets() {
        return List.of("hook-s3cret");
    }
}
