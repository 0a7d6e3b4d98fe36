package io.kanzen.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.kanzen.api.Release;
import io.kanzen.api.WantedVolume;
import io.kanzen.api.scoring.Score;
import io.kanzen.api.scoring.Scorer;
import org.junit.jupiter.api.Test;

/** The promises every scorer keeps: pure, explained, and ranking the right release above a wrong one. */
public abstract class ScorerContractTest {
    protected abstract Scorer scorer();

    protected abstract WantedVolume wanted();

    /** A release that is exactly the wanted volume. */
    protected abstract Release matchingRelease();

    /** A release of another series. */
    protected abstract Release otherSeriesRelease();

    @Test
    void the_same_inputs_give_the_same_score() {
        assertThat(scorer().score(matchingRelease(), wanted())).isEqualTo(scorer().score(matchingRelease(), wanted()));
    }

    @Test
    void a_score_explains_itself() {
        Score score = scorer().score(matchingRelease(), wanted());
        assertThat(score.breakdown()).isNotEmpty();
        assertThat(score.breakdown()).allSatisfy(c -> assertThat(c.why()).isNotBlank());
    }

    @Test
    void the_wanted_volume_scores_above_another_series() {
        assertThat(scorer().score(matchingRelease(), wanted()).total())
                .isGreaterThan(scorer().score(otherSeriesRelease(), wanted()).total());
    }
}
