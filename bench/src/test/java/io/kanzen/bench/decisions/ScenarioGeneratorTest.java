package io.kanzen.bench.decisions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScenarioGeneratorTest {
    private static final Scenario SCENARIO = TestScenario.SEED_11;

    @Test
    void theSameSeedGivesTheSameScenario() {
        Scenario again = ScenarioGenerator.generate(11);
        assertThat(again.releases()).isEqualTo(SCENARIO.releases());
        assertThat(again.series()).isEqualTo(SCENARIO.series());
        assertThat(ScenarioGenerator.generate(12).releases()).isNotEqualTo(SCENARIO.releases());
    }

    @Test
    void everyTrapFamilyIsPlantedAgainstWantedVolumesInSeveralVariants() {
        Map<Family, Integer> planted = new EnumMap<>(Family.class);
        Map<Family, java.util.Set<String>> titles = new EnumMap<>(Family.class);
        for (PlannedRelease r : SCENARIO.releases()) {
            if (r.plantedFor() != null && r.protocol().equals("torrent")) {
                Verdict v = AnswerKey.judge(r, SCENARIO.seriesTitled(r.plantedFor()).orElseThrow());
                if (!v.acceptable()) {
                    planted.merge(v.trap(), 1, Integer::sum);
                    titles.computeIfAbsent(v.trap(), k -> new java.util.HashSet<>()).add(r.title());
                }
            }
        }
        for (Family f : List.of(Family.OTHER_SERIES, Family.SPINOFF_SUBTITLE, Family.CHAPTER, Family.OTHER_EDITION, Family.ENGLISH_UNTAGGED,
                Family.ENGLISH_TAGGED, Family.OTHER_LANGUAGE, Family.FAKE_SIZE, Family.ABSURD_SIZE, Family.DEAD, Family.OWNED_OVERLAP)) {
            assertThat(planted.getOrDefault(f, 0)).as(f.name()).isGreaterThanOrEqualTo(2);
            assertThat(titles.get(f)).as(f.name()).hasSizeGreaterThanOrEqualTo(2);
        }
    }

    @Test
    void someWantedVolumesHaveNoAcceptableReleaseAndDoNotCountForRecall() {
        int wanted = 0;
        int obtainable = 0;
        for (PlannedSeries s : SCENARIO.series()) {
            wanted += s.wanted().size();
            obtainable += SCENARIO.obtainable(s).size();
            assertThat(s.wanted()).containsAll(SCENARIO.obtainable(s));
        }
        assertThat(wanted).isBetween(100, 200);
        assertThat(obtainable).isLessThan(wanted).isGreaterThan(wanted * 3 / 4);
    }

    @Test
    void wantedVolumesAreTheGapsBelowTheHighestOwnedVolume() {
        PlannedSeries s = SCENARIO.series().stream().filter(x -> !x.wanted().isEmpty()).findFirst().orElseThrow();
        for (int v = 1; v <= s.highestOwned(); v++) {
            assertThat(s.wants(v)).as("volume " + v).isEqualTo(!s.owns(v));
        }
        assertThat(s.wants(s.highestOwned() + 1)).isFalse();
    }

    @Test
    void everyAcceptableReleaseIsFoundByItsSeriesTitleAndSomeOnlyBeyondTheResultCap() {
        int behindCap = 0;
        for (PlannedSeries s : SCENARIO.series()) {
            List<PlannedRelease> found = SCENARIO.matching(s.title());
            SCENARIO.releases().stream().filter(r -> AnswerKey.judge(r, s).acceptable()).forEach(r -> assertThat(found).contains(r));
            behindCap += SCENARIO.behindTheCap(s).size();
        }
        assertThat(behindCap).isPositive();
    }

    @Test
    void theLibraryHasSiblingSeriesTitlesWithNumbersAndBareNumberedFiles() {
        List<String> titles = SCENARIO.series().stream().map(PlannedSeries::title).toList();
        assertThat(titles).contains("Dragon Ball", "Dragon Ball Super", "Kaiju No. 8", "Mob Psycho 100", "20th Century Boys", "Golgo 13", "Demon Slayer");
        assertThat(SCENARIO.seriesTitled("Berserk").orElseThrow().files().keySet()).allMatch(f -> f.matches("Berserk \\d\\d\\.cbz"));
        assertThat(SCENARIO.releases()).anyMatch(r -> r.title().startsWith("Demon Slayer - Kimetsu no Yaiba")
                && AnswerKey.judge(r, SCENARIO.seriesTitled("Demon Slayer").orElseThrow()).acceptable());
    }

    @Test
    void everyLinkStyleAndDuplicatesAcrossIndexersAreListed() {
        assertThat(SCENARIO.releases().stream().filter(r -> r.protocol().equals("torrent")).map(PlannedRelease::link).distinct())
                .containsExactlyInAnyOrder(LinkStyle.values());
        long duplicated = SCENARIO.releases().stream().filter(r -> r.infoHash() != null).map(PlannedRelease::infoHash).distinct().count();
        assertThat(duplicated).isLessThan(SCENARIO.releases().stream().filter(r -> r.infoHash() != null).count());
        assertThat(SCENARIO.releases()).allMatch(r -> r.link() != LinkStyle.TORRENT_FILE || !r.protocol().equals("torrent")
                || SCENARIO.torrents().containsKey(r.id()));
    }
}
