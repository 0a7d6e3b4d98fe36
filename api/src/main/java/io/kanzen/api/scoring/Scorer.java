package io.kanzen.api.scoring;

import io.kanzen.api.Release;
import io.kanzen.api.WantedVolume;

/**
 * Rates how well a release answers a wanted volume. Pure: the same inputs give the same score, with no I/O,
 * so that a decision can be explained again later.
 */
@FunctionalInterface
public interface Scorer {
    Score score(Release candidate, WantedVolume wanted);
}
