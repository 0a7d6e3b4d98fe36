package io.kanzen.bench;

import io.kanzen.core.internal.library.SeriesFolderReading;
import io.kanzen.core.internal.parse.FileNameParser;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What reading the names of a first scan costs in a new JVM: the 100,000 names of {@link GeneratedLibrary} (seed 42,
 * 5,000 series × 20) read in their series folder as the scan reads them, on one or two threads, in a JVM started with
 * the launcher's options (C1 only, so what counts is the cost cold). Prints the reading threads' CPU time and the
 * bytes they allocated (the parser's class set-up, its patterns, included), the process's CPU time over the same
 * span (C1's compilations and the collector too) and the wall time.
 *
 * <pre>
 * # one measure, in this JVM
 * java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xss512k -cp bench/target/kanzen-bench.jar io.kanzen.bench.ParserColdRun [--threads 2]
 * # rounds of new JVMs, alternated with a reference build of the parser (its core jar put first on the class path)
 * java -cp bench/target/kanzen-bench.jar io.kanzen.bench.ParserColdRun --rounds 7 --ref /tmp/base/kanzen-core.jar [--threads 2]
 * </pre>
 */
public final class ParserColdRun {
    static final String[] JVM_OPTIONS = {"-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xss512k"};

    private ParserColdRun() {}

    public static void main(String[] args) throws Exception {
        int threads = 1, rounds = 0;
        String ref = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--threads" -> threads = Integer.parseInt(args[++i]);
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                case "--ref" -> ref = args[++i];
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        if (rounds > 0) {
            rounds(rounds, threads, ref);
        } else {
            System.out.println(measure(threads).line());
        }
    }

    record Measure(int names, long threadCpuNs, long allocatedBytes, long processCpuNs, long wallNs) {
        String line() {
            return String.format("names=%d cpu_ms=%.1f alloc_mb=%.1f process_cpu_ms=%.1f wall_ms=%.1f", names, threadCpuNs / 1e6,
                    allocatedBytes / 1e6, processCpuNs / 1e6, wallNs / 1e6);
        }

        static Measure of(String line) {
            String[] f = line.trim().split(" ");
            return new Measure(Integer.parseInt(f[0].split("=")[1]), (long) (value(f[1]) * 1e6), (long) (value(f[2]) * 1e6),
                    (long) (value(f[3]) * 1e6), (long) (value(f[4]) * 1e6));
        }

        private static double value(String field) {
            return Double.parseDouble(field.substring(field.indexOf('=') + 1));
        }
    }

    static Measure measure(int threads) throws InterruptedException {
        List<String[]> names = GeneratedLibrary.names(5000, 20, 42);
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long[] cpu = new long[threads], allocated = new long[threads];
        Thread[] workers = new Thread[threads];
        long processStart = os.getProcessCpuTime(), wallStart = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            int part = t;
            workers[t] = new Thread(() -> {
                long cpuStart = mx.getCurrentThreadCpuTime();
                long allocStart = mx.getThreadAllocatedBytes(Thread.currentThread().getId());
                // the first reading thread sets the parser's class up, as the scan's first reading does
                SeriesFolderReading reading = new SeriesFolderReading(new FileNameParser());
                int found = 0;
                // series by series, one thread taking every other series, as two readers share a walk's folders
                for (int i = 0; i < names.size(); i++) {
                    if ((i / 20) % threads == part) {
                        String[] n = names.get(i);
                        found += reading.read(n[1], n[0], false).volume() != null ? 1 : 0;
                    }
                }
                cpu[part] = mx.getCurrentThreadCpuTime() - cpuStart;
                allocated[part] = mx.getThreadAllocatedBytes(Thread.currentThread().getId()) - allocStart;
                if (found == 0) {
                    throw new AssertionError("no volume read: the parser is not what this measures");
                }
            }, "reader-" + t);
            workers[t].start();
        }
        for (Thread w : workers) {
            w.join();
        }
        long wall = System.nanoTime() - wallStart, process = os.getProcessCpuTime() - processStart;
        return new Measure(names.size(), Arrays.stream(cpu).sum(), Arrays.stream(allocated).sum(), process, wall);
    }

    private static void rounds(int rounds, int threads, String ref) throws IOException, InterruptedException {
        String cp = System.getProperty("java.class.path");
        String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        List<Measure> mine = new ArrayList<>(), theirs = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
            Measure m = child(java, cp, threads);
            mine.add(m);
            System.out.println("round " + (r + 1) + " this: " + m.line());
            if (ref != null) {
                Measure b = child(java, ref + File.pathSeparator + cp, threads);
                theirs.add(b);
                System.out.println("round " + (r + 1) + " ref:  " + b.line());
            }
        }
        String on = " (" + threads + " thread" + (threads > 1 ? "s" : "") + "): ";
        // the median, and the least: on a shared machine other processes only ever add to a CPU time
        Measure a = median(mine), aMin = least(mine);
        System.out.println("median this" + on + a.line());
        System.out.println("least  this" + on + aMin.line());
        if (ref != null) {
            Measure b = median(theirs), bMin = least(theirs);
            System.out.println("median ref " + on + b.line());
            System.out.println("least  ref " + on + bMin.line());
            System.out.println("ratio this/ref, medians: " + ratios(a, b));
            System.out.println("ratio this/ref, least:   " + ratios(aMin, bMin));
        }
    }

    private static Measure child(String java, String cp, int threads) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(java));
        command.addAll(List.of(JVM_OPTIONS));
        command.addAll(List.of("-cp", cp, ParserColdRun.class.getName(), "--threads", Integer.toString(threads)));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String last = null;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                last = line;
            }
        }
        if (p.waitFor() != 0 || last == null || !last.startsWith("names=")) {
            throw new IOException("the measuring JVM failed: " + last);
        }
        return Measure.of(last);
    }

    private static String ratios(Measure a, Measure b) {
        return String.format("cpu %.2f, alloc %.2f, process cpu %.2f, wall %.2f", (double) a.threadCpuNs() / b.threadCpuNs(),
                (double) a.allocatedBytes() / b.allocatedBytes(), (double) a.processCpuNs() / b.processCpuNs(), (double) a.wallNs() / b.wallNs());
    }

    /** Each field's own least value. */
    private static Measure least(List<Measure> ms) {
        return new Measure(ms.get(0).names(), ms.stream().mapToLong(Measure::threadCpuNs).min().orElseThrow(),
                ms.stream().mapToLong(Measure::allocatedBytes).min().orElseThrow(), ms.stream().mapToLong(Measure::processCpuNs).min().orElseThrow(),
                ms.stream().mapToLong(Measure::wallNs).min().orElseThrow());
    }

    /** Each field's own median. */
    private static Measure median(List<Measure> ms) {
        return new Measure(ms.get(0).names(), med(ms.stream().mapToLong(Measure::threadCpuNs).toArray()),
                med(ms.stream().mapToLong(Measure::allocatedBytes).toArray()), med(ms.stream().mapToLong(Measure::processCpuNs).toArray()),
                med(ms.stream().mapToLong(Measure::wallNs).toArray()));
    }

    private static long med(long[] values) {
        long[] v = values.clone();
        Arrays.sort(v);
        return v[v.length / 2];
    }
}
