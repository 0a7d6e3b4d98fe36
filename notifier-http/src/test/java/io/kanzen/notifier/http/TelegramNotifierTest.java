package io.kanzen.notifier.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.kanzen.api.ErrorKind;
import io.kanzen.api.PluginException;
import io.kanzen.api.notify.Notifier;
import io.kanzen.api.notify.NotifierFactory;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

class TelegramNotifierTest extends HttpNotifierContract {
    private static final String TOKEN = "123456789:AAH-t3legramS3cret";

    @Override
    NotifierFactory factory() {
        return TelegramNotifier.factory();
    }

    @Override
    Map<String, String> settingsAt(String base) {
        return Map.of("token", TOKEN, "chatId", "-1001234567890", "apiUrl", base);
    }

    @Override
    MockResponse accepted() {
        return json(200, "{\"ok\":true,\"result\":{\"message_id\":42,\"date\":1764000000,\"chat\":{\"id\":-1001234567890,\"type\":\"group\"}}}");
    }

    @Override
    MockResponse refused() {
        return json(401, "{\"ok\":false,\"error_code\":401,\"description\":\"Unauthorized\"}");
    }

    /** Telegram says the wait in {@code parameters.retry_after}. */
    @Override
    protected Notifier givenAPeerRateLimiting() {
        server.enqueue(json(429, "{\"ok\":false,\"error_code\":429,\"description\":\"Too Many Requests: retry after 30\","
                + "\"parameters\":{\"retry_after\":30}}"));
        return make(settingsAt(server.url("/").toString()));
    }

    @Override
    String check(RecordedRequest r, JsonNode body) {
        assertThat(r.getMethod()).isEqualTo("POST");
        assertThat(r.getUrl().encodedPath()).isEqualTo("/bot" + TOKEN + "/sendMessage");
        assertThat(body.get("chat_id").asText()).isEqualTo("-1001234567890");
        assertThat(body.has("parse_mode")).as("plain text: nothing to escape").isFalse();
        return body.get("text").asText();
    }

    @Override
    protected List<String> secrets() {
        return List.of(TOKEN, "t3legramS3cret");
    }

    @Test
    void an_unknown_chat_is_said_in_telegrams_words() {
        server.enqueue(json(400, "{\"ok\":false,\"error_code\":400,\"description\":\"Bad Request: chat not found\"}"));
        try (Notifier n = make(settingsAt(server.url("/").toString()))) {
            assertThatThrownBy(() -> n.send(sampleNotification())).isInstanceOfSatisfying(PluginException.class, e -> {
                assertThat(e.kind()).isEqualTo(ErrorKind.BAD_RESPONSE);
                assertThat(e.getMessage()).contains("chat not found").doesNotContain(TOKEN);
            });
        }
    }

    @Test
    void a_long_message_is_cut_to_telegrams_limit() throws Exception {
        server.enqueue(accepted());
        var longOne = new io.kanzen.api.notify.Notification(sampleNotification().type(), "Titre", "x".repeat(5000), sampleNotification().at(),
                null, null, "fr");
        try (Notifier n = make(settingsAt(server.url("/").toString()))) {
            n.send(longOne);
        }
        assertThat(JsonPost.JSON.readTree(server.takeRequest().getBody().utf8()).get("text").asText()).hasSize(TelegramNotifier.MAX_TEXT);
    }
}
