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
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A whole check of many monitored series against a local fake Prowlarr that answers each search after a delay,
 * through the real Prowlarr plugin and the host's rate limiter. Reports the requests made (the target is one per
 * series per source) and the wall time beside its lower bounds.
 *
 * <pre>java -cp bench/target/kanzen-bench.jar io.kanzen.bench.CheckTiming 500 4 50 /tmp/checkbench</pre>
 * arguments: series, missing volumes per series, answer delay in ms, work directory
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
        try (Kanzen kanzen = Kanzen.builder().dataDirectory(work.resolve("data")).build()) {
            kanzen.addLibrary("Manga", root);
            kanzen.scan(null);
            kanzen.saveSource("prowlarr", "prowlarr", Map.of("url", "http://127.0.0.1:" + prowlarr.getAddress().getPort(), "apiKey", "bench"));
            int missing = kanzen.stats().volumesMissing();
            long t0 = System.nanoTime();
            CheckReport report = kanzen.check(true, null);
            long ms = (System.nanoTime() - t0) / 1_000_000;
            int chosen = report.series().stream().mapToInt(s -> s.chosen().size()).sum();
            System.out.printf("series %d, missing volumes %d, answer delay %d ms%n", seriesCount, missing, delayMs);
            System.out.printf("source requests %d (target: at most %d, one per series per source)%n", requests.get(), seriesCount);
            System.out.printf("releases chosen %d (dry run)%n", chosen);
            System.out.printf("wall time %d ms%n", ms);
            System.out.printf("lower bound set by the rate limit (loopback: 50/s after a burst of 50): %d ms%n",
                    Math.max(0, (seriesCount - 50) * 1000 / 50));
            System.out.printf("lower bound of answering one at a time: %d ms; with %d series at once: %d ms%n", (long) seriesCount * delayMs, 4,
                    (long) seriesCount * delayMs / 4);
        } finally {
            prowlarr.stop(0);
            System.exit(0);
        }
    }

}
