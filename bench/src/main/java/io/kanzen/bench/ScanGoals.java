package io.kanzen.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Issue 16, goal 3, in one command: the scan through the real CLI (a fresh JVM each time, as a user runs
 * {@code kanzen scan}) beside {@code find} walking the same tree, alternated round after round, medians printed with
 * their ratios. On 5,000 series x 20 files: the first scan (into a new data directory) and the unchanged re-scan,
 * each as the scan's own time (what the CLI prints, "in N ms") against {@code find -type f}; on 1,000 series x 20
 * files: the whole {@code kanzen scan} process against the original's 1.95 s (issue 16's figure: the original is
 * not on this machine), with a read command's process beside it to show the start-up part.
 *
 * <p>The CLI is started the way a user starts it: through the distribution's launcher {@code bin/kanzen} (its JVM
 * options and start-up archive) when {@code --cli} names one, as by default; {@code java -jar} when it names a JAR.
 * {@code --ref} names a second build (a launcher or a JAR, e.g. main's) measured in the same rounds, one after the
 * other, with the same libraries. Processor time (user + system, all threads) is read through {@code /usr/bin/time}
 * where it exists: on a shared machine it moves much less than the wall time.
 *
 * <pre>java -cp bench/target/kanzen-bench.jar io.kanzen.bench.ScanGoals [--cli dist/target/kanzen/bin/kanzen]
 *     [--ref OTHER/bin/kanzen] [--work /tmp/kanzen-scan-goals] [--rounds 5]</pre>
 */
public final class ScanGoals {
    private static final Pattern TOOK = Pattern.compile(" in (\\d+) ms");
    private static final Pattern CPU = Pattern.compile("(?m)^KANZEN-CPU ([0-9.]+) ([0-9.]+)$");
    private static final double ORIGINAL_1000_SERIES_MS = 1950;
    private static final boolean TIME = Files.isExecutable(Path.of("/usr/bin/time"));

    public static void main(String[] args) throws Exception {
        Path cli = Files.isRegularFile(Path.of("dist/target/kanzen/bin/kanzen")) ? Path.of("dist/target/kanzen/bin/kanzen")
                : Path.of("cli/target/kanzen-cli.jar");
        Path ref = null;
        Path work = Path.of("/tmp/kanzen-scan-goals");
        int rounds = 5;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--cli" -> cli = Path.of(args[i + 1]);
                case "--ref" -> ref = Path.of(args[i + 1]);
                case "--work" -> work = Path.of(args[i + 1]);
                case "--rounds" -> rounds = Integer.parseInt(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        List<Path> builds = ref == null ? List.of(cli) : List.of(cli, ref);
        for (Path b : builds) {
            if (!Files.isRegularFile(b)) {
                throw new IllegalArgumentException(b + " is missing: ./mvnw -B -ntp -DskipTests package first");
            }
        }
        Path big = library(work.resolve("lib-5000"), 5_000);
        Path small = library(work.resolve("lib-1000"), 1_000);
        run(List.of("find", big.toString(), "-type", "f")); // the page cache warm for both
        run(List.of("find", small.toString(), "-type", "f"));
        for (Path b : builds) { // a launcher makes its start-up archive at its first start: not in a round
            cli(b, work.resolve("data-warm-up"), "library", "list");
            deleteTree(work.resolve("data-warm-up"));
        }

        List<Map<String, List<Double>>> all = new ArrayList<>();
        for (Path b : builds) {
            all.add(new TreeMap<>());
        }
        for (int r = 1; r <= rounds; r++) {
            for (int k = 0; k < builds.size(); k++) {
                Path build = builds.get(k);
                Map<String, List<Double>> m = all.get(k);
                String tag = builds.size() == 1 ? "" : k == 0 ? " [cli]" : " [ref]";
                Path data = work.resolve("data-" + r);
                deleteTree(data);
                cli(build, data, "library", "add", "Big", big.toString());
                add(m, "find 5000", run(List.of("find", big.toString(), "-type", "f")).wallMs());
                Run first = cli(build, data, "scan");
                add(m, "first scan 5000", first.took());
                add(m, "first scan 5000 cpu", first.cpuMs());
                add(m, "find 5000", run(List.of("find", big.toString(), "-type", "f")).wallMs());
                Run again = cli(build, data, "scan");
                add(m, "re-scan 5000", again.took());
                add(m, "re-scan 5000 process", again.wallMs());

                Path smallData = work.resolve("data-small-" + r);
                deleteTree(smallData);
                cli(build, smallData, "library", "add", "Small", small.toString());
                Run smallScan = cli(build, smallData, "scan");
                add(m, "first scan 1000 process", smallScan.wallMs());
                add(m, "first scan 1000 process cpu", smallScan.cpuMs());
                add(m, "library list process", cli(build, smallData, "library", "list").wallMs());
                System.out.printf("round %d%s: find %.0f ms, first scan %.0f ms (process cpu %.0f ms), re-scan %.0f ms (process %.0f ms), "
                        + "1,000 series process %.0f ms (cpu %.0f ms), load %s%n", r, tag, last(m, "find 5000"), first.took(), first.cpuMs(),
                        again.took(), again.wallMs(), last(m, "first scan 1000 process"), smallScan.cpuMs(), load());
                deleteTree(data);
                deleteTree(smallData);
            }
        }
        for (int k = 0; k < builds.size(); k++) {
            Map<String, List<Double>> m = all.get(k);
            double find = median(m.get("find 5000"));
            System.out.println();
            System.out.printf("%s: medians of %d alternated rounds%n", builds.get(k), rounds);
            System.out.println("| measure | Kanzen | reference | ratio | goal |");
            System.out.println("|---|---|---|---|---|");
            row("5,000 series x 20 files, first scan (the scan's own time)", median(m.get("first scan 5000")), "find " + ms(find), find, "<= 10");
            System.out.printf("| same, processor time of the whole process (user + system) | %s | | | |%n", ms(median(m.get("first scan 5000 cpu"))));
            row("same, unchanged re-scan (the scan's own time)", median(m.get("re-scan 5000")), "find " + ms(find), find, "<= 2");
            System.out.printf("| same, unchanged re-scan (whole process) | %s | | | |%n", ms(median(m.get("re-scan 5000 process"))));
            row("1,000 series x 20 files, first scan (whole process)", median(m.get("first scan 1000 process")), "original 1,950 ms (issue 16)",
                    ORIGINAL_1000_SERIES_MS, "< 1");
            System.out.printf("| same, processor time (user + system) | %s | | | |%n", ms(median(m.get("first scan 1000 process cpu"))));
            System.out.printf("| `kanzen library list` (start-up part of any command) | %s | | | |%n", ms(median(m.get("library list process"))));
        }
        if (builds.size() == 2) {
            Map<String, List<Double>> a = all.get(0), b = all.get(1);
            System.out.println();
            System.out.println("| this build / ref, medians | ratio |");
            System.out.println("|---|---|");
            for (String key : List.of("first scan 5000", "first scan 5000 cpu", "re-scan 5000", "first scan 1000 process", "first scan 1000 process cpu")) {
                System.out.printf("| %s | %.2f |%n", key, median(a.get(key)) / median(b.get(key)));
            }
        }
    }

    private static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException e) {
            return "?";
        }
    }

    private static void row(String what, double value, String reference, double referenceMs, String goal) {
        System.out.printf("| %s | %s | %s | %.2f | %s |%n", what, ms(value), reference, value / referenceMs, goal);
    }

    private static String ms(double v) {
        return String.format("%,.0f ms", v);
    }

    private static Path library(Path dir, int series) throws IOException, InterruptedException {
        Path root = dir.resolve("library");
        if (!Files.isDirectory(root)) {
            long t = System.nanoTime();
            GeneratedLibrary.write(root, series, 20, 42);
            System.out.printf("generated %d series x 20 files in %s in %d ms%n", series, root, (System.nanoTime() - t) / 1_000_000);
            Thread.sleep(2_500); // a folder modified in the last 2 seconds is not trusted by a re-scan: as a library left alone
        }
        return root;
    }

    /** A process's wall time, its processor time when /usr/bin/time gave it (else NaN), and the scan's own time when it printed one. */
    private record Run(double wallMs, double cpuMs, double took, String output) {}

    /** Runs the CLI: a launcher script as it is, a JAR through {@code java -jar}. */
    private static Run cli(Path build, Path data, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        if (build.toString().endsWith(".jar")) {
            command.addAll(List.of("java", "-jar"));
        }
        command.addAll(List.of(build.toString(), "--data-dir", data.toString()));
        command.addAll(List.of(args));
        return run(command);
    }

    private static Run run(List<String> command) throws IOException, InterruptedException {
        boolean find = command.get(0).equals("find");
        List<String> timed = new ArrayList<>();
        if (TIME && !find) {
            timed.addAll(List.of("/usr/bin/time", "-f", "KANZEN-CPU %U %S"));
        }
        timed.addAll(command);
        long t = System.nanoTime();
        ProcessBuilder pb = new ProcessBuilder(timed).redirectErrorStream(true);
        if (find) {
            pb.redirectOutput(ProcessBuilder.Redirect.DISCARD); // as find > /dev/null
        }
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int exit = p.waitFor();
        double wall = (System.nanoTime() - t) / 1e6;
        if (exit != 0) {
            throw new IllegalStateException(String.join(" ", command) + " exited with " + exit + ":\n" + out);
        }
        double took = Double.NaN;
        double cpu = Double.NaN;
        if (!find) {
            Matcher m = TOOK.matcher(out);
            if (m.find()) {
                took = Double.parseDouble(m.group(1));
            }
            Matcher c = CPU.matcher(out);
            if (c.find()) {
                cpu = (Double.parseDouble(c.group(1)) + Double.parseDouble(c.group(2))) * 1000;
            }
        }
        return new Run(wall, cpu, took, out);
    }

    private static void add(Map<String, List<Double>> m, String key, double v) {
        m.computeIfAbsent(key, k -> new ArrayList<>()).add(v);
    }

    private static double last(Map<String, List<Double>> m, String key) {
        List<Double> l = m.get(key);
        return l.get(l.size() - 1);
    }

    static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        try (var all = Files.walk(p)) {
            for (Path x : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(x);
            }
        }
    }
}
