package io.kanzen.core.internal.notify;

import io.kanzen.api.VolumeRange;
import io.kanzen.api.notify.NotificationType;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * Something that happened, before it is written for anyone: {@link NotificationTexts} writes it in each notifier's
 * language.
 *
 * @param series the series concerned, or null
 * @param volume the volume or volumes concerned, or null
 * @param source the source concerned, or null
 * @param client the download client concerned, or null
 * @param detail what the history says of it (a release title, an error), or null
 * @param date   for a new volume, the day it is announced for; null for one already out
 */
public record NotificationEvent(
        NotificationType type, String series, VolumeRange volume, String source, String client, String detail, LocalDate date, Instant at) {
    public NotificationEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(at, "at");
    }
}
