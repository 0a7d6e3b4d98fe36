package io.kanzen.api;

/**
 * The host refused to fetch a URL (a private address that is no configured peer, a scheme other than http(s)):
 * nothing was sent. Its kind is {@link ErrorKind#CONFIGURATION}: retrying will not help, the URL must change.
 */
public final class OutboundRefusedException extends PluginException {
    private static final long serialVersionUID = 1L;

    public OutboundRefusedException(String message) {
        super(ErrorKind.CONFIGURATION, message);
    }
}
