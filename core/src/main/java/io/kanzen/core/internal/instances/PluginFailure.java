package io.kanzen.core.internal.instances;

import io.kanzen.api.ErrorKind;
import io.kanzen.api.PluginException;

/**
 * A plugin call that the host ended: past its deadline ({@link Code#PLUGIN_TIMEOUT}), or because the plugin threw
 * something other than a {@link PluginException} ({@link Code#PLUGIN_CRASH}). It is a {@link PluginException}, so
 * every caller that already handles a peer's failure (history, problems, backoff) handles these the same way.
 */
public final class PluginFailure extends PluginException {
    private static final long serialVersionUID = 1L;

    /** Stable codes, for front ends that translate messages. */
    public enum Code {
        PLUGIN_TIMEOUT, PLUGIN_CRASH
    }

    private final Code code;

    PluginFailure(Code code, String message, Throwable cause) {
        super(code == Code.PLUGIN_TIMEOUT ? ErrorKind.UNAVAILABLE : ErrorKind.BAD_RESPONSE, message, cause);
        this.code = code;
    }

    public Code code() {
        return code;
    }

    public boolean timedOut() {
        return code == Code.PLUGIN_TIMEOUT;
    }
}
