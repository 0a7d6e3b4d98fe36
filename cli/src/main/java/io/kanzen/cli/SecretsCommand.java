package io.kanzen.cli;

import io.kanzen.core.Kanzen;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "secrets", description = "What to do when data/encryption_key is lost.", subcommands = SecretsCommand.Reset.class)
final class SecretsCommand {
    @ParentCommand
    KanzenCommand top;

    @Command(name = "reset", description = {"Clears every secret sealed with the encryption key (the API key, the sources' and clients'"
            + " passwords and keys, what plugins kept) and lists what to enter again.",
        "Only when the key is lost for good: restoring data/encryption_key from a backup keeps them all. Stop the server first."})
    static final class Reset implements Callable<Integer> {
        @ParentCommand
        SecretsCommand parent;

        @Option(names = "--yes", description = "Do not ask for confirmation.")
        boolean yes;

        @Override
        public Integer call() throws IOException {
            if (!yes) {
                System.out.println("This clears every secret stored in " + Text.safe(parent.top.dataDirectory().toString())
                        + " (the API key, the passwords and keys of sources and clients). Type 'reset' to go on:");
                String answer = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
                if (answer == null || !answer.strip().equals("reset")) {
                    System.err.println("kanzen: nothing cleared");
                    return 1;
                }
            }
            List<String> cleared = Kanzen.resetSecrets(parent.top.dataDirectory());
            if (cleared.isEmpty()) {
                System.out.println("no sealed secret was stored: nothing to enter again");
                return 0;
            }
            System.out.println("cleared; enter again:");
            cleared.forEach(w -> System.out.println("  - " + Text.safe(w)));
            return 0;
        }
    }
}
