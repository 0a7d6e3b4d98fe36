package io.kanzen.server;

/** An HTTP error with its status and, for bad input, the field at fault: answered as JSON, never as a trace. */
final class ApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final int status;
    final String field;

    ApiException(int status, String message, String field) {
        super(message);
        this.status = status;
        this.field = field;
    }

    static ApiException badInput(String field, String message) {
        return new ApiException(400, message, field);
    }
}
