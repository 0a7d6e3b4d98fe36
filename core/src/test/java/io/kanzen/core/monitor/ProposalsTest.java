package io.kanzen.core.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kanzen.api.DownloadState;
import io.kanzen.api.ErrorKind;
import io.kanzen.api.PluginException;
import io.kanzen.core.Grab;
import io.kanzen.core.GrabConflictException;
import io.kanzen.core.HistoryEvent;
import io.kanzen.core.Kanzen;
import io.kanzen.core.KanzenException;
import io.kanzen.core.MonitorConfig;
import io.kanzen.core.Proposal;
import io.kanzen.core.WantedSeries;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Manual mode over a real SQLite file: what a check with automatic download off proposes, and what the user does with it. */
class ProposalsTest {
    @TempDir
    Path tmp;
    private final FakePeers peers = new FakePeers();
    private final Instant now = Instant.parse("2026-11-24T12:00:00Z");
    private Kanzen kanzen;
    private Path root;

    @BeforeEach
    void library() throws Exception {
        root = tmp.resolve("manga");
        // One Piece: 1, 2, 4 (3 missing); Berserk: 2 (1 missing before it)
        for (String f : List.of("One Piece/One Piece T01.cbz", "One Piece/One Piece T02.cbz", "One Piece/One Piece T04.cbz", "Berserk/Berserk T02.cbz")) {
            Files.createDirectories(root.resolve(f).getParent());
            Files.write(root.resolve(f), new byte[] {1});
        }
        kanzen = Kanzen.builder().dataDirectory(tmp.resolve("data")).clock(Clock.fixed(now, ZoneOffset.UTC)).classpathPlugins(false).plugin(peers)
                .build();
        kanzen.addLibrary("Manga", root);
        kanzen.scan(null);
        kanzen.saveSource("releases", "releases", Map.of());
        kanzen.saveClient("client", "client", Map.of());
        // automatic download off, as on a first start
        kanzen.saveMonitorConfig(new MonitorConfig(true, "6h", true, false, List.of(), null, "vf", "fr", List.of("cbz", "cbr", "pdf", "epub", "zip", "rar"),
                false, 0, 24));
    }

    @AfterEach
    void close() {
        kanzen.close();
    }

    private Proposal pending(String title) {
        return kanzen.proposals().stream().filter(p -> p.seriesTitle().equals(title)).findFirst().orElseThrow();
    }

    @Test
    void aCheckWithAutomaticDownloadOffSendsNothingAndProposesWhatItWouldSendWithItsScoreAndWhy() {
        peers.releasesByTitle.put("One Piece", List.of("One Piece Tome 03 FR CBZ", "One Piece Tome 03 FR", "One Piece Tome 04 FR CBZ"));
        peers.releasesByTitle.put("Berserk", List.of("Berserk Tome 01 FR"));

        kanzen.check(false, null);

        assertThat(peers.submitted).isEmpty();
        assertThat(kanzen.proposals()).hasSize(2);
        Proposal p = pending("One Piece");
        assertThat(p.releaseTitle()).isEqualTo("One Piece Tome 03 FR CBZ"); // the cbz scores above the untyped one
        assertThat(p.volume().from()).isEqualTo(3.0);
        assertThat(p.source()).isEqualTo("releases");
        assertThat(p.size()).isEqualTo(50_000_000L);
        assertThat(p.seeders()).isEqualTo(10);
        assertThat(p.state()).isEqualTo(Proposal.State.PENDING);
        assertThat(p.score()).isEqualTo(p.scoreParts().stream().mapToInt(c -> c.points()).sum()).isPositive();
        assertThat(p.scoreParts()).extracting(c -> c.name()).contains("series", "volumes", "language", "format");
        // read back from the database with the codes and values a front end translates them by
        assertThat(p.scoreParts()).allSatisfy(c -> assertThat(c.code()).isNotNull());
        assertThat(p.scoreParts()).filteredOn(c -> c.name().equals("series")).singleElement()
                .satisfies(c -> assertThat(c.params()).containsKey("name"));
        assertThat(p.link()).startsWith("magnet:?xt=urn:btih:");
    }

    @Test
    void aDryRunProposesNothing() {
        peers.releasesByTitle.put("Berserk", List.of("Berserk Tome 01 FR"));
        kanzen.check(true, null);
        assertThat(kanzen.proposals()).isEmpty();
    }

