package io.kanzen.bench.decisions;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Generates a decision scenario from a seed: ~50 series folders of volume files in French collectors' naming
 * styles (with gaps: the wanted volumes), and what three indexers list for them, every trap family planted in
 * several generated variants against wanted volumes, beside acceptable releases in many French tag styles, packs,
 * coffrets and the catalogue of owned volumes. The same seed gives the same scenario.
 */
public final class ScenarioGenerator {
    /** The indexers' "now": release dates are before it. */
    static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");

    enum FileStyle {
        TOME_DASH("%s - Tome %02d.cbz"), T_SHORT("%s T%02d.cbz"), BARE("%s %02d.cbz"), GROUP_V("[Kaizoku] %s v%02d.cbz"),
        TOME_SPACE_CBR("%s Tome %d.cbr"), TAGGED("%s - T%02d [FR].cbz"), VOL_DOT("%s Vol.%02d.cbz"), TOME3("%s - Tome %03d.cbz");

        final String pattern;

        FileStyle(String pattern) {
            this.pattern = pattern;
        }
    }

    record Sibling(String title, int volumes, boolean subtitled) {}

    /** A series of the library as the generator plans it. */
    record Work(String title, String publisher, int highest, FileStyle style, int baseMb, boolean complete, List<String> sameWorkForms,
            List<Sibling> siblings) {}

