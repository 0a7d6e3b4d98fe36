package io.kanzen.core.internal.monitor;

import io.kanzen.api.DownloadState;
import io.kanzen.api.DownloadStatus;
import io.kanzen.api.PluginException;
import io.kanzen.core.DownloadSettings;
import io.kanzen.core.Grab;
import io.kanzen.core.HistoryCodes;
import io.kanzen.core.HistoryEvent;
import io.kanzen.core.KanzenException;
import io.kanzen.core.Problem;
import io.kanzen.core.TrackReport;
import io.kanzen.core.internal.clients.DownloadClients;
import io.kanzen.core.internal.clients.GrabStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Follows sent downloads. A completed one is imported (see {@link LibraryImporter}); a failed import is kept on the
 * grab with its reason and tried again at the next poll. One gone from its client is looked for on disk before it is
 * called failed. One without progress for the stall timeout is given up. A failed or stalled one blocklists its
 * release and frees its volumes, so the next check looks for another. Every outcome is a history entry of its own kind.
 */
public final class DownloadTracker {
    /** Places a finished download in the library, or throws an {@link ImportFailure} saying why not. */
    public interface Importer {
        ImportResult importDownload(Grab grab, Path content, DownloadSettings settings, DownloadSettings.AfterImport mode);
    }

    /** An ed2k download at 0 sources is given its link again at most this often. */
    static final Duration RESEND_EVERY = Duration.ofMinutes(10);

    private final GrabStore grabs;
    private final DownloadClients clients;
    private final BlocklistStore blocklist;
    private final HistoryStore history;
    private final Importer importer;
    private final MonitorConfigStore config;
    private final Clock clock;
    private final Map<Long, Instant> lastResend = new ConcurrentHashMap<>();

    public DownloadTracker(GrabStore grabs, DownloadClients clients, BlocklistStore blocklist, HistoryStore history, Importer importer,
            MonitorConfigStore config, Clock clock) {
        this.grabs = grabs;
        this.clients = clients;
        this.blocklist = blocklist;
        this.history = history;
        this.importer = importer;
        this.config = config;
        this.clock = clock;
    }

    /** Whether any download is followed: the server polls only then. */
    public boolean anyActive() {
        return !grabs.sent().isEmpty();
    }

    /** One pass over the sent downloads. Two passes never overlap (the check's and the poll clock's). */
    public synchronized TrackReport poll() {
        DownloadSettings settings = config.current().downloads();
        List<TrackReport.Event> events = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        Set<String> unreachable = new HashSet<>();
        for (Grab g : grabs.sent()) {
            if (g.handle() == null || unreachable.contains(g.client())) {
                continue;
            }
            DownloadStatus status;
            try {
                status = clients.status(g);
            } catch (PluginException | KanzenException e) {
                unreachable.add(g.client()); // asked once per pass
                problems.add(Problem.of("client.unreachable", g.client() + ": " + e.getMessage(), "name", g.client(), "detail", e.getMessage()));
                continue;
            }
            follow(g, status, settings, events, problems);
        }
        return new TrackReport(events, problems);
    }

    /** One grab now (a retry by hand); returns what happened. */
    public synchronized TrackReport pollOne(Grab g) {
        List<TrackReport.Event> events = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        try {
            follow(g, clients.status(g), config.current().downloads(), events, problems);
        } catch (PluginException e) {
            throw KanzenException.plugin(g.client(), e);
        }
        return new TrackReport(events, problems);
    }

    private void follow(Grab g, DownloadStatus status, DownloadSettings settings, List<TrackReport.Event> events, List<Problem> problems) {
        Instant now = clock.instant();
        DownloadSettings.ClientImport client = settings.client(g.client());
        if (status.state() != DownloadState.MISSING) {
            // qBittorrent says only the name for a moment after an add: a path that is not absolute is not where the files are
            grabs.recordPoll(g.id(), absolute(status.contentPath()) ? status.contentPath() : null, status.size(), status.progress(), now);
        }
        switch (status.state()) {
            case COMPLETED -> importOrKeep(g, status.contentPath(), settings, client, events, problems);
            case FAILED -> fail(g, HistoryEvent.Kind.DOWNLOAD_FAILED, status.message() == null ? "the client reports a failure" : status.message(),
                    false, events, problems);
            case MISSING -> lookOnDisk(g, settings, client, events, problems);
            default -> {
                GrabStore.Tracking t = grabs.tracking(g.id());
                if (status.state() != DownloadState.PAUSED && t.progressChangedAt() != null
                        && t.progressChangedAt().plus(settings.stall()).isBefore(now)) {
                    fail(g, HistoryEvent.Kind.STALLED, "no progress since " + t.progressChangedAt() + " (" + Math.round(status.progress() * 100)
                            + "%, stall timeout " + settings.stallTimeout() + ")", true, events, problems);
                } else if (status.state() == DownloadState.STALLED && g.link().regionMatches(true, 0, "ed2k://", 0, 7)) {
                    resendSources(g, now, problems);
                }
            }
        }
    }

