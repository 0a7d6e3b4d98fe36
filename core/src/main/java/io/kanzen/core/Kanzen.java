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
import io.kanzen.core.internal.scoring.Scorers;
import io.kanzen.core.internal.sources.Sources;
import io.kanzen.core.internal.monitor.Backoff;
import io.kanzen.core.internal.net.GuardedHttp;
import io.kanzen.core.internal.net.OutboundPolicy;
import io.kanzen.core.internal.net.TokenBucket;
import io.kanzen.core.internal.monitor.BlocklistStore;
import io.kanzen.core.internal.monitor.CheckRunStore;
import io.kanzen.core.internal.monitor.DownloadControl;
import io.kanzen.core.internal.monitor.DownloadTracker;
import io.kanzen.core.internal.monitor.FileOps;
import io.kanzen.core.internal.monitor.HistoryStore;
import io.kanzen.core.internal.monitor.LibraryImporter;
import io.kanzen.core.internal.monitor.MetadataCache;
import io.kanzen.core.internal.monitor.MonitorCheck;
import io.kanzen.core.internal.monitor.MonitorConfigStore;
import io.kanzen.core.internal.monitor.MonitorScheduler;
import io.kanzen.core.internal.monitor.Proposals;
import io.kanzen.core.internal.notify.Notifications;
import io.kanzen.core.internal.monitor.SeriesMonitorStore;
import io.kanzen.core.internal.library.LibraryScanner;
import io.kanzen.core.internal.library.LibraryStore;
import io.kanzen.core.internal.library.VolumeRanges;
import io.kanzen.core.internal.parse.FileNameParser;
import io.kanzen.core.internal.plugins.PluginLoader;
import io.kanzen.core.internal.plugins.PluginSet;
import io.kanzen.core.internal.secrets.DatabaseSecretStore;
import io.kanzen.core.internal.secrets.SealedSecrets;
import io.kanzen.core.internal.secrets.SecretCipher;
import io.kanzen.core.internal.storage.Database;
import io.kanzen.core.internal.storage.FileLockHandle;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
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
 *     kanzen.wanted(WantedSeries.Filter.ALL).forEach(w -> System.out.println(w.title() + ": " + w.wanted()));
 * }
 * }</pre>
 *
 * Safe for concurrent use.
 */
public final class Kanzen implements AutoCloseable {
    /** Held for its whole life by the one long-running owner of a data directory (the server). */
    public static final String OWNER_LOCK = ".owner.lock";
    /** Held by whoever runs a real check, server or CLI: two processes never check (and grab) at once. */
    public static final String CHECK_LOCK = ".check.lock";

    private final Path dataDirectory;
    private final FileLockHandle ownerLock;
    private final Clock clock;
    private final Database database;
    private final SecretCipher cipher;
    private final PluginSet plugins;
    private final NameParser parser;
    private final LibraryStore libraries;
    private final LibraryScanner scanner;
    private final DownloadClients clients;
    /** One limiter per peer, shared by every plugin instance that names it. */
    private final java.util.Map<String, RateLimiter> limiters = new java.util.concurrent.ConcurrentHashMap<>();
    private final double remotePerSecond;
    private final Sources sources;
    private final Scorers scorers;
    private final GrabStore grabs;
    private final HistoryStore history;
    private final SeriesMonitorStore seriesMonitors;
    private final MonitorConfigStore monitorConfig;
    private final DownloadTracker tracker;
    private final DownloadControl downloadControl;
    private final MonitorCheck monitor;
    private final MonitorScheduler scheduler;
    private final Accounts accounts;
    private final Backoff backoff;
    private final CheckRunStore checkRuns;
    private final Notifications notifications;
    /** The series page (series branch). */
    private final io.kanzen.core.internal.monitor.SeriesDetails seriesDetails;
    private final Proposals proposals;
    // branch history: the history page's queries and the statistics
    private final io.kanzen.core.internal.stats.HistoryQueries historyQueries;
    private final io.kanzen.core.internal.stats.MissingSnapshots missingSnapshots;
    private final io.kanzen.core.internal.stats.Activity activity;
    /** Fetches of outside URLs (torrent links) lent to plugins: public addresses and configured peers only. */
    private final io.kanzen.api.OutboundHttp outbound;

