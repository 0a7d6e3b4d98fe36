package io.kanzen.core.internal.monitor;

import io.kanzen.api.Release;
import io.kanzen.api.VolumeRange;
import io.kanzen.api.scoring.Decision;
import io.kanzen.core.Grab;
import io.kanzen.core.GrabConflictException;
import io.kanzen.core.HistoryCodes;
import io.kanzen.core.HistoryEvent;
import io.kanzen.core.KanzenException;
import io.kanzen.core.MonitorConfig;
import io.kanzen.core.Proposal;
import io.kanzen.core.SeriesSettings;
import io.kanzen.core.SeriesSummary;
import io.kanzen.core.internal.clients.DownloadClients;
import io.kanzen.core.internal.clients.GrabStore;
import io.kanzen.core.internal.library.LibraryStore;
import io.kanzen.core.internal.monitor.ProposalStore.Why;
import io.kanzen.core.internal.secrets.SecretCipher;
import io.kanzen.core.internal.storage.Database;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Manual mode. A real check with automatic download off records what it would send as proposals; the user approves
 * one (sent through the same grab path as the monitor's: recorded before it is sent, held afterwards, imported when
 * done) or rejects it (its release blocklisted for the series, so the next check chooses another). A later check
 * refreshes the pending proposals of its series; a volume owned, grabbed or blocklisted since supersedes its proposal.
 */
public final class Proposals {
    /** The link as shown: an API key in it masked (the real link is sealed). */
    private static final Pattern API_KEY = Pattern.compile("(?i)([?&](?:apikey|api_key|passkey|token)=)[^&]+");

    private static final Why APPROVED_BY_HAND = new Why("approved", "approved by hand");

    private final ProposalStore store;
    private final SecretCipher cipher;
    private final GrabStore grabs;
    private final DownloadClients clients;
    private final BlocklistStore blocklist;
    private final HistoryStore history;
    private final LibraryStore library;
    private final SeriesMonitorStore monitors;
    private final MonitorConfigStore config;
    private final Clock clock;

    public Proposals(Database db, SecretCipher cipher, GrabStore grabs, DownloadClients clients, BlocklistStore blocklist, HistoryStore history,
            LibraryStore library, SeriesMonitorStore monitors, MonitorConfigStore config, Clock clock) {
        this.store = new ProposalStore(db);
        this.cipher = cipher;
        this.grabs = grabs;
        this.clients = clients;
        this.blocklist = blocklist;
        this.history = history;
        this.library = library;
        this.monitors = monitors;
        this.config = config;
        this.clock = clock;
    }

    /**
     * Records what a check chose for a series it does not send for. A pending proposal chosen again is refreshed;
     * one not chosen again is superseded when every source of the series answered ({@code complete}): a source
     * down for a check does not wipe what it found before, unless a new choice covers the same volumes.
     */
    public void record(SeriesSummary s, List<Decision> chosen, boolean complete) {
        Instant now = clock.instant();
        List<ProposalStore.Row> rows = new ArrayList<>();
        for (Decision d : chosen) {
            Release r = d.release();
            if (r.parsed().volume() == null) {
                continue; // choose() takes only releases that bring wanted volumes: never the case, but no volume, no proposal
            }
            rows.add(new ProposalStore.Row(s.id(), s.title(), r.parsed().volume(), r.title(), r.source(), cipher.seal(r.link()), shown(r.link()),
                    LinkKeys.of(r), r.linkKind().name().toLowerCase(Locale.ROOT), r.size() < 0 ? null : r.size(), r.seeders(), d.score().total(),
                    d.score().breakdown()));
        }
        store.database().write(c -> {
            Map<String, Proposal> pending = ProposalStore.pendingByKey(c, s.id());
            Set<String> chosenKeys = new HashSet<>();
            rows.forEach(r -> chosenKeys.add(r.linkKey()));
            for (Map.Entry<String, Proposal> p : pending.entrySet()) {
                if (chosenKeys.contains(p.getKey())) {
                    continue;
                }
                boolean overlapped = rows.stream().anyMatch(r -> r.volume().overlaps(p.getValue().volume()));
                if (complete || overlapped) {
                    ProposalStore.move(c, p.getValue().id(), Proposal.State.PENDING, Proposal.State.SUPERSEDED,
                            new Why("rechosen", "a later check chose another release"), null, now);
                }
            }
            for (ProposalStore.Row r : rows) {
                Proposal kept = pending.get(r.linkKey());
                if (kept != null) {
                    ProposalStore.refresh(c, kept.id(), r, now);
                } else {
                    ProposalStore.insert(c, r, now);
                }
            }
            return null;
        });
    }

