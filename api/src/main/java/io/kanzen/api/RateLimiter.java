package io.kanzen.api;

/**
 * The host's politeness gate for one peer. Every network call of a plugin goes through
 * {@link #acquire()} first; the host decides the pace (and slows it after errors).
 */
public interface RateLimiter {
    /**
     * Blocks until the next call may be made.
     *
     * @throws PluginException of kind {@link ErrorKind#UNAVAILABLE} when the waiting thread is interrupted
     */
    void acquire();

    /** A limiter that never waits, for tests and for peers on loopback. */
    static RateLimiter unlimited() {
        return () -> {};
    }
}