    static final List<Work> WORKS = List.of(
            w("Berserk", "Glénat", 41, FileStyle.BARE, 95, List.of(), new Sibling("Berserk of Gluttony", 8, false)),
            w("One Piece", "Glénat", 105, FileStyle.T_SHORT, 80, List.of(), new Sibling("One Piece Party", 7, false)),
            w("Naruto", "Kana", 72, FileStyle.TOME_DASH, 75, List.of(), new Sibling("Naruto Gaiden", 1, false),
                    new Sibling("Boruto - Naruto Next Generations", 20, false)),
            w("Dragon Ball", "Glénat", 42, FileStyle.TOME_SPACE_CBR, 70, List.of(), new Sibling("Dragon Ball Super", 23, false)),
            w("Dragon Ball Super", "Glénat", 22, FileStyle.T_SHORT, 65, List.of()),
            w("Tokyo Ghoul", "Glénat", 14, FileStyle.TAGGED, 70, List.of(), new Sibling("Tokyo Ghoul:re", 16, false)),
            w("Demon Slayer", "Panini", 23, FileStyle.TOME_DASH, 85, List.of("Demon Slayer - Kimetsu no Yaiba")),
            w("Kaiju No. 8", "Kazé", 12, FileStyle.TOME_DASH, 90, List.of(), new Sibling("Kaiju No. 8 - B-Side", 2, true),
                    new Sibling("Kaiju No. 8 Relax", 2, false)),
            w("Mob Psycho 100", "Kurokawa", 16, FileStyle.T_SHORT, 75, List.of()),
            w("20th Century Boys", "Panini", 22, FileStyle.VOL_DOT, 85, List.of()),
            w("Golgo 13", "Glénat", 18, FileStyle.TOME_DASH, 90, List.of()),
            w("Cyborg 009", "Glénat", 10, FileStyle.TOME_SPACE_CBR, 110, List.of()),
            w("Eyeshield 21", "Glénat", 37, FileStyle.T_SHORT, 70, List.of()),
            w("L'Attaque des Titans", "Pika", 34, FileStyle.TAGGED, 95, List.of("L Attaque des Titans"),
                    new Sibling("L'Attaque des Titans - Before the Fall", 17, true)),
            w("My Hero Academia", "Ki-oon", 38, FileStyle.TOME_DASH, 80, List.of(), new Sibling("My Hero Academia Vigilantes", 15, false),
                    new Sibling("My Hero Academia Team Up Mission", 6, false)),
            w("Fairy Tail", "Pika", 63, FileStyle.T_SHORT, 70, List.of(), new Sibling("Fairy Tail 100 Years Quest", 17, false),
                    new Sibling("Fairy Tail Zero", 1, false)),
            w("Fullmetal Alchemist", "Kurokawa", 27, FileStyle.GROUP_V, 85, List.of()),
            w("Hunter x Hunter", "Kana", 37, FileStyle.TOME3, 75, List.of()),
            complete("Death Note", "Kana", 12, FileStyle.TOME_DASH, 90, new Sibling("Death Note Short Stories", 1, false)),
            w("Bleach", "Glénat", 74, FileStyle.TOME_SPACE_CBR, 70, List.of()),
            w("Vinland Saga", "Kurokawa", 27, FileStyle.VOL_DOT, 110, List.of()),
            w("Monster", "Kana", 18, FileStyle.T_SHORT, 90, List.of(), new Sibling("Monster Musume", 17, false)),
            complete("Pluto", "Kana", 8, FileStyle.TOME_DASH, 100),
            w("Chainsaw Man", "Kazé", 17, FileStyle.TAGGED, 85, List.of(), new Sibling("Chainsaw Man - Buddy Stories", 1, true)),
            w("Spy x Family", "Kurokawa", 13, FileStyle.TOME_DASH, 80, List.of()),
            w("Jujutsu Kaisen", "Ki-oon", 28, FileStyle.T_SHORT, 85, List.of(), new Sibling("Jujutsu Kaisen 0", 1, false)),
            w("Blue Lock", "Pika", 30, FileStyle.TOME_DASH, 80, List.of(), new Sibling("Blue Lock - Episode Nagi", 2, true)),
            w("Dr. Stone", "Glénat", 26, FileStyle.VOL_DOT, 80, List.of(), new Sibling("Dr. Stone Reboot Byakuya", 1, false)),
            w("The Promised Neverland", "Kazé", 20, FileStyle.TOME_DASH, 85, List.of()),
            w("Slam Dunk", "Kana", 31, FileStyle.BARE, 80, List.of()),
            w("City Hunter", "Panini", 32, FileStyle.TOME3, 80, List.of(), new Sibling("City Hunter Rebirth", 10, false)),
            w("Saint Seiya", "Kana", 28, FileStyle.T_SHORT, 75, List.of("Saint Seiya - Les Chevaliers du Zodiaque"),
                    new Sibling("Saint Seiya - The Lost Canvas", 25, true), new Sibling("Saint Seiya Episode G", 20, false)),
            w("Gunnm", "Glénat", 9, FileStyle.TOME_DASH, 120, List.of(), new Sibling("Gunnm Last Order", 19, false),
                    new Sibling("Gunnm Mars Chronicle", 8, false)),
            w("Akira", "Glénat", 6, FileStyle.TOME_SPACE_CBR, 250, List.of()),
            w("Yu-Gi-Oh!", "Kana", 38, FileStyle.TOME_DASH, 70, List.of(), new Sibling("Yu-Gi-Oh! GX", 9, false),
                    new Sibling("Yu-Gi-Oh! 5D's", 9, false)),
            w("Hokuto no Ken", "Kazé", 27, FileStyle.T_SHORT, 75, List.of("Hokuto no Ken - Ken le Survivant")),
            w("Nausicaä de la Vallée du Vent", "Glénat", 7, FileStyle.TOME_DASH, 150, List.of()),
            w("Claymore", "Glénat", 27, FileStyle.BARE, 75, List.of()),
            w("GTO", "Pika", 25, FileStyle.T_SHORT, 75, List.of("GTO - Great Teacher Onizuka"), new Sibling("GTO Shonan 14 Days", 9, false),
                    new Sibling("GTO Paradise Lost", 20, false)),
            w("Kenshin le Vagabond", "Glénat", 28, FileStyle.TOME_DASH, 75, List.of()),
            w("Détective Conan", "Kana", 104, FileStyle.TOME3, 70, List.of(), new Sibling("Détective Conan - Zero's Tea Time", 6, true)),
            w("Black Clover", "Kazé", 36, FileStyle.GROUP_V, 80, List.of()),
            w("Sakamoto Days", "Glénat", 18, FileStyle.T_SHORT, 85, List.of()),
            w("Frieren", "Ki-oon", 13, FileStyle.TOME_DASH, 90, List.of()),
            w("Dandadan", "Crunchyroll", 16, FileStyle.TAGGED, 90, List.of()),
            complete("Beastars", "Ki-oon", 22, FileStyle.VOL_DOT, 85),
            w("Tokyo Revengers", "Glénat", 31, FileStyle.T_SHORT, 80, List.of()),
            w("Nana", "Delcourt", 21, FileStyle.BARE, 70, List.of(), new Sibling("Nana to Kaoru", 18, false)),
            complete("Platinum End", "Kazé", 14, FileStyle.TOME_DASH, 80),
            w("Ao Ashi", "Mangetsu", 20, FileStyle.T_SHORT, 85, List.of()));

