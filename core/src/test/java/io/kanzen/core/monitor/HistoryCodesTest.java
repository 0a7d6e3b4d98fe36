package io.kanzen.core.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kanzen.api.DownloadState;
import io.kanzen.api.PluginException;
import io.kanzen.api.VolumeRange;
import io.kanzen.core.Grab;
import io.kanzen.core.HistoryCodes;
import io.kanzen.core.HistoryEvent;
import io.kanzen.core.Kanzen;
import io.kanzen.core.KanzenException;
import io.kanzen.core.MonitorConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each history event is stored with a stable code and the parameters its text needs (issue 14 point 1), in a real
 * SQLite file, and read back the same after a restart; events from before codes read with none.
 */
class HistoryCodesTest {
    @TempDir
    Path tmp;
    private final FakePeers peers = new FakePeers();
    private final Instant now = Instant.parse("2026-11-24T12:00:00Z");
    private Kanzen kanzen;
    private Path root;

    @BeforeEach
    void library() throws Exception {
        root = tmp.resolve("manga");
        for (String f : List.of("One Piece/One Piece T01.cbz", "One Piece/One Piece T02.cbz", "Berserk/Berserk T02.cbz")) {
            Files.createDirectories(root.resolve(f).getParent());
            Files.write(root.resolve(f), new byte[] {1});
        }
        kanzen = open();
        kanzen.addLibrary("Manga", root);
        kanzen.scan(null);
        kanzen.saveSource("releases", "releases", Map.of());
        kanzen.saveClient("client", "client", Map.of());
        kanzen.saveMonitorConfig(new MonitorConfig(true, "6h", true, true, List.of(), null, "vf", "fr", List.of("cbz", "cbr", "pdf", "epub", "zip", "rar"),
                false, 0, 24));
    }

    private Kanzen open() {
        return Kanzen.builder().dataDirectory(tmp.resolve("data")).clock(Clock.fixed(now, ZoneOffset.UTC)).classpathPlugins(false).plugin(peers).build();
    }

    @AfterEach
    void close() {
        kanzen.close();
    }

    private HistoryEvent last(String code) {
        return kanzen.history(null, 500).stream().filter(e -> code.equals(e.code())).findFirst()
                .orElseThrow(() -> new AssertionError("no event " + code + " in " + kanzen.history(null, 500)));
    }

    private static String hash(Grab g) {
        return g.link().substring(g.link().indexOf("btih:") + 5);
    }

    @Test
    void aSearchAndTheSendOfACheckAreStoredWithTheirCodesAndParameters() {
        peers.releasesByTitle.put("Berserk", List.of("Berserk Tome 01 FR"));
        kanzen.check(false, "Berserk");

        assertThat(last(HistoryCodes.SEARCHED).params()).containsEntry("series", "Berserk").containsEntry("source", "releases")
                .containsEntry("results", "1").containsKey("query");
        HistoryEvent sent = last(HistoryCodes.SENT);
        assertThat(sent.kind()).isEqualTo(HistoryEvent.Kind.GRAB);
        assertThat(sent.params()).containsEntry("series", "Berserk").containsEntry("volume", "1").containsEntry("client", "client")
                .containsEntry("source", "releases").containsEntry("release", "Berserk Tome 01 FR");
        assertThat(sent.message()).as("the English message stays for the CLI").isEqualTo("Berserk Tome 01 FR");
    }

    @Test
    void aFailingSourceIsStoredWithItsFailuresCodeTheSourceTheStepAndItsOwnSentenceAsDetail() {
        peers.sourceFailure = new PluginException(io.kanzen.api.ErrorKind.UNAVAILABLE, "releases does not answer at http://127.0.0.1:9 (is it running?)");
        kanzen.check(true, "Berserk");

        HistoryEvent failure = last("plugin.unavailable");
        assertThat(failure.kind()).isEqualTo(HistoryEvent.Kind.FAILURE);
        assertThat(failure.success()).isFalse();
        assertThat(failure.params()).containsEntry("name", "releases").containsEntry("series", "Berserk").containsEntry("step", HistoryCodes.STEP_SEARCH)
                .containsEntry("detail", "releases does not answer at http://127.0.0.1:9 (is it running?)");
    }

