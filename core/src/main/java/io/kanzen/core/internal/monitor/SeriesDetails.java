package io.kanzen.core.internal.monitor;

import io.kanzen.api.VolumeRange;
import io.kanzen.api.source.EditionInfo;
import io.kanzen.core.Grab;
import io.kanzen.core.KanzenException;
import io.kanzen.core.SeriesDetail;
import io.kanzen.core.SeriesSettings;
import io.kanzen.core.SeriesSummary;
import io.kanzen.core.WantedSeries;
import io.kanzen.core.internal.clients.GrabStore;
import io.kanzen.core.internal.library.LibraryStore;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Puts together one series' page from what is kept: the library (owned), the wanted list (missing, not yet out),
 * the grabs (sent, downloading) and the metadata (publishers, the next volume's date). Reads only the database.
 */
public final class SeriesDetails {
    private final LibraryStore library;
    private final SeriesMonitorStore monitors;
    private final MetadataCache metadata;
    private final GrabStore grabs;
    private final MonitorCheck monitor;
    private final Clock clock;

    public SeriesDetails(LibraryStore library, SeriesMonitorStore monitors, MetadataCache metadata, GrabStore grabs, MonitorCheck monitor,
            Clock clock) {
        this.library = library;
        this.monitors = monitors;
        this.metadata = metadata;
        this.grabs = grabs;
        this.monitor = monitor;
        this.clock = clock;
    }

    /** The series' page; a {@link KanzenException} ("no series…", a 404 for the API) when no series has that id. */
    public SeriesDetail of(long seriesId) {
        SeriesSummary summary = library.summaries().stream().filter(s -> s.id() == seriesId).findFirst()
                .orElseThrow(() -> notFound(seriesId));
        WantedSeries wanted = monitor.wanted(WantedSeries.Filter.ALL).stream().filter(w -> w.seriesId() == seriesId).findFirst()
                .orElseThrow(() -> notFound(seriesId));
        SeriesSettings settings = monitors.get(seriesId);
        Optional<MetadataCache.Entry> meta = metadata.get(seriesId);
        List<Grab> all = grabs.ofSeries(seriesId);
        Map<Long, Double> progress = new HashMap<>();
        for (Grab g : all) {
            if (g.state() == Grab.State.SENT) {
                progress.put(g.id(), grabs.tracking(g.id()).progress());
            }
        }
        EditionInfo collected = meta.map(m -> "vo".equals(wanted.edition()) ? m.vo() : m.vf()).orElse(null);
        List<SeriesDetail.Volume> volumes = volumes(wanted, collected, all, progress, LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
        List<Grab> newestFirst = new ArrayList<>(all);
        newestFirst.sort(Comparator.comparingLong(Grab::id).reversed());
        SeriesDetail.Metadata m = meta.map(e -> new SeriesDetail.Metadata(e.source(), e.url(), e.title(), e.alternativeTitles(), e.vo(), e.vf(),
                e.fetchedAt())).orElse(null);
        List<Integer> missing = volumes.stream().filter(v -> v.state() == SeriesDetail.State.MISSING).map(v -> (int) v.number()).toList();
        return new SeriesDetail(seriesId, summary.library(), summary.title(), summary.folder(), summary.files(), wanted.monitored(),
                wanted.edition(), settings, summary.volumes(), missing, volumes, m, newestFirst);
    }

    /**
     * Each volume's state. A download under way wins over "missing" (the volume is on its way, a check will not send
     * it again); owned wins over everything (a pack may bring a volume already owned). Past the published count, the
     * announced next volume is shown with its date.
     *
     * @param grabs    the series' grabs, oldest first: a later grab of the same volume is the one shown
     * @param progress the last reported progress of each grab the client accepted (null when never reported)
     */
    static List<SeriesDetail.Volume> volumes(WantedSeries wanted, EditionInfo collected, List<Grab> grabs, Map<Long, Double> progress,
            LocalDate today) {
        Map<Integer, Grab> underWay = new HashMap<>();
        int highest = 0;
        for (Grab g : grabs) {
            if (g.volume() == null || !(g.state() == Grab.State.SENDING || g.state() == Grab.State.SENT)) {
                continue;
            }
            for (int v : DecisionEngine.covered(g.volume())) {
                underWay.put(v, g);
                highest = Math.max(highest, v);
            }
        }
        for (VolumeRange r : wanted.owned()) {
            highest = Math.max(highest, (int) Math.floor(r.to()));
        }
        for (int v : wanted.wanted()) {
            highest = Math.max(highest, v);
        }
        for (int v : wanted.notYet()) {
            highest = Math.max(highest, v);
        }
        if (wanted.publishedCount() != null) {
            highest = Math.max(highest, Math.min(wanted.publishedCount(), WantedVolumes.MAX_TARGET));
        }
        EditionInfo.VolumeDate next = collected == null ? null : collected.nextVolume();
        boolean announced = next != null && next.date().isAfter(today) && next.volume() == Math.floor(next.volume());
        if (announced) {
            highest = Math.max(highest, Math.min((int) next.volume(), WantedVolumes.MAX_TARGET));
        }
        TreeMap<Double, SeriesDetail.Volume> out = new TreeMap<>();
        for (int v = 1; v <= highest; v++) {
            SeriesDetail.State state;
            LocalDate date = null;
            Grab g = underWay.get(v);
            if (owns(wanted.owned(), v)) {
                g = null;
                state = SeriesDetail.State.OWNED;
            } else if (g != null) {
                Double p = progress.get(g.id());
                state = g.state() == Grab.State.SENT && p != null && p > 0 ? SeriesDetail.State.DOWNLOADING : SeriesDetail.State.SENT;
            } else if (wanted.notYet().contains(v) || announced && v >= next.volume()) {
                state = SeriesDetail.State.UPCOMING;
                date = announced && v == (int) next.volume() ? next.date() : null;
            } else {
                state = SeriesDetail.State.MISSING;
            }
            out.put((double) v, new SeriesDetail.Volume(v, state, date, g == null ? null : g.id(), g == null ? null : progress.get(g.id())));
        }
        for (VolumeRange r : wanted.owned()) { // half volumes (7.5) have no whole number of their own in the grid
            if (r.isSingle() && r.from() != Math.floor(r.from())) {
                out.put(r.from(), new SeriesDetail.Volume(r.from(), SeriesDetail.State.OWNED, null, null, null));
            }
        }
        return new ArrayList<>(out.values());
    }

    private static KanzenException notFound(long seriesId) {
        return new KanzenException("series.notFound", KanzenException.pairs("id", seriesId), "no series with id " + seriesId);
    }

    private static boolean owns(List<VolumeRange> owned, int v) {
        for (VolumeRange r : owned) {
            if (r.contains(v)) {
                return true;
            }
        }
        return false;
    }

    /** Per series, the whole volumes a download is bringing (sent, not yet imported): the list shows them apart from the missing ones. */
    public Map<Long, java.util.Set<Integer>> underWay() {
        Map<Long, java.util.Set<Integer>> out = new HashMap<>();
        for (Grab g : grabs.sending()) {
            add(out, g);
        }
        for (Grab g : grabs.sent()) {
            add(out, g);
        }
        return out;
    }

    private static void add(Map<Long, java.util.Set<Integer>> out, Grab g) {
        if (g.seriesId() != null && g.volume() != null) {
            out.computeIfAbsent(g.seriesId(), k -> new java.util.TreeSet<>()).addAll(DecisionEngine.covered(g.volume()));
        }
    }

    /** Forgets the metadata kept for a series, so that the next check reads its (new) pinned page. */
    public void forgetMetadata(long seriesId) {
        metadata.forget(seriesId);
    }
}
