package io.kanzen.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarInputStream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a user installs: the zip's content, and bin/kanzen running a command and the server from the built folder. */
class DistributionTest {
    private static final Path TARGET = Path.of(System.getProperty("kanzen.dist", "target"));
    private static final Path HOME = TARGET.resolve("kanzen");

    @TempDir
    Path tmp;

    @Test
    void theZipHoldsTheLauncherTheProgramAnEmptyPluginsFolderAndTheReadme() throws Exception {
        List<String> names = new ArrayList<>();
        try (ZipFile zip = new ZipFile(TARGET.resolve("kanzen.zip").toFile())) {
            for (ZipEntry e : Collections.list(zip.entries())) {
                names.add(e.getName());
            }
            try (InputStream in = zip.getInputStream(zip.getEntry("kanzen/lib/kanzen.jar")); JarInputStream jar = new JarInputStream(in)) {
                assertThat(jar.getManifest().getMainAttributes().getValue("Main-Class")).isEqualTo("io.kanzen.cli.Main");
            }
            String launcher = new String(zip.getInputStream(zip.getEntry("kanzen/bin/kanzen")).readAllBytes(), StandardCharsets.UTF_8);
            assertThat(launcher).startsWith("#!/bin/sh\n").doesNotContain("\r");
        }
        assertThat(names).contains("kanzen/bin/kanzen", "kanzen/lib/kanzen.jar", "kanzen/plugins/", "kanzen/README.md");
        assertThat(names).filteredOn(n -> n.startsWith("kanzen/plugins/")).containsExactly("kanzen/plugins/");
        assertThat(names).allMatch(n -> n.startsWith("kanzen/"));
        assertThat(Files.getPosixFilePermissions(HOME.resolve("bin/kanzen"))).contains(PosixFilePermission.OWNER_EXECUTE,
                PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_EXECUTE);
    }

    @Test
    void theLauncherRunsACommandWithTheStartUpArchive() throws Exception {
        Path classes = tmp.resolve("classes.log");
        Run run = launcher(Map.of("KANZEN_JAVA_OPTS", "-Xlog:class+load=info:file=" + classes), "--data-dir", tmp.resolve("data").toString(),
                "library", "list");

        assertThat(run.exit).as(run.output).isZero();
        assertThat(Files.exists(HOME.resolve("lib/kanzen.jsa"))).isTrue();
        // classes mapped from the archive made at package time (or by this very start), not loaded from the JAR
        assertThat(Files.readAllLines(classes)).anyMatch(l -> l.contains("io.kanzen.cli.Main source: shared objects file"));
    }

    @Test
    void kanzenServeRunsTheServerUntilStopped() throws Exception {
        ProcessBuilder pb = new ProcessBuilder(HOME.resolve("bin/kanzen").toString(), "--data-dir", tmp.resolve("data").toString(),
                "--plugins-dir", HOME.resolve("plugins").toString(), "serve", "--port", "0", "--host", "127.0.0.1").redirectErrorStream(true);
        Process server = pb.start();
        try {
            Pattern running = Pattern.compile("Kanzen is running on http://localhost:(\\d+)/");
            CompletableFuture<Integer> port = CompletableFuture.supplyAsync(() -> {
                StringBuilder log = new StringBuilder();
                try (BufferedReader lines = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line; (line = lines.readLine()) != null;) {
                        log.append(line).append('\n');
                        Matcher m = running.matcher(line);
                        if (m.find()) {
                            return Integer.parseInt(m.group(1));
                        }
                    }
                } catch (java.io.IOException e) {
                    throw new IllegalStateException(e);
                }
                throw new IllegalStateException("the server ended:\n" + log);
            });
            HttpResponse<String> health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port.get(90, TimeUnit.SECONDS) + "/health")).build(), HttpResponse.BodyHandlers.ofString());

            assertThat(health.statusCode()).isEqualTo(200);
            server.destroy();
            assertThat(server.waitFor(60, TimeUnit.SECONDS)).isTrue();
        } finally {
            server.destroyForcibly();
        }
    }

    private record Run(int exit, String output) {}

    private Run launcher(Map<String, String> env, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(HOME.resolve("bin/kanzen").toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().putAll(env);
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Run(p.exitValue(), output);
    }
}
