package io.kanzen.cli;

import io.kanzen.core.Kanzen;
import io.kanzen.core.KanzenException;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "account", description = "The web UI's administrator and the API key.",
        subcommands = {AccountCommand.Password.class, AccountCommand.ApiKey.class})
final class AccountCommand {
    @ParentCommand
    KanzenCommand top;

    @Command(name = "password", description = "Changes the administrator's password: asks the current one, then the new one"
            + " (from the terminal, or one per line on standard input).")
    static final class Password implements Callable<Integer> {
        @ParentCommand
        AccountCommand parent;

        @Override
        public Integer call() throws IOException {
            try (Kanzen kanzen = parent.top.open()) {
                String user = kanzen.accounts().administrator()
                        .orElseThrow(() -> new KanzenException("there is no administrator yet: open the web UI to create one"));
                Prompt prompt = new Prompt();
                String current = prompt.secret("current password: ");
                String next = prompt.secret("new password (8 characters or more): ");
                kanzen.accounts().changePassword(user, current, next);
                System.out.println("the password of '" + Text.safe(user) + "' is changed (a running server keeps its open sessions until they expire or it restarts)");
            }
            return 0;
        }
    }

    @Command(name = "api-key", description = "Prints the API key; --rotate replaces it (the old one stops working at once).")
    static final class ApiKey implements Callable<Integer> {
        @ParentCommand
        AccountCommand parent;

        @Option(names = "--rotate", description = "Make a new key.")
        boolean rotate;

        @Override
        public Integer call() {
            try (Kanzen kanzen = parent.top.open()) {
                if (!kanzen.accounts().isSetUp()) {
                    throw new KanzenException("there is no administrator yet: open the web UI to create one");
                }
                System.out.println(rotate ? kanzen.accounts().rotateApiKey() : kanzen.accounts().apiKey());
            }
            return 0;
        }
    }

    /** Reads secrets without echo from a terminal, or line by line from standard input (scripts, tests). */
    private static final class Prompt {
        private final Console console = System.console();
        private BufferedReader lines;

        String secret(String label) throws IOException {
            if (console != null) {
                char[] v = console.readPassword(label);
                return v == null ? "" : new String(v);
            }
            if (lines == null) {
                lines = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            }
            String v = lines.readLine();
            if (v == null) {
                throw new KanzenException("no password given on standard input");
            }
            return v;
        }
    }
}
