package io.kanzen.api.notify;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What a notification is about. Each has a stable code, the word users write in a notifier's {@code events}
 * setting ({@code events=grabbed,imported,failed}).
 */
public enum NotificationType {
    /** A release was sent to a download client. */
    GRABBED("grabbed"),
    /** A finished download was moved into the library. */
    IMPORTED("imported"),
    /** A download failed, stalled, or could not be sent. */
    FAILED("failed"),
    /** A check ended with problems worth a look. */
    CHECK_PROBLEMS("check-problems"),
    /** The metadata source announced a new volume of a monitored series. */
    NEW_VOLUME("new-volume"),
    /** A source or a download client cannot be reached or refuses Kanzen. */
    PEER_DOWN("peer-down"),
    /** Asked by the user to check that the notifier works; always sent, whatever the events chosen. */
    TEST("test");

    private final String code;

    NotificationType(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** The type of a code, case-insensitive; empty for an unknown one. */
    public static Optional<NotificationType> ofCode(String code) {
        String c = code == null ? "" : code.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(t -> t.code.equals(c)).findFirst();
    }
}