    @Test
    void aLaterCheckRefreshesThePendingProposalAndNeverKeepsTwoForOneVolume() {
        peers.releasesByTitle.put("Berserk", List.of("Berserk Tome 01 FR"));
        kanzen.check(false, "Berserk");
        long first = pending("Berserk").id();

        kanzen.check(false, "Berserk");
        assertThat(kanzen.proposals()).as("the same release found again: the same proposal").singleElement()
                .satisfies(p -> assertThat(p.id()).isEqualTo(first));

        peers.releasesByTitle.put("Berserk", List.of("Berserk Tome 01 FR CBZ")); // a better one appears, the old one is gone
        kanzen.check(false, "Berserk");

        assertThat(kanzen.proposals()).singleElement().satisfies(p -> {
            assertThat(p.releaseTitle()).isEqualTo("Berserk Tome 01 FR CBZ");
            assertThat(p.id()).isNotEqualTo(first);
        });
        assertThat(kanzen.allProposals()).filteredOn(p -> p.id() == first).singleElement().satisfies(p -> {
            assertThat(p.state()).isEqualTo(Proposal.State.SUPERSEDED);
            assertThat(p.reason()).contains("another release");
        });
    }

    @Test
    void aSourceThatFailsKeepsTheProposalsItMadeBefore() {
        peers.releasesByTitle.put("Berserk", List.of("Berserk Tome 01 FR"));
        kanzen.check(false, "Berserk");
        peers.sourceFailure = new PluginException(ErrorKind.UNAVAILABLE, "Prowlarr does not answer");

        kanzen.check(false, "Berserk");

        assertThat(kanzen.proposals()).singleElement().satisfies(p -> assertThat(p.releaseTitle()).isEqualTo("Berserk Tome 01 FR"));
    }

    @Test
    void aVolumeOwnedSinceSupersedesItsProposal() throws Exception {
        peers.releasesByTitle.put("Berserk", List.of("Berserk Tome 01 FR"));
        kanzen.check(false, "Berserk");
        Files.write(root.resolve("Berserk/Berserk T01.cbz"), new byte[] {1});
        kanzen.scan(null);

        assertThat(kanzen.proposals()).isEmpty();
        assertThat(kanzen.allProposals()).singleElement().satisfies(p -> {
            assertThat(p.state()).isEqualTo(Proposal.State.SUPERSEDED);
            assertThat(p.reason()).contains("in the library");
        });
    }

    @Test
    void aVolumeGrabbedByHandSinceSupersedesItsProposalAndApprovingItSendsNothing() {
        peers.releasesByTitle.put("Berserk", List.of("Berserk Tome 01 FR"));
        kanzen.check(false, "Berserk");
        long id = pending("Berserk").id();
        kanzen.grab(null, FakePeers.magnet("another Berserk 01"), "Berserk", io.kanzen.api.VolumeRange.of(1));

        assertThatThrownBy(() -> kanzen.approveProposal(id)).isInstanceOf(GrabConflictException.class).hasMessageContaining("grabbed since");
        assertThat(peers.submitted).hasSize(1); // the hand grab only
        assertThat(kanzen.proposals()).isEmpty();
    }

    @Test
    void approvingAProposalSendsItOnceHoldsItsVolumeAndItIsImportedWhenDone() throws Exception {
        peers.releasesByTitle.put("Berserk", List.of("Berserk Tome 01 FR"));
        kanzen.check(false, "Berserk");
        long id = pending("Berserk").id();

        Grab g = kanzen.approveProposal(id);

        assertThat(peers.submitted).singleElement().satisfies(r -> assertThat(r.link()).isEqualTo(FakePeers.magnet("Berserk Tome 01 FR")));
        assertThat(g.state()).isEqualTo(Grab.State.SENT);
        assertThat(g.seriesId()).isNotNull();
        assertThat(g.releaseTitle()).isEqualTo("Berserk Tome 01 FR");
        assertThatThrownBy(() -> kanzen.approveProposal(id)).isInstanceOf(KanzenException.class).hasMessageContaining("approved");
        assertThat(kanzen.allProposals()).singleElement().satisfies(p -> {
            assertThat(p.state()).isEqualTo(Proposal.State.APPROVED);
            assertThat(p.grabId()).isEqualTo(g.id());
        });
        assertThat(kanzen.history(true, 20)).anyMatch(e -> e.kind() == HistoryEvent.Kind.GRAB && e.message().contains("proposal approved"));

        kanzen.check(false, "Berserk");
        assertThat(kanzen.proposals()).as("the volume is held by the grab: nothing to propose").isEmpty();
        assertThat(peers.submitted).hasSize(1);

        String hash = g.handle();
        Path downloaded = Files.createDirectories(tmp.resolve("downloads")).resolve("Berserk T01.cbz");
        Files.write(downloaded, new byte[] {2});
        peers.contentPaths.put(hash, downloaded.toString());
        peers.states.put(hash, DownloadState.COMPLETED);
        kanzen.trackDownloads();

        assertThat(root.resolve("Berserk/Berserk T01.cbz")).exists();
        assertThat(kanzen.downloads()).extracting(d -> d.grab().state()).containsExactly(Grab.State.IMPORTED);
    }

