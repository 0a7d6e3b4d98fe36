package io.kanzen.core.internal.monitor;

import io.kanzen.api.DownloadState;
import io.kanzen.api.DownloadStatus;
import io.kanzen.api.PluginException;
import io.kanzen.core.Grab;
import io.kanzen.core.HistoryEvent;
import io.kanzen.core.KanzenException;
import io.kanzen.core.internal.clients.DownloadClients;
import io.kanzen.core.internal.clients.GrabStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Follows sent downloads: a completed one is imported (moved into its series folder, when the client's files are
 * reachable from here, then the library is scanned again); a failed or vanished one blocklists its release and
 * frees its volumes, so the next check looks for another release.
 */
public final class DownloadTracker {
    /** Moves a finished download into the library; returns what it did, or throws a KanzenException saying why not. */
    public interface Importer {
        String importDownload(Grab grab, DownloadStatus status);
    }

    private final GrabStore grabs;
    private final DownloadClients clients;
    private final BlocklistStore blocklist;
    private final HistoryStore history;
    private final Importer importer;
    private final Clock clock;

    public DownloadTracker(GrabStore grabs, DownloadClients clients, BlocklistStore blocklist, HistoryStore history, Importer importer, Clock clock) {
        this.grabs = grabs;
        this.clients = clients;
        this.blocklist = blocklist;
        this.history = history;
        this.importer = importer;
        this.clock = clock;
    }

    /** One pass over the sent downloads; returns the problems met (a client that cannot be asked). */
    public List<String> poll() {
        List<String> problems = new ArrayList<>();
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
                problems.add(g.client() + ": " + e.getMessage());
                continue;
            }
            if (status.state() == DownloadState.COMPLETED) {
                complete(g, status, problems);
            } else if (status.state() == DownloadState.FAILED || status.state() == DownloadState.MISSING) {
                fail(g, status.message() == null ? status.state().name().toLowerCase() : status.message());
            }
        }
        return problems;
    }

    private void complete(Grab g, DownloadStatus status, List<String> problems) {
        try {
            String what = importer.importDownload(g, status);
            grabs.markImported(g, what, clock.instant());
            history.add(HistoryEvent.Kind.IMPORT, true, g.seriesId(), g.title(), g.source(), g.client(), null, null, g.volume(), what, clock.instant());
        } catch (KanzenException e) {
            // the download is fine; only the move failed (a path the client sees but Kanzen does not): say so, keep it SENT
            problems.add("import of " + g.title() + " " + (g.volume() == null ? "" : g.volume()) + ": " + e.getMessage());
        }
    }

    private void fail(Grab g, String why) {
        grabs.markDownloadFailed(g, why, clock.instant());
        String key = grabs.linkKey(g.id());
        if (g.seriesId() != null && key != null) {
            blocklist.add(g.seriesId(), key, g.releaseTitle(), why, clock.instant());
        }
        history.add(HistoryEvent.Kind.FAILURE, false, g.seriesId(), g.title(), g.source(), g.client(), null, null, g.volume(),
                "download failed (" + why + "): release blocklisted", clock.instant());
    }
}