    private static Work w(String title, String publisher, int highest, FileStyle style, int baseMb, List<String> sameWorkForms, Sibling... siblings) {
        return new Work(title, publisher, highest, style, baseMb, false, sameWorkForms, List.of(siblings));
    }

    private static Work complete(String title, String publisher, int highest, FileStyle style, int baseMb, Sibling... siblings) {
        return new Work(title, publisher, highest, style, baseMb, true, List.of(), List.of(siblings));
    }

    // French single-volume names: %1$s title, %2$d volume, %3$s publisher, %4$s group
    static final String[] FRENCH_SINGLE = {
        "%1$s - Tome %2$02d [FR]", "%1$s T%2$02d VF", "%1$s Tome %2$d FRENCH CBZ", "%1$s - Tome %2$d (%3$s) [CBZ]",
        "[%4$s] %1$s - Tome %2$02d [FR]", "%1$s T%2$02d (FR) (%3$s)", "%1$s Vol.%2$d VF", "%1$s - T%2$02d [French] [CBZ]",
        "%1$s Tome %2$02d VF (%3$s)", "SCENE"
    };
    // packs: %1$s title, %2$d first, %3$d last, %4$s publisher
    static final String[] FRENCH_PACK = {
        "%1$s T%2$02d-T%3$02d [FR]", "%1$s - Tomes %2$d à %3$d (VF) [CBZ]", "%1$s - Coffret Tomes %2$d à %3$d [FR] (%4$s)",
        "%1$s T%2$02d à T%3$02d FRENCH CBZ", "%1$s - Pack T%2$02d-%3$02d (%4$s)"
    };
    // editions: name, pattern (%1$s title, %2$d volume)
    static final String[][] EDITIONS = {
        {"Perfect Edition", "%1$s Perfect Edition T%2$02d [FR]"}, {"Deluxe", "%1$s - Deluxe - Tome %2$02d [FR]"},
        {"Kanzenban", "%1$s Kanzenban %2$02d VF"}, {"Black Edition", "%1$s Black Edition T%2$02d [FR]"},
        {"Ultimate Edition", "%1$s Ultimate Edition - Tome %2$d (FR)"}, {"Édition Double", "%1$s (Édition Double) T%2$02d [FR]"},
        {"Intégrale", "%1$s Intégrale T%2$02d FRENCH"}, {"Édition originale", "%1$s - Édition originale - Tome %2$02d [FR]"},
        {"Full Color", "%1$s Full Color T%2$02d VF"}, {"Star Edition", "%1$s - Star Edition - T%2$02d [FR]"},
        {"Édition Colossale", "%1$s Édition Colossale T%2$02d [FR]"}, {"Deluxe", "%1$s - Édition Deluxe - Tome %2$d (%3$s) [CBZ]"}
    };
    // %1$s title, %2$d volume, %3$s English publisher, %4$s group
    static final String[] ENGLISH_UNTAGGED = {
        "[%4$s] %1$s v%2$02d (2020) (Digital)", "%1$s Vol. %2$d (Digital)", "%1$s v%2$02d (%3$s) (Digital)",
        "%1$s Volume %2$d (%3$s)", "%1$s v%2$02d (2021) (Digital-HD) (%4$s)"
    };
    static final String[] ENGLISH_TAGGED = {
        "%1$s Vol. %2$d [ENG]", "%1$s v%2$02d (English) (Digital)", "%1$s - Volume %2$02d [EN] [CBZ]", "%1$s T%2$02d ENG",
        "%1$s Tome %2$d [ENG] (Scan)"
    };
    // language, pattern
    static final String[][] OTHER_LANGUAGES = {
        {"de", "%1$s Band %2$d (German)"}, {"de", "%1$s Band %2$d [GER]"}, {"it", "%1$s Vol. %2$d [ITA]"}, {"es", "%1$s Tomo %2$d [ESP]"},
        {"it", "%1$s Volume %2$d (Italiano)"}
    };
    static final String[] CHAPTERS = {
        "%1$s Chapitre %2$02d [FR]", "%1$s c%2$03d (FR) [Scan]", "%1$s - Chapter %2$d VF", "%1$s Ch.%2$02d [FR]", "%1$s - Chap %2$d VF"
    };
    static final String[] FRENCH_GROUPS = {"NoTag", "Kaizoku", "MangaFR", "LMN", "PDT"};
    static final String[] ENGLISH_GROUPS = {"1r0n", "Oak", "LuCaZ", "danke-Empire", "Stick"};
    static final String[] ENGLISH_PUBLISHERS = {"Viz", "Yen Press", "Kodansha", "Seven Seas", "Dark Horse"};

