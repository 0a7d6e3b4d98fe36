package io.kanzen.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.kanzen.api.LinkKind;
import io.kanzen.api.ParsedName;
import io.kanzen.api.Release;
import io.kanzen.api.WantedVolume;
import io.kanzen.api.scoring.Score;
import io.kanzen.api.scoring.Scorer;
import io.kanzen.api.scoring.ScorerVerdict;
import org.junit.jupiter.api.Test;

/**
 * The promises every scorer keeps: pure, explained, never throwing on odd releases, and, for a scorer that judges
 * series, ranking the right release above a wrong one. The host adds a scorer's parts to its own rules' score and
 * honours its rejections (SPI 1.1); see {@link Scorer#judge}.
 */
public abstract class ScorerContractTest {
    protected abstract Scorer scorer();

    protected abstract WantedVolume wanted();

    /** A release that is exactly the wanted volume, and that this scorer gives at least one part to. */
    protected abstract Release matchingRelease();

    /** A release of another series. */
    protected abstract Release otherSeriesRelease();

    /** A release this scorer turns down, or null when it never rejects. */
    protected Release rejectedRelease() {
        return null;
    }

    /** Whether this scorer tells series apart (a filter-rules scorer leaves that to the host's rules). */
    protected boolean judgesSeries() {
        return true;
    }

    @Test
    void the_same_inputs_give_the_same_verdict() {
        assertThat(scorer().judge(matchingRelease(), wanted())).isEqualTo(scorer().judge(matchingRelease(), wanted()));
        assertThat(scorer().score(matchingRelease(), wanted())).isEqualTo(scorer().score(matchingRelease(), wanted()));
    }

    @Test
    void a_score_explains_itself() {
        Score score = scorer().judge(matchingRelease(), wanted()).score();
        assertThat(score.breakdown()).isNotEmpty();
        assertThat(score.breakdown()).allSatisfy(c -> assertThat(c.why()).isNotBlank());
    }

    @Test
    void the_verdict_scores_as_score_does() {
        assertThat(scorer().judge(matchingRelease(), wanted()).score()).isEqualTo(scorer().score(matchingRelease(), wanted()));
    }

    @Test
    void a_rejection_says_why() {
        Release rejected = rejectedRelease();
        assumeThat(rejected).as("this scorer never rejects").isNotNull();
        ScorerVerdict verdict = scorer().judge(rejected, wanted());
        assertThat(verdict.rejectionReason()).hasValueSatisfying(why -> assertThat(why).isNotBlank());
        assertThat(scorer().judge(matchingRelease(), wanted()).rejectionReason()).isEmpty();
    }

    @Test
    void a_release_that_says_nothing_of_itself_is_judged_without_throwing() {
        Release bare = new Release("source", "???", "magnet:?xt=urn:btih:0123456789abcdef0123456789abcdef01234567", LinkKind.MAGNET, -1, null,
                null, null, null, null, null, null, ParsedName.EMPTY);
        assertThatCode(() -> scorer().judge(bare, wanted())).doesNotThrowAnyException();
    }

    @Test
    void the_wanted_volume_scores_above_another_series() {
        assumeThat(judgesSeries()).as("this scorer leaves series to the host's rules").isTrue();
        assertThat(scorer().score(matchingRelease(), wanted()).total())
                .isGreaterThan(scorer().score(otherSeriesRelease(), wanted()).total());
    }
}
