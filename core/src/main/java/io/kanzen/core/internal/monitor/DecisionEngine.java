package io.kanzen.core.internal.monitor;

import io.kanzen.api.ParsedName;
import io.kanzen.api.Release;
import io.kanzen.api.VolumeRange;
import io.kanzen.api.scoring.Decision;
import io.kanzen.api.scoring.Rejection;
import io.kanzen.api.scoring.RejectionReason;
import io.kanzen.api.scoring.Score;
import io.kanzen.api.scoring.ScoreComponent;
import io.kanzen.api.LinkKind;
import io.kanzen.api.WantedVolume;
import io.kanzen.api.scoring.ScorerVerdict;
import io.kanzen.core.internal.monitor.Explanations.Detail;
import io.kanzen.core.internal.monitor.Explanations.Part;
import io.kanzen.core.internal.scoring.Scorers;
import java.util.ArrayList;
import java.util.Collections;
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

    /**
     * Judges every release read for a series. The releases that name the series and bring wanted volumes set a
     * typical size per volume, and one far below it is a fake even when it passes the fixed limits.
     */
    public static List<Decision> decideAll(List<ReleaseReader.ReadRelease> releases, SeriesProfile p) {
        return decideAll(releases, p, List.of(), new ArrayList<>());
    }

    /**
     * Judges with the built-in rules, then with each enabled scorer plugin: its parts join the score under its
     * name and it may turn a release down. A scorer that throws is that scorer's failure, said once in
     * {@code problems}; the decision goes on without it.
     */
    public static List<Decision> decideAll(List<ReleaseReader.ReadRelease> releases, SeriesProfile p, List<Scorers.Named> scorers,
            List<io.kanzen.core.Problem> problems) {
        List<Long> perVolume = new ArrayList<>();
        for (ReleaseReader.ReadRelease rr : releases) {
            Set<Integer> covers = covered(rr.release().parsed().volume());
            if (rr.match().accepted() && rr.release().size() > 0 && !covers.isEmpty()) {
                perVolume.add(rr.release().size() / covers.size());
            }
        }
        Collections.sort(perVolume);
        long peerMedian = perVolume.size() >= PEERS_FOR_MEDIAN ? perVolume.get(perVolume.size() / 2) : 0;
        List<Decision> out = new ArrayList<>(releases.size());
        Set<String> failed = new HashSet<>();
        for (ReleaseReader.ReadRelease rr : releases) {
            Decision builtIn = decide(rr, p, peerMedian);
            out.add(scorers.isEmpty() ? builtIn : withScorers(builtIn, p, scorers, failed, problems));
        }
        return out;
    }

    /** How many sized candidates make a typical size worth comparing with. */
    static final int PEERS_FOR_MEDIAN = 3;
    /** A candidate this many times smaller than the typical one of its series is not the same thing. */
    static final int PEER_FACTOR = 20;

    public static Decision decide(ReleaseReader.ReadRelease rr, SeriesProfile p, long peerMedianPerVolume) {
        Release r = rr.release();
        List<Rejection> rejections = new ArrayList<>();
        List<ScoreComponent> score = new ArrayList<>();
        ParsedName n = r.parsed();
        String lowerTitle = r.title().toLowerCase(Locale.ROOT);

        SeriesIdentity.Match match = rr.match();
        switch (match.kind()) {
            case SAME -> score.add(Part.SERIES_SAME.of("series", 40, "the title names \"" + match.name() + "\"", match.name()));
            case SUBTITLE -> score.add(Part.SERIES_SUBTITLE.of("series", 35, "the title names \"" + match.name() + "\" with the subtitle \""
                    + match.extra() + "\"", match.name(), match.extra()));
            case OTHER_SERIES -> rejections.add(Detail.SERIES_OTHER.of(RejectionReason.WRONG_SERIES, "\"" + match.name()
                    + "\" is another series than \"" + p.titles().get(0) + "\"", match.name(), p.titles().get(0)));
            case NONE -> {
                String named = match.name().isEmpty() ? "?" : match.name();
                rejections.add(Detail.SERIES_NONE.of(RejectionReason.WRONG_SERIES, "the release is for \"" + named + "\", not \""
                        + p.titles().get(0) + "\"", named, p.titles().get(0)));
            }
        }

        Set<Integer> covers = covered(n.volume());
        Set<Integer> wantedHere = new TreeSet<>(covers);
        wantedHere.retainAll(p.wanted());
        if (n.special()) {
            rejections.add(Detail.SPECIAL.of(RejectionReason.VOLUME_NOT_WANTED, "a hors-série or special, not a numbered volume"));
        } else if (n.volume() == null && n.chapter() != null) {
            rejections.add(Detail.CHAPTERS.of(RejectionReason.CHAPTER_NOT_VOLUME, "chapters " + n.chapter() + ", not a volume", n.chapter()));
        } else if (n.volume() == null) {
            rejections.add(n.completeSeries()
                    ? Detail.PACK_UNNUMBERED.of(RejectionReason.VOLUME_NOT_WANTED, "a whole-series pack with no volume numbers: it cannot be told what it brings")
                    : Detail.VOLUME_NONE.of(RejectionReason.VOLUME_NOT_WANTED, "no volume number in the title"));
        } else if (wantedHere.isEmpty()) {
            rejections.add(Detail.VOLUME_NOT_WANTED.of(RejectionReason.VOLUME_NOT_WANTED, "volume " + n.volume() + " is not wanted", n.volume()));
        } else {
            score.add((wantedHere.size() > 1 ? Part.VOLUMES_MANY : Part.VOLUMES_ONE).of("volumes", 20 * Math.min(wantedHere.size(), 10),
                    "brings wanted volume" + (wantedHere.size() > 1 ? "s " : " ") + join(wantedHere), join(wantedHere)));
            Set<Integer> owned = new TreeSet<>();
            for (int v : covers) {
                if (p.owned().stream().anyMatch(o -> o.contains(v))) {
                    owned.add(v);
                }
            }
            if (!owned.isEmpty() && !p.allowOwnedOverlap()) {
                rejections.add((owned.size() > 1 ? Detail.OWNED_MANY : Detail.OWNED_ONE).of(RejectionReason.VOLUME_NOT_WANTED,
                        "it also brings volume" + (owned.size() > 1 ? "s " : " ") + join(owned) + ", already owned", join(owned)));
            }
        }

        if (!rr.edition().equals(p.edition())) {
            rejections.add(Detail.EDITION.of(RejectionReason.EDITION, edition(rr.edition()) + ", the series is collected in " + edition(p.edition())
                    + ": its volumes are split otherwise", rr.edition(), p.edition()));
        }

        String key = LinkKeys.of(r);
        if (p.blockedKeys().contains(key)) {
            rejections.add(Detail.BLOCKED.of(RejectionReason.BLOCKED, "this release failed before and is blocklisted"));
        }
        if (p.heldKeys().contains(key)) {
            rejections.add(Detail.ALREADY_SENT.of(RejectionReason.ALREADY_GRABBED, "this release was already sent"));
        } else if (!wantedHere.isEmpty() && p.heldVolumes().containsAll(wantedHere)) {
            rejections.add((wantedHere.size() > 1 ? Detail.QUEUED_MANY : Detail.QUEUED_ONE).of(RejectionReason.ALREADY_QUEUED,
                    "volume" + (wantedHere.size() > 1 ? "s " : " ") + join(wantedHere) + " already grabbed, waiting for the download", join(wantedHere)));
        }

        judgeLanguage(rr.language(), p, rejections, score);
        if (!p.formats().isEmpty() && n.format() != null && !p.formats().contains(n.format())) {
            String accepted = String.join(", ", new TreeSet<>(p.formats()));
            rejections.add(Detail.FORMAT.of(RejectionReason.FORMAT, "format " + n.format() + " is not accepted (" + accepted + ")", n.format(), accepted));
        } else if (n.format() != null && (n.format().equals("cbz") || n.format().equals("cbr"))) {
            score.add(Part.FORMAT.of("format", 5, n.format(), n.format()));
        }
        if (r.size() > 0 && !covers.isEmpty()) {
            long perVolume = r.size() / covers.size();
            SizeLimits sizes = p.sizes();
            if (perVolume < sizes.minBytes()) {
                rejections.add(Detail.SIZE_BELOW_MINIMUM.of(RejectionReason.SIZE, SizeLimits.mb(perVolume) + " per volume, below the minimum "
                        + SizeLimits.mb(sizes.minBytes()) + " set by " + sizes.why(), perVolume, sizes.minBytes(), sizes.basis().code(), sizes.ownBytes()));
            } else if (perVolume > sizes.maxBytes()) {
                rejections.add(Detail.SIZE_ABOVE_MAXIMUM.of(RejectionReason.SIZE, SizeLimits.mb(perVolume) + " per volume, above the maximum "
                        + SizeLimits.mb(sizes.maxBytes()) + " set by " + sizes.why(), perVolume, sizes.maxBytes(), sizes.basis().code(), sizes.ownBytes()));
            } else if (peerMedianPerVolume > 0 && perVolume * PEER_FACTOR < peerMedianPerVolume) {
                rejections.add(Detail.SIZE_BELOW_PEERS.of(RejectionReason.SIZE, SizeLimits.mb(perVolume) + " per volume, far below the "
                        + SizeLimits.mb(peerMedianPerVolume) + " of the other releases of the series", perVolume, peerMedianPerVolume));
            }
        }
        for (String w : p.requiredWords()) {
            if (!lowerTitle.contains(w.toLowerCase(Locale.ROOT))) {
                rejections.add(Detail.WORD_REQUIRED.of(RejectionReason.BLOCKED, "the required word \"" + w + "\" is missing", w));
            }
        }
        for (String w : p.ignoredWords()) {
            if (lowerTitle.contains(w.toLowerCase(Locale.ROOT))) {
                rejections.add(Detail.WORD_IGNORED.of(RejectionReason.BLOCKED, "it contains the ignored word \"" + w + "\"", w));
            }
        }
        if (r.seeders() != null) {
            if (r.seeders() == 0 && r.linkKind() != LinkKind.ED2K) {
                rejections.add(Detail.NO_SEEDERS.of(RejectionReason.NO_SEEDERS, "no seeder: the download would never start"));
            } else {
                score.add(Part.SEEDERS.of("seeders", Math.min(10, r.seeders() / 5), r.seeders() + " seeders", r.seeders()));
            }
        }
        Score total = Score.of(score);
        if (rejections.isEmpty() && total.total() < p.minScore()) {
            rejections.add(belowMinimum(total, p));
        }
        return new Decision(r, total, rejections);
    }

    private static Decision withScorers(Decision d, SeriesProfile p, List<Scorers.Named> scorers, Set<String> failed, List<io.kanzen.core.Problem> problems) {
        Set<Integer> brings = new TreeSet<>(covered(d.release().parsed().volume()));
        brings.retainAll(p.wanted());
        if (brings.isEmpty()) {
            return d; // scorers rate how well a release answers a wanted volume: this one answers none
        }
        WantedVolume wanted = new WantedVolume(p.seriesId(), p.titles(), brings.iterator().next(), p.language());
        List<ScoreComponent> parts = new ArrayList<>(d.score().breakdown());
        List<Rejection> rejections = new ArrayList<>(d.rejections());
        for (Scorers.Named named : scorers) {
            if (failed.contains(named.name())) {
                continue;
            }
            ScorerVerdict verdict;
            try {
                verdict = named.scorer().judge(d.release(), wanted);
                if (verdict == null) {
                    throw new IllegalStateException("it gave no verdict");
                }
            } catch (VirtualMachineError e) {
                throw e;
            } catch (Throwable e) { // a plugin's fault of any kind is that plugin's failure, not the check's
                failed.add(named.name());
                problems.add(io.kanzen.core.Problem.of("scorer.failed", "scorer " + named.name() + " failed and is left out of this series' decisions: " + e,
                        "name", named.name(), "detail", e));
                continue;
            }
            for (ScoreComponent c : verdict.score().breakdown()) {
                parts.add(new ScoreComponent(named.name() + ": " + c.name(), c.points(), c.why()));
            }
            verdict.rejectionReason().ifPresent(why -> rejections.add(new Rejection(RejectionReason.SCORER, named.name() + ": " + why)));
        }
        Score total = Score.of(parts);
        rejections.removeIf(r -> r.reason() == RejectionReason.BELOW_MINIMUM_SCORE);
        if (rejections.isEmpty() && total.total() < p.minScore()) {
            rejections.add(belowMinimum(total, p));
        }
        return new Decision(d.release(), total, rejections);
    }

    private static Rejection belowMinimum(Score total, SeriesProfile p) {
        return Detail.SCORE_BELOW_MINIMUM.of(RejectionReason.BELOW_MINIMUM_SCORE, "score " + total.total() + " is below the minimum " + p.minScore(),
                total.total(), p.minScore());
    }

    private static void judgeLanguage(ReleaseLanguage.Reading lang, SeriesProfile p, List<Rejection> rejections, List<ScoreComponent> score) {
        if (p.language() == null) {
            return;
        }
        boolean conflict = lang.evidence() == ReleaseLanguage.Evidence.CONFLICT;
        if (!lang.known()) {
            if (p.acceptUntagged()) {
                String why = "shows no language (" + lang.why() + "): taken only if no release in " + p.language() + " brings its volume";
                score.add(conflict ? Part.UNTAGGED_CONFLICT.of(UNTAGGED, -10, why, lang.words().get(0), lang.words().get(1), p.language())
                        : Part.UNTAGGED_NONE.of(UNTAGGED, -10, why, p.language()));
            } else {
                String why = "it does not show it is in " + p.language() + " (" + lang.why() + ")";
                rejections.add(conflict
                        ? Detail.LANGUAGE_UNKNOWN_CONFLICT.of(RejectionReason.LANGUAGE_UNKNOWN, why, lang.words().get(0), lang.words().get(1), p.language())
                        : Detail.LANGUAGE_UNKNOWN_NONE.of(RejectionReason.LANGUAGE_UNKNOWN, why, p.language()));
            }
        } else if (lang.language().equals(p.language()) || lang.language().equals("multi")) {
            boolean tagged = lang.evidence() == ReleaseLanguage.Evidence.TAG;
            score.add(tagged ? Part.LANGUAGE_TAG.of("language", 15, lang.why(), lang.language())
                    : Part.LANGUAGE_CONVENTION.of("language", 10, lang.why(), lang.language(), lang.words().get(0)));
        } else {
            String why = "language " + lang.language() + " (" + lang.why() + "), the collection is " + p.language();
            rejections.add(lang.evidence() == ReleaseLanguage.Evidence.TAG
                    ? Detail.LANGUAGE_TAG.of(RejectionReason.LANGUAGE, why, lang.language(), p.language())
                    : Detail.LANGUAGE_CONVENTION.of(RejectionReason.LANGUAGE, why, lang.language(), lang.words().get(0), p.language()));
        }
    }

    /** The score part that marks an accepted release whose language is unknown. */
    static final String UNTAGGED = "untagged";

    private static String edition(String key) {
        return key.equals(ReleaseEdition.REGULAR) ? "the regular edition" : "the " + key + " edition";
    }

    /**
     * The accepted releases to grab: best score first (then more seeders), each taken only if it brings wanted
     * volumes no release taken before brings. A pack that covers three missing volumes scores above a single and
     * wins; one that would bring owned volumes was rejected before.
     */
    public static List<Decision> choose(List<Decision> decisions, SeriesProfile p) {
        List<Decision> accepted = new ArrayList<>(decisions.stream().filter(Decision::accepted).toList());
        // releases that show the wanted language claim their volumes first; an untagged one only fills what is left
        accepted.sort(Comparator.comparing((Decision d) -> d.score().breakdown().stream().anyMatch(c -> c.name().equals(UNTAGGED)))
                .thenComparing(Comparator.comparingInt((Decision d) -> d.score().total()).reversed())
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

    /** Volumes as a reader wants them: "1, 2", and runs of three or more as ranges ("1-100, 102"), not a hundred numbers. */
    static String join(Set<Integer> volumes) {
        StringBuilder b = new StringBuilder();
        List<Integer> sorted = new ArrayList<>(new TreeSet<>(volumes));
        for (int i = 0; i < sorted.size(); i++) {
            int j = i;
            while (j + 1 < sorted.size() && sorted.get(j + 1) == sorted.get(j) + 1) {
                j++;
            }
            b.append(b.length() == 0 ? "" : ", ");
            if (j - i >= 2) {
                b.append(sorted.get(i)).append('-').append(sorted.get(j));
                i = j;
            } else {
                b.append(sorted.get(i));
            }
        }
        return b.toString();
    }

    private static String mb(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
    }
}
