package io.kanzen.core;

/** A setting the user gave that cannot be taken: {@link #field()} names it, so a form can point at it. */
public class InvalidSettingException extends KanzenException {
    private static final long serialVersionUID = 1L;

    private final String field;

    public InvalidSettingException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
