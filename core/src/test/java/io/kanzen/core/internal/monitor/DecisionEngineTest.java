package io.kanzen.core.internal.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import io.kanzen.api.LinkKind;
import io.kanzen.api.Release;
import io.kanzen.api.VolumeRange;
import io.kanzen.api.scoring.Decision;
import io.kanzen.api.scoring.Rejection;
import io.kanzen.api.scoring.RejectionReason;
import io.kanzen.core.internal.parse.FileNameParser;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The decision rules, one family of traps at a time, with the real name parser. */
class DecisionEngineTest {
    private static final FileNameParser PARSER = new FileNameParser();
    private static final long MB = 1_000_000L;

    /** A series as a test describes it; every field has the common default of a VF collection. */
    private static final class Series {
        String title;
        List<String> aliases = List.of();
        List<String> siblings = List.of();
        Set<Integer> wanted = Set.of();
        List<VolumeRange> owned = List.of();
        String edition = ReleaseEdition.REGULAR;
        boolean acceptUntagged;
        OptionalLong ownVolumeBytes = OptionalLong.empty();

        Series(String title, int... wanted) {
            this.title = title;
            this.wanted = Set.copyOf(IntStream.of(wanted).boxed().toList());
        }

        SeriesProfile profile() {
            List<String> titles = new ArrayList<>();
            titles.add(title);
            titles.addAll(aliases);
            return new SeriesProfile(1, titles, owned, wanted, Set.of(), Set.of(), Set.of(), "fr", acceptUntagged, edition,
                    Set.of("cbz", "cbr", "pdf", "epub", "zip", "rar"), SizeLimits.of(0, 0, ownVolumeBytes), List.of(), List.of(), false, 0);
        }

        List<Decision> judge(Release... releases) {
            ReleaseReader reader = new ReleaseReader(PARSER, new SeriesIdentity(profile().titles(), siblings));
            return DecisionEngine.decideAll(List.of(releases).stream().map(reader::read).toList(), profile());
        }

        Decision judge(Release release) {
            return judge(new Release[] {release}).get(0);
        }

        List<Decision> chosen(Release... releases) {
            return DecisionEngine.choose(judge(releases), profile());
        }
    }

    private static int counter;

    static Release release(String title, long size, Integer seeders) {
        String hash = String.format("%040x", title.hashCode() & 0xffffffffL) + (counter++);
        return new Release("prowlarr", title, "magnet:?xt=urn:btih:" + hash.substring(hash.length() - 40), LinkKind.MAGNET, size, seeders, 0,
                null, null, null, "idx", "torrent", PARSER.parse(title));
    }

    static Release release(String title) {
        return release(title, 120 * MB, 20);
    }

    static List<RejectionReason> reasons(Decision d) {
        return d.rejections().stream().map(Rejection::reason).toList();
    }

    @Nested
    class Size {
        @Test
        void aFifteenKilobyteVolumeWithManySeedersIsAFake() {
            Decision d = new Series("Berserk", 15).judge(release("Berserk Tome 15 [FR] [CBZ]", 15_000, 250));
            assertThat(reasons(d)).containsExactly(RejectionReason.SIZE);
            assertThat(d.rejections().get(0).message()).contains("15 KB").contains("below the minimum");
        }

        @Test
        void aFiftyTwoGigabyteVolumeIsAbsurd() {
            Decision d = new Series("Berserk", 5).judge(release("Berserk T05 VF", 52_000 * MB, 30));
            assertThat(reasons(d)).containsExactly(RejectionReason.SIZE);
        }

        @Test
        void aPackIsMeasuredPerVolume() {
            Decision d = new Series("Berserk", 1, 2, 3, 4, 5, 6, 7, 8, 9, 10).judge(release("Berserk T01-T10 FR", 1_500 * MB, 12));
            assertThat(d.accepted()).isTrue();
        }

