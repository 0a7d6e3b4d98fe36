package io.kanzen.api.scoring;

import io.kanzen.api.Release;
import io.kanzen.api.WantedVolume;

/**
 * Rates how well a release answers a wanted volume. The host calls every enabled scorer for each release that
 * brings a wanted volume, after its built-in rules: the scorer's parts are added to the release's score (and shown
 * in every explanation under the scorer's name), and a scorer may turn the release down.
 *
 * <p>Pure: the same inputs give the same answer, with no I/O, so that a decision can be explained again later.
 */
@FunctionalInterface
public interface Scorer {
    Score score(Release candidate, WantedVolume wanted);

    /**
     * The scorer's whole verdict: its score and, when it turns the release down, why. The default only scores, so
     * that scorers written for SPI 1 keep working unchanged.
     *
     * @since SPI 1.1
     */
    default ScorerVerdict judge(Release candidate, WantedVolume wanted) {
        return ScorerVerdict.accept(score(candidate, wanted));
    }
}
