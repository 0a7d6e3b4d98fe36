package io.kanzen.core.internal.monitor;

import io.kanzen.api.ParsedName;
import io.kanzen.api.Release;
import io.kanzen.api.VolumeRange;
import io.kanzen.api.scoring.Decision;
import io.kanzen.api.scoring.Rejection;
import io.kanzen.api.scoring.RejectionReason;
import io.kanzen.api.scoring.Score;
import io.kanzen.api.scoring.ScoreComponent;
import io.kanzen.core.internal.library.TitleKey;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Judges releases for one series: each is accepted or rejected with typed reasons, and scored either way so that
 * a decision can be explained. Then {@link #choose} picks the accepted releases that cover the wanted volumes
 * without overlapping each other. Pure: no I/O.
 */
public final class DecisionEngine {
    private DecisionEngine() {}

    public static Decision decide(Release r, SeriesProfile p) {
        List<Rejection> rejections = new ArrayList<>();
        List<ScoreComponent> score = new ArrayList<>();
        ParsedName n = r.parsed();
        String lowerTitle = r.title().toLowerCase(Locale.ROOT);

        String seriesKey = TitleKey.of(n.series());
        boolean exact = p.titles().stream().anyMatch(t -> TitleKey.of(t).equals(seriesKey));
        if (exact) {
            score.add(new ScoreComponent("series", 40, "the title names \"" + n.series() + "\""));
        } else {
            rejections.add(new Rejection(RejectionReason.WRONG_SERIES, "the release is for \"" + (n.series() == null ? "?" : n.series())
                    + "\", not \"" + p.titles().get(0) + "\""));
        }

        Set<Integer> covers = covered(n.volume());
        Set<Integer> wantedHere = new TreeSet<>(covers);
        wantedHere.retainAll(p.wanted());
        if (n.volume() == null && n.chapter() != null) {
            rejections.add(new Rejection(RejectionReason.CHAPTER_NOT_VOLUME, "chapters " + n.chapter() + ", not a volume"));
        } else if (n.volume() == null) {
            rejections.add(new Rejection(RejectionReason.VOLUME_NOT_WANTED, n.completeSeries()
                    ? "a whole-series pack with no volume numbers: it cannot be told what it brings" : "no volume number in the title"));
        } else if (wantedHere.isEmpty()) {
            rejections.add(new Rejection(RejectionReason.VOLUME_NOT_WANTED, "volume " + n.volume() + " is not wanted"));
        } else {
            score.add(new ScoreComponent("volumes", 20 * Math.min(wantedHere.size(), 10), "brings wanted volume"
                    + (wantedHere.size() > 1 ? "s " : " ") + join(wantedHere)));
            Set<Integer> owned = new TreeSet<>();
            for (int v : covers) {
                if (p.owned().stream().anyMatch(o -> o.contains(v))) {
                    owned.add(v);
                }
            }
            if (!owned.isEmpty() && !p.allowOwnedOverlap()) {
                rejections.add(new Rejection(RejectionReason.VOLUME_NOT_WANTED, "it also brings volume" + (owned.size() > 1 ? "s " : " ")
                        + join(owned) + ", already owned"));
            }
        }

        String key = LinkKeys.of(r);
        if (p.blockedKeys().contains(key)) {
            rejections.add(new Rejection(RejectionReason.BLOCKED, "this release failed before and is blocklisted"));
        }
        if (p.heldKeys().contains(key)) {
            rejections.add(new Rejection(RejectionReason.ALREADY_GRABBED, "this release was already sent"));
        } else if (!wantedHere.isEmpty() && p.heldVolumes().containsAll(wantedHere)) {
            rejections.add(new Rejection(RejectionReason.ALREADY_QUEUED, "volume" + (wantedHere.size() > 1 ? "s " : " ") + join(wantedHere)
                    + " already grabbed, waiting for the download"));
        }

        if (p.language() != null && n.language() != null && !n.language().equals(p.language()) && !n.language().equals("multi")) {
            rejections.add(new Rejection(RejectionReason.LANGUAGE, "language " + n.language() + ", the collection is " + p.language()));
        } else if (p.language() != null && p.language().equals(n.language())) {
            score.add(new ScoreComponent("language", 15, "in " + n.language()));
        }
        if (!p.formats().isEmpty() && n.format() != null && !p.formats().contains(n.format())) {
            rejections.add(new Rejection(RejectionReason.FORMAT, "format " + n.format() + " is not accepted (" + String.join(", ", new TreeSet<>(p.formats())) + ")"));
        } else if (n.format() != null && (n.format().equals("cbz") || n.format().equals("cbr"))) {
            score.add(new ScoreComponent("format", 5, n.format()));
        }
        if (r.size() > 0 && !covers.isEmpty()) {
            long perVolume = r.size() / covers.size();
            if (p.minBytes() > 0 && perVolume < p.minBytes()) {
                rejections.add(new Rejection(RejectionReason.SIZE, mb(perVolume) + " per volume, below the minimum " + mb(p.minBytes())));
            }
            if (p.maxBytes() > 0 && perVolume > p.maxBytes()) {
                rejections.add(new Rejection(RejectionReason.SIZE, mb(perVolume) + " per volume, above the maximum " + mb(p.maxBytes())));
            }
        }
        for (String w : p.requiredWords()) {
            if (!lowerTitle.contains(w.toLowerCase(Locale.ROOT))) {
                rejections.add(new Rejection(RejectionReason.BLOCKED, "the required word \"" + w + "\" is missing"));
            }
        }
        for (String w : p.ignoredWords()) {
            if (lowerTitle.contains(w.toLowerCase(Locale.ROOT))) {
                rejections.add(new Rejection(RejectionReason.BLOCKED, "it contains the ignored word \"" + w + "\""));
            }
        }
        if (r.seeders() != null) {
            int points = Math.min(10, r.seeders() / 5);
            score.add(new ScoreComponent("seeders", points, r.seeders() + " seeders"));
            if (r.seeders() == 0) {
                score.add(new ScoreComponent("dead", -30, "no seeder"));
            }
        }
        Score total = Score.of(score);
        if (rejections.isEmpty() && total.total() < p.minScore()) {
            rejections.add(new Rejection(RejectionReason.BELOW_MINIMUM_SCORE, "score " + total.total() + " is below the minimum " + p.minScore()));
        }
        return new Decision(r, total, rejections);
    }

    /**
     * The accepted releases to grab: best score first (then more seeders), each taken only if it brings wanted
     * volumes no release taken before brings. A pack that covers three missing volumes scores above a single and
     * wins; one that would bring owned volumes was rejected before.
     */
    public static List<Decision> choose(List<Decision> decisions, SeriesProfile p) {
        List<Decision> accepted = new ArrayList<>(decisions.stream().filter(Decision::accepted).toList());
        accepted.sort(Comparator.comparingInt((Decision d) -> d.score().total()).reversed()
                .thenComparing(d -> d.release().seeders() == null ? -1 : d.release().seeders(), Comparator.reverseOrder()));
        Set<Integer> taken = new HashSet<>(p.heldVolumes());
        List<Decision> chosen = new ArrayList<>();
        for (Decision d : accepted) {
            Set<Integer> brings = new TreeSet<>(covered(d.release().parsed().volume()));
            brings.retainAll(p.wanted());
            boolean overlaps = brings.stream().anyMatch(taken::contains);
            if (!brings.isEmpty() && !overlaps) {
                chosen.add(d);
                taken.addAll(brings);
            }
        }
        return chosen;
    }

    /** The whole volumes a range covers (a pack 1-3 covers 1, 2, 3; a 7.5 covers none). */
    static Set<Integer> covered(VolumeRange range) {
        Set<Integer> out = new TreeSet<>();
        if (range != null && range.to() - range.from() <= WantedVolumes.MAX_TARGET) {
            range.wholeNumbers().forEach(out::add);
        }
        return out;
    }

    private static String join(Set<Integer> volumes) {
        StringBuilder b = new StringBuilder();
        for (int v : volumes) {
            b.append(b.length() == 0 ? "" : ", ").append(v);
        }
        return b.toString();
    }

    private static String mb(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
    }
}