    /** The pending proposals, those made stale by an owned, grabbed or blocklisted volume superseded first. */
    public List<Proposal> pending() {
        supersedeStale();
        return store.list(Proposal.State.PENDING);
    }

    /** Every proposal, whatever its state, newest first per series. */
    public List<Proposal> all() {
        supersedeStale();
        return store.list(null);
    }

    /**
     * Sends a pending proposal's release to the client the series (or the settings) names, once: a second approval,
     * from another request or process, is refused. A volume owned or held since, or a release already sent, is
     * refused with a {@link GrabConflictException} and the proposal superseded. When the client refuses the
     * download, the proposal stays pending with the reason and the grab is recorded failed.
     */
    public synchronized Grab approve(long id) {
        Proposal p = get(id);
        require(p, Proposal.State.PENDING, "proposal.notPending", "approved");
        ProposalStore.Link link = store.link(id);
        Optional<Conflict> conflict = conflict(p, link.key(), seriesById());
        if (conflict.isPresent()) {
            store.move(id, Proposal.State.PENDING, Proposal.State.SUPERSEDED, conflict.get().reasonWhy(), null, clock.instant());
            throw new GrabConflictException(conflict.get().reason(), KanzenException.pairs("id", id, "why", conflict.get().why()),
                    "proposal " + id + " was not sent: " + conflict.get().why());
        }
        String realLink;
        try {
            realLink = cipher.open(link.sealed());
        } catch (KanzenException e) {
            store.move(id, Proposal.State.PENDING, Proposal.State.SUPERSEDED, new Why("unreadable", "its link cannot be read any more: " + e.getMessage()),
                    null, clock.instant());
            throw new KanzenException("proposal.unreadable", KanzenException.pairs("id", id), "proposal " + id + " cannot be sent (its link"
                    + " cannot be read: " + e.getMessage() + "); the next check proposes its volume again", e);
        }
        if (!store.move(id, Proposal.State.PENDING, Proposal.State.APPROVED, APPROVED_BY_HAND, null, clock.instant())) {
            throw new KanzenException("proposal.notPending", KanzenException.pairs("id", id), "proposal " + id + " was approved or rejected meanwhile");
        }
        SeriesSettings ss = monitors.get(p.seriesId());
        MonitorConfig cfg = config.current();
        String client = ss.client() != null ? ss.client() : cfg.preferredClient();
        try {
            Grab g = clients.grab(client, realLink, p.seriesTitle(), p.volume(), p.seriesId(), p.source(), p.releaseTitle(), link.key());
            store.move(id, Proposal.State.APPROVED, Proposal.State.APPROVED, APPROVED_BY_HAND, g.id(), clock.instant());
            history.add(HistoryEvent.Kind.GRAB, true, p.seriesId(), p.seriesTitle(), p.source(), g.client(), null, null, p.volume(),
                    HistoryCodes.PROPOSAL_APPROVED, KanzenException.pairs("series", p.seriesTitle(), "volume", p.volume(), "source", p.source(),
                            "client", g.client(), "release", p.releaseTitle()), p.releaseTitle() + " (proposal approved)", clock.instant(), g.id());
            return g;
        } catch (KanzenException e) {
            // the grab is recorded failed: the volume is free again, the proposal may be approved again once the client works
            store.move(id, Proposal.State.APPROVED, Proposal.State.PENDING, new Why("approveFailed", "the last approval failed: " + e.getMessage()), null,
                    clock.instant());
            history.add(HistoryEvent.Kind.FAILURE, false, p.seriesId(), p.seriesTitle(), p.source(), client, null, null, p.volume(), e.code(),
                    HistoryCodes.failure(e, "series", p.seriesTitle(), "volume", p.volume(), "source", p.source(), "client", client, "release",
                            p.releaseTitle(), "step", HistoryCodes.STEP_APPROVE), p.releaseTitle() + ": " + e.getMessage(), clock.instant());
            throw e;
        }
    }