    @Test
    void approvingAllSendsEveryPendingProposal() {
        peers.releasesByTitle.put("One Piece", List.of("One Piece Tome 03 FR CBZ"));
        peers.releasesByTitle.put("Berserk", List.of("Berserk Tome 01 FR"));
        kanzen.check(false, null);

        List<Proposal> done = kanzen.approveAllProposals();

        assertThat(done).extracting(Proposal::state).containsOnly(Proposal.State.APPROVED);
        assertThat(peers.submitted).hasSize(2);
        assertThat(kanzen.proposals()).isEmpty();
    }

    @Test
    void aProposalTheClientRefusesStaysPendingWithWhyAndCanBeApprovedAgain() {
        peers.releasesByTitle.put("Berserk", List.of("Berserk Tome 01 FR"));
        kanzen.check(false, "Berserk");
        long id = pending("Berserk").id();
        kanzen.removeClient("client");

        assertThatThrownBy(() -> kanzen.approveProposal(id)).isInstanceOf(KanzenException.class);
        assertThat(pending("Berserk").reason()).startsWith("the last approval failed");

        kanzen.saveClient("client", "client", Map.of());
        kanzen.approveProposal(id);
        assertThat(peers.submitted).hasSize(1);
    }

    @Test
    void rejectingAProposalBlocklistsItsReleaseAndTheNextCheckProposesAnother() {
        peers.releasesByTitle.put("Berserk", List.of("Berserk Tome 01 FR CBZ", "Berserk Tome 01 FR"));
        kanzen.check(false, "Berserk");
        Proposal first = pending("Berserk");
        assertThat(first.releaseTitle()).isEqualTo("Berserk Tome 01 FR CBZ");

        Proposal rejected = kanzen.rejectProposal(first.id());
        assertThat(rejected.state()).isEqualTo(Proposal.State.REJECTED);
        assertThatThrownBy(() -> kanzen.rejectProposal(first.id())).isInstanceOf(KanzenException.class);

        kanzen.check(false, "Berserk");
        assertThat(kanzen.proposals()).singleElement().satisfies(p -> assertThat(p.releaseTitle()).isEqualTo("Berserk Tome 01 FR"));
        assertThat(peers.submitted).isEmpty();
        assertThat(kanzen.wanted(WantedSeries.Filter.ALL)).anyMatch(w -> w.title().equals("Berserk") && w.wanted().contains(1));
    }

    @Test
    void theDecidedProposalsAreListedNewestFirstWithACodeForWhy() {
        peers.releasesByTitle.put("One Piece", List.of("One Piece Tome 03 FR CBZ"));
        peers.releasesByTitle.put("Berserk", List.of("Berserk Tome 01 FR"));
        kanzen.check(false, null);
        Grab sent = kanzen.approveProposal(pending("One Piece").id());
        kanzen.rejectProposal(pending("Berserk").id());

        List<Proposal> decided = kanzen.decidedProposals(10);

        assertThat(decided).extracting(Proposal::seriesTitle).containsExactlyInAnyOrder("One Piece", "Berserk");
        assertThat(decided).filteredOn(p -> p.seriesTitle().equals("One Piece")).singleElement().satisfies(p -> {
            assertThat(p.state()).isEqualTo(Proposal.State.APPROVED);
            assertThat(p.reasonCode()).isEqualTo("approved");
            assertThat(p.grabId()).isEqualTo(sent.id());
        });
        assertThat(decided).filteredOn(p -> p.seriesTitle().equals("Berserk")).singleElement()
                .satisfies(p -> assertThat(p.reasonCode()).isEqualTo("rejected"));
        assertThat(kanzen.decidedProposals(1)).hasSize(1);
        assertThatThrownBy(() -> kanzen.decidedProposals(0)).isInstanceOf(KanzenException.class)
                .satisfies(e -> assertThat(((KanzenException) e).code()).isEqualTo("input.range"));
    }

