package io.kanzen.bench.decisions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kanzen.testkit.daemon.QBittorrentDaemon;
import java.io.IOException;
import java.io.PrintStream;
import java.io.RandomAccessFile;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The decision benchmark: builds a generated scenario into a work directory, starts a fake Prowlarr on 127.0.0.1
 * and a real qbittorrent-nox, drives the real CLI ({@code library add}, {@code scan}, {@code sources add},
 * {@code clients add}, then {@code check} several times in a row), reads what was sent from {@code kanzen
 * downloads --json} and qBittorrent's torrent list, and prints recall, wrong sends by family, duplicates and
 * searches per check. See docs/performance.md, "Decisions".
 *
 * <pre>java -cp bench/target/kanzen-bench.jar io.kanzen.bench.decisions.DecisionBench [--seed 11] [--checks 3]
 *     [--work /tmp/kanzen-decisions] [--cli cli/target/kanzen-cli.jar]</pre>
 */
public final class DecisionBench {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MARKER = ".kanzen-decision-bench";

    private final Path work;
    private final Path cliJar;
    private final PrintStream out;

    private DecisionBench(Path work, Path cliJar, PrintStream out) {
        this.work = work;
        this.cliJar = cliJar;
        this.out = out;
    }

    public static void main(String[] args) throws Exception {
        long seed = 11;
        int checks = 3;
        Path work = Path.of(System.getProperty("java.io.tmpdir"), "kanzen-decisions");
        Path cli = Path.of("cli/target/kanzen-cli.jar");
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--seed" -> seed = Long.parseLong(required(args[i], value));
                case "--checks" -> checks = Integer.parseInt(required(args[i], value));
                case "--work" -> work = Path.of(required(args[i], value));
                case "--cli" -> cli = Path.of(required(args[i], value));
                default -> {
                    System.err.println("unknown argument " + args[i] + "; usage: DecisionBench [--seed N] [--checks N] [--work DIR] [--cli JAR]");
                    System.exit(2);
                }
            }
            i++;
        }
        if (!Files.isRegularFile(cli)) {
            System.err.println("no CLI jar at " + cli.toAbsolutePath() + ": build it (./mvnw -B -ntp -DskipTests package) or pass --cli");
            System.exit(2);
        }
        try {
            new DecisionBench(work, cli, System.out).run(seed, checks);
        } catch (BenchFailure e) {
            System.err.println("decision bench: " + e.getMessage());
            System.exit(1);
        }
        System.exit(0);
    }

    private static String required(String option, String value) {
        if (value == null) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return value;
    }

    /** The bench could not be set up or driven (not a bad score: a broken run). */
    static final class BenchFailure extends RuntimeException {
        BenchFailure(String message) {
            super(message);
        }
    }

    private void run(long seed, int checks) throws IOException, InterruptedException {
        prepareWorkDirectory();
        Scenario scenario = ScenarioGenerator.generate(seed);
        Path library = work.resolve("manga");
        int files = writeLibrary(scenario, library);
        writeAnswerKey(scenario, work.resolve("scenario"));
        Map<Family, Integer> planted = planted(scenario);
        try (FakeProwlarr prowlarr = new FakeProwlarr(scenario); QBittorrentDaemon qbt = new QBittorrentDaemon(work.resolve("qbittorrent"))) {
            qbt.start();
            cli("library", "add", "Manga", library.toString());
            cli("scan");
            cli("sources", "add", "prowlarr", "--set", "url=" + prowlarr.url(), "--set", "apiKey=" + FakeProwlarr.API_KEY);
            cli("clients", "add", "qbittorrent", "--set", "url=" + qbt.url(), "--set", "username=" + QBittorrentDaemon.USER,
                    "--set", "password=" + QBittorrentDaemon.PASSWORD);
            cli("config", "--set", "autoDownload=true"); // off on a first start: the bench measures what checks send
            Map<String, SortedSet<Integer>> kanzenWanted = kanzenWanted(cli("missing", "--json"));

            List<Integer> searchesSeen = new ArrayList<>();
            List<String> searchesReported = new ArrayList<>();
            List<Integer> sendsPerCheck = new ArrayList<>();
            List<Long> checkMillis = new ArrayList<>();
            List<Send> sends = new ArrayList<>();
            Set<Long> seenGrabs = new HashSet<>();
            for (int c = 1; c <= checks; c++) {
                int before = prowlarr.queries().size();
                long t0 = System.nanoTime();
                String report = cli("check");
                checkMillis.add((System.nanoTime() - t0) / 1_000_000);
                Files.writeString(work.resolve("check-" + c + ".txt"), report);
                searchesSeen.add(prowlarr.queries().size() - before);
                Matcher m = Pattern.compile("(\\d+) searches").matcher(report);
                searchesReported.add(m.find() ? m.group(1) : "?");
                int sent = 0;
                for (String line : cli("downloads", "--json").split("\n")) {
                    if (line.isBlank()) {
                        continue;
                    }
                    JsonNode d = JSON.readTree(line);
                    if (seenGrabs.add(d.path("id").asLong())) {
                        String handle = d.hasNonNull("handle") ? d.get("handle").asText() : null;
                        sends.add(new Send(d.path("title").asText(), handle, d.path("state").asText(), c));
                        sent++;
                    }
                }
                sendsPerCheck.add(sent);
            }
            Files.writeString(work.resolve("history.jsonl"), cli("history", "--json", "--limit", "100000"));
            Files.writeString(work.resolve("queries.txt"), String.join("\n", prowlarr.queries()) + "\n");
            List<String> inClient = qbittorrentHashes(qbt);
            Score score = Score.of(scenario, sends);
            print(scenario, files, planted, score, sends, searchesSeen, searchesReported, sendsPerCheck, checkMillis, inClient, kanzenWanted, seed);
        }
    }

    private void prepareWorkDirectory() throws IOException {
        if (Files.exists(work)) {
            boolean empty;
            try (var list = Files.list(work)) {
                empty = list.findAny().isEmpty();
            }
            if (!empty && !Files.exists(work.resolve(MARKER))) {
                throw new BenchFailure(work + " exists and is not a decision bench's work directory: choose another --work");
            }
            try (var walk = Files.walk(work)) {
                for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        Files.createDirectories(work);
        Files.createFile(work.resolve(MARKER));
    }

    /** Series folders of sparse volume files: their sizes are real to {@code stat}, their content takes no disk. */
    static int writeLibrary(Scenario scenario, Path root) throws IOException {
        int n = 0;
        for (PlannedSeries s : scenario.series()) {
            Path folder = Files.createDirectories(root.resolve(s.title()));
            for (Map.Entry<String, Long> f : s.files().entrySet()) {
                try (RandomAccessFile file = new RandomAccessFile(folder.resolve(f.getKey()).toFile(), "rw")) {
                    file.setLength(f.getValue());
                }
                n++;
            }
        }
        return n;
    }

    /** The answer key, readable: every release each series' title query can bring, with its verdict; and the wanted volumes. */
    static void writeAnswerKey(Scenario scenario, Path dir) throws IOException {
        Files.createDirectories(dir);
        StringBuilder key = new StringBuilder("series\trelease\tindexer\ttitle\tsize\tseeders\tlink\tverdict\twhy\n");
        StringBuilder wanted = new StringBuilder("series\towned\twanted\tobtainable\tbehind_cap_of_title_query\n");
        for (PlannedSeries s : scenario.series()) {
            for (PlannedRelease r : scenario.matching(s.title())) {
                Verdict v = r.protocol().equals("torrent") ? AnswerKey.judge(r, s) : new Verdict(null, "usenet: left out (no usenet client)");
                key.append(s.title()).append('\t').append(r.id()).append('\t').append(r.indexerId()).append('\t').append(r.title()).append('\t')
                        .append(r.size()).append('\t').append(r.seeders()).append('\t').append(r.protocol().equals("torrent") ? r.link() : "usenet")
                        .append('\t').append(!r.protocol().equals("torrent") ? "USENET" : v.acceptable() ? "ACCEPTABLE" : v.trap()).append('\t').append(v.why()).append('\n');
            }
            wanted.append(s.title()).append('\t').append(s.owned().size()).append('\t').append(s.wanted()).append('\t')
                    .append(scenario.obtainable(s)).append('\t').append(scenario.behindTheCap(s)).append('\n');
        }
        Files.writeString(dir.resolve("answer-key.tsv"), key);
        Files.writeString(dir.resolve("wanted.tsv"), wanted);
    }

    /** Trap releases planted against a series, by family, as the answer key judges them for that series. */
    static Map<Family, Integer> planted(Scenario scenario) {
        Map<Family, Integer> out = new EnumMap<>(Family.class);
        for (PlannedRelease r : scenario.releases()) {
            if (r.plantedFor() != null && r.protocol().equals("torrent")) {
                Verdict v = AnswerKey.judge(r, scenario.seriesTitled(r.plantedFor()).orElseThrow());
                if (!v.acceptable()) {
                    out.merge(v.trap(), 1, Integer::sum);
                }
            }
        }
        return out;
    }

    private String cli(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                cliJar.toAbsolutePath().toString(), "--data-dir", work.resolve("data").toString(), "--plugins-dir", work.resolve("plugins").toString()));
        command.addAll(List.of(args));
        Path log = work.resolve("cli.log");
        Process p = new ProcessBuilder(command).directory(work.toFile()).redirectError(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        p.getOutputStream().close();
        String stdout = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(30, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new BenchFailure("kanzen " + String.join(" ", args) + " did not finish in 30 minutes");
        }
        Files.writeString(log, "$ kanzen " + String.join(" ", args) + "\n" + stdout + "\n", java.nio.file.StandardOpenOption.APPEND,
                java.nio.file.StandardOpenOption.CREATE);
        if (p.exitValue() != 0) {
            throw new BenchFailure("kanzen " + String.join(" ", args) + " exited with " + p.exitValue() + " (see " + log + ")");
        }
        return stdout;
    }

    private static Map<String, SortedSet<Integer>> kanzenWanted(String missingJson) throws IOException {
        Map<String, SortedSet<Integer>> out = new LinkedHashMap<>();
        for (String line : missingJson.split("\n")) {
            if (!line.isBlank()) {
                JsonNode o = JSON.readTree(line);
                SortedSet<Integer> v = new TreeSet<>();
                o.path("missing").forEach(n -> v.add(n.asInt()));
                out.put(o.path("title").asText(), v);
            }
        }
        return out;
    }

    /** The info-hashes qBittorrent holds, through its Web API. */
    private static List<String> qbittorrentHashes(QBittorrentDaemon qbt) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(qbt.url() + "/api/v2/auth/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + URLEncoder.encode(QBittorrentDaemon.USER, StandardCharsets.UTF_8)
                        + "&password=" + URLEncoder.encode(QBittorrentDaemon.PASSWORD, StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
        String cookie = login.headers().firstValue("set-cookie").map(c -> c.split(";")[0]).orElseThrow(() -> new BenchFailure("qBittorrent refused the login"));
        HttpResponse<String> list = http.send(HttpRequest.newBuilder(URI.create(qbt.url() + "/api/v2/torrents/info")).header("Cookie", cookie).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        List<String> out = new ArrayList<>();
        JSON.readTree(list.body()).forEach(t -> out.add(t.path("hash").asText().toLowerCase(Locale.ROOT)));
        return out;
    }

    private void print(Scenario scenario, int files, Map<Family, Integer> planted, Score score, List<Send> sends, List<Integer> searchesSeen, List<String> searchesReported,
            List<Integer> sendsPerCheck, List<Long> checkMillis, List<String> inClient, Map<String, SortedSet<Integer>> kanzenWanted, long seed)
            throws IOException {
        StringBuilder b = new StringBuilder();
        long torrents = scenario.releases().stream().filter(r -> r.protocol().equals("torrent")).count();
        b.append(String.format(Locale.ROOT, "Kanzen decision benchmark: seed %d, %d series, %d volume files, %d releases listed (%d torrents), %d checks%n",
                seed, scenario.series().size(), files, scenario.releases().size(), torrents, sendsPerCheck.size()));
        b.append(String.format(Locale.ROOT, "wanted volumes %d; obtainable %d (an acceptable release is listed); %d of them only behind the %d-result cap of the title query%n",
                score.wanted(), score.obtainable(), score.obtainableBehindCap(), Scenario.RESULT_CAP));
        b.append("planted traps: ");
        planted.forEach((f, n) -> b.append(f).append(' ').append(n).append("  "));
        b.append(String.format("%n%n%-28s", ""));
        for (int c = 1; c <= sendsPerCheck.size(); c++) {
            b.append(String.format("%10s", "check " + c));
        }
        row(b, "searches (seen by Prowlarr)", searchesSeen);
        row(b, "searches (kanzen's report)", searchesReported);
        row(b, "sends", sendsPerCheck);
        row(b, "wall time (ms)", checkMillis);
        b.append(String.format(Locale.ROOT, "%n%nrecall          %d / %d obtainable volumes = %.1f %%%n", score.obtained(), score.obtainable(), score.recall() * 100));
        b.append(String.format(Locale.ROOT, "wrong sends     %d of %d sends (%d refused by the client, not counted)%n", score.wrong(), score.sends(), score.refusedSends()));
        score.wrongTable().forEach((f, n) -> {
            if (n > 0) {
                b.append(String.format(Locale.ROOT, "  %-18s %3d   %s%n", f, n, f.meaning()));
            }
        });
        if (score.unknownSends() > 0) {
            b.append(String.format(Locale.ROOT, "  %-18s %3d   sends the scenario does not know%n", "UNKNOWN", score.unknownSends()));
        }
        b.append(String.format(Locale.ROOT, "duplicates      %d (same torrent sent again: %d; volumes sent in two or more torrents: %d)%n",
                score.sameTorrentAgain() + score.volumesSentTwice(), score.sameTorrentAgain(), score.volumesSentTwice()));
        Set<String> clientSet = new TreeSet<>(inClient);
        Set<String> recorded = new TreeSet<>();
        sends.forEach(s -> {
            if (s.infoHash() != null) {
                recorded.add(s.infoHash().toLowerCase(Locale.ROOT));
            }
        });
        Set<String> unrecorded = new TreeSet<>(clientSet);
        unrecorded.removeAll(recorded);
        b.append(String.format(Locale.ROOT, "qBittorrent     %d torrents in the client, %d of them not in Kanzen's downloads%n", clientSet.size(),
                unrecorded.size()));
        List<String> misread = new ArrayList<>();
        for (PlannedSeries s : scenario.series()) {
            // `kanzen missing` lists only the series that lack something
            SortedSet<Integer> seen = kanzenWanted.getOrDefault(s.title(), new TreeSet<>());
            if (!seen.equals(s.wanted())) {
                misread.add(s.title() + ": key " + s.wanted() + ", kanzen " + seen);
            }
        }
        b.append(String.format(Locale.ROOT, "library reading %d series whose wanted volumes, as Kanzen reads the folder, differ from the key%n", misread.size()));
        section(b, "wrong sends", score.wrongDetails());
        section(b, "duplicates", score.duplicateDetails());
        section(b, "obtainable volumes not obtained", score.missed());
        section(b, "library reading differences", misread);
        b.append(String.format("%nwork directory: %s (scenario/answer-key.tsv, scenario/wanted.tsv, check-N.txt, history.jsonl, queries.txt)%n", work));
        out.print(b);
        Files.writeString(work.resolve("result.txt"), b);
    }

    private static void row(StringBuilder b, String label, List<?> values) {
        b.append(String.format("%n%-28s", label));
        values.forEach(v -> b.append(String.format("%10s", v)));
    }

    private static void section(StringBuilder b, String title, List<String> lines) {
        if (lines.isEmpty()) {
            return;
        }
        b.append(String.format("%n%s (%d):%n", title, lines.size()));
        lines.forEach(l -> b.append("  ").append(l).append('\n'));
    }
}