    @Test
    void aFailedDownloadAnImportAndTheActionsByHandAreStoredWithTheirCodes() throws Exception {
        peers.releasesByTitle.put("Berserk", List.of("Berserk Tome 01 FR", "Berserk Tome 01 FR (autre team)"));
        kanzen.check(false, "Berserk");
        Grab first = kanzen.downloads().get(0).grab();
        peers.states.put(hash(first), DownloadState.FAILED);
        kanzen.trackDownloads();

        HistoryEvent failed = last(HistoryCodes.DOWNLOAD_FAILED_BLOCKLISTED);
        assertThat(failed.kind()).isEqualTo(HistoryEvent.Kind.DOWNLOAD_FAILED);
        assertThat(failed.params()).containsEntry("series", "Berserk").containsEntry("client", "client").containsEntry("detail", "tracker error")
                .containsEntry("release", "Berserk Tome 01 FR");

        kanzen.check(false, "Berserk"); // the other release of volume 1
        Grab second = kanzen.downloads().stream().map(d -> d.grab()).filter(g -> g.state() == Grab.State.SENT).findFirst().orElseThrow();
        Path file = Files.createDirectories(tmp.resolve("downloads")).resolve("Berserk T01.cbz");
        Files.write(file, new byte[] {2});
        peers.contentPaths.put(hash(second), file.toString());
        peers.states.put(hash(second), DownloadState.COMPLETED);
        kanzen.trackDownloads();
        HistoryEvent imported = last(HistoryCodes.IMPORTED);
        assertThat(imported.kind()).isEqualTo(HistoryEvent.Kind.IMPORT);
        assertThat(imported.params()).containsEntry("series", "Berserk").containsEntry("placed", "1").containsEntry("skipped", "0")
                .containsEntry("folder", root.resolve("Berserk").toString());

        Grab byHand = kanzen.grab("client", "magnet:?xt=urn:btih:0123456789abcdef0123456789abcdef01234567", "One Piece", VolumeRange.of(3));
        assertThat(last(HistoryCodes.SENT_BY_HAND).params()).containsEntry("series", "One Piece").containsEntry("volume", "3")
                .containsEntry("client", "client");
        kanzen.cancelDownload(byHand.id());
        assertThat(last(HistoryCodes.CANCELLED).params()).containsEntry("series", "One Piece").containsEntry("volume", "3");
        kanzen.retryDownload(byHand.id());
        assertThat(last(HistoryCodes.RESENT).grabId()).isEqualTo(byHand.id());
        kanzen.blocklistDownload(byHand.id());
        assertThat(last(HistoryCodes.BLOCKLISTED).params()).containsEntry("client", "client");

        Grab unlinked = kanzen.grab("client", "magnet:?xt=urn:btih:89abcdef0123456789abcdef0123456789abcdef", "Vinland Saga", VolumeRange.of(2));
        assertThat(last(HistoryCodes.SENT_BY_HAND_UNLINKED).params()).containsEntry("series", "Vinland Saga");
        kanzen.linkDownload(unlinked.id(), "one piece", VolumeRange.of(3));
        assertThat(last(HistoryCodes.LINKED).params()).containsEntry("series", "One Piece").containsEntry("volume", "3");
    }

    @Test
    void rejectingTakingBackAndApprovingAProposalAreStoredWithTheirCodesAndTheRelease() {
        kanzen.saveMonitorConfig(new MonitorConfig(true, "6h", true, false, List.of(), null, "vf", "fr", List.of("cbz", "cbr", "pdf", "epub", "zip", "rar"),
                false, 0, 24));
        peers.releasesByTitle.put("Berserk", List.of("Berserk Tome 01 FR"));
        kanzen.check(false, "Berserk");
        long id = kanzen.proposals().get(0).id();

        kanzen.rejectProposal(id);
        assertThat(last(HistoryCodes.PROPOSAL_REJECTED).params()).containsEntry("series", "Berserk").containsEntry("release", "Berserk Tome 01 FR");
        kanzen.unrejectProposal(id);
        assertThat(last(HistoryCodes.PROPOSAL_UNREJECTED).params()).containsEntry("release", "Berserk Tome 01 FR").containsEntry("volume", "1");
        kanzen.approveProposal(id);
        assertThat(last(HistoryCodes.PROPOSAL_APPROVED).params()).containsEntry("release", "Berserk Tome 01 FR").containsEntry("client", "client");
    }

    @Test
    void aSendRefusedByTheHostIsStoredWithTheRefusalsCodeAndParameters() {
        assertThatThrownBy(() -> kanzen.grab("nowhere", "magnet:?xt=urn:btih:0123456789abcdef0123456789abcdef01234567", "One Piece", VolumeRange.of(3)))
                .isInstanceOf(KanzenException.class);
        HistoryEvent failure = kanzen.history(false, 10).get(0);
        assertThat(failure.code()).isNotNull().isNotEqualTo(KanzenException.GENERIC);
        assertThat(failure.params()).containsEntry("series", "One Piece").containsEntry("step", HistoryCodes.STEP_SEND);
    }

    @Test
    void everyEventACheckWritesHasACodeAndTheCodesSurviveARestart() {
        peers.releasesByTitle.put("One Piece", List.of("One Piece Tome 03 FR CBZ"));
        kanzen.check(false, null);
        List<HistoryEvent> before = kanzen.history(null, 500);
        assertThat(before).isNotEmpty().allSatisfy(e -> assertThat(e.code()).as(e.toString()).isNotBlank());

        kanzen.close();
        kanzen = open();

        assertThat(kanzen.history(null, 500)).extracting(HistoryEvent::code, HistoryEvent::params)
                .containsExactlyElementsOf(before.stream().map(e -> org.assertj.core.groups.Tuple.tuple(e.code(), e.params())).toList());
    }

    @Test
    void everyCodeOfHistoryCodesIsListedForTheFrontEndsThatGiveEachItsText() throws Exception {
        List<String> listed = new java.util.ArrayList<>(HistoryCodes.MESSAGES);
        listed.addAll(HistoryCodes.FAILURES);
        listed.addAll(HistoryCodes.STEPS);
        for (java.lang.reflect.Field f : HistoryCodes.class.getFields()) {
            if (f.getType() == String.class && java.lang.reflect.Modifier.isStatic(f.getModifiers())) {
                assertThat(listed).as(f.getName()).contains((String) f.get(null));
            }
        }
        assertThat(listed).doesNotHaveDuplicates();
    }

    @Test
    void anEventStoredBeforeCodesReadsWithoutCodeNorParametersAndKeepsItsMessage() throws Exception {
        kanzen.close();
        Path db;
        try (var files = Files.walk(tmp.resolve("data"))) {
            db = files.filter(p -> p.toString().endsWith(".db")).findFirst().orElseThrow();
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO history (at, kind, success, message) VALUES ('2026-11-01T10:00:00Z', 'FAILURE', 0, 'check failed: boom')");
        }
        kanzen = open();

        HistoryEvent old = kanzen.history(false, 10).get(0);
        assertThat(old.code()).isNull();
        assertThat(old.params()).isEmpty();
        assertThat(old.message()).isEqualTo("check failed: boom");
    }
}
