package io.kanzen.core;

import io.kanzen.api.NameParser;
import io.kanzen.api.ParsedName;
import io.kanzen.api.Plugin;
import io.kanzen.api.PluginContext;
import io.kanzen.api.RateLimiter;
import io.kanzen.api.SettingChoices;
import io.kanzen.api.VolumeRange;
import io.kanzen.api.source.IndexReport;
import io.kanzen.api.source.SeriesMetadata;
import io.kanzen.core.internal.HostContext;
import io.kanzen.core.internal.clients.DownloadClients;
import io.kanzen.core.internal.clients.GrabStore;
import io.kanzen.core.internal.instances.InstanceStore;
import io.kanzen.core.internal.sources.Sources;
import io.kanzen.core.internal.library.LibraryScanner;
import io.kanzen.core.internal.library.LibraryStore;
import io.kanzen.core.internal.library.VolumeRanges;
import io.kanzen.core.internal.parse.FileNameParser;
import io.kanzen.core.internal.plugins.PluginLoader;
import io.kanzen.core.internal.plugins.PluginSet;
import io.kanzen.core.internal.secrets.DatabaseSecretStore;
import io.kanzen.core.internal.secrets.SecretCipher;
import io.kanzen.core.internal.storage.Database;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Kanzen as a library: one data directory (the SQLite file, the encryption key, plugin work folders), the
 * plugins, the library scanner and the name parser. The server and the CLI are thin layers over this.
 *
 * <pre>{@code
 * try (Kanzen kanzen = Kanzen.builder().dataDirectory(Path.of("data")).build()) {
 *     kanzen.addLibrary("Manga", Path.of("/srv/manga"));
 *     kanzen.scan(null);
 *     kanzen.missing().forEach(System.out::println);
 * }
 * }</pre>
 *
 * Safe for concurrent use.
 */
public final class Kanzen implements AutoCloseable {
    private final Path dataDirectory;
    private final Clock clock;
    private final Database database;
    private final SecretCipher cipher;
    private final PluginSet plugins;
    private final NameParser parser;
    private final LibraryStore libraries;
    private final LibraryScanner scanner;
    private final DownloadClients clients;
    private final Sources sources;