    /**
     * A download the client no longer has: if its files are where the client last said, complete (it said 100%, or
     * the bytes on disk are the download's size), they are imported; otherwise it failed.
     */
    private void lookOnDisk(Grab g, DownloadSettings settings, DownloadSettings.ClientImport client, List<TrackReport.Event> events,
            List<Problem> problems) {
        GrabStore.Tracking t = grabs.tracking(g.id());
        if (t.contentPath() != null) {
            Path local = Path.of(client.local(t.contentPath()));
            long onDisk = bytes(local);
            boolean complete = t.progress() != null && t.progress() >= 1 || t.size() > 0 && onDisk == t.size();
            if (onDisk > 0 && complete) {
                importOrKeep(g, t.contentPath(), settings, client, events, problems);
                return;
            }
            fail(g, HistoryEvent.Kind.DOWNLOAD_FAILED, "gone from " + g.client() + ", and no complete download at " + local, false, events, problems);
            return;
        }
        fail(g, HistoryEvent.Kind.DOWNLOAD_FAILED, "gone from " + g.client() + " before it said where its files were", false, events, problems);
    }

    private void importOrKeep(Grab g, String clientPath, DownloadSettings settings, DownloadSettings.ClientImport client,
            List<TrackReport.Event> events, List<Problem> problems) {
        Instant now = clock.instant();
        try {
            if (clientPath == null) {
                throw new ImportFailure(ImportFailure.Code.NO_PATH, "the client does not say where the files are");
            }
            Path local = Path.of(client.local(clientPath));
            if (!Files.exists(local)) {
                throw new ImportFailure(ImportFailure.Code.NOT_FOUND, "the client's files at " + clientPath
                        + (local.toString().equals(clientPath) ? "" : " (here " + local + ")")
                        + " are not reachable from Kanzen: another machine or container? Map the client's path in the download settings");
            }
            ImportResult result = importer.importDownload(g, local, settings, client.afterImport());
            String what = result.describe();
            grabs.markImported(g, what, now);
            Map<String, String> params = new LinkedHashMap<>(DownloadControl.about(g));
            params.put("folder", result.folder() == null ? "" : result.folder().toString());
            params.put("placed", String.valueOf(result.placed().size()));
            params.put("skipped", String.valueOf(result.skipped().size()));
            history.add(HistoryEvent.Kind.IMPORT, true, g.seriesId(), g.title(), g.source(), g.client(), null, null, g.volume(),
                    result.skipped().isEmpty() ? HistoryCodes.IMPORTED : HistoryCodes.IMPORTED_PARTLY, params, what, now, g.id());
            events.add(new TrackReport.Event(g.id(), HistoryEvent.Kind.IMPORT, g.title(), g.volume(), what));
            afterImport(g, client.afterImport(), problems);
        } catch (ImportFailure f) {
            String why = f.describe();
            if (!why.equals(g.importError())) { // retried at every poll: history hears of each new reason once
                grabs.recordImportError(g.id(), why);
                Map<String, String> params = new LinkedHashMap<>(DownloadControl.about(g));
                params.put("detail", f.getMessage());
                params.putAll(f.params());
                history.add(HistoryEvent.Kind.IMPORT_FAILED, false, g.seriesId(), g.title(), g.source(), g.client(), null, null, g.volume(),
                        f.code(), params, why, now, g.id());
                events.add(new TrackReport.Event(g.id(), HistoryEvent.Kind.IMPORT_FAILED, g.title(), g.volume(), why));
            }
            problems.add(Problem.of(f.code(), "import of " + g.title() + (g.volume() == null ? "" : " " + g.volume()) + ": " + why,
                    "series", g.title(), "volume", g.volume(), "detail", f.getMessage()));
        }
    }

