package io.kanzen.bench.decisions;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Sends measured against the answer key. Recall counts only obtainable volumes: wanted volumes for which at least
 * one acceptable release is listed by some indexer (reachable by the bare series title, or, behind the indexers'
 * result cap, by a query naming the volume). A wanted volume with no acceptable release cannot be missed; sending
 * anything for it is a wrong send.
 */
public record Score(int wanted, int obtainable, int obtainableBehindCap, int obtained, Map<Family, Integer> wrongByFamily, int unknownSends,
        int refusedSends, int sends, int sameTorrentAgain, int volumesSentTwice, List<String> wrongDetails, List<String> missed,
        List<String> duplicateDetails) {

    public double recall() {
        return obtainable == 0 ? 1.0 : obtained / (double) obtainable;
    }

    public int wrong() {
        return wrongByFamily.values().stream().mapToInt(Integer::intValue).sum() + unknownSends;
    }

    public static Score of(Scenario scenario, List<Send> sends) {
        Map<String, PlannedRelease> byHash = new HashMap<>();
        for (PlannedRelease r : scenario.releases()) {
            if (r.infoHash() != null) {
                byHash.putIfAbsent(r.infoHash(), r);
            }
        }
        Map<Family, Integer> wrong = new EnumMap<>(Family.class);
        List<String> wrongDetails = new ArrayList<>();
        List<String> duplicateDetails = new ArrayList<>();
        Map<String, SortedSet<Integer>> got = new HashMap<>();
        Map<String, Integer> timesSent = new HashMap<>();
        Map<String, Map<Integer, Set<String>>> volumeHashes = new HashMap<>();
        int unknown = 0;
        int refused = 0;
        int counted = 0;
        for (Send s : sends) {
            if (s.infoHash() == null) {
                refused++;
                continue;
            }
            counted++;
            String hash = s.infoHash().toLowerCase(java.util.Locale.ROOT);
            int n = timesSent.merge(hash, 1, Integer::sum);
            PlannedRelease r = byHash.get(hash);
            PlannedSeries series = scenario.seriesTitled(s.series()).orElse(null);
            if (n > 1) {
                duplicateDetails.add("sent again (" + n + "x): " + (r == null ? hash : r.title()) + " for " + s.series() + " in check " + s.check());
            }
            if (r == null || series == null) {
                unknown++;
                wrongDetails.add("UNKNOWN  " + s.series() + "  " + hash);
                continue;
            }
            Verdict v = AnswerKey.judge(r, series);
            if (!v.acceptable()) {
                if (n == 1) {
                    wrong.merge(v.trap(), 1, Integer::sum);
                    wrongDetails.add(v.trap() + "  " + s.series() + "  \"" + r.title() + "\"  (" + v.why() + ", check " + s.check() + ")");
                }
            } else {
                for (int vol = r.truth().from(); vol <= r.truth().to(); vol++) {
                    got.computeIfAbsent(series.title(), k -> new TreeSet<>()).add(vol);
                }
            }
            if (r.truth().work().equals(series.title()) && r.truth().edition() == null && !r.truth().chapter()) {
                for (int vol = r.truth().from(); vol <= r.truth().to(); vol++) {
                    volumeHashes.computeIfAbsent(series.title(), k -> new TreeMap<>()).computeIfAbsent(vol, k -> new TreeSet<>()).add(hash);
                }
            }
        }
        int sameAgain = timesSent.values().stream().mapToInt(n -> n - 1).sum();
        int volumesTwice = 0;
        for (Map.Entry<String, Map<Integer, Set<String>>> e : volumeHashes.entrySet()) {
            for (Map.Entry<Integer, Set<String>> v : e.getValue().entrySet()) {
                if (v.getValue().size() > 1) {
                    volumesTwice++;
                    duplicateDetails.add("volume " + v.getKey() + " of " + e.getKey() + " sent in " + v.getValue().size() + " different torrents");
                }
            }
        }
        int wantedCount = 0;
        int obtainable = 0;
        int behindCap = 0;
        int obtained = 0;
        List<String> missed = new ArrayList<>();
        for (PlannedSeries s : scenario.series()) {
            wantedCount += s.wanted().size();
            SortedSet<Integer> ok = scenario.obtainable(s);
            SortedSet<Integer> cap = scenario.behindTheCap(s);
            obtainable += ok.size();
            behindCap += cap.size();
            for (int v : ok) {
                if (got.getOrDefault(s.title(), new TreeSet<>()).contains(v)) {
                    obtained++;
                } else {
                    missed.add(s.title() + " " + v + (cap.contains(v) ? "  (behind the result cap of the bare title)" : ""));
                }
            }
        }
        return new Score(wantedCount, obtainable, behindCap, obtained, wrong, unknown, refused, counted, sameAgain, volumesTwice, wrongDetails,
                missed, duplicateDetails);
    }

    /** Wrong sends per family, every family listed (zeros too), in the enum's order. */
    public Map<Family, Integer> wrongTable() {
        Map<Family, Integer> out = new LinkedHashMap<>();
        for (Family f : Family.values()) {
            out.put(f, wrongByFamily.getOrDefault(f, 0));
        }
        return out;
    }
}