        @Test
        void theSeriesOwnFilesSharpenTheLimits() {
            Series s = new Series("Berserk", 5);
            s.ownVolumeBytes = OptionalLong.of(80 * MB);
            assertThat(reasons(s.judge(release("Berserk T05 FR", 1_500 * MB, 12)))).containsExactly(RejectionReason.SIZE);
            assertThat(reasons(s.judge(release("Berserk T05 FR", 4 * MB, 12)))).containsExactly(RejectionReason.SIZE);
            assertThat(s.judge(release("Berserk T05 FR", 150 * MB, 12)).accepted()).isTrue();
        }

        @Test
        void aReleaseFarSmallerThanTheOtherCandidatesIsTurnedDown() {
            List<Decision> d = new Series("Berserk", 5, 6, 7).judge(release("Berserk T05 FR", 2 * MB, 300), release("Berserk T06 FR", 110 * MB, 4),
                    release("Berserk T07 FR", 95 * MB, 3), release("Berserk T05 [FR]", 100 * MB, 2));
            assertThat(reasons(d.get(0))).containsExactly(RejectionReason.SIZE);
            assertThat(d.get(0).rejections().get(0).message()).contains("other releases");
            assertThat(d.subList(1, 4)).allMatch(Decision::accepted);
        }

        @Test
        void aTorrentWithNoSeederIsDeadButAnEd2kLinkHasNoSeedersToCount() {
            assertThat(reasons(new Series("Berserk", 5).judge(release("Berserk T05 FR", 90 * MB, 0)))).containsExactly(RejectionReason.NO_SEEDERS);
            Release ed2k = new Release("ebdz", "Berserk T05 FR", "ed2k://|file|Berserk_T05_FR.cbz|90000000|0123456789ABCDEF0123456789ABCDEF|/",
                    LinkKind.ED2K, 90 * MB, null, null, null, null, null, null, "ed2k", PARSER.parse("Berserk T05 FR"));
            assertThat(new Series("Berserk", 5).judge(ed2k).accepted()).isTrue();
        }
    }

    @Nested
    class Edition {
        @Test
        void everyOtherEditionIsTurnedDownForTheRegularOne() {
            Series s = new Series("Fullmetal Alchemist", 17, 2);
            for (String title : List.of("Fullmetal Alchemist Perfect Edition T17 FR", "Fullmetal Alchemist - Deluxe - Tome 17 [FR]",
                    "Fullmetal Alchemist Kanzenban T17 VF", "Fullmetal Alchemist Black Edition T17 FRENCH", "Fullmetal Alchemist Ultimate T17 FR",
                    "Fullmetal Alchemist Edition Double T17 FR", "Fullmetal Alchemist Intégrale T02 FR", "Fullmetal Alchemist Édition Originale T17 FR",
                    "Fullmetal.Alchemist.Full.Color.T17.FRENCH.CBZ")) {
                assertThat(reasons(s.judge(release(title)))).as(title).containsExactly(RejectionReason.EDITION);
            }
        }

        @Test
        void aSeriesCollectedInPerfectEditionTakesPerfectVolumesOnly() {
            Series s = new Series("Fullmetal Alchemist", 9);
            s.edition = ReleaseEdition.normalise("Perfect Edition");
            assertThat(s.judge(release("Fullmetal Alchemist Perfect Edition T09 FR")).accepted()).isTrue();
            assertThat(reasons(s.judge(release("Fullmetal Alchemist T09 FR")))).containsExactly(RejectionReason.EDITION);
        }

        @Test
        void anIntegraleThatIsTheWholeRunIsAPackOfRegularVolumes() {
            Series s = new Series("Naruto", 1, 2, 3, 4, 5, 6);
            assertThat(s.judge(release("Naruto - Tomes 1 à 6 - Intégrale FR", 600 * MB, 10)).accepted()).isTrue();
            assertThat(reasons(s.judge(release("Naruto Intégrale T03 FR", 300 * MB, 10)))).containsExactly(RejectionReason.EDITION);
        }

