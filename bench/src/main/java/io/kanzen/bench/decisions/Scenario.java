package io.kanzen.bench.decisions;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A generated library and the releases the indexers list, with the .torrent files of the releases that have one.
 * {@link #search} is how the fake indexers answer a query: loosely, every word of the query somewhere in the title,
 * newest first, capped per indexer as real indexers cap their answers.
 */
public record Scenario(long seed, List<PlannedSeries> series, List<PlannedRelease> releases, Map<Integer, byte[]> torrents,
        Map<Integer, String> indexers) {
    /** Most indexers answer at most 100 results per query. */
    public static final int RESULT_CAP = 100;

    public Scenario {
        series = List.copyOf(series);
        releases = List.copyOf(releases);
        torrents = Map.copyOf(torrents);
        indexers = Map.copyOf(indexers);
    }

    public Optional<PlannedSeries> seriesTitled(String title) {
        return series.stream().filter(s -> s.title().equals(title)).findFirst();
    }

    public Optional<PlannedRelease> release(int id) {
        return id >= 0 && id < releases.size() ? Optional.of(releases.get(id)) : Optional.empty();
    }

    /** What the indexers answer to {@code query}, each capped at {@code min(limit, RESULT_CAP)}; {@code indexerIds} empty for all. */
    public List<PlannedRelease> search(String query, List<Integer> indexerIds, int limit) {
        int cap = Math.min(limit <= 0 ? RESULT_CAP : limit, RESULT_CAP);
        List<PlannedRelease> all = matching(query);
        List<PlannedRelease> out = new ArrayList<>();
        for (int indexer : new TreeSet<>(indexers.keySet())) {
            if (!indexerIds.isEmpty() && !indexerIds.contains(indexer)) {
                continue;
            }
            all.stream().filter(r -> r.indexerId() == indexer).limit(cap).forEach(out::add);
        }
        return out;
    }

    /** Every release whose title holds every word of {@code query}, newest first, uncapped. */
    public List<PlannedRelease> matching(String query) {
        List<String> words = Words.of(query);
        return releases.stream().filter(r -> Words.containsAll(Words.of(r.title()), words))
                .sorted(Comparator.comparing(PlannedRelease::published).reversed().thenComparing(PlannedRelease::id)).toList();
    }

    /** Wanted volumes of a series for which at least one acceptable release is listed somewhere. */
    public SortedSet<Integer> obtainable(PlannedSeries s) {
        SortedSet<Integer> out = new TreeSet<>();
        for (PlannedRelease r : releases) {
            if (r.protocol().equals("torrent") && AnswerKey.judge(r, s).acceptable()) {
                for (int v = r.truth().from(); v <= r.truth().to(); v++) {
                    out.add(v);
                }
            }
        }
        out.retainAll(s.wanted());
        return out;
    }

    /** Obtainable volumes of a series that no acceptable release brings within the capped answer to the bare title. */
    public SortedSet<Integer> behindTheCap(PlannedSeries s) {
        SortedSet<Integer> reachable = new TreeSet<>();
        for (PlannedRelease r : search(s.title(), List.of(), RESULT_CAP)) {
            if (r.protocol().equals("torrent") && AnswerKey.judge(r, s).acceptable()) {
                for (int v = r.truth().from(); v <= r.truth().to(); v++) {
                    reachable.add(v);
                }
            }
        }
        SortedSet<Integer> out = obtainable(s);
        out.removeAll(reachable);
        return out;
    }
}
