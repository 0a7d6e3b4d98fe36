package io.kanzen.bench;

import io.kanzen.core.Kanzen;
import io.kanzen.core.ScanReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Times a first scan and an unchanged re-scan of a generated library, next to {@code find} walking the same
 * tree. A whole-run timing rather than JMH: a scan is seconds of file system and SQLite work, done once.
 *
 * <pre>java -cp bench/target/kanzen-bench.jar io.kanzen.bench.ScanTiming [series] [filesPerSeries] [workDir]</pre>
 */
public final class ScanTiming {
    public static void main(String[] args) throws Exception {
        int series = args.length > 0 ? Integer.parseInt(args[0]) : 5_000;
        int perSeries = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        Path work = args.length > 2 ? Path.of(args[2]) : Files.createTempDirectory("kanzen-scan-bench");
        Path root = work.resolve("library");
        if (!Files.exists(root)) {
            long t = System.nanoTime();
            GeneratedLibrary.write(root, series, perSeries, 42);
            System.out.printf("generated %d series x %d files in %d ms%n", series, perSeries, ms(t));
        }
        long t = System.nanoTime();
        Process find = new ProcessBuilder("find", root.toString(), "-type", "f").redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        find.waitFor(10, TimeUnit.MINUTES);
        System.out.printf("find -type f:            %6d ms%n", ms(t));

        Path data = work.resolve("data-" + System.nanoTime());
        try (Kanzen kanzen = Kanzen.builder().dataDirectory(data).classpathPlugins(false).build()) {
            kanzen.addLibrary("bench", root);
            report("first scan:             ", kanzen.scan("bench").get(0));
            report("unchanged re-scan:      ", kanzen.scan("bench").get(0));
            report("unchanged re-scan (2nd):", kanzen.scan("bench").get(0));
        }
    }

    private static void report(String label, ScanReport r) {
        System.out.printf("%s %6d ms  (%d series, %d files: %d new, %d changed, %d unchanged)%n",
                label, r.took().toMillis(), r.series(), r.files(), r.added(), r.changed(), r.unchanged());
    }

    private static long ms(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
