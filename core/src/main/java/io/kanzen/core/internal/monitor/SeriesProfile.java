package io.kanzen.core.internal.monitor;

import io.kanzen.api.VolumeRange;
import java.util.List;
import java.util.Set;

/**
 * Everything the decision engine knows of one series when it judges releases: its names, what is owned and
 * wanted, what is already taken by a grab, and the user's rules.
 *
 * @param titles        the series title first, then its aliases
 * @param heldVolumes   volumes a pending, sent or imported grab already covers
 * @param heldKeys      link keys of those grabs
 * @param blockedKeys   link keys of blocklisted releases
 * @param language      wanted language ({@code fr}), or null for any
 * @param acceptUntagged whether a release that shows no language may be taken when no release in the wanted language
 *                      brings its volume
 * @param edition       the edition collected ({@link ReleaseEdition#REGULAR} or a key such as {@code perfect})
 * @param formats       accepted formats, empty for any
 * @param sizes         the accepted sizes per volume
 * @param allowOwnedOverlap whether a pack may bring volumes already owned
 */
public record SeriesProfile(long seriesId, List<String> titles, List<VolumeRange> owned, Set<Integer> wanted, Set<Integer> heldVolumes,
        Set<String> heldKeys, Set<String> blockedKeys, String language, boolean acceptUntagged, String edition, Set<String> formats,
        SizeLimits sizes, List<String> requiredWords, List<String> ignoredWords, boolean allowOwnedOverlap, int minScore) {
    public SeriesProfile {
        titles = List.copyOf(titles);
        owned = List.copyOf(owned);
        wanted = Set.copyOf(wanted);
        heldVolumes = Set.copyOf(heldVolumes);
        heldKeys = Set.copyOf(heldKeys);
        blockedKeys = Set.copyOf(blockedKeys);
        formats = Set.copyOf(formats);
        requiredWords = List.copyOf(requiredWords);
        ignoredWords = List.copyOf(ignoredWords);
        edition = edition == null ? ReleaseEdition.REGULAR : edition;
        if (titles.isEmpty()) {
            throw new IllegalArgumentException("a series has a title");
        }
    }
}