        @Test
        void aCoffretOfRegularVolumesIsAPackOfThem() {
            Decision d = new Series("Naruto", 1, 2, 3).judge(release("Naruto Coffret T01-T03 FR", 300 * MB, 10));
            assertThat(d.accepted()).isTrue();
            assertThat(d.release().parsed().volume()).isEqualTo(VolumeRange.of(1, 3));
        }

        @Test
        void aCollectorEditionIsTheRegularVolumeWithExtras() {
            assertThat(new Series("One Piece", 100).judge(release("One Piece T100 Collector FR")).accepted()).isTrue();
        }

        @Test
        void anEditionWordInsideTheSeriesTitleIsNotAnEdition() {
            assertThat(new Series("Perfect World", 3).judge(release("Perfect World T03 FR")).accepted()).isTrue();
        }
    }

    @Nested
    class Language {
        @Test
        void anUntaggedReleaseInEnglishConventionsIsEnglish() {
            Series s = new Series("Chainsaw Man", 11);
            assertThat(reasons(s.judge(release("[Group] Chainsaw Man v11 (2020) (Digital)")))).containsExactly(RejectionReason.LANGUAGE);
            assertThat(reasons(s.judge(release("Chainsaw Man Vol. 11")))).containsExactly(RejectionReason.LANGUAGE);
            assertThat(reasons(s.judge(release("Chainsaw Man 11 (Viz Media)")))).contains(RejectionReason.LANGUAGE);
        }

        @Test
        void aReleaseThatShowsNoLanguageIsTurnedDownWithItsOwnReason() {
            Decision d = new Series("Chainsaw Man", 11).judge(release("Chainsaw Man T11 [CBZ]"));
            assertThat(reasons(d)).contains(RejectionReason.LANGUAGE_UNKNOWN);
        }

        @Test
        void frenchIsShownByATagAPublisherOrTheTomeConvention() {
            Series s = new Series("Chainsaw Man", 11);
            for (String title : List.of("Chainsaw Man T11 [FR]", "Chainsaw Man - Tome 11 (Kazé)", "Chainsaw.Man.T11.FRENCH.CBZ-GRP", "Chainsaw Man T11 VF")) {
                assertThat(s.judge(release(title)).accepted()).as(title).isTrue();
            }
        }

        @Test
        void whenAllowedAnUntaggedReleaseOnlyFillsAVolumeNoFrenchReleaseBrings() {
            Series s = new Series("Chainsaw Man", 11, 12);
            s.acceptUntagged = true;
            Release untagged11 = release("Chainsaw Man T11 [CBZ]", 120 * MB, 90);
            Release untagged12 = release("Chainsaw Man T12 [CBZ]", 120 * MB, 90);
            Release french11 = release("Chainsaw Man T11 FR", 120 * MB, 1);
            List<Decision> chosen = s.chosen(untagged11, untagged12, french11);
            assertThat(chosen).extracting(d -> d.release().title()).containsExactlyInAnyOrder("Chainsaw Man T11 FR", "Chainsaw Man T12 [CBZ]");
        }

        @Test
        void aDeadFrenchSingleDoesNotLoseToALiveEnglishOne() {
            List<Decision> chosen = new Series("Chainsaw Man", 11).chosen(release("Chainsaw Man T11 FR", 110 * MB, 0),
                    release("Chainsaw Man v11 (2021) (Digital) (1r0n)", 110 * MB, 400));
            assertThat(chosen).isEmpty();
        }
    }

    @Nested
    class SeriesNames {
        @Test
        void aTitleSubtitleFormOfTheSameWorkIsTheSeries() {
            Decision d = new Series("Demon Slayer", 11).judge(release("Demon Slayer - Kimetsu no Yaiba - Tome 11 [FR]"));
            assertThat(d.accepted()).isTrue();
            assertThat(d.release().parsed().volume()).isEqualTo(VolumeRange.of(11, 11));
        }

