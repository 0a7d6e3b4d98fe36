package io.kanzen.core.internal.notify;

import io.kanzen.api.notify.NotificationType;
import io.kanzen.core.HistoryEvent;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Which history events are worth telling the user, and as what. One row per history kind: a new kind (a stalled
 * download) is notified once it has a row here; a kind without one is never notified.
 */
final class HistoryNotifications {
    private static final Map<HistoryEvent.Kind, Function<HistoryEvent, Optional<NotificationType>>> TABLE = new EnumMap<>(HistoryEvent.Kind.class);

    static {
        // searches are routine: their failures arrive as FAILURE rows
        TABLE.put(HistoryEvent.Kind.SEARCH, e -> Optional.empty());
        TABLE.put(HistoryEvent.Kind.GRAB, e -> Optional.of(e.success() ? NotificationType.GRABBED : NotificationType.FAILED));
        TABLE.put(HistoryEvent.Kind.IMPORT, e -> Optional.of(e.success() ? NotificationType.IMPORTED : NotificationType.FAILED));
        TABLE.put(HistoryEvent.Kind.FAILURE, HistoryNotifications::failure);
        // the download loop's outcomes: an import that cannot be done, a download lost or stalled (each said once)
        TABLE.put(HistoryEvent.Kind.IMPORT_FAILED, e -> Optional.of(NotificationType.FAILED));
        TABLE.put(HistoryEvent.Kind.DOWNLOAD_FAILED, e -> Optional.of(NotificationType.FAILED));
        TABLE.put(HistoryEvent.Kind.STALLED, e -> Optional.of(NotificationType.FAILED));
        // what the user did by hand is not news to them
        TABLE.put(HistoryEvent.Kind.DOWNLOAD_CONTROL, e -> Optional.empty());
    }

    private HistoryNotifications() {}

    /** The notification an event calls for, if any. */
    static Optional<NotificationEvent> of(HistoryEvent e) {
        Function<HistoryEvent, Optional<NotificationType>> row = TABLE.get(e.kind());
        if (row == null) {
            return Optional.empty();
        }
        return row.apply(e).map(type -> new NotificationEvent(type, e.seriesTitle(), e.volume(), e.source(), e.client(), e.message(), null, e.at()));
    }

    /**
     * A failure that names a client is about a download (it failed, or could not be sent); one that names only a
     * source is that source failing (a search, a metadata read, an index refresh); any other is not for notifiers.
     */
    private static Optional<NotificationType> failure(HistoryEvent e) {
        if (e.client() != null) {
            return Optional.of(NotificationType.FAILED);
        }
        if (e.source() != null) {
            return Optional.of(NotificationType.PEER_DOWN);
        }
        return Optional.empty();
    }
}
