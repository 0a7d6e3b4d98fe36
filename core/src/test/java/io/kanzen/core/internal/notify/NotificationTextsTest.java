package io.kanzen.core.internal.notify;

import static org.assertj.core.api.Assertions.assertThat;

import io.kanzen.api.VolumeRange;
import io.kanzen.api.notify.Notification;
import io.kanzen.api.notify.NotificationType;
import io.kanzen.core.HistoryEvent;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class NotificationTextsTest {
    private static final Instant AT = Instant.parse("2026-11-24T12:00:00Z");

    private static NotificationEvent event(NotificationType type, String detail) {
        return new NotificationEvent(type, "Blue Lock", VolumeRange.of(12, 13), "prowlarr", null, detail, null, AT);
    }

    @ParameterizedTest
    @EnumSource(NotificationType.class)
    void every_type_has_a_french_and_an_english_text(NotificationType type) {
        Notification fr = NotificationTexts.write(event(type, "détail"), "fr");
        Notification en = NotificationTexts.write(event(type, "detail"), "en");
        assertThat(fr.title()).isNotBlank().isNotEqualTo(en.title());
        assertThat(fr.language()).isEqualTo("fr");
        assertThat(en.language()).isEqualTo("en");
        assertThat(fr.type()).isEqualTo(type);
    }

    @Test
    void volumes_read_as_people_write_them() {
        assertThat(NotificationTexts.write(event(NotificationType.FAILED, "tracker error"), "fr").title()).isEqualTo("Échec : Blue Lock tomes 12-13");
        assertThat(NotificationTexts.write(event(NotificationType.FAILED, "tracker error"), "en").title()).isEqualTo("Failed: Blue Lock volumes 12-13");
    }

    @Test
    void a_new_volume_says_its_date_or_that_it_is_out() {
        NotificationEvent announced = new NotificationEvent(NotificationType.NEW_VOLUME, "Blue Lock", VolumeRange.of(30), null, null, null,
                LocalDate.of(2027, 1, 8), AT);
        assertThat(NotificationTexts.write(announced, "fr").message()).isEqualTo("Sortie prévue le 8 janvier 2027");
        assertThat(NotificationTexts.write(announced, "en").message()).isEqualTo("Expected on January 8, 2027");
        NotificationEvent out = new NotificationEvent(NotificationType.NEW_VOLUME, "Blue Lock", VolumeRange.of(30), null, null, null, null, AT);
        assertThat(NotificationTexts.write(out, "fr").message()).isEqualTo("Paru en français");
    }

    @Test
    void the_history_table_tells_downloads_from_failing_sources_and_leaves_searches_out() {
        HistoryEvent search = new HistoryEvent(1, AT, HistoryEvent.Kind.SEARCH, true, 1L, "Blue Lock", "prowlarr", null, "Blue Lock", 3, null, null);
        HistoryEvent download = new HistoryEvent(2, AT, HistoryEvent.Kind.FAILURE, false, 1L, "Blue Lock", "prowlarr", "qbittorrent", null, null,
                VolumeRange.of(12), "download failed (tracker error): release blocklisted");
        HistoryEvent source = new HistoryEvent(3, AT, HistoryEvent.Kind.FAILURE, false, 1L, "Blue Lock", "prowlarr", null, "Blue Lock", null, null,
                "Prowlarr does not answer");
        HistoryEvent other = new HistoryEvent(4, AT, HistoryEvent.Kind.FAILURE, false, null, null, null, null, "notifier x", null, null, "boom");

        assertThat(HistoryNotifications.of(search)).isEmpty();
        assertThat(HistoryNotifications.of(download).map(NotificationEvent::type)).contains(NotificationType.FAILED);
        assertThat(HistoryNotifications.of(source).map(NotificationEvent::type)).contains(NotificationType.PEER_DOWN);
        assertThat(HistoryNotifications.of(other)).isEqualTo(Optional.empty());
    }
}