        @Test
        void aTitleEndingInANumberKeepsItsNumber() {
            Decision d = new Series("Series 03", 2).judge(release("Series 03 - Tome 02 [FR]"));
            assertThat(d.accepted()).isTrue();
            assertThat(d.release().parsed().volume()).isEqualTo(VolumeRange.of(2, 2));
            assertThat(reasons(new Series("Series 03", 3).judge(release("Series 03 - Tome 02 [FR]")))).containsExactly(RejectionReason.VOLUME_NOT_WANTED);
        }

        @Test
        void numbersThatBelongToATitleStayInIt() {
            assertThat(new Series("Kaiju No. 8", 3).judge(release("Kaiju No. 8 - Tome 03 [FR]")).release().parsed().volume()).isEqualTo(VolumeRange.of(3, 3));
            assertThat(new Series("Mob Psycho 100", 5).judge(release("Mob Psycho 100 T05 VF")).accepted()).isTrue();
            assertThat(new Series("20th Century Boys", 4).judge(release("20th Century Boys - Tome 4 FRENCH")).accepted()).isTrue();
            assertThat(new Series("Kaiju No. 8", 8).judge(release("Kaiju No. 8 - Tome 03 [FR]")).accepted()).isFalse();
        }

        @Test
        void spinOffsAndSequelsAreOtherSeries() {
            assertThat(reasons(new Series("Dragon Ball", 5).judge(release("Dragon Ball Super T05 FR")))).containsExactly(RejectionReason.WRONG_SERIES);
            assertThat(reasons(new Series("Naruto", 1).judge(release("Naruto Gaiden T01 VF")))).containsExactly(RejectionReason.WRONG_SERIES);
            assertThat(reasons(new Series("One Piece", 2).judge(release("One Piece Party - Tome 02 [FR]")))).containsExactly(RejectionReason.WRONG_SERIES);
            assertThat(reasons(new Series("Tokyo Ghoul", 5).judge(release("Tokyo Ghoul:re T05 FR")))).containsExactly(RejectionReason.WRONG_SERIES);
            assertThat(reasons(new Series("Tokyo Ghoul", 5).judge(release("Tokyo Ghoul - re - T05 FR")))).containsExactly(RejectionReason.WRONG_SERIES);
            assertThat(reasons(new Series("Dragon Ball", 5).judge(release("Dragon.Ball.Super.T05.FRENCH.CBZ")))).containsExactly(RejectionReason.WRONG_SERIES);
        }

        @Test
        void anEnglishSubtitleIsASpinOffUnlessItIsAnAlias() {
            Series s = new Series("Saint Seiya", 3);
            assertThat(reasons(s.judge(release("Saint Seiya - The Lost Canvas T03 [FR]")))).containsExactly(RejectionReason.WRONG_SERIES);
            assertThat(reasons(new Series("Blue Lock", 2).judge(release("Blue Lock - Episode Nagi - Tome 02 [FR]")))).containsExactly(RejectionReason.WRONG_SERIES);
            s.aliases = List.of("Saint Seiya - The Lost Canvas");
            assertThat(s.judge(release("Saint Seiya - The Lost Canvas T03 [FR]")).accepted()).isTrue();
        }

        @Test
        void aFrenchSubtitleIsAnotherNameOfTheSameWork() {
            assertThat(new Series("Hokuto no Ken", 11).judge(release("Hokuto no Ken - Ken le Survivant - Tome 11 [FR]")).accepted()).isTrue();
            assertThat(new Series("Saint Seiya", 14).judge(release("Saint Seiya - Les Chevaliers du Zodiaque T14 (FR) (Kana)")).accepted()).isTrue();
            assertThat(new Series("GTO", 19, 20, 21, 22).judge(release("GTO - Great Teacher Onizuka T19 à T22 FRENCH CBZ", 330 * MB, 18)).accepted())
                    .isTrue();
        }

