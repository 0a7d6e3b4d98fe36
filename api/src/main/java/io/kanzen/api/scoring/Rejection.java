package io.kanzen.api.scoring;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One reason a release was rejected, with a sentence for the user.
 *
 * <p>{@code message} is the English sentence (logs, the CLI). The host's own rejections also carry a stable
 * {@code code} for their detail and the {@code params} its text needs, so that a front end says it in the user's
 * language (the web UI's key is {@code rejection.<code>}); a scorer plugin's rejection has none (null).
 *
 * @param code   the detail's stable text code, or null for a rejection said only by {@code message}
 * @param params the values the code's text needs (names, volume numbers, sizes in bytes), in order
 */
public record Rejection(RejectionReason reason, String message, String code, Map<String, String> params) {
    public Rejection {
        Objects.requireNonNull(reason, "reason");
        if (message == null || message.isBlank()) {
            throw new IllegalArgumentException("a rejection explains itself");
        }
        code = code == null || code.isBlank() ? null : code;
        params = params == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }

    /** A rejection said only by its sentence. */
    public Rejection(RejectionReason reason, String message) {
        this(reason, message, null, Map.of());
    }
}