    /** How the releases of one wanted volume are planted. */
    enum Plan { NORMAL, DEAD_FRENCH_LIVE_ENGLISH, ONLY_TRAPS, NOTHING }

    /** The traps planted against wanted volumes in turn, so that each family gets several variants. */
    static final Family[] ROTATION = {
        Family.FAKE_SIZE, Family.OTHER_EDITION, Family.ENGLISH_UNTAGGED, Family.CHAPTER, Family.ABSURD_SIZE, Family.ENGLISH_TAGGED,
        Family.DEAD, Family.OTHER_LANGUAGE, Family.OTHER_EDITION, Family.CHAPTER, Family.ENGLISH_UNTAGGED
    };

    private final Random random;
    private final List<PlannedRelease> releases = new ArrayList<>();
    private final Map<Integer, byte[]> torrents = new HashMap<>();
    private final Set<String> titles = new HashSet<>();
    private int wantedCounter;

    private ScenarioGenerator(long seed) {
        this.random = new Random(seed);
    }

    public static Scenario generate(long seed) {
        ScenarioGenerator g = new ScenarioGenerator(seed);
        List<PlannedSeries> series = new ArrayList<>();
        for (Work w : WORKS) {
            series.add(g.library(w));
        }
        for (int i = 0; i < WORKS.size(); i++) {
            g.releases(WORKS.get(i), series.get(i));
        }
        Map<Integer, String> indexers = new LinkedHashMap<>();
        indexers.put(1, "Sharewood (example)");
        indexers.put(2, "Torrent9 (example)");
        indexers.put(3, "Nyaa (example)");
        indexers.put(4, "NZBIndex (example)");
        return new Scenario(seed, series, g.releases, g.torrents, indexers);
    }

