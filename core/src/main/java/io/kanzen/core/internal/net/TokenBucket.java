package io.kanzen.core.internal.net;

import io.kanzen.api.ErrorKind;
import io.kanzen.api.PluginException;
import io.kanzen.api.RateLimiter;

/**
 * A rate limiter for one peer: up to {@code burst} calls at once, then {@code perSecond} calls a second on average.
 * Threads wait their turn in order of arrival.
 */
public final class TokenBucket implements RateLimiter {
    interface Sleeper {
        void sleepNanos(long nanos) throws InterruptedException;
    }

    interface Ticker {
        long nanos();
    }

    private final double perSecond;
    private final double burst;
    private final Ticker ticker;
    private final Sleeper sleeper;
    private double tokens;
    private long last;

    public TokenBucket(double perSecond, int burst) {
        this(perSecond, burst, System::nanoTime, nanos -> Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000)));
    }

    TokenBucket(double perSecond, int burst, Ticker ticker, Sleeper sleeper) {
        if (perSecond <= 0 || burst < 1) {
            throw new IllegalArgumentException("a rate is positive and a burst at least 1");
        }
        this.perSecond = perSecond;
        this.burst = burst;
        this.ticker = ticker;
        this.sleeper = sleeper;
        this.tokens = burst;
        this.last = ticker.nanos();
    }

    @Override
    public synchronized void acquire() {
        refill();
        if (tokens < 1) {
            long waitNanos = (long) Math.ceil((1 - tokens) / perSecond * 1e9);
            try {
                sleeper.sleepNanos(waitNanos);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new PluginException(ErrorKind.UNAVAILABLE, "interrupted while waiting for the rate limit", e);
            }
            refill();
        }
        tokens -= 1;
    }

    double perSecond() {
        return perSecond;
    }

    private void refill() {
        long now = ticker.nanos();
        tokens = Math.min(burst, tokens + (now - last) / 1e9 * perSecond);
        last = now;
    }

    /** The limiter for a peer named by {@code key} (a host, or host:port): loopback peers are ours and go faster. */
    public static TokenBucket forPeer(String key, double remotePerSecond) {
        String k = key == null ? "" : key.toLowerCase(java.util.Locale.ROOT);
        boolean loopback = k.startsWith("127.") || k.startsWith("localhost") || k.startsWith("[::1]") || k.startsWith("::1");
        return loopback ? new TokenBucket(50, 50) : new TokenBucket(remotePerSecond, 4);
    }
}
