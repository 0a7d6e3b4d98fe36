package io.kanzen.api.scoring;

import io.kanzen.api.Release;
import java.util.List;
import java.util.Objects;

/** The engine's verdict on one release: accepted when it has no rejection, with its score either way. */
public record Decision(Release release, Score score, List<Rejection> rejections) {
    public Decision {
        Objects.requireNonNull(release, "release");
        Objects.requireNonNull(score, "score");
        rejections = List.copyOf(rejections);
    }

    public boolean accepted() {
        return rejections.isEmpty();
    }
}