        @Test
        void aPackWordBetweenTheNameAndTheVolumesIsNoSubtitle() {
            assertThat(new Series("Dragon Ball", 9, 10, 11).judge(release("Dragon Ball - Pack T09-11 (Glénat)", 300 * MB, 9)).accepted()).isTrue();
        }

        @Test
        void aRomajiSubtitleIsTheOriginalTitleOfTheSameWork() {
            assertThat(new Series("L'Attaque des Titans", 7).judge(release("L'Attaque des Titans - Shingeki no Kyojin T07 VF")).accepted()).isTrue();
            assertThat(new Series("My Hero Academia", 7).judge(release("My Hero Academia - Boku no Hero Academia - Tome 07 [FR]")).accepted())
                    .isTrue();
        }

        @Test
        void aNumberThatBeginsWordsIsPartOfAnotherTitle() {
            assertThat(reasons(new Series("Fairy Tail", 3).judge(release("Fairy Tail - 100 Years Quest - Tome 03 [FR]"))))
                    .containsExactly(RejectionReason.WRONG_SERIES);
            assertThat(reasons(new Series("Fairy Tail", 3).judge(release("Fairy Tail 100 Years Quest T03 FR")))).containsExactly(RejectionReason.WRONG_SERIES);
            assertThat(reasons(new Series("Yu-Gi-Oh!", 1).judge(release("Yu-Gi-Oh! 5D's - Tome 01 [FR]")))).containsExactly(RejectionReason.WRONG_SERIES);
            assertThat(new Series("Golgo 13", 5).judge(release("Golgo 13 - Tome 05 [FR]")).accepted()).isTrue();
        }

        @Test
        void anotherSeriesOfTheLibraryWithALongerNameClaimsItsReleases() {
            Series s = new Series("Demon Slayer", 2);
            s.siblings = List.of("Demon Slayer - Kimetsu Academy");
            assertThat(reasons(s.judge(release("Demon Slayer - Kimetsu Academy - Tome 02 [FR]")))).containsExactly(RejectionReason.WRONG_SERIES);
            assertThat(s.judge(release("Demon Slayer - Tome 02 [FR]")).accepted()).isTrue();
        }

        @Test
        void aReleaseNamedByAnAliasIsTheSeries() {
            Series s = new Series("Shingeki no Kyojin", 5);
            s.aliases = List.of("L'Attaque des Titans");
            assertThat(s.judge(release("L'Attaque des Titans T05 VF")).accepted()).isTrue();
            assertThat(s.judge(release("[Team] L.Attaque.Des.Titans.T05.FRENCH.CBZ")).accepted()).isTrue();
        }

        @Test
        void theHalvesOfATitleSubtitleFolderNameAnswerForIt() {
            Series s = new Series("Demon Slayer - Kimetsu no Yaiba", 4);
            assertThat(s.judge(release("Demon Slayer T04 FR")).accepted()).isTrue();
            assertThat(s.judge(release("Kimetsu no Yaiba T04 FR")).accepted()).isTrue();
        }

        @Test
        void aTitleThatOnlyStartsLikeTheSeriesIsAnother() {
            assertThat(reasons(new Series("Dragon Ball", 5).judge(release("Dragon Balls T05 FR")))).contains(RejectionReason.WRONG_SERIES);
        }
    }

    @Nested
    class Volumes {
        @Test
        void aChapterNumberedLikeAWantedVolumeIsNotThatVolume() {
            Series s = new Series("Berserk", 5, 12);
            assertThat(reasons(s.judge(release("Berserk Chapitre 05 FR")))).containsExactly(RejectionReason.CHAPTER_NOT_VOLUME);
            assertThat(reasons(s.judge(release("Berserk c012 [FR]")))).containsExactly(RejectionReason.CHAPTER_NOT_VOLUME);
        }

