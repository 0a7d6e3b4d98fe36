package io.kanzen.core;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A setting the user gave that cannot be taken: {@link #field()} names it, so a form can point at it. Its code is
 * {@code setting.invalid} unless a more precise one was given; its parameters always hold the {@code field}.
 */
public class InvalidSettingException extends KanzenException {
    private static final long serialVersionUID = 1L;

    private final String field;

    public InvalidSettingException(String field, String message) {
        super(null, Map.of("field", field == null ? "" : field, "detail", message), message);
        this.field = field;
    }

    /** A refused setting with its own code; {@code field} is added to the parameters. */
    public InvalidSettingException(String field, String code, Map<String, ?> params, String message) {
        super(code, withField(field, params), message);
        this.field = field;
    }

    public String field() {
        return field;
    }

    @Override
    protected String fallbackCode() {
        return "setting.invalid";
    }

    private static Map<String, Object> withField(String field, Map<String, ?> params) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("field", field == null ? "" : field);
        if (params != null) {
            p.putAll(params);
        }
        return p;
    }
}
