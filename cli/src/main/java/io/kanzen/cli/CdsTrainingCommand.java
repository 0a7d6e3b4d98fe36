package io.kanzen.cli;

import io.kanzen.server.LogSetup;
import io.kanzen.server.Serving;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;

/**
 * What the launcher runs once, under {@code -XX:ArchiveClassesAtExit}, to make the class-data sharing archive
 * (AppCDS) the following starts map instead of loading and verifying thousands of classes: the usual read commands
 * on a scratch data directory, then the server started on loopback and asked for its pages. Hidden from the help.
 */
@Command(name = "cds-training", hidden = true, description = "Runs what the start-up archive should hold (used by bin/kanzen).")
final class CdsTrainingCommand implements Callable<Integer> {
    @Override
    public Integer call() throws IOException {
        Path work = Files.createTempDirectory("kanzen-cds-training");
        try {
            Path series = Files.createDirectories(work.resolve("library/One Piece"));
            Files.write(series.resolve("One Piece T01.cbz"), new byte[] {1});
            Files.write(series.resolve("One Piece - Tome 03.cbz"), new byte[] {1});
            String data = work.resolve("data").toString();
            String plugins = work.resolve("plugins").toString();
            String[][] commands = {
                {"library", "add", "Manga", work.resolve("library").toString()}, {"scan"}, {"library", "list"}, {"series"},
                {"series", "--json"}, {"missing"}, {"missing", "--json"}, {"stats"}, {"history"}, {"config"}, {"sources", "list"},
                {"clients", "list"}, {"downloads", "--no-poll"}, {"plugins"}, {"status"}, {"--help"}};
            for (String[] command : commands) {
                String[] args = new String[command.length + 4];
                args[0] = "--data-dir";
                args[1] = data;
                args[2] = "--plugins-dir";
                args[3] = plugins;
                System.arraycopy(command, 0, args, 4, command.length);
                KanzenCommand.commandLine(args).execute(args); // as Main builds it
            }
            LogSetup.use(LogSetup.Style.SERVER);
            try (Serving serving = Serving.start(Path.of(data), Path.of(plugins), "127.0.0.1", 0)) {
                for (String path : new String[] {"/health", "/", "/missing-monitor", "/api/openapi.json", "/api/missing-monitor/series",
                    "/api/missing-monitor/stats", "/api/setup", "/no-such-page"}) {
                    get(serving.port(), path);
                }
            }
        } finally {
            try (Stream<Path> all = Files.walk(work)) {
                all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        return 0;
    }

    private static void get(int port, String path) throws IOException {
        HttpURLConnection c = (HttpURLConnection) URI.create("http://127.0.0.1:" + port + path).toURL().openConnection();
        try {
            int status = c.getResponseCode();
            try (InputStream in = status < 400 ? c.getInputStream() : c.getErrorStream()) {
                if (in != null) {
                    in.readAllBytes();
                }
            }
        } finally {
            c.disconnect();
        }
    }
}
