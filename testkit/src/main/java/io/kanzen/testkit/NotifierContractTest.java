package io.kanzen.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.kanzen.api.ErrorKind;
import io.kanzen.api.HttpSettings;
import io.kanzen.api.PluginException;
import io.kanzen.api.VolumeRange;
import io.kanzen.api.notify.Notification;
import io.kanzen.api.notify.NotificationType;
import io.kanzen.api.notify.Notifier;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The promises every notifier keeps. Each "given" method returns a notifier made with {@link #context} whose peer
 * (a MockWebServer, a local SMTP server) behaves as named. The host's timeouts in {@link #context} are short (one
 * second), so a hung peer must fail fast.
 */
public abstract class NotifierContractTest {
    /** The context to make every notifier of the test with: short timeouts, limiters that count. */
    protected final TestPluginContext context =
            TestPluginContext.create().withHttp(new HttpSettings(Duration.ofSeconds(1), Duration.ofSeconds(1), "Kanzen-test"));

    /** A notifier whose peer accepts what it is sent. */
    protected abstract Notifier givenAPeerThatAccepts();

    /**
     * Checks what the accepting peer received for one {@link #sampleNotification()} sent (address, headers,
     * credentials, the body's shape as the service documents it) and returns the text a person would read there.
     */
    protected abstract String receivedText() throws Exception;

    /** A notifier whose peer refuses the credentials (HTTP 401 or 403, SMTP 535). */
    protected abstract Notifier givenAPeerRefusingTheCredentials();

    /** A notifier whose peer cannot be reached (nothing listens on its port). */
    protected abstract Notifier givenAPeerThatIsDown();

    /** A notifier pointed at {@code peer}, which accepts the connection and never answers. */
    protected abstract Notifier givenAPeerThatNeverAnswers(SilentPeer peer);

    /** A notifier whose peer answers 429 (with {@code Retry-After: 30} or the service's own field); null when the service has no such answer. */
    protected Notifier givenAPeerRateLimiting() {
        return null;
    }

    /** The secret values (tokens, passwords) the givens use: they must never appear in an error message. */
    protected abstract List<String> secrets();

    /** What the tests send: French, with accents and a line break, as users read them. */
    protected Notification sampleNotification() {
        return new Notification(NotificationType.IMPORTED, "Importé : One Piece tome 3", "Déplacé dans la bibliothèque\nOne Piece T03.cbz",
                Instant.parse("2026-11-24T12:00:00Z"), "One Piece", VolumeRange.of(3), "fr");
    }

    @Test
    void a_notification_reaches_the_peer_with_its_title_and_message() throws Exception {
        try (Notifier notifier = givenAPeerThatAccepts()) {
            notifier.send(sampleNotification());
        }
        String text = receivedText();
        assertThat(text).contains(sampleNotification().title());
        for (String line : sampleNotification().message().split("\n")) {
            assertThat(text).contains(line);
        }
    }

    @Test
    void every_call_to_the_peer_goes_through_a_rate_limiter() {
        try (Notifier notifier = givenAPeerThatAccepts()) {
            notifier.send(sampleNotification());
        }
        assertThat(context.acquiredByKey().values().stream().mapToInt(Integer::intValue).sum()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void refused_credentials_are_an_authentication_error_that_shows_no_secret() {
        try (Notifier notifier = givenAPeerRefusingTheCredentials()) {
            Throwable t = catchThrowable(() -> notifier.send(sampleNotification()));
            assertThat(t).isInstanceOfSatisfying(PluginException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.AUTHENTICATION));
            assertShowsNoSecret(t);
        }
    }

    @Test
    void a_peer_that_is_down_is_unavailable_and_shows_no_secret() {
        try (Notifier notifier = givenAPeerThatIsDown()) {
            Throwable t = catchThrowable(() -> notifier.send(sampleNotification()));
            assertThat(t).isInstanceOfSatisfying(PluginException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.UNAVAILABLE));
            assertShowsNoSecret(t);
        }
    }

    @Test
    void a_peer_that_never_answers_is_given_up_within_the_host_timeouts() {
        try (SilentPeer peer = new SilentPeer(); Notifier notifier = givenAPeerThatNeverAnswers(peer)) {
            Throwable t = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> catchThrowable(() -> notifier.send(sampleNotification())));
            assertThat(t).isInstanceOfSatisfying(PluginException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.UNAVAILABLE));
            assertShowsNoSecret(t);
        }
    }

    @Test
    void a_peer_asking_to_slow_down_is_a_rate_limit_error() {
        Notifier given = givenAPeerRateLimiting();
        Assumptions.assumeTrue(given != null, "this service has no rate-limit answer");
        try (Notifier notifier = given) {
            Throwable t = catchThrowable(() -> notifier.send(sampleNotification()));
            assertThat(t).isInstanceOfSatisfying(PluginException.class, e -> {
                assertThat(e.kind()).isEqualTo(ErrorKind.RATE_LIMITED);
                assertThat(e.retryAfter()).contains(Duration.ofSeconds(30));
            });
            assertShowsNoSecret(t);
        }
    }

    /** Neither the message of the error nor of any cause carries a secret: the host logs and records them. */
    private void assertShowsNoSecret(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            String shown = c.toString();
            for (String secret : secrets()) {
                assertThat(shown).as("error text must not carry a secret").doesNotContain(secret);
            }
        }
    }
}
