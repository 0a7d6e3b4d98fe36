package io.kanzen.cli;

import io.kanzen.server.LogSetup;
import io.kanzen.server.Serving;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "serve", description = {"Runs the server (REST API and web UI) until stopped (Ctrl-C, SIGTERM).",
    "The administrator and reverse proxies come from KANZEN_ADMIN_PASSWORD, KANZEN_ADMIN_USER and KANZEN_TRUSTED_PROXIES."})
final class ServeCommand implements Callable<Integer> {
    @ParentCommand
    KanzenCommand top;

    @Option(names = "--port", paramLabel = "PORT", description = "HTTP port (default: $KANZEN_PORT or 5000; 0 for any free one).")
    Integer port;

    @Option(names = "--host", paramLabel = "ADDRESS", description = "Address to listen on (default: $KANZEN_HOST or all interfaces).")
    String host;

    @Override
    public Integer call() throws InterruptedException {
        LogSetup.use(LogSetup.Style.SERVER); // a server's log: time-stamped lines on stdout, INFO
        Serving.start(top.dataDirectory(), top.pluginsDirectory(), host(), port()).closeOnShutdown();
        Thread.currentThread().join(); // the server's threads work; this one waits for the shutdown hook to end the process
        return 0;
    }

    private int port() {
        if (port != null) {
            check(port);
            return port;
        }
        String env = System.getenv("KANZEN_PORT");
        if (env == null || env.isBlank()) {
            return 5000;
        }
        try {
            int p = Integer.parseInt(env.trim());
            check(p);
            return p;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("KANZEN_PORT must be a port number, not '" + env + "'");
        }
    }

    private static void check(int p) {
        if (p < 0 || p > 65535) {
            throw new IllegalArgumentException("the port must be between 0 and 65535, not " + p);
        }
    }

    private String host() {
        if (host != null) {
            return host;
        }
        String env = System.getenv("KANZEN_HOST");
        return env == null || env.isBlank() ? null : env;
    }
}
