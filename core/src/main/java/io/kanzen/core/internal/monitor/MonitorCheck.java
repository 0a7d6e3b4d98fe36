package io.kanzen.core.internal.monitor;

import io.kanzen.api.NameParser;
import io.kanzen.api.PluginException;
import io.kanzen.api.VolumeRange;
import io.kanzen.api.Release;
import io.kanzen.api.scoring.Decision;
import io.kanzen.api.source.EditionInfo;
import io.kanzen.api.source.PublicationStatus;
import io.kanzen.api.source.SearchRequest;
import io.kanzen.api.source.SeriesMetadata;
import io.kanzen.api.source.SeriesQuery;
import io.kanzen.core.CheckProgress;
import io.kanzen.core.CheckReport;
import io.kanzen.core.Grab;
import io.kanzen.core.HistoryCodes;
import io.kanzen.core.HistoryEvent;
import io.kanzen.core.KanzenException;
import io.kanzen.core.Problem;
import io.kanzen.core.MonitorConfig;
import io.kanzen.core.SeriesCheck;
import io.kanzen.core.SeriesSettings;
import io.kanzen.core.SeriesSummary;
import io.kanzen.core.TrackReport;
import io.kanzen.core.WantedSeries;
import io.kanzen.core.internal.clients.DownloadClients;
import io.kanzen.core.internal.clients.GrabStore;
import io.kanzen.core.internal.library.LibraryStore;
import io.kanzen.core.internal.library.TitleKey;
import io.kanzen.core.internal.scoring.Scorers;
import io.kanzen.core.internal.sources.Sources;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The missing-volume monitor. A check follows the downloads first (see {@link DownloadTracker}), then, for each
 * monitored series that lacks volumes, asks each source <em>once</em> for the series, judges every release
 * against every wanted volume, and sends the chosen ones, recording each grab before it is sent. A source that
 * fails backs off and the check goes on without it.
 */
public final class MonitorCheck {
    private final LibraryStore library;
    private final SeriesMonitorStore monitors;
    private final MetadataCache metadata;
    private final Sources sources;
    private final DownloadClients clients;
    private final GrabStore grabs;
    private final BlocklistStore blocklist;
    private final HistoryStore history;
    private final Backoff backoff;
    private final MonitorConfigStore config;
    private final DownloadTracker tracker;
    private final Clock clock;
    private final NameParser parser;
    private final Scorers scorers;
    /** Where a real check with automatic download off records what it would send. */
    private final Proposals proposals;
    /**
     * How many series a check works on at once. Each one waits for its search's answer, then judges it; with enough
     * series in flight, one's judging overlaps the others' waits and the per-peer rate limiters alone set the pace
     * (they never let a peer see more than its rate, whatever this number). With 4, a peer answering in 1 s could be
     * asked at most 4 times a second whatever its limit; with 8, a remote Prowlarr at its default 2 requests/s keeps
     * its pace up to answers of 4 s.
     */
    static final int SERIES_IN_PARALLEL = 8;

    private final AtomicReference<CheckProgress> progress = new AtomicReference<>(CheckProgress.IDLE);

    public MonitorCheck(LibraryStore library, SeriesMonitorStore monitors, MetadataCache metadata, Sources sources, DownloadClients clients,
            GrabStore grabs, BlocklistStore blocklist, HistoryStore history, Backoff backoff, MonitorConfigStore config, DownloadTracker tracker,
            Clock clock, NameParser parser, Scorers scorers, Proposals proposals) {
        this.parser = parser;
        this.proposals = proposals;
        this.scorers = scorers;
        this.library = library;
        this.monitors = monitors;
        this.metadata = metadata;
        this.sources = sources;
        this.clients = clients;
        this.grabs = grabs;
        this.blocklist = blocklist;
        this.history = history;
        this.backoff = backoff;
        this.config = config;
        this.tracker = tracker;
        this.clock = clock;
    }

    public CheckProgress progress() {
        return progress.get();
    }

    /** Every series with what it lacks, from the library and the metadata kept (no network). */
    public List<WantedSeries> wanted(WantedSeries.Filter filter) {
        List<WantedSeries> all = allWanted();
        return filter == WantedSeries.Filter.ALL ? all : all.stream().filter(filter::accepts).toList();
    }

