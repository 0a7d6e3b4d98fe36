package io.kanzen.cli;

import io.kanzen.core.Kanzen;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

@Command(
        name = "kanzen",
        mixinStandardHelpOptions = true,
        version = "kanzen 0.1.0",
        description = "Keeps a manga collection complete.")
public final class KanzenCommand {
    /**
     * The commands, in the help's order. Not in {@code @Command(subcommands)}: picocli would build the model of every
     * command's options (reflection over ~100 classes, most of a command's start-up) when a run needs one of them;
     * {@link #commandLine} adds only the one named, or all of them when none is (help, a usage mistake).
     */
    static final List<Class<?>> COMMANDS = List.of(ParseCommand.class, LibraryCommand.class, ScanCommand.class, SeriesCommand.class,
            MissingCommand.class, ClientsCommand.class, GrabCommand.class, DownloadsCommand.class, SourcesCommand.class,
            ScorersCommand.class, SearchCommand.class, MetadataCommand.class, EbdzCommand.class, CheckCommand.class,
            HistoryCommand.class, StatsCommand.class, StatusCommand.class, NotifiersCommand.class, PluginsCommand.class,
            SecretsCommand.class, ConfigCommand.class, AccountCommand.class,
            // branch start (issue 16): one distribution, the server started from the CLI's launcher
            ServeCommand.class, CdsTrainingCommand.class,
            // branch uiextras: manual mode's proposals from a terminal
            ProposalsCommand.class);

    /**
     * The command line for these arguments: when the first argument that is not one of the options taking a value below
     * names a command, only that command is added (its own sub-commands with it); otherwise every command, so that the
     * help lists them all and a mistyped name gets picocli's suggestions, as before.
     */
    static CommandLine commandLine(String... args) {
        CommandLine cli = new CommandLine(new KanzenCommand());
        Class<?> named = named(args);
        for (Class<?> command : named != null ? List.<Class<?>>of(named) : COMMANDS) {
            cli.addSubcommand(command);
        }
        return cli;
    }

    private static Class<?> named(String... args) {
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--data-dir") || arg.equals("--plugins-dir")) {
                i++; // its value
            } else if (!arg.startsWith("--data-dir=") && !arg.startsWith("--plugins-dir=")) {
                for (Class<?> command : COMMANDS) {
                    if (command.getAnnotation(Command.class).name().equals(arg)) {
                        return command;
                    }
                }
                return null; // an option of the top command (--help, --version) or not a command: all of them
            }
        }
        return null;
    }

    @Option(
            names = "--data-dir",
            scope = ScopeType.INHERIT,
            paramLabel = "DIR",
            description = "Where the database and key live (default: $KANZEN_DATA or ./data).")
    Path dataDir;

    @Option(
            names = "--plugins-dir",
            scope = ScopeType.INHERIT,
            paramLabel = "DIR",
            description = "Folder of drop-in plugin JARs (default: $KANZEN_PLUGINS or ./plugins).")
    Path pluginsDir;

    Path dataDirectory() {
        if (dataDir != null) {
            return dataDir;
        }
        String env = System.getenv("KANZEN_DATA");
        return Path.of(env != null && !env.isBlank() ? env : "data");
    }

    Path pluginsDirectory() {
        if (pluginsDir != null) {
            return pluginsDir;
        }
        String env = System.getenv("KANZEN_PLUGINS");
        return Path.of(env != null && !env.isBlank() ? env : "plugins");
    }

    Kanzen open() {
        return Kanzen.builder().dataDirectory(dataDirectory()).pluginsDirectory(pluginsDirectory()).build();
    }
}
