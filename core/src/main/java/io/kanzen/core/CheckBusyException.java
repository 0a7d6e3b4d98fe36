package io.kanzen.core;

/**
 * A real check was asked for while another process on the same data directory runs one: nothing was started.
 * Front ends answer 409 or exit 1 with the message.
 */
public final class CheckBusyException extends KanzenException {
    private static final long serialVersionUID = 1L;

    public CheckBusyException(String message) {
        super(message);
    }

    @Override
    protected String fallbackCode() {
        return "check.busy";
    }
}