    @Test
    void aVolumeOwnedSinceSupersedesItsProposalWithTheCodeOwned() throws Exception {
        peers.releasesByTitle.put("Berserk", List.of("Berserk Tome 01 FR"));
        kanzen.check(false, "Berserk");
        Files.write(root.resolve("Berserk/Berserk T01.cbz"), new byte[] {1});
        kanzen.scan(null);

        assertThat(kanzen.proposals()).isEmpty();
        assertThat(kanzen.decidedProposals(5)).singleElement().satisfies(p -> {
            assertThat(p.state()).isEqualTo(Proposal.State.SUPERSEDED);
            assertThat(p.reasonCode()).isEqualTo("owned");
        });
    }

    @Test
    void undoingARejectionUnblocksTheReleaseAndTheProposalIsPendingAgain() {
        peers.releasesByTitle.put("Berserk", List.of("Berserk Tome 01 FR"));
        kanzen.check(false, "Berserk");
        long id = pending("Berserk").id();
        kanzen.rejectProposal(id);
        kanzen.check(false, "Berserk");
        assertThat(kanzen.proposals()).as("its only release is blocklisted: nothing proposed").isEmpty();

        Proposal back = kanzen.unrejectProposal(id);

        assertThat(back.state()).isEqualTo(Proposal.State.PENDING);
        assertThat(back.reason()).isNull();
        assertThat(kanzen.proposals()).extracting(Proposal::id).containsExactly(id);
        assertThat(kanzen.history(true, 20)).anyMatch(e -> e.kind() == HistoryEvent.Kind.DOWNLOAD_CONTROL && e.message().contains("rejection undone"));
        assertThatThrownBy(() -> kanzen.unrejectProposal(id)).isInstanceOf(KanzenException.class)
                .satisfies(e -> assertThat(((KanzenException) e).code()).isEqualTo("proposal.notRejected"));

        kanzen.check(false, "Berserk");
        assertThat(kanzen.proposals()).as("found again by the next check: the same proposal").extracting(Proposal::id).containsExactly(id);
        kanzen.approveProposal(id);
        assertThat(peers.submitted).hasSize(1);
    }

    @Test
    void undoingARejectionWhenAnotherReleaseIsProposedForTheVolumeUnblocksItButKeepsTheOtherPending() {
        peers.releasesByTitle.put("Berserk", List.of("Berserk Tome 01 FR CBZ", "Berserk Tome 01 FR"));
        kanzen.check(false, "Berserk");
        long first = pending("Berserk").id();
        kanzen.rejectProposal(first);
        kanzen.check(false, "Berserk");
        long second = pending("Berserk").id();

        Proposal back = kanzen.unrejectProposal(first);

        assertThat(back.state()).isEqualTo(Proposal.State.SUPERSEDED);
        assertThat(back.reasonCode()).isEqualTo("rechosen");
        assertThat(kanzen.proposals()).extracting(Proposal::id).containsExactly(second);
        kanzen.check(false, "Berserk");
        assertThat(kanzen.proposals()).as("unblocked, the better release is chosen again by the next check").singleElement()
                .satisfies(p -> assertThat(p.releaseTitle()).isEqualTo("Berserk Tome 01 FR CBZ"));
    }

    @Test
    void anUnknownProposalIsSaidPlainly() {
        assertThatThrownBy(() -> kanzen.approveProposal(42)).isInstanceOf(KanzenException.class).hasMessage("no proposal with id 42");
        assertThatThrownBy(() -> kanzen.rejectProposal(42)).isInstanceOf(KanzenException.class).hasMessage("no proposal with id 42");
        assertThatThrownBy(() -> kanzen.unrejectProposal(42)).isInstanceOf(KanzenException.class).hasMessage("no proposal with id 42");
    }
}
