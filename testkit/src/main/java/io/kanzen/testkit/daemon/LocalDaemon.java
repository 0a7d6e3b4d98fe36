package io.kanzen.testkit.daemon;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real program from Debian's packages, started on loopback for a test with its state in a directory of its own,
 * and stopped by the test (not left behind for CI to find). Subclasses write the program's configuration and say
 * when it is ready.
 */
public abstract class LocalDaemon implements AutoCloseable {
    private final String program;
    private final String debianPackage;
    protected final Path directory;
    private Process process;

    protected LocalDaemon(String program, String debianPackage, Path directory) {
        this.program = program;
        this.debianPackage = debianPackage;
        this.directory = directory;
    }

    /** Writes the configuration, starts the program and waits until it answers. Idempotent. */
    public synchronized void start() {
        if (isRunning()) {
            return;
        }
        if (!onPath(program)) {
            throw new IllegalStateException(program + " is not installed: apt-get install " + debianPackage
                    + " (.ci/test-programs installs every program the tests use)");
        }
        try {
            Files.createDirectories(directory);
            writeConfiguration();
            process = new ProcessBuilder(command())
                    .redirectErrorStream(true)
                    .redirectOutput(directory.resolve(program + ".out").toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + program, e);
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!isReady()) {
            if (!process.isAlive()) {
                throw new IllegalStateException(program + " exited at start with " + process.exitValue() + ": " + output());
            }
            if (System.nanoTime() > deadline) {
                kill();
                throw new IllegalStateException(program + " did not become ready in 30 s: " + output());
            }
            sleep(100);
        }
    }

    /** Stops the program politely, then forcefully after five seconds. */
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process = null;
        afterStop();
    }

    /** Kills the program at once, as a crash would. */
    public synchronized void kill() {
        if (process == null) {
            return;
        }
        process.destroyForcibly();
        try {
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process = null;
        afterStop();
    }

    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    @Override
    public void close() {
        stop();
    }

    protected abstract List<String> command();

    protected abstract void writeConfiguration() throws IOException;

    protected abstract boolean isReady();

    /** Clean-up after the process is gone (lock files). */
    protected void afterStop() {}

    protected String output() {
        try {
            String out = Files.readString(directory.resolve(program + ".out"));
            return out.length() > 2000 ? out.substring(out.length() - 2000) : out;
        } catch (IOException e) {
            return "(no output)";
        }
    }

    /** A TCP port nobody listens on right now. */
    public static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            s.setReuseAddress(true);
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether some process listens on the loopback TCP port, read from /proc/net/tcp without connecting. */
    protected static boolean listening(int port) {
        String hexPort = String.format(":%04X ", port);
        try {
            for (String line : Files.readAllLines(Path.of("/proc/net/tcp"))) {
                String[] f = line.trim().split("\\s+");
                if (f.length > 3 && (f[1] + " ").endsWith(hexPort) && f[3].equals("0A")) {
                    return true;
                }
            }
            return false;
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }

    protected static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
