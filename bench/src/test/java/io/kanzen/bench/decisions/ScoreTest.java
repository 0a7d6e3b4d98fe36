package io.kanzen.bench.decisions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScoreTest {
    private static final Scenario SCENARIO = TestScenario.SEED_11;

    private static PlannedRelease first(java.util.function.Predicate<PlannedRelease> p) {
        return SCENARIO.releases().stream().filter(r -> r.protocol().equals("torrent")).filter(p).findFirst().orElseThrow();
    }

    private static Verdict verdict(PlannedRelease r) {
        return AnswerKey.judge(r, SCENARIO.seriesTitled(r.plantedFor()).orElseThrow());
    }

    @Test
    void nothingSentIsNoRecallAndNoWrongSend() {
        Score s = Score.of(SCENARIO, List.of());
        assertThat(s.recall()).isZero();
        assertThat(s.wrong()).isZero();
        assertThat(s.missed()).hasSize(s.obtainable());
    }

    @Test
    void anAcceptableSendCountsForItsVolumeAndSendingItAgainIsADuplicate() {
        PlannedRelease ok = first(r -> r.plantedFor() != null && r.truth().volumeCount() == 1 && verdict(r).acceptable());
        Score s = Score.of(SCENARIO, List.of(new Send(ok.plantedFor(), ok.infoHash(), "downloading", 1),
                new Send(ok.plantedFor(), ok.infoHash().toUpperCase(), "downloading", 2)));
        assertThat(s.obtained()).isEqualTo(1);
        assertThat(s.sameTorrentAgain()).isEqualTo(1);
        assertThat(s.wrong()).isZero();
    }

    @Test
    void twoTorrentsOfOneVolumeAreADuplicateAndATrapIsAWrongSendOfItsFamily() {
        PlannedRelease ok = first(r -> r.plantedFor() != null && r.truth().volumeCount() == 1 && verdict(r).acceptable());
        PlannedRelease fake = first(r -> r.plantedFor() != null && r.plantedFor().equals(ok.plantedFor()) && r.truth().from() == ok.truth().from()
                && verdict(r).trap() == Family.FAKE_SIZE || r.plantedFor() != null && r.plantedFor().equals(ok.plantedFor())
                && r.truth().from() == ok.truth().from() && verdict(r).trap() == Family.DEAD);
        List<Send> sends = new ArrayList<>(List.of(new Send(ok.plantedFor(), ok.infoHash(), "downloading", 1),
                new Send(fake.plantedFor(), fake.infoHash(), "downloading", 1), new Send(ok.plantedFor(), "ff".repeat(20), "downloading", 1),
                new Send(ok.plantedFor(), null, "failed", 1)));
        Score s = Score.of(SCENARIO, sends);
        assertThat(s.wrongByFamily()).containsEntry(verdict(fake).trap(), 1);
        assertThat(s.unknownSends()).isEqualTo(1);
        assertThat(s.refusedSends()).isEqualTo(1);
        assertThat(s.volumesSentTwice()).isEqualTo(1);
        assertThat(s.wrong()).isEqualTo(2);
    }
}