    private Kanzen(Builder b) {
        this.dataDirectory = b.dataDirectory.toAbsolutePath().normalize();
        this.clock = b.clock;
        this.parser = new FileNameParser();
        this.database = Database.open(dataDirectory);
        try {
            this.cipher = SecretCipher.loadOrCreate(dataDirectory);
            this.plugins = new PluginLoader(Kanzen.class.getClassLoader()).load(b.plugins, b.classpathPlugins, b.pluginsDirectory);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
        this.libraries = new LibraryStore(database);
        this.scanner = new LibraryScanner(libraries, parser, clock);
        this.sources = new Sources(InstanceStore.sources(database, cipher), plugins, this::pluginContext, clock);
        this.clients = new DownloadClients(InstanceStore.downloadClients(database, cipher), new GrabStore(database), plugins, this::pluginContext, clock);
    }

    public static Builder builder() {
        return new Builder();
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    public Path databaseFile() {
        return database.file();
    }

    // ---- plugins

    public List<LoadedPlugin> plugins() {
        return plugins.plugins();
    }

    /** Plugins that were found but skipped, with the reason. */
    public List<PluginProblem> pluginProblems() {
        return plugins.problems();
    }

    /**
     * The services handed to a plugin instance named {@code instance} (such as {@code prowlarr}): its own work
     * folder under {@code data/plugins/} and its own secret scope.
     */
    public PluginContext pluginContext(String instance) {
        Path work = dataDirectory.resolve("plugins").resolve(instance);
        try {
            Files.createDirectories(work);
        } catch (IOException e) {
            throw new KanzenException("cannot create " + work + ": " + e.getMessage(), e);
        }
        return new HostContext(clock, key -> RateLimiter.unlimited(), work,
                new DatabaseSecretStore(database, cipher, instance), parser);
    }

    // ---- names

    public NameParser parser() {
        return parser;
    }

    /** The name parser, for callers that need no data directory (it holds no state). */
    public static NameParser standardParser() {
        return new FileNameParser();
    }

    public ParsedName parse(String name) {
        return parser.parse(name);
    }

    // ---- libraries

    public Library addLibrary(String name, Path root) {
        Objects.requireNonNull(root, "root");
        if (!Files.isDirectory(root)) {
            throw new KanzenException("the folder " + root.toAbsolutePath() + " does not exist or is not a folder");
        }
        return libraries.add(name, root, Instant.now(clock));
    }

    public List<Library> libraries() {
        return libraries.all();
    }

    /** Scans one library by name, or every library when {@code name} is null. */
    public List<ScanReport> scan(String name) {
        List<Library> targets;
        if (name == null) {
            targets = libraries.all();
        } else {
            Optional<Library> one = libraries.byName(name);
            targets = List.of(one.orElseThrow(() -> new KanzenException("no library named '" + name + "'")));
        }
        List<ScanReport> reports = new ArrayList<>();
        for (Library l : targets) {
            reports.add(scanner.scan(l));
        }
        return reports;
    }

    public List<SeriesSummary> series() {
        return libraries.summaries();
    }

    /**
     * Per series, the whole volumes missing from 1 to the highest owned one. Series with nothing missing are
     * left out. Until metadata sources land, this is all Kanzen can know.
     */
    public List<MissingVolumes> missing() {
        List<MissingVolumes> out = new ArrayList<>();
        for (SeriesSummary s : series()) {
            List<Integer> gaps = VolumeRanges.gaps(s.volumes());
            if (!gaps.isEmpty()) {
                out.add(new MissingVolumes(s.id(), s.library(), s.title(), VolumeRanges.highestWhole(s.volumes()), gaps));
            }
        }
        return out;
    }

    // ---- sources

    /** Adds a source, or changes the one of that name ({@code kind}: {@code prowlarr}, ...); secrets stored encrypted. */
    public ConfiguredInstance saveSource(String name, String kind, Map<String, String> settings) {
        return sources.save(name, kind, settings);
    }

    /** The configured sources, secrets masked. */
    public List<ConfiguredInstance> sources() {
        return sources.list();
    }

    public void removeSource(String name) {
        sources.remove(name);
    }

    /** Checks that a source answers and accepts its settings; throws a {@link KanzenException} saying why not. */
    public void testSource(String name) {
        sources.test(name);
    }

    /**
     * Searches the sources (or the one named) for a series; with a volume, releases that cover it come first. A
     * failing source is reported in the results, not thrown.
     */
    public SearchResults search(String title, VolumeRange volume, String source) {
        return sources.search(title, volume, source);
    }

    /** What the metadata source (the one named, or the first set up) knows of a series; a pinned page is read directly. */
    public Optional<SeriesMetadata> metadata(String title, String pinnedUrl, String source) {
        return sources.metadata(title, pinnedUrl, source);
    }

    /** Refreshes the local index of a source that keeps one (EBDZ: a crawl of its forums); null picks the first. */
    public IndexReport refreshIndex(String source, Consumer<String> progress) {
        return sources.refreshIndex(source, progress);
    }

    /** The values a source's peer offers for one of its settings (Prowlarr: {@code indexerIds}, {@code categories}). */
    public List<SettingChoices.Choice> sourceChoices(String source, String settingKey) {
        return sources.choices(source, settingKey);
    }

    // ---- download clients

    /**
     * Adds a download client, or changes the one of that name. {@code kind} names the plugin ({@code qbittorrent},
     * {@code amule}); settings are checked against its properties, and secret ones are stored encrypted.
     */
    public ConfiguredInstance saveClient(String name, String kind, Map<String, String> settings) {
        return clients.save(name, kind, settings);
    }

    /** The configured clients, secrets masked. */
    public List<ConfiguredInstance> clients() {
        return clients.list();
    }

    public void removeClient(String name) {
        clients.remove(name);
    }

    /** Checks that a configured client answers and accepts its credentials; throws a {@link KanzenException} saying why not. */
    public void testClient(String name) {
        clients.test(name);
    }

    /**
     * Sends a magnet, torrent URL or ed2k link to a client (by name; null picks the first that takes the link's
     * kind). The grab is recorded before it is sent.
     */
    public Grab grab(String client, String link, String title, VolumeRange volume) {
        return clients.grab(client, link, title, volume);
    }

    /** Every grab, newest first, with its client's current status. */
    public List<Download> downloads() {
        return clients.downloads();
    }

    @Override
    public void close() {
        clients.close();
        sources.close();
        plugins.close();
        database.close();
    }

    /** Sets up a {@link Kanzen}. Only the data directory is required. */
    public static final class Builder {
        private Path dataDirectory;
        private Clock clock = Clock.systemUTC();
        private final List<Plugin> plugins = new ArrayList<>();
        private boolean classpathPlugins = true;
        private Path pluginsDirectory;

        private Builder() {}

        public Builder dataDirectory(Path dir) {
            this.dataDirectory = Objects.requireNonNull(dir, "dataDirectory");
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** Registers a plugin object directly; it wins over a class-path or drop-in plugin of the same name. */
        public Builder plugin(Plugin plugin) {
            plugins.add(Objects.requireNonNull(plugin, "plugin"));
            return this;
        }

        /** Whether to find plugins on the class path with ServiceLoader (default true). */
        public Builder classpathPlugins(boolean enabled) {
            this.classpathPlugins = enabled;
            return this;
        }

        /** A folder of drop-in plugin JARs ({@code x.jar} or {@code x/*.jar}); none by default. */
        public Builder pluginsDirectory(Path dir) {
            this.pluginsDirectory = dir;
            return this;
        }

        public Kanzen build() {
            if (dataDirectory == null) {
                throw new IllegalStateException("a data directory is required");
            }
            return new Kanzen(this);
        }
    }
}
