package io.kanzen.notifier.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.kanzen.api.notify.Notification;
import io.kanzen.api.notify.Notifier;
import io.kanzen.api.notify.NotifierFactory;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

class NtfyNotifierTest extends HttpNotifierContract {
    @Override
    NotifierFactory factory() {
        return NtfyNotifier.factory();
    }

    @Override
    Map<String, String> settingsAt(String base) {
        return Map.of("url", base, "topic", "kanzen-manga-7f3", "token", "tk_s3cretaccess");
    }

    @Override
    MockResponse accepted() {
        return json(200, "{\"id\":\"hwQ2YpKdmg\",\"time\":1764000000,\"event\":\"message\",\"topic\":\"kanzen-manga-7f3\"}");
    }

    @Override
    MockResponse refused() {
        return json(403, "{\"code\":40301,\"http\":403,\"error\":\"forbidden\"}");
    }

    @Override
    protected Notifier givenAPeerRateLimiting() {
        server.enqueue(new MockResponse.Builder().code(429).setHeader("Retry-After", "30")
                .body("{\"code\":42901,\"http\":429,\"error\":\"limit reached: too many requests\"}").build());
        return make(settingsAt(server.url("/").toString()));
    }

    @Override
    String check(RecordedRequest r, JsonNode body) {
        assertThat(r.getMethod()).isEqualTo("POST");
        assertThat(r.getUrl().encodedPath()).isEqualTo("/"); // JSON publishing goes to the root, the topic in the body
        assertThat(r.getHeaders().get("Authorization")).isEqualTo("Bearer tk_s3cretaccess");
        assertThat(body.get("topic").asText()).isEqualTo("kanzen-manga-7f3");
        assertThat(body.get("priority").asInt()).isEqualTo(3);
        assertThat(body.get("tags").get(0).asText()).isEqualTo("books");
        return body.get("title").asText() + "\n" + body.get("message").asText();
    }

    @Override
    protected List<String> secrets() {
        return List.of("tk_s3cretaccess");
    }

    @Test
    void a_user_and_password_go_as_basic_authentication() throws Exception {
        server.enqueue(accepted());
        try (Notifier n = make(Map.of("url", server.url("/").toString(), "topic", "t", "username", "phil", "password", "p4ss"))) {
            n.send(sampleNotification());
        }
        assertThat(server.takeRequest().getHeaders().get("Authorization"))
                .isEqualTo("Basic " + Base64.getEncoder().encodeToString("phil:p4ss".getBytes()));
    }

    @Test
    void a_message_with_no_body_sends_its_title_as_the_message() throws Exception {
        server.enqueue(accepted());
        Notification bare = new Notification(sampleNotification().type(), "Titre seul", "", sampleNotification().at(), null, null, "fr");
        try (Notifier n = make(settingsAt(server.url("/").toString()))) {
            n.send(bare);
        }
        assertThat(JsonPost.JSON.readTree(server.takeRequest().getBody().utf8()).get("message").asText()).isEqualTo("Titre seul");
    }
}