        @Test
        void aPackThatBringsOwnedVolumesIsTurnedDown() {
            Series s = new Series("Berserk", 4, 5);
            s.owned = List.of(VolumeRange.of(1, 3));
            assertThat(reasons(s.judge(release("Berserk T01-T05 FR", 500 * MB, 10)))).containsExactly(RejectionReason.VOLUME_NOT_WANTED);
            assertThat(s.judge(release("Berserk T04-T05 FR", 200 * MB, 10)).accepted()).isTrue();
        }

        @Test
        void aHorsSerieIsNotANumberedVolume() {
            assertThat(new Series("One Piece", 1).judge(release("One Piece Hors-Série 1 FR")).accepted()).isFalse();
        }

        @Test
        void theSameReleaseOnTwoIndexersIsSentOnce() {
            Release a = release("Berserk T05 FR");
            Release b = new Release("prowlarr", a.title(), a.link(), a.linkKind(), a.size(), a.seeders(), 0, null, null, null, "other", "torrent", a.parsed());
            assertThat(new Series("Berserk", 5).chosen(a, b)).hasSize(1);
        }
    }

    /** Every explanation the engine gives carries a stable code and the values its text needs, one family at a time. */
    @Nested
    class ExplanationCodes {
        private static java.util.Map<String, java.util.Map<String, String>> parts(Decision d) {
            java.util.Map<String, java.util.Map<String, String>> out = new java.util.LinkedHashMap<>();
            d.score().breakdown().forEach(c -> out.put(c.code(), c.params()));
            return out;
        }

        private static java.util.Map<String, java.util.Map<String, String>> details(Decision d) {
            java.util.Map<String, java.util.Map<String, String>> out = new java.util.LinkedHashMap<>();
            d.rejections().forEach(r -> out.put(r.code(), r.params()));
            return out;
        }

        @Test
        void theScorePartsOfAnAcceptedPackNameTheSeriesTheVolumesTheLanguageTheFormatAndTheSeeders() {
            Decision d = new Series("Berserk", 1, 2).judge(release("Berserk T01-T02 [FR] [CBZ]", 240 * MB, 25));
            assertThat(d.accepted()).isTrue();
            assertThat(parts(d)).containsExactly(
                    java.util.Map.entry("series.same", java.util.Map.of("name", "Berserk")),
                    java.util.Map.entry("volumes.many", java.util.Map.of("volumes", "1, 2")),
                    java.util.Map.entry("language.tag", java.util.Map.of("language", "fr")),
                    java.util.Map.entry("format", java.util.Map.of("format", "cbz")),
                    java.util.Map.entry("seeders", java.util.Map.of("seeders", "25")));
            assertThat(d.score().breakdown().get(1).why()).as("the English sentence stays for logs and the CLI").isEqualTo("brings wanted volumes 1, 2");
        }

        @Test
        void aSingleVolumeAndAnAcceptedUntaggedReleaseHaveTheirOwnCodes() {
            Series s = new Series("Chainsaw Man", 11);
            s.acceptUntagged = true;
            assertThat(parts(s.judge(release("Chainsaw Man T11 [CBZ]")))).containsEntry("volumes.one", java.util.Map.of("volumes", "11"))
                    .containsEntry("untagged.none", java.util.Map.of("wantedLanguage", "fr"));
        }

        @Test
        void theDetailsOfSizeRejectionsGiveSizesInBytesAndWhereTheLimitsComeFrom() {
            Decision d = new Series("Berserk", 15).judge(release("Berserk Tome 15 [FR] [CBZ]", 15_000, 250));
            assertThat(details(d)).containsExactly(java.util.Map.entry("size.belowMinimum", java.util.Map.of("sizeBytes", "15000",
                    "minimumBytes", String.valueOf(SizeLimits.DEFAULT_MIN), "limits", "defaults", "ownBytes", "0")));
            Series own = new Series("Berserk", 5);
            own.ownVolumeBytes = OptionalLong.of(80 * MB);
            assertThat(details(own.judge(release("Berserk T05 FR", 1_500 * MB, 12)))).containsKey("size.aboveMaximum")
                    .extractingByKey("size.aboveMaximum").satisfies(p -> assertThat(p).containsEntry("limits", "ownFiles").containsEntry("ownBytes", "80000000"));
        }

