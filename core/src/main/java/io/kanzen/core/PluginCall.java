package io.kanzen.core;

import java.time.Duration;
import java.util.Locale;

/**
 * The kinds of call the host makes into a plugin instance, each under its own deadline. The defaults suit a peer
 * on the internet; an instance can have its own (see {@link Kanzen#setSourceDeadline} and {@link Kanzen#setClientDeadline}), stored with it by the host, not
 * as a plugin setting.
 */
public enum PluginCall {
    SEARCH(Duration.ofSeconds(60)),
    METADATA(Duration.ofSeconds(60)),
    /** A crawl of a forum (EBDZ): long by nature. */
    INDEX_REFRESH(Duration.ofMinutes(30)),
    SUBMIT(Duration.ofSeconds(30)),
    STATUS(Duration.ofSeconds(15)),
    /** Connection tests, setting choices, and the quick questions (capabilities, accepted links, creation). */
    TEST(Duration.ofSeconds(15));

    private final Duration defaultDeadline;

    PluginCall(Duration defaultDeadline) {
        this.defaultDeadline = defaultDeadline;
    }

    public Duration defaultDeadline() {
        return defaultDeadline;
    }

    /** The name users type: {@code search}, {@code index-refresh}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** By {@link #key()}, case and {@code _}/{@code -} aside. */
    public static PluginCall of(String key) {
        String k = key == null ? "" : key.strip().toUpperCase(Locale.ROOT).replace('-', '_');
        for (PluginCall c : values()) {
            if (c.name().equals(k)) {
                return c;
            }
        }
        throw new KanzenException("call.unknown", KanzenException.pairs("kind", key), "no call kind '" + key + "' (search, metadata, index-refresh, submit, status, test)");
    }
}
