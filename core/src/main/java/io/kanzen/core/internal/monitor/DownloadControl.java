package io.kanzen.core.internal.monitor;

import io.kanzen.api.VolumeRange;
import io.kanzen.core.Grab;
import io.kanzen.core.GrabConflictException;
import io.kanzen.core.HistoryCodes;
import io.kanzen.core.HistoryEvent;
import io.kanzen.core.KanzenException;
import io.kanzen.core.SeriesSummary;
import io.kanzen.core.TrackReport;
import io.kanzen.core.internal.clients.DownloadClients;
import io.kanzen.core.internal.clients.GrabStore;
import io.kanzen.core.internal.library.LibraryStore;
import io.kanzen.core.internal.library.TitleKey;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What a user does to downloads by hand: send one for a series (held and imported like the monitor's), link one
 * sent without a series, cancel, retry and blocklist. Each leaves a history entry.
 */
public final class DownloadControl {
    private final GrabStore grabs;
    private final DownloadClients clients;
    private final BlocklistStore blocklist;
    private final HistoryStore history;
    private final LibraryStore library;
    private final DownloadTracker tracker;
    private final Clock clock;

    public DownloadControl(GrabStore grabs, DownloadClients clients, BlocklistStore blocklist, HistoryStore history, LibraryStore library,
            DownloadTracker tracker, Clock clock) {
        this.grabs = grabs;
        this.clients = clients;
        this.blocklist = blocklist;
        this.history = history;
        this.library = library;
        this.tracker = tracker;
        this.clock = clock;
    }

    /**
     * Sends a link by hand. When {@code title} names a library series, the grab is recorded against it (and its
     * volume): the monitor holds the volume and tracking imports it. Sending a volume already owned or held is
     * refused with a {@link GrabConflictException} unless {@code force}.
     */
    public Grab grab(String client, String link, String title, VolumeRange volume, boolean force) {
        Optional<SeriesSummary> series = series(title);
        String key = LinkKeys.ofLink(link);
        if (series.isPresent() && !force) {
            refuseConflicts(series.get(), volume, key);
        }
        Long seriesId = series.map(SeriesSummary::id).orElse(null);
        String seriesTitle = series.map(SeriesSummary::title).orElse(title);
        Instant now = clock.instant();
        try {
            Grab g = clients.grab(client, link, seriesTitle, volume, seriesId, null, null, key);
            history.add(HistoryEvent.Kind.GRAB, true, seriesId, seriesTitle, null, g.client(), null, null, volume,
                    seriesId == null ? HistoryCodes.SENT_BY_HAND_UNLINKED : HistoryCodes.SENT_BY_HAND,
                    KanzenException.pairs("series", seriesTitle, "volume", volume, "client", g.client()),
                    "sent by hand" + (seriesId == null ? " (not linked to a series)" : ""), now, g.id());
            return g;
        } catch (KanzenException e) {
            history.add(HistoryEvent.Kind.FAILURE, false, seriesId, seriesTitle, null, client, null, null, volume, e.code(),
                    HistoryCodes.failure(e, "series", seriesTitle, "volume", volume, "client", client, "step", HistoryCodes.STEP_SEND), e.getMessage(), now);
            throw e;
        }
    }

    private void refuseConflicts(SeriesSummary s, VolumeRange volume, String key) {
        for (Grab g : grabs.ofSeries(s.id())) {
            if (!g.state().holdsVolume()) {
                continue;
            }
            if (key.equals(grabs.linkKey(g.id()))) {
                throw new GrabConflictException(GrabConflictException.Reason.SAME_LINK, KanzenException.pairs("series", s.title(),
                        "download", g.id(), "state", g.state().name().toLowerCase()), "this link was already sent for " + s.title() + " (download " + g.id() + ", " + g.state().name().toLowerCase() + ")");
            }
            if (volume != null && g.volume() != null && g.volume().overlaps(volume)) {
                throw new GrabConflictException(GrabConflictException.Reason.HELD, KanzenException.pairs("series", s.title(),
                        "volume", g.volume(), "download", g.id(), "state", g.state().name().toLowerCase()), "volume " + g.volume() + " of " + s.title()
                        + " is already held by download " + g.id() + " (" + g.state().name().toLowerCase() + ")");
            }
        }
        if (volume != null && s.volumes().stream().anyMatch(v -> v.overlaps(volume))) {
            throw new GrabConflictException(GrabConflictException.Reason.OWNED, KanzenException.pairs("series", s.title(),
                    "volume", volume), "volume " + volume + " of " + s.title() + " is already in the library");
        }
    }

    /** Ties a download to a series (by title) and volume; the next poll imports it if it is finished. */
    public Grab link(long grabId, String seriesTitle, VolumeRange volume) {
        Grab g = get(grabId);
        if (g.state() == Grab.State.IMPORTED) {
            throw new KanzenException("download.alreadyImported", KanzenException.pairs("id", grabId), "download " + grabId + " is already imported");
        }
        SeriesSummary s = series(seriesTitle).orElseThrow(() -> new KanzenException("series.notFoundTitle", KanzenException.pairs("title", seriesTitle), "no series titled '" + seriesTitle + "' in the libraries"));
        grabs.link(grabId, s.id(), volume, LinkKeys.ofLink(g.link()));
        grabs.recordImportError(grabId, null);
        history.add(HistoryEvent.Kind.DOWNLOAD_CONTROL, true, s.id(), s.title(), g.source(), g.client(), null, null, volume,
                HistoryCodes.LINKED, KanzenException.pairs("series", s.title(), "volume", volume, "client", g.client()),
                "linked by hand to " + s.title() + (volume == null ? "" : " volume " + volume), clock.instant(), grabId);
        return get(grabId);
    }

    /** Removes an active download from its client (and its partial files); its volume is wanted again, its release not blocklisted. */
    public Grab cancel(long grabId) {
        Grab g = get(grabId);
        if (g.state() != Grab.State.SENT && g.state() != Grab.State.SENDING) {
            throw new KanzenException("download.notCancellable", KanzenException.pairs("id", grabId, "state", g.state().name().toLowerCase()), "download " + grabId + " is " + g.state().name().toLowerCase() + ": only a download in progress can be cancelled");
        }
        clients.remove(g, true);
        Grab done = grabs.markCancelled(g, "cancelled by hand", clock.instant());
        history.add(HistoryEvent.Kind.DOWNLOAD_CONTROL, true, g.seriesId(), g.title(), g.source(), g.client(), null, null, g.volume(),
                HistoryCodes.CANCELLED, about(g), "cancelled by hand", clock.instant(), grabId);
        return done;
    }

    /**
     * Tries again: a download in progress is followed (and imported) now; a failed, stalled or cancelled one is sent
     * again, its release taken off the blocklist.
     */
    public TrackReport retry(long grabId) {
        Grab g = get(grabId);
        switch (g.state()) {
            case SENT -> {
                grabs.recordImportError(grabId, null);
                return tracker.pollOne(get(grabId));
            }
            case FAILED, DOWNLOAD_FAILED, CANCELLED -> {
                String handle = clients.resubmit(g);
                String key = grabs.linkKey(grabId);
                if (g.seriesId() != null && key != null) {
                    blocklist.remove(g.seriesId(), key);
                }
                grabs.resend(g, handle, clock.instant());
                String what = "sent again by hand";
                history.add(HistoryEvent.Kind.DOWNLOAD_CONTROL, true, g.seriesId(), g.title(), g.source(), g.client(), null, null, g.volume(),
                        HistoryCodes.RESENT, about(g), what, clock.instant(), grabId);
                return new TrackReport(List.of(new TrackReport.Event(grabId, HistoryEvent.Kind.DOWNLOAD_CONTROL, g.title(), g.volume(), what)),
                        List.of());
            }
            default -> throw new KanzenException("download.notRetryable", KanzenException.pairs("id", grabId, "state", g.state().name().toLowerCase()), "download " + grabId + " is " + g.state().name().toLowerCase() + ": nothing to retry");
        }
    }

    /** Never this release again for its series: removed from its client if in progress, the volume wanted again. */
    public Grab blocklist(long grabId) {
        Grab g = get(grabId);
        if (g.seriesId() == null) {
            throw new KanzenException("download.noSeries", KanzenException.pairs("id", grabId), "download " + grabId + " is not linked to a series: a blocklist is per series (link it first)");
        }
        String key = grabs.linkKey(grabId) != null ? grabs.linkKey(grabId) : LinkKeys.ofLink(g.link());
        Grab out = g;
        if (g.state() == Grab.State.SENT || g.state() == Grab.State.SENDING) {
            clients.remove(g, true);
            out = grabs.markDownloadFailed(g, "blocklisted by hand", clock.instant());
        }
        blocklist.add(g.seriesId(), key, g.releaseTitle() != null ? g.releaseTitle() : g.title(), "blocklisted by hand", clock.instant());
        history.add(HistoryEvent.Kind.DOWNLOAD_CONTROL, true, g.seriesId(), g.title(), g.source(), g.client(), null, null, g.volume(),
                HistoryCodes.BLOCKLISTED, about(g), "blocklisted by hand", clock.instant(), grabId);
        return out;
    }

    /** The parameters of an event about download {@code g}: its series, volume, client, source and release. */
    static java.util.Map<String, String> about(Grab g) {
        return KanzenException.pairs("series", g.title(), "volume", g.volume(), "client", g.client(), "source", g.source(), "release",
                g.releaseTitle());
    }

    private Grab get(long id) {
        return grabs.byId(id).orElseThrow(() -> new KanzenException("download.notFound", KanzenException.pairs("id", id), "no download with id " + id + " (kanzen downloads lists them)"));
    }

    private Optional<SeriesSummary> series(String title) {
        if (title == null || title.isBlank()) {
            return Optional.empty();
        }
        String key = TitleKey.of(title);
        return library.summaries().stream().filter(s -> TitleKey.of(s.title()).equals(key)).findFirst();
    }
}