    private PlannedSeries library(Work w) {
        SortedSet<Integer> owned = new TreeSet<>();
        for (int v = 1; v <= w.highest(); v++) {
            owned.add(v);
        }
        if (!w.complete()) {
            int gaps = 1 + random.nextInt(4);
            for (int i = 0; i < gaps; i++) {
                owned.remove(1 + random.nextInt(w.highest() - 1));
            }
            if (w.highest() >= 100) { // an early gap in a long series: its releases are old, listed after a hundred newer ones
                owned.remove(2 + random.nextInt(25));
            }
            if (random.nextInt(4) == 0 && w.highest() > 6) { // a run of missing volumes, which packs and coffrets can bring
                int start = 2 + random.nextInt(w.highest() - 5);
                owned.removeAll(List.of(start, start + 1, start + 2));
            }
        }
        Map<String, Long> files = new LinkedHashMap<>();
        List<Integer> list = new ArrayList<>(owned);
        int i = 0;
        while (i < list.size()) {
            int v = list.get(i);
            // one collector keeps the first three Naruto in one file
            if (w.title().equals("Naruto") && v == 1 && owned.containsAll(List.of(1, 2, 3))) {
                String name = "Naruto - Tomes 01-03.cbz";
                files.put(name, volumeBytes(w) * 3);
                i += 3;
                continue;
            }
            String name = String.format(w.style().pattern, w.title(), v);
            files.put(name, volumeBytes(w));
            i++;
        }
        return new PlannedSeries(w.title(), w.publisher(), files, owned);
    }

    private long volumeBytes(Work w) {
        return (long) (w.baseMb() * (0.8 + 0.45 * random.nextDouble()) * 1_000_000L);
    }

    private void releases(Work w, PlannedSeries s) {
        Instant firstVolume = NOW.minus(Duration.ofDays(200 + w.highest() * 75L + random.nextInt(400)));
        // the catalogue: the owned volumes are listed too (all of them for the long series, which fills the indexers' cap)
        boolean longSeries = w.highest() >= 100;
        for (int v : s.owned()) {
            if (longSeries) { // both French indexers list every volume of a long series: the title query's answer is capped
                single(w, s, v, firstVolume, frenchTitle(w, v), 1, Truths.regular(w.title(), v), null, seeders(), volumeBytes(w));
                single(w, s, v, firstVolume, frenchTitle(w, v), 2, Truths.regular(w.title(), v), null, seeders(), volumeBytes(w));
                if (random.nextBoolean()) { // a re-upload
                    single(w, s, v, firstVolume, frenchTitle(w, v), 1 + random.nextInt(2), Truths.regular(w.title(), v), null, seeders(),
                            volumeBytes(w));
                }
            } else if (random.nextDouble() < 0.45) {
                single(w, s, v, firstVolume, frenchTitle(w, v), 1 + random.nextInt(2), Truths.regular(w.title(), v), null, seeders(), volumeBytes(w));
            }
        }
        for (int v : s.wanted()) {
            int i = wantedCounter++;
            Plan plan = i % 13 == 4 ? Plan.DEAD_FRENCH_LIVE_ENGLISH : i % 13 == 8 ? Plan.ONLY_TRAPS : i % 13 == 11 ? Plan.NOTHING : Plan.NORMAL;
            switch (plan) {
                case NORMAL -> {
                    PlannedRelease first = single(w, s, v, firstVolume, frenchTitle(w, v), 1 + random.nextInt(2), Truths.regular(w.title(), v),
                            s.title(), seeders(), volumeBytes(w));
                    if (random.nextInt(10) < 3) {
                        single(w, s, v, firstVolume, frenchTitle(w, v), 1 + random.nextInt(2), Truths.regular(w.title(), v), s.title(), seeders(),
                                volumeBytes(w));
                    }
                    if (random.nextInt(10) < 2) {
                        duplicateOnOtherIndexer(first);
                    }
                }
                case DEAD_FRENCH_LIVE_ENGLISH -> {
                    single(w, s, v, firstVolume, frenchTitle(w, v), 1 + random.nextInt(2), Truths.regular(w.title(), v), s.title(), 0,
                            volumeBytes(w));
                    trap(w, s, v, firstVolume, random.nextBoolean() ? Family.ENGLISH_UNTAGGED : Family.ENGLISH_TAGGED);
                }
                case ONLY_TRAPS, NOTHING -> { }
            }
            if (plan != Plan.NOTHING) {
                Family a = ROTATION[i % ROTATION.length];
                Family b = ROTATION[(i * 5 + 3) % ROTATION.length];
                trap(w, s, v, firstVolume, a);
                if (b != a) {
                    trap(w, s, v, firstVolume, b);
                }
                List<Sibling> siblings = w.siblings().stream().filter(x -> x.volumes() >= v).toList();
                if (!siblings.isEmpty()) {
                    Sibling x = siblings.get(random.nextInt(siblings.size()));
                    single(w, s, v, firstVolume, String.format(FRENCH_SINGLE[random.nextInt(FRENCH_SINGLE.length - 1)], x.title(), v, w.publisher(),
                            pick(FRENCH_GROUPS)), 1 + random.nextInt(2), new Truth(x.title(), x.subtitled(), null, "fr", true, false, v, v),
                            s.title(), seeders(), volumeBytes(w));
                }
                if (random.nextInt(12) == 0) { // usenet: Kanzen has no usenet client, the plugin leaves it out
                    add(new PlannedRelease(releases.size(), 4, frenchTitle(w, v) + " NZB", volumeBytes(w), 0, 0, LinkStyle.TORRENT_FILE, null,
                            published(firstVolume, v), "usenet", Truths.regular(w.title(), v), s.title()), null);
                }
            }
        }
        packs(w, s, firstVolume);
        for (Sibling x : w.siblings()) { // each sibling's own catalogue, a few volumes
            for (int k = 0; k < 2; k++) {
                int v = 1 + random.nextInt(x.volumes());
                single(w, s, v, firstVolume, String.format(FRENCH_SINGLE[random.nextInt(FRENCH_SINGLE.length - 1)], x.title(), v, w.publisher(),
                        pick(FRENCH_GROUPS)), 1 + random.nextInt(2), new Truth(x.title(), x.subtitled(), null, "fr", true, false, v, v), null,
                        seeders(), volumeBytes(w));
            }
        }
    }

