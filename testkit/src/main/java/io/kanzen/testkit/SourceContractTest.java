package io.kanzen.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.kanzen.api.ErrorKind;
import io.kanzen.api.HttpSettings;
import io.kanzen.api.PluginException;
import io.kanzen.api.source.IndexedSource;
import io.kanzen.api.source.SearchRequest;
import io.kanzen.api.source.SeriesQuery;
import io.kanzen.api.source.Source;
import io.kanzen.api.source.SourceCapability;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The promises every source keeps. Each "given" method returns a source whose peer (usually a MockWebServer
 * serving fixtures) behaves as named; create those sources with {@link #context}, so that the rate-limiter contract
 * can count what went through the limiter.
 *
 * <p>What the contracts check from the plugin's side:
 * <ul>
 *   <li>answers: nothing found is an empty answer; refused credentials, 429, a peer that is down, and an answer that
 *       is not the peer's format (garbage) are each a {@link PluginException} of the matching {@link ErrorKind},
 *       never another exception, and with a message for the user;</li>
 *   <li>hangs: against a {@link SilentPeer} (accepts, never answers) a call ends as {@code UNAVAILABLE} within the
 *       host's {@link HttpSettings} timeouts, and ends at once when its thread is interrupted: so the plugin's HTTP
 *       client must take its timeouts from {@code context.http()} and must be interruptible (the JDK's
 *       {@code HttpClient} and OkHttp both are; a bare {@code URLConnection} read is not);</li>
 *   <li>politeness: the peer never receives more requests than the limiters handed permits
 *       ({@code context.rateLimiter(key).acquire()} before every request);</li>
 *   <li>secrets: no secret setting shows in an error message (causes included), in the source's {@code toString()},
 *       or in anything written to {@code System.out}, {@code System.err} or {@code java.util.logging} while the source
 *       works and fails.</li>
 * </ul>
 */
public abstract class SourceContractTest {
    /** The host's read timeout in the hang contract: a silent peer must be given up on soon after it. */
    protected static final Duration SHORT_TIMEOUT = Duration.ofSeconds(1);

    /** The context to create the sources of the "given" methods with: it counts the limiters' permits. */
    protected final TestPluginContext context = TestPluginContext.create();

    /** A source whose peer knows nothing of the sample query. */
    protected abstract Source givenAPeerWithNoMatch();

    /** A source whose peer refuses the credentials (HTTP 401 or 403, a login page). */
    protected abstract Source givenAPeerRefusingTheCredentials();

    /** A source whose peer answers 429 with {@code Retry-After: seconds}. */
    protected abstract Source givenAPeerRateLimitingFor(int seconds);

    /** A source whose peer cannot be reached. */
    protected abstract Source givenAPeerThatIsDown();

    /**
     * A source whose peer answers HTTP 200 to every request with something that is not its format: JSON cut in the
     * middle, XML of another kind, an unrelated HTML page.
     */
    protected abstract Source givenAPeerAnsweringGarbage();

    /**
     * A source created with {@code slowContext} (its {@link HttpSettings} are the ones to honour) whose peer is at
     * {@code address}: a {@link SilentPeer} that accepts connections and never answers.
     */
    protected abstract Source givenAPeerThatNeverAnswers(String address, TestPluginContext slowContext);

    /** How many HTTP requests the peer of this test received so far (MockWebServer's {@code getRequestCount()}). */
    protected abstract int requestsReceivedByThePeer();

    /** The values of the secret settings the "given" sources were configured with; empty when the source has none. */
    protected abstract Set<String> secretValues();

    protected SearchRequest sampleSearch() {
        return SearchRequest.of("One Piece");
    }

    protected SeriesQuery sampleQuery() {
        return SeriesQuery.title("One Piece");
    }

    /**
     * Calls the source's main capability with the sample query. An indexed source searches its own index, so it
     * first refreshes it: that is where it meets the peer.
     */
    private Object ask(Source source) {
        if (source instanceof IndexedSource indexed) {
            indexed.refreshIndex(line -> {});
        }
        return source.capabilities().contains(SourceCapability.SEARCH_RELEASES) ? source.search(sampleSearch()) : source.metadata(sampleQuery());
    }

    @Test
    void no_match_is_an_empty_answer_not_an_error() {
        try (Source source = givenAPeerWithNoMatch()) {
            Object answer = ask(source);
            assertThat(answer).satisfiesAnyOf(
                    a -> assertThat(a).isInstanceOf(java.util.List.class).asList().isEmpty(),
                    a -> assertThat(a).isEqualTo(java.util.Optional.empty()));
        }
    }

    @Test
    void refused_credentials_are_an_authentication_error() {
        try (Source source = givenAPeerRefusingTheCredentials()) {
            assertThatThrownBy(() -> ask(source)).isInstanceOfSatisfying(PluginException.class,
                    e -> assertThat(e.kind()).isEqualTo(ErrorKind.AUTHENTICATION));
        }
    }

    @Test
    void too_many_requests_is_a_rate_limit_error_carrying_the_wait() {
        try (Source source = givenAPeerRateLimitingFor(120)) {
            Throwable t = catchThrowable(() -> ask(source));
            assertThat(t).isInstanceOfSatisfying(PluginException.class, e -> {
                assertThat(e.kind()).isEqualTo(ErrorKind.RATE_LIMITED);
                assertThat(e.retryAfter()).contains(Duration.ofSeconds(120));
            });
        }
    }

    @Test
    void a_peer_that_is_down_is_unavailable() {
        try (Source source = givenAPeerThatIsDown()) {
            assertThatThrownBy(() -> ask(source)).isInstanceOfSatisfying(PluginException.class,
                    e -> assertThat(e.kind()).isEqualTo(ErrorKind.UNAVAILABLE));
        }
    }

    @Test
    void a_garbage_answer_is_a_bad_response_error_never_another_exception() {
        try (Source source = givenAPeerAnsweringGarbage()) {
            Throwable t = catchThrowable(() -> ask(source));
            assertThat(t).as("a garbage answer ends in a PluginException, not " + t).isInstanceOfSatisfying(PluginException.class, e -> {
                assertThat(e.kind()).isEqualTo(ErrorKind.BAD_RESPONSE);
                assertThat(e.getMessage()).isNotBlank();
            });
        }
    }

    @Test
    void a_peer_that_never_answers_is_given_up_as_unavailable_by_the_hosts_read_timeout() {
        try (SilentPeer peer = SilentPeer.start();
                Source source = givenAPeerThatNeverAnswers(peer.address(), context.withHttp(new HttpSettings(SHORT_TIMEOUT, SHORT_TIMEOUT, "Kanzen-test")))) {
            // a few requests in a row (a login, then the search) may each wait the timeout: 10 s leaves room for them
            Throwable t = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> catchThrowable(() -> ask(source)),
                    "the source waited past the host's read timeout of " + SHORT_TIMEOUT.toSeconds() + " s");
            assertThat(t).isInstanceOfSatisfying(PluginException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.UNAVAILABLE));
        }
    }

    @Test
    void a_call_waiting_on_a_silent_peer_ends_when_its_thread_is_interrupted() throws InterruptedException {
        Duration patient = Duration.ofMinutes(5);
        try (SilentPeer peer = SilentPeer.start();
                Source source = givenAPeerThatNeverAnswers(peer.address(), context.withHttp(new HttpSettings(patient, patient, "Kanzen-test")))) {
            AtomicReference<Throwable> failure = new AtomicReference<>();
            Thread caller = new Thread(() -> failure.set(catchThrowable(() -> ask(source))), "contract-caller");
            caller.start();
            for (int i = 0; i < 100 && peer.connections() == 0; i++) {
                Thread.sleep(50);
            }
            assertThat(peer.connections()).as("the source connected to the silent peer").isPositive();
            caller.interrupt();
            caller.join(5000);
            assertThat(caller.isAlive()).as("the call still waits 5 s after its thread was interrupted").isFalse();
            assertThat(failure.get()).isInstanceOfSatisfying(PluginException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.UNAVAILABLE));
        }
    }

    @Test
    void every_request_to_the_peer_goes_through_the_rate_limiter() {
        try (Source source = givenAPeerWithNoMatch()) {
            ask(source);
            assertThat(context.acquiredInAll())
                    .as("permits taken from context.rateLimiter(..) (by key: " + context.acquiredByKey() + ") against requests the peer received")
                    .isGreaterThanOrEqualTo(requestsReceivedByThePeer());
        }
    }

    @Test
    void secrets_never_show_in_errors_logs_or_to_string() {
        Set<String> secrets = secretValues();
        Assumptions.assumeFalse(secrets.isEmpty(), "the source has no secret setting");
        List<String> seen = new ArrayList<>();
        try (ConsoleCapture console = new ConsoleCapture()) {
            try (Source source = givenAPeerRefusingTheCredentials()) {
                seen.add(String.valueOf(source));
                seen.add(describe(catchThrowable(() -> ask(source))));
            }
            try (Source source = givenAPeerThatIsDown()) {
                seen.add(describe(catchThrowable(() -> ask(source))));
            }
            seen.add(console.text());
        }
        for (String secret : secrets) {
            assertThat(seen).as("what users and logs see").noneSatisfy(text -> assertThat(text).contains(secret));
        }
    }

    /** A failure as a log line with its stack trace would show it: every message and toString of the chain. */
    private static String describe(Throwable t) {
        StringBuilder b = new StringBuilder();
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            b.append(c).append('\n');
            for (Throwable s : c.getSuppressed()) {
                b.append(s).append('\n');
            }
        }
        return b.toString();
    }

    @Test
    void a_capability_the_source_does_not_declare_is_unsupported() {
        try (Source source = givenAPeerWithNoMatch()) {
            if (!source.capabilities().contains(SourceCapability.SEARCH_RELEASES)) {
                assertThatThrownBy(() -> source.search(sampleSearch())).isInstanceOf(UnsupportedOperationException.class);
            }
            if (!source.capabilities().contains(SourceCapability.SERIES_METADATA)) {
                assertThatThrownBy(() -> source.metadata(sampleQuery())).isInstanceOf(UnsupportedOperationException.class);
            }
        }
    }
}