    /**
     * The wanted list is derived state: it changes only when the database does (a scan, a setting, metadata, a
     * grab), when the settings file does, or at midnight (a volume announced for today becomes wanted). It is kept
     * and made again only then, so that listing 5,000 series is not 100,000 rows read per request. The database's
     * version is read before the list is made: a write during the making is seen at the next call.
     */
    private List<WantedSeries> allWanted() {
        MonitorConfig cfg = config.current();
        long version = library.database().dataVersion();
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        WantedSnapshot kept = snapshot;
        if (kept != null && kept.version() == version && kept.config().equals(cfg) && kept.day().equals(today)) {
            return kept.all();
        }
        Map<Long, SeriesSettings> settings = monitors.all();
        Map<Long, MetadataCache.Entry> metadataById = metadata.all();
        List<WantedSeries> out = new ArrayList<>();
        for (SeriesSummary s : library.summaries()) {
            out.add(wanted(s, settings.getOrDefault(s.id(), SeriesSettings.DEFAULTS), cfg, Optional.ofNullable(metadataById.get(s.id()))));
        }
        List<WantedSeries> all = List.copyOf(out);
        snapshot = new WantedSnapshot(version, cfg, today, all);
        return all;
    }

    /** The wanted list as made for one database version, settings and day. */
    private record WantedSnapshot(long version, MonitorConfig config, LocalDate day, List<WantedSeries> all) {}

    private volatile WantedSnapshot snapshot;