    /** Coffrets and packs of a run of wanted volumes (acceptable), and packs that also bring owned volumes (a trap). */
    private void packs(Work w, PlannedSeries s, Instant firstVolume) {
        List<int[]> runs = new ArrayList<>();
        int start = -1;
        for (int v = 1; v <= s.highestOwned() + 1; v++) {
            boolean wanted = s.wants(v);
            if (wanted && start < 0) {
                start = v;
            } else if (!wanted && start >= 0) {
                if (v - start >= 2) {
                    runs.add(new int[] {start, v - 1});
                }
                start = -1;
            }
        }
        for (int[] run : runs) {
            pack(w, s, firstVolume, run[0], run[1], s.title());
        }
        if (!s.wanted().isEmpty() && random.nextBoolean()) {
            int first = s.wanted().first();
            int from = Math.max(1, first - 1 - random.nextInt(3));
            int to = Math.min(s.highestOwned(), first + random.nextInt(4));
            if (to == from) {
                to = Math.min(s.highestOwned(), from + 1);
            }
            if (to > from) {
                pack(w, s, firstVolume, from, to, s.title());
            }
        }
        if (s.highestOwned() >= 8 && random.nextInt(3) == 0) { // the whole run so far in one pack
            pack(w, s, firstVolume, 1, s.highestOwned(), s.wanted().isEmpty() ? null : s.title());
        }
    }

    private void pack(Work w, PlannedSeries s, Instant firstVolume, int from, int to, String plantedFor) {
        String title = null;
        for (int attempt = 0; attempt < 10 && (title == null || titles.contains(title)); attempt++) {
            title = String.format(FRENCH_PACK[random.nextInt(FRENCH_PACK.length)], releaseName(w), from, to, w.publisher());
        }
        long size = 0;
        for (int v = from; v <= to; v++) {
            size += volumeBytes(w);
        }
        add(release(1 + random.nextInt(2), title, size, seeders(), published(firstVolume, to), new Truth(w.title(), false, null, "fr", true, false,
                from, to), plantedFor), null);
    }

