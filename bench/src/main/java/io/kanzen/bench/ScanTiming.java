package io.kanzen.bench;

import io.kanzen.core.Kanzen;
import io.kanzen.core.ScanReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Times a first scan and an unchanged re-scan of a generated library in one JVM (warm after the first), next to
 * {@code find} walking the same tree. A whole-run timing rather than JMH: a scan is seconds of file system and SQLite
 * work, done once. {@link ScanGoals} measures issue 16's goal the way a user meets it (the CLI, a JVM per scan).
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
            Thread.sleep(2_500); // folders modified in the last 2 s are listed again by a re-scan: measure a library left alone
        }
        long find = find(root);
        System.out.printf("find -type f:            %6d ms, CPU %d ms%n", find, findCpu(root));

        Path data = work.resolve("data-" + System.nanoTime());
        try (Kanzen kanzen = Kanzen.builder().dataDirectory(data).classpathPlugins(false).build()) {
            kanzen.addLibrary("bench", root);
            long cpu = cpu();
            report("first scan:             ", kanzen.scan("bench").get(0), find, cpu);
            cpu = cpu();
            report("unchanged re-scan:      ", kanzen.scan("bench").get(0), find, cpu);
            cpu = cpu();
            report("unchanged re-scan (2nd):", kanzen.scan("bench").get(0), find, cpu);
            cpu = cpu();
            report("full re-scan (--full):  ", kanzen.scan("bench", true).get(0), find, cpu);
        }
        System.out.printf("find -type f, again:     %6d ms%n", find(root));
    }

    /** find's own processor time (user and system), from bash's time. */
    private static long findCpu(Path root) throws Exception {
        Process p = new ProcessBuilder("bash", "-c", "TIMEFORMAT='%U %S'; time find \"$0\" -type f > /dev/null", root.toString())
                .redirectErrorStream(true).start();
        String[] out = new String(p.getInputStream().readAllBytes()).trim().split("\\s+");
        p.waitFor();
        return Math.round((Double.parseDouble(out[out.length - 2]) + Double.parseDouble(out[out.length - 1])) * 1000);
    }

    private static long find(Path root) throws Exception {
        long t = System.nanoTime();
        Process find = new ProcessBuilder("find", root.toString(), "-type", "f").redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        find.waitFor(10, TimeUnit.MINUTES);
        return ms(t);
    }

    private static void report(String label, ScanReport r, long find, long cpuBefore) {
        System.out.printf("%s %6d ms = %5.1f x find, CPU %6d ms  (%d series, %d files: %d new, %d changed, %d unchanged; %d folders not listed)%n",
                label, r.took().toMillis(), (double) r.took().toMillis() / Math.max(1, find), (cpu() - cpuBefore), r.series(), r.files(),
                r.added(), r.changed(), r.unchanged(), r.foldersUnchanged());
    }

    /** The JVM's processor time so far (all threads, the JIT's and the collector's included), in ms. */
    private static long cpu() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime() / 1_000_000;
    }

    private static long ms(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
