package io.kanzen.core;

import io.kanzen.api.Release;
import io.kanzen.api.scoring.Decision;
import java.util.List;
import java.util.Objects;

/**
 * One release of a manual search, read and judged as a check would judge it for the library series the search
 * names.
 *
 * @param release  the release, its title read knowing the series (its volume is the one to send)
 * @param decision accepted or not, with its score and reasons; null when the search names no library series
 * @param edition  the edition the title names ({@code regular} when none)
 * @param language the language the title shows ({@code fr}, {@code en}, {@code multi}...), null when it shows none
 * @param owned    the volumes it brings that the library already has
 * @param held     whether it, or every volume it brings, was already sent and not failed since
 */
public record JudgedRelease(Release release, Decision decision, String edition, String language, List<Integer> owned, boolean held) {
    public JudgedRelease {
        Objects.requireNonNull(release, "release");
        Objects.requireNonNull(edition, "edition");
        owned = List.copyOf(owned);
    }
}
