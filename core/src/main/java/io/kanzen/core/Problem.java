package io.kanzen.core;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Something that went wrong and did not stop Kanzen (a source backed off, a client that did not answer, invalid
 * settings), typed so that a front end can say it in the user's language: a stable {@code code} (the web UI's text key
 * is {@code problem.<code>}), the {@code params} its text needs (names, dates, counts), and the English
 * {@code message} for logs, the CLI and any front end that does not know the code.
 *
 * <p>A problem about one series carries that series' title as the {@code series} parameter.
 */
public record Problem(String code, Map<String, String> params, String message) {
    /** The code of problems read from before codes existed (old check records): only their message is known. */
    public static final String UNTYPED = "other";

    public Problem {
        if (code == null || code.isBlank()) {
            throw new IllegalArgumentException("a problem needs a code");
        }
        Objects.requireNonNull(message, "message");
        params = params == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }

    /** A problem whose parameters are given as name, value pairs (values shown with {@code String.valueOf}). */
    public static Problem of(String code, String message, Object... nameValues) {
        return new Problem(code, KanzenException.pairs(nameValues), message);
    }

    /** A problem said by an exception: its code and parameters when it is a {@link KanzenException}, else by its kind. */
    public static Problem of(Throwable failure, String message) {
        return new Problem(KanzenException.codeOf(failure), KanzenException.paramsOf(failure), message);
    }

    /** This problem, about series {@code title}: its text is prefixed by the title, its parameters name it. */
    public Problem aboutSeries(String title) {
        Map<String, String> p = new LinkedHashMap<>(params);
        p.put("series", title);
        return new Problem(code, p, title + ": " + message);
    }

    /** The English messages of {@code problems}, for plain-text readers. */
    public static List<String> messages(List<Problem> problems) {
        return problems.stream().map(Problem::message).toList();
    }

    /** The English message: what the CLI and logs print. */
    @Override
    public String toString() {
        return message;
    }
}
