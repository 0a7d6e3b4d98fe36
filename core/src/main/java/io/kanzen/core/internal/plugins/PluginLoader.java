package io.kanzen.core.internal.plugins;

import io.kanzen.api.ConfigProperty;
import io.kanzen.api.Plugin;
import io.kanzen.api.SpiVersion;
import io.kanzen.api.client.DownloadClientFactory;
import io.kanzen.api.notify.NotifierFactory;
import io.kanzen.api.scoring.ScorerFactory;
import io.kanzen.api.source.SourceFactory;
import io.kanzen.core.LoadedPlugin;
import io.kanzen.core.PluginOrigin;
import io.kanzen.core.PluginProblem;
import java.io.Closeable;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds plugins three ways (explicit, class path, drop-in JARs), checks each, and reports and skips the ones
 * that are broken or built for another SPI version, so that one bad JAR never stops the others.
 */
public final class PluginLoader {
    private static final Logger LOG = LoggerFactory.getLogger(PluginLoader.class);
    private static final Pattern KEBAB = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");
    /** Guards against a ServiceLoader iterator that keeps failing on the same entry. */
    private static final int MAX_PROVIDERS_PER_LOADER = 1000;

    private final ClassLoader hostLoader;
    private final List<LoadedPlugin> plugins = new ArrayList<>();
    private final List<PluginProblem> problems = new ArrayList<>();
    private final Map<String, SourceFactory> sources = new LinkedHashMap<>();
    private final Map<String, DownloadClientFactory> clients = new LinkedHashMap<>();
    private final Map<String, ScorerFactory> scorers = new LinkedHashMap<>();
    private final Map<String, NotifierFactory> notifiers = new LinkedHashMap<>();
    private final List<Closeable> classLoaders = new ArrayList<>();

    public PluginLoader(ClassLoader hostLoader) {
        this.hostLoader = hostLoader;
    }

    /**
     * @param explicit      plugins handed over by the embedder, first served
     * @param classpath     whether to look on the host's class path with ServiceLoader
     * @param pluginsFolder the drop-in folder, or null; a bare {@code x.jar} or a folder {@code x/} of JARs is one plugin
     */
    public PluginSet load(List<Plugin> explicit, boolean classpath, Path pluginsFolder) {
        for (Plugin p : explicit) {
            accept(p, PluginOrigin.EXPLICIT, "explicit: " + p.getClass().getName());
        }
        if (classpath) {
            loadWith(hostLoader, PluginOrigin.CLASSPATH, null);
        }
        if (pluginsFolder != null && Files.isDirectory(pluginsFolder)) {
            loadDropIns(pluginsFolder);
        }
        for (PluginProblem problem : problems) {
            LOG.warn("plugin skipped: {}: {}", problem.location(), problem.message());
        }
        return new PluginSet(plugins, problems, sources, clients, scorers, notifiers, classLoaders);
    }

    private void loadDropIns(Path folder) {
        List<Path> entries;
        try (Stream<Path> s = Files.list(folder)) {
            entries = s.sorted().toList();
        } catch (IOException e) {
            problems.add(new PluginProblem(folder.toString(), "cannot list the plugins folder: " + e.getMessage()));
            return;
        }
        for (Path entry : entries) {
            if (Files.isDirectory(entry)) {
                List<Path> jars;
                try (Stream<Path> s = Files.list(entry)) {
                    jars = s.filter(PluginLoader::isJar).sorted().toList();
                } catch (IOException e) {
                    problems.add(new PluginProblem(entry.toString(), "cannot list the folder: " + e.getMessage()));
                    continue;
                }
                if (!jars.isEmpty()) {
                    loadDropIn(entry, jars);
                }
            } else if (isJar(entry)) {
                loadDropIn(entry, List.of(entry));
            }
        }
    }

