package io.kanzen.core.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.kanzen.api.DownloadState;
import io.kanzen.api.ErrorKind;
import io.kanzen.api.PluginException;
import io.kanzen.api.notify.Notification;
import io.kanzen.api.notify.NotificationType;
import io.kanzen.api.source.EditionInfo;
import io.kanzen.core.ConfiguredInstance;
import io.kanzen.core.HistoryEvent;
import io.kanzen.core.Kanzen;
import io.kanzen.core.KanzenException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Notifications over the real monitor: a real SQLite file, a library on disk, hand-written peers and notifiers. */
class NotificationsTest {
    @TempDir
    Path tmp;
    private final FakePeers peers = new FakePeers();
    private final FakeNotifiers notifiers = new FakeNotifiers();
    private final MovableClock clock = new MovableClock(Instant.parse("2026-11-24T12:00:00Z"));
    private Kanzen kanzen;
    private Path root;

    /** A clock a test moves forward, so that cached metadata grows old. */
    static final class MovableClock extends Clock {
        private volatile Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @BeforeEach
    void library() throws Exception {
        root = tmp.resolve("manga");
        for (String f : List.of("Berserk/Berserk T02.cbz")) {
            Files.createDirectories(root.resolve(f).getParent());
            Files.write(root.resolve(f), new byte[] {1});
        }
        kanzen = open();
        kanzen.addLibrary("Manga", root);
        kanzen.scan(null);
        kanzen.saveSource("releases", "releases", Map.of());
        kanzen.saveClient("client", "client", Map.of());
        // automatic downloads are off on a first start: these tests are about what a sent grab tells
        kanzen.saveMonitorConfig(new io.kanzen.core.MonitorConfig(true, "6h", true, true, List.of(), null, "vf", "fr",
                List.of("cbz", "cbr", "pdf", "epub", "zip", "rar"), false, 0, 24));
    }

    private Kanzen open() {
        return Kanzen.builder().dataDirectory(tmp.resolve("data")).clock(clock).classpathPlugins(false).plugin(peers).plugin(notifiers)
                .notificationDeadline(Duration.ofSeconds(2)).build();
    }

    @AfterEach
    void close() {
        notifiers.release.countDown();
        kanzen.close();
    }

    private List<Notification> inbox(String name) {
        return notifiers.inbox(name);
    }

    private String sendBerserkAndImportIt() throws Exception {
        peers.releasesByTitle.put("Berserk", List.of("Berserk Tome 01 FR"));
        kanzen.check(false, "Berserk");
        String hash = peers.submitted.get(0).link().substring(peers.submitted.get(0).link().indexOf("btih:") + 5);
        Path downloaded = Files.createDirectories(tmp.resolve("downloads")).resolve("Berserk T01.cbz");
        Files.write(downloaded, new byte[] {2});
        peers.contentPaths.put(hash, downloaded.toString());
        peers.states.put(hash, DownloadState.COMPLETED);
        kanzen.trackDownloads();
        return hash;
    }

    @Test
    void a_grab_and_an_import_each_produce_one_notification_in_french_by_default() throws Exception {
        kanzen.saveNotifier("phone", "recorder", Map.of("inbox", "phone"));

        sendBerserkAndImportIt();

        await().atMost(Duration.ofSeconds(5)).until(() -> inbox("phone").size() >= 2);
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> inbox("phone").size() == 2);
        assertThat(inbox("phone")).extracting(Notification::type).containsExactly(NotificationType.GRABBED, NotificationType.IMPORTED);
        Notification grabbed = inbox("phone").get(0);
        assertThat(grabbed.title()).isEqualTo("Envoyé : Berserk tome 1");
        assertThat(grabbed.message()).contains("Berserk Tome 01 FR").contains("Client : client");
        assertThat(grabbed.language()).isEqualTo("fr");
        assertThat(inbox("phone").get(1).title()).isEqualTo("Importé : Berserk tome 1");
    }

