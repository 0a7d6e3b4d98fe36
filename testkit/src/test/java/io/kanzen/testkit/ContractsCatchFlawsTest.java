package io.kanzen.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.kanzen.api.PluginContext;
import io.kanzen.api.source.Source;
import io.kanzen.testkit.FakePlugin.Flaw;
import java.net.URI;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * The kit's contracts can fail: each runs, through the JUnit launcher, against the fake source with one flaw, and
 * exactly the contract about that flaw fails. (The flawed contract classes are nested and not named *Test, so the
 * build runs them only from here.)
 */
class ContractsCatchFlawsTest {
    /** The fake source's contract run with one flaw; every other contract still passes. */
    abstract static class Flawed extends FakeSourceContractTest {
        abstract Flaw flaw();

        @Override
        Source source(String url, PluginContext context) {
            URI u = URI.create(url);
            return new FakePlugin.LineSource(u, KEY, context.http(), context.rateLimiter(u.getHost()), context.nameParser(), Set.of(flaw()));
        }
    }

    static class LeakingKeyContract extends Flawed {
        @Override
        Flaw flaw() {
            return Flaw.LEAKS_THE_KEY;
        }
    }

    static class SkippingLimiterContract extends Flawed {
        @Override
        Flaw flaw() {
            return Flaw.SKIPS_THE_LIMITER;
        }
    }

    static class IgnoringTimeoutContract extends Flawed {
        @Override
        Flaw flaw() {
            return Flaw.IGNORES_THE_TIMEOUT;
        }
    }

    static class ThrowingOnGarbageContract extends Flawed {
        @Override
        Flaw flaw() {
            return Flaw.THROWS_ON_GARBAGE;
        }
    }

    /** A plugin whose value and kind texts are in French only, one of them for a setting it does not declare. */
    static class HalfTextedPluginContract extends PluginContractTest {
        @Override
        protected io.kanzen.api.Plugin plugin() {
            return new FakePlugin() {
                @Override
                public List<io.kanzen.api.source.SourceFactory> sourceFactories() {
                    return List.of(io.kanzen.api.source.SourceFactory.of("halftexted", SETTINGS, super.sourceFactories().get(0)::create));
                }
            };
        }
    }

    @Test
    void aPluginNamingValuesInOneLanguageOnlyFailsTheChoiceTextsContractOnly() {
        Launcher launcher = LauncherFactory.create();
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        launcher.execute(LauncherDiscoveryRequestBuilder.request().selectors(selectClass(HalfTextedPluginContract.class)).build(), listener);
        assertThat(listener.getSummary().getTestsFoundCount()).as("contracts run").isGreaterThanOrEqualTo(5);
        assertThat(listener.getSummary().getFailures()) // a plugin made in a test is listed for no ServiceLoader: that contract aside
                .filteredOn(f -> !f.getTestIdentifier().getDisplayName().equals("the_plugin_is_listed_for_service_loader()")).singleElement().satisfies(f -> {
            assertThat(f.getTestIdentifier().getDisplayName()).isEqualTo("every_choice_text_and_kind_name_is_shipped_in_both_languages_for_a_declared_setting()");
            assertThat(f.getException().getMessage()).contains("url.choice.local has no en text", "mode.choice.fast is for no declared setting",
                    "_kind.label has no en text");
        });
    }

    private static List<String> failedContracts(Class<?> contract) {
        Launcher launcher = LauncherFactory.create();
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        launcher.execute(LauncherDiscoveryRequestBuilder.request().selectors(selectClass(contract)).build(), listener);
        TestExecutionSummary summary = listener.getSummary();
        assertThat(summary.getTestsFoundCount()).as("contracts run").isGreaterThanOrEqualTo(10);
        return summary.getFailures().stream().map(f -> f.getTestIdentifier().getDisplayName()).toList();
    }

    @Test
    void aSourceShowingItsKeyFailsTheSecretsContractOnly() {
        assertThat(failedContracts(LeakingKeyContract.class)).containsExactly("secrets_never_show_in_errors_logs_or_to_string()");
    }

    @Test
    void aSourceThatSkipsTheLimiterFailsTheRateLimiterContractOnly() {
        assertThat(failedContracts(SkippingLimiterContract.class)).containsExactly("every_request_to_the_peer_goes_through_the_rate_limiter()");
    }

    @Test
    void aSourceIgnoringTheHostsTimeoutFailsTheSilentPeerContractOnly() {
        assertThat(failedContracts(IgnoringTimeoutContract.class))
                .containsExactly("a_peer_that_never_answers_is_given_up_as_unavailable_by_the_hosts_read_timeout()");
    }

    @Test
    void aSourceLettingAParsingErrorOutFailsTheGarbageContractOnly() {
        assertThat(failedContracts(ThrowingOnGarbageContract.class)).containsExactly("a_garbage_answer_is_a_bad_response_error_never_another_exception()");
    }
}
