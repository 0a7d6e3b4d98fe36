package io.kanzen.cli;

import io.kanzen.core.KanzenException;
import picocli.CommandLine;

/** Entry point of {@code kanzen}: exit 0 on success, 1 on an error, 2 on a usage mistake. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String... args) {
        CommandLine cli = new CommandLine(new KanzenCommand());
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            // Users get a sentence, not a stack trace; KANZEN_DEBUG=1 shows the trace for bug reports.
            String message = e instanceof KanzenException || e instanceof IllegalArgumentException
                    ? e.getMessage() : "internal error: " + e;
            commandLine.getErr().println("kanzen: " + message);
            if (System.getenv("KANZEN_DEBUG") != null) {
                e.printStackTrace(commandLine.getErr());
            }
            return 1;
        });
        return cli.execute(args);
    }
}