    @Test
    void what_is_on_its_way_when_kanzen_closes_is_still_sent() throws Exception {
        kanzen.saveNotifier("phone", "recorder", Map.of("inbox", "phone"));

        sendBerserkAndImportIt();
        kanzen.close(); // a one-shot command exits right after its work

        assertThat(inbox("phone")).extracting(Notification::type).containsExactly(NotificationType.GRABBED, NotificationType.IMPORTED);
        kanzen = open(); // for the common closing
    }

    @Test
    void a_notifier_hears_only_the_events_it_chose_and_in_its_language() throws Exception {
        kanzen.saveNotifier("shelf", "recorder", Map.of("inbox", "shelf", "events", "imported", "language", "en"));

        sendBerserkAndImportIt();

        await().atMost(Duration.ofSeconds(5)).until(() -> inbox("shelf").size() >= 1);
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> inbox("shelf").size() == 1);
        assertThat(inbox("shelf").get(0).title()).isEqualTo("Imported: Berserk volume 1");
    }

    @Test
    void a_notifier_that_never_answers_holds_up_no_check_and_its_failure_is_recorded_not_notified() throws Exception {
        kanzen.saveNotifier("slow", "hung", Map.of("inbox", "slow"));
        kanzen.saveNotifier("phone", "recorder", Map.of("inbox", "phone"));

        assertTimeoutPreemptively(Duration.ofSeconds(5), this::sendBerserkAndImportIt);

        await().atMost(Duration.ofSeconds(10)).until(() -> notifierFailures().size() >= 2);
        assertThat(notifierFailures()).allMatch(e -> e.message().startsWith("notifier slow: ") && e.message().contains("no answer within"));
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> inbox("phone").size() == 2);
        assertThat(inbox("phone")).extracting(Notification::type).containsExactly(NotificationType.GRABBED, NotificationType.IMPORTED);
    }

    @Test
    void a_notifier_that_fails_is_recorded_once_per_message_and_the_check_goes_on() throws Exception {
        kanzen.saveNotifier("bad", "broken", Map.of("inbox", "bad"));

        sendBerserkAndImportIt();

        assertThat(kanzen.downloads()).hasSize(1);
        await().atMost(Duration.ofSeconds(5)).until(() -> notifierFailures().size() >= 2);
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> notifierFailures().size() == 2);
        assertThat(notifierFailures()).extracting(HistoryEvent::message)
                .containsExactlyInAnyOrder("notifier bad: grabbed: the service refused the token", "notifier bad: imported: the service refused the token");
    }

    @Test
    void a_failing_source_is_told_once_and_not_again_at_the_next_check() {
        kanzen.saveNotifier("phone", "recorder", Map.of("inbox", "phone", "events", "peer-down,check-problems"));
        peers.sourceFailure = new PluginException(ErrorKind.UNAVAILABLE, "Prowlarr does not answer");

        kanzen.check(false, null);
        await().atMost(Duration.ofSeconds(5)).until(() -> inbox("phone").size() >= 2);
        clock.advance(Duration.ofHours(1));
        kanzen.check(false, null); // the same problems again, within the quiet time

        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> inbox("phone").size() == 2);
        assertThat(inbox("phone")).extracting(Notification::type)
                .containsExactlyInAnyOrder(NotificationType.PEER_DOWN, NotificationType.CHECK_PROBLEMS);
        Notification down = inbox("phone").stream().filter(n -> n.type() == NotificationType.PEER_DOWN).findFirst().orElseThrow();
        assertThat(down.title()).isEqualTo("Source en échec : releases");
        assertThat(down.message()).isEqualTo("Prowlarr does not answer");
    }

    @Test
    void a_new_french_volume_announced_by_the_metadata_source_is_told_but_not_on_the_first_read() {
        kanzen.saveSource("meta", "meta", Map.of());
        kanzen.saveNotifier("phone", "recorder", Map.of("inbox", "phone", "events", "new-volume"));
        peers.metadataByTitle.put("Berserk", FakePeers.metadata("Berserk", 42, 41, null));
        kanzen.check(true, "Berserk");

        peers.metadataByTitle.put("Berserk", FakePeers.metadata("Berserk", 42, 41, new EditionInfo.VolumeDate(42, LocalDate.of(2026, 12, 3))));
        clock.advance(Duration.ofDays(2)); // the cached metadata is old: it is read again
        kanzen.check(true, "Berserk");

        await().atMost(Duration.ofSeconds(5)).until(() -> inbox("phone").size() >= 1);
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> inbox("phone").size() == 1);
        assertThat(inbox("phone").get(0).title()).isEqualTo("Nouveau tome : Berserk tome 42");
        assertThat(inbox("phone").get(0).message()).isEqualTo("Sortie prévue le 3 décembre 2026");
    }

    @Test
    void a_test_is_sent_whatever_the_events_chosen_and_a_failing_one_says_why() {
        kanzen.saveNotifier("phone", "recorder", Map.of("inbox", "phone", "events", "imported"));
        kanzen.saveNotifier("bad", "broken", Map.of("inbox", "bad"));

        kanzen.testNotifier("PHONE");

        assertThat(inbox("phone")).singleElement().satisfies(n -> {
            assertThat(n.type()).isEqualTo(NotificationType.TEST);
            assertThat(n.message()).contains("« phone »");
        });
        assertThatThrownBy(() -> kanzen.testNotifier("bad")).isInstanceOf(KanzenException.class).hasMessage("bad: the service refused the token");
        assertThatThrownBy(() -> kanzen.testNotifier("none")).isInstanceOf(KanzenException.class).hasMessageContaining("no notifier named 'none'");
    }

    @Test
    void a_hung_test_gives_up_at_the_deadline() {
        kanzen.saveNotifier("slow", "hung", Map.of("inbox", "slow"));
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> assertThatThrownBy(() -> kanzen.testNotifier("slow"))
                .isInstanceOf(KanzenException.class).hasMessageContaining("no answer within"));
    }

    @Test
    void settings_are_checked_in_words_and_secrets_are_stored_sealed_and_shown_masked() throws Exception {
        assertThatThrownBy(() -> kanzen.saveNotifier("x", "recorder", Map.of("inbox", "x", "events", "grabbed,teleported")))
                .isInstanceOf(KanzenException.class).hasMessageContaining("unknown event(s) teleported").hasMessageContaining("new-volume");
        assertThatThrownBy(() -> kanzen.saveNotifier("x", "recorder", Map.of("inbox", "x", "language", "de")))
                .isInstanceOf(KanzenException.class).hasMessageContaining("fr or en");
        assertThatThrownBy(() -> kanzen.saveNotifier("x", "recorder", Map.of("inbox", "two words")))
                .isInstanceOf(KanzenException.class).hasMessage("recorder settings: an inbox name has no spaces");
        assertThat(kanzen.notifiers()).isEmpty(); // nothing stored
        assertThatThrownBy(() -> kanzen.saveNotifier("x", "pigeon", Map.of()))
                .isInstanceOf(KanzenException.class).hasMessageContaining("installed: ");

        ConfiguredInstance saved = kanzen.saveNotifier("phone", "recorder", Map.of("inbox", "phone", "token", "s3cr3t-t0ken"));

        assertThat(saved.settings()).containsEntry("token", ConfiguredInstance.MASK).containsEntry("language", "fr");
        assertThat(kanzen.notifiers()).singleElement().satisfies(c -> assertThat(c.settings().values()).doesNotContain("s3cr3t-t0ken"));
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + kanzen.databaseFile());
                ResultSet r = c.createStatement().executeQuery("SELECT settings FROM notifier_instance")) {
            assertThat(r.next()).isTrue();
            assertThat(r.getString(1)).doesNotContain("s3cr3t-t0ken").contains("\"inbox\":\"phone\"");
        }
        kanzen.removeNotifier("phone");
        assertThat(kanzen.notifiers()).isEmpty();
    }

    private List<HistoryEvent> notifierFailures() {
        return kanzen.history(false, 100).stream().filter(e -> e.query() != null && e.query().startsWith("notifier ")).toList();
    }
}