        @Test
        void theDetailsOfSeriesVolumeEditionLanguageAndWordRejectionsNameWhatTheRuleSaw() {
            assertThat(details(new Series("Berserk", 5).judge(release("Berserk T07 FR")))).containsExactly(
                    java.util.Map.entry("volume.notWanted", java.util.Map.of("volume", "7")));
            assertThat(details(new Series("Fullmetal Alchemist", 17).judge(release("Fullmetal Alchemist Perfect Edition T17 FR"))))
                    .containsEntry("edition", java.util.Map.of("foundEdition", "perfect", "wantedEdition", ReleaseEdition.REGULAR));
            assertThat(details(new Series("Chainsaw Man", 11).judge(release("Chainsaw Man Vol. 11"))))
                    .containsEntry("language.convention", java.util.Map.of("foundLanguage", "en", "word", "vol 11", "wantedLanguage", "fr"));
            assertThat(details(new Series("Chainsaw Man", 11).judge(release("Chainsaw Man T11 [CBZ]"))))
                    .containsEntry("languageUnknown.none", java.util.Map.of("wantedLanguage", "fr"));
            assertThat(details(new Series("Berserk", 5).judge(release("Berserk Chapitre 05 FR")))).containsKey("chapters");
            Series s = new Series("Berserk", 4, 5);
            s.owned = List.of(VolumeRange.of(1, 3));
            assertThat(details(s.judge(release("Berserk T01-T05 FR", 500 * MB, 10)))).containsEntry("owned.many", java.util.Map.of("volumes", "1-3"));
            assertThat(details(new Series("Berserk", 5).judge(release("Berserk T05 FR", 90 * MB, 0)))).containsOnlyKeys("noSeeders");
        }

        @Test
        void volumesReadAsRangesWhenThreeOrMoreFollowEachOther() {
            assertThat(DecisionEngine.join(Set.of(1, 2))).isEqualTo("1, 2");
            assertThat(DecisionEngine.join(Set.of(5, 1, 2, 3, 7, 8, 9, 10))).isEqualTo("1-3, 5, 7-10");
        }

        @Test
        void everyRejectionAndPartOfTheEngineHasACodeButAScorerPluginsPartKeepsOnlyItsSentence() {
            Series s = new Series("Berserk", 5);
            SeriesProfile p = s.profile();
            ReleaseReader reader = new ReleaseReader(PARSER, new SeriesIdentity(p.titles(), List.of()));
            io.kanzen.api.scoring.Scorer plugin = (release, wanted) -> io.kanzen.api.scoring.Score.of(List.of(
                    new io.kanzen.api.scoring.ScoreComponent("group", 7, "released by a trusted group")));
            Decision d = DecisionEngine.decideAll(List.of(reader.read(release("Berserk T05 FR [CBZ]"))), p,
                    List.of(new io.kanzen.core.internal.scoring.Scorers.Named("filters", plugin)), new ArrayList<>()).get(0);
            assertThat(d.score().breakdown()).filteredOn(c -> c.name().startsWith("filters")).singleElement()
                    .satisfies(c -> {
                        assertThat(c.code()).isNull();
                        assertThat(c.params()).isEmpty();
                        assertThat(c.why()).isEqualTo("released by a trusted group");
                    });
            assertThat(d.score().breakdown()).filteredOn(c -> !c.name().startsWith("filters")).allSatisfy(c -> assertThat(c.code()).isNotNull());
            for (Release r : List.of(release("Berserk T07 FR"), release("Vagabond T05 FR"), release("Berserk T05 EPUB ENG", 1, 0))) {
                assertThat(s.judge(r).rejections()).as(r.title()).isNotEmpty().allSatisfy(x -> assertThat(x.code()).isNotNull());
            }
        }
    }
}