    private void afterImport(Grab g, DownloadSettings.AfterImport mode, List<Problem> problems) {
        if (mode == DownloadSettings.AfterImport.SEED) {
            return;
        }
        try {
            clients.remove(g, mode == DownloadSettings.AfterImport.REMOVE);
        } catch (KanzenException e) {
            problems.add(Problem.of("client.notRemovedAfterImport", "imported, but not removed from " + g.client() + ": " + e.getMessage(),
                    "name", g.client(), "series", g.title(), "detail", e.getMessage()));
        }
    }

    private void fail(Grab g, HistoryEvent.Kind kind, String why, boolean removeFromClient, List<TrackReport.Event> events, List<Problem> problems) {
        Instant now = clock.instant();
        if (removeFromClient) {
            try {
                clients.remove(g, true); // a stalled download would go on holding a slot and disk space
            } catch (KanzenException e) {
                problems.add(Problem.of("client.notRemoved", "not removed from " + g.client() + ": " + e.getMessage(),
                        "name", g.client(), "series", g.title(), "detail", e.getMessage()));
            }
        }
        grabs.markDownloadFailed(g, why, now);
        String key = grabs.linkKey(g.id());
        boolean blocked = g.seriesId() != null && key != null;
        if (blocked) {
            blocklist.add(g.seriesId(), key, g.releaseTitle(), why, now);
        }
        String message = (kind == HistoryEvent.Kind.STALLED ? "stalled: " : "download failed: ") + why
                + (blocked ? "; release blocklisted, the volume is wanted again" : "");
        Map<String, String> params = new LinkedHashMap<>(DownloadControl.about(g));
        params.put("detail", why);
        String code = kind == HistoryEvent.Kind.STALLED ? (blocked ? HistoryCodes.STALLED_BLOCKLISTED : HistoryCodes.STALLED)
                : blocked ? HistoryCodes.DOWNLOAD_FAILED_BLOCKLISTED : HistoryCodes.DOWNLOAD_FAILED;
        history.add(kind, false, g.seriesId(), g.title(), g.source(), g.client(), null, null, g.volume(), code, params, message, now, g.id());
        events.add(new TrackReport.Event(g.id(), kind, g.title(), g.volume(), message));
        lastResend.remove(g.id());
    }

    /** aMule forgets an ed2k link's sources when it restarts; adding the link again brings them back. */
    private void resendSources(Grab g, Instant now, List<Problem> problems) {
        Instant last = lastResend.get(g.id());
        if (last != null && last.plus(RESEND_EVERY).isAfter(now)) {
            return;
        }
        lastResend.put(g.id(), now);
        try {
            String handle = clients.resubmit(g);
            if (!Objects.equals(handle, g.handle())) {
                problems.add(Problem.of("client.otherId", g.client() + " answered another id for " + g.title() + " when given its link again",
                        "name", g.client(), "series", g.title()));
            }
        } catch (KanzenException e) {
            problems.add(Problem.of("client.resendFailed", "could not give " + g.client() + " the link of " + g.title() + " again: " + e.getMessage(),
                    "name", g.client(), "series", g.title(), "detail", e.getMessage()));
        }
    }

    /** A path from the root of the client's machine (Unix, a Windows drive or a UNC share), not a bare name. */
    static boolean absolute(String path) {
        return path != null && (path.startsWith("/") || path.startsWith("\\\\") || path.matches("(?s)[A-Za-z]:[\\\\/].*"));
    }

    /** The bytes of a file, or of the regular files under a folder; 0 when nothing is there. */
    private static long bytes(Path p) {
        try {
            if (Files.isRegularFile(p)) {
                return Files.size(p);
            }
            if (Files.isDirectory(p)) {
                try (Stream<Path> all = Files.walk(p)) {
                    return all.filter(Files::isRegularFile).mapToLong(f -> {
                        try {
                            return Files.size(f);
                        } catch (IOException e) {
                            return 0;
                        }
                    }).sum();
                }
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            return 0;
        }
        return 0;
    }
}
