package io.kanzen.cli;

import io.kanzen.core.KanzenException;
import io.kanzen.server.LogSetup;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/** Entry point of {@code kanzen}: exit 0 on success, 1 on an error, 2 on a usage mistake. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String... args) {
        LogSetup.use(LogSetup.Style.COMMAND); // `serve` switches to the server's style
        PrintStream out = System.out;
        PrintStream err = System.err;
        TerminalSafeStream safeOut = new TerminalSafeStream(out);
        TerminalSafeStream safeErr = new TerminalSafeStream(err);
        System.setOut(new PrintStream(safeOut, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(safeErr, true, StandardCharsets.UTF_8));
        try {
            return execute(args);
        } finally {
            System.out.flush();
            System.err.flush();
            try {
                safeOut.finish();
                safeErr.finish();
            } catch (IOException ignored) {
                // the terminal is gone: nothing left to print to
            }
            System.setOut(out);
            System.setErr(err);
        }
    }

    private static int execute(String... args) {
        CommandLine cli = KanzenCommand.commandLine(args);
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