    /** One release of a given trap family for wanted volume {@code v}. */
    private void trap(Work w, PlannedSeries s, int v, Instant firstVolume, Family family) {
        String name = releaseName(w);
        switch (family) {
            case FAKE_SIZE -> single(w, s, v, firstVolume, frenchTitle(w, v), 1 + random.nextInt(2), Truths.regular(w.title(), v), s.title(),
                    150 + random.nextInt(250), 12_000 + random.nextInt(900_000));
            case ABSURD_SIZE -> single(w, s, v, firstVolume, frenchTitle(w, v), 1 + random.nextInt(2), Truths.regular(w.title(), v), s.title(),
                    3 + random.nextInt(40), (20L + random.nextInt(41)) * 1_000_000_000L + random.nextInt(1_000_000_000));
            case DEAD -> single(w, s, v, firstVolume, frenchTitle(w, v), 1 + random.nextInt(2), Truths.regular(w.title(), v), s.title(), 0,
                    volumeBytes(w));
            case OTHER_EDITION -> {
                String[] e = EDITIONS[random.nextInt(EDITIONS.length)];
                single(w, s, v, firstVolume, String.format(e[1], name, v, w.publisher()), 1 + random.nextInt(2),
                        new Truth(w.title(), false, e[0], "fr", true, false, v, v), s.title(), seeders(), (long) (volumeBytes(w) * 1.8));
            }
            case ENGLISH_UNTAGGED -> single(w, s, v, firstVolume, String.format(pick(ENGLISH_UNTAGGED), w.title(), v, pick(ENGLISH_PUBLISHERS),
                    pick(ENGLISH_GROUPS)), 3, new Truth(w.title(), false, null, "en", false, false, v, v), s.title(), 20 + random.nextInt(200),
                    volumeBytes(w));
            case ENGLISH_TAGGED -> single(w, s, v, firstVolume, String.format(pick(ENGLISH_TAGGED), w.title(), v), 3,
                    new Truth(w.title(), false, null, "en", true, false, v, v), s.title(), 20 + random.nextInt(200), volumeBytes(w));
            case OTHER_LANGUAGE -> {
                String[] l = OTHER_LANGUAGES[random.nextInt(OTHER_LANGUAGES.length)];
                single(w, s, v, firstVolume, String.format(l[1], w.title(), v), 3, new Truth(w.title(), false, null, l[0], true, false, v, v),
                        s.title(), 5 + random.nextInt(60), volumeBytes(w));
            }
            case CHAPTER -> single(w, s, v, firstVolume, String.format(pick(CHAPTERS), name, v), 1 + random.nextInt(2),
                    new Truth(w.title(), false, null, "fr", true, true, v, v), s.title(), 20 + random.nextInt(100), 4_000_000 + random.nextInt(14_000_000));
            default -> throw new IllegalArgumentException("not planted per volume: " + family);
        }
    }

    private PlannedRelease single(Work w, PlannedSeries s, int v, Instant firstVolume, String title, int indexer, Truth truth, String plantedFor,
            int seeders, long size) {
        String t = title;
        for (int attempt = 0; titles.contains(t); attempt++) {
            t = attempt < 8 ? frenchVariant(title, truth, w, v) : title + " [" + FRENCH_GROUPS[attempt % FRENCH_GROUPS.length] + attempt + "]";
        }
        PlannedRelease r = release(indexer, t, size, seeders, published(firstVolume, v), truth, plantedFor);
        add(r, null);
        return r;
    }

    /** Another French name for the same thing when the first collides with a listed one. */
    private String frenchVariant(String title, Truth truth, Work w, int v) {
        if (truth.language().equals("fr") && truth.edition() == null && !truth.chapter() && truth.work().equals(w.title())) {
            return frenchTitle(w, v);
        }
        return title + " (" + pick(FRENCH_GROUPS) + ")";
    }

