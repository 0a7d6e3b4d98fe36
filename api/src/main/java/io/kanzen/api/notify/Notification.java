package io.kanzen.api.notify;

import io.kanzen.api.VolumeRange;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * One message for the user, already written by the host in the notifier's language: a notifier only carries it to
 * its service. The structured fields are there for services that show them apart (an embed's fields, a mail's
 * subject line).
 *
 * @param title    a short line, such as {@code Envoyé : One Piece tome 3}
 * @param message  the body, plain text, possibly several lines
 * @param series   the series concerned, or null
 * @param volume   the volume or volumes concerned, or null
 * @param language the language the texts are written in: {@code fr} or {@code en}
 */
public record Notification(NotificationType type, String title, String message, Instant at, String series, VolumeRange volume, String language) {
    /** The languages the host writes notifications in. */
    public static final Set<String> LANGUAGES = Set.of("fr", "en");

    public Notification {
        Objects.requireNonNull(type, "type");
        if (title == null || title.isBlank()) {
            throw new IllegalArgumentException("a notification has a title");
        }
        message = message == null ? "" : message;
        Objects.requireNonNull(at, "at");
        if (!LANGUAGES.contains(language)) {
            throw new IllegalArgumentException("a notification is written in fr or en, not '" + language + "'");
        }
    }

    /** Title and message as one text, for services that take a single one (Telegram, a webhook's {@code text}). */
    public String text() {
        return message.isEmpty() ? title : title + "\n" + message;
    }
}
