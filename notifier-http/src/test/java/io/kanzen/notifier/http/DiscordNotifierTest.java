package io.kanzen.notifier.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.kanzen.api.notify.Notifier;
import io.kanzen.api.notify.NotifierFactory;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

class DiscordNotifierTest extends HttpNotifierContract {
    @Override
    NotifierFactory factory() {
        return DiscordNotifier.factory();
    }

    @Override
    Map<String, String> settingsAt(String base) {
        return Map.of("webhookUrl", base + "api/webhooks/1234/d1sc0rd-t0ken");
    }

    @Override
    MockResponse accepted() {
        return json(200, "{\"id\":\"1\",\"type\":0,\"channel_id\":\"9\"}");
    }

    @Override
    MockResponse refused() {
        return json(401, "{\"message\": \"Invalid Webhook Token\", \"code\": 50027}");
    }

    /** Discord says the wait in its JSON body, in seconds. */
    @Override
    protected Notifier givenAPeerRateLimiting() {
        server.enqueue(json(429, "{\"message\": \"You are being rate limited.\", \"retry_after\": 30.0, \"global\": false}"));
        return make(settingsAt(server.url("/").toString()));
    }

    @Override
    String check(RecordedRequest r, JsonNode body) {
        assertThat(r.getMethod()).isEqualTo("POST");
        assertThat(r.getUrl().encodedPath()).isEqualTo("/api/webhooks/1234/d1sc0rd-t0ken");
        assertThat(r.getUrl().queryParameter("wait")).isEqualTo("true");
        assertThat(body.get("username").asText()).isEqualTo("Kanzen");
        assertThat(body.path("allowed_mentions").path("parse").isArray()).isTrue();
        assertThat(body.path("allowed_mentions").path("parse")).isEmpty();
        JsonNode embed = body.get("embeds").get(0);
        assertThat(embed.get("color").asInt()).isEqualTo(0x2ECC71); // an import is good news
        assertThat(embed.get("timestamp").asText()).isEqualTo("2026-11-24T12:00:00Z");
        return embed.get("title").asText() + "\n" + embed.get("description").asText();
    }

    @Override
    protected List<String> secrets() {
        return List.of("d1sc0rd-t0ken");
    }
}