    private static boolean isJar(Path p) {
        return Files.isRegularFile(p) && p.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".jar");
    }

    private void loadDropIn(Path location, List<Path> jars) {
        URL[] urls = new URL[jars.size()];
        try {
            for (int i = 0; i < urls.length; i++) {
                urls[i] = jars.get(i).toUri().toURL();
            }
        } catch (MalformedURLException e) {
            problems.add(new PluginProblem(location.toString(), "bad path: " + e.getMessage()));
            return;
        }
        PluginClassLoader loader = new PluginClassLoader("plugin:" + location.getFileName(), urls, hostLoader);
        int before = plugins.size();
        int problemsBefore = problems.size();
        loadWith(loader, PluginOrigin.DROP_IN, location.toString());
        if (plugins.size() == before) {
            if (problems.size() == problemsBefore) {
                problems.add(new PluginProblem(location.toString(),
                        "no plugin found: the JAR has no META-INF/services/" + Plugin.class.getName()));
            }
            closeQuietly(loader);
        } else {
            classLoaders.add(loader);
        }
    }

    private void loadWith(ClassLoader loader, PluginOrigin origin, String fixedLocation) {
        Iterator<Plugin> it = ServiceLoader.load(Plugin.class, loader).iterator();
        for (int i = 0; i < MAX_PROVIDERS_PER_LOADER; i++) {
            Plugin plugin;
            try {
                if (!it.hasNext()) {
                    return;
                }
                plugin = it.next();
            } catch (ServiceConfigurationError | LinkageError e) {
                problems.add(new PluginProblem(fixedLocation != null ? fixedLocation : "class path", "cannot load: " + rootMessage(e)));
                continue;
            }
            accept(plugin, origin, fixedLocation != null ? fixedLocation : locationOf(plugin));
        }
    }

    private void accept(Plugin plugin, PluginOrigin origin, String location) {
        try {
            String name = plugin.name();
            String version = plugin.spiVersion();
            if (name == null || !KEBAB.matcher(name).matches()) {
                problems.add(new PluginProblem(location, "plugin name '" + name + "' is not kebab-case (like 'prowlarr')"));
                return;
            }
            if (!SpiVersion.compatible(version)) {
                problems.add(new PluginProblem(location, "plugin '" + name + "' was built for SPI version " + version
                        + ", this Kanzen speaks version " + SpiVersion.CURRENT + " (and every earlier " + SpiVersion.CURRENT.split("\\.")[0]
                        + ".x): update the plugin"));
                return;
            }
            for (LoadedPlugin existing : plugins) {
                if (existing.name().equals(name)) {
                    problems.add(new PluginProblem(location, "plugin '" + name + "' is already loaded from " + existing.location()));
                    return;
                }
            }
            List<SourceFactory> s = List.copyOf(plugin.sourceFactories());
            List<DownloadClientFactory> c = List.copyOf(plugin.downloadClientFactories());
            List<ScorerFactory> sc = List.copyOf(plugin.scorerFactories());
            List<NotifierFactory> n = List.copyOf(plugin.notifierFactories());
            String clash = firstClash(s, SourceFactory::name, sources, SourceFactory::configProperties);
            if (clash == null) {
                clash = firstClash(c, DownloadClientFactory::name, clients, DownloadClientFactory::configProperties);
            }
            if (clash == null) {
                clash = firstClash(sc, ScorerFactory::name, scorers, ScorerFactory::configProperties);
            }
            if (clash == null) {
                clash = firstClash(n, NotifierFactory::name, notifiers, NotifierFactory::configProperties);
            }
            if (clash == null) {
                clash = n.stream().flatMap(f -> f.configProperties().stream().filter(p -> NotifierFactory.HOST_KEYS.contains(p.key()))
                        .map(p -> "notifier '" + f.name() + "' declares the setting '" + p.key() + "', which the host keeps for itself"))
                        .findFirst().orElse(null);
            }
            if (clash != null) {
                problems.add(new PluginProblem(location, "plugin '" + name + "': " + clash));
                return;
            }
            s.forEach(f -> sources.put(f.name(), f));
            c.forEach(f -> clients.put(f.name(), f));
            sc.forEach(f -> scorers.put(f.name(), f));
            n.forEach(f -> notifiers.put(f.name(), f));
            plugins.add(new LoadedPlugin(name, origin, location, plugin));
            LOG.debug("plugin loaded: {} ({}, {})", name, origin, location);
        } catch (RuntimeException | LinkageError e) {
            problems.add(new PluginProblem(location, "plugin failed while loading: " + rootMessage(e)));
        }
    }

    /** Checks a plugin's factories of one kind; returns what is wrong, or null. */
    private static <F> String firstClash(
            List<F> factories, Function<F, String> nameOf, Map<String, F> taken, Function<F, List<ConfigProperty>> properties) {
        List<String> seen = new ArrayList<>();
        for (F f : factories) {
            String n = nameOf.apply(f);
            if (n == null || !KEBAB.matcher(n).matches()) {
                return "factory name '" + n + "' is not kebab-case";
            }
            if (taken.containsKey(n) || seen.contains(n)) {
                return "a factory named '" + n + "' already exists";
            }
            seen.add(n);
            properties.apply(f); // a factory whose settings cannot be listed cannot be configured
        }
        return null;
    }

    private static String locationOf(Plugin plugin) {
        CodeSource source = plugin.getClass().getProtectionDomain().getCodeSource();
        return source != null && source.getLocation() != null ? source.getLocation().toString() : plugin.getClass().getName();
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String m = t.getMessage();
        return t == e ? String.valueOf(m) : e.getMessage() + " (" + t.getClass().getSimpleName() + ": " + m + ")";
    }

    private static void closeQuietly(Closeable c) {
        try {
            c.close();
        } catch (IOException ignored) {
            // nothing held
        }
    }
}
