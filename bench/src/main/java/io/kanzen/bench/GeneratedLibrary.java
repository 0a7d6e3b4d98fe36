package io.kanzen.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Writes a library of empty volume files named the ways collectors name them, with gaps. Seeded, so two runs
 * make the same tree.
 */
public final class GeneratedLibrary {
    private static final String[] PATTERNS = {
        "%s - Tome %02d.cbz", "%s T%02d.cbz", "%s v%02d (2019) (Digital).cbz", "%s Vol. %d.cbr", "%s_-_Tome_%03d.pdf",
        "[Team] %s - Volume %d [FR].epub", "%s.T%02d.FRENCH.CBZ-GRP.cbz", "%s %d巻.zip"
    };
    private static final String[] WORDS = {
        "One", "Piece", "Naruto", "Bleach", "Attaque", "Titans", "Dragon", "Ball", "Fullmetal", "Alchemist", "Monster", "Pluto",
        "Vinland", "Saga", "Berserk", "Akira", "Nausicaä", "Chainsaw", "Man", "Spy", "Family", "Kingdom", "Ōoku", "Blame"
    };

    private GeneratedLibrary() {}

    /** Creates {@code series} folders holding {@code filesPerSeries} volumes each, about 1 in 10 left out. */
    public static void write(Path root, int series, int filesPerSeries, long seed) throws IOException {
        for (String[] file : names(series, filesPerSeries, seed)) {
            Path folder = Files.createDirectories(root.resolve(file[0]));
            Files.createFile(folder.resolve(file[1]));
        }
    }

    /**
     * The (series folder, file name) pairs {@link #write} creates, in the same order, without touching the disk:
     * what the parser's benchmarks and its differential oracle read.
     */
    public static List<String[]> names(int series, int filesPerSeries, long seed) {
        Random random = new Random(seed);
        List<String[]> out = new ArrayList<>(series * filesPerSeries);
        for (int s = 0; s < series; s++) {
            String title = WORDS[random.nextInt(WORDS.length)] + " " + WORDS[random.nextInt(WORDS.length)] + " " + s;
            String pattern = PATTERNS[s % PATTERNS.length];
            int written = 0;
            for (int v = 1; written < filesPerSeries; v++) {
                if (random.nextInt(10) == 0) {
                    continue; // a gap
                }
                out.add(new String[] {title, String.format(pattern, title, v)});
                written++;
            }
        }
        return out;
    }
}
