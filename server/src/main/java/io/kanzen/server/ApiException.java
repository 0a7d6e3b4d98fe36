package io.kanzen.server;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An HTTP error with its status, a stable {@code code} (the web UI's text key is {@code error.<code>}), the
 * {@code params} of its text and, for bad input, the field at fault: answered as JSON, never as a trace.
 */
final class ApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final int status;
    final String code;
    final Map<String, String> params;
    final String field;

    ApiException(int status, String code, Map<String, ?> params, String message, String field) {
        super(message);
        this.status = status;
        this.code = code;
        Map<String, String> p = new LinkedHashMap<>();
        if (params != null) {
            params.forEach((k, v) -> p.put(k, v == null ? "" : String.valueOf(v)));
        }
        this.params = java.util.Collections.unmodifiableMap(p);
        this.field = field;
    }

    /** Bad input in {@code field}: 400, with the field among the parameters. */
    static ApiException badInput(String field, String code, Map<String, ?> params, String message) {
        Map<String, Object> p = new LinkedHashMap<>();
        if (field != null) {
            p.put("field", field);
        }
        if (params != null) {
            p.putAll(params);
        }
        return new ApiException(400, code, p, message, field);
    }

    /**
     * An error without its own code yet: the code follows the status ({@code input.invalid}, {@code notFound},
     * {@code conflict}...) and the English sentence is its {@code detail}. Prefer a precise code for new errors.
     */
    ApiException(int status, String message, String field) {
        this(status, codeOf(status), Map.of("detail", message == null ? "" : message), message, field);
    }

    /** Bad input in {@code field} without its own code yet: {@code input.invalid}, the sentence as {@code detail}. */
    static ApiException badInput(String field, String message) {
        return badInput(field, "input.invalid", Map.of("detail", message == null ? "" : message), message);
    }

    private static String codeOf(int status) {
        return switch (status) {
            case 400 -> "input.invalid";
            case 401 -> "auth.required";
            case 403 -> "forbidden";
            case 404 -> "notFound";
            case 409 -> "conflict";
            case 429 -> "throttled";
            case 502, 503 -> "peer.unavailable";
            default -> "error";
        };
    }
}