    /**
     * Approves every pending proposal in turn; one that cannot be sent stays pending (or is superseded) with its
     * reason, and the others are still sent. Returns every proposal approval was tried on, as it is now.
     */
    public synchronized List<Proposal> approveAll() {
        List<Proposal> out = new ArrayList<>();
        for (Proposal p : pending()) {
            try {
                approve(p.id());
            } catch (KanzenException e) {
                // said in the proposal's reason and in the history; the next one is tried
            }
            out.add(get(p.id()));
        }
        return out;
    }

    /** Turns a pending proposal down: its release is blocklisted for the series, so the next check chooses another. */
    public synchronized Proposal reject(long id) {
        Proposal p = get(id);
        require(p, Proposal.State.PENDING, "proposal.notPending", "rejected");
        ProposalStore.Link link = store.link(id);
        Instant now = clock.instant();
        boolean moved = store.database().write(c -> ProposalStore.move(c, id, Proposal.State.PENDING, Proposal.State.REJECTED,
                new Why("rejected", "rejected by hand: the release is blocklisted"), null, now));
        if (!moved) {
            throw new KanzenException("proposal.notPending", KanzenException.pairs("id", id), "proposal " + id + " was approved or rejected meanwhile");
        }
        blocklist.add(p.seriesId(), link.key(), p.releaseTitle(), "proposal rejected by hand", now);
        history.add(HistoryEvent.Kind.DOWNLOAD_CONTROL, true, p.seriesId(), p.seriesTitle(), p.source(), null, null, null, p.volume(),
                HistoryCodes.PROPOSAL_REJECTED, KanzenException.pairs("series", p.seriesTitle(), "volume", p.volume(), "source", p.source(),
                        "release", p.releaseTitle()), p.releaseTitle() + ": proposal rejected by hand, blocklisted", now);
        return get(id);
    }

    /** The proposals no longer pending (approved, rejected, superseded), the most recently decided first, at most {@code limit}. */
    public List<Proposal> decided(int limit) {
        if (limit < 1 || limit > Proposal.MOST_DECIDED_LISTED) {
            throw new KanzenException("input.range", KanzenException.pairs("field", "limit", "min", 1, "max", Proposal.MOST_DECIDED_LISTED),
                    "limit is between 1 and " + Proposal.MOST_DECIDED_LISTED);
        }
        supersedeStale();
        return store.decided(limit);
    }

    /**
     * Undoes a rejection: the release comes off the series' blocklist and the proposal is pending again, to approve
     * or reject. When its volume was owned or grabbed since, or a later check proposed another release for the same
     * volumes, the release is still unblocked but the proposal is superseded, with why: the user chooses among what
     * is pending.
     */
    public synchronized Proposal unreject(long id) {
        Proposal p = get(id);
        require(p, Proposal.State.REJECTED, "proposal.notRejected", "taken back");
        ProposalStore.Link link = store.link(id);
        Instant now = clock.instant();
        Optional<Conflict> conflict = conflict(p, link.key(), seriesById());
        boolean moved = store.database().write(c -> {
            if (conflict.isPresent()) {
                return ProposalStore.move(c, id, Proposal.State.REJECTED, Proposal.State.SUPERSEDED, conflict.get().reasonWhy(), null, now);
            }
            if (ProposalStore.pendingFor(c, p.seriesId(), p.volume())) {
                return ProposalStore.move(c, id, Proposal.State.REJECTED, Proposal.State.SUPERSEDED,
                        new Why("rechosen", "its rejection was undone, but a later check proposes another release for the same volumes"), null, now);
            }
            return ProposalStore.move(c, id, Proposal.State.REJECTED, Proposal.State.PENDING, null, null, now);
        });
        if (!moved) {
            throw new KanzenException("proposal.notRejected", KanzenException.pairs("id", id), "proposal " + id + " changed meanwhile");
        }
        blocklist.remove(p.seriesId(), link.key());
        history.add(HistoryEvent.Kind.DOWNLOAD_CONTROL, true, p.seriesId(), p.seriesTitle(), p.source(), null, null, null, p.volume(),
                HistoryCodes.PROPOSAL_UNREJECTED, KanzenException.pairs("series", p.seriesTitle(), "volume", p.volume(), "source", p.source(),
                        "release", p.releaseTitle()), p.releaseTitle() + ": rejection undone by hand, no longer blocklisted", now);
        return get(id);
    }

