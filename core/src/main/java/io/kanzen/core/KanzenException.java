package io.kanzen.core;

import io.kanzen.api.ErrorKind;
import io.kanzen.api.PluginException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A failure the user can act on: its message says what went wrong and, when it can, what to do. Front ends
 * print the message, never the stack trace.
 *
 * <p>It also carries a stable {@link #code()} and the {@link #params()} its text needs, so that a front end can say
 * it in the user's language (the web UI's text key is {@code error.<code>}). A failure thrown without a code gets the
 * code of its plugin failure ({@code plugin.unavailable}...) or of its class ({@link #GENERIC}): none is code-less.
 */
public class KanzenException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    /** The code of a failure nobody gave a more precise one. */
    public static final String GENERIC = "failed";

    private final String code;
    private final Map<String, String> params;

    public KanzenException(String message) {
        this(null, null, message, null);
    }

    public KanzenException(String message, Throwable cause) {
        this(null, null, message, cause);
    }

    /** A failure with its stable code and the parameters its text needs. */
    public KanzenException(String code, Map<String, ?> params, String message) {
        this(code, params, message, null);
    }

    public KanzenException(String code, Map<String, ?> params, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
        this.params = params == null ? Map.of() : stringValues(params);
    }

    /** The failure of plugin instance {@code name}: coded by its kind ({@code plugin.unavailable}...), with its detail. */
    public static KanzenException plugin(String name, PluginException e) {
        return new KanzenException(pluginCode(e), pairs("name", name, "detail", e.getMessage()), name + ": " + e.getMessage(), e);
    }

    /** The stable code: the one given, else the one of the plugin failure it wraps, else the one of its class. */
    public String code() {
        if (code != null) {
            return code;
        }
        if (getCause() instanceof PluginException p) {
            return pluginCode(p);
        }
        return fallbackCode();
    }

    /** What the text of the code needs (names, values, dates); the detail of a wrapped plugin failure when none was given. */
    public Map<String, String> params() {
        if (params.isEmpty() && code == null) {
            return Map.of("detail", getMessage() == null ? "" : getMessage());
        }
        return params;
    }

    /** The code of a class of failures, for the ones thrown without one. */
    protected String fallbackCode() {
        return GENERIC;
    }

    /** {@code plugin.timeout} or {@code plugin.crash} for a call the host ended, else {@link #pluginCode(ErrorKind)}. */
    public static String pluginCode(PluginException e) {
        if (e instanceof io.kanzen.core.internal.instances.PluginFailure f) {
            return f.timedOut() ? "plugin.timeout" : "plugin.crash";
        }
        return pluginCode(e.kind());
    }

    /** {@code plugin.<kind>} in camel case: {@code plugin.rateLimited}, {@code plugin.badResponse}. */
    public static String pluginCode(ErrorKind kind) {
        String[] words = kind.name().toLowerCase(Locale.ROOT).split("_");
        StringBuilder b = new StringBuilder("plugin.").append(words[0]);
        for (int i = 1; i < words.length; i++) {
            b.append(Character.toUpperCase(words[i].charAt(0))).append(words[i].substring(1));
        }
        return b.toString();
    }

    /** The code of any failure: a {@link KanzenException}'s, a plugin failure's by kind, else {@link #GENERIC}. */
    public static String codeOf(Throwable t) {
        if (t instanceof KanzenException k) {
            return k.code();
        }
        if (t instanceof PluginException p) {
            return pluginCode(p);
        }
        return GENERIC;
    }

    /** The parameters of any failure; a foreign one's message as {@code detail}. */
    public static Map<String, String> paramsOf(Throwable t) {
        if (t instanceof KanzenException k) {
            return k.params();
        }
        return Map.of("detail", t == null || t.getMessage() == null ? String.valueOf(t) : t.getMessage());
    }

    /** Name, value pairs as an ordered map of texts (null values as empty texts). */
    public static Map<String, String> pairs(Object... nameValues) {
        if (nameValues.length % 2 != 0) {
            throw new IllegalArgumentException("params come in name, value pairs");
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < nameValues.length; i += 2) {
            out.put(String.valueOf(nameValues[i]), nameValues[i + 1] == null ? "" : String.valueOf(nameValues[i + 1]));
        }
        return Collections.unmodifiableMap(out);
    }

    private static Map<String, String> stringValues(Map<String, ?> in) {
        Map<String, String> out = new LinkedHashMap<>();
        in.forEach((k, v) -> out.put(k, v == null ? "" : String.valueOf(v)));
        return Collections.unmodifiableMap(out);
    }
}
