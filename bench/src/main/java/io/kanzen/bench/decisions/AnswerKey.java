package io.kanzen.bench.decisions;

import java.util.Locale;

/**
 * What a French collector of the regular edition (VF) accepts for a series, judged from what a release really is
 * ({@link Truth}), independently of how Kanzen reads titles: the right work (a "Title - Subtitle" form of the same
 * work counts), volumes and not chapters, the regular edition, French, a size a volume can have, at least one
 * seeder, and only wanted volumes (no re-download of owned ones).
 */
public final class AnswerKey {
    /** Below this per volume a "volume" is a fake: a French CBZ volume weighs 30-300 MB, a light one 10 MB. */
    public static final long MIN_BYTES_PER_VOLUME = 5_000_000L;
    /** Above this per volume it is not one volume: even a high-resolution volume stays under a gigabyte. */
    public static final long MAX_BYTES_PER_VOLUME = 2_000_000_000L;

    private AnswerKey() {}

    public static Verdict judge(PlannedRelease r, PlannedSeries s) {
        Truth t = r.truth();
        if (!t.work().equals(s.title())) {
            return new Verdict(t.subtitledSpinoff() ? Family.SPINOFF_SUBTITLE : Family.OTHER_SERIES, t.work() + ", not " + s.title());
        }
        if (t.chapter()) {
            return new Verdict(Family.CHAPTER, "chapter " + t.from() + (t.to() > t.from() ? "-" + t.to() : ""));
        }
        if (t.edition() != null) {
            return new Verdict(Family.OTHER_EDITION, t.edition());
        }
        if (!t.language().equals("fr")) {
            Family f = t.language().equals("en") ? (t.languageTagged() ? Family.ENGLISH_TAGGED : Family.ENGLISH_UNTAGGED) : Family.OTHER_LANGUAGE;
            return new Verdict(f, "language " + t.language());
        }
        long perVolume = r.size() / t.volumeCount();
        if (perVolume < MIN_BYTES_PER_VOLUME) {
            return new Verdict(Family.FAKE_SIZE, String.format(Locale.ROOT, "%.3f MB per volume", perVolume / 1e6));
        }
        if (perVolume > MAX_BYTES_PER_VOLUME) {
            return new Verdict(Family.ABSURD_SIZE, String.format(Locale.ROOT, "%.1f GB per volume", perVolume / 1e9));
        }
        if (r.seeders() == 0) {
            return new Verdict(Family.DEAD, "0 seeders");
        }
        int owned = 0;
        int wanted = 0;
        for (int v = t.from(); v <= t.to(); v++) {
            if (s.owns(v)) {
                owned++;
            } else if (s.wants(v)) {
                wanted++;
            }
        }
        if (owned > 0) {
            return new Verdict(wanted > 0 ? Family.OWNED_OVERLAP : Family.OWNED, owned + " of its " + t.volumeCount() + " volumes owned");
        }
        if (wanted < t.volumeCount()) {
            return new Verdict(Family.NOT_WANTED, "volumes " + t.from() + "-" + t.to() + " not all wanted");
        }
        return Verdict.ACCEPTABLE;
    }
}