    private Kanzen(Builder b) {
        this.dataDirectory = b.dataDirectory.toAbsolutePath().normalize();
        this.clock = b.clock;
        this.remotePerSecond = b.remotePerSecond;
        this.outbound = new GuardedHttp(new OutboundPolicy(this::configuredPeers, b.resolver), io.kanzen.api.HttpSettings.DEFAULT);
        this.parser = new FileNameParser();
        this.ownerLock = b.owner ? claimOwnership(dataDirectory, clock) : null;
        try {
            this.database = Database.open(dataDirectory);
        } catch (RuntimeException e) {
            if (ownerLock != null) {
                ownerLock.close();
            }
            throw e;
        }
        try {
            Path keyFile = dataDirectory.resolve(SecretCipher.KEY_FILE);
            if (!Files.exists(keyFile)) {
                SealedSecrets.checkKey(database, keyFile, null); // a new key would lose the sealed secrets for good
            }
            this.cipher = SecretCipher.loadOrCreate(dataDirectory);
            SealedSecrets.checkKey(database, keyFile, cipher.keyId());
            this.plugins = new PluginLoader(Kanzen.class.getClassLoader()).load(b.plugins, b.classpathPlugins, b.pluginsDirectory);
        } catch (RuntimeException e) {
            database.close();
            if (ownerLock != null) {
                ownerLock.close();
            }
            throw e;
        }
        this.libraries = new LibraryStore(database);
        this.scanner = new LibraryScanner(libraries, parser, clock);
        this.sources = new Sources(InstanceStore.sources(database, cipher), plugins, this::pluginContext, clock);
        this.scorers = new Scorers(database, InstanceStore.scorers(database, cipher), plugins, this::pluginContext, clock);
        scorers.enableNewScorers();
        this.grabs = new GrabStore(database);
        this.clients = new DownloadClients(InstanceStore.downloadClients(database, cipher), grabs, plugins, this::pluginContext, clock);
        this.history = new HistoryStore(database);
        this.notifications = new Notifications(InstanceStore.notifiers(database, cipher), plugins, this::pluginContext, history, clock,
                b.notificationDeadline);
        history.addListener(notifications::onHistory);
        MetadataCache metadataCache = new MetadataCache(database);
        metadataCache.addAnnouncementListener(notifications::onAnnouncement);
        this.seriesMonitors = new SeriesMonitorStore(database);
        this.monitorConfig = new MonitorConfigStore(dataDirectory);
        BlocklistStore blocklist = new BlocklistStore(database);
        this.tracker = new DownloadTracker(grabs, clients, blocklist, history, new LibraryImporter(libraries, scanner, parser, b.fileOps),
                monitorConfig, clock);
        this.downloadControl = new DownloadControl(grabs, clients, blocklist, history, libraries, tracker, clock);
        this.backoff = new Backoff(database);
        this.proposals = new Proposals(database, cipher, grabs, clients, blocklist, history, libraries, seriesMonitors, monitorConfig, clock);
        this.monitor = new MonitorCheck(libraries, seriesMonitors, metadataCache, sources, clients, grabs, blocklist, history,
                backoff, monitorConfig, tracker, clock, parser, scorers, proposals);
        this.checkRuns = new CheckRunStore(database);
        this.seriesDetails = new io.kanzen.core.internal.monitor.SeriesDetails(libraries, seriesMonitors, metadataCache, grabs, monitor, clock);
        Path checkLock = dataDirectory.resolve(CHECK_LOCK);
        this.scheduler = new MonitorScheduler(monitor, tracker, monitorConfig, checkRuns, history, new MonitorScheduler.CheckLock() {
            @Override
            public Optional<FileLockHandle> tryAcquire() {
                return FileLockHandle.tryAcquire(checkLock, clock.instant());
            }

            @Override
            public String holder() {
                return FileLockHandle.holder(checkLock);
            }
        }, clients::reconcileSending, b.checkDeadline, clock);
        scheduler.addReportListener(notifications::onCheck);
        // branch history: the missing count over time, seen after each check and each import (and each scan, below)
        this.historyQueries = new io.kanzen.core.internal.stats.HistoryQueries(database);
        this.missingSnapshots = new io.kanzen.core.internal.stats.MissingSnapshots(database, clock);
        this.activity = new io.kanzen.core.internal.stats.Activity(database, missingSnapshots, clock);
        scheduler.addReportListener(report -> {
            // a dry run changes nothing; a check stopped at its deadline (interrupted) must let go of its thread at once
            if (!report.dryRun() && !Thread.currentThread().isInterrupted()) {
                recordMissing();
            }
        });
        history.addListener(e -> {
            if (e.kind() == HistoryEvent.Kind.IMPORT && e.success()) {
                recordMissing();
            }
        });
        this.accounts = new Accounts(database, cipher, clock);
    }

    private static FileLockHandle claimOwnership(Path dataDirectory, Clock clock) {
        Path file = dataDirectory.resolve(OWNER_LOCK);
        return FileLockHandle.tryAcquire(file, clock.instant()).orElseThrow(() -> new KanzenException("data.inUse", KanzenException.pairs("dir", dataDirectory), "the data directory " + dataDirectory
                + " is already in use by another Kanzen server (" + FileLockHandle.holder(file) + "): stop it first, or give this one"
                + " another data directory (KANZEN_DATA)"));
    }

    /** The addresses of the configured sources and clients: the private ones an outside URL may still lead to. */
    private List<OutboundPolicy.Peer> configuredPeers() {
        List<OutboundPolicy.Peer> peers = new ArrayList<>();
        for (ConfiguredInstance i : sources.list()) {
            peers.addAll(OutboundPolicy.peersOf(i.settings()));
        }
        for (ConfiguredInstance i : clients.list()) {
            peers.addAll(OutboundPolicy.peersOf(i.settings()));
        }
        return peers;
    }

    /** Starts setting up a Kanzen; see {@link Builder}. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The way out when {@code data/encryption_key} is lost: clears every secret sealed with it (the API key, the
     * sources' and clients' passwords and keys, what plugins kept) and returns what must be entered again. Other
     * settings, the library and the history stay. Opens the data directory on its own: no {@link Kanzen} may run on it.
     */
    public static List<String> resetSecrets(Path dataDirectory) {
        Path dir = dataDirectory.toAbsolutePath().normalize();
        try (Database db = Database.open(dir)) {
            return SealedSecrets.reset(db, dir.resolve(SecretCipher.KEY_FILE));
        }
    }

    /** The data directory, absolute: the database, the encryption key and the plugins' work folders live here. */
    public Path dataDirectory() {
        return dataDirectory;
    }

    /** The SQLite file inside the data directory (for backups: copy it while Kanzen is closed). */
    public Path databaseFile() {
        return database.file();
    }

    // ---- plugins

