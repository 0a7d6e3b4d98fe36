package io.kanzen.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.kanzen.api.ErrorKind;
import io.kanzen.api.PluginException;
import io.kanzen.api.source.IndexedSource;
import io.kanzen.api.source.SearchRequest;
import io.kanzen.api.source.SeriesQuery;
import io.kanzen.api.source.Source;
import io.kanzen.api.source.SourceCapability;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The promises every source keeps. Each "given" method returns a source whose peer (usually a MockWebServer
 * serving fixtures) behaves as named.
 */
public abstract class SourceContractTest {
    /** A source whose peer knows nothing of the sample query. */
    protected abstract Source givenAPeerWithNoMatch();

    /** A source whose peer refuses the credentials (HTTP 401 or 403, a login page). */
    protected abstract Source givenAPeerRefusingTheCredentials();

    /** A source whose peer answers 429 with {@code Retry-After: seconds}. */
    protected abstract Source givenAPeerRateLimitingFor(int seconds);

    /** A source whose peer cannot be reached. */
    protected abstract Source givenAPeerThatIsDown();

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
