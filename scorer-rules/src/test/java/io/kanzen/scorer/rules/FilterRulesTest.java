package io.kanzen.scorer.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kanzen.api.LinkKind;
import io.kanzen.api.ParsedName;
import io.kanzen.api.Plugin;
import io.kanzen.api.PluginConfig;
import io.kanzen.api.Release;
import io.kanzen.api.WantedVolume;
import io.kanzen.api.scoring.Scorer;
import io.kanzen.api.scoring.ScorerVerdict;
import io.kanzen.testkit.PluginContractTest;
import io.kanzen.testkit.ScorerContractTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class FilterRulesTest {
    static Scorer rules(Map<String, String> settings) {
        return new RulesPlugin().scorerFactories().get(0).create(PluginConfig.of(RulesPlugin.SETTINGS, settings));
    }

    static Release release(String title, String group) {
        return new Release("prowlarr", title, "magnet:?xt=urn:btih:0123456789abcdef0123456789abcdef01234567", LinkKind.MAGNET, 90_000_000, 10, 0,
                null, null, null, null, null, new ParsedName("Berserk", null, null, "fr", "cbz", null, group, false, false));
    }

    static final WantedVolume BERSERK_5 = new WantedVolume(1, List.of("Berserk"), 5, "fr");

    @Nested
    class Contract extends ScorerContractTest {
        @Override
        protected Scorer scorer() {
            return rules(Map.of("preferredWords", "HQ=15,scan=-20", "reject", "\\bwebrip\\b"));
        }

        @Override
        protected WantedVolume wanted() {
            return BERSERK_5;
        }

        @Override
        protected Release matchingRelease() {
            return release("Berserk T05 FR HQ", null);
        }

        @Override
        protected Release otherSeriesRelease() {
            return release("Vagabond T05 FR", null);
        }

        @Override
        protected Release rejectedRelease() {
            return release("Berserk T05 FR WEBRIP", null);
        }

        @Override
        protected boolean judgesSeries() {
            return false;
        }
    }

    @Nested
    class PluginShape extends PluginContractTest {
        @Override
        protected Plugin plugin() {
            return new RulesPlugin();
        }
    }

    @Test
    void aTitleMatchingTheRefusedPatternIsTurnedDownWithThePattern() {
        ScorerVerdict v = rules(Map.of("reject", "(?:^|\\W)scan(?:s)?(?:\\W|$)")).judge(release("Berserk T05 Scans FR", null), BERSERK_5);
        assertThat(v.rejectionReason()).hasValueSatisfying(why -> assertThat(why).contains("refused pattern"));
    }

    @Test
    void aRequiredPatternTurnsDownTitlesWithoutIt() {
        Scorer s = rules(Map.of("require", "cbz"));
        assertThat(s.judge(release("Berserk T05 FR PDF", null), BERSERK_5).rejectionReason()).isPresent();
        assertThat(s.judge(release("Berserk T05 FR CBZ", null), BERSERK_5).rejectionReason()).isEmpty();
    }

    @Test
    void groupsAreRefusedOrPreferredWhateverTheirCase() {
        Scorer s = rules(Map.of("rejectGroups", "BadTeam", "preferredGroups", "Good-Team=25"));
        assertThat(s.judge(release("[badteam] Berserk T05 FR", "badteam"), BERSERK_5).rejectionReason()).isPresent();
        ScorerVerdict good = s.judge(release("[Good Team] Berserk T05 FR", "Good Team"), BERSERK_5);
        assertThat(good.score().total()).isEqualTo(25);
        assertThat(good.score().breakdown().get(0).why()).contains("Good Team");
    }

    @Test
    void wordsAddTheirWeightsOnlyAsWholeWords() {
        Scorer s = rules(Map.of("preferredWords", "HQ=10,digital=-5"));
        assertThat(s.score(release("Berserk T05 FR HQ digital", null), BERSERK_5).total()).isEqualTo(5);
        assertThat(s.score(release("Berserk T05 FR HQX", null), BERSERK_5).total()).isZero();
    }

    @Test
    void aRuleSetForOneSeriesLeavesTheOthersAlone() {
        Scorer s = rules(Map.of("series", "Berserk", "reject", "FR"));
        assertThat(s.judge(release("Berserk T05 FR", null), BERSERK_5).rejectionReason()).isPresent();
        assertThat(s.judge(release("Vagabond T05 FR", null), new WantedVolume(2, List.of("Vagabond"), 5, "fr")).rejectionReason()).isEmpty();
    }

    @Test
    void badSettingsAreRefusedInWords() {
        assertThatThrownBy(() -> rules(Map.of("reject", "(unclosed"))).hasMessageContaining("not a valid regular expression");
        assertThatThrownBy(() -> rules(Map.of("preferredWords", "HQ"))).hasMessageContaining("WORD=points");
        assertThatThrownBy(() -> rules(Map.of("preferredWords", "HQ=lots"))).hasMessageContaining("whole number");
    }
}