    /** The plugins in use, in the order they were found, with what their JARs say of themselves ({@link LoadedPlugin#manifest()}). */
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
        return new HostContext(clock, key -> limiters.computeIfAbsent(key, k -> TokenBucket.forPeer(k, remotePerSecond)), work,
                new DatabaseSecretStore(database, cipher, instance), parser, outbound);
    }

    // ---- names

    /** The name parser this instance uses for files and release titles (the one plugins get too). */
    public NameParser parser() {
        return parser;
    }

    /** The name parser, for callers that need no data directory (it holds no state). */
    public static NameParser standardParser() {
        return new FileNameParser();
    }

    /** Reads series, volume, chapter, language, format and edition out of a file name or release title; never throws. */
    public ParsedName parse(String name) {
        return parser.parse(name);
    }

    // ---- libraries

    /**
     * Adds a library: an existing folder given by its absolute path (a relative one would depend on where Kanzen
     * was started, and {@code ../..} could reach anywhere), neither inside nor around another library.
     *
     * @throws KanzenException when the folder does not exist or the name is taken
     */
    public Library addLibrary(String name, Path root) {
        return addLibrary(name, root, false);
    }

    /** @param chapterBased its series folders hold chapters: a bare number in a file name is then a chapter */
    public Library addLibrary(String name, Path root, boolean chapterBased) {
        Objects.requireNonNull(root, "root");
        if (!root.isAbsolute()) {
            throw new InvalidSettingException("path", "library.pathNotAbsolute", KanzenException.pairs("path", root), "a library folder is an absolute path (such as /srv/manga), not '" + root + "'");
        }
        if (!Files.isDirectory(root)) {
            throw new InvalidSettingException("path", "library.pathMissing", KanzenException.pairs("path", root.toAbsolutePath()), "the folder " + root.toAbsolutePath() + " does not exist or is not a folder");
        }
        return libraries.add(name, root, Instant.now(clock), chapterBased);
    }

    /** Forgets a library and what was scanned of it; its folder and files are left as they are. */
    public void removeLibrary(String name) {
        if (name == null || !libraries.remove(name)) {
            throw new KanzenException("library.notFound", KanzenException.pairs("name", name), "no library named '" + name + "'");
        }
    }

    // ---- settings branch: editing a library, a client's setting choices

    /**
     * Renames a library, moves it to another folder (an existing absolute one, not inside or around another
     * library) or changes whether it holds chapters. Its series, their settings and the files scanned stay; a
     * moved collection is found again by the next scan, and a changed chapter rule reads every file again then.
     *
     * @throws InvalidSettingException naming {@code name} or {@code path} when they cannot be taken
     * @throws KanzenException when no library has that name
     */
    public Library editLibrary(String name, String newName, Path root, boolean chapterBased) {
        Objects.requireNonNull(root, "root");
        if (!root.isAbsolute()) {
            throw new InvalidSettingException("path", "library.pathNotAbsolute", KanzenException.pairs("path", root),
                    "a library folder is an absolute path (such as /srv/manga), not '" + root + "'");
        }
        if (!Files.isDirectory(root)) {
            throw new InvalidSettingException("path", "library.pathMissing", KanzenException.pairs("path", root.toAbsolutePath()),
                    "the folder " + root.toAbsolutePath() + " does not exist or is not a folder");
        }
        return libraries.update(name == null ? "" : name, newName, root, chapterBased)
                .orElseThrow(() -> new KanzenException("library.notFound", KanzenException.pairs("name", name), "no library named '" + name + "'"));
    }

    /** The values a download client's peer offers for one of its settings; empty when it offers none. */
    public List<SettingChoices.Choice> clientChoices(String client, String settingKey) {
        return clients.choices(client, settingKey);
    }

    // ---- end of the settings branch's block

    /** Every registered library. */
    public List<Library> libraries() {
        return libraries.all();
    }

    /**
     * Scans one library by name, or every library when {@code name} is null. Folders unchanged since they were last
     * listed are not listed again (see {@link #scan(String, boolean)}).
     */
    public List<ScanReport> scan(String name) {
        return scan(name, false);
    }

    // --- branch scan (issue 16, goal 3): full scans ---
    /**
     * @param full list every folder, stat every file and read every name again, whatever was recorded: what picks up
     *     a file rewritten in place under the same name in a folder that did not otherwise change
     */
    public List<ScanReport> scan(String name, boolean full) {
        List<Library> targets;
        if (name == null) {
            targets = libraries.all();
        } else {
            Optional<Library> one = libraries.byName(name);
            targets = List.of(one.orElseThrow(() -> new KanzenException("library.notFound", KanzenException.pairs("name", name), "no library named '" + name + "'")));
        }
        List<ScanReport> reports = new ArrayList<>();
        for (Library l : targets) {
            reports.add(scanner.scan(l, full));
        }
        recordMissing(); // branch history
        return reports;
    }

    /** Every series found by the scans, with the volumes owned. */
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

    /** Forgets a configured source and its stored secrets; throws a {@link KanzenException} when there is none of that name. */
    public void removeSource(String name) {
        sources.remove(name);
    }

    /** The host's deadlines for one source's calls (the defaults, or its own). */
    public Map<PluginCall, Duration> sourceDeadlines(String name) {
        return sources.deadlines(name);
    }

    /**
     * Sets how long Kanzen waits for one kind of call to a source before it abandons the call (and the instance);
     * {@code null} goes back to the default. A host setting: the plugin never sees it.
     */
    public void setSourceDeadline(String name, PluginCall call, Duration deadline) {
        sources.setDeadline(name, call, deadline);
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

    // ---- manual search judged (branch queue)

    /**
     * Searches the sources named (every release source when none is) like {@link #search}, then judges what was found
     * as a check would for the library series {@code title} names: score, reasons, and which releases bring volumes
     * already owned or already sent. No metadata is fetched and nothing is sent.
     */
    public JudgedSearch searchJudged(String title, VolumeRange volume, List<String> sourceNames) {
        List<io.kanzen.api.Release> found = new ArrayList<>();
        Map<String, String> problems = new java.util.LinkedHashMap<>();
        List<Problem> typed = new ArrayList<>();
        for (String source : sourceNames == null || sourceNames.isEmpty() ? java.util.Collections.<String>singletonList(null) : sourceNames) {
            SearchResults r = sources.search(title, volume, source);
            found.addAll(r.releases());
            problems.putAll(r.problems());
            typed.addAll(r.typedProblems());
        }
        JudgedSearch judged = monitor.judge(title, found);
        problems.putAll(judged.problems());
        return new JudgedSearch(judged.seriesId(), judged.seriesTitle(), judged.releases(), problems, typed);
    }

    /** The configured sources that find releases (not the metadata-only ones), for a manual search's choices. */
    public List<String> releaseSources() {
        return sources.releaseSourceNames();
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

    // ---- scorers

    /**
     * Enables a scorer plugin ({@code kind}: the plugin's scorer name, such as {@code filters}), or changes the one of
     * that name. Every enabled scorer adds its parts to each judged release and may turn one down; its parts are shown
     * under {@code name} in every explanation. A scorer that needs no setting is enabled when first found.
     */
    public ConfiguredInstance saveScorer(String name, String kind, Map<String, String> settings) {
        return scorers.save(name, kind, settings);
    }

    /** The enabled scorers, secrets masked. */
    public List<ConfiguredInstance> scorers() {
        return scorers.list();
    }

    /** Disables a scorer; a plugin whose scorer was removed is not enabled again at the next start. */
    public void removeScorer(String name) {
        scorers.remove(name);
    }

    /** Checks that a scorer's stored settings make a scorer; throws a {@link KanzenException} saying why not. */
    public void testScorer(String name) {
        scorers.test(name);
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

    /** Forgets a configured download client and its stored secrets; throws a {@link KanzenException} when there is none of that name. */
    public void removeClient(String name) {
        clients.remove(name);
    }

    /** The host's deadlines for one download client's calls. */
    public Map<PluginCall, Duration> clientDeadlines(String name) {
        return clients.deadlines(name);
    }

    /** Like {@link #setSourceDeadline}, for a download client. */
    public void setClientDeadline(String name, PluginCall call, Duration deadline) {
        clients.setDeadline(name, call, deadline);
    }

    /** Checks that a configured client answers and accepts its credentials; throws a {@link KanzenException} saying why not. */
    public void testClient(String name) {
        clients.test(name);
    }

    /**
     * Sends a magnet, torrent URL or ed2k link to a client (by name; null picks the first that takes the link's
     * kind). The grab is recorded before it is sent. When {@code title} is a library series, the grab counts for
     * it and its volume (held from the monitor, imported when done); a volume owned or already held is refused
     * with a {@link GrabConflictException}.
     */
    public Grab grab(String client, String link, String title, VolumeRange volume) {
        return grab(client, link, title, volume, false);
    }

    /** {@link #grab(String, String, String, VolumeRange)}, sending even a volume owned or held when {@code force}. */
    public Grab grab(String client, String link, String title, VolumeRange volume, boolean force) {
        return downloadControl.grab(client, link, title, volume, force);
    }

    /** Every grab, newest first, with its client's current status. */
    public List<Download> downloads() {
        return clients.downloads();
    }

    // ---- notifiers

    /**
     * Adds a notifier, or changes the one of that name. {@code kind} names the plugin ({@code discord}, {@code ntfy},
     * {@code email}...); besides the plugin's settings, every notifier takes {@code events} (what to be told of,
     * comma-separated codes of {@link io.kanzen.api.notify.NotificationType}; default all) and {@code language}
     * ({@code fr}, the default, or {@code en}). Secret settings are stored encrypted.
     */
    public ConfiguredInstance saveNotifier(String name, String kind, Map<String, String> settings) {
        return notifications.save(name, kind, settings);
    }

    /** The configured notifiers, secrets masked. */
    public List<ConfiguredInstance> notifiers() {
        return notifications.list();
    }

    /** Forgets a configured notifier and its stored secrets; throws a {@link KanzenException} when there is none of that name. */
    public void removeNotifier(String name) {
        notifications.remove(name);
    }

    /** Sends a test message through a notifier and waits for it; throws a {@link KanzenException} saying why it failed. */
    public void testNotifier(String name) {
        notifications.test(name);
    }

    /** The settings of a notifier kind as a form shows them: the plugin's own, then {@code events} and {@code language}. */
    public List<io.kanzen.api.ConfigProperty> notifierProperties(String kind) {
        return notifications.properties(kind);
    }

    /** Ties a download (sent by hand without a series) to a series, by title, and a volume; the next poll imports it. */
    public Grab linkDownload(long grabId, String seriesTitle, VolumeRange volume) {
        return downloadControl.link(grabId, seriesTitle, volume);
    }

    /** Removes a download in progress from its client; its volume is wanted again. */
    public Grab cancelDownload(long grabId) {
        return downloadControl.cancel(grabId);
    }

    /** Follows (imports) an active download now, or sends a failed or cancelled one again. */
    public TrackReport retryDownload(long grabId) {
        return downloadControl.retry(grabId);
    }

    /** Blocklists a download's release for its series (removing it from its client if in progress). */
    public Grab blocklistDownload(long grabId) {
        return downloadControl.blocklist(grabId);
    }

    /** The web UI's administrator and the API key. */
    public Accounts accounts() {
        return accounts;
    }

    /** The libraries, scanned or not, by name. */
    public Optional<Library> library(String name) {
        return libraries.byName(name);
    }

    // ---- the monitor

    /** Every series with the volumes it lacks (from the library and the metadata kept; no network). */
    public List<WantedSeries> wanted(WantedSeries.Filter filter) {
        return monitor.wanted(filter);
    }

    /**
     * Runs a check now and waits for it (at most the check deadline): follows the downloads, searches each source
     * once per series that lacks volumes, judges the releases and sends the chosen ones. {@code dryRun} sends
     * nothing; {@code series} limits the check to one title. The same check already running is joined; a real check
     * while another process runs one is a {@link CheckBusyException}.
     */
    public CheckReport check(boolean dryRun, String series) {
        return scheduler.checkHere(dryRun, series);
    }

    /**
     * Starts a check in the background, or returns the one running; a {@link CheckBusyException} when another
     * process on this data directory is checking.
     */
    public java.util.concurrent.CompletableFuture<CheckReport> checkNow() {
        return scheduler.checkNow(false);
    }

    /** Whether this process runs a check now. */
    public boolean checkRunning() {
        return scheduler.isRunning();
    }

    /** The last check's record (this process's or another's, kept across restarts), if any check ever ran. */
    public Optional<CheckRun> lastCheck() {
        return checkRuns.last();
    }

    /**
     * {@link Health.Status#DEGRADED} with the reasons when a source is backed off, a client did not answer its last
     * status question, the monitor settings file is invalid, a check is stuck past its deadline or the last check
     * failed; {@link Health.Status#DOWN} when the database cannot be read.
     */
    public Health health() {
        List<Problem> reasons = new ArrayList<>();
        try {
            backoff.waits(clock.instant()).forEach((source, w) -> reasons.add(Problem.of("source.backedOff", "source " + source
                    + " is backed off until " + w.until() + " after " + w.failures() + " failure(s): " + w.lastError(),
                    "name", source, "until", w.until(), "failures", w.failures(), "detail", w.lastError())));
            clients.unreachable().forEach((client, why) -> reasons.add(Problem.of("client.unreachable",
                    "download client " + client + " did not answer: " + why, "name", client, "detail", why)));
            String settings = monitorConfig.problem();
            if (settings != null) {
                reasons.add(Problem.of("settings.invalid", settings, "detail", settings));
            }
            scheduler.stuck().ifPresent(s -> reasons.add(Problem.of("check.stuck", s, "detail", s)));
            checkRuns.last().filter(CheckRun::failed).ifPresent(r -> reasons.add(Problem.of("check.failed", "the last check (started "
                    + r.startedAt() + ") failed: " + r.error(), "started", r.startedAt(), "detail", r.error())));
        } catch (RuntimeException e) {
            return new Health(Health.Status.DOWN, List.of(Problem.of("database.unreadable", "the database cannot be read: " + e.getMessage(),
                    "detail", e.getMessage())));
        }
        return new Health(reasons.isEmpty() ? Health.Status.UP : Health.Status.DEGRADED, reasons);
    }

    /** Starts the automatic checks at the interval of the monitor settings (for a long-running host: the server). */
    public void startScheduler() {
        scheduler.start();
    }

    /** Where the running check is (series done out of series to check), or idle. */
    public CheckProgress checkProgress() {
        return monitor.progress();
    }

    /** Follows the sent downloads once: imports the finished ones, blocklists the failed and stalled ones. */
    public TrackReport trackDownloads() {
        return tracker.poll();
    }

    /** The monitor settings in force (interval, languages, formats, size limits...). */
    public MonitorConfig monitorConfig() {
        return monitorConfig.current();
    }

    /** Why {@code missing_monitor_config.json} was not taken (the last good settings are in force), or null. */
    public String monitorConfigProblem() {
        return monitorConfig.problem();
    }

    /**
     * Changes some monitor settings, the others kept: {@code {"autoDownload": true}} turns automatic download on and
     * nothing else. Values are JSON values or their text ({@code true}, {@code 6h}, {@code ["prowlarr"]}); then the
     * settings are saved as {@link #saveMonitorConfig} does.
     *
     * @throws InvalidSettingException naming the field that is unknown or breaks a rule
     */
    public MonitorConfig updateMonitorConfig(Map<String, String> changes) {
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper()
                .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        List<String> fields = java.util.Arrays.stream(MonitorConfig.class.getRecordComponents()).map(java.lang.reflect.RecordComponent::getName)
                .toList();
        com.fasterxml.jackson.databind.node.ObjectNode merged = json.valueToTree(monitorConfig());
        for (Map.Entry<String, String> c : changes.entrySet()) {
            if (!fields.contains(c.getKey())) {
                throw new InvalidSettingException(c.getKey(), "setting.unknown", KanzenException.pairs("name", c.getKey()), "unknown setting '" + c.getKey() + "' (settings: " + String.join(", ", fields) + ")");
            }
            com.fasterxml.jackson.databind.JsonNode value;
            try {
                value = json.readTree(c.getValue());
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                value = null;
            }
            merged.set(c.getKey(), value != null && !value.isMissingNode() ? value : json.getNodeFactory().textNode(c.getValue()));
        }
        MonitorConfig next;
        try {
            next = json.treeToValue(merged, MonitorConfig.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException | IllegalArgumentException e) {
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            String why = String.valueOf(root.getMessage()).lines().findFirst().orElse("invalid");
            // the field: Jackson's path for a wrong type, or the setting a rule's message starts with
            String field = e instanceof com.fasterxml.jackson.databind.JsonMappingException m && !m.getPath().isEmpty()
                    && m.getPath().get(0).getFieldName() != null ? m.getPath().get(0).getFieldName()
                    : fields.stream().filter(f -> why.startsWith(f + " ")).findFirst().orElse(null);
            throw new InvalidSettingException(field, "invalid settings: " + why);
        }
        saveMonitorConfig(next);
        return next;
    }

    /**
     * Saves the monitor settings (and their last-good copy). Names must be of configured sources and clients: a
     * typo would otherwise silently search nothing or send nowhere.
     *
     * @throws InvalidSettingException naming the field of an unknown source or client
     */
    public void saveMonitorConfig(MonitorConfig config) {
        List<String> sourceNames = sources.list().stream().map(ConfiguredInstance::name).toList();
        for (String s : config.sources()) {
            if (sourceNames.stream().noneMatch(n -> n.equalsIgnoreCase(s))) {
                throw new InvalidSettingException("sources", "setting.unknownSource", KanzenException.pairs("value", s), "'" + s + "' is not a configured source (configured: "
                        + (sourceNames.isEmpty() ? "none" : String.join(", ", sourceNames)) + ")");
            }
        }
        if (config.preferredClient() != null) {
            List<String> clientNames = clients.list().stream().map(ConfiguredInstance::name).toList();
            if (clientNames.stream().noneMatch(n -> n.equalsIgnoreCase(config.preferredClient()))) {
                throw new InvalidSettingException("preferredClient", "setting.unknownClient", KanzenException.pairs("value", config.preferredClient()), "'" + config.preferredClient() + "' is not a configured download client"
                        + " (configured: " + (clientNames.isEmpty() ? "none" : String.join(", ", clientNames)) + ")");
            }
        }
        monitorConfig.save(config);
    }

    /** One series' monitor settings (monitored or not, pinned metadata page, aliases...). */
    public SeriesSettings seriesSettings(long seriesId) {
        return seriesMonitors.get(seriesId);
    }

    /** Replaces one series' monitor settings; throws a {@link KanzenException} when no series has that id. */
    public void saveSeriesSettings(long seriesId, SeriesSettings settings) {
        if (libraries.summaries().stream().noneMatch(s -> s.id() == seriesId)) {
            throw new KanzenException("series.notFound", KanzenException.pairs("id", seriesId), "no series with id " + seriesId);
        }
        seriesMonitors.put(seriesId, settings);
    }

    // ---- series branch: one series' page, its settings as a form, actions on several series

    /**
     * One series' page: owned and missing volumes, each volume's state (owned, missing, sent, downloading, upcoming
     * with its date), the metadata kept, the settings and the downloads. Reads only what is kept (no network).
     *
     * @throws KanzenException ("no series…") when no series has that id
     */
    public SeriesDetail seriesDetail(long seriesId) {
        return seriesDetails.of(seriesId);
    }

    /**
     * Per series id, the whole volumes a download sent and not yet imported is bringing: the series list shows them
     * apart from the missing ones (a volume on its way is not "missing" to the user, though the monitor still counts it).
     */
    public Map<Long, java.util.Set<Integer>> volumesUnderWay() {
        return seriesDetails.underWay();
    }

    /** One series' history, newest first. */
    public List<HistoryEvent> seriesHistory(long seriesId, int limit) {
        return history.ofSeries(seriesId, Math.max(0, limit));
    }

    /**
     * Changes some of a series' settings, the others kept: {@code {"client": "qbit"}} changes the client and nothing
     * else; an empty value goes back to the global setting. Field names are those of {@link SeriesSettings}; sources
     * and clients must be configured ones, the language one the parser recognises. A new pinned metadata page drops
     * the metadata kept: the next check (or "search now") reads the pinned page.
     *
     * @throws InvalidSettingException naming the field that cannot be taken (nothing is saved then)
     * @throws KanzenException         when no series has that id
     */
    public SeriesSettings updateSeriesSettings(long seriesId, Map<String, String> changes) {
        requireSeries(List.of(seriesId));
        SeriesSettings next = io.kanzen.core.internal.monitor.SeriesSettingsChanges.apply(seriesMonitors.get(seriesId), changes,
                sources.list().stream().map(ConfiguredInstance::name).toList(), clients.list().stream().map(ConfiguredInstance::name).toList());
        SeriesSettings before = seriesMonitors.get(seriesId);
        seriesMonitors.put(seriesId, next);
        if (!Objects.equals(before.pinnedUrl(), next.pinnedUrl())) {
            seriesDetails.forgetMetadata(seriesId); // what was read from the old page (or by title) is not this series' any more
        }
        return next;
    }

    /** The release editions a series may be collected in ({@code perfect}, {@code deluxe}...; the regular one is the default). */
    public List<String> releaseEditions() {
        return io.kanzen.core.internal.monitor.ReleaseEdition.keys();
    }

    /**
     * Monitors (or stops monitoring) several series at once, their other settings kept: all of them or, when one id
     * is of no series, none ({@link KanzenException}).
     */
    public void setMonitored(java.util.Collection<Long> seriesIds, boolean monitored) {
        requireSeries(seriesIds);
        Map<Long, SeriesSettings> all = seriesMonitors.all();
        Map<Long, SeriesSettings> changed = new java.util.LinkedHashMap<>();
        for (long id : new java.util.LinkedHashSet<>(seriesIds)) {
            changed.put(id, all.getOrDefault(id, SeriesSettings.DEFAULTS).withEnabled(monitored));
        }
        seriesMonitors.putAll(changed);
    }

    /**
     * A check of these series only (monitored or not: they were asked for), waited for: a real one searches and
     * sends as a full check does, {@code dryRun} only judges. Joins the same check running; a real check while
     * another process checks is a {@link CheckBusyException}; an id of no series a {@link KanzenException}.
     */
    public CheckReport checkSeries(boolean dryRun, java.util.Collection<Long> seriesIds) {
        if (seriesIds.isEmpty()) {
            throw new KanzenException("series.noneChosen", Map.of(), "no series chosen: pick at least one");
        }
        requireSeries(seriesIds);
        return scheduler.checkHere(dryRun, new java.util.HashSet<>(seriesIds));
    }

    private void requireSeries(java.util.Collection<Long> seriesIds) {
        java.util.Set<Long> known = new java.util.HashSet<>();
        libraries.summaries().forEach(s -> known.add(s.id()));
        for (Long id : seriesIds) {
            if (id == null || !known.contains(id)) {
                throw new KanzenException("series.notFound", KanzenException.pairs("id", id), "no series with id " + id);
            }
        }
    }

    // ---- end of series branch

    /** What the monitor did, newest first; {@code success} null for all, true or false to filter. */
    public List<HistoryEvent> history(Boolean success, int limit) {
        return history.list(success, limit);
    }

    /** Counts for a dashboard: series monitored, volumes missing, downloads sent, imported and failed, searches made. */
    public MonitorStats stats() {
        List<WantedSeries> all = monitor.wanted(WantedSeries.Filter.ALL);
        long version = database.dataVersion();
        StatsSnapshot kept = statsSnapshot;
        // the counts are derived from the same state as the wanted list: the same list and no write since, the same counts
        if (kept != null && kept.wanted() == all && kept.version() == version) {
            return kept.stats();
        }
        int monitored = (int) all.stream().filter(WantedSeries::monitored).count();
        int missing = all.stream().filter(WantedSeries::monitored).mapToInt(w -> w.wanted().size()).sum();
        List<Grab> every = grabs.all();
        int sent = (int) every.stream().filter(g -> g.state() == Grab.State.SENT || g.state() == Grab.State.IMPORTED
                || g.state() == Grab.State.DOWNLOAD_FAILED).count();
        int imported = (int) every.stream().filter(g -> g.state() == Grab.State.IMPORTED).count();
        int failed = (int) every.stream().filter(g -> g.state() == Grab.State.FAILED || g.state() == Grab.State.DOWNLOAD_FAILED).count();
        MonitorStats stats = new MonitorStats(monitored, missing, sent, imported, failed, history.count(HistoryEvent.Kind.SEARCH, true));
        statsSnapshot = new StatsSnapshot(all, version, stats);
        return stats;
    }

    // ---- overview and proposals (branch overview: the Aperçu and the manual mode of issue 14)

    /**
     * When the next automatic check is due: the last one's start plus the interval of the settings; empty when the
     * automatic checks are off or not started in this process (the CLI).
     */
    public Optional<Instant> nextCheckAt() {
        return scheduler.nextCheckAt();
    }

    /**
     * What checks with automatic download off would have sent, waiting for approval: per series and volumes the
     * chosen release with its score and why. A proposal whose volume was owned, grabbed or blocklisted since is
     * superseded first and not listed.
     */
    public List<Proposal> proposals() {
        return proposals.pending();
    }

    /** Every proposal, approved, rejected and superseded ones too (with why), newest first per series. */
    public List<Proposal> allProposals() {
        return proposals.all();
    }

    /**
     * Sends a pending proposal's release through the monitor's grab path (recorded before it is sent, its volume
     * held, imported when done). Never twice: an approved, rejected or superseded proposal is refused, and one whose
     * volume was owned or grabbed since is superseded with a {@link GrabConflictException}.
     */
    public Grab approveProposal(long id) {
        return proposals.approve(id);
    }

    /** Approves every pending proposal; those that cannot be sent stay pending with their reason. Returns them as they are now. */
    public List<Proposal> approveAllProposals() {
        return proposals.approveAll();
    }

    /** Rejects a pending proposal: its release is blocklisted for the series, so the next check chooses another. */
    public Proposal rejectProposal(long id) {
        return proposals.reject(id);
    }

    // ---- end of branch overview

    // ---- decided proposals (branch uiextras: looking back at proposals, taking a rejection back)

    /**
     * The proposals no longer pending (approved, with their download; rejected; superseded), the most recently decided
     * first, at most {@code limit} (1 to {@value Proposal#MOST_DECIDED_LISTED}), each with why.
     */
    public List<Proposal> decidedProposals(int limit) {
        return proposals.decided(limit);
    }

    /**
     * Takes a rejection back: the release leaves the series' blocklist and the proposal is pending again (superseded
     * with why when its volume was owned or grabbed since, or another release is proposed for it now).
     */
    public Proposal unrejectProposal(long id) {
        return proposals.unreject(id);
    }

    // ---- end of branch uiextras

    private record StatsSnapshot(List<WantedSeries> wanted, long version, MonitorStats stats) {}

    private volatile StatsSnapshot statsSnapshot;

    // ---- the history page and the statistics (branch history)

    /**
     * One page of the history, newest first, with how many events the filter matches in all.
     *
     * @param limit at most {@link HistoryPage#MAX_LIMIT}
     */
    public HistoryPage history(HistoryFilter filter, int offset, int limit) {
        return historyQueries.page(filter, offset, limit);
    }

    /** Hands every event the filter matches to {@code out}, newest first, however many there are (an export). */
    public void exportHistory(HistoryFilter filter, Consumer<HistoryEvent> out) {
        historyQueries.each(filter, out);
    }

    /** The series the history speaks of (id to title, in title order): the choices of a series filter. */
    public Map<Long, String> historySeries() {
        return historyQueries.series();
    }

    /**
     * The last {@code days} days (1 to 366) in {@code zone}, today included, oldest first: downloads sent, imported
     * and failed each day, and the missing volumes at each day's end (null before the first count was recorded).
     */
    public List<DailyActivity> dailyActivity(int days, java.time.ZoneId zone) {
        return activity.daily(days, zone);
    }

    /** Per source over the last {@code days} days (1 to 366): searches, and what became of its downloads. */
    public List<SourceActivity> sourceActivity(int days) {
        return activity.sources(days);
    }

    /**
     * Records the missing count for the chart when it changed. Derived data: a failure here is logged and never fails
     * the scan, check or import it follows.
     */
    private void recordMissing() {
        try {
            MonitorStats now = stats();
            missingSnapshots.record(now.volumesMissing(), now.seriesMonitored());
        } catch (RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(Kanzen.class).warn("the missing-volume count was not recorded: {}", e.toString());
        }
    }

    // ---- end of branch history

    /** Stops the scheduler, sends the notifications on their way, closes the sources, clients, scorers and plugin class loaders, then the database. */
    @Override
    public void close() {
        scheduler.close();
        notifications.close();
        clients.close();
        sources.close();
        scorers.close();
        plugins.close();
        database.close();
        if (ownerLock != null) {
            ownerLock.close();
        }
    }

    /** Sets up a {@link Kanzen}. Only the data directory is required. */
    public static final class Builder {
        private Path dataDirectory;
        private Clock clock = Clock.systemUTC();
        private final List<Plugin> plugins = new ArrayList<>();
        private boolean classpathPlugins = true;
        private Path pluginsDirectory;
        private double remotePerSecond = 2;
        private Duration checkDeadline = Duration.ofHours(2);
        private boolean owner;
        private FileOps fileOps = FileOps.REAL;
        private OutboundPolicy.Resolver resolver = GuardedHttp::systemResolve;

        private java.time.Duration notificationDeadline = java.time.Duration.ofSeconds(30);

        private Builder() {}

        /** How long one notification may take to send before it is given up and recorded as failed (default 30 s). */
        public Builder notificationDeadline(java.time.Duration deadline) {
            if (deadline == null || deadline.isNegative() || deadline.isZero()) {
                throw new IllegalArgumentException("the notification deadline is positive");
            }
            this.notificationDeadline = deadline;
            return this;
        }

        /** The file operations imports use; tests pass one that refuses links and renames across folders. */
        public Builder fileOps(FileOps ops) {
            this.fileOps = Objects.requireNonNull(ops, "fileOps");
            return this;
        }

        /** How long a whole check may run before it is stopped and recorded as failed (default 2 hours). */
        public Builder checkDeadline(Duration deadline) {
            if (deadline == null || deadline.isNegative() || deadline.isZero()) {
                throw new IllegalArgumentException("the check deadline is positive");
            }
            this.checkDeadline = deadline;
            return this;
        }

        /**
         * Makes this Kanzen the one long-running owner of its data directory (the server): {@link #build()} fails
         * with a {@link KanzenException} naming the holder when another owner runs. Read-only users (the CLI) do
         * not ask for it and work beside the owner.
         */
        public Builder owner(boolean owner) {
            this.owner = owner;
            return this;
        }

        /** How host names of outside URLs are resolved (tests stand in for DNS); the system's by default. */
        public Builder resolver(java.util.function.Function<String, java.net.InetAddress[]> resolve) {
            Objects.requireNonNull(resolve, "resolve");
            this.resolver = host -> {
                java.net.InetAddress[] a = resolve.apply(host);
                if (a == null || a.length == 0) {
                    throw new java.net.UnknownHostException(host);
                }
                return a;
            };
            return this;
        }

        /**
         * Calls a second allowed to each remote peer (default 2, with bursts of 4); loopback peers get 50. Plugins
         * may be slower still (Nautiljon keeps 5 s between pages).
         */
        public Builder remotePeerRate(double perSecond) {
            if (perSecond <= 0) {
                throw new IllegalArgumentException("the peer rate is positive");
            }
            this.remotePerSecond = perSecond;
            return this;
        }

        /** Where the database, the key and the plugins' work folders go (required; created when missing). */
        public Builder dataDirectory(Path dir) {
            this.dataDirectory = Objects.requireNonNull(dir, "dataDirectory");
            return this;
        }

        /** The clock every timestamp and schedule reads (default: the system's, UTC); tests pass a fixed one. */
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

        /**
         * Opens the data directory (migrating the database), loads the plugins, and returns a ready Kanzen.
         *
         * @throws IllegalStateException when no data directory was given
         */
        public Kanzen build() {
            if (dataDirectory == null) {
                throw new IllegalStateException("a data directory is required");
            }
            return new Kanzen(this);
        }
    }
}
