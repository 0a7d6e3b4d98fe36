package io.kanzen.client.amule;

/** The peer sent bytes that are not the EC protocol; the connection cannot be trusted after it. */
final class EcProtocolException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    EcProtocolException(String message) {
        super(message);
    }
}