    private WantedSeries wanted(SeriesSummary s, SeriesSettings settings, MonitorConfig cfg, Optional<MetadataCache.Entry> meta) {
        String edition = settings.edition() != null ? settings.edition() : cfg.edition();
        EditionInfo info = meta.map(m -> edition.equals("vo") ? m.vo() : m.vf()).orElse(null);
        WantedVolumes.Result r = WantedVolumes.compute(s.volumes(), info, LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
        return new WantedSeries(s.id(), s.library(), s.title(), s.volumes(), edition, info == null ? null : info.volumeCount(),
                info == null ? PublicationStatus.UNKNOWN : info.status(), r.wanted(), r.notYet(), settings.enabled());
    }

    /**
     * Runs a check. {@code dryRun} judges and chooses but sends nothing and writes no grab; {@code seriesTitle}
     * limits it to one series (by title, accents and case aside).
     */
    public CheckReport run(boolean dryRun, String seriesTitle) {
        return run(dryRun, seriesTitle, null);
    }

    /**
     * Runs a check limited to the series of {@code seriesIds} when not null (monitored or not: they were asked for
     * by name), else as {@link #run(boolean, String)}. An id of no series is a {@link KanzenException}.
     */
    public CheckReport run(boolean dryRun, String seriesTitle, Set<Long> seriesIds) {
        if (seriesIds != null && library.summaries().stream().map(SeriesSummary::id).filter(seriesIds::contains).count() < seriesIds.size()) {
            Set<Long> unknown = new java.util.TreeSet<>(seriesIds);
            library.summaries().forEach(s -> unknown.remove(s.id()));
            throw new KanzenException("series.notFound", KanzenException.pairs("id", unknown.iterator().next()),
                    "no series with id " + unknown.iterator().next());
        }
        Instant started = clock.instant();
        MonitorConfig cfg = config.current();
        List<Problem> problems = new ArrayList<>();
        TrackReport tracked = TrackReport.EMPTY;
        if (!dryRun) {
            tracked = tracker.poll();
            problems.addAll(tracked.problems());
            refreshIndexes(problems);
        }
        Map<Long, SeriesSettings> settings = monitors.all();
        List<SeriesSummary> all = library.summaries();
        List<SeriesSummary> series = new ArrayList<>();
        for (SeriesSummary s : all) {
            if (seriesIds != null ? seriesIds.contains(s.id())
                    : seriesTitle != null ? TitleKey.of(s.title()).equals(TitleKey.of(seriesTitle))
                    : settings.getOrDefault(s.id(), SeriesSettings.DEFAULTS).enabled()) {
                series.add(s);
            }
        }
        if (seriesTitle != null && series.isEmpty()) {
            throw new KanzenException("series.notFoundTitle", KanzenException.pairs("title", seriesTitle), "no series titled '" + seriesTitle + "' in the libraries");
        }
        List<String> searchSources = searchSources(cfg);
        Scorers.Enabled scorers = this.scorers.enabled();
        problems.addAll(scorers.problems());
        Counters counters = new Counters();
        Set<String> backedOff = ConcurrentHashMap.newKeySet();
        List<Problem> sharedProblems = Collections.synchronizedList(problems);
        progress.set(new CheckProgress(true, 0, series.size(), 0, 0, started));
        // Series are checked SERIES_IN_PARALLEL at a time: a search waits on the peer far more than on us, and the
        // per-peer rate limiter, not this pool, sets the pace.
        ExecutorService pool = Executors.newFixedThreadPool(SERIES_IN_PARALLEL, r -> {
            Thread t = new Thread(r, "kanzen-check");
            t.setDaemon(true);
            return t;
        });
        List<SeriesCheck> checks = new ArrayList<>();
        try {
            List<Future<SeriesCheck>> futures = new ArrayList<>();
            Map<String, SeriesIdentity.Titles> titles = titlesByLibrary(all);
            for (SeriesSummary s : series) {
                futures.add(pool.submit(() -> checkSeries(s, titles.get(s.library()), scorers, settings.getOrDefault(s.id(), SeriesSettings.DEFAULTS), cfg,
                        searchSources, backedOff, sharedProblems, counters, dryRun, series.size(), started)));
            }
            for (Future<SeriesCheck> f : futures) {
                checks.add(join(f));
            }
        } finally {
            pool.shutdownNow();
            progress.set(CheckProgress.IDLE);
        }
        int searches = counters.searches.get();
        int sent = counters.sent.get();
        return new CheckReport(started, clock.instant(), dryRun, checks, searches, sent, problems, tracked);
    }

    /** Brings the local indexes (EBDZ's crawl) up to date before searching them; a failing one backs off like a search. */
    private void refreshIndexes(List<Problem> problems) {
        for (String source : sources.indexedSourceNames()) {
            if (backoff.waiting(source, clock.instant()).isPresent()) {
                continue;
            }
            try {
                sources.refreshOne(source, line -> {});
                backoff.succeeded(source);
            } catch (PluginException e) {
                backoff.failed(source, e, clock.instant());
                history.add(HistoryEvent.Kind.FAILURE, false, null, null, source, null, "index refresh", null, null, KanzenException.codeOf(e),
                        HistoryCodes.failure(e, "name", source, "source", source, "step", HistoryCodes.STEP_INDEX), e.getMessage(), clock.instant());
                problems.add(Problem.of("source.indexFailed", source + ": the index refresh failed: " + e.getMessage(),
                        "name", source, "detail", e.getMessage()));
            }
        }
    }

    /**
     * The titles of each library's series, folded once per check: a release that names another series of its
     * library is not for the series searched.
     */
    private static Map<String, SeriesIdentity.Titles> titlesByLibrary(List<SeriesSummary> all) {
        Map<String, List<String>> byLibrary = new java.util.HashMap<>();
        for (SeriesSummary s : all) {
            byLibrary.computeIfAbsent(s.library(), k -> new ArrayList<>()).add(s.title());
        }
        Map<String, SeriesIdentity.Titles> out = new java.util.HashMap<>();
        byLibrary.forEach((library, titles) -> out.put(library, new SeriesIdentity.Titles(titles)));
        return out;
    }

    private SeriesCheck checkSeries(SeriesSummary s, SeriesIdentity.Titles siblings, Scorers.Enabled scorers, SeriesSettings ss, MonitorConfig cfg, List<String> searchSources,
            Set<String> backedOff, List<Problem> problems, Counters counters, boolean dryRun, int total, Instant started) {
        List<Problem> seriesProblems = new ArrayList<>();
        Optional<MetadataCache.Entry> meta = freshMetadata(s, ss, cfg, seriesProblems);
        WantedSeries w = wanted(s, ss, cfg, meta);
        List<Decision> decisions = new ArrayList<>();
        List<Decision> chosen = new ArrayList<>();
        List<Grab> sentGrabs = new ArrayList<>();
        SeriesProfile profile = w.wanted().isEmpty() || !cfg.autoSearch() ? null : profile(s, ss, cfg, meta, w);
        // a series whose wanted volumes are all held by grabs waiting for their downloads has nothing to search for
        if (profile != null && !profile.heldVolumes().containsAll(profile.wanted())) {
            SeriesIdentity identity = new SeriesIdentity(profile.titles(), siblings);
            ReleaseReader reader = new ReleaseReader(parser, identity);
            List<String> seriesSources = ss.sources().isEmpty() ? searchSources : ss.sources();
            Map<String, Boolean> capped = new java.util.LinkedHashMap<>();
            List<ReleaseReader.ReadRelease> found = new ArrayList<>();
            for (String source : seriesSources) {
                List<Release> r = search(source, SearchRequest.of(s.title()), s, backedOff, problems, seriesProblems, counters);
                if (r != null) {
                    capped.put(source, r.size() >= SearchRequest.of(s.title()).limit()); // one entry per source that answered
                    r.forEach(rel -> found.add(reader.read(rel)));
                }
            }
            decisions.addAll(DecisionEngine.decideAll(found, profile, scorers.scorers(), seriesProblems));
            chosen.addAll(DecisionEngine.choose(decisions, profile));
            // Indexers cap their answers (100 results): a long series' older volumes may be cut off. For the wanted
            // volumes still uncovered, a source that answered a full page is asked again per volume.
            List<Integer> uncovered = uncovered(profile, chosen);
            for (int volume : uncovered.subList(0, Math.min(uncovered.size(), FALLBACK_VOLUMES_PER_CHECK))) {
                for (String form : volumeQueries(volume)) {
                    for (Map.Entry<String, Boolean> e : capped.entrySet()) {
                        if (!e.getValue()) {
                            continue;
                        }
                        SearchRequest perVolume = new SearchRequest(s.title() + " " + form, VolumeRange.of(volume, volume), 100);
                        List<Release> r = search(e.getKey(), perVolume, s, backedOff, problems, seriesProblems, counters);
                        if (r != null) {
                            r.forEach(rel -> found.add(reader.read(rel)));
                        }
                    }
                    if (covers(DecisionEngine.decideAll(found, profile), volume)) {
                        break; // this form found it: the next one is not needed
                    }
                }
            }
            if (!uncovered.isEmpty() && capped.containsValue(true)) {
                decisions.clear();
                decisions.addAll(distinct(DecisionEngine.decideAll(found, profile, scorers.scorers(), new ArrayList<>())));
                chosen.clear();
                chosen.addAll(DecisionEngine.choose(decisions, profile));
            }
            counters.results.addAndGet(found.size());
            boolean send = !dryRun && (ss.autoDownload() != null ? ss.autoDownload() : cfg.autoDownload());
            if (send) {
                for (Decision d : chosen) {
                    Grab g = send(s, ss, cfg, d, seriesProblems);
                    if (g != null) {
                        sentGrabs.add(g);
                        counters.sent.incrementAndGet();
                    }
                }
            } else if (!dryRun) {
                // manual mode: what would be sent waits for the user; a source that did not answer keeps its old proposals
                proposals.record(s, chosen, capped.size() == seriesSources.size());
            }
        }
        int done = counters.done.incrementAndGet();
        progress.set(new CheckProgress(true, done, total, counters.results.get(), counters.sent.get(), started));
        return new SeriesCheck(s.id(), s.title(), w.wanted(), decisions, chosen, sentGrabs, seriesProblems);
    }

    /** At most this many per-volume searches per series and source in one check: the rest waits for the next one. */
    static final int FALLBACK_VOLUMES_PER_CHECK = 3;

    /**
     * How a per-volume search names its volume, in turn until one finds it: the number alone, zero-padded to two
     * digits (search boxes that match words by value find {@code Tome 3} and {@code Tome 003} with it, those that
     * match substrings {@code T03} too), then the French short form {@code T03} (a word-by-value search box finds
     * that form only by its own spelling).
     */
    private static List<String> volumeQueries(int volume) {
        String padded = (volume < 10 ? "0" : "") + volume;
        return List.of(padded, "T" + padded);
    }

    private static boolean covers(List<Decision> decisions, int volume) {
        return decisions.stream().anyMatch(d -> d.accepted() && DecisionEngine.covered(d.release().parsed().volume()).contains(volume));
    }

    private static List<Integer> uncovered(SeriesProfile p, List<Decision> chosen) {
        Set<Integer> covered = new HashSet<>(p.heldVolumes());
        for (Decision d : chosen) {
            covered.addAll(DecisionEngine.covered(d.release().parsed().volume()));
        }
        return p.wanted().stream().filter(v -> !covered.contains(v)).sorted().toList();
    }

    /** The same release found by the series search and a per-volume search is judged once. */
    private static List<Decision> distinct(List<Decision> decisions) {
        Map<String, Decision> byKey = new java.util.LinkedHashMap<>();
        for (Decision d : decisions) {
            byKey.putIfAbsent(d.release().source() + "\u0000" + LinkKeys.of(d.release()), d);
        }
        return new ArrayList<>(byKey.values());
    }

    /** One search of one source, or null when the source is backed off or fails (then recorded and backed off). */
    private List<Release> search(String source, SearchRequest request, SeriesSummary s, Set<String> backedOff, List<Problem> problems,
            List<Problem> seriesProblems, Counters counters) {
        if (backedOff.contains(source)) {
            return null;
        }
        Optional<Backoff.Wait> wait = backoff.waiting(source, clock.instant());
        if (wait.isPresent()) {
            if (backedOff.add(source)) {
                problems.add(Problem.of("source.backedOff", source + " is skipped until " + wait.get().until() + " after " + wait.get().failures()
                        + " failure(s): " + wait.get().lastError(), "name", source, "until", wait.get().until(), "failures", wait.get().failures(),
                        "detail", wait.get().lastError()));
            }
            return null;
        }
        try {
            counters.searches.incrementAndGet();
            List<Release> r = sources.searchOne(source, request);
            backoff.succeeded(source);
            history.add(HistoryEvent.Kind.SEARCH, true, s.id(), s.title(), source, null, request.query(), r.size(), null, HistoryCodes.SEARCHED,
                    KanzenException.pairs("series", s.title(), "source", source, "query", request.query(), "results", r.size()),
                    null, clock.instant());
            return r;
        } catch (PluginException e) {
            if (backedOff.add(source)) { // one failing source never stops the check, nor is asked again in it
                backoff.failed(source, e, clock.instant());
            }
            history.add(HistoryEvent.Kind.FAILURE, false, s.id(), s.title(), source, null, request.query(), null, null, KanzenException.codeOf(e),
                    HistoryCodes.failure(e, "name", source, "series", s.title(), "source", source, "query", request.query(), "step",
                            HistoryCodes.STEP_SEARCH), e.getMessage(), clock.instant());
            seriesProblems.add(Problem.of(KanzenException.pluginCode(e), source + ": " + e.getMessage(), "name", source,
                    "detail", e.getMessage()));
        } catch (KanzenException e) {
            seriesProblems.add(Problem.of(e, e.getMessage()));
        }
        return null;
    }

    private static SeriesCheck join(Future<SeriesCheck> f) {
        return await(f);
    }

    /**
     * The result of a check's work (a series task, or the whole check for the scheduler): its own failure thrown as
     * it is, an interruption as {@code check.interrupted}, anything else checked as {@code check.failed}.
     */
    static <T> T await(Future<T> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KanzenException("check.interrupted", KanzenException.pairs(), "interrupted while waiting for the check", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new KanzenException("check.failed", KanzenException.pairs("detail", e.getCause()), "the check failed: " + e.getCause(), e.getCause());
        }
    }

    /** What the series tasks count together. */
    private static final class Counters {
        final AtomicInteger searches = new AtomicInteger();
        final AtomicInteger sent = new AtomicInteger();
        final AtomicInteger results = new AtomicInteger();
        final AtomicInteger done = new AtomicInteger();
    }

    private Grab send(SeriesSummary s, SeriesSettings ss, MonitorConfig cfg, Decision d, List<Problem> problems) {
        Release r = d.release();
        String client = ss.client() != null ? ss.client() : cfg.preferredClient();
        try {
            Grab g = clients.grab(client, r.link(), s.title(), r.parsed().volume(), s.id(), r.source(), r.title(), LinkKeys.of(r));
            history.add(HistoryEvent.Kind.GRAB, true, s.id(), s.title(), r.source(), g.client(), null, null, r.parsed().volume(),
                    HistoryCodes.SENT, KanzenException.pairs("series", s.title(), "volume", r.parsed().volume(), "source", r.source(), "client",
                            g.client(), "release", r.title()), r.title(), clock.instant());
            return g;
        } catch (KanzenException e) {
            history.add(HistoryEvent.Kind.FAILURE, false, s.id(), s.title(), r.source(), client, null, null, r.parsed().volume(), e.code(),
                    HistoryCodes.failure(e, "series", s.title(), "volume", r.parsed().volume(), "source", r.source(), "client", client, "release",
                            r.title(), "step", HistoryCodes.STEP_SEND), r.title() + ": " + e.getMessage(), clock.instant());
            problems.add(Problem.of(e, e.getMessage()));
            return null;
        }
    }

    private SeriesProfile profile(SeriesSummary s, SeriesSettings ss, MonitorConfig cfg, Optional<MetadataCache.Entry> meta, WantedSeries w) {
        List<String> titles = new ArrayList<>();
        titles.add(s.title());
        titles.addAll(ss.aliases());
        meta.ifPresent(m -> {
            if (m.title() != null) {
                titles.add(m.title());
            }
            titles.addAll(m.alternativeTitles());
        });
        Set<Integer> heldVolumes = new HashSet<>();
        for (Grab g : grabs.ofSeries(s.id())) {
            if (g.state().holdsVolume() && g.volume() != null) {
                DecisionEngine.covered(g.volume()).forEach(heldVolumes::add);
            }
        }
        String language = ss.language() != null ? ss.language() : cfg.language();
        boolean untagged = ss.acceptUntagged() != null ? ss.acceptUntagged() : Boolean.TRUE.equals(cfg.acceptUntagged());
        SizeLimits sizes = SizeLimits.of(megabytes(ss.minMegabytes()), megabytes(ss.maxMegabytes()), library.typicalVolumeBytes(s.id()));
        return new SeriesProfile(s.id(), titles, s.volumes(), new HashSet<>(w.wanted()), heldVolumes, new HashSet<>(grabs.heldLinkKeys(s.id())),
                blocklist.keys(s.id()), language, untagged, ss.releaseEdition(), new HashSet<>(cfg.formats()), sizes, ss.requiredWords(),
                ss.ignoredWords(), cfg.allowOwnedOverlap(), cfg.minScore());
    }

    private Optional<MetadataCache.Entry> freshMetadata(SeriesSummary s, SeriesSettings ss, MonitorConfig cfg, List<Problem> problems) {
        Optional<MetadataCache.Entry> cached = metadata.get(s.id());
        Duration maxAge = Duration.ofHours(cfg.metadataMaxAgeHours());
        if (cached.isPresent() && cached.get().fetchedAt().plus(maxAge).isAfter(clock.instant())) {
            return cached;
        }
        Optional<String> source = sources.metadataSourceName();
        if (source.isEmpty()) {
            return cached;
        }
        if (backoff.waiting(source.get(), clock.instant()).isPresent()) {
            return cached;
        }
        try {
            Optional<SeriesMetadata> m = sources.metadataOne(source.get(), new SeriesQuery(s.title(), ss.pinnedUrl()));
            backoff.succeeded(source.get());
            if (m.isPresent()) {
                metadata.put(s.id(), source.get(), m.get(), clock.instant());
                return metadata.get(s.id());
            }
            return cached;
        } catch (PluginException e) {
            backoff.failed(source.get(), e, clock.instant());
            history.add(HistoryEvent.Kind.FAILURE, false, s.id(), s.title(), source.get(), null, s.title(), null, null, KanzenException.codeOf(e),
                    HistoryCodes.failure(e, "name", source.get(), "series", s.title(), "source", source.get(), "step", HistoryCodes.STEP_METADATA),
                    e.getMessage(), clock.instant());
            problems.add(Problem.of(KanzenException.pluginCode(e), source.get() + ": " + e.getMessage(), "name", source.get(),
                    "detail", e.getMessage()));
            return cached;
        } catch (IllegalArgumentException e) {
            problems.add(Problem.of("metadata.failed", source.get() + ": " + e.getMessage(), "name", source.get(), "detail", e.getMessage()));
            return cached;
        }
    }

    private List<String> searchSources(MonitorConfig cfg) {
        List<String> all = sources.releaseSourceNames();
        if (cfg.sources().isEmpty()) {
            return all;
        }
        return cfg.sources().stream().filter(n -> all.stream().anyMatch(a -> a.equalsIgnoreCase(n))).toList();
    }

    private static long megabytes(Integer mb) {
        return mb == null ? 0 : mb * 1_000_000L;
    }



    // ---- manual search judged (branch queue)

    /**
     * Judges the releases of a manual search as a check would for the library series {@code title} names (accents
     * and case aside), from what is known locally: no metadata is fetched. The releases are read for the searched
     * title even when it names no series, so that their edition and language show; then nothing is judged.
     */
    public io.kanzen.core.JudgedSearch judge(String title, List<Release> releases) {
        List<SeriesSummary> all = library.summaries();
        Optional<SeriesSummary> series = all.stream().filter(s -> TitleKey.of(s.title()).equals(TitleKey.of(title))).findFirst();
        if (series.isEmpty()) {
            ReleaseReader reader = new ReleaseReader(parser, new SeriesIdentity(List.of(title), List.of()));
            List<io.kanzen.core.JudgedRelease> out = new ArrayList<>();
            for (Release r : releases) {
                ReleaseReader.ReadRelease rr = reader.read(r);
                out.add(new io.kanzen.core.JudgedRelease(rr.release(), null, rr.edition(), rr.language().language(), List.of(), false));
            }
            return new io.kanzen.core.JudgedSearch(null, title, out, Map.of());
        }
        SeriesSummary s = series.get();
        MonitorConfig cfg = config.current();
        SeriesSettings ss = monitors.get(s.id());
        Optional<MetadataCache.Entry> meta = metadata.get(s.id());
        SeriesProfile profile = profile(s, ss, cfg, meta, wanted(s, ss, cfg, meta));
        ReleaseReader reader = new ReleaseReader(parser, new SeriesIdentity(profile.titles(), titlesByLibrary(all).get(s.library())));
        List<ReleaseReader.ReadRelease> read = releases.stream().map(reader::read).toList();
        Scorers.Enabled enabled = scorers.enabled();
        List<io.kanzen.core.Problem> problems = new ArrayList<>(enabled.problems());
        List<Decision> decisions = DecisionEngine.decideAll(read, profile, enabled.scorers(), problems);
        List<io.kanzen.core.JudgedRelease> out = new ArrayList<>();
        for (int i = 0; i < read.size(); i++) {
            ReleaseReader.ReadRelease rr = read.get(i);
            Set<Integer> brings = DecisionEngine.covered(rr.release().parsed().volume());
            List<Integer> owned = brings.stream().filter(v -> profile.owned().stream().anyMatch(o -> o.contains(v))).toList();
            boolean held = profile.heldKeys().contains(LinkKeys.of(rr.release())) || profile.heldKeys().contains(LinkKeys.ofLink(rr.release().link()))
                    || !brings.isEmpty() && profile.heldVolumes().containsAll(brings);
            out.add(new io.kanzen.core.JudgedRelease(rr.release(), decisions.get(i), rr.edition(), rr.language().language(), owned, held));
        }
        Map<String, String> named = new java.util.LinkedHashMap<>();
        for (io.kanzen.core.Problem p : problems) {
            named.put("scorer " + (named.size() + 1), p.message());
        }
        return new io.kanzen.core.JudgedSearch(s.id(), s.title(), out, named);
    }
}
