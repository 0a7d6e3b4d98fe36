package io.kanzen.api;

import io.kanzen.api.client.DownloadClientFactory;
import io.kanzen.api.notify.NotifierFactory;
import io.kanzen.api.scoring.ScorerFactory;
import io.kanzen.api.source.SourceFactory;
import java.util.List;

/**
 * The entry point of a plugin JAR, listed in {@code META-INF/services/io.kanzen.api.Plugin}.
 * A plugin only hands out factories; the host decides when to create sources, clients and notifiers and with which
 * configuration.
 */
public interface Plugin {
    /** A unique kebab-case name, such as {@code prowlarr}. */
    String name();

    /** Must return {@link SpiVersion#CURRENT} as seen at the plugin's compile time. */
    String spiVersion();

    /** The kinds of source this plugin makes; none by default. */
    default List<SourceFactory> sourceFactories() {
        return List.of();
    }

    /** The kinds of download client this plugin makes; none by default. */
    default List<DownloadClientFactory> downloadClientFactories() {
        return List.of();
    }

    /** The kinds of scorer this plugin makes; none by default. */
    default List<ScorerFactory> scorerFactories() {
        return List.of();
    }

    /** Notifiers (chat, push, mail); added in SPI 1 as a default method, so older plugins keep loading. */
    default List<NotifierFactory> notifierFactories() {
        return List.of();
    }
}
