package io.kanzen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kanzen notifiers} end to end with the bundled ntfy notifier, against a MockWebServer playing ntfy. */
class CliNotifiersTest {
    @TempDir
    Path tmp;
    @StartStop
    final MockWebServer ntfy = new MockWebServer();
    private Console console;

    @BeforeEach
    void capture() {
        console = new Console(tmp.resolve("data"));
    }

    @AfterEach
    void restore() {
        console.close();
    }

    @Test
    void a_notifier_is_added_with_its_events_tested_listed_and_removed() throws Exception {
        assertThat(console.run("notifiers", "add", "phone", "ntfy", "--set", "url=" + ntfy.url("/"), "--set", "topic=manga-7f3",
                "--set", "token=tk_cli_s3cret", "--events", "grabbed,imported", "--language", "en")).isZero();
        assertThat(console.stdout()).contains("phone (ntfy)").contains("token=****").contains("events=grabbed,imported")
                .doesNotContain("tk_cli_s3cret");

        ntfy.enqueue(new MockResponse.Builder().code(200).body("{\"id\":\"x\",\"event\":\"message\"}").build());
        assertThat(console.run("notifiers", "test", "phone")).isZero();
        assertThat(console.stdout()).contains("phone: test message sent");
        RecordedRequest sent = ntfy.takeRequest();
        JsonNode body = new ObjectMapper().readTree(sent.getBody().utf8());
        assertThat(body.path("topic").asText()).isEqualTo("manga-7f3");
        assertThat(body.path("title").asText()).isEqualTo("Kanzen test");
        assertThat(sent.getHeaders().get("Authorization")).isEqualTo("Bearer tk_cli_s3cret");

        ntfy.enqueue(new MockResponse.Builder().code(403).body("{\"code\":40301,\"http\":403,\"error\":\"forbidden\"}").build());
        assertThat(console.run("notifiers", "test", "phone")).isEqualTo(1);
        assertThat(console.stderr()).contains("kanzen: phone: ntfy refused the credentials (HTTP 403): forbidden")
                .doesNotContain("tk_cli_s3cret");

        assertThat(console.run("notifiers", "list")).isZero();
        assertThat(console.stdout()).contains("phone (ntfy)").doesNotContain("tk_cli_s3cret");
        assertThat(console.run("notifiers", "remove", "phone")).isZero();
        assertThat(console.run("notifiers", "list")).isZero();
        assertThat(console.stdout()).isEmpty();
    }

    @Test
    void the_kinds_show_their_settings_and_a_wrong_one_is_said_in_words() {
        assertThat(console.run("notifiers", "kinds")).isZero();
        assertThat(console.stdout()).contains("telegram (plugin notifier-http)").contains("email (plugin notifier-email)")
                .contains("  token (required) (secret)").contains("  language default fr");

        assertThat(console.run("notifiers", "add", "x", "pigeon")).isEqualTo(1);
        assertThat(console.stderr()).contains("no notifier plugin 'pigeon'");
        assertThat(console.run("notifiers", "add", "x", "ntfy", "--set", "topic=t", "--events", "everything")).isEqualTo(1);
        assertThat(console.stderr()).contains("unknown event(s) everything");
    }
}
