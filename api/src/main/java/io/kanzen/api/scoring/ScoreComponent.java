package io.kanzen.api.scoring;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One line of a score's breakdown: {@code +40 series: title matches "One Piece" exactly}.
 *
 * <p>{@code why} is the English sentence (logs, the CLI). The host's own parts also carry a stable {@code code} and the
 * {@code params} its text needs, so that a front end says the part in the user's language (the web UI's key is
 * {@code score.<code>}). A scorer plugin's part has no code (null): its {@code why} is shown as its author wrote it.
 *
 * @param code   the part's stable text code, or null for a part said only by {@code why}
 * @param params the values the code's text needs (names, volume numbers, sizes in bytes), in order
 */
public record ScoreComponent(String name, int points, String why, String code, Map<String, String> params) {
    public ScoreComponent {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a score component has a name");
        }
        why = why == null ? "" : why;
        code = code == null || code.isBlank() ? null : code;
        params = params == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }

    /** A part said only by its sentence: what scorer plugins written before codes existed give. */
    public ScoreComponent(String name, int points, String why) {
        this(name, points, why, null, Map.of());
    }
}