    private PlannedRelease release(int indexer, String title, long size, int seeders, Instant published, Truth truth, String plantedFor) {
        int roll = random.nextInt(100);
        LinkStyle link = roll < 35 ? LinkStyle.MAGNET : roll < 75 ? LinkStyle.TORRENT_FILE : LinkStyle.REDIRECT_TO_MAGNET;
        int leechers = seeders == 0 ? random.nextInt(7) : random.nextInt(12);
        return new PlannedRelease(releases.size(), indexer, title, size, seeders, leechers, link, null, published, "torrent", truth, plantedFor);
    }

    /** The same torrent (same info-hash, title and size) listed by the other French indexer. */
    private void duplicateOnOtherIndexer(PlannedRelease first) {
        PlannedRelease copy = new PlannedRelease(releases.size(), first.indexerId() == 1 ? 2 : 1, first.title(), first.size(),
                Math.max(1, first.seeders() / 2 + random.nextInt(5)), first.leechers(), first.link(), first.infoHash(),
                first.published().plus(Duration.ofHours(1 + random.nextInt(48))), "torrent", first.truth(), first.plantedFor());
        add(copy, torrents.get(first.id()));
    }

    /** Adds a release, giving it its info-hash: of its .torrent for a TORRENT_FILE, else random; {@code torrent} reuses a file. */
    private void add(PlannedRelease r, byte[] torrent) {
        String hash = r.infoHash();
        if (r.protocol().equals("torrent")) {
            if (r.link() == LinkStyle.TORRENT_FILE) {
                byte[] file = torrent != null ? torrent : Torrents.torrent(r.title() + (r.truth().volumeCount() > 1 ? "" : ".cbz"), r.size(), random);
                torrents.put(r.id(), file);
                hash = Torrents.infoHash(r.title(), file);
            } else if (hash == null) {
                hash = Torrents.randomHash(random);
            }
        }
        titles.add(r.title());
        releases.add(new PlannedRelease(r.id(), r.indexerId(), r.title(), r.size(), r.seeders(), r.leechers(), r.link(), hash, r.published(),
                r.protocol(), r.truth(), r.plantedFor()));
    }

    private String frenchTitle(Work w, int v) {
        String pattern = FRENCH_SINGLE[random.nextInt(FRENCH_SINGLE.length)];
        String name = releaseName(w);
        if (pattern.equals("SCENE")) {
            return name.replace("'", "").replace("!", "").replace(' ', '.').replaceAll("\\.{2,}", ".") + String.format(".T%02d.FRENCH.CBZ.eBook-%s", v, pick(FRENCH_GROUPS));
        }
        if (w.highest() >= 100 && random.nextBoolean()) {
            pattern = pattern.replace("%2$02d", "%2$03d");
        }
        return String.format(pattern, name, v, w.publisher(), pick(FRENCH_GROUPS));
    }

    /** The name a release gives the work: its title, or now and then another form of the same work ("Title - Subtitle"). */
    private String releaseName(Work w) {
        if (!w.sameWorkForms().isEmpty() && random.nextInt(5) < 2) {
            return w.sameWorkForms().get(random.nextInt(w.sameWorkForms().size()));
        }
        return w.title();
    }

    private Instant published(Instant firstVolume, int v) {
        Instant volumeOut = firstVolume.plus(Duration.ofDays(v * 75L));
        Instant at = volumeOut.plus(Duration.ofMinutes(60L * 24 * (1 + random.nextInt(300)) + random.nextInt(1440)));
        return at.isAfter(NOW) ? NOW.minus(Duration.ofHours(1 + random.nextInt(72))) : at;
    }

    private int seeders() {
        return random.nextInt(4) == 0 ? 40 + random.nextInt(200) : 1 + random.nextInt(30);
    }

    private String pick(String[] from) {
        return from[random.nextInt(from.length)];
    }

    /** Truths of the regular French edition. */
    static final class Truths {
        private Truths() {}

        static Truth regular(String work, int v) {
            return new Truth(work, false, null, "fr", true, false, v, v);
        }
    }
}
