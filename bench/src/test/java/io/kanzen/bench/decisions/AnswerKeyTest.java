package io.kanzen.bench.decisions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class AnswerKeyTest {
    /** Owns 1-10 but 4, 5 and 6. */
    private static final PlannedSeries SERIES = new PlannedSeries("Demon Slayer", "Panini", Map.of(),
            new TreeSet<>(java.util.List.of(1, 2, 3, 7, 8, 9, 10)));

    private static PlannedRelease release(String title, long size, int seeders, Truth truth) {
        return new PlannedRelease(0, 1, title, size, seeders, 1, LinkStyle.MAGNET, "00", Instant.EPOCH, "torrent", truth, null);
    }

    private static Truth regular(int from, int to) {
        return new Truth("Demon Slayer", false, null, "fr", true, false, from, to);
    }

    @Test
    void aTitleSubtitleFormOfTheSameWorkIsAcceptableForAWantedVolume() {
        assertThat(AnswerKey.judge(release("Demon Slayer - Kimetsu no Yaiba - Tome 05 [FR]", 90_000_000, 12, regular(5, 5)), SERIES).acceptable())
                .isTrue();
    }

    @Test
    void aCoffretOfWantedVolumesIsAcceptableAndAPackWithAnOwnedOneIsNot() {
        assertThat(AnswerKey.judge(release("Demon Slayer - Coffret Tomes 4 à 6 [FR]", 270_000_000, 5, regular(4, 6)), SERIES).acceptable()).isTrue();
        assertThat(AnswerKey.judge(release("Demon Slayer T03-T06 [FR]", 360_000_000, 5, regular(3, 6)), SERIES).trap()).isEqualTo(Family.OWNED_OVERLAP);
        assertThat(AnswerKey.judge(release("Demon Slayer T03 [FR]", 90_000_000, 5, regular(3, 3)), SERIES).trap()).isEqualTo(Family.OWNED);
    }

    @Test
    void eachFlawHasItsFamily() {
        assertThat(AnswerKey.judge(release("x", 15_000, 250, regular(5, 5)), SERIES).trap()).isEqualTo(Family.FAKE_SIZE);
        assertThat(AnswerKey.judge(release("x", 52_000_000_000L, 9, regular(5, 5)), SERIES).trap()).isEqualTo(Family.ABSURD_SIZE);
        assertThat(AnswerKey.judge(release("x", 90_000_000, 0, regular(5, 5)), SERIES).trap()).isEqualTo(Family.DEAD);
        assertThat(AnswerKey.judge(release("x", 90_000_000, 9, new Truth("Demon Slayer", false, "Perfect Edition", "fr", true, false, 5, 5)), SERIES)
                .trap()).isEqualTo(Family.OTHER_EDITION);
        assertThat(AnswerKey.judge(release("x", 90_000_000, 9, new Truth("Demon Slayer", false, null, "en", false, false, 5, 5)), SERIES).trap())
                .isEqualTo(Family.ENGLISH_UNTAGGED);
        assertThat(AnswerKey.judge(release("x", 9_000_000, 9, new Truth("Demon Slayer", false, null, "fr", true, true, 5, 5)), SERIES).trap())
                .isEqualTo(Family.CHAPTER);
        assertThat(AnswerKey.judge(release("x", 90_000_000, 9, new Truth("Demon Slayer - Side Stories", true, null, "fr", true, false, 5, 5)), SERIES)
                .trap()).isEqualTo(Family.SPINOFF_SUBTITLE);
    }
}
