package io.kanzen.bench;

import com.sun.net.httpserver.HttpServer;
import io.kanzen.core.CheckReport;
import io.kanzen.core.Kanzen;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A whole check of many monitored series against a local fake Prowlarr that answers each search after a delay,
 * through the real Prowlarr plugin and the host's rate limiter. Reports the requests made (the target is one per
 * series per source) and the wall time beside its lower bounds.
 *
 * <pre>java -cp bench/target/kanzen-bench.jar io.kanzen.bench.CheckTiming 500 4 50 /tmp/checkbench [rounds]</pre>
 * arguments: series, missing volumes per series, answer delay in ms, work directory, rounds (3: the median is printed,
 * with its ratio to the rate-limit bound, issue 16 goal 6)
 */
public final class CheckTiming {
    public static void main(String[] args) throws Exception {
        int seriesCount = Integer.parseInt(args[0]);
        int missingPerSeries = Integer.parseInt(args[1]);
        int delayMs = Integer.parseInt(args[2]);
        Path work = Path.of(args[3]);
        if (Files.exists(work)) {
            try (var walk = Files.walk(work)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        Path root = Files.createDirectories(work.resolve("manga"));
        int owned = missingPerSeries * 2;
        for (int s = 0; s < seriesCount; s++) {
            Path dir = Files.createDirectories(root.resolve("Serie " + s));
            for (int v = 1; v <= owned; v++) {
                if (v % 2 == 1) { // every even volume below the highest is missing
                    Files.write(dir.resolve("Serie " + s + " Tome " + String.format("%02d", v) + ".cbz"), new byte[0]);
                }
            }
            Files.write(dir.resolve("Serie " + s + " Tome " + String.format("%02d", owned + 1) + ".cbz"), new byte[0]);
        }

        AtomicInteger requests = new AtomicInteger();
        HttpServer prowlarr = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        prowlarr.setExecutor(Executors.newFixedThreadPool(16));
        prowlarr.createContext("/api/v1/search", exchange -> {
            requests.incrementAndGet();
            String query = URLDecoder.decode(exchange.getRequestURI().getRawQuery().replaceAll(".*query=([^&]*).*", "$1"), StandardCharsets.UTF_8);
            try {
                Thread.sleep(delayMs);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            StringBuilder json = new StringBuilder("[");
            for (int v = 1; v <= owned + 1; v++) {
                String title = query + " Tome " + String.format("%02d", v) + " FR CBZ";
                json.append(json.length() > 1 ? "," : "").append("{\"guid\":\"g-").append(title.hashCode()).append("-").append(v)
                        .append("\",\"title\":\"").append(title).append("\",\"size\":50000000,\"seeders\":").append(5 + v)
                        .append(",\"protocol\":\"torrent\",\"downloadUrl\":\"http://127.0.0.1/d/").append(Math.abs(title.hashCode())).append("\"}");
            }
            byte[] body = json.append("]").toString().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        prowlarr.start();
        int rounds = args.length > 4 ? Integer.parseInt(args[4]) : 3;
        String url = "http://127.0.0.1:" + prowlarr.getAddress().getPort();
        try {
            try (Kanzen kanzen = Kanzen.builder().dataDirectory(work.resolve("data")).build()) {
                kanzen.addLibrary("Manga", root);
                kanzen.scan(null);
                kanzen.saveSource("prowlarr", "prowlarr", Map.of("url", url, "apiKey", "bench"));
                System.out.printf("series %d, missing volumes %d, answer delay %d ms%n", seriesCount, kanzen.stats().volumesMissing(), delayMs);
            }
            // the rate limit lets a burst of 50 through at once, then 50 a second (loopback peers)
            long bound = Math.max(0, (seriesCount - 50) * 1000L / 50);
            List<Long> walls = new ArrayList<>();
            for (int r = 1; r <= rounds; r++) {
                // a new Kanzen each round: its limiters start full, as at the first check after a start
                try (Kanzen kanzen = Kanzen.builder().dataDirectory(work.resolve("data")).build()) {
                    requests.set(0);
                    long t0 = System.nanoTime();
                    CheckReport report = kanzen.check(true, null);
                    long ms = (System.nanoTime() - t0) / 1_000_000;
                    walls.add(ms);
                    int chosen = report.series().stream().mapToInt(s -> s.chosen().size()).sum();
                    System.out.printf("round %d: wall %,d ms, source requests %d (at most %d: one per series per source), releases chosen %d "
                            + "(dry run), ratio to the rate-limit bound %.2f%n", r, ms, requests.get(), seriesCount, chosen, (double) ms / bound);
                }
            }
            long median = walls.stream().sorted().toList().get(walls.size() / 2);
            System.out.println();
            System.out.println("| measure | Kanzen | reference | ratio | goal |");
            System.out.println("|---|---|---|---|---|");
            System.out.printf("| check of %d series x %d missing, answers after %d ms (median of %d) | %,d ms | rate-limit bound %,d ms | %.2f | <= 1.2 |%n",
                    seriesCount, missingPerSeries, delayMs, rounds, median, bound, (double) median / bound);
            System.out.printf("(lower bound of answering one at a time: %,d ms)%n", (long) seriesCount * delayMs);
        } finally {
            prowlarr.stop(0);
            System.exit(0);
        }
    }

}