    /** Refuses, with {@code code}, what may be done only to a proposal in {@code wanted}: "proposal 3 is approved: only a pending one can be rejected". */
    private static void require(Proposal p, Proposal.State wanted, String code, String done) {
        if (p.state() != wanted) {
            String state = p.state().name().toLowerCase(Locale.ROOT);
            throw new KanzenException(code, KanzenException.pairs("id", p.id(), "state", state),
                    "proposal " + p.id() + " is " + state + ": only a " + wanted.name().toLowerCase(Locale.ROOT) + " one can be " + done);
        }
    }

    private Proposal get(long id) {
        return store.byId(id).orElseThrow(() -> new KanzenException("proposal.notFound", KanzenException.pairs("id", id), "no proposal with id " + id));
    }

    /** Supersedes each pending proposal whose volume is owned or held since, or whose release is blocklisted or sent. */
    private void supersedeStale() {
        List<Proposal> pending = store.list(Proposal.State.PENDING);
        if (pending.isEmpty()) {
            return;
        }
        Map<Long, SeriesSummary> series = seriesById();
        Instant now = clock.instant();
        for (Proposal p : pending) {
            ProposalStore.Link link = store.link(p.id());
            Why why = conflict(p, link.key(), series).map(Conflict::reasonWhy).orElse(null);
            if (why == null && blocklist.keys(p.seriesId()).contains(link.key())) {
                why = new Why("blocklisted", "its release was blocklisted");
            }
            if (why != null) {
                store.move(p.id(), Proposal.State.PENDING, Proposal.State.SUPERSEDED, why, null, now);
            }
        }
    }

    /** Why sending a proposal now would grab twice: the exception's reason, the proposal's reason code and the sentence. */
    private record Conflict(GrabConflictException.Reason reason, String code, String why) {
        Why reasonWhy() {
            return new Why(code, why);
        }
    }

    /** Why sending a proposal now would grab twice (its volume owned or held, its release sent), if it would. */
    private Optional<Conflict> conflict(Proposal p, String key, Map<Long, SeriesSummary> series) {
        SeriesSummary s = series.get(p.seriesId());
        if (s == null) {
            return Optional.of(new Conflict(GrabConflictException.Reason.OWNED, "seriesGone", "the series is no longer in the libraries"));
        }
        VolumeRange v = p.volume();
        if (s.volumes().stream().anyMatch(o -> o.overlaps(v))) {
            return Optional.of(new Conflict(GrabConflictException.Reason.OWNED, "owned", "volume " + v + " of " + s.title() + " is in the library now"));
        }
        for (Grab g : grabs.ofSeries(s.id())) {
            if (!g.state().holdsVolume()) {
                continue;
            }
            if (key.equals(grabs.linkKey(g.id()))) {
                return Optional.of(new Conflict(GrabConflictException.Reason.SAME_LINK, "sent", "this release was already sent (download " + g.id() + ")"));
            }
            if (g.volume() != null && g.volume().overlaps(v)) {
                return Optional.of(new Conflict(GrabConflictException.Reason.HELD, "held", "volume " + g.volume() + " of " + s.title()
                        + " was grabbed since (download " + g.id() + ")"));
            }
        }
        return Optional.empty();
    }

    private Map<Long, SeriesSummary> seriesById() {
        Map<Long, SeriesSummary> out = new HashMap<>();
        library.summaries().forEach(s -> out.put(s.id(), s));
        return out;
    }

    private static String shown(String link) {
        return API_KEY.matcher(link).replaceAll("$1****");
    }
}
