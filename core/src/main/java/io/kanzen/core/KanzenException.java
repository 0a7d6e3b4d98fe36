package io.kanzen.core;

/**
 * A failure the user can act on: its message says what went wrong and, when it can, what to do. Front ends
 * print the message, never the stack trace.
 */
public class KanzenException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public KanzenException(String message) {
        super(message);
    }

    public KanzenException(String message, Throwable cause) {
        super(message, cause);
    }
}
