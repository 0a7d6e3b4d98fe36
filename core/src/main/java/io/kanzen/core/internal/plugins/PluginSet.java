package io.kanzen.core.internal.plugins;

import io.kanzen.api.client.DownloadClientFactory;
import io.kanzen.api.notify.NotifierFactory;
import io.kanzen.api.scoring.ScorerFactory;
import io.kanzen.api.source.SourceFactory;
import io.kanzen.core.LoadedPlugin;
import io.kanzen.core.PluginProblem;
import java.io.Closeable;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The plugins in use, what they make by name, and the ones that were skipped. */
public final class PluginSet implements AutoCloseable {
    private final List<LoadedPlugin> plugins;
    private final List<PluginProblem> problems;
    private final Map<String, SourceFactory> sources;
    private final Map<String, DownloadClientFactory> clients;
    private final Map<String, ScorerFactory> scorers;
    private final Map<String, NotifierFactory> notifiers;
    private final List<Closeable> classLoaders;

    PluginSet(
            List<LoadedPlugin> plugins,
            List<PluginProblem> problems,
            Map<String, SourceFactory> sources,
            Map<String, DownloadClientFactory> clients,
            Map<String, ScorerFactory> scorers,
            Map<String, NotifierFactory> notifiers,
            List<Closeable> classLoaders) {
        this.plugins = List.copyOf(plugins);
        this.problems = List.copyOf(problems);
        this.sources = Map.copyOf(sources);
        this.clients = Map.copyOf(clients);
        this.scorers = Map.copyOf(scorers);
        this.notifiers = Map.copyOf(notifiers);
        this.classLoaders = List.copyOf(classLoaders);
    }

    public List<LoadedPlugin> plugins() {
        return plugins;
    }

    public List<PluginProblem> problems() {
        return problems;
    }

    public Map<String, SourceFactory> sourceFactories() {
        return sources;
    }

    public Map<String, DownloadClientFactory> downloadClientFactories() {
        return clients;
    }

    public Map<String, ScorerFactory> scorerFactories() {
        return scorers;
    }

    public Map<String, NotifierFactory> notifierFactories() {
        return notifiers;
    }

    public Optional<NotifierFactory> notifierFactory(String name) {
        return Optional.ofNullable(notifiers.get(name));
    }

    public Optional<SourceFactory> sourceFactory(String name) {
        return Optional.ofNullable(sources.get(name));
    }

    public Optional<ScorerFactory> scorerFactory(String name) {
        return Optional.ofNullable(scorers.get(name));
    }

    public Optional<DownloadClientFactory> downloadClientFactory(String name) {
        return Optional.ofNullable(clients.get(name));
    }

    @Override
    public void close() {
        for (Closeable c : classLoaders) {
            try {
                c.close();
            } catch (IOException ignored) {
                // a JAR that cannot be closed is released with the process
            }
        }
    }
}
